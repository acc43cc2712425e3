"""Figures in the clerk's own sentences, kept in the answers file's ``[[text_figures]]``.

The figure grammar finds them in every text the clerk wrote (points, 导语, problems, the
第一责任人 part, plans, other matters); each is confirmed once as the answer to a question
(which is then answered and not asked again), as the unit's own figure, or as no figure at
all (a year, an ordinal). The sentence stays the clerk's and is printed as typed; the file
keeps what each figure counts and how its sentence says it, so that a figure changed on its
own is changed inside its sentence, and a sentence edited by hand is noticed::

    [[text_figures]]
    answer = "law_enforcement_points"   # the answer whose words say it
    label = "检查货运车辆"                # what was counted
    said = "8600辆次"                    # as the sentence says it
    question = "inspections"            # the question it answers; absent: the unit's own
    last_year = "7800辆次"               # last year's, as last year's report said it
    state = "carried"                   # still last year's figure (new --from); or
                                        # "not_a_figure" when the clerk said so
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from wizard.answersfile.records import Record
from wizard.figures import Invalid, Number
from wizard.figures import grammar as grammar
from wizard.figures.grammar import Found, Reading
from wizard.kinds.rank import RANK
from wizard.questionnaire import Question
from wizard.state.interview import Interview

#: A question that holds any figure as typed: how a figure of the unit's own is read.
ANY_FIGURE = Question(id="text_figure", kind="decimal", label="数字")
#: A place in a sentence (位列第3名), read as a 名次 question reads its answer.
A_PLACE = Question(id="text_place", kind="rank", label="名次", example="3")


@dataclass(frozen=True, slots=True)
class Place:
    """Where a text of the clerk's stands: an answer, and for a list its item and field."""

    answer: str
    item: int | None = None
    field: str | None = None
    #: For the clerk: the part or topic, and the item (“加强组织领导”第2条).
    where: str = ""
    section: str = ""
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class Located:
    """A figure found in a text, with its record when it has one."""

    place: Place
    text: str
    found: Found
    record: Record | None = None

    @property
    def label(self) -> str:
        return self.record.label if self.record else self.found.label

    @property
    def said(self) -> str:
        return self.text[self.found.start : self.found.end]


@dataclass(frozen=True, slots=True)
class Layout:
    """Every figure of the clerk's texts, and the records no longer found in them."""

    located: tuple[Located, ...]
    gone: tuple[Record, ...]
    problems: tuple[str, ...] = ()

    def in_answer(self, answer: str) -> tuple[Located, ...]:
        return tuple(item for item in self.located if item.place.answer == answer)

    @property
    def said_questions(self) -> frozenset[str]:
        """Questions whose answer a sentence of the clerk's already states."""
        return frozenset(
            item.record.question
            for item in self.located
            if item.record is not None and item.record.question and item.record.is_figure
        )


# ---------------------------------------------------------------- finding


def is_prose(question: Question) -> bool:
    """Answers the clerk writes in sentences, where figures stand."""
    return question.kind in ("longtext", "list")


#: Where the unit's own preamble stands, as an answer: it is the clerk's text too.
PREAMBLE = "outline.preamble"


def texts(interview: Interview) -> list[tuple[Place, str]]:
    """Every text of the clerk's that the report prints, in the interview's order."""
    result: list[tuple[Place, str]] = []
    preamble = interview.document.outline.preamble
    if preamble.strip():
        result.append((Place(PREAMBLE, where="开头一段"), preamble))
    for step in interview.steps():
        question = step.question
        if not is_prose(question) or step.id not in interview.values:
            continue
        heading = interview.where(step)
        topic = step.topic.id if step.topic else (step.id.removesuffix("_points") or None)
        topic = topic if step.topic_heading else None
        where, section = f"“{heading}”", step.section.id
        if question.kind == "longtext":
            value = interview.values[step.id]
            if isinstance(value, str):
                result.append((Place(step.id, where=where, section=section, topic=topic), value))
            continue
        for index, item in enumerate(interview.items(step.id)):
            for field in question.fields:
                text = item.get(field.id, "")
                if text:
                    place = Place(
                        step.id, index, field.id, f"{where}第{index + 1}条", section, topic
                    )
                    result.append((place, text))
    return result


def where_all(located: Sequence[Located]) -> str:
    """Where these figures stand, together: “健全依法决策机制”第1、2条 when they are in
    several items of one answer."""
    first = located[0].place
    numbers = sorted({i.place.item for i in located if i.place.item is not None})
    if first.item is None or len(numbers) < 2:
        return first.where
    heading = first.where.removesuffix(f"第{first.item + 1}条")
    return f"{heading}第{'、'.join(str(n + 1) for n in numbers)}条"


def locate(interview: Interview) -> Layout:
    """Every figure in the clerk's texts, each with its record; records found nowhere."""
    return interview.memo("text figures", lambda: _locate(interview))


def _locate(interview: Interview) -> Layout:
    stored, problems = interview.document.text_figures, interview.document.text_figure_problems
    by_answer: dict[str, list[Record]] = {}
    for entry in stored:
        by_answer.setdefault(entry.answer, []).append(entry)
    located: list[Located] = []
    gone: list[Record] = []
    found_by_answer: dict[str, list[tuple[Place, str, Found]]] = {}
    for place, text in texts(interview):
        for found in grammar.find(text):
            found_by_answer.setdefault(place.answer, []).append((place, text, found))
    for answer, in_answer in found_by_answer.items():
        claimed, left = _claim(by_answer.pop(answer, []), in_answer)
        for (place, text, figure), claim in zip(in_answer, claimed, strict=True):
            located.append(Located(place, text, figure, claim))
        gone.extend(left)
    for unclaimed in by_answer.values():
        gone.extend(unclaimed)
    return Layout(tuple(located), tuple(gone), tuple(problems))


def _claim(
    records: list[Record], found: list[tuple[Place, str, Found]]
) -> tuple[list[Record | None], list[Record]]:
    """Each found figure's record: the one with its words and its number, else its words
    (the number was changed), else its number (the words were); records left over are gone."""
    result: list[Record | None] = [None] * len(found)
    left = list(records)
    said = [text[f.start : f.end] for _, text, f in found]
    labels = [f.label for _, _, f in found]

    def words_and_number(r: Record, i: int) -> bool:
        return r.label == labels[i] and r.said == said[i]

    def words(r: Record, i: int) -> bool:
        return r.label == labels[i]

    def number(r: Record, i: int) -> bool:
        return r.said == said[i]

    for test in (words_and_number, words, number):
        for index in range(len(found)):
            if result[index] is not None:
                continue
            record = next((r for r in left if test(r, index)), None)
            if record is not None:
                result[index] = record
                left.remove(record)
    return result, left


def value_of(said: str) -> Number | None:
    """A figure as said in a text, as a number (its measure word kept)."""
    try:
        reading = grammar.read(said.removeprefix("第"))
    except ValueError:
        return None
    if reading is None:
        return None
    return Number(reading.value, reading.hedge, reading.measure, reading.wan)


# ---------------------------------------------------------------- changing


def rewritten(interview: Interview, located: Located, text: str) -> None:
    """Put a changed text back in its answer, validated like anything typed."""
    place = located.place
    if place.answer == PREAMBLE:
        interview.document.set_preamble(text)
        return
    if place.item is None or place.field is None:
        interview.set(place.answer, text, reviewed=False)
        return
    items = [dict(item) for item in interview.items(place.answer)]
    items[place.item][place.field] = text
    interview.set(place.answer, tuple(items), reviewed=False)


def change(interview: Interview, located: Located, reading: Reading) -> Record:
    """Say a figure anew inside its sentence (8600辆次 → 9100辆次); returns its record."""
    said = grammar.say(reading)
    rewritten(interview, located, grammar.replaced(located.text, located.found, reading))
    record = located.record or Record(located.place.answer, located.found.label, said)
    return replace(record, said=said, state="" if record.state == "carried" else record.state)


def drop(interview: Interview, located: Located) -> None:
    """Take a figure's clause out of its sentence (a figure that is no more)."""
    rewritten(interview, located, grammar.dropped(located.text, located.found))


def this_years(typed_text: str, located: Located) -> Reading:
    """What the clerk typed for a figure (``9100``, ``约9000``, ``9.8万``), said in its
    sentence's words: the sentence's measure word and 万 unless they typed their own. A
    place (第3名) is read as the 名次 kind reads one: exact, from 1, 第二 as well as 2."""
    old = located.found.reading
    if located.found.kind == "rank":
        place = RANK.parse(A_PLACE, typed_text)
        assert isinstance(place, Number)
        return Reading(str(place.value), before="第", measure=old.measure)
    try:
        typed = grammar.read(typed_text)
    except ValueError as error:
        raise Invalid(str(error)) from None
    if typed is None or typed.number.startswith("-"):
        raise Invalid("请写今年的数字，如 9100、约9000、2000余；或写“删去”“仍为”")
    number, wan = typed.number, typed.wan
    if old.wan and not typed.wan and not typed.measure:
        wan = True  # the sentence says 9.6万: 9.8 or 98000 both mean 9.8万
        if typed.value >= 10000:
            number = grammar.reading_of(typed.value / 10000).number
    return replace(typed, number=number, wan=wan, measure=typed.measure or old.measure)


def carried(last: Interview) -> list[Record]:
    """Next year's records: every figure of last year's texts, carried with them, each with
    last year's words as ``last_year`` and waiting for this year's (``state = "carried"``).
    A figure last year's file did not record is matched to a question as an import would."""
    from wizard.state.matching import Matcher  # only new --from needs it

    matcher = Matcher(last.questionnaire)
    layout = locate(last)
    taken = {r.question for r in last.document.text_figures if r.question}
    result: list[Record] = []
    for item in layout.located:
        record = item.record
        if record is not None and not record.is_figure:
            result.append(replace(record, said=item.said))
            continue
        if record is None:
            scope = scope_of(last, item.place)
            found = item.found
            match = matcher.match(found.label, found.reading, scope, taken, item.place.answer)
            question = match.question.id if match else ""
            taken.add(question)
            record = Record(item.place.answer, item.found.label, item.said, question)
        result.append(replace(record, said=item.said, last_year=item.said, state="carried"))
    return result


def scope_of(interview: Interview, place: Place) -> set[str]:
    """The figure questions of the topic or part a text stands in."""
    for section in interview.questionnaire.sections:
        if section.id != place.section:
            continue
        topic = section.topic(place.topic) if place.topic else None
        questions = topic.metrics if topic else section.questions
        return {q.id for q in questions if q.is_numeric}
    return set()
