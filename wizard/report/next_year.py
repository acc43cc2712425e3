"""Next year's answers from last year's: texts carried to be read again, figures kept
aside as last year's, the unit's shape and own figures carried on, the years in headings
and plans moved on by one, and what the unit left unsaid not asked again."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from wizard.answersfile import outline, own_figures
from wizard.answersfile.document import AnswersDocument
from wizard.base.errors import UserError
from wizard.figures import Number
from wizard.questionnaire import Questionnaire
from wizard.state import text_figures
from wizard.state.interview import Interview


class CarryError(UserError):
    """Last year's answers cannot start this year's (another questionnaire)."""


def carry_over(
    questionnaire: Questionnaire, last: AnswersDocument, document: AnswersDocument, source: str
) -> AnswersDocument:
    """Start from last year's answers: texts kept for review, figures kept aside as ``previous``."""
    if last.questionnaire_id != questionnaire.id:
        raise CarryError(f"{source} 是另一种问卷的答案，不能作为本问卷的上一年度")
    old = Interview(questionnaire, last)
    year_id = questionnaire.report.year
    previous, review = _carry_answers(old, last, document)
    year = old.value(year_id) if year_id else None
    if isinstance(year, Number):
        document.put_answer(year_id, int(year.value) + 1)
        previous[year_id] = int(year.value)
    document.set_previous(previous)
    # The unit's shape goes on with its texts: next year's draft starts in this year's shape.
    shape = outline.carried(last.outline, int(year.value) if isinstance(year, Number) else None)
    if shape.order:
        shape = replace(shape, order=_with_new_parts(questionnaire, shape.order))
    document.set_outline(shape)
    document.set_own_figures(own_figures.carried(last.own_figures))
    if isinstance(year, Number):
        _move_topic_years(questionnaire, document, int(year.value))
        _move_plan_years(questionnaire, document, int(year.value))
    document.set_text_figures(text_figures.carried(old))
    # What the unit left unsaid last year (no 主送, no 附注, no opening words) is not asked
    # again: a fact of the unit's, or anything optional. Figures are: they are this year's.
    left = [
        q.id
        for s in questionnaire.sections
        for q in s.questions
        if not last.has_answer(q.id)
        and not document.has_answer(q.id)
        and (q.level == "optional" or (not s.heading and q.level != "required"))
    ]
    document.mark(skipped=left, review=review)
    # Last year's shape is the unit's: it is not offered again (the menu still changes it).
    document.offer_outline()
    return document


def _carry_answers(
    old: Interview, last: AnswersDocument, document: AnswersDocument
) -> tuple[dict[str, Any], list[str]]:
    """Texts and choices into the new document (texts to review); figures kept aside."""
    previous: dict[str, Any] = {}
    review: list[str] = []
    for key, raw in last.answers():
        question = old.question(key)
        skip = key in old.invalid or key == old.questionnaire.report.year
        if skip or question is None:
            continue
        if question.is_numeric:
            previous[key] = raw
        elif question.kind != "date":  # dates belong to their year
            document.put_answer(key, raw)
            if question.kind in ("text", "longtext", "list"):
                review.append(key)
    return previous, review


def _move_topic_years(questionnaire: Questionnaire, document: AnswersDocument, year: int) -> None:
    """Years in the unit's own topic headings moved on, as in its part headings."""
    for section in questionnaire.sections:
        chosen = document.answer(section.topics_id)
        if isinstance(chosen, list):
            moved = [
                {**t, "heading": outline.years_moved(t["heading"], year)}
                if isinstance(t, dict) and isinstance(t.get("heading"), str)
                else t
                for t in chosen
            ]
            document.put_answer(section.topics_id, moved)


def _move_plan_years(questionnaire: Questionnaire, document: AnswersDocument, year: int) -> None:
    """Plans speak of the year after the report's: carried, they speak of the next one
    (2024年，我局将… in the 2023 report is 2025年 in the 2024 one)."""
    plans = questionnaire.report.plan_sections
    for section in questionnaire.sections:
        if section.id not in plans:
            continue
        for question in section.questions:
            value = document.answer(question.id)
            if isinstance(value, str):
                document.put_answer(question.id, outline.years_moved(value, year))
            elif isinstance(value, list):
                items = [
                    {
                        k: outline.years_moved(v, year) if isinstance(v, str) else v
                        for k, v in item.items()
                    }
                    if isinstance(item, dict)
                    else item
                    for item in value
                ]
                document.put_answer(question.id, items)


def _with_new_parts(questionnaire: Questionnaire, order: tuple[str, ...]) -> tuple[str, ...]:
    """Last year's order of parts, with each part it did not have (第一责任人, say) where
    the questionnaire puts it: after the part before it in the questionnaire, not at the
    end after the plans."""
    result = list(order)
    parts = [s.id for s in questionnaire.sections if s.heading]
    for index, part in enumerate(parts):
        if part in result:
            continue
        before = next((p for p in reversed(parts[:index]) if p in result), None)
        result.insert(result.index(before) + 1 if before else 0, part)
    return tuple(result)
