"""The answers document: each table through its accessor, hand-edits kept, copies apart."""

from __future__ import annotations

from pathlib import Path

from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.outline import Outline
from wizard.answersfile.records import Record
from wizard.figures import Number
from wizard.state.interview import Interview


def test_every_table_reads_back_from_the_file(tmp_path: Path) -> None:
    document = AnswersDocument.new("township", "1.5.0")
    document.put_answer("unit_name", "柳溪镇")
    document.mark(skipped={"org"}, review={"plans_intro"})
    document.offer_outline()
    document.set_previous({"disputes_found": 40})
    document.keep_draft("leaders_intro", "镇党委书记带头")
    document.set_outline(Outline(title="柳溪镇2025年法治政府建设情况报告", order=("plans", "work")))
    document.set_text_figures([Record("work_points", "排查纠纷", "41件", "disputes_found")])
    document.set_questionnaire_file("柳溪.toml", "abc")
    path = tmp_path / "柳溪.toml"
    document.save(path)

    again = AnswersDocument.load(path)
    assert dict(again.answers()) == {"unit_name": "柳溪镇"}
    assert again.questionnaire_id == "township" and again.questionnaire_version == "1.5.0"
    assert (again.questionnaire_file, again.questionnaire_hash) == ("柳溪.toml", "abc")
    assert (again.skipped, again.review, again.outline_offered) == ({"org"}, {"plans_intro"}, True)
    assert again.previous == {"disputes_found": 40}
    assert again.draft("leaders_intro") == "镇党委书记带头" and again.draft_ids() == [
        "leaders_intro"
    ]
    assert again.outline.title == "柳溪镇2025年法治政府建设情况报告"
    assert again.outline.order == ("plans", "work")
    assert [r.said for r in again.text_figures] == ["41件"]
    assert again.own_figures == ()


def test_an_emptied_table_leaves_the_file() -> None:
    document = AnswersDocument({"state": {"skipped": ["org"]}, "drafts": {"org": "x"}})
    document.mark(skipped=(), review=())
    document.drop_draft("org")
    document.set_outline(Outline())
    document.set_text_figures([])
    assert document.to_toml() == {}


def test_a_table_a_hand_edit_broke_is_kept_and_said() -> None:
    broken = {"outline": "不是表", "text_figures": {"a": 1}, "state": {"mine": 1, "skipped": 3}}
    document = AnswersDocument(broken)
    assert document.outline == Outline() and document.outline_problems
    assert document.text_figures == () and document.text_figure_problems
    assert set(document.unit_table_problems()) == {"outline", "text_figures"}
    assert document.skipped == set()  # 3 is no list of ids: none
    document.mark(skipped={"org"}, review=())
    assert document.to_toml()["state"] == {"mine": 1, "skipped": ["org"]}  # its own key kept
    assert document.to_toml()["outline"] == "不是表"  # kept until the clerk changes it
    document.set_preamble("今年以来，")
    assert document.to_toml()["outline"] == {"preamble": "今年以来，"}


def test_a_preamble_changed_alone_keeps_the_rest_of_the_outline() -> None:
    document = AnswersDocument({"outline": {"title": "甲", "order": 5}})
    document.set_preamble("今年以来，")
    assert document.to_toml()["outline"] == {"title": "甲", "order": 5, "preamble": "今年以来，"}
    assert document.outline.preamble == "今年以来，"  # read again after the change


def test_a_copy_is_a_document_of_its_own() -> None:
    first = AnswersDocument({"unit_name": "甲", "state": {"skipped": ["org"]}})
    second = first.copy()
    second.put_answer("unit_name", "乙")
    second.mark(skipped=(), review={"x"})
    second.keep_draft("org", "半句")
    assert first.answer("unit_name") == "甲" and first.skipped == {"org"}
    assert first.draft("org") is None and first.review == set()


def test_the_wizards_tables_are_no_answers() -> None:
    document = AnswersDocument({"meta": {"questionnaire": "t"}, "previous": {}, "year": 2025})
    assert dict(document.answers()) == {"year": 2025}
    assert document.answer("meta") is None and not document.has_answer("previous")


def test_unit_tables_of_a_data_file_replace_the_sessions() -> None:
    session = AnswersDocument({"outline": {"title": "旧"}, "unit_name": "甲"})
    data = AnswersDocument({"outline": {"title": "新"}, "own_figures": [], "year": 1})
    assert session.take_unit_tables(data) == 2
    assert session.outline.title == "新" and session.answer("unit_name") == "甲"


def test_the_interview_changes_its_own_copy(tmp_path: Path) -> None:
    """The interview writes each answer through the document, into a copy of the one given."""
    from wizard.questionnaire import load_by_id

    given = AnswersDocument.new("township", "1.5.0")
    interview = Interview(load_by_id("township"), given)
    interview.answer("materials", "5000余")
    interview.skip("guide_office")
    assert not given.has_answer("materials") and given.skipped == set()
    path = tmp_path / "a.toml"
    interview.document.save(path)
    saved = disk.load(path)
    assert saved["materials"] == {"value": 5000, "hedge": "余"}
    assert saved["state"] == {"skipped": ["guide_office"]}
    again = Interview(load_by_id("township"), saved).value("materials")
    assert again == Number(5000, hedge="余")
