"""The interactive tests' own rule: a step waits for its prompt, not for words an entry of the
list before it also shows. Keys typed on such a sight go to that list while it still
redraws (改报告标题 shows 报告标题 before the title's prompt is up): a test that passes or
fails by the machine's speed. Such a prompt is written with its "? " in front."""

from __future__ import annotations

import ast
import enum
import importlib
import pkgutil
from pathlib import Path

import wizard.flow

TESTS = Path(__file__).parent


def entries() -> set[str]:
    """Every entry the wizard's menus and lists show, as its enums spell them."""
    found: set[str] = set()
    for info in pkgutil.iter_modules(wizard.flow.__path__):
        module = importlib.import_module(f"wizard.flow.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum):
                found |= {e.value for e in value if isinstance(e.value, str)}
    return found


def prompts() -> list[tuple[str, int, str]]:
    """The prompt of every Step(...) written in the tests, with where it is."""
    found = []
    for path in sorted(TESTS.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Step"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((path.name, node.lineno, node.args[0].value))
    return found


def test_no_step_waits_for_words_a_list_entry_also_shows() -> None:
    shown = entries()
    assert len(shown) > 30, "the menus' entries are found"  # a rule over nothing tests nothing
    steps = prompts()
    assert len(steps) > 200, "the steps are found"
    ambiguous = [
        f"{name}:{line} Step({prompt!r}) is also in the entry {entry!r}"
        for name, line, prompt in steps
        if prompt and not prompt.startswith("?")
        for entry in shown
        if prompt in entry and prompt != entry
    ]
    assert not ambiguous, ambiguous
