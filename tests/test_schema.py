"""The JSON Schema of the questionnaire format: kept equal to the model, and every shipped
questionnaire (its base included) valid against it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import DATA
from wizard.questionnaire import prompts_dir
from wizard.questionnaire.schema import dumps

SCHEMA_FILE = Path(__file__).parents[1] / "docs" / "questionnaire.schema.json"
FILES = sorted(prompts_dir().glob("*.toml")) + sorted((prompts_dir() / "base").glob("*.toml"))


def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_schema_file_is_the_one_the_model_gives() -> None:
    """After a format change: python -m wizard.questionnaire.schema > docs/questionnaire.schema.json"""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == dumps()


@pytest.mark.parametrize("path", [*FILES, DATA / "mini.toml"], ids=lambda p: p.name)
def test_every_questionnaire_is_valid(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator().iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize(
    ("name", "where"),
    [
        ("unknown_key.toml", ["sections", 0, "questions", 0]),
        ("key_on_wrong_kind.toml", ["sections", 0, "questions", 0]),
        ("unknown_kind.toml", ["sections", 0, "questions", 1, "kind"]),
        ("numbering.toml", ["sections", 0, "questions", 1, "numbering"]),
    ],
)
def test_the_schema_catches_what_an_editor_can(name: str, where: list[object]) -> None:
    data = tomllib.loads((DATA / "invalid" / name).read_text(encoding="utf-8"))
    assert [list(e.absolute_path) for e in validator().iter_errors(data)] == [where]


GUIDE = Path(__file__).parents[1] / "docs" / "问卷编写指南.md"


def test_the_guides_variant_is_a_valid_questionnaire(tmp_path: Path) -> None:
    from wizard.questionnaire import load

    text = GUIDE.read_text(encoding="utf-8")
    block = text.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "variant.toml"
    path.write_text(block, encoding="utf-8")
    q = load(path)
    work = next(s for s in q.sections if s.id == "work")
    assert work.heading == "推进法治政府建设的主要举措"
    assert [t.id for t in work.topics][1:3] == ["law_publicity", "safety"]
    assert work.topic("dept_services") is None


def test_the_guide_lists_every_kind() -> None:
    from wizard.kinds import FORMAT_KINDS

    text = GUIDE.read_text(encoding="utf-8")
    for name, spec in FORMAT_KINDS.items():
        assert f"| `{name}` | {spec.label} |" in text, name
        for key in spec.keys:
            row = next(line for line in text.splitlines() if line.startswith(f"| `{name}` |"))
            assert f"`{key}`" in row, (name, key)
