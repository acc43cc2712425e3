"""The draft can be trusted: every answer, given alone, reaches the exported text in the
clerk's words, or ``check`` says why not, by the question's label. Over every question of
every shipped questionnaire, and every pair of figures that share a sentence."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from wizard.answersfile import disk
from wizard.base import expr
from wizard.questionnaire import Question, Questionnaire, available, load
from wizard.questionnaire.values import display
from wizard.render.text import render_text
from wizard.report.check import check
from wizard.report.draft import build_report
from wizard.state.interview import Interview

TODAY = dt.date(2023, 3, 1)
QUESTIONNAIRES = [load(path) for path in available()]
assert QUESTIONNAIRES, "no shipped questionnaire found"


def typed(question: Question) -> str:
    """An answer as a clerk would type it, valid for the question."""
    if question.kind == "count":
        low = int(question.min or 0)
        high = int(question.max) if question.max is not None else low + 100
        return str(min(low + 7, high))
    return {
        "decimal": "7.5",
        "percent": "96",
        "rank": "第3名",
        "text": "青石镇甲乙",
        "longtext": "丙丁戊己庚。",
        "date": "2023-01-10",
        "multichoice": "、".join(question.choices[-1:]) or "自拟",
    }.get(question.kind, "")


def fresh(questionnaire: Questionnaire) -> Interview:
    return Interview(
        questionnaire, disk.new_document(questionnaire.id, questionnaire.version), TODAY
    )


def shows_or_says_why(interview: Interview, question: Question, said: str) -> None:
    text = render_text(build_report(interview))
    if said in text:
        return
    why = [f for f in check(interview).findings if f.question == question.id]
    assert any(f.severity == "error" and question.label in f.message for f in why), (
        f"{question.id}: {said!r} is neither in the draft nor explained by check"
    )


def structural(questionnaire: Questionnaire) -> set[str]:
    """Names that conditions, computed values and templates read: what bools and choices do."""
    used: set[str] = set()
    for question in questionnaire.all_questions():
        for node in (question.when, question.compute):
            if node is not None:
                used |= expr.names(node)
    for section in questionnaire.sections:
        if section.when is not None:
            used |= expr.names(section.when)
        for sentence in (*section.sentences, *(s for t in section.topics for s in t.sentences)):
            used |= sentence.template.names
            if sentence.when is not None:
                used |= expr.names(sentence.when)
    spec = questionnaire.report
    for template in (spec.title, spec.preamble, spec.addressee, spec.annotation, *spec.signature):
        if template is not None:
            used |= template.names
    return used


CASES = [(q, question) for q in QUESTIONNAIRES for question in q.all_questions()]


@pytest.mark.parametrize(
    ("questionnaire", "question"), CASES, ids=[f"{q.id}.{x.id}" for q, x in CASES]
)
def test_an_answer_given_alone_reaches_the_draft_or_check_says_why(
    questionnaire: Questionnaire, question: Question
) -> None:
    interview = fresh(questionnaire)
    if question.kind in ("bool", "choice"):
        # They shape the report (a part, a wording) rather than appear in it: they must be read.
        assert question.id in structural(questionnaire), f"{question.id} changes nothing"
        return
    if question.kind == "list":
        item = {f.id: f"第{n}项内容" for n, f in enumerate(question.fields)}
        interview.set(question.id, (item,))
        said = item[question.fields[0].id]
    else:
        interview.answer(question.id, typed(question))
        value = interview.values.get(question.id)
        if value is None:  # a value computed from others, accepted as it is
            return
        said = display(question, value).replace("\n", "")
    shows_or_says_why(interview, question, said)


def _shared_sentences(questionnaire: Questionnaire) -> list[tuple[str, str]]:
    pairs = []
    for section in questionnaire.sections:
        for sentence in (*section.sentences, *(s for t in section.topics for s in t.sentences)):
            figures = [n for n in sorted(sentence.template.names) if n != "current_year"]
            figures = [n for n in figures if (questionnaire.question(n) or _NONE).is_numeric]
            pairs += list(itertools.permutations(figures, 2))
    return pairs


_NONE = Question(id="none", kind="text", label="")
PAIRS = [(q, a, b) for q in QUESTIONNAIRES for a, b in _shared_sentences(q)]


@pytest.mark.parametrize(
    ("questionnaire", "given", "skipped"), PAIRS, ids=[f"{q.id}.{a}-{b}" for q, a, b in PAIRS]
)
def test_a_skipped_figure_never_takes_its_neighbour_away(
    questionnaire: Questionnaire, given: str, skipped: str
) -> None:
    interview = fresh(questionnaire)
    question = questionnaire.question(given)
    assert question is not None
    interview.answer(given, typed(question))
    other = questionnaire.question(skipped)
    if other is not None and other.level != "required":
        interview.skip(skipped)  # the clerk does not know it
    value = interview.values.get(given)
    if value is None:
        return
    shows_or_says_why(interview, question, display(question, value))
