"""The menu (Ctrl+G): jump to a part, review and edit answers, preview, check, export, quit."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from wizard import prompter
from wizard.base.files import unquoted
from wizard.flow.context import Back, Context, Quit
from wizard.flow.figures import every_figure
from wizard.flow.structure import structure
from wizard.prompter import GoBack, OpenMenu, Option, ShowHelp
from wizard.render import screens, terminal
from wizard.render.export import ExportError, export_report
from wizard.report.check import check
from wizard.report.draft import build_report
from wizard.session import file_name
from wizard.state import progress
from wizard.state.steps import Step


class MenuAction(Enum):
    CONTINUE = "继续填写"
    JUMP = "跳到某一部分"
    REVIEW = "查看和修改答案"
    PREVIEW = "预览报告草稿"
    STRUCTURE = "报告结构（标题、顺序、编号、排版、自己的数字）"
    FIGURES = "报告中的数字（查看和修改，上年对比）"
    CHECK = "检查还缺什么"
    EXPORT = "导出报告（Word、文本、Markdown）"
    QUIT = "保存并退出"


def menu(context: Context, current: Step | None = None) -> Step | None:
    """The menu until the user picks a question to go on with; Quit when they leave."""
    interview = context.interview
    while True:
        context.console.print()
        options = [Option(action.value, action) for action in MenuAction]
        action = prompter.select("菜单", options, nav=False)
        if action is MenuAction.CONTINUE:
            step = progress.next_step(interview) or current
            if step is None:
                context.say("所有问题都已回答或跳过。", "green")
                continue
            return step
        if action is MenuAction.JUMP:
            target = jump(context)
            if target is not None:
                return target
        elif action is MenuAction.QUIT:
            raise Quit
        else:
            _SCREENS[action](context)


def preview(context: Context) -> None:
    report = build_report(context.interview)
    shown = screens.preview_renderable(report, check(context.interview, report))
    screens.show(context.console, shown, pager=True)


def check_screen(context: Context) -> None:
    context.console.print(screens.check_renderable(check(context.interview), limit=8))


def jump(context: Context) -> Step | None:
    interview = context.interview
    shape = interview.document.outline
    options = [
        Option(f"{shape.part_name(s)}（{t.percent}%）", s.id)
        for s, t in progress.section_tallies(interview)
    ]
    options.append(Option("← 返回菜单", Back.BACK))
    target = prompter.select("跳到哪一部分", options, nav=False)
    return None if target is Back.BACK else progress.first_step_of(interview, str(target))


def review(context: Context) -> None:
    """Every answer by section and topic; picking one asks it again, then comes back here."""
    interview = context.interview
    last: object = None
    while True:
        options: list[Option] = []
        group = ("", "")
        for step in interview.steps():
            if (step.section.id, step.topic_heading) != group:
                group = (step.section.id, step.topic_heading)
                part = interview.document.outline.part_name(step.section)
                title = " › ".join(t for t in (part, step.topic_heading) if t)
                options.append(Option(screens.clip(f"── {title} ──", 72), separator=True))
            shown = interview.display(step.id).replace("\n", " ") or "（未填）"
            options.append(Option(screens.clip(f"{step.question.label}：{shown}", 72), step.id))
        options.append(Option("← 返回菜单", Back.BACK))
        picked = prompter.select("选择要修改的答案", options, default=last, nav=False)
        last = picked  # back on the row just changed, not at the top
        if picked is Back.BACK:
            return
        chosen = interview.step(str(picked))
        while chosen is not None:
            try:
                context.ask(chosen)
                break
            except (GoBack, OpenMenu):
                break
            except ShowHelp:
                question = chosen.question
                context.show_help(question.label, question.help, question.example)


def export(context: Context) -> None:
    options = [
        Option("Word 文档（.docx）", ".docx"),
        Option("纯文本（.txt）", ".txt"),
        Option("Markdown（.md）", ".md"),
    ]
    suffix = prompter.select("导出为", options, nav=False)
    report = build_report(context.interview)
    default = context.session.path.with_name(file_name(report.title) + str(suffix))
    name = prompter.text("保存为", default=str(default), nav=False)
    path = Path(unquoted(name))
    force = False
    if path.exists():
        force = prompter.confirm(f"{path} 已存在，覆盖它吗？", default=False)
        if not force:
            return
    try:
        export_report(report, path, force=force)
    except ExportError as error:
        terminal.error(context.console, str(error))
        return
    context.say(f"已导出：{path}", "green")


_SCREENS = {
    MenuAction.REVIEW: review,
    MenuAction.PREVIEW: preview,
    MenuAction.STRUCTURE: structure,
    MenuAction.FIGURES: every_figure,
    MenuAction.CHECK: check_screen,
    MenuAction.EXPORT: export,
}
