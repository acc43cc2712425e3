"""A figure sentence in clauses, so that each figure reaches the draft on its own.

"全年开展中心组学法{a}、会前学法{b}，举办法治讲座和培训{c}。" is three clauses joined by
"、" and "，" and closed by "。". A clause whose figure is missing (or zero) is left out and
the others stay: a figure the clerk does not know never takes the known one beside it away.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from wizard.questionnaire import Placeholder, Template

#: Where a figure sentence may be cut: between its clauses.
JOINERS = "，、；"
#: What closes a sentence.
CLOSERS = "。！？"


@dataclass(frozen=True, slots=True)
class Clause:
    #: The mark before it ("，", "、"): dropped when the clause comes first.
    joiner: str
    parts: tuple[str | Placeholder, ...]

    @property
    def figures(self) -> tuple[Placeholder, ...]:
        """The placeholders the clause cannot stand without (year on year is extra)."""
        return tuple(p for p in self.parts if isinstance(p, Placeholder) and p.modifier != "yoy")


@dataclass(frozen=True, slots=True)
class Clauses:
    clauses: tuple[Clause, ...]
    end: str


@functools.lru_cache(maxsize=512)
def clauses(template: Template) -> Clauses:
    result: list[Clause] = []
    joiner: str = ""
    parts: list[str | Placeholder] = []
    for part in template.parts:
        if isinstance(part, Placeholder):
            parts.append(part)
            continue
        text = part
        while True:
            cut = next((i for i, c in enumerate(text) if c in JOINERS), -1)
            if cut < 0:
                break
            if text[:cut]:
                parts.append(text[:cut])
            result.append(Clause(joiner, tuple(parts)))
            joiner, parts, text = text[cut], [], text[cut + 1 :]
        if text:
            parts.append(text)
    end = ""
    if parts and isinstance(parts[-1], str):
        stripped = parts[-1].rstrip(CLOSERS)
        end = parts[-1][len(stripped) :]
        parts[-1] = stripped
        if not stripped:
            parts.pop()
    result.append(Clause(joiner, tuple(parts)))
    return Clauses(tuple(c for c in result if c.parts), end)
