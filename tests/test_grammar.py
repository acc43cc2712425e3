"""What a figure in a clerk's sentence counts: the words before it, without the words
that only lead to the number (…为, …共计), and never cut inside a word."""

from __future__ import annotations

import pytest

from wizard.figures.grammar import find


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("立案查处违法行为12起", "立案查处违法行为"),  # 行为 is a word, not …为
        ("送达法律文书35份", "送达法律文书"),
        ("开展统计12次", "开展统计"),  # 统计, not 统…计
        ("参训人员为260人", "参训人员"),
        ("受理案件共计30件", "受理案件"),
        ("发放资料等300份", "发放资料"),
        ("接待群众来访达到45人次", "接待群众来访"),
    ],
)
def test_the_words_that_lead_to_a_number_are_not_what_it_counts(sentence: str, label: str) -> None:
    assert [f.label for f in find(sentence)] == [label]


@pytest.mark.parametrize(
    ("sentence", "label", "said"),
    [
        ("开展法治宣传活动不少于10场", "开展法治宣传活动", "不少于10场"),
        ("培训执法人员不低于300人次", "培训执法人员", "不低于300人次"),
        ("案件办结率不低于95%", "案件办结率", "不低于95%"),
    ],
)
def test_a_bound_is_said_with_its_figure(sentence: str, label: str, said: str) -> None:
    """不少于 and 不低于 are part of the figure, as 约 and 超过 are: the plan's 不少于10场
    is updated as a whole, its label is what was counted."""
    assert [(f.label, f.said) for f in find(sentence)] == [(label, said)]
