"""The installed console script in a real pseudo-terminal: type, get killed, resume, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from wizard.answersfile import disk
from wizard.questionnaire import prompts_dir

pytestmark = [pytest.mark.timeout(120), pytest.mark.other_process]

SCRIPT = Path(sys.executable).with_name("report-wizard")


def spawn(args: list[str], cwd: Path) -> pexpect.spawn[str]:
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("CI", None)
    return pexpect.spawn(
        str(SCRIPT), args, cwd=str(cwd), env=env, encoding="utf-8", dimensions=(24, 80), timeout=30
    )


def test_the_console_script_is_installed() -> None:
    assert SCRIPT.exists(), "install the project (pip install -e '.[test]') before the tests"


def new_report_to_its_leaders(tmp_path: Path) -> pexpect.spawn[str]:
    """`new 报告.toml`, its unit, kind and year answered: at the 领导机关 prompt."""
    child = spawn(["new", "报告.toml"], tmp_path)
    child.expect("单位名称")
    child.send("杉岭乡\r")
    child.expect("单位类型")
    child.send("\r")
    child.expect("报告年度")
    child.send("\x15" + "2022\r")
    child.expect("领导机关")
    return child


def test_type_kill_resume_interrupt(tmp_path: Path) -> None:
    child = new_report_to_its_leaders(tmp_path)
    child.send("区委、区政府\r")
    child.expect("指导机关")
    child.send("区委依法治区办\r")
    child.expect("贯彻落实的文件")
    child.send(" \r")
    child.expect("其他")
    child.send("\r")
    child.expect("总体评价")
    # Wait for the save of the last answer to show up, then kill without warning.
    path = tmp_path / "报告.toml"
    assert disk.load(path)["documents"] == ["《法治政府建设实施纲要（2021-2025年）》"]
    child.kill(signal.SIGKILL)
    child.close()

    document = disk.load(path)
    assert document["unit_name"] == "杉岭乡"
    assert document["year"] == 2022
    assert document["leaders"] == "区委、区政府"
    assert document["guide_office"] == "区委依法治区办"

    child = spawn(["resume", "报告.toml"], tmp_path)
    child.expect("从这一题继续：“工作开展情况”写哪些工作专题")
    child.expect("加强组织领导")
    child.sendcontrol("c")
    child.expect("继续填写请运行：report-wizard resume 报告.toml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert disk.load(path)["unit_name"] == "杉岭乡"


def test_no_terminal_is_a_clear_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(SCRIPT), "new", "a.toml"], cwd=tmp_path, stdin=subprocess.DEVNULL,
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--no-input" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_restores_the_terminal_and_says_where_answers_are(
    tmp_path: Path, signum: int, code: int
) -> None:
    child = spawn(["new", "报告.toml"], tmp_path)
    child.expect("单位名称")
    child.send("杉岭乡\r")
    child.expect("单位类型")
    child.kill(signum)
    child.expect("已中断")
    # prompt_toolkit left its prompt the way Ctrl-C leaves it: bracketed paste switched off.
    assert "\x1b[?2004l" in (child.before or "")
    child.expect("继续填写请运行：report-wizard resume 报告.toml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    assert disk.load(tmp_path / "报告.toml")["unit_name"] == "杉岭乡"


def test_half_typed_text_is_kept_through_ctrl_c_the_menu_and_back(tmp_path: Path) -> None:
    child = spawn(["new", "报告.toml"], tmp_path)
    child.expect("单位名称")
    child.send("杉岭")
    child.expect("杉岭")
    child.sendcontrol("c")
    child.expect("已存为草稿")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    child = spawn(["resume", "报告.toml"], tmp_path)
    child.expect("上次没有写完的内容已放回输入框")
    child.expect("单位名称")
    child.send("乡")
    child.sendcontrol("g")  # the menu, then back: the text is still there
    child.expect("继续填写")
    child.send("\r")
    child.expect("单位名称")
    child.send("\r")
    child.expect("单位类型")
    child.sendcontrol("b")  # back to 单位名称, which shows what was saved
    child.expect("单位名称")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert disk.load(tmp_path / "报告.toml")["unit_name"] == "杉岭乡"


@pytest.mark.parametrize("named", [True, False], ids=["template named", "offered by its name"])
def test_a_department_answers_its_own_questionnaire(tmp_path: Path, named: bool) -> None:
    """With --template department, or with none named: after its name, the offer taken."""
    template = ["--template", "department"] if named else []
    child = spawn(["new", "某局.toml", *template], tmp_path)
    child.expect("单位名称")
    child.send("云溪县市场监督管理局\r")
    if not named:
        child.expect("看起来是政府部门")
        child.expect("用哪一份问卷")
        child.send("\r")  # 改用政府部门的问卷（推荐）
        child.expect("已改用问卷")
    child.expect("单位类型")
    child.expect("中心")  # the department's kinds: 局、委、办、中心
    child.send("\r")
    child.expect("报告年度（年）")  # the prompt itself, not the note printed before it
    child.sendcontrol("c")
    child.expect("继续填写请运行：report-wizard resume 某局.toml")
    child.expect(pexpect.EOF)
    child.close()
    document = disk.load(tmp_path / "某局.toml")
    assert document["meta"]["questionnaire"] == "department"
    assert document["unit_name"] == "云溪县市场监督管理局" and document["unit_kind"] == "局"


DOWN = "\x1b[B"
UP = "\x1b[A"


def test_the_outline_is_changed_from_the_menu_and_the_preview_shows_it(tmp_path: Path) -> None:
    """报告结构: rename a part, number the topics 1. 2. …, then preview."""
    import shutil

    from wizard.questionnaire import prompts_dir

    shutil.copy(prompts_dir() / "examples" / "subdistrict-2023.toml", tmp_path / "桂园.toml")
    child = spawn(["resume", "桂园.toml"], tmp_path)
    child.expect("主送机关")  # the first question left open
    child.sendcontrol("g")
    child.expect("保存并退出")
    child.send(DOWN * 4 + "\r")  # 报告结构
    child.expect("恢复问卷原来的结构")
    child.send("\r")  # 改某一部分的标题
    child.expect("改哪一部分的标题")
    child.send("\r")  # the first part: 工作开展情况
    child.expect("新标题")
    child.send("\x15主要举措和成效\r")  # Ctrl+U clears the old heading
    child.expect("一、主要举措和成效")
    child.expect("恢复问卷原来的结构")
    child.send(DOWN * 4 + "\r")  # 改各级的编号
    child.expect("改哪一级的编号")
    child.send(DOWN + "\r")  # 专题
    child.expect("按问卷原来的编号")
    child.send(DOWN * 3 + "\r")  # 1.
    child.expect("1.加强组织领导")
    child.expect("恢复问卷原来的结构")
    child.send(UP + "\r")  # ← 返回菜单, the last entry
    child.expect("保存并退出")
    child.send(DOWN * 3 + "\r")  # 预览报告草稿
    child.expect("一、主要举措和成效")
    child.expect("1.加强组织领导，压实法治建设责任。")
    child.send("q")
    child.expect("保存并退出")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    shape = disk.load(tmp_path / "桂园.toml")["outline"]
    assert shape == {"headings": {"work": "主要举措和成效"}, "numbering": {"topic": "1."}}


def test_closing_the_window_keeps_what_was_typed_and_writes_no_crash_report(
    tmp_path: Path,
) -> None:
    """The terminal goes away (the pty is closed) in the middle of a sentence: the text is
    a draft in the answers file, offered again, and nothing is reported as a crash."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", LANG="C.UTF-8")
    env["TMPDIR"] = str(temporary)
    env.pop("CI", None)
    child = pexpect.spawn(
        str(SCRIPT), ["new", "报告.toml"], cwd=str(tmp_path), env=env, encoding="utf-8",
        dimensions=(24, 80), timeout=30,
    )  # fmt: skip
    child.expect("单位名称")
    child.send("半句话")
    child.expect("半句话")
    os.close(child.child_fd)  # the window closes: the terminal hangs up under the prompt
    child.ptyproc.wait()  # type: ignore[attr-defined]  # the wizard ends by itself, saving
    saved = (tmp_path / "报告.toml").read_text(encoding="utf-8")
    assert "半句话" in saved  # kept as the draft of 单位名称
    assert not list(temporary.glob("report-wizard-错误报告-*"))


def test_resume_opens_at_the_half_typed_question(tmp_path: Path) -> None:
    child = new_report_to_its_leaders(tmp_path)
    child.send("区委、区政")  # half typed, then Ctrl-C
    child.expect("区政")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert disk.load(tmp_path / "报告.toml")["drafts"]["leaders"] == "区委、区政"

    child = spawn(["resume", "报告.toml"], tmp_path)
    child.expect("上次停在这一题，没写完的内容已放回输入框：领导机关")
    child.expect("区委、区政")
    child.send("府\r")
    child.expect("指导机关")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    document = disk.load(tmp_path / "报告.toml")
    assert document["leaders"] == "区委、区政府" and "drafts" not in document


def test_a_topics_figures_form_tab_a_bad_value_ctrl_c_and_resume(tmp_path: Path) -> None:
    """The example stops at the leadership topic's three figures, asked on one form."""
    path = tmp_path / "例.toml"
    path.write_bytes((prompts_dir() / "examples" / "township-2022.toml").read_bytes())
    child = spawn(["resume", path.name], tmp_path)
    child.expect("的数字")
    child.expect("Enter 全部保存")
    child.send("4\t很多\r")  # a count, then Tab, then what is no number
    child.expect("请输入整数")  # said in place; the form stays
    child.send("\x15" + "3")  # cleared, retyped: two fields half typed
    child.expect("3")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    drafts = disk.load(path)["drafts"]
    assert drafts["party_meetings"] == "4" and drafts["responsibility_letters"] == "3"

    child = spawn(["resume", path.name], tmp_path)
    child.expect("上次停在这一题")
    child.expect("Enter 全部保存")
    child.send("\t\t1.5\r")  # both drafts back in their fields; the third filled
    child.expect("专题导语")  # on to the topic's next question
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    document = disk.load(path)
    assert (document["party_meetings"], document["responsibility_letters"]) == (4, 3)
    assert document["law_budget"] == 1.5 and "drafts" not in document
