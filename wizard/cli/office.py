"""The commands for whoever collects and prepares questionnaires and reports: the county
office's summary, the questionnaire keys, lint, the list of questionnaires, and reading a
finished report back into an answers file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from wizard.cli.support import Exit, console, fail, print_json


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
    county: Annotated[
        str, typer.Option("--county", help="汇总表标题中的县（市、区）名", metavar="名称")
    ] = "",
    year: Annotated[
        int | None,
        typer.Option("--year", help="只汇总这一年度的报告（默认：多数报告的年度）", metavar="年度"),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="以 JSON 格式输出，供其他程序读取")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="输出文件已存在时覆盖它")] = False,
) -> None:
    """汇总多个单位的答案：是否通过检查、五项内容、公开期限和各项数字。"""
    from wizard.render import sheet
    from wizard.render.office import summary_renderable, summary_tally
    from wizard.render.terminal import plain
    from wizard.report.summary import expect, read_units, summarize

    if output is not None and output.suffix.lower() not in (".xlsx", ".csv", ".md"):
        fail("汇总表只能另存为 .xlsx、.csv 或 .md")
    missing = [p for p in paths if not p.exists()]
    if missing and len(missing) == len(paths):
        fail(f"找不到 {'、'.join(map(str, missing))}：请给出放答案文件的文件夹或答案文件")
    if output is not None:
        from wizard.render.export import check_target

        check_target(output, force)  # said now, not after reading two thousand files
    result = summarize(paths, year=year)
    if expect_file is not None:
        expect(result, read_units(expect_file))
    if as_json:
        data = sheet.summary_json(result)
        print_json(data)
    elif output is not None and not figures:  # the rows are in the file: a tally here
        console().print(summary_tally(result))
    else:
        console().print(summary_renderable(result, figures))
    if output is not None:
        from wizard.render.export import write_new

        suffix = output.suffix.lower()
        if suffix == ".xlsx":
            from wizard.render.workbook import render_xlsx

            written = render_xlsx(result, county)
        elif suffix == ".csv":
            written = sheet.render_csv(result)
        else:
            written = sheet.render_summary_markdown(result).encode("utf-8")
        write_new(output, written, force)
        plain(console(), f"已另存为：{output}")


def keys(
    template: Annotated[
        str,
        typer.Argument(help="问卷：township、county、department，或问卷文件的路径", metavar="问卷"),
    ] = "township",
    as_json: Annotated[
        bool, typer.Option("--json", help="以 JSON 格式输出，供其他程序读取")
    ] = False,
) -> None:
    """列出问卷的全部问题及其编号（--data 用）、题型、单位、部分和专题。"""
    from wizard.questionnaire.keys import keys as all_keys
    from wizard.questionnaire.locate import load_template

    found = all_keys(load_template(template))
    if as_json:
        print_json([k.to_json() for k in found])
        return
    from wizard.render.screens import keys_table

    console().print(keys_table(found))


def lint(file: Annotated[Path, typer.Argument(help="问卷文件", metavar="问卷文件")]) -> None:
    """检查问卷文件，一次列出全部错误，每处写明位置。"""
    from wizard.answersfile.disk import read_text
    from wizard.questionnaire.lint import lint as find_mistakes
    from wizard.render.terminal import error, plain

    mistakes = find_mistakes(read_text(file), str(file), file.resolve().parent)
    for mistake in mistakes:
        error(console(), str(mistake))
    if mistakes:
        plain(console(), f"共 {len(mistakes)} 处错误。", "bold red")
        raise typer.Exit(Exit.BAD_INPUT)
    plain(console(), f"{file}：没有发现错误。", "green")


def templates() -> None:
    """列出可用的问卷模板。"""
    from wizard.questionnaire import QuestionnaireError, available, load
    from wizard.questionnaire.places import USER_DIR_VARIABLE, is_shipped, user_dir
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
    console().print(templates_table(rows))
    plain(console(), f"自己的问卷放在：{user_dir()}（也可用 new --template 问卷文件路径）", "dim")
    if user_dir().exists() and not user_dir().is_dir():
        error(
            console(stderr=True),
            f"环境变量 {USER_DIR_VARIABLE} 指向的 {user_dir()} 是一个文件，不是文件夹："
            "那里的问卷找不到。请让它指向放问卷的文件夹。",
        )
    for message in broken:
        error(console(stderr=True), message)
    if broken:
        raise typer.Exit(Exit.BAD_INPUT)


def import_command(
    source: Annotated[
        Path, typer.Argument(help="写好的报告（.docx、.txt 或 .md）", metavar="报告文件")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="写成的答案文件（.toml）", metavar="答案文件")
    ],
    template: Annotated[
        str,
        typer.Option(
            "--template",
            "-t",
            help="问卷：township、county、department，或问卷文件的路径",
            metavar="问卷",
        ),
    ] = "township",
    as_json: Annotated[
        bool, typer.Option("--json", help="读到的内容以 JSON 格式输出，供其他程序读取")
    ] = False,
) -> None:
    """把一份写好的报告（如去年的 Word 文件）读成答案文件，并列出读到了什么。"""
    from wizard.answersfile.written_with import record_questionnaire
    from wizard.importer import import_report
    from wizard.questionnaire.locate import load_template
    from wizard.render.screens import import_summary
    from wizard.render.terminal import plain

    if output.exists():
        fail(f"{output} 已经存在，为了不覆盖它，没有导入。请换一个文件名。")
    questionnaire = load_template(template)
    document, found = import_report(source, questionnaire)
    record_questionnaire(document, questionnaire)
    document.save(output)
    if as_json:
        print_json(found.to_json())
        return
    console().print(import_summary(found, questionnaire))
    plain(
        console(),
        f"已写入 {output}。用它开始今年的报告：report-wizard new 今年.toml --from {output}",
        "green",
    )
