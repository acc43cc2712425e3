"""The county office's review table as files: CSV, Markdown, and JSON for other tools; one
grid per questionnaire, built once (``workbook`` writes it to Excel for printing)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from wizard.figures import Number
from wizard.report.summary import Summary, UnitRow, UnitTable

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class CellFigure:
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
    rows: tuple[tuple[Cell | CellFigure, ...], ...]
    #: 合计, 上年合计, 同比: under the figure columns.
    footer: tuple[tuple[Cell | CellFigure, ...], ...]
    #: Where the figure columns start (for number formats and widths).
    first_figure: int


def grid(table: UnitTable) -> Grid:
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
    blank: list[Cell | CellFigure] = [None] * (len(fixed) - 1)
    totals = [_figure(table.total(c)) for c in table.columns]
    before = [_figure(table.previous_total(c)) for c in table.columns]
    change = [table.year_on_year(c) for c in table.columns]
    footer = (
        ("合计", *blank, *totals, None),
        ("上年合计", *blank, *before, None),
        ("同比（%）", *blank, *(None if c is None else round(c, 1) for c in change), None),
    )
    return Grid(table.title, header, rows, footer, len(fixed))


def _row(row: UnitRow, table: UnitTable) -> tuple[Cell | CellFigure, ...]:
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


def _figure(number: Number | None) -> CellFigure | None:
    return None if number is None else CellFigure(number.value, number.approx)


def _text(cell: Cell | CellFigure) -> str:
    return "" if cell is None else str(cell)


# ---------------------------------------------------------------- formats


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
    for aside in summary.set_aside:
        write(["未计入", str(aside.path), f"{aside.unit}：{aside.reason}"])
    for missing in summary.missing:
        write(
            [
                "未报送",
                missing.unit,
                *([f"可能是：{'、'.join(missing.maybe)}"] * bool(missing.maybe)),
            ]
        )


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
        "missing": [{"unit": m.unit, "maybe": list(m.maybe)} for m in summary.missing],
        "set_aside": [
            {"file": str(a.path), "unit": a.unit, "reason": a.reason} for a in summary.set_aside
        ],
        "year": summary.year,
    }
