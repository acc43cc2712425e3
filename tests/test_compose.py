"""``extends``: a variant written as changes to its base, merged by id before reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from wizard.questionnaire import QuestionnaireError, load, prompts_dir
from wizard.questionnaire.compose import MAX_DEPTH, merge
from wizard.questionnaire.lint import lint

HEAD = '[meta]\nid = "{id}"\ntitle = "变体"\nversion = "0.1"\nextends = "{base}"\n'


def variant(folder: Path, body: str, base: str = "township", name: str = "v.toml") -> Path:
    path = folder / name
    path.write_text(HEAD.format(id=path.stem, base=base) + body, encoding="utf-8")
    return path


def test_tables_merge_key_by_key_and_lists_of_ids_merge_by_id() -> None:
    base = {
        "report": {"title": "A", "year": "year"},
        "sections": [{"id": "a", "title": "甲", "choices": ["1", "2"]}, {"id": "b"}],
    }
    change = {
        "report": {"title": "B"},
        "sections": [{"id": "a", "choices": ["3"]}, {"id": "c", "before": "b"}],
    }
    assert merge(base, change, "v", "") == {
        "report": {"title": "B", "year": "year"},
        "sections": [{"id": "a", "title": "甲", "choices": ["3"]}, {"id": "c"}, {"id": "b"}],
    }


def test_replace_remove_and_move() -> None:
    base = {"s": [{"id": "a", "x": 1, "y": 2}, {"id": "b"}, {"id": "c"}]}
    change = {
        "s": [
            {"id": "a", "replace": True, "x": 5},
            {"id": "b", "remove": True},
            {"id": "c", "before": "a"},
        ]
    }
    assert merge(base, change, "v", "") == {"s": [{"id": "c"}, {"id": "a", "x": 5}]}


@pytest.mark.parametrize(
    ("entry", "where", "message"),
    [
        ({"id": "z", "remove": True}, "s[第1个 id=z]", "没有 id 为 'z' 的项"),
        ({"id": "a", "after": "nope"}, "s[第1个 id=a].after", "没有 id 为 'nope' 的项"),
        ({"id": "a", "remove": "yes"}, "s[第1个 id=a].remove", "应为 true 或 false"),
        ({"id": "a", "before": "a", "after": "a"}, "s[第1个 id=a]", "只能写一个"),
    ],
)
def test_a_change_that_cannot_apply_says_where(
    entry: dict[str, object], where: str, message: str
) -> None:
    with pytest.raises(QuestionnaireError) as caught:
        merge({"s": [{"id": "a"}]}, {"s": [entry]}, "v.toml", "")
    assert caught.value.where == where and message in caught.value.message


def test_a_variant_of_the_shipped_township(tmp_path: Path) -> None:
    path = variant(
        tmp_path,
        """
[[sections]]
id = "duty"
before = "work"
heading = "主要负责人履职情况"

[[sections]]
id = "work"
[[sections.topics]]
id = "study"
remove = true
[[sections.topics]]
id = "garden"
after = "leadership"
heading = "建设法治公园"
help = "写法治公园的建设。"
example = "建成法治公园1个。"
[sections.topics.points]
id = "garden_points"
kind = "list"
label = "做法"
[[sections.topics.points.fields]]
id = "title"
label = "做法"
""",
    )
    q = load(path)
    assert q.id == "v" and q.version == "0.1"
    assert [s.id for s in q.sections][:3] == ["basics", "duty", "work"]
    duty = next(s for s in q.sections if s.id == "duty")
    assert duty.heading == "主要负责人履职情况" and duty.title == "第一责任人履职情况"
    work = next(s for s in q.sections if s.id == "work")
    assert [t.id for t in work.topics][:3] == ["leadership", "garden", "decision"]
    assert q.question("center_study") is None and q.question("garden_points") is not None


def test_mistakes_after_merging_are_found_in_the_result(tmp_path: Path) -> None:
    path = variant(tmp_path, '[[sections]]\nid = "other"\nremove = true\n')
    mistakes = lint(path.read_text(encoding="utf-8"), str(path), tmp_path)
    assert [m.where for m in mistakes] == ["report.contents[第5个].sections[第1个]"]


def test_a_base_by_path_relative_to_the_variant(tmp_path: Path) -> None:
    (tmp_path / "bases").mkdir()
    base = (prompts_dir() / "township.toml").read_text(encoding="utf-8")
    base = base.replace(
        'extends = "base/common.toml"', f'extends = "{prompts_dir() / "base" / "common.toml"}"'
    )
    (tmp_path / "bases" / "mine.toml").write_text(base, encoding="utf-8")
    path = variant(tmp_path, "", base="bases/mine.toml")
    assert load(path).question("center_study") is not None


def test_loops_chains_and_missing_bases_are_reported(tmp_path: Path) -> None:
    variant(tmp_path, "", base="b.toml", name="a.toml")
    variant(tmp_path, "", base="a.toml", name="b.toml")
    with pytest.raises(QuestionnaireError, match="循环"):
        load(tmp_path / "a.toml")

    for n in range(MAX_DEPTH + 2):
        variant(tmp_path, "", base=f"c{n + 1}.toml", name=f"c{n}.toml")
    with pytest.raises(QuestionnaireError, match="继承层数超过"):
        load(tmp_path / "c0.toml")

    with pytest.raises(QuestionnaireError, match="没有 id 为 'nobody' 的问卷"):
        load(variant(tmp_path, "", base="nobody"))
    with pytest.raises(QuestionnaireError, match="找不到被继承的问卷文件"):
        load(variant(tmp_path, "", base="gone/x.toml"))


def test_a_variant_names_itself(tmp_path: Path) -> None:
    path = tmp_path / "v.toml"
    path.write_text('[meta]\nextends = "township"\n', encoding="utf-8")
    with pytest.raises(QuestionnaireError, match="也要写自己的 id"):
        load(path)


def test_a_custom_topic_takes_the_shape_of_its_own_section(tmp_path: Path) -> None:
    """Two topics sections with different fields: a topic the user adds to the second is
    asked and checked with the second's fields, not the first's."""
    from tests.conftest import DATA
    from wizard.questionnaire.values import TopicChoice
    from wizard.state import lists
    from wizard.state.interview import Interview

    (tmp_path / "mini.toml").write_text((DATA / "mini.toml").read_text(encoding="utf-8"))
    path = variant(
        tmp_path,
        """
[[sections]]
id = "plans"
title = "明年计划"
heading = "明年计划"
[[sections.topics]]
id = "next_care"
heading = "继续关爱老人"
help = "计划"
example = "扩大上门服务"
[sections.topics.points]
id = "next_care_points"
kind = "list"
label = "打算"
level = "required"
render = "inline"
[[sections.topics.points.fields]]
id = "goal"
label = "目标"
""",
        base="mini.toml",
    )
    q = load(path)
    interview = Interview(q)
    plans = next(s for s in q.sections if s.id == "plans")
    custom = lists.custom_topic_id(interview)
    interview.set(plans.topics_id, (TopicChoice("next_care"), TopicChoice(custom, "助残")))
    points = interview.require(f"{custom}_points")
    assert [f.id for f in points.fields] == ["goal"]
    lists.add(interview, f"{custom}_points", {"goal": "新增助残服务"})
    work = next(s for s in q.sections if s.id == "work")
    interview.set(
        work.topics_id, (TopicChoice("care"), TopicChoice(lists.custom_topic_id(interview), "托管"))
    )
    assert [c.id for c in interview.chosen_topics(work)] == ["care", "custom_2"]
