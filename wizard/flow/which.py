"""The questionnaire the unit's name asks for: offered once, right after the name, when the
clerk started without choosing one (``report-wizard new``, the first screen) and the name
says another kind of unit (a 局 on the township questionnaire)."""

from __future__ import annotations

from wizard import prompter
from wizard.flow.context import Context
from wizard.prompter import Option
from wizard.questionnaire import Questionnaire, load_by_id


def for_whom(questionnaire: Questionnaire) -> str:
    """The kind of unit a questionnaire is for, as its title says (政府部门, 乡镇（街道）)."""
    return questionnaire.title.removesuffix("法治政府建设年度报告") or questionnaire.title


def offer_questionnaire(context: Context) -> None:
    """Ask once whether to go on with the questionnaire the unit's name says; the session
    then holds the new interview, and the loop takes its questions."""
    session = context.session
    wanted = session.questionnaire_named()
    session.questionnaire_by_default = False  # asked once, whatever the answer
    if wanted is None:
        return
    name = context.interview.display("unit_name")
    questionnaire = load_by_id(wanted)
    whom, current = for_whom(questionnaire), for_whom(context.interview.questionnaire)
    context.say(
        f"“{name}”看起来是{whom}：{whom}的报告要写的专题和数字不同，用它的问卷更合适。", "yellow"
    )
    options = [Option(f"改用{whom}的问卷（推荐）", True), Option(f"继续用{current}的问卷", False)]
    if not prompter.select("用哪一份问卷？", options, nav=False):
        return
    session.switch_questionnaire(questionnaire)
    context.save()
    context.say(f"已改用问卷：{questionnaire.title}。已填的单位名称保留。", "green")
