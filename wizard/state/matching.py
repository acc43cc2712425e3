"""Which question a figure answers, and why: one matcher for figures an import reads and for
figures a clerk types into a sentence.

A figure answers a question when its words say what the question's sentence says right
before its number (带头学法讲法{…}: 带头学法讲法3次), or, less surely, when they share most of
the question's label; a question of the topic or part the figure stands in comes first (two
topics both count 办结率). A rate answers only a rate, a count only a count. Every match
carries its evidence and whether it is sure; an unsure one is shown to the clerk.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from wizard.figures import Invalid, Number
from wizard.figures.grammar import CLAUSE_BREAKS, Reading, say, words_before
from wizard.questionnaire import Placeholder, Question, Questionnaire
from wizard.questionnaire.values import parse_text


@dataclass(frozen=True, slots=True)
class Match:
    question: Question
    #: The figure as the question holds it (its unit left out, the clerk's words kept).
    value: Number
    #: Why, in Chinese: what the figure's words and the question share.
    evidence: str
    #: Said the way the question's own sentence says it: no need to ask the clerk.
    sure: bool


def template_leads(questionnaire: Questionnaire) -> dict[str, str]:
    """For each figure, the words its sentence puts right before it (带头学法讲法{…})."""
    sentences = [
        sentence
        for section in questionnaire.sections
        for sentence in (*section.sentences, *(s for t in section.topics for s in t.sentences))
    ]
    leads: dict[str, str] = {}
    for sentence in sentences:
        for before, part in zip(sentence.template.parts, sentence.template.parts[1:], strict=False):
            if isinstance(part, Placeholder) and isinstance(before, str) and not part.modifier:
                lead = re.split(f"[{re.escape(CLAUSE_BREAKS)}（）()“”]", before)[-1]
                leads.setdefault(part.name, words_before(lead))
    return leads


def pairs(text: str) -> set[str]:
    """The two-character words of a text: what two wordings of one thing share."""
    return {text[i : i + 2] for i in range(len(text) - 1)}


class Matcher:
    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.leads = template_leads(questionnaire)
        year = questionnaire.report.year
        self.figures = [q for q in questionnaire.all_questions() if q.is_numeric and q.id != year]
        plans = questionnaire.report.plan_sections
        #: Questions of the parts about next year (the plans): a figure answers a question of
        #: its own year only, so a plan's 不少于6期 never answers this year's 培训 question.
        self.ahead = {
            q.id
            for s in questionnaire.sections
            if s.id in plans
            for q in (*s.questions, *(q for t in s.topics for q in t.questions))
        }

    def match(
        self,
        label: str,
        reading: Reading,
        scope: Iterable[str] = (),
        taken: Iterable[str] = (),
        answer: str = "",
    ) -> Match | None:
        """The question these words and this figure answer, or None. ``scope``: the questions
        of the topic or part the figure stands in; ``taken``: questions answered already;
        ``answer``: the answer whose words hold it (a plan's words speak of next year)."""
        if not label:
            return None
        near, skip = set(scope), set(taken)
        ahead = answer in self.ahead
        best: tuple[float, Match | None] = (0, None)
        for question in self.figures:
            if question.id in skip or (question.id in self.ahead) != ahead:
                continue
            if not _same_kind(question, reading):
                continue
            value = _value(question, reading)
            if value is None:
                continue
            bonus = 50 if question.id in near else 0
            lead = self.leads.get(question.id, "")
            if len(lead) >= 2 and label.endswith(lead):
                evidence = f"与报告中“{question.label}”一句的说法“{lead}”相同"
                candidate = (100.0 + bonus + len(lead), Match(question, value, evidence, True))
            elif len(label) >= 2 and question.label.endswith(label):
                # 化解93件 after 排查调处矛盾纠纷96件: the end of the question's words.
                evidence = f"是问题“{question.label}”的后半句"
                candidate = (1.5 * len(label) + bonus, Match(question, value, evidence, False))
            else:
                shared = pairs(question.label) & pairs(label[-(len(question.label) + 2) :])
                # A place is rarely asked for: a 名次 question near its words is the one.
                needed = 2 if reading.kind == "rank" else max(2, 0.5 * (len(question.label) - 1))
                if len(shared) < needed:
                    continue
                sure = label == question.label or label.endswith(question.label)
                words = "、".join(sorted(shared))
                evidence = f"与问题“{question.label}”有相同的词（{words}）"
                candidate = (len(shared) + bonus, Match(question, value, evidence, sure))
            if candidate[0] > best[0]:
                best = candidate
        return best[1]


def _same_kind(question: Question, reading: Reading) -> bool:
    """A rate answers a rate; a place (第3名) a 名次 question; a count or an amount, a count
    or an amount; percentage points, none."""
    if reading.kind == "points":
        return False
    if "rank" in (reading.kind, question.kind):
        return reading.kind == question.kind
    return (question.kind == "percent") == (reading.kind == "percent")


def _value(question: Question, reading: Reading) -> Number | None:
    """The figure as the question's own kind reads it (第3名 for a 名次, 约50件 for a count)."""
    try:
        value = parse_text(question, say(reading))
    except Invalid:
        return None
    return value if isinstance(value, Number) else None
