"""Last year's figures beside this year's: change and percentage."""

from __future__ import annotations

from wizard.figures import Number, change, format_number
from wizard.interview import Interview

Row = tuple[str, str, str, str, str]


def compare_figures(before: Interview, after: Interview) -> tuple[list[Row], tuple[str, str]]:
    """One row per figure either year answered: label, last, this, change, change in %."""
    rows: list[Row] = []
    year_id = after.questionnaire.report.year
    for question in after.questionnaire.all_questions():
        if not question.is_numeric or question.id == year_id:
            continue
        old, new = before.value(question.id), after.value(question.id)
        if not isinstance(old, Number) and not isinstance(new, Number):
            continue
        difference = relative = ""
        if isinstance(old, Number) and isinstance(new, Number):
            delta, percent = change(old, new)
            sign = "+" if delta > 0 else ""
            if question.kind == "percent":
                difference = (
                    f"{sign}{format_number(question, Number(round(delta, 1)), False)}个百分点"
                )
            else:
                difference = f"{sign}{format_number(question, Number(delta))}"
            if percent is not None and question.kind != "percent":
                relative = f"{sign}{round(percent, 1):g}%"
        rows.append(
            (
                question.label,
                format_number(question, old) if isinstance(old, Number) else "—",
                format_number(question, new) if isinstance(new, Number) else "—",
                difference or "—",
                relative or "—",
            )
        )
    return rows, (_year(before), _year(after))


def _year(interview: Interview) -> str:
    year_id = interview.questionnaire.report.year
    year = interview.value(year_id) if year_id else None
    return f"{year.value}年" if isinstance(year, Number) else "（年度未填）"
