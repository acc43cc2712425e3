"""The terminal rendering, drawn into a string at 80 columns as rich's own tests do."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from wizard.questionnaire import Questionnaire
from wizard.render.screens import check_renderable, clip
from wizard.render.terminal import ChineseText, report_renderable
from wizard.report.check import check
from wizard.report.draft import build_report
from wizard.state import lists
from wizard.state.interview import Interview

CLOSERS = tuple("，。、；：？！）」』”’》")


def draw(renderable: object, width: int = 80) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(renderable)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    assert isinstance(output, str)
    return output


def test_the_draft_fits_80_columns_and_breaks_lines_the_chinese_way(example: Interview) -> None:
    lines = draw(report_renderable(build_report(example))).splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    assert not [line for line in lines if line.startswith(CLOSERS)]
    assert "杉岭乡2022年法治政府建设年度报告" in lines[0]
    assert lines[-1] == "全文 2098 字"


def test_wrapping_moves_the_character_before_a_closing_mark() -> None:
    lines = draw(ChineseText(Text("一二三四五，六七")), width=10).splitlines()
    assert lines == ["一二三四", "五，六七"]
    lines = draw(ChineseText(Text("一二三四“五六”")), width=10).splitlines()
    assert lines == ["一二三四", "“五六”"]


def test_placeholders_are_counted_and_shown(township: Questionnaire) -> None:
    output = draw(report_renderable(build_report(Interview(township))))
    assert "【待填写：单位名称】" in output
    assert "处待填写（已用黄色标出）" in output


def test_typed_markup_stays_literal(example: Interview) -> None:
    lists.edit(example, "leadership_points", 0, {"title": "[red]重要[/red]"})
    assert "一是[red]重要[/red]。" in draw(report_renderable(build_report(example)), width=200)


def test_check_summary_folds_instead_of_cutting(example: Interview) -> None:
    output = draw(check_renderable(check(example), limit=3))
    assert "…" not in output.replace("……另有", "")
    assert "加强法治政府建设的有关情" in output
    assert "另有" in output and "条提醒" in output


def test_clip_counts_wide_characters() -> None:
    assert clip("单位名称：杉岭乡", 80) == "单位名称：杉岭乡"
    clipped = clip("一二三四五六七八九十", 9)
    assert clipped == "一二三四…" and cell_len(clipped) <= 9


def test_recommended_gaps_are_grouped_by_topic(example: Interview) -> None:
    output = draw(check_renderable(check(example)), width=200)
    line = next(x for x in output.splitlines() if "抓实理论学习" in x)
    assert (
        "建议填写、尚未填写（抓实理论学习，筑牢法治思想根基）：党委理论学习中心组学法；会前学法；法治讲座、培训"
        in line
    )
    assert output.count("抓实理论学习") == 1


def test_hint_lines_break_between_phrases_not_inside_one() -> None:
    from rich.cells import cell_len

    from wizard.render.terminal import phrase_lines

    notes = ["建议填写；不掌握可直接按 Enter 跳过", "不掌握准确数时可写“约50”“2000余”“50人左右”"]
    assert phrase_lines(notes, 120) == ["；".join(notes)]
    lines = phrase_lines(notes, 60)
    assert lines == [notes[0] + "；", notes[1]]
    assert all(cell_len(line) <= 60 for line in lines)
    assert phrase_lines([], 80) == []
