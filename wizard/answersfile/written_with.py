"""The questionnaire an answers file was written with: recorded in its ``[meta]`` (a file of
the unit's own, with its content hash, or the id of a shipped one) and found again by every
command that opens the file, the office's summary included."""

from __future__ import annotations

from pathlib import Path

from wizard.answersfile.document import AnswersDocument
from wizard.base.errors import UserError
from wizard.questionnaire import Questionnaire, QuestionnaireError, load_by_id
from wizard.questionnaire.locate import content_hash, load_file
from wizard.questionnaire.places import user_dir


class QuestionnaireNotFound(UserError):
    """The questionnaire file an answers file recorded is gone; the message says where to put it."""


def recorded_file(document: AnswersDocument, near: Path | None = None) -> Path | None:
    """The questionnaire file an answers file recorded; a relative one is beside it (a
    county sends its questionnaire and an example answers file in one folder)."""
    recorded = document.questionnaire_file
    if recorded is None:
        return None
    path = Path(recorded)
    if not path.is_absolute() and near is not None:
        path = near.parent / path
    return path


def questionnaire_of(document: AnswersDocument, near: Path | None = None) -> Questionnaire:
    """The questionnaire a loaded answers file (at ``near``) names: the file it recorded
    when it has one, else the questionnaire of that id, shipped or the user's own (a file
    that moved into the user's folder is found there)."""
    recorded = document.questionnaire_file
    path = recorded_file(document, near)
    if path is not None and path.is_file():
        return load_file(path)
    try:
        return load_by_id(document.questionnaire_id or "")
    except QuestionnaireError:
        if recorded is None:
            raise
    raise QuestionnaireNotFound(
        f"找不到填写这份答案所用的问卷文件：{recorded}。"
        f"请把它放回原处，或放进问卷文件夹 {user_dir()}（按问卷编号 “{document.questionnaire_id}” 查找）。"
    )


def record_questionnaire(document: AnswersDocument, questionnaire: Questionnaire) -> None:
    """Note in ``[meta]`` where a questionnaire of one's own is, and what it was."""
    file = questionnaire.file
    document.set_questionnaire_file(file, content_hash(Path(file)) if file else None)
