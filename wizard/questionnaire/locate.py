"""Finding questionnaires: the shipped ``prompts/`` folder."""

from __future__ import annotations

from pathlib import Path

from wizard.questionnaire.loader import load
from wizard.questionnaire.model import ID_PATTERN, Questionnaire, QuestionnaireError


def prompts_dir() -> Path:
    """The shipped prompts/ folder: packaged in the wheel, or the source tree's."""
    import importlib.resources  # only here: it is slow to import and --help needs none

    packaged = Path(str(importlib.resources.files("wizard"))) / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "prompts"


def available() -> list[Path]:
    """Every shipped questionnaire file, in name order."""
    return sorted(prompts_dir().glob("*.toml"))


def load_by_id(questionnaire_id: str) -> Questionnaire:
    if not questionnaire_id.strip():
        raise QuestionnaireError(
            "", "", "没有写明使用哪个问卷模板（[meta] 中的 questionnaire 为空）"
        )
    path = prompts_dir() / f"{questionnaire_id}.toml"
    if not ID_PATTERN.match(questionnaire_id) or not path.is_file():
        known = "、".join(p.stem for p in available()) or "（无）"
        raise QuestionnaireError(questionnaire_id, "", f"没有这个问卷模板；可用的模板：{known}")
    return load(path, f"prompts/{path.name}")
