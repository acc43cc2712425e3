"""The interactive wizard, driven key by key through prompt_toolkit pipe input."""

from __future__ import annotations

import datetime as dt
import re
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
    TAB,
    UP,
    Step,
    interact,
    pick,
)
from wizard import questionnaire
from wizard.answersfile import disk
from wizard.flow.editors import EntryAction
from wizard.flow.menu import MenuAction
from wizard.flow.structure import FirstAction
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.state.interview import Interview

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def with_mini(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The small test questionnaire, installed as if it were shipped."""
    prompts = tmp_path / "prompts"
    prompts.mkdir()
    shutil.copy(DATA / "mini.toml", prompts / "mini.toml")
    monkeypatch.setattr(questionnaire.places, "prompts_dir", lambda: prompts)


@pytest.fixture
def started_mini(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, with_mini: None) -> Path:  # noqa: ARG001 (installs the questionnaire)
    """A mini answers file with its name and year given."""
    path = tmp_path / "mini.toml"
    given = ["--data", "org=南街社区", "--data", "year=2024", "--no-input"]
    interact(monkeypatch, ["new", path, "--template", "mini", *given], "")
    return path


@pytest.mark.usefixtures("with_mini")
def test_a_whole_interview_with_every_kind(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    script = [
        Step("机构名称", "南街社区" + ENTER),  # text
        Step("年度", "1999" + ENTER),  # out of range: the message shows, the user re-types
        Step("应在 2000 到 2100 之间", BACKSPACE * 4 + "2024" + ENTER),  # count
        Step("服务人次", "3000余" + ENTER),  # count, approximate
        Step("是否有志愿者队伍", ENTER),  # bool: 是
        Step("志愿者人数", "12" + ENTER),  # asked because of the condition
        Step("经费", "2.5" + ENTER),  # decimal
        Step("机构类型", DOWN + ENTER),  # choice: 村
        Step("服务渠道", SPACE + DOWN + DOWN + SPACE + ENTER),  # multichoice: 窗口、上门
        Step("其他", "微信群" + ENTER),  # ... and one of our own
        Step("日期", "2025年1月8日" + ENTER),  # date
        # The basics done: the outline is shown once, with the title to change.
        Step("要修改吗", pick(FirstAction.TITLE)),
        Step("? 报告标题", CTRL_U + "南街社区2024年度服务情况报告" + ENTER),
        Step("南街社区2024年度服务情况报告", ""),
        Step("要修改吗", pick(FirstAction.CONTINUE)),
        Step("自拟一个专题", UP + ENTER),  # topics: a topic of our own
        Step("自拟专题的标题", "助残服务" + ENTER),
        Step("完成，下一题", ENTER),  # topics: done
        Step("添加一条", ENTER),  # list: add
        Step("从建议中选一个", ENTER),  # a suggested title
        Step("内容", "每周一次" + ENTER),  # its text
        Step("已有 1 条", DOWN + ENTER),  # list: done
        # The topic's figures after its points, on one form; the rate left to be computed.
        Step("”的数字", "8" + TAB + "6" + ENTER),
        Step("已有 0 条", ENTER),  # the custom topic's points: add
        Step("要点", "上门助残" + ENTER),
        Step("内容", ENTER),
        Step("已有 1 条", DOWN + ENTER),
        Step("已有 0 条", ENTER),  # problems: add
        Step("问题", "人手少" + ENTER),
        Step("原因", "志愿者不足" + ENTER),
        Step("已有 1 条", DOWN + ENTER),
        Step("展望", "明年" + CTRL_J + "继续" + ENTER),  # long text over two lines
        Step("? 菜单", pick(MenuAction.QUIT)),
    ]
    code, output = interact(monkeypatch, ["new", path, "--template", "mini"], script)
    assert code == 0, output
    document = disk.load(path)
    assert document["org"] == "南街社区"
    assert document["year"] == 2024  # 1999 was refused in place, then corrected
    assert document["served"] == {"value": 3000, "hedge": "余"}
    assert document["has_volunteers"] is True
    assert document["volunteers"] == 12
    assert document["budget"] == 2.5
    assert document["kind"] == "村"
    assert document["channels"] == ["窗口", "上门", "微信群"]
    assert document["outline"] == {"title": "南街社区2024年度服务情况报告"}
    assert document["state"]["outline_offered"] is True
    assert document["signed"] == dt.date(2025, 1, 8)
    assert document["work_topics"] == [{"id": "care"}, {"id": "custom_1", "heading": "助残服务"}]
    assert document["care_points"] == [{"title": "上门探访", "text": "每周一次"}]
    assert "visit_rate" not in document  # accepted as computed: it follows the counts
    assert document["custom_1_points"] == [{"title": "上门助残"}]
    assert document["issue_list"] == [{"problem": "人手少", "cause": "志愿者不足"}]
    assert document["outlook"] == "明年\n继续"
    assert "report-wizard resume" in output
    assert "服务渠道 窗口、上门" in output and "selections" not in output  # said in Chinese
    assert "全年探访8次，完成率75%。" in render_text(
        build_report(Interview(questionnaire.load(DATA / "mini.toml"), document))
    )


def test_back_keeps_later_answers_and_ctrl_c_exits_130(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "报告.toml"
    script = [
        Step("单位名称", "杉岭乡" + ENTER),
        Step("单位类型", ENTER),  # 乡
        Step("报告年度", ENTER),  # the year, computed: accepted
        Step("领导机关", "区委、区政府" + ENTER),
        Step("指导机关", CTRL_B),  # back to 领导机关
        Step("领导机关", CTRL_B),  # back to the year
        Step("报告年度", BACKSPACE * 4 + "2022" + ENTER),  # change it
        Step("指导机关", "区委依法治区办" + ENTER),  # the next open question
        Step("贯彻落实的文件", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["new", path], script)
    assert code == 130
    assert f"答案已保存到 {path}" in output
    assert f"继续填写请运行：report-wizard resume {path}" in output
    document = disk.load(path)
    assert document["year"] == 2022
    assert document["leaders"] == "区委、区政府"
    assert document["guide_office"] == "区委依法治区办"


def test_help_and_example_on_request(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    script = [
        Step("单位名称", "杉" + CTRL_O),
        Step("单位名称", "岭乡" + ENTER),  # asked again after the help, with "杉" kept
        Step("单位类型", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["new", path], script)
    assert code == 130
    assert "说明：写全称，会出现在标题、开头和落款中。" in output
    assert "示例：杉岭乡" in output
    assert disk.load(path)["unit_name"] == "杉岭乡"  # what was typed before Ctrl+O was kept


@pytest.mark.parametrize(
    ("choice", "questionnaire", "kind_shown"),
    [(ENTER, "department", "局"), (DOWN + ENTER, "township", "乡")],
)
def test_a_name_that_says_another_kind_of_unit_offers_its_questionnaire(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    choice: str,
    questionnaire: str,
    kind_shown: str,
) -> None:
    """`new` with no questionnaire named starts on the township one; a 局's name offers the
    department's, once, and the answers go on with the one chosen."""
    path = tmp_path / "a.toml"
    script = [
        Step("单位名称", "青川县市场监督管理局" + ENTER),
        Step("用哪一份问卷", choice),
        Step("单位类型", ENTER),  # the first kind of the questionnaire chosen
        Step("?", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["new", path], script)
    assert code == 130, output
    assert "看起来是政府部门" in output
    document = disk.load(path)
    assert document["meta"]["questionnaire"] == questionnaire
    assert document["unit_name"] == "青川县市场监督管理局"
    assert document["unit_kind"] == kind_shown  # asked by the questionnaire chosen


def test_a_questionnaire_named_or_a_matching_name_is_not_questioned(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for args, name in ((["--template", "township"], "青川县市场监督管理局"), ([], "白沙镇")):
        path = tmp_path / f"{name}.toml"
        script = [Step("单位名称", name + ENTER), Step("单位类型", CTRL_C)]
        code, output = interact(monkeypatch, ["new", path, *args], script)
        assert code == 130, output
        assert "用哪一份问卷" not in output
        assert disk.load(path)["meta"]["questionnaire"] == "township"


def test_end_of_input_is_like_ctrl_c(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    code, output = interact(monkeypatch, ["new", path], "杉岭乡" + ENTER)
    assert code == 130
    assert "report-wizard resume" in output
    assert disk.load(path)["unit_name"] == "杉岭乡"


def test_resume_starts_at_the_first_open_required_question(
    monkeypatch: pytest.MonkeyPatch, example_path: Path
) -> None:
    document = disk.load(example_path)
    del document["shortcomings"]
    disk.save(example_path, document)
    script = [
        Step("已有 0 条", ENTER),  # add three problems
        Step("问题", "甲" + ENTER),
        Step("原因", "原因甲" + ENTER),
        Step("已有 1 条", ENTER),
        Step("问题", "乙" + ENTER),
        Step("原因", "原因乙" + ENTER),
        Step("已有 2 条", ENTER),
        Step("问题", "丙" + ENTER),
        Step("原因", "原因丙" + ENTER),
        Step("已有 3 条", UP + ENTER),  # 3. 丙
        Step("第 3 条：丙", pick(EntryAction.UP)),
        Step("已有 3 条", UP + ENTER),  # the cursor stayed on 丙, now 2nd: up to 1. 甲
        Step("第 1 条：甲", pick(EntryAction.DELETE)),
        Step("确定删除这一条", "y"),
        Step("已有 2 条", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", example_path], script)
    assert code == 130, output
    assert "从这一题继续：存在的问题" in output
    problems = disk.load(example_path)["shortcomings"]
    assert [p["problem"] for p in problems] == ["丙", "乙"]


def test_review_and_edit_from_the_menu(monkeypatch: pytest.MonkeyPatch, example_path: Path) -> None:
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.REVIEW)),
        Step("选择要修改的答案", ENTER),  # the first answer: 单位名称
        Step("? 单位名称", BACKSPACE * 3 + "青石镇" + ENTER),  # the prompt, not the list entry
        Step("选择要修改的答案", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", example_path], script)
    assert code == 130, output
    assert disk.load(example_path)["unit_name"] == "青石镇"


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
    script = [
        Step("写哪些工作专题", UP * 9 + ENTER),  # 1. 加强组织领导
        Step("加强组织领导", pick(EntryAction.DOWN)),
        # The cursor followed the moved topic (2nd): up past the first, round to the end.
        Step("写哪些工作专题", UP * 4 + ENTER),  # ＋ 从目录中选择专题
        # leave out 学法用法, take 行政复议和应诉
        Step("勾选要写的专题", DOWN + SPACE + DOWN * 6 + SPACE + ENTER),
        Step("写哪些工作专题", UP * 3 + ENTER),  # the last topic
        Step("?", pick(EntryAction.EDIT)),
        Step("新的标题", CTRL_U + "依法应诉" + ENTER),
        Step("写哪些工作专题", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", path], script)
    assert code == 130, output
    topics = disk.load(path)["work_topics"]
    assert [t["id"] for t in topics] == [
        "leadership", "decision", "openness", "enforcement", "publicity", "disputes", "litigation",
    ]  # fmt: skip
    assert topics[-1]["heading"] == "依法应诉"


def test_preview_from_the_menu(monkeypatch: pytest.MonkeyPatch, example_path: Path) -> None:
    script = [Step("?", CTRL_G), Step("? 菜单", pick(MenuAction.PREVIEW)), Step("? 菜单", CTRL_C)]
    code, output = interact(monkeypatch, ["resume", example_path], script)
    assert code == 130
    assert "杉岭乡2022年法治政府建设年度报告" in output
    assert "全年共排查调处矛盾纠纷125件" in output
    assert "规定的五项内容" in output and "缺少“原因”" in output  # the findings follow the draft


def test_typed_markup_is_shown_literally(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, time_machine: TimeMachineFixture
) -> None:
    time_machine.move_to(dt.datetime(2026, 2, 1, 9, 0))
    path = tmp_path / "a.toml"
    script = [Step("单位名称", "[重要]乡" + ENTER), Step("单位类型", CTRL_C)]
    code, output = interact(monkeypatch, ["new", path], script)
    assert code == 130
    assert "[重要]乡2025年法治政府建设年度报告" in output  # the header, not eaten as markup
    assert disk.load(path)["unit_name"] == "[重要]乡"


def test_long_text_in_an_editor(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys\nfrom pathlib import Path\n"
        "Path(sys.argv[1]).write_text('编辑器里写的\\n第二行', encoding='utf-8')\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    path = tmp_path / "a.toml"
    script = [
        Step("单位名称", "杉岭乡" + ENTER),
        Step("单位类型", ENTER),  # 乡
        Step("报告年度", ENTER),
        Step("领导机关", "区委" + ENTER),
        Step("指导机关", "依法治区办" + ENTER),
        Step("贯彻落实的文件", ENTER),  # no documents ticked: skipped
        Step("其他", ENTER),  # nothing of our own
        Step("总体评价", CTRL_X + CTRL_E),  # written in the editor
    ]

    def saved() -> bool:
        return path.exists() and "preamble_summary" in disk.load(path)

    code, output = interact(monkeypatch, ["new", path], script, later=CTRL_C, until=saved)
    assert code == 130, output
    assert disk.load(path)["preamble_summary"] == "编辑器里写的\n第二行"


def test_ctrl_d_is_like_ctrl_c(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    script = [
        Step("单位名称", "杉岭乡" + ENTER),
        Step("单位类型", ENTER),
        Step("报告年度", ENTER),
        Step("领导机关", "\x04"),
    ]
    code, output = interact(monkeypatch, ["new", path], script)
    assert code == 130
    assert "report-wizard resume" in output
    assert disk.load(path)["unit_name"] == "杉岭乡"


def test_an_interview_years_later_reports_on_the_year_before(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, time_machine: TimeMachineFixture
) -> None:
    """Nothing in the wizard is tied to the year it was written in."""
    time_machine.move_to(dt.datetime(2031, 3, 1, 9, 0))
    path = tmp_path / "a.toml"
    script = [
        Step("单位名称", "青石镇" + ENTER),
        Step("单位类型", DOWN + ENTER),  # 镇
        Step("报告年度", ENTER),  # the year as offered
        Step("领导机关", "县委、县政府" + ENTER),
        Step("指导机关", CTRL_G),
        Step("? 菜单", pick(MenuAction.QUIT)),
    ]
    code, output = interact(monkeypatch, ["new", path], script)
    assert code == 0, output
    assert "青石镇2030年法治政府建设年度报告" in output  # the header after the year
    assert disk.load(path)["year"] == 2030
    code, output = interact(monkeypatch, ["check", path, "--json"], "")
    assert code == 1
    assert '"deadline": "2031-04-01"' in output and '"days_left": 31' in output


def test_jump_check_and_export_from_the_menu(
    monkeypatch: pytest.MonkeyPatch, example_path: Path
) -> None:
    out = example_path.with_name("草稿.txt")
    out.write_text("旧的", encoding="utf-8")
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.CHECK)),
        Step("? 菜单", pick(MenuAction.EXPORT)),
        Step("导出为", DOWN + ENTER),  # 纯文本
        Step("保存为", CTRL_U + str(out) + ENTER),
        Step("覆盖它吗", "n"),  # refused: nothing written
        Step("? 菜单", pick(MenuAction.EXPORT)),
        Step("导出为", DOWN + ENTER),
        Step("保存为", CTRL_U + str(out) + ENTER),
        Step("覆盖它吗", "y"),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", DOWN * 3 + ENTER),
        Step("?", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", example_path], script)
    assert code == 130, output
    assert "规定的五项内容" in output and "检查结果" in output  # the menu's check
    assert f"已导出：{out}" in output
    assert "（是 y／否 n）" in output and "(y/N)" not in output  # questionary's words, in Chinese
    assert "覆盖它吗？ 否" in output and "覆盖它吗？ 是" in output
    assert out.read_text(encoding="utf-8").startswith("杉岭乡2022年法治政府建设年度报告")
    assert "存在的问题" in output  # the part jumped to: its header


def test_a_choice_can_be_skipped_and_back_at_the_first_question_stays(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    script = [
        Step("单位名称", CTRL_B),  # nothing before the first question
        Step("单位名称", "杉岭乡" + ENTER),
        Step("单位类型", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["new", path], script)
    assert code == 130
    assert "已经是第一题了" in output


def test_the_editors_of_topics_and_items(
    monkeypatch: pytest.MonkeyPatch, started_mini: Path
) -> None:
    path = started_mini
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", DOWN + ENTER),  # 服务情况
        Step("写哪些工作专题", UP + ENTER),  # ＋ 自拟一个专题
        Step("自拟专题的标题", ENTER),  # nothing typed: nothing added
        Step("写哪些工作专题", UP + ENTER),
        Step("自拟专题的标题", "助残" + ENTER),
        Step("写哪些工作专题", UP * 3 + ENTER),  # 2. 助残
        Step("?", pick(EntryAction.EDIT)),
        Step("新的标题", CTRL_U + "助残服务" + ENTER),
        Step("写哪些工作专题", ENTER),  # the cursor stayed on 2. 助残服务
        Step("?", pick(EntryAction.DELETE)),  # removed again
        Step("写哪些工作专题", UP + ENTER),  # from the row where it stood, round to done
        Step("已有 0 条", ENTER),  # 做法: add
        Step("从建议中选一个", DOWN + ENTER),  # 自己填写……
        Step("要点", "上门" + CTRL_O),  # the field's help, what was typed kept
        Step("要点", "送餐" + ENTER),
        Step("内容", "每天" + ENTER),
        Step("已有 1 条", ENTER),  # add another ...
        Step("从建议中选一个", CTRL_B),  # ... and cancel it
        Step("已有 1 条", UP * 2 + ENTER),  # 1. 上门送餐
        Step("第 1 条：上门送餐", pick(EntryAction.EDIT)),
        Step("要点", ENTER),
        Step("内容", CTRL_U + "每天中午" + ENTER),
        Step("已有 1 条", DOWN * 2 + ENTER),  # from the item just edited down to done
        Step("”的数字", ENTER),  # the topic's figures on one form: not known, left empty
        Step("已有 0 条", CTRL_C),  # the next part's list
    ]
    code, output = interact(monkeypatch, ["resume", path], script)
    assert code == 130, output
    assert "已取消这一条" in output
    assert "说明：" in output
    document = disk.load(path)
    assert document["work_topics"] == [{"id": "care"}]
    assert document["care_points"] == [{"title": "上门送餐", "text": "每天中午"}]


def test_skipping_a_choice_and_a_required_list_left_empty(
    monkeypatch: pytest.MonkeyPatch, started_mini: Path
) -> None:
    path = started_mini
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", DOWN * 2 + ENTER),  # 问题
        Step("已有 0 条", DOWN + ENTER),  # done with none: refused, it is required
        Step("已有 0 条", CTRL_G),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", ENTER),  # 基本信息
        Step("机构名称", ENTER),
        Step("服务人次", ENTER),  # nothing typed: skipped
        Step("是否有志愿者队伍", UP + ENTER),  # （跳过）
        Step("经费", ENTER),
        Step("机构类型", UP + ENTER),  # （跳过）
        Step("服务渠道", CTRL_G),
        Step("? 菜单", pick(MenuAction.CONTINUE)),
        Step("?", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", path], script)
    assert code == 130, output
    assert "此项至少需要填写 1 条" in output
    skipped = disk.load(path)["state"]["skipped"]
    assert {"served", "has_volunteers", "kind"} <= set(skipped)


def test_half_typed_text_survives_ctrl_c_and_comes_back_on_resume(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    code, output = interact(
        monkeypatch, ["new", path], [Step("单位名称", "杉岭"), Step("杉岭", CTRL_C)]
    )
    assert code == 130
    assert "正在填写的“单位名称”已存为草稿" in output
    assert disk.load(path)["drafts"] == {"unit_name": "杉岭"}
    script = [Step("单位名称", "乡" + ENTER), Step("单位类型", CTRL_C)]
    code, output = interact(monkeypatch, ["resume", path], script)
    assert code == 130
    assert "上次没有写完的内容已放回输入框" in output
    document = disk.load(path)
    assert document["unit_name"] == "杉岭乡" and "drafts" not in document


def test_half_typed_text_survives_the_menu_and_going_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "a.toml"
    script = [
        Step("单位名称", "杉岭" + CTRL_G),  # the menu, with 杉岭 typed
        Step("? 菜单", pick(MenuAction.CONTINUE)),
        Step("单位名称", "乡" + ENTER),  # 杉岭 is back: 杉岭乡
        Step("单位类型", ENTER),
        Step("报告年度", ENTER),
        Step("领导机关", "区委" + CTRL_B),  # back, with 区委 typed
        Step("报告年度", ENTER),
        Step("领导机关", "、区政府" + ENTER),  # 区委 is back
        Step("指导机关", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["new", path], script)
    assert code == 130, output
    document = disk.load(path)
    assert document["unit_name"] == "杉岭乡"
    assert document["leaders"] == "区委、区政府"


def test_a_half_entered_list_item_is_kept_and_offered_again(
    monkeypatch: pytest.MonkeyPatch, started_mini: Path
) -> None:
    path = started_mini
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", DOWN * 2 + ENTER),  # 问题
        Step("已有 0 条", ENTER),
        Step("问题", "人手少" + ENTER),
        Step("原因", "志愿者" + CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", path], script)
    assert code == 130, output
    assert disk.load(path)["drafts"] == {"issue_list": {"problem": "人手少", "cause": "志愿者"}}
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", DOWN * 2 + ENTER),
        Step("已有 0 条", ENTER),
        Step("问题", ENTER),  # 人手少, offered again
        Step("原因", "不足" + ENTER),
        Step("已有 1 条", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", path], script)
    assert code == 130, output
    assert "上次没有写完的一条已放回" in output
    document = disk.load(path)
    assert document["issue_list"] == [{"problem": "人手少", "cause": "志愿者不足"}]
    assert "drafts" not in document


def test_a_list_with_an_item_left_half_added_opens_on_adding_it(
    monkeypatch: pytest.MonkeyPatch, started_mini: Path
) -> None:
    """Resume opens the list; with items in it already, Enter still goes on with the one
    left half typed (not 完成, which would leave it behind)."""
    from wizard import session

    interview = session.open_readonly(started_mini)
    interview.set_raw("issue_list", [{"problem": "经费少", "cause": "预算紧"}])
    interview.document.keep_draft("issue_list", {"problem": "人手少", "cause": "志愿者"})
    interview.document.save(started_mini)
    script = [
        Step("已有 1 条", ENTER),
        Step("问题", ENTER),  # 人手少, offered again
        Step("原因", "不足" + ENTER),
        Step("已有 2 条", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", started_mini], script)
    assert code == 130, output
    document = disk.load(started_mini)
    assert document["issue_list"] == [
        {"problem": "经费少", "cause": "预算紧"},
        {"problem": "人手少", "cause": "志愿者不足"},
    ]
    assert "drafts" not in document


def test_an_item_left_half_changed_is_kept_and_opened_again(
    monkeypatch: pytest.MonkeyPatch, started_mini: Path
) -> None:
    """Changing an item that is there already, Ctrl-C keeps what was typed as a draft of
    that item (not as a new one); resume opens the list on it, and its form has the words."""
    from wizard import session

    interview = session.open_readonly(started_mini)
    first, second = (
        {"problem": "经费少", "cause": "预算紧"},
        {"problem": "人手少", "cause": "志愿者不足"},
    )
    interview.set_raw("issue_list", [first, second])
    interview.document.save(started_mini)
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", DOWN * 2 + ENTER),  # 问题
        Step("已有 2 条", UP * 2 + ENTER),  # from 完成 up to 2. 人手少
        Step("第 2 条：人手少", pick(EntryAction.EDIT)),
        Step("? 问题", ENTER),
        Step("? 原因", "，且流动大" + CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", started_mini], script)
    assert code == 130, output
    document = disk.load(started_mini)
    assert document["issue_list"] == [first, second]  # not changed before it is finished
    assert document["drafts"] == {
        "issue_list": {"problem": "人手少", "cause": "志愿者不足，且流动大", "_item": "2"}
    }
    script = [
        Step("已有 2 条", ENTER),  # opens on 2. 人手少
        Step("第 2 条：人手少", pick(EntryAction.EDIT)),
        Step("? 问题", ENTER),
        Step("? 原因", ENTER),  # the words typed before are in the box
        Step("已有 2 条", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", started_mini], script)
    assert code == 130, output
    assert "上次修改第 2 条没有写完，已放回" in output
    document = disk.load(started_mini)
    assert document["issue_list"] == [first, {"problem": "人手少", "cause": "志愿者不足，且流动大"}]
    assert "drafts" not in document


@pytest.mark.usefixtures("with_mini")
def test_a_pasted_text_keeps_all_its_lines_without_bracketed_paste(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "mini.toml"
    data = tmp_path / "data.toml"
    data.write_text(
        'org = "南街社区"\nyear = 2024\n[[issue_list]]\nproblem = "人手少"\ncause = "缺编"\n'
    )
    interact(
        monkeypatch, ["new", path, "--template", "mini", "--data-file", data, "--no-input"], ""
    )
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", DOWN * 2 + ENTER),  # 问题
        Step("已有 1 条", ENTER),  # done
        # A paste arrives in one piece; without bracketed paste its line breaks are Enters.
        Step("展望", "第一段" + ENTER + "第二段" + ENTER),
        Step("写哪些工作专题", CTRL_G),  # the next open question
        Step("? 菜单", pick(MenuAction.QUIT)),
    ]
    code, output = interact(monkeypatch, ["resume", path], script)
    assert code == 0, output
    assert disk.load(path)["outlook"] == "第一段\n第二段"


def test_adding_a_topic_does_not_take_the_progress_bar_back(
    monkeypatch: pytest.MonkeyPatch, example_path: Path
) -> None:
    """A topic added brings its questions: the bar holds where it was (most of the report
    done), the count says there is more to do."""
    document = disk.load(example_path)
    del document["work_topics"]  # asked again: where resume opens
    disk.save(example_path, document)
    script = [
        Step("写哪些工作专题", UP * 2 + ENTER),  # ＋ 从目录中选择专题
        Step("勾选要写的专题", DOWN * 7 + SPACE + ENTER),  # 行政复议和应诉, with its figures
        Step("写哪些工作专题", CTRL_G),
        Step("? 菜单", pick(MenuAction.CONTINUE)),
        Step("?", CTRL_C),  # the next question, with its header
    ]
    code, output = interact(monkeypatch, ["resume", example_path], script)
    assert code == 130, output
    shown = [int(n) for n in re.findall(r"已完成 (\d+)%", output)]
    totals = [int(n) for n in re.findall(r"共 (\d+) 题", output)]
    assert len(shown) >= 2 and shown[0] > 50, output
    assert shown == sorted(shown), shown
    assert totals[-1] > totals[0] + 3, totals  # the topic's questions are counted


@pytest.mark.usefixtures("with_mini")
@pytest.mark.parametrize("none", ["无", "没有", "无。"])
def test_none_typed_for_more_choices_is_no_choice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, none: str
) -> None:
    path = tmp_path / "mini.toml"
    given = ["--data", "org=南街社区", "--data", "year=2024", "--data", "served=30"]
    script = [
        Step("机构名称", ENTER),  # given, shown in the box once
        Step("是否有志愿者队伍", DOWN + ENTER),  # 否
        Step("经费", ENTER),
        Step("机构类型", ENTER),
        Step("服务渠道", SPACE + DOWN + SPACE + ENTER),  # 窗口、电话
        Step("其他", none + ENTER),
        Step("日期", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["new", path, "--template", "mini", *given], script)
    assert code == 130, output
    assert disk.load(path)["channels"] == ["窗口", "电话"]


def test_the_units_kind_starts_where_its_name_says(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "中心.toml"
    given = ["--template", "department", "--data", "unit_name=云溪县政务服务中心"]
    script = [
        Step("单位名称", ENTER),
        Step("单位类型", ENTER),  # the cursor is on 中心 already
        Step("报告年度", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["new", path, *given], script)
    assert code == 130, output
    assert disk.load(path)["unit_kind"] == "中心"


def test_the_jump_list_names_parts_as_the_unit_does(
    monkeypatch: pytest.MonkeyPatch, example_path: Path
) -> None:
    document = disk.load(example_path)
    document.setdefault("outline", {})["headings"] = {"problems": "工作中的短板"}
    disk.save(example_path, document)
    script = [
        Step("?", CTRL_G),
        Step("? 菜单", pick(MenuAction.JUMP)),
        Step("跳到哪一部分", CTRL_C),
    ]
    code, output = interact(monkeypatch, ["resume", example_path], script)
    assert code == 130, output
    assert "工作中的短板（" in output and "存在的问题和原因（" not in output
