"""The county office's summary on screen: a tally when the rows went to a file, else the
table of units, and the figures totalled."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from wizard.figures import format_number
from wizard.render.terminal import safe
from wizard.report.summary import Summary, UnitRow, UnitTable


def summary_tally(summary: Summary) -> RenderableType:
    """What the office reads on screen when the rows went to a file: how many passed, and
    every file and unit that needs a look."""
    rows = [r for t in summary.tables for r in t.rows]
    passed = sum(r.complete for r in rows)
    parts: list[RenderableType] = [
        safe(f"共 {len(rows)} 个单位：{passed} 个通过检查，{len(rows) - passed} 个未通过。")
    ]
    return Group(*parts, *_needs_a_look(summary))


def _needs_a_look(summary: Summary) -> list[RenderableType]:
    parts: list[RenderableType] = []
    if summary.problems:
        problems = Table.grid(padding=(0, 1))
        problems.add_column()
        problems.add_column(overflow="fold")
        for problem in summary.problems:
            problems.add_row(Text("✗", style="red"), safe(f"未能读取：{problem.message}"))
        parts.append(problems)
    for aside in summary.set_aside:
        parts.append(safe(f"! 未计入：{aside.path.name}（{aside.unit}）{aside.reason}", "yellow"))
    if summary.missing:
        missing = "、".join(map(str, summary.missing))
        parts.append(safe(f"未报送（{len(summary.missing)}）：{missing}", "yellow"))
    return parts


def summary_renderable(summary: Summary, figures: bool = False) -> RenderableType:
    """The review table for 80 columns: the check columns per unit, and with ``figures`` the
    totals per figure (the units' own values go to the -o file)."""
    parts: list[RenderableType] = []
    for table in summary.tables:
        labels = "".join(f"\n{n}.{label}" for n, label in enumerate(table.content_labels, 1))
        units = Table(title=safe(table.title))
        # Columns nobody filled (a questionnaire without kinds, no file open) are left out.
        names = ["单位", "类别", "年度", "检查", "五项内容", "公开期限", "备注"]
        cells = [_unit_cells(row) for row in table.rows]
        shown = [i for i in range(len(names)) if (i != 1 and i != 6) or any(c[i] for c in cells)]
        for i in shown:
            units.add_column(names[i], overflow="fold")
        for row, row_cells in zip(table.rows, cells, strict=True):
            texts = [safe(c) for c in row_cells]
            texts[3].stylize("green" if row.complete else "red")
            units.add_row(*(texts[i] for i in shown))
        parts += [units, safe(f"五项内容：{labels}", style="dim"), Text("")]
        if figures:
            parts += [_figures_table(table), Text("")]
    parts += _needs_a_look(summary)
    if not summary.tables and not summary.problems:
        parts.append(Text("没有找到答案文件（*.toml）。"))
    return Group(*parts)


def _unit_cells(row: UnitRow) -> list[str]:
    verdict = "✓" if row.complete else f"✗ 错{row.errors}"
    verdict += f" 提醒{row.warnings}" if row.warnings else ""
    days = row.days_left
    deadline = "" if days is None else (f"剩 {days} 天" if days >= 0 else f"过 {-days} 天")
    return [
        row.unit,
        row.kind,
        "" if row.year is None else str(row.year),
        verdict,
        "".join("✓" if present else "✗" for present in row.contents),
        deadline,
        row.note,
    ]


def _figures_table(table: UnitTable) -> Table:
    totals = Table(title="数字汇总")
    totals.add_column("项目", overflow="fold")
    for name in ("填报", "合计", "上年合计", "同比"):
        totals.add_column(name, justify="right")
    for column in table.columns:
        given = sum(column.id in r.figures for r in table.rows)
        if not given:
            continue
        total, before = table.total(column), table.previous_total(column)
        change = table.year_on_year(column)
        totals.add_row(
            safe(column.title),
            str(given),
            "—" if total is None else format_number(column.question, total, with_unit=False),
            "—" if before is None else format_number(column.question, before, with_unit=False),
            "—" if change is None else f"{change:+.1f}%",
        )
    return totals
