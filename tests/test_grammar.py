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
