"""The interview as a pure state: what is answered, what comes next, what is valid.

Built from a questionnaire and an answers document; no terminal, no files.
Resume is nothing more than building this state from the saved document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar, cast

from wizard.answersfile.document import AnswersDocument
from wizard.base import expr
from wizard.figures import Invalid, Number
from wizard.questionnaire import (
    BUILTINS,
    CUSTOM_TOPIC_PREFIX,
    Question,
    Questionnaire,
    Section,
)
from wizard.questionnaire.uses import needed_only_by_own_words
from wizard.questionnaire.values import (
    Answer,
    Item,
    TopicChoice,
    check_value,
    clean_answer,
    display,
    from_toml,
    parse_text,
    to_toml,
)
from wizard.state.computed import (
    default_answer,
    environment,
    exact_reason,
    expression_value,
    round_computed,
)
from wizard.state.steps import Step, topics_question

Env = dict[str, expr.Value]
T = TypeVar("T")


class Interview:
    """Answers, computed values and the order of questions for one questionnaire."""

    def __init__(
        self,
        questionnaire: Questionnaire,
        document: AnswersDocument | Mapping[str, Any] | None = None,
        today: dt.date | None = None,
    ):
        self.questionnaire = questionnaire
        #: The date defaults are computed from (the report year is the year before it).
        self.today = today or dt.date.today()
        #: The answers file's tables; a copy of the one given (see ``AnswersDocument.copy``).
        self.document = (
            document.copy() if isinstance(document, AnswersDocument) else AnswersDocument(document)
        )
        self._values: dict[str, Answer] = {}
        #: Bumped on every change of an answer: the computed environment is worked out again.
        self._values_version = 0
        self._env_cache: tuple[int, dict[str, expr.Value]] | None = None
        #: Results worked out once while nothing changes (``freeze``); None: not frozen.
        self._memo: dict[str, object] | None = None
        #: Stored answers that no longer validate: id -> why. Asked again; kept on disk until then.
        self._invalid: dict[str, str] = {}
        #: Keys of the document that no question of this questionnaire knows: kept, reported.
        self.unknown: list[str] = []
        self._topic_questions = {
            s.topics_id: topics_question(s) for s in questionnaire.sections if s.topics
        }
        #: A topic's points question → its opening words' question (a topic may be prose).
        self._intro_of = {
            t.points.id: t.intro.id for s in questionnaire.sections for t in s.topics if t.intro
        }
        self._skipped: set[str] = self.document.skipped
        self._review: set[str] = self.document.review
        for key, raw in self.document.answers():
            question = self.question(key)
            if question is None:
                self.unknown.append(key)
                continue
            try:
                self._values[key] = from_toml(question, raw)
            except Invalid as error:
                self._invalid[key] = str(error)

    # ------------------------------------------------------------ read-only views

    @property
    def values(self) -> Mapping[str, Answer]:
        """The user's own answers (not defaults or computed values)."""
        return MappingProxyType(self._values)

    @property
    def invalid(self) -> Mapping[str, str]:
        """Stored answers that no longer validate: id -> why. Asked again; kept on disk."""
        return MappingProxyType(self._invalid)

    @property
    def skipped(self) -> frozenset[str]:
        """Left empty on purpose: not asked again."""
        return frozenset(self._skipped)

    @property
    def review(self) -> frozenset[str]:
        """Carried over from last year and not yet confirmed."""
        return frozenset(self._review)

    # ------------------------------------------------------------ questions

    def question(self, question_id: str) -> Question | None:
        known = self.questionnaire.question(question_id) or self._topic_questions.get(question_id)
        if known is not None:
            return known
        if question_id.startswith(CUSTOM_TOPIC_PREFIX) and question_id.endswith("_points"):
            # Shaped like the topics of the section the user added it to, not the first one.
            topic_id = question_id.removesuffix("_points")
            sections = [s for s in self.questionnaire.sections if s.topics]
            chosen = [(s, c) for s in sections for c in self.chosen_topics(s) if c.id == topic_id]
            if chosen:
                section, choice = chosen[0]
                return section.custom_points(topic_id, self.topic_heading(section, choice))
            return sections[0].custom_points(topic_id) if sections else None
        return None

    def needed(self, question: Question) -> bool:
        """Whether an answer is required now: a topic's points are not once its opening words
        say what it did (a topic written as prose, with no 一是)."""
        if question.level != "required":
            return False
        intro = self._intro_of.get(question.id)
        return not (intro and self.has_value(intro))

    def require(self, question_id: str) -> Question:
        question = self.question(question_id)
        if question is None:
            raise Invalid(f"问卷中没有 {question_id!r} 这个问题")
        return question

    def section_active(self, section: Section, env: Env | None = None) -> bool:
        return section.when is None or expr.evaluate(section.when, env or self.env()) is True

    def active(self, question: Question, env: Env | None = None) -> bool:
        return question.when is None or expr.evaluate(question.when, env or self.env()) is True

    def chosen_topics(self, section: Section) -> tuple[TopicChoice, ...]:
        value = self.value(section.topics_id)
        if isinstance(value, tuple):
            return tuple(v for v in value if isinstance(v, TopicChoice))
        return ()

    def topic_heading(self, section: Section, choice: TopicChoice) -> str:
        topic = section.topic(choice.id)
        return choice.heading or (topic.heading if topic else choice.id)

    def unneeded(self) -> frozenset[str]:
        """Questions only the words the unit replaced with its own (title, preamble, 落款)
        would use: not asked, not missing."""
        own = self.document.outline
        flags = [bool(own.title), bool(own.preamble)]
        return needed_only_by_own_words(self.questionnaire, *flags) if any(flags) else frozenset()

    def freeze(self) -> Interview:
        """For a reader that changes nothing (check, summary, export): every part of the
        report asks for the steps and the figures in the text, so they are worked out once.
        A change made all the same forgets them."""
        self._memo = {}
        return self

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once while frozen and unchanged."""
        if self._memo is None:
            return compute()
        if key not in self._memo:
            self._memo[key] = compute()
        return cast(T, self._memo[key])

    def steps(self) -> list[Step]:
        """Every question that applies now, in interview order."""
        return list(self.memo("steps", self._steps))

    def _steps(self) -> list[Step]:
        result: list[Step] = []
        env = self.env()  # once: every condition below reads the same answers
        unneeded = self.unneeded()
        for section in self.questionnaire.sections:
            if not self.section_active(section, env):
                continue
            result.extend(
                Step(q, section)
                for q in section.questions
                if self.active(q, env) and q.id not in unneeded
            )
            if not section.topics:
                continue
            result.append(Step(self._topic_questions[section.topics_id], section))
            for choice in self.chosen_topics(section):
                topic = section.topic(choice.id)
                heading = self.topic_heading(section, choice)
                if topic is None:
                    points = section.custom_points(choice.id, heading)
                    result.append(Step(points, section, None, heading))
                    continue
                result.extend(
                    Step(q, section, topic, heading) for q in topic.questions if self.active(q, env)
                )
        return result

    def step(self, question_id: str) -> Step | None:
        return next((s for s in self.steps() if s.id == question_id), None)

    def where(self, step: Step) -> str:
        """The topic or part a question stands in, as the unit names it on screen."""
        return step.topic_heading or self.document.outline.part_name(step.section)

    # ------------------------------------------------------------ values

    def env(self) -> dict[str, expr.Value]:
        """Answer values as expressions see them: numbers, text, choices; computed included.
        Worked out once per state of the answers (a copy each time: callers may change it)."""
        key = self._values_version
        if self._env_cache is None or self._env_cache[0] != key:
            self._env_cache = (key, environment(self.questionnaire, self._values, self.today))
        return dict(self._env_cache[1])

    def computed_default(self, question_id: str) -> Answer | None:
        """The computed default of a question, whether or not the user overrode it."""
        question = self.question(question_id)
        if question is None or question.compute is None:
            return None
        return self.memo(f"computed {question_id}", lambda: self._compute(question))

    def _compute(self, question: Question) -> Number | None:
        env = self.env()
        env.pop(question.id, None)
        assert question.compute is not None
        result = round_computed(question, expr.evaluate(question.compute, env))
        if isinstance(result, bool) or not isinstance(result, int | float):
            return None
        return Number(result)

    def value(self, question_id: str) -> Answer | None:
        """The answer, else the computed value, else the questionnaire's default."""
        if question_id in self._values:
            return self._values[question_id]
        if self._memo is None:
            return self._unanswered(question_id)
        # The draft asks for each empty figure a few times over: worked out once while frozen.
        known = cast(dict[str, Answer | None], self._memo.setdefault("unanswered", {}))
        if question_id not in known:
            known[question_id] = self._unanswered(question_id)
        return known[question_id]

    def _unanswered(self, question_id: str) -> Answer | None:
        question = self.question(question_id)
        if question is None:
            return None
        if question.compute is not None:
            return self.computed_default(question_id)
        return default_answer(question)

    def previous_value(self, question_id: str) -> Answer | None:
        """Last year's answer, kept when the file was started from last year's (``--from``)."""
        previous = self.document.previous
        question = self.question(question_id)
        if question_id not in previous or question is None:
            return None
        try:
            return from_toml(question, previous[question_id])
        except Invalid:
            return None

    def has_value(self, question_id: str) -> bool:
        return self.value(question_id) is not None

    def settled(self, question_id: str) -> bool:
        """Answered by the clerk, or computed from their answers (化解率): what progress
        counts. A default offered in the box (the year, a kind) is not yet an answer."""
        if question_id in self._values:
            return True
        question = self.question(question_id)
        return (
            question is not None
            and self._follows_answers(question)
            and self.computed_default(question_id) is not None
        )

    def display(self, question_id: str) -> str:
        value = self.value(question_id)
        if value is None:
            return ""
        question = self.require(question_id)
        if question.kind == "topics":
            section = self.questionnaire.section_of(question_id)
            if section is not None:
                return "、".join(
                    self.topic_heading(section, c) for c in self.chosen_topics(section)
                )
        return display(question, value)

    # ------------------------------------------------------------ changes

    def answer(self, question_id: str, text: str) -> Answer:
        """Accept what the user typed; raise Invalid with a message in Chinese."""
        return self.set(question_id, self.trial(question_id, text))

    def trial(self, question_id: str, text: str) -> Answer:
        """What ``answer`` would store, or Invalid; changes nothing (validation in place)."""
        question = self.require(question_id)
        value = check_value(question, parse_text(question, text))
        self._check_exact(question, value)
        self._check_rules(question_id, value)
        return value

    def exact_reason(self, question: Question) -> str | None:
        """Why a figure must be exact, or None when 约, 余 … are fine (see ``computed``)."""
        return exact_reason(self.questionnaire, question)

    def _check_exact(self, question: Question, value: Answer) -> None:
        if isinstance(value, Number) and value.approx:
            reason = self.exact_reason(question)
            if reason is not None:
                raise Invalid(f"{reason}，这里需要准确数字，不能写“{value.hedge}”")

    def set(self, question_id: str, value: Answer, reviewed: bool = True) -> Answer:
        """Store an answer. ``reviewed=False``: a change that is not the clerk's reading of a
        carried answer (a figure rewritten inside it), which stays to review."""
        question = self.require(question_id)
        value = check_value(question, clean_answer(value))
        self._check_exact(question, value)
        self._check_rules(question_id, value)
        if self._follows_answers(question) and value == self.computed_default(question_id):
            # Accepting a value computed from other answers keeps it computed: it follows
            # them when they change. Only a different value overrides it.
            self.clear(question_id)
            return value
        self._values[question_id] = value
        self._values_version += 1
        self.document.put_answer(question_id, to_toml(value))
        if question.kind != "list":  # a list's draft is an item not yet added
            self.document.drop_draft(question_id)
        self._invalid.pop(question_id, None)
        self._skipped.discard(question_id)
        if reviewed:
            self._review.discard(question_id)
        self._sync_state()
        return value

    @staticmethod
    def _follows_answers(question: Question) -> bool:
        """Computed from other answers (化解率), not merely a default (the year before this)."""
        return question.compute is not None and bool(expr.names(question.compute) - BUILTINS)

    def set_raw(self, question_id: str, raw: Any) -> Answer:
        """A value in answers-file form (from --data-file), validated like a typed one."""
        return self.set(question_id, from_toml(self.require(question_id), raw))

    def clear(self, question_id: str) -> None:
        self._values.pop(question_id, None)
        self._values_version += 1
        self.document.drop_answer(question_id)
        self._invalid.pop(question_id, None)
        self._review.discard(question_id)
        self._sync_state()

    def skip(self, question_id: str) -> None:
        """Leave a recommended or optional question empty on purpose: not asked again."""
        question = self.require(question_id)
        if self.needed(question):
            raise Invalid("此项必须填写，不能跳过")
        self._skipped.add(question_id)
        self.document.drop_draft(question_id)
        self._sync_state()

    def confirm(self, question_id: str) -> None:
        """Keep a carried-over answer as it is."""
        self._review.discard(question_id)
        self._sync_state()

    def _sync_state(self) -> None:
        if self._memo is not None:
            self._memo = {}
        self.document.mark(self._skipped, self._review)

    def _check_rules(self, question_id: str, value: Answer) -> None:
        env = self.env()
        env[question_id] = expression_value(value)
        for rule in self.questionnaire.rules:
            if question_id in expr.names(rule.expr) and expr.evaluate(rule.expr, env) is False:
                raise Invalid(rule.message)

    def broken_rules(self) -> list[str]:
        env = self.env()
        return [r.message for r in self.questionnaire.rules if expr.evaluate(r.expr, env) is False]

    # repeated items -------------------------------------------------------

    def items(self, question_id: str) -> tuple[Item, ...]:
        value = self._values.get(question_id)
        return tuple(i for i in value if isinstance(i, dict)) if isinstance(value, tuple) else ()
