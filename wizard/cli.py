"""The report-wizard command: parse, call the engine, map errors to exit codes.

This is the only module that decides exit codes: 0 ok, 1 incomplete (check),
2 bad input or usage, 130 interrupted (answers saved). questionary and
python-docx are imported only by the commands that use them, so ``--help``,
``check`` and text export start fast.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, ParamSpec, TypeVar

import typer

from wizard import __version__
from wizard.helptext import ChineseHelpCommand, ChineseHelpGroup

if TYPE_CHECKING:
    from rich.console import Console

    from wizard.session import Session

app = typer.Typer(
    name="report-wizard",
    cls=ChineseHelpGroup,
    help="法治政府建设年度报告填写向导：逐项提问、随时保存、生成报告草稿、检查并导出。",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Exit(IntEnum):
    OK = 0
    #: Also: the interview ended but its answers could not be written (errors.NotSaved).
    INCOMPLETE = 1
    BAD_INPUT = 2
    INTERRUPTED = 130


P = ParamSpec("P")
R = TypeVar("R")


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """The one place user errors and interrupts become exit codes: a message in Chinese and
    2, or the resume command and 130; never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        # Imported here, not at the top: `--help` needs none of the engine.
        from wizard.errors import NotSaved, UserError
        from wizard.session import Interrupted, resume_command

        try:
            return command(*args, **kwargs)
        except UserError as error:
            fail(str(error), error.exit_code)
        except BrokenPipeError:  # `report-wizard keys | head`: the reader has seen enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(Exit.OK) from None
        except OSError as error:  # a path the system refuses (a name too long, a device)
            from wizard.answers import describe_os_error

            name = f"{error.filename}：" if error.filename else ""
            fail(f"无法使用 {name}{describe_os_error(error)}")
        except Interrupted as interrupted:
            from wizard.render.terminal import plain

            try:
                where = interrupted.session.finish()
            except UserError as error:
                fail(f"已中断，但{error}", NotSaved.exit_code)
            message = f"\n已中断。答案已保存到 {where}\n继续填写请运行：{resume_command(where)}"
            plain(_console(stderr=True), message, "yellow")
            raise typer.Exit(interrupted.exit_code) from None
        except (KeyboardInterrupt, EOFError):
            _console(stderr=True).print("\n已取消。")
            raise typer.Exit(Exit.INTERRUPTED) from None

    return wrapper


def terminal_available() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _console(stderr: bool = False) -> Console:
    from wizard.render.terminal import make_console

    return make_console(stderr)


def fail(message: str, code: int = Exit.BAD_INPUT) -> NoReturn:
    from wizard.render.terminal import error

    error(_console(stderr=True), message)
    raise typer.Exit(code)


def _no_terminal() -> NoReturn:
    fail(
        "没有可交互的终端（标准输入或输出不是终端），无法逐项提问。\n"
        "可以用 --data 问题id=值（可重复）或 --data-file 答案.toml 直接提供答案，"
        "并加上 --no-input 表示不再提问。例如：\n"
        "  report-wizard new 报告.toml --data unit_name=杉岭乡 --data unit_kind=乡 --no-input"
    )


DataOption = Annotated[
    list[str] | None,
    typer.Option("--data", help="直接给出答案：问题id=值，可重复。", metavar="问题id=值"),
]
DataFileOption = Annotated[
    list[Path] | None,
    typer.Option("--data-file", help="从 TOML 文件读入答案（键为问题 id）。", metavar="文件"),
]
NoInputOption = Annotated[
    bool, typer.Option("--no-input", help="不提问：只保存 --data/--data-file 给出的答案。")
]
NoPagerOption = Annotated[bool, typer.Option("--no-pager", help="不分页，直接输出全文。")]


def _run_session(
    session: Session,
    data: list[str] | None,
    data_files: list[Path] | None,
    no_input: bool,
    created: bool,
) -> None:
    from wizard.render.terminal import plain
    from wizard.session import apply_data

    console = _console()
    try:
        for message in session.notes:
            plain(console, message, "yellow")
        if data or data_files:
            session.interview, count = apply_data(session.interview, data or [], data_files or [])
            notice = session.save()
            if notice:
                plain(console, notice, "yellow")
            plain(console, f"已保存 {count} 项答案到 {session.target.resolve()}")
        elif created:
            session.save()
            plain(console, f"答案会随时保存到：{session.path.resolve()}")
        if no_input:
            return
        from wizard.flow import run

        run(session, console, fresh=created)
    finally:
        session.close()


@app.command(cls=ChineseHelpCommand)
@handles_errors
def new(
    file: Annotated[
        Path | None, typer.Argument(help="答案文件（不写时按单位和年度起名）", metavar="答案文件")
    ] = None,
    template: Annotated[
        str, typer.Option("--template", "-t", help="问卷模板 id", metavar="模板")
    ] = "township",
    last_year: Annotated[
        Path | None,
        typer.Option(
            "--from", help="上一年度的答案文件：沿用文字，对比数字", metavar="上年答案文件"
        ),
    ] = None,
    data: DataOption = None,
    data_file: DataFileOption = None,
    no_input: NoInputOption = False,
) -> None:
    """开始填写一份新报告。"""
    from wizard.questionnaire.locate import load_template
    from wizard.session import create, default_file_name

    if not no_input and not terminal_available():
        _no_terminal()
    questionnaire = load_template(template)
    session = create(file or Path(default_file_name()), questionnaire, last_year)
    session.provisional_name = file is None
    _run_session(session, data, data_file, no_input, created=True)


@app.command(cls=ChineseHelpCommand)
@handles_errors
def resume(
    file: Annotated[Path, typer.Argument(help="答案文件", metavar="答案文件")],
    data: DataOption = None,
    data_file: DataFileOption = None,
    no_input: NoInputOption = False,
) -> None:
    """接着上次的地方继续填写。"""
    from wizard.session import resume as open_session

    if not no_input and not terminal_available():
        _no_terminal()
    _run_session(open_session(file), data, data_file, no_input, created=False)


def _preview(path: Path, no_pager: bool, title: str = "") -> None:
    from wizard.check import check
    from wizard.render.screens import preview_renderable, show
    from wizard.report import build_report
    from wizard.session import open_readonly

    interview = open_readonly(path)
    report = build_report(interview)
    show(_console(), preview_renderable(report, check(interview, report), title), not no_pager)


@app.command(cls=ChineseHelpCommand)
@handles_errors
def preview(
    file: Annotated[Path, typer.Argument(help="答案文件", metavar="答案文件")],
    no_pager: NoPagerOption = False,
) -> None:
    """在终端中预览报告草稿（待填写处高亮）。"""
    _preview(file, no_pager)


@app.command(cls=ChineseHelpCommand)
@handles_errors
def demo(no_pager: NoPagerOption = False) -> None:
    """不用输入，直接预览一份示例报告草稿。"""
    from wizard.questionnaire import prompts_dir

    example = prompts_dir() / "examples" / "township-2022.toml"
    _preview(example, no_pager, title="示例：由 prompts/examples/township-2022.toml 生成的草稿")
    _console().print("\n写自己的报告：report-wizard new 报告.toml", style="bold green")


@app.command(cls=ChineseHelpCommand)
@handles_errors
def export(
    file: Annotated[Path, typer.Argument(help="答案文件", metavar="答案文件")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help="输出文件：.txt、.md 或 .docx", metavar="输出文件"),
    ],
    force: Annotated[bool, typer.Option("--force", help="输出文件已存在时覆盖它")] = False,
) -> None:
    """导出报告草稿为文本、Markdown 或 Word 文件。"""
    from wizard.cleaning import for_terminal
    from wizard.export import export_report
    from wizard.report import build_report
    from wizard.session import open_readonly

    report = build_report(open_readonly(file))
    export_report(report, output, force=force)
    message = f"已导出：{output}（{report.characters} 字"
    message += f"，其中 {len(report.missing)} 处待填写）" if report.missing else "）"
    # One unstyled line: printed without rich, which export otherwise never needs (~25 ms).
    typer.echo(for_terminal(message))


@app.command("check", cls=ChineseHelpCommand)
@handles_errors
def check_command(
    file: Annotated[Path, typer.Argument(help="答案文件", metavar="答案文件")],
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出检查结果")] = False,
) -> None:
    """检查缺什么、哪里前后矛盾；完整时退出码为 0，不完整为 1。"""
    from wizard.check import check
    from wizard.session import open_readonly

    interview = open_readonly(file)
    result = check(interview)
    if as_json:
        q = interview.questionnaire
        data = result.to_json(str(file), q.id, q.version)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from wizard.render.screens import check_renderable

        _console().print(check_renderable(result))
    if not result.complete:
        raise typer.Exit(Exit.INCOMPLETE)


@app.command(cls=ChineseHelpCommand)
@handles_errors
def compare(
    last: Annotated[Path, typer.Argument(help="上一年度的答案文件", metavar="上年答案文件")],
    this: Annotated[Path, typer.Argument(help="本年度的答案文件", metavar="本年答案文件")],
) -> None:
    """对比两个年度的各项数字。"""
    from wizard.compare import compare_figures
    from wizard.render.screens import compare_table
    from wizard.session import open_readonly

    before, after = open_readonly(last), open_readonly(this)
    if before.questionnaire.id != after.questionnaire.id:
        fail("两个文件使用的问卷不同，无法对比")
    rows, years = compare_figures(before, after)
    _console().print(compare_table(rows, years))


@app.command(cls=ChineseHelpCommand)
@handles_errors
def summary(
    paths: Annotated[
        list[Path],
        typer.Argument(help="答案文件，或放答案文件的文件夹（可多个）", metavar="文件或文件夹"),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="另存为 .xlsx、.csv 或 .md", metavar="输出文件"),
    ] = None,
    expect_file: Annotated[
        Path | None,
        typer.Option("--expect", help="应报送单位名单（每行一个），列出未报送的", metavar="名单"),
    ] = None,
    figures: Annotated[
        bool, typer.Option("--figures", help="在终端中也列出各项数字的合计")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
    force: Annotated[bool, typer.Option("--force", help="输出文件已存在时覆盖它")] = False,
) -> None:
    """汇总多个单位的答案：是否通过检查、五项内容、公开期限和各项数字。"""
    from wizard.render import sheet
    from wizard.render.screens import summary_renderable
    from wizard.render.terminal import plain
    from wizard.summary import expect, read_units, summarize

    if output is not None and output.suffix.lower() not in (".xlsx", ".csv", ".md"):
        fail("汇总表只能另存为 .xlsx、.csv 或 .md")
    result = summarize(paths)
    if expect_file is not None:
        expect(result, read_units(expect_file))
    if as_json:
        data = sheet.summary_json(result)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        _console().print(summary_renderable(result, figures))
    if output is not None:
        from wizard.export import write_new

        write_new(output, sheet.render(result, output.suffix.lower()), force)
        plain(_console(), f"已另存为：{output}")


@app.command(cls=ChineseHelpCommand)
@handles_errors
def keys(
    template: Annotated[
        str, typer.Argument(help="问卷模板 id，或问卷文件的路径", metavar="模板")
    ] = "township",
    as_json: Annotated[bool, typer.Option("--json", help="以 JSON 输出")] = False,
) -> None:
    """列出问卷的全部问题 id（--data 可用的键）及其名称、题型、单位、部分和专题。"""
    from wizard.questionnaire.keys import keys as all_keys
    from wizard.questionnaire.locate import load_template

    found = all_keys(load_template(template))
    if as_json:
        sys.stdout.write(json.dumps([k.to_json() for k in found], ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        return
    from wizard.render.screens import keys_table

    _console().print(keys_table(found))


@app.command(cls=ChineseHelpCommand)
@handles_errors
def lint(file: Annotated[Path, typer.Argument(help="问卷文件", metavar="问卷文件")]) -> None:
    """检查问卷文件，一次列出全部错误；没有错误时退出码为 0，否则为 2。"""
    from wizard.answers import read_text
    from wizard.questionnaire.loader import lint as find_mistakes
    from wizard.render.terminal import error, plain

    mistakes = find_mistakes(read_text(file), str(file))
    for mistake in mistakes:
        error(_console(), str(mistake))
    if mistakes:
        plain(_console(), f"共 {len(mistakes)} 处错误。", "bold red")
        raise typer.Exit(Exit.BAD_INPUT)
    plain(_console(), f"{file}：没有发现错误。", "green")


@app.command(cls=ChineseHelpCommand)
@handles_errors
def templates() -> None:
    """列出可用的问卷模板。"""
    from wizard.questionnaire import QuestionnaireError, available, load
    from wizard.questionnaire.locate import is_shipped, user_dir
    from wizard.render.screens import templates_table
    from wizard.render.terminal import error, plain

    rows, broken = [], []
    for path in available():
        shipped = is_shipped(path)
        try:
            q = load(path, f"prompts/{path.name}" if shipped else str(path))
        except QuestionnaireError as mistake:  # list the others all the same
            broken.append(str(mistake))
            continue
        rows.append((q.id, q.title, q.version, q.question_count, "内置" if shipped else str(path)))
    _console().print(templates_table(rows))
    plain(_console(), f"自己的问卷放在：{user_dir()}（也可用 new --template 问卷文件路径）", "dim")
    for message in broken:
        error(_console(stderr=True), message)
    if broken:
        raise typer.Exit(Exit.BAD_INPUT)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"report-wizard {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="显示版本号")
    ] = False,
) -> None:
    """法治政府建设年度报告填写向导。"""


def main() -> None:
    """Entry point: mistakes in the command line itself get a message in Chinese too."""
    try:
        code = app(prog_name="report-wizard", standalone_mode=False)
    except KeyboardInterrupt:
        code = Exit.INTERRUPTED
    except Exception as error:
        # typer raises click's usage errors (vendored inside typer since 0.27): they are
        # recognised by their shape, as typer itself does, not by an import path.
        if getattr(error, "exit_code", None) != Exit.BAD_INPUT or not hasattr(error, "ctx"):
            from wizard.cli_messages import crashed

            code = crashed(error)
        elif type(error).__name__ == "NoArgsIsHelpError":
            from wizard.helptext import show_help

            show_help(error.ctx)
            code = Exit.BAD_INPUT
        else:
            from wizard.cli_messages import usage_message
            from wizard.render.terminal import error as show_error

            show_error(_console(stderr=True), usage_message(error))
            code = Exit.BAD_INPUT
    sys.exit(code if isinstance(code, int) else 0)
