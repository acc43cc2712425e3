"""A figure as the clerk said it: the number, and the words around it.

``约50``, ``50左右``, ``2000余册``, ``近300``, ``超1000``, ``30多``, ``3.5万``, ``1宗``: the
draft says what the clerk said. A hedge before the number (约, 近, 超, 逾) or after it (余,
多 before the measure word; 左右, 以上 after it) is kept as typed, and so is a measure word
that is not the question's own (册 where the question counts 份) and 万.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import Protocol

from wizard.figures import grammar
from wizard.figures.grammar import AFTER, BEFORE, BETWEEN, HEDGES


class Measured(Protocol):
    """What the figures read of a question: its kind, unit, range and example."""

    @property
    def kind(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def min(self) -> float | None: ...
    @property
    def max(self) -> float | None: ...
    @property
    def example(self) -> str: ...


__all__ = ["AFTER", "BEFORE", "BETWEEN", "HEDGES", "LARGEST", "Invalid", "Number", "grammar"]

#: No figure in a report comes near this; beyond it a number is a typing mistake, and floats
#: lose the digits a clerk typed.
LARGEST = 10**15


class Invalid(ValueError):
    """An answer that breaks a rule; the message is for the user, in Chinese."""


@dataclass(frozen=True, slots=True)
class Number:
    #: The figure as a plain number (3.5万 is 35000): what adds up and compares.
    value: int | float
    #: 约, 近, 超, 逾, 余, 多, 左右 or 以上, as the clerk typed it; "" for an exact figure.
    hedge: str = ""
    #: The clerk's own measure word (册, 宗, 家) where it is not the question's unit.
    measure: str = ""
    #: Typed with 万 (3.5万): said so again.
    wan: bool = False

    @property
    def approx(self) -> bool:
        return bool(self.hedge)


def plain_number(value: int | float) -> str:
    if isinstance(value, float):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text if text != "-0" else "0"
    return str(value)


def check_range(question: Measured, value: int | float) -> None:
    if not math.isfinite(value) or abs(value) >= LARGEST:
        raise Invalid("数字大得不合常理，请检查是否多打了数字")
    low, high = question.min, question.max
    if low is not None and high is not None and not low <= value <= high:
        raise Invalid(f"应在 {plain_number(low)} 到 {plain_number(high)} 之间")
    if low is not None and value < low:
        raise Invalid("不能是负数" if low == 0 else f"不能小于 {plain_number(low)}")
    if high is not None and value > high:
        raise Invalid(f"不能大于 {plain_number(high)}")


def parse_number(question: Measured, text: str) -> Number:
    """``43``, ``10000余``, ``约600``, ``１２５``, ``98.5%``, ``2000余册``, ``3.5万`` → Number,
    read by the figure grammar (``grammar.read``) and held to the question's unit and range."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    if len(cleaned) > 40:  # int() of thousands of digits is slow and refused past 4300
        raise Invalid("数字大得不合常理，请检查是否多打了数字")
    want = "整数" if question.kind == "count" else "数字"
    example = question.example or ("125" if question.kind == "count" else "98.5")
    try:
        reading = grammar.read(cleaned)
    except ValueError as error:
        raise Invalid(str(error)) from None
    if reading is None:
        raise Invalid(f"请输入{want}，例如 {example}")
    unit = "%" if question.kind == "percent" else question.unit
    wan, measure = reading.wan, reading.measure
    if wan and unit.startswith("万") and measure in ("", unit[1:]):
        wan, measure = False, ""  # 3.5万 or 3.5万元 where the question counts 万元
    if measure == unit or (unit.startswith("万") and measure == unit[1:] and not wan):
        measure = ""
    if measure and (question.kind == "percent" or not _is_measure_word(measure)):
        raise Invalid(f"请输入{want}，例如 {example}")
    value: int | float = float(reading.number) * (10000 if wan else 1)
    if question.kind == "count":
        if not float(value).is_integer():
            raise Invalid("请输入整数，不要带小数点")
        value = round(value)
    elif float(value).is_integer():
        value = int(value)
    check_range(question, value)
    return Number(value, reading.hedge, measure, wan)


def _is_measure_word(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def format_number(question: Measured, number: Number, with_unit: bool = True) -> str:
    """As the clerk said it: 约50人, 50人左右, 2000余册, 3.5万份."""
    shown = plain_number(number.value / 10000 if number.wan else number.value)
    shown += "万" if number.wan else ""
    unit = number.measure or (
        ("%" if question.kind == "percent" else question.unit) if with_unit else ""
    )
    before = number.hedge if number.hedge in BEFORE else ""
    between = number.hedge if number.hedge in BETWEEN else ""
    after = number.hedge if number.hedge in AFTER else ""
    return f"{before}{shown}{between}{unit}{after}"


def change(before: Number, after: Number) -> tuple[int | float, float | None]:
    """Year on year: the difference, and its percentage of last year (None from zero)."""
    delta = after.value - before.value
    return delta, (delta * 100 / before.value if before.value else None)


def year_on_year(question: Measured, before: Number, after: Number) -> str:
    """，同比增长12% / ，同比下降3件 / ，与上年持平: what follows a figure in its sentence."""
    delta, percent = change(before, after)
    # A figure said about so much gives a change about so much: 约9%, never a false 9%.
    about = "约" if before.approx or after.approx else ""
    if delta == 0:
        return "，与上年大体持平" if about else "，与上年持平"
    word = "增长" if delta > 0 else "下降"
    if question.kind == "percent":
        points = format_number(question, Number(round(abs(delta), 1)), False)
        return f"，同比{word}{about}{points}个百分点"
    if percent is not None:
        return f"，同比{word}{about}{round(abs(percent))}%"
    return f"，同比{word}{about}{format_number(question, Number(abs(delta)))}"


def to_toml(number: Number) -> int | float | dict[str, object]:
    """A plain number when exact; otherwise a small table that keeps the clerk's words."""
    if not (number.hedge or number.measure or number.wan):
        return number.value
    table: dict[str, object] = {"value": number.value}
    if number.hedge:
        table["hedge"] = number.hedge
    if number.measure:
        table["unit"] = number.measure
    if number.wan:
        table["wan"] = True
    return table


def from_toml(question: Measured, raw: object) -> Number:
    """From an answers file: a number, a table (0.1.0's ``approx = true`` is 余), or text as
    the clerk would type it (what a data file may give)."""
    if isinstance(raw, str):
        return parse_number(question, raw)
    if (
        isinstance(raw, dict)
        and "value" in raw
        and set(raw) <= {"value", "approx", "hedge", "unit", "wan"}
    ):
        hedge = raw.get("hedge", "余" if raw.get("approx") is True else "")
        measure, wan, value = raw.get("unit", ""), raw.get("wan", False), raw["value"]
        if not isinstance(hedge, str) or hedge not in ("", *HEDGES):
            raise Invalid(f"hedge 应为 {'、'.join(HEDGES)} 之一")
        if not isinstance(measure, str) or (measure and not _is_measure_word(measure)):
            raise Invalid("unit 应为量词，如 册、宗")
        if not isinstance(wan, bool) or not isinstance(raw.get("approx", False), bool):
            raise Invalid("wan 和 approx 应为 true 或 false")
    else:
        value, hedge, measure, wan = raw, "", "", False
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Invalid("应为数字")
    if isinstance(value, float) and not math.isfinite(value):
        raise Invalid("应为数字")
    if abs(value) >= LARGEST:  # compared as an integer: 309 digits would overflow a float
        raise Invalid("数字大得不合常理，请检查是否多打了数字")
    if question.kind != "count" and isinstance(value, float) and value.is_integer():
        value = int(value)
    return Number(value, hedge, measure, wan)
