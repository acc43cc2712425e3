"""Last year's figures beside this year's: change and percentage."""

from __future__ import annotations

from wizard.figures import Number, change, format_number
from wizard.kinds import kind_of
from wizard.questionnaire.values import display
from wizard.state import text_figures
from wizard.state.interview import Interview

ComparedRow = tuple[str, str, str, str, str]


def compare_figures(
    before: Interview, after: Interview
) -> tuple[list[ComparedRow], tuple[str, str]]:
    """One row per figure either year answered: label, last, this, change, change in %."""
    rows: list[ComparedRow] = []
    year_id = after.questionnaire.report.year
    # Last year's words of a figure carried in this year's sentences count as last year's.
    carried = {
        r.question: text_figures.value_of(r.last_year)
        for r in after.document.text_figures
        if r.question and r.last_year
    }
    for question in after.questionnaire.all_questions():
        if not question.is_numeric or question.id == year_id:
            continue
        old, new = before.value(question.id), after.value(question.id)
        old = old if old is not None else carried.get(question.id)
        if not isinstance(old, Number) and not isinstance(new, Number):
            continue
        difference = relative = ""
        if isinstance(old, Number) and isinstance(new, Number):
            kind = kind_of(question)
            difference = kind.difference(question, old, new)
            percent = change(old, new)[1]
            if percent is not None and kind.adds_up:
                relative = f"{'+' if percent > 0 else ''}{round(percent, 1):g}%"
        rows.append(
            (
                question.label,
                display(question, old) if isinstance(old, Number) else "—",
                display(question, new) if isinstance(new, Number) else "—",
                difference or "—",
                relative or "—",
            )
        )
    return rows + _unit_figures(before, after), (_year(before), _year(after))


def _unit_figures(before: Interview, after: Interview) -> list[ComparedRow]:
    """The figures no question holds: in the clerk's sentences, or the unit's own, matched
    across the years by what they count."""
    from wizard.state.figure_list import figures

    last = {(f.label, f.unit): f for f in figures(before) if not f.question}
    rows: list[ComparedRow] = []
    for figure in figures(after):
        if figure.question:
            continue
        if figure.state == "carried":  # still last year's words: this year's not given yet
            rows.append((figure.label, figure.previous, "（未更新）", "—", "—"))
            continue
        old = last.get((figure.label, figure.unit))
        previous = figure.previous or (old.text if old else "")
        shape = text_figures.ANY_FIGURE
        before_value = text_figures.value_of(previous) if previous else None
        difference = relative = "—"
        if before_value is not None and figure.value is not None:
            delta, percent = change(before_value, figure.value)
            sign = "+" if delta > 0 else ""
            difference = f"{sign}{format_number(shape, Number(delta), False)}{figure.unit}"
            if percent is not None and figure.unit not in ("%", "％"):
                relative = f"{sign}{round(percent, 1):g}%"
        rows.append((figure.label, previous or "—", figure.text or "—", difference, relative))
    return rows


def _year(interview: Interview) -> str:
    year_id = interview.questionnaire.report.year
    year = interview.value(year_id) if year_id else None
    return f"{year.value}年" if isinstance(year, Number) else "（年度未填）"
