"""The questionnaire the unit's name asks for: offered once, right after the name, when the
clerk started without choosing one (``report-wizard new``, the first screen) and the name
says another kind of unit (a 局 on the township questionnaire)."""

from __future__ import annotations

from wizard import prompter
from wizard.base.unit_names import questionnaire_for
from wizard.flow.context import Context
from wizard.prompter import Option
from wizard.questionnaire import load_by_id

#: Who each shipped questionnaire is for, as a clerk calls their unit.
FOR_WHOM = {"township": "乡镇、街道", "county": "县（市、区）人民政府", "department": "政府部门"}


def offer_questionnaire(context: Context) -> bool:
    """Ask once whether to go on with the questionnaire the unit's name says; True when
    the session now uses it (the loop then takes the new interview's questions)."""
    session = context.session
    if not session.questionnaire_by_default:
        return False
    session.questionnaire_by_default = False  # asked once, whatever the answer
    name = context.interview.display("unit_name")
    suggested = questionnaire_for(name) if name else None
    current = context.interview.questionnaire.id
    if suggested is None or suggested == current or suggested not in FOR_WHOM:
        return False
    whom = FOR_WHOM[suggested]
    options = [
        Option(f"改用{whom}的问卷（推荐）", True),
        Option(f"继续用{FOR_WHOM.get(current, current)}的问卷", False),
    ]
    context.say(
        f"“{name}”看起来是{whom}：{whom}的报告要写的专题和数字不同，用它的问卷更合适。", "yellow"
    )
    if not prompter.select("用哪一份问卷？", options, nav=False):
        return False
    questionnaire = load_by_id(suggested)
    session.switch_questionnaire(questionnaire)
    context.save()
    context.say(f"已改用问卷：{questionnaire.title}。已填的单位名称保留。", "green")
    return True
