"""The questionnaire format as frozen dataclasses: sections, topics, questions, the report.

A questionnaire file (``prompts/*.toml``) describes the interview (sections,
questions, the topic catalogue) and the report outline (headings, numbering,
sentence templates). ``loader`` turns a file into these; nothing here reads files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from wizard.base import expr
from wizard.base.errors import UserError
from wizard.kinds import FORMAT_KINDS
from wizard.kinds import KINDS as ALL_KINDS

Level = Literal["required", "recommended", "optional"]
Render = Literal["none", "lead", "paragraph", "inline", "paragraphs"]
Numbering = Literal["一、", "（一）", "一是", "1.", "（1）"]
Missing = Literal["omit", "mark"]

#: The kinds a questionnaire may write (``wizard.kinds`` has what each does).
KINDS: tuple[str, ...] = tuple(FORMAT_KINDS)
NUMERIC_KINDS = frozenset(name for name, kind in ALL_KINDS.items() if kind.numeric)
TEXT_KINDS = frozenset({"text", "longtext"})
#: Names every expression and template may use besides question ids.
BUILTINS = frozenset({"current_year"})
#: Tables of the answers file that are not answers; no question may take these ids.
RESERVED_IDS = frozenset(
    {"meta", "state", "previous", "drafts", "outline", "own_figures", "text_figures", "imported"}
)
#: The topic selection of a topics section is stored under "<section id>_topics".
TOPICS_SUFFIX = "_topics"

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")


class QuestionnaireError(UserError):
    """A questionnaire that cannot be used; ``str()`` says file, key path and what is wrong."""

    def __init__(self, source: str, where: str, message: str, line: int | None = None) -> None:
        self.source = source
        self.where = where
        self.message = message
        self.line = line
        place = f"{source}（第 {line} 行）" if line and source else source
        super().__init__(": ".join(part for part in (place, where, message) if part))


@dataclass(frozen=True, slots=True)
class Placeholder:
    """``{name}`` or ``{name|modifier}`` in a sentence template."""

    name: str
    modifier: str = ""


@dataclass(frozen=True, slots=True)
class Template:
    """A sentence with named placeholders, parsed once; never evaluated."""

    source: str
    parts: tuple[str | Placeholder, ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.parts if isinstance(p, Placeholder))


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a repeated item (a point's title, a problem's cause)."""

    id: str
    label: str
    help: str = ""
    example: str = ""
    kind: Literal["text", "longtext"] = "text"
    #: An item missing a required field is incomplete; a recommended one is reported.
    level: Level = "required"


@dataclass(frozen=True, slots=True)
class Question:
    """One question; ``id`` is the key of its answer in the answers file."""

    id: str
    #: One of ``wizard.kinds.KINDS``: the loader takes no other.
    kind: str
    label: str
    help: str = ""
    example: str = ""
    level: Level = "recommended"
    #: In answers-file form (an int, a list of tables...), as a stored answer would be.
    default: Any = None
    min: float | None = None
    max: float | None = None
    unit: str = ""
    #: Whether the answer may be marked approximate (rendered 10000余份).
    approx: bool = False
    #: Asked only when this condition holds.
    when: expr.Node | None = None
    #: A computed default the user may override (化解率 from 化解 and 排查).
    compute: expr.Node | None = None
    choices: tuple[str, ...] = ()
    #: For multichoice: the user may add entries of their own.
    allow_other: bool = False
    fields: tuple[Field, ...] = ()
    suggestions: tuple[str, ...] = ()
    min_items: int = 0
    #: How the answer enters the report text of its section.
    render: Render = "none"
    #: For a list rendered as paragraphs, the first field is a heading ending with 。
    numbering: Numbering = "一是"

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS


@dataclass(frozen=True, slots=True)
class Sentence:
    """A report sentence built from answers, left out (or marked) when a figure is missing."""

    template: Template
    when: expr.Node | None = None
    missing: Missing = "omit"


@dataclass(frozen=True, slots=True)
class Topic:
    """A level-2 topic of the catalogue: heading, points, metrics and their sentences."""

    id: str
    heading: str
    help: str
    example: str
    points: Question
    selected: bool = True
    intro: Question | None = None
    metrics: tuple[Question, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    @property
    def questions(self) -> tuple[Question, ...]:
        """In the order asked: the prose before the figures. A figure the clerk writes into
        a point answers its question there; the figures' form then asks only the rest."""
        head = (self.intro,) if self.intro else ()
        return (*head, self.points, *self.metrics)


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the interview; with a heading, also a level-1 part of the report."""

    id: str
    title: str
    help: str = ""
    heading: str = ""
    when: expr.Node | None = None
    questions: tuple[Question, ...] = ()
    topics: tuple[Topic, ...] = ()
    topic_numbering: Numbering = "（一）"
    #: Whether a topic's points run into its paragraph (一是……二是……) or stand alone.
    points_inline: bool = True
    sentences: tuple[Sentence, ...] = ()

    @property
    def topics_id(self) -> str:
        return self.id + TOPICS_SUFFIX

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def custom_points(self, topic_id: str, heading: str = "") -> Question:
        """The points question of a topic the user added: shaped like the catalogue's, with
        a label and help of its own (not those of the catalogue's first topic)."""
        shape = self.topics[0].points
        label = f"“{heading}”的主要做法" if heading else "本专题的主要做法"
        return replace(
            shape,
            id=f"{topic_id}_points",
            label=label,
            help="每条写一项做法：先写一句话的小标题，再写具体内容。",
            suggestions=(),
            example="",
            level="required",
        )


@dataclass(frozen=True, slots=True)
class Content:
    """One of the contents the regulation requires a report to contain."""

    label: str
    sections: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """A cross-field rule, checked when every figure it reads is answered."""

    expr: expr.Node
    source: str
    message: str


@dataclass(frozen=True, slots=True)
class ReportSpec:
    title: Template
    preamble: Template
    addressee: Template | None = None
    signature: tuple[Template, ...] = ()
    #: 附注 (GB/T 9704 7.3.6): under the date, in brackets; left out when its answer is.
    annotation: Template | None = None
    #: 抄送 (GB/T 9704 7.4.2): the offices a copy goes to, last, between two lines.
    copy_to: Template | None = None
    contents: tuple[Content, ...] = ()
    #: The question holding the report year: it moves on by one when starting from last year.
    year: str = ""
    #: The question holding the unit's kind (乡、镇、街道), shown in the county's summary.
    kind: str = ""
    #: (month, day) of the year after the report year by which the report must be public.
    publish_by: tuple[int, int] | None = None

    @property
    def plan_sections(self) -> frozenset[str]:
        """The parts about the year after the report (下一年度…的主要安排): their words speak
        of next year, and a figure in them is a target, never one of this year's."""
        return frozenset(s for c in self.contents if "安排" in c.label for s in c.sections)


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    title: str
    version: str
    description: str
    report: ReportSpec
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...] = ()
    source: str = ""
    #: The file it was read from, when it is not one of the shipped questionnaires: answers
    #: files record it, so that ``resume`` finds it again.
    file: str = ""
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def question(self, question_id: str) -> Question | None:
        return self._index.get(question_id)

    def all_questions(self) -> Iterator[Question]:
        yield from self._index.values()

    def section_of(self, question_id: str) -> Section | None:
        for section in self.sections:
            if question_id == section.topics_id and section.topics:
                return section
            if any(q.id == question_id for q in section.questions):
                return section
            if any(q.id == question_id for t in section.topics for q in t.questions):
                return section
        return None

    @property
    def question_count(self) -> int:
        return len(self._index)
