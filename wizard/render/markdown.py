"""The draft as Markdown; what the user typed is escaped so that it reads literally."""

from __future__ import annotations

import re
import unicodedata

from wizard.report.paragraphs import Paragraph, Report

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape(text: str) -> str:
    """Backslash every character Markdown would act on, so text shows as typed."""
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _SPECIAL.sub(r"\\\1", text))


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _flanks(char: str) -> bool:
    """Whether ``**`` next to this neighbour may open or close before punctuation."""
    return not char or char.isspace() or _is_punctuation(char)


def strong(text: str, before: str = "", after: str = "") -> str:
    """Bold that works between Chinese characters.

    CommonMark does not open ``**`` in front of punctuation when a letter precedes the
    marker, nor close it after punctuation when a letter follows, so ``在**【待填写】**的``
    would stay unbolded. Such punctuation at either end is kept outside the markers.
    """
    start, end = 0, len(text)
    if not _flanks(before):
        while start < end and _is_punctuation(text[start]):
            start += 1
    if not _flanks(after):
        while end > start and _is_punctuation(text[end - 1]):
            end -= 1
    if start == end:
        return escape(text)
    return f"{escape(text[:start])}**{escape(text[start:end])}**{escape(text[end:])}"


def _inline(paragraph: Paragraph) -> str:
    # Neighbouring bold spans become one run: "**a****b**" would not parse as bold.
    runs: list[tuple[bool, str]] = []
    for span in paragraph.spans:
        bold = span.role in ("heading", "missing")
        if runs and runs[-1][0] == bold:
            runs[-1] = (bold, runs[-1][1] + span.text)
        else:
            runs.append((bold, span.text))
    parts = []
    for i, (bold, text) in enumerate(runs):
        if bold:
            before = runs[i - 1][1][-1:] if i else ""
            after = runs[i + 1][1][:1] if i + 1 < len(runs) else ""
            parts.append(strong(text, before, after))
        else:
            parts.append(escape(text))
    return "".join(parts)


def render_markdown(report: Report) -> str:
    blocks: list[str] = []
    for paragraph in report.paragraphs:
        text = _inline(paragraph)
        if paragraph.kind == "title":
            blocks.append(f"# {text}")
        elif paragraph.kind == "heading":
            blocks.append(f"{'#' * (paragraph.level + 1)} {text}")
        elif paragraph.kind == "copy_to":  # the 版记, set apart by a rule
            blocks += ["---", text]
        else:
            blocks.append(text)
    return "\n\n".join(blocks) + "\n"
