"""Counts, amounts and rates, read as the clerk says them (约50, 2000余册, 3.5万) by the
figure grammar (``wizard.figures``)."""

from __future__ import annotations

from typing import Any

from wizard import figures
from wizard.figures import Invalid, Number
from wizard.kinds.base import Answer, Asked, Kind


class Numeric(Kind):
    def bounds(self, low: float | None, high: float | None) -> tuple[float | None, float | None]:
        if self.name == "percent":
            return (0 if low is None else low), (100 if high is None else high)
        if self.name == "count" and low is None:
            return 0, high
        return low, high

    def parse(self, question: Asked, text: str) -> Answer:
        return figures.parse_number(question, text)

    def check(self, question: Asked, value: Answer) -> Answer:
        if not isinstance(value, Number):
            raise Invalid("应为数字")
        if self.name == "count" and not isinstance(value.value, int):
            raise Invalid("应为整数")
        figures.check_range(question, value.value)
        return value

    def from_toml(self, question: Asked, raw: Any) -> Answer:
        return self.check(question, figures.from_toml(question, raw))

    def display(self, question: Asked, value: Answer) -> str:
        assert isinstance(value, Number)
        return figures.format_number(question, value)

    def edit_text(self, question: Asked, value: Answer) -> str:
        assert isinstance(value, Number)
        return figures.format_number(question, value, with_unit=False)

    def unit_of(self, question: Asked) -> str:
        return "%" if self.name == "percent" else question.unit

    def year_on_year(self, question: Asked, before: Number, after: Number) -> str:
        return figures.year_on_year(question, before, after)

    def difference(self, question: Asked, before: Number, after: Number) -> str:
        delta = figures.change(before, after)[0]
        sign = "+" if delta > 0 else ""
        if self.name == "percent":
            points = figures.format_number(question, Number(round(delta, 1)), False)
            return f"{sign}{points}个百分点"
        return f"{sign}{figures.format_number(question, Number(delta))}"


_KEYS = frozenset({"unit", "min", "max", "approx", "compute"})

COUNT = Numeric("count", "整数", _KEYS, numeric=True, adds_up=True, hedged=True)
DECIMAL = Numeric("decimal", "小数", _KEYS, numeric=True, adds_up=True, hedged=True)
PERCENT = Numeric("percent", "百分比", _KEYS, numeric=True)
