"""Finding questionnaires: the shipped ``prompts/`` folder, the user's own folder, a path.

The user's folder is ``$REPORT_WIZARD_TEMPLATES`` when set, else ``%APPDATA%\\report-wizard\\
templates`` on Windows and ``~/.config/report-wizard/templates`` elsewhere: a county office
puts its variant there and ``new --template ID`` finds it on every clerk's machine.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from wizard.questionnaire.loader import load
from wizard.questionnaire.model import ID_PATTERN, Questionnaire, QuestionnaireError
from wizard.questionnaire.places import available, is_shipped


def content_hash(path: Path) -> str:
    """What a questionnaire file is now: a short hash of its bytes and of the bases it
    extends, so that a change to a base is noticed like a change to the file."""
    from wizard.questionnaire.compose import bases

    digest = hashlib.sha256()
    for each in (path, *bases(path)):
        digest.update(each.read_bytes())
    return digest.hexdigest()[:16]


def load_file(path: Path) -> Questionnaire:
    """A questionnaire from a file of one's own: answers files will record where it is."""
    if not path.is_file():
        raise QuestionnaireError(str(path), "", "找不到这个问卷文件")
    questionnaire = load(path)
    return replace(questionnaire, file=str(path.resolve()), _index=questionnaire._index)


def load_by_id(questionnaire_id: str) -> Questionnaire:
    if not questionnaire_id.strip():
        raise QuestionnaireError(
            "", "", "没有写明使用哪个问卷模板（[meta] 中的 questionnaire 为空）"
        )
    if ID_PATTERN.match(questionnaire_id):
        for path in available():
            if path.stem == questionnaire_id:
                if is_shipped(path):
                    return load(path, f"prompts/{path.name}")
                return load_file(path)
    known = "、".join(p.stem for p in available()) or "（无）"
    raise QuestionnaireError(questionnaire_id, "", f"没有这个问卷模板；可用的模板：{known}")


def load_template(name: str) -> Questionnaire:
    """``--template``: an id, or the path of a questionnaire file."""
    if name.endswith(".toml") or "/" in name or "\\" in name:
        return load_file(Path(name))
    return load_by_id(name)
