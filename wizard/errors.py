"""The one base of every error a user should read; ``cli`` turns it into a message and an exit code."""

from __future__ import annotations


class UserError(Exception):
    """Bad input from the user or their files; ``str()`` is the whole message, in Chinese."""
