"""Answers + outline → a Report: paragraphs of spans, numbered in the Chinese official style.

Pure: renderers (text, Markdown, terminal, Word) take the Report and know
nothing of questionnaires. Text a user typed is copied into spans as it is;
only the questionnaire's own templates have placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from wizard import expr, outline, own_figures
from wizard.clauses import clauses
from wizard.figures import Number, format_number, year_on_year
from wizard.interview import Interview
from wizard.outline import Style
from wizard.questionnaire import (
    Placeholder,
    Question,
    Section,
    Sentence,
    Template,
    Topic,
)
from wizard.values import TopicChoice, display
from wizard.wording import (
    LEVELS,
    end_sentence,
    kept_lines,
    missing_mark,
    number_label,
    one_line,
    point_label,
)

Role = Literal["text", "heading", "missing"]
ParagraphKind = Literal["title", "addressee", "heading", "body", "signature", "annotation"]


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    #: "heading": a run-in heading (（一）…。); "missing": a 【待填写：…】 mark.
    role: Role = "text"
    #: For run-in headings: the level of their numbering (see LEVELS).
    level: int = 0


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: ParagraphKind
    spans: tuple[Span, ...]
    #: For headings: their level (see LEVELS): 1 for 一、, 2 for （一） standing alone.
    level: int = 0

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class Report:
    paragraphs: tuple[Paragraph, ...]

    @property
    def title(self) -> str:
        return next((p.text for p in self.paragraphs if p.kind == "title"), "")

    @property
    def missing(self) -> tuple[str, ...]:
        """Every 【待填写：…】 mark left in the draft, in order."""
        return tuple(s.text for p in self.paragraphs for s in p.spans if s.role == "missing")

    @property
    def characters(self) -> int:
        """Length as offices count it: characters of text, no spaces or line breaks."""
        return sum(len("".join(p.text.split())) for p in self.paragraphs)


class _Builder:
    def __init__(self, interview: Interview) -> None:
        self.interview = interview
        self.questionnaire = interview.questionnaire
        self.env = interview.env()
        self.outline = outline.read(interview.document.get("outline"))[0]
        self.own_figures = own_figures.read(interview.document.get("own_figures"))[0]

    # ------------------------------------------------------------ templates

    def placeholder(self, placeholder: Placeholder) -> Span | None:
        """The text for one placeholder; None when its answer is missing."""
        name = placeholder.name
        if name == "current_year":
            return Span(str(self.env["current_year"]))
        question = self.interview.require(name)
        value = self.interview.value(name)
        if placeholder.modifier == "yoy":
            return Span(self.year_on_year(question, value))
        if value is None:
            return None
        if isinstance(value, Number):
            return Span(format_number(question, value, with_unit=placeholder.modifier != "number"))
        return Span(one_line(display(question, value)))

    def year_on_year(self, question: Question, value: object) -> str:
        before = self.interview.previous_value(question.id)
        if not isinstance(value, Number) or not isinstance(before, Number):
            return ""
        return year_on_year(question, before, value)

    def fill(self, template: Template, mode: Literal["omit", "mark"]) -> list[Span] | None:
        spans: list[Span] = []
        for part in template.parts:
            if isinstance(part, str):
                spans.append(Span(part))
                continue
            span = self.placeholder(part)
            if span is None:
                if mode == "omit":
                    return None
                question = self.interview.require(part.name)
                # An optional answer left empty simply leaves its words out.
                optional = question.level == "optional"
                span = Span("" if optional else missing_mark(question.label), "missing")
            spans.append(span)
        return [s for s in spans if s.text]

    def figures(self, sentences: Iterable[Sentence], questions: Iterable[Question]) -> list[Span]:
        """The figure sentences, clause by clause (see ``clauses``); then each answered figure
        that no sentence showed, in a sentence of its own. Every figure the clerk gave
        reaches the draft, whatever the questionnaire's sentences say; a zero does not (it is
        no achievement), and ``check`` lists it."""
        spans: list[Span] = []
        shown: set[str] = set()
        for sentence in sentences:
            if sentence.when is not None and expr.evaluate(sentence.when, self.env) is not True:
                continue
            if sentence.missing == "mark":
                spans.extend(self.fill(sentence.template, "mark") or ())
                shown |= sentence.template.names
                continue
            spans.extend(self.clauses(sentence.template, shown))
        # A rate shown stands for the counts it is computed from (化解率 for 化解 and 排查).
        for name in list(shown):
            computed = self.interview.question(name)
            if computed is not None and computed.compute is not None:
                shown |= expr.names(computed.compute)
        for question in questions:
            value = self.interview.values.get(question.id)
            if (
                question.id in shown
                or not _worth_saying(value)
                or not self.interview.active(question)
            ):
                continue
            if isinstance(value, Number):
                spans.append(Span(f"{question.label}{format_number(question, value)}。"))
            elif question.kind in ("text", "longtext", "multichoice", "date"):
                said = one_line(display(question, value))  # type: ignore[arg-type]
                spans.append(Span(end_sentence(f"{question.label}：{said}")))
        return spans

    def clauses(self, template: Template, shown: set[str]) -> list[Span]:
        sentence = clauses(template)
        kept: list[Span] = []
        with_figures = any(c.figures for c in sentence.clauses)
        said_a_figure = False
        for clause in sentence.clauses:
            names = [p.name for p in clause.figures]
            if not all(
                _worth_saying(self.interview.value(n)) or n == "current_year" for n in names
            ):
                continue
            filled = [Span(p) if isinstance(p, str) else self.placeholder(p) for p in clause.parts]
            if kept and clause.joiner:
                kept.append(Span(clause.joiner))
            kept.extend(s for s in filled if s is not None and s.text)
            shown.update(names)
            said_a_figure = said_a_figure or bool(names)
        if not kept or (with_figures and not said_a_figure):
            return []
        return [*kept, Span(sentence.end or "。")]

    # ------------------------------------------------------------ blocks

    def items(self, question: Question) -> list[tuple[str, str]]:
        """(title, rest) of each repeated item: the first field, then the others joined."""
        result = []
        first, *others = question.fields
        for item in self.interview.items(question.id):
            title = one_line(item.get(first.id, ""))
            # The clerk's paragraph breaks stay: the paragraph is cut there (``_paragraphs``).
            rest = "".join(kept_lines(item.get(f.id, "")) for f in others)
            result.append((title, rest))
        return result

    def inline_items(self, question: Question, numbering: Style | None = None) -> list[Span]:
        items = self.items(question)
        style = question.numbering if numbering is None else numbering
        return [
            Span(point_label(style, n, len(items)) + end_sentence(title) + rest)
            for n, (title, rest) in enumerate(items, 1)
        ]

    def absent(self, question: Question) -> list[Span]:
        """A required answer that is missing shows as a mark; others are simply left out."""
        if self.interview.has_value(question.id) or question.level != "required":
            return []
        return [Span(missing_mark(question.label), "missing")]

    def topic_paragraphs(
        self, section: Section, n: int, choice: TopicChoice, top: bool = False
    ) -> list[Paragraph]:
        """One topic: its heading (run in, or on a line of its own), intro, points and
        figures, numbered and laid out as the unit's outline says. ``top``: the topic is a
        part of the report itself (its wrapper part has no heading)."""
        outline = self.outline
        topic = section.topic(choice.id)
        heading = self.interview.topic_heading(section, choice)
        style = outline.topic_numbering
        style = section.topic_numbering if style is None else style
        if top:
            style = outline.part_numbering
        points = topic.points if topic else section.custom_points(choice.id, heading)
        intro: list[Span] = []
        if topic and topic.intro and self.interview.has_value(topic.intro.id):
            intro = [Span(end_sentence(one_line(self.interview.display(topic.intro.id))))]
        items = self.inline_items(points, outline.point_numbering) or self.absent(points)
        figures = self.figures(topic.sentences, topic.metrics) if topic else []
        figures += [Span(f.sentence()) for f in self.own_figures if f.topic == choice.id]
        level = 1 if top else LEVELS.get(style, 2) if style else 2
        own_line = top or (
            outline.topic_layout == "own_line"
            if outline.topic_layout
            else not section.points_inline
        )
        by_paragraph = outline.point_layout == "paragraphs"
        label = number_label(style, n) + end_sentence(heading)
        if not own_line:
            heading_span = Span(label, "heading", level)
            if by_paragraph and items:
                first = [Paragraph("body", (heading_span, *intro, items[0]))]
                rest = [Paragraph("body", (item,)) for item in items[1:]]
                return first + rest + ([Paragraph("body", tuple(figures))] if figures else [])
            return [Paragraph("body", (heading_span, *intro, *items, *figures))]
        # Standing alone: the heading, then the intro with the points (run in, or one
        # paragraph each) and the figures.
        if by_paragraph or (not section.points_inline and outline.point_layout is None):
            groups = [intro, *([item] for item in items), figures]
        else:
            groups = [[*intro, *items, *figures]]
        paragraphs = [Paragraph("heading", (Span(label.rstrip("。")),), level)]
        return paragraphs + [Paragraph("body", tuple(group)) for group in groups if group]

    def standalone_paragraphs(self, question: Question, value: str) -> list[Paragraph]:
        """A text as one paragraph per line, or a list as one paragraph per item."""
        paragraphs: list[Paragraph] = []
        if question.render == "paragraph":
            lines = [line.strip() for line in value.splitlines() if line.strip()]
            paragraphs.extend(Paragraph("body", (Span(end_sentence(line)),)) for line in lines)
        else:
            items = self.items(question)
            for n, (title, rest) in enumerate(items, 1):
                label = point_label(question.numbering, n, len(items)) + end_sentence(title)
                heading = Span(label, "heading", LEVELS[question.numbering])
                spans = (heading, *([Span(rest)] if rest else []))
                paragraphs.append(Paragraph("body", spans))
        if not paragraphs and self.absent(question):
            paragraphs.append(Paragraph("body", tuple(self.absent(question))))
        return paragraphs

    def section_paragraphs(self, section: Section, with_topics: bool = True) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        current: list[Span] = []

        def flush() -> None:
            if current:
                paragraphs.append(Paragraph("body", tuple(current)))
                current.clear()

        for question in section.questions:
            if not self.interview.active(question) or question.render == "none":
                continue
            value = (
                self.interview.display(question.id) if self.interview.has_value(question.id) else ""
            )
            if question.render == "lead":
                current.extend(
                    [Span(end_sentence(one_line(value)))] if value else self.absent(question)
                )
            elif question.render == "inline":
                current.extend(self.inline_items(question) or self.absent(question))
            else:
                flush()
                paragraphs.extend(self.standalone_paragraphs(question, value))
        asked = (q for q in section.questions if q.render == "none" and self.interview.active(q))
        current.extend(self.figures(section.sentences, asked))
        flush()
        if section.topics and with_topics:
            paragraphs.extend(self.topics_paragraphs(section))
        return paragraphs

    def topics_paragraphs(self, section: Section) -> list[Paragraph]:
        choices = self.interview.chosen_topics(section)
        if not choices:
            label = missing_mark(f"{section.heading}的工作专题")
            return [Paragraph("body", (Span(label, "missing"),))]
        paragraphs: list[Paragraph] = []
        for n, choice in enumerate(choices, 1):
            paragraphs.extend(self.topic_paragraphs(section, n, choice))
        return paragraphs

    # ------------------------------------------------------------ report

    def build(self) -> Report:
        paragraphs = [*self.opening(), *self.parts(), *self.closing()]
        return Report(tuple(_paragraphs(p for p in paragraphs if p.spans)))

    def opening(self) -> list[Paragraph]:
        """Title, 主送 and preamble: the unit's own words when it gave them."""
        spec, outline = self.questionnaire.report, self.outline
        title = [Span(outline.title)] if outline.title else self.fill(spec.title, "mark")
        paragraphs = [Paragraph("title", tuple(title or ()))]
        addressee = self.fill(spec.addressee, "omit") if spec.addressee else None
        if addressee:
            paragraphs.append(Paragraph("addressee", tuple(addressee)))
        if outline.preamble:
            lines = [line.strip() for line in outline.preamble.splitlines() if line.strip()]
            paragraphs.extend(Paragraph("body", (Span(line),)) for line in lines)
        else:
            paragraphs.append(Paragraph("body", tuple(self.fill(spec.preamble, "mark") or ())))
        return paragraphs

    def parts(self) -> list[Paragraph]:
        """The numbered parts in the unit's order; a part without its wrapper heading gives
        its topics as parts of their own."""
        outline, paragraphs, number = self.outline, [], 0
        for section in outline.sections(self.questionnaire):
            if section.id in outline.hidden or not self.interview.section_active(section):
                continue
            if section.id in outline.unwrapped and section.topics:
                paragraphs.extend(self.section_paragraphs(section, with_topics=False))
                for choice in self.interview.chosen_topics(section):
                    number += 1
                    paragraphs.extend(self.topic_paragraphs(section, number, choice, top=True))
                continue
            body = self.section_paragraphs(section)
            if not any(s.text for p in body for s in p.spans):
                continue
            number += 1
            heading = Span(number_label(outline.part_numbering, number) + outline.heading(section))
            paragraphs.append(Paragraph("heading", (heading,), 1))
            paragraphs.extend(body)
        return paragraphs

    def closing(self) -> list[Paragraph]:
        spec = self.questionnaire.report
        paragraphs = [
            Paragraph("signature", tuple(self.fill(line, "mark") or ())) for line in spec.signature
        ]
        annotation = self.fill(spec.annotation, "omit") if spec.annotation else None
        if annotation:
            paragraphs.append(Paragraph("annotation", tuple(annotation)))
        return paragraphs


def _paragraphs(paragraphs: Iterable[Paragraph]) -> Iterable[Paragraph]:
    """Cut a paragraph where a clerk's text holds a line break: what follows is a paragraph
    of its own, as they wrote it."""
    for paragraph in paragraphs:
        if paragraph.kind != "body" or not any("\n" in s.text for s in paragraph.spans):
            yield paragraph
            continue
        current: list[Span] = []
        for span in paragraph.spans:
            first, *rest = span.text.split("\n")
            current.append(Span(first, span.role, span.level))
            for line in rest:
                yield Paragraph("body", tuple(s for s in current if s.text))
                current = [Span(line, span.role, span.level)]
        yield Paragraph("body", tuple(s for s in current if s.text))


def _worth_saying(value: object) -> bool:
    """An answer a sentence can state: given, and not a bare zero."""
    if isinstance(value, Number):
        return value.value != 0 or value.approx
    return value is not None


def build_report(interview: Interview) -> Report:
    return _Builder(interview).build()


def topic_figures(interview: Interview, topic: Topic) -> str:
    """What a topic's figures say in the draft (for the clerk writing its points)."""
    return "".join(s.text for s in _Builder(interview).figures(topic.sentences, topic.metrics))


def filled_text(interview: Interview, template: Template) -> str:
    """A template with its answers, or "" when one is missing (the unit that signs, say)."""
    return "".join(s.text for s in _Builder(interview).fill(template, "omit") or [])


def report_title(interview: Interview) -> str:
    """Just the title, with 【待填写：…】 where it lacks an answer."""
    spans = _Builder(interview).fill(interview.questionnaire.report.title, "mark") or []
    return "".join(s.text for s in spans)
