"""Computed values that read each other in a circle (化解率 from itself, or A from B from A)."""

from __future__ import annotations

from collections.abc import Mapping


def find_cycle(reads: Mapping[str, frozenset[str]]) -> list[str] | None:
    """The first circle among computed values, as the names along it (``a → b → a``)."""
    done: set[str] = set()
    for start in sorted(reads):
        stack: list[str] = []
        if (cycle := _visit(start, reads, stack, done)) is not None:
            return cycle
    return None


def _visit(
    name: str, reads: Mapping[str, frozenset[str]], trail: list[str], done: set[str]
) -> list[str] | None:
    if name in done:
        return None
    if name in trail:
        return [*trail[trail.index(name) :], name]
    trail.append(name)
    for dependency in sorted(reads.get(name, ())):
        if (cycle := _visit(dependency, reads, trail, done)) is not None:
            return cycle
    trail.pop()
    done.add(name)
    return None
