"""The one base of every error a user should read; ``cli`` turns it into a message and an exit code."""

from __future__ import annotations


class UserError(Exception):
    """Bad input from the user or their files; ``str()`` is the whole message, in Chinese."""

    #: The command's exit code (DESIGN: 2 bad input or usage).
    exit_code = 2


class NotSaved(UserError):
    """The interview ended but its answers could not be written anywhere."""

    exit_code = 1
