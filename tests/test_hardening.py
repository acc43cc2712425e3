"""Hostile input, one test (or a few) per defect found by the adversarial run, numbered as
in the report: nothing lost, no traceback, nothing misleading, Chinese throughout."""

from __future__ import annotations

import errno
import io
import os
import re
import stat
import tempfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.interactive import CTRL_G, ENTER, Step, interact, pick
from wizard import session
from wizard.answersfile import disk
from wizard.base import cleaning, files
from wizard.cli.app import app
from wizard.figures import Invalid, parse_number
from wizard.flow.menu import MenuAction
from wizard.questionnaire import Questionnaire, load_by_id
from wizard.state.interview import Interview

runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output


def new_file(path: Path, *pairs: str) -> None:
    data = [arg for pair in pairs for arg in ("--data", pair)]
    code, output = run("new", path, *data, "--no-input")
    assert code == 0, output


def refuse_writes_in(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Saving into ``folder`` fails as on a full disk; elsewhere it works."""
    real = files.write_atomic

    def full(path: Path, data: bytes) -> None:
        if path.parent == folder:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(disk, "write_atomic", full)


# 1 ------------------------------------------------------------ "saved" when it was not


def test_1_a_failed_save_is_retried_when_the_session_ends(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=旧名")
    opened = session.resume(path)
    opened.interview.answer("unit_name", "新名")
    with monkeypatch.context() as patch:
        refuse_writes_in(patch, tmp_path)
        with pytest.raises(disk.AnswersError, match="磁盘空间已满"):
            opened.save()
    assert disk.load(path)["unit_name"] == "旧名"
    assert opened.finish() == path  # space came back: saved now
    assert disk.load(path)["unit_name"] == "新名"
    opened.close()


def test_1_when_the_folder_stays_full_the_answers_go_to_a_recovery_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "full"
    folder.mkdir()
    path = folder / "a.toml"
    new_file(path, "unit_name=旧名")
    opened = session.resume(path)
    opened.interview.answer("unit_name", "新名")
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    refuse_writes_in(monkeypatch, folder)
    with pytest.raises(disk.AnswersError):
        opened.save()
    rescued = opened.finish()
    assert rescued.parent == tmp_path and "恢复" in rescued.name
    assert disk.load(rescued)["unit_name"] == "新名"
    opened.close()


def test_1_quitting_when_nothing_can_be_saved_says_so_and_exits_1(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    new_file(path)

    def nowhere(_path: Path, _data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(disk, "write_atomic", nowhere)
    script = [Step("单位名称", "杉岭乡" + ENTER), Step("单位类型", CTRL_G)]
    script.append(Step("? 菜单", pick(MenuAction.QUIT)))
    code, output = interact(monkeypatch, ["resume", path], script)
    assert code == 1
    assert "答案没能保存到任何地方" in output
    assert "已保存到" not in output


def test_1_on_a_real_full_disk(tmp_path: Path) -> None:
    """A tmpfs of 64 KiB, filled up; needs root to mount, which CI has."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 and not os.environ.get("CI"):
        pytest.skip("mounting a small filesystem needs root (CI runs this)")
    result = os.system(f"mount -t tmpfs -o size=64k tmpfs '{mount}' 2>/dev/null")
    assert result == 0, "could not mount a tmpfs"
    try:
        path = mount / "a.toml"
        new_file(path, "unit_name=杉岭乡")
        filler = mount / "filler"
        with filler.open("wb", buffering=0) as stream, pytest.raises(OSError):
            while True:
                stream.write(b"x" * 4096)
        before = path.read_bytes()
        opened = session.resume(path)
        opened.interview.answer("preamble_summary", "法治政府建设取得新成效。" * 200)
        with pytest.raises(disk.AnswersError, match="磁盘空间已满"):
            opened.save()
        assert path.read_bytes() == before  # the old answers are intact
        filler.unlink()
        assert opened.finish() == path
        assert "法治政府建设取得新成效" in disk.load(path)["preamble_summary"]
        opened.close()
    finally:
        os.system(f"umount '{mount}'")


# 2 ------------------------------------------------------------ bytes that are not UTF-8


def test_2_gbk_bytes_from_a_terminal_or_command_line_are_read_and_saved(
    township: Questionnaire, tmp_path: Path
) -> None:
    # How Python hands over GBK bytes it could not decode as UTF-8: surrogate escapes.
    typed = "杉岭乡".encode("gbk").decode("utf-8", "surrogateescape")
    interview = Interview(township, disk.new_document("township", township.version))
    interview.answer("unit_name", typed)
    assert interview.document.answer("unit_name") == "杉岭乡"
    interview.answer("preamble_summary", "成效\udcff明显")  # a byte that is nothing
    path = tmp_path / "a.toml"
    interview.document.save(path)
    assert disk.load(path)["preamble_summary"] == "成效\ufffd明显"


# 3 ------------------------------------------------------------ control characters and Word


def test_3_control_characters_do_not_break_word_export(
    township: Questionnaire, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    document = disk.load(path)
    document["preamble_summary"] = "粘贴来的\u0001文字\u000b"  # as a hand-edited file holds it
    disk.save(path, document)
    code, output = run("export", path, "-o", tmp_path / "a.docx")
    assert code == 0, output
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "a.docx")).paragraphs)
    assert "粘贴来的文字" in text
    assert Interview(township).answer("unit_name", "杉\u0001岭乡") == "杉岭乡"  # typed: dropped


# 4 ------------------------------------------------------------ escape sequences


HOSTILE = "\x1b]0;被改了的标题\x07\x1b[2J杉岭乡"


def test_4_escape_sequences_from_a_file_never_reach_the_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    document = disk.load(path)
    document["unit_name"] = HOSTILE
    document["leaders"] = 5  # not text: a note about it names the question
    disk.save(path, document)
    commands: list[list[str | Path]] = [
        ["preview", path, "--no-pager"],
        ["check", path],
        ["export", path, "-o", "x.md"],
    ]
    for args in commands:
        monkeypatch.chdir(tmp_path)
        _code, output = run(*args)
        assert "\x1b" not in output and "\x07" not in output, args
    _code, output = run("preview", path, "--no-pager")
    assert "␛]0;被改了的标题␇␛[2J杉岭乡" in output  # shown, harmless
    code, output = interact(monkeypatch, ["resume", path], [Step("?", "\x03")])
    assert code == 130
    assert "\x1b]" not in output and "\x1b[2J" not in output


def test_4_for_terminal_keeps_text_and_line_breaks() -> None:
    assert cleaning.for_terminal("第一行\n第二行\t完") == "第一行\n第二行\t完"
    assert cleaning.for_terminal("a\x1b[31mb\x9bc") == "a␛[31mb\ufffdc"


# 5 ------------------------------------------------------------ Notepad's BOM, other encodings


def test_5_a_file_saved_by_notepad_with_a_bom_opens(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert disk.load(path)["unit_name"] == "杉岭乡"
    assert run("check", path)[0] == 1  # incomplete, but read


@pytest.mark.parametrize(
    ("encoding", "said"), [("gbk", "GBK（ANSI）"), ("utf-16", "UTF-16"), ("latin-1", "不是 UTF-8")]
)
def test_5_other_encodings_are_named_with_how_to_fix_them(
    tmp_path: Path, encoding: str, said: str
) -> None:
    path = tmp_path / "a.toml"
    text = "[meta]\nquestionnaire = 'township'\nunit_name = '杉岭乡 ÿ'\n"
    path.write_bytes(text.encode(encoding, "replace"))
    before = path.read_bytes()
    code, output = run("check", path)
    assert code == 2
    assert said in output and "另存为" in output and "UTF-8" in output
    assert path.read_bytes() == before


# 6 ------------------------------------------------------------ symbolic links


def test_6_saving_through_a_link_writes_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "a.toml"
    real.parent.mkdir()
    new_file(real, "unit_name=旧名")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    opened = session.resume(link)
    assert disk.Lock(real).lock_path == opened.lock.lock_path  # one lock for both names
    opened.interview.answer("unit_name", "新名")
    opened.save()
    opened.close()
    assert link.is_symlink()
    assert disk.load(real)["unit_name"] == "新名"
    assert disk.backup_path(real).is_file()


# 7 ------------------------------------------------------------ SIGTERM and SIGHUP: see test_pty


# 8, 9 ------------------------------------------------------------ numbers


@pytest.mark.parametrize("typed", ["1" * 401, "1" * 20, "9" * 5000])
def test_8_9_numbers_beyond_reason_are_refused_as_typed(
    township: Questionnaire, typed: str
) -> None:
    for question_id in ("law_budget", "disputes_found"):  # a decimal, a count
        question = township.question(question_id)
        assert question is not None
        with pytest.raises(Invalid, match="大得不合常理"):
            parse_number(question, typed)


@pytest.mark.parametrize("raw", ["nan", "inf", "-inf", "1e308", "1" + "0" * 308])
def test_8_9_numbers_beyond_reason_in_a_file_are_reported_not_printed(
    tmp_path: Path, raw: str
) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    # Before the first table: a key after [meta] would belong to it.
    text = f"disputes_found = {raw}\nlaw_budget = {raw}\n" + path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    code, output = run("check", path)
    assert code == 1
    assert "“排查调处矛盾纠纷”的答案无效" in output
    assert "“法治建设工作经费”的答案无效" in output
    commands: list[list[str | Path]] = [
        ["preview", path, "--no-pager"],
        ["export", path, "-o", tmp_path / "a.txt"],
    ]
    for args in commands:
        assert run(*args)[0] == 0
    assert "nan" not in (tmp_path / "a.txt").read_text(encoding="utf-8")
    assert run("compare", path, path)[0] == 0


def test_9_an_integer_too_long_to_read_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("[meta]\nquestionnaire = 'township'\n[x]\nn = " + "9" * 5000 + "\n")
    code, output = run("check", path)
    assert code == 2 and "数字长得无法读取" in output


# 10 ------------------------------------------------------------ a heading that is not text


def test_10_a_topic_heading_that_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    text = path.read_text(encoding="utf-8")
    text += "\n[[work_topics]]\nid = 'leadership'\nheading = 2023\n"
    path.write_text(text, encoding="utf-8")
    code, output = run("check", path)
    assert code == 1
    assert "答案无效" in output


# 11 ------------------------------------------------------------ edits made outside


def test_11_edits_made_outside_while_open_are_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    opened = session.resume(path)
    edited = path.read_text(encoding="utf-8").replace("杉岭乡", "记事本里改的")
    path.write_text(edited, encoding="utf-8")
    opened.interview.answer("leaders", "区委、区政府")
    notice = opened.save()
    assert "在向导之外被改动过" in notice
    opened.interview.answer("guide_office", "区委依法治区办")
    assert opened.save() == ""  # said once
    assert path.read_text(encoding="utf-8") == edited  # theirs, untouched
    diverted = opened.finish()
    assert diverted != path
    ours = disk.load(diverted)
    assert ours["leaders"] == "区委、区政府" and ours["guide_office"] == "区委依法治区办"
    opened.close()


# 12 ------------------------------------------------------------ deep nesting


@pytest.mark.parametrize("value", ["[" * 3000 + "]" * 3000, "{a=" * 3000 + "1" + "}" * 3000])
def test_12_deeply_nested_files_are_a_message(tmp_path: Path, value: str) -> None:
    path = tmp_path / "a.toml"
    path.write_text(f"[meta]\nquestionnaire = 'township'\n[x]\nv = {value}\n")
    code, output = run("check", path)
    assert code == 2 and "嵌套得太深" in output


# 13 ------------------------------------------------------------ file modes


@pytest.mark.parametrize("mode", [0o600, 0o444])
def test_13_a_save_keeps_the_files_mode(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    path.chmod(mode)
    disk.save(path, disk.load(path))
    assert stat.S_IMODE(path.stat().st_mode) == mode


# 14 ------------------------------------------------------------ leftovers


def test_14_leftovers_of_a_killed_session_are_removed_and_no_lock_for_a_typo(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    dead = 2**22 + 12345  # above the usual pid_max
    for suffix in ("tmp", "bak"):
        (tmp_path / f".a.toml.{dead}.{suffix}").write_text("x")
    (tmp_path / f".a.toml.{os.getppid()}.tmp").write_text("x")  # a live process: kept
    session.resume(path).close()
    assert not list(tmp_path.glob(f".a.toml.{dead}.*"))
    assert (tmp_path / f".a.toml.{os.getppid()}.tmp").exists()
    code, output = run("resume", tmp_path / "ab.toml", "--no-input")
    assert code == 2 and "找不到文件" in output
    assert not (tmp_path / ".ab.toml.lock").exists()


# 15 ------------------------------------------------------------ a name too long


def test_15_a_file_name_too_long_is_a_message(tmp_path: Path, example_path: Path) -> None:
    long_name = tmp_path / ("很长" * 100 + ".txt")
    code, output = run("export", example_path, "-o", long_name)
    assert code == 2 and "文件名太长" in output
    code, output = run("new", tmp_path / ("长" * 300 + ".toml"), "--no-input")
    assert code == 2 and "文件名太长" in output


# 16 ------------------------------------------------------------ a newer tool's file


def test_16_a_file_from_a_newer_version_is_said_and_keeps_its_mark(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    new_file(path, "unit_name=杉岭乡")
    document = disk.load(path)
    document["meta"]["tool_version"] = "99.1.0"
    disk.save(path, document)
    code, output = run("resume", path, "--data", "leaders=区委", "--no-input")
    assert code == 0
    assert "较新的 report-wizard 99.1.0" in output
    assert disk.load(path)["meta"]["tool_version"] == "99.1.0"


# 17 ------------------------------------------------------------ misleading messages


def test_17_toml_mistakes_are_said_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("[meta]\nquestionnaire = 'township'\nunit_name = 杉岭乡\n", encoding="utf-8")
    code, output = run("check", path)
    assert code == 2
    assert "第 3 行" in output and "英文双引号" in output
    assert "Invalid" not in output


def test_17_an_empty_questionnaire_id_and_a_folder_for_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("[meta]\nquestionnaire = ''\n", encoding="utf-8")
    code, output = run("check", path)
    assert code == 2 and "错误：:" not in output and "没有写明使用哪个问卷模板" in output
    folder = tmp_path / "adir"
    folder.mkdir()
    code, output = run("new", folder, "--no-input")
    assert code == 2 and "是一个文件夹" in output and "resume" not in output


def test_17_a_first_save_that_fails_does_not_claim_an_earlier_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    refuse_writes_in(monkeypatch, tmp_path)
    code, output = run("new", tmp_path / "a.toml", "--data", "unit_name=杉岭乡", "--no-input")
    assert code == 2 and "磁盘空间已满" in output
    assert "完好无损" not in output


# 18 ------------------------------------------------------------ English in the interface


@pytest.mark.parametrize("args", [["--help"], ["new", "--help"], ["export", "-h"], []])
def test_18_help_is_in_chinese(args: list[str]) -> None:
    _code, output = run(*args)
    assert "用法：report-wizard" in output
    for english in ("Usage", "Options", "Arguments", "Commands", "Show this", "[default"):
        assert english not in output


# 18: yes/no is answered in Chinese: test_flow's export from the menu; the selections of a
# checkbox: test_flow's whole interview.


def test_18_the_pager_says_its_keys_in_chinese(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from rich.console import Console

    from wizard.render import screens

    keys = iter([" ", "\r", "q"])
    monkeypatch.setattr(screens, "read_key", lambda: next(keys))
    console = Console(force_terminal=True, width=40, height=11, color_system=None)
    screens.show(console, "\n".join(f"第{n}行" for n in range(1, 101)), pager=True)
    printed = capsys.readouterr().out
    assert "空格键 下一页" in printed and "q 返回" in printed
    assert "第21行" in printed and "第22行" not in printed  # two pages and one line, then q


def test_18_no_editor_but_vi_means_no_editor_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from wizard import prompter

    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.setattr("shutil.which", lambda _name: None)
    assert prompter.editor() is None
    assert "Ctrl+E" not in prompter.long_text_help()
    monkeypatch.setattr("shutil.which", lambda name: f"/bin/{name}" * (name == "nano"))
    assert prompter.editor() == "nano"


def test_18_the_readme_gives_windows_commands_without_double_ampersands() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```powershell")[1:]
    assert blocks, "the README has PowerShell commands"
    for block in blocks:
        assert "&&" not in block.split("```")[0]


# and what the adversarial run did not find -----------------------------------------------


def test_an_unexpected_error_is_a_short_message_and_a_report_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, example_path: Path
) -> None:
    import sys

    from wizard.cli import app as cli
    from wizard.report import draft as report

    def broken(_interview: Interview) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(report, "build_report", broken)
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(sys, "argv", ["report-wizard", "export", str(example_path), "-o", "x.txt"])
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 1
    said = err.getvalue()
    assert "意外错误（ZeroDivisionError）" in said and "Traceback" not in said
    reports = list(tmp_path.glob("report-wizard-错误报告-*.txt"))
    assert len(reports) == 1
    assert "ZeroDivisionError" in reports[0].read_text(encoding="utf-8")


def test_questionnaire_files_with_a_bom_load(tmp_path: Path) -> None:
    source = Path(__file__).parent / "data" / "mini.toml"
    copy = tmp_path / "mini.toml"
    copy.write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    from wizard.questionnaire import load

    assert load(copy).id == "mini"
    assert load_by_id("township").id == "township"


# any text at all --------------------------------------------------------------------------

ANY_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=60),  # surrogates too
    st.binary(max_size=60).map(lambda raw: raw.decode("utf-8", "surrogateescape")),
    st.sampled_from([HOSTILE, "\x1b[2J", "\u0001\u0007\u009b", "[red]x[/red]", "{unit_name}"]),
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(short=ANY_TEXT, long=ANY_TEXT)
def test_any_text_answer_saves_loads_and_shows_everywhere(
    township: Questionnaire, short: str, long: str
) -> None:
    from rich.console import Console

    from wizard.render.docx import render_docx
    from wizard.render.markdown import render_markdown
    from wizard.render.screens import check_renderable, preview_renderable
    from wizard.render.text import render_text
    from wizard.report.check import check
    from wizard.report.draft import build_report

    interview = Interview(township, disk.new_document("township", township.version))
    for question_id, text in (("unit_name", short), ("preamble_summary", long)):
        try:
            interview.answer(question_id, text)
        except Invalid:  # nothing left once cleaned: refused as empty, like typed spaces
            assert not cleaning.clean_input(text).strip()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.toml"
        interview.document.save(path)
        loaded = Interview(township, disk.load(path))
    assert loaded.values == interview.values
    report = build_report(loaded)
    render_text(report)
    render_markdown(report)
    docx.Document(io.BytesIO(render_docx(report)))
    result = check(loaded, report)
    screen = io.StringIO()
    console = Console(file=screen, width=80, color_system=None, force_terminal=False)
    console.print(preview_renderable(report, result))
    console.print(check_renderable(result))
    assert not _CONTROLS.search(screen.getvalue().replace("\n", ""))


def test_pasted_invisible_characters_do_not_break_figures_or_text(
    township: Questionnaire,
) -> None:
    interview = Interview(township, disk.new_document("township", township.version))
    interview.answer("disputes_found", "1\u200b25\ufeff")  # a figure copied out of WeChat
    assert interview.document.answer("disputes_found") == 125
    interview.answer("preamble_summary", "第一段\u2029第二段\u00ad")
    assert interview.document.answer("preamble_summary") == "第一段\n第二段"
