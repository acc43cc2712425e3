"""The unit's own outline and figures: every numbering and layout in text, Markdown and Word;
the five contents wherever the parts are and whatever they are called; what cannot be used
is said; next year starts in this year's shape."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wizard.answersfile import disk, outline, own_figures
from wizard.cli.app import app
from wizard.questionnaire import load_by_id, prompts_dir
from wizard.render.export import render_bytes
from wizard.render.markdown import render_markdown
from wizard.render.text import render_text
from wizard.report.check import check
from wizard.report.draft import build_report
from wizard.state.interview import Interview

EXAMPLES = prompts_dir() / "examples"


def interview(name: str = "subdistrict-2023", **shape: Any) -> Interview:
    document = disk.load(EXAMPLES / f"{name}.toml")
    document.pop("outline", None)
    if shape:
        document["outline"] = shape
    return Interview(load_by_id("township"), document)


def three_renderings(subject: Interview) -> tuple[str, str, str]:
    report = build_report(subject)
    word = docx.Document(io.BytesIO(render_bytes(report, ".docx")))
    paragraphs = "\n".join(p.text for p in word.paragraphs)
    return render_text(report), render_markdown(report), paragraphs


TOPIC = "加强组织领导，压实法治建设责任"
POINT = "健全领导机制"


@pytest.mark.parametrize("layout", ["run_in", "own_line"])
@pytest.mark.parametrize(
    ("style", "label"),
    [
        ("一、", "一、"),
        ("（一）", "（一）"),
        ("1.", "1."),
        ("（1）", "（1）"),
        ("一是", "一是"),
        ("", ""),
    ],
)
def test_every_topic_numbering_and_layout(style: str, label: str, layout: str) -> None:
    subject = interview(numbering={"topic": style}, layout={"topic": layout})
    text, markdown, word = three_renderings(subject)
    markdown = markdown.replace("\\", "")  # 1. at a line's start is escaped
    for rendering in (text, word):
        lines = [line.strip() for line in rendering.splitlines()]
        if layout == "own_line":
            assert f"{label}{TOPIC}" in lines  # a line of its own, without 。
        else:
            assert any(line.startswith(f"{label}{TOPIC}。") for line in lines)
    if layout == "own_line":
        assert f"# {label}{TOPIC}\n" in markdown
    else:
        assert f"**{label}{TOPIC}**。" in markdown


@pytest.mark.parametrize("layout", ["run_in", "paragraphs"])
@pytest.mark.parametrize("style", ["一是", "（一）", "1.", "（1）", ""])
def test_every_point_numbering_and_layout(style: str, layout: str) -> None:
    document = disk.load(EXAMPLES / "subdistrict-own-figures-2023.toml")
    document["outline"] = {"numbering": {"point": style}, "layout": {"point": layout}}
    subject = Interview(load_by_id("township"), document)
    first = style  # the first point's label is the style itself (一是, （一）, 1. …)
    second = {"一是": "二是", "（一）": "（二）", "1.": "2.", "（1）": "（2）", "": ""}[style]
    for rendering in three_renderings(subject):
        rendering = rendering.replace("\\", "").replace("**", "")
        flat = rendering.replace("\n", "")
        assert f"{first}{POINT}。" in flat
        assert f"{second}压实工作责任。" in flat
        starts = [line.strip().lstrip("*") for line in rendering.splitlines()]
        own_paragraph = any(line.startswith(f"{second}压实工作责任") for line in starts)
        assert own_paragraph == (layout == "paragraphs"), rendering[:300]


def test_the_part_numbering_renames_and_order() -> None:
    subject = interview(
        order=["duty", "plans"],
        headings={"work": "主要举措和成效", "duty": "第一责任人履职"},
        numbering={"part": "（一）"},
        title="关于2023年度法治政府建设情况的报告",
        preamble="今年以来，我街道依法履职。\n现报告如下：",
    )
    text = render_text(build_report(subject))
    lines = [line.strip() for line in text.splitlines()]
    assert lines[0] == "关于2023年度法治政府建设情况的报告"
    assert lines[2:4] == ["今年以来，我街道依法履职。", "现报告如下："]
    parts = [line for line in lines if line[:3] in ("（一）", "（二）", "（三）")]
    assert parts[:3] == ["（一）第一责任人履职", "（二）下步工作打算", "（三）主要举措和成效"]


@pytest.mark.parametrize(
    "shape",
    [
        {},
        {
            "headings": {
                "work": "推进法治政府建设情况",
                "problems": "不足",
                "duty": "履职",
                "plans": "安排",
            }
        },
        {"order": ["other", "plans", "duty", "problems", "work"]},
        {"unwrapped": ["work"], "order": ["duty"]},
    ],
    ids=["default", "renamed", "reordered", "no wrapper"],
)
def test_the_five_contents_hold_wherever_the_parts_are(shape: dict[str, Any]) -> None:
    result = check(interview(**shape))
    assert all(c.present for c in result.contents), [c.label for c in result.contents]
    assert not [f for f in result.findings if f.severity == "error"]


def test_a_hidden_part_is_a_missing_content() -> None:
    result = check(interview(hidden=["duty"]))
    missing = [c.label for c in result.contents if not c.present]
    assert len(missing) == 1 and "第一责任人" in missing[0]
    assert "党政主要负责人履行" not in render_text(build_report(interview(hidden=["duty"])))


def test_what_cannot_be_used_is_said() -> None:
    subject = interview(numbering={"topic": "A."}, order=["nowhere"], colour="红")
    findings = [f for f in check(subject).findings if f.code == "structure"]
    said = {(f.severity, f.message) for f in findings}
    assert ("error", "报告结构中的 numbering.topic 不能是 'A.'，已按问卷的默认排版") in said
    assert ("error", "报告结构中没有 colour 这一项，已忽略") in said
    assert ("warning", "报告结构中提到的部分 'nowhere' 在问卷中没有，已忽略") in said
    # …and the draft is the questionnaire's own shape meanwhile.
    assert render_text(build_report(subject)) == render_text(build_report(interview()))


def test_own_figures_are_said_checked_and_kept() -> None:
    document = disk.load(EXAMPLES / "subdistrict-own-figures-2023.toml")
    text = render_text(build_report(Interview(load_by_id("township"), document))).replace("\n", "")
    assert "全年走访辖区商务楼宇35栋，同比增长25%。服务楼宇企业260余家。" in text
    assert "机关干部学法考试平均分92.5分。" in text

    document["own_figures"] = [
        {"topic": "services", "label": "服务企业", "value": "很多"},
        {"topic": "nowhere", "label": "走访", "value": 3},
        {"topic": "study", "label": "考试"},
    ]
    messages = [f.message for f in check(Interview(load_by_id("township"), document)).findings]
    assert any(m.startswith("本单位自己的第 1 个数字：") for m in messages)
    assert any("“走访”所在的专题或部分不在报告中" in m for m in messages)
    assert any("“考试”还没有填本年度的数" in m for m in messages)


def test_own_figures_in_the_duty_part_a_rate_and_a_total_with_its_parts() -> None:
    """The 第一责任人 part holds two figures of the unit's own; a rate may be one; a total's
    four 其中 parts are printed in its sentence and checked against it."""
    county = load_by_id("county")
    document = disk.load(EXAMPLES / "county-2023.toml")
    parts = [
        {"label": "路政", "value": 88},
        {"label": "道路运输", "value": 812},
        {"label": "水路运输", "value": 40},
        {"label": "其他", "value": 20},
    ]
    document["own_figures"] = [
        {
            "topic": "duty",
            "label": "述法评议",
            "value": 38,
            "unit": "个",
            "before": "组织部门主要负责人述法评议",
        },
        {"topic": "duty", "label": "旁听庭审", "value": 2, "unit": "次", "before": "带头旁听庭审"},
        {"topic": "duty", "label": "述法覆盖率", "value": 100, "unit": "%"},
        {
            "topic": "duty",
            "label": "行政处罚",
            "value": 960,
            "unit": "件",
            "parts": parts,
            "complete": True,
        },
    ]
    interview = Interview(county, document)
    text = render_text(build_report(interview)).replace("\n", "")
    assert "组织部门主要负责人述法评议38个。带头旁听庭审2次。述法覆盖率100%。" in text
    assert "行政处罚960件，其中路政88件、道路运输812件、水路运输40件、其他20件。" in text
    assert not [f for f in check(interview).findings if f.code == "rule_broken"]
    parts[3]["value"] = 10  # 950 of 960, said to be all of it
    wrong = [
        f.message for f in check(Interview(county, document)).findings if f.code == "rule_broken"
    ]
    assert wrong == ["数字对不上：本单位的数字“行政处罚”的其中各项加起来是 950，不等于总数"]
    parts[3]["value"] = 90  # 1030: more than the whole, complete or not
    document["own_figures"][3]["complete"] = False
    wrong = [
        f.message for f in check(Interview(county, document)).findings if f.code == "rule_broken"
    ]
    assert wrong == ["数字前后矛盾：本单位的数字“行政处罚”的其中各项加起来是 1030，超过了总数"]
    document["own_figures"][2]["value"] = 120  # a rate above 100 is refused
    problems = [
        f.message for f in check(Interview(county, document)).findings if f.code == "structure"
    ]
    assert any("应在 0 到 100 之间" in p for p in problems)


def test_next_year_starts_in_this_years_shape(tmp_path: Path) -> None:
    runner = CliRunner()
    for name, title in (
        ("town-themes-2023", "青石镇2024年度法治政府建设情况报告"),
        ("subdistrict-own-figures-2023", ""),
    ):
        target = tmp_path / f"{name}-next.toml"
        result = runner.invoke(
            app, ["new", str(target), "--from", str(EXAMPLES / f"{name}.toml"), "--no-input"]
        )
        assert result.exit_code == 0, result.output
        last, this = disk.load(EXAMPLES / f"{name}.toml"), disk.load(target)
        shape, before = outline.read(this.get("outline"))[0], outline.read(last.get("outline"))[0]
        assert shape.title == title
        assert (shape.unwrapped, shape.point_numbering, shape.point_layout) == (
            before.unwrapped,
            before.point_numbering,
            before.point_layout,
        )
    figures, problems = own_figures.read(this.get("own_figures"))
    assert not problems
    walk = next(f for f in figures if f.label == "走访辖区楼宇")
    assert walk.value is None and walk.last_year is not None and walk.last_year.value == 35
    assert walk.before == "全年走访辖区商务楼宇"


_PARTS = ["work", "results", "problems", "duty", "plans", "other", "nowhere"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.permutations(_PARTS),
    hidden=st.sets(st.sampled_from(_PARTS), max_size=3),
    unwrapped=st.sets(st.sampled_from(_PARTS), max_size=2),
    numbering=st.fixed_dictionaries(
        {},
        optional={
            "part": st.sampled_from(["一、", "（一）", "1.", "（1）", "一是", "A"]),
            "topic": st.sampled_from(outline.STYLES),
            "point": st.sampled_from(outline.STYLES),
        },
    ),
    layout=st.fixed_dictionaries(
        {},
        optional={
            "topic": st.sampled_from(["run_in", "own_line", "x"]),
            "point": st.sampled_from(["run_in", "paragraphs"]),
        },
    ),
    words=st.text(max_size=12),
)
def test_any_outline_keeps_every_answer_in_the_draft(
    order: list[str],
    hidden: set[str],
    unwrapped: set[str],
    numbering: dict[str, str],
    layout: dict[str, str],
    words: str,
) -> None:
    """Whatever the outline, the draft renders to every format, every point of a part that
    is not hidden is in it, and check runs."""
    subject = interview(
        "subdistrict-own-figures-2023",
        order=order,
        hidden=sorted(hidden),
        unwrapped=sorted(unwrapped),
        numbering=numbering,
        layout=layout,
        headings={"work": words, "plans": words},
        title=words,
    )
    text, markdown, word = three_renderings(subject)
    flat = text.replace("\n", "")
    for item in ("健全领导机制", "推行楼宇服务", "全年走访辖区商务楼宇35栋"):
        assert ("work" in hidden) != (item in flat), item
    assert ("problems" in hidden) != ("社区法治宣传的针对性不够强" in flat)
    assert all(
        c.present != (s in hidden)
        for c, s in zip(check(subject).contents, _CONTENT_PARTS, strict=True)
    )
    assert markdown and word


#: The part that holds each of the five contents in the township questionnaire (results
#: is off in this example, so the first is the work part).
_CONTENT_PARTS = ["work", "problems", "duty", "plans", "other"]


def test_the_outline_screen_keeps_to_the_room_it_has() -> None:
    from rich.console import Console

    from wizard.render.screens import outline_renderable

    report = build_report(interview(layout={"topic": "own_line"}))
    console = Console(width=80, record=True)
    console.print(outline_renderable(report))
    whole = console.export_text()
    assert "健全领导机制" in whole  # the start of the text under a heading standing alone
    console = Console(width=80, record=True)
    console.print(outline_renderable(report, height=8))
    short = console.export_text()
    assert len(short.splitlines()) == 8 + 2  # the panel's borders
    assert "（一）加强组织领导，压实法治建设责任" in short and "健全领导机制" not in short
    assert "全文见“预览报告草稿”" in short
