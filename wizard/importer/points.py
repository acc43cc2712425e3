"""What stands under a heading → its opening words and its points, with the numbering and
the layout they have in the source.

Points are the headings one level down (1. items under a （一） topic), or points run into
the text (一是……二是……), one paragraph each or all in one; prose with no numbers is a point
a paragraph. Whatever lies deeper stays in its point's text with its numbers, so nothing is
lost and the draft prints it as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wizard.importer.tree import Node, chinese_value, first_sentence, literal

_CN = "一二三四五六七八九十"
#: Points run into a text, by numbering style: 一是…二是…, （一）…（二）…, 1.…2.…
_INLINE: dict[str, re.Pattern[str]] = {
    "一是": re.compile(rf"(?<![{_CN}])([{_CN}]+)是(?=[^，。；、]{{2,}})"),
    "（一）": re.compile(rf"[（(]([{_CN}]+)[）)]"),
    "（1）": re.compile(r"[（(](\d{1,2})[）)]"),
    "1.": re.compile(r"(?<![\d.])(\d{1,2})[.．、](?!\d)"),
}


@dataclass(frozen=True, slots=True)
class Entries:
    #: The words before the first point.
    intro: str
    #: (title, the rest) of each point: the title is its first sentence.
    items: tuple[tuple[str, str], ...]
    #: 一是, 1., （1）, （一）; "" for prose.
    numbering: str
    #: run_in (all in one paragraph), paragraphs (one each), own_line (titles alone).
    layout: str


def points_of(node: Node) -> Entries:
    if node.children:
        items = tuple(
            (
                child.heading,
                "\n".join([*child.text, *(x for g in child.children for x in literal(g))]),
            )
            for child in node.children
        )
        first = node.children[0]
        layout = "paragraphs" if first.run_in else "own_line"
        if len(node.children) > 1 and node.children[1].joined:
            layout = "run_in"  # （一）…（二）… in one paragraph
        return Entries("\n".join(node.text), items, first.style, layout)
    text = "\n".join(node.text)
    intro, points, style, at_starts = split_points(text)
    if points:
        return Entries(intro, tuple(points), style, "paragraphs" if at_starts else "run_in")
    paragraphs = [p for p in node.text if p.strip()]
    layout = "paragraphs" if len(paragraphs) > 1 else "run_in"
    return Entries("", tuple(first_sentence(p) for p in paragraphs), "", layout)


def split_points(text: str) -> tuple[str, list[tuple[str, str]], str, bool]:
    """Points run into a text → the words before them, each point as (its first sentence,
    the rest), their numbering style and whether each begins a paragraph; no points: the
    text, [], "", False. Only marks counting 1, 2, 3 in order are points: other numbers are
    prose."""
    best: tuple[str, list[re.Match[str]]] = ("", [])
    for style, pattern in _INLINE.items():
        expected, kept = 1, []
        for mark in pattern.finditer(text):
            if chinese_value(mark.group(1)) == expected:
                kept.append(mark)
                expected += 1
        if len(kept) > len(best[1]):
            best = (style, kept)
    style, kept = best
    if len(kept) < 2:
        return text.strip(), [], "", False
    lead = text[: kept[0].start()].strip()
    points = []
    for mark, following in zip(kept, [*kept[1:], None], strict=True):
        body = text[mark.end() : following.start() if following else len(text)].strip()
        points.append(first_sentence(body))
    at_starts = all(m.start() == 0 or text[m.start() - 1] == "\n" for m in kept)
    return lead, points, style, at_starts
