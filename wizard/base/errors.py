"""The one base of every error a user should read; ``cli`` turns it into a message and an exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class Finishing(Protocol):
    """What an interrupted command needs of its session: where it is, and to finish it
    (``session.Session``; named by its shape, so that the errors sit below everything)."""

    @property
    def path(self) -> Path: ...

    def finish(self) -> Path: ...


class UserError(Exception):
    """Bad input from the user or their files; ``str()`` is the whole message, in Chinese."""

    #: The command's exit code (DESIGN: 2 bad input or usage).
    exit_code = 2


class NotSaved(UserError):
    """The interview ended but its answers could not be written anywhere."""

    exit_code = 1


class Interrupted(Exception):
    """Ctrl-C, end of input or a signal during an interview; the session is to be finished.
    Here, not in ``session``: every command catches it, and most need no session."""

    def __init__(self, session: Finishing, exit_code: int = 130) -> None:
        super().__init__(str(session.path))
        self.session = session
        self.exit_code = exit_code
