"""是 or 否, one of the questionnaire's choices, or several (and the clerk's own)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from wizard.figures import Invalid
from wizard.kinds.base import Answer, Asked, Kind

_TRUE = {"是", "有", "y", "yes", "true", "1", "对"}
_FALSE = {"否", "无", "没有", "n", "no", "false", "0", "不"}


def split(text: str) -> tuple[str, ...]:
    """Several entries typed on one line: 窗口、上门；线上."""
    parts = re.split(r"[、,，;；\n]", text)
    return tuple(p.strip() for p in parts if p.strip())


class YesNo(Kind):
    def parse(self, question: Asked, text: str) -> Answer:
        cleaned = unicodedata.normalize("NFKC", text).strip().lower()
        if cleaned in _TRUE:
            return True
        if cleaned in _FALSE:
            return False
        raise Invalid("请回答 是 或 否")

    def check(self, question: Asked, value: Answer) -> Answer:
        if not isinstance(value, bool):
            raise Invalid("应为 是 或 否")
        return value

    def display(self, question: Asked, value: Answer) -> str:
        return "是" if value else "否"

    def edit_text(self, question: Asked, value: Answer) -> str:
        return "是" if value else "否"


class OneOf(Kind):
    def parse(self, question: Asked, text: str) -> Answer:
        return self.check(question, text.strip())

    def check(self, question: Asked, value: Answer) -> Answer:
        if not isinstance(value, str) or value not in question.choices:
            raise Invalid(f"应为以下之一：{'、'.join(question.choices)}")
        return value


class Several(Kind):
    def parse(self, question: Asked, text: str) -> Answer:
        return self.check(question, split(text))

    def check(self, question: Asked, value: Answer) -> Answer:
        if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
            raise Invalid("应为选项的列表")
        unknown = [v for v in value if v not in question.choices]
        if unknown and not question.allow_other:
            raise Invalid(
                f"{'、'.join(map(str, unknown))} 不是可选项：{'、'.join(question.choices)}"
            )
        if len(set(value)) != len(value):
            raise Invalid("选项重复")
        return value

    def from_toml(self, question: Asked, raw: Any) -> Answer:
        if not isinstance(raw, list):
            raise Invalid("应为字符串数组")
        return self.check(question, tuple(raw))


BOOL = YesNo("bool", "是否", asks="choice")
CHOICE = OneOf("choice", "单选", frozenset({"choices"}), frozenset({"choices"}), asks="choice")
MULTICHOICE = Several(
    "multichoice",
    "多选",
    frozenset({"choices", "allow_other"}),
    frozenset({"choices"}),
    asks="multichoice",
)
