"""Official Chinese wording: numbering of every level, sentences closed with 。, a gap left
for the clerk marked 【待填写：…】."""

from __future__ import annotations

from typing import Literal

from wizard.questionnaire import Numbering

#: The level of a heading numbered this way (GB/T 9704 7.3.3: 一、 黑体, （一） 楷体,
#: 1. and （1） 仿宋); 一是 is not a heading level but a point within one.
LEVELS: dict[Numbering, int] = {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4, "一是": 0}

_DIGITS = "零一二三四五六七八九"
_CLOSERS = ("。", "！", "？", "；", "：", "…", ".", "!", "?", ";", ":")
#: Marks that close a sentence only after one of the closers: “……。” does, “谁执法谁普法” not.
_QUOTES = ("”", "’", "）", ")", "」", "』")


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (enough for any outline)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    if n >= 100:
        return str(n)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def number_label(style: Numbering | Literal[""], n: int) -> str:
    """The label of the n-th entry; "" numbers nothing (a unit that writes prose)."""
    if not style:
        return ""
    labels = {
        "一、": f"{chinese_number(n)}、",
        "（一）": f"（{chinese_number(n)}）",
        "一是": f"{chinese_number(n)}是",
        "1.": f"{n}.",
        "（1）": f"（{n}）",
    }
    return labels[style]


def missing_mark(label: str) -> str:
    return f"【待填写：{label}】"


def end_sentence(text: str) -> str:
    """Close a sentence with 。 unless the writer already closed it."""
    text = text.strip()
    inner = text.rstrip("".join(_QUOTES))
    closed = text.endswith(_CLOSERS) or (inner != text and inner.endswith(_CLOSERS))
    return text if not text or closed else text + "。"


def one_line(text: str) -> str:
    """Text that runs into a paragraph: the writer's line breaks are joined."""
    return "".join(line.strip() for line in text.splitlines())


def point_label(numbering: Numbering | Literal[""], n: int, count: int, alone: bool = False) -> str:
    """一是, 二是 …; a point alone is not numbered (一是 with no 二是 reads wrong), unless
    ``alone``: the unit numbered one item so (（一）执法力量不足。)."""
    return number_label(numbering, n) if count > 1 or alone else ""


def kept_lines(text: str) -> str:
    """A field's text, each line closed as a sentence, its line breaks kept."""
    return "\n".join(end_sentence(line) for line in text.splitlines() if line.strip())
