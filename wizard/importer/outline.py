"""A finished report's text → its outline: title, 主送, preamble, the numbered parts, their
topics and points, the signature, and whatever fits none of these (kept, never dropped).

The official numbering is the main signal (一、 （一） 1. 一是), read also when typed
half-width (``(一)``, ``1、``); the words of a part's heading are the second: they say
which of the regulation's contents the part reports. Pure: lines in, a tree out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from wizard.cleaning import clean_input

PartKind = Literal["measures", "results", "problems", "duty", "plans", "other", "topic"]

_CN = "一二三四五六七八九十"
LEVEL1 = re.compile(rf"^([{_CN}]+)[、.．]\s*(.*)$")
LEVEL2 = re.compile(rf"^[（(]([{_CN}]+)[）)]\s*(.*)$")
LEVEL3 = re.compile(r"^(\d{1,2})[.．、]\s*(?!\d)(.*)$")
POINT = re.compile(rf"(?<![{_CN}])([{_CN}]+)是(?=[^，。；、]{{2,}})")
DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
YEAR = re.compile(r"(20\d{2})\s*年")

#: Words of a part's heading → the content it reports, tried in this order.
_KINDS: tuple[tuple[PartKind, tuple[str, ...]], ...] = (
    ("duty", ("第一责任人", "主要负责人")),
    ("problems", ("问题", "不足", "短板", "差距")),
    ("plans", ("安排", "打算", "计划", "下一步", "下步", "思路")),
    ("other", ("其他",)),
    ("measures", ("举措", "情况", "措施", "做法", "开展")),
    ("results", ("成效", "成绩", "成果")),
)


@dataclass
class Topic:
    heading: str
    #: Whether the heading ran into its paragraph (（一）标题。正文…) or stood alone.
    run_in: bool
    numbering: str
    intro: str = ""
    points: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Part:
    heading: str
    kind: PartKind
    lead: str = ""
    points: list[tuple[str, str]] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    #: (一) items of a plans part: (heading, text).
    items: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Outline:
    title: str = ""
    addressee: str = ""
    preamble: str = ""
    parts: list[Part] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    #: Text that fits nowhere: kept in the answers file and listed.
    unplaced: list[str] = field(default_factory=list)
    point_numbering: str = "一是"
    topic_numbering: str = "（一）"


def kind_of(heading: str) -> PartKind:
    for kind, words in _KINDS:
        if any(w in heading for w in words):
            if (
                kind == "measures"
                and any(w in heading for w in ("成效",))
                and "举措" not in heading
            ):
                return "results"
            return kind
    return "topic"


#: Points run into a paragraph, by numbering style: 一是…二是…, （一）…（二）…, 1.…2.…
_INLINE: dict[str, re.Pattern[str]] = {
    "一是": POINT,
    "（一）": re.compile(rf"[（(]([{_CN}]+)[）)]"),
    "（1）": re.compile(r"[（(](\d{1,2})[）)]"),
    "1.": re.compile(r"(?<![\d.])(\d{1,2})[.．、](?!\d)"),
}


def split_points(text: str) -> tuple[str, list[tuple[str, str]], str]:
    """Points run into a text → the words before them, each point as (its first sentence,
    the rest), and their numbering style; no points: the text, [], ""."""
    best: tuple[str, list[re.Match[str]]] = ("", [])
    for style, pattern in _INLINE.items():
        expected, kept = 1, []
        for mark in pattern.finditer(text):  # 1, 2, 3 in order; other numbers are prose
            if _number(mark.group(1)) == expected:
                kept.append(mark)
                expected += 1
        if len(kept) > len(best[1]):
            best = (style, kept)
    style, kept = best
    if len(kept) < 2:
        return text.strip(), [], ""
    lead = text[: kept[0].start()].strip()
    points = []
    for mark, following in zip(kept, [*kept[1:], None], strict=True):
        body = text[mark.end() : following.start() if following else len(text)].strip()
        points.append(first_sentence(body))
    return lead, points, style


def first_sentence(text: str) -> tuple[str, str]:
    """(the sentence up to its 。 without it, the rest) — a point's title and its text."""
    cut = text.find("。")
    if cut < 0:
        return text.strip().rstrip("；;"), ""
    return text[:cut].strip(), text[cut + 1 :].strip()


def _number(chinese: str) -> int:
    if chinese.isdigit():
        return int(chinese)
    if chinese == "十":
        return 10
    if chinese.startswith("十"):
        return 10 + _CN.index(chinese[1]) + 1
    if "十" in chinese:
        tens, _, ones = chinese.partition("十")
        return (_CN.index(tens) + 1) * 10 + (_CN.index(ones) + 1 if ones else 0)
    return _CN.index(chinese) + 1 if chinese in _CN else 0


def read(lines: list[str]) -> Outline:
    # Control and invisible characters (pasted from WeChat, say) go, as from typed answers.
    lines = [clean_input(line).strip() for line in lines if clean_input(line).strip()]
    result = Outline()
    if not lines:
        return result
    result.title, rest = lines[0], lines[1:]
    # A long title set on two lines (GB/T 9704 7.3.2): join until it names the report.
    while (
        rest
        and "报告" not in result.title
        and len(rest[0]) <= 30
        and not rest[0].endswith(("。", "：", ":"))
    ):
        result.title += rest.pop(0)
    while rest and (DATE.match(rest[-1]) or _looks_like_signature(rest[-1])):
        result.signature.insert(0, rest.pop())
    if rest and rest[0].endswith(("：", ":")) and len(rest[0]) <= 30 and "现将" not in rest[0]:
        result.addressee = rest.pop(0).rstrip("：:")
    preamble: list[str] = []
    while rest and not LEVEL1.match(rest[0]):
        preamble.append(rest.pop(0))
    result.preamble = "\n".join(preamble)
    part: Part | None = None
    for line in rest:
        head = LEVEL1.match(line)
        if head:
            part = Part(head.group(2).strip().rstrip("。"), kind_of(head.group(2)))
            result.parts.append(part)
            continue
        assert part is not None  # the loop above stopped at the first part
        _add(result, part, line)
    for part in result.parts:
        _finish(result, part)
    return result


_ORGAN = re.compile(r"(人民政府|政府|办事处|委员会|办公室|[乡镇局委办]|街道|中心)$")


def _looks_like_signature(line: str) -> bool:
    """The unit that signs: a short name ending as organs do, with no figure in it."""
    return len(line) <= 20 and bool(_ORGAN.search(line)) and not re.search(r"\d", line)


def _add(result: Outline, part: Part, line: str) -> None:
    """A line under a part: a topic or plan item, more of the current topic, or the lead."""
    # A part that is itself a topic has points below it, not topics: （一） there runs in.
    head = None if part.kind == "topic" else LEVEL2.match(line) or LEVEL3.match(line)
    if head:
        numbering = "（一）" if LEVEL2.match(line) else "1."
        result.topic_numbering = numbering
        body = head.group(2).strip()
        heading, text = first_sentence(body)
        run_in = bool(text) or body.endswith("。")
        part.topics.append(Topic(heading, run_in, numbering, intro=text))
        return
    if part.topics:
        topic = part.topics[-1]
        topic.intro = f"{topic.intro}\n{line}" if topic.intro else line
    else:
        part.lead = f"{part.lead}\n{line}" if part.lead else line


def _finish(result: Outline, part: Part) -> None:
    """Split each body at its run-in points: a plans part's （一） items stay items."""
    if part.kind == "plans":
        part.items = [(t.heading, t.intro) for t in part.topics]
        part.topics = []
    for topic in part.topics:
        topic.intro, topic.points, style = split_points(topic.intro)
        result.point_numbering = style or result.point_numbering
    part.lead, part.points, style = split_points(part.lead)
    if part.kind == "topic":
        result.point_numbering = style or result.point_numbering
