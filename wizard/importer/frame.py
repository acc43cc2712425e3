"""What stands around an imported report's parts: the title (unit, kind, year), 主送, 附注,
抄送 and the 落款's date go to their answers; the 落款's signing lines are returned for the
outline. What the questionnaire has no place for is kept and listed."""

from __future__ import annotations

import datetime as dt
import re

from wizard.answersfile.document import AnswersDocument
from wizard.base.unit_names import kind_of_unit, questionnaire_for
from wizard.importer.found import Imported
from wizard.importer.title import read_title
from wizard.importer.tree import DATE, Tree
from wizard.questionnaire import Questionnaire


def read_frame(
    questionnaire: Questionnaire, tree: Tree, document: AnswersDocument, found: Imported
) -> list[str]:
    """Unit, kind, year, 主送, date and 附注; returns the 落款's signing lines."""
    title = read_title(tree.title, tree.signature, tree.subtitle)
    found.unit, found.year, found.issuers = title.unit, title.year, list(title.issuers)
    name_question = questionnaire.question("unit_name")
    if name_question is not None and title.unit:
        keeps_organ = name_question.example.endswith(("人民政府", "办事处"))
        document.put_answer("unit_name", title.unit if keeps_organ else title.place)
    kind = questionnaire.question(questionnaire.report.kind) if questionnaire.report.kind else None
    unit_kind = kind_of_unit(title.unit, kind.choices) if kind and title.unit else None
    if kind is not None and unit_kind:
        found.kind = unit_kind
        document.put_answer(kind.id, unit_kind)
    suggested = questionnaire_for(title.unit)
    if suggested and suggested != questionnaire.id:
        found.suggested = suggested
        found.unsure.append(
            f"“{title.unit}”看起来应当用问卷 {suggested}（现在用的是 {questionnaire.id}）："
            f"可加上 --template {suggested} 重新导入"
        )
    if title.year and questionnaire.report.year:
        document.put_answer(questionnaire.report.year, title.year)
    return _closing(questionnaire, tree, document, found)


def _closing(
    questionnaire: Questionnaire, tree: Tree, document: AnswersDocument, found: Imported
) -> list[str]:
    """主送, 附注, 抄送 and the date go to their answers; returns the 落款's signing
    lines."""
    offices = re.sub(r"^抄\s*送\s*[：:]\s*", "", tree.copy_to).rstrip("。.")
    for question, text, answer in (
        ("addressee", tree.addressee, tree.addressee),
        ("annotation", tree.annotation, tree.annotation.strip("（）()")),
        ("copy_to", tree.copy_to, offices),
    ):
        if text and answer and questionnaire.question(question):
            document.put_answer(question, answer)
        elif text:  # kept, and listed, where the questionnaire has no place for it
            found.unplaced.append((_CLOSING_NAMES[question], text))
    signing: list[str] = []
    for line in tree.signature:
        day = DATE.fullmatch(line)
        if day is None:
            signing.append(line)
        elif questionnaire.question("sign_date"):
            try:
                document.put_answer("sign_date", dt.date(*(int(g) for g in day.groups())))
            except ValueError:
                found.unsure.append(f"落款日期“{line}”不是有效日期，请核对")
                found.unplaced.append(("落款", line))
    return signing


_CLOSING_NAMES = {"addressee": "主送", "annotation": "附注", "copy_to": "抄送"}
