"""The county office's review table as an Excel workbook that prints.

Sheets: 总览 (one row per unit: verdict, the five contents, deadline, file), 数字 (one row per
unit, one column per figure, with 合计, 上年合计 and 同比; one sheet per questionnaire),
then 未报送, 未能读取 and 未计入 as lists when there is anything to list. Every sheet has a
title row and a header repeated on every printed page, borders, frozen panes, and prints
on A4 landscape fitted to the page's width. Text from a unit's file is always text.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from typing import Any

from wizard.render.sheet import CellFigure, grid
from wizard.report.summary import Summary, UnitRow, UnitTable

#: Rows above the data: the title, then the header (printed on every page).
_HEADER_ROW = 2


def render_xlsx(summary: Summary, county: str = "") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    styles = _add_styles(book)
    year = f"{summary.year}年" if summary.year is not None else ""
    title = f"{county}{year}法治政府建设年度报告报送情况"
    _overview(styles, title, summary)
    for n, table in enumerate(summary.tables, 1):
        name = "数字" if len(summary.tables) == 1 else f"数字{n}"
        _figures(styles, name, f"{title}：各项数字（{table.questionnaire.title}）", table)
    if summary.missing:
        rows = [[m.unit, "、".join(m.maybe)] for m in summary.missing]
        _list_sheet(styles, "未报送", f"{title}：未报送", ["单位", "可能是（请核实）"], rows)
    if summary.problems:
        rows = [[p.path.name, p.message, str(p.path)] for p in summary.problems]
        _list_sheet(styles, "未能读取", f"{title}：未能读取", ["文件", "原因", "位置"], rows)
    if summary.set_aside:
        rows = [[a.unit, a.path.name, a.reason] for a in summary.set_aside]
        _list_sheet(styles, "未计入", f"{title}：未计入的文件", ["单位", "文件", "原因"], rows)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def put_row(sheet: Any, row: int, values: Sequence[Any]) -> None:
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


# ---------------------------------------------------------------- sheets


def _overview(styles: _Styles, title: str, summary: Summary) -> None:
    # The regulation's five contents; a questionnaire of its own may name them otherwise,
    # or have none (its cells stay empty).
    kinds = {t.content_labels for t in summary.tables if t.content_labels}
    labels = max(kinds, key=len, default=())
    count = max((len(k) for k in kinds), default=0)
    contents = [f"内容{n}" for n in range(1, count + 1)]  # named in full under the table
    header = ["单位", "类别", "检查结果", *contents, "公开期限", "剩余天数", "文件", "备注"]
    rows = [_overview_row(row, count) for table in summary.tables for row in table.rows]
    rows.sort(key=lambda cells: str(cells[0]))
    widths = [22, 8, 10, *([10] * len(contents)), 12, 13, 22, 18]
    sheet = _sheet(styles, "总览", title, header, rows, widths)
    for at, cells in enumerate(rows, _HEADER_ROW + 1):
        for column, value in enumerate(cells, 1):
            if isinstance(value, str) and value.startswith("✗"):
                styles.put(sheet.cell(row=at, column=column), "标记")
    if not rows:
        put_row(sheet, _HEADER_ROW + 1, ["没有找到答案文件"])
    legend = _HEADER_ROW + max(len(rows), 1) + 2
    if len(kinds) == 1:
        for n, label in enumerate(labels, 1):
            put_row(sheet, legend + n - 1, [f"内容{n}：{label}"])
    elif kinds:
        put_row(sheet, legend, ["内容1—内容5：各问卷所列的报告内容，顺序同问卷"])


def _overview_row(row: UnitRow, contents: int) -> list[Any]:
    verdict = "✓" if row.complete else f"✗ {row.errors}"
    days = row.days_left
    left = "" if days is None else (f"还有{days}天" if days >= 0 else f"✗ 逾期{-days}天")
    return [
        row.unit,
        row.kind,
        verdict,
        *("✓" if present else "✗ 缺" for present in row.contents),
        *[""] * (contents - len(row.contents)),
        row.deadline.isoformat() if row.deadline else "",
        left,
        row.path.name,
        row.note,
    ]


def _figures(styles: _Styles, name: str, title: str, table: UnitTable) -> None:
    g = grid(table)
    # The figure columns some unit filled in (a sheet of empty columns prints for nothing).
    used = [
        at
        for at in range(g.first_figure, len(g.header) - 1)
        if any(cells[at] is not None for cells in g.rows)
    ]
    header = ["单位", *(g.header[at] for at in used)]
    rows = [[r.unit, *(c[at] for at in used)] for r, c in zip(table.rows, g.rows, strict=True)]
    rows.sort(key=lambda cells: str(cells[0]))
    # 上年合计 and 同比 only where last year is known.
    footer = [[c[0], *(c[at] for at in used)] for c in g.footer]
    footer = [line for line in footer if any(x is not None for x in line[1:])]
    widths = [22, *([12] * (len(header) - 1))]
    # Too many columns to fit a page's width readably: the pages run across, each with
    # the units' names (the first column) and the header.
    sheet = _sheet(styles, name, title, header, [*rows, *footer], widths, fit_width=False)
    sheet.print_title_cols = "A:A"
    for at, cells in enumerate([*rows, *footer], _HEADER_ROW + 1):
        total = at > _HEADER_ROW + len(rows)
        for column, value in enumerate(cells, 1):
            approx = isinstance(value, CellFigure) and value.approx
            if approx or total:
                whole = not isinstance(value, CellFigure) or isinstance(value.value, int)
                style = (
                    ("合计" if total else "")
                    + ("约数" if approx else "")
                    + ("" if whole else "小数")
                )
                styles.put(sheet.cell(row=at, column=column), style or "表格")


def _list_sheet(
    styles: _Styles, name: str, title: str, header: list[str], rows: list[list[Any]]
) -> None:
    _sheet(styles, name, title, header, rows, [24, 40, 40][: len(header)])


def _sheet(
    styles: _Styles,
    name: str,
    title: str,
    header: list[str],
    rows: list[list[Any]],
    widths: list[int],
    fit_width: bool = True,
) -> Any:
    """A sheet with its title, its header and its rows, bordered, set up to print."""
    from openpyxl.styles import Alignment, Font

    sheet = styles.book.create_sheet(title=name)
    put_row(sheet, 1, [title])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    # Centred over a table that fits a page; else where the first page starts.
    sheet.cell(row=1, column=1).alignment = Alignment(horizontal="center" if fit_width else "left")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(len(header), 1))
    sheet.row_dimensions[1].height = 28
    put_row(sheet, _HEADER_ROW, header)
    for at, cells in enumerate(rows, _HEADER_ROW + 1):
        put_row(sheet, at, [c.value if isinstance(c, CellFigure) else c for c in cells])
    for line in sheet.iter_rows(
        min_row=_HEADER_ROW, max_row=_HEADER_ROW + len(rows), max_col=len(header)
    ):
        for cell in line:
            styles.put(cell, "表格")
    for cell in sheet[_HEADER_ROW][: len(header)]:
        styles.put(cell, "表头")
    _widths(sheet, widths)
    # Spreadsheet programs do not grow a row for wrapped text they did not lay out: each
    # row is as tall as its longest cell needs.
    for at, cells in enumerate([header, *rows], _HEADER_ROW):
        lines = max((cell_lines(c, w) for c, w in zip(cells, widths, strict=False)), default=1)
        if lines > 1:
            sheet.row_dimensions[at].height = 16 * lines
    sheet.freeze_panes = sheet.cell(row=_HEADER_ROW + 1, column=2)  # header and unit in view
    sheet.print_options.horizontalCentered = True
    print_setup(sheet, _HEADER_ROW, fit_width)
    return sheet


def print_setup(sheet: Any, header_rows: int, fit_width: bool = True) -> None:
    """A4 landscape, the title and header on every page, numbered pages; fitted to the
    page's width unless the columns are too many to read that small."""
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.print_title_rows = f"1:{header_rows}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if fit_width:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def cell_lines(value: Any, width: int) -> int:
    """How many lines a cell's text takes in a column this wide (a Chinese character is
    two units of a column's width)."""
    if value is None:
        return 1
    text = str(value)
    if 2 * len(text) < width:  # fits whatever its characters are
        return 1
    units = sum(2 if ord(c) > 0x2E7F else 1 for c in text)
    return max(1, -(-units // max(width - 1, 1)))


def _widths(sheet: Any, widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width


class _Styles:
    """The workbook's named styles, put on its cells. openpyxl finds a named style by its
    name among all of them for every cell it is set on, which was a quarter of the time of
    a workbook of 2,000 units: here each style is found once, and every further cell gets
    a copy of its style array, as openpyxl's own assignment gives it after the search."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self._arrays: dict[str, Any] = {}

    def put(self, cell: Any, name: str) -> None:
        array = self._arrays.get(name)
        if array is None:
            cell.style = name
            self._arrays[name] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(array)


def _add_styles(book: Any) -> _Styles:
    """The workbook's cell styles, named once (a style set cell by cell costs openpyxl a
    comparison with every style it has, and 2,000 units have 100,000 cells)."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")

    def add(name: str, **looks: Any) -> None:
        book.add_named_style(NamedStyle(name=name, border=border, alignment=wrap, **looks))

    add("表格")
    add("表头", font=Font(bold=True))
    # A ✗ the office should see on paper too: red text on a light fill.
    add("标记", font=Font(color="C00000", bold=True), fill=PatternFill("solid", fgColor="FDE9E7"))
    for prefix, font in (("", Font()), ("合计", Font(bold=True))):
        if prefix:
            add(prefix, font=font)
            add(prefix + "小数", font=font)
        add(prefix + "约数", font=font, number_format='0"余"')
        add(prefix + "约数小数", font=font, number_format='0.00"余"')
    return _Styles(book)
