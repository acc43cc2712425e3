"""``import``: last year's finished report, even one the wizard did not write, read back into
an answers file with its outline, texts and figures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.import_corpus import CORPUS, imported_table
from wizard.answersfile import disk, outline, records
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.written_with import questionnaire_of
from wizard.cli.app import app
from wizard.figures import Number, format_number
from wizard.importer import ImportError_
from wizard.questionnaire import Questionnaire, load_by_id, prompts_dir
from wizard.render.export import render_bytes
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.state.interview import Interview
from wizard.state.matching import template_leads

REFERENCE = Path(__file__).parents[2] / "shared" / "reference" / "township-report-2022.txt"
if not REFERENCE.exists():  # a checkout of the project alone: the copy kept with the tests
    REFERENCE = Path(__file__).parent / "data" / "reference.txt"
#: Every figure of the reference report, as it is written there.
REFERENCE_FIGURES = [
    "43余件次", "70余条", "2人", "10000余份", "600余人次", "1条", "2个", "4个", "125件", "100％",
]  # fmt: skip
runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    return result.exit_code, result.output


def reference_docx(folder: Path) -> Path:
    """The reference typed into Word as an office would: plain paragraphs, one heading typed
    with half-width brackets, a soft line break, and a table holding a figure (under the
    results: a figure under the plans is next year's, and answers none of this year's)."""
    document = docx.Document()
    results = None
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        line = line.replace("（二）强化理论学习", "(二)强化理论学习")
        paragraph = document.add_paragraph()
        if line.startswith("四、下步工作打算"):
            paragraph.add_run("四、下步工作打算")
            paragraph.add_run().add_break()  # a soft line break inside the paragraph
            continue
        paragraph.add_run(line)
        if line.startswith("二、工作主要成效"):
            results = paragraph
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "全年受理信访事项"
    table.cell(0, 1).text = "58件"
    assert results is not None
    results._p.addnext(table._tbl)  # the table right under the results' heading
    path = folder / "杉岭乡2022.docx"
    document.save(str(path))
    return path


def check_reference(document: dict[str, object], figures_found: list[str]) -> None:
    assert document["unit_name"] == "杉岭乡" and document["year"] == 2022
    topics = document["work_topics"]
    assert isinstance(topics, list) and len(topics) == 6
    counts = [len(document[f"{t['id']}_points"]) for t in topics]  # type: ignore[arg-type]
    assert counts == [2, 2, 3, 3, 4, 2]
    assert len(document["achievements"]) == 5  # type: ignore[arg-type]
    assert document["results_separate"] is True  # the condition that puts 成效 in the report
    assert len(document["shortcomings"]) == 3  # type: ignore[arg-type]
    assert len(document["plan_items"]) == 2  # type: ignore[arg-type]
    for figure in REFERENCE_FIGURES:
        assert figure in figures_found, figure
    assert document["disputes_found"] == 125
    assert document["materials"] == {"value": 10000, "hedge": "余"}
    assert document["law_courtyards"] == 2 and document["law_groups"] == 4
    kept = records.read(document.get("text_figures"))[0]
    assert len(kept) == len(figures_found)  # every figure kept, in its sentence
    assert {r.said for r in kept if not r.question} >= {"1条"}  # the unit's own
    assert "own_figures" not in document  # said in the text already: none printed twice


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_the_reference_report(kind: str, tmp_path: Path) -> None:
    source = REFERENCE if kind == "txt" else reference_docx(tmp_path)
    document, found = imported_table(source, load_by_id("township"))
    assert [p.section for p in found.parts] == ["work", "results", "problems", "plans"]
    check_reference(document, [f.said for f in found.figures])
    if kind == "docx":
        assert any("表格" in note for note in found.unsure)
        assert ("受理信访事项", "58件") in [(f.label, f.said) for f in found.figures]
        assert document["petitions"] == 58  # the table's figure, matched to its question


@pytest.mark.parametrize(
    "path", sorted((prompts_dir() / "examples").glob("*.toml")), ids=lambda p: p.stem
)
@pytest.mark.parametrize("suffix", [".docx", ".md", ".txt"])
def test_round_trip(path: Path, suffix: str, tmp_path: Path) -> None:
    """import(export(example)) gives back its outline, topics, points and figures."""
    example = disk.load(path)
    questionnaire = questionnaire_of(AnswersDocument(example), path)
    interview = Interview(questionnaire, example)
    exported = tmp_path / f"草稿{suffix}"
    exported.write_bytes(render_bytes(build_report(interview), suffix))
    document, found = imported_table(exported, questionnaire)
    chosen = [
        (interview.topic_heading(s, c), len(interview.items(f"{c.id}_points")))
        for s in questionnaire.sections
        for c in interview.chosen_topics(s)
    ]
    assert [(t.heading, t.points) for t in found.topics] == chosen
    before = outline.read(example.get("outline"))[0]
    after = outline.read(document.get("outline"))[0]
    for key in ("unwrapped", "point_numbering", "topic_numbering", "part_numbering"):
        assert getattr(after, key) == getattr(before, key), key
    assert after.title == build_report(interview).title
    # Every figure the draft states is found again: as its question's answer, or in its text.
    again = Interview(questionnaire, document)
    draft = render_text(build_report(interview)).replace("\n", "")
    leads = template_leads(questionnaire)
    in_text = {r.said for r in records.read(document.get("text_figures"))[0]}
    for question in questionnaire.all_questions():
        value = interview.values.get(question.id)
        if not isinstance(value, Number) or not value.value or question.id == "year":
            continue
        said_as = (leads.get(question.id, ""), question.label)
        if not any(lead and f"{lead}{format_number(question, value)}" in draft for lead in said_as):
            continue  # not in the draft (a count a rate stands for): nothing to find
        said = again.values.get(question.id)
        found_again = isinstance(said, Number) and said.value == value.value
        assert found_again or format_number(question, value) in in_text, question.id
    assert found.unplaced == []


def test_next_year_from_last_years_word_file(tmp_path: Path) -> None:
    source = reference_docx(tmp_path)
    code, output = run("new", tmp_path / "2023.toml", "--from", source, "--no-input")
    assert code == 0, output
    document = disk.load(tmp_path / "2023.toml")
    assert document["year"] == 2023
    assert document["previous"]["disputes_found"] == 125
    assert "disputes_found" not in document
    assert outline.read(document.get("outline"))[0].title == "杉岭乡2023年法治政府建设年度报告"
    carried = records.read(document.get("text_figures"))[0]
    # Every figure of last year's text waits for this year's, with last year's beside it.
    assert len(carried) == 11 and all(r.state == "carried" and r.last_year for r in carried)
    assert {r.last_year for r in carried if r.question == "disputes_found"} == {"125件"}
    code, output = run("import", source, "-o", tmp_path / "2022.toml")
    assert code == 0, output
    assert "6 条" not in output and "专题，4 条做法" in output
    said = output.replace("\n", "")
    assert "数字题“排查调处矛盾纠纷”" in said  # each figure with the question it answers
    assert "本单位自己的数字" in said
    code, output = run("compare", tmp_path / "2022.toml", tmp_path / "2023.toml")
    assert code == 0 and "排查调处矛盾纠纷" in output


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("旧.doc", b"\xd0\xcf\x11\xe0old", "旧版 Word 文件"),
        ("加密.docx", b"\xd0\xcf\x11\xe0\xa1\xb1", "加了密码"),
        ("坏.docx", b"PK\x03\x04broken", "不是完好的 Word 文件"),
        ("通知.txt", "关于放假的通知\n大家好，明天放假。\n".encode(), "不是一份年度报告"),
        ("表格.xlsx", b"PK", "只能导入 .docx、.txt 或 .md"),
    ],
)
def test_what_cannot_be_imported_says_why(
    name: str, content: bytes, message: str, tmp_path: Path
) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    code, output = run("import", source, "-o", tmp_path / "x.toml")
    assert code == 2 and message in output.replace("\n", "")
    assert not (tmp_path / "x.toml").exists()


def test_an_existing_answers_file_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "2022.toml"
    target.write_text("unit_name = '已有'\n", encoding="utf-8")
    code, output = run("import", REFERENCE, "-o", target)
    assert code == 2 and "已经存在" in output
    assert target.read_text(encoding="utf-8") == "unit_name = '已有'\n"


def test_word_list_numbering_and_text_boxes(tmp_path: Path) -> None:
    """Headings numbered by Word's own lists (一、 and （一） not in the text) read as printed."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, level: int) -> None:
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
        )

    document.add_paragraph("白沙镇2023年法治政府建设年度报告")
    document.add_paragraph("2023年，白沙镇依法履职。现将有关情况报告如下：")
    numbered("主要举措", 0)
    numbered("加强组织领导。一是健全机制。成立领导小组。二是压实责任。签订责任书18份。", 1)
    numbered("深化普法宣传。一是开展活动。全年开展宣传活动24场。二是送法下乡。走访村组。", 1)
    numbered("存在的不足", 0)
    document.add_paragraph("一是宣传不够。原因是人手少。二是机制不全。原因是起步晚。")
    box = document.add_paragraph("")
    box._p.append(parse_xml(f"<w:r {w}><w:t>框外</w:t></w:r>"))
    box._p.append(
        parse_xml(
            f"<w:txbxContent {w}><w:p><w:r><w:t>框中另记一笔</w:t></w:r></w:p></w:txbxContent>"
        )
    )
    document.add_paragraph("白沙镇")
    document.add_paragraph("2024年1月12日")
    path = tmp_path / "列表编号.docx"
    document.save(str(path))
    imported, found = imported_table(path, load_by_id("township"))
    assert [p.section for p in found.parts] == ["work", "problems"]
    assert [(t.heading, t.points) for t in found.topics] == [
        ("加强组织领导", 2),
        ("深化普法宣传", 2),
    ]
    causes = [s["cause"] for s in imported["shortcomings"]]
    assert causes == ["原因是人手少。", "原因是起步晚。\n框外"]  # the paragraph's own words
    assert "框中另记一笔" not in str(imported)  # a text box is not read…
    assert any("文本框" in note for note in found.unsure)  # …and the summary says so
    assert imported["sign_date"] == dt.date(2024, 1, 12) and imported["unit_name"] == "白沙镇"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=40), max_size=12))
def test_any_text_is_imported_or_refused_with_a_message(lines: list[str]) -> None:
    """Whatever a file holds: an answers document that saves and drafts, or a message."""
    import tempfile

    text = "\n".join(["某镇2023年法治政府建设年度报告", "一、工作开展情况", *lines])
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "任意.txt"
        source.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            document, _ = imported_table(source, load_by_id("township"))
        except ImportError_ as error:
            assert str(error)
            return
        disk.save(Path(folder) / "x.toml", document)
        again = disk.load(Path(folder) / "x.toml")
        assert render_text(build_report(Interview(load_by_id("township"), again)))


def test_the_copy_to_line_comes_back_as_its_answer(tmp_path: Path, township: Questionnaire) -> None:
    """抄送 at the very end, after the 落款 and its 附注: the offices, not the line."""
    source = tmp_path / "上年.txt"
    source.write_text(
        "杉岭乡2023年法治政府建设年度报告\n\n一、工作开展情况\n全年依法行政。\n\n"
        "杉岭乡人民政府\n2024年1月10日\n（联系人：李明）\n\n抄送：区委依法治区办、区司法局。\n",
        encoding="utf-8",
    )
    document, found = imported_table(source, township)
    assert document["copy_to"] == "区委依法治区办、区司法局"
    assert document["annotation"] == "联系人：李明"
    assert not any("抄送" in text for _, text in found.unplaced)


def test_a_heading_that_names_the_whole_work_is_no_catalogue_topic() -> None:
    """深化依法行政，锻造法治政府 shares 依法、行政、法治 with every topic: it is the unit's
    own, not the first catalogue topic that says 深化 (whose figures it would then be asked).
    A heading that names one topic still finds it."""
    from wizard.importer.build import _catalogue_match

    county = load_by_id("county")
    work = next(s for s in county.sections if s.topics)
    assert _catalogue_match(work, "深化依法行政，锻造法治政府", set()) is None
    found = _catalogue_match(work, "严格规范公正文明执法", set())
    assert found is not None and found.id == "enforcement_supervision"
    found = _catalogue_match(work, "推进政务公开", set())
    assert found is not None and found.id == "openness"


def test_a_figure_of_the_plans_answers_none_of_this_years_questions() -> None:
    """全年组织执法人员培训不少于6期 under 下一年度的主要安排 is next year's target: read and
    kept in its sentence, but not this year's answer to 参加执法人员培训 (it is, written
    under the work of the year)."""
    from wizard.figures.grammar import find
    from wizard.state.matching import Matcher

    county = load_by_id("county")
    document, found = imported_table(CORPUS / "30-district-subpoints-and-rates.txt", county)
    assert "enforcement_trained_people" not in document
    (target,) = [f for f in found.figures if f.said == "不少于6期"]
    assert target.question == ""
    (figure,) = find("全年组织执法人员培训不少于6期")
    matcher = Matcher(county)
    assert matcher.match(figure.label, figure.reading, answer="plan_items") is None
    work = county.sections[[s.id for s in county.sections].index("work")]
    points = work.topics[0].points.id
    this_year = matcher.match(figure.label, figure.reading, answer=points)
    assert this_year is not None and this_year.question.id == "enforcement_trained_people"
