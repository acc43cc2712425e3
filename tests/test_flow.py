"""The interactive wizard, driven key by key through prompt_toolkit pipe input."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import pytest
from time_machine import TimeMachineFixture

from tests.conftest import DATA
from tests.interactive import (
    BACKSPACE,
    CTRL_B,
    CTRL_C,
    CTRL_E,
    CTRL_G,
    CTRL_J,
    CTRL_O,
    CTRL_U,
    CTRL_X,
    DOWN,
    ENTER,
    SPACE,
    UP,
    interact,
)
from wizard import answers, questionnaire

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def with_mini(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The small test questionnaire, installed as if it were shipped."""
    prompts = tmp_path / "prompts"
    prompts.mkdir()
    shutil.copy(DATA / "mini.toml", prompts / "mini.toml")
    monkeypatch.setattr(questionnaire.locate, "prompts_dir", lambda: prompts)


def test_a_whole_interview_with_every_kind(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, with_mini: None
) -> None:
    path = tmp_path / "mini.toml"
    keys = "".join(
        [
            "南街社区" + ENTER,  # text
            "1999" + ENTER,  # out of range: the message shows, the user re-types
            BACKSPACE * 4 + "2024" + ENTER,  # count
            "3000余" + ENTER,  # count, approximate
            ENTER,  # bool: 是
            "12" + ENTER,  # asked because of the condition
            "2.5" + ENTER,  # decimal
            DOWN + ENTER,  # choice: 村
            SPACE + DOWN + DOWN + SPACE + ENTER,  # multichoice: 窗口、上门
            "微信群" + ENTER,  # ... and one of our own
            "2025年1月8日" + ENTER,  # date
            UP + ENTER + "助残服务" + ENTER,  # topics: a topic of our own
            ENTER,  # topics: done
            ENTER + ENTER + "每周一次" + ENTER,  # list: add, a suggested title, its text
            DOWN + ENTER,  # list: done
            "8" + ENTER,
            "6" + ENTER,
            ENTER,  # the computed rate, 75, accepted as it is
            ENTER + "上门助残" + ENTER + ENTER + DOWN + ENTER,  # the custom topic's points
            ENTER + "人手少" + ENTER + "志愿者不足" + ENTER + DOWN + ENTER,  # problem and cause
            "明年" + CTRL_J + "继续" + ENTER,  # long text over two lines
            DOWN * 6 + ENTER,  # menu: 保存并退出
        ]
    )
    code, output = interact(monkeypatch, ["new", path, "--template", "mini"], keys)
    assert code == 0, output
    document = answers.load(path)
    assert document["org"] == "南街社区"
    assert document["year"] == 2024  # 1999 was refused in place, then corrected
    assert document["served"] == {"value": 3000, "approx": True}
    assert document["has_volunteers"] is True
    assert document["volunteers"] == 12
    assert document["budget"] == 2.5
    assert document["kind"] == "村"
    assert document["channels"] == ["窗口", "上门", "微信群"]
    assert document["signed"] == dt.date(2025, 1, 8)
    assert document["work_topics"] == [{"id": "care"}, {"id": "custom_1", "heading": "助残服务"}]
    assert document["care_points"] == [{"title": "上门探访", "text": "每周一次"}]
    assert "visit_rate" not in document  # accepted as computed: it follows the counts
    assert document["custom_1_points"] == [{"title": "上门助残"}]
    assert document["issue_list"] == [{"problem": "人手少", "cause": "志愿者不足"}]
    assert document["outlook"] == "明年\n继续"
    assert "report-wizard resume" in output


def test_back_keeps_later_answers_and_ctrl_c_exits_130(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "报告.toml"
    keys = "".join(
        [
            "杉岭乡" + ENTER,
            ENTER,  # 乡
            ENTER,  # the year, computed: accepted
            "区委、区政府" + ENTER,
            CTRL_B,  # at 指导机关: back to 领导机关
            CTRL_B,  # back to the year
            BACKSPACE * 4 + "2022" + ENTER,  # change it
            "区委依法治区办" + ENTER,  # the next open question: 指导机关
            CTRL_C,
        ]
    )
    code, output = interact(monkeypatch, ["new", path], keys)
    assert code == 130
    assert f"答案已保存到 {path}" in output
    assert f"继续填写请运行：report-wizard resume {path}" in output
    document = answers.load(path)
    assert document["year"] == 2022
    assert document["leaders"] == "区委、区政府"
    assert document["guide_office"] == "区委依法治区办"


def test_help_and_example_on_request(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    code, output = interact(monkeypatch, ["new", path], "杉" + CTRL_O + "岭乡" + ENTER + CTRL_C)
    assert code == 130
    assert "说明：写全称，会出现在标题、开头和落款中。" in output
    assert "示例：杉岭乡" in output
    assert answers.load(path)["unit_name"] == "杉岭乡"  # what was typed before Ctrl+O was kept


def test_end_of_input_is_like_ctrl_c(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    code, output = interact(monkeypatch, ["new", path], "杉岭乡" + ENTER)
    assert code == 130
    assert "report-wizard resume" in output
    assert answers.load(path)["unit_name"] == "杉岭乡"


def test_resume_starts_at_the_first_open_required_question(
    monkeypatch: pytest.MonkeyPatch, example_path: Path
) -> None:
    document = answers.load(example_path)
    del document["shortcomings"]
    answers.save(example_path, document)
    keys = "".join(
        [
            ENTER + "甲" + ENTER + "原因甲" + ENTER,  # add three problems
            ENTER + "乙" + ENTER + "原因乙" + ENTER,
            ENTER + "丙" + ENTER + "原因丙" + ENTER,
            UP + ENTER + DOWN + ENTER,  # 3. 丙 → 上移
            UP * 4 + ENTER + DOWN * 3 + ENTER + "y",  # 1. 甲 → 删除, confirmed
            CTRL_C,
        ]
    )
    code, output = interact(monkeypatch, ["resume", example_path], keys)
    assert code == 130, output
    assert "从这一题继续：存在的问题" in output
    problems = answers.load(example_path)["shortcomings"]
    assert [p["problem"] for p in problems] == ["丙", "乙"]


def test_review_and_edit_from_the_menu(monkeypatch: pytest.MonkeyPatch, example_path: Path) -> None:
    keys = "".join(
        [
            CTRL_G,  # the menu
            DOWN * 2 + ENTER,  # 查看和修改答案
            ENTER,  # the first answer: 单位名称
            BACKSPACE * 3 + "青石镇" + ENTER,
            CTRL_C,
        ]
    )
    code, output = interact(monkeypatch, ["resume", example_path], keys)
    assert code == 130, output
    assert answers.load(example_path)["unit_name"] == "青石镇"


def test_topic_catalogue(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    answers_given = [
        "--data",
        "unit_name=杉岭乡",
        "--data",
        "unit_kind=乡",
        "--data",
        "leaders=区委",
    ]
    interact(monkeypatch, ["new", path, *answers_given, "--no-input"], "")
    keys = "".join(
        [
            UP * 9 + ENTER + DOWN * 2 + ENTER,  # 1. 加强组织领导 → 下移
            UP * 2 + ENTER,  # ＋ 从目录中选择专题
            DOWN + SPACE + DOWN * 6 + SPACE + ENTER,  # leave out 学法用法, take 行政复议和应诉
            UP * 3 + ENTER + ENTER + CTRL_U + "依法应诉" + ENTER,  # the last topic → 改写标题
            CTRL_C,
        ]
    )
    code, output = interact(monkeypatch, ["resume", path], keys)
    assert code == 130, output
    topics = answers.load(path)["work_topics"]
    assert [t["id"] for t in topics] == [
        "leadership", "decision", "openness", "enforcement", "publicity", "disputes", "litigation",
    ]  # fmt: skip
    assert topics[-1]["heading"] == "依法应诉"


def test_preview_from_the_menu(monkeypatch: pytest.MonkeyPatch, example_path: Path) -> None:
    code, output = interact(
        monkeypatch, ["resume", example_path], CTRL_G + DOWN * 3 + ENTER + CTRL_C
    )
    assert code == 130
    assert "杉岭乡2022年法治政府建设年度报告" in output
    assert "全年共排查调处矛盾纠纷125件" in output
    assert "规定的五项内容" in output and "缺少“原因”" in output  # the findings follow the draft


def test_typed_markup_is_shown_literally(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, time_machine: TimeMachineFixture
) -> None:
    time_machine.move_to(dt.datetime(2026, 2, 1, 9, 0))
    path = tmp_path / "a.toml"
    code, output = interact(monkeypatch, ["new", path], "[重要]乡" + ENTER + CTRL_C)
    assert code == 130
    assert "[重要]乡2025年法治政府建设年度报告" in output  # the header, not eaten as markup
    assert answers.load(path)["unit_name"] == "[重要]乡"


def test_long_text_in_an_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\nfrom pathlib import Path\n"
        "Path(sys.argv[1]).write_text('编辑器里写的\\n第二行', encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    path = tmp_path / "a.toml"
    keys = "".join(
        [
            "杉岭乡" + ENTER,
            ENTER,  # 乡
            ENTER,  # the year
            "区委" + ENTER,
            "依法治区办" + ENTER,
            ENTER,  # no documents ticked: skipped
            ENTER,  # nothing of our own
            CTRL_X + CTRL_E,  # 总体评价, written in the editor
        ]
    )

    def saved() -> bool:
        return path.exists() and "preamble_summary" in answers.load(path)

    code, output = interact(monkeypatch, ["new", path], keys, later=CTRL_C, until=saved)
    assert code == 130, output
    assert answers.load(path)["preamble_summary"] == "编辑器里写的\n第二行"


def test_ctrl_d_is_like_ctrl_c(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    code, output = interact(monkeypatch, ["new", path], "杉岭乡" + ENTER + ENTER + ENTER + "\x04")
    assert code == 130
    assert "report-wizard resume" in output
    assert answers.load(path)["unit_name"] == "杉岭乡"


def test_an_interview_years_later_reports_on_the_year_before(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, time_machine: TimeMachineFixture
) -> None:
    """Nothing in the wizard is tied to the year it was written in."""
    time_machine.move_to(dt.datetime(2031, 3, 1, 9, 0))
    path = tmp_path / "a.toml"
    keys = "".join(
        [
            "青石镇" + ENTER,
            DOWN + ENTER,  # 镇
            ENTER,  # the year as offered
            "县委、县政府" + ENTER,
            CTRL_G + DOWN * 6 + ENTER,  # menu: 保存并退出
        ]
    )
    code, output = interact(monkeypatch, ["new", path], keys)
    assert code == 0, output
    assert "青石镇2030年法治政府建设年度报告" in output  # the header after the year
    assert answers.load(path)["year"] == 2030
    code, output = interact(monkeypatch, ["check", path, "--json"], "")
    assert code == 1
    assert '"deadline": "2031-04-01"' in output and '"days_left": 31' in output
