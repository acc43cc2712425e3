"""Answer values: parse what a user typed, validate what a file holds, format for reading.

One place decides what a valid answer is, so typed answers, ``--data`` and a
hand-edited answers file are held to exactly the same rules.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from wizard import figures
from wizard.cleaning import clean_input
from wizard.figures import Invalid, Number, check_range, format_number, parse_number
from wizard.questionnaire.model import Question


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
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


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
        check_range(question, value.value)
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
    kind = question.kind
    value: Answer
    if kind in ("count", "decimal", "percent"):
        value = figures.from_toml(question, raw)
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
