"""The question kinds: one module each, one row each in ``KINDS``. A new kind is a module
here and a row below; the loader, ``lint``, the JSON Schema, the authors' guide and every
part of the wizard that reads an answer ask the kind."""

from __future__ import annotations

from wizard.kinds.base import Answer, Asked, Asking, Item, Kind, TopicChoice
from wizard.kinds.choices import BOOL, CHOICE, MULTICHOICE
from wizard.kinds.dates import DATE, format_date, parse_date
from wizard.kinds.items import LIST
from wizard.kinds.numbers import COUNT, DECIMAL, PERCENT
from wizard.kinds.rank import RANK
from wizard.kinds.text import LONGTEXT, TEXT
from wizard.kinds.topics import CUSTOM_TOPIC_PREFIX, TOPICS

KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        TEXT, LONGTEXT, COUNT, DECIMAL, PERCENT, RANK, BOOL, CHOICE, MULTICHOICE, DATE, LIST,
        TOPICS,
    )
}  # fmt: skip

#: The kinds a questionnaire may write.
FORMAT_KINDS: dict[str, Kind] = {name: k for name, k in KINDS.items() if k.in_format}

#: Every key some kind takes and another does not.
KIND_SPECIFIC_KEYS: tuple[str, ...] = tuple(
    sorted({key for kind in FORMAT_KINDS.values() for key in kind.keys})
)


def kind_of(question: Asked) -> Kind:
    return KINDS[question.kind]


def kinds_taking(key: str) -> tuple[str, ...]:
    return tuple(name for name, kind in FORMAT_KINDS.items() if key in kind.keys)


__all__ = [
    "CUSTOM_TOPIC_PREFIX",
    "FORMAT_KINDS",
    "KINDS",
    "KIND_SPECIFIC_KEYS",
    "Answer",
    "Asked",
    "Asking",
    "Item",
    "Kind",
    "TopicChoice",
    "format_date",
    "kind_of",
    "kinds_taking",
    "parse_date",
]
