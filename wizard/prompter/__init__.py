"""The only questionary adapter: build a prompt, add the wizard's keys, ask it.

Prompts are asked with ``unsafe_ask`` so that Ctrl-C arrives as KeyboardInterrupt
(``ask`` would turn it into None, indistinguishable from an empty answer). The
wizard's own keys leave a prompt by raising an exception the flow understands:

- Ctrl-B: back to the previous question (``GoBack``)
- Ctrl-O: help and example for this question (``ShowHelp``, with what was typed so far)
- Ctrl-G: the main menu (``OpenMenu``)
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit.application import Application, get_app, get_app_or_none
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.shortcuts import print_formatted_text
from questionary import Choice, Separator, Style
from questionary.prompts.common import InquirerControl

STYLE = Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansigreen"),
        ("instruction", "fg:ansibrightblack"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("selected", "fg:ansigreen"),
    ]
)

KEYS_HELP = "Ctrl+B 上一题 · Ctrl+O 说明和示例 · Ctrl+G 菜单 · Ctrl+C 保存并退出"
#: Simple editors a clerk can use, tried in order when neither $VISUAL nor $EDITOR is set
#: (prompt_toolkit would otherwise fall back to vi).
_SIMPLE_EDITORS = ("notepad", "nano", "pico", "mousepad", "gedit")


def editor() -> str | None:
    """The editor Ctrl+X Ctrl+E opens: the user's own, else a simple one on this system."""
    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if chosen:
        return chosen
    return next((e for e in _SIMPLE_EDITORS if shutil.which(e)), None)


def long_text_help() -> str:
    keys = "按 Enter 完成；Ctrl+J 换行"
    if editor() is not None:
        return keys + "；Ctrl+X 再按 Ctrl+E 用编辑器打开"
    return keys


class LeftPrompt(Exception):
    """The user left a prompt with one of the wizard's keys; ``typed`` is what it held, so
    that nothing typed is lost on the way (a form: each field's text in ``fields``)."""

    def __init__(self, typed: str = "", fields: dict[str, str] | None = None) -> None:
        super().__init__(typed)
        self.typed = typed
        self.fields = fields or {}


class GoBack(LeftPrompt):
    """The user asked for the previous question."""


class OpenMenu(LeftPrompt):
    """The user asked for the main menu."""


class ShowHelp(LeftPrompt):
    """The user asked for help."""


class Stopped(KeyboardInterrupt):
    """Ctrl-C at a prompt (still a KeyboardInterrupt), with what the prompt held."""

    def __init__(self, typed: str = "", fields: dict[str, str] | None = None) -> None:
        super().__init__(typed)
        self.typed = typed
        self.fields = fields or {}


class Terminated(Exception):
    """SIGTERM or SIGHUP (the terminal window closed) during the interview."""

    def __init__(self, signum: int, typed: str = "", fields: dict[str, str] | None = None) -> None:
        super().__init__(signum)
        self.signum = signum
        self.typed = typed
        self.fields = fields or {}


def fields_when_left(error: BaseException) -> dict[str, str]:
    """What each field of a form held when the user left it; {} for other prompts."""
    if isinstance(error, LeftPrompt | Stopped | Terminated):
        return error.fields
    return {}


def typed_when_left(error: BaseException) -> str | None:
    """What a prompt held when the user left it by this exception; None if it says nothing."""
    if isinstance(error, LeftPrompt | Stopped | Terminated):
        return error.typed
    return None


@contextlib.contextmanager
def signals_end_prompts() -> Iterator[None]:
    """SIGTERM and SIGHUP end the interview as Ctrl-C does: a prompt being asked exits
    through prompt_toolkit, which restores the terminal (raw mode, bracketed paste) first."""

    def handler(signum: int, _frame: object) -> None:
        app = get_app_or_none()
        if app is not None and app.is_running:
            app.exit(exception=Terminated(signum, app.current_buffer.text, _form_fields(app)))
        else:
            raise Terminated(signum)

    wanted = [s for s in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {s: signal.signal(s, handler) for s in wanted}
    try:
        yield
    finally:
        for s, old in previous.items():
            signal.signal(s, old)


#: The forms being asked (``prompter.form``), by application: what their lines hold, for
#: a window that is closed while one is asked.
FORMS: dict[int, Callable[[], dict[str, str]]] = {}


def _form_fields(app: Application[Any]) -> dict[str, str]:
    return FORMS.get(id(app), dict)()


@dataclass(frozen=True, slots=True)
class Option:
    """One entry of a menu or a list: what it shows, what it returns."""

    title: str
    value: Any = None
    checked: bool = False
    #: A heading between entries, not selectable.
    separator: bool = False


def _navigation(app: Application[Any], buffer_text: Callable[[], str]) -> None:
    """Add the wizard's keys to a built prompt."""
    keys = KeyBindings()

    @keys.add("c-b", eager=True)
    def _back(event: KeyPressEvent) -> None:
        event.app.exit(exception=GoBack(buffer_text()))

    @keys.add("c-o", eager=True)
    def _help(event: KeyPressEvent) -> None:
        event.app.exit(exception=ShowHelp(buffer_text()))

    @keys.add("c-g", eager=True)
    def _menu(event: KeyPressEvent) -> None:
        event.app.exit(exception=OpenMenu(buffer_text()))

    @keys.add("c-c", eager=True)
    def _stop(event: KeyPressEvent) -> None:
        event.app.exit(exception=Stopped(buffer_text()))

    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), keys])


def _answering_keys(app: Application[Any], answers: dict[str, Callable[[], Any]]) -> None:
    """Keys that end a prompt with an answer, without first marking it answered.

    questionary marks a checkbox or a confirm answered, then exits; a frame drawn in
    between (a busy machine draws one) shows its English answer line ("done (2
    selections)", "Yes") before ours replaces it. Ending the prompt directly never draws it.
    """
    keys = KeyBindings()
    for key, answer in answers.items():
        keys.add(key, eager=True)(lambda event, answer=answer: event.app.exit(result=answer()))
    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), keys])


def _ask(
    question: questionary.Question,
    buffer_text: Callable[[], str] = str,
    nav: bool = True,
    shown_as: tuple[str, Callable[[Any], str]] | None = None,
) -> Any:
    """Ask. With ``shown_as`` (the message, and how to say an answer), the prompt's own
    answer line is erased and said in Chinese instead (see ``_answering_keys``)."""
    if nav:
        _navigation(question.application, buffer_text)
    if shown_as is None:
        return _asked(question, buffer_text)
    question.application.erase_when_done = True
    answer = _asked(question, buffer_text)
    message, say = shown_as
    line = [("class:qmark", "?"), ("class:question", f" {message} "), ("class:answer", say(answer))]
    print_formatted_text(FormattedText(line), style=STYLE)
    return answer


def _asked(question: questionary.Question, buffer_text: Callable[[], str]) -> Any:
    """The answer; a terminal that went away under the prompt (the window closed: reading
    fails before the hang-up signal arrives) ends the interview like that signal."""
    try:
        return question.unsafe_ask()
    except OSError:
        raise Terminated(getattr(signal, "SIGHUP", signal.SIGTERM), buffer_text()) from None


def _keys_waiting() -> bool:
    return bool(get_app().key_processor.input_queue)


def text(
    message: str,
    default: str = "",
    validate: Callable[[str], str | None] | None = None,
    instruction: str | None = None,
    multiline: bool = False,
    nav: bool = True,
) -> str:
    """Free text; ``validate`` returns an error message or None, shown in place."""

    def check(value: str) -> bool | str:
        if validate is None:
            return True
        problem = validate(value)
        return True if problem is None else problem

    keys = KeyBindings()
    extra: dict[str, Any] = {"key_bindings": keys}

    # One key clears the whole answer, however many lines (prompt_toolkit's own Ctrl+U
    # clears only the line before the cursor): rewriting a carried text starts here.
    @keys.add("c-u", eager=True)
    def _clear(event: KeyPressEvent) -> None:
        event.current_buffer.text = ""

    if multiline:

        @keys.add("enter", eager=True)
        def _accept(event: KeyPressEvent) -> None:
            event.current_buffer.validate_and_handle()

        @keys.add("c-j", eager=True)
        def _newline(event: KeyPressEvent) -> None:
            event.current_buffer.insert_text("\n")

        chosen = editor()
        if chosen is not None and not (os.environ.get("VISUAL") or os.environ.get("EDITOR")):
            os.environ["VISUAL"] = chosen  # what prompt_toolkit opens, instead of vi
        extra["enable_open_in_editor"] = chosen is not None

    # A terminal without bracketed paste (the old Windows console) sends a pasted line break
    # as Enter: with more keys already waiting, it is a paste, and the next line must not be
    # lost to the next question. Typed by hand, Enter comes alone and finishes the answer.
    @keys.add("enter", filter=Condition(_keys_waiting), eager=True)
    def _pasted_line_break(event: KeyPressEvent) -> None:
        event.current_buffer.insert_text("\n")

    # prompt_toolkit draws a multi-line prompt blank when its first line wraps, so long
    # text gets its question on a line of its own and its help printed by the caller.
    question = questionary.text(
        message + "\n" if multiline else message,
        default=default,
        validate=check,
        instruction=instruction or "",  # "" also keeps questionary's English hint away
        multiline=multiline,
        style=STYLE,
        qmark="?",
        **extra,
    )
    buffer = question.application.current_buffer
    result = _ask(question, lambda: buffer.text, nav)
    return str(result)


def select(message: str, options: Sequence[Option], default: Any = None, nav: bool = True) -> Any:
    choices: list[Choice | Separator] = [
        Separator(o.title) if o.separator else Choice(title=o.title, value=o.value) for o in options
    ]
    initial = next((c for c in choices if isinstance(c, Choice) and c.value == default), None)
    long = sum(isinstance(c, Choice) for c in choices) >= FIND_FROM
    question = questionary.select(
        message,
        choices=choices,
        default=initial,
        style=STYLE,
        qmark="?",
        instruction="（↑↓ 选择，打字查找，Enter 确定）" if long else "（↑↓ 选择，Enter 确定）",
        # Typing narrows the list to the entries holding what was typed (a number, the
        # first characters of a heading); j and k are letters to find, not moves.
        use_search_filter=True,
        use_jk_keys=False,
    )
    _find_any_character(question.application)
    return _ask(question, nav=nav)


#: From how many entries on a list says it can be searched by typing (any list can).
FIND_FROM = 8


def _find_any_character(app: Application[Any]) -> None:
    """questionary finds by ASCII characters only; a clerk types 青石 or 二、 as well."""
    control = next(c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl))
    keys = KeyBindings()

    @keys.add("<any>")
    def _find(event: KeyPressEvent) -> None:
        if len(event.data) == 1 and event.data.isprintable() and not event.data.isascii():
            control.add_search_character(event.data)  # type: ignore[arg-type]

    app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), keys])


def checkbox(message: str, options: Sequence[Option], nav: bool = True) -> list[Any]:
    choices = [Choice(title=o.title, value=o.value, checked=o.checked) for o in options]
    question = questionary.checkbox(
        message,
        choices=choices,
        style=STYLE,
        qmark="?",
        instruction="（↑↓ 移动，空格 勾选/取消，Enter 确定）",
    )
    titles = {repr(o.value): o.title for o in options}
    control = next(
        c for c in question.application.layout.find_all_controls() if isinstance(c, InquirerControl)
    )
    _answering_keys(
        question.application, {"c-m": lambda: [c.value for c in control.get_selected_values()]}
    )

    def say(picked: list[Any]) -> str:
        return "、".join(titles.get(repr(p), str(p)) for p in picked) or "（未选）"

    return list(_ask(question, nav=nav, shown_as=(message, say)))


def confirm(message: str, default: bool = True) -> bool:
    question = questionary.confirm(
        message,
        default=default,
        style=STYLE,
        qmark="?",
        instruction="（是 y／否 n）" if not default else "（是 Y／否 n）",
    )
    yes, no = (lambda: True), (lambda: False)
    answers = {"y": yes, "Y": yes, "n": no, "N": no, "c-m": lambda: default}
    _answering_keys(question.application, answers)
    return bool(_ask(question, nav=False, shown_as=(message, lambda yes: "是" if yes else "否")))
