"""Figures gathered from colleagues: what to ask them, and what their filled sheets change.

The clerk sends each 科室 or 站所 a sheet of the figures still to gather (``wanted``); what
comes back is read as typed text (``Filled``) and checked exactly as the wizard checks a
typed answer, cross-field rules included (``plan``). Nothing is stored until the clerk
confirms (``apply``), and a different answer already given is never replaced unless asked.
No spreadsheet here: the workbook adapter is ``gathering.workbook``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wizard.base.errors import UserError
from wizard.figures import Invalid, Number
from wizard.kinds import kind_of
from wizard.questionnaire.values import Answer, display
from wizard.report.draft import filled_text
from wizard.state.interview import Interview


class GatheringError(UserError):
    """A sheet that cannot be merged into this answers file (another unit, year or
    questionnaire, or not a sheet of ours)."""


@dataclass(frozen=True, slots=True)
class Wanted:
    """One figure to ask a colleague for: a row of the sheet."""

    id: str
    group: str  # the part, or the part and topic: who is likely to know
    label: str
    help: str
    unit: str
    kind: str
    previous: str
    current: str


@dataclass(frozen=True, slots=True)
class Source:
    """Whose sheet it is: checked when it comes back."""

    unit: str
    year: str
    questionnaire: str


def source_of(interview: Interview) -> Source:
    spec = interview.questionnaire.report
    unit = filled_text(interview, spec.signature[0]) if spec.signature else ""
    year = interview.value(spec.year) if spec.year else None
    number = str(year.value) if isinstance(year, Number) else ""
    return Source(unit, number, interview.questionnaire.id)


def groups(interview: Interview) -> list[str]:
    """The titles of the parts and topics that hold figures, for a clerk who named none."""
    found = [w.group for w in wanted(interview, everything=True)]
    return list(dict.fromkeys(g.split("／")[0] for g in found)) + list(
        dict.fromkeys(g.split("／")[1] for g in found if "／" in g)
    )


def wanted(
    interview: Interview, part: str = "", topic: str = "", everything: bool = False
) -> list[Wanted]:
    """The figures of the report still to gather (all of them with ``everything``), in the
    interview's order; only those of a part or a topic when one is named (by its title or
    its 编号). Computed figures (化解率 from its counts) are left out: they follow."""
    result = []
    year = interview.questionnaire.report.year
    for step in interview.steps():
        question = step.question
        if not question.is_numeric or question.compute is not None or question.id == year:
            continue
        # Named by a title's words or its 编号: `--topic 组织领导` finds 强化组织领导，…
        named = (step.section.title, interview.document.outline.part_name(step.section))
        if part and part != step.section.id and not any(part in name for name in named):
            continue
        heading = step.topic_heading or ""
        if topic and topic != (step.topic.id if step.topic else "") and topic not in heading:
            continue
        current = interview.display(question.id) if question.id in interview.values else ""
        if current and not everything:
            continue
        before = interview.previous_value(question.id)
        result.append(
            Wanted(
                id=question.id,
                group=f"{named[1]}／{heading}" if heading else named[1],
                label=question.label,
                help=question.help,
                unit=kind_of(question).unit_of(question),
                kind=question.kind,
                previous=display(question, before) if before is not None else "",
                current=current,
            )
        )
    return result


@dataclass(frozen=True, slots=True)
class Filled:
    """A value a colleague typed, with where it stands (for a message that finds it)."""

    id: str
    text: str
    where: str  # 数字收集表.xlsx 工作表“数字”G5
    who: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    id: str
    label: str
    value: Answer
    before: str  # as the clerk reads it; "" when not answered yet
    after: str
    who: str
    where: str

    def __str__(self) -> str:
        came = f"（来自：{self.who}）" if self.who else f"（{self.where}）"
        return f"{self.label}：{self.before or '空'} → {self.after}{came}"


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    #: A value unlike the answer already given: kept out unless the clerk forces it.
    conflicts: list[Change] = field(default_factory=list)
    #: Values the wizard would not accept, each with where it stands and why.
    refused: list[str] = field(default_factory=list)
    #: Values equal to what the answers file holds already.
    same: int = 0


def plan(interview: Interview, filled: list[Filled]) -> Plan:
    """What the filled sheets would change, checked as typed answers are."""
    result = Plan()
    planned: dict[str, Change] = {}
    for entry in filled:
        question = interview.question(entry.id)
        if question is None or not question.is_numeric:
            result.refused.append(f"{entry.where}：问卷中没有这一项，没有读入")
            continue
        try:
            value = interview.trial(entry.id, entry.text)
        except Invalid as error:
            result.refused.append(f"{entry.where}：“{entry.text}”{error}")
            continue
        after = display(question, value)
        before = interview.display(entry.id) if entry.id in interview.values else ""
        change = Change(entry.id, question.label, value, before, after, entry.who, entry.where)
        earlier = planned.get(entry.id)
        if earlier is not None and earlier.after != after:
            result.refused.append(
                f"{entry.where}：“{question.label}”另一处（{earlier.where}）填的是"
                f"{earlier.after}，两处不同，请确认后只留一处"
            )
            continue
        if earlier is not None or before == after:
            result.same += earlier is None
            continue
        planned[entry.id] = change
        (result.conflicts if before else result.changes).append(change)
    return result


def apply(interview: Interview, changes: list[Change]) -> list[str]:
    """Store the changes the clerk confirmed; a change that breaks a rule between figures
    once the others are in is left out and said."""
    problems = []
    for change in changes:
        try:
            interview.set(change.id, change.value)
        except Invalid as error:
            problems.append(f"{change.where}：{change.label} {change.after} 没有保存：{error}")
    return problems
