"""The draft in the terminal, drawn with rich (the other screens are in ``screens``).

Everything a user typed is put on screen as ``Text`` (never as markup), so
``[重要]`` stays ``[重要]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.text import Text

from wizard.base.cleaning import for_terminal

if TYPE_CHECKING:  # the help screens use this module too, and need none of the engine
    from wizard.report.paragraphs import Paragraph, Report

# Console is re-exported: the interactive flow names it without importing rich.
__all__ = ["Console"]

MISSING_STYLE = "bold black on yellow"
HEADING_STYLE = "bold"
INDENT = "\u3000\u3000"


def safe(text: str, style: str = "") -> Text:
    """Text from answers or files as rich text that cannot move the cursor or retitle the
    window; never parsed as markup either."""
    return Text(for_terminal(text), style=style)


def plain(console: Console, message: str, style: str = "") -> None:
    """One line of the program's own, with whatever text from outside it holds made safe."""
    console.print(safe(message, style=style))


def phrase_lines(phrases: list[str], width: int, joiner: str = "；") -> list[str]:
    """Phrases joined into lines no wider than ``width``, broken between phrases, never
    inside one (a phrase wider than a line gets a line of its own, wrapped as text is)."""
    lines: list[str] = []
    line = ""
    for phrase in phrases:
        if line and cell_len(line + joiner + phrase) > width:
            lines.append(line + joiner)
            line = phrase
        else:
            line = line + joiner + phrase if line else phrase
    return [*lines, line] if line else lines


def error(console: Console, message: str) -> None:
    console.print(Text("错误：", style="bold red") + safe(message))


def make_console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


# Chinese line-breaking rules (禁则): no closing punctuation at the start of a line,
# no opening punctuation at its end.
_NO_LINE_START = frozenset("，。、；：？！）」』”’》〉】…%,.;:?!)")
_NO_LINE_END = frozenset("（「『“‘《〈【(")


class ChineseText:
    """Text wrapped by cell width the way Chinese is typeset: a closing mark never starts a
    line; the character before it goes down with it instead."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        plain = self.text.plain
        width = max(options.max_width, 4)
        breaks: list[int] = []
        start, used = 0, 0
        for index, char in enumerate(plain):
            cells = cell_len(char)
            if used + cells > width and index > start:
                cut = index
                while cut - 1 > start and (
                    plain[cut] in _NO_LINE_START or plain[cut - 1] in _NO_LINE_END
                ):
                    cut -= 1
                breaks.append(cut)
                start = cut
                used = cell_len(plain[cut:index])
            used += cells
        yield from self.text.divide(breaks)


def _paragraph(paragraph: Paragraph) -> RenderableType:
    text = Text()
    for span in paragraph.spans:
        style = {"heading": HEADING_STYLE, "missing": MISSING_STYLE}.get(span.role, "")
        text.append(for_terminal(span.text), style=style)
    if paragraph.kind in ("title", "subtitle"):
        text.stylize("bold" if paragraph.kind == "title" else "")
        text.justify = "center"
    elif paragraph.kind == "signature":
        text.justify = "right"
    else:
        if paragraph.kind == "heading":
            text.stylize(HEADING_STYLE)
        return ChineseText(Text(INDENT) + text)
    return text


def report_renderable(report: Report) -> RenderableType:
    parts: list[RenderableType] = []
    for paragraph in report.paragraphs:
        parts.append(_paragraph(paragraph))
        if paragraph.kind in ("title",):
            parts.append(Text(""))
    missing = len(report.missing)
    footer = Text(f"\n全文 {report.characters} 字", style="dim")
    if missing:
        footer.append("，其中 ")
        footer.append(f"{missing} 处待填写", style=MISSING_STYLE)
        footer.append("（已用黄色标出）")
    parts.append(footer)
    return Group(*parts)
