"""The report-wizard command: parse, call the engine, say the result.

Exit codes (0 ok, 1 incomplete, 2 bad input or usage, 130 interrupted) and the turning of
errors into messages live in ``support``; the commands for collecting reports and preparing
questionnaires in ``office``, colleagues' sheets in ``gathering``, the first screen in
``start``. questionary and python-docx are imported only by the commands that use them, so
``--help``, ``check`` and text export start fast.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from wizard import __version__
from wizard.base.files import unquoted
from wizard.cli.gathering import merge, sheet
from wizard.cli.helptext import ChineseHelpCommand, ChineseHelpGroup
from wizard.cli.office import import_command, keys, lint, summary, templates
from wizard.cli.support import Exit, console, fail, handles_errors, print_json, terminal_available

if TYPE_CHECKING:
    from wizard.session import Session

app = typer.Typer(
    name="report-wizard",
    cls=ChineseHelpGroup,
    help="法治政府建设年度报告填写向导：逐项提问、随时保存、生成报告草稿、检查并导出。",
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _no_terminal() -> NoReturn:
    fail(
        "没有可交互的终端（标准输入或输出不是终端），无法逐项提问。\n"
        "可以用 --data 编号=值（可重复）或 --data-file 答案.toml 直接提供答案，"
        "并加上 --no-input 表示不再提问。例如：\n"
        "  report-wizard new 报告.toml --data unit_name=杉岭乡 --data unit_kind=乡 --no-input"
    )


DataOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data", help="直接给出答案：问题编号=值，可重复（编号见 keys 命令）。", metavar="编号=值"
    ),
]
DataFileOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--data-file", help="从一个答案文件读入答案（如另一份报告的答案文件）。", metavar="文件"
    ),
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
    from wizard.session.data import apply_data

    out = console()
    try:
        for message in session.notes:
            plain(out, message, "yellow")
        if session.imported is not None:  # what last year's report gave, before anything else
            from wizard.render.screens import import_summary

            out.print(import_summary(session.imported, session.interview.questionnaire))
        if data or data_files:
            session.interview, count = apply_data(session.interview, data or [], data_files or [])
            notice = session.save()
            if notice:
                plain(out, notice, "yellow")
            plain(out, f"已保存 {count} 项答案到 {session.target.resolve()}")
        elif created:
            session.save()
            plain(out, f"答案会随时保存到：{session.path.resolve()}")
        if no_input:
            _say_which_questionnaire(session)
            return
        from wizard.flow import run

        run(session, out, fresh=created)
    finally:
        session.close()


def _say_which_questionnaire(session: Session) -> None:
    """Without questions, a name that says another kind of unit is only said (the wizard
    would offer to switch)."""
    from wizard.render.terminal import plain

    wanted = session.questionnaire_named()
    if wanted is not None:
        current = session.interview.questionnaire.id
        name = session.interview.display("unit_name")
        message = f"“{name}”看起来应当用问卷 {wanted}（现在用的是 {current}）：新建时加上 --template {wanted}"
        plain(console(), message, "yellow")


@app.command(cls=ChineseHelpCommand)
@handles_errors
def new(
    file: Annotated[
        Path | None, typer.Argument(help="答案文件（不写时按单位和年度起名）", metavar="答案文件")
    ] = None,
    template: Annotated[
        str | None,
        typer.Option(
            "--template",
            "-t",
            help="问卷：township 乡镇街道（默认）、county 县级政府、department 政府部门，"
            "或问卷文件的路径；从上年文件开始时默认用上年的问卷",
            metavar="问卷",
        ),
    ] = None,
    last_year: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="上一年度的答案文件或报告（.docx、.txt、.md）：沿用结构和文字，对比数字",
            metavar="上年文件",
        ),
    ] = None,
    data: DataOption = None,
    data_file: DataFileOption = None,
    no_input: NoInputOption = False,
) -> None:
    """开始填写一份新报告。"""
    from wizard.questionnaire.locate import load_template
    from wizard.session import create, default_file_name, last_years_questionnaire

    if not no_input and not terminal_available():
        _no_terminal()
    if template is None and last_year is not None:
        questionnaire = last_years_questionnaire(last_year)
    else:
        questionnaire = load_template(template or "township")
    session = create(file or Path(default_file_name()), questionnaire, last_year)
    session.provisional_name = file is None
    session.questionnaire_by_default = template is None and last_year is None
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
    from wizard.render.screens import preview_renderable, show
    from wizard.report.check import check
    from wizard.report.draft import build_report
    from wizard.session import open_readonly

    interview = open_readonly(path)
    report = build_report(interview)
    show(console(), preview_renderable(report, check(interview, report), title), not no_pager)


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
    console().print("\n写自己的报告：report-wizard new 报告.toml", style="bold green")


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
    from wizard.base.cleaning import for_terminal
    from wizard.render.export import export_report
    from wizard.report.draft import build_report
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
    as_json: Annotated[
        bool, typer.Option("--json", help="检查结果输出为 JSON 格式，供其他程序读取")
    ] = False,
) -> None:
    """检查缺什么、哪里前后矛盾，告诉您能不能提交。"""
    from wizard.report.check import check
    from wizard.session import notes, open_readonly

    interview = open_readonly(file)
    result = check(interview)
    if not as_json:  # what the file itself says first: a newer version, a moved questionnaire
        from wizard.render.terminal import plain

        for note in notes(interview, str(file)):
            plain(console(stderr=True), note, "yellow")
    if as_json:
        q = interview.questionnaire
        data = result.to_json(str(file), q.id, q.version)
        print_json(data)
    else:
        from wizard.render.screens import check_renderable

        console().print(check_renderable(result))
    if not result.complete:
        raise typer.Exit(Exit.INCOMPLETE)


@app.command(cls=ChineseHelpCommand)
@handles_errors
def compare(
    last: Annotated[Path, typer.Argument(help="上一年度的答案文件", metavar="上年答案文件")],
    this: Annotated[Path, typer.Argument(help="本年度的答案文件", metavar="本年答案文件")],
) -> None:
    """对比两个年度的各项数字。"""
    from wizard.render.screens import compare_table
    from wizard.report.compare import compare_figures
    from wizard.session import open_readonly

    before, after = open_readonly(last), open_readonly(this)
    if before.questionnaire.id != after.questionnaire.id:
        fail("两个文件使用的问卷不同，无法对比")
    rows, years = compare_figures(before, after)
    console().print(compare_table(rows, years))


@app.command("figures", cls=ChineseHelpCommand)
@handles_errors
def figures_command(
    file: Annotated[Path, typer.Argument(help="答案文件", metavar="答案文件")],
    as_json: Annotated[
        bool, typer.Option("--json", help="以 JSON 格式输出，供其他程序读取")
    ] = False,
) -> None:
    """列出报告中的每一个数字：在哪里、统计的是什么、怎么写的、上年、同比、来自哪里。"""
    from wizard.session import open_readonly
    from wizard.state.figure_list import figures

    found = figures(open_readonly(file))
    if as_json:
        data = [f.to_json() for f in found]
        print_json(data)
        return
    from wizard.render.screens import figures_table

    console().print(figures_table(found))


for command in (summary, sheet, merge, keys, lint, templates):
    app.command(cls=ChineseHelpCommand)(handles_errors(command))
app.command("import", cls=ChineseHelpCommand)(handles_errors(import_command))


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
    for stream in (sys.stdout, sys.stderr):
        # A terminal set to a code page without Chinese shows ? for what it cannot, rather
        # than failing on every message (the crash handler's own included).
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    bare = False
    try:
        # A path pasted from Explorer (复制为路径) or dragged in may keep its quotes.
        args: list[str] | None = [unquoted(arg) for arg in sys.argv[1:]]
        if not args:  # in a terminal, a first screen; else the help, as before
            from wizard.cli.start import start_screen

            bare = True
            args = start_screen(Path.cwd())
            if args == []:
                sys.exit(Exit.OK)
        code = app(args=args or [], prog_name="report-wizard", standalone_mode=False)
    except KeyboardInterrupt:
        code = Exit.INTERRUPTED
    except Exception as error:
        # typer raises click's usage errors (vendored inside typer since 0.27): they are
        # recognised by their shape, as typer itself does, not by an import path.
        if getattr(error, "exit_code", None) != Exit.BAD_INPUT or not hasattr(error, "ctx"):
            from wizard.cli.support import crashed

            code = crashed(error)
        elif type(error).__name__ == "NoArgsIsHelpError":
            code = Exit.BAD_INPUT  # the help is on the screen already (the error drew it)
        else:
            from wizard.cli.support import usage_message
            from wizard.render.terminal import error as show_error

            show_error(console(stderr=True), usage_message(error))
            code = Exit.BAD_INPUT
    if bare:
        from wizard.cli.start import wait_before_closing

        wait_before_closing()
    sys.exit(code if isinstance(code, int) else 0)
