"""Driving the interactive wizard through prompt_toolkit pipe input, in-process."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from wizard import cli

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
BACKSPACE = "\x7f"
CTRL_B = "\x02"
CTRL_C = "\x03"
CTRL_E = "\x05"
CTRL_G = "\x07"
CTRL_J = "\n"
CTRL_O = "\x0f"
CTRL_U = "\x15"
CTRL_X = "\x18"


def interact(
    monkeypatch: pytest.MonkeyPatch,
    args: list[str | Path],
    keys: str,
    later: str = "",
    until: Callable[[], bool] | None = None,
) -> tuple[int, str]:
    """Run a command as if typed at a terminal; input ends (EOF) after the keys.

    ``later`` is typed once ``until()`` holds (say, once a file was saved), for keys
    that must not arrive early. Returns the exit code and what was printed, with rich's
    line wrapping undone.
    """
    monkeypatch.setattr(cli, "terminal_available", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)

        def type_later() -> None:
            deadline = time.monotonic() + 20
            while until is not None and not until() and time.monotonic() < deadline:
                time.sleep(0.05)
            pipe.send_text(later)
            pipe.close()

        typist = threading.Thread(target=type_later, daemon=True)
        typist.start()
        result = CliRunner().invoke(cli.app, [str(a) for a in args], env={"COLUMNS": "80"})
        typist.join()
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output.replace("\n", "")
