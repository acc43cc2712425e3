"""The questionnaire's sentences filled with the clerk's answers: a placeholder as its
answer says it, a template left out or marked when an answer is missing, and a figure
sentence clause by clause, so that each figure reaches the draft on its own and none the
clerk's own sentence already states is said twice."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from wizard.base import expr
from wizard.figures import Number
from wizard.kinds import kind_of
from wizard.questionnaire import Placeholder, Question, Sentence, Template
from wizard.questionnaire.values import display, edit_text
from wizard.report.paragraphs import Span
from wizard.state.clauses import clauses
from wizard.state.interview import Interview
from wizard.state.wording import end_sentence, missing_mark, one_line


class Sentences:
    """Fills templates for one interview (its answers' environment worked out once)."""

    def __init__(self, interview: Interview, said: frozenset[str] | set[str]) -> None:
        self.interview = interview
        self.env = interview.env()
        #: Questions whose answer a sentence of the clerk's states already: not said again.
        self.said = said

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
        if placeholder.modifier == "number":
            return Span(one_line(edit_text(question, value)))  # the number alone: 第{x}名
        return Span(one_line(display(question, value)))

    def year_on_year(self, question: Question, value: object) -> str:
        before = self.interview.previous_value(question.id)
        if not isinstance(value, Number) or not isinstance(before, Number):
            return ""
        return kind_of(question).year_on_year(question, before, value)

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

    def figures(
        self, sentences: Iterable[Sentence], questions: Iterable[Question], prose: str = ""
    ) -> list[Span]:
        """The figure sentences, clause by clause (see ``clauses``); then each answered figure
        that no sentence showed, in a sentence of its own. Every figure the clerk gave
        reaches the draft, whatever the questionnaire's sentences say; a zero does not (it is
        no achievement), and ``check`` lists it. What the clerk's own ``prose`` already says
        is not said again."""
        spans: list[Span] = []
        shown: set[str] = set(self.said)
        for sentence in sentences:
            if sentence.when is not None and expr.evaluate(sentence.when, self.env) is not True:
                continue
            if sentence.missing == "mark":
                spans.extend(self.fill(sentence.template, "mark") or ())
                shown |= sentence.template.names
                continue
            spans.extend(self.clauses(sentence.template, shown, prose))
        # A rate shown stands for the counts it is computed from (化解率 for 化解 and 排查).
        for name in list(shown):
            computed = self.interview.question(name)
            if computed is not None and computed.compute is not None:
                shown |= expr.names(computed.compute)
        return spans + self.unsaid(questions, shown, prose)

    def unsaid(self, questions: Iterable[Question], shown: set[str], prose: str) -> list[Span]:
        """Each answered figure no sentence showed, in a sentence of its own."""
        spans: list[Span] = []
        for question in questions:
            value = self.interview.values.get(question.id)
            if (
                question.id in shown
                or not _worth_saying(value)
                or not self.interview.active(question)
            ):
                continue
            if isinstance(value, Number):
                spans.append(Span(f"{question.label}{display(question, value)}。"))
            elif question.kind in ("text", "longtext", "multichoice", "date"):
                said = one_line(display(question, value))  # type: ignore[arg-type]
                if _squeezed(said) not in _squeezed(prose):
                    spans.append(Span(end_sentence(f"{question.label}：{said}")))
        return spans

    def clauses(self, template: Template, shown: set[str], prose: str = "") -> list[Span]:
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
            if self.said_in(clause.parts, prose, shown):
                shown.update(names)  # the clerk's sentence says it: not said twice
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

    def said_in(self, parts: tuple[str | Placeholder, ...], prose: str, said: set[str]) -> bool:
        """Whether the clerk's prose already says this clause: each of its figures stated in
        their sentences (``text_figures``), each of its words (成立了以{组长}任组长…: the
        组长's answer) found there, and words alone (年终述职时同步述法) found as they are."""
        if not prose:
            return False
        holes = [p for p in parts if isinstance(p, Placeholder) and p.modifier != "yoy"]
        if not holes:
            words = _squeezed("".join(p for p in parts if isinstance(p, str)))
            return len(words) >= 4 and words in _squeezed(prose)
        for hole in holes:
            if hole.name in said:
                continue
            value = self.interview.value(hole.name)
            if isinstance(value, Number) or value is None:
                return False
            question = self.interview.require(hole.name)
            if _squeezed(one_line(display(question, value))) not in _squeezed(prose):
                return False
        return True


_NOT_WORDS = re.compile(r"[\W_]+")


def _squeezed(text: str) -> str:
    """Text without its punctuation and spaces: what two wordings of one sentence share."""
    return _NOT_WORDS.sub("", text)


def _worth_saying(value: object) -> bool:
    """An answer a sentence can state: given, and not a bare zero."""
    if isinstance(value, Number):
        return value.value != 0 or value.approx
    return value is not None
