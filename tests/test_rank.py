"""名次 (rank): the kind added as one module and one row, read as clerks write a place,
printed 第5名, compared with last year as 前移 or 后退, never summed."""

from __future__ import annotations

import pytest

from wizard import kinds
from wizard.answersfile.document import AnswersDocument
from wizard.figures import Invalid, Number
from wizard.questionnaire import Question, Questionnaire
from wizard.questionnaire.values import display, from_toml, parse_text, to_toml
from wizard.render.text import render_text
from wizard.report import next_year
from wizard.report.draft import build_report
from wizard.state.interview import Interview

RANK = Question("place", "rank", "考核名次", example="3")


@pytest.mark.parametrize(
    "typed",
    ["5", "第5", "第5名", "第５位", "位列全市第5", "全县第5名", " 5 ", "第五名", "全区第五"],
)
def test_a_place_is_read_as_clerks_write_it(typed: str) -> None:
    assert parse_text(RANK, typed) == Number(5)


@pytest.mark.parametrize(("typed", "place"), [("第十名", 10), ("第十二名", 12), ("第二十位", 20)])
def test_a_place_in_chinese_numerals(typed: str, place: int) -> None:
    assert parse_text(RANK, typed) == Number(place)


@pytest.mark.parametrize("typed", ["0", "约5", "5.5", "前五", "第5-6名", "很靠前", ""])
def test_what_is_not_a_place_is_refused_in_chinese(typed: str) -> None:
    with pytest.raises(Invalid, match="名次"):
        parse_text(RANK, typed)


def test_stored_as_a_plain_number_and_read_back() -> None:
    assert to_toml(Number(3)) == 3
    assert from_toml(RANK, 3) == Number(3)
    for bad in (0, True, 2.5, "很好", [3]):
        with pytest.raises(Invalid):
            from_toml(RANK, bad)


def test_printed_as_a_place_and_compared_the_right_way_round() -> None:
    assert display(RANK, Number(5)) == "第5名"
    assert display(Question("p", "rank", "名次", unit="位"), Number(5)) == "第5位"
    kind = kinds.kind_of(RANK)
    assert kind.year_on_year(RANK, Number(7), Number(5)) == "，比上年前移2位"
    assert kind.year_on_year(RANK, Number(2), Number(3)) == "，比上年后退1位"
    assert kind.year_on_year(RANK, Number(4), Number(4)) == "，与上年持平"
    assert not kind.adds_up and kind.numeric
    assert kind.difference(RANK, Number(7), Number(5)) == "比上年前移2位"  # compare's column
    count = Question("c", "count", "案件", unit="件")
    assert kinds.kind_of(count).difference(count, Number(5), Number(8)) == "+3件"


def test_the_shipped_question_reaches_the_draft_with_last_years_place(
    example: Interview, township: Questionnaire
) -> None:
    example.set("results_separate", True)
    example.answer("assessment_rank", "全区第4名")
    assert "在上级年度法治建设考核中位列第4名。" in render_text(build_report(example))
    fresh = AnswersDocument.new(township.id, township.version)
    carried = next_year.carry_over(township, example.document, fresh, "上年.toml")
    after = Interview(township, carried)
    after.answer("assessment_rank", "2")
    text = render_text(build_report(after))
    assert "在上级年度法治建设考核中位列第2名，比上年前移2位。" in text


@pytest.mark.parametrize(("typed", "place"), [("2", "第2名"), ("第二名", "第2名")])
def test_this_years_place_in_a_carried_sentence(typed: str, place: str) -> None:
    """位列第3名 in last year's sentence: this year's place typed as a 名次 is typed."""
    from wizard.figures.grammar import find, replaced
    from wizard.state.text_figures import Located, Place, this_years

    text = "在全市法治政府建设考核中位列第3名。"
    found = find(text)[0]
    reading = this_years(typed, Located(Place("achievements"), text, found, None))
    assert replaced(text, found, reading) == f"在全市法治政府建设考核中位列{place}。"


@pytest.mark.parametrize("typed", ["约2", "2.5", "0"])
def test_a_place_in_a_carried_sentence_is_exact(typed: str) -> None:
    """约2 would have lost its 约 (第2名): it is refused, as the 名次 question refuses it."""
    from wizard.figures.grammar import find
    from wizard.state.text_figures import Located, Place, this_years

    text = "在全市法治政府建设考核中位列第3名。"
    with pytest.raises(Invalid, match="名次"):
        this_years(typed, Located(Place("achievements"), text, find(text)[0], None))
