"""A place in a ranking (第5名, 位列全市第1): a whole number from 1, where a smaller one is
better, so that last year's comparison says 前移 or 后退, never 增长."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from wizard import figures
from wizard.figures import HEDGES, Invalid, Number
from wizard.kinds.base import Answer, Asked, Kind

#: 5, 第5, 第5名, 第5位, 全市第1名, 位列全县第3: the number is the place.
_PLACE = re.compile(r"^(?:位列|排名|排在|名列)?[^\d]{0,6}?第?(\d{1,4})(?:名|位)?$")
_DIGITS = dict(zip("一二三四五六七八九", "123456789", strict=True))


def _arabic(text: str) -> str:
    """第五名 → 第5名, 第十二 → 第12 (places are rarely past 99)."""

    def number(match: re.Match[str]) -> str:
        tens, ten, ones = match.group(1), match.group(2), match.group(3)
        if not ten:  # 五: one digit, in whichever group the pattern gave it
            return _DIGITS.get(tens or ones, match.group(0))
        return str(int(_DIGITS.get(tens, "1")) * 10 + int(_DIGITS.get(ones, "0")))

    return re.sub(
        r"(?<=第)([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)(?=名|位|$)", number, text
    )


def _said(question: Asked) -> str:
    return question.unit or "名"


class Ranking(Kind):
    def bounds(self, low: float | None, high: float | None) -> tuple[float | None, float | None]:
        return (1 if low is None else low), high

    def parse(self, question: Asked, text: str) -> Answer:
        cleaned = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
        if any(hedge in cleaned for hedge in HEDGES):
            raise Invalid("名次要写准确的，如 5（不写“约”“左右”）")
        match = _PLACE.match(_arabic(cleaned))
        if match is None:
            example = question.example or "5"
            raise Invalid(f"请输入名次，例如 {example} 或 第{example}{_said(question)}")
        return self.check(question, Number(int(match.group(1))))

    def check(self, question: Asked, value: Answer) -> Answer:
        if not isinstance(value, Number) or not isinstance(value.value, int) or value.approx:
            raise Invalid("名次应为整数，如 5")
        if value.value < 1:
            raise Invalid("名次从 1 起，第1名最前")
        figures.check_range(question, value.value)
        return value

    def from_toml(self, question: Asked, raw: Any) -> Answer:
        if isinstance(raw, str):
            return self.parse(question, raw)
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise Invalid("名次应为整数，如 5")
        return self.check(question, Number(raw))

    def display(self, question: Asked, value: Answer) -> str:
        assert isinstance(value, Number)
        return f"第{value.value}{_said(question)}"

    def edit_text(self, question: Asked, value: Answer) -> str:
        assert isinstance(value, Number)
        return str(value.value)

    def unit_of(self, question: Asked) -> str:
        return ""  # 第5名 says it: no （名） after the label

    def year_on_year(self, question: Asked, before: Number, after: Number) -> str:
        moved = int(before.value) - int(after.value)
        if moved == 0:
            return "，与上年持平"
        return f"，比上年{'前移' if moved > 0 else '后退'}{abs(moved)}位"

    def difference(self, question: Asked, before: Number, after: Number) -> str:
        return self.year_on_year(question, before, after).removeprefix("，")


RANK = Ranking(
    "rank", "名次", frozenset({"unit", "min", "max"}), numeric=True, typing="填名次，如 3 或 第3名"
)
