"""The corpus of report shapes in ``tests/data/import/`` and what the tests do with it.

Each shape is a report written for these tests (``NN-name.txt``) beside what it must give
(``NN-name.toml``): unit, kind, year, parts in order, points per topic, items per part,
numbering and layout, every figure as written, the 落款. ``docx`` turns a shape into a Word
file as an office would type it: headings numbered by Word's own lists or typed, run-in
headings in bold, soft line breaks, a table.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

from wizard.importer import Imported, import_report
from wizard.importer.tree import numbered
from wizard.questionnaire import Questionnaire

CORPUS = Path(__file__).parent / "data" / "import"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class Shape:
    name: str
    text: str
    expected: dict[str, Any]

    @property
    def lines(self) -> list[str]:
        return [line for line in self.text.splitlines() if line.strip()]


def shapes() -> list[Shape]:
    found = sorted(CORPUS.glob("*.txt"))
    assert len(found) >= 25, "the corpus is there"  # a glob that finds nothing tests nothing
    return [
        Shape(
            p.stem,
            p.read_text(encoding="utf-8"),
            tomllib.loads(p.with_suffix(".toml").read_text(encoding="utf-8")),
        )
        for p in found
    ]


def docx_of(shape: Shape, folder: Path) -> Path:
    """The shape as a Word file: 一、 headings drawn by Word's list numbering (as many
    offices set them), run-in （一） headings in bold, a line typed with a soft break, and
    lines marked ``|`` as a table."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {_W} w:abstractNumId="77">'
            '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {_W} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    table_rows: list[list[str]] = []
    lines = shape.lines
    for index, line in enumerate(lines):
        if line.startswith("|"):
            table_rows.append([cell.strip() for cell in line.strip("|").split("|")])
            if index + 1 < len(lines) and lines[index + 1].startswith("|"):
                continue
            table = document.add_table(rows=len(table_rows), cols=len(table_rows[0]))
            for r, row in enumerate(table_rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            table_rows = []
            continue
        mark = numbered(line)
        paragraph = document.add_paragraph()
        if mark and mark[0] == "一、" and not mark[3] and index > 0:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="77"/></w:numPr>')
            )
            paragraph.add_run(mark[2])
            continue
        heading, dot, rest = line.partition("。")
        if mark and mark[0] == "（一）" and dot and rest:
            paragraph.add_run(heading + dot).bold = True  # a run-in heading set in bold
            paragraph.add_run(rest)
            continue
        if "；" in line and len(line) > 60:  # a long paragraph typed with a soft line break
            first, _, second = line.partition("；")
            paragraph.add_run(first + "；")
            paragraph.add_run().add_break()
            paragraph.add_run(second)
            continue
        paragraph.add_run(line)
    path = folder / f"{shape.name}.docx"
    document.save(str(path))
    return path


def imported_table(path: Path, questionnaire: Questionnaire) -> tuple[dict[str, Any], Imported]:
    """What ``import`` would write to the answers file, as its table, and what it found."""
    document, found = import_report(path, questionnaire)
    return document.to_toml(), found
