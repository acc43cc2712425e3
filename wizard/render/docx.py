"""The draft as a Word file laid out to GB/T 9704-2012 (党政机关公文格式).

What the standard asks, and how it is done in plain WordprocessingML that Microsoft Word,
WPS Office and LibreOffice all read:

- A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a 版心 of 156 × 225 mm.
- 22 lines of 28 characters. 28 characters of 3号 (16 pt) are 158 mm, wider than the
  版心, so every run of body text is condensed by 0.25 pt (``w:spacing -5``): 28 × 15.75 pt
  fit, 29 do not. Character spacing, unlike a document grid, is drawn the same by all
  three programs. The 22 lines fill the 225 mm exactly: an exact line pitch of 28.95 pt.
- Title 2号 方正小标宋简体, centred; a long title is split into balanced lines at the joins
  of its parts (unit, year, the report's name), never inside a word or a year; a blank
  line after it.
- Body 3号 仿宋_GB2312, first lines indented two characters; headings 一、 黑体, （一） 楷体,
  1. and （1） 仿宋 (7.3.3).
- 署名 and 成文日期 without a seal (7.3.5.2): one blank line after the text, the 署名 right
  indented two characters, the date on the next line starting two characters to the right
  of the 署名's first; a date longer than that is right indented two characters and the
  署名 moves left to keep the offset. The end of the text is kept on the page of the 落款
  (``keepNext``). 附注 under the date, indented two characters, in brackets (7.3.6).
- Page numbers 4号 半角宋体 ``— 1 —``, the 一字线 7 mm below the 版心; odd pages on the right,
  even pages on the left, each 空一字: two footers and ``evenAndOddHeaders``.
- No extra space between Chinese and digits (``autoSpaceDE``/``autoSpaceDN`` off), so
  that a line holds what the grid says; Chinese line-breaking rules stay on.
- Chinese fonts are named for East Asian text (``w:eastAsia``) and listed in the font table
  with the fonts to use where they are missing (仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体);
  East Asian text is marked zh-CN.
"""

from __future__ import annotations

import io
import re
import unicodedata

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Length, Mm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from wizard.cleaning import for_xml
from wizard.report import Paragraph, Report, Span

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
FOOTER_DISTANCE = Mm(21.7)


def _fonts(element: object, name: str, size: Length, condense: int | None) -> None:
    """Font, size and character spacing of a style's (or a run's) character properties."""
    properties = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), name)
    properties.get_or_add_sz().val = size
    if condense is not None:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(condense))
        properties.append(spacing)


#: The document's styles, so that a clerk who edits the file in Word keeps the layout:
#: name → (font, size, character spacing, alignment, first-line indent in characters).
#: 正文 (Normal) is 3号仿宋 condensed to 28 a line, 22 lines a page, indented two characters;
#: the others differ from it only where the standard says.
PARAGRAPH_STYLES = {
    "公文标题": (TITLE_FONT, TITLE_SIZE, 0, "center", 0),
    "主送机关": (BODY_FONT, BODY_SIZE, None, "both", 0),
    "副标题": (HEADING_FONTS[2], BODY_SIZE, None, "center", 0),
    "一级标题": (HEADING_FONTS[1], BODY_SIZE, None, "both", 2),
    "二级标题": (HEADING_FONTS[2], BODY_SIZE, None, "both", 2),
    "落款": (BODY_FONT, BODY_SIZE, None, "right", 0),
    "附注": (BODY_FONT, BODY_SIZE, None, "left", 2),
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
    for old in root.xpath('./w:style[@w:styleId="Normal"]'):
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
    for name, (font, size, spacing, alignment, indent) in PARAGRAPH_STYLES.items():
        definitions.append(
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{name}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            f'<w:pPr><w:ind w:firstLine="{CHAR.twips * indent}"/><w:jc w:val="{alignment}"/></w:pPr>'
            f"{_run_properties(font, size, spacing)}</w:style>"
        )
    for level, name in CHARACTER_STYLES.items():
        definitions.append(
            f'<w:style w:type="character" w:customStyle="1" w:styleId="{name}">'
            f'<w:name w:val="{name}"/>{_run_properties(HEADING_FONTS[level], BODY_SIZE, None)}'
            "</w:style>"
        )
    for definition in definitions:
        root.append(parse_xml(definition.replace("<w:style ", f'<w:style xmlns:w="{_W}" ', 1)))


# ---------------------------------------------------------------- title


def width(text: str) -> float:
    """In characters: a Chinese character is one, a digit or Latin letter half of one."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


#: Inside the title's own words, where a line may end: before these.
_TITLE_BREAKS = re.compile(r"(?=法治政府建设|年度报告|工作情况|情况的?报告)")
#: Characters per line of a 2号 title in the 版心.
TITLE_LINE = 20.0


def title_lines(spans: tuple[Span, ...]) -> list[str]:
    """The title in as few lines as fit, as even as can be, split only where its parts join."""
    text = "".join(s.text for s in spans)
    cuts: set[int] = set()
    at = 0
    for span in spans:
        cuts.add(at)
        cuts.update(at + m.start() for m in _TITLE_BREAKS.finditer(span.text))
        at += len(span.text)
    return _balanced(text, sorted(c for c in cuts if _may_break(text, c)))


def _may_break(text: str, at: int) -> bool:
    """Not at either end, not before punctuation, not inside a number, and not between 年
    and 度 or before 的 (a year filled into "{year}度" is one word with what follows)."""
    if not 2 <= at <= len(text) - 2:
        return False
    before, after = text[at - 1], text[at]
    if unicodedata.category(after)[0] == "P" or after in "度的":
        return False
    return not (before.isdigit() and after.isdigit())


def _balanced(text: str, cuts: list[int]) -> list[str]:
    if width(text) <= TITLE_LINE or not cuts:
        return [text]
    best: list[str] | None = None
    for cut in cuts:
        head, tail = text[:cut], text[cut:]
        if width(head) > TITLE_LINE:
            continue
        rest = _balanced(tail, [c - cut for c in cuts if c > cut])
        lines = [head, *rest]
        if best is None or (len(lines), max(map(width, lines))) < (
            len(best),
            max(map(width, best)),
        ):
            best = lines
    return best or [text]


# ---------------------------------------------------------------- 落款


def signature_indents(name: str, date: str) -> tuple[float, float]:
    """Right indents, in characters, of the 署名 and the 成文日期 (7.3.5.2, no seal)."""
    date_right = max(2.0, width(name) - width(date))
    return date_right + width(date) + 2 - width(name), date_right


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
        run = out.add_run(for_xml(line))
        if missing:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if n:
            run._element.addprevious(OxmlElement("w:br"))
    _add(document, "公文标题")  # one blank line after the title


#: The style of a paragraph of each kind (headings by level: 1. and （1） are 正文's 仿宋).
_KIND_STYLES = {"addressee": "主送机关", "annotation": "附注", "subtitle": "副标题"}


def _paragraph(document: DocxDocument, paragraph: Paragraph) -> DocxParagraph:
    style = _KIND_STYLES.get(paragraph.kind)
    if paragraph.kind == "heading":
        style = {1: "一级标题", 2: "二级标题"}.get(paragraph.level)
    out = _add(document, style)
    _add_spans(out, paragraph.spans)
    return out


def _signature(document: DocxDocument, lines: list[Paragraph]) -> list[DocxParagraph]:
    added = [_add(document, "落款")]  # one blank line before the 落款
    name = lines[0].text
    date = lines[1].text if len(lines) > 1 else ""
    name_right, date_right = signature_indents(name, date)
    for n, line in enumerate(lines):
        out = _add(document, "落款")
        out.paragraph_format.right_indent = Pt(CHAR.pt * (name_right if n == 0 else date_right))
        _add_spans(out, line.spans)
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
    run = paragraph.add_run()
    _fonts(run._element, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, 0)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _fonts(paragraph.add_run(" —")._element, PAGE_NUMBER_FONT, PAGE_NUMBER_SIZE, 0)


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
        else:
            out = _paragraph(document, paragraph)
            if paragraph.kind != "annotation":
                last_body = out

    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
