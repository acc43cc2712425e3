"""Last year's answers in this year's report (new --from): the short ones of a part
confirmed on one screen, the items of a list kept all at once or one by one."""

from __future__ import annotations

from enum import Enum

from wizard import prompter
from wizard.flow.context import Context
from wizard.flow.editors import field_text, item_form
from wizard.prompter import Option
from wizard.questionnaire import Field, Question
from wizard.questionnaire.values import Item
from wizard.state import lists
from wizard.state.steps import Step
from wizard.state.text_figures import is_prose


class SectionAction(Enum):
    KEEP = "都沿用（今年不变）"
    ONE_BY_ONE = "逐项确认或修改"


def review_section(context: Context, step: Step) -> bool:
    """The short answers carried into this part, on one screen, kept with one choice;
    True when they were (the question asked is then answered too)."""
    interview = context.interview
    carried = [
        s for s in interview.steps()
        if s.section.id == step.section.id and s.id in interview.review
        and s.id in interview.values and not is_prose(s.question)
    ]  # fmt: skip
    if len(carried) < 2 or step not in carried or step.section.id in context.one_by_one:
        return False
    context.say(f"“{interview.where(step)}”沿用了上年的答案：", "bold")
    for item in carried:
        context.say(f"　{item.question.label}：{interview.display(item.id)}")
    own = interview.document.outline
    if own.signature and any(item.id == "unit_name" for item in carried):
        # Last year's 落款 as it was signed (党委和政府联合署名): said here, where the name is.
        context.say(f"　落款：{'　'.join(own.signature)}（要改，在菜单的“报告结构”中）")
    options = [Option(action.value, action) for action in SectionAction]
    action = prompter.select("今年还是这样吗", options, nav=False)
    if action is SectionAction.ONE_BY_ONE:
        context.one_by_one.add(step.section.id)
        return False
    for item in carried:
        interview.confirm(item.id)
    context.save()
    return True


class ItemsAction(Enum):
    ONE_BY_ONE = "逐条查看：保留、改写或删去"
    KEEP = "全部保留（今年仍是这些）"
    DROP = "全部删去，重新写"


class CarriedAction(Enum):
    KEEP = "保留这一条"
    EDIT = "改写这一条"
    DROP = "删去这一条（今年没有）"


def review_items(context: Context, question: Question, heading: str = "") -> None:
    """Last year's items shown in full, then kept all, dropped all, or gone through one by
    one (kept, rewritten or dropped). ``heading``: the topic's, as the unit names it."""
    interview = context.interview
    items = interview.items(question.id)
    what = f"“{heading}”的做法" if heading else f"“{question.label}”"
    context.say(f"{what}沿用了上年的 {len(items)} 条：", "bold")
    for n, item in enumerate(items, 1):
        text = "。".join(item[f.id] for f in question.fields if item.get(f.id, "").strip())
        context.say(f"　{n}.{text}")
    options = [Option(action.value, action) for action in ItemsAction]
    action = (
        prompter.select("这些今年还写吗", options, nav=False)
        if len(items) > 1
        else ItemsAction.ONE_BY_ONE
    )
    if action is ItemsAction.DROP:
        interview.clear(question.id)
        context.save()
        return
    if action is ItemsAction.ONE_BY_ONE:
        _one_by_one(context, question)
    interview.confirm(question.id)
    context.save()


def _one_by_one(context: Context, question: Question) -> None:
    """Last year's items, one by one and in full: kept, rewritten or dropped, never taken
    over wholesale with one Enter."""
    interview = context.interview
    first = question.fields[0].id
    index = 0
    while index < len(interview.items(question.id)):
        items = interview.items(question.id)
        item = items[index]
        context.say(f"上年第 {index + 1} 条（共 {len(items)} 条）：", "bold")
        for field in question.fields:
            if item.get(field.id, "").strip():
                context.say(f"　{field.label}：{item[field.id]}")
        options = [Option(action.value, action) for action in CarriedAction]
        action = prompter.select(f"“{item.get(first, '')}”今年还写吗", options, nav=False)
        if action is CarriedAction.DROP:
            context.change(lists.delete, interview, question.id, index)
            continue
        if action is CarriedAction.EDIT:
            edited = item_form(context, question, item, index)
            if edited:
                context.change(lists.edit, interview, question.id, index, edited)
        elif _missing_fields(question, item):
            # Kept as it was, but last year's item lacks what this year's needs (原因).
            missing = _missing_fields(question, item)
            context.say("这一条还缺：" + "、".join(f.label for f in missing), "yellow")
            completed = dict(item)
            for field in missing:
                completed[field.id] = field_text(context, field).strip()
            context.change(lists.edit, interview, question.id, index, completed)
        index += 1


def _missing_fields(question: Question, item: Item) -> list[Field]:
    return [f for f in question.fields if f.level == "required" and not item.get(f.id, "").strip()]
