"""A questionnaire of one's own, from a file or the user's folder: an answers file started
with it finds it again from another folder, and says clearly when it moved or changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA
from wizard.answersfile import disk
from wizard.cli.app import app
from wizard.questionnaire import prompts_dir
from wizard.questionnaire.lint import lint


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    return result.exit_code, result.output


@pytest.fixture
def own(tmp_path: Path) -> Path:
    """A county office's copy of a questionnaire, edited: its own title."""
    folder = tmp_path / "县里发的问卷"
    folder.mkdir()
    path = folder / "社区.toml"
    text = (DATA / "mini.toml").read_text(encoding="utf-8")
    path.write_text(
        text.replace('title = "社区服务年度小结"', 'title = "白沙区社区服务年度小结"'),
        encoding="utf-8",
    )
    return path


def start(own: Path, answers_file: Path) -> None:
    given = ["--data", "org=南街社区", "--data", "year=2024", "--data", "served=约300"]
    code, output = run("new", answers_file, "--template", own, *given, "--no-input")
    assert code == 0, output


def test_new_with_a_questionnaire_file_and_every_command_from_elsewhere(
    own: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers_file = tmp_path / "南街.toml"
    start(own, answers_file)
    meta = disk.load(answers_file)["meta"]
    assert meta["questionnaire"] == "mini" and meta["questionnaire_file"] == str(own.resolve())
    assert len(meta["questionnaire_hash"]) == 16
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, output = run("preview", answers_file, "--no-pager")
    assert code == 0 and "南街社区2024年服务小结" in output and "约300人次" in output
    assert run("check", answers_file)[0] == 1  # read, incomplete
    assert run("export", answers_file, "-o", "南街.docx")[0] == 0
    code, output = run("resume", answers_file, "--data", "budget=2.5", "--no-input")
    assert code == 0, output


def test_a_moved_questionnaire_is_named_and_the_users_folder_finds_it(
    own: Path, tmp_path: Path, own_templates: Path
) -> None:
    answers_file = tmp_path / "南街.toml"
    start(own, answers_file)
    moved = tmp_path / "挪走了.toml"
    own.rename(moved)
    code, output = run("check", answers_file)
    assert code == 2
    assert "找不到填写这份答案所用的问卷文件" in output and str(own.resolve()) in output.replace(
        "\n", ""
    )
    own_templates.mkdir()
    shutil.copy(moved, own_templates / "mini.toml")  # found again by its id
    code, output = run("resume", answers_file, "--data", "budget=2.5", "--no-input")
    assert code == 0, output
    assert "问卷文件已不在" in output
    assert disk.load(answers_file)["meta"]["questionnaire_file"] == str(
        (own_templates / "mini.toml").resolve()
    )


def test_a_changed_questionnaire_is_said_once(own: Path, tmp_path: Path) -> None:
    answers_file = tmp_path / "南街.toml"
    start(own, answers_file)
    own.write_text(own.read_text(encoding="utf-8").replace("白沙区", "青石区"), encoding="utf-8")
    code, output = run("resume", answers_file, "--data", "budget=2.5", "--no-input")
    assert code == 0 and "在开始填写后改动过" in output
    code, output = run("resume", answers_file, "--data", "budget=3", "--no-input")
    assert code == 0 and "改动过" not in output


def test_a_variant_of_a_shipped_questionnaire_and_a_change_to_its_base(tmp_path: Path) -> None:
    """A county office's variant of the department questionnaire: a short file that extends
    a copy of the base. A change to that base is noticed like a change to the file."""
    folder = tmp_path / "县里发的问卷"
    shutil.copytree(prompts_dir(), folder)
    variant = folder / "白沙区部门.toml"
    variant.write_text(
        """[meta]
id = "baisha_department"
extends = "department.toml"
title = "白沙区政府部门法治政府建设年度报告"
version = "1.0.0"

[[sections]]
id = "work"
[[sections.topics]]
id = "dept_services"
remove = true
""",
        encoding="utf-8",
    )
    answers_file = tmp_path / "白沙区某局.toml"
    given = ["--data", "unit_name=白沙区某局", "--data", "unit_kind=局", "--data", "fines=2.5"]
    code, output = run("new", answers_file, "--template", variant, *given, "--no-input")
    assert code == 0, output
    code, output = run("preview", answers_file, "--no-pager")
    assert code == 0 and "罚没款2.5万元" in output and "政务服务" not in output
    base = folder / "base" / "common.toml"
    base.write_text(base.read_text(encoding="utf-8").replace("下步工作打算", "下一步打算"), "utf-8")
    code, output = run("resume", answers_file, "--data", "fines=3", "--no-input")
    assert code == 0 and "在开始填写后改动过" in output.replace("\n", "")


def test_templates_lists_the_users_own(own: Path, own_templates: Path) -> None:
    own_templates.mkdir()
    shutil.copy(own, own_templates / "baisha.toml")
    text = (own_templates / "baisha.toml").read_text(encoding="utf-8")
    (own_templates / "baisha.toml").write_text(
        text.replace('id = "mini"', 'id = "baisha"'), encoding="utf-8"
    )
    code, output = run("templates")
    assert code == 0
    assert "township" in output and "内置" in output
    assert "baisha" in output and "白沙区社区服务年度小结" in output
    assert run("keys", "baisha", "--json")[0] == 0


def test_lint_lists_every_mistake_at_once(tmp_path: Path) -> None:
    text = (DATA / "mini.toml").read_text(encoding="utf-8")
    text = text.replace('kind = "count"\nunit = "人次"', 'kind = "number"\nunit = "人次"', 1)  # 1
    text = text.replace('label = "经费"', 'label = "经费"\ncolour = "红"', 1)  # 2
    text = text.replace('template = "全年探访{visits}', 'template = "全年探访{visitz}', 1)  # 3
    broken = tmp_path / "三处错.toml"
    broken.write_text(text, encoding="utf-8")
    code, output = run("lint", broken)
    assert code == 2
    said = output.replace("\n", "")
    assert "未知的题型 'number'" in said
    assert "colour: 未知的键" in said
    assert "引用了不存在的问题 'visitz'" in said
    assert "共 3 处错误" in said
    code, output = run("lint", DATA / "mini.toml")
    assert code == 0 and "没有发现错误" in output

    lines = text.splitlines()
    mistakes = lint(text, "三处错.toml")
    assert [(m.where, m.line) for m in mistakes] == [
        (
            "sections[第1个 id=facts].questions[第3个 id=served].kind",
            lines.index('id = "served"') + 1,
        ),
        (
            "sections[第1个 id=facts].questions[第6个 id=budget].colour",
            lines.index('id = "budget"') + 1,
        ),
        (
            "sections[第2个 id=work].topics[第1个 id=care].sentences[第1个].template",
            lines.index('id = "care"') + 1,
        ),
    ]
    assert str(mistakes[0]).startswith(f"三处错.toml（第 {mistakes[0].line} 行）: sections[")


def test_the_summary_reads_each_file_with_its_own_questionnaire(own: Path, tmp_path: Path) -> None:
    folder = tmp_path / "收到的"
    folder.mkdir()
    start(own, folder / "南街.toml")
    code, output = run("summary", folder, "--json")
    assert code == 0, output
    assert '"problems": []' in output and '"unit": "南街社区"' in output


def test_each_kind_suggests_plans_in_its_own_words() -> None:
    """A 局 is offered a department's plans, a county a county's, not a township's."""
    from wizard.questionnaire import load_by_id

    plans = {n: load_by_id(n).question("plan_items") for n in ("township", "department", "county")}
    suggested = {n: q.suggestions for n, q in plans.items() if q is not None}
    assert len(suggested) == 3 and len({s for s in suggested.values()}) == 3
    assert any("执法" in s for s in suggested["department"])
    assert any("示范创建" in s for s in suggested["county"])
    examples = {n: q.example for n, q in plans.items() if q is not None}
    assert len(set(examples.values())) == 3  # and its own example
