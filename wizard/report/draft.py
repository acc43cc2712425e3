"""Answers + outline → a Report: paragraphs of spans, numbered in the Chinese official style.

Pure: renderers (text, Markdown, terminal, Word) take the Report and know
nothing of questionnaires. Text a user typed is copied into spans as it is;
only the questionnaire's own templates have placeholders.
"""

from __future__ import annotations

from collections.abc import Iterable

from wizard.answersfile.outline import ItemLayout, Style
from wizard.questionnaire import (
    Question,
    Section,
    Template,
    Topic,
)
from wizard.questionnaire.values import TopicChoice
from wizard.report.paragraphs import Paragraph, Report, Span
from wizard.report.sentences import Sentences
from wizard.state import text_figures
from wizard.state.clauses import clauses
from wizard.state.interview import Interview
from wizard.state.wording import (
    LEVELS,
    end_sentence,
    kept_lines,
    missing_mark,
    number_label,
    one_line,
    point_label,
)


class _Builder:
    def __init__(self, interview: Interview) -> None:
        self.interview = interview
        self.questionnaire = interview.questionnaire
        self.outline = interview.document.outline
        self.own_figures = interview.document.own_figures
        self.say = Sentences(interview, text_figures.locate(interview).said_questions)

    # ------------------------------------------------------------ blocks

    def prose(self, questions: Iterable[Question]) -> str:
        """What the clerk wrote in these answers, as one text."""
        parts: list[str] = []
        for question in questions:
            value = self.interview.values.get(question.id)
            if isinstance(value, str) and text_figures.is_prose(question):
                parts.append(value)
            elif question.kind == "list":
                parts += [t for item in self.interview.items(question.id) for t in item.values()]
        return "\n".join(parts)

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

    def entries(
        self, question: Question, style: Style, lead: bool = False, alone: bool = False
    ) -> list[tuple[str, str]]:
        """(number and title, rest) of each item (``alone``: see ``point_label``). ``lead``:
        the first item is the opening words, before the numbered ones."""
        items = self.items(question)
        opening = [(end_sentence(t), r) for t, r in items[:1]] if lead else []
        numbered = items[1:] if lead else items
        return opening + [
            (point_label(style, n, len(numbered), alone) + end_sentence(title), rest)
            for n, (title, rest) in enumerate(numbered, 1)
        ]

    def absent(self, question: Question) -> list[Span]:
        """A required answer that is missing shows as a mark; others are simply left out."""
        if self.interview.has_value(question.id) or not self.interview.needed(question):
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
        point_style, layout = self.point_shape(section, choice.id, points)
        entries = self.entries(points, point_style, outline.topic(choice.id).lead)
        prose = self.prose(topic.questions if topic else (points,))
        figures = self.say.figures(topic.sentences, topic.metrics, prose) if topic else []
        figures += [Span(f.sentence()) for f in self.own_figures if f.topic == choice.id]
        if not entries:
            layout, figures = "run_in", [*self.absent(points), *figures]
        label = number_label(style, n) + end_sentence(heading)
        level = 1 if top else LEVELS.get(style, 2) if style else 2
        if not outline.topic(choice.id).heading:
            return _laid_out([], intro, entries, layout, point_style, figures)
        own_line = top or (
            outline.topic_layout == "own_line"
            if outline.topic_layout
            else not section.points_inline
        )
        if not own_line:
            run_in = [Span(label, "heading", level)]
            return _laid_out(run_in, intro, entries, layout, point_style, figures)
        # Standing alone: the heading, then the intro with the points and the figures.
        standing = Paragraph("heading", (Span(label.rstrip("。")),), level)
        return [standing, *_laid_out([], intro, entries, layout, point_style, figures)]

    def point_shape(
        self, section: Section, topic_id: str, points: Question
    ) -> tuple[Style, ItemLayout]:
        """How a topic's points are numbered and laid out: the topic's own, else the unit's
        for all points, else the questionnaire's."""
        own, outline = self.outline.topic(topic_id), self.outline
        style = next(
            s for s in (own.numbering, outline.point_numbering, points.numbering) if s is not None
        )
        usual: ItemLayout = "run_in" if section.points_inline else "paragraphs"
        layout = own.layout or outline.point_layout or usual
        return style, layout

    def standalone_paragraphs(self, question: Question, value: str) -> list[Paragraph]:
        """A text as one paragraph per line."""
        lines = [line.strip() for line in value.splitlines() if line.strip()]
        paragraphs = [Paragraph("body", (Span(end_sentence(line)),)) for line in lines]
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
            elif question.kind != "list":
                flush()
                paragraphs.extend(self.standalone_paragraphs(question, value))
            else:
                level = self.outline.part(section.id)
                style = question.numbering if level.numbering is None else level.numbering
                usual: ItemLayout = "run_in" if question.render == "inline" else "paragraphs"
                # The unit's own numbering of these items stands even for one of them.
                entries = self.entries(question, style, alone=level.numbering is not None)
                if (level.layout or usual) == "run_in" or not entries:
                    current.extend(Span(t + r) for t, r in entries)
                    current.extend(() if entries else self.absent(question))
                    continue
                flush()
                paragraphs.extend(_laid_out([], [], entries, level.layout or usual, style, []))
        asked = (q for q in section.questions if q.render == "none" and self.interview.active(q))
        current.extend(self.say.figures(section.sentences, asked, self.prose(section.questions)))
        current.extend(Span(f.sentence()) for f in self.own_figures if f.topic == section.id)
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
        n = 0
        for choice in choices:
            n += self.outline.topic(choice.id).heading  # a topic without a heading: no number
            paragraphs.extend(self.topic_paragraphs(section, n, choice))
        return paragraphs

    def is_date(self, name: str) -> bool:
        question = self.interview.question(name)
        return question is not None and question.kind == "date"

    # ------------------------------------------------------------ report

    def build(self) -> Report:
        paragraphs = [*self.opening(), *self.parts(), *self.closing()]
        return Report(tuple(_paragraphs(p for p in paragraphs if p.spans)))

    def opening(self) -> list[Paragraph]:
        """Title, 主送 and preamble: the unit's own words when it gave them."""
        spec, outline = self.questionnaire.report, self.outline
        title = [Span(outline.title)] if outline.title else self.say.fill(spec.title, "mark")
        paragraphs = [Paragraph("title", tuple(title or ()))]
        paragraphs += [Paragraph("subtitle", (Span(line),)) for line in outline.subtitle]
        addressee = self.say.fill(spec.addressee, "omit") if spec.addressee else None
        if addressee:
            paragraphs.append(Paragraph("addressee", tuple(addressee)))
        if outline.preamble:
            lines = [line.strip() for line in outline.preamble.splitlines() if line.strip()]
            paragraphs.extend(Paragraph("body", (Span(line),)) for line in lines)
        else:
            paragraphs.append(Paragraph("body", tuple(self.preamble(spec.preamble))))
        return paragraphs

    def preamble(self, template: Template) -> list[Span]:
        """The questionnaire's preamble, clause by clause: a clause whose answer the clerk
        skipped on purpose is left out (no 指导机关: no “在……的指导下”); one not answered
        yet is marked 【待填写】."""
        sentence = clauses(template)
        spans: list[Span] = []
        for clause in sentence.clauses:
            names = [p.name for p in clause.figures]
            if any(n in self.interview.skipped and not self.interview.has_value(n) for n in names):
                continue
            filled = self.say.fill(Template("", clause.parts), "mark") or []
            if spans and clause.joiner:
                spans.append(Span(clause.joiner))
            spans.extend(filled)
        return [*spans, Span(sentence.end)] if spans else spans

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
                    number += outline.topic(choice.id).heading
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
        """The 落款: the unit's own signing lines when it has them (joint issuers), then the
        date; else the questionnaire's."""
        spec = self.questionnaire.report
        lines = spec.signature
        own = [Paragraph("signature", (Span(line),)) for line in self.outline.signature]
        if own:
            lines = tuple(t for t in lines if any(self.is_date(n) for n in t.names))
        paragraphs = own + [
            Paragraph("signature", tuple(self.say.fill(line, "mark") or ())) for line in lines
        ]
        annotation = self.say.fill(spec.annotation, "omit") if spec.annotation else None
        if annotation:
            paragraphs.append(Paragraph("annotation", tuple(annotation)))
        copy_to = self.say.fill(spec.copy_to, "omit") if spec.copy_to else None
        if copy_to:
            paragraphs.append(Paragraph("copy_to", tuple(copy_to)))
        return paragraphs


def _laid_out(
    first: list[Span],
    lead: list[Span],
    entries: list[tuple[str, str]],
    layout: ItemLayout,
    style: Style,
    tail: list[Span],
) -> list[Paragraph]:
    """Items (points, problems, plans) after ``first`` (a run-in heading) and ``lead``: run
    into one paragraph; one paragraph each, the first after the run-in heading; or each
    title on a line of its own over its text. ``tail`` (the figures) ends them."""
    if layout == "run_in":
        spans = (*first, *lead, *(Span(t + r) for t, r in entries), *tail)
        return [Paragraph("body", spans)]
    level = LEVELS.get(style, 0) if style else 0
    paragraphs: list[Paragraph] = []
    head = [*first, *lead]
    if head and not (first and entries and layout == "paragraphs"):
        paragraphs.append(Paragraph("body", tuple(head)))
        head = []
    for title, rest in entries:
        if layout == "own_line":
            paragraphs.append(Paragraph("heading", (Span(title.rstrip("。")),), max(level, 3)))
            if rest:
                paragraphs.append(Paragraph("body", (Span(rest),)))
            continue
        said = [Span(title, "heading", level), *([Span(rest)] if rest else [])]
        spans = (*head, *said) if level else (*head, Span(title + rest))
        paragraphs.append(Paragraph("body", spans))
        head = []
    if tail:
        paragraphs.append(Paragraph("body", tuple(tail)))
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


def build_report(interview: Interview) -> Report:
    return _Builder(interview).build()


def topic_figures(interview: Interview, topic: Topic) -> str:
    """What a topic's figures say in the draft (for the clerk writing its points)."""
    builder = _Builder(interview)
    prose = builder.prose(topic.questions)
    return "".join(s.text for s in builder.say.figures(topic.sentences, topic.metrics, prose))


def filled_text(interview: Interview, template: Template) -> str:
    """A template with its answers, or "" when one is missing (the unit that signs, say)."""
    return "".join(s.text for s in _Builder(interview).say.fill(template, "omit") or [])


def report_title(interview: Interview) -> str:
    """Just the title, as the draft prints it: the unit's own when it gave one, else the
    questionnaire's with 【待填写：…】 where it lacks an answer."""
    own = interview.document.outline.title
    if own:
        return own
    spans = _Builder(interview).say.fill(interview.questionnaire.report.title, "mark") or []
    return "".join(s.text for s in spans)
