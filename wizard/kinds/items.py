"""Items of several fields (a point's title and text, a problem and its cause), edited one
by one."""

from __future__ import annotations

from typing import Any

from wizard.figures import Invalid
from wizard.kinds.base import Answer, Asked, Kind


class Items(Kind):
    def check(self, question: Asked, value: Answer) -> Answer:
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
        return value

    def from_toml(self, question: Asked, raw: Any) -> Answer:
        if not isinstance(raw, list):
            raise Invalid("应为表的数组")
        return self.check(question, tuple(raw))

    def display(self, question: Asked, value: Answer) -> str:
        first = question.fields[0].id
        items = value if isinstance(value, tuple) else ()
        return "；".join(i.get(first, "") for i in items if isinstance(i, dict))


LIST = Items(
    "list",
    "列表（每条若干字段）",
    frozenset({"fields", "suggestions", "min_items", "numbering"}),
    frozenset({"fields"}),
    frozenset({"inline", "paragraphs"}),
    asks="list",
)
