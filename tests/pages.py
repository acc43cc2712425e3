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


def first_page_png(docx: Path, target: Path) -> None:
    pdf = to_pdf(docx)
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True, timeout=60,
    )  # fmt: skip


if __name__ == "__main__":
    from wizard import answers
    from wizard.questionnaire import prompts_dir
    from wizard.render.docx import render_docx
    from wizard.report import build_report
    from wizard.session import open_readonly

    example = prompts_dir() / "examples" / "township-2022.toml"
    answers.load(example)  # fails loudly if the example is broken
    with tempfile.TemporaryDirectory() as folder:
        docx = Path(folder) / "example.docx"
        docx.write_bytes(render_docx(build_report(open_readonly(example))))
        target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/first-page.png")
        target.parent.mkdir(parents=True, exist_ok=True)
        first_page_png(docx, target)
        print(f"wrote {target}")
