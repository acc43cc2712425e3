"""The prompts' own words: nothing questionary would say in English reaches the screen."""

from __future__ import annotations

from typing import Any

import pytest
from prompt_toolkit.application import Application

from tests.interactive import DOWN, ENTER, SPACE, drive
from wizard import prompter


@pytest.fixture
def a_frame_at_every_exit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Draw the prompt once more just as it ends: what a busy machine may do between the
    answer and the end of the prompt (CI caught ``done (2 selections)`` that way)."""
    original = Application.exit

    def exit_after_a_frame(self: Application[Any], **kwargs: Any) -> None:
        self._redraw()
        original(self, **kwargs)

    monkeypatch.setattr(Application, "exit", exit_after_a_frame)


@pytest.mark.usefixtures("a_frame_at_every_exit")
def test_a_checkbox_never_draws_its_english_answer_line() -> None:
    picked: list[object] = []
    options = [prompter.Option("窗口", 1), prompter.Option("上门", 2), prompter.Option("线上", 3)]
    keys = SPACE + DOWN + SPACE + ENTER
    drawn = drive(keys, lambda: picked.append(prompter.checkbox("渠道", options, nav=False)))
    assert picked == [[1, 2]]
    assert "渠道 窗口、上门" in drawn
    assert "done" not in drawn and "selection" not in drawn


@pytest.mark.usefixtures("a_frame_at_every_exit")
@pytest.mark.parametrize(
    ("keys", "default", "expected"),
    [("y", False, True), ("N", True, False), (ENTER, False, False), (ENTER, True, True)],
)
def test_a_confirm_never_draws_yes_or_no(keys: str, default: bool, expected: bool) -> None:
    said: list[bool] = []
    drawn = drive(keys, lambda: said.append(prompter.confirm("覆盖它吗", default=default)))
    assert said == [expected]
    assert f"覆盖它吗 {'是' if expected else '否'}" in drawn
    assert "Yes" not in drawn and "No" not in drawn


@pytest.mark.parametrize("multiline", [False, True])
def test_one_key_clears_a_carried_text_to_rewrite_it(multiline: bool) -> None:
    """The text comes with the cursor at its end: typing goes on from there, Ctrl+U
    clears it whole, even over several lines."""
    carried = "去年的第一行\n去年的第二行" if multiline else "去年的一句话"
    said: list[str] = []

    def ask() -> None:
        said.append(prompter.text("具体内容", default=carried, multiline=multiline, nav=False))

    drive("。" + ENTER, ask)
    assert said == [carried + "。"]
    drive("\x15" + "今年重写" + ENTER, ask)
    assert said[-1] == "今年重写"


UNITS = ["杉岭乡", "青石镇", "白沙街道", "云溪县司法局", "北湖区市场监督管理局", "南山村", "东坡村"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("青石", "青石镇"), ("司法", "云溪县司法局"), ("8", "8. 第八项"), ("村" + DOWN, "东坡村")],
)
def test_a_long_list_is_searched_by_typing_chinese_or_a_number(typed: str, expected: str) -> None:
    """Typing keeps the entries holding what was typed, the cursor on the first of them."""
    titles = [*UNITS, "8. 第八项", "9. 第九项"]
    options = [prompter.Option(t, t) for t in titles]
    said: list[str] = []
    drawn = drive(typed + ENTER, lambda: said.append(prompter.select("哪一个", options, nav=False)))
    assert said == [expected]
    assert "打字查找" in drawn


def test_a_short_list_moves_with_arrows_and_keeps_j_and_k_as_letters() -> None:
    options = [prompter.Option(t, t) for t in ("甲", "乙", "丙")]
    said: list[str] = []
    drive("j" + DOWN + ENTER, lambda: said.append(prompter.select("哪一个", options, nav=False)))
    assert said == ["乙"]  # j found nothing: the list stayed whole, the cursor moved once
