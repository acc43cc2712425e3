"""Starting from last year's answers: texts carried over for review, figures kept aside."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA
from tests.interactive import CTRL_C, ENTER, Step, interact, pick
from wizard.answersfile import disk
from wizard.cli.app import app
from wizard.flow.carried import SectionAction
from wizard.flow.context import Context
from wizard.questionnaire import Questionnaire
from wizard.render.terminal import make_console
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.session import Session, resume
from wizard.state import progress
from wizard.state.interview import Interview


@pytest.fixture
def next_year(example_path: Path, tmp_path: Path) -> Path:
    path = tmp_path / "2023.toml"
    result = CliRunner().invoke(app, ["new", str(path), "--from", str(example_path), "--no-input"])
    assert result.exit_code == 0, result.output
    return path


def test_the_year_moves_on_and_figures_start_empty(
    next_year: Path, township: Questionnaire
) -> None:
    document = disk.load(next_year)
    assert document["year"] == 2023
    assert "sign_date" not in document
    for question in township.all_questions():
        if question.is_numeric and question.id != "year":
            assert question.id not in document, question.id
    assert document["previous"]["disputes_found"] == 125
    assert document["previous"]["materials"] == {"value": 10000, "approx": True}
    assert document["previous"]["year"] == 2022


def test_texts_are_carried_over_and_marked_for_review(
    next_year: Path, township: Questionnaire
) -> None:
    document = disk.load(next_year)
    assert document["unit_name"] == "杉岭乡"
    assert document["leadership_points"][0]["title"] == "健全领导机制"
    review = set(document["state"]["review"])
    assert {"unit_name", "leadership_points", "plans_intro", "shortcomings"} <= review
    assert "unit_kind" not in review  # a choice is a choice: nothing to rewrite
    interview = Interview(township, document)
    assert progress.next_step(interview) is not None
    interview.confirm("plans_intro")
    assert "plans_intro" not in interview.review
    interview.answer("unit_name", "杉岭乡")
    assert "unit_name" not in interview.review


def test_the_wizard_asks_to_confirm_each_carried_text(
    monkeypatch: pytest.MonkeyPatch, next_year: Path
) -> None:
    script = [
        Step("今年还是这样吗", pick(SectionAction.ONE_BY_ONE)),  # all on one screen, or:
        Step("单位名称", ENTER),
        Step("领导机关", ENTER),
        Step("指导机关", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", next_year], script)
    assert code == 130
    assert "从这一题继续：单位名称" in output
    assert "这是沿用上一年度的内容：请确认，或改写成今年的情况。" in output
    review = set(disk.load(next_year)["state"]["review"])
    assert "unit_name" not in review  # confirmed by accepting it
    assert "leaders" not in review
    assert "guide_office" in review


def test_a_figure_prompt_names_last_years_value(next_year: Path, township: Questionnaire) -> None:
    interview = Interview(township, disk.load(next_year))
    flow = Context(
        Session(next_year, interview, disk.Lock(next_year)),
        make_console(),
        lambda _context, _step: None,
    )
    disputes = township.question("disputes_found")
    materials = township.question("materials")
    assert disputes is not None and materials is not None
    assert flow.message(disputes) == "排查调处矛盾纠纷（件）　上年：125件"
    assert flow.message(materials) == "发放宣传资料（份）　上年：10000余份"


def test_the_draft_compares_with_last_year(next_year: Path, township: Questionnaire) -> None:
    interview = Interview(township, disk.load(next_year))
    interview.answer("disputes_found", "150")
    interview.answer("disputes_resolved", "147")
    interview.answer("materials", "8000余")
    interview.answer("consultations", "600余")
    text = render_text(build_report(interview))
    assert "全年共排查调处矛盾纠纷150件，同比增长20%，化解率98%。" in text
    assert "发放宣传资料8000余份，同比下降约20%，接受群众咨询600余人次。" in text


def test_last_years_items_are_confirmed_one_by_one(
    next_year: Path, township: Questionnaire
) -> None:
    from tests.interactive import drive, pick
    from wizard.flow.carried import CarriedAction, ItemsAction, review_items
    from wizard.flow.editors import edit_list

    opened = resume(next_year)
    interview = opened.interview
    question = township.question("shortcomings")
    assert question is not None and "shortcomings" in interview.review
    before = interview.items("shortcomings")
    assert len(before) == 3
    context = Context(opened, make_console(), lambda _context, _step: None)
    script = [
        Step("这些今年还写吗", pick(ItemsAction.ONE_BY_ONE)),
        Step("今年还写吗", pick(CarriedAction.KEEP)),  # the first problem: kept ...
        Step("原因", "人手不足" + ENTER),  # ... and, having none, asked for its cause
        Step("今年还写吗", pick(CarriedAction.DROP)),  # the second: gone this year
        Step("今年还写吗", pick(CarriedAction.EDIT)),  # the third: rewritten
        Step("问题", ENTER),  # its problem as it was
        Step("原因", "今年的原因" + ENTER),  # its cause
        Step("已有 2 条", ENTER),  # the list: 完成 (the default once it has items)
    ]

    def review_then_edit() -> None:
        review_items(context, question)
        edit_list(context, question)

    drive(script, review_then_edit)
    opened.close()
    after = disk.load(next_year)["shortcomings"]
    assert [i["problem"] for i in after] == [before[0]["problem"], before[2]["problem"]]
    assert after[1]["cause"].endswith("今年的原因")
    assert after[0]["cause"] == "人手不足"
    assert "shortcomings" not in set(disk.load(next_year).get("state", {}).get("review", []))


@pytest.mark.parametrize("year", [2022, 2025])
def test_the_date_hint_names_the_year_after_the_report(
    example_path: Path, year: int, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.interactive import drive
    from wizard.flow.loop import ask

    document = disk.load(example_path)
    document["year"] = year
    disk.save(example_path, document)
    opened = resume(example_path)
    context = Context(opened, make_console(), ask)
    step = opened.interview.step("sign_date")
    assert step is not None
    drive("\x15" + f"{year + 1}-01-12" + ENTER, lambda: ask(context, step))
    opened.close()
    assert f"如 {year + 1}-01-10 或 {year + 1}年1月10日" in capsys.readouterr().out
    assert disk.load(example_path)["sign_date"].isoformat() == f"{year + 1}-01-12"


def test_a_part_new_this_year_goes_where_the_questionnaire_puts_it(
    township: Questionnaire,
) -> None:
    from wizard.report.next_year import _with_new_parts

    parts = [s.id for s in township.sections if s.heading]
    last_year = tuple(p for p in parts if p != "duty")  # last year's report had no 第一责任人 part
    assert _with_new_parts(township, last_year) == tuple(parts)
    own_order = ("plans", "work", "problems")  # the unit's own order is kept as it is ...
    placed = _with_new_parts(township, own_order)
    assert tuple(p for p in placed if p in own_order) == own_order
    # ... and each new part follows the one before it in the questionnaire.
    for new, before in (("results", "work"), ("duty", "problems"), ("other", "plans")):
        assert placed.index(new) == placed.index(before) + 1


def test_the_header_names_the_part_as_the_unit_renamed_it(
    example_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wizard.flow.loop import ask, header

    document = disk.load(example_path)
    document["outline"] = {"headings": {"work": "推进街道法治建设情况"}}
    disk.save(example_path, document)
    opened = resume(example_path)
    step = next(s for s in opened.interview.steps() if s.section.id == "work")
    header(Context(opened, make_console(), ask), step)
    opened.close()
    shown = capsys.readouterr().out
    assert "推进街道法治建设情况" in shown and "工作开展情况" not in shown


def test_new_from_last_years_report_says_its_frame_and_its_joint_signature(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Before the first question: the title, 主送, opening and 落款 as the report wrote
    them; with the unit's name, the 落款 signed by the Party committee and the government."""
    last = tmp_path / "白石镇2023.txt"
    last.write_text(
        (DATA / "import" / "03-township-joint-issuers.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    script = [Step("今年还是这样吗", CTRL_C)]
    code, output = interact(
        monkeypatch, ["new", tmp_path / "白石镇2024.toml", "--from", last], script
    )
    assert code == 130, output
    summary, _, asked = output.partition("“基本情况”沿用了上年的答案")
    assert "标题、主送、开头和落款（按原文）" in summary
    assert "县委、县政府" in summary and "中共白石镇委员会　白石镇人民政府" in summary
    assert "落款：中共白石镇委员会　白石镇人民政府" in asked


def test_carried_points_are_named_by_the_units_own_heading(
    next_year: Path, township: Questionnaire
) -> None:
    """A topic the unit renamed: its carried points are said under the unit's heading, not
    the catalogue question's words."""
    from rich.console import Console

    from tests.interactive import drive, pick
    from wizard.flow.carried import ItemsAction, review_items

    opened = resume(next_year)
    question = township.question("leadership_points")
    assert question is not None and len(opened.interview.items("leadership_points")) > 1
    console = Console(record=True, width=80)
    context = Context(opened, console, lambda _context, _step: None)
    script = [Step("这些今年还写吗", pick(ItemsAction.KEEP))]
    drive(script, lambda: review_items(context, question, "压实党政领导责任"))
    opened.close()
    said = console.export_text()
    assert "“压实党政领导责任”的做法沿用了上年的" in said and question.label not in said


def test_parts_are_named_as_the_unit_names_them(tmp_path: Path) -> None:
    """From last year's report with its own part headings, check, the figure list and the
    colleagues' sheet name a part by the unit's heading, not the questionnaire's title."""
    from wizard.gathering import wanted
    from wizard.report.check import check
    from wizard.session import open_readonly
    from wizard.state.figure_list import figures

    last = DATA / "import" / "29-town-lone-numbered-items.txt"
    path = tmp_path / "2025.toml"
    result = CliRunner().invoke(app, ["new", str(path), "--from", str(last), "--no-input"])
    assert result.exit_code == 0, result.output
    interview = open_readonly(path)
    own = ("“党政主要负责人履行推进法治建设第一责任人职责情况”", "“下一年度工作安排”")
    messages = [f.message for f in check(interview).findings if f.code == "figure_carried"]
    for heading in own:
        assert any(m.startswith(f"{heading}第1条还是上年的数字") for m in messages), heading
    assert {f.where for f in figures(interview)} >= {f"{heading}第1条" for heading in own}
    assert "党政主要负责人履行推进法治建设第一责任人职责情况" in {
        w.group for w in wanted(interview, everything=True)
    }


def test_carried_figures_of_several_points_are_said_to_stand_in_all_of_them(
    tmp_path: Path,
) -> None:
    """The form that updates a topic's carried figures names every point they are in."""
    from wizard.session import open_readonly
    from wizard.state import text_figures

    last = DATA / "import" / "30-district-subpoints-and-rates.txt"
    path = tmp_path / "2026.toml"
    result = CliRunner().invoke(app, ["new", str(path), "--from", str(last), "--no-input"])
    assert result.exit_code == 0, result.output
    interview = open_readonly(path)
    (step,) = [
        s
        for s in interview.steps()
        if s.topic_heading == "健全依法决策机制" and s.question.kind == "list"
    ]
    carried = text_figures.locate(interview).in_answer(step.id)
    assert [i.said for i in carried] == ["9项", "126份", "310余条"]
    assert text_figures.where_all(carried) == "“健全依法决策机制”第1、2条"
    assert text_figures.where_all(carried[:1]) == "“健全依法决策机制”第1条"
