"""The county office's review table as files: Excel (what WPS and Excel open), CSV, Markdown,
and JSON for other tools. One grid per questionnaire, built once and written four ways."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from wizard.figures import Number
from wizard.summary import Row, Summary, Table

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in a cell: a number to add up, marked when the unit gave it as about so much."""

    value: int | float
    approx: bool = False

    def __str__(self) -> str:
        text = f"{self.value:g}" if isinstance(self.value, float) else str(self.value)
        return text + ("余" if self.approx else "")


@dataclass(frozen=True, slots=True)
class Grid:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell | Figure, ...], ...]
    #: 合计, 上年合计, 同比: under the figure columns.
    footer: tuple[tuple[Cell | Figure, ...], ...]
    #: Where the figure columns start (for number formats and widths).
    first_figure: int


def grid(table: Table) -> Grid:
    contents = [f"内容{n}：{label}" for n, label in enumerate(table.content_labels, 1)]
    fixed = [
        "文件",
        "单位",
        "类别",
        "年度",
        "检查结果",
        "错误",
        "提醒",
        *contents,
        "距公开期限（天）",
    ]
    header = (*fixed, *(c.title for c in table.columns), "备注")
    rows = tuple(_row(row, table) for row in table.rows)
    blank: list[Cell | Figure] = [None] * (len(fixed) - 1)
    totals = [_figure(table.total(c)) for c in table.columns]
    before = [_figure(table.previous_total(c)) for c in table.columns]
    change = [table.year_on_year(c) for c in table.columns]
    footer = (
        ("合计", *blank, *totals, None),
        ("上年合计", *blank, *before, None),
        ("同比（%）", *blank, *(None if c is None else round(c, 1) for c in change), None),
    )
    return Grid(table.title, header, rows, footer, len(fixed))


def _row(row: Row, table: Table) -> tuple[Cell | Figure, ...]:
    figures = [_figure(row.figures.get(c.id)) for c in table.columns]
    return (
        row.path.name,
        row.unit,
        row.kind,
        row.year,
        "通过" if row.complete else "未通过",
        row.errors,
        row.warnings,
        *("有" if present else "缺" for present in row.contents),
        row.days_left,
        *figures,
        row.note,
    )


def _figure(number: Number | None) -> Figure | None:
    return None if number is None else Figure(number.value, number.approx)


def _text(cell: Cell | Figure) -> str:
    return "" if cell is None else str(cell)


# ---------------------------------------------------------------- formats


def render(summary: Summary, suffix: str) -> bytes:
    """The summary as a file of this kind: .xlsx, .csv or .md."""
    if suffix == ".xlsx":
        return render_xlsx(summary)
    if suffix == ".csv":
        return render_csv(summary)
    return render_summary_markdown(summary).encode("utf-8")


#: What a spreadsheet program reads as the start of a formula (OWASP, "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(text: str) -> str:
    """A field from a unit's file that Excel will show, never run: one starting like a
    formula (=HYPERLINK(…), +cmd|…) gets a leading apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def render_csv(summary: Summary) -> bytes:
    """UTF-8 with a BOM, so that Excel on Windows reads the Chinese right. Every field from
    a file is neutralised (``csv_safe``)."""
    out = io.StringIO()
    writer = csv.writer(out)

    def write(cells: Any) -> None:
        writer.writerow([csv_safe(_text(c)) for c in cells])

    for table in summary.tables:
        g = grid(table)
        write([g.title])
        write(g.header)
        for row in (*g.rows, *g.footer):
            write(row)
        write([])
    _problems_and_missing(summary, write)
    return out.getvalue().encode("utf-8-sig")


def render_summary_markdown(summary: Summary) -> str:
    lines: list[str] = []
    for table in summary.tables:
        g = grid(table)
        lines += [f"## {g.title}", "", _md_row(g.header), _md_row(("---",) * len(g.header))]
        lines += [_md_row(tuple(_text(c) for c in row)) for row in (*g.rows, *g.footer)]
        lines.append("")
    _problems_and_missing(summary, lambda line: lines.append("- " + "：".join(line)))
    return "\n".join(lines).rstrip() + "\n"


def _md_row(cells: tuple[str, ...]) -> str:
    escaped = (c.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ") for c in cells)
    return "| " + " | ".join(escaped) + " |"


def _problems_and_missing(summary: Summary, write: Any) -> None:
    for problem in summary.problems:
        write(["未能读取", str(problem.path), problem.message])
    for unit in summary.missing:
        write(["未报送", unit])


def summary_json(summary: Summary) -> dict[str, Any]:
    tables = []
    for table in summary.tables:
        columns = [
            {"id": c.id, "label": c.question.label, "unit": c.question.unit} for c in table.columns
        ]
        rows = [
            {
                "file": str(r.path),
                "unit": r.unit,
                "kind": r.kind,
                "year": r.year,
                "complete": r.complete,
                "errors": r.errors,
                "warnings": r.warnings,
                "contents": dict(zip(table.content_labels, r.contents, strict=True)),
                "days_left": r.days_left,
                "figures": {k: v.value for k, v in r.figures.items()},
                "approximate": sorted(k for k, v in r.figures.items() if v.approx),
                "previous": {k: v.value for k, v in r.previous.items()},
                "note": r.note,
            }
            for r in table.rows
        ]
        totals = {}
        for column in table.columns:
            total = table.total(column)
            if total is not None:
                totals[column.id] = total.value
        tables.append(
            {
                "questionnaire": {
                    "id": table.questionnaire.id,
                    "version": table.questionnaire.version,
                },
                "columns": columns,
                "rows": rows,
                "totals": totals,
            }
        )
    return {
        "tables": tables,
        "problems": [{"file": str(p.path), "message": p.message} for p in summary.problems],
        "missing": summary.missing,
    }


def render_xlsx(summary: Summary) -> bytes:
    """One sheet per questionnaire: a header row, frozen panes, number formats, totals."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for n, table in enumerate(summary.tables, 1):
        _table_sheet(book, n, table)
    if summary.problems or summary.missing:
        sheet = book.create_sheet(title="未读取和未报送")
        put_row(sheet, 1, ["情况", "文件或单位", "原因"])
        lines: list[list[str]] = []
        _problems_and_missing(summary, lines.append)
        for at, line in enumerate(lines, 2):
            put_row(sheet, at, line)
    if not book.sheetnames:
        put_row(book.create_sheet(title="汇总"), 1, ["没有找到答案文件"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table_sheet(book: Any, n: int, table: Table) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    g = grid(table)
    sheet = book.create_sheet(title=_sheet_name(table.title, n))
    put_row(sheet, 1, list(g.header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    at = 1
    for row in (*g.rows, *g.footer):
        at += 1
        put_row(sheet, at, [c.value if isinstance(c, Figure) else c for c in row])
        for column, c in enumerate(row, 1):
            if isinstance(c, Figure) and c.approx:
                formatted = sheet.cell(row=at, column=column)
                formatted.number_format = '0"余"' if isinstance(c.value, int) else '0.00"余"'
    for cell in sheet[at - len(g.footer) + 1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(row=2, column=3)  # header and file, unit stay in view
    for column in range(1, len(g.header) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 14 if column > 2 else 24


def put_row(sheet: Any, row: int, values: list[Any]) -> None:
    """A row of cells where text from a file is text: never a formula (a cell starting with
    = would otherwise be one), and without the control characters Excel refuses."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for column, value in enumerate(values, 1):
        if value is None:
            continue
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell.data_type = "s"
        else:
            cell.value = value


def _sheet_name(title: str, n: int) -> str:
    # Excel: at most 31 characters, none of []:*?/\ .
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in title)
    return f"{n}.{cleaned}"[:31]
