"""The question kinds, in one table: what each is called, which keys it takes, which it
needs and how its answer may enter the report. The loader, ``lint``, the JSON Schema and
the authors' guide all read this table, so a new kind is one row here (plus how it is
asked and stored, in ``values`` and ``flow``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: How the wizard asks a kind: a line or lines of text, a pick from choices, several picks,
#: or a list of items edited one by one.
Asking = Literal["text", "choice", "multichoice", "list"]


@dataclass(frozen=True, slots=True)
class KindSpec:
    name: str
    #: What a questionnaire author reads in messages and in the guide.
    label: str
    #: Keys that mean something for this kind only (besides the ones every question has).
    keys: frozenset[str] = frozenset()
    #: Keys this kind cannot do without.
    needs: frozenset[str] = frozenset()
    #: The ``render`` values it accepts besides "none".
    renders: frozenset[str] = frozenset()
    numeric: bool = False
    asks: Asking = "text"


_NUMBER_KEYS = frozenset({"unit", "min", "max", "approx", "compute"})

KIND_TABLE: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        KindSpec("text", "一行文字", renders=frozenset({"lead", "paragraph"})),
        KindSpec("longtext", "多行文字", renders=frozenset({"lead", "paragraph"})),
        KindSpec("count", "整数", _NUMBER_KEYS, numeric=True),
        KindSpec("decimal", "小数", _NUMBER_KEYS, numeric=True),
        KindSpec("percent", "百分比", _NUMBER_KEYS, numeric=True),
        KindSpec("bool", "是否", asks="choice"),
        KindSpec("choice", "单选", frozenset({"choices"}), frozenset({"choices"}), asks="choice"),
        KindSpec(
            "multichoice",
            "多选",
            frozenset({"choices", "allow_other"}),
            frozenset({"choices"}),
            asks="multichoice",
        ),
        KindSpec("date", "日期"),
        KindSpec(
            "list",
            "列表（每条若干字段）",
            frozenset({"fields", "suggestions", "min_items", "numbering"}),
            frozenset({"fields"}),
            frozenset({"inline", "paragraphs"}),
            asks="list",
        ),
    )
}

#: Every key some kind takes and another does not.
KIND_SPECIFIC_KEYS: tuple[str, ...] = tuple(
    sorted({key for spec in KIND_TABLE.values() for key in spec.keys})
)


def kinds_taking(key: str) -> tuple[str, ...]:
    return tuple(name for name, spec in KIND_TABLE.items() if key in spec.keys)
