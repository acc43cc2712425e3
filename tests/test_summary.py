"""The county office's review table over a folder of answers files: rows, totals, 同比, units
that sent nothing, files that could not be read; on screen, in Excel, CSV, Markdown, JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from tests.conftest import DATA
from wizard import questionnaire
from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.cli.app import app
from wizard.questionnaire import Questionnaire, prompts_dir
from wizard.render import workbook
from wizard.report import next_year
from wizard.report import summary as summary_module
from wizard.report.summary import summarize
from wizard.state.interview import Interview

TODAY = dt.date(2023, 3, 1)


def run(*args: str | Path, width: int = 200) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(width)})
    return result.exit_code, result.output


def save(path: Path, document: dict[str, object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    disk.save(path, document)
    return path


@pytest.fixture
def folder(tmp_path: Path, township: Questionnaire, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Five townships' files of 2022 (one complete, one carried on to 2023), one of another
    questionnaire, one broken file, and what must be left out (a backup, a hidden file)."""
    root = tmp_path / "收到的报告"
    example = disk.load(prompts_dir() / "examples" / "township-2022.toml")

    complete = Interview(township, dict(example), TODAY)
    items = complete.items("shortcomings")
    complete.set("shortcomings", tuple(dict(i, cause="人手不足。") for i in items))
    complete.answer("leaders_intro", "乡党委书记、乡长带头履行第一责任人职责。")
    complete.answer("other_matters", "无")
    save(root / "杉岭乡.toml", complete.document.to_toml())

    qingshi = disk.new_document("township", township.version)
    qingshi |= {"unit_name": "青石镇", "unit_kind": "镇", "year": 2022}
    qingshi |= {"disputes_found": 40, "disputes_resolved": 38}
    qingshi["materials"] = {"value": 5000, "approx": True}
    save(root / "乡镇" / "青石镇.toml", qingshi)

    baisha = disk.new_document("township", township.version)
    baisha |= {"unit_name": "白沙街道", "unit_kind": "街道", "year": 2022, "disputes_found": 0}
    save(root / "乡镇" / "白沙街道.toml", baisha)

    carried = next_year.carry_over(
        township, complete.document, AnswersDocument(qingshi), "杉岭乡.toml"
    ).to_toml()
    carried |= {"unit_name": "杉岭乡", "disputes_found": 150, "materials": 12000}
    save(root / "2023" / "杉岭乡2023.toml", carried)

    monkeypatch.setattr(questionnaire.places, "prompts_dir", lambda: tmp_path / "prompts")
    (tmp_path / "prompts").mkdir()
    shutil.copy(prompts_dir() / "township.toml", tmp_path / "prompts" / "township.toml")
    shutil.copytree(prompts_dir() / "base", tmp_path / "prompts" / "base")
    shutil.copy(DATA / "mini.toml", tmp_path / "prompts" / "mini.toml")
    mini = disk.new_document("mini", "2.1")
    mini |= {"org": "南街社区", "year": 2022, "visits": 8}
    save(root / "社区" / "南街社区.toml", mini)

    (root / "坏的.toml").write_text("unit_name = 没有引号\n", encoding="utf-8")
    (root / "青石镇.toml.bak").write_text("not read", encoding="utf-8")
    save(root / ".隐藏" / "x.toml", dict(qingshi))
    return root


def test_rows_totals_and_problems(folder: Path) -> None:
    summary = summarize([folder], TODAY)
    titles = [t.title for t in summary.tables]
    assert titles == [
        "社区服务年度小结（1 份）",  # its questionnaire names no year question
        "乡镇（街道）法治政府建设年度报告 2022年（3 份）",
    ]
    [aside] = summary.set_aside  # the one report of 2023 is not added to those of 2022
    assert aside.path.name == "杉岭乡2023.toml" and "2023年" in aside.reason
    table = summary.tables[1]
    rows = {r.unit: r for r in table.rows}
    assert set(rows) == {"杉岭乡", "青石镇", "白沙街道"}
    assert rows["杉岭乡"].complete and rows["杉岭乡"].errors == 0
    assert rows["杉岭乡"].contents == (True,) * 5
    assert not rows["青石镇"].complete and rows["青石镇"].contents[2] is False
    assert rows["白沙街道"].kind == "街道" and rows["白沙街道"].year == 2022
    assert rows["杉岭乡"].days_left == 31
    column = next(c for c in table.columns if c.id == "disputes_found")
    total = table.total(column)
    assert total is not None and total.value == 125 + 40 + 0 and not total.approx
    materials = next(c for c in table.columns if c.id == "materials")
    total = table.total(materials)
    assert total is not None and total.value == 15000 and total.approx  # 10000余 + 约5000
    rate = next(c for c in table.columns if c.id == "resolve_rate")
    assert table.total(rate) is None  # rates do not add up
    [problem] = summary.problems
    assert problem.path.name == "坏的.toml" and "第 1 行" in problem.message


def test_year_on_year_from_files_started_from_last_year(folder: Path) -> None:
    table = summarize([folder], TODAY, year=2023).tables[1]
    [row] = table.rows
    assert row.year == 2023 and row.previous["disputes_found"].value == 125
    column = next(c for c in table.columns if c.id == "disputes_found")
    before = table.previous_total(column)
    assert before is not None and before.value == 125
    change = table.year_on_year(column)
    assert change is not None and round(change, 1) == 20.0


def test_units_that_sent_nothing(folder: Path, tmp_path: Path) -> None:
    units = tmp_path / "名单.txt"
    units.write_text("# 应报送\n杉岭乡\n青 石 镇\n\n柳溪乡\n东门街道\n", encoding="utf-8")
    code, output = run("summary", folder, "--expect", units, "--json")
    assert code == 0
    data = json.loads(output)
    assert data["missing"] == [{"unit": "柳溪乡", "maybe": []}, {"unit": "东门街道", "maybe": []}]
    assert [p["file"].endswith("坏的.toml") for p in data["problems"]] == [True]
    township_2022 = data["tables"][1]
    assert township_2022["questionnaire"]["id"] == "township"
    assert township_2022["totals"]["disputes_found"] == 165
    first = township_2022["rows"][0]
    assert {"unit", "kind", "year", "complete", "errors", "warnings", "contents"} <= set(first)


def test_excel_prints_an_overview_and_the_figures(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "汇总.xlsx"
    code, output = run("summary", folder, "-o", out, "--county", "云溪县")
    assert code == 0, output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[:2] == ["总览", "数字1"]
    assert {"未能读取", "未计入"} <= set(book.sheetnames)
    overview = book["总览"]
    assert overview["A1"].value == "云溪县2022年法治政府建设年度报告报送情况"
    assert "A1:" in str(overview.merged_cells)
    header = [c.value for c in overview[2]]
    assert header[:3] == ["单位", "类别", "检查结果"] and header[-2:] == ["文件", "备注"]
    rows = [r for r in range(3, overview.max_row + 1) if overview.cell(r, 3).value]
    by_unit = {overview.cell(row=r, column=1).value: r for r in rows}
    assert set(by_unit) == {"南街社区", "杉岭乡", "青石镇", "白沙街道"}
    legend = [overview.cell(r, 1).value for r in range(rows[-1] + 1, overview.max_row + 1)]
    assert "内容1—内容5：各问卷所列的报告内容，顺序同问卷" in legend
    assert overview.cell(by_unit["杉岭乡"], 3).value == "✓"
    verdict = overview.cell(by_unit["青石镇"], 3)
    assert str(verdict.value).startswith("✗ ") and verdict.font.color.rgb.endswith("C00000")
    for sheet_ in book.worksheets:  # every sheet prints: title and header on every page
        assert sheet_.print_title_rows == "$1:$2"
        assert sheet_.page_setup.orientation == "landscape"
        fit = sheet_.sheet_properties.pageSetUpPr
        if sheet_.title.startswith("数字"):  # too wide to fit: the names print on every page
            assert sheet_.print_title_cols == "$A:$A" and not (fit and fit.fitToPage)
        else:
            assert sheet_.page_setup.fitToWidth == 1 and sheet_.page_setup.fitToHeight == 0
            assert fit is not None and fit.fitToPage
        assert sheet_.freeze_panes == "B3"
        assert sheet_.cell(2, 1).border.left.style == "thin"
    figures = book["数字2"]
    header = [c.value for c in figures[2]]
    assert header[0] == "单位"
    disputes = header.index("排查调处矛盾纠纷（件）") + 1
    by_unit = {figures.cell(row=r, column=1).value: r for r in range(3, figures.max_row + 1)}
    assert figures.cell(by_unit["青石镇"], disputes).value == 40
    assert figures.cell(by_unit["合计"], disputes).value == 165
    assert "上年合计" not in by_unit  # no file of 2022 carries its 2021 figures
    materials = header.index("发放宣传资料（份）") + 1
    approx = figures.cell(by_unit["青石镇"], materials)
    assert approx.value == 5000 and approx.number_format == '0"余"'


def test_an_existing_output_is_refused_before_any_file_is_read(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "汇总.xlsx"
    out.write_bytes(b"the office's own table")

    def not_now(*_: object, **__: object) -> None:
        raise AssertionError("read before the output was found taken")

    monkeypatch.setattr(summary_module, "summarize", not_now)
    code, output = run("summary", folder, "-o", out)
    assert code == 2 and "已经存在，没有覆盖" in output
    assert out.read_bytes() == b"the office's own table"


def test_csv_and_markdown(folder: Path, tmp_path: Path) -> None:
    assert run("summary", folder, "-o", tmp_path / "a.csv")[0] == 0
    raw = (tmp_path / "a.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert any(r[:2] == ["白沙街道.toml", "白沙街道"] for r in rows)
    assert any(r[:1] == ["未能读取"] for r in rows)
    assert run("summary", folder, "-o", tmp_path / "a.md")[0] == 0
    markdown = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert "| 文件 | 单位 |" in markdown and "| 合计 |" in markdown
    assert run("summary", folder, "-o", tmp_path / "a.pdf")[0] == 2


def test_the_terminal_table_fits_80_columns(folder: Path) -> None:
    code, output = run("summary", folder, "--figures", width=80)
    assert code == 0
    assert "杉岭乡" in output and "白沙街道" in output and "数字汇总" in output
    assert "未能读取：" in output
    assert max(cell_len(line) for line in output.splitlines()) <= 80


def test_a_folder_with_nothing_in_it(tmp_path: Path) -> None:
    code, output = run("summary", tmp_path, tmp_path / "没有这个")
    assert code == 0
    assert "找不到" in output
    assert workbook.render_xlsx(summarize([tmp_path]))  # an empty workbook is still a workbook


def test_a_file_open_in_the_wizard_is_read_and_marked(folder: Path) -> None:
    path = folder / "乡镇" / "青石镇.toml"
    with disk.Lock(path):
        summary = summarize([folder], TODAY)
    rows = {r.unit: r for t in summary.tables for r in t.rows}
    assert "正在另一个窗口中编辑" in rows["青石镇"].note
    assert rows["白沙街道"].note == ""
    assert not (folder / "乡镇" / ".白沙街道.toml.lock").exists()  # looking creates no lock
