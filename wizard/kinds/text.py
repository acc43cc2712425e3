"""A line or lines of the clerk's own words."""

from __future__ import annotations

from wizard.figures import Invalid
from wizard.kinds.base import Answer, Asked, Kind


class Text(Kind):
    def parse(self, question: Asked, text: str) -> Answer:
        if not text.strip():
            raise Invalid("不能为空")
        # Line endings are not content: text pasted from Windows keeps readable files.
        return text.replace("\r\n", "\n") if self.name == "longtext" else text.strip()

    def check(self, question: Asked, value: Answer) -> Answer:
        if not isinstance(value, str):
            raise Invalid("应为文字")
        if not value.strip():
            raise Invalid("不能为空")
        return value


TEXT = Text("text", "一行文字", renders=frozenset({"lead", "paragraph"}))
LONGTEXT = Text("longtext", "多行文字", renders=frozenset({"lead", "paragraph"}))
