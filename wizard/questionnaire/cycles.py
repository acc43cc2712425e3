"""Computed values that read each other in a circle (化解率 from itself, or A from B from A)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping


def find_cycle(reads: Mapping[str, frozenset[str]]) -> list[str] | None:
    """The first circle among computed values, as the names along it (``a → b → a``).
    Walked with a stack of its own, not by recursion: a chain of thousands is fine."""
    done: set[str] = set()
    for start in sorted(reads):
        if start in done:
            continue
        trail: list[str] = [start]
        on_trail = {start}
        pending: list[Iterator[str]] = [iter(sorted(reads.get(start, ())))]
        while pending:
            step = next(pending[-1], None)
            if step is None:
                pending.pop()
                name = trail.pop()
                on_trail.discard(name)
                done.add(name)
                continue
            if step in on_trail:
                return [*trail[trail.index(step) :], step]
            if step in done:
                continue
            trail.append(step)
            on_trail.add(step)
            pending.append(iter(sorted(reads.get(step, ()))))
    return None
