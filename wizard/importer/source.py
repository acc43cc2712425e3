"""Reading a finished report's lines from a Word, text or Markdown file.

Word files from real offices: list numbering Word draws itself (一、 （一） 1.) is put back
in front of its paragraph; soft line breaks make lines; tables are read cell by cell (figures live in
them too); text boxes are not read, and the summary says so.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from wizard.cleaning import decode_file
from wizard.errors import UserError
from wizard.importer.tree import Line
from wizard.wording import chinese_number

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
        data = path.read_bytes()
    except OSError as error:
        from wizard.answers import describe_os_error

        raise ImportError_(f"无法读取 {path}：{describe_os_error(error)}") from None
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


def _docx_lines(path: Path, data: bytes) -> tuple[list[Line], list[str]]:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if data[:4] == b"\xd0\xcf\x11\xe0":  # an OLE file: an encrypted .docx, or a .doc renamed
        raise ImportError_(
            f"{path} 加了密码或其实是旧版 .doc 文件：请在 Word 中去掉密码、另存为 .docx 后再导入"
        )
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ImportError_(
            f"{path} 不是完好的 Word 文件（可能已损坏）：请用 Word 打开后另存一份再导入"
        ) from None
    notes: list[str] = []
    lines: list[Line] = []
    numbering = _ListNumbering(document)
    levels = _heading_levels(document)
    body = document.element.body
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
        elif tag == "tbl":  # a row as a line: 全年受理信访事项 | 58件 → 全年受理信访事项58件
            for row in child.iter(f"{{{_W}}}tr"):
                cells = [
                    "".join(t.text or "" for t in c.iter(f"{{{_W}}}t")).strip()
                    for c in row.iter(f"{{{_W}}}tc")
                ]
                if any(cells):
                    lines.append(Line("".join(cells)))
            notes.append("文件中的表格已按行读入，其中的数字也已读取")
    if body.xpath(".//w:txbxContent"):
        notes.append("文件中有文本框，文本框里的文字没有导入，请自行核对")
    return lines, list(dict.fromkeys(notes))


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
                key = (num.get(f"{{{_W}}}numId") or "", int(lvl.get(f"{{{_W}}}ilvl") or 0))
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
            level = int(ilvl.get(f"{{{_W}}}val")) if ilvl is not None else 0
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
