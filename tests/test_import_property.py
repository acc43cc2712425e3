"""An invariant over reports of any shape: whatever the levels, their numbering and layout,
the order of the parts and the words of their headings, an import keeps every sentence of
the body in the answers file, reads every figure, and the draft it gives states them all."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.import_corpus import imported_table
from wizard.answersfile import disk
from wizard.figures.grammar import MEASURE_WORDS
from wizard.questionnaire import load_by_id
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.state.interview import Interview
from wizard.state.wording import number_label

#: Words of generated prose: no numerals, no numbering marks, nothing a heading would be.
WORDS = (
    "推进", "依法", "行政", "规范", "执法", "程序", "完善", "制度", "群众", "服务", "宣传",
    "教育", "基层", "治理", "监督", "检查", "落实", "责任", "村民", "社区", "调解", "纠纷",
    "窗口", "网格", "平台", "案卷", "培训", "考核", "法律", "顾问", "审查", "合同", "公开",
)  # fmt: skip
HEADINGS = {
    "measures": ("工作开展情况", "主要举措和成效", "推进法治政府建设情况", "主要措施及成效"),
    "problems": ("存在的问题", "存在的不足和原因", "存在的问题及原因"),
    "duty": ("党政主要负责人履行推进法治建设第一责任人职责情况",),
    "plans": ("下步工作打算", "下一步工作安排", "2024年工作计划"),
    "other": ("其他需要报告的情况",),
}
MEASURES = tuple(w for w in MEASURE_WORDS if w not in ("年", "分", "个月"))


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)


@st.composite
def phrase(draw: st.DrawFn, low: int = 2, high: int = 5) -> str:
    return "".join(draw(st.lists(st.sampled_from(WORDS), min_size=low, max_size=high)))


@st.composite
def sentence(draw: st.DrawFn, report: Report) -> str:
    """A sentence of prose, some with a figure in it, as the clerk would write one."""
    text = draw(phrase())
    if draw(st.booleans()):
        number = str(draw(st.integers(1, 99999)))
        hedge = draw(st.sampled_from(("", "约", "近", "超过", "余", "左右")))
        measure = draw(st.sampled_from(MEASURES))
        if hedge in ("约", "近", "超过"):
            figure = f"{hedge}{number}{measure}"
        elif hedge == "余":
            figure = f"{number}余{measure}"
        else:
            figure = f"{number}{measure}{hedge}"
        report.figures.append(figure)
        text = f"{text}{figure}，{draw(phrase())}"
    report.sentences.append(text)
    return text + "。"


@st.composite
def block(draw: st.DrawFn, report: Report, depth: int) -> None:
    """What stands under a heading: prose, points run in or a paragraph each, or headings
    one level down with their own blocks."""
    shape = draw(
        st.sampled_from(("prose", "points", "paragraphs", "levels" if depth < 4 else "prose"))
    )
    if shape == "levels":
        styles = ("（一）", "1.", "（1）")
        style = styles[depth - 2] if depth >= 2 else "（一）"
        for n in range(1, draw(st.integers(1, 3)) + 1):
            heading = draw(phrase())
            report.sentences.append(heading)
            if draw(st.booleans()):  # run in
                report.lines.append(f"{number_label(style, n)}{heading}。{draw(sentence(report))}")  # type: ignore[arg-type]
            else:
                report.lines.append(f"{number_label(style, n)}{heading}")  # type: ignore[arg-type]
                report.lines.append(draw(sentence(report)))
            draw(block(report, depth + 1))
        return
    if shape == "prose":
        for _ in range(draw(st.integers(1, 2))):
            report.lines.append(draw(sentence(report)))
        return
    count = draw(st.integers(2, 4))
    points = [f"{number_label('一是', n)}{draw(sentence(report))}" for n in range(1, count + 1)]
    if shape == "points":
        report.lines.append(draw(sentence(report)) + "".join(points))
    else:
        report.lines.extend(points)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    report = Report()
    unit = draw(st.sampled_from(("青石镇", "红河乡", "南湖街道")))
    title = draw(
        st.sampled_from(
            (
                f"{unit}2023年法治政府建设年度报告",
                f"{unit}人民政府关于2023年度法治政府建设情况的报告",
                f"中共{unit}委员会　{unit}人民政府关于2023年法治政府建设工作情况的报告",
            )
        )
    )
    report.lines += [title, draw(sentence(report))]
    kinds = draw(st.lists(st.sampled_from(("theme", *HEADINGS)), min_size=1, max_size=6))
    for n, kind in enumerate(kinds, 1):
        if kind == "theme":
            heading = f"{draw(phrase())}，{draw(phrase())}"
        else:
            heading = draw(st.sampled_from(HEADINGS[kind]))
        report.sentences.append(heading)
        report.lines.append(f"{number_label('一、', n)}{heading}")
        draw(block(report, 2))
    report.lines += [f"{unit}人民政府", "2024年1月15日"]
    return report


def squeezed(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_shape_keeps_every_sentence_and_every_figure(report: Report) -> None:
    township = load_by_id("township")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "去年.txt"
        source.write_text("\n".join(report.lines), encoding="utf-8")
        document, found = imported_table(source, township)
        disk.save(Path(folder) / "去年.toml", document)  # it is a file that saves
    kept = [squeezed(s) for s in strings({k: v for k, v in document.items() if k != "meta"})]
    for said in report.sentences:
        assert any(squeezed(said) in text for text in kept), said
    read = [f.said for f in found.figures]
    for figure in report.figures:
        assert figure in read, figure
    draft = render_text(build_report(Interview(township, document)))
    for figure in report.figures:
        assert figure in draft, figure
