"""A day: 2023-01-10 or 2023年1月10日, shown 2023年1月10日."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from wizard.figures import Invalid
from wizard.kinds.base import Answer, Asked, Kind

_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def parse_date(text: str) -> dt.date:
    match = _DATE.match(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        raise Invalid("日期格式应为 2023-01-10 或 2023年1月10日")
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise Invalid("没有这一天，请检查年月日") from None


def format_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


class Day(Kind):
    def parse(self, question: Asked, text: str) -> Answer:
        return parse_date(text)

    def check(self, question: Asked, value: Answer) -> Answer:
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise Invalid("应为日期，例如 2023-01-10")
        return value

    def display(self, question: Asked, value: Answer) -> str:
        assert isinstance(value, dt.date)
        return format_date(value)

    def edit_text(self, question: Asked, value: Answer) -> str:
        assert isinstance(value, dt.date)
        return value.isoformat()


DATE = Day("date", "日期")
