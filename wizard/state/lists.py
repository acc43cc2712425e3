"""Changes to a list answer (points, problems, plans) item by item, and the id of a topic
of the unit's own: each made through the interview's ``set`` and ``clear``, so it is
validated and saved like any answer."""

from __future__ import annotations

from wizard.questionnaire import CUSTOM_TOPIC_PREFIX
from wizard.questionnaire.values import Item
from wizard.state.interview import Interview


def add(interview: Interview, question_id: str, item: Item) -> None:
    interview.set(question_id, (*interview.items(question_id), item))


def edit(interview: Interview, question_id: str, index: int, item: Item) -> None:
    items = list(interview.items(question_id))
    items[index] = item
    interview.set(question_id, tuple(items))


def delete(interview: Interview, question_id: str, index: int) -> None:
    items = list(interview.items(question_id))
    del items[index]
    if items:
        interview.set(question_id, tuple(items))
    else:
        interview.clear(question_id)


def move(interview: Interview, question_id: str, index: int, offset: int) -> int:
    """Move one item up or down; returns where it now stands."""
    items = list(interview.items(question_id))
    target = max(0, min(len(items) - 1, index + offset))
    items.insert(target, items.pop(index))
    interview.set(question_id, tuple(items))
    return target


def custom_topic_id(interview: Interview) -> str:
    """A new topic of the unit's own: unique across sections, since an answer's id says
    which topic it belongs to."""
    sections = [s for s in interview.questionnaire.sections if s.topics]
    used = {c.id for s in sections for c in interview.chosen_topics(s)}
    used |= {k for k, _ in interview.document.answers()}
    n = 1
    while f"{CUSTOM_TOPIC_PREFIX}{n}" in used or f"{CUSTOM_TOPIC_PREFIX}{n}_points" in used:
        n += 1
    return f"{CUSTOM_TOPIC_PREFIX}{n}"
