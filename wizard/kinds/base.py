"""What a question kind is: its place in the questionnaire format (the keys it takes, how
it is asked) and everything the wizard does with its answers (read what was typed, hold a
value to the question, read and write the answers file, show it, put it back in the box,
say how it changed since last year). The rest of the code asks the kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from wizard.figures import Invalid, Measured, Number

#: How the wizard asks a kind: a line or lines of text, a pick from choices, several picks,
#: a list of items edited one by one, or the topics of a part.
Asking = Literal["text", "choice", "multichoice", "list", "topics"]


class FieldLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...


class Asked(Measured, Protocol):
    """What a kind reads of its question (a questionnaire's ``Question``): what the figures
    read, and its label, choices and fields."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def choices(self) -> tuple[str, ...]: ...
    @property
    def allow_other(self) -> bool: ...
    @property
    def fields(self) -> Sequence[FieldLike]: ...
    @property
    def min_items(self) -> int: ...


@dataclass(frozen=True, slots=True)
class TopicChoice:
    id: str
    #: The user's own heading; None keeps the catalogue's.
    heading: str | None = None


Item = dict[str, str]
Answer = (
    str | Number | bool | tuple[str, ...] | dt.date | tuple[Item, ...] | tuple[TopicChoice, ...]
)


@dataclass(frozen=True, slots=True)
class Kind:
    name: str
    #: What a questionnaire author reads in messages and in the guide.
    label: str
    #: Keys that mean something for this kind only (besides the ones every question has).
    keys: frozenset[str] = frozenset()
    #: Keys this kind cannot do without.
    needs: frozenset[str] = frozenset()
    #: The ``render`` values it accepts besides "none".
    renders: frozenset[str] = frozenset()
    #: A figure: asked in a topic's form, compared with last year, listed in the summary.
    numeric: bool = False
    #: Whether the units' figures add up to a county total (counts do; rates and ranks not).
    adds_up: bool = False
    asks: Asking = "text"
    #: May be said about so much (约50, 2000余): counts and amounts, not rates or places.
    hedged: bool = False
    #: How to type it, said under the prompt (the figures' hedges are said by the flow).
    typing: str = ""
    #: Written in questionnaires (the topic selection is the wizard's own question).
    in_format: bool = True

    def bounds(self, low: float | None, high: float | None) -> tuple[float | None, float | None]:
        """The range a question of this kind has when its questionnaire gives none."""
        return low, high

    def parse(self, question: Asked, text: str) -> Answer:
        """What a clerk typed (cleaned of control characters) → a value, or ``Invalid``."""
        raise Invalid("列表题不能用一行文字回答，请用 --data-file 提供")

    def check(self, question: Asked, value: Answer) -> Answer:
        """A value (typed, given, or from a file) held to the question; ``Invalid`` if not."""
        return value

    def from_toml(self, question: Asked, raw: Any) -> Answer:
        """A value as the answers file holds it, checked as strictly as a typed one."""
        return self.check(question, raw)

    def display(self, question: Asked, value: Answer) -> str:
        """As the clerk reads it: in prompts, the review list and the report."""
        return "、".join(str(v) for v in value) if isinstance(value, tuple) else str(value)

    def edit_text(self, question: Asked, value: Answer) -> str:
        """A stored value as the clerk would type it again, put back in the box."""
        return value if isinstance(value, str) else ""

    def unit_of(self, question: Asked) -> str:
        """The unit a figure is counted in, as its prompt and the tables name it."""
        return question.unit

    def year_on_year(self, question: Asked, before: Number, after: Number) -> str:
        """What follows this year's figure in its sentence (，同比增长12%); "" if nothing."""
        return ""

    def difference(self, question: Asked, before: Number, after: Number) -> str:
        """The change since last year in a table's column (+3件, -0.5个百分点)."""
        return ""
