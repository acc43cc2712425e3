"""The Word file, read back with python-docx: GB/T 9704 page, fonts, sizes, spacing, footer."""

from __future__ import annotations

import io

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.text.run import Run

from wizard.interview import Interview
from wizard.questionnaire import Questionnaire
from wizard.render.docx import render_docx
from wizard.report import build_report


def east_asian(run: Run) -> str | None:
    properties = run._element.rPr
    fonts = None if properties is None else properties.rFonts
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_page_fonts_and_spacing(example: Interview) -> None:
    document = docx.Document(io.BytesIO(render_docx(build_report(example))))
    section = document.sections[0]
    # Word keeps lengths in twips, so compare in whole millimetres.
    sizes = [section.page_width, section.page_height, section.top_margin]
    sizes += [section.bottom_margin, section.left_margin, section.right_margin]
    assert [round(Length(s or 0).mm, 1) for s in sizes] == [210, 297, 37, 35, 28, 26]

    paragraphs = [p for p in document.paragraphs if p.text]
    title = paragraphs[0]
    assert title.text == "杉岭乡2022年法治政府建设年度报告"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert {(east_asian(r), r.font.size) for r in title.runs} == {("方正小标宋简体", Pt(22))}

    heading = next(p for p in paragraphs if p.text == "一、工作开展情况")
    assert {(east_asian(r), r.font.name, r.font.size) for r in heading.runs} == {
        ("黑体", "黑体", Pt(16))
    }

    topic = next(p for p in paragraphs if p.text.startswith("（一）"))
    first, *rest = topic.runs
    assert first.text == "（一）强化组织领导，扎实推进法治政府建设。"
    assert (east_asian(first), first.font.size) == ("楷体_GB2312", Pt(16))
    assert rest[0].text.startswith("一是健全领导机制。")
    assert {(east_asian(r), r.font.size) for r in rest} == {("仿宋_GB2312", Pt(16))}

    for paragraph in paragraphs[1:]:
        fmt = paragraph.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY
        assert fmt.line_spacing == Pt(28)
    preamble = paragraphs[1]
    assert preamble.paragraph_format.first_line_indent == Pt(32)

    signature = paragraphs[-2:]
    assert [p.text for p in signature] == ["杉岭乡", "2023年1月10日"]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in signature)

    normal = document.styles["Normal"]
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_page_number_footer(example: Interview) -> None:
    document = docx.Document(io.BytesIO(render_docx(build_report(example))))
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    xml = footer._element.xml
    assert "<w:instrText" in xml and "PAGE" in xml
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert footer.text == "—  —"  # the number itself is the field Word fills in


def test_placeholders_are_highlighted(township: Questionnaire) -> None:
    document = docx.Document(io.BytesIO(render_docx(build_report(Interview(township)))))
    marked = [r for p in document.paragraphs for r in p.runs if r.text.startswith("【待填写")]
    assert marked
    assert all(r.font.highlight_color is not None for r in marked)


def test_user_text_is_literal(example: Interview) -> None:
    typed = "{{ 1+1 }} ${x} [red]x[/red] <b>粗</b>"
    example.edit_item("leadership_points", 0, {"title": typed})
    document = docx.Document(io.BytesIO(render_docx(build_report(example))))
    assert any(typed in p.text for p in document.paragraphs)
