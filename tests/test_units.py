"""Every kind of reporting unit: the county, department and township questionnaires, their
shared base, their complete examples, and each unit's own wording."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from tests.conftest import DATA
from wizard import questionnaire
from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.written_with import questionnaire_of
from wizard.cli.app import app
from wizard.questionnaire import load_by_id, prompts_dir
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.state.interview import Interview

EXAMPLES = [
    "county-2023",
    "department-2023",
    "subdistrict-2023",
    # Three shapes of the unit's own outline (see their first lines).
    "town-themes-2023",
    "town-duty-first-2023",
    "subdistrict-own-figures-2023",
    # A 交通运输局 with its own indicators and figures in its sentences; a township's joint
    # report of 党委 and 政府; a county's variant of the department questionnaire (1 March).
    "department-transport-2024",
    "town-joint-2024",
    "county-departments-march-2024",
]
runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    return result.exit_code, result.output


def draft(stem: str) -> str:
    document = disk.load(prompts_dir() / "examples" / f"{stem}.toml")
    path = prompts_dir() / "examples" / f"{stem}.toml"
    interview = Interview(questionnaire_of(AnswersDocument(document), path), document)
    return render_text(build_report(interview))


@pytest.mark.parametrize("stem", EXAMPLES)
def test_each_example_passes_check_and_exports_to_every_format(stem: str, tmp_path: Path) -> None:
    path = prompts_dir() / "examples" / f"{stem}.toml"
    code, output = run("check", path)
    assert code == 0, output
    assert "✗" not in output
    title = draft(stem).splitlines()[0].strip()
    for suffix in (".txt", ".md", ".docx"):
        target = tmp_path / f"草稿{suffix}"
        assert run("export", path, "-o", target)[0] == 0
        if suffix == ".docx":
            assert docx.Document(str(target)).paragraphs[0].text.replace("\n", "") == title
        else:
            assert title in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", EXAMPLES)
def test_each_example_draft_is_exact(stem: str) -> None:
    assert draft(stem) == (DATA / "golden" / f"{stem}.txt").read_text(encoding="utf-8")


def test_a_county_puts_the_first_responsible_person_first() -> None:
    lines = [line.strip() for line in draft("county-2023").splitlines()]
    headings = [line for line in lines if line[:2] in ("一、", "二、")]
    assert headings[0] == "一、党政主要负责人履行推进法治建设第一责任人职责情况"
    assert headings[1] == "二、主要举措和成效"


def test_a_subdistrict_is_spoken_of_as_one() -> None:
    text = draft("subdistrict-2023").replace("\n", "")
    assert "全年党工委、办事处会议专题研究法治建设5次" in text
    assert "全街道建有人民调解委员会19个" in text
    assert "党委、政府会议" not in text


def test_a_township_keeps_its_own_words() -> None:
    document = disk.load(prompts_dir() / "examples" / "subdistrict-2023.toml")
    document["unit_kind"] = "镇"
    text = render_text(build_report(Interview(load_by_id("township"), document)))
    assert "全年党委、政府会议专题研究法治建设5次" in text.replace("\n", "")


@pytest.mark.parametrize(
    ("template", "kind", "figure", "expected"),
    [
        ("county", "区", "county_enforcers=800", "全区持证行政执法人员800人"),
        ("department", "局", "penalty_cases=3", "办理行政处罚案件3件"),
        ("township", "街道", "mediation_committees=6", "全街道建有人民调解委员会6个"),
    ],
)
def test_new_with_each_template(
    template: str, kind: str, figure: str, expected: str, tmp_path: Path
) -> None:
    """The unit kinds each questionnaire accepts (a district, a bureau) reach the draft."""
    path = tmp_path / "新.toml"
    code, output = run(
        "new", path, "--template", template, "--data", "unit_name=某单位",
        "--data", f"unit_kind={kind}", "--data", figure, "--no-input",
    )  # fmt: skip
    assert code == 0, output
    document = disk.load(path)
    assert document["meta"]["questionnaire"] == template
    assert document["unit_kind"] == kind
    code, output = run("preview", path, "--no-pager")
    assert code == 0 and expected in output.replace("\n", "")


def test_the_three_share_one_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fix to a common question is made once, in the base, and reaches all three."""
    shipped = [load_by_id(name) for name in ("county", "department", "township")]
    shortcomings = {q.question("shortcomings") for q in shipped}
    assert len(shortcomings) == 1

    copy = tmp_path / "prompts"
    shutil.copytree(prompts_dir(), copy)
    base = copy / "base" / "common.toml"
    base.write_text(
        base.read_text(encoding="utf-8").replace('label = "存在的问题"', 'label = "不足之处"'),
        encoding="utf-8",
    )
    monkeypatch.setattr(questionnaire.places, "prompts_dir", lambda: copy)
    for name in ("county", "department", "township"):
        changed = load_by_id(name).question("shortcomings")
        assert changed is not None and changed.label == "不足之处", name


def test_each_questionnaire_has_its_own_work() -> None:
    county, department = load_by_id("county"), load_by_id("department")
    for figure in ("reconsideration_correction_rate", "appearance_rate", "lawsuits_lost_rate"):
        assert county.question(figure) is not None
    for figure in ("inspections", "penalty_cases", "fines", "dept_service_items"):
        assert department.question(figure) is not None
    assert county.question("penalty_cases") is None
    kinds = department.question("unit_kind")
    assert kinds is not None and "局" in kinds.choices
