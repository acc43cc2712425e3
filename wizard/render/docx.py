"""The draft as a Word file laid out to GB/T 9704-2012 (党政机关公文格式).

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 2号 方正小标宋简体
centred; body 3号 仿宋_GB2312 with a two-character first-line indent and a fixed
28 pt line pitch; 一、 headings 3号 黑体; （一） headings 3号 楷体_GB2312; page
numbers ``— 1 —`` in the footer. Fonts are set by their East Asian name too, or
Word would fall back to the Latin font for Chinese text.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from wizard.cleaning import for_xml
from wizard.report import Paragraph, Report

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
TITLE_SIZE = Pt(22)  # 2号
BODY_SIZE = Pt(16)  # 3号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
LINE_PITCH = Pt(28)
INDENT = Pt(32)  # two characters of 3号


def set_font(run: Run, name: str, size: Pt) -> None:
    run.font.name = name
    run.font.size = size
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), name)


def _layout(paragraph: DocxParagraph, indent: bool = True) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE_PITCH
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = INDENT if indent else Pt(0)


def _page_number(paragraph: DocxParagraph) -> None:
    """``— N —`` with N a PAGE field, so Word numbers every page."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run("— "), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    run = paragraph.add_run()
    set_font(run, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    set_font(paragraph.add_run(" —"), PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE)


def _add(document: object, paragraph: Paragraph) -> None:
    out: DocxParagraph = document.add_paragraph()  # type: ignore[attr-defined]
    kind = paragraph.kind
    _layout(out, indent=kind in ("body", "heading"))
    if kind == "title":
        out.alignment = WD_ALIGN_PARAGRAPH.CENTER
        out.paragraph_format.space_after = LINE_PITCH
    elif kind == "signature":
        out.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        out.paragraph_format.right_indent = INDENT
    else:
        out.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for span in paragraph.spans:
        run = out.add_run(for_xml(span.text))
        if kind == "title":
            set_font(run, TITLE_FONT, TITLE_SIZE)
        elif kind == "heading":
            set_font(run, HEADING1_FONT if paragraph.level == 1 else HEADING2_FONT, BODY_SIZE)
        elif span.role == "heading":
            set_font(run, HEADING2_FONT, BODY_SIZE)
        else:
            set_font(run, BODY_FONT, BODY_SIZE)
        if span.role == "missing":
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def render_docx(report: Report) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)
    document.core_properties.title = report.title
    signature_started = False
    for paragraph in report.paragraphs:
        if paragraph.kind == "signature" and not signature_started:
            signature_started = True
            _layout(document.add_paragraph(), indent=False)  # a blank line before the 落款
        _add(document, paragraph)
    _page_number(section.footer.paragraphs[0])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
