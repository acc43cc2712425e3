"""Each kind's own indicators: every figure question of the county and department
questionnaires takes its example, refuses what it must, reaches the draft, and the rules
between them (a part never more than its whole) hold."""

from __future__ import annotations

import pytest

from wizard.figures import Invalid
from wizard.questionnaire import load_by_id
from wizard.questionnaire.values import TopicChoice
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.state.interview import Interview

NEW = {
    "department": [
        "dept_enforcers_required", "dept_enforcers_certified", "dept_certified_rate",
        "random_tasks", "random_checked", "joint_checks", "vehicle_checks", "vessel_checks",
        "enterprise_checks", "cases_transferred", "no_penalty_cases", "excellent_files",
        "dept_correction_rate", "dept_lawsuits_lost", "dept_lost_rate", "licenses_received",
        "licenses_done", "license_done_rate", "promise_licenses", "dept_legality_reviews",
        "dept_group_study", "dept_exam_participation", "dept_exam_pass_rate",
        "npc_suggestions", "cppcc_proposals", "suggestions_satisfaction", "dept_info_published",
    ],
    "county": [
        "standing_meeting_study", "law_report_units", "assessed_units", "inspections_held",
        "demonstration_units", "lectures", "lecture_audience",
    ],
}  # fmt: skip


def with_every_topic(questionnaire_id: str) -> Interview:
    questionnaire = load_by_id(questionnaire_id)
    interview = Interview(questionnaire)
    interview.answer(
        "unit_name", "云溪县交通运输局" if questionnaire_id == "department" else "云溪县人民政府"
    )
    work = next(s for s in questionnaire.sections if s.topics)
    interview.set(work.topics_id, tuple(TopicChoice(t.id) for t in work.topics))
    return interview


CASES = [(q, i) for q, ids in NEW.items() for i in ids]


@pytest.mark.parametrize(("questionnaire_id", "question_id"), CASES, ids=[i for _, i in CASES])
def test_each_indicator_is_asked_checked_and_said(questionnaire_id: str, question_id: str) -> None:
    interview = with_every_topic(questionnaire_id)
    question = interview.require(question_id)
    assert question.help and question.example and question.level in ("recommended", "optional")
    assert question_id in {s.id for s in interview.steps()}  # in the interview: asked
    unit = "%" if question.kind == "percent" else question.unit
    value = interview.answer(question_id, question.example)
    said = f"{question.example}{unit}" in render_text(build_report(interview)).replace("\n", "")
    assert said or getattr(value, "value", None) == 0  # a zero is no achievement: left out
    for wrong in ("-1", "abc", *(["120"] if question.kind == "percent" else ["1.5"])):
        with pytest.raises(Invalid):
            interview.trial(question_id, wrong)


@pytest.mark.parametrize(
    ("part", "whole", "message"),
    [
        (
            "dept_enforcers_certified",
            "dept_enforcers_required",
            "已持证的执法人员不能多于应持证人数",
        ),
        ("licenses_done", "licenses_received", "办结的行政许可不能多于受理的件数"),
        ("dept_lawsuits_lost", "dept_lawsuits", "败诉的案件不能多于行政诉讼案件数"),
        ("promise_licenses", "licenses_received", "告知承诺办理的许可不能多于受理的件数"),
    ],
)
def test_a_part_is_never_more_than_its_whole(part: str, whole: str, message: str) -> None:
    interview = with_every_topic("department")
    interview.answer(whole, "10")
    with pytest.raises(Invalid, match=message):
        interview.answer(part, "11")
    interview.answer(part, "10")


def test_rates_are_computed_from_their_counts() -> None:
    interview = with_every_topic("department")
    for key, text in (("dept_enforcers_required", "48"), ("dept_enforcers_certified", "46"),
                      ("licenses_received", "2860"), ("licenses_done", "2850")):  # fmt: skip
        interview.answer(key, text)
    assert interview.value("dept_certified_rate") is not None
    assert interview.display("dept_certified_rate") == "95.8%"
    assert interview.display("license_done_rate") == "99.7%"


def test_a_department_picks_its_lines_of_business() -> None:
    """The study and supervision topics are offered, not chosen for every 局."""
    questionnaire = load_by_id("department")
    interview = Interview(questionnaire)
    work = next(s for s in questionnaire.sections if s.topics)
    chosen = {c.id for c in interview.chosen_topics(work)}
    assert {"dept_study", "dept_supervision"}.isdisjoint(chosen)
    assert {"dept_study", "dept_supervision"} <= {t.id for t in work.topics}


def test_keys_lists_the_new_indicators() -> None:
    from wizard.questionnaire.keys import keys

    for questionnaire_id, ids in NEW.items():
        listed = {k.id for k in keys(load_by_id(questionnaire_id))}
        assert set(ids) <= listed, questionnaire_id
