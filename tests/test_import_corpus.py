"""Every shape of the corpus imports to the outline it states, keeps every word of its body,
and next year's draft made from it has the same shape."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.import_corpus import Shape, docx_of, imported_table, shapes
from wizard.answersfile import disk, outline
from wizard.cli.app import app
from wizard.questionnaire import Questionnaire, load_by_id
from wizard.report.draft import build_report
from wizard.state.interview import Interview

SHAPES = shapes()
runner = CliRunner()


def source_file(shape: Shape, form: str, folder: Path) -> Path:
    if form == "docx":
        return docx_of(shape, folder)
    path = folder / f"{shape.name}.txt"
    path.write_text(shape.text, encoding="utf-8")
    return path


def structure(document: dict[str, Any], questionnaire: Questionnaire) -> dict[str, Any]:
    """What a report's shape is, as the draft will print it: parts, levels, layouts,
    headings, points per topic, items per part, the 落款."""
    interview = Interview(questionnaire, document)
    shape = outline.read(document.get("outline"))[0]
    work = next(s for s in questionnaire.sections if s.topics)
    topics = interview.chosen_topics(work)
    unwrapped = work.id in shape.unwrapped
    points = work.topics[0].points
    result: dict[str, Any] = {
        "order": [s.id for s in shape.sections(questionnaire) if s.id in shape.order],
        "unwrapped": sorted(shape.unwrapped),
        "numbering": {
            "part": shape.part_numbering,
            "topic": shape.part_numbering
            if unwrapped
            else (
                shape.topic_numbering if shape.topic_numbering is not None else work.topic_numbering
            ),
            "point": shape.point_numbering
            if shape.point_numbering is not None
            else points.numbering,
        },
        "layout": {
            "topic": "own_line"
            if unwrapped
            else shape.topic_layout or ("run_in" if work.points_inline else "own_line"),
            "point": shape.point_layout or ("run_in" if work.points_inline else "paragraphs"),
        },
        "headings": dict(shape.headings),
        "topic_headings": [interview.topic_heading(work, c) for c in topics],
        "topics": [len(interview.items(f"{c.id}_points")) for c in topics],
        "levels": {k: v for k, v in shape.topics.items()},
        "parts": dict(shape.parts),
        "items": {
            q.id: len(interview.items(q.id))
            for s in questionnaire.sections
            for q in s.questions
            if q.kind == "list" and interview.items(q.id)
        },
        "signature": signature(interview),
    }
    return result


def signature(interview: Interview) -> list[str]:
    lines = [p.text for p in build_report(interview).paragraphs if p.kind == "signature"]
    return [line for line in lines if not re.search(r"\d+年\d+月\d+日|待填写", line)]


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d))"
)
_POINT = re.compile(r"(?<![一二三四五六七八九十])[一二三四五六七八九十]+是|[（(]\d{1,2}[）)]")


def squeezed(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def body_sentences(shape: Shape) -> list[str]:
    """Every sentence of the source with its numbering taken off (the draft numbers anew)."""
    result = []
    for line in shape.lines:
        line = _POINT.sub("。", _LABEL.sub("", line.lstrip("|")))
        for chunk in re.split(r"[。；;\n|]", line):
            if squeezed(chunk) and not re.fullmatch(r"\d+年\d+月\d+日", squeezed(chunk)):
                result.append(squeezed(chunk))
    return result


@pytest.mark.parametrize("form", ["txt", "docx"])
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_each_shape_gives_its_outline(shape: Shape, form: str, tmp_path: Path) -> None:
    expected = shape.expected
    questionnaire = load_by_id(expected["questionnaire"])
    document, found = imported_table(source_file(shape, form, tmp_path), questionnaire)
    got = structure(document, questionnaire)
    assert document.get("unit_name") == expected["unit"]
    assert document.get("unit_kind") == expected.get("kind")  # none for a kind not listed
    assert document.get("year") == expected["year"]
    assert got["order"] == expected["parts"]
    assert got["unwrapped"] == expected.get("unwrapped", [])
    assert got["topics"] == expected["topics"]
    for question, count in expected.get("items", {}).items():
        assert got["items"].get(question, 0) == count, question
    assert got["numbering"] == expected["numbering"]
    assert got["layout"] == expected["layout"]
    for section, heading in expected.get("headings", {}).items():
        assert got["headings"].get(section) == heading
    assert got["signature"] == expected["signature"]
    if "addressee" in expected:
        assert document.get("addressee") == expected["addressee"]
    if "issuers" in expected:
        assert found.issuers == expected["issuers"]
    said = Counter(f.said for f in found.figures)
    assert not Counter(expected["figures"]) - said, "every figure of the source is read"
    for question, value in expected.get("questions", {}).items():
        stored = document.get(question)
        assert (stored["value"] if isinstance(stored, dict) else stored) == value, question
    assert len(found.unplaced) == expected.get("unplaced", 0), found.unplaced


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_every_word_of_the_body_is_kept(shape: Shape, tmp_path: Path) -> None:
    questionnaire = load_by_id(shape.expected["questionnaire"])
    document, _ = imported_table(source_file(shape, "txt", tmp_path), questionnaire)
    kept = [squeezed(s) for s in strings({k: v for k, v in document.items() if k != "meta"})]
    for sentence in body_sentences(shape):
        assert any(sentence in text for text in kept), sentence


def moved(value: Any, year: int) -> Any:
    """Last year's shape as next year's: the years in headings moved on by one."""
    if isinstance(value, str):
        return outline.years_moved(value, year)
    if isinstance(value, dict):
        return {k: moved(v, year) for k, v in value.items()}
    if isinstance(value, list):
        return [moved(v, year) for v in value]
    return value


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_next_years_draft_has_last_years_shape(shape: Shape, tmp_path: Path) -> None:
    """new --from the Word file, then export: the draft reads back to the same outline, its
    years moved on, the 落款 as written, and every figure of the source in it."""
    questionnaire = load_by_id(shape.expected["questionnaire"])
    source = docx_of(shape, tmp_path)
    last, _ = imported_table(source, questionnaire)
    template = ["--template", questionnaire.id]
    result = runner.invoke(
        app, ["new", str(tmp_path / "next.toml"), "--from", str(source), *template, "--no-input"]
    )
    assert result.exit_code == 0, result.output
    draft = tmp_path / "next.txt"
    result = runner.invoke(app, ["export", str(tmp_path / "next.toml"), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    again, _ = imported_table(draft, questionnaire)
    before = moved(structure(last, questionnaire), shape.expected["year"])
    after = structure(again, questionnaire)
    keys = ("order", "unwrapped", "numbering", "layout", "headings", "topic_headings", "topics")
    for key in (*keys, "items", "levels", "parts", "signature"):
        assert after[key] == before[key], key
    text = draft.read_text(encoding="utf-8")
    for figure in shape.expected["figures"]:
        assert figure in text, figure
    assert disk.load(tmp_path / "next.toml")["year"] == shape.expected["year"] + 1
