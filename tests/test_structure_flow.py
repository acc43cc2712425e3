"""The 报告结构 screen, driven through prompt_toolkit pipe input: every change it offers is
shown at once and saved as it is made."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.interactive import CTRL_C, CTRL_G, CTRL_U, DOWN, ENTER, Step, interact, pick
from wizard.answersfile import disk
from wizard.flow.menu import MenuAction
from wizard.flow.structure import StructureAction
from wizard.questionnaire import prompts_dir

S = StructureAction


@pytest.fixture
def subdistrict(tmp_path: Path) -> Path:
    path = tmp_path / "桂园.toml"
    shutil.copy(prompts_dir() / "examples" / "subdistrict-2023.toml", path)
    return path


def structure_script(*steps: Step) -> list[Step]:
    return [
        Step("主送机关", CTRL_G),
        Step("? 菜单", pick(MenuAction.STRUCTURE)),
        *steps,
        Step("? 报告结构", pick(S.BACK)),
        Step("? 菜单", CTRL_C),
    ]


def test_order_hidden_wrapper_layout_title_and_preamble(
    monkeypatch: pytest.MonkeyPatch, subdistrict: Path
) -> None:
    script = structure_script(
        Step("? 报告结构", pick(S.MOVE)),
        Step("移动哪一部分", DOWN * 3 + ENTER),  # 第一责任人 (after 工作、成效、问题)
        Step("移到哪里", DOWN * 2 + ENTER),  # 移到最前
        Step("? 报告结构", pick(S.HIDE)),
        Step("隐藏或恢复哪一部分", DOWN * 5 + ENTER),  # 其他需要报告的情况
        Step("? 报告结构", pick(S.UNWRAP)),
        Step("专题直接作为一级标题", ENTER),
        Step("? 报告结构", pick(S.LAYOUT)),
        Step("改哪一级的排版", DOWN + ENTER),  # 每条做法
        # Wait for the options: "排版" alone is also in the redrawn "改哪一级的排版".
        Step("按问卷原来的排版", DOWN + ENTER),  # 每条单独一段
        Step("? 报告结构", pick(S.NUMBERING)),
        Step("改哪一级的编号", ENTER),  # 部分
        Step("? 编号", DOWN + ENTER),  # （一）
        Step("? 报告结构", pick(S.TITLE)),
        Step("? 报告标题", CTRL_U + "关于2023年度法治政府建设情况的报告" + ENTER),
        Step("? 报告结构", pick(S.PREAMBLE)),
        Step("? 开头一段", "今年，我街道依法履职。" + "\x1b\r"),
    )
    code, output = interact(monkeypatch, ["resume", subdistrict], script)
    assert code == 130, output
    shape = disk.load(subdistrict)["outline"]
    assert shape["order"][0] == "duty"
    assert shape["hidden"] == ["other"]
    assert shape["unwrapped"] == ["work"]
    assert shape["layout"] == {"point": "paragraphs"}
    assert shape["numbering"] == {"part": "（一）"}
    assert shape["title"] == "关于2023年度法治政府建设情况的报告"
    assert shape["preamble"] == "今年，我街道依法履职。"
    assert "（一）党政主要负责人履行推进法治建设第一责任人职责情况" in output
    assert "（二）加强组织领导，压实法治建设责任" in output  # a topic as a part of its own


def test_own_figures_are_added_and_deleted_and_reset_restores(
    monkeypatch: pytest.MonkeyPatch, subdistrict: Path
) -> None:
    script = structure_script(
        Step("? 报告结构", pick(S.FIGURES)),
        Step("＋ 添加一个数字", ENTER),
        Step("写在哪个专题或部分中", DOWN * 3 + ENTER),  # 优化便民服务
        Step("统计的是什么", "走访辖区楼宇" + ENTER),
        Step("本年度的数", "很多" + ENTER),  # refused in place, then corrected
        Step("请输入", CTRL_U + "35栋" + ENTER),
        Step("上年度的数", "28栋" + ENTER),
        Step("数字前面的话", CTRL_U + "全年走访辖区商务楼宇" + ENTER),
        Step("走访辖区楼宇：全年走访", DOWN * 2 + ENTER),  # ← 返回
        Step("? 报告结构", pick(S.RENAME)),
        Step("改哪一部分的标题", ENTER),
        Step("新标题", CTRL_U + "主要举措" + ENTER),
    )
    code, output = interact(monkeypatch, ["resume", subdistrict], script)
    assert code == 130, output
    document = disk.load(subdistrict)
    assert document["own_figures"] == [
        {
            "topic": "services",
            "label": "走访辖区楼宇",
            "value": {"value": 35, "unit": "栋"},
            "last_year": {"value": 28, "unit": "栋"},
            "before": "全年走访辖区商务楼宇",
        }
    ]
    assert "全年走访辖区商务楼宇35栋，同比增长25%。" in output.replace("\n", "")

    script = structure_script(
        Step("? 报告结构", pick(S.FIGURES)),
        Step("走访辖区楼宇：", ENTER),  # the figure
        Step("删除", "y"),
        Step("＋ 添加一个数字", DOWN + ENTER),  # ← 返回
        Step("? 报告结构", pick(S.RESET)),
        Step("恢复问卷原来的结构", "y"),
    )
    code, output = interact(monkeypatch, ["resume", subdistrict], script)
    assert code == 130, output
    document = disk.load(subdistrict)
    assert "outline" not in document and "own_figures" not in document
