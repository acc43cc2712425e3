"""The help screens: usage, description and a framed table per section. Drawn on every
``--help``, so it needs rich and nothing of the engine."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from wizard.render.terminal import safe


def help_renderable(
    usage: str, description: str, sections: list[tuple[str, list[tuple[str, str]]]]
) -> RenderableType:
    """A command's help: usage, description, then a framed table per section."""
    parts: list[RenderableType] = [Text(""), safe(usage, style="bold"), Text("")]
    if description:
        parts += [safe(description), Text("")]
    for title, rows in sections:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column(overflow="fold")
        for name, text in rows:
            table.add_row(safe(name), safe(text))
        parts.append(Panel(table, title=title, title_align="left", border_style="dim"))
    return Group(*parts)
