"""Start-up stays light: `--help`, `check` and text export load neither questionary, python-docx,
openpyxl nor filelock."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from wizard.cli.app import main
sys.argv = ["report-wizard", *sys.argv[1:]]
code = 0
try:
    main()
except SystemExit as exit:
    code = exit.code
heavy = ("questionary", "prompt_toolkit", "docx", "lxml", "pydantic", "filelock", "openpyxl")
loaded = sorted(m for m in heavy if m in sys.modules)
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


pytestmark = pytest.mark.other_process


def probe(argv: list[str]) -> tuple[int, list[str]]:
    """Run the command in a fresh interpreter: its exit code and the heavy modules it loaded."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=False
    )
    data = json.loads(result.stderr.strip().splitlines()[-1])
    return data["code"], data["loaded"]


@pytest.mark.parametrize(
    ("args", "expected_code"),
    [
        (["--help"], 0),
        (["check", "{example}"], 1),  # the example lacks 第一责任人: incomplete
        (["export", "{example}", "-o", "{out}"], 0),
        (["templates"], 0),
    ],
    ids=["help", "check", "export-txt", "templates"],
)
def test_light_commands_do_not_load_heavy_modules(
    example_path: Path, tmp_path: Path, args: list[str], expected_code: int
) -> None:
    argv = [a.format(example=example_path, out=tmp_path / "x.txt") for a in args]
    code, loaded = probe(argv)
    assert code == expected_code  # it did its work, not merely failed early
    assert loaded == []


def test_word_export_does_load_python_docx(example_path: Path, tmp_path: Path) -> None:
    code, loaded = probe(["export", str(example_path), "-o", str(tmp_path / "x.docx")])
    assert code == 0
    assert "docx" in loaded
