"""The interactive interview: the loop that asks, saves after every answer, and navigates.

It speaks to the user only through ``prompter`` (questionary) and
``render.terminal`` (rich); the state it drives is the pure ``Interview``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from wizard import prompter
from wizard.answers import AnswersError
from wizard.check import check
from wizard.export import ExportError, export_report
from wizard.interview import Step
from wizard.prompter import GoBack, OpenMenu, Option, ShowHelp
from wizard.questionnaire import Field, Question, Section
from wizard.render import terminal
from wizard.report import build_report, report_title
from wizard.session import Interrupted, Session, resume_command
from wizard.values import (
    Invalid,
    Number,
    TopicChoice,
    Value,
    display,
    format_number,
)

_SKIP = "__skip__"
_LEVEL_NOTE = {
    "required": "必填",
    "recommended": "建议填写；不掌握可直接按 Enter 跳过",
    "optional": "选填；可直接按 Enter 跳过",
}


class _Quit(Exception):
    """Save and quit, chosen from the menu."""


def edit_form(question: Question, value: Value) -> str:
    """A stored value as the user would type it again (10000余, 2023-01-10, 是)."""
    if isinstance(value, Number):
        return format_number(question, value, with_unit=False)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    return ""


class Flow:
    def __init__(self, session: Session, console: terminal.Console) -> None:
        self.session = session
        self.interview = session.interview
        self.console = console
        #: What was typed before Ctrl+O, offered again after the help.
        self.typed: dict[str, str] = {}

    # ------------------------------------------------------------ loop

    def run(self, fresh: bool) -> None:
        steps = self.interview.steps()
        step = steps[0] if fresh and steps else self.interview.next_step()
        if not fresh and step is not None:
            terminal.plain(self.console, f"从这一题继续：{step.question.label}", "green")
        while True:
            if step is None:
                terminal.plain(self.console, "所有问题都已回答或跳过。", "green")
                step = self.menu()
                continue
            current = step
            try:
                self.ask(current)
                step = self.interview.next_step(after=current.id)
            except GoBack:
                step = self.interview.previous_step(current.id)
                if step is None:
                    terminal.plain(self.console, "已经是第一题了。", "yellow")
                    step = current
            except ShowHelp as request:
                self.typed[current.id] = request.typed
                self.show_help(
                    current.question.label, current.question.help, current.question.example
                )
            except OpenMenu:
                step = self.menu(current)

    def save(self) -> None:
        try:
            self.session.save()
        except AnswersError as error:
            terminal.error(self.console, str(error))

    # ------------------------------------------------------------ screens

    def header(self, step: Step) -> None:
        title = report_title(self.interview)
        self.console.print()
        terminal.header(
            self.console,
            title,
            step.section.title,
            self.interview.position(step.id),
            self.interview.tally().percent,
            step.topic_heading,
        )
        terminal.plain(self.console, prompter.KEYS_HELP, "dim")
        if step.id in self.interview.invalid:
            why = self.interview.invalid[step.id]
            terminal.plain(
                self.console, f"之前保存的答案已不符合要求：{why}，请重新回答。", "yellow"
            )
        if step.id in self.interview.review:
            terminal.plain(
                self.console, "这是沿用上一年度的内容：请确认，或改写成今年的情况。", "yellow"
            )

    def show_help(self, label: str, help_text: str, example: str) -> None:
        terminal.plain(self.console, f"【{label}】", "bold")
        terminal.plain(self.console, f"说明：{help_text or '（无）'}")
        if example:
            terminal.plain(self.console, f"示例：{example}", "cyan")

    def message(self, question: Question) -> str:
        """The prompt line: the label, its unit and last year's figure; short enough to fit."""
        parts = [question.label]
        if question.unit:
            parts.append(f"（{question.unit}）")
        elif question.kind == "percent":
            parts.append("（%）")
        before = self.interview.previous_value(question.id)
        if before is not None:
            parts.append(f"　上年：{display(question, before)}")
        return "".join(parts)

    def hint(self, question: Question, *extra: str) -> None:
        """The line above a prompt: required or not, and how to answer."""
        notes = [_LEVEL_NOTE[question.level], *(e for e in extra if e)]
        terminal.plain(self.console, "；".join(notes), "dim")

    # ------------------------------------------------------------ questions

    def ask(self, step: Step) -> None:
        self.header(step)
        kind = step.question.kind
        if kind == "list":
            self.edit_list(step.question)
        elif kind == "topics":
            self.edit_topics(step)
        elif kind in ("bool", "choice"):
            self.ask_choice(step.question)
        elif kind == "multichoice":
            self.ask_multichoice(step.question)
        else:
            self.ask_text(step.question)

    def current_text(self, question: Question) -> str:
        if question.id in self.typed:
            return self.typed.pop(question.id)
        value = self.interview.value(question.id)
        return edit_form(question, value) if value is not None else ""

    def ask_text(self, question: Question) -> None:
        required = question.level == "required"

        def validate(text: str) -> str | None:
            if not text.strip():
                return "此项必须填写" if required else None
            try:
                self.interview.trial(question.id, text)
            except Invalid as error:
                return str(error)
            return None

        multiline = question.kind == "longtext"
        extra = ""
        if question.approx:
            extra = "只有大概数时可写成“10000余”"
        elif question.kind == "date":
            extra = "如 2023-01-10 或 2023年1月10日"
        elif multiline:
            extra = prompter.LONG_TEXT_HELP
        self.hint(question, extra)
        answer = prompter.text(
            self.message(question),
            default=self.current_text(question),
            validate=validate,
            multiline=multiline,
        )
        if answer.strip():
            self.interview.answer(question.id, answer)
        else:
            self.interview.clear(question.id)
            self.interview.skip(question.id)
        self.save()

    def ask_choice(self, question: Question) -> None:
        if question.kind == "bool":
            options = [Option("是", True), Option("否", False)]
        else:
            options = [Option(c, c) for c in question.choices]
        if question.level != "required":
            options.append(Option("（跳过）", _SKIP))
        current = self.interview.value(question.id)
        self.hint(question)
        answer = prompter.select(self.message(question), options, default=current)
        if answer == _SKIP:
            self.interview.clear(question.id)
            self.interview.skip(question.id)
            self.save()
        else:
            self.change(self.interview.set, question.id, answer)

    def ask_multichoice(self, question: Question) -> None:
        current = self.interview.value(question.id)
        chosen = [str(c) for c in current] if isinstance(current, tuple) else []
        self.hint(question, "可多选" + ("，也可以补充选项以外的" if question.allow_other else ""))
        while True:
            options = [Option(c, c, checked=c in chosen) for c in question.choices]
            picked = [str(p) for p in prompter.checkbox(self.message(question), options)]
            if question.allow_other:
                others = "、".join(c for c in chosen if c not in question.choices)
                extra = prompter.text(
                    "其他（自己填写，多个用顿号分隔；没有就直接按 Enter）", default=others
                )
                picked += [p.strip() for p in extra.replace("，", "、").split("、") if p.strip()]
            if picked or question.level != "required":
                break
            terminal.plain(self.console, "此项至少要选一项。", "yellow")
        if picked:
            self.change(self.interview.set, question.id, tuple(dict.fromkeys(picked)))
        else:
            self.interview.clear(question.id)
            self.interview.skip(question.id)
            self.save()

    # ------------------------------------------------------------ lists

    def field_text(self, field: Field, default: str = "", suggestions: tuple[str, ...] = ()) -> str:
        """One field of an item; Ctrl+O shows its help, Ctrl+B cancels the item."""
        required = field.level == "required"
        if suggestions and not default:
            options = [Option(s, s) for s in suggestions] + [Option("自己填写……", _SKIP)]
            picked = prompter.select(f"{field.label}：从建议中选一个，或自己填写", options)
            if picked != _SKIP:
                return str(picked)
        while True:
            multiline = field.kind == "longtext"
            note = "必填" if required else "可不填，直接按 Enter"
            terminal.plain(
                self.console, note + ("；" + prompter.LONG_TEXT_HELP if multiline else ""), "dim"
            )
            try:
                return prompter.text(
                    field.label,
                    default=default,
                    validate=lambda t: "此项必须填写" if required and not t.strip() else None,
                    multiline=multiline,
                )
            except ShowHelp as request:
                default = request.typed
                self.show_help(field.label, field.help, field.example)

    def item_form(
        self, question: Question, item: dict[str, str] | None = None
    ) -> dict[str, str] | None:
        item = dict(item or {})
        used = {i.get(question.fields[0].id, "") for i in self.interview.items(question.id)}
        suggestions = tuple(s for s in question.suggestions if s not in used)
        result: dict[str, str] = {}
        try:
            for n, field in enumerate(question.fields):
                text = self.field_text(field, item.get(field.id, ""), suggestions if n == 0 else ())
                if text.strip():
                    result[field.id] = text.strip() if field.kind == "text" else text
        except GoBack:
            terminal.plain(self.console, "已取消这一条。", "yellow")
            return None
        return result

    def edit_list(self, question: Question) -> None:
        self.hint(question, "一条一条添加；选中已有的一条可以修改、调整顺序或删除")
        just_added = False
        while True:
            items = self.interview.items(question.id)
            first = question.fields[0].id
            options = [
                Option(f"{n}. {i.get(first, '')}", ("item", n - 1)) for n, i in enumerate(items, 1)
            ]
            options += [Option("＋ 添加一条", ("add",)), Option("✓ 完成，下一题", ("done",))]
            # Building a list, the next step is usually another item; revisiting one, moving on.
            default = ("add",) if just_added or not items else ("done",)
            just_added = False
            action = prompter.select(
                f"{self.message(question)}　已有 {len(items)} 条", options, default=default
            )
            if action == ("add",):
                item = self.item_form(question)
                if item:
                    self.change(self.interview.add_item, question.id, item)
                    just_added = True
            elif action == ("done",):
                if items:
                    if question.id in self.interview.review:
                        self.interview.confirm(question.id)
                        self.save()
                    return
                if question.level == "required":
                    terminal.plain(self.console, "此项至少需要填写 1 条。", "yellow")
                    continue
                self.interview.skip(question.id)
                self.save()
                return
            else:
                self.edit_item(question, action[1])

    def edit_item(self, question: Question, index: int) -> None:
        items = self.interview.items(question.id)
        options = [
            Option("修改", "edit"),
            Option("上移", "up"),
            Option("下移", "down"),
            Option("删除", "delete"),
            Option("返回", "back"),
        ]
        action = prompter.select(
            f"第 {index + 1} 条：{items[index].get(question.fields[0].id, '')}", options, nav=False
        )
        if action == "edit":
            item = self.item_form(question, items[index])
            if item:
                self.change(self.interview.edit_item, question.id, index, item)
        elif action in ("up", "down"):
            self.change(self.interview.move_item, question.id, index, -1 if action == "up" else 1)
        elif action == "delete" and prompter.confirm("确定删除这一条？", default=False):
            self.change(self.interview.delete_item, question.id, index)

    def change(self, apply: Callable[..., object], *args: Any) -> None:
        """Apply one edit and save it; an edit the rules refuse is explained, not applied."""
        try:
            apply(*args)
        except Invalid as error:
            terminal.plain(self.console, str(error), "yellow")
            return
        self.save()

    # ------------------------------------------------------------ topics

    def edit_topics(self, step: Step) -> None:
        section = step.section
        question = step.question
        self.hint(question, "已列出常用专题；选中某个专题可以改标题、调顺序或移除")
        while True:
            chosen = list(self.interview.chosen_topics(section))
            options = [
                Option(f"{n}. {self.interview.topic_heading(section, c)}", ("topic", n - 1))
                for n, c in enumerate(chosen, 1)
            ]
            options += [
                Option("＋ 从目录中选择专题", ("catalogue",)),
                Option("＋ 自拟一个专题", ("custom",)),
                Option("✓ 完成，下一题", ("done",)),
            ]
            action = prompter.select(question.label, options, default=("done",))
            if action == ("done",):
                if not chosen:
                    terminal.plain(self.console, "至少需要一个专题。", "yellow")
                    continue
                self.change(self.interview.set, question.id, tuple(chosen))
                return
            if action == ("catalogue",):
                kept = {c.id for c in chosen}
                picks = prompter.checkbox(
                    "勾选要写的专题",
                    [Option(t.heading, t.id, checked=t.id in kept) for t in section.topics],
                )
                chosen = [c for c in chosen if c.id in picks or section.topic(c.id) is None]
                chosen += [TopicChoice(t) for t in picks if t not in kept]
            elif action == ("custom",):
                heading = prompter.text("自拟专题的标题（一句话，不必加句号）", nav=False)
                if heading.strip():
                    chosen.append(
                        TopicChoice(self.interview.new_custom_topic_id(section), heading.strip())
                    )
            else:
                chosen = self.edit_topic(section, chosen, action[1])
            if chosen:
                self.change(self.interview.set, question.id, tuple(chosen))

    def edit_topic(
        self, section: Section, chosen: list[TopicChoice], index: int
    ) -> list[TopicChoice]:
        choice = chosen[index]
        options = [
            Option("改写标题", "rename"),
            Option("上移", "up"),
            Option("下移", "down"),
            Option("移除（已填的内容会保留在文件中）", "remove"),
            Option("返回", "back"),
        ]
        action = prompter.select(self.interview.topic_heading(section, choice), options, nav=False)
        if action == "rename":
            heading = prompter.text(
                "新的标题", default=self.interview.topic_heading(section, choice), nav=False
            )
            if heading.strip():
                chosen[index] = TopicChoice(choice.id, heading.strip())
        elif action in ("up", "down"):
            target = max(0, min(len(chosen) - 1, index + (-1 if action == "up" else 1)))
            chosen.insert(target, chosen.pop(index))
        elif action == "remove":
            chosen.pop(index)
        return chosen

    # ------------------------------------------------------------ menu

    def menu(self, current: Step | None = None) -> Step | None:
        while True:
            self.console.print()
            options = [
                Option("继续填写", "continue"),
                Option("跳到某一部分", "jump"),
                Option("查看和修改答案", "review"),
                Option("预览报告草稿", "preview"),
                Option("检查还缺什么", "check"),
                Option("导出报告（Word、文本、Markdown）", "export"),
                Option("保存并退出", "quit"),
            ]
            action = prompter.select("菜单", options, nav=False)
            if action == "continue":
                step = self.interview.next_step() or current
                if step is None:
                    terminal.plain(self.console, "所有问题都已回答或跳过。", "green")
                    continue
                return step
            if action == "jump":
                target = self.jump()
                if target is not None:
                    return target
            elif action == "review":
                self.review()
            elif action == "preview":
                report = build_report(self.interview)
                preview = terminal.preview_renderable(report, check(self.interview, report))
                terminal.show(self.console, preview, pager=True)
            elif action == "check":
                self.console.print(terminal.check_renderable(check(self.interview), limit=8))
            elif action == "export":
                self.export()
            else:
                raise _Quit

    def jump(self) -> Step | None:
        options = [
            Option(f"{s.title}（{t.percent}%）", s.id) for s, t in self.interview.section_tallies()
        ]
        options.append(Option("← 返回菜单", _SKIP))
        target = prompter.select("跳到哪一部分", options, nav=False)
        return None if target == _SKIP else self.interview.first_step_of(str(target))

    def review(self) -> None:
        while True:
            options: list[Option] = []
            group = ("", "")
            for step in self.interview.steps():
                if (step.section.id, step.topic_heading) != group:
                    group = (step.section.id, step.topic_heading)
                    title = " › ".join(t for t in (step.section.title, step.topic_heading) if t)
                    options.append(Option(terminal.clip(f"── {title} ──", 72), separator=True))
                shown = self.interview.display(step.id).replace("\n", " ") or "（未填）"
                line = f"{step.question.label}：{shown}"
                options.append(Option(terminal.clip(line, 72), step.id))
            options.append(Option("← 返回菜单", _SKIP))
            picked = prompter.select("选择要修改的答案", options, nav=False)
            if picked == _SKIP:
                return
            chosen = self.interview.step(str(picked))
            while chosen is not None:
                try:
                    self.ask(chosen)
                    break
                except (GoBack, OpenMenu):
                    break
                except ShowHelp as request:
                    self.typed[chosen.id] = request.typed
                    question = chosen.question
                    self.show_help(question.label, question.help, question.example)

    def export(self) -> None:
        options = [
            Option("Word 文档（.docx）", ".docx"),
            Option("纯文本（.txt）", ".txt"),
            Option("Markdown（.md）", ".md"),
        ]
        suffix = prompter.select("导出为", options, nav=False)
        report = build_report(self.interview)
        # The title may hold a user's slash or colon; a file name may not.
        stem = re.sub(r'[\\/:*?"<>|]', "_", report.title) or "报告"
        default = self.session.path.with_name(stem + str(suffix))
        name = prompter.text("保存为", default=str(default), nav=False)
        path = Path(name.strip())
        force = False
        if path.exists():
            force = prompter.confirm(f"{path} 已存在，覆盖它吗？", default=False)
            if not force:
                return
        try:
            export_report(report, path, force=force)
        except ExportError as error:
            terminal.error(self.console, str(error))
            return
        terminal.plain(self.console, f"已导出：{path}", "green")


def run(session: Session, console: terminal.Console, fresh: bool) -> None:
    """Interview until the user quits; Ctrl-C or end of input become Interrupted."""
    flow = Flow(session, console)
    try:
        flow.run(fresh)
    except _Quit:
        where = f"已保存到 {session.path}。继续填写请运行：{resume_command(session.path)}"
        terminal.plain(console, where, "green")
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(session.path) from None
