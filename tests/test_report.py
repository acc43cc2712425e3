"""The draft: exact text and Markdown, the reference outline, placeholders, literal user text."""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from tests.conftest import DATA
from wizard.answersfile.outline import Outline
from wizard.figures import Invalid
from wizard.questionnaire import Questionnaire, loads
from wizard.render.markdown import render_markdown, strong
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.state import lists
from wizard.state.interview import Interview
from wizard.state.wording import chinese_number, number_label

GOLDEN = DATA / "golden"


def test_text_of_the_example_is_exact(example: Interview) -> None:
    expected = (GOLDEN / "example.txt").read_text(encoding="utf-8")
    assert render_text(build_report(example)) == expected


def test_markdown_of_the_example_is_exact(example: Interview) -> None:
    expected = (GOLDEN / "example.md").read_text(encoding="utf-8")
    assert render_markdown(build_report(example)) == expected


def test_the_example_has_the_outline_of_the_reference(example: Interview) -> None:
    report = build_report(example)
    headings = [p.text for p in report.paragraphs if p.kind == "heading"]
    assert headings == [
        "一、工作开展情况",
        "二、工作主要成效",
        "三、存在的问题和原因",
        "四、下步工作打算",
    ]
    topics = [
        p for p in report.paragraphs if p.spans and p.spans[0].role == "heading" and "是" in p.text
    ]
    topic_paragraphs = topics[:6]
    assert [p.spans[0].text[:3] for p in topic_paragraphs] == [
        f"（{chinese_number(n)}）" for n in range(1, 7)
    ]
    points = [len(re.findall(r"[一二三四五六七八九十]是", p.text)) for p in topic_paragraphs]
    assert points == [2, 2, 3, 3, 4, 2]
    body: dict[str, list[str]] = {h: [] for h in headings}
    current = ""
    for paragraph in report.paragraphs:
        if paragraph.kind == "heading":
            current = paragraph.text
        elif current:
            body[current].append(paragraph.text)
    assert len(re.findall(r"[一二三四五六七八九十]是", body["二、工作主要成效"][0])) == 5
    assert len(re.findall(r"[一二三四五六七八九十]是", body["三、存在的问题和原因"][0])) == 3
    plans = [t for t in body["四、下步工作打算"] if t.startswith("（")]
    assert len(plans) == 2
    assert report.title == "杉岭乡2022年法治政府建设年度报告"
    assert [p.text for p in report.paragraphs if p.kind == "signature"] == [
        "杉岭乡",
        "2023年1月10日",
    ]
    assert report.missing == ()


def test_wording_follows_the_unit_kind(example: Interview) -> None:
    example.set("mediation_committees", example.trial("mediation_committees", "9"))
    assert "全乡建有人民调解委员会9个。" in render_text(build_report(example))
    example.answer("unit_kind", "街道")
    assert "全街道建有人民调解委员会9个。" in render_text(build_report(example))


def test_a_missing_figure_takes_only_its_own_clause_away(example: Interview) -> None:
    example.answer("petitions", "18")
    assert "受理信访事项18件。" in render_text(build_report(example))  # the rate is unknown
    example.answer("petitions_closed_rate", "100")
    assert "受理信访事项18件，办结率100%。" in render_text(build_report(example))
    example.clear("petitions")
    assert "办结率100%。" in render_text(build_report(example))
    assert "受理信访事项" not in render_text(build_report(example))


def test_a_figure_no_sentence_mentions_gets_one_of_its_own(mini: Questionnaire) -> None:
    interview = Interview(mini)
    interview.answer("visits_done", "6")  # the template names visits and the rate only
    assert "完成探访6次。" in render_text(build_report(interview))


def test_a_zero_is_no_achievement(example: Interview) -> None:
    example.answer("responsibility_letters", "0")
    text = render_text(build_report(example))
    assert "0份" not in text and "签订法治建设责任书" not in text


def test_an_empty_file_previews_with_placeholders(township: Questionnaire) -> None:
    report = build_report(Interview(township, {"meta": {"questionnaire": "township"}}))
    text = render_text(report)
    assert text.startswith("【待填写：单位名称】")
    assert "【待填写：组织领导方面的主要做法】" in text
    assert "【待填写：存在的问题】" in text
    assert "【待填写：成文日期】" in text
    assert len(report.missing) >= 10


def test_a_half_filled_file(township: Questionnaire) -> None:
    interview = Interview(township)
    interview.answer("unit_name", "青石镇")
    interview.answer("unit_kind", "镇")
    interview.answer("year", "2024")
    lists.add(interview, "leadership_points", {"title": "健全领导机制"})
    text = render_text(build_report(interview))
    assert text.startswith("青石镇2024年法治政府建设年度报告\n")
    assert "（一）加强组织领导，压实法治政府建设责任。健全领导机制。" in text  # one: no 一是
    assert "【待填写：学法用法方面的主要做法】" in text
    lists.add(interview, "leadership_points", {"title": "压实责任", "text": "第一段。\n\n第二段"})
    text = render_text(build_report(interview))
    assert "一是健全领导机制。二是压实责任。第一段。\n　　第二段。" in text  # the break is kept


INJECTIONS = "{{ 1+1 }} ${x} [red]x[/red] <b>粗</b> *星* _下_ #井 `码`"


def test_what_the_user_typed_comes_out_literally(example: Interview) -> None:
    lists.edit(example, "leadership_points", 0, {"title": INJECTIONS, "text": INJECTIONS})
    report = build_report(example)
    assert INJECTIONS in render_text(report)
    markdown = render_markdown(report)
    html = MarkdownIt().render(markdown)
    assert "{{ 1+1 }} ${x} [red]x[/red] &lt;b&gt;粗&lt;/b&gt; *星* _下_ #井 `码`" in html
    assert "<b>" not in html and "<em>" not in html and "<code>" not in html


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("", "一", "**（一）标题**。"),
        ("在", "的", "【**待填写：机关**】"),
        ("在", "，", "【**待填写：机关】**"),
    ],
)
def test_bold_between_chinese_characters_parses(before: str, after: str, expected: str) -> None:
    text = "（一）标题。" if not before else "【待填写：机关】"
    marked = strong(text, before, after)
    assert marked == expected
    assert "<strong>" in MarkdownIt().render(before + marked + after)


def test_numbering() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 23)] == [
        "一",
        "十",
        "十一",
        "二十",
        "二十三",
    ]
    assert [number_label(s, 12) for s in ("一、", "（一）", "一是", "1.", "（1）")] == [
        "十二、", "（十二）", "十二是", "12.", "（12）",
    ]  # fmt: skip


def test_points_as_paragraphs_when_not_inline(mini: Questionnaire) -> None:
    interview = Interview(mini)
    lists.add(interview, "care_points", {"title": "上门探访", "text": "每周一次"})
    lists.add(interview, "care_points", {"title": "电话问候"})
    report = build_report(interview)
    texts = [(p.kind, p.text) for p in report.paragraphs]
    assert ("heading", "（一）关爱老人") in texts
    start = texts.index(("heading", "（一）关爱老人"))
    assert texts[start + 1 : start + 3] == [
        ("body", "1.上门探访。每周一次。"),
        ("body", "2.电话问候。"),
    ]


def test_year_on_year_comparison(mini: Questionnaire) -> None:
    interview = Interview(mini, {"meta": {"questionnaire": "mini"}, "previous": {"visits": 8}})
    interview.answer("visits", "10")
    interview.answer("visits_done", "9")
    assert "全年探访10次，完成率90%，同比增长25%。" in render_text(build_report(interview))


def test_a_sentence_may_mark_its_missing_figure(mini: Questionnaire) -> None:
    source = (DATA / "mini.toml").read_text(encoding="utf-8")
    marked = source.replace(
        'template = "全年探访{visits}，完成率{visit_rate}{visits|yoy}。"',
        'template = "全年探访{visits}，完成率{visit_rate}{visits|yoy}。"\nmissing = "mark"',
    )
    assert marked != source
    interview = Interview(loads(marked, "mini.toml"))
    interview.answer("visits", "10")
    assert "全年探访10次，完成率【待填写：完成率】。" in render_text(build_report(interview))
    omitted = Interview(mini)
    omitted.answer("visits", "10")
    assert "全年探访10次。" in render_text(build_report(omitted))  # only the rate is left out


@pytest.mark.parametrize(
    ("question_id", "typed", "said"),
    [
        ("materials", "约5000", "发放宣传资料约5000份"),
        ("consultations", "600人次左右", "接受群众咨询600人次左右"),
        ("materials", "2000余册", "发放宣传资料2000余册"),  # the clerk's own measure word
        ("enforcement_cases", "340余", "办理行政执法案件340余件"),
        ("materials", "3.5万", "发放宣传资料3.5万份"),
        ("mediation_committees", "1家", "人民调解委员会1家"),
    ],
)
def test_the_draft_says_figures_in_the_clerks_words(
    example: Interview, question_id: str, typed: str, said: str
) -> None:
    example.answer(question_id, typed)
    assert said in render_text(build_report(example))


def test_a_figure_a_rate_is_computed_from_must_be_exact(example: Interview) -> None:
    example.answer("collective_decisions", "340余")  # nothing is computed from it: fine
    with pytest.raises(Invalid, match="由此项算出，这里需要准确数字"):
        example.answer("disputes_found", "约130")
    with pytest.raises(Invalid, match="这是报告年度"):
        example.answer("year", "约2022")


def test_the_header_shows_the_title_the_draft_prints(example: Interview) -> None:
    from wizard.report.draft import report_title

    assert report_title(example) == render_text(build_report(example)).splitlines()[0].strip()
    example.document.set_outline(Outline(title="杉岭乡2022年度法治政府建设情况报告"))
    assert report_title(example) == "杉岭乡2022年度法治政府建设情况报告"
    assert render_text(build_report(example)).splitlines()[0].strip() == report_title(example)


def test_a_document_chosen_in_its_old_form_still_loads_and_prints_as_chosen(
    example: Interview,
) -> None:
    """The choice gained its 书名号 in township 1.4.1; a file that chose it before keeps it."""
    old = "法治宣传教育第八个五年规划（2021-2025年）"
    document = example.document.to_toml()
    document["documents"] = ["《法治政府建设实施纲要（2021-2025年）》", old]
    again = Interview(example.questionnaire, document)
    assert "documents" not in again.invalid
    assert f"》、{old}，" in render_text(build_report(again))
    new = "《关于开展法治宣传教育的第八个五年规划（2021-2025年）》"
    documents = example.questionnaire.question("documents")
    assert documents is not None and new in documents.choices
