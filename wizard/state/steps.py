"""A question in its place in the interview, and the question that picks a section's topics."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.questionnaire import Question, Section, Topic


@dataclass(frozen=True, slots=True)
class Step:
    """A question in its place: the section (and topic) it belongs to."""

    question: Question
    section: Section
    topic: Topic | None = None
    #: The heading of a topic the user added (custom topics have no catalogue entry).
    topic_heading: str = ""

    @property
    def id(self) -> str:
        return self.question.id


def topics_question(section: Section) -> Question:
    """The question that picks, orders and renames a section's topics."""
    return Question(
        id=section.topics_id,
        kind="topics",
        label=f"“{section.heading or section.title}”写哪些工作专题",
        help="勾选今年做了的工作方面，可以调整顺序、改写标题，也可以自拟专题。",
        level="required",
        choices=tuple(t.id for t in section.topics),
        default=[{"id": t.id} for t in section.topics if t.selected],
    )
