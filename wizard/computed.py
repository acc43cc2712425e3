"""Answers as expressions see them, and the values computed from them (化解率 from 化解 and
排查, the report year from today's date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from wizard import expr
from wizard.figures import Invalid, Number
from wizard.questionnaire import Question, Questionnaire
from wizard.values import Answer, from_toml


def environment(
    questionnaire: Questionnaire, answers: Mapping[str, Answer], today: dt.date
) -> dict[str, expr.Value]:
    """Defaults, then answers, then computed values settled in rounds (they may read each
    other; the loader rejects cycles)."""
    env: dict[str, expr.Value] = {"current_year": today.year}
    for question in questionnaire.all_questions():
        default = default_answer(question)
        if default is not None:
            env[question.id] = plain(default)
    for key, value in answers.items():
        env[key] = plain(value)
    computed = [q for q in questionnaire.all_questions() if q.compute is not None]
    for _ in range(len(computed)):
        changed = False
        for question in computed:
            if question.id in answers or question.compute is None:
                continue
            result = round_computed(question, expr.evaluate(question.compute, env))
            if env.get(question.id) != result:
                env[question.id] = result
                changed = True
        if not changed:
            break
    return env


def default_answer(question: Question) -> Answer | None:
    if question.default is None:
        return None
    try:
        return from_toml(question, question.default)
    except Invalid:
        return None


def plain(value: Answer) -> expr.Value:
    if isinstance(value, Number):
        return value.value
    if isinstance(value, str | bool):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return tuple(v if isinstance(v, str) else getattr(v, "id", "") for v in value)
    return None


def round_computed(question: Question, result: expr.Value) -> expr.Value:
    if isinstance(result, float) and not isinstance(result, bool):
        rounded = round(result, 1 if question.kind != "count" else 0)
        return int(rounded) if float(rounded).is_integer() else rounded
    return result


def exact_reason(questionnaire: Questionnaire, question: Question) -> str | None:
    """Why a figure must be exact: it is the report year, another figure is computed from
    it, or a rule compares it (约50 cannot make a rate or be checked against a total)."""
    if question.id == questionnaire.report.year:
        return "这是报告年度"
    for other in questionnaire.all_questions():
        if other.compute is not None and question.id in expr.names(other.compute):
            return f"“{other.label}”由此项算出"
    for rule in questionnaire.rules:
        if question.id in expr.names(rule.expr):
            return f"要核对“{rule.message}”"
    return None
