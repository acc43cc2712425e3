"""The interview state, without a terminal: order, answers, rules, progress, lists."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.figures import Invalid, Number
from wizard.questionnaire import Questionnaire
from wizard.questionnaire.values import TopicChoice
from wizard.state import lists, progress
from wizard.state.interview import Interview


def ids(interview: Interview) -> list[str]:
    return [s.id for s in interview.steps()]


def test_order_follows_sections_topics_and_conditions(mini: Questionnaire) -> None:
    interview = Interview(mini)
    assert ids(interview) == [
        "org", "year", "served", "has_volunteers", "budget", "kind", "channels", "signed",
        "work_topics", "care_points", "visits", "visits_done", "visit_rate",  # prose first
        "issue_list", "outlook",
    ]  # fmt: skip
    interview.answer("has_volunteers", "是")
    assert "volunteers" in ids(interview)
    interview.answer("has_volunteers", "否")
    assert "volunteers" not in ids(interview)


def test_every_kind_is_answered_and_normalized(mini: Questionnaire) -> None:
    interview = Interview(mini)
    assert interview.answer("org", " 南街社区 ") == "南街社区"
    assert interview.answer("year", "2024") == Number(2024)
    assert interview.answer("served", "3000余") == Number(3000, "余")
    assert interview.answer("budget", "2.5") == Number(2.5)
    assert interview.answer("kind", "社区") == "社区"
    assert interview.answer("channels", "窗口、微信群") == ("窗口", "微信群")
    assert interview.answer("signed", "2025年1月8日") == dt.date(2025, 1, 8)
    assert interview.answer("outlook", "第一段\r\n第二段") == "第一段\n第二段"
    interview.set("issue_list", ({"problem": "人手少"},))
    assert interview.document.answer("served") == {"value": 3000, "hedge": "余"}
    assert interview.document.answer("signed") == dt.date(2025, 1, 8)
    assert interview.document.answer("issue_list") == [{"problem": "人手少"}]


def test_invalid_answers_change_nothing(mini: Questionnaire) -> None:
    interview = Interview(mini)
    interview.answer("year", "2024")
    with pytest.raises(Invalid, match="应在 2000 到 2100 之间"):
        interview.answer("year", "1999")
    assert interview.value("year") == Number(2024)


def test_computed_value_and_override(mini: Questionnaire) -> None:
    interview = Interview(mini)
    assert interview.value("visit_rate") is None
    interview.answer("visits", "8")
    interview.answer("visits_done", "6")
    assert interview.value("visit_rate") == Number(75)
    interview.answer("visit_rate", "75")  # accepting the computed value keeps it live
    assert "visit_rate" not in interview.values
    interview.answer("visits_done", "8")
    assert interview.value("visit_rate") == Number(100)
    interview.answer("visit_rate", "80")  # a different value overrides it
    interview.answer("visits_done", "6")
    assert interview.value("visit_rate") == Number(80)
    assert interview.computed_default("visit_rate") == Number(75)


def test_a_default_computed_from_the_date_is_pinned_once_accepted(township: Questionnaire) -> None:
    interview = Interview(township)
    year = interview.value("year")
    assert isinstance(year, Number)
    interview.answer("year", str(year.value))
    assert interview.values["year"] == year  # next year's default will not move it


def test_cross_field_rule(mini: Questionnaire) -> None:
    interview = Interview(mini)
    interview.answer("visits", "8")
    with pytest.raises(Invalid) as caught:
        interview.answer("visits_done", "9")
    assert str(caught.value) == "完成探访不能多于探访"
    assert "visits_done" not in interview.values
    interview.answer("visits_done", "8")
    with pytest.raises(Invalid):
        interview.answer("visits", "7")


def test_next_back_and_jump(mini: Questionnaire) -> None:
    interview = Interview(mini)
    first = progress.next_step(interview)
    assert first is not None and first.id == "org"
    interview.answer("org", "南街社区")
    after = progress.next_step(interview, after="org")
    assert after is not None and after.id == "year"
    # Without a position: required first (the topic choice is confirmed even with a
    # default), then recommended.
    interview.answer("year", "2024")
    step = progress.next_step(interview)
    assert step is not None and step.id == "work_topics"
    interview.set("work_topics", (TopicChoice("care"),))
    step = progress.next_step(interview)
    assert step is not None and step.id == "care_points"
    previous = progress.previous_step(interview, "year")
    assert previous is not None and previous.id == "org"
    assert progress.previous_step(interview, "org") is None
    jump = progress.first_step_of(interview, "issues")
    assert jump is not None and jump.id == "issue_list"


def test_back_and_change_keeps_later_answers(mini: Questionnaire) -> None:
    interview = Interview(mini)
    interview.answer("org", "南街社区")
    interview.answer("year", "2024")
    interview.answer("org", "北街社区")
    assert interview.value("year") == Number(2024)


def test_skipping_recommended_is_recorded(mini: Questionnaire) -> None:
    interview = Interview(mini)
    interview.skip("served")
    assert interview.document.to_toml()["state"] == {"skipped": ["served"]}
    assert progress.next_step(interview, after="year") is not None
    next_after = progress.next_step(interview, after="year")
    assert next_after is not None and next_after.id != "served"
    with pytest.raises(Invalid, match="必须填写"):
        interview.skip("org")
    interview.answer("served", "10")
    assert "state" not in interview.document.to_toml()


def test_progress_counts_required_and_recommended_apart(mini: Questionnaire) -> None:
    interview = Interview(mini)
    before = progress.tally(interview)
    # The topics offered by default are not yet the clerk's answer: nothing done at the start.
    assert (before.required, before.required_done, before.percent) == (5, 0, 0)
    interview.answer("org", "南街社区")
    interview.skip("served")
    after = progress.tally(interview)
    assert after.required_done == 1
    assert after.skipped == 1
    assert after.percent == (after.done + 1) * 100 // after.total
    sections = {s.id: t for s, t in progress.section_tallies(interview)}
    assert sections["facts"].required_done == 1


def test_repeated_items(mini: Questionnaire) -> None:
    interview = Interview(mini)
    lists.add(interview, "care_points", {"title": "甲"})
    lists.add(interview, "care_points", {"title": "乙", "text": "内容"})
    lists.add(interview, "care_points", {"title": "丙"})
    assert lists.move(interview, "care_points", 2, -1) == 1
    assert [i["title"] for i in interview.items("care_points")] == ["甲", "丙", "乙"]
    lists.edit(interview, "care_points", 0, {"title": "甲甲"})
    lists.delete(interview, "care_points", 1)
    assert [i["title"] for i in interview.items("care_points")] == ["甲甲", "乙"]
    with pytest.raises(Invalid, match="缺少“要点”"):
        lists.add(interview, "care_points", {"text": "没有标题"})
    lists.delete(interview, "care_points", 0)
    lists.delete(interview, "care_points", 0)
    assert not interview.document.has_answer("care_points")


def test_topics_pick_order_rename_and_custom(mini: Questionnaire) -> None:
    interview = Interview(mini)
    work = mini.sections[1]
    assert interview.chosen_topics(work) == (TopicChoice("care"),)
    custom = lists.custom_topic_id(interview)
    assert custom == "custom_1"
    interview.set(
        "work_topics",
        (TopicChoice(custom, "助残服务"), TopicChoice("youth", "青少年托管"), TopicChoice("care")),
    )
    assert ids(interview)[8:12] == ["work_topics", "custom_1_points", "youth_points", "care_points"]
    custom_points = interview.require("custom_1_points")
    assert custom_points.label == "“助残服务”的主要做法"  # its own, not the first topic's
    assert "做法" in custom_points.help and custom_points.suggestions == ()
    lists.add(interview, "custom_1_points", {"title": "上门助残"})
    assert interview.document.answer("custom_1_points") == [{"title": "上门助残"}]
    with pytest.raises(Invalid, match="没有专题 'nope'"):
        interview.set("work_topics", (TopicChoice("nope"),))


def test_resume_is_building_the_state_from_the_document(mini: Questionnaire) -> None:
    first = Interview(mini)
    first.answer("org", "南街社区")
    first.skip("served")
    again = Interview(mini, first.document)
    assert again.values == first.values
    assert again.skipped == {"served"}
    step = progress.next_step(again)
    assert step is not None and step.id == "year"


def test_stored_answers_that_no_longer_validate_are_reported_and_asked(mini: Questionnaire) -> None:
    document = {"meta": {"questionnaire": "mini"}, "year": 1800, "served": "很多", "org": "南街"}
    interview = Interview(mini, document)
    assert interview.invalid == {"year": "应在 2000 到 2100 之间", "served": "请输入整数，例如 125"}
    step = progress.next_step(interview)
    assert step is not None and step.id == "year"
    assert interview.document.answer("year") == 1800  # kept on disk until answered again
    interview.answer("year", "2024")
    assert "year" not in interview.invalid


def test_township_wording_by_unit_kind(township: Questionnaire) -> None:
    interview = Interview(township, today=dt.date(2031, 3, 1))
    assert interview.value("year") == Number(2030)
    assert interview.value("results_separate") is True
    interview.answer("results_separate", "否")
    assert "results" not in {s.section.id for s in interview.steps()}


@pytest.mark.parametrize(
    "state", [3, "x", {"skipped": 5}, {"skipped": ["served", 7]}, {"review": {"a": 1}}]
)
def test_a_hand_edited_state_table_is_tolerated(mini: Questionnaire, state: object) -> None:
    interview = Interview(mini, {"meta": {"questionnaire": "mini"}, "state": state})
    assert interview.skipped <= {"served"}
    assert progress.next_step(interview) is not None


def test_position_in_the_section_and_overall(mini: Questionnaire) -> None:
    interview = Interview(mini)
    position = progress.position(interview, "visits")
    assert (position.in_section, position.section_total) == (3, 5)  # topics, points, visits, …
    assert (position.overall, position.total) == (11, 15)
    assert progress.position(interview, "nonexistent").overall == 0


ANSWERS = {
    "org": ["南街社区", "  ", "[x]"],
    "year": ["2024", "1999", "abc"],
    "served": ["3000余", "-1"],
    "has_volunteers": ["是", "否", "也许"],
    "volunteers": ["12"],
    "visits": ["8", "0"],
    "visits_done": ["6", "9"],
    "visit_rate": ["75", "120"],
    "channels": ["窗口、上门", "微信"],
    "signed": ["2025-01-08", "2025-02-30"],
}


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(ANSWERS)), st.integers(0, 2), st.booleans()), max_size=25
    )
)
def test_any_sequence_of_answers_keeps_the_state_consistent(
    mini: Questionnaire, moves: list[tuple[str, int, bool]]
) -> None:
    interview = Interview(mini)
    for question_id, choice, skip in moves:
        texts = ANSWERS[question_id]
        try:
            if skip:
                interview.skip(question_id)
            else:
                interview.answer(question_id, texts[choice % len(texts)])
        except Invalid:
            pass
        # Resume is rebuilding from the document: it must give the same state.
        again = Interview(mini, interview.document)
        assert again.values == interview.values
        assert again.skipped == interview.skipped
        assert not again.invalid
        tally = progress.tally(interview)
        assert 0 <= tally.percent <= 100
        step = progress.next_step(interview)
        assert step is None or step.id in {s.id for s in interview.steps()}
        assert interview.broken_rules() == []


def test_the_year_may_be_typed_with_its_unit(township: Questionnaire) -> None:
    interview = Interview(township)
    assert interview.answer("year", "2022年") == Number(2022)
    with pytest.raises(Invalid) as caught:
        interview.answer("year", "去年")
    assert str(caught.value) == "请输入整数，例如 2022"
