"""What every command shares: exit codes, turning errors into messages (the one place
that does), and what the command says when it cannot do what was asked: a mistake in the
command line, in Chinese, or a mistake of ours, as a short message and a report file
instead of a traceback."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import TYPE_CHECKING, NoReturn, ParamSpec, TypeVar

import typer

from wizard import __version__

if TYPE_CHECKING:
    from rich.console import Console


class Exit(IntEnum):
    OK = 0
    #: Also: the interview ended but its answers could not be written (errors.NotSaved).
    INCOMPLETE = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


P = ParamSpec("P")
R = TypeVar("R")


def print_json(data: object) -> None:
    """``--json``: for other programs, Chinese as it is (json is imported only then)."""
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def terminal_available() -> bool:
    """Both ends a terminal; a closed or missing standard input is none."""
    try:
        return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()
    except (ValueError, OSError):
        return False


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """The one place user errors and interrupts become exit codes: a message in Chinese and
    2, or the resume command and 130; never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        # Imported here, not at the top: `--help` needs none of the engine.
        from wizard.base.errors import Interrupted, NotSaved, UserError

        try:
            return command(*args, **kwargs)
        except UserError as error:
            fail(str(error), error.exit_code)
        except BrokenPipeError:  # `report-wizard keys | head`: the reader has seen enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(Exit.OK) from None
        except OSError as error:  # a path the system refuses (a name too long, a device)
            from wizard.base.files import describe_os_error

            name = f"{error.filename}：" if error.filename else ""
            fail(f"无法使用 {name}{describe_os_error(error)}")
        except Interrupted as interrupted:
            from wizard.render.terminal import plain
            from wizard.session import resume_command

            try:
                where = interrupted.session.finish()
            except UserError as error:
                fail(f"已中断，但{error}", NotSaved.exit_code)
            message = f"\n已中断。答案已保存到 {where}\n继续填写请运行：{resume_command(where)}"
            original = interrupted.session.path
            if where != original:
                message += f"\n注意：{original} 没有更新，请对照两个文件，保留需要的内容。"
            with contextlib.suppress(OSError):  # the window may be gone: nobody to tell
                plain(console(stderr=True), message, "yellow")
            raise typer.Exit(interrupted.exit_code) from None
        except (KeyboardInterrupt, EOFError):
            console(stderr=True).print("\n已取消。")
            raise typer.Exit(Exit.INTERRUPTED) from None

    return wrapper


def console(stderr: bool = False) -> Console:
    from wizard.render.terminal import make_console  # rich only when something is said

    return make_console(stderr)


def fail(message: str, code: int = Exit.BAD_INPUT) -> NoReturn:
    from wizard.render.terminal import error

    with contextlib.suppress(OSError):  # a terminal that went away hears nothing
        error(console(stderr=True), message)
    raise typer.Exit(code)


def crashed(error: BaseException) -> int:
    """A mistake of ours, not the user's: a short message, the details in a report file."""
    import platform
    import tempfile
    import time
    import traceback

    details = "".join(traceback.format_exception(error))
    report = (
        f"report-wizard {__version__}, Python {platform.python_version()}, {platform.platform()}\n"
        f"命令：{_without_answers(sys.argv)!r}\n\n{details}"
    )
    stamp = time.strftime("%Y%m%d-%H%M%S")
    said = "详细情况无法写入文件。"
    try:
        # Its own name, never an existing file or a link planted in a shared folder, and
        # readable by its owner only: it may say where the user's files are.
        handle, where = tempfile.mkstemp(prefix=f"report-wizard-错误报告-{stamp}-", suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8", errors="replace") as stream:
            stream.write(report)
        said = f"详细情况已写入 {where}，请把这个文件发给维护者。"
    except OSError:
        pass

    from wizard.render.terminal import error as show_error

    show_error(
        console(stderr=True),
        f"程序出现了意外错误（{type(error).__name__}），这不是您操作的问题。"
        f"已经保存的答案不受影响。{said}",
    )
    return 1


def _without_answers(argv: list[str]) -> list[str]:
    """The command line with what the user answered (--data 问题=值) left out."""
    kept: list[str] = []
    hide = False
    for word in argv:
        if hide:
            kept.append("…")
            hide = False
        elif word == "--data":
            kept.append(word)
            hide = True
        elif word.startswith("--data="):
            kept.append("--data=…")
        else:
            kept.append(word)
    return kept


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
    elif str(error).startswith("Got unexpected extra argument"):
        extra = str(error).rpartition("(")[2].rstrip(")")
        text = (
            f"多出了参数：{extra}。文件名或路径中有空格时，请给它加上引号，"
            '如 "D:\\报告 2023\\白沙镇.toml"'
        )
    elif kind == "BadOptionUsage" and "requires an argument" in str(error):
        text = f"选项 {getattr(error, 'option_name', '')} 后面要写一个值"
    else:
        text = f"命令用法有误：{error}"
    context = getattr(error, "ctx", None)
    command = getattr(context, "command_path", "") or "report-wizard"
    return f"{text}\n查看用法：{command} --help"
