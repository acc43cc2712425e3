"""Figures a unit counts for itself (楼宇走访35栋, 考试平均分92.5分), kept in the answers
file's ``[[own_figures]]``: what is counted, the number with its hedge and measure word,
last year's number for 同比, and the words around it in the topic's paragraph.

```toml
[[own_figures]]
topic = "services"          # the topic (or the part: "duty") whose paragraph says it
label = "走访辖区楼宇"
value = { value = 35, unit = "栋" }
last_year = 30              # optional
before = "全年走访辖区楼宇"   # optional: the words before the number (default: label)
after = "，实现全覆盖"        # optional: the words after it
unit = "%"                  # optional: a rate the unit counts (办结率), or its measure word
parts = [{ label = "路政", value = 88 }, { label = "道路运输", value = 812 }]  # optional: 其中
complete = true             # optional: the parts are all of it, and must add up to it
```

The words are the clerk's, used as they are; nothing here is a template.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from wizard import figures
from wizard.base.cleaning import clean_input
from wizard.figures import Invalid, Number
from wizard.questionnaire import Question


@dataclass(frozen=True, slots=True)
class OwnFigure:
    topic: str
    label: str
    value: Number | None = None
    last_year: Number | None = None
    unit: str = ""
    before: str = ""
    after: str = ""
    #: Already said in the clerk's own text (found by ``import``): not printed again, but
    #: carried to next year as last year's figure.
    in_text: bool = False
    #: Its 其中 parts: (what, how many), printed after it in one sentence.
    parts: tuple[tuple[str, Number], ...] = ()
    #: The parts are all of it: ``check`` says so when they do not add up.
    complete: bool = False

    @property
    def question(self) -> Question:
        """The figure as a question, so that it is read, checked and shown like any other: a
        rate when its unit is %, else a number in the clerk's measure word."""
        if self.unit in ("%", "％"):
            return Question(id="own_figure", kind="percent", label=self.label, min=0, max=100)
        return Question(id="own_figure", kind="decimal", label=self.label, unit=self.unit)

    def sentence(self) -> str:
        """全年走访辖区楼宇35栋，同比增长17%。 — empty while the number is not given."""
        if self.value is None or self.in_text:
            return ""
        shown = figures.format_number(self.question, self.value)
        change = (
            figures.year_on_year(self.question, self.last_year, self.value)
            if self.last_year is not None
            else ""
        )
        parts = "、".join(
            f"{label}{figures.format_number(self.question, value)}" for label, value in self.parts
        )
        parts = f"，其中{parts}" if parts else ""
        text = f"{self.before or self.label}{shown}{change}{parts}{self.after}"
        return text if text.endswith(("。", "；", "！")) else text + "。"


def read(raw: object) -> tuple[tuple[OwnFigure, ...], list[str]]:
    """The unit's figures in a file, and what could not be read (in Chinese, for ``check``)."""
    if raw is None:
        return (), []
    if not isinstance(raw, list):
        return (), ["本单位自己的数字（[[own_figures]]）应为表的数组，已忽略"]
    result: list[OwnFigure] = []
    problems: list[str] = []
    for n, entry in enumerate(raw, 1):
        try:
            result.append(_figure(entry))
        except Invalid as error:
            problems.append(f"本单位自己的第 {n} 个数字：{error}")
    return tuple(result), problems


def _figure(entry: object) -> OwnFigure:
    if not isinstance(entry, Mapping):
        raise Invalid("应为表")
    texts = {}
    for key in ("topic", "label", "unit", "before", "after"):
        value = entry.get(key, "")
        if not isinstance(value, str):
            raise Invalid(f"{key} 应为文字")
        value = clean_input(value)  # a file edited by hand may hold anything
        texts[key] = value.strip() if key not in ("before", "after") else value
    if not texts["topic"] or not texts["label"]:
        raise Invalid("要写明所属专题（topic）和统计的是什么（label）")
    known = {"topic", "label", "unit", "before", "after", "value", "last_year", "in_text"}
    known |= {"parts", "complete"}
    unknown = set(entry) - known
    in_text = entry.get("in_text", False)
    if not isinstance(in_text, bool):
        raise Invalid("in_text 应为 true 或 false")
    if unknown:
        raise Invalid(f"没有 {'、'.join(sorted(unknown))} 这一项")
    shape = OwnFigure(texts["topic"], texts["label"], unit=texts["unit"]).question
    numbers: dict[str, Number | None] = {}
    for key in ("value", "last_year"):
        numbers[key] = None if entry.get(key) is None else figures.from_toml(shape, entry[key])
        if numbers[key] is not None and shape.kind == "percent":
            figures.check_range(shape, numbers[key].value)  # type: ignore[union-attr]
    complete = entry.get("complete", False)
    if not isinstance(complete, bool):
        raise Invalid("complete 应为 true 或 false")
    return OwnFigure(
        value=numbers["value"],
        last_year=numbers["last_year"],
        in_text=in_text,
        parts=_parts(entry.get("parts", []), shape),
        complete=complete,
        **texts,
    )


def _parts(raw: object, shape: Question) -> tuple[tuple[str, Number], ...]:
    if not isinstance(raw, list):
        raise Invalid('parts 应为表的数组，如 [{ label = "路政", value = 88 }]')
    result = []
    for part in raw:
        if not isinstance(part, Mapping) or not isinstance(part.get("label"), str):
            raise Invalid("parts 的每一项要有 label（是什么）和 value（多少）")
        result.append(
            (clean_input(part["label"]).strip(), figures.from_toml(shape, part.get("value")))
        )
    return tuple(result)


def to_toml(figure: OwnFigure) -> dict[str, Any]:
    result: dict[str, Any] = {"topic": figure.topic, "label": figure.label}
    if figure.unit:
        result["unit"] = figure.unit
    if figure.value is not None:
        result["value"] = figures.to_toml(figure.value)
    if figure.last_year is not None:
        result["last_year"] = figures.to_toml(figure.last_year)
    for key in ("before", "after"):
        if getattr(figure, key):
            result[key] = getattr(figure, key)
    if figure.in_text:
        result["in_text"] = True
    if figure.parts:
        result["parts"] = [{"label": k, "value": figures.to_toml(v)} for k, v in figure.parts]
    if figure.complete:
        result["complete"] = True
    return result


def carried(found: tuple[OwnFigure, ...]) -> list[OwnFigure]:
    """Next year's list: the same figures, each with this year's number as last year's."""
    return [
        # Said in last year's text; this year it is the clerk's to give, and to print.
        replace(f, value=None, last_year=f.value, in_text=False)
        for f in found
        if f.value is not None
    ] + [f for f in found if f.value is None]
