"""Answers as expressions see them, and the values computed from them (化解率 from 化解 and
排查, the report year from today's date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from wizard.base import expr
from wizard.figures import Invalid, Number
from wizard.questionnaire import Question, Questionnaire
from wizard.questionnaire.values import Answer, from_toml


def environment(
    questionnaire: Questionnaire, answers: Mapping[str, Answer], today: dt.date
) -> dict[str, expr.Value]:
    """Defaults, then answers, then computed values, each once, every one after those it
    reads (the loader rejects cycles): linear in the questionnaire, however long a chain."""
    env: dict[str, expr.Value] = {"current_year": today.year}
    for question in questionnaire.all_questions():
        default = default_answer(question)
        if default is not None:
            env[question.id] = expression_value(default)
    for key, value in answers.items():
        env[key] = expression_value(value)
    for question in computing_order(questionnaire):
        if question.id in answers or question.compute is None:
            continue
        env[question.id] = round_computed(question, expr.evaluate(question.compute, env))
    return env


_ORDERS: dict[int, tuple[Questionnaire, tuple[Question, ...]]] = {}


def computing_order(questionnaire: Questionnaire) -> tuple[Question, ...]:
    """The computed questions, each after the computed ones it reads (worked out once per
    questionnaire, without recursion: a chain of thousands is fine)."""
    kept = _ORDERS.get(id(questionnaire))
    if kept is not None and kept[0] is questionnaire:
        return kept[1]
    computed = {q.id: q for q in questionnaire.all_questions() if q.compute is not None}
    reads = {
        i: [n for n in expr.names(q.compute) if n in computed]
        for i, q in computed.items()
        if q.compute
    }
    order: list[Question] = []
    done: set[str] = set()
    for start in computed:
        stack = [(start, iter(reads[start]))]
        seen = {start}
        while stack:
            name, following = stack[-1]
            step = next((n for n in following if n not in done and n not in seen), None)
            if step is None:
                stack.pop()
                if name not in done:
                    done.add(name)
                    order.append(computed[name])
                continue
            seen.add(step)
            stack.append((step, iter(reads[step])))
    _ORDERS[id(questionnaire)] = (questionnaire, tuple(order))
    return tuple(order)


def default_answer(question: Question) -> Answer | None:
    if question.default is None:
        return None
    try:
        return from_toml(question, question.default)
    except Invalid:
        return None


def expression_value(value: Answer) -> expr.Value:
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
