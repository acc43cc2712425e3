"""Where a title and a 落款 break into lines, and where those lines stand: measured in
characters of the 版心 (28 a line), so that any reader sets them as planned (GB/T 9704
7.3.3 and 7.3.5.2). Pure: the Word writer places what this decides."""

from __future__ import annotations

import re
import unicodedata

from wizard.report.paragraphs import Span


def width(text: str) -> float:
    """In characters: a Chinese character is one, a digit or Latin letter half of one."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


#: Inside the title's own words, where a line may end: before these, before 关于 and the
#: year, after a space between joint issuers.
_TITLE_BREAKS = re.compile(r"(?=法治政府建设|年度报告|工作情况|情况的?报告|关于|\d{4}年)|(?<=\s)")
#: Where a long unit's name may be cut: after the name of its place (青石市 / 白沙区 / …).
_PLACE_ENDS = re.compile(
    r"(?<=[省市县区旗镇乡])(?=[^\s，、。场域委级直属政民长])|(?<=街道)(?=[^\s办])"
    r"|(?<=[局委办所站队心])(?=[^\s，、。\d会员])"
)
#: The joins a title is best cut at: the issuers, 关于, the year; then where the report's
#: own words join (法治政府建设 / 年度报告), which are weaker.
_STRONG = re.compile(r"(?=关于|\d{4}年)|(?<=\s)")
#: Characters per line of a 2号 title in the 版心: 20 would just fit on paper, and a
#: reader drawing a glyph a hair wider sends the last one to a line of its own.
TITLE_LINE = 19.0


def title_lines(spans: tuple[Span, ...]) -> list[str]:
    """The title in as few lines as fit, as even as can be, split only where its parts join."""
    text = "".join(s.text for s in spans)
    cuts: set[int] = set()
    at = 0
    for span in spans:
        cuts.add(at)
        cuts.update(at + m.start() for m in _TITLE_BREAKS.finditer(span.text))
        cuts.update(at + m.start() for m in _PLACE_ENDS.finditer(span.text))
        at += len(span.text)
    strong = {m.start() for m in _STRONG.finditer(text)}
    lines = _balanced(text, sorted(c for c in cuts if _may_break(text, c)), TITLE_LINE, strong)
    return [line.strip() for line in lines]


def _may_break(text: str, at: int) -> bool:
    """Not at either end, not before punctuation, not inside a number, and not between 年
    and 度 or before 的 (a year filled into "{year}度" is one word with what follows)."""
    if not 2 <= at <= len(text) - 2:
        return False
    before, after = text[at - 1], text[at]
    if unicodedata.category(after)[0] == "P" or after in "度的":
        return False
    return not (before.isdigit() and after.isdigit())


def _balanced(text: str, cuts: list[int], room: float, strong: set[int] | None = None) -> list[str]:
    """As few lines as fit in ``room``, cut at ``strong`` joins where possible, then as even
    as can be; cut only at ``cuts``, and never a character alone on a line."""
    return _best(text, cuts, room, strong or set(), 0)[2]


def _best(
    text: str, cuts: list[int], room: float, strong: set[int], offset: int
) -> tuple[int, int, list[str], float]:
    """(lines, weak cuts, the lines, widest) of the best way to set ``text``."""
    if width(text) <= room or not cuts:
        return 1, 0, [text], width(text)
    best: tuple[int, int, list[str], float] | None = None
    for cut in cuts:
        head, tail = text[:cut], text[cut:]
        if width(head) > room or width(head.strip()) < 2 or width(tail.strip()) < 2:
            continue
        lines, weak, rest, widest = _best(
            tail, [c - cut for c in cuts if c > cut], room, strong, offset + cut
        )
        candidate = (
            lines + 1,
            weak + (offset + cut not in strong),
            [head, *rest],
            max(widest, width(head)),
        )
        if best is None or (candidate[0], candidate[1], candidate[3]) < (best[0], best[1], best[3]):
            best = candidate
    return best or (1, 0, [text], width(text))


# ---------------------------------------------------------------- 落款


#: Characters a 落款 line may take: the 版心 less the two characters it stands from the right.
SIGNATURE_LINE = 26.0


def signature_indents(name: str, date: str) -> tuple[float, float]:
    """Left indents, in characters, of the 署名 and the 成文日期 (7.3.5.2, no seal): the
    署名 右空二字, the date on the next line with its first character two to the right of
    the 署名's first; a date longer than that stands 右空二字 and the 署名 moves left to
    keep the two. Placed by their left edges, the two characters between the first
    characters hold in any reader, whatever width it gives digits; only the right margin
    of the longer line rests on the widths."""
    name_width = min(width(name), SIGNATURE_LINE)
    name_left = min(28 - 2 - name_width, 28 - 2 - width(date) - 2)
    return max(name_left, 0.0), max(name_left, 0.0) + 2


def signature_lines(name: str) -> list[str]:
    """A 署名 in lines that fit: joint issuers one a line, a long name cut after its place
    (青石市白沙区 / 综合行政执法局), never inside a word."""
    if width(name) <= SIGNATURE_LINE:
        return [name]
    parts = name.split()
    if len(parts) > 1 and all(width(p) <= SIGNATURE_LINE for p in parts):
        return parts
    cuts = [m.end() for m in _PLACE_ENDS.finditer(name) if 2 <= m.end() <= len(name) - 2]
    return _balanced(name, cuts, SIGNATURE_LINE)
