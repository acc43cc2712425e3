"""The interactive interview, one module per screen.

It speaks to the user only through ``prompter`` (questionary) and
``render.screens`` (rich); the state it drives is the pure ``Interview``.
"""

from wizard.flow.loop import run

__all__ = ["run"]
