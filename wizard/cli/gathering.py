"""The commands for figures gathered from colleagues: ``sheet`` writes the sheets to send
them, ``merge`` reads the filled sheets back into the answers file after the clerk has
seen every change."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from wizard.cli.support import Exit, console, fail, terminal_available

if TYPE_CHECKING:
    from wizard.gathering import Plan


def sheet(
    file: Annotated[Path, typer.Argument(help="答案文件", metavar="答案文件")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="写成的数字收集表（.xlsx）", metavar="输出文件")
    ],
    part: Annotated[
        str, typer.Option("--part", help="只收集这一部分的数字（部分的标题）", metavar="部分")
    ] = "",
    topic: Annotated[
        str, typer.Option("--topic", help="只收集这一专题的数字（专题的标题）", metavar="专题")
    ] = "",
    by: Annotated[
        str,
        typer.Option("--by", help="每个部分或每个专题一张工作表：部分、专题", metavar="分法"),
    ] = "",
    everything: Annotated[
        bool, typer.Option("--all", help="已经填了的数字也列出（可请同事核对）")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="输出文件已存在时覆盖它")] = False,
) -> None:
    """生成数字收集表（Excel），发给各科室、站所填写；填好后用 merge 读回。"""
    from wizard.gathering import Wanted, groups, source_of, wanted
    from wizard.render.colleagues import write
    from wizard.render.export import write_new
    from wizard.render.terminal import plain
    from wizard.session import open_readonly

    if output.suffix.lower() != ".xlsx":
        fail("数字收集表只能保存为 .xlsx 文件")
    if by not in ("", "部分", "专题"):
        fail(f"--by 只能是“部分”或“专题”，不是“{by}”")
    interview = open_readonly(file)
    rows = wanted(interview, part, topic, everything)
    if not rows:
        which = "、".join(f"“{w}”" for w in (part, topic) if w)
        scope = f"{which}中" if which else ""
        done = "" if everything else "还没填的"
        named = "、".join(groups(interview)) or "无"
        fail(f"{scope}没有{done}数字要收集。有数字的部分和专题：{named}")
    sheets: dict[str, list[Wanted]] = {}
    for row in rows:
        group = row.group if by == "专题" else row.group.split("／")[0] if by else "数字"
        sheets.setdefault(group, []).append(row)
    write_new(output, write(source_of(interview), sheets), force)
    plain(console(), f"已生成 {output}：{len(rows)} 个数字，{len(sheets)} 张工作表。", "green")
    plain(console(), f"同事填好后读回：report-wizard merge {file} {output}")


def merge(
    file: Annotated[Path, typer.Argument(help="答案文件", metavar="答案文件")],
    sheets: Annotated[
        list[Path], typer.Argument(help="填好的数字收集表（可多个）", metavar="数字收集表")
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="不逐项确认，直接保存")] = False,
    force: Annotated[
        bool, typer.Option("--force", help="与已填答案不同的数字也保存（替换已填的）")
    ] = False,
) -> None:
    """把同事填好的数字收集表读回答案文件：逐项显示改动，确认后才保存。"""
    from wizard.gathering import apply, plan, source_of
    from wizard.render.colleagues import read
    from wizard.render.terminal import error, plain
    from wizard.session import resume

    session = resume(file)
    try:
        interview = session.interview
        filled = [entry for path in sheets for entry in read(path, source_of(interview))]
        found = plan(interview, filled)
        out = console()
        _show(found, force)
        chosen = found.changes + (found.conflicts if force else [])
        if not chosen:
            plain(out, "没有要保存的改动。")
            raise typer.Exit(Exit.BAD_INPUT if found.refused else Exit.OK)
        if not yes and not _confirmed(len(chosen)):
            plain(out, "没有保存。")
            raise typer.Exit(Exit.OK)
        problems = apply(interview, chosen)
        for problem in problems:
            error(out, problem)
        notice = session.save()
        if notice:
            plain(out, notice, "yellow")
        saved = len(chosen) - len(problems)
        plain(out, f"已保存 {saved} 个数字到 {session.target}。", "green")
        if found.refused or problems:
            raise typer.Exit(Exit.BAD_INPUT)
    finally:
        session.close()


def _show(found: Plan, force: bool) -> None:
    """Every change, conflict and refusal, before anything is saved."""
    from wizard.render.terminal import error, plain

    out = console()
    for change in found.changes:
        plain(out, f"  {change}")
    for conflict in found.conflicts:
        mark = "将替换" if force else "与已填的不同，未保存（确需替换请加 --force）"
        plain(out, f"! {conflict}：{mark}", "yellow")
    for refused in found.refused:
        error(out, refused)
    if found.same:
        plain(out, f"另有 {found.same} 个数字与已填的相同。", "dim")


def _confirmed(count: int) -> bool:
    if not terminal_available():
        fail("没有可以确认的终端：确认无误后加 --yes 再运行")
    from wizard.prompter import confirm

    return confirm(f"保存这 {count} 处改动？")
