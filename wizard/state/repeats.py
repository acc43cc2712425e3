"""Figures that prose says too: twice in the draft, at odds with each other, or left over
from last year's text. Words around a figure are matched by the question's own label
(中心组学法6次 for the question 中心组学法, counted in 次)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from wizard.figures import Number, format_number
from wizard.kinds import kind_of
from wizard.questionnaire import Question
from wizard.state import text_figures
from wizard.state.interview import Interview


@dataclass(frozen=True, slots=True)
class Said:
    """A figure the prose states: the question it belongs to and the words that state it."""

    question: Question
    words: str
    value: float


def said_in(question: Question, prose: str) -> Iterator[Said]:
    """Where ``prose`` states the question's figure: its label, a number, its unit."""
    unit = kind_of(question).unit_of(question)
    if not unit or len(question.label) < 2:
        return
    label = question.label
    for match in _stating(label, unit).finditer(prose):
        before = prose[max(match.start() - 2, 0) : match.start()]
        if match.group(1) != label and before in ACTIONS and before not in label:
            continue  # 审核规范性文件2件 is another fact than 制定规范性文件
        yield Said(question, match.group(0), float(match.group(2)))


@functools.lru_cache(maxsize=1024)
def _stating(label: str, unit: str) -> re.Pattern[str]:
    """The label, or its end (中心组学法6次 states 党委理论学习中心组学法), a number, the unit."""
    ends = [label[i:] for i in range(max(len(label) - 3, 1))]
    words = "|".join(re.escape(end) for end in ends)
    return re.compile(f"({words})" + r"(?:约|近|超|逾)?(\d+(?:\.\d+)?)(?:余|多)?" + re.escape(unit))


#: Actions that make two facts of one thing (制定 and 清理 规范性文件): a label's end found
#: after another of them is not the label's figure.
# fmt: off
ACTIONS = frozenset({
    "制定", "审核", "审查", "备案", "清理", "废止", "修订", "出台", "印发", "受理", "办理", "查处", "立案", "结案", "复议",
    "应诉", "调解", "化解", "排查", "评查", "抽查", "检查", "培训", "签订", "公开", "答复", "听证", "处罚", "许可", "征收",
})
# fmt: on


def _prose(interview: Interview, question_ids: list[str]) -> str:
    parts: list[str] = []
    for question_id in question_ids:
        value = interview.values.get(question_id)
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, tuple):
            parts += [text for item in value if isinstance(item, dict) for text in item.values()]
    return "\n".join(parts)


@dataclass(frozen=True, slots=True)
class Repeat:
    kind: str  # "twice", "differs", "last_year"
    question: Question
    message: str


def repeats(interview: Interview) -> list[Repeat]:
    return [*_in_topics(interview), *_from_last_year(interview)]


def _in_topics(interview: Interview) -> Iterator[Repeat]:
    """A topic's points that state one of its figures again, or state it otherwise. A figure
    recorded in its sentence (``text_figures``) is said there only: the questionnaire's
    sentence leaves it out."""
    recorded = text_figures.locate(interview).said_questions
    for step in interview.steps():
        topic = step.topic
        if topic is None or step.id != topic.points.id:
            continue
        prose = _prose(interview, [q.id for q in topic.questions if not q.is_numeric])
        for metric in topic.metrics:
            if metric.id in recorded:
                continue
            value = interview.values.get(metric.id)
            if not isinstance(value, Number) or value.wan or value.measure:
                continue
            shown = format_number(metric, value)
            for said in said_in(metric, prose):
                if said.value == value.value:
                    yield Repeat(
                        "twice",
                        metric,
                        f"“{step.topic_heading}”的做法里写了“{said.words}”，数字题也填了 {shown}："
                        "草稿中会说两遍，删去做法里的这个数字即可",
                    )
                else:
                    yield Repeat(
                        "differs",
                        metric,
                        f"数字对不上：“{step.topic_heading}”的做法里写“{said.words}”，"
                        f"数字题“{metric.label}”填的是 {shown}",
                    )


def _from_last_year(interview: Interview) -> Iterator[Repeat]:
    """Text carried over from last year that still states last year's figures."""
    previous = interview.document.previous
    if not previous:
        return
    texts = [k for k, v in interview.values.items() if isinstance(v, str | tuple)]
    prose = _prose(interview, texts)
    # A figure in a carried sentence is asked for this year's value there (or said to stay).
    recorded = text_figures.locate(interview).said_questions
    for question_id in previous:
        if question_id in recorded:
            continue
        question = interview.question(question_id)
        before = interview.previous_value(question_id)
        if question is None or not isinstance(before, Number):
            continue
        for said in said_in(question, prose):
            if said.value == before.value:
                message = f"沿用上年的文字里还有上年的数字“{said.words}”：请改成今年的"
                yield Repeat("last_year", question, message)


#: Punctuation and spaces: what two wordings of one sentence may differ in.
_NOT_WORDS = re.compile(r"[\W_]+")
#: Shorter sentences (是、好) may well come twice on purpose.
_SENTENCE_AT_LEAST = 8


def sentences_twice(paragraphs: list[str]) -> list[str]:
    """Sentences the draft says twice, word for word (a carried sentence and a yes/no
    question's own, say): each once, as the draft prints it."""
    seen: dict[str, str] = {}
    twice: dict[str, str] = {}
    for paragraph in paragraphs:
        for sentence in re.findall(r"[^。！？；]+[。！？；]?", paragraph):
            key = _NOT_WORDS.sub("", sentence)
            if len(key) < _SENTENCE_AT_LEAST:
                continue
            if key in seen and key not in twice:
                twice[key] = sentence.strip()
            seen.setdefault(key, sentence.strip())
    return list(twice.values())
