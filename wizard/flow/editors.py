"""Editors of repeated answers: the items of a list (points, problems, plans) and the topics
of a section (pick from the catalogue, reorder, rename, add one's own)."""

from __future__ import annotations

from enum import Enum

from wizard import prompter
from wizard.answersfile.drafts import EDITING
from wizard.flow.context import Context
from wizard.prompter import GoBack, Option, ShowHelp
from wizard.questionnaire import Field, Question, Section
from wizard.questionnaire.values import Item, TopicChoice
from wizard.state import lists
from wizard.state.steps import Step


class ListAction(Enum):
    ADD = "add"
    DONE = "done"


class TopicsAction(Enum):
    CATALOGUE = "catalogue"
    CUSTOM = "custom"
    DONE = "done"


class EntryAction(Enum):
    """What can be done to one item of a list or one chosen topic."""

    EDIT = "edit"
    UP = "up"
    DOWN = "down"
    DELETE = "delete"
    BACK = "back"


class OwnText(Enum):
    """The entry after the suggestions: the user writes their own."""

    OWN = "own"


def _entry_options(edit: str, delete: str) -> list[Option]:
    """What can be done to one item of a list or one chosen topic, in the menu's order."""
    titles = {EntryAction.EDIT: edit, EntryAction.DELETE: delete}
    words = {EntryAction.UP: "上移", EntryAction.DOWN: "下移", EntryAction.BACK: "返回"}
    return [Option(titles.get(action) or words[action], action) for action in EntryAction]


def _offset(action: EntryAction) -> int:
    return -1 if action is EntryAction.UP else 1


# ---------------------------------------------------------------- lists


def field_text(
    context: Context, field: Field, default: str = "", suggestions: tuple[str, ...] = ()
) -> str:
    """One field of an item; Ctrl+O shows its help, Ctrl+B cancels the item."""
    required = field.level == "required"
    if suggestions and not default:
        options = [Option(s, s) for s in suggestions] + [Option("自己填写……", OwnText.OWN)]
        picked = prompter.select(f"{field.label}：从建议中选一个，或自己填写", options)
        if picked is not OwnText.OWN:
            return str(picked)
    multiline = field.kind == "longtext"
    note = "必填" if required else "可不填，直接按 Enter"
    if default:
        note += "；光标在末尾，可接着改，Ctrl+U 清空重写"
    while True:
        context.say(note + ("；" + prompter.long_text_help() if multiline else ""), "dim")
        try:
            return prompter.text(
                field.label,
                default=default,
                validate=lambda t: "此项必须填写" if required and not t.strip() else None,
                multiline=multiline,
            )
        except ShowHelp as request:
            default = request.typed
            context.show_help(field.label, field.help, field.example)


def item_form(
    context: Context, question: Question, item: Item | None = None, index: int | None = None
) -> Item | None:
    """The fields of a new item, or of ``item`` (number ``index``) changed. What was typed
    when the clerk left is kept as a draft (the item's number with it, for a change) and put
    back the next time that item is added or changed."""
    document = context.interview.document
    original = dict(item or {})
    editing = "" if index is None else str(index + 1)
    draft = document.draft(question.id)
    ours = isinstance(draft, dict) and draft.get(EDITING, "") == editing
    if isinstance(draft, dict) and ours:
        item = {k: v for k, v in draft.items() if k != EDITING}
        again = (
            f"上次修改第 {editing} 条没有写完，已放回" if editing else "上次没有写完的一条已放回"
        )
        context.say(f"{again}：可以接着写。", "yellow")
    item = dict(item or {})
    used = {i.get(question.fields[0].id, "") for i in context.interview.items(question.id)}
    suggestions = tuple(s for s in question.suggestions if s not in used)
    result: Item = {}
    left_a_draft = False
    try:
        for n, field in enumerate(question.fields):
            try:
                text = field_text(
                    context, field, item.get(field.id, ""), suggestions if n == 0 else ()
                )
            except BaseException as left:
                typed = prompter.typed_when_left(left)
                kept = {**item, **result, **({field.id: typed} if typed is not None else {})}
                if typed is not None and kept != original:  # a change, or an item begun
                    marker = {EDITING: editing} if editing else {}
                    context.keep_typed(question, left, {**kept, **marker})
                    left_a_draft = True
                raise
            if text.strip():
                result[field.id] = text.strip() if field.kind == "text" else text
    except GoBack:
        later = "修改这一条" if editing else "添加"
        kept_note = f"（已写的内容留作草稿，下次{later}时放回）" if left_a_draft else ""
        context.say(f"已取消这一条。{kept_note}", "yellow")
        return None
    if ours:
        document.drop_draft(question.id)
    return result


def edit_list(context: Context, question: Question, figures: str = "") -> None:
    """``figures``: what the topic's figures already say in the draft, shown first so that the
    points need not say it again."""
    interview = context.interview
    if figures:
        context.say(f"这一专题的数字在报告中写成：{figures}", "cyan")
        context.say("下面的做法里不必再写这些数字。", "dim")
    context.hint(question, "一条一条添加；选中已有的一条可以修改、调整顺序或删除")
    just_added = False
    #: The row last acted on: the cursor stays there (a move follows the item).
    cursor: int | None = None
    while True:
        items = interview.items(question.id)
        first = question.fields[0].id
        options = [Option(f"{n}. {i.get(first, '')}", n - 1) for n, i in enumerate(items, 1)]
        options += [
            Option("＋ 添加一条", ListAction.ADD),
            Option("✓ 完成，下一题", ListAction.DONE),
        ]
        default = _list_cursor(context, question, just_added, cursor)
        just_added, cursor = False, None
        action = prompter.select(
            f"{context.message(question)}　已有 {len(items)} 条", options, default=default
        )
        if action is ListAction.ADD:
            item = item_form(context, question)
            if item:
                context.change(lists.add, interview, question.id, item)
                just_added = True
        elif action is ListAction.DONE:
            if items:
                if question.id in interview.review:
                    interview.confirm(question.id)
                    context.save()
                return
            if interview.needed(question):
                context.say("此项至少需要填写 1 条。", "yellow")
                continue
            interview.skip(question.id)
            context.save()
            return
        else:
            cursor = edit_item(context, question, int(action))


def _list_cursor(
    context: Context, question: Question, just_added: bool, cursor: int | None
) -> object:
    """Where the list opens: building it, on adding another item; revisiting it, on moving
    on; on the row last acted on; on the item left half typed (added or changed)."""
    items = context.interview.items(question.id)
    if cursor is not None and items:
        return min(cursor, len(items) - 1)
    draft = context.interview.document.draft(question.id)
    changing = draft.get(EDITING, "") if isinstance(draft, dict) else ""
    if changing.isdigit() and 0 < int(changing) <= len(items):
        return int(changing) - 1
    adding = just_added or not items or draft is not None
    return ListAction.ADD if adding else ListAction.DONE


def edit_item(context: Context, question: Question, index: int) -> int:
    """Edit, move or delete one item; returns where the cursor goes back to."""
    interview = context.interview
    items = interview.items(question.id)
    title = items[index].get(question.fields[0].id, "")
    action = prompter.select(
        f"第 {index + 1} 条：{title}", _entry_options("修改", "删除"), nav=False
    )
    if action is EntryAction.EDIT:
        item = item_form(context, question, items[index], index)
        if item:
            context.change(lists.edit, interview, question.id, index, item)
    elif action in (EntryAction.UP, EntryAction.DOWN):
        context.change(lists.move, interview, question.id, index, _offset(action))
        return max(0, min(len(items) - 1, index + _offset(action)))
    elif action is EntryAction.DELETE and prompter.confirm("确定删除这一条？", default=False):
        context.change(lists.delete, interview, question.id, index)
    return index


# ---------------------------------------------------------------- topics


def edit_topics(context: Context, step: Step) -> None:
    interview = context.interview
    section = step.section
    question = step.question
    context.hint(question, "已列出常用专题；选中某个专题可以改标题、调顺序或移除")
    cursor: object = TopicsAction.DONE  # the row last acted on, where the cursor stays
    while True:
        chosen = list(interview.chosen_topics(section))
        options = [
            Option(f"{n}. {interview.topic_heading(section, c)}", n - 1)
            for n, c in enumerate(chosen, 1)
        ]
        options += [
            Option("＋ 从目录中选择专题", TopicsAction.CATALOGUE),
            Option("＋ 自拟一个专题", TopicsAction.CUSTOM),
            Option("✓ 完成，下一题", TopicsAction.DONE),
        ]
        action = prompter.select(question.label, options, default=cursor)
        cursor = TopicsAction.DONE
        if action is TopicsAction.DONE:
            if not chosen:
                context.say("至少需要一个专题。", "yellow")
                continue
            context.change(interview.set, question.id, tuple(chosen))
            return
        if action is TopicsAction.CATALOGUE:
            kept = {c.id for c in chosen}
            picks = prompter.checkbox(
                "勾选要写的专题",
                [Option(t.heading, t.id, checked=t.id in kept) for t in section.topics],
            )
            chosen = [c for c in chosen if c.id in picks or section.topic(c.id) is None]
            chosen += [TopicChoice(t) for t in picks if t not in kept]
        elif action is TopicsAction.CUSTOM:
            heading = prompter.text("自拟专题的标题（一句话，不必加句号）", nav=False)
            if heading.strip():
                chosen.append(TopicChoice(lists.custom_topic_id(interview), heading.strip()))
        else:
            chosen, at = edit_topic(context, section, chosen, int(action))
            cursor = min(at, len(chosen) - 1) if chosen else TopicsAction.DONE
        if chosen:
            context.change(interview.set, question.id, tuple(chosen))


def edit_topic(
    context: Context, section: Section, chosen: list[TopicChoice], index: int
) -> tuple[list[TopicChoice], int]:
    """The topics after one is renamed, moved or removed, and where it now stands."""
    interview = context.interview
    choice = chosen[index]
    heading = interview.topic_heading(section, choice)
    options = _entry_options("改写标题", "移除（已填的内容会保留在文件中）")
    action = prompter.select(heading, options, nav=False)
    if action is EntryAction.EDIT:
        renamed = prompter.text("新的标题", default=heading, nav=False)
        if renamed.strip():
            chosen[index] = TopicChoice(choice.id, renamed.strip())
    elif action in (EntryAction.UP, EntryAction.DOWN):
        target = max(0, min(len(chosen) - 1, index + _offset(action)))
        chosen.insert(target, chosen.pop(index))
        return chosen, target
    elif action is EntryAction.DELETE:
        chosen.pop(index)
    return chosen, index
