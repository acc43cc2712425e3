"""Where questionnaires are: the shipped folder and the user's own. Nothing is read here,
so that both the loader (a questionnaire extending another by its id) and ``locate`` can
ask."""

from __future__ import annotations

import os
import sys
from pathlib import Path

USER_DIR_VARIABLE = "REPORT_WIZARD_TEMPLATES"


def prompts_dir() -> Path:
    """The shipped prompts/ folder: packaged in the wheel, or the source tree's."""
    import importlib.resources  # only here: it is slow to import and --help needs none

    packaged = Path(str(importlib.resources.files("wizard"))) / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "prompts"


def user_dir() -> Path:
    """Where a user's own questionnaires live (it need not exist)."""
    chosen = os.environ.get(USER_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "report-wizard" / "templates"
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "report-wizard" / "templates"


def available() -> list[Path]:
    """Every questionnaire file: the shipped ones, then the user's own, each in name order."""
    own = sorted(user_dir().glob("*.toml")) if user_dir().is_dir() else []
    return sorted(prompts_dir().glob("*.toml")) + own


def is_shipped(path: Path) -> bool:
    return path.parent.resolve() == prompts_dir().resolve()
