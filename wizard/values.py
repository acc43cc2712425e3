"""Answer values: parse what a user typed, validate what a file holds, format for reading.

One place decides what a valid answer is, so typed answers, ``--data`` and a
hand-edited answers file are held to exactly the same rules.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from wizard.cleaning import clean_input
from wizard.questionnaire.model import Question


class Invalid(ValueError):
    """An answer that breaks a rule; the message is for the user, in Chinese."""


@dataclass(frozen=True, slots=True)
class Number:
    value: int | float
    #: Approximate: rendered as 10000余份.
    approx: bool = False


@dataclass(frozen=True, slots=True)
class TopicChoice:
    id: str
    #: The user's own heading; None keeps the catalogue's.
    heading: str | None = None


Item = dict[str, str]
Answer = (
    str | Number | bool | tuple[str, ...] | dt.date | tuple[Item, ...] | tuple[TopicChoice, ...]
)

_TRUE = {"是", "有", "y", "yes", "true", "1", "对"}
_FALSE = {"否", "无", "没有", "n", "no", "false", "0", "不"}
_APPROX_MARKS = ("余", "多", "约", "左右", "+")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def _fmt_number(value: int | float) -> str:
    if isinstance(value, float):
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return text if text != "-0" else "0"
    return str(value)


#: No figure in a report comes near this; beyond it a number is a typing mistake, and floats
#: lose the digits a clerk typed.
LARGEST = 10**15


def _check_range(question: Question, value: int | float) -> None:
    if not math.isfinite(value) or abs(value) >= LARGEST:
        raise Invalid("数字大得不合常理，请检查是否多打了数字")
    low, high = question.min, question.max
    if low is not None and high is not None and not low <= value <= high:
        raise Invalid(f"应在 {_fmt_number(low)} 到 {_fmt_number(high)} 之间")
    if low is not None and value < low:
        raise Invalid("不能是负数" if low == 0 else f"不能小于 {_fmt_number(low)}")
    if high is not None and value > high:
        raise Invalid(f"不能大于 {_fmt_number(high)}")


def _digits_and_hedge(question: Question, text: str) -> tuple[str, bool]:
    """What is left of a typed figure without its unit and hedge, and whether it had one."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace(" ", "")
    if question.unit:
        cleaned = cleaned.removesuffix(question.unit)
    if question.kind == "percent":
        cleaned = cleaned.removesuffix("%")
    approx = False
    for mark in _APPROX_MARKS:
        if cleaned.startswith(mark) or cleaned.endswith(mark):
            approx = True
            cleaned = cleaned.removeprefix(mark).removesuffix(mark)
    return cleaned, approx


def parse_number(question: Question, text: str) -> Number:
    """``43``, ``10000余``, ``约600``, ``１２５``, ``98.5%`` → Number, range-checked."""
    cleaned, approx = _digits_and_hedge(question, text)
    if len(cleaned) > 40:  # int() of thousands of digits is slow and refused past 4300
        raise Invalid("数字大得不合常理，请检查是否多打了数字")
    if not _NUMBER.match(cleaned):
        want = "整数" if question.kind == "count" else "数字"
        example = question.example or ("125" if question.kind == "count" else "98.5")
        raise Invalid(f"请输入{want}，例如 {example}")
    if approx and not question.approx:
        raise Invalid("此项需要准确数字，不能填约数")
    value: int | float
    if question.kind == "count":
        if "." in cleaned:
            raise Invalid("请输入整数，不要带小数点")
        value = int(cleaned)
    else:
        value = float(cleaned)
        if value.is_integer():
            value = int(value)
    _check_range(question, value)
    return Number(value, approx)


def parse_date(text: str) -> dt.date:
    match = _DATE.match(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        raise Invalid("日期格式应为 2023-01-10 或 2023年1月10日")
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise Invalid("没有这一天，请检查年月日") from None


def parse_bool(text: str) -> bool:
    cleaned = unicodedata.normalize("NFKC", text).strip().lower()
    if cleaned in _TRUE:
        return True
    if cleaned in _FALSE:
        return False
    raise Invalid("请回答 是 或 否")


def _split(text: str) -> tuple[str, ...]:
    parts = re.split(r"[、,，;；\n]", text)
    return tuple(p.strip() for p in parts if p.strip())


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
    kind = question.kind
    text = clean_input(text)
    if kind in ("text", "longtext"):
        if not text.strip():
            raise Invalid("不能为空")
        # Line endings are not content: text pasted from Windows keeps readable files.
        return text.replace("\r\n", "\n") if kind == "longtext" else text.strip()
    if kind in ("count", "decimal", "percent"):
        return parse_number(question, text)
    if kind == "bool":
        return parse_bool(text)
    if kind == "date":
        return parse_date(text)
    if kind == "choice":
        return check_value(question, text.strip())
    if kind == "multichoice":
        return check_value(question, _split(text))
    if kind == "topics":
        return check_value(question, tuple(TopicChoice(t) for t in _split(text)))
    raise Invalid("列表题不能用一行文字回答，请用 --data-file 提供")


def check_value(question: Question, value: Answer) -> Answer:  # noqa: C901 (one rule per kind)
    """Validate an already-typed value (from a prompt or a file) against the question."""
    kind = question.kind
    if kind in ("text", "longtext"):
        if not isinstance(value, str):
            raise Invalid("应为文字")
        if not value.strip():
            raise Invalid("不能为空")
    elif kind in ("count", "decimal", "percent"):
        if not isinstance(value, Number):
            raise Invalid("应为数字")
        if kind == "count" and not isinstance(value.value, int):
            raise Invalid("应为整数")
        if value.approx and not question.approx:
            raise Invalid("此项需要准确数字，不能填约数")
        _check_range(question, value.value)
    elif kind == "bool":
        if not isinstance(value, bool):
            raise Invalid("应为 是 或 否")
    elif kind == "date":
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise Invalid("应为日期，例如 2023-01-10")
    elif kind == "choice":
        if not isinstance(value, str) or value not in question.choices:
            raise Invalid(f"应为以下之一：{'、'.join(question.choices)}")
    elif kind == "multichoice":
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            raise Invalid("应为选项的列表")
        unknown = [v for v in value if v not in question.choices]
        if unknown and not question.allow_other:
            raise Invalid(
                f"{'、'.join(map(str, unknown))} 不是可选项：{'、'.join(question.choices)}"
            )
        if len(set(value)) != len(value):
            raise Invalid("选项重复")
    elif kind == "list":
        _check_items(question, value)
    elif kind == "topics":
        _check_topics(question, value)
    return value


def _check_items(question: Question, value: Answer) -> None:
    if not isinstance(value, tuple) or not all(isinstance(i, dict) for i in value):
        raise Invalid("应为条目的列表")
    field_ids = {f.id for f in question.fields}
    for n, item in enumerate(value, 1):
        if not isinstance(item, dict):
            raise Invalid(f"第 {n} 条应为表")
        for key, text in item.items():
            if key not in field_ids:
                raise Invalid(f"第 {n} 条有未知的字段 {key!r}")
            if not isinstance(text, str):
                raise Invalid(f"第 {n} 条的 {key} 应为文字")
        first = question.fields[0]
        if not item.get(first.id, "").strip():
            raise Invalid(f"第 {n} 条缺少“{first.label}”")
    if len(value) < question.min_items:
        raise Invalid(f"至少需要 {question.min_items} 条")


def _check_topics(question: Question, value: Answer) -> None:
    if not isinstance(value, tuple) or not all(isinstance(t, TopicChoice) for t in value):
        raise Invalid("应为专题的列表")
    allowed = set(question.choices)
    seen: set[str] = set()
    for choice in value:
        if not isinstance(choice, TopicChoice):
            raise Invalid("应为专题")
        if choice.id in seen:
            raise Invalid(f"专题 {choice.id} 重复")
        seen.add(choice.id)
        custom = choice.id.startswith("custom_")
        if not custom and choice.id not in allowed:
            raise Invalid(f"没有专题 {choice.id!r}；可选：{'、'.join(question.choices)}")
        if custom and not (choice.heading or "").strip():
            raise Invalid(f"自拟专题 {choice.id} 需要标题")
    if not value:
        raise Invalid("至少选择一个专题")


# ---------------------------------------------------------------- TOML form


def to_toml(value: Answer) -> Any:
    """The answers-file form of a value: plain TOML types, readable by hand."""
    if isinstance(value, Number):
        return {"value": value.value, "approx": True} if value.approx else value.value
    if isinstance(value, tuple):
        if value and isinstance(value[0], TopicChoice):
            return [
                {"id": c.id} | ({"heading": c.heading} if c.heading else {})
                for c in value
                if isinstance(c, TopicChoice)
            ]
        return [dict(v) if isinstance(v, dict) else v for v in value]
    return value


def from_toml(question: Question, raw: Any) -> Answer:  # noqa: C901 (one form per kind)
    """A value as read from an answers file, checked as strictly as a typed one."""
    kind = question.kind
    value: Answer
    if kind in ("count", "decimal", "percent"):
        if isinstance(raw, dict) and set(raw) <= {"value", "approx"} and "value" in raw:
            number, approx = raw["value"], raw.get("approx", False)
        else:
            number, approx = raw, False
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise Invalid("应为数字")
        if not isinstance(approx, bool):
            raise Invalid("approx 应为 true 或 false")
        if kind != "count" and isinstance(number, float) and number.is_integer():
            number = int(number)
        value = Number(number, approx)
    elif kind == "multichoice":
        if not isinstance(raw, list):
            raise Invalid("应为字符串数组")
        value = tuple(raw)
    elif kind == "list":
        if not isinstance(raw, list):
            raise Invalid("应为表的数组")
        value = tuple(raw)
    elif kind == "topics":
        if not isinstance(raw, list) or not all(
            isinstance(t, dict)
            and isinstance(t.get("id"), str)
            and isinstance(t.get("heading", ""), str)
            for t in raw
        ):
            raise Invalid("应为含 id（和文字 heading）的表的数组")
        value = tuple(TopicChoice(t["id"], t.get("heading") or None) for t in raw)
    else:
        value = raw
    return check_value(question, value)


# ---------------------------------------------------------------- reading


def format_number(question: Question, number: Number, with_unit: bool = True) -> str:
    unit = ("%" if question.kind == "percent" else question.unit) if with_unit else ""
    return f"{_fmt_number(number.value)}{'余' if number.approx else ''}{unit}"


def change(before: Number, after: Number) -> tuple[int | float, float | None]:
    """Year on year: the difference, and its percentage of last year (None from zero)."""
    delta = after.value - before.value
    return delta, (delta * 100 / before.value if before.value else None)


def format_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def display(question: Question, value: Answer) -> str:
    """A value as the user reads it: in prompts, the review list and the report."""
    if isinstance(value, Number):
        return format_number(question, value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, tuple):
        if question.kind == "list":
            first = question.fields[0].id
            return "；".join(i.get(first, "") for i in value if isinstance(i, dict))
        return "、".join(str(v) for v in value)
    return value
