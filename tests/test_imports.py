"""Start-up stays light: `--help`, `check` and text export load neither questionary nor python-docx."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from wizard.cli import main
sys.argv = ["report-wizard", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = ("questionary", "prompt_toolkit", "docx", "lxml", "pydantic")
print(json.dumps(sorted(m for m in heavy if m in sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["check", "{example}"], ["export", "{example}", "-o", "{out}"], ["templates"]],
    ids=["help", "check", "export-txt", "templates"],
)
def test_light_commands_do_not_load_heavy_modules(
    example_path: Path, tmp_path: Path, args: list[str]
) -> None:
    argv = [a.format(example=example_path, out=tmp_path / "x.txt") for a in args]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=False
    )
    loaded = json.loads(result.stderr.strip().splitlines()[-1])
    assert loaded == []


def test_word_export_does_load_python_docx(example_path: Path, tmp_path: Path) -> None:
    argv = ["export", str(example_path), "-o", str(tmp_path / "x.docx")]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=False
    )
    assert "docx" in json.loads(result.stderr.strip().splitlines()[-1])
