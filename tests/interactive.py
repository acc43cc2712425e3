"""Driving the interactive wizard through prompt_toolkit pipe input, in-process."""

from __future__ import annotations

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
CTRL_G = "\x07"
CTRL_J = "\n"
CTRL_O = "\x0f"
CTRL_U = "\x15"


def interact(monkeypatch: pytest.MonkeyPatch, args: list[str | Path], keys: str) -> tuple[int, str]:
    """Run a command as if typed at a terminal; input ends (EOF) after ``keys``.

    Returns the exit code and what was printed, with rich's line wrapping undone.
    """
    monkeypatch.setattr(cli, "terminal_available", lambda: True)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        result = CliRunner().invoke(cli.app, [str(a) for a in args], env={"COLUMNS": "80"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output.replace("\n", "")
