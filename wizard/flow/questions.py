"""Asking one question of a single value: text and numbers, choices, multiple choices."""

from __future__ import annotations

from enum import Enum

from wizard import prompter
from wizard.base.unit_names import kind_of_unit
from wizard.figures import Invalid, Number
from wizard.flow.context import Context
from wizard.kinds import kind_of
from wizard.prompter import Option
from wizard.questionnaire import Question
from wizard.questionnaire.values import edit_text


class Skip(Enum):
    """The entry of a choice that leaves a question unanswered on purpose."""

    SKIP = "skip"


def current_text(context: Context, question: Question) -> str:
    """What the prompt starts with: what was being typed when the user last left it (a
    draft), else the answer so far."""
    draft = context.interview.document.draft(question.id)
    if isinstance(draft, str):
        context.say("上次没有写完的内容已放回输入框：按 Enter 保存，或接着改。", "yellow")
        return draft
    value = context.interview.value(question.id)
    return edit_text(question, value) if value is not None else ""


def ask_text(context: Context, question: Question) -> None:
    interview = context.interview
    required = question.level == "required"

    def validate(text: str) -> str | None:
        if not text.strip():
            return "此项必须填写" if required else None
        try:
            interview.trial(question.id, text)
        except Invalid as error:
            return str(error)
        return None

    kind = kind_of(question)
    multiline = kind.name == "longtext"
    extra = kind.typing
    if kind.hedged:
        reason = interview.exact_reason(question)
        extra = (
            f"需要准确数字（{reason}）" if reason else "不掌握准确数时可写“约50”“2000余”“50人左右”"
        )
    elif question.kind == "date":
        # A report is signed early in the year after it: the example says that year.
        spec = interview.questionnaire.report
        year = interview.value(spec.year) if spec.year else None
        after = int(year.value) + 1 if isinstance(year, Number) else interview.today.year
        extra = f"如 {after}-01-10 或 {after}年1月10日"
    elif multiline:
        extra = prompter.long_text_help()
    context.hint(question, extra)
    try:
        answer = prompter.text(
            context.message(question),
            default=current_text(context, question),
            validate=validate,
            multiline=multiline,
        )
    except BaseException as left:
        typed = prompter.typed_when_left(left)
        if typed is not None:
            context.keep_typed(question, left, typed)
        raise
    if answer.strip():
        interview.answer(question.id, answer)
        context.save()
    else:
        context.skip(question)


def ask_choice(context: Context, question: Question) -> None:
    if question.kind == "bool":
        options = [Option("是", True), Option("否", False)]
    else:
        options = [Option(c, c) for c in question.choices]
    if question.level != "required":
        options.append(Option("（跳过）", Skip.SKIP))
    context.hint(question)
    current = context.interview.value(question.id)
    if question.id == context.interview.questionnaire.report.kind and question.id not in (
        context.interview.values
    ):
        current = _kind_by_name(context, question) or current
    answer = prompter.select(context.message(question), options, default=current)
    if answer is Skip.SKIP:
        context.skip(question)
    else:
        context.change(context.interview.set, question.id, answer)


def _kind_by_name(context: Context, question: Question) -> str | None:
    """The cursor starts on the kind the unit's name says (云溪县交通运输局: 局)."""
    name = context.interview.value("unit_name")
    return kind_of_unit(name, question.choices) if isinstance(name, str) else None


#: What a clerk types for "none" where the wizard asks for more of something.
NOTHING = frozenset({"无", "没有", "暂无", "没有了", "无其他"})


def ask_multichoice(context: Context, question: Question) -> None:
    current = context.interview.value(question.id)
    chosen = [str(c) for c in current] if isinstance(current, tuple) else []
    context.hint(question, "可多选" + ("，也可以补充选项以外的" if question.allow_other else ""))
    while True:
        options = [Option(c, c, checked=c in chosen) for c in question.choices]
        picked = [str(p) for p in prompter.checkbox(context.message(question), options)]
        if question.allow_other:
            others = "、".join(c for c in chosen if c not in question.choices)
            extra = prompter.text(
                "其他（自己填写，多个用顿号分隔；没有就直接按 Enter）", default=others
            )
            typed = [p.strip() for p in extra.replace("，", "、").split("、")]
            # 无 or 没有 answers "any others?": it is no document's name.
            picked += [p for p in typed if p and p.rstrip("。") not in NOTHING]
        if picked or question.level != "required":
            break
        context.say("此项至少要选一项。", "yellow")
    if picked:
        context.change(context.interview.set, question.id, tuple(dict.fromkeys(picked)))
    else:
        context.skip(question)
