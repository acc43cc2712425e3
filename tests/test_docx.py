"""The Word file, read back with python-docx: GB/T 9704 page, fonts, sizes, spacing, footer."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.written_with import questionnaire_of
from wizard.questionnaire import Questionnaire, prompts_dir
from wizard.render.docx import render_docx
from wizard.render.lines import signature_indents, title_lines, width
from wizard.report.draft import build_report
from wizard.report.paragraphs import Span
from wizard.state import lists
from wizard.state.interview import Interview


def effective(paragraph: DocxParagraph, run: Run | None, name: str) -> Any:
    """A property as Word resolves it: the run, its character style, then the paragraph's
    style and the styles it is based on."""
    chain: list[Any] = []
    if run is not None:
        chain.append(run)
        if run.style is not None and run.style.name != "Default Paragraph Font":
            chain.append(run.style)
    chain.append(paragraph)
    style = paragraph.style
    while style is not None:
        chain.append(style)
        style = style.base_style
    for holder in chain:
        value = _property(holder, name)
        if value is not None:
            return value
    return None


def _property(holder: Any, name: str) -> Any:
    element = holder._element
    if name == "eastAsia":
        found = element.xpath("./w:rPr/w:rFonts/@w:eastAsia")
        return found[0] if found else None
    if name == "size":
        return holder.font.size if hasattr(holder, "font") else None
    if name == "spacing":
        found = element.xpath("./w:rPr/w:spacing/@w:val")
        return found[0] if found else None
    return getattr(holder.paragraph_format, name, None)


def fonts(paragraph: DocxParagraph) -> set[tuple[str, Length]]:
    return {
        (effective(paragraph, r, "eastAsia"), effective(paragraph, r, "size"))
        for r in paragraph.runs
    }


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
    assert effective(title, None, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert fonts(title) == {("方正小标宋简体", Pt(22))}

    heading = next(p for p in paragraphs if p.text == "一、工作开展情况")
    assert fonts(heading) == {("黑体", Pt(16))}

    topic = next(p for p in paragraphs if p.text.startswith("（一）"))
    first, *rest = topic.runs
    assert first.text == "（一）强化组织领导，扎实推进法治政府建设。"
    assert fonts(topic) >= {("楷体_GB2312", Pt(16)), ("仿宋_GB2312", Pt(16))}
    assert effective(topic, first, "eastAsia") == "楷体_GB2312"
    assert rest[0].text.startswith("一是健全领导机制。")
    assert {effective(topic, r, "eastAsia") for r in rest} == {"仿宋_GB2312"}

    for paragraph in paragraphs:
        assert effective(paragraph, None, "line_spacing_rule") == WD_LINE_SPACING.EXACTLY
        assert effective(paragraph, None, "line_spacing") == Twips(579)  # 22 a page
    preamble = paragraphs[1]
    assert effective(preamble, None, "first_line_indent") == Pt(31.5)  # 2 characters
    for paragraph in paragraphs[1:]:
        for run in paragraph.runs:
            assert effective(paragraph, run, "spacing") == "-5"  # 28 characters a line

    signature = paragraphs[-2:]
    assert [p.text for p in signature] == ["杉岭乡", "2023年1月10日"]
    # Placed by their left edges (7.3.5.2): 杉岭乡 over 2023年1月10日, two characters in.
    assert all(effective(p, None, "alignment") == WD_ALIGN_PARAGRAPH.LEFT for p in signature)
    lefts = [p.paragraph_format.left_indent for p in signature]
    assert [round(left.pt / 15.75, 2) for left in lefts if left is not None] == [17.5, 19.5]
    assert paragraphs[-3].paragraph_format.keep_with_next  # the text's end goes with them

    styles = document.styles.element.xml
    assert 'w:eastAsia="zh-CN"' in styles
    assert [
        s.name for s in document.styles if s.name in ("公文标题", "一级标题", "二级标题", "落款")
    ]


def test_page_numbers_odd_right_even_left(example: Interview) -> None:
    document = docx.Document(io.BytesIO(render_docx(build_report(example))))
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and odd.paragraph_format.right_indent == Pt(14)
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT and even.paragraph_format.left_indent == Pt(14)
    for footer in (odd, even):
        xml = footer._element.xml
        assert "<w:instrText" in xml and "PAGE" in xml
        kinds = re.findall(r'w:fldCharType="(\w+)"', xml)
        assert kinds == ["begin", "separate", "end"]  # a whole field, with its cached result
        assert footer.text == "— 1 —"  # the digit shown until the field is updated
        assert fonts(footer) == {("宋体", Pt(14))}


def test_the_font_table_names_chinese_fonts_and_their_fall_backs(example: Interview) -> None:
    document = docx.Document(io.BytesIO(render_docx(build_report(example))))
    table = next(
        p.blob.decode("utf-8")
        for p in document.part.package.iter_parts()
        if str(p.partname) == "/word/fontTable.xml"
    )
    assert 'w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in table
    assert 'w:name="方正小标宋简体"><w:altName w:val="宋体"/>' in table


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("杉岭乡2022年法治政府建设年度报告", ["杉岭乡2022年法治政府建设年度报告"]),
        (
            "青石市白沙区清河街道办事处2022年法治政府建设年度报告",
            ["青石市白沙区清河街道办事处", "2022年法治政府建设年度报告"],
        ),
        (  # the year filled into "{year}度" stays with its 度; the unit and the subject part
            "关于青石市白沙区人民政府2023年度法治政府建设工作情况的报告",
            ["关于青石市白沙区人民政府", "2023年度法治政府建设工作情况的报告"],
        ),
    ],
)
def test_long_titles_split_into_balanced_lines_between_words(title: str, lines: list[str]) -> None:
    unit, _, rest = title.partition("20")
    year, rest = "20" + rest[:3], rest[3:]  # as the title's template fills them: 2023年 + 度…
    spans = (Span(unit), Span(year), Span(rest))
    assert title_lines(spans) == lines
    assert all(width(line) <= 20 for line in lines)


@pytest.mark.parametrize(
    ("name", "date", "indents"),
    [
        ("杉岭乡", "2023年1月10日", (17.5, 19.5)),  # the date is longer: it ends 右空二字
        ("青石市白沙区清河街道办事处", "2023年1月10日", (13.0, 15.0)),  # the 署名 does
    ],
)
def test_signature_and_date_as_7_3_5_2_places_them(
    name: str, date: str, indents: tuple[float, float]
) -> None:
    name_left, date_left = signature_indents(name, date)
    assert (name_left, date_left) == indents
    # The date's first character stands two characters right of the 署名's first, and the
    # longer of the two lines ends two characters inside the 28-character line.
    assert date_left == name_left + 2
    assert max(name_left + width(name), date_left + width(date)) == 26


def test_placeholders_are_highlighted(township: Questionnaire) -> None:
    document = docx.Document(io.BytesIO(render_docx(build_report(Interview(township)))))
    marked = [r for p in document.paragraphs for r in p.runs if r.text.startswith("【待填写")]
    assert marked
    assert all(r.font.highlight_color is not None for r in marked)


def test_user_text_is_literal(example: Interview) -> None:
    typed = "{{ 1+1 }} ${x} [red]x[/red] <b>粗</b>"
    lists.edit(example, "leadership_points", 0, {"title": typed})
    document = docx.Document(io.BytesIO(render_docx(build_report(example))))
    assert any(typed in p.text for p in document.paragraphs)


def test_the_copy_to_line_is_a_bordered_4hao_block_after_the_signature(tmp_path: Path) -> None:
    """抄送 (GB/T 9704 7.4.2): last, 4号, one character in from both sides, between lines."""
    from wizard.render.markdown import render_markdown

    path = prompts_dir() / "examples" / "county-departments-march-2024.toml"
    document = disk.load(path)
    report = build_report(Interview(questionnaire_of(AnswersDocument(document), path), document))
    assert report.paragraphs[-1].kind == "copy_to"
    assert report.paragraphs[-1].text == "抄送：市司法局、县人大常委会办公室。"
    assert render_markdown(report).rstrip().endswith("---\n\n抄送：市司法局、县人大常委会办公室。")
    out = tmp_path / "x.docx"
    out.write_bytes(render_docx(report))
    word = docx.Document(str(out))
    last = [p for p in word.paragraphs if p.text][-1]
    assert last.text == "抄送：市司法局、县人大常委会办公室。"
    assert last.style is not None and last.style.name == "抄送机关"
    ppr = last.style.element.pPr
    borders = ppr.find(qn("w:pBdr"))
    assert borders is not None and {b.tag.split("}")[1] for b in borders} == {"top", "bottom"}
    ind = ppr.find(qn("w:ind"))
    assert ind.get(qn("w:left")) == ind.get(qn("w:right")) == "280"  # one 4号 character
    size = last.style.element.rPr.find(qn("w:sz"))
    assert size.get(qn("w:val")) == "28"  # 14 pt: 4号
