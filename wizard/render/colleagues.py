"""The colleagues' sheet as an Excel workbook: written for them to fill, read back.

Each sheet: a title, a line of instructions, a header, then one row per figure. Only the
cells for this year's value, who filled it and a note can be changed (the sheet is
protected without a password, so that the clerk can lift it); the value cell offers
Excel's own check (whole numbers, percentages 0–100) as a warning, because 约 and 余 are
allowed. A hidden sheet records whose report it is, so that a sheet of another unit, year
or questionnaire is refused when it comes back.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from wizard.base.files import read_bytes, zip_members
from wizard.gathering import Filled, GatheringError, Source, Wanted
from wizard.render.workbook import cell_lines, print_setup

_SOURCE_SHEET = "_来源"
_KEYS = ("unit", "year", "questionnaire")
_HEADER = [
    "编号",
    "所属部分",
    "要填的数字",
    "说明",
    "单位",
    "上年",
    "本年（请填写）",
    "填报人",
    "备注",
]
_VALUE, _WHO, _NOTE = 7, 8, 9  # columns the colleague fills
_HEADER_ROW = 3
_MARK = "report-wizard 数字收集表"


def write(source: Source, sheets: dict[str, list[Wanted]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        _figures_sheet(book, _sheet_name(name, book.sheetnames), source, rows)
    meta = book.create_sheet(_SOURCE_SHEET)
    for at, (key, value) in enumerate(
        (
            ("mark", _MARK),
            *zip(_KEYS, (source.unit, source.year, source.questionnaire), strict=True),
        ),
        1,
    ):
        meta.cell(at, 1).value = key
        cell = meta.cell(at, 2)
        cell.value, cell.data_type = value, "s"
    meta.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read(path: Path, expected: Source) -> list[Filled]:
    """Every value filled in, as typed; refuses a sheet that is not this report's."""
    from openpyxl import load_workbook

    data = read_bytes(path)  # an ordinary file, not a huge one (see files)
    _not_a_bomb(path, data)
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl fails on a damaged file in many ways (lxml's too)
        raise GatheringError(
            f"{path.name} 不是能读取的 Excel 文件（{type(error).__name__}），没有读入"
        ) from None
    if _SOURCE_SHEET not in book.sheetnames:
        raise GatheringError(f"{path.name} 不是用 sheet 命令生成的数字收集表，没有读入")
    _check_source(path, book, expected)
    filled = []
    for sheet in book.worksheets:
        if sheet.title != _SOURCE_SHEET:
            filled += _filled(path, sheet)
    return filled


#: A sheet of a few dozen figures unpacks to well under a megabyte.
_UNPACKED_LIMIT = 20 * 1024 * 1024


def _not_a_bomb(path: Path, data: bytes) -> None:
    """Refuse, before openpyxl parses anything, a workbook that would unpack to too much."""
    members = zip_members(data)
    if members is None:
        raise GatheringError(f"{path.name} 不是能读取的 Excel 文件（已损坏），没有读入")
    if sum(m.file_size for m in members) <= _UNPACKED_LIMIT:
        return
    raise GatheringError(f"{path.name} 解压后超过 20 MB，不像是一张数字收集表，没有读入")


def _check_source(path: Path, book: Any, expected: Source) -> None:
    meta = {str(r[0].value): str(r[1].value or "") for r in book[_SOURCE_SHEET].iter_rows()}
    found = Source(*(meta.get(key, "") for key in _KEYS))
    if meta.get("mark") != _MARK:
        raise GatheringError(f"{path.name} 不是用 sheet 命令生成的数字收集表，没有读入")
    for what, theirs, ours in (
        ("单位", found.unit, expected.unit),
        ("年度", found.year, expected.year),
        ("问卷", found.questionnaire, expected.questionnaire),
    ):
        if theirs != ours:
            raise GatheringError(
                f"{path.name} 是“{found.unit} {found.year}”的数字收集表，"
                f"{what}（{theirs or '空'}）与这份答案文件（{ours or '空'}）不同，没有读入"
            )


def _filled(path: Path, sheet: Any) -> list[Filled]:
    filled = []
    for row in sheet.iter_rows(min_row=_HEADER_ROW + 1):
        if len(row) < _VALUE or row[0].value is None:
            continue
        text = _text(row[_VALUE - 1].value)
        if text:
            who = _text(row[_WHO - 1].value) if len(row) >= _WHO else ""
            where = f"{path.name} 工作表“{sheet.title}”{row[_VALUE - 1].coordinate}"
            filled.append(Filled(str(row[0].value), text, where, who))
    return filled


def _text(value: Any) -> str:
    """A cell as the colleague typed it: 960 (not 960.0), 97.5, 10000余."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _figures_sheet(book: Any, name: str, source: Source, rows: list[Wanted]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(name)
    title = f"{source.unit}{source.year}年法治政府建设年度报告：数字收集表（{name}）"
    # Column A (what each row answers) is hidden: the title starts in B.
    sheet.cell(1, 2).value = title
    sheet.cell(1, 2).font = Font(bold=True, size=14)
    sheet.cell(2, 2).value = (
        "请在黄色格子中填写本年的数字（约数可写“10000余”“约5000”），并写上填报人；"
        "其他格子不能改动。填好后把文件发回。"
    )
    sheet.merge_cells(start_row=1, start_column=2, end_row=1, end_column=len(_HEADER))
    sheet.merge_cells(start_row=2, start_column=2, end_row=2, end_column=len(_HEADER))
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    fill = PatternFill("solid", fgColor="FFF2CC")
    for column, text in enumerate(_HEADER, 1):
        cell = sheet.cell(_HEADER_ROW, column)
        cell.value, cell.font, cell.border, cell.alignment = text, Font(bold=True), border, wrap
    counts = _validation("whole", "0", None, "这里填整数，如 960；约数可写“10000余”")
    rates = _validation("decimal", "0", "100", "这里填 0 到 100 之间的百分数，如 97.5")
    decimals = _validation("decimal", "0", None, "这里填数字，如 12.5")
    for validation in (counts, rates, decimals):
        sheet.add_data_validation(validation)
    for at, wanted in enumerate(rows, _HEADER_ROW + 1):
        values = [
            wanted.id, wanted.group, wanted.label, wanted.help, wanted.unit,
            wanted.previous, wanted.current, "", "",
        ]  # fmt: skip
        for column, value in enumerate(values, 1):
            cell = sheet.cell(at, column)
            if value:
                cell.value, cell.data_type = value, "s"
            cell.border, cell.alignment = border, wrap
            if column in (_VALUE, _WHO, _NOTE):
                cell.protection = Protection(locked=False)
                cell.fill = fill
        ref = f"{get_column_letter(_VALUE)}{at}"
        {"percent": rates, "decimal": decimals}.get(wanted.kind, counts).add(ref)
    widths = (10, 24, 28, 36, 8, 12, 16, 14, 20)
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for at, wanted in enumerate(rows, _HEADER_ROW + 1):  # tall enough for wrapped text
        texts = (wanted.group, wanted.label, wanted.help)
        lines = max(cell_lines(text, width) for text, width in zip(texts, widths[1:4], strict=True))
        sheet.row_dimensions[at].height = 16 * lines
    sheet.column_dimensions["A"].hidden = True  # what the row answers, for reading it back
    sheet.freeze_panes = sheet.cell(_HEADER_ROW + 1, 1)
    print_setup(sheet, _HEADER_ROW)
    sheet.protection.sheet = True  # no password: the clerk may lift it


def _validation(kind: Any, low: str, high: str | None, message: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(
        type=kind,
        operator="between" if high else "greaterThanOrEqual",
        formula1=low,
        formula2=high,
        errorStyle="warning",  # 约 and 余 are allowed: Excel asks, the wizard checks
        showErrorMessage=True,
        errorTitle="请核对",
        error=message + "。确实要这样填，请点“是”。",
        showInputMessage=True,
        promptTitle="本年的数字",
        prompt=message,
    )


def _sheet_name(name: str, taken: list[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ , and each name once.
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name)[:28] or "数字"
    candidate, n = cleaned, 2
    while candidate in taken:
        candidate, n = f"{cleaned[:26]}{n}", n + 1
    return candidate
