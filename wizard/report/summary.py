"""Many answers files → one review table per questionnaire, for the county office.

Each unit becomes a row (its newest file, when it sent several; files of another year
are set aside and listed, not summed): the unit, its kind and year, whether it passes ``check`` (errors
and warnings counted, the regulation's contents one by one), the days left to publication,
and every figure. Figures are totalled per column, with last year's totals and 同比 where
the files carry last year's figures (``new --from``). A file that cannot be read is listed
with its reason and does not stop the others. Nothing here draws or writes.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.written_with import questionnaire_of, recorded_file
from wizard.base.errors import UserError
from wizard.base.unit_names import Missing, missing_units, unit_key
from wizard.figures import Number, change
from wizard.kinds import kind_of
from wizard.questionnaire import Question, Questionnaire
from wizard.report.check import check
from wizard.report.draft import filled_text
from wizard.state.interview import Interview


@dataclass(frozen=True, slots=True)
class UnitRow:
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
    deadline: dt.date | None = None
    #: When the file was last written (of several copies of a unit, the newest counts).
    modified: float = 0.0

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
        unit = kind_of(self.question).unit_of(self.question)
        return f"{self.question.label}（{unit}）" if unit else self.question.label

    @property
    def adds_up(self) -> bool:
        """Counts and amounts add up across units; rates do not."""
        return kind_of(self.question).adds_up


@dataclass
class UnitTable:
    questionnaire: Questionnaire
    year: int | None
    columns: tuple[Column, ...]
    rows: list[UnitRow] = field(default_factory=list)

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


@dataclass(frozen=True, slots=True)
class SetAside:
    """A file that was read but is not counted: another copy of a unit already counted, or
    a report of another year. Listed so that the office sees it, never summed."""

    path: Path
    unit: str
    reason: str


@dataclass
class Summary:
    tables: list[UnitTable] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: Expected units that sent no file (``--expect``).
    missing: list[Missing] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    #: The year the counted reports are of (the most common one unless asked).
    year: int | None = None


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


#: From how many files on the work is shared among the processors: starting a process
#: costs about as much as reading a hundred files.
PARALLEL_FROM = 200


def summarize(
    paths: Iterable[Path], today: dt.date | None = None, year: int | None = None
) -> Summary:
    """Every file read once (in parallel when there are many); then one row per unit."""
    files, problems = collect(paths)
    summary = Summary(problems=problems)
    results = _read_all(files, today)
    loaded: dict[tuple[str, str], Questionnaire] = {}
    read: list[tuple[Questionnaire, UnitRow]] = []
    for path, result in zip(files, results, strict=True):
        if isinstance(result, str):
            summary.problems.append(Problem(path, result))
            continue
        which, row = result
        if which not in loaded:  # the row was made in another process: read it here once
            loaded[which] = questionnaire_of(AnswersDocument.load(path), path)
        read.append((loaded[which], row))
    summary.year = year if year is not None else _usual_year(row.year for _, row in read)
    tables: dict[str, UnitTable] = {}
    for questionnaire, row in _one_per_unit(read, summary):
        key = questionnaire.file or questionnaire.id
        table = tables.get(key)
        if table is None:
            year = summary.year if questionnaire.report.year else None
            table = tables[key] = UnitTable(questionnaire, year, _columns(questionnaire))
        table.rows.append(row)
    summary.tables = [tables[key] for key in sorted(tables)]
    return summary


def expect(summary: Summary, units: Iterable[str]) -> None:
    """Note the expected units that sent nothing, matched as people write names."""
    sent = [r.unit for t in summary.tables for r in t.rows]
    sent += [s.unit for s in summary.set_aside]  # sent, if not counted: not 未报送
    sent += [p.path.stem for p in summary.problems]  # sent, if unreadable: by its file's name
    summary.missing = missing_units(units, sent)


def read_units(path: Path) -> list[str]:
    """One unit name a line; blank lines and lines starting with # are left out."""
    lines = disk.read_text(path).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


# ---------------------------------------------------------------- helpers


def _columns(questionnaire: Questionnaire) -> tuple[Column, ...]:
    year = questionnaire.report.year
    return tuple(Column(q) for q in questionnaire.all_questions() if q.is_numeric and q.id != year)


_Read = tuple[tuple[str, str], UnitRow] | str


def _read_all(files: list[Path], today: dt.date | None) -> list[_Read]:
    if len(files) < PARALLEL_FROM or (os.cpu_count() or 1) < 2:
        return _read_files(files, today)
    from concurrent.futures import ProcessPoolExecutor

    workers = min(os.cpu_count() or 1, 8)
    # Small chunks, so that no worker sits idle at the end while another reads a long one.
    size = -(-len(files) // (workers * 16))
    chunks = [files[n : n + size] for n in range(0, len(files), size)]
    with ProcessPoolExecutor(workers, initializer=_start_worker) as pool:
        done = pool.map(_read_files, chunks, [today] * len(chunks))
        return [result for chunk in done for result in chunk]


#: In a worker of the pool: the questionnaires it has read, for all the chunks it is given
#: (the worker lives for one summary only, so none of them can go stale).
_WORKER_LOADED: dict[tuple[str, str], Questionnaire] | None = None


def _start_worker() -> None:
    global _WORKER_LOADED
    _WORKER_LOADED = {}


def _read_files(files: list[Path], today: dt.date | None) -> list[_Read]:
    """Each file's row, or why it cannot be read; a questionnaire read once per process."""
    loaded = _WORKER_LOADED if _WORKER_LOADED is not None else {}
    results: list[_Read] = []
    # Reading a file makes many small objects and few cycles: the collector, left to run
    # as it likes, costs a sixth of the time. It runs after every hundred files instead.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for n, path in enumerate(files, 1):
            results.append(_read_one(path, today, loaded))
            if n % 100 == 0:
                gc.collect(0)
    finally:
        if collecting:
            gc.enable()
    return results


def _read_one(
    path: Path, today: dt.date | None, loaded: dict[tuple[str, str], Questionnaire]
) -> _Read:
    try:
        document = AnswersDocument.load(path)
        # Found as every command finds it: its recorded file, else its id.
        file = recorded_file(document, path)
        which = (str(document.questionnaire_id), str(file.resolve()) if file else "")
        if which not in loaded:
            loaded[which] = questionnaire_of(document, path)
    except UserError as error:
        return str(error)
    interview = Interview(loaded[which], document, today).freeze()
    return (which, _row(path, interview))


def _usual_year(years: Iterable[int | None]) -> int | None:
    """The year most reports are of (the later on a tie)."""
    counted = Counter(y for y in years if y is not None)
    return max(counted, key=lambda y: (counted[y], y)) if counted else None


def _one_per_unit(
    read: list[tuple[Questionnaire, UnitRow]], summary: Summary
) -> list[tuple[Questionnaire, UnitRow]]:
    """Rows of the summary's year, one per unit (its newest file); the rest set aside."""
    units: dict[str, list[tuple[Questionnaire, UnitRow]]] = {}
    for questionnaire, row in read:
        if None not in (summary.year, row.year) and row.year != summary.year:
            reason = f"是{row.year}年的报告，与其他报告（{summary.year}年）不同，未计入"
            summary.set_aside.append(SetAside(row.path, row.unit, reason))
            continue
        units.setdefault(unit_key(row.unit), []).append((questionnaire, row))
    kept = []
    for files in units.values():
        newest = max(files, key=lambda pair: _age_order(pair[1]))
        kept.append(newest)
        name = newest[1].path.name
        for _, row in files:
            if row is not newest[1]:
                reason = f"与 {name} 是同一单位，用了较新的 {name}"
                summary.set_aside.append(SetAside(row.path, row.unit, reason))
    return kept


def _age_order(row: UnitRow) -> tuple[float, bool, str]:
    """Of the files of one unit, the greatest is used: the last written; of two written at
    once, not the recovery copy."""
    return (row.modified, ".恢复-" not in row.path.name, str(row.path))


def _row(path: Path, interview: Interview) -> UnitRow:
    spec = interview.questionnaire.report
    result = check(interview)
    unit = filled_text(interview, spec.signature[0]) if spec.signature else ""
    kind = interview.display(spec.kind) if spec.kind else ""
    year = interview.value(spec.year) if spec.year else None
    figures, previous = {}, {}
    for column in _columns(interview.questionnaire):
        value = interview.values.get(column.id)
        if isinstance(value, Number):
            figures[column.id] = value
        before = interview.previous_value(column.id)
        if isinstance(before, Number):
            previous[column.id] = before
    return UnitRow(
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
        note="正在另一个窗口中编辑，可能还会改动" if disk.Lock(path).held_elsewhere() else "",
        deadline=result.deadline,
        modified=_modified(path),
    )


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _sum(numbers: list[Number], column: Column) -> Number | None:
    if not numbers or not column.adds_up:
        return None
    total = sum(n.value for n in numbers)
    hedge = "余" if any(n.approx for n in numbers) else ""  # about so much, all told
    return Number(round(total, 4) if isinstance(total, float) else total, hedge)
