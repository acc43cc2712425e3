"""What every screen of the interview shares: the session, the console, saving and hints.

The screens (questions, editors, menu) receive this context instead of importing
each other.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from enum import Enum
from typing import Any

from wizard import prompter
from wizard.answersfile.disk import AnswersError
from wizard.figures import Invalid
from wizard.kinds import kind_of
from wizard.questionnaire import Question
from wizard.questionnaire.values import display
from wizard.render import terminal
from wizard.render.terminal import Console
from wizard.session import Session
from wizard.state.interview import Interview
from wizard.state.steps import Step

LEVEL_NOTE = {
    "required": "必填",
    "recommended": "建议填写；不掌握可直接按 Enter 跳过",
    "optional": "选填；可直接按 Enter 跳过",
}


class Back(Enum):
    """The menu entry that returns without choosing anything."""

    BACK = "back"


class Quit(Exception):
    """Save and quit, chosen from the menu."""


class Context:
    def __init__(
        self, session: Session, console: Console, asker: Callable[[Context, Step], None]
    ) -> None:
        self.session = session
        self.console = console
        self._asker = asker
        #: Parts whose carried answers the clerk chose to confirm one by one this session.
        self.one_by_one: set[str] = set()
        #: The most of the report the bar has shown done this session (see ``shown_done``).
        self._done_shown = 0

    def shown_done(self, percent: int) -> int:
        """How much the progress bar shows done: never less than it showed before in this
        session. A topic the clerk adds brings its questions, which would take the bar back
        for work that was progress; the count beside the bar says what is left."""
        self._done_shown = max(self._done_shown, percent)
        return self._done_shown

    def ask(self, step: Step) -> None:
        """One question, as the loop asks it (the review screen asks through this)."""
        self._asker(self, step)

    def ask_question(self, question_id: str) -> None:
        """A question by its id, asked as the loop asks it; back to the caller after."""
        step = self.interview.step(question_id)
        if step is None:
            return
        try:
            self.ask(step)
        except prompter.LeftPrompt:
            return

    @property
    def interview(self) -> Interview:
        return self.session.interview

    def say(self, text: str, style: str = "") -> None:
        with contextlib.suppress(OSError):  # a window closed under the wizard: nobody to tell
            terminal.plain(self.console, text, style)

    def save(self) -> None:
        """Save now; a failure is shown and the session tries again when it ends."""
        try:
            notice = self.session.save()
        except AnswersError as error:
            terminal.error(self.console, str(error))
            return
        if notice:
            self.say(notice, "yellow")

    def change(self, apply: Callable[..., object], *args: Any) -> None:
        """Apply one edit and save it; an edit the rules refuse is explained, not applied."""
        try:
            apply(*args)
        except Invalid as error:
            self.say(str(error), "yellow")
            return
        self.save()

    def keep_typed(
        self, question: Question, left: BaseException, typed: str | dict[str, str]
    ) -> None:
        """The user left a prompt (Ctrl+C, Ctrl+G, Ctrl+B, Ctrl+O, the window closed) with
        something typed: keep it as a draft in the answers file, offered on the next visit."""
        if not isinstance(left, prompter.LeftPrompt | prompter.Stopped | prompter.Terminated):
            return
        empty = not (
            typed.strip() if isinstance(typed, str) else any(v.strip() for v in typed.values())
        )
        if empty:
            return
        self.interview.document.keep_draft(question.id, typed)
        self.save()
        if not isinstance(left, prompter.LeftPrompt):  # leaving the wizard: say what was kept
            self.say(f"正在填写的“{question.label}”已存为草稿，下次打开会放回输入框。", "yellow")

    def skip(self, question: Question) -> None:
        """Leave a question empty on purpose, and save that."""
        self.interview.clear(question.id)
        self.interview.skip(question.id)
        self.save()

    def show_help(self, label: str, help_text: str, example: str) -> None:
        self.say(f"【{label}】", "bold")
        self.say(f"说明：{help_text or '（无）'}")
        if example:
            self.say(f"示例：{example}", "cyan")

    def message(self, question: Question) -> str:
        """The prompt line: the label, its unit and last year's figure; short enough to fit."""
        parts = [question.label]
        unit = kind_of(question).unit_of(question)
        if unit:
            parts.append(f"（{unit}）")
        before = self.interview.previous_value(question.id)
        if before is not None:
            parts.append(f"　上年：{display(question, before)}")
        return "".join(parts)

    def hint(self, question: Question, *extra: str) -> None:
        """The line above a prompt: required or not, and how to answer."""
        notes = [LEVEL_NOTE[question.level], *(e for e in extra if e)]
        for line in terminal.phrase_lines(notes, self.console.width):  # not mid-phrase
            self.say(line, "dim")

    def note_keys(self) -> None:
        self.say(prompter.KEYS_HELP, "dim")
