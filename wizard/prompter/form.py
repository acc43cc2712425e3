"""A form: several answers on one screen (a topic's figures, last year's figures to update).

Part of the questionary adapter: built on prompt_toolkit, which questionary itself uses,
with the same style and the same keys to leave (Ctrl+B, Ctrl+O, Ctrl+G, Ctrl+C).
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import HSplit, Layout, VSplit, Window
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.shortcuts import print_formatted_text
from prompt_toolkit.utils import get_cwidth

from wizard import prompter


@dataclass(frozen=True, slots=True)
class FormField:
    """One line of a form: what it asks, what it starts with, what is shown after it."""

    key: str
    label: str
    default: str = ""
    #: After the entry: 上年 and the unit, say.
    hint: str = ""
    validate: Callable[[str], str | None] | None = None


ENTRY_WIDTH = 16


def form(message: str, fields: Sequence[FormField], note: str = "") -> dict[str, str]:
    """Several answers on one screen, one line each. Tab, Shift-Tab and the arrow keys move
    between lines; a line is checked as it is left and all are checked on Enter, which
    accepts the whole form; a line in error keeps the cursor and says why. The wizard's
    keys leave it with every line's text kept (``LeftPrompt.fields``)."""
    buffers = [Buffer(document=Document(f.default, len(f.default))) for f in fields]
    problem = [""]

    def typed() -> dict[str, str]:
        return {f.key: b.text for f, b in zip(fields, buffers, strict=True)}

    def wrong(index: int) -> str | None:
        check = fields[index].validate
        return check(buffers[index].text) if check else None

    app: Application[dict[str, str]] = Application(
        layout=_layout(message, note, fields, buffers, problem),
        key_bindings=_keys(buffers, fields, wrong, problem, typed),
        style=prompter.STYLE,
        full_screen=False,
        erase_when_done=True,
    )
    prompter.FORMS[id(app)] = typed
    try:
        answer = app.run()
    except OSError:  # the window closed under the form
        raise prompter.Terminated(getattr(signal, "SIGHUP", signal.SIGTERM), "", typed()) from None
    finally:
        prompter.FORMS.pop(id(app), None)
    said = "；".join(f"{f.label} {answer[f.key]}" for f in fields if answer[f.key].strip())
    line = [
        ("class:qmark", "?"),
        ("class:question", f" {message} "),
        ("class:answer", said or "（都空着）"),
    ]
    print_formatted_text(FormattedText(line), style=prompter.STYLE)
    return answer


def _layout(
    message: str, note: str, fields: Sequence[FormField], buffers: list[Buffer], problem: list[str]
) -> Layout:
    label_width = min(max((get_cwidth(f.label) for f in fields), default=4) + 2, 40)
    rows: list[Any] = [Window(FormattedTextControl([("class:question", f"? {message}")]), height=1)]
    if note:
        rows.append(Window(FormattedTextControl([("class:instruction", note)]), height=1))
    for field, buffer in zip(fields, buffers, strict=True):
        row = [
            Window(FormattedTextControl(field.label), width=label_width),
            Window(BufferControl(buffer), width=ENTRY_WIDTH, style="class:answer underline"),
            Window(FormattedTextControl(" " + field.hint), style="class:instruction"),
        ]
        rows.append(VSplit(row, height=1))
    rows.append(Window(FormattedTextControl(lambda: [("fg:ansired", problem[0])]), height=1))
    keys = "Tab/↑↓ 换一项 · Enter 全部保存 · 不知道的空着"
    rows.append(Window(FormattedTextControl([("class:instruction", keys)]), height=1))
    return Layout(HSplit(rows), focused_element=buffers[0] if buffers else None)


def _keys(
    buffers: list[Buffer],
    fields: Sequence[FormField],
    wrong: Callable[[int], str | None],
    problem: list[str],
    typed: Callable[[], dict[str, str]],
) -> KeyBindings:
    keys = KeyBindings()

    def focused(event: KeyPressEvent) -> int:
        return next((i for i, b in enumerate(buffers) if b is event.app.current_buffer), 0)

    def move(event: KeyPressEvent, step: int) -> None:
        index = focused(event)
        why = wrong(index)
        problem[0] = f"{fields[index].label}：{why}" if why else ""
        if not why:
            event.app.layout.focus(buffers[(index + step) % len(buffers)])

    for key, step in (("tab", 1), ("down", 1), ("s-tab", -1), ("up", -1)):
        keys.add(key)(lambda event, step=step: move(event, step))

    @keys.add("enter")
    def _accept(event: KeyPressEvent) -> None:
        for index in range(len(buffers)):
            why = wrong(index)
            if why:
                problem[0] = f"{fields[index].label}：{why}"
                event.app.layout.focus(buffers[index])
                return
        event.app.exit(result=typed())

    leaving: dict[str, type[prompter.LeftPrompt]] = {
        "c-b": prompter.GoBack,
        "c-o": prompter.ShowHelp,
        "c-g": prompter.OpenMenu,
    }
    for key, kind in leaving.items():
        keys.add(key, eager=True)(
            lambda e, kind=kind: e.app.exit(exception=kind(e.app.current_buffer.text, typed()))
        )
    for key in ("c-c", "c-d"):
        keys.add(key, eager=True)(lambda e: e.app.exit(exception=prompter.Stopped("", typed())))
    return keys
