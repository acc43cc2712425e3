from __future__ import annotations

import datetime as dt

import pytest

from wizard.figures import Invalid, Number, change
from wizard.questionnaire import Question
from wizard.questionnaire.values import TopicChoice, display, from_toml, parse_text, to_toml

COUNT = Question("n", "count", "件数", unit="件", min=0, approx=True)
PERCENT = Question("p", "percent", "比例", min=0, max=100)
DECIMAL = Question("d", "decimal", "经费", unit="万元", min=0)


@pytest.mark.parametrize(
    ("question", "typed", "expected"),
    [
        (COUNT, "43", Number(43)),
        (COUNT, "43余", Number(43, "余")),
        (COUNT, "约600", Number(600, "约")),
        (COUNT, "50人左右", Number(50, "左右", "人")),  # its own measure word: kept
        (COUNT, "近300", Number(300, "近")),
        (COUNT, "2000余册", Number(2000, "余", "册")),
        (COUNT, "1宗", Number(1, "", "宗")),
        (COUNT, "3.5万", Number(35000, "", "", True)),
        (DECIMAL, "3.5万", Number(3.5)),  # the question counts 万元
        (DECIMAL, "约3.5万元", Number(3.5, "约")),
        (COUNT, "１２５", Number(125)),
        (COUNT, "10,000余件", Number(10000, "余")),
        (PERCENT, "98.5%", Number(98.5)),
        (PERCENT, "100％", Number(100)),
        (DECIMAL, "3.5", Number(3.5)),
    ],
)
def test_numbers(question: Question, typed: str, expected: Number) -> None:
    assert parse_text(question, typed) == expected


@pytest.mark.parametrize(
    ("question", "typed", "message"),
    [
        (COUNT, "-1", "不能是负数"),
        (COUNT, "1.5", "请输入整数，不要带小数点"),
        (COUNT, "很多", "请输入整数，例如 125"),
        (COUNT, "约50余", "一个数字只用一个“约”“余”“左右”之类的词"),
        (PERCENT, "50人", "请输入数字，例如 98.5"),
        (PERCENT, "120", "应在 0 到 100 之间"),
    ],
)
def test_numbers_out_of_rule(question: Question, typed: str, message: str) -> None:
    with pytest.raises(Invalid) as caught:
        parse_text(question, typed)
    assert str(caught.value) == message


def test_dates_and_booleans() -> None:
    date = Question("d", "date", "日期")
    assert parse_text(date, "2023年1月10日") == dt.date(2023, 1, 10)
    assert parse_text(date, "2023-01-10") == dt.date(2023, 1, 10)
    with pytest.raises(Invalid, match="没有这一天"):
        parse_text(date, "2023-02-30")
    yes_no = Question("b", "bool", "是否")
    assert parse_text(yes_no, "是") is True and parse_text(yes_no, "否") is False
    with pytest.raises(Invalid, match="请回答 是 或 否"):
        parse_text(yes_no, "也许")


def test_choices() -> None:
    multi = Question("m", "multichoice", "渠道", choices=("窗口", "电话"), allow_other=False)
    assert parse_text(multi, "窗口、电话") == ("窗口", "电话")
    with pytest.raises(Invalid, match="上门 不是可选项"):
        parse_text(multi, "上门")
    single = Question("c", "choice", "类型", choices=("乡", "镇"))
    with pytest.raises(Invalid, match="应为以下之一：乡、镇"):
        parse_text(single, "村")


def test_toml_form_round_trips() -> None:
    assert to_toml(Number(43, "余")) == {"value": 43, "hedge": "余"}
    assert to_toml(Number(2000, "余", "册")) == {"value": 2000, "hedge": "余", "unit": "册"}
    assert to_toml(Number(35000, "", "", True)) == {"value": 35000, "wan": True}
    assert from_toml(COUNT, {"value": 43, "approx": True}) == Number(43, "余")  # as 0.1.0 wrote
    assert from_toml(COUNT, {"value": 2000, "hedge": "余", "unit": "册"}) == Number(
        2000, "余", "册"
    )
    assert from_toml(COUNT, 43) == Number(43)
    assert from_toml(COUNT, "约43") == Number(43, "约")  # a data file gives what a prompt takes
    with pytest.raises(Invalid, match="hedge"):
        from_toml(COUNT, {"value": 43, "hedge": "大约"})
    topics = Question("work_topics", "topics", "专题", choices=("a",))
    value = (TopicChoice("a"), TopicChoice("custom_1", "自拟"))
    assert from_toml(topics, to_toml(value)) == value


def test_display() -> None:
    assert display(COUNT, Number(10000, "余")) == "10000余件"
    assert display(PERCENT, Number(100)) == "100%"
    assert display(DECIMAL, Number(3.5)) == "3.5万元"


def test_year_on_year_change() -> None:
    assert change(Number(125), Number(150)) == (25, 20.0)
    assert change(Number(0), Number(3)) == (3, None)
    assert change(Number(10000, "余"), Number(8000, "余")) == (-2000, -20.0)
