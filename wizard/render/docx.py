"""The draft as a Word file laid out to GB/T 9704-2012 (党政机关公文格式).

What the standard asks, and how it is done in plain WordprocessingML that Microsoft Word,
WPS Office and LibreOffice all read:

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a 版心 of 156 × 225 mm.
- 22 lines of 28 characters. 28 characters of 3号 (16 pt) are 158 mm, wider than the
  版心, so every run of 3号 text is condensed by 0.25 pt (``w:spacing -5``): 28 × 15.75 pt
  fit, 29 do not. Character spacing is drawn the same by Word, WPS and LibreOffice; a grid
  of characters is not (LibreOffice sets 23 a line with one), so the document grid is one
  of lines only. The 22 lines fill the 225 mm exactly: an exact line pitch of 28.95 pt.
- Title 2号 方正小标宋简体, centred; a long title is split into balanced lines at the joins
  of its parts (unit, year, the report's name), never inside a word or a year, never a
  character alone; a blank line after it (see ``lines``).
- Body 3号 仿宋_GB2312, first lines indented two characters; headings 一、 黑体, （一） 楷体,
  1. and （1） 仿宋 (7.3.3). Headings standing alone use Word's own 标题 1–3, so the
  navigation pane and WPS see the outline; they are kept with their text.
- 署名 and 成文日期 without a seal (7.3.5.2): one blank line after the text, the 署名 右空
  二字, the date on the next line, its first character two to the right of the 署名's
  first; a date longer than that stands 右空二字 and the 署名 moves left to keep the two.
  Both are placed by their left edges, so the two characters hold whatever width a reader
  gives digits. A long name is cut after its place; joint issuers stand one a line. The
  end of the text is kept on the page of the 落款 (``keepNext``). 附注 under the date,
  indented two characters, in brackets (7.3.6).
- Page numbers 4号 半角宋体 ``— 1 —``, a whole PAGE field with a cached digit, the 一字线
  7 mm below the 版心; odd pages on the right, even pages on the left, each 空一字: two
  footers and ``evenAndOddHeaders``.
- No extra space between Chinese and digits (``autoSpaceDE``/``autoSpaceDN`` off), so
  that a line holds what the grid says; Chinese line-breaking rules stay on.
- Chinese fonts are named for East Asian text (``w:eastAsia``) and listed in the font table
  with the fonts to use where they are missing (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体);
  East Asian text is marked zh-CN.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from wizard.base.cleaning import for_xml
from wizard.render.lines import signature_indents, signature_lines, title_lines, width
from wizard.report.paragraphs import Paragraph, Report, Span

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312"}  # 3 (1.) and 4 (（1）) stay 仿宋
PAGE_NUMBER_FONT = "宋体"
#: Where a font is missing, the one Word and WPS should use instead.
FALLBACKS = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", "楷体_GB2312": "楷体", "黑体": "SimHei"}
TITLE_SIZE = Pt(22)  # 2号
BODY_SIZE = Pt(16)  # 3号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
CONDENSE = -5  # twentieths of a point: 16 pt characters at a 15.75 pt pitch
CHAR = Pt(15.75)
LINE_PITCH = Twips(579)  # 225 mm / 22 lines = 28.95 pt
#: The footer's bottom above the page's edge, so that the 一字线 sits 7 mm below the 版心.
FOOTER_DISTANCE = Mm(25.65)


def _fonts(element: object, name: str, size: Length, condense: int | None) -> None:
    """Font, size and character spacing of a style's (or a run's) character properties."""
    properties = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), name)
    properties.get_or_add_sz().val = size
    if condense is not None:  # before w:sz, where the schema puts it
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(condense))
        properties.find(qn("w:sz")).addprevious(spacing)


#: The document's styles, so that a clerk who edits the file in Word keeps the layout:
#: name → (font, size, character spacing, alignment, first-line indent in characters).
#: 正文 (Normal) is 3号仿宋 condensed to 28 a line, 22 lines a page, indented two characters;
#: the others differ from it only where the standard says.
PARAGRAPH_STYLES = {
    "公文标题": (TITLE_FONT, TITLE_SIZE, 0, "center", 0),
    "主送机关": (BODY_FONT, BODY_SIZE, CONDENSE, "both", 0),
    "副标题": (HEADING_FONTS[2], BODY_SIZE, CONDENSE, "center", 0),
    "一级标题": (HEADING_FONTS[1], BODY_SIZE, CONDENSE, "both", 2),
    "二级标题": (HEADING_FONTS[2], BODY_SIZE, CONDENSE, "both", 2),
    "三级标题": (BODY_FONT, BODY_SIZE, CONDENSE, "both", 2),
    "落款": (BODY_FONT, BODY_SIZE, CONDENSE, "left", 0),
    "附注": (BODY_FONT, BODY_SIZE, CONDENSE, "left", 2),
}
#: The headings' styles are Word's own heading styles (标题 1, 2, 3), so that Word's
#: navigation pane and WPS's 公文排版 see the outline: style → (built-in id, level).
HEADING_LEVELS = {
    "一级标题": ("Heading1", 0),
    "二级标题": ("Heading2", 1),
    "三级标题": ("Heading3", 2),
}
CHARACTER_STYLES = {1: "一级标题字符", 2: "二级标题字符"}


def _run_properties(font: str, size: Length, spacing: int | None) -> str:
    condensed = "" if spacing is None else f'<w:spacing w:val="{spacing}"/>'
    half_points = round(size.pt * 2)
    return (
        f'<w:rPr><w:rFonts w:ascii="{font}" w:eastAsia="{font}" w:hAnsi="{font}"/>{condensed}'
        f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    )


def _styles(document: DocxDocument) -> None:
    """Written as XML in one go: python-docx's add_style looks every style up by name."""
    root = document.styles.element
    replaced = ("Normal", *(ident for ident, _ in HEADING_LEVELS.values()))
    for old in root.xpath("./w:style"):
        if old.get(qn("w:styleId")) in replaced:
            root.remove(old)
    # autoSpace off: no extra space between Chinese and digits or Latin letters (Word and
    # LibreOffice add a quarter character by default), so a line of 28 stays 28.
    definitions = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH.twips}" w:lineRule="exact"/>'
        f'<w:ind w:firstLine="{CHAR.twips * 2}"/><w:jc w:val="both"/></w:pPr>'
        f"{_run_properties(BODY_FONT, BODY_SIZE, CONDENSE)}</w:style>"
    ]
    for ident, level in HEADING_LEVELS.values():
        # Kept with the paragraph after it: a heading never ends a page.
        definitions.append(
            f'<w:style w:type="paragraph" w:styleId="{ident}">'
            f'<w:name w:val="heading {level + 1}"/><w:basedOn w:val="Normal"/>'
            '<w:next w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:keepNext/><w:keepLines/><w:outlineLvl w:val="{level}"/></w:pPr></w:style>'
        )
    for name, (font, size, spacing, alignment, indent) in PARAGRAPH_STYLES.items():
        based = HEADING_LEVELS[name][0] if name in HEADING_LEVELS else "Normal"
        # The title's 2号 lines keep their own pitch, off the line grid of the 3号 body.
        own_pitch = '<w:snapToGrid w:val="0"/>' if size != BODY_SIZE else ""
        definitions.append(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{name}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/><w:qFormat/>'
            f"<w:pPr>{own_pitch}"
            f'<w:ind w:firstLine="{CHAR.twips * indent}"/><w:jc w:val="{alignment}"/></w:pPr>'
            f"{_run_properties(font, size, spacing)}</w:style>"
        )
    # 抄送 (7.4.2): 4号, one character in from both sides, between two lines (a 版记).
    indent = round(COPY_SIZE.pt * 20)
    definitions.append(
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{COPY_STYLE}">'
        f'<w:name w:val="{COPY_STYLE}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>'
        '<w:pBdr><w:top w:val="single" w:sz="8" w:space="4" w:color="000000"/>'
        '<w:bottom w:val="single" w:sz="8" w:space="4" w:color="000000"/></w:pBdr>'
        '<w:snapToGrid w:val="0"/>'
        f'<w:ind w:left="{indent}" w:right="{indent}" w:firstLine="0"/><w:jc w:val="left"/>'
        f"</w:pPr>{_run_properties(BODY_FONT, COPY_SIZE, None)}</w:style>"
    )
    for level, name in CHARACTER_STYLES.items():
        definitions.append(
            f'<w:style w:type="character" w:customStyle="1" w:styleId="{name}">'
            f'<w:name w:val="{name}"/>{_run_properties(HEADING_FONTS[level], BODY_SIZE, CONDENSE)}'
            "</w:style>"
        )
    for definition in definitions:
        root.append(parse_xml(definition.replace("<w:style ", f'<w:style xmlns:w="{_W}" ', 1)))


# ---------------------------------------------------------------- paragraphs


def _add(document: DocxDocument, style: str | None = None) -> DocxParagraph:
    """A paragraph in one of our styles, set by its id (python-docx gives a style whose name
    has no spaces that name as its id): a lookup by name walks every style of the template
    each time, and was the slowest part of an export."""
    out = document.add_paragraph()
    if style is not None:
        out._p.get_or_add_pPr().style = style
    return out


def _add_spans(out: DocxParagraph, spans: tuple[Span, ...]) -> None:
    for span in spans:
        run = out.add_run(for_xml(span.text))
        if span.role == "heading" and span.level in CHARACTER_STYLES:
            run._r.style = CHARACTER_STYLES[span.level]
        if span.role == "missing":
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _title(document: DocxDocument, paragraph: Paragraph) -> None:
    out = _add(document, "公文标题")
    missing = any(s.role == "missing" for s in paragraph.spans)
    for n, line in enumerate(title_lines(paragraph.spans)):
        run = out.add_run()
        if n:
            run.add_break()  # a line break inside the run, as the schema wants it
        run.add_text(for_xml(line))
        if missing:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    _add(document, "公文标题")  # one blank line after the title


#: The style of a paragraph of each kind (headings by level: 1. and （1） are 正文's 仿宋).
COPY_STYLE = "抄送机关"
COPY_SIZE = Pt(14)  # 4号
_KIND_STYLES = {
    "addressee": "主送机关", "annotation": "附注", "subtitle": "副标题", "copy_to": COPY_STYLE,
}  # fmt: skip


def _paragraph(document: DocxDocument, paragraph: Paragraph) -> DocxParagraph:
    style = _KIND_STYLES.get(paragraph.kind)
    if paragraph.kind == "heading":
        style = {1: "一级标题", 2: "二级标题"}.get(paragraph.level, "三级标题")
    out = _add(document, style)
    _add_spans(out, paragraph.spans)
    return out


def _signature(document: DocxDocument, lines: list[Paragraph]) -> list[DocxParagraph]:
    """The 署名 (one line or several) and under it the 成文日期, placed by 7.3.5.2."""
    added = [_add(document, "落款")]  # one blank line before the 落款
    dated = len(lines) > 1 and bool(re.search(r"\d+年\d+月\d+日|【待填写", lines[-1].text))
    names, date = (lines[:-1], lines[-1]) if dated else (lines, None)
    date_text = date.text if date else ""
    for line in names:
        for part in signature_lines(line.text):
            name_left, _ = signature_indents(part, date_text)
            out = _add(document, "落款")
            out.paragraph_format.left_indent = Pt(CHAR.pt * name_left)
            if part == line.text:
                _add_spans(out, line.spans)
            else:  # a long name cut into lines: still marked if a blank is in it
                run = out.add_run(for_xml(part))
                if any(s.role == "missing" for s in line.spans):
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            added.append(out)
    if date is not None:
        widest = max(
            (p for line in names for p in signature_lines(line.text)), key=width, default=""
        )
        _, date_left = signature_indents(widest, date_text)
        out = _add(document, "落款")
        out.paragraph_format.left_indent = Pt(CHAR.pt * date_left)
        _add_spans(out, date.spans)
        added.append(out)
    return added


def _keep_with_signature(body: DocxParagraph | None, ending: list[DocxParagraph]) -> None:
    """The 落款 never stands alone on the last page: the text's end goes with it."""
    for paragraph in ([body] if body is not None else []) + ending[:-1]:
        paragraph.paragraph_format.keep_with_next = True
    for paragraph in ending:
        paragraph.paragraph_format.keep_together = True


# ---------------------------------------------------------------- page


def _page_number(paragraph: DocxParagraph, odd: bool) -> None:
    """``— N —`` with N a PAGE field: odd pages right, even pages left, each 空一字."""
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = PAGE_NUMBER_SIZE
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(0)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        fmt.right_indent = PAGE_NUMBER_SIZE
    else:
        fmt.left_indent = PAGE_NUMBER_SIZE
    _fonts(paragraph.add_run("— ")._element, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, 0)
    # A whole field, each part in a run of its own (begin, instruction, separate, the digit
    # shown until the field is updated, end): a reader that does not update fields draws
    # the cached digit, in 4号 like the dashes, instead of nothing or a digit of 3号.
    for kind, text in (("begin", ""), ("", " PAGE "), ("separate", ""), ("", "1"), ("end", "")):
        run = paragraph.add_run()
        _fonts(run._element, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, 0)
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "1":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _fonts(paragraph.add_run(" —")._element, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, 0)


def _grid_and_language(document: DocxDocument) -> None:
    """Word's document grid of 22 lines (so Word shows it), and Chinese as the theme's
    East Asian language (the template says Japanese). The 28 characters a line come from
    the characters' own spacing (see the module's doc): a grid of characters too makes
    LibreOffice set 23 a line, measured, while Word and WPS keep the spacing either way."""
    section = document.sections[0]._sectPr
    for old in section.findall(qn("w:docGrid")):
        section.remove(old)
    grid = parse_xml(f'<w:docGrid xmlns:w="{_W}" w:type="lines" w:linePitch="{LINE_PITCH.twips}"/>')
    section.append(grid)
    settings = document.settings.element
    language = settings.find(qn("w:themeFontLang"))
    if language is not None:
        language.set(qn("w:eastAsia"), "zh-CN")


def _chinese_defaults(document: DocxDocument) -> None:
    """East Asian text is zh-CN in 仿宋_GB2312; the font table says what replaces a missing
    Chinese font."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    properties = (
        defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")) if defaults is not None else None
    )
    if properties is not None:
        fonts = properties.find(qn("w:rFonts"))
        if fonts is not None:
            properties.remove(fonts)
        properties.insert(
            0,
            parse_xml(
                f'<w:rFonts xmlns:w="{_W}" w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}"'
                f' w:eastAsia="{BODY_FONT}"/>'
            ),
        )
        language = properties.find(qn("w:lang"))
        if language is not None:
            language.set(qn("w:eastAsia"), "zh-CN")
    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/fontTable.xml":
            table = parse_xml(part.blob)
            for name, fallback in FALLBACKS.items():
                table.append(
                    parse_xml(
                        f'<w:font xmlns:w="{_W}" w:name="{name}"><w:altName w:val="{fallback}"/>'
                        '<w:charset w:val="86"/><w:family w:val="modern"/>'
                        '<w:pitch w:val="fixed"/></w:font>'
                    )
                )
            # python-docx keeps parts it does not model as bytes: the edited table replaces them.
            part._blob = etree.tostring(
                table, xml_declaration=True, encoding="UTF-8", standalone=True
            )


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def render_docx(report: Report) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = FOOTER_DISTANCE
    _chinese_defaults(document)
    _styles(document)
    document.core_properties.title = for_xml(report.title)
    document.core_properties.language = "zh-CN"

    signature = [p for p in report.paragraphs if p.kind == "signature"]
    last_body: DocxParagraph | None = None
    for paragraph in report.paragraphs:
        if paragraph.kind == "title":
            _title(document, paragraph)
        elif paragraph.kind == "signature":
            if paragraph is signature[0]:
                _keep_with_signature(last_body, _signature(document, signature))
        elif paragraph.kind == "copy_to":
            _add(document)  # a blank line between the 落款 and the 版记
            _paragraph(document, paragraph)
        else:
            out = _paragraph(document, paragraph)
            if paragraph.kind != "annotation":
                last_body = out

    document.settings.odd_and_even_pages_header_footer = True
    _grid_and_language(document)
    # Word 2010's copy of the styles, which python-docx's template carries stale: Word reads
    # styles.xml, and a stale copy is what makes it offer to repair the file.
    for ident, rel in list(document.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            document.part.drop_rel(ident)
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
