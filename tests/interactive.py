"""Driving the interactive wizard through prompt_toolkit pipe input, in-process.

A script is a list of steps: each waits until its prompt is on the screen, then types
its keys, so a test that goes wrong says which prompt it was waiting for. Menu entries
are chosen by name (``pick(MenuAction.QUIT)``), not by counting cursor moves.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner, Result

from wizard.cli import app as cli

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
TAB = "\t"
BACKSPACE = "\x7f"
CTRL_B = "\x02"
CTRL_C = "\x03"
CTRL_E = "\x05"
CTRL_G = "\x07"
CTRL_J = "\n"
CTRL_O = "\x0f"
CTRL_U = "\x15"
CTRL_X = "\x18"

#: How long a step waits for its prompt before the test fails: long, since it is waited
#: only when something is wrong, and a busy 2-core machine may take seconds to draw
#: (and short of the test's own time limit, so that the failure says which prompt).
PROMPT_WAIT = 30.0


def pick(entry: Enum) -> str:
    """The keys that choose an entry of a menu built from its enum, from the top."""
    return DOWN * list(type(entry)).index(entry) + ENTER


@dataclass(frozen=True)
class Step:
    """Wait for ``prompt`` to be drawn, then type ``keys``. A prompt's text that a list on
    screen also shows (an answer in the review list) is waited for with its "? " in front."""

    prompt: str
    keys: str


class Screen(DummyOutput):
    """An output that keeps the text prompt_toolkit draws, for steps to wait on."""

    def __init__(self) -> None:
        super().__init__()
        self._drawn: list[str] = []
        self._lock = threading.Lock()

    def write(self, data: str) -> None:
        with self._lock:
            self._drawn.append(data)

    def text(self) -> str:
        with self._lock:
            return "".join(self._drawn)


def _type(pipe_send: Callable[[str], None], screen: Screen, script: Sequence[Step]) -> str:
    """Type each step once its prompt shows; return the prompt that never came, or "".

    A step's prompt is looked for only in what was drawn after the last keys were typed:
    the words may also stand in what the screen already shows (菜单 in the keys' help line,
    报告结构 among the menu's entries), and keys typed on such a sight would reach the
    prompt before the one meant."""
    seen = 0
    for step in script:
        deadline = time.monotonic() + PROMPT_WAIT
        while True:
            found = screen.text().find(step.prompt, seen)
            if found >= 0:
                break
            if time.monotonic() > deadline:
                return step.prompt
            time.sleep(0.02)
        seen = max(found + len(step.prompt), len(screen.text()))
        pipe_send(step.keys)
    return ""


def drive(script: str | Sequence[Step], action: Callable[[], object], later: str = "",
          until: Callable[[], bool] | None = None) -> str:  # fmt: skip
    """Run ``action`` with the script typed into its prompts; input ends (EOF) after it.
    Returns what the prompts drew; fails naming the prompt that never came."""
    steps = [Step("", script)] if isinstance(script, str) else list(script)
    screen = Screen()
    missed: list[str] = []
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=screen):

        def typist() -> None:
            missed.append(_type(pipe.send_text, screen, steps))
            if not missed[0]:
                deadline = time.monotonic() + 20
                while until is not None and not until() and time.monotonic() < deadline:
                    time.sleep(0.05)
                pipe.send_text(later)
            pipe.close()

        thread = threading.Thread(target=typist, daemon=True)
        thread.start()
        try:
            action()
        finally:
            thread.join()
    assert not missed[0], (
        f"waited in vain for the prompt {missed[0]!r}; drew: {screen.text()[-600:]}"
    )
    return screen.text()


def interact(
    monkeypatch: pytest.MonkeyPatch,
    args: Sequence[str | Path],
    script: str | Sequence[Step],
    later: str = "",
    until: Callable[[], bool] | None = None,
) -> tuple[int, str]:
    """Run a command as if typed at a terminal; input ends (EOF) after the script.

    ``script`` is a list of steps, or plain keys typed at once. ``later`` is typed once
    ``until()`` holds (say, once a file was saved), for keys that must not arrive early.
    Returns the exit code and what was printed (rich's line wrapping undone), followed by
    what the prompts drew.
    """
    monkeypatch.setattr(cli, "terminal_available", lambda: True)
    results: list[Result] = []

    def run() -> None:
        invoked = CliRunner().invoke(cli.app, [str(a) for a in args], env={"COLUMNS": "80"})
        results.append(invoked)

    drawn = drive(script, run, later, until)
    result = results[0]
    output = result.output.replace("\n", "")
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, output + drawn
