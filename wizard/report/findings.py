"""What ``check`` finds, as values: a finding, a content's status, the whole result (and
its JSON form, documented in ``check``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]


#: The order a reviewer reads a report in: what the regulation asks it to contain, then its
#: figures, then its form and deadline.
GROUPS = ("规定的内容", "数字", "格式和期限")
_FIGURE_CODES = ("figure_", "rule_broken", "recommended_", "year_last")
_FORM_CODES = ("structure", "placeholder", "deadline", "own_words", "invalid_answer")


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message: str
    question: str | None = None
    #: The part (and topic) the question belongs to, and its label: for grouping on screen.
    where: str = ""
    label: str = ""

    @property
    def group(self) -> str:
        """Which of ``GROUPS`` a reviewer reads it under."""
        if self.code.startswith(_FIGURE_CODES):
            return GROUPS[1]
        if self.code.startswith(_FORM_CODES):
            return GROUPS[2]
        return GROUPS[0]


@dataclass(frozen=True, slots=True)
class ContentStatus:
    label: str
    present: bool
    #: Not written, on purpose: every question of its parts may be left out, and the clerk
    #: skipped them (其他需要报告的情况, when there is none). A warning, not a gap.
    skipped: bool = False


@dataclass(frozen=True, slots=True)
class CheckResult:
    contents: tuple[ContentStatus, ...]
    findings: tuple[Finding, ...]
    characters: int
    deadline: dt.date | None
    days_left: int | None

    @property
    def complete(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def to_json(self, file: str, questionnaire_id: str, version: str) -> dict[str, Any]:
        return {
            "file": file,
            "questionnaire": {"id": questionnaire_id, "version": version},
            "complete": self.complete,
            "contents": [
                {"label": c.label, "present": c.present, "skipped": c.skipped}
                for c in self.contents
            ],
            "findings": [
                {
                    "code": f.code,
                    "severity": f.severity,
                    "question": f.question,
                    "message": f.message,
                    "where": f.where,
                }
                for f in self.findings
            ],
            "characters": self.characters,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "days_left": self.days_left,
        }
