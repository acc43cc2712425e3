"""How far the user is: answered of required and recommended, per section and overall;
the place of a question among the ones that apply, and which one comes next."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from wizard.questionnaire import Section
from wizard.state.interview import Interview
from wizard.state.steps import Step


@dataclass(frozen=True, slots=True)
class Position:
    """Question i of n in its section, and overall."""

    in_section: int
    section_total: int
    overall: int
    total: int


@dataclass(frozen=True, slots=True)
class Tally:
    required: int = 0
    required_done: int = 0
    recommended: int = 0
    recommended_done: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.required + self.recommended

    @property
    def done(self) -> int:
        return self.required_done + self.recommended_done

    @property
    def percent(self) -> int:
        """Answered or deliberately skipped, of the questions that count."""
        return 100 if not self.total else (self.done + self.skipped) * 100 // self.total

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.required + other.required,
            self.required_done + other.required_done,
            self.recommended + other.recommended,
            self.recommended_done + other.recommended_done,
            self.skipped + other.skipped,
        )


def tally(interview: Interview, steps: list[Step] | None = None) -> Tally:
    total = Tally()
    for step in interview.steps() if steps is None else steps:
        level = step.question.level
        done = interview.settled(step.id)
        if level == "required":
            total += Tally(required=1, required_done=int(done))
        elif level == "recommended":
            skipped = int(not done and step.id in interview._skipped)
            total += Tally(recommended=1, recommended_done=int(done), skipped=skipped)
    return total


def section_tallies(interview: Interview) -> Iterator[tuple[Section, Tally]]:
    steps = interview.steps()
    for section in interview.questionnaire.sections:
        own = [s for s in steps if s.section.id == section.id]
        if own:
            yield section, tally(interview, own)


def position(interview: Interview, question_id: str) -> Position:
    """The question's place in its section and among all the applicable ones."""
    steps = interview.steps()
    ids = [s.id for s in steps]
    if question_id not in ids:
        return Position(0, 0, 0, len(ids))
    index = ids.index(question_id)
    section = [s.id for s in steps if s.section.id == steps[index].section.id]
    return Position(section.index(question_id) + 1, len(section), index + 1, len(ids))


# ---------------------------------------------------------------- order


def is_open(interview: Interview, step: Step) -> bool:
    """Still to ask: no answer of the user's own (or one carried over from last year and
    not yet confirmed), and not skipped on purpose."""
    unanswered = step.id not in interview.values or step.id in interview.review
    return unanswered and step.id not in interview.skipped


def next_step(interview: Interview, after: str | None = None) -> Step | None:
    """After a question: the next open one in order. Otherwise: the first open required
    question, then the first open recommended one; None when nothing is left to ask."""
    steps = interview.steps()
    if after is not None:
        ids = [s.id for s in steps]
        if after in ids:
            for step in steps[ids.index(after) + 1 :]:
                if is_open(interview, step):
                    return step
    for level in ("required", "recommended", "optional"):
        for step in steps:
            computed = step.question.compute is not None and interview.has_value(step.id)
            if step.question.level == level and is_open(interview, step) and not computed:
                return step
    return None


def previous_step(interview: Interview, question_id: str) -> Step | None:
    steps = interview.steps()
    ids = [s.id for s in steps]
    if question_id not in ids:
        return None
    index = ids.index(question_id)
    return steps[index - 1] if index > 0 else None


def first_step_of(interview: Interview, section_id: str) -> Step | None:
    return next((s for s in interview.steps() if s.section.id == section_id), None)
