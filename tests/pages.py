"""Word files rendered as a reader sees them: LibreOffice makes a PDF, pdftotext measures it.

The GB fonts (仿宋_GB2312, 方正小标宋简体 …) are played by Noto Sans CJK through
``data/word/fonts.conf``. Run as ``python -m tests.pages`` to remake the README's picture of
a first page with the same pipeline.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

FONTS = Path(__file__).parent / "data" / "word" / "fonts.conf"
TOOLS = ("soffice", "pdftotext", "pdftoppm")
MM = 25.4 / 72  # points to millimetres


@dataclass(frozen=True)
class Line:
    left: float  # mm from the page's left edge
    right: float
    top: float  # mm from the page's top edge
    text: str


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def to_pdf(docx: Path) -> Path:
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS), HOME=str(docx.parent))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent), str(docx)],
        env=env, capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    return docx.with_suffix(".pdf")


def to_pdfs(files: list[Path]) -> list[Path]:
    """Many Word files to PDF in one run of LibreOffice (its start is most of the time)."""
    folder = files[0].parent
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS), HOME=str(folder))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, files)],
        env=env, capture_output=True, check=True, timeout=600,
    )  # fmt: skip
    return [f.with_suffix(".pdf") for f in files]


def pages(pdf: Path) -> list[list[Line]]:
    """Every page's lines of text, top to bottom."""
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout  # fmt: skip
    result = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", layout, re.S):
        lines = []
        for x0, y0, x1, inner in re.findall(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</line>',
            page,
            re.S,
        ):
            text = "".join(html.unescape(w) for w in re.findall(r">([^<]*)</word>", inner))
            lines.append(Line(float(x0) * MM, float(x1) * MM, float(y0) * MM, text))
        result.append(sorted(lines, key=lambda line: line.top))
    return result


#: Where the page number is looked for: the strip below the 版心 (mm from the top edge).
FOOTER_STRIP = (262.5, 290.0)
DPI = 600


def _gray(pdf: Path, page: int, top_mm: float, height_mm: float) -> tuple[int, int, bytes]:
    """A strip of a page across its whole width, as 8-bit grey pixels (PGM), at 600 dpi."""
    px = DPI / 25.4
    raw = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page),
         "-x", "0", "-y", str(round(top_mm * px)), "-W", str(round(210 * px)),
         "-H", str(round(height_mm * px)), str(pdf)],
        capture_output=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    header, _, rest = raw.partition(b"\n")  # P5, then width height, then 255
    sizes, _, rest = rest.partition(b"\n")
    _, _, pixels = rest.partition(b"\n")
    assert header == b"P5"
    width, height = (int(v) for v in sizes.split())
    return width, height, pixels


@dataclass(frozen=True)
class Ink:
    """Where a glyph's ink is, in mm from the page's top and left edges."""

    left: float
    right: float
    top: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def page_number_ink(pdf: Path, page: int) -> list[Ink]:
    """The ink of the page number's glyphs, left to right (— 1 —: the dash, the digits,
    the dash): measured on the raster, not on a text box."""
    top, bottom = FOOTER_STRIP
    width, height, pixels = _gray(pdf, page, top, bottom - top)
    px = DPI / 25.4
    dark_columns = [
        x for x in range(width) if any(pixels[y * width + x] < 128 for y in range(0, height, 2))
    ]
    glyphs: list[list[int]] = []
    for x in dark_columns:
        if glyphs and x - glyphs[-1][-1] <= 2:
            glyphs[-1].append(x)
        else:
            glyphs.append([x])
    result = []
    for columns in glyphs:
        rows = [
            y for y in range(height)
            if any(pixels[y * width + x] < 128 for x in columns)
        ]  # fmt: skip
        result.append(
            Ink(
                columns[0] / px,
                (columns[-1] + 1) / px,
                top + rows[0] / px,
                top + (rows[-1] + 1) / px,
            )
        )
    return result


def first_page_png(docx: Path, target: Path) -> None:
    pdf = to_pdf(docx)
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True, timeout=60,
    )  # fmt: skip


if __name__ == "__main__":
    from wizard.answersfile import disk
    from wizard.questionnaire import prompts_dir
    from wizard.render.docx import render_docx
    from wizard.report.draft import build_report
    from wizard.session import open_readonly

    example = prompts_dir() / "examples" / "township-2022.toml"
    disk.load(example)  # fails loudly if the example is broken
    with tempfile.TemporaryDirectory() as folder:
        docx = Path(folder) / "example.docx"
        docx.write_bytes(render_docx(build_report(open_readonly(example))))
        target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/first-page.png")
        target.parent.mkdir(parents=True, exist_ok=True)
        first_page_png(docx, target)
        print(f"wrote {target}")
