"""Every figure of a report in one list, whatever its source: a question's answer, a figure
of the unit's own, or a figure in the clerk's own sentence. Each with where it stands,
what it counts, its value as the draft prints it, last year's and 同比. ``report-wizard
figures`` shows it; ``check`` reads the same list for totals and their 其中 parts.

The JSON form (``figures --json``), one object per figure::

    {"where": str, "label": str, "value": number|null, "unit": str, "hedge": str,
     "text": str,            # as the draft prints it (8600辆次, 约50人)
     "previous": str|null,   # last year's, as printed
     "change": str|null,     # 同比, hedged when either figure is
     "source": "question"|"own"|"text",
     "question": str|null,   # the question it answers
     "state": str}           # "carried": still last year's figure; "" otherwise
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wizard.figures import Number, format_number, year_on_year
from wizard.kinds import kind_of
from wizard.questionnaire import Question
from wizard.questionnaire.values import display
from wizard.state import text_figures
from wizard.state.interview import Interview

SOURCE_NAMES = {"question": "数字题", "own": "本单位自己的", "text": "写在文字中"}


@dataclass(frozen=True, slots=True)
class ListedFigure:
    where: str
    label: str
    value: Number | None
    unit: str
    text: str
    previous: str
    change: str
    source: str
    question: str = ""
    state: str = ""
    #: The question's own words, for the clerk.
    question_label: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "where": self.where,
            "label": self.label,
            "value": self.value.value if self.value else None,
            "unit": self.unit,
            "hedge": self.value.hedge if self.value else "",
            "text": self.text,
            "previous": self.previous or None,
            "change": self.change or None,
            "source": self.source,
            "question": self.question or None,
            "state": self.state,
        }


def _unit(question: Question, value: Number | None) -> str:
    if value is not None and value.measure:
        return value.measure
    return kind_of(question).unit_of(question)


def figures(interview: Interview) -> list[ListedFigure]:
    result: list[ListedFigure] = []
    layout = text_figures.locate(interview)
    in_text: set[str] = set()
    for item in layout.located:
        record = item.record
        if record is not None and not record.is_figure:
            continue
        question = interview.question(record.question) if record and record.question else None
        value = text_figures.value_of(item.said)
        previous = record.last_year if record else ""
        before = text_figures.value_of(previous) if previous else None
        if question is not None:
            in_text.add(question.id)
            before = before or _number(interview.previous_value(question.id))
            previous = previous or (display(question, before) if before else "")
        shape = question or text_figures.ANY_FIGURE
        carried = record is not None and record.state == "carried"
        change = (
            ""
            if carried or not (before and value)
            else kind_of(shape).year_on_year(shape, before, value)
        )
        result.append(
            ListedFigure(
                item.place.where,
                record.label if record else item.found.label,
                value,
                value.measure if value else "",
                item.said,
                previous,
                change.lstrip("，"),
                "text",
                question.id if question else "",
                record.state if record else "",
                question.label if question else "",
            )
        )
    for step in interview.steps():
        question = step.question
        answer = interview.values.get(step.id)
        if not question.is_numeric or step.id in in_text or not isinstance(answer, Number):
            continue
        value = answer
        if step.id == interview.questionnaire.report.year:
            continue
        before = _number(interview.previous_value(step.id))
        change = kind_of(question).year_on_year(question, before, value) if before else ""
        result.append(
            ListedFigure(
                f"“{interview.where(step)}”",
                question.label,
                value,
                _unit(question, value),
                display(question, value),
                display(question, before) if before else "",
                change.lstrip("，"),
                "question",
                step.id,
                question_label=question.label,
            )
        )
    for own in interview.document.own_figures:
        if own.in_text:
            continue
        shape = own.question
        change = (
            year_on_year(shape, own.last_year, own.value) if own.last_year and own.value else ""
        )
        result.append(
            ListedFigure(
                own.topic,
                own.label,
                own.value,
                _unit(shape, own.value),
                format_number(shape, own.value) if own.value else "",
                format_number(shape, own.last_year) if own.last_year else "",
                change.lstrip("，"),
                "own",
            )
        )
    return result


def _number(value: object) -> Number | None:
    return value if isinstance(value, Number) else None
