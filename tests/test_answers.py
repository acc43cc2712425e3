"""The answers file: exact round trips, atomic saves, corrupt files, locks, SIGKILL."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wizard.answersfile import disk
from wizard.questionnaire import Questionnaire
from wizard.state.interview import Interview

TRICKY = [
    "引号\"'、反斜杠\\、制表\t、换行\n\r\n",
    "{{ x }}",
    "${x}",
    "[bold]粗[/bold]",
    "👍🏽 表情",
    '"""',
    "'''",
    "a\\",
    "\u3000全角空格",
]


def _doc(**values: Any) -> dict[str, Any]:
    document = disk.new_document("township", "1.0.0")
    document.update(values)
    return document


@settings(max_examples=300, deadline=None)
@given(st.text() | st.sampled_from(TRICKY))
def test_any_text_round_trips_exactly(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("rt") / "a.toml"
    disk.save(path, _doc(leaders=text, items=[{"title": text, "text": text}]))
    loaded = disk.load(path)
    assert loaded["leaders"] == text
    assert loaded["items"] == [{"title": text, "text": text}]


def test_long_text_is_written_as_a_multiline_string(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    disk.save(path, _doc(plans_intro="第一行\n第二行"))
    assert 'plans_intro = """\n第一行\n第二行"""' in path.read_text(encoding="utf-8")


def test_save_keeps_keys_it_does_not_know(tmp_path: Path, township: Questionnaire) -> None:
    path = tmp_path / "a.toml"
    path.write_text(
        '[meta]\nquestionnaire = "township"\n\n[local_notes]\nwho = "张三"\n', encoding="utf-8"
    )
    interview = Interview(township, disk.load(path))
    interview.answer("unit_name", "杉岭乡")
    interview.document.save(path)
    loaded = disk.load(path)
    assert loaded["local_notes"] == {"who": "张三"}
    assert loaded["unit_name"] == "杉岭乡"
    assert interview.unknown == ["local_notes"]


def test_save_stamps_meta_and_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    disk.save(path, _doc(unit_name="甲"))
    first = path.read_bytes()
    disk.save(path, _doc(unit_name="乙"))
    assert disk.backup_path(path).read_bytes() == first
    meta = disk.load(path)["meta"]
    assert meta["questionnaire"] == "township" and "updated" in meta and "tool_version" in meta
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.toml", "a.toml.bak"]


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_failed_save_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    path = tmp_path / "a.toml"
    disk.save(path, _doc(unit_name="原来的"))
    before = path.read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    if where == "write":
        real_open = Path.open

        def failing_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            stream = real_open(self, mode, *args, **kwargs)
            if "w" in mode and self.name.endswith(".tmp"):
                stream.write = disk_full  # type: ignore[method-assign, assignment]
            return stream

        monkeypatch.setattr(Path, "open", failing_open)
    elif where == "fsync":
        monkeypatch.setattr(os, "fsync", disk_full)
    else:
        real_replace = Path.replace

        def failing_replace(self: Path, target: Any) -> Any:
            if self.name.endswith(".tmp"):
                disk_full()
            return real_replace(self, target)

        monkeypatch.setattr(Path, "replace", failing_replace)
    with pytest.raises(disk.AnswersError) as caught:
        disk.save(path, _doc(unit_name="新的"))
    assert "磁盘空间已满" in str(caught.value)
    assert "上一次保存的内容仍完好无损" in str(caught.value)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert disk.load(path)["unit_name"] == "原来的"
    assert not list(tmp_path.glob("*.tmp"))


def test_a_corrupt_file_says_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('[meta]\nquestionnaire = "township"\nunit_name = "杉岭乡\n', encoding="utf-8")
    with pytest.raises(disk.AnswersError) as caught:
        disk.load(path)
    assert f"{path} 格式有误，无法读取：第 3 行第 " in str(caught.value)
    assert "文件没有被改动" in str(caught.value)


def test_a_file_that_is_not_an_answers_file(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('title = "x"\n', encoding="utf-8")
    with pytest.raises(disk.AnswersError, match="不是 report-wizard 的答案文件"):
        disk.load(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes("unit_name = '杉岭乡'".encode("gbk"))
    with pytest.raises(disk.AnswersError, match="GBK（ANSI）编码的，不是 UTF-8"):
        disk.load(path)


def test_a_second_lock_is_refused_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "报告.toml"
    with disk.Lock(path):
        with pytest.raises(disk.AnswersError) as caught:
            disk.Lock(path).acquire()
        assert f"答案文件 {path} 正在另一个窗口中编辑" in str(caught.value)
    with disk.Lock(path):  # released: a later session may open it
        pass


def test_a_lock_held_by_another_process_is_respected(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(disk.AnswersError, match="正在另一个窗口中编辑"):
            disk.Lock(path).acquire()
    finally:
        holder.kill()
        holder.wait()
    with disk.Lock(path):  # a killed holder releases the lock
        pass


HOLD_LOCK = """
import sys, time
from pathlib import Path
from wizard.answersfile.disk import Lock
lock = Lock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
time.sleep(60)
"""

SAVE_LOOP = """
import sys
from pathlib import Path
from wizard.answersfile import disk
path = Path(sys.argv[1])
document = disk.new_document("township", "1.0.0")
n = 0
while True:
    n += 1
    document[f"answer_{n}"] = "第" + str(n) + "条 " + "内容" * 200
    disk.save(path, document)
    print(n, flush=True)
"""


def test_sigkill_at_random_moments_never_loses_a_returned_save(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    rng = random.Random(20230110)
    for _ in range(12):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVE_LOOP, str(path)], stdout=subprocess.PIPE, text=True
        )
        # Killed once it has saved at least once, however slowly a busy machine starts it.
        assert child.stdout is not None and child.stdout.readline().strip() == "1"
        time.sleep(rng.random() * 0.35)
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        last = max([1, *(int(line) for line in output.split())])
        document = disk.load(path)  # parses, every time
        assert all(f"answer_{n}" in document for n in range(1, last + 1))
        path.unlink(missing_ok=True)


def test_the_file_explains_itself_to_whoever_opens_it(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    disk.save(path, _doc(unit_name="杉岭乡"))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# report-wizard 的答案文件")
    assert disk.load(path)["unit_name"] == "杉岭乡"


def test_a_toml_error_names_its_line_and_column() -> None:
    from wizard.base.tomlerror import loads

    with pytest.raises(ValueError) as error:
        loads('unit_name = "杉岭乡"\n\nyear = 杉岭\n')
    assert str(error.value) == '第 3 行第 8 列：值的写法不对（文字要放在英文双引号里，如 "杉岭乡"）'


def test_bare_cr_line_ends_and_an_unclosed_quote() -> None:
    from wizard.base.tomlerror import loads

    assert loads('a = 1\rb = "x"\r') == {"a": 1, "b": "x"}  # an old editor's line ends
    with pytest.raises(ValueError, match="引号没有配对"):
        loads('unit_name = "杉岭乡\n')
