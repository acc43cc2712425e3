"""The wizard's other screens in the terminal: the header, check findings, tables, the pager.

Everything shown here comes from plain data; text from files and answers is
passed as ``Text`` (never as markup), so brackets stay brackets.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from wizard.base.cleaning import for_terminal
from wizard.render.terminal import report_renderable, safe
from wizard.report.findings import GROUPS, CheckResult
from wizard.report.paragraphs import Report
from wizard.state.progress import Position

if TYPE_CHECKING:
    from wizard.importer.found import Imported
    from wizard.questionnaire import (
        Questionnaire,
    )  # types only: check and preview need none of these modules
    from wizard.questionnaire.keys import Key
    from wizard.state.figure_list import ListedFigure


def clip(text: str, cells: int) -> str:
    """Text cut to a number of terminal cells (a Chinese character takes two), with …."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, cells - 1).rstrip() + "…"


_SEVERITY = {"error": ("✗", "red"), "warning": ("!", "yellow"), "info": ("·", "cyan")}


def _finding_rows(result: CheckResult) -> list[tuple[str, str, Text]]:
    """(group, severity, text): one row per finding, except recommended figures left empty:
    they are many and alike, so one row per part or topic lists them."""
    groups: dict[tuple[str, str], Text] = {}
    rows: list[tuple[str, str, Text]] = []
    for finding in result.findings:
        if finding.code in ("content_missing", "content_skipped"):  # marked in the contents
            continue
        listed = finding.code in ("recommended_missing", "recommended_skipped")
        if not (listed and finding.label and finding.where):
            rows.append((finding.group, finding.severity, safe(finding.message)))
            continue
        verb = "已跳过" if finding.code == "recommended_skipped" else "建议填写、尚未填写"
        key = (verb, finding.where)
        if key in groups:
            groups[key].append("；" + for_terminal(finding.label), style="")
            continue
        groups[key] = safe(f"{verb}（{finding.where}）：", style="bold")
        groups[key].append(for_terminal(finding.label), style="")
        rows.append((finding.group, finding.severity, groups[key]))
    return rows


def check_renderable(result: CheckResult, limit: int | None = None) -> RenderableType:
    """The five contents, then what is still to do, in the order a reviewer reads (contents,
    figures, form), worst first; ``limit`` shortens the warnings (the menu's summary)."""
    lines: list[RenderableType] = []
    table = Table.grid(padding=(0, 1))
    table.add_column()
    table.add_column(overflow="fold")
    for content in result.contents:
        mark = Text("✓", style="green") if content.present else Text("✗", style="red")
        if content.skipped:
            mark = Text("!", style="yellow")
        table.add_row(mark, safe(content.label))
    lines.append(Text("规定的五项内容", style="bold"))
    lines.append(table)
    order = {"error": 0, "warning": 1, "info": 2}
    rows = sorted(_finding_rows(result), key=lambda r: (GROUPS.index(r[0]), order[r[1]]))
    hidden = shown_warnings = 0
    heading = ""
    for group, severity, text in rows:
        if severity == "warning" and limit is not None:
            shown_warnings += 1
            if shown_warnings > limit:
                hidden += 1
                continue
        if group != heading:
            heading = group
            lines += [Text(""), Text(f"检查结果：{group}", style="bold")]
        symbol, style = _SEVERITY[severity]
        row = Table.grid(padding=(0, 1))
        row.add_column()
        row.add_column(overflow="fold")
        row.add_row(Text(symbol, style=style), text)
        lines.append(row)
    if hidden:
        lines.append(
            Text(f"……另有 {hidden} 条提醒，运行 report-wizard check 查看全部", style="dim")
        )
    verdict = (
        Text("✓ 报告内容完整，可以提交。", style="bold green")
        if result.complete
        else Text("✗ 报告还不完整：请先处理上面标 ✗ 的各项。", style="bold red")
    )
    lines.append(Text(""))
    lines.append(verdict)
    return Group(*lines)


def preview_renderable(report: Report, result: CheckResult, title: str = "") -> RenderableType:
    """The draft, then what is still missing: the same for `preview` and the wizard's menu."""
    parts: list[RenderableType] = [Rule(title)] if title else []
    parts += [report_renderable(report), Rule(), check_renderable(result, limit=5)]
    return Group(*parts)


def show(console: Console, renderable: RenderableType, pager: bool) -> None:
    """Print; on a terminal and when asked, a screen at a time with a prompt in Chinese.

    Our own pager, not less: less garbles a Chinese prompt and its own is a bare ":", and
    Windows has no less at all.
    """
    if not (pager and console.is_terminal):
        console.print(renderable)
        return
    with console.capture() as capture:
        console.print(renderable)
    lines = capture.get().rstrip("\n").split("\n")
    page = max(console.size.height - 1, 3)
    shown, step = 0, page
    while shown < len(lines):
        chunk = lines[shown : shown + step]
        sys.stdout.write("\n".join(chunk) + "\n")
        shown += len(chunk)
        if shown >= len(lines):
            break
        prompt = f"—— 第 {shown}/{len(lines)} 行　空格键 下一页　Enter 下一行　q 返回 ——"
        sys.stdout.write(prompt)
        sys.stdout.flush()
        key = read_key()
        sys.stdout.write("\r" + " " * cell_len(prompt) + "\r")
        if key in ("q", "Q", "\x1b"):
            break
        step = 1 if key in ("\r", "\n") else page
    sys.stdout.flush()


def read_key() -> str:
    """One key press, without Enter (on Windows too); Ctrl-C raises KeyboardInterrupt."""
    from typer import getchar

    return getchar()


def templates_table(rows: list[tuple[str, str, str, int, str]]) -> Table:
    table = Table(title="可用的问卷模板", title_justify="left")
    table.add_column("模板 id")
    table.add_column("名称")
    table.add_column("版本")
    table.add_column("问题数", justify="right")
    table.add_column("来源", overflow="fold")
    for ident, title, version, count, where in rows:
        table.add_row(safe(ident), safe(title), safe(version), str(count), safe(where))
    return table


def compare_table(rows: list[tuple[str, str, str, str, str]], years: tuple[str, str]) -> Table:
    table = Table(title="两个年度的数字对比", title_justify="left")
    table.add_column("项目")
    table.add_column(years[0], justify="right")
    table.add_column(years[1], justify="right")
    table.add_column("变化", justify="right")
    table.add_column("变化率", justify="right")
    for row in rows:
        table.add_row(*(safe(cell) for cell in row))
    return table


def header(
    console: Console,
    title: str,
    section: str,
    position: Position,
    percent: int,
    topic: str = "",
) -> None:
    """Where the user is and how far: unit and year, section, question i of n, a bar and %."""
    where = safe(section, style="bold cyan")
    if topic:
        where.append(" › ")
        where.append(for_terminal(topic), style="cyan")
    progress = Table.grid(padding=(0, 1))
    progress.add_column()
    progress.add_column()
    progress.add_column()
    count = f"本部分第 {position.in_section}/{position.section_total} 题 · 共 {position.total} 题"
    progress.add_row(
        ProgressBar(total=100, completed=percent, width=20), Text(f"已完成 {percent}%"), Text(count)
    )
    console.print(
        Panel(
            Group(where, progress),
            title=safe(title),
            title_align="left",
            width=min(console.width, 80),
        )
    )


def keys_table(keys: list[Key]) -> Table:
    table = Table(title="问题编号（report-wizard new 文件 --data 编号=值）", title_justify="left")
    for name in ("id", "问题", "题型", "单位", "部分 › 专题"):
        table.add_column(name, overflow="fold")
    for key in keys:
        where = " › ".join(part for part in (key.section, key.topic) if part)
        table.add_row(safe(key.id), safe(key.label), key.kind, safe(key.unit), safe(where))
    return table


def outline_renderable(report: Report, height: int = 0) -> RenderableType:
    """The outline as it will print: the title, every heading with its numbering, run in or
    on its own line, and the start of the paragraphs under a heading that stands alone.
    ``height``: lines there is room for; the panel keeps to it so that the choices below
    it stay on screen with the headings."""
    lines = [Text(for_terminal(report.title), style="bold")]
    under_heading = 0
    for paragraph in report.paragraphs:
        runs_in = bool(paragraph.spans) and paragraph.spans[0].role == "heading"
        if paragraph.kind == "heading":
            indent = "　" * max(paragraph.level - 1, 0)
            lines.append(Text(clip(indent + for_terminal(paragraph.text), 76), style="bold"))
            under_heading = 2
        elif paragraph.kind == "body" and (runs_in or under_heading):
            indent = "　" if runs_in else "　　"
            style = "" if runs_in else "dim"
            lines.append(Text(clip(indent + for_terminal(paragraph.text), 76), style=style))
            under_heading = max(under_heading - 1, 0)
    if height and len(lines) > height:
        # Headings, own-line or run in, are what the screen changes: the text under them
        # goes first, then what does not fit.
        keep = [line for line in lines if line.style != "dim"]
        lines = [*keep[: max(height - 1, 1)], Text("……（全文见“预览报告草稿”）", style="dim")]
    return Panel(Group(*lines), title="报告结构（按现在的设置排出）", title_align="left")


def import_summary(found: Imported, questionnaire: Questionnaire) -> RenderableType:
    """What ``import`` made of a report: each part and what it went to, the topics with
    their points, every figure with its match and why, every paragraph that fits nowhere,
    and what to confirm."""
    titles = {s.id: s.title for s in questionnaire.sections}
    frame = Table(title="标题、主送、开头和落款（按原文）", title_justify="left")
    frame.add_column("", no_wrap=True)
    frame.add_column("原文", overflow="fold")
    for what, text in found.frame:
        frame.add_row(what, safe(clip(text, 120) if what == "开头一段" else text))
    table = Table(title="各部分读成了什么", title_justify="left", show_lines=False)
    table.add_column("原文的标题", overflow="fold")
    table.add_column("读成", overflow="fold")
    topics = iter(found.topics)
    for part in found.parts:
        went = f"“{titles[part.section]}”部分" if part.section else "未能归入（原文已保留）"
        if part.contents:
            went += "（规定内容：" + "；".join(part.contents) + "）"
        table.add_row(safe(part.heading), went)
        for topic in [next(topics) for _ in range(part.items)]:
            kind = "自拟专题" if topic.own else "专题"
            heading = topic.heading or "（不加标题）"
            table.add_row(safe("　" + heading), f"{kind}，{topic.points} 条做法")
    figures = Table(title="读到的数字", title_justify="left")
    figures.add_column("原文", overflow="fold")
    figures.add_column("记为", overflow="fold")
    for figure in found.figures:
        if figure.question:
            said = f"数字题“{figure.question_label}”" + ("" if figure.sure else "（请核对）")
        else:
            said = "本单位自己的数字"
        figures.add_row(safe(f"{figure.label}{figure.said}"), safe(said))
    lines: list[RenderableType] = [frame, table, figures] if found.frame else [table, figures]
    lines.append(
        Text(
            "数字都留在原来的句子里；对应数字题的，今年会提示更新。"
            "要改对应关系，在向导里打开这一专题即可。",
            style="dim",
        )
    )
    for where, text in found.unplaced:
        lines.append(
            safe(
                f"未能归入任何部分（已原样保存在答案文件的 [imported] 中）：{where}："
                f"{clip(text, 60)}",
                style="yellow",
            )
        )
    for text in found.unsure:
        lines.append(safe("请核对：" + text, style="yellow"))
    return Group(*lines)


def figures_table(found: list[ListedFigure]) -> RenderableType:
    """Every figure of the report: where, what, as printed, last year's, 同比, source."""
    from wizard.state.figure_list import SOURCE_NAMES

    table = Table(title=f"报告中的数字（{len(found)} 个）", title_justify="left")
    for column in ("位置", "统计的是什么", "写作", "上年", "同比", "来源"):
        table.add_column(column, overflow="fold")
    for figure in found:
        source = SOURCE_NAMES[figure.source]
        if figure.source == "text":
            source += f"：{figure.question_label}" if figure.question else "：本单位自己的"
        if figure.state == "carried":
            source += "（还是上年的数）"
        table.add_row(
            safe(figure.where),
            safe(figure.label),
            safe(figure.text or "（未填）"),
            safe(figure.previous or "—"),
            safe(figure.change or "—"),
            Text(source, style="yellow" if figure.state == "carried" else ""),
        )
    return table
