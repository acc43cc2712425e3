"""The 报告结构 screen (from the menu): the outline as it will print, and every change a unit
makes to it (headings, order, hidden parts, numbering and layout of each level, title,
preamble, its own figures), each shown again at once and saved as it is made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from enum import Enum

from wizard import figures, prompter
from wizard.answersfile import outline
from wizard.answersfile.outline import Outline
from wizard.answersfile.own_figures import OwnFigure
from wizard.figures import Invalid
from wizard.flow.context import Back, Context
from wizard.prompter import Option
from wizard.questionnaire import Question, Section
from wizard.render import screens
from wizard.report.draft import build_report


class StructureAction(Enum):
    RENAME = "改某一部分的标题"
    MOVE = "调整各部分的顺序"
    HIDE = "隐藏或恢复某一部分"
    UNWRAP = "专题直接作为“一、二、三、”（去掉或恢复外面一层标题）"
    NUMBERING = "改各级的编号（一、（一）1.（1）一是）"
    LAYOUT = "改排版（专题标题是否单独一行，每条做法是否单独一段）"
    TITLE = "改报告标题"
    SIGNATURE = "改落款的署名（如党委和政府联合署名）"
    PREAMBLE = "改开头一段"
    FIGURES = "本单位自己统计的数字"
    RESET = "恢复问卷原来的结构"
    BACK = "← 返回菜单"


_LEVELS = {"part": "部分（一、）", "topic": "专题", "point": "每条做法"}


def structure(context: Context) -> None:
    """Until the user goes back: the outline as it prints, then one change."""
    while True:
        _show(context, len(StructureAction))
        options = [Option(action.value, action) for action in StructureAction]
        action = prompter.select("报告结构", options, nav=False)
        if action is StructureAction.BACK:
            return
        _apply(context, _ACTIONS[action])


def _apply(context: Context, change: Callable[[Context, Outline], Outline | None]) -> None:
    """One change to the outline, saved at once; None when the user went back."""
    shape = context.interview.document.outline
    changed = change(context, shape)
    if changed is not None:
        context.change(context.interview.document.set_outline, changed)


class FirstAction(Enum):
    CONTINUE = "就这样，继续填写"
    TITLE = "改报告标题"
    RENAME = "改某一部分的标题"
    MORE = "更多结构设置（顺序、编号、排版……）"


def offer(context: Context) -> None:
    """Once, when the basics are done: the outline as it will print, and the two changes
    most units make (the title, the parts' headings). The rest stays in the menu."""
    context.interview.document.offer_outline()
    context.save()
    context.say("报告的标题和各部分的标题将是这样（以后也可以在菜单“报告结构”中修改）：", "green")
    while True:
        _show(context, len(FirstAction) + 1)  # and the line said before it
        options = [Option(action.value, action) for action in FirstAction]
        action = prompter.select("要修改吗", options, nav=False)
        if action is FirstAction.CONTINUE:
            return
        if action is FirstAction.MORE:
            structure(context)
            return
        _apply(context, _title if action is FirstAction.TITLE else _rename)


def _show(context: Context, choices: int) -> None:
    report = build_report(context.interview)
    # Room for the panel above the choices that follow it (and the prompt's own lines).
    room = context.console.size.height - choices - 4
    context.console.print(screens.outline_renderable(report, max(room, 6)))


def _part(
    context: Context, shape: Outline, message: str, topics_only: bool = False
) -> Section | None:
    sections = [
        s for s in shape.sections(context.interview.questionnaire) if s.topics or not topics_only
    ]
    options = []
    for section in sections:
        note = "（已隐藏）" if section.id in shape.hidden else ""
        note += "（专题作一级标题）" if section.id in shape.unwrapped else ""
        options.append(Option(f"{shape.heading(section)}{note}", section.id))
    options.append(Option("← 返回", Back.BACK))
    picked = prompter.select(message, options, nav=False)
    return next((s for s in sections if s.id == picked), None)


def _rename(context: Context, shape: Outline) -> Outline | None:
    section = _part(context, shape, "改哪一部分的标题")
    if section is None:
        return None
    heading = prompter.text(
        "新标题（清空则用问卷原来的标题）", default=shape.heading(section), nav=False
    ).strip()
    headings = {k: v for k, v in shape.headings.items() if k != section.id}
    if heading and heading != section.heading:
        headings[section.id] = heading
    return replace(shape, headings=headings)


def _move(context: Context, shape: Outline) -> Outline | None:
    section = _part(context, shape, "移动哪一部分")
    if section is None:
        return None
    options = [Option("上移一位", -1), Option("下移一位", 1), Option("移到最前", -99)]
    offset = prompter.select("移到哪里", options, nav=False)
    return shape.moved(context.interview.questionnaire, section.id, int(offset))


def _hide(context: Context, shape: Outline) -> Outline | None:
    section = _part(context, shape, "隐藏或恢复哪一部分")
    if section is None:
        return None
    return replace(shape, hidden=shape.hidden ^ {section.id})


def _unwrap(context: Context, shape: Outline) -> Outline | None:
    section = _part(context, shape, "哪一部分的专题直接作为一级标题", topics_only=True)
    if section is None:
        return None
    return replace(shape, unwrapped=shape.unwrapped ^ {section.id})


def _numbering(_context: Context, shape: Outline) -> Outline | None:
    level = prompter.select(
        "改哪一级的编号",
        [*(Option(title, key) for key, title in _LEVELS.items()), Option("← 返回", Back.BACK)],
        nav=False,
    )
    if level is Back.BACK:
        return None
    styles = outline.STYLES if level != "part" else outline.STYLES[:-1]
    options = [Option(outline.STYLE_NAMES[s], s) for s in styles]
    if level != "part":
        options.append(Option("按问卷原来的编号", None))
    style = prompter.select("编号", options, nav=False)
    if level == "part":
        return replace(shape, part_numbering=style)
    return replace(shape, **{f"{level}_numbering": style})


def _layout(_context: Context, shape: Outline) -> Outline | None:
    level = prompter.select(
        "改哪一级的排版",
        [Option("专题标题", "topic"), Option("每条做法", "point"), Option("← 返回", Back.BACK)],
        nav=False,
    )
    if level is Back.BACK:
        return None
    layouts = outline.TOPIC_LAYOUTS if level == "topic" else outline.POINT_LAYOUTS
    options = [Option(title, key) for key, title in layouts.items()]
    options.append(Option("按问卷原来的排版", None))
    return replace(shape, **{f"{level}_layout": prompter.select("排版", options, nav=False)})


def _title(context: Context, shape: Outline) -> Outline | None:
    current = build_report(context.interview).title
    title = prompter.text("报告标题（清空则用问卷的标题）", default=current, nav=False).strip()
    return replace(shape, title="" if title == current and not shape.title else title)


def _signature(_context: Context, shape: Outline) -> Outline | None:
    """The signing lines of the 落款 (the date stays the 成文日期 answer): two issuers of a
    joint report on one line, separated by a space, as they stand in the title."""
    current = "\n".join(shape.signature)
    text = prompter.text(
        "署名（两个单位联合署名写在一行，中间空一格；清空则用单位名称）",
        default=current,
        nav=False,
    )
    lines = tuple(line.strip() for line in text.splitlines() if line.strip())
    return replace(shape, signature=lines)


def _preamble(context: Context, shape: Outline) -> Outline | None:
    context.say("写本单位自己的开头一段；清空则用问卷按答案生成的开头。", "dim")
    text = prompter.text(
        "开头一段",
        default=shape.preamble,
        instruction=prompter.long_text_help(),
        multiline=True,
        nav=False,
    )
    return replace(shape, preamble=text.strip())


def _reset(_context: Context, _shape: Outline) -> Outline | None:
    if prompter.confirm(
        "恢复问卷原来的结构？（本单位的标题、顺序、编号和排版都会去掉）", default=False
    ):
        return Outline()
    return None


def _figures(context: Context, _shape: Outline) -> Outline | None:
    """The unit's own figures: add, or delete; each change saved at once."""
    interview = context.interview
    while True:
        found = interview.document.own_figures
        options = [
            Option(f"{f.label}：{f.sentence() or '（未填）'}", n) for n, f in enumerate(found)
        ]
        options += [Option("＋ 添加一个数字", "add"), Option("← 返回", Back.BACK)]
        picked = prompter.select("本单位自己统计的数字", options, nav=False)
        if picked is Back.BACK:
            return None
        if picked == "add":
            added = _new_figure(context)
            if added is not None:
                context.change(interview.document.set_own_figures, (*found, added))
        elif prompter.confirm(f"删除“{found[int(picked)].label}”？", default=False):
            kept = tuple(f for n, f in enumerate(found) if n != picked)
            context.change(interview.document.set_own_figures, kept)


def _new_figure(context: Context) -> OwnFigure | None:
    interview = context.interview
    shape_of = interview.document.outline
    places = []
    for section in shape_of.sections(interview.questionnaire):
        chosen = interview.chosen_topics(section)
        if not section.topics or not chosen:  # a part of its own: 第一责任人, 成效 …
            places.append((section.id, f"“{shape_of.heading(section)}”部分"))
        places += [(c.id, f"　专题：{interview.topic_heading(section, c)}") for c in chosen]
    options = [Option(heading, ident) for ident, heading in places]
    topic = str(prompter.select("写在哪个专题或部分中", options, nav=False))
    label = prompter.text("统计的是什么（如：走访辖区楼宇、办结率）", nav=False).strip()
    if not label:
        return None

    def shape(text: str) -> Question:
        rate = text.strip().endswith(("%", "％"))
        return OwnFigure(topic=topic, label=label, unit="%" if rate else "").question

    def number_problem(text: str) -> str | None:
        try:
            figures.parse_number(shape(text), text)
        except Invalid as error:
            return str(error)
        return None

    value = prompter.text(
        "本年度的数（带单位，如 35栋、260余家、98.5%）", validate=number_problem, nav=False
    )
    before_text = prompter.text(
        "上年度的数（用于同比，可直接按 Enter 跳过）",
        validate=lambda t: number_problem(t) if t.strip() else None,
        nav=False,
    )
    words = prompter.text(
        "数字前面的话（可直接按 Enter，用“统计的是什么”）", default=label, nav=False
    )
    measured = shape(value)
    return OwnFigure(
        topic=topic,
        label=label,
        value=figures.parse_number(measured, value),
        last_year=figures.parse_number(measured, before_text) if before_text.strip() else None,
        unit=measured.unit if measured.kind != "percent" else "%",
        before=words.strip() if words.strip() != label else "",
    )


_ACTIONS = {
    StructureAction.RENAME: _rename,
    StructureAction.MOVE: _move,
    StructureAction.HIDE: _hide,
    StructureAction.UNWRAP: _unwrap,
    StructureAction.NUMBERING: _numbering,
    StructureAction.LAYOUT: _layout,
    StructureAction.TITLE: _title,
    StructureAction.SIGNATURE: _signature,
    StructureAction.PREAMBLE: _preamble,
    StructureAction.FIGURES: _figures,
    StructureAction.RESET: _reset,
}
