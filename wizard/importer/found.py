"""What an import made of a report, for the clerk (the summary) and for scripts (``--json``):
each part and what it was mapped to, each topic with its points, each figure with its match
and why, every paragraph that fits nowhere, and what to confirm."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class PartFound:
    heading: str
    #: The questionnaire's part it went to ("" when none could take it).
    section: str
    #: The regulation's contents it reports, in the questionnaire's words.
    contents: list[str] = field(default_factory=list)
    #: Items (problems, plans…) or topics under it.
    items: int = 0


@dataclass
class TopicFound:
    heading: str
    #: The catalogue topic it was matched to, or the id of the unit's own.
    topic: str
    points: int
    own: bool


@dataclass
class FigureFound:
    where: str
    label: str
    said: str
    #: The question it answers ("" for the unit's own figure) and its label.
    question: str = ""
    question_label: str = ""
    evidence: str = ""
    sure: bool = True


@dataclass
class Imported:
    """What an import read in a finished report, shown to the clerk (and as --json)."""

    unit: str = ""
    kind: str = ""
    year: int | None = None
    issuers: list[str] = field(default_factory=list)
    parts: list[PartFound] = field(default_factory=list)
    topics: list[TopicFound] = field(default_factory=list)
    figures: list[FigureFound] = field(default_factory=list)
    #: (where it stood, the text) of what fits nowhere: kept in ``[imported] unplaced``.
    unplaced: list[tuple[str, str]] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)
    #: (what, as the report wrote it) of its frame, kept as written: the title, 主送, the
    #: 落款's lines, the date, the opening paragraph.
    frame: list[tuple[str, str]] = field(default_factory=list)
    #: The questionnaire the unit's name suggests, when it is not the one used.
    suggested: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["unplaced"] = [{"where": w, "text": t} for w, t in self.unplaced]
        data["frame"] = [{"what": w, "text": t} for w, t in self.frame]
        return data
