"""``report-wizard`` with nothing after it: in a terminal, a first screen that offers to
start or to go on with the newest answers file of the folder, and says the command for
next time. Double-clicked on Windows, the window waits for Enter before it closes."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from pathlib import Path

from wizard.cli.support import console, terminal_available

#: How many of the folder's newest .toml files are opened to find an answers file.
_LOOK_AT = 20


def newest_answers_file(folder: Path) -> Path | None:
    """The answers file last written in ``folder`` (not a questionnaire, not a backup)."""
    from wizard.answersfile import disk
    from wizard.base.errors import UserError

    try:
        candidates = sorted(folder.glob("*.toml"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    for path in candidates[:_LOOK_AT]:
        try:
            disk.load(path)  # refuses a file that names no questionnaire
        except UserError:
            continue
        return path
    return None


def start_screen(folder: Path) -> list[str] | None:
    """The command the clerk chose (as its arguments), or None to show the help."""
    if not terminal_available():
        return None
    from wizard import prompter
    from wizard.base.files import unquoted
    from wizard.prompter import Option
    from wizard.render.terminal import plain

    out = console()
    plain(out, "法治政府建设年度报告填写向导", "bold")
    plain(out, "逐项提问、随时保存；填完可以预览、检查，导出为 Word。\n", "dim")
    options = [Option("开始填写一份新报告", ["new"])]
    newest = newest_answers_file(folder)
    if newest is not None:
        when = dt.datetime.fromtimestamp(newest.stat().st_mtime).strftime("%m月%d日 %H:%M")
        options.insert(0, Option(f"接着填写 {newest.name}（{when}保存）", ["resume", newest.name]))
    options += [
        Option("从去年的报告开始（Word 文件或答案文件）", ["from"]),
        Option("看一份示例报告", ["demo"]),
        Option("查看全部命令", ["--help"]),
        Option("退出", []),
    ]
    chosen: list[str] = prompter.select("要做什么？", options, nav=False)
    if chosen == ["from"]:
        last = unquoted(prompter.text("去年的报告在哪里？（可以把文件拖进这个窗口）", nav=False))
        if not last:
            return []
        chosen = ["new", "--from", last]
    if chosen:
        plain(out, f"下次可以直接运行：report-wizard {' '.join(_quoted(a) for a in chosen)}", "dim")
    return chosen


def _quoted(arg: str) -> str:
    return f'"{arg}"' if " " in arg else arg


def wait_before_closing() -> None:
    """A window Windows opened for a double-click closes as soon as the program ends."""
    if sys.platform == "win32" and terminal_available():
        with contextlib.suppress(EOFError, KeyboardInterrupt):
            input("\n按回车键关闭窗口……")
