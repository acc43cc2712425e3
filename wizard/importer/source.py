"""Reading a finished report's lines from a Word, text or Markdown file.

Word files from real offices: list numbering Word draws itself (一、 （一） 1.) is put back
in front of its paragraph; soft line breaks make lines; tables are read cell by cell (figures live in
them too); text boxes are not read, and the summary says so.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from wizard.base.cleaning import decode_file
from wizard.base.errors import UserError
from wizard.base.files import FileProblem, read_bytes, zip_members
from wizard.importer.tree import Line
from wizard.state.wording import chinese_number

SUFFIXES = (".docx", ".txt", ".md")


class ImportError_(UserError):
    """A file that cannot be read as a report; ``str()`` says why, in Chinese."""


def read_lines(path: Path) -> tuple[list[Line], list[str]]:
    """The report's paragraphs (with the heading level the file marks), and notes on what
    was not read."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise ImportError_(
            f"{path} 是旧版 Word 文件（.doc），读不了：请用 Word 或 WPS 打开后另存为 .docx 再导入"
        )
    if suffix not in SUFFIXES:
        raise ImportError_(f"{path}：只能导入 .docx、.txt 或 .md 文件")
    try:
        data = read_bytes(path)
    except FileProblem as error:
        raise ImportError_(str(error)) from None
    if suffix == ".docx":
        return _docx_lines(path, data)
    try:
        text = decode_file(data)
    except ValueError as error:
        raise ImportError_(f"{path}：{error}") from None
    if suffix != ".md":
        return [Line(line) for line in text.splitlines()], []
    lines = []
    for line in text.splitlines():
        hashes = len(line) - len(line.lstrip("#"))
        plain = re.sub(r"\*\*|__", "", line.lstrip("#").strip()).replace("\\", "")
        # "# 标题" is the title; "## …" a heading of the first level, and so on.
        lines.append(Line(plain, max(hashes - 1, 0)))
    return lines, []


#: A report of 100 pages unpacks to a few MB; these are far beyond any, and far below what
#: would take minutes or gigabytes to read (a zip bomb).
UNPACKED_LIMIT = 100 * 1024 * 1024
MEMBERS_LIMIT = 2000
PARAGRAPHS_LIMIT = 50_000
#: Tables inside tables, deeper than any report: the rest is said, not read.
TABLE_DEPTH = 8


def _unpacked(path: Path, data: bytes) -> None:
    """Refuse, before anything is parsed, a Word file that would unpack to too much."""
    import io

    members = zip_members(data)
    if members is None:
        raise ImportError_(_DAMAGED.format(path=path))
    if len(members) > MEMBERS_LIMIT:
        raise ImportError_(f"{path} 中的部件多得不正常（{len(members)} 个），没有导入")
    if sum(m.file_size for m in members) > UNPACKED_LIMIT:
        raise ImportError_(f"{path} 解压后超过 100 MB，不像是一份报告，没有导入")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {m.filename for m in members}
            body = "word/document.xml"
            if body in names:
                with archive.open(body) as stream:
                    xml = stream.read(UNPACKED_LIMIT + 1)
                paragraphs = xml.count(b"<w:p>") + xml.count(b"<w:p ")
                if paragraphs > PARAGRAPHS_LIMIT:
                    raise ImportError_(f"{path} 的段落多得不正常，不像是一份报告，没有导入")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError):
        raise ImportError_(_DAMAGED.format(path=path)) from None


_DAMAGED = "{path} 不是完好的 Word 文件（可能已损坏）：请用 Word 打开后另存一份再导入"


def _docx_lines(path: Path, data: bytes) -> tuple[list[Line], list[str]]:
    import io

    import docx

    if data[:4] == b"\xd0\xcf\x11\xe0":  # an OLE file: an encrypted .docx, or a .doc renamed
        raise ImportError_(
            f"{path} 加了密码或其实是旧版 .doc 文件：请在 Word 中去掉密码、另存为 .docx 后再导入"
        )
    _unpacked(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
        return _document_lines(document)
    except ImportError_:
        raise
    except Exception:  # a damaged file fails anywhere inside python-docx and lxml
        raise ImportError_(_DAMAGED.format(path=path)) from None


def _document_lines(document: object) -> tuple[list[Line], list[str]]:
    notes: list[str] = []
    lines: list[Line] = []
    numbering = _ListNumbering(document)
    levels = _heading_levels(document)
    body = document.element.body  # type: ignore[attr-defined]
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            found = _paragraph_lines(child)
            label = numbering.label(child)
            if found and label:
                found[0] = label + found[0]
            style = child.find(f"{{{_W}}}pPr/{{{_W}}}pStyle")
            level = levels.get(style.get(f"{{{_W}}}val") or "", 0) if style is not None else 0
            lines.extend(Line(text, level) for text in found)
        elif tag == "tbl":
            lines.extend(Line(text) for text in _table_lines(child, notes))
            notes.append("文件中的表格已按行读入，其中的数字也已读取")
    if body.xpath(".//w:txbxContent"):
        notes.append("文件中有文本框，文本框里的文字没有导入，请自行核对")
    return lines, list(dict.fromkeys(notes))


def _table_lines(table: object, notes: list[str], depth: int = 1) -> list[str]:
    """A row as a line (全年受理信访事项 | 58件 → 全年受理信访事项58件), each cell's own
    paragraphs only: a table inside a cell is read once, as rows of its own."""
    if depth > TABLE_DEPTH:
        notes.append("文件中有嵌套得太深的表格，最里面的几层没有读取，请自行核对")
        return []
    lines: list[str] = []
    for row in table.findall(f"{{{_W}}}tr"):  # type: ignore[attr-defined]
        cells, inner = [], []
        for cell in row.findall(f"{{{_W}}}tc"):
            texts = [
                "".join(t.text or "" for t in p.iter(f"{{{_W}}}t"))
                for p in cell.findall(f"{{{_W}}}p")
            ]
            cells.append("".join(texts).strip())
            inner += cell.findall(f"{{{_W}}}tbl")
        if any(cells):
            lines.append("".join(cells))
        for nested in inner:
            lines += _table_lines(nested, notes, depth + 1)
    return lines


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _heading_levels(document: object) -> dict[str, int]:
    """Paragraph styles that are headings (Word's 标题 1, 标题 2 …, or styles based on them):
    style id → level."""
    levels: dict[str, int] = {}
    styles = document.part.styles.element  # type: ignore[attr-defined]
    for style in styles.iter(f"{{{_W}}}style"):
        ident = style.get(f"{{{_W}}}styleId") or ""
        outline = style.find(f"{{{_W}}}pPr/{{{_W}}}outlineLvl")
        name = style.find(f"{{{_W}}}name")
        named = (
            re.fullmatch(r"(?:heading|标题)\s*(\d)", (name.get(f"{{{_W}}}val") or "").lower())
            if name is not None
            else None
        )
        level = outline.get(f"{{{_W}}}val") or "" if outline is not None else ""
        if level.isdigit() and int(level) < 9:  # 9 is Word's "body text"
            levels[ident] = int(level) + 1
        elif named:
            levels[ident] = int(named.group(1))
    return levels


def _paragraph_lines(paragraph: object) -> list[str]:
    """A paragraph's text, cut at soft line breaks; Word's own list numbering put back."""
    parts: list[str] = []
    for node in paragraph.iter():  # type: ignore[attr-defined]
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t" and node.text:
            parts.append(node.text)
        elif tag == "br" and node.get(f"{{{_W}}}type") in (None, "textWrapping"):
            parts.append("\n")
        elif tag == "tab":
            parts.append(" ")
        elif tag == "txbxContent":
            break  # a text box's words are not the paragraph's
    text = "".join(parts)
    return [line for line in text.split("\n") if line.strip()]


class _ListNumbering:
    """Numbers Word draws for list paragraphs (一、 （一） 1.), which are not in their text:
    put back so that the outline reads as it prints."""

    def __init__(self, document: object) -> None:
        self.formats: dict[tuple[str, int], tuple[str, str]] = {}
        self.counters: dict[tuple[str, int], int] = {}
        self.style_numbers: dict[str, str] = {}
        part = document.part  # type: ignore[attr-defined]
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {
            a.get(f"{{{_W}}}abstractNumId"): a for a in numbering.iter(f"{{{_W}}}abstractNum")
        }
        for num in numbering.iter(f"{{{_W}}}num"):
            ref = num.find(f"{{{_W}}}abstractNumId")
            definition = abstract.get(ref.get(f"{{{_W}}}val")) if ref is not None else None
            for lvl in definition.iter(f"{{{_W}}}lvl") if definition is not None else ():
                fmt = lvl.find(f"{{{_W}}}numFmt")
                text = lvl.find(f"{{{_W}}}lvlText")
                written = lvl.get(f"{{{_W}}}ilvl") or "0"
                key = (num.get(f"{{{_W}}}numId") or "", int(written) if written.isdigit() else 0)
                self.formats[key] = (
                    fmt.get(f"{{{_W}}}val") if fmt is not None else "decimal",
                    text.get(f"{{{_W}}}val") if text is not None else "",
                )
        for style in part.styles.element.iter(f"{{{_W}}}style"):
            num_id = style.find(f"{{{_W}}}pPr/{{{_W}}}numPr/{{{_W}}}numId")
            if num_id is not None:
                self.style_numbers[style.get(f"{{{_W}}}styleId") or ""] = num_id.get(f"{{{_W}}}val")

    def label(self, paragraph: object) -> str:
        p = paragraph
        num_pr = p.find(f"{{{_W}}}pPr/{{{_W}}}numPr")  # type: ignore[attr-defined]
        style = p.find(f"{{{_W}}}pPr/{{{_W}}}pStyle")  # type: ignore[attr-defined]
        num_id = level = None
        if num_pr is not None:
            found = num_pr.find(f"{{{_W}}}numId")
            ilvl = num_pr.find(f"{{{_W}}}ilvl")
            num_id = found.get(f"{{{_W}}}val") if found is not None else None
            written = ilvl.get(f"{{{_W}}}val") if ilvl is not None else "0"
            level = int(written) if written and written.isdigit() and int(written) < 10 else 0
        elif style is not None:
            num_id = self.style_numbers.get(style.get(f"{{{_W}}}val") or "")
            level = 0
        if not num_id or num_id == "0" or level is None:
            return ""
        key = (num_id, level)
        self.counters[key] = self.counters.get(key, 0) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > level]:
            del self.counters[deeper]  # a new 一、 starts its （一） again
        fmt, text = self.formats.get(key, ("decimal", f"%{level + 1}."))
        n = self.counters[key]
        shown = (
            chinese_number(n)
            if fmt.startswith(("chinese", "ideograph", "japaneseCounting"))
            else str(n)
        )
        return text.replace(f"%{level + 1}", shown) if fmt not in ("bullet", "none") else ""
