"""What is missing or inconsistent before a report goes up: completeness, regulation, figures.

The JSON form (``report-wizard check --json``) is a stable interface::

    {
      "file": str, "questionnaire": {"id": str, "version": str},
      "complete": bool,            # no finding of severity "error"
      "contents": [{"label": str, "present": bool,     # the regulation's required contents
                    "skipped": bool}],             # not written, on purpose
      "findings": [{"code": str, "severity": "error"|"warning"|"info",
                    "question": str|null, "message": str,
                    "where": str}],      # the part or topic of the question, or ""
      "characters": int,           # length of the draft
      "deadline": "YYYY-MM-DD"|null, # publication deadline (township: 1 April after the year)
      "days_left": int|null        # negative once it has passed; null without a year
    }

Codes: content_missing, content_skipped (its questions all left out on purpose: a warning),
required_missing, invalid_answer, field_missing, rule_broken,
placeholder, review_pending, recommended_missing, recommended_skipped, deadline,
structure (the unit's outline or own figures cannot be used as written), own_words (an
answer only the words the unit replaced with its own would print),
figure_unused (a figure the draft cannot show), figure_zero (a zero, left out of the draft),
figure_twice, figure_differs, figure_last_year (prose that repeats a figure, contradicts it,
or still holds last year's), figure_carried (a figure of last year's text not yet given for
this year), figure_gone (a recorded figure no longer in its sentence), year_last (words
carried from last year that still name last year as this year).
"""

from __future__ import annotations

import datetime as dt
import re

from wizard.answersfile import outline, own_figures
from wizard.figures import Number, grammar
from wizard.questionnaire.values import display
from wizard.report.check_text import last_year_named, text_figure_findings
from wizard.report.draft import build_report
from wizard.report.findings import CheckResult, ContentStatus, Finding, Severity
from wizard.report.paragraphs import Report
from wizard.state import text_figures
from wizard.state.interview import Interview
from wizard.state.repeats import repeats, sentences_twice
from wizard.state.steps import Step


def _sections_with_content(interview: Interview, hidden: frozenset[str]) -> set[str]:
    """The parts that say something in the draft: answered, active and not hidden by the
    unit's outline, wherever they are placed and whatever they are called."""
    answered = {
        step.section.id
        for step in interview.steps()
        if step.question.kind != "topics" and step.id in interview.values
    }
    return {
        s.id
        for s in interview.questionnaire.sections
        if s.id in answered and s.id not in hidden and interview.section_active(s)
    }


def _skipped_on_purpose(interview: Interview, section_ids: tuple[str, ...]) -> bool:
    """Every question of these parts may be left out, and the clerk left them out."""
    steps = [s for s in interview.steps() if s.section.id in section_ids]
    return bool(steps) and all(
        not interview.needed(s.question)
        and (s.id in interview.skipped or s.question.level == "optional")
        for s in steps
    )


def publication_deadline(interview: Interview) -> dt.date | None:
    spec = interview.questionnaire.report
    year = interview.value(spec.year) if spec.year else None
    if spec.publish_by is None or not isinstance(year, Number):
        return None
    month, day = spec.publish_by
    return dt.date(int(year.value) + 1, month, day)


def check(
    interview: Interview, report: Report | None = None, today: dt.date | None = None
) -> CheckResult:
    report = report or build_report(interview)
    shape, unusable = interview.document.outline, interview.document.outline_problems
    said = _sections_with_content(interview, shape.hidden)
    # A part that reports two contents (第一责任人履职和法治政府建设情况) stands for both.
    said |= {covered for s in said for covered in shape.part(s).covers}
    contents = tuple(
        ContentStatus(
            c.label,
            present := any(s in said for s in c.sections),
            not present and _skipped_on_purpose(interview, c.sections),
        )
        for c in interview.questionnaire.report.contents
    )
    findings = [
        Finding("content_missing", "error", f"缺少规定的内容：{c.label}")
        if not c.skipped
        else Finding("content_skipped", "warning", f"没有写“{c.label}”（已跳过）：确实没有可写“无”")
        for c in contents
        if not c.present
    ]
    for question_id, why in interview.invalid.items():
        label = interview.require(question_id).label
        findings.append(
            Finding("invalid_answer", "error", f"“{label}”的答案无效：{why}", question_id)
        )
    findings += _question_findings(interview)
    findings += _figure_findings(interview)
    findings += _structure_findings(interview, shape, unusable)
    findings += text_figure_findings(interview)
    findings += last_year_named(interview)
    findings += [
        Finding(f"figure_{r.kind}", "warning", r.message, r.question.id) for r in repeats(interview)
    ]
    for sentence in sentences_twice([p.text for p in report.paragraphs if p.kind == "body"]):
        message = f"草稿中有一句话说了两遍：“{sentence}”"
        findings.append(Finding("structure_sentence_twice", "warning", message))
    for message in interview.broken_rules():
        findings.append(Finding("rule_broken", "error", f"数字前后矛盾：{message}"))
    if report.missing:
        marks = "、".join(dict.fromkeys(report.missing))
        message = f"草稿中还有 {len(report.missing)} 处待填写：{marks}"
        findings.append(Finding("placeholder", "error", message))
    for question_id in sorted(interview.review):
        reviewed = interview.question(question_id)
        if reviewed is not None and question_id in interview.values:
            message = f"沿用上一年度的内容尚未确认或改写：{reviewed.label}"
            findings.append(Finding("review_pending", "warning", message, question_id))
    deadline = publication_deadline(interview)
    days_left = (deadline - (today or interview.today)).days if deadline else None
    if deadline is not None and days_left is not None:
        when = f"还有 {days_left} 天" if days_left >= 0 else f"已过去 {-days_left} 天"
        message = f"应在 {deadline.year}年{deadline.month}月{deadline.day}日前向社会公开，{when}"
        findings.append(Finding("deadline", "warning" if days_left < 0 else "info", message))
    return CheckResult(contents, tuple(findings), report.characters, deadline, days_left)


def _structure_findings(
    interview: Interview, shape: outline.Outline, unusable: list[str]
) -> list[Finding]:
    """The unit's own outline and figures: what in them cannot be used, and own figures
    still without a number or placed in a topic the report does not have."""
    figures, more = interview.document.own_figures, interview.document.own_figure_problems
    findings = [Finding("structure", "error", message) for message in unusable + more]
    parts = {s.id for s in interview.questionnaire.sections if s.heading}
    named = set(shape.order) | shape.hidden | set(shape.headings) | shape.unwrapped
    for unknown in sorted(named - parts):
        message = f"报告结构中提到的部分 {unknown!r} 在问卷中没有，已忽略"
        findings.append(Finding("structure", "warning", message))
    topics = {c.id for s in interview.questionnaire.sections for c in interview.chosen_topics(s)}
    topics |= {s.id for s in interview.questionnaire.sections if s.heading}  # a part, too
    for figure in figures:
        findings += _own_parts(figure)
        if figure.topic not in topics:
            message = f"本单位自己的数字“{figure.label}”所在的专题或部分不在报告中，草稿里没有它：请换一个位置"
            findings.append(Finding("figure_unused", "error", message))
        elif figure.value is None:
            message = f"本单位自己的数字“{figure.label}”还没有填本年度的数"
            findings.append(Finding("recommended_missing", "warning", message))
    return findings


def _own_parts(figure: own_figures.OwnFigure) -> list[Finding]:
    """A figure of the unit's own and its 其中 parts: never more than it, and all of it
    when the clerk said they are."""
    if not figure.parts or figure.value is None:
        return []
    summed = sum(v.value for _, v in figure.parts)
    shown = int(summed) if float(summed).is_integer() else round(summed, 4)
    if summed > figure.value.value and not figure.value.approx:
        message = (
            f"数字前后矛盾：本单位的数字“{figure.label}”的其中各项加起来是 {shown}，超过了总数"
        )
        return [Finding("rule_broken", "error", message)]
    if figure.complete and summed != figure.value.value:
        message = f"数字对不上：本单位的数字“{figure.label}”的其中各项加起来是 {shown}，不等于总数"
        return [Finding("rule_broken", "error", message)]
    return []


def _question_findings(interview: Interview) -> list[Finding]:
    """Questions that apply and are not answered, and list items missing a field."""
    findings: list[Finding] = []
    for step in interview.steps():
        question = step.question
        where = f"{step.topic_heading}：" if step.topic_heading else ""
        if step.id in interview.invalid:
            continue
        if not interview.has_value(step.id):
            if interview.needed(question):
                message = f"必填项未填写：{where}{question.label}"
                findings.append(Finding("required_missing", "error", message, step.id))
            elif question.level == "recommended":
                skipped = step.id in interview.skipped
                code = "recommended_skipped" if skipped else "recommended_missing"
                verb = "已跳过" if skipped else "未填写"
                message = f"建议填写的项{verb}：{where}{question.label}"
                part = interview.where(step)
                findings.append(
                    Finding(code, "warning", message, step.id, where=part, label=question.label)
                )
        elif question.kind == "list":
            findings += _field_findings(interview, step, where)
    return findings


def _figure_findings(interview: Interview) -> list[Finding]:
    """Answers the draft does not state: one whose topic or part is not in the report, or
    that an earlier answer made not apply (it would otherwise vanish without a word), and a
    zero (no achievement to report)."""
    findings: list[Finding] = []
    # A figure the clerk's own sentence states is in the draft, wherever its topic is.
    asked = {step.id for step in interview.steps()} | text_figures.locate(interview).said_questions
    unneeded = interview.unneeded()
    for question_id, value in interview.values.items():
        question = interview.question(question_id)
        if question is None:
            continue
        if question_id in unneeded:
            message = f"“{question.label}”的答案不写进草稿：标题或开头一段用的是本单位自己的文字"
            findings.append(Finding("own_words", "info", message, question_id))
        elif question_id not in asked:
            where = _home(interview, question_id)
            message = (
                f"“{question.label}”填了 {display(question, value)}，但{where}不在报告中，"
                "草稿里没有它：把它加回报告，或删去这个答案"
            )
            severity: Severity = "warning" if question.kind in ("bool", "choice") else "error"
            findings.append(Finding("figure_unused", severity, message, question_id))
        elif isinstance(value, Number) and value.value == 0 and not value.approx:
            message = f"“{question.label}”填的是 0：草稿中不写这一句（没有可报告的成绩）"
            findings.append(Finding("figure_zero", "info", message, question_id))
    return findings


def _home(interview: Interview, question_id: str) -> str:
    for section in interview.questionnaire.sections:
        for topic in section.topics:
            if any(q.id == question_id for q in topic.questions):
                return f"专题“{topic.heading}”"
        if any(q.id == question_id for q in section.questions):
            return f"“{section.title}”部分（或这一问的前提）"
    return "它所在的部分"


def _field_findings(interview: Interview, step: Step, where: str) -> list[Finding]:
    """Items missing a field. Causes may be given in a block of their own after the problems,
    or once for several: missing ones are fine while a cause is given somewhere."""
    question, question_id = step.question, step.id
    findings = []
    causes_given = _causes_given(interview, step)
    for n, item in enumerate(interview.items(question_id), 1):
        title = item.get(question.fields[0].id, "")
        for f in question.fields[1:]:
            if f.level == "optional" or item.get(f.id, "").strip():
                continue
            if "原因" in f.label and causes_given:
                continue
            if f.level == "recommended" and "原因" not in f.label and _a_statement(title):
                continue  # 落实合法性审查，审查重大决策事项6件: what was done, said in full
            severity: Severity = "error" if f.level == "required" else "warning"
            message = f"{where}{question.label}第 {n} 条缺少“{f.label}”"
            findings.append(Finding("field_missing", severity, message, question_id))
    return findings


def _a_statement(title: str) -> bool:
    """A title that already says what was done: two clauses, or a figure (a point a
    report wrote as one sentence). A heading alone (健全领导机制) still wants its 具体内容."""
    return bool(re.search("[，,；;]", title)) or bool(grammar.find(title))


def _causes_given(interview: Interview, step: Step) -> bool:
    question = step.question
    causes = [f.id for f in question.fields if "原因" in f.label]
    in_items = any(item.get(c, "").strip() for item in interview.items(step.id) for c in causes)
    blocks = [
        q for q in step.section.questions if q.kind == "longtext" and "原因" in q.label
    ]  # fmt: skip
    return in_items or any(interview.has_value(q.id) for q in blocks)
