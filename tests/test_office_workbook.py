"""The county office's side: names matched as people write them, each unit once, a file of
another year set aside, the same rows from one process or many, and a workbook that prints
(rendered by LibreOffice Calc: landscape A4, the unit's name on every page)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.pages import FONTS, missing_tools, pages
from wizard.answersfile import disk
from wizard.base.unit_names import missing_units, unit_key
from wizard.questionnaire import prompts_dir
from wizard.render.workbook import render_xlsx
from wizard.report import summary
from wizard.report.summary import summarize

EXAMPLE = prompts_dir() / "examples" / "township-2022.toml"


@pytest.mark.parametrize(
    "written",
    [
        "青石镇",
        "青石镇人民政府",
        "中共青石镇委员会　青石镇人民政府",
        "中共青石镇委员会 青石镇人民政府",
        "中共青石镇委员会青石镇人民政府",
        "青 石 镇",
        "青石镇\u3000",
        "ＸＸ青石镇"[2:],
    ],
)
def test_one_unit_however_its_name_is_written(written: str) -> None:
    assert unit_key(written) == "青石镇"


def test_a_subdistrict_with_or_without_its_office() -> None:
    assert unit_key("白沙街道办事处") == unit_key("白沙街道") == "白沙街道"
    assert unit_key("人民政府") == "人民政府"  # a name that is only the suffix stays itself
    assert unit_key("中共云溪县委员会") == "云溪县"


def test_a_near_miss_is_offered_never_matched() -> None:
    expected = ["青石镇", "桃园街道", "红旗乡", "白沙街道"]
    sent = ["青石镇人民政府", "桃源街道办事处", "白沙街道办事处"]
    missing = missing_units(expected, sent)
    assert [m.unit for m in missing] == ["桃园街道", "红旗乡"]
    assert missing[0].maybe == ("桃源街道办事处",) and missing[1].maybe == ()
    assert str(missing[0]) == "桃园街道（可能是：桃源街道办事处）"


@given(st.lists(st.sampled_from(["青石镇", "白沙街道", "杉岭乡", "柳溪乡"]), unique=True))
def test_every_expected_unit_that_sent_is_not_missing(sent: list[str]) -> None:
    """Whatever form each sender uses, a unit that sent is never 未报送 and one that did not
    always is, once."""
    forms = {
        "青石镇": "中共青石镇委员会　青石镇人民政府",
        "白沙街道": "白沙街道办事处",
        "杉岭乡": "杉岭乡人民政府",
        "柳溪乡": "柳 溪 乡",
    }
    expected = ["青石镇", "白沙街道", "杉岭乡", "柳溪乡", "青石镇"]
    missing = missing_units(expected, [forms[u] for u in sent])
    assert [m.unit for m in missing] == [u for u in forms if u not in sent]


def _save(path: Path, name: str, year: int = 2022, disputes: int = 10) -> Path:
    document = disk.load(EXAMPLE)
    document |= {"unit_name": name, "year": year, "disputes_found": disputes}
    path.parent.mkdir(parents=True, exist_ok=True)
    disk.save(path, document)
    return path


def test_each_unit_once_the_newest_file_counted(tmp_path: Path) -> None:
    old = _save(tmp_path / "青石镇.toml", "青石镇人民政府", disputes=10)
    new = _save(tmp_path / "青石镇（改）.toml", "中共青石镇委员会　青石镇人民政府", disputes=12)
    recovery = _save(tmp_path / "青石镇.恢复-20230301-101010.toml", "青石镇", disputes=99)
    for age, path in ((300, old), (100, new), (200, recovery)):
        os.utime(path, (path.stat().st_mtime - age, path.stat().st_mtime - age))
    _save(tmp_path / "白沙.toml", "白沙街道办事处", disputes=5)
    _save(tmp_path / "黄泥乡2021.toml", "黄泥乡人民政府", year=2021, disputes=1000)
    result = summarize([tmp_path])
    [table] = result.tables
    assert sorted(r.path.name for r in table.rows) == ["白沙.toml", "青石镇（改）.toml"]
    column = next(c for c in table.columns if c.id == "disputes_found")
    total = table.total(column)
    assert total is not None and total.value == 12 + 5  # never 10 + 12 + 99, never 1000
    aside = {a.path.name: a.reason for a in result.set_aside}
    assert set(aside) == {"青石镇.toml", "青石镇.恢复-20230301-101010.toml", "黄泥乡2021.toml"}
    assert "较新的 青石镇（改）.toml" in aside["青石镇.toml"]
    assert "2021年" in aside["黄泥乡2021.toml"]
    summary.expect(result, ["青石镇", "白沙街道", "黄泥乡", "坏的"])
    assert result.missing[0].unit == "坏的"  # sent nothing readable by that name
    assert summarize([tmp_path], year=2021).tables[0].rows[0].unit == "黄泥乡人民政府"


def test_an_unreadable_file_is_not_also_unsent(tmp_path: Path) -> None:
    (tmp_path / "青石镇.toml").write_text("unit_name = 没有引号\n", encoding="utf-8")
    result = summarize([tmp_path])
    summary.expect(result, ["青石镇"])
    assert [p.path.name for p in result.problems] == ["青石镇.toml"] and result.missing == []


def test_many_files_read_in_parallel_give_the_same_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(12):
        _save(tmp_path / f"{n}.toml", f"第{n}乡", disputes=n)
    (tmp_path / "坏的.toml").write_text("x = \n", encoding="utf-8")
    alone = summarize([tmp_path])
    monkeypatch.setattr(summary, "PARALLEL_FROM", 2)
    shared = summarize([tmp_path])
    assert [r for t in shared.tables for r in t.rows] == [r for t in alone.tables for r in t.rows]
    assert shared.problems == alone.problems and len(shared.problems) == 1


needs_calc = pytest.mark.skipif(
    bool(missing_tools()) and not os.environ.get("CI"), reason="LibreOffice not installed"
)


@needs_calc
@pytest.mark.timeout(300)
@pytest.mark.other_process
def test_the_workbook_prints_with_every_units_name(tmp_path: Path) -> None:
    folder = tmp_path / "收到"
    names = [f"第{n}镇人民政府" for n in range(60)] + ["中共石桥镇委员会　石桥镇人民政府"]
    for n, name in enumerate(names):
        _save(folder / f"{n}.toml", name, disputes=n)
    result = summarize([folder])
    summary.expect(result, ["石桥镇", "红旗乡"])
    book = tmp_path / "汇总.xlsx"
    book.write_bytes(render_xlsx(result, "云溪县"))
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS), HOME=str(tmp_path))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        env=env, capture_output=True, check=True, timeout=240,
    )  # fmt: skip
    pdf = book.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "841.89 x 595.3" in info  # A4 landscape
    printed = pages(pdf)
    texts = ["".join(line.text for line in page) for page in printed]
    overview = [t for t in texts if "报送情况" in t and "各项数字" not in t and "未报送" not in t]
    assert overview and "云溪县2022年法治政府建设年度报告报送情况" in overview[0]
    lists = ("：未报送", "：未能读取", "：未计入")
    tables = [t for t in texts if not any(name in t for name in lists)]
    assert len(tables) >= 3  # 61 units: the overview and the figures run over pages
    for text in tables:  # each page says whose rows it holds: the header and the names
        assert "单位" in text and "镇人民政府" in text, text[:200]
    assert all("单位" in t for t in texts)  # the header on every page
    assert any("红旗乡" in t for t in texts)
    # 总览 fits a page's width: every column's header on its first page.
    for heading in ("检查结果", "公开期限", "剩余天数", "文件"):
        assert heading in overview[0]
