"""Figures on screens of their own: a topic's figures on one form; the figures found in
what the clerk just wrote, confirmed in one list; last year's figures of carried text,
updated in one form (``上年：检查货运车辆8600辆次　今年：____``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from enum import Enum

from wizard import prompter
from wizard.answersfile.records import Record
from wizard.figures import Invalid
from wizard.flow.context import Context
from wizard.kinds import kind_of
from wizard.prompter import Option
from wizard.prompter.form import FormField, form
from wizard.questionnaire import Question
from wizard.questionnaire.values import display, edit_text
from wizard.state import progress, text_figures
from wizard.state.matching import Matcher
from wizard.state.steps import Step
from wizard.state.text_figures import Located


def forms_work() -> bool:
    """A form needs a terminal that draws one; TERM=dumb (and screen readers) ask one by one."""
    return os.environ.get("TERM", "") != "dumb"


# ---------------------------------------------------------------- a topic's figures


def figure_steps(context: Context, step: Step) -> list[Step]:
    """The figures that follow one another from this step in its topic or part (not in the
    basics, which are facts of the unit, asked one by one): the open ones, or, coming back
    to answered ones, all but those the clerk's own sentences state (changed there)."""
    interview = context.interview
    revisit = not progress.is_open(interview, step)
    # Said in the clerk's sentences (last year's carried ones too): changed there, not here.
    said = text_figures.locate(interview).said_questions
    if step.topic is None and not step.section.heading:
        return []
    steps = interview.steps()
    ids = [s.id for s in steps]
    year = interview.questionnaire.report.year
    place = (step.section.id, step.topic_heading)
    group: list[Step] = []
    for following in steps[ids.index(step.id) :] if step.id in ids else []:
        figure = following.question.is_numeric and following.id != year  # the year is no figure
        same = (following.section.id, following.topic_heading) == place
        if not (same and figure):
            break
        if following.id not in said and (revisit or progress.is_open(interview, following)):
            group.append(following)
    return group


def group_start(context: Context, step: Step) -> Step:
    """Going back into a topic's figures: the first of them, so the whole form shows."""
    steps = context.interview.steps()
    ids = [s.id for s in steps]
    if not step.question.is_numeric or step.id not in ids or not forms_work():
        return step
    index = ids.index(step.id)
    while index > 0:
        before = steps[index - 1]
        same = (before.section.id, before.topic_heading) == (step.section.id, step.topic_heading)
        if not (
            same
            and before.question.is_numeric
            and before.id != context.interview.questionnaire.report.year
        ):
            break
        index -= 1
    return steps[index] if figure_steps(context, steps[index]) else step


def ask_figures(context: Context, steps: list[Step]) -> None:
    """Several figures on one form, each checked as typed; empty ones are left for later."""
    questions = [s.question for s in steps]

    fields = [_field(context, q) for q in questions]
    where = context.interview.where(steps[0])
    note = "不掌握准确数时可写“约50”“2000余”；用来算比率的要写准确数"
    while True:
        try:
            typed = form(f"“{where}”的数字", fields, note)
        except BaseException as left:
            for question in questions:
                text = prompter.fields_when_left(left).get(question.id, "")
                if text.strip() and text != edit_form_of(context, question):
                    context.keep_typed(question, left, text)
            raise
        problem = _apply(context, questions, typed)
        if problem is None:
            return
        context.say(problem, "yellow")
        fields = [replace(f, default=typed[f.key]) for f in fields]


def edit_form_of(context: Context, question: Question) -> str:
    value = context.interview.value(question.id)
    return edit_text(question, value) if value is not None else ""


def _field(context: Context, question: Question) -> FormField:
    interview = context.interview
    draft = interview.document.draft(question.id)
    default = draft if isinstance(draft, str) else edit_form_of(context, question)
    unit = kind_of(question).unit_of(question)
    before = interview.previous_value(question.id)
    hint = f"上年：{display(question, before)}" if before is not None else ""
    if question.compute is not None:
        hint = (hint + "　" if hint else "") + "空着则自动算出"

    def validate(text: str) -> str | None:
        if not text.strip():
            return "此项必须填写" if question.level == "required" else None
        try:
            interview.trial(question.id, text)
        except Invalid as error:
            return str(error)
        return None

    return FormField(
        question.id,
        f"{question.label}（{unit}）" if unit else question.label,
        default,
        hint,
        validate,
    )


def _apply(context: Context, questions: list[Question], typed: dict[str, str]) -> str | None:
    """Every typed figure answered, every empty one left (a rule both break is said)."""
    interview = context.interview
    for question in questions:
        text = typed.get(question.id, "")
        try:
            if text.strip():
                interview.answer(question.id, text)
            elif question.level != "required":
                interview.clear(question.id)
                interview.skip(question.id)
        except Invalid as error:
            context.save()
            return f"“{question.label}”：{error}"
    context.save()
    return None


# ---------------------------------------------------------------- figures the clerk wrote


class WrittenAs(Enum):
    OWN = "本单位自己的数字"
    NONE = "不是数字（年份、序号、编号等）"
    DONE = "✓ 都对，继续"


def confirm_written(context: Context, answer: str) -> None:
    """The figures found in an answer the clerk just wrote: each shown with what it will be
    (a question's answer, the unit's own, or no figure), changed by picking it; a figure
    that left its sentence is dropped. Nothing is asked when nothing is new."""
    interview = context.interview
    layout = text_figures.locate(interview)
    gone = [r for r in layout.gone if r.answer == answer]
    news = [i for i in layout.in_answer(answer) if i.record is None or i.record.said != i.said]
    if not news and not gone:
        return
    matcher = Matcher(interview.questionnaire)
    taken = {r.question for r in interview.document.text_figures if r.question}
    proposals: list[Record] = []
    for item in news:
        proposals.append(_proposal(context, matcher, item, taken))
    for record in gone:
        context.say(f"文字中已没有“{record.label}{record.said}”，这个数字一并删去。", "yellow")
    while True:
        options = [
            Option(f"{r.label}{r.said} → {_said_as(context, r)}", n)
            for n, r in enumerate(proposals)
        ]
        options.append(Option(WrittenAs.DONE.value, WrittenAs.DONE))
        picked = (
            prompter.select(
                f"文字中读到 {len(proposals)} 个数字，记为下面这样；不对的选中它改",
                options,
                default=WrittenAs.DONE,
                nav=False,
            )
            if proposals
            else WrittenAs.DONE
        )
        if not isinstance(picked, int):
            break
        proposals[picked] = _reclassify(context, proposals[picked], news[picked])
    _store(context, proposals, gone)


def _proposal(context: Context, matcher: Matcher, item: Located, taken: set[str]) -> Record:
    if item.record is not None:  # the number was changed in its sentence: the same figure
        return replace(item.record, said=item.said, state="")
    interview = context.interview
    scope = text_figures.scope_of(interview, item.place)
    match = matcher.match(item.found.label, item.found.reading, scope, taken, item.place.answer)
    question = match.question.id if match else ""
    if question:
        taken.add(question)
    return Record(item.place.answer, item.found.label, item.said, question)


def _said_as(context: Context, record: Record) -> str:
    if record.state == "not_a_figure":
        return "不是数字"
    if not record.question:
        return "本单位自己的数字"
    question = context.interview.require(record.question)
    before = context.interview.values.get(record.question)
    note = ""
    if before is not None:
        shown = context.interview.display(record.question)
        said = text_figures.value_of(record.said)
        if said is None or getattr(before, "value", None) != said.value:
            note = f"（数字题里原填 {shown}，将改为文中的数）"
    return f"数字题“{question.label}”{note}"


def _reclassify(context: Context, record: Record, item: Located) -> Record:
    """What a figure is, picked from the figures of its own topic or part first, then the
    rest of the questionnaire's, the unit's own, or no figure."""
    interview = context.interview
    year = interview.questionnaire.report.year
    numeric = [q for q in interview.questionnaire.all_questions() if q.is_numeric and q.id != year]
    near = text_figures.scope_of(interview, item.place)
    numeric.sort(key=lambda q: q.id not in near)
    options = [Option(f"数字题：{q.label}", q.id) for q in numeric]
    options += [
        Option(WrittenAs.OWN.value, WrittenAs.OWN),
        Option(WrittenAs.NONE.value, WrittenAs.NONE),
    ]
    default = record.question or (
        WrittenAs.NONE if record.state == "not_a_figure" else WrittenAs.OWN
    )
    picked = prompter.select(
        f"“{record.label}{record.said}”记为", options, default=default, nav=False
    )
    if picked is WrittenAs.OWN:
        return replace(record, question="", state="")
    if picked is WrittenAs.NONE:
        return replace(record, question="", state="not_a_figure")
    return replace(record, question=str(picked), state="")


def _store(context: Context, proposals: list[Record], gone: list[Record]) -> None:
    interview = context.interview
    kept: list[Record] = []
    for record in proposals:
        if record.question:
            try:
                interview.answer(record.question, record.said)
            except Invalid as error:
                question = interview.require(record.question)
                context.say(
                    f"“{record.said}”不能作为“{question.label}”的答案：{error}；记为本单位自己的数字。",
                    "yellow",
                )
                record = replace(record, question="")
        kept.append(record)
    for record in gone:
        if record.question and record.question in interview.values:
            interview.clear(record.question)
    interview.document.change_text_figures(kept, gone)
    context.save()


# ---------------------------------------------------------------- last year's figures


SAME = ("仍为", "不变", "同上", "一样")
DROP = ("删去", "删除", "删", "没有")


def update_carried(context: Context, answer: str) -> None:
    """Last year's figures in a carried answer, on one form: this year's value, 删去 or 仍为
    each; the sentence is rewritten in place, and a figure left empty stays to do."""
    interview = context.interview
    carried = [
        i
        for i in text_figures.locate(interview).in_answer(answer)
        if i.record is not None and i.record.state == "carried"
    ]
    if not carried or not forms_work():
        return

    fields = [
        FormField(str(n), item.label, "", f"上年：{item.said}", _carried_check(item))
        for n, item in enumerate(carried)
    ]
    note = "写今年的数（如 9100、约9000）；今年没有写“删去”；没变写“仍为”"
    where = text_figures.where_all(carried)
    typed = form(f"{where}沿用了上年的文字，请更新其中的数字", fields, note)
    # From the last figure back: a rewrite keeps the places of the ones before it.
    for n in reversed(range(len(carried))):
        _carry_one(context, answer, carried[n], typed[str(n)].strip())
    context.save()


def _carried_check(item: Located) -> Callable[[str], str | None]:
    def problem(text: str) -> str | None:
        text = text.strip()
        if not text or text in SAME or text in DROP:
            return None
        try:
            text_figures.this_years(text, item)
        except Invalid as error:
            return str(error)
        return None

    return problem


def _carry_one(context: Context, answer: str, item: Located, text: str) -> None:
    interview = context.interview
    record = item.record
    if not text or record is None:
        return
    same = [i for i in text_figures.locate(interview).in_answer(answer) if i.said == item.said]
    fresh = next((i for i in same if i.record == record), same[0] if same else None)
    if fresh is None:
        return
    if text in DROP:
        text_figures.drop(interview, fresh)
        question = interview.question(record.question) if record.question else None
        if question is not None:
            interview.clear(question.id)
            if question.level != "required":  # none this year: not asked again
                interview.skip(question.id)
        interview.document.change_text_figures([], [record])
        return
    if text in SAME:
        updated = replace(record, state="")
    else:
        updated = text_figures.change(interview, fresh, text_figures.this_years(text, fresh))
    if updated.question:
        try:
            interview.answer(updated.question, updated.said)
        except Invalid as error:
            context.say(f"“{updated.label}{updated.said}”：{error}", "yellow")
    interview.document.change_text_figures([updated])


# ---------------------------------------------------------------- every figure, from the menu


def every_figure(context: Context) -> None:
    """Every figure of the report in one list (where, what, as printed, 上年); picking one
    gives it a new number, written inside its sentence when it stands in the clerk's text."""
    from wizard.state.figure_list import figures

    interview = context.interview
    while True:
        found = figures(interview)
        options = [
            Option(
                f"{f.where}　{f.label}{f.text}" + (f"（上年 {f.previous}）" if f.previous else ""),
                n,
            )
            for n, f in enumerate(found)
            if f.source != "own"
        ]
        options.append(Option("← 返回菜单", WrittenAs.DONE))
        picked = prompter.select(
            f"报告中的数字（{len(found)} 个）：选中一个修改", options, nav=False
        )
        if not isinstance(picked, int):
            return
        figure = found[picked]
        if figure.source == "text":
            _change_in_text(context, figure.text, figure.label)
        elif figure.question:
            context.ask_question(figure.question)


def _change_in_text(context: Context, said: str, label: str) -> None:
    interview = context.interview
    item = next(
        (i for i in text_figures.locate(interview).located if i.said == said and i.label == label),
        None,
    )
    if item is None:
        return
    typed = prompter.text(
        f"“{item.label}{item.said}”改为（删去写“删去”）",
        validate=_carried_check(item),
        nav=False,
    ).strip()
    if typed:
        record = item.record or Record(item.place.answer, item.found.label, item.said)
        located = replace(item, record=replace(record, state="carried"))
        _carry_one(context, item.place.answer, located, typed)
        context.save()
