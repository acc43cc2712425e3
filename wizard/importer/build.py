"""An imported outline → an answers document of a questionnaire, with what was found.

Each part goes to the questionnaire's part for the same content of the regulation; topics
go to the catalogue topic whose heading says the same (else a topic of the unit's own),
keeping the unit's heading; points stay points. The title, preamble, headings, order and
numbering go to ``[outline]``, so the draft has last year's shape. Figures with a measure
word are read with the words before them: those that match a figure question become its
answer, the others the unit's own figures, marked as already said in the text. Anything
without a place is kept under ``[imported] unplaced`` and listed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, cast

from wizard import expr, figures, own_figures
from wizard import outline as shape
from wizard.figures import Invalid
from wizard.importer.outline import DATE, YEAR, Outline, Part, PartKind, Topic, first_sentence
from wizard.own_figures import OwnFigure
from wizard.questionnaire import (
    CUSTOM_TOPIC_PREFIX,
    Placeholder,
    Question,
    Questionnaire,
    Section,
)
from wizard.questionnaire import Topic as CatalogueTopic

FIGURE = re.compile(
    r"(?:约|近|超过|超|逾)?\d+(?:\.\d+)?万?(?:余|多)?"
    r"(?:个百分点|人次|件次|%|％|[件份人名个条项次场户家栋卷元天期批本册篇宗起所处])"
)
_BREAK = "，。；：、（）()“”\n"
#: Words of time before a figure that say when, not what: 全年排查… counts 排查.
_TIME = re.compile(r"^(20\d{2}年|全年|今年|年)")
_CONTENT_WORDS: dict[PartKind, tuple[str, ...]] = {
    "measures": ("举措",),
    "results": ("成效",),
    "problems": ("不足",),
    "duty": ("第一责任人",),
    "plans": ("安排",),
    "other": ("其他",),
}


@dataclass
class Found:
    """What the import made of the source, for the summary and the tests."""

    parts: list[tuple[str, str]] = field(default_factory=list)  # (heading, section id)
    topics: list[tuple[str, int]] = field(default_factory=list)  # (heading, points)
    figures: list[tuple[str, str, str]] = field(default_factory=list)  # (words, figure, where)
    #: (words and figure, the question's label) for figures that answer a question.
    matched: list[tuple[str, str]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)


def section_for(kind: PartKind, questionnaire: Questionnaire) -> Section | None:
    """The part of the questionnaire that reports this content (by ``[report] contents``)."""
    if kind == "topic":
        kind = "measures"
    words = _CONTENT_WORDS[kind]
    for content in questionnaire.report.contents:
        if any(w in content.label for w in words):
            sections = [s for s in questionnaire.sections if s.id in content.sections]
            if kind == "measures":
                return next((s for s in sections if s.topics), None)
            if kind == "results":
                return next((s for s in sections if not s.topics), None)
            return sections[0] if sections else None
    return None


class Builder:
    def __init__(self, questionnaire: Questionnaire, source: str) -> None:
        self.q = questionnaire
        self.document: dict[str, Any] = {}
        self.found = Found()
        self.source = source
        self.own: list[OwnFigure] = []
        self.custom = 0
        self.leads = template_leads(questionnaire)

    def build(self, imported: Outline) -> tuple[dict[str, Any], Found]:
        self.basics(imported)
        order: list[str] = []
        headings: dict[str, str] = {}
        unwrapped: set[str] = set()
        for part in imported.parts:
            section = section_for(part.kind, self.q)
            if section is None:
                self.found.unplaced.append(part.heading + "\n" + part.lead)
                continue
            self.found.parts.append((part.heading, section.id))
            self.switch_on(section)
            if part.kind == "topic":
                unwrapped.add(section.id)
                self.topics(section, [Topic(part.heading, False, "一、", part.lead, part.points)])
            else:
                if part.heading != section.heading:
                    headings[section.id] = part.heading
                self.part(section, part)
            if section.id not in order:
                order.append(section.id)
        outline = shape.Outline(
            title=imported.title,
            preamble=imported.preamble,
            order=tuple(order),
            headings=headings,
            unwrapped=frozenset(unwrapped),
            topic_numbering=_unless(imported.topic_numbering, "（一）"),
            point_numbering=_unless(imported.point_numbering, "一是"),
        )
        shape.store(self.document, outline)
        own_figures.store(self.document, tuple(self.own))
        self.document["imported"] = {
            "source": self.source,
            **({"unplaced": self.found.unplaced} if self.found.unplaced else {}),
            **({"unsure": self.found.unsure} if self.found.unsure else {}),
        }
        return self.document, self.found

    def basics(self, imported: Outline) -> None:
        year = YEAR.search(imported.title)
        unit = imported.title[: year.start()].strip() if year else ""
        unit = unit.removeprefix("关于")
        if self.q.question("unit_name") and unit:
            self.document["unit_name"] = unit
        kind = self.q.question(self.q.report.kind) if self.q.report.kind else None
        if kind is not None and unit:
            endings = [c for c in kind.choices if unit.endswith(c) or f"{c}办事处" in unit]
            if endings:
                self.document[kind.id] = max(endings, key=len)
        if year and self.q.report.year:
            self.document[self.q.report.year] = int(year.group(1))
        if imported.addressee and self.q.question("addressee"):
            self.document["addressee"] = imported.addressee
        for line in imported.signature:
            day = DATE.fullmatch(line)
            if day and self.q.question("sign_date"):
                try:
                    self.document["sign_date"] = dt.date(*(int(g) for g in day.groups()))
                except ValueError:
                    self.found.unsure.append(f"落款日期“{line}”不是有效日期")
            elif line != unit:
                self.found.unsure.append(f"落款中的“{line}”与标题中的单位不同，请核对")

    def part(self, section: Section, part: Part) -> None:
        if section.topics:
            self.topics(section, part.topics)
            if part.lead:
                self.found.unplaced.append(part.lead)
            return
        lead = next((q for q in section.questions if q.render in ("lead", "paragraph")), None)
        items = next((q for q in section.questions if q.kind == "list"), None)
        text = part.lead
        if lead is not None and text:
            self.document[lead.id] = text
            self.figures(text, None, section.title)
        elif text:
            self.found.unplaced.append(text)
        entries = part.items or part.points
        if items is None:
            if entries:
                self.found.unplaced.extend(f"{a}。{b}" for a, b in entries)
            return
        self.document[items.id] = [self.item(items, a, b, section.title) for a, b in entries]

    def switch_on(self, section: Section) -> None:
        """A part the report has, asked only on a condition (成效 when 单列成效 is 是): the
        answer that makes the condition hold, when it is one question equal to a value."""
        condition = section.when
        if (
            isinstance(condition, expr.Binary)
            and condition.op == "=="
            and isinstance(condition.left, expr.Name)
            and isinstance(condition.right, expr.Literal)
        ):
            self.document[condition.left.name] = condition.right.value
        elif condition is not None:
            self.found.unsure.append(f"“{section.title}”只在满足条件时才写入报告，请核对相关答案")

    def item(
        self, question: Question, title: str, rest: str, where: str, topic: str | None = None
    ) -> dict[str, str]:
        first, *others = question.fields
        entry = {first.id: title}
        if rest and others:
            cause = next((f for f in others if f.id == "cause"), None)
            target = cause if cause and re.search("原因|由于|因为", rest) else others[0]
            entry[target.id] = rest
        elif rest:
            entry[first.id] = f"{title}。{rest}"
        self.figures(f"{title}。{rest}", topic, where)
        return entry

    def topics(self, section: Section, imported: list[Topic]) -> None:
        chosen: list[dict[str, str]] = []
        used: set[str] = set()
        for topic in imported:
            match = _catalogue_match(section, topic.heading, used)
            if match is None:
                self.custom += 1
                ident = f"{CUSTOM_TOPIC_PREFIX}{self.custom}"
                points = section.custom_points(ident, topic.heading)
                intro_question = None
            else:
                used.add(match.id)
                ident, points, intro_question = match.id, match.points, match.intro
            chosen.append({"id": ident, "heading": topic.heading})
            entries = topic.points
            if topic.intro and intro_question is not None and entries:
                self.document[intro_question.id] = topic.intro
                self.figures(topic.intro, ident, topic.heading)
            elif topic.intro:  # a topic in prose (or one point), or words with no place
                entries = [first_sentence(topic.intro), *entries]
            self.document[points.id] = [
                self.item(points, a, b, topic.heading, ident) for a, b in entries
            ]
            self.found.topics.append((topic.heading, len(entries)))
        self.document[section.topics_id] = chosen

    def figures(self, text: str, topic: str | None, where: str) -> None:
        """Every figure with a measure word, with the words of its clause before it."""
        scope = self.scope(topic, where)
        for match in FIGURE.finditer(text):
            start = match.start()
            while start > 0 and text[start - 1] not in _BREAK:
                start -= 1
            words = _TIME.sub("", text[start : match.start()].strip())
            said = match.group(0)
            self.found.figures.append((words, said, where))
            question = self.question_for(words, said, scope)
            if question is not None:
                self.found.matched.append((f"{words}{said}", question.label))
                continue
            end = match.end()
            while end < len(text) and text[end] not in _BREAK:
                end += 1
            # 2个法治大院: what was counted follows the number.
            label = words[-12:] if len(words) >= 2 else text[match.end() : end][:12]
            if topic is None or len(label) < 2:
                self.found.unsure.append(
                    f"数字“{words}{said}”（{where}）没有对应的问题，未单独记录"
                )
                continue
            try:
                value = figures.parse_number(OwnFigure(topic=topic, label=label).question, said)
            except Invalid:
                continue
            self.own.append(OwnFigure(topic, label, value, before=words or label, in_text=True))

    def scope(self, topic: str | None, where: str) -> set[str]:
        """The figure questions of the topic or part a figure was found in: where two
        sentences put the same words before a figure (办结率), the nearer one is meant."""
        for section in self.q.sections:
            found = section.topic(topic) if topic else None
            if found is not None:
                return {m.id for m in found.metrics}
            if section.title == where:
                return {q.id for q in section.questions}
        return set()

    def question_for(self, words: str, said: str, scope: set[str]) -> Question | None:
        """The figure question that says what the words say (排查调处矛盾纠纷125件): the one
        whose sentence puts these words before it, else the one whose label shares most
        two-character words with the end of the clause."""
        best: tuple[float, Question | None] = (0, None)
        for question in self.q.all_questions():
            if not question.is_numeric or question.id in self.document or not words:
                continue
            lead = self.leads.get(question.id, "")
            near = 50 if question.id in scope else 0
            if len(lead) >= 2 and words.endswith(lead):
                best = max(best, (100 + near + len(lead), question), key=lambda b: b[0])
                continue
            label = question.label
            shared = len(_pairs(label) & _pairs(words[-(len(label) + 2) :]))
            if shared >= max(2, 0.5 * (len(label) - 1)) and shared + near > best[0]:
                best = (shared + near, question)
        chosen = best[1]
        if chosen is None:
            return None
        try:
            value = figures.parse_number(chosen, said)
        except Invalid:
            return None
        self.document[chosen.id] = figures.to_toml(value)
        return chosen


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
                lead = re.split(f"[{_BREAK}]", before)[-1]
                lead = _TIME.sub("", lead)
                leads.setdefault(part.name, lead)
    return leads


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _unless(style: str, usual: str) -> shape.Style | None:
    """A numbering style found in the source, when it is not the questionnaire's usual one."""
    return None if style == usual or style not in shape.STYLES else cast(shape.Style, style)


def _catalogue_match(section: Section, heading: str, used: set[str]) -> CatalogueTopic | None:
    """The catalogue topic whose heading shares most two-character words with this one."""
    ours = _pairs(heading)
    best, score = None, 0.0
    for topic in section.topics:
        if topic.id in used:
            continue
        theirs = _pairs(topic.heading) | _pairs(topic.help)
        overlap = len(ours & theirs) / max(len(ours), 1)
        if overlap > score:
            best, score = topic, overlap
    return best if score >= 0.25 else None
