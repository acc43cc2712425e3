"""The Word file on paper: rendered by LibreOffice, measured on the PDF and its raster
(GB/T 9704-2012), for every example, a 36-page report and a unit with a 30-character name.

Needs LibreOffice Writer, a CJK font and poppler-utils; ``.ci/run`` installs them, so in CI
these tests always run.
"""

from __future__ import annotations

import itertools
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.pages import Line, missing_tools, page_number_ink, pages, to_pdfs
from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.written_with import questionnaire_of
from wizard.questionnaire import prompts_dir
from wizard.render.docx import render_docx
from wizard.render.lines import title_lines
from wizard.report.draft import build_report
from wizard.report.paragraphs import Report
from wizard.state.interview import Interview

if missing_tools() and not os.environ.get("CI"):
    pytest.skip(
        f"to render Word files install {', '.join(missing_tools())}", allow_module_level=True
    )

pytestmark = [pytest.mark.timeout(600), pytest.mark.other_process]

LEFT, RIGHT, TOP, BOTTOM = 28.0, 184.0, 37.0, 262.0  # the 版心, mm from the page's edges
CHAR = 156 / 28  # mm: 28 characters a line
PITCH = 225 / 22  # mm: 22 lines a page
PAGE_NUMBER_CHAR = 14 * 25.4 / 72  # 4号: 空一字
LONG_NAME = "云溪市白沙区市场监督管理局综合行政执法支队第二大队一中队"  # 28 wide, 30 with its year


@dataclass(frozen=True)
class Rendered:
    report: Report
    pdf: Path
    pages: list[list[Line]]


def _examples() -> dict[str, Interview]:
    found = {}
    for path in sorted((prompts_dir() / "examples").glob("*.toml")):
        document = disk.load(path)
        found[path.stem] = Interview(questionnaire_of(AnswersDocument(document), path), document)
    return found


def _long_report(example: Interview) -> Interview:
    """The reference's example grown to some 36 pages: each topic's points many times."""
    interview = Interview(example.questionnaire, example.document, example.today)
    for section in interview.questionnaire.sections:
        for choice in interview.chosen_topics(section):
            points = f"{choice.id}_points"
            items = interview.items(points)
            interview.set(points, tuple(dict(i) for i in items) * 20)
    return interview


def _long_name(example: Interview) -> Interview:
    interview = Interview(example.questionnaire, example.document, example.today)
    interview.answer("unit_name", LONG_NAME)
    interview.answer("unit_kind", "街道")
    interview.answer("annotation", "联系人：党政办 李明，电话：0000-1234567")
    return interview


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    folder = tmp_path_factory.mktemp("pages")
    interviews = _examples()
    interviews["36 pages"] = _long_report(interviews["township-2022"])
    interviews["30-character name"] = _long_name(interviews["township-2022"])
    reports = {name: build_report(i) for name, i in interviews.items()}
    files = []
    for n, report in enumerate(reports.values()):
        files.append(folder / f"{n}.docx")
        files[-1].write_bytes(render_docx(report))
    pdfs = to_pdfs(files)  # one LibreOffice for all of them
    return {
        name: Rendered(report, pdf, pages(pdf))
        for (name, report), pdf in zip(reports.items(), pdfs, strict=True)
    }


NAMES = [p.stem for p in sorted((prompts_dir() / "examples").glob("*.toml"))]
NAMES += ["36 pages", "30-character name"]


def body(page: list[Line]) -> list[Line]:
    """The lines of the text inside the 版心: not the page number below it, nor the 版记
    (抄送, 4号 between its lines: off the 3号 grid, as the standard sets it apart)."""
    return [line for line in page if line.top < BOTTOM and not line.text.startswith("抄送：")]


def is_wide(text: str) -> bool:
    return all(unicodedata.east_asian_width(c) in "WFA" for c in text)


@pytest.mark.parametrize("name", NAMES)
def test_every_full_line_holds_28_characters(rendered: dict[str, Rendered], name: str) -> None:
    measured = 0
    for page in rendered[name].pages:
        lines = body(page)
        for line, following in itertools.pairwise(lines):
            reaches_right = line.right > RIGHT - CHAR / 2
            # A line before a number or a Latin word (which cannot be broken) ends early, as
            # it must; one of digits has the width its font gives them. So does one before an
            # opening bracket or quote, which may not end a line (“两个维护”, （二）).
            opening = unicodedata.category(following.text[:1]) in ("Ps", "Pi")
            # A closing mark may not begin a line either: the character before it goes down
            # with it (…谁负 / 责”的原则…) and the line is spread to the margin.
            pushed = unicodedata.category(following.text[1:2]) in ("Pe", "Pf", "Po")
            if not reaches_right or not is_wide(line.text + following.text[:2]):
                continue
            if opening or pushed:
                continue
            indent = round((line.left - LEFT) / CHAR)
            # Closing punctuation may hang past the margin, as Word lets it by default.
            hanging = (
                line.right > RIGHT + CHAR / 2 and unicodedata.category(line.text[-1])[0] == "P"
            )
            assert indent + len(line.text) - hanging == 28, line
            measured += 1
    assert measured > 5


def row(line: Line) -> float:
    """The line's place on the page's grid of 22: 0 at the top of the 版心."""
    return (line.top - TOP) / PITCH


@pytest.mark.parametrize("name", NAMES)
def test_22_lines_a_page_on_one_grid(rendered: dict[str, Rendered], name: str) -> None:
    found = rendered[name].pages
    headings = {p.text for p in rendered[name].report.paragraphs if p.kind == "heading"}
    for number, page in enumerate(found, 1):
        rows = [row(line) for line in body(page)]
        # Glyphs start a little below their line's top, the same on every line.
        assert all(0 <= r - int(r) < 0.35 for r in rows), (number, rows)
        assert int(max(rows)) <= 21  # never more than 22 lines
        if number < len(found):
            # a page before another starts at the top of the 版心 and fills it, but for a
            # line or two given to what follows: a heading kept with its text, the lines of
            # a paragraph not left alone at a page's foot or head
            assert int(min(rows)) == 0, (number, rows)
            next_first = body(found[number])[0].text
            short = 2 if next_first in headings else 1
            if number == len(found) - 1:  # the text's end is kept with the 落款 that follows
                short = max(short, len(body(found[number])))
            assert int(max(rows)) >= 21 - short, (number, rows)


@pytest.mark.parametrize("name", NAMES)
def test_page_numbers_on_the_ink(rendered: dict[str, Rendered], name: str) -> None:
    """— N — in 4号: the 一字线 7 mm below the 版心, measured on its ink at 600 dpi; odd pages
    on the right, even on the left, each 空一字."""
    found = rendered[name]
    assert len(found.pages) >= 2 or name != "36 pages"
    for number, page in enumerate(found.pages, 1):
        [mark] = [line for line in page if line.top >= BOTTOM]
        assert mark.text.replace(" ", "") == f"—{number}—"
        if 3 < number < len(found.pages) - 1:
            continue  # ink measured on the first pages and the last two: rasterising is slow
        ink = page_number_ink(found.pdf, number)
        first, *digits, last = ink
        for dash in (first, last):
            assert dash.bottom - dash.top < 0.6  # a dash: a thin line
            assert dash.middle == pytest.approx(BOTTOM + 7, abs=0.5), (number, dash)
        height = max(d.bottom for d in digits) - min(d.top for d in digits)
        assert 3.2 <= height <= 3.9, (number, height)  # 4号 digits (3号 would be 4.2)
        if number % 2:
            assert last.right == pytest.approx(RIGHT - PAGE_NUMBER_CHAR, abs=0.7), (number, last)
        else:
            assert first.left == pytest.approx(LEFT + PAGE_NUMBER_CHAR, abs=0.7), (number, first)


@pytest.mark.parametrize("name", NAMES)
def test_no_heading_ends_a_page(rendered: dict[str, Rendered], name: str) -> None:
    found = rendered[name]
    headings = {p.text for p in found.report.paragraphs if p.kind == "heading"}
    for number, page in enumerate(found.pages[:-1], 1):
        last = body(page)[-1].text
        assert last not in headings, (number, last)


@pytest.mark.parametrize("name", NAMES)
def test_the_title_in_balanced_lines_none_alone(rendered: dict[str, Rendered], name: str) -> None:
    found = rendered[name]
    title = next(p for p in found.report.paragraphs if p.kind == "title")
    expected = title_lines(title.spans)
    first = body(found.pages[0])
    assert [line.text.replace(" ", "") for line in first[: len(expected)]] == [
        t.replace(" ", "").replace("\u3000", "") for t in expected
    ]  # as many lines as planned: none wrapped by the reader
    assert all(len(line.strip()) >= 2 for line in expected)
    following = first[len(expected)]
    assert following.top - first[len(expected) - 1].top > 1.5 * PITCH  # a blank line after


@pytest.mark.parametrize("name", NAMES)
def test_the_signature_and_date_by_7_3_5_2(rendered: dict[str, Rendered], name: str) -> None:
    """署名 右空二字; the date under it, its first character two characters right of the
    署名's (or, when it is the longer, the date 右空二字); text on the same page."""
    last = body(rendered[name].pages[-1])
    dates = [i for i, line in enumerate(last) if line.text.endswith("日") and "年" in line.text]
    if not dates:
        pytest.skip("no date given in this example")
    signature = dates[-1]
    name_line, date = last[signature - 1], last[signature]
    text_above = [line for line in last[: signature - 1] if line.left < LEFT + 3 * CHAR]
    assert text_above, "the 落款 stands alone on its page"
    # Placed by their left edges: the two characters between the first characters hold
    # exactly; the longer line's right end rests on the reader's digit widths.
    assert date.left - name_line.left == pytest.approx(2 * CHAR, abs=0.3)
    longer = max(date.right, name_line.right)
    assert RIGHT - 2.1 * CHAR <= longer <= RIGHT - 0.8 * CHAR
    assert "年" in date.text and date.text.count("月") == 1  # never broken


def test_the_long_report_has_36_pages_and_the_long_name_wraps_at_a_boundary(
    rendered: dict[str, Rendered],
) -> None:
    assert len(rendered["36 pages"].pages) >= 30
    first = [line.text for line in body(rendered["30-character name"].pages[0])[:3]]
    assert first[:2] == ["云溪市白沙区市场监督管理局", "综合行政执法支队第二大队一中队"]
