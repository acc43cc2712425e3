"""Hostile or broken questionnaires: a clear message or a quick finish, never a traceback or a
hang. ``templates`` still lists the good ones."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from wizard.answersfile import disk
from wizard.cli.app import app
from wizard.questionnaire import QuestionnaireError, load, loads
from wizard.questionnaire.lint import lint
from wizard.render.text import render_text
from wizard.report.check import check
from wizard.report.draft import build_report
from wizard.state.interview import Interview

pytestmark = pytest.mark.timeout(300)

HEAD = """[meta]
id = "hostile"
title = "敌意问卷"
version = "1"
[report]
title = "标题"
preamble = "开头"
[[sections]]
id = "s"
title = "部分"
heading = "部分"
"""


def question(i: int, extra: str = "") -> str:
    return f'[[sections.questions]]\nid = "q{i}"\nkind = "count"\nlabel = "题{i}"\n{extra}\n'


def chain(n: int, extra: str) -> str:
    return HEAD + question(0) + "".join(question(i, extra.format(i - 1)) for i in range(1, n))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (HEAD + question(0, 'compute = "' + "9" * 5000 + '"'), "表达式太长"),
        (HEAD + question(0, 'compute = "' + "9" * 40 + '"'), "太长（最多 15 位）"),
        (
            HEAD + question(0) + question(1, 'compute = "' + "(" * 40 + "q0" + ")" * 40 + '"'),
            "嵌套太深",
        ),
        (
            HEAD + question(0) + question(1, 'compute = "' + "+".join(["q0"] * 3000) + '"'),
            "表达式太长",
        ),
        (HEAD + "x = " + "[" * 3000 + "]" * 3000 + "\n", "嵌套得太深"),
    ],
    ids=["huge literal", "long number", "deep parentheses", "long sum", "deep toml"],
)
def test_what_cannot_be_read_says_why(text: str, message: str) -> None:
    mistakes = lint(text, "敌意.toml")
    assert mistakes and message in str(mistakes[0])


@pytest.mark.parametrize(
    "text",
    [
        chain(600, 'compute = "q{} + 1"'),
        chain(600, 'when = "q{} == 1"'),
        HEAD
        + "".join(question(i, f'compute = "q{i + 1} + 1"') for i in range(599))
        + question(599),
    ],
    ids=["computed chain", "condition chain", "reverse chain"],
)
def test_long_chains_finish(text: str) -> None:
    questionnaire = loads(text, "链.toml")
    interview = Interview(questionnaire, disk.new_document("hostile", "1"))
    interview.answer("q0", "1")
    check(interview)
    assert render_text(build_report(interview))


def test_values_that_grow_become_unknown_instead_of_endless() -> None:
    """Each value the cube of the one before: exact integers would never finish."""
    text = chain(40, 'compute = "q{0} * q{0} * q{0}"')
    interview = Interview(loads(text, "增长.toml"), disk.new_document("hostile", "1"))
    interview.answer("q0", "99999")
    assert interview.computed_default("q39") is None
    check(interview)


# ------------------------------------------------------------------ generated questionnaires

_words = st.text(alphabet=string.ascii_lowercase + "_0123456789 +-*/()=<>!'\"{}|.", max_size=30)
_values = st.one_of(
    _words,
    st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.lists(_words, max_size=3),
    st.just([]),
    st.just({}),
)
_keys = st.sampled_from(
    ["id", "kind", "label", "help", "example", "level", "default", "min", "max", "unit",
     "approx", "when", "compute", "choices", "allow_other", "suggestions", "min_items",
     "render", "numbering", "fields", "colour"]
)  # fmt: skip
_kinds = st.sampled_from(
    ["text", "longtext", "count", "decimal", "percent", "rank", "bool", "choice",
     "multichoice", "date", "list", "topics", "number"]
)  # fmt: skip


@st.composite
def questionnaires(draw: st.DrawFn) -> str:
    import tomli_w

    ids = [f"q{i}" for i in range(draw(st.integers(1, 8)))]
    questions = []
    for ident in ids:
        entry: dict[str, object] = {"id": ident, "kind": draw(_kinds), "label": "题"}
        for key in draw(st.lists(_keys, max_size=4)):
            entry[key] = draw(_values)
        if draw(st.booleans()):
            entry["when"] = (
                f"{draw(st.sampled_from(ids))} {draw(st.sampled_from(['==', '<', '+']))} 1"
            )
        if draw(st.booleans()):
            entry["compute"] = " * ".join(
                draw(st.lists(st.sampled_from(ids), min_size=1, max_size=4))
            )
        questions.append(entry)
    data = {
        "meta": {"id": "gen", "title": "生成", "version": "1"},
        "report": {"title": "{" + draw(st.sampled_from([*ids, "nope"])) + "}", "preamble": "开头"},
        "sections": [{"id": "s", "title": "部分", "questions": questions}],
    }
    if draw(st.booleans()):
        data["meta"]["extends"] = draw(st.sampled_from(["township", "gen", "x.toml", ""]))  # type: ignore[index]
    return tomli_w.dumps(data)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questionnaires())
def test_generated_questionnaires_never_crash_lint_or_load(text: str) -> None:
    mistakes = lint(text, "生成.toml")
    assert all(isinstance(m, QuestionnaireError) and str(m) for m in mistakes)
    if not mistakes:
        questionnaire = loads(text, "生成.toml")
        interview = Interview(questionnaire, disk.new_document("gen", "1"))
        for q in questionnaire.all_questions():
            interview.computed_default(q.id)
        check(interview)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(questionnaires(), min_size=1, max_size=3))
def test_templates_lists_the_good_and_names_the_broken(own: list[str]) -> None:
    import os
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for n, text in enumerate(own):
            Path(folder, f"gen{n}.toml").write_text(text.replace('"gen"', f'"gen{n}"'), "utf-8")
        old = os.environ.get("REPORT_WIZARD_TEMPLATES")
        os.environ["REPORT_WIZARD_TEMPLATES"] = folder
        try:
            result = CliRunner().invoke(app, ["templates"], env={"COLUMNS": "200"})
        finally:
            if old is not None:
                os.environ["REPORT_WIZARD_TEMPLATES"] = old
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "township" in result.output and "county" in result.output
        good = 0
        for n in range(len(own)):
            try:
                load(Path(folder, f"gen{n}.toml"))
                good += 1
            except QuestionnaireError:
                assert f"gen{n}.toml" in result.output.replace("\n", "")
        assert result.exit_code == (0 if good == len(own) else 2)
