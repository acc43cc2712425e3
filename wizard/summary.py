"""Many answers files → one review table per questionnaire, for the county office.

Each file becomes a row: the unit, its kind and year, whether it passes ``check`` (errors
and warnings counted, the regulation's contents one by one), the days left to publication,
and every figure. Figures are totalled per column, with last year's totals and 同比 where
the files carry last year's figures (``new --from``). A file that cannot be read is listed
with its reason and does not stop the others. Nothing here draws or writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wizard import answers
from wizard.check import check
from wizard.errors import UserError
from wizard.figures import Number, change
from wizard.interview import Interview
from wizard.questionnaire import Question, Questionnaire
from wizard.report import filled_text
from wizard.session import questionnaire_of, recorded_file


@dataclass(frozen=True, slots=True)
class Row:
    path: Path
    unit: str
    kind: str
    year: int | None
    errors: int
    warnings: int
    #: One per content the regulation requires, in the questionnaire's order.
    contents: tuple[bool, ...]
    days_left: int | None
    figures: dict[str, Number]
    previous: dict[str, Number]
    #: Something the office should know about the file (being edited right now).
    note: str = ""

    @property
    def complete(self) -> bool:
        return self.errors == 0


@dataclass(frozen=True, slots=True)
class Column:
    """A figure question: a column of the table."""

    question: Question

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def title(self) -> str:
        unit = "%" if self.question.kind == "percent" else self.question.unit
        return f"{self.question.label}（{unit}）" if unit else self.question.label

    @property
    def adds_up(self) -> bool:
        """Counts and amounts add up across units; rates do not."""
        return self.question.kind != "percent"


@dataclass
class Table:
    questionnaire: Questionnaire
    year: int | None
    columns: tuple[Column, ...]
    rows: list[Row] = field(default_factory=list)

    @property
    def title(self) -> str:
        year = f" {self.year}年" if self.year is not None else ""
        return f"{self.questionnaire.title}{year}（{len(self.rows)} 份）"

    @property
    def content_labels(self) -> tuple[str, ...]:
        return tuple(c.label for c in self.questionnaire.report.contents)

    def total(self, column: Column) -> Number | None:
        """The sum of the units' figures; about so much (余) when any of them is."""
        return _sum([r.figures[column.id] for r in self.rows if column.id in r.figures], column)

    def previous_total(self, column: Column) -> Number | None:
        return _sum([r.previous[column.id] for r in self.rows if column.id in r.previous], column)

    def year_on_year(self, column: Column) -> float | None:
        """同比 of the totals, in %, over the units that gave the figure in both years."""
        both = [r for r in self.rows if column.id in r.figures and column.id in r.previous]
        if not both or not column.adds_up:
            return None
        now = sum(r.figures[column.id].value for r in both)
        before = sum(r.previous[column.id].value for r in both)
        return change(Number(before), Number(now))[1]


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path
    message: str


@dataclass
class Summary:
    tables: list[Table] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Expected units that sent no file (``--expect``).
    missing: list[str] = field(default_factory=list)


def collect(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Answers files named or found in the folders named (not backups, not hidden files)."""
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*.toml") if not any(part.startswith(".") for part in p.parts)
            )
        elif path.exists():  # a pipe or a device too: reading it says why it is not read
            found.append(path)
        else:
            problems.append(Problem(path, f"找不到 {path}"))
    return list(dict.fromkeys(found)), problems


def summarize(paths: Iterable[Path], today: dt.date | None = None) -> Summary:
    files, problems = collect(paths)
    summary = Summary(problems=problems)
    tables: dict[str, Table] = {}
    loaded: dict[tuple[str, str], Questionnaire] = {}
    for path in files:
        try:
            document = answers.load(path)
            meta = document["meta"]
            # Read once per questionnaire, found as every command finds it (its recorded file).
            file = recorded_file(document, path)
            which = (str(meta["questionnaire"]), str(file.resolve()) if file else "")
            if which not in loaded:
                loaded[which] = questionnaire_of(document, path)
            questionnaire = loaded[which]
        except UserError as error:
            summary.problems.append(Problem(path, str(error)))
            continue
        interview = Interview(questionnaire, document, today)
        year = interview.value(questionnaire.report.year) if questionnaire.report.year else None
        # One table per questionnaire and year: a total never adds up two years.
        year_number = int(year.value) if isinstance(year, Number) else None
        key = f"{questionnaire.file or questionnaire.id}/{year_number or ''}"
        table = tables.get(key)
        if table is None:
            table = tables[key] = Table(questionnaire, year_number, _columns(questionnaire))
        table.rows.append(_row(path, interview, table))
    summary.tables = [tables[key] for key in sorted(tables)]
    return summary


def expect(summary: Summary, units: Iterable[str]) -> None:
    """Note the expected units that sent nothing (a unit may be named with or without spaces)."""
    sent = {_key(r.unit) for t in summary.tables for r in t.rows}
    summary.missing = [u for u in units if u.strip() and _key(u) not in sent]


def read_units(path: Path) -> list[str]:
    """One unit name a line; blank lines and lines starting with # are left out."""
    lines = answers.read_text(path).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# ---------------------------------------------------------------- helpers


def _columns(questionnaire: Questionnaire) -> tuple[Column, ...]:
    year = questionnaire.report.year
    return tuple(Column(q) for q in questionnaire.all_questions() if q.is_numeric and q.id != year)


def _row(path: Path, interview: Interview, table: Table) -> Row:
    spec = interview.questionnaire.report
    result = check(interview)
    unit = filled_text(interview, spec.signature[0]) if spec.signature else ""
    kind = interview.display(spec.kind) if spec.kind else ""
    year = interview.value(spec.year) if spec.year else None
    figures, previous = {}, {}
    for column in table.columns:
        value = interview.values.get(column.id)
        if isinstance(value, Number):
            figures[column.id] = value
        before = interview.previous_value(column.id)
        if isinstance(before, Number):
            previous[column.id] = before
    return Row(
        path=path,
        unit=unit or path.stem,
        kind=kind,
        year=int(year.value) if isinstance(year, Number) else None,
        errors=sum(f.severity == "error" for f in result.findings),
        warnings=sum(f.severity == "warning" for f in result.findings),
        contents=tuple(c.present for c in result.contents),
        days_left=result.days_left,
        figures=figures,
        previous=previous,
        note="正在另一个窗口中编辑，可能还会改动" if answers.Lock(path).held_elsewhere() else "",
    )


def _sum(numbers: list[Number], column: Column) -> Number | None:
    if not numbers or not column.adds_up:
        return None
    total = sum(n.value for n in numbers)
    hedge = "余" if any(n.approx for n in numbers) else ""  # about so much, all told
    return Number(round(total, 4) if isinstance(total, float) else total, hedge)


def _key(unit: str) -> str:
    return "".join(unit.split())
