"""Answer values: parse what a user typed, validate what a file holds, format for reading.

One place decides what a valid answer is, so typed answers, ``--data`` and a
hand-edited answers file are held to exactly the same rules.
"""

from __future__ import annotations

from typing import Any

from wizard import figures
from wizard.base.cleaning import clean_input
from wizard.figures import Number
from wizard.kinds import Answer, Item, TopicChoice, format_date, kind_of, parse_date
from wizard.questionnaire.model import Question

__all__ = ["Answer", "Item", "TopicChoice", "format_date", "parse_date"]


def clean_answer(value: Answer) -> Answer:
    """Every string of an answer as ``cleaning.clean_input`` leaves it (typed, pasted, given)."""
    if isinstance(value, str):
        return clean_input(value)
    if isinstance(value, tuple):
        return tuple(_clean_part(v) for v in value)  # type: ignore[return-value]
    return value


def _clean_part(part: object) -> object:
    if isinstance(part, str):
        return clean_input(part)
    if isinstance(part, dict):
        return {k: clean_input(v) if isinstance(v, str) else v for k, v in part.items()}
    if isinstance(part, TopicChoice) and part.heading is not None:
        return TopicChoice(part.id, clean_input(part.heading))
    return part


def parse_text(question: Question, text: str) -> Answer:
    """What a user typed (or gave with --data) → a validated value."""
    return kind_of(question).parse(question, clean_input(text))


def check_value(question: Question, value: Answer) -> Answer:
    """Validate an already-typed value (from a prompt or a file) against the question."""
    return kind_of(question).check(question, value)


# ---------------------------------------------------------------- TOML form


def to_toml(value: Answer) -> Any:
    """The answers-file form of a value: plain TOML types, readable by hand."""
    if isinstance(value, Number):
        return figures.to_toml(value)
    if isinstance(value, tuple):
        if value and isinstance(value[0], TopicChoice):
            return [
                {"id": c.id} | ({"heading": c.heading} if c.heading else {})
                for c in value
                if isinstance(c, TopicChoice)
            ]
        return [dict(v) if isinstance(v, dict) else v for v in value]
    return value


def from_toml(question: Question, raw: Any) -> Answer:
    """A value as read from an answers file, checked as strictly as a typed one."""
    return kind_of(question).from_toml(question, raw)


# ---------------------------------------------------------------- reading


def display(question: Question, value: Answer) -> str:
    """A value as the user reads it: in prompts, the review list and the report."""
    return kind_of(question).display(question, value)


def edit_text(question: Question, value: Answer) -> str:
    """A stored value as the user would type it again (10000余, 2023-01-10, 是)."""
    return kind_of(question).edit_text(question, value)
