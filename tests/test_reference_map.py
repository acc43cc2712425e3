"""Every part and figure of the reference report, mapped to the question that captures it.

If a question disappears from prompts/township.toml, or stops producing its figure in
the draft of the example, these tests fail.
"""

from __future__ import annotations

import pytest

from wizard.figures import Number
from wizard.questionnaire import Questionnaire
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.state.interview import Interview

# (what the reference report says, question id, figure as the draft writes it)
FIGURES = [
    ("回复群众来访43余件次", "visits_replied", "43余件次"),
    ("回复网络问政70余条", "online_replied", "70余条"),
    ("新参加行政执法人员岗位培训2人", "enforcement_trained", "2人"),
    ("取得行政执法证（2人）", "new_certified", "2人"),
    ("散发宣传资料10000余份", "materials", "10000余份"),
    ("接受群众咨询600余人次", "consultations", "600余人次"),
    ("1条法治文化一条街", "law_street", "1条"),
    ("2个法治大院", "law_courtyards", "2个"),
    ("4个法治小组", "law_groups", "4个"),
    ("排查调处矛盾纠纷125件", "disputes_found", "125件"),
    ("化解率100％", "resolve_rate", "100%"),
]

# (part of the reference report, question id that captures it)
PARTS = [
    ("标题：单位", "unit_name"),
    ("标题：年度", "year"),
    ("开头：在区委、区政府的坚强领导下", "leaders"),
    ("开头：在区委依法治区办的悉心指导下", "guide_office"),
    ("开头：认真贯彻落实《纲要》和八五普法规划", "documents"),
    ("开头：工作水平进一步提高……成效显著", "preamble_summary"),
    ("自称：我乡", "unit_kind"),
    ("一、工作开展情况：六个专题及其顺序、标题", "work_topics"),
    ("（一）强化组织领导", "leadership_points"),
    ("（一）领导小组：组长", "group_leader"),
    # 成员单位 are written into the point itself, as the reference does: not asked apart.
    ("（二）强化理论学习", "study_points"),
    ("（三）强化制度完善（政务公开）", "openness_points"),
    ("（四）强化队伍建设（行政执法）", "enforcement_points"),
    ("（五）强化教育引导（普法宣传）", "publicity_points"),
    ("（六）强化矛盾调解", "disputes_points"),
    ("二、工作主要成效：单列为一部分", "results_separate"),
    ("二、工作主要成效：开头语", "results_intro"),
    ("二、工作主要成效：一是……五是", "achievements"),
    ("三、存在的问题：开头语", "problems_intro"),
    ("三、存在的问题：一是……三是", "shortcomings"),
    ("四、下步工作打算：开头语", "plans_intro"),
    ("四、下步工作打算：（一）（二）", "plan_items"),
]


@pytest.mark.parametrize(("said", "question_id", "figure"), FIGURES, ids=[f[1] for f in FIGURES])
def test_every_figure_has_a_question_and_reaches_the_draft(
    township: Questionnaire, example: Interview, said: str, question_id: str, figure: str
) -> None:
    question = township.question(question_id)
    assert question is not None, f"{said}: question {question_id} is gone"
    assert question.is_numeric
    assert isinstance(example.value(question_id), Number)
    assert figure in render_text(build_report(example)), said


@pytest.mark.parametrize(("said", "question_id"), PARTS, ids=[p[1] for p in PARTS])
def test_every_part_has_a_question_and_an_answer_in_the_example(
    example: Interview, said: str, question_id: str
) -> None:
    assert example.question(question_id) is not None, f"{said}: question {question_id} is gone"
    assert example.has_value(question_id), said


def test_the_computed_rate_comes_from_the_two_counts(example: Interview) -> None:
    assert "resolve_rate" not in example.values
    assert example.value("disputes_found") == Number(125)
    assert example.value("disputes_resolved") == Number(125)
    assert example.value("resolve_rate") == Number(100)
