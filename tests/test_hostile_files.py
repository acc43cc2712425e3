"""Hostile and broken files on every surface: no hang, no crash, no injection, nothing lost.

Each test is a case an adversary tried: a formula in a unit's name, a zip bomb, a pipe named
``*.toml``, a planted link for the crash report, damaged Word XML, a count of 400 digits, a
closed terminal, a variant repeating an id, litter beside a file. Last, any bytes at all in
any file the program reads: it ends with 0, 1 or 2 and a Chinese message, and the file is
unchanged.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.import_corpus import imported_table
from wizard.answersfile import disk
from wizard.cli.app import app
from wizard.importer import ImportError_, import_report, source
from wizard.questionnaire import load_by_id, prompts_dir
from wizard.session import file_name

pytestmark = pytest.mark.timeout(120)
runner = CliRunner()
EXAMPLE = prompts_dir() / "examples" / "township-2022.toml"


def run(*args: str | Path, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], input=stdin, env={"COLUMNS": "200"})
    assert "Traceback" not in result.output
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output.replace("\n", "")


def hostile_unit(folder: Path, name: str, point: str = "+cmd|' /C calc'!A0") -> Path:
    document = disk.load(EXAMPLE)
    document["unit_name"] = name
    document["leadership_points"][0]["title"] = point
    path = folder / f"{len(list(folder.glob('*.toml')))}.toml"
    disk.save(path, document)
    return path


# ---------------------------------------------------------------- the county's workbook


def test_a_formula_from_a_units_file_is_text_in_the_workbook_and_the_csv(tmp_path: Path) -> None:
    folder = tmp_path / "收到"
    folder.mkdir()
    hostile_unit(folder, '=HYPERLINK("http://example.invalid","点我")')
    hostile_unit(folder, "@SUM(1+1)*cmd|' /C calc'!A0\x07")  # and a control character
    code, output = run("summary", folder, "-o", tmp_path / "汇总.xlsx")
    assert code == 0, output
    book = load_workbook(tmp_path / "汇总.xlsx")
    values = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [c for c in values if c.data_type == "f"]  # no formula anywhere
    names = [c.value for c in values if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert names and all(c.data_type == "s" for c in values if c.value in names)
    code, output = run("summary", folder, "-o", tmp_path / "汇总.csv")
    assert code == 0, output
    rows = list(csv.reader(io.StringIO((tmp_path / "汇总.csv").read_text(encoding="utf-8-sig"))))
    fields = [field for row in rows for field in row]
    assert not [f for f in fields if f.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert any(f.startswith("'=HYPERLINK") for f in fields)


def test_every_cell_the_summary_writes_from_a_file_is_a_plain_string(tmp_path: Path) -> None:
    folder = tmp_path / "收到"
    folder.mkdir()
    hostile_unit(folder, "-2+3", point="=1+1")
    run("summary", folder, "-o", tmp_path / "x.xlsx")
    for sheet in load_workbook(tmp_path / "x.xlsx"):
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type in (
                    "s",
                    "inlineStr",
                    "n",
                )  # text or a number, never a formula


# ---------------------------------------------------------------- Word files


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _docx_with(path: Path, body: bytes) -> Path:
    """A real Word file whose document.xml is replaced by ``body``."""
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["word/document.xml"] = body
    return _zip(path, members)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(source, "UNPACKED_LIMIT", 1024 * 1024)
    bomb = _docx_with(tmp_path / "炸弹.docx", b"<w:p>" + b"0" * (3 * 1024 * 1024))
    assert bomb.stat().st_size < 100 * 1024  # small on disk, big unpacked
    with pytest.raises(ImportError_, match="解压后超过"):
        import_report(bomb, load_by_id("township"))
    monkeypatch.setattr(source, "MEMBERS_LIMIT", 10)
    many = _zip(tmp_path / "部件.docx", {f"x/{n}.xml": b"" for n in range(20)})
    with pytest.raises(ImportError_, match="部件多得不正常"):
        import_report(many, load_by_id("township"))


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{"&lol;" * 10 if n == 1 else f"&lol{n - 1};" * 10}">'.encode()
        for n in range(1, 9)
    )
    + b"]><w:document "
    + W.encode()
    + b"><w:body><w:p><w:r><w:t>&lol8;</w:t></w:r></w:p></w:body></w:document>"
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<w:document "
    + W.encode()
    + b"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)
DEEP = (
    b"<w:document "
    + W.encode()
    + b"><w:body>"
    + b"<w:tbl><w:tr><w:tc>" * 2000
    + b"<w:p/>"
    + b"</w:tc></w:tr></w:tbl>" * 2000
    + b"</w:body></w:document>"
)


@pytest.mark.parametrize(
    "body",
    [LAUGHS, XXE, b"<w:document><w:body><w:p>", DEEP, b"not xml at all"],
    ids=["billion laughs", "xxe", "malformed", "tables 2000 deep", "not xml"],
)
def test_damaged_or_hostile_word_xml_gets_a_message(body: bytes, tmp_path: Path) -> None:
    path = _docx_with(tmp_path / "坏.docx", body)
    code, output = run("import", path, "-o", tmp_path / "x.toml")
    assert code == 2, output  # no entity expanded, nothing outside the file read
    assert "不是完好的 Word 文件" in output or "不是一份年度报告" in output
    assert "root:" not in output and "lollol" not in output


def test_broken_relationships_and_a_letter_for_a_list_level(tmp_path: Path) -> None:
    path = tmp_path / "乱.docx"
    docx.Document().save(str(path))
    with zipfile.ZipFile(path) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["word/_rels/document.xml.rels"] = b"<Relationships><broken"
    _zip(path, members)
    code, output = run("import", path, "-o", tmp_path / "x.toml")
    assert code == 2 and "不是完好的 Word 文件" in output
    body = (
        f"<w:document {W}><w:body>"
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>某镇2023年法治政府建设年度报告</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>一、工作开展情况</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ).encode()
    code, output = run("import", _docx_with(tmp_path / "级.docx", body), "-o", tmp_path / "y.toml")
    assert code == 0, output


def test_a_table_nested_deep_is_read_once(tmp_path: Path) -> None:
    depth = 20
    inner = b"<w:p><w:r><w:t>\xe6\x9c\x80\xe9\x87\x8c\xe9\x9d\xa2\xe7\x9a\x84\xe8\xaf\x9d</w:t></w:r></w:p>"  # 最里面的话
    tables = b"<w:tbl><w:tr><w:tc>" * depth + inner + b"</w:tc></w:tr></w:tbl>" * depth
    body = (
        f"<w:document {W}><w:body>".encode()
        + "<w:p><w:r><w:t>某镇2023年法治政府建设年度报告</w:t></w:r></w:p><w:p><w:r><w:t>一、工作开展情况</w:t></w:r></w:p>".encode()
        + tables
        + b"</w:body></w:document>"
    )
    document, found = imported_table(_docx_with(tmp_path / "套.docx", body), load_by_id("township"))
    assert str(document).count("最里面的话") <= 1
    assert any("嵌套得太深" in note for note in found.unsure)


# ---------------------------------------------------------------- what is not a file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes with names are a POSIX thing")
def test_a_pipe_named_toml_is_refused_not_waited_on(tmp_path: Path) -> None:
    pipe = tmp_path / "管道.toml"
    os.mkfifo(pipe)
    cases: list[list[str | Path]] = [
        ["check", pipe],
        ["new", tmp_path / "n.toml", "--data-file", pipe, "--no-input"],
        ["new", tmp_path / "m.toml", "--from", pipe, "--no-input"],
        ["lint", pipe],
    ]
    for args in cases:
        code, output = run(*args)
        assert code == 2 and "不是普通文件" in output, args
    folder = tmp_path / "收到"
    folder.mkdir()
    os.mkfifo(folder / "假的.toml")
    hostile_unit(folder, "青石镇")
    code, output = run("summary", folder)
    assert code == 0 and "不是普通文件" in output  # listed as not readable; the rest go on


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="a device file to link to")
def test_a_link_to_an_endless_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "零.toml"
    link.symlink_to("/dev/zero")
    code, output = run("check", link)
    assert code == 2 and "不是普通文件" in output
    code, output = run("import", tmp_path.joinpath("零.txt"), "-o", tmp_path / "x.toml")
    assert code == 2


def test_a_link_loop_is_said_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    code, output = run("check", tmp_path / "a.toml")
    assert code == 2 and "绕成了一个圈" in output


# ---------------------------------------------------------------- the crash report


def test_the_crash_report_is_private_unique_and_holds_no_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.cli import support as cli_support

    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(
        sys, "argv", ["report-wizard", "new", "x.toml", "--data", "unit_name=秘密单位"]
    )
    planted = tmp_path / "planted-target.txt"
    planted.write_text("别人的文件", encoding="utf-8")
    for _ in range(2):  # two crashes in the same second
        cli_support.crashed(RuntimeError("内部错误"))
    reports = sorted(tmp_path.glob("report-wizard-错误报告-*.txt"))
    assert len(reports) == 2
    for report in reports:
        assert stat.S_IMODE(report.stat().st_mode) == 0o600
        text = report.read_text(encoding="utf-8")
        assert "秘密单位" not in text and "内部错误" in text
    assert planted.read_text(encoding="utf-8") == "别人的文件"


# ---------------------------------------------------------------- answers files


def test_a_count_of_four_hundred_digits_is_an_invalid_answer_not_a_crash(tmp_path: Path) -> None:
    document = disk.load(EXAMPLE)
    path = tmp_path / "大.toml"
    text = disk.dumps(document).replace("disputes_found = 125", "disputes_found = " + "9" * 400)
    path.write_text(text, encoding="utf-8")
    cases: list[list[str | Path]] = [
        ["check", path],
        ["preview", path, "--no-pager"],
        ["export", path, "-o", tmp_path / "x.txt"],
    ]
    for args in cases:
        code, output = run(*args)
        assert code in (0, 1) and "OverflowError" not in output, args
    code, output = run("check", path)
    assert "数字大得不合常理" in output
    code, output = run("summary", tmp_path)
    assert code == 0
    code, output = run("new", tmp_path / "下年.toml", "--from", path, "--no-input")
    assert code == 0, output


def test_a_closed_standard_input_and_a_terminal_without_chinese(tmp_path: Path) -> None:
    script = Path(sys.executable).with_name("report-wizard")
    target = tmp_path / "x.toml"
    target.write_bytes(EXAMPLE.read_bytes())
    closed = subprocess.run(
        [str(script), "resume", str(target)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    assert closed.returncode == 2 and b"Traceback" not in closed.stderr
    env = dict(os.environ, LC_ALL="C", LANG="C", PYTHONIOENCODING="latin-1", PYTHONUTF8="0")
    ascii_only = subprocess.run(
        [str(script), "check", str(tmp_path / "没有.toml")],
        env=env,
        capture_output=True,
        check=False,
    )
    assert ascii_only.returncode == 2 and b"Traceback" not in ascii_only.stderr


def test_check_says_a_file_was_saved_by_a_newer_version(tmp_path: Path) -> None:
    document = disk.load(EXAMPLE)
    document["meta"]["tool_version"] = "99.0.0"
    path = tmp_path / "新.toml"
    path.write_text(disk.dumps(document), encoding="utf-8")
    _, output = run("check", path)
    assert "较新的 report-wizard 99.0.0" in output


# ---------------------------------------------------------------- questionnaires


def test_lint_refuses_a_variant_that_repeats_an_id_in_one_place(tmp_path: Path) -> None:
    variant = tmp_path / "变体.toml"
    variant.write_text(
        '[meta]\nid = "v"\nextends = "department"\ntitle = "变体"\nversion = "1"\n'
        '[[sections]]\nid = "basics"\n'
        '[[sections.questions]]\nid = "unit_name"\nlabel = "一"\n'
        '[[sections.questions]]\nid = "unit_name"\nlabel = "二"\n',
        encoding="utf-8",
    )
    code, output = run("lint", variant)
    assert code == 2 and "id 'unit_name' 在这里写了两次" in output


# ---------------------------------------------------------------- litter and messages


def test_no_litter_after_a_failed_save_or_a_failed_new(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    disk.save(path, disk.load(EXAMPLE))
    disk.save(path, disk.load(EXAMPLE))  # the first save's file is now the backup
    disk.backup_path(path).unlink()
    disk.backup_path(path).mkdir()  # the backup's place is taken by a folder
    with pytest.raises(disk.AnswersError):
        disk.save(path, disk.load(EXAMPLE))
    assert not list(tmp_path.glob(".a.toml.*.bak"))
    code, _ = run("new", tmp_path / "n.toml", "--data", "year=一九", "--no-input")
    assert code == 2
    assert not list(tmp_path.glob(".n.toml*"))  # no lock file of a file never written


def test_summary_of_nothing_there_is_an_error(tmp_path: Path) -> None:
    code, output = run("summary", tmp_path / "没有这个文件夹")
    assert code == 2 and "找不到" in output


def test_a_proposed_file_name_has_no_right_to_left_override() -> None:
    assert file_name("报告\u202egpj.exe") == "报告gpj.exe"


# ---------------------------------------------------------------- any bytes at all


def _unchanged_after(path: Path, *args: str | Path) -> int:
    before = path.read_bytes()
    code, output = run(*args)
    assert code in (0, 1, 2), output
    if code == 2:
        assert any("\u4e00" <= c <= "\u9fff" for c in output)  # said in Chinese
    assert path.read_bytes() == before
    return code


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=st.binary(max_size=600),
    kind=st.sampled_from(["answers", "questionnaire", "txt", "md", "docx", "units", "sheet"]),
)
def test_any_bytes_in_any_file_end_with_a_message_and_leave_it_unchanged(
    data: bytes, kind: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    if kind == "answers":
        path = folder / "答案.toml"
        path.write_bytes(data)
        _unchanged_after(path, "check", path)
        _unchanged_after(path, "summary", path)
    elif kind == "questionnaire":
        path = folder / "问卷.toml"
        path.write_bytes(data)
        _unchanged_after(path, "lint", path)
    elif kind == "docx":
        path = _zip(folder / "报告.docx", {"word/document.xml": data, "[Content_Types].xml": data})
        _unchanged_after(path, "import", path, "-o", folder / "x.toml")
    elif kind == "units":
        path = folder / "名单.txt"
        path.write_bytes(data)
        _unchanged_after(path, "summary", EXAMPLE, "--expect", path)
    elif kind == "sheet":  # a colleague's filled sheet: a workbook whose parts are any bytes
        answers_file = folder / "答案.toml"
        answers_file.write_bytes(EXAMPLE.read_bytes())
        parts = {
            "[Content_Types].xml": data,
            "xl/workbook.xml": data,
            "xl/worksheets/sheet1.xml": data,
        }
        path = _zip(folder / "收集.xlsx", parts)
        before = answers_file.read_bytes()
        assert _unchanged_after(path, "merge", answers_file, path, "--yes") == 2
        assert answers_file.read_bytes() == before
    else:
        path = folder / f"报告.{kind}"
        path.write_bytes(data)
        _unchanged_after(path, "import", path, "-o", folder / "x.toml")
