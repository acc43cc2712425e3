"""The Word file on paper: rendered by LibreOffice, measured on the PDF (GB/T 9704-2012).

Needs LibreOffice Writer, a CJK font and poppler-utils; ``.ci/run`` installs them, so in CI
these tests always run.
"""

from __future__ import annotations

import itertools
import os
import unicodedata
from pathlib import Path

import pytest

from tests.pages import Line, missing_tools, pages, to_pdf
from wizard.interview import Interview
from wizard.render.docx import render_docx
from wizard.report import build_report

if missing_tools() and not os.environ.get("CI"):
    pytest.skip(
        f"to render Word files install {', '.join(missing_tools())}", allow_module_level=True
    )

pytestmark = pytest.mark.timeout(300)

LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0  # the 版心, mm from the page's edges
CHAR = 156 / 28  # mm: 28 characters a line
PITCH = 225 / 22  # mm: 22 lines a page
PAGE_NUMBER_CHAR = 14 * 25.4 / 72  # 4号: 空一字


def variants(example: Interview) -> dict[str, Interview]:
    long_title = Interview(example.questionnaire, dict(example.document), example.today)
    long_title.answer("unit_name", "青石市白沙区清河街道办事处")
    long_title.answer("unit_kind", "街道")
    long_title.answer("annotation", "联系人：党政办 李明，电话：0000-1234567")
    return {"example": example, "long title": long_title}


@pytest.fixture(params=["example", "long title"])
def rendered(
    request: pytest.FixtureRequest, example: Interview, tmp_path: Path
) -> list[list[Line]]:
    interview = variants(example)[request.param]
    docx = tmp_path / "report.docx"
    docx.write_bytes(render_docx(build_report(interview)))
    return pages(to_pdf(docx))


def body(page: list[Line]) -> list[Line]:
    """The lines inside the 版心 (not the page number below it)."""
    return [line for line in page if line.top < BOTTOM]


def is_wide(text: str) -> bool:
    return all(unicodedata.east_asian_width(c) in "WFA" for c in text)


def test_every_full_line_holds_28_characters(rendered: list[list[Line]]) -> None:
    measured = 0
    for page in rendered:
        lines = body(page)
        for line, following in itertools.pairwise(lines):
            reaches_right = line.right > RIGHT - CHAR / 2
            # A line before a number or a Latin word (which cannot be broken) ends early, as
            # it must; one of digits has the width its font gives them.
            if not reaches_right or not is_wide(line.text + following.text[:2]):
                continue
            indent = round((line.left - LEFT) / CHAR)
            # Closing punctuation may hang past the margin, as Word lets it by default.
            hanging = (
                line.right > RIGHT + CHAR / 2 and unicodedata.category(line.text[-1])[0] == "P"
            )
            assert indent + len(line.text) - hanging == 28, line
            measured += 1
    assert measured > 20


def row(line: Line) -> float:
    """The line's place on the page's grid of 22: 0 at the top of the 版心."""
    return (line.top - TOP) / PITCH


def test_22_lines_a_page_on_one_grid(rendered: list[list[Line]]) -> None:
    for number, page in enumerate(rendered, 1):
        rows = [row(line) for line in body(page)]
        # Glyphs start a little below their line's top, the same on every line.
        assert all(0 <= r - int(r) < 0.35 for r in rows), (number, rows)
        assert int(max(rows)) <= 21  # never more than 22 lines
        if number < len(rendered) and int(max(rows)) >= 20:
            # a full page: lines from the top of the 版心 to its bottom
            assert int(min(rows)) == 0 and int(max(rows)) == 21, (number, rows)


def test_page_numbers_odd_right_even_left_7_mm_below(rendered: list[list[Line]]) -> None:
    assert len(rendered) >= 2
    for number, page in enumerate(rendered, 1):
        [mark] = [line for line in page if line.top >= BOTTOM]
        assert mark.text.replace(" ", "") == f"—{number}—"
        assert abs(mark.top - (BOTTOM + 7)) <= 1, mark
        if number % 2:
            assert abs(mark.right - (RIGHT - PAGE_NUMBER_CHAR)) <= 1, mark
        else:
            assert abs(mark.left - (LEFT + PAGE_NUMBER_CHAR)) <= 1, mark


def test_the_last_page_holds_text_as_well_as_the_signature(
    rendered: list[list[Line]],
) -> None:
    last = body(rendered[-1])
    signature = next(
        i for i, line in enumerate(last) if line.text.endswith("日") and "年" in line.text
    )
    assert signature >= 2  # 署名 above the date, and text above them
    text_above = [line for line in last[: signature - 1] if line.left < LEFT + 3 * CHAR]
    assert text_above, "the 落款 stands alone on its page"
    name, date = last[signature - 1], last[signature]
    assert name.top < date.top
    assert date.right == pytest.approx(RIGHT - 2 * CHAR, abs=1.5) or name.right == pytest.approx(
        RIGHT - 2 * CHAR, abs=1.5
    )  # the longer one stands two characters from the right


def test_a_long_title_is_split_in_balanced_lines(example: Interview, tmp_path: Path) -> None:
    interview = variants(example)["long title"]
    docx = tmp_path / "report.docx"
    docx.write_bytes(render_docx(build_report(interview)))
    first = pages(to_pdf(docx))[0]
    assert [line.text for line in first[:2]] == [
        "青石市白沙区清河街道办事处",
        "2022年法治政府建设年度报告",
    ]
    title_bottom = first[1].top
    assert first[2].top - title_bottom > 1.5 * PITCH  # one blank line after the title
