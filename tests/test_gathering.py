"""Figures gathered from colleagues: ``sheet`` → a colleague fills it in Excel (openpyxl
here) → ``merge``. Every value is checked as a typed answer is; nothing replaces an answer
already given without --force; a sheet of another unit, year or questionnaire is refused."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import openpyxl
import pexpect
import pytest
from typer.testing import CliRunner

from wizard.answersfile import disk
from wizard.cli.app import app
from wizard.questionnaire import prompts_dir

EXAMPLE = prompts_dir() / "examples" / "township-2022.toml"
SCRIPT = Path(sys.executable).with_name("report-wizard")


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    return result.exit_code, result.output


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "白沙镇.toml"
    shutil.copy(EXAMPLE, path)
    return path


def rows(path: Path) -> dict[str, tuple[str, int]]:
    """Question id → (sheet, row) of a written sheet."""
    book = openpyxl.load_workbook(path)
    return {
        str(ws.cell(r, 1).value): (ws.title, r)
        for ws in book.worksheets
        if ws.title != "_来源"
        for r in range(4, ws.max_row + 1)
        if ws.cell(r, 1).value
    }


def fill(path: Path, values: dict[str, int | str], who: str = "") -> None:
    book = openpyxl.load_workbook(path)
    where = rows(path)
    for question, value in values.items():
        title, row = where[question]
        book[title].cell(row, 7).value = value
        book[title].cell(row, 8).value = who or None
    book.save(path)


def test_the_sheet_asks_what_is_still_to_gather(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "收集.xlsx"
    code, output = run("sheet", report, "-o", out)
    assert code == 0, output
    document = disk.load(report)
    asked = rows(out)
    assert asked and not set(asked) & {k for k, v in document.items() if isinstance(v, int)}
    assert "disputes_found" not in asked  # answered already
    book = openpyxl.load_workbook(out)
    sheet = book["数字"]
    assert [c.value for c in sheet[3]][2:7] == [
        "要填的数字",
        "说明",
        "单位",
        "上年",
        "本年（请填写）",
    ]
    assert sheet.column_dimensions["A"].hidden  # what each row answers: not for the eye
    assert sheet.protection.sheet and not sheet.protection.password
    first = 4
    assert sheet.cell(first, 7).protection.locked is False  # the value, who, a note
    assert sheet.cell(first, 8).protection.locked is False
    assert sheet.cell(first, 3).protection.locked is not False  # the question stays
    kinds = {v.type for v in sheet.data_validations.dataValidation}
    assert {"whole", "decimal"} <= kinds
    rate = next(v for v in sheet.data_validations.dataValidation if v.formula2 == "100")
    assert rate.errorStyle == "warning" and "百分数" in str(rate.error)
    assert book["_来源"].sheet_state == "hidden"
    assert "白沙镇" not in str(sheet.cell(1, 2).value)  # the unit's own name: the file's
    assert "杉岭乡2022年法治政府建设年度报告" in str(sheet.cell(1, 2).value)


def test_one_sheet_per_topic_and_a_part_alone(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "每个专题.xlsx"
    assert run("sheet", report, "-o", out, "--all", "--by", "专题")[0] == 0
    names = openpyxl.load_workbook(out).sheetnames
    assert len(names) > 3 and names[-1] == "_来源"
    alone = tmp_path / "第一责任人.xlsx"
    assert run("sheet", report, "-o", alone, "--all", "--part", "第一责任人")[0] == 0
    assert set(rows(alone)) == {"leader_meetings", "leader_lectures", "leader_court"}
    code, output = run("sheet", report, "-o", tmp_path / "x.xlsx", "--part", "没有这部分")
    assert code == 2 and "有数字的部分和专题：" in output and "第一责任人履职情况" in output
    assert run("sheet", report, "-o", tmp_path / "x.csv")[0] == 2


def test_fill_and_merge_with_a_mistake_and_a_conflict(report: Path, tmp_path: Path) -> None:
    ours = tmp_path / "党政办.xlsx"
    theirs = tmp_path / "综治中心.xlsx"
    assert run("sheet", report, "-o", ours, "--topic", "组织领导")[0] == 0
    assert run("sheet", report, "-o", theirs, "--topic", "矛盾调解", "--all")[0] == 0
    fill(ours, {"party_meetings": 6, "responsibility_letters": "20余"}, who="党政办")
    fill(theirs, {"petitions": "很多", "mediation_committees": 15, "disputes_found": 130})
    code, output = run("merge", report, ours, theirs, "--yes")
    assert code == 2, output  # one value refused: said, with its cell
    assert "党委、政府会议专题研究法治建设：空 → 6次（来自：党政办）" in output
    assert "综治中心.xlsx 工作表“数字”" in output and "“很多”" in output
    assert "排查调处矛盾纠纷：125件 → 130件" in output and "--force" in output
    document = disk.load(report)
    assert document["party_meetings"] == 6 and document["mediation_committees"] == 15
    assert document["responsibility_letters"] == {"value": 20, "hedge": "余"}
    assert document["disputes_found"] == 125 and "petitions" not in document
    code, output = run("merge", report, theirs, "--yes", "--force")
    assert disk.load(report)["disputes_found"] == 130
    assert "已保存" in output
    code, output = run("merge", report, ours, "--yes")  # again: nothing new
    assert code == 0 and "没有要保存的改动" in output and "相同" in output


def test_a_rule_between_figures_refuses_the_value(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "调解.xlsx"
    assert run("sheet", report, "-o", out, "--topic", "矛盾调解", "--all")[0] == 0
    fill(out, {"disputes_resolved": 999})
    code, output = run("merge", report, out, "--yes", "--force")
    assert code == 2 and "不能多于" in output and "G" in output
    assert disk.load(report)["disputes_resolved"] == 125


def test_a_sheet_of_another_year_or_unit_is_refused(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "收集.xlsx"
    assert run("sheet", report, "-o", out)[0] == 0
    fill(out, {"party_meetings": 6})
    other = tmp_path / "2023.toml"
    document = disk.load(report)
    document["year"] = 2023
    disk.save(other, document)
    before = other.read_bytes()
    code, output = run("merge", other, out, "--yes")
    assert code == 2 and "年度（2022）与这份答案文件（2023）不同" in output
    assert other.read_bytes() == before
    document["year"], document["unit_name"] = 2022, "青石镇"
    disk.save(other, document)
    code, output = run("merge", other, out, "--yes")
    assert code == 2 and "单位" in output and "青石镇" in output
    plain = tmp_path / "别的.xlsx"
    openpyxl.Workbook().save(plain)
    code, output = run("merge", report, plain, "--yes")
    assert code == 2 and "不是用 sheet 命令生成的数字收集表" in output
    (tmp_path / "坏的.xlsx").write_bytes(b"not a zip")
    code, output = run("merge", report, tmp_path / "坏的.xlsx", "--yes")
    assert code == 2 and "不是能读取的 Excel 文件" in output


@pytest.mark.other_process
def test_merge_shows_the_changes_and_asks_first(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "收集.xlsx"
    assert run("sheet", report, "-o", out)[0] == 0
    fill(out, {"party_meetings": 6}, who="党政办")
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("CI", None)
    args = ["merge", str(report), str(out)]
    child = pexpect.spawn(str(SCRIPT), args, env=env, encoding="utf-8", dimensions=(24, 80))
    child.expect("空 → 6次（来自：党政办）")
    child.expect("保存这 1 处改动")
    child.send("n")
    child.expect("没有保存")
    child.expect(pexpect.EOF)
    assert "party_meetings" not in disk.load(report)
    child = pexpect.spawn(str(SCRIPT), args, env=env, encoding="utf-8", dimensions=(24, 80))
    child.expect("保存这 1 处改动")
    child.send("y")
    child.expect("已保存 1 个数字")
    child.expect(pexpect.EOF)
    assert disk.load(report)["party_meetings"] == 6
    fill(out, {"party_meetings": 7})
    code, output = run("merge", report, out, "--force")  # no terminal to confirm at
    assert code == 2 and "加 --yes" in output
    assert disk.load(report)["party_meetings"] == 6


def test_a_workbook_that_would_unpack_to_too_much_is_refused(report: Path, tmp_path: Path) -> None:
    import zipfile

    bomb = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (21 * 1024 * 1024))
    code, output = run("merge", report, bomb, "--yes")
    assert code == 2 and "解压后超过 20 MB" in output
