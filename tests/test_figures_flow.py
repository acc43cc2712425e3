"""Figures in the clerk's sentences, typed at the wizard: found and confirmed in one screen,
printed where the clerk put them, the rest of a topic's figures on one form (Tab, a bad
value, Ctrl-C with lines half typed, resume), and next year's figures updated in place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.interactive import (
    BACKSPACE,
    CTRL_C,
    CTRL_G,
    DOWN,
    ENTER,
    TAB,
    UP,
    Step,
    interact,
    pick,
)
from wizard.answersfile import disk, records
from wizard.cli.app import app
from wizard.flow.carried import CarriedAction
from wizard.flow.menu import MenuAction
from wizard.questionnaire import load_by_id
from wizard.state.interview import Interview

pytestmark = pytest.mark.timeout(90)
POINT = "检查货运车辆8600辆次，查处超限超载车辆215辆，罚没款35.6万元"
runner = CliRunner()


@pytest.fixture
def department_file(tmp_path: Path) -> Path:
    """A 局's answers file with its basics given and one line of business chosen."""
    questionnaire = load_by_id("department")
    interview = Interview(questionnaire, disk.new_document("department", questionnaire.version))
    for key, text in (
        ("unit_name", "青川县交通运输局"),
        ("unit_kind", "局"),
        ("year", "2024"),
        ("leaders", "县委、县政府"),
    ):
        interview.answer(key, text)
    interview.set_raw(
        "work_topics",
        [{"id": "law_enforcement", "heading": "规范路政执法"}, {"id": "law_publicity"}],
    )
    interview.set_raw("shortcomings", [{"problem": "执法装备落后", "cause": "经费不足"}])
    interview.set_raw("plan_items", [{"heading": "推进非现场执法"}])
    interview.document.offer_outline()
    path = tmp_path / "交通.toml"
    interview.document.save(path)
    return path


def test_a_point_with_three_figures_then_the_form(
    monkeypatch: pytest.MonkeyPatch, department_file: Path
) -> None:
    script = [
        Step("行政执法方面的主要做法", ENTER),  # add
        Step("从建议中选一个", UP + ENTER),  # 自己填写……
        Step("小标题", "开展治超专项行动" + ENTER),
        Step("具体内容", POINT + ENTER),
        Step("已有 1 条", DOWN + ENTER),  # done
        # Three figures read from the sentence, in one screen: Enter keeps what it says.
        Step("文字中读到 3 个数字", ENTER),
        # The rest of the topic's figures on one form: a bad value is refused in place.
        Step("”的数字", "1200余" + TAB + "abc" + TAB),
        Step("请输入整数", BACKSPACE * 3 + "86" + CTRL_C),  # leaves with both lines typed
    ]
    code, output = interact(monkeypatch, ["resume", department_file], script)
    assert code == 130, output
    document = disk.load(department_file)
    assert document["fines"] == 35.6  # the text's figure answered its question
    kept = records.read(document["text_figures"])[0]
    assert [(r.label, r.said, r.question) for r in kept] == [
        ("检查货运车辆", "8600辆次", "vehicle_checks"),  # 检查车辆, counted in 辆次
        ("查处超限超载车辆", "215辆", ""),
        ("罚没款", "35.6万元", "fines"),
    ]
    assert document["drafts"] == {"inspections": "1200余", "penalty_cases": "86"}
    # Resume opens the form left half typed, its lines as they were typed.
    script = [
        Step("开展行政检查", ENTER),
        Step("普法方面的主要做法", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", department_file], script)
    assert code == 130, output
    assert "上次停在这一题" in output and "1200余" in output
    document = disk.load(department_file)
    assert document["inspections"] == {"value": 1200, "hedge": "余"}
    assert document["penalty_cases"] == 86 and "drafts" not in document
    draft = department_file.with_suffix(".txt")
    assert runner.invoke(app, ["export", str(department_file), "-o", str(draft)]).exit_code == 0
    text = draft.read_text(encoding="utf-8")
    assert f"开展治超专项行动。{POINT}。" in text  # the clerk's sentence, as typed
    assert text.count("35.6万元") == 1  # not said again by the questionnaire's sentence
    assert "全年开展行政检查1200余次，办理行政处罚案件86件。" in text
    listed = json.loads(runner.invoke(app, ["figures", str(department_file), "--json"]).output)
    in_text = [f for f in listed if f["source"] == "text"]
    assert [f["text"] for f in in_text] == ["8600辆次", "215辆", "35.6万元"]
    assert all(f["where"] == "“规范路政执法”第1条" for f in in_text)
    assert {f["question"] for f in listed if f["source"] == "question"} >= {"inspections"}
    assert [f["question"] for f in in_text] == ["vehicle_checks", None, "fines"]


def test_a_figure_is_classified_otherwise_in_the_list(
    monkeypatch: pytest.MonkeyPatch, department_file: Path
) -> None:
    """The first figure made the answer of 开展行政检查, picked by name in the list."""
    questionnaire = load_by_id("department")
    figures = [q for q in questionnaire.all_questions() if q.is_numeric and q.id != "year"]
    topic = next(t for s in questionnaire.sections for t in s.topics if t.id == "law_enforcement")
    near = {m.id for m in topic.metrics}
    figures.sort(key=lambda q: q.id not in near)  # as the list offers them: the topic's first
    proposed = [q.id for q in figures].index("vehicle_checks")
    script = [
        Step("行政执法方面的主要做法", ENTER),
        Step("从建议中选一个", UP + ENTER),
        Step("小标题", "开展治超专项行动" + ENTER),
        Step("具体内容", POINT + ENTER),
        Step("已有 1 条", DOWN + ENTER),
        Step("文字中读到 3 个数字", UP * 3 + ENTER),  # the first figure
        # From the figure proposed (检查车辆) up to the top: 开展行政检查, the topic's first.
        Step("检查货运车辆8600辆次”记为", UP * proposed + ENTER),
        Step("数字题“开展行政检查”", ENTER),  # shown so; all right now
        Step("”的数字", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", department_file], script)
    assert code == 130, output
    document = disk.load(department_file)
    assert document["inspections"] == {"value": 8600, "unit": "辆次"}  # the clerk's measure word
    kept = records.read(document["text_figures"])[0]
    assert kept[0].question == "inspections"
    assert "vehicle_checks" not in document


def test_next_year_updates_last_years_figures_in_their_sentence(
    monkeypatch: pytest.MonkeyPatch, department_file: Path, tmp_path: Path
) -> None:
    interview = Interview(load_by_id("department"), disk.load(department_file))
    interview.set_raw("law_enforcement_points", [{"title": "开展治超专项行动", "text": POINT}])
    interview.document.set_text_figures(
        [records.Record("law_enforcement_points", "罚没款", "35.6万元", "fines")]
    )
    interview.set_raw("fines", 35.6)
    interview.document.save(department_file)
    last = tmp_path / "2024.docx"
    assert runner.invoke(app, ["export", str(department_file), "-o", str(last)]).exit_code == 0
    this = tmp_path / "2025.toml"
    result = runner.invoke(app, ["new", str(this), "--from", str(last), "--no-input"])
    assert result.exit_code == 0, result.output
    check = runner.invoke(app, ["check", str(this)])
    assert check.exit_code == 1 and "还是上年的数字" in check.output.replace("\n", "")
    script = [
        Step("单位名称", ENTER),  # read from last year's title: confirmed
        Step("请更新其中的数字", "9100" + TAB + "删去" + TAB + "仍为" + ENTER),
        Step("今年还写吗", pick(CarriedAction.KEEP)),  # the point, in full, with its figures
        Step("已有 1 条", DOWN + ENTER),
        Step("?", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", this], script)
    assert code == 130, output
    document = disk.load(this)
    (point,) = document["law_enforcement_points"]
    assert point["text"] == "检查货运车辆9100辆次，罚没款35.6万元。"  # rewritten in place
    kept = records.read(document["text_figures"])[0]
    assert all(r.state == "" for r in kept if r.answer == "law_enforcement_points")
    assert {r.said: r.last_year for r in kept} == {
        "9100辆次": "8600辆次",
        "35.6万元": "35.6万元",
    }
    assert document["fines"] == 35.6  # 仍为: this year's answer too
    check = runner.invoke(app, ["check", str(this)])
    assert "还是上年的数字" not in check.output.replace("\n", "")
    compared = runner.invoke(
        app, ["compare", str(department_file), str(this)], env={"COLUMNS": "200"}
    )
    row = next(line for line in compared.output.splitlines() if "检查车辆" in line)
    assert [cell.strip() for cell in row.split("│")[1:-1]] == [
        "检查车辆", "8600辆次", "9100辆次", "+500辆次", "+5.8%"
    ]  # fmt: skip


def test_a_figure_changed_from_the_menu_is_changed_in_its_sentence(
    monkeypatch: pytest.MonkeyPatch, department_file: Path
) -> None:
    interview = Interview(load_by_id("department"), disk.load(department_file))
    interview.set_raw("law_enforcement_points", [{"title": "开展治超专项行动", "text": POINT}])
    interview.document.save(department_file)
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.FIGURES)),
        Step("? 报告中的数字", ENTER),  # the first: 检查货运车辆8600辆次
        Step("改为", "9100" + ENTER),  # the number alone: the sentence's measure word stays
        Step("? 报告中的数字", DOWN + ENTER),  # 查处超限超载车辆215辆
        Step("改为", "删去" + ENTER),
        Step("? 报告中的数字", UP + ENTER),  # ← 返回菜单
        Step("? 菜单", pick(MenuAction.QUIT)),
    ]
    code, output = interact(monkeypatch, ["resume", department_file], script)
    assert code == 0, output
    (point,) = disk.load(department_file)["law_enforcement_points"]
    assert point["text"] == "检查货运车辆9100辆次，罚没款35.6万元"
