"""Findings about the clerk's own sentences: figures still last year's, gone from their
sentence, 其中 parts that do not fit their total, and last year named as this year."""

from __future__ import annotations

import re

from wizard.figures import Number
from wizard.report.findings import Finding
from wizard.state import text_figures
from wizard.state.interview import Interview


def text_figure_findings(interview: Interview) -> list[Finding]:
    """Figures in the clerk's sentences: still last year's, gone from their sentence, or
    parts (其中) that exceed their total or, said to be all of it, do not add up to it."""
    layout = text_figures.locate(interview)
    findings = [Finding("structure", "error", message) for message in layout.problems]
    carried: dict[tuple[str, str], list[str]] = {}
    for item in layout.located:
        record = item.record
        if record is not None and record.state == "carried":
            key = (item.place.answer, item.place.where)
            carried.setdefault(key, []).append(f"{record.label}{item.said}")
    for (answer, where), said in carried.items():
        message = (
            f"{where}还是上年的数字（{'、'.join(said)}）：请填今年的数，"
            "或确认今年仍是这个数（在向导中打开这一部分即可）"
        )
        findings.append(Finding("figure_carried", "error", message, answer))
    for record in layout.gone:
        message = (
            f"“{record.label}{record.said}”已不在原来的句子中：请在向导中确认删去，或改成新的数字"
        )
        findings.append(Finding("figure_gone", "warning", message, record.answer))
    findings += _parts_findings(layout)
    return findings


def _parts_findings(layout: text_figures.Layout) -> list[Finding]:
    findings: list[Finding] = []
    by_text: dict[tuple[str, int | None, str | None], list[text_figures.Located]] = {}
    for item in layout.located:
        by_text.setdefault((item.place.answer, item.place.item, item.place.field), []).append(item)
    for items in by_text.values():
        for index, total in enumerate(items):
            parts = [i for i in items if i.found.part_of == index]
            if not parts:
                continue
            whole = text_figures.value_of(total.said)
            values = [text_figures.value_of(p.said) for p in parts]
            if whole is None or any(v is None for v in values):
                continue
            summed = sum(v.value for v in values if v is not None)
            named = f"{total.label}{total.said}"
            shown = int(summed) if float(summed).is_integer() else round(summed, 4)
            if summed > whole.value and not whole.approx:
                message = f"数字前后矛盾：“{named}”的其中各项加起来是 {shown}，超过了总数"
                findings.append(Finding("rule_broken", "error", message, total.place.answer))
            elif total.record is not None and total.record.complete and summed != whole.value:
                message = f"数字对不上：“{named}”的其中各项加起来是 {shown}，不等于总数"
                findings.append(Finding("rule_broken", "error", message, total.place.answer))
    return findings


def last_year_named(interview: Interview) -> list[Finding]:
    """Words carried from last year that still say last year as this year: 2023年以来… in
    the 2024 report (a comparison, 比2023年增长, is not that)."""
    spec = interview.questionnaire.report
    year = interview.value(spec.year) if spec.year else None
    if not isinstance(year, Number) or not _carried(interview):
        return []
    last = int(year.value) - 1
    pattern = re.compile(rf"(?<![\d比较与同至到])(?<!比上)({last})年(?!同期|相比|相较|比较)")
    shape = interview.document.outline
    texts = [("报告标题", shape.title), ("开头一段", shape.preamble)]
    texts += [(f"部分标题“{h}”", h) for h in shape.headings.values()]
    texts += [(place.where, text) for place, text in text_figures.texts(interview)]
    for section in interview.questionnaire.sections:
        texts += [
            ("专题标题", interview.topic_heading(section, c))
            for c in interview.chosen_topics(section)
        ]
    findings = []
    for where, text in texts:
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 6) : match.end() + 6]
            message = f"{where}还写着“{around}”：这是{last + 1}年的报告，请改成今年的年份"
            findings.append(Finding("year_last", "error", message))
    return findings


def _carried(interview: Interview) -> bool:
    """Started from last year's report (new --from)."""
    document = interview.document
    return bool(document.previous) or any(r.last_year for r in document.text_figures)
