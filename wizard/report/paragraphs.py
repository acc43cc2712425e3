"""The draft as values: paragraphs of spans, each paragraph of a kind (title, heading,
body, 落款…), each span plain text, a run-in heading or a 【待填写】 mark. Renderers (text,
Markdown, terminal, Word) take a Report and know nothing of questionnaires."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["text", "heading", "missing"]
ParagraphKind = Literal[
    "title", "subtitle", "addressee", "heading", "body", "signature", "annotation", "copy_to"
]


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    #: "heading": a run-in heading (（一）…。); "missing": a 【待填写：…】 mark.
    role: Role = "text"
    #: For run-in headings: the level of their numbering (see LEVELS).
    level: int = 0


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ParagraphKind
    spans: tuple[Span, ...]
    #: For headings: their level (see LEVELS): 1 for 一、, 2 for （一） standing alone.
    level: int = 0

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class Report:
    paragraphs: tuple[Paragraph, ...]

    @property
    def title(self) -> str:
        return next((p.text for p in self.paragraphs if p.kind == "title"), "")

    @property
    def missing(self) -> tuple[str, ...]:
        """Every 【待填写：…】 mark left in the draft, in order."""
        return tuple(s.text for p in self.paragraphs for s in p.spans if s.role == "missing")

    @property
    def characters(self) -> int:
        """Length as offices count it: characters of text, no spaces or line breaks."""
        return sum(len("".join(p.text.split())) for p in self.paragraphs)
