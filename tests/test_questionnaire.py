"""The questionnaire format, its loader's messages, and the shipped questionnaires."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from wizard.questionnaire import (
    Questionnaire,
    QuestionnaireError,
    available,
    load,
    load_by_id,
    loads,
    parse_template,
    prompts_dir,
)
from wizard.questionnaire.lint import lint

INVALID = sorted((DATA / "invalid").glob("*.toml"))
SHIPPED = available()


def test_the_globs_find_files() -> None:
    assert len(INVALID) >= 10
    assert [p.stem for p in SHIPPED] == ["county", "department", "township"]


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_questionnaire_loads_through_the_locator(path: Path) -> None:
    questionnaire = load_by_id(path.stem)
    assert questionnaire.id == path.stem
    assert questionnaire.question_count > 0


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_question_has_help_and_an_example(path: Path) -> None:
    questionnaire = load_by_id(path.stem)
    for question in questionnaire.all_questions():
        assert question.help, question.id
        assert question.example, question.id
        for field in question.fields:
            assert field.help and field.example, f"{question.id}.{field.id}"
    for section in questionnaire.sections:
        for topic in section.topics:
            assert topic.help and topic.example, topic.id


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_questionnaire_gives_the_exact_message(path: Path) -> None:
    expected = path.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert expected.startswith("# error: ")
    with pytest.raises(QuestionnaireError) as caught:
        load(path, path.name)
    assert str(caught.value) == expected.removeprefix("# error: ")


def test_unknown_template_lists_the_available_ones() -> None:
    with pytest.raises(QuestionnaireError) as caught:
        load_by_id("city")
    assert str(caught.value) == "city: 没有这个问卷模板；可用的模板：county、department、township"


def test_template_id_cannot_escape_the_prompts_folder() -> None:
    with pytest.raises(QuestionnaireError):
        load_by_id("../pyproject")


def test_prompts_dir_holds_the_example() -> None:
    assert (prompts_dir() / "examples" / "township-2022.toml").is_file()


def test_the_engine_is_not_township_specific(mini: Questionnaire) -> None:
    assert mini.id == "mini"
    assert [s.id for s in mini.sections] == ["facts", "work", "issues"]
    question = mini.question("visit_rate")
    assert question is not None and question.compute is not None
    assert mini.rules[0].message == "完成探访不能多于探访"


def test_question_kinds_are_all_expressible(township: Questionnaire, mini: Questionnaire) -> None:
    kinds = {q.kind for q in township.all_questions()} | {q.kind for q in mini.all_questions()}
    expected = {"text", "longtext", "count", "decimal", "percent", "bool", "choice"}
    assert kinds == expected | {"multichoice", "date", "list", "rank"}


def test_township_covers_the_design(township: Questionnaire) -> None:
    topics = [t.id for s in township.sections for t in s.topics]
    assert topics == [
        "leadership", "study", "decision", "openness", "enforcement",
        "publicity", "disputes", "litigation", "supervision", "services",
    ]  # fmt: skip
    assert len(township.report.contents) == 5
    unit_kind = township.question("unit_kind")
    assert unit_kind is not None and unit_kind.choices == ("乡", "镇", "街道")
    separate = township.question("results_separate")
    assert separate is not None and separate.default is True
    cause = township.question("shortcomings")
    assert cause is not None and [f.id for f in cause.fields] == ["problem", "cause"]


def test_template_placeholders_and_braces() -> None:
    template = parse_template("共{a}件{{字面}}{b|yoy}")
    assert template.names == frozenset({"a", "b"})
    with pytest.raises(ValueError, match="无效的占位符"):
        parse_template("{A B}")


def test_loads_names_the_source() -> None:
    with pytest.raises(QuestionnaireError) as caught:
        loads("[meta]\nid = 'x'\n", "x.toml")
    assert str(caught.value) == "x.toml: meta.title: 缺少此项"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_damaged_questionnaire_never_raises_anything_else(data: st.DataObject) -> None:
    """Lines deleted or values swapped in the real questionnaire: a message, never a traceback."""
    lines = (prompts_dir() / "township.toml").read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        if data.draw(st.booleans()):
            del lines[index]
        elif " = " in lines[index]:
            key = lines[index].split(" = ")[0]
            value = data.draw(
                st.sampled_from(['"x"', "1", "true", "[]", "{}", '"{nope}"', '"a +"'])
            )
            lines[index] = f"{key} = {value}"
    text = "\n".join(lines)
    try:
        loads(text, "township.toml", prompts_dir())
    except QuestionnaireError as error:
        assert str(error).startswith("township.toml: ")
        mistakes = lint(text, "township.toml", prompts_dir())  # lint finds it too, and maybe more
        assert mistakes and (mistakes[0].where, mistakes[0].message) == (error.where, error.message)
    else:
        assert lint(text, "township.toml", prompts_dir()) == []
