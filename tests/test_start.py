"""What a clerk meets first: the program started with nothing after it, paths pasted with
their quotes, and command-line mistakes said in Chinese."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from wizard.answersfile import disk
from wizard.base.files import unquoted
from wizard.cli.start import newest_answers_file
from wizard.questionnaire import prompts_dir

pytestmark = [pytest.mark.timeout(120), pytest.mark.other_process]

SCRIPT = Path(sys.executable).with_name("report-wizard")
EXAMPLE = prompts_dir() / "examples" / "township-2022.toml"


def spawn(args: list[str], cwd: Path) -> pexpect.spawn[str]:
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", LANG="C.UTF-8")
    env.pop("CI", None)
    return pexpect.spawn(
        str(SCRIPT), args, cwd=str(cwd), env=env, encoding="utf-8", dimensions=(24, 80), timeout=30
    )


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL
    )


@pytest.mark.parametrize(
    ("given", "path"),
    [
        ('"D:\\报告\\白沙镇.toml"', "D:\\报告\\白沙镇.toml"),
        ("'报告 2023.docx'", "报告 2023.docx"),
        ("“报告.docx”", "报告.docx"),
        ("  报告.docx  ", "报告.docx"),
        ('"报告.docx', '"报告.docx'),  # not a pair: left as it is
        ('"', '"'),
    ],
)
def test_one_pair_of_quotes_comes_off(given: str, path: str) -> None:
    assert unquoted(given) == path


def test_commands_take_paths_with_their_quotes(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "白沙镇.toml")
    result = command("export", '"白沙镇.toml"', "-o", "“草稿.docx”", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "草稿.docx").is_file()


def test_a_path_with_a_space_and_no_quotes_is_explained(tmp_path: Path) -> None:
    result = command("check", "白沙镇", "2023.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert "多出了参数：2023.toml" in result.stderr and "加上引号" in result.stderr
    assert "Got unexpected" not in result.stderr + result.stdout
    result = command("export", "白沙镇.toml", "-o", cwd=tmp_path)
    assert result.returncode == 2 and "后面要写一个值" in result.stderr


def test_nothing_after_it_without_a_terminal_prints_the_help_once(tmp_path: Path) -> None:
    result = command(cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout.count("用法：report-wizard") == 1


def test_the_newest_answers_file_not_a_questionnaire(tmp_path: Path) -> None:
    assert newest_answers_file(tmp_path) is None
    older, newer = tmp_path / "2022.toml", tmp_path / "2023.toml"
    shutil.copy(EXAMPLE, older)
    shutil.copy(EXAMPLE, newer)
    os.utime(older, (1_000_000, 1_000_000))
    (tmp_path / "问卷.toml").write_text('[meta]\nid = "x"\n', encoding="utf-8")
    (tmp_path / "坏的.toml").write_text("x = ", encoding="utf-8")
    assert newest_answers_file(tmp_path) == newer


def test_nothing_after_it_in_a_terminal_offers_to_go_on(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "白沙镇.toml")
    child = spawn([], tmp_path)
    child.expect("要做什么")
    child.expect("接着填写 白沙镇.toml")
    child.send("\r")
    child.expect("下次可以直接运行：report-wizard resume 白沙镇.toml")
    child.expect("从这一题继续")
    child.sendcontrol("c")
    child.expect("继续填写请运行")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_nothing_after_it_starts_a_new_report_or_leaves(tmp_path: Path) -> None:
    child = spawn([], tmp_path)
    child.expect("要做什么")
    child.expect("退出")
    child.send("\x1b[A")  # up from the first row wraps to the last: 退出
    child.send("\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    child = spawn([], tmp_path)
    child.expect("开始填写一份新报告")
    child.send("\r")
    child.expect("单位名称")
    child.send("青石镇\r")
    child.expect("单位类型")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    [saved] = tmp_path.glob("*.toml")
    assert disk.load(saved)["unit_name"] == "青石镇"
