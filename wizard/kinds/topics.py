"""The topics a part reports, from its catalogue or the unit's own: the wizard's question,
not one a questionnaire writes."""

from __future__ import annotations

from typing import Any

from wizard.figures import Invalid
from wizard.kinds.base import Answer, Asked, Kind, TopicChoice
from wizard.kinds.choices import split

#: The id of a topic the clerk wrote, not the catalogue's.
CUSTOM_TOPIC_PREFIX = "custom_"


class Topics(Kind):
    def parse(self, question: Asked, text: str) -> Answer:
        return self.check(question, tuple(TopicChoice(t) for t in split(text)))

    def check(self, question: Asked, value: Answer) -> Answer:
        if not isinstance(value, tuple) or not all(isinstance(t, TopicChoice) for t in value):
            raise Invalid("应为专题的列表")
        allowed = set(question.choices)
        seen: set[str] = set()
        for choice in value:
            if not isinstance(choice, TopicChoice):
                raise Invalid("应为专题")
            if choice.id in seen:
                raise Invalid(f"专题 {choice.id} 重复")
            seen.add(choice.id)
            custom = choice.id.startswith(CUSTOM_TOPIC_PREFIX)
            if not custom and choice.id not in allowed:
                raise Invalid(f"没有专题 {choice.id!r}；可选：{'、'.join(question.choices)}")
            if custom and not (choice.heading or "").strip():
                raise Invalid(f"自拟专题 {choice.id} 需要标题")
        if not value:
            raise Invalid("至少选择一个专题")
        return value

    def display(self, question: Asked, value: Answer) -> str:
        """The clerk's own headings, else the ids (the catalogue's headings are the
        interview's to give: ``Interview.display``)."""
        chosen = value if isinstance(value, tuple) else ()
        return "、".join(c.heading or c.id for c in chosen if isinstance(c, TopicChoice))

    def from_toml(self, question: Asked, raw: Any) -> Answer:
        if not isinstance(raw, list) or not all(
            isinstance(t, dict)
            and isinstance(t.get("id"), str)
            and isinstance(t.get("heading", ""), str)
            for t in raw
        ):
            raise Invalid("应为含 id（和文字 heading）的表的数组")
        return self.check(
            question, tuple(TopicChoice(t["id"], t.get("heading") or None) for t in raw)
        )


TOPICS = Topics("topics", "专题", asks="topics", in_format=False)
