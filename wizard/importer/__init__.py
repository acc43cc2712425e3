"""``import``: last year's finished report (Word, text or Markdown) → an answers file."""

from __future__ import annotations

from pathlib import Path

from wizard.answersfile.document import AnswersDocument
from wizard.importer.build import Builder
from wizard.importer.found import Imported
from wizard.importer.source import SUFFIXES, ImportError_, read_lines
from wizard.importer.tree import read
from wizard.questionnaire import Questionnaire

__all__ = ["SUFFIXES", "ImportError_", "Imported", "import_report", "suggested_questionnaire"]


def suggested_questionnaire(path: Path) -> str | None:
    """The shipped questionnaire a finished report's unit writes with, by its name (a 局
    writes with ``department``); None when its name does not say."""
    from wizard.base.unit_names import questionnaire_for
    from wizard.importer.title import read_title

    lines, _ = read_lines(path)
    tree = read(lines)
    return questionnaire_for(read_title(tree.title, tree.signature, tree.subtitle).unit)


def import_report(path: Path, questionnaire: Questionnaire) -> tuple[AnswersDocument, Imported]:
    """The answers document a finished report gives, and what was found in it."""
    lines, notes = read_lines(path)
    tree = read(lines)
    if not tree.parts:
        raise ImportError_(
            f"{path} 中没有找到“一、二、三、”这样编号的部分，看起来不是一份年度报告，没有导入"
        )
    document, found = Builder(questionnaire, path.name).build(tree)
    found.unsure.extend(notes)
    return document, found
