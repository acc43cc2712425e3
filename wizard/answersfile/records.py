"""The figures of the clerk's own sentences as the answers file keeps them, in
``[[text_figures]]`` (what each figure counts and how its sentence says it; see
``wizard.state.text_figures`` for finding them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, cast

from wizard.base.cleaning import clean_input
from wizard.figures import Invalid

State = Literal["", "carried", "not_a_figure"]
STATES: tuple[State, ...] = ("", "carried", "not_a_figure")


@dataclass(frozen=True, slots=True)
class Record:
    answer: str
    label: str
    said: str
    #: The question it answers; "" for a figure of the unit's own.
    question: str = ""
    #: Last year's, as last year's text said it (new --from).
    last_year: str = ""
    state: State = ""
    #: Its 其中 parts are all of it: they must add up to it.
    complete: bool = False

    @property
    def is_figure(self) -> bool:
        return self.state != "not_a_figure"


def read(raw: object) -> tuple[tuple[Record, ...], list[str]]:
    """The records in a file, and what could not be read (in Chinese, for ``check``)."""
    if raw is None:
        return (), []
    if not isinstance(raw, list):
        return (), ["文字中的数字（[[text_figures]]）应为表的数组，已忽略"]
    records: list[Record] = []
    problems: list[str] = []
    for n, entry in enumerate(raw, 1):
        try:
            records.append(_record(entry))
        except Invalid as error:
            problems.append(f"文字中的第 {n} 个数字：{error}")
    return tuple(records), problems


def _record(entry: object) -> Record:
    if not isinstance(entry, Mapping):
        raise Invalid("应为表")
    known = {"answer", "label", "said", "question", "last_year", "state", "complete"}
    unknown = set(entry) - known
    if unknown:
        raise Invalid(f"没有 {'、'.join(sorted(unknown))} 这一项")
    texts: dict[str, str] = {}
    for key in ("answer", "label", "said", "question", "last_year", "state"):
        value = entry.get(key, "")
        if not isinstance(value, str):
            raise Invalid(f"{key} 应为文字")
        texts[key] = clean_input(value).strip()  # a file edited by hand may hold anything
    if not texts["answer"] or not texts["said"]:
        raise Invalid("要写明所在的答案（answer）和原文（said）")
    if texts["state"] not in STATES:
        raise Invalid(f"state 不能是 {texts['state']!r}")
    complete = entry.get("complete", False)
    if not isinstance(complete, bool):
        raise Invalid("complete 应为 true 或 false")
    state = cast(State, texts.pop("state"))
    return Record(state=state, complete=complete, **texts)


def to_toml(record: Record) -> dict[str, Any]:
    result: dict[str, Any] = {"answer": record.answer, "label": record.label, "said": record.said}
    for key in ("question", "last_year", "state"):
        if getattr(record, key):
            result[key] = getattr(record, key)
    if record.complete:
        result["complete"] = True
    return result
