"""The one figure grammar: what a figure is, wherever it stands.

A figure is a number with the words a clerk puts around it: a hedge (约 近 超 超过 逾 不少于 不低于 before
it; 余 多 between it and the measure word; 左右 以上 after), 万, and a measure word (件, 人次,
辆次, 万元, %, 个百分点 …). The same grammar reads an answer typed at a figure's prompt
(``read``: the whole text is one figure) and finds the figures in a sentence (``find``: each
with the words that say what was counted, and the 其中 parts of a total). What a clerk types
and what an import reads are therefore read alike. Pure: text in, readings out; nothing here
knows a questionnaire.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

BEFORE = ("不少于", "不低于", "超过", "约", "近", "超", "逾")
BETWEEN = ("余", "多")  # after the number, before the measure word: 2000余册
AFTER = ("左右", "以上")  # after the measure word: 50人左右
HEDGES = (*BEFORE, *BETWEEN, *AFTER)

PERCENT = ("%", "％")
#: A change of a rate: 提高3个百分点.
POINTS = "个百分点"
#: The measure words figures of these reports are counted in. Longer words first where a
#: shorter one begins them (人次 before 人), so that 600余人次 reads as 人次.
MEASURE_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            *("人次", "件次", "户次", "家次", "辆次", "艘次", "场次", "批次", "车次", "班次"),
            *("架次", "台次", "起次", "人员", "个月", "万元", "平方米", "平方公里", "公里"),
            *("千米", "公顷", "小时", "分钟", "公斤", "千克", "课时", "学时"),
            *"件份人名个条项次场户家栋幢座位卷册本篇部套张幅块间支队组类种批期届轮堂节课",
            *"封笔单宗起所处台辆艘架元天周年季亩米吨斤倍分村站室",
        },
        key=lambda word: (-len(word), word),
    )
)
#: Marks that end the clause a figure's words are read from. Quotation marks and brackets
#: do not: “法律进乡村”活动 is one thing counted.
CLAUSE_BREAKS = "，。；：、！？,;:!?\n"
SENTENCE_ENDS = "。；;！？!?\n"

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MEASURE = "|".join(re.escape(w) for w in (POINTS, *PERCENT, "‰", *MEASURE_WORDS))
_IN_TEXT = re.compile(
    rf"(?<![\d.,A-Za-z_\-+·])(?P<before>{'|'.join(BEFORE)})?(?P<number>{_NUMBER})(?![\d])"
    rf"(?P<wan>万)?(?P<between>{'|'.join(BETWEEN)})?(?P<measure>{_MEASURE})"
    rf"(?P<after>{'|'.join(AFTER)})?"
)
_RANK = re.compile(r"第(?P<number>\d{1,4})(?P<measure>名|位)?")
_WHOLE = re.compile(
    rf"^(?P<before>{'|'.join(BEFORE)})?(?P<number>-?{_NUMBER})(?P<wan>万)?"
    rf"(?P<between>{'|'.join(BETWEEN)})?"
    rf"(?P<measure>{POINTS}|[%％‰]|[\u4e00-\u9fff]{{1,4}}?)??(?P<after>{'|'.join(AFTER)})?$"
)
#: Words before a figure that say when or how it was counted, not what: 全年排查… counts 排查.
_LEADING = re.compile(
    r"^(?:[（(]|即|全年|今年|年内|本年度|本年|当年|年度内|截至目前|截至年底|目前|"
    r"累计|共计|总计|合计|共|先后|此外|同时|其中|分别|另外|另|已经|已|均|并|还|"
    r"20\d{2}年度?(?:以来|全年|内)?|\d{1,2}(?:-\d{1,2})?月份?(?:以来|至今|底)?|上半年|下半年)+"
)
#: Words after what was counted that only lead to the number (…达到, …为, …共计), never
#: the end of a word (违法行为, 统计, 送达, 平等).
_TRAILING = re.compile(
    r"(?:达到|(?<![送到抵通下传表发])达|(?<![行作认成因人以更较最])为|共计|(?<!公)共"
    r"|(?<![统会设估审])计|合计|累计|总数|总计|(?<![平同中上相优初高])等)+$"
)
#: Verbs that begin the words of what was counted: a long clause is cut where its last one
#: begins (通过线上线下相结合的方式开展普法宣传活动 → 开展普法宣传活动), never mid-word.
VERBS = (
    "开展", "组织", "举办", "散发", "召开", "发放", "办理", "受理", "检查", "查处", "审查", "审核",
    "制定", "清理", "化解", "调处", "排查", "接受", "回复", "答复", "公开", "公示", "培训",
    "签订", "聘请", "出庭", "参加", "参与", "完成", "处理", "调解", "收到", "提供", "解答",
    "发布", "印发", "开通", "建立", "建成", "打造", "创建", "设立", "走访", "评查", "立案",
    "结案", "办结", "新增", "覆盖", "培育", "选派", "推送", "刊发", "张贴", "悬挂", "播放",
    "举行", "邀请", "服务", "挽回", "处罚", "没收", "移送", "出动", "派出", "制作", "编印",
    "印制", "讲授", "宣讲", "慰问", "帮扶", "整改", "纠正", "撤销", "备案", "报备", "征集",
)  # fmt: skip
LONG_LABEL = 14

FigureKind = Literal["count", "percent", "points", "rank"]


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure as written: the number and each word around it, as they stand."""

    number: str
    before: str = ""
    wan: bool = False
    between: str = ""
    measure: str = ""
    after: str = ""

    @property
    def hedge(self) -> str:
        return self.before or self.between or self.after

    @property
    def value(self) -> int | float:
        """The plain number (3.5万 is 35000): what adds up and compares."""
        text = self.number.replace(",", "")
        value = float(text) * (10000 if self.wan else 1)
        return int(value) if value.is_integer() and "." not in text else value

    @property
    def kind(self) -> FigureKind:
        if self.before == "第":  # 第3名, 位列全市第1: a place, not a count
            return "rank"
        if self.measure in PERCENT:
            return "percent"
        if self.measure == POINTS:
            return "points"
        return "count"


@dataclass(frozen=True, slots=True)
class Found:
    """A figure found in a text: where it stands, what it says and what it counts."""

    start: int
    end: int
    reading: Reading
    #: What was counted: the words of its clause before it (检查货运车辆), or, when those
    #: say only how (打造), the words after it (法治大院).
    label: str
    #: Where its clause begins and ends: what ``drop`` takes out.
    clause: tuple[int, int]
    kind: FigureKind = "count"
    #: The index (in the same ``find``) of the total this is a 其中 part of.
    part_of: int | None = None
    #: The words before the number when the label was taken from after it (打造).
    before_words: str = ""

    @property
    def said(self) -> str:
        return say(self.reading)


def say(reading: Reading) -> str:
    """A reading as the text says it: 约50人, 2000余册, 3.5万份, 第5名."""
    wan = "万" if reading.wan else ""
    return f"{reading.before}{reading.number}{wan}{reading.between}{reading.measure}{reading.after}"


def read(text: str) -> Reading | None:
    """An answer that is one figure (``约50``, ``2000余册``, ``3.5万``, ``98.5%``); None when it
    is not one. Any Chinese word of up to four characters may be its measure word here: the
    whole answer is the figure, so nothing else can be meant."""
    match = _WHOLE.match(_ascii_digits(text).strip().replace(" ", ""))
    if match is None:
        return None
    if sum(bool(match[g]) for g in ("before", "between", "after")) > 1:
        raise ValueError("一个数字只用一个“约”“余”“左右”之类的词")
    return Reading(
        match["number"],
        match["before"] or "",
        bool(match["wan"]),
        match["between"] or "",
        match["measure"] or "",
        match["after"] or "",
    )


def find(text: str) -> list[Found]:
    """Every figure of a text, in order. Not figures: years (2023年), dates and times,
    ordinals (第3次), numbers without a measure word (12345热线, 1+2+4+N)."""
    digits = _ascii_digits(text)
    spans: list[tuple[int, int, Reading, FigureKind]] = []
    for match in _IN_TEXT.finditer(digits):
        if _not_a_figure(digits, match):
            continue

        def group(name: str, match: re.Match[str] = match) -> str:
            return text[match.start(name) : match.end(name)] if match[name] else ""

        reading = Reading(
            group("number"),
            group("before"),
            bool(match["wan"]),
            group("between"),
            group("measure"),
            group("after"),
        )
        spans.append((match.start(), match.end(), reading, reading.kind))
    for match in _RANK.finditer(digits):
        following = digits[match.end() : match.end() + 1]
        if match["measure"] or not following or following in CLAUSE_BREAKS:
            reading = Reading(match["number"], before="第", measure=match["measure"] or "")
            spans.append((match.start(), match.end(), reading, reading.kind))
    spans.sort(key=lambda span: span[0])
    found: list[Found] = []
    for start, end, reading, kind in spans:
        floor = found[-1].end if found else 0  # 检查车辆8600辆次查处215辆: after the last one
        found.append(_placed(text, start, end, reading, kind, floor))
    return _with_parts(text, found)


def _ascii_digits(text: str) -> str:
    """Full-width digits and marks as ASCII, character for character: positions stay."""
    return text.translate(_FULL_WIDTH)


_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")


def _not_a_figure(text: str, match: re.Match[str]) -> bool:
    number, measure = match["number"], match["measure"]
    start = match.start("number")
    if measure == "年" and re.fullmatch(r"(19|20)\d{2}", number) and not match["between"]:
        return True  # a year
    if measure == "分" and text[start - 1 : start] == "时":
        return True  # a time: 9时30分
    if text[start - 1 : start] == "第":
        return True  # an ordinal: 第3次; a rank (第5名) is read by _RANK
    return text[match.end() : match.end() + 1] == "+"


def _clause(text: str, start: int, end: int, floor: int = 0) -> tuple[int, int]:
    left = start
    while left > floor and text[left - 1] not in CLAUSE_BREAKS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in CLAUSE_BREAKS:
        right += 1
    return left, right


def _placed(
    text: str, start: int, end: int, reading: Reading, kind: FigureKind, floor: int
) -> Found:
    clause = _clause(text, start, end, floor)
    words = text[clause[0] : start]
    opened = max(words.rfind("（"), words.rfind("("))
    if opened >= 0 and not any(c in words[opened:] for c in "）)"):
        words = words[opened + 1 :]  # within brackets: （即打造1条…） counts what is in them
    before = words_before(words)
    after = _LEADING.sub("", text[end : clause[1]].strip())
    if (not before or before in VERBS or len(before) < 2) and len(after) >= 2:
        return Found(start, end, reading, _cut(after), clause, kind, before_words=before)
    return Found(start, end, reading, before, clause, kind)


def words_before(words: str) -> str:
    """What the words of a clause before a figure say was counted: without the words of
    when or how (全年、共计、累计、已达), cut at a word if long."""
    words = words.strip()
    for _ in range(3):  # 全年共计… : time words, then connectors, then trailing verbs of being
        words = _TRAILING.sub("", _LEADING.sub("", words)).strip()
    return _cut(words)


def _cut(label: str) -> str:
    """A long label from where its last verb begins, so that it is never cut mid-word."""
    if len(label) <= LONG_LABEL:
        return label
    starts = [label.rfind(verb) for verb in VERBS]
    best = max((s for s in starts if 0 < s <= len(label) - 3), default=-1)
    return label[best:] if best > 0 else label


def _with_parts(text: str, found: list[Found]) -> list[Found]:
    """The figures after 其中 are parts of the figure before it (行政处罚960件，其中路政88件、
    道路运输812件): counted in the same measure, in the same sentence, and joined by the
    same mark as the first two parts are."""
    result = list(found)
    index = 0
    while index < len(found):
        figure = found[index]
        marker = text.find("其中", figure.end)
        following = index + 1
        if (
            marker < 0
            or following >= len(found)
            or found[following].start < marker
            or _ends_a_sentence(text[figure.end : marker])
        ):
            index += 1
            continue
        joiner = ""
        previous = marker
        part = following
        while part < len(found):
            candidate = found[part]
            between = text[previous : candidate.start]
            breaks = [c for c in between if c in CLAUSE_BREAKS]
            if (
                _ends_a_sentence(between)
                or candidate.reading.measure != figure.reading.measure
                or (part > following and breaks[:1] != [joiner or breaks[:1][0] if breaks else ""])
            ):
                break
            if part == following + 1:
                joiner = breaks[0] if breaks else ""
            result[part] = replace(candidate, part_of=index)
            previous = candidate.end
            part += 1
        index = max(part, index + 1)
    return result


def _ends_a_sentence(text: str) -> bool:
    return any(c in SENTENCE_ENDS for c in text)


def replaced(text: str, figure: Found, reading: Reading) -> str:
    """The text with the figure said anew in its place (8600辆次 → 9100辆次)."""
    return text[: figure.start] + say(reading) + text[figure.end :]


def dropped(text: str, figure: Found) -> str:
    """The text without the figure's clause, and one of the marks around it."""
    start, end = figure.clause
    if end < len(text) and text[end] in "，、；,;":
        end += 1  # a clause before others: it goes with the mark after it
    elif start > 0 and text[start - 1] in "，、；,;":
        start -= 1  # the last clause: it goes with the mark before it
    elif end < len(text) and text[end] in SENTENCE_ENDS:
        end += 1  # a sentence of its own: its full stop goes with it
    return text[:start] + text[end:]


def reading_of(
    value: int | float, hedge: str = "", measure: str = "", wan: bool = False
) -> Reading:
    """A reading of a plain value, as ``say`` would write it."""
    shown = value / 10000 if wan else value
    if isinstance(shown, float):
        number = f"{shown:.4f}".rstrip("0").rstrip(".")
        number = "0" if number == "-0" else number
    else:
        number = str(shown)
    return Reading(
        number,
        hedge if hedge in BEFORE else "",
        wan,
        hedge if hedge in BETWEEN else "",
        measure,
        hedge if hedge in AFTER else "",
    )
