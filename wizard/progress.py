"""How far the user is: answered of required and recommended, per section and overall;
the place of a question among the ones that apply."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from wizard.interview import Interview
from wizard.questionnaire import Section
from wizard.steps import Step


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
