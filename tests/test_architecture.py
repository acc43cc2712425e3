"""The layers of the code, and that imports only go down through them, with no circle.

Every import counts: at the top of a module, inside a function (a lazy import is still a
dependency) and under ``TYPE_CHECKING`` (a type names what the code is about). A module
may import from its own layer or a lower one; within a layer, no two modules may need
each other, however far round.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "wizard"

#: Lowest first, one folder per layer (the figures and the kinds sit with the questionnaire:
#: a question is made of them). A name covers the module and, with ``.*``, everything under it.
LAYERS: list[tuple[str, list[str]]] = [
    ("base: errors, files, text cleaning, expressions, names of units", [
        "wizard", "wizard.base", "wizard.base.*",
    ]),
    ("questionnaire: what a question is and what a valid value of it is", [
        "wizard.questionnaire", "wizard.questionnaire.*", "wizard.figures", "wizard.figures.*",
        "wizard.kinds", "wizard.kinds.*",
    ]),
    ("answers file: its bytes on disk and the typed document of its tables", [
        "wizard.answersfile", "wizard.answersfile.*",
    ]),
    ("state: the interview's state, and what the answers say", [
        "wizard.state", "wizard.state.*",
    ]),
    ("report: the draft, its check, many reports summed for the office, a finished report read"
     " back, figures gathered from colleagues", [
        "wizard.report", "wizard.report.*", "wizard.importer", "wizard.importer.*",
        "wizard.gathering", "wizard.gathering.*",
    ]),
    ("session: an answers file open for writing, and answers given on the command line", [
        "wizard.session", "wizard.session.*",
    ]),
    ("adapters: rich, questionary, python-docx, openpyxl", [
        "wizard.render", "wizard.render.*", "wizard.prompter", "wizard.prompter.*",
    ]),
    ("flow: the interactive screens", ["wizard.flow", "wizard.flow.*"]),
    ("commands: typer", ["wizard.cli", "wizard.cli.*", "wizard.__main__"]),
]  # fmt: skip


def modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = modules()


def layer_of(name: str) -> int:
    """The layer's index; the most specific rule wins."""
    best: tuple[int, int] | None = None
    for index, (_, names) in enumerate(LAYERS):
        for pattern in names:
            if pattern.endswith(".*"):
                matches = name.startswith(pattern[:-1])
                weight = len(pattern) - 2
            else:
                matches, weight = name == pattern, len(pattern) + 1
            if matches and (best is None or weight > best[1]):
                best = (index, weight)
    assert best is not None, f"{name} is in no layer: add it to LAYERS"
    return best[0]


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports(name: str) -> Iterator[tuple[str, int]]:
    """The project modules ``name`` imports, with the line."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                kept = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*kept, base] if base else kept)
            # `from wizard.answersfile import disk` imports the module wizard.answersfile.disk.
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            ]
        else:
            continue
        for target in targets:
            if target == "wizard" or target.startswith("wizard."):
                resolved = _resolve(target)
                if resolved and resolved != name:
                    yield resolved, node.lineno


GRAPH = {name: sorted({t for t, _ in imports(name)}) for name in MODULES}


def test_every_module_is_in_a_layer() -> None:
    for name in MODULES:
        layer_of(name)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_only_go_down(name: str) -> None:
    mine = layer_of(name)
    upward = [
        f"line {line}: {target} ({LAYERS[layer_of(target)][0].split(':')[0]})"
        for target, line in imports(name)
        if layer_of(target) > mine
    ]
    assert not upward, f"{name} ({LAYERS[mine][0].split(':')[0]}) imports upward: {upward}"


def test_no_circle() -> None:
    """Kahn's algorithm: what remains once every module without unresolved imports is
    taken away, round after round, is a circle."""
    waiting = {name: set(deps) for name, deps in GRAPH.items()}
    while True:
        free = [name for name, deps in waiting.items() if not deps]
        if not free:
            break
        for name in free:
            del waiting[name]
        for deps in waiting.values():
            deps.difference_update(free)
    assert not waiting, f"modules that need each other: {sorted(waiting)}"


def test_a_circle_would_be_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above is not blind: two modules importing each other are caught."""
    monkeypatch.setitem(GRAPH, "wizard.base.errors", ["wizard.session"])
    with pytest.raises(AssertionError, match=r"wizard\.base\.errors"):
        test_no_circle()
    monkeypatch.setattr("tests.test_architecture.imports", lambda _: iter([("wizard.cli.app", 1)]))
    with pytest.raises(AssertionError, match="imports upward"):
        test_imports_only_go_down("wizard.base.errors")


def test_the_readme_names_every_folder() -> None:
    """The README's layout lists each folder of the package, so none is left to guess."""
    readme = (ROOT.parent / "README.md").read_text(encoding="utf-8")
    folders = sorted(p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file())
    missing = [f for f in folders if f"`wizard/{f}/`" not in readme]
    assert not missing, f"README's layout does not list: {missing}"


def _table_keys(tree: ast.AST) -> Iterator[tuple[str, int]]:
    """String keys looked up in a mapping: ``x["state"]``, ``x.get("outline")``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            yield str(node.slice.value), node.lineno
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "pop", "setdefault")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield str(node.args[0].value), node.lineno


def test_only_the_answers_file_package_reads_its_tables() -> None:
    """The answers file's own tables ([state], [outline] …) are read and written through
    ``AnswersDocument`` alone; a questionnaire's [meta] is its own file's."""
    from wizard.questionnaire import RESERVED_IDS

    owners = ("wizard.answersfile", "wizard.questionnaire")
    found = [
        f"{name} line {line}: [{key}]"
        for name, path in MODULES.items()
        if not name.startswith(owners)
        for key, line in _table_keys(ast.parse(path.read_text(encoding="utf-8")))
        if key in RESERVED_IDS
    ]
    assert not found, found


def test_the_owner_rule_would_see_a_raw_lookup() -> None:
    assert list(_table_keys(ast.parse('d["outline"]; d.get("state", {})'))) == [
        ("outline", 1),
        ("state", 1),
    ]
