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
from wizard import answers, questionnaire, session
from wizard.cli import app
from wizard.interview import Interview
from wizard.questionnaire import Questionnaire, prompts_dir
from wizard.render import sheet
from wizard.summary import summarize

TODAY = dt.date(2023, 3, 1)


def run(*args: str | Path, width: int = 200) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(width)})
    return result.exit_code, result.output


def save(path: Path, document: dict[str, object]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    answers.save(path, document)
    return path


@pytest.fixture
def folder(tmp_path: Path, township: Questionnaire, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Five townships' files of 2022 (one complete, one carried on to 2023), one of another
    questionnaire, one broken file, and what must be left out (a backup, a hidden file)."""
    root = tmp_path / "收到的报告"
    example = answers.load(prompts_dir() / "examples" / "township-2022.toml")

    complete = Interview(township, dict(example), TODAY)
    items = complete.items("shortcomings")
    complete.set("shortcomings", tuple(dict(i, cause="人手不足。") for i in items))
    complete.answer("leaders_intro", "乡党委书记、乡长带头履行第一责任人职责。")
    complete.answer("other_matters", "无")
    save(root / "杉岭乡.toml", complete.document)

    qingshi = answers.new_document("township", township.version)
    qingshi |= {"unit_name": "青石镇", "unit_kind": "镇", "year": 2022}
    qingshi |= {"disputes_found": 40, "disputes_resolved": 38}
    qingshi["materials"] = {"value": 5000, "approx": True}
    save(root / "乡镇" / "青石镇.toml", qingshi)

    baisha = answers.new_document("township", township.version)
    baisha |= {"unit_name": "白沙街道", "unit_kind": "街道", "year": 2022, "disputes_found": 0}
    save(root / "乡镇" / "白沙街道.toml", baisha)

    carried = session.carry_over(township, complete.document, dict(qingshi), "杉岭乡.toml")
    carried |= {"unit_name": "杉岭乡", "disputes_found": 150, "materials": 12000}
    save(root / "2023" / "杉岭乡2023.toml", carried)

    monkeypatch.setattr(questionnaire.locate, "prompts_dir", lambda: tmp_path / "prompts")
    (tmp_path / "prompts").mkdir()
    shutil.copy(prompts_dir() / "township.toml", tmp_path / "prompts" / "township.toml")
    shutil.copytree(prompts_dir() / "base", tmp_path / "prompts" / "base")
    shutil.copy(DATA / "mini.toml", tmp_path / "prompts" / "mini.toml")
    mini = answers.new_document("mini", "2.1")
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
        "乡镇（街道）法治政府建设年度报告 2023年（1 份）",
    ]
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
    table = summarize([folder], TODAY).tables[2]
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
    assert data["missing"] == ["柳溪乡", "东门街道"]
    assert [p["file"].endswith("坏的.toml") for p in data["problems"]] == [True]
    township_2022 = data["tables"][1]
    assert township_2022["questionnaire"]["id"] == "township"
    assert township_2022["totals"]["disputes_found"] == 165
    first = township_2022["rows"][0]
    assert {"unit", "kind", "year", "complete", "errors", "warnings", "contents"} <= set(first)


def test_excel_has_header_frozen_panes_figures_and_totals(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "汇总.xlsx"
    code, output = run("summary", folder, "-o", out)
    assert code == 0, output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[-1] == "未读取和未报送"
    sheet_ = book[book.sheetnames[1]]
    header = [c.value for c in sheet_[1]]
    assert header[:5] == ["文件", "单位", "类别", "年度", "检查结果"]
    assert sheet_.freeze_panes == "C2"
    disputes = header.index("排查调处矛盾纠纷（件）") + 1
    by_unit = {sheet_.cell(row=r, column=2).value: r for r in range(2, sheet_.max_row + 1)}
    assert sheet_.cell(row=by_unit["青石镇"], column=disputes).value == 40
    total_row = next(r for r in range(2, sheet_.max_row + 1) if sheet_.cell(r, 1).value == "合计")
    assert sheet_.cell(row=total_row, column=disputes).value == 165
    materials = header.index("发放宣传资料（份）") + 1
    approx = sheet_.cell(row=by_unit["青石镇"], column=materials)
    assert approx.value == 5000 and approx.number_format == '0"余"'
    assert out.stat().st_size > 0
    assert run("summary", folder, "-o", out)[0] == 2  # never over an existing file


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
    assert sheet.render_xlsx(summarize([tmp_path]))  # an empty workbook is still a workbook


def test_a_file_open_in_the_wizard_is_read_and_marked(folder: Path) -> None:
    path = folder / "乡镇" / "青石镇.toml"
    with answers.Lock(path):
        summary = summarize([folder], TODAY)
    rows = {r.unit: r for t in summary.tables for r in t.rows}
    assert "正在另一个窗口中编辑" in rows["青石镇"].note
    assert rows["白沙街道"].note == ""
    assert not (folder / "乡镇" / ".白沙街道.toml.lock").exists()  # looking creates no lock
