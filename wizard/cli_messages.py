"""What the command says when it cannot do what was asked: a mistake in the command line,
in Chinese, or a mistake of ours, as a short message and a report file instead of a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from wizard import __version__
from wizard.render.terminal import error as show_error
from wizard.render.terminal import make_console


def crashed(error: BaseException) -> int:
    """A mistake of ours, not the user's: a short message, the details in a report file."""
    import platform
    import tempfile
    import time
    import traceback

    details = "".join(traceback.format_exception(error))
    report = (
        f"report-wizard {__version__}, Python {platform.python_version()}, {platform.platform()}\n"
        f"命令：{sys.argv!r}\n\n{details}"
    )
    stamp = time.strftime("%Y%m%d-%H%M%S")
    where = Path(tempfile.gettempdir()) / f"report-wizard-错误报告-{stamp}.txt"
    try:
        where.write_text(report, encoding="utf-8")
        said = f"详细情况已写入 {where}，请把这个文件发给维护者。"
    except OSError:
        said = "详细情况无法写入文件。"

    show_error(
        make_console(stderr=True),
        f"程序出现了意外错误（{type(error).__name__}），这不是您操作的问题。"
        f"已经保存的答案不受影响。{said}",
    )
    return 1


def usage_message(error: Exception) -> str:
    """A usage error from the command-line parser, said in Chinese."""
    kind = type(error).__name__
    param = getattr(error, "param", None)
    opts = getattr(param, "opts", None) or []
    name = " / ".join(opts) if opts and str(opts[0]).startswith("-") else ""
    name = name or str(getattr(param, "human_readable_name", "") or "").upper()
    if kind == "MissingParameter":
        text = f"缺少必需的{'选项' if name.startswith('-') else '参数'}：{name}"
    elif kind == "NoSuchOption":
        text = f"没有这个选项：{getattr(error, 'option_name', '')}"
        possible = getattr(error, "possibilities", None)
        if possible:
            text += f"（是不是想输入 {'、'.join(sorted(possible))}？）"
    elif kind == "BadParameter":
        text = f"{name} 的值无效：{getattr(error, 'message', error)}"
    elif str(error).startswith("No such command"):
        text = f"没有这个命令：{str(error).removeprefix('No such command').strip(' .')}"
    else:
        text = f"命令用法有误：{error}"
    context = getattr(error, "ctx", None)
    command = getattr(context, "command_path", "") or "report-wizard"
    return f"{text}\n查看用法：{command} --help"
