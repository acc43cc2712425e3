"""A finished report's lines → its tree: title, 主送, preamble, the numbered headings of every
level with the text under each, and the 落款. Pure: lines in, a tree out.

The official numbering is the main signal: 一、 （一） 1. （1）, also typed half width
(``(一)``, ``1、``, ``1．``). The first numbered level of a report is its parts, and each
deeper level nests under the one above it, however many levels a report has and whichever
it skips. A heading the file marks without a number (Word's 标题 1, Markdown's ``##``) is a
heading of that level. Nothing is dropped: every line is the title, 主送, preamble, a
heading, text under a heading, or the 落款.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wizard.base.cleaning import clean_input

_CN = "一二三四五六七八九十"
#: Numbering styles by depth (GB/T 9704 7.3.3), each with what it may be typed as.
_MARKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("一、", re.compile(rf"^([{_CN}]+)([、.．])\s*(.*)$", re.S)),
    ("（一）", re.compile(rf"^([（(])([{_CN}]+)[）)]\s*(.*)$", re.S)),
    ("1.", re.compile(r"^()(\d{1,2})([.．、])\s*(?!\d)(.*)$", re.S)),
    ("（1）", re.compile(r"^([（(])(\d{1,2})[）)]\s*(.*)$", re.S)),
)
RANK = {style: rank for rank, (style, _) in enumerate(_MARKS, 1)}
DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
#: A gap the wizard leaves for a date not yet given, where the 成文日期 stands in its drafts.
DATE_GAP = re.compile(r"^【待填写：[^】]*日期[^】]*】$")
YEAR = re.compile(r"(20\d{2})\s*年")
_ORGAN = re.compile(r"(人民政府|政府|办事处|委员会|党委|党工委|办公室|[乡镇局委办]|街道|中心)$")
_ANNOTATION = re.compile(r"^[（(](?:联系人|附注|此件|注)[^)）]*[)）]$")
#: Words that name the report in a title: a title set on two lines is joined until one.
_TITLE_WORDS = ("报告", "总结", "汇报", "情况")


@dataclass(frozen=True, slots=True)
class Line:
    """A paragraph of the source, and the heading level the file itself marks (0: none)."""

    text: str
    heading: int = 0
    #: Run on in the paragraph of the line before (（一）…。（二）… typed in one paragraph).
    joined: bool = False


@dataclass
class Node:
    """A heading and what is under it."""

    #: Its numbering (一、 （一） 1. （1）), "" for a heading marked only by the file.
    style: str
    heading: str
    #: Its depth: 1 for 一、, 2 for （一）, … (a file's own mark: its level).
    rank: int
    #: The heading ran into its paragraph (（一）标题。正文…), or was closed with 。 as one.
    run_in: bool = False
    #: Paragraphs under it, the run-in rest first.
    text: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    #: The number as the source wrote it, where that is not the official form: ``(一)``.
    written: str = ""
    #: Its place among its siblings, as numbered (一 → 1): a gap means something is amiss.
    number: int = 0
    #: It ran on in its elder sibling's paragraph: the items are laid out run in.
    joined: bool = False

    def under(self) -> str:
        """Everything under it, deeper headings with their numbers, as the source has it:
        for a part whose levels fit nowhere else, kept word for word."""
        return "\n".join(
            [*self.text, *(line for child in self.children for line in literal(child))]
        )


def literal(node: Node) -> list[str]:
    """A heading's lines as the source had them, its number included."""
    label = node.written or _label(node.style, node.number)
    head = label + node.heading + ("。" if node.run_in else "")
    text = list(node.text)
    if node.run_in and text:
        head += text.pop(0)
    return [head, *text, *(line for child in node.children for line in literal(child))]


def _label(style: str, n: int) -> str:
    from wizard.state.wording import number_label

    return number_label(style, n) if style in RANK else ""  # type: ignore[arg-type]


@dataclass
class Tree:
    title: str = ""
    addressee: str = ""
    preamble: list[str] = field(default_factory=list)
    #: Lines under the title (——在县人大常委会会议上; the speaker): a report to a 人大.
    subtitle: list[str] = field(default_factory=list)
    parts: list[Node] = field(default_factory=list)
    #: The 落款 as written: signing lines, then the date.
    signature: list[str] = field(default_factory=list)
    annotation: str = ""
    #: The 版记's 抄送 line, whole (抄送：县委依法治县办。).
    copy_to: str = ""


def numbered(text: str) -> tuple[str, int, str, str] | None:
    """(style, number, the rest, the number as written when not official) of a numbered
    line; None for a line that is not."""
    for style, pattern in _MARKS:
        match = pattern.match(text)
        if match is None:
            continue
        groups = match.groups()
        if style == "一、":
            digits, mark, rest = groups
            written = "" if mark == "、" else f"{digits}{mark}"
        elif style == "1.":
            _, digits, mark, rest = groups
            written = "" if mark == "." else f"{digits}{mark}"
        else:
            bracket, digits, rest = groups
            written = "" if bracket == "（" else f"({digits})"
        number = chinese_value(digits)
        if number:
            return style, number, rest, written
    return None


def chinese_value(digits: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 7 → 7; 0 for what is not a number."""
    if digits.isdigit():
        return int(digits)
    if not digits or any(c not in _CN for c in digits):
        return 0
    if "十" not in digits:
        return _CN.index(digits) + 1 if len(digits) == 1 else 0
    tens, _, ones = digits.partition("十")
    high = _CN.index(tens) + 1 if tens else 1
    return high * 10 + (_CN.index(ones) + 1 if ones else 0)


def first_sentence(text: str) -> tuple[str, str]:
    """(the sentence up to its 。 without it, the rest): a heading or a point's title and
    its text. Without a 。 the whole text is the sentence."""
    cut = text.find("。")
    if cut < 0:
        return text.strip(), ""
    return text[:cut].strip(), text[cut + 1 :].strip()


def read(lines: list[Line]) -> Tree:
    cleaned = [Line(clean_input(line.text).strip(), line.heading) for line in lines]
    rest = [line for line in cleaned if line.text]
    tree = Tree()
    if not rest:
        return tree
    tree.title = rest.pop(0).text
    # A long title set on two lines (GB/T 9704 7.3.2): joined until it names the report.
    while (
        rest
        and not any(w in tree.title for w in _TITLE_WORDS)
        and len(rest[0].text) <= 30
        and not rest[0].text.endswith(("。", "：", ":"))
        and numbered(rest[0].text) is None
    ):
        tree.title += rest.pop(0).text
    while rest and _is_subtitle(rest[0].text, bool(tree.subtitle)):
        tree.subtitle.append(rest.pop(0).text)
    _closing(tree, rest)
    if rest and _is_addressee(rest[0].text):
        tree.addressee = rest.pop(0).text.rstrip("：:")
    while rest and not _heads(rest[0]):
        tree.preamble.append(rest.pop(0).text)
    stack: list[Node] = []
    for line in [piece for whole in rest for piece in _run_on(whole)]:
        node = _node(line)
        if node is None:
            (stack[-1].text if stack else tree.preamble).append(line.text)
            continue
        while stack and stack[-1].rank >= node.rank:
            stack.pop()
        (stack[-1].children if stack else tree.parts).append(node)
        stack.append(node)
    return tree


def _run_on(line: Line) -> list[Line]:
    """A numbered line holding its next siblings too (（一）甲。……（二）乙。……): one line
    each, marked as sharing the paragraph. Only the next numbers of the same style, each
    after the end of a sentence, count: other brackets are the text's own."""
    found = numbered(line.text)
    if found is None:
        return [line]
    style, number, _, _ = found
    lines, text, start = [], line.text, 0
    for at in range(1, len(text)):
        if text[at - 1] not in "。；;" or numbered(text[at:]) is None:
            continue
        following = numbered(text[at:])
        if following and following[0] == style and following[1] == number + 1:
            lines.append(text[start:at])
            start, number = at, number + 1
    lines.append(text[start:])
    return [Line(lines[0], line.heading), *(Line(x, line.heading, True) for x in lines[1:])]


def _heads(line: Line) -> bool:
    return line.heading > 0 or numbered(line.text) is not None


def _node(line: Line) -> Node | None:
    found = numbered(line.text)
    if found is None:
        if not line.heading:
            return None
        heading, text = first_sentence(line.text)
        return Node("", heading, line.heading, bool(text), [text] if text else [])
    style, number, body, written = found
    heading, text = first_sentence(body)
    closed = body.strip().endswith("。") or bool(text)
    node = Node(style, heading, RANK[style], closed, [text] if text else [], written=written)
    node.number, node.joined = number, line.joined
    return node


def _closing(tree: Tree, rest: list[Line]) -> None:
    """The 版记's 抄送, the 落款 (signing units, date) and a 附注 at the end: taken off
    the lines."""
    if rest and re.match(r"^抄\s*送\s*[：:]", rest[-1].text):
        tree.copy_to = rest.pop().text
    if len(rest) > 1 and _ANNOTATION.match(rest[-1].text) and DATE.match(rest[-2].text):
        tree.annotation = rest.pop().text
    if rest and DATE_GAP.match(rest[-1].text):
        rest.pop()  # not the unit's words: the date is simply not given yet
    while rest and (DATE.match(rest[-1].text) or _looks_like_signature(rest[-1].text)):
        tree.signature.insert(0, rest.pop().text)


def _looks_like_signature(line: str) -> bool:
    """The unit that signs: a short name ending as organs do, with no figure in it; two
    issuers side by side (中共××镇委员会　××镇人民政府) too."""
    names = line.split()
    return (
        len(line) <= 40
        and all(len(n) <= 24 and _ORGAN.search(n) for n in names)
        and not re.search(r"\d", line)
        and numbered(line) is None
    )


def _is_subtitle(line: str, after_one: bool) -> bool:
    """——2024年2月26日在县人大常委会第十四次会议上; then the speaker (县人民政府副县长　李华)."""
    if line.startswith(("——", "—", "－－")) or re.fullmatch(r"[（(].*会议上[）)]", line):
        return True
    speaker = len(line) <= 30 and bool(re.search(r"\S\s+\S{2,4}$", line))
    return after_one and speaker and not line.endswith(("：", ":", "。"))


def _is_addressee(line: str) -> bool:
    return line.endswith(("：", ":")) and len(line) <= 40 and "现将" not in line
