"""Every question id of a questionnaire with what it asks: what ``--data`` accepts."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from wizard.kinds import kind_of
from wizard.questionnaire.model import Question, Questionnaire


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    label: str
    kind: str
    unit: str
    section: str
    topic: str

    def to_json(self) -> dict[str, str]:
        return {
            "id": self.id,
            "label": self.label,
            "kind": self.kind,
            "unit": self.unit,
            "section": self.section,
            "topic": self.topic,
        }


def keys(questionnaire: Questionnaire) -> list[Key]:
    """In interview order: a section's questions, its topic selection, each topic's."""
    result: list[Key] = []

    def add(question: Question, section: str, topic: str = "") -> None:
        unit = kind_of(question).unit_of(question)
        result.append(Key(question.id, question.label, question.kind, unit, section, topic))

    for section in questionnaire.sections:
        for question in section.questions:
            add(question, section.title)
        if section.topics:
            label = f"“{section.heading or section.title}”写哪些工作专题"
            result.append(Key(section.topics_id, label, "topics", "", section.title, ""))
        for topic in section.topics:
            for question in topic.questions:
                add(question, section.title, topic.heading)
    return result


def nearest(questionnaire: Questionnaire, key: str) -> str | None:
    """The question id a mistyped key most likely meant."""
    ids = [k.id for k in keys(questionnaire)]
    found = difflib.get_close_matches(key, ids, n=1, cutoff=0.6)
    return found[0] if found else None
