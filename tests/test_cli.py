"""The command line without a terminal: exit codes, messages, files written or not."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from wizard.answersfile import disk
from wizard.cli.app import app
from wizard.questionnaire import Questionnaire, prompts_dir

runner = CliRunner()


def run(*args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_help_lists_the_commands() -> None:
    code, output = run("--help")
    assert code == 0
    for command in ("new", "resume", "preview", "export", "check", "compare", "templates", "demo"):
        assert command in output


def test_templates() -> None:
    code, output = run("templates")
    assert code == 0
    assert "township" in output and "1.5.0" in output and "97" in output


def test_demo_previews_the_example() -> None:
    code, output = run("demo", "--no-pager")
    assert code == 0
    assert "杉岭乡2022年法治政府建设年度报告" in output
    assert "全年共排查调处矛盾纠纷125件，化解率100%。" in output.replace("\n", "")
    assert "规定的五项内容" in output
    assert "写自己的报告：report-wizard new" in output


def test_preview_of_a_half_filled_file(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    assert run("new", path, "--data", "unit_name=青石镇", "--no-input")[0] == 0
    code, output = run("preview", path, "--no-pager")
    assert code == 0
    assert "青石镇" in output and "【待填写：" in output and "处待填写" in output


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx"])
def test_export_each_format(example_path: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"报告{suffix}"
    code, output = run("export", example_path, "-o", out)
    assert code == 0, output
    assert "已导出" in output
    if suffix == ".docx":
        assert docx.Document(str(out)).paragraphs[0].text == "杉岭乡2022年法治政府建设年度报告"
    else:
        assert "杉岭乡2022年法治政府建设年度报告" in out.read_text(encoding="utf-8")


def test_export_never_overwrites_without_force(example_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "报告.txt"
    out.write_text("别人的文件", encoding="utf-8")
    code, output = run("export", example_path, "-o", out)
    assert code == 2
    assert "已经存在，没有覆盖" in output
    assert out.read_text(encoding="utf-8") == "别人的文件"
    assert run("export", example_path, "-o", out, "--force")[0] == 0
    assert out.read_text(encoding="utf-8").startswith("杉岭乡")


def test_export_bad_extension_and_missing_folder(example_path: Path, tmp_path: Path) -> None:
    code, output = run("export", example_path, "-o", tmp_path / "a.pdf")
    assert code == 2 and "请以 .txt、.md 或 .docx 结尾" in output
    code, output = run("export", example_path, "-o", tmp_path / "无" / "a.txt")
    assert code == 2 and "不存在" in output


def test_check_exit_codes_and_json(example_path: Path) -> None:
    code, output = run("check", example_path)
    assert code == 1
    assert "缺少“原因”" in output
    code, output = run("check", example_path, "--json")
    assert code == 1
    data = json.loads(output)
    assert data["complete"] is False
    assert data["questionnaire"] == {"id": "township", "version": "1.5.0"}


def test_check_of_a_complete_file_exits_0(example_path: Path) -> None:
    items = disk.load(example_path)["shortcomings"]
    fixes = tmp = example_path.with_name("fix.toml")
    tmp.write_text(
        "leaders_intro = '书记、乡长带头履职。'\nother_matters = '无'\n"
        + "".join(
            f"[[shortcomings]]\nproblem = '{i['problem']}'\ncause = '原因是人手不足。'\n"
            for i in items
        ),
        encoding="utf-8",
    )
    assert run("resume", example_path, "--data-file", fixes, "--no-input")[0] == 0
    code, output = run("check", example_path)
    assert code == 0, output
    assert "报告内容完整" in output


def test_corrupt_file_exits_2_and_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_bytes('[meta]\nquestionnaire = "township"\nunit_name = "杉岭乡\n'.encode())
    before = path.read_bytes()
    for command in (
        ("check", path),
        ("preview", path, "--no-pager"),
        ("resume", path, "--no-input"),
    ):
        code, output = run(*command)
        assert code == 2
        assert "第 3 行第 " in output
    assert path.read_bytes() == before


def test_new_with_data_writes_validated_answers(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    code, output = run(
        "new", path, "--data", "unit_name=杉岭乡", "--data", "unit_kind=乡",
        "--data", "materials=10000余", "--data", "sign_date=2023年1月10日", "--no-input",
    )  # fmt: skip
    assert code == 0, output
    document = disk.load(path)
    assert document["unit_name"] == "杉岭乡"
    assert document["materials"] == {"value": 10000, "hedge": "余"}
    assert str(document["sign_date"]) == "2023-01-10"


def test_new_without_questions_says_the_questionnaire_a_name_asks_for(tmp_path: Path) -> None:
    """No questions, so no offer to switch: the command says which one to name."""
    code, output = run(
        "new", tmp_path / "a.toml", "--data", "unit_name=青川县市场监督管理局", "--no-input"
    )
    assert code == 0, output
    assert "看起来应当用问卷 department" in output and "--template department" in output
    code, output = run(
        "new", tmp_path / "b.toml", "--template", "department",
        "--data", "unit_name=青川县市场监督管理局", "--no-input",
    )  # fmt: skip
    assert code == 0 and "看起来" not in output


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        ("disputes_found=-3", "disputes_found（排查调处矛盾纠纷）的值无效：不能是负数"),
        ("resolve_rate=120", "resolve_rate（化解率）的值无效：应在 0 到 100 之间"),
        ("unit_kind=村", "unit_kind（单位类型）的值无效：应为以下之一：乡、镇、街道"),
        ("nonsense=1", "没有 'nonsense' 这个问题"),
        ("unit_name", "--data 的格式应为 编号=值"),
    ],
)
def test_invalid_data_names_the_key_and_writes_nothing(
    tmp_path: Path, pair: str, message: str
) -> None:
    path = tmp_path / "a.toml"
    run("new", path, "--data", "unit_name=杉岭乡", "--no-input")
    before = path.read_bytes()
    code, output = run("resume", path, "--data", "leaders=区委", "--data", pair, "--no-input")
    assert code == 2
    assert message in output.replace("\n", "")
    assert path.read_bytes() == before


def test_cross_field_rule_on_data(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    code, output = run(
        "new", path, "--data", "disputes_found=10", "--data", "disputes_resolved=12", "--no-input"
    )
    assert code == 2
    assert "成功化解的纠纷件数不能多于排查调处的件数" in output.replace("\n", "")
    assert not path.exists()
    assert "保存" not in output  # nothing was saved, and nothing claims it was


def test_new_refuses_to_overwrite(example_path: Path) -> None:
    before = example_path.read_bytes()
    code, output = run("new", example_path, "--no-input")
    assert code == 2
    assert f"report-wizard resume {example_path}" in output.replace("\n", "")
    assert example_path.read_bytes() == before


def test_no_terminal_names_the_non_interactive_options(tmp_path: Path) -> None:
    code, output = run("new", tmp_path / "a.toml")
    assert code == 2
    for option in ("--data", "--data-file", "--no-input"):
        assert option in output
    assert not (tmp_path / "a.toml").exists()


def test_another_questionnaire_cannot_read_the_file(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('[meta]\nquestionnaire = "city"\n', encoding="utf-8")
    code, output = run("check", path)
    assert code == 2 and "没有这个问卷模板" in output


def test_compare(example_path: Path, tmp_path: Path) -> None:
    this_year = tmp_path / "2023.toml"
    assert (
        run("new", this_year, "--from", example_path, "--data", "disputes_found=150", "--no-input")[
            0
        ]
        == 0
    )
    code, output = run("compare", example_path, this_year)
    assert code == 0
    row = next(line for line in output.splitlines() if "排查调处矛盾纠纷" in line)
    assert "125件" in row and "150件" in row and "+25件" in row and "+20%" in row


def test_a_second_session_on_the_same_file_is_refused(example_path: Path) -> None:
    before = example_path.read_bytes()
    with disk.Lock(example_path):
        code, output = run("resume", example_path, "--data", "unit_name=别的乡", "--no-input")
    assert code == 2
    assert "正在另一个窗口中编辑" in output
    assert example_path.read_bytes() == before


def test_an_older_version_keeps_what_fits_and_reports_the_rest(example_path: Path) -> None:
    document = disk.load(example_path)
    document["meta"]["questionnaire_version"] = "0.9.0"
    document["disputes_found"] = -5
    document["retired_question"] = "去年的问题"
    disk.save(example_path, document)
    code, output = run("resume", example_path, "--no-input")
    assert code == 0
    assert "是按问卷 0.9.0 版填写的，当前为 1.5.0 版" in output
    assert "“排查调处矛盾纠纷”（disputes_found）保存的答案已不符合要求：不能是负数" in output
    assert "已原样保留：retired_question" in output
    kept = disk.load(example_path)
    assert kept["retired_question"] == "去年的问题"
    assert kept["disputes_found"] == -5  # kept until answered again


def test_new_without_a_file_names_one_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("new", "--no-input")
    assert code == 0
    created = list(tmp_path.glob("新报告-*.toml"))
    assert len(created) == 1
    assert str(created[0].resolve()) in output.replace("\n", "")


def test_a_file_named_by_the_wizard_takes_the_units_name_and_year(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    given = ["--data", "unit_name=青石/镇", "--data", "unit_kind=镇", "--data", "year=2023"]
    code, output = run("new", *given, "--no-input")
    assert code == 0, output
    named = tmp_path / "青石_镇2023年法治政府建设年度报告.toml"  # a slash cannot be in a name
    assert named.is_file()
    assert "答案文件已按单位和年度命名为" in output
    assert not list(tmp_path.glob("新报告-*"))
    assert not list(tmp_path.glob(".新报告-*"))  # nor its lock
    assert disk.load(named)["unit_name"] == "青石/镇"


def test_python_dash_m_runs_the_same_command() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "wizard", "templates"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "township" in result.stdout


def test_export_to_a_folder_that_cannot_be_written(
    example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from wizard.render import export

    def refused(_path: Path, _data: bytes) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(export, "write_atomic", refused)
    code, output = run("export", example_path, "-o", tmp_path / "a.txt")
    assert code == 2
    assert "无法写入" in output and "没有权限" in output
    assert not (tmp_path / "a.txt").exists()


def test_templates_lists_the_good_ones_and_names_the_broken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from tests.conftest import DATA
    from wizard import questionnaire

    shutil.copy(DATA / "mini.toml", tmp_path / "mini.toml")
    shutil.copy(DATA / "invalid" / "unknown_kind.toml", tmp_path / "bad.toml")
    monkeypatch.setattr(questionnaire.places, "prompts_dir", lambda: tmp_path)
    code, output = run("templates")
    assert code == 2
    assert "mini" in output and "社区服务年度小结" in output
    assert (
        "prompts/bad.toml: sections[第1个 id=facts].questions[第2个 id=size].kind: 未知的题型 'number'"
        in output.replace("\n", "")
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "x.toml"], "错误：缺少必需的选项：--output / -o"),
        (["resume"], "错误：缺少必需的参数：答案文件"),
        (["check", "--jsn", "x.toml"], "错误：没有这个选项：--jsn（是不是想输入 --json？）"),
        (["frobnicate"], "错误：没有这个命令：'frobnicate'"),
    ],
)
def test_command_line_mistakes_are_explained_in_chinese(args: list[str], message: str) -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "wizard", *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "查看用法：report-wizard" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_codes_pass_through_the_entry_point(example_path: Path) -> None:
    import subprocess
    import sys

    check = subprocess.run(
        [sys.executable, "-m", "wizard", "check", str(example_path)],
        capture_output=True,
        check=False,
    )
    assert check.returncode == 1
    version = subprocess.run(
        [sys.executable, "-m", "wizard", "--version"], capture_output=True, text=True, check=False
    )
    assert version.returncode == 0 and "report-wizard" in version.stdout


def test_a_folder_that_does_not_exist_or_a_folder_given_as_file(tmp_path: Path) -> None:
    code, output = run("new", tmp_path / "没有的文件夹" / "a.toml", "--no-input")
    assert code == 2 and "文件夹不存在" in output
    code, output = run("check", tmp_path)
    assert code == 2 and "这是一个文件夹，不是文件" in output


def test_keys_lists_every_question_with_what_data_accepts(township: Questionnaire) -> None:
    code, output = run("keys", "--json")
    assert code == 0
    listed = json.loads(output)
    assert {k["id"] for k in listed} == {q.id for q in township.all_questions()} | {"work_topics"}
    assert all({"id", "label", "kind", "unit", "section", "topic"} <= set(k) for k in listed)
    found = next(k for k in listed if k["id"] == "disputes_found")
    assert found["unit"] == "件" and found["kind"] == "count" and found["topic"]
    code, output = run("keys")
    assert code == 0 and "responsibility_letters" in output
    assert run("keys", "nothing")[0] == 2


def test_an_unknown_data_key_names_the_nearest_and_the_keys_command(tmp_path: Path) -> None:
    code, output = run("new", tmp_path / "a.toml", "--data", "unit_nam=杉岭乡", "--no-input")
    assert code == 2
    assert "是不是 unit_name" in output and "report-wizard keys township" in output.replace(
        "\n", ""
    )
    assert not (tmp_path / "a.toml").exists()


def test_a_data_file_takes_figures_as_a_prompt_does(tmp_path: Path) -> None:
    data = tmp_path / "data.toml"
    data.write_text(
        'unit_name = "青石镇"\nmaterials = "2000余册"\nconsultations = "约600"\n', encoding="utf-8"
    )
    code, output = run("new", tmp_path / "a.toml", "--data-file", data, "--no-input")
    assert code == 0, output
    document = disk.load(tmp_path / "a.toml")
    assert document["materials"] == {"value": 2000, "hedge": "余", "unit": "册"}
    assert document["consultations"] == {"value": 600, "hedge": "约"}


def test_a_figure_answered_alone_reaches_the_exported_text(tmp_path: Path) -> None:
    """As first reported: one figure given on its own vanished with its sentence."""
    given = ["unit_name=青石镇", "unit_kind=镇", "year=2023", "responsibility_letters=31"]
    data = [arg for pair in given for arg in ("--data", pair)]
    assert run("new", tmp_path / "a.toml", *data, "--no-input")[0] == 0
    assert run("export", tmp_path / "a.toml", "-o", tmp_path / "a.txt")[0] == 0
    assert "签订法治建设责任书31份。" in (tmp_path / "a.txt").read_text(encoding="utf-8")


def test_the_templates_folder_variable_naming_a_file_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wizard.questionnaire.places import USER_DIR_VARIABLE

    not_a_folder = tmp_path / "问卷.toml"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv(USER_DIR_VARIABLE, str(not_a_folder))
    result = CliRunner().invoke(app, ["templates"])
    assert result.exit_code == 0
    assert "是一个文件，不是文件夹" in result.output


def test_a_data_file_brings_the_units_outline_and_own_figures(tmp_path: Path) -> None:
    source = disk.load(prompts_dir() / "examples" / "subdistrict-own-figures-2023.toml")
    assert "outline" in source and "own_figures" in source
    given = tmp_path / "给定.toml"
    disk.save(given, source)
    target = tmp_path / "新.toml"
    result = CliRunner().invoke(
        app,
        ["new", str(target), "--data-file", str(given), "--no-input"],
    )
    assert result.exit_code == 0, result.output
    made = disk.load(target)
    for table in ("outline", "own_figures", "text_figures"):
        assert made.get(table) == source.get(table)
    broken = dict(source, own_figures=[{"label": 5}])
    disk.save(given, broken)
    result = CliRunner().invoke(
        app,
        [
            "new",
            str(tmp_path / "坏.toml"),
            "--data-file",
            str(given),
            "--no-input",
        ],
    )
    assert result.exit_code == 2 and "[own_figures] 有误" in result.output
