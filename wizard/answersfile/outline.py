"""The unit's own outline, kept in the answers file's ``[outline]`` table: its title and
preamble, the order, headings and visibility of the parts, whether a topics part keeps its
wrapper heading, and the numbering and layout of each level.

Everything is optional: an empty outline is the questionnaire's own, so a file without
``[outline]`` gives the draft it always gave. Values are the clerk's text, used as they are,
never as templates. Whatever cannot be used is reported (``check`` lists it) and left out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, cast, get_args

from wizard.base.cleaning import clean_input
from wizard.questionnaire import Numbering, Questionnaire, Section

TopicLayout = Literal["run_in", "own_line"]
PointLayout = Literal["run_in", "paragraphs"]
#: How the items of one part or the points of one topic are laid out: run into one
#: paragraph, one paragraph each with the title run in, or the title on a line of its own.
ItemLayout = Literal["run_in", "paragraphs", "own_line"]
#: Numbering of a level; "" is none (a topic written as prose, points without 一是).
Style = Numbering | Literal[""]

STYLES: tuple[str, ...] = (*get_args(Numbering), "")
STYLE_NAMES = {style: style or "不编号" for style in STYLES}
TOPIC_LAYOUTS: dict[str, str] = {"run_in": "标题后接正文（同一段）", "own_line": "标题单独一行"}
POINT_LAYOUTS: dict[str, str] = {"run_in": "接在同一段中", "paragraphs": "每条单独一段"}
ITEM_LAYOUTS: dict[str, str] = {**POINT_LAYOUTS, "own_line": "每条的小标题单独一行"}


@dataclass(frozen=True, slots=True)
class Level:
    """The unit's own numbering and layout of one part's items or one topic's points."""

    #: None: as the rest of the report.
    numbering: Style | None = None
    layout: ItemLayout | None = None
    #: A topic printed without its heading: its points stand in the part on their own.
    heading: bool = True
    #: A part that also reports other contents of the regulation (第一责任人履职和法治政府建设
    #: 情况 reports both): the ids of their parts.
    covers: tuple[str, ...] = ()
    #: A topic whose first point is its opening words, printed before its numbered points.
    lead: bool = False


@dataclass(frozen=True, slots=True)
class Outline:
    title: str = ""
    preamble: str = ""
    #: Parts in the order the clerk wants them; parts not named follow in their own order.
    order: tuple[str, ...] = ()
    hidden: frozenset[str] = frozenset()
    headings: Mapping[str, str] = field(default_factory=dict)
    #: Topics parts printed without their own heading: the topics are the top-level parts.
    unwrapped: frozenset[str] = frozenset()
    part_numbering: Numbering = "一、"
    #: None: as the questionnaire says.
    topic_numbering: Style | None = None
    topic_layout: TopicLayout | None = None
    point_numbering: Style | None = None
    point_layout: PointLayout | None = None
    #: The 落款's signing lines as the unit writes them (joint issuers, 人民政府): printed
    #: instead of the questionnaire's; the date stays the 成文日期 answer.
    signature: tuple[str, ...] = ()
    #: Lines under the title (a report to a 人大: the meeting, the speaker).
    subtitle: tuple[str, ...] = ()
    parts: Mapping[str, Level] = field(default_factory=dict)
    topics: Mapping[str, Level] = field(default_factory=dict)

    def part(self, section_id: str) -> Level:
        return self.parts.get(section_id) or Level()

    def topic(self, topic_id: str) -> Level:
        return self.topics.get(topic_id) or Level()

    def sections(self, questionnaire: Questionnaire) -> list[Section]:
        """The report's parts in the clerk's order (hidden ones included)."""
        known = {s.id: s for s in questionnaire.sections if s.heading}
        named = [known[i] for i in dict.fromkeys(self.order) if i in known]
        return named + [s for s in known.values() if s not in named]

    def heading(self, section: Section) -> str:
        return self.headings.get(section.id) or section.heading

    def part_name(self, section: Section) -> str:
        """The part as the clerk knows it on screen: the unit's heading, else its title."""
        return self.headings.get(section.id) or section.title

    def moved(self, questionnaire: Questionnaire, section_id: str, offset: int) -> Outline:
        ids = [s.id for s in self.sections(questionnaire)]
        i = ids.index(section_id)
        j = max(0, min(len(ids) - 1, i + offset))
        ids.insert(j, ids.pop(i))
        return replace(self, order=tuple(ids))


def read(raw: object) -> tuple[Outline, list[str]]:
    """The outline stored in a file, and what in it could not be used (in Chinese)."""
    problems: list[str] = []
    if raw is None:
        return Outline(), problems
    if not isinstance(raw, Mapping):
        return Outline(), ["报告结构（[outline]）应为表，已按问卷的默认结构排版"]

    def text(key: str) -> str:
        value = raw.get(key, "")
        if isinstance(value, str):  # a file edited by hand may hold anything
            return clean_input(value).strip()
        problems.append(f"报告结构中的 {key} 应为文字，已忽略")
        return ""

    def ids(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        problems.append(f"报告结构中的 {key} 应为文字数组，已忽略")
        return ()

    def option(table: str, key: str, options: tuple[str, ...]) -> Any:
        values = raw.get(table, {})
        value = values.get(key) if isinstance(values, Mapping) else None
        if value is None or value in options:
            return value
        problems.append(f"报告结构中的 {table}.{key} 不能是 {value!r}，已按问卷的默认排版")
        return None

    headings = raw.get("headings", {})
    if not isinstance(headings, Mapping) or not all(isinstance(v, str) for v in headings.values()):
        problems.append("报告结构中的 headings 应为“部分 id = 标题”，已忽略")
        headings = {}
    part = option("numbering", "part", get_args(Numbering))
    levels = {name: _levels(raw.get(name), name, problems) for name in ("parts", "topics")}
    outline = Outline(
        title=text("title"),
        preamble=text("preamble"),
        order=ids("order"),
        hidden=frozenset(ids("hidden")),
        headings={k: clean_input(v).strip() for k, v in headings.items() if clean_input(v).strip()},
        unwrapped=frozenset(ids("unwrapped")),
        part_numbering=cast(Numbering, part or "一、"),
        topic_numbering=option("numbering", "topic", STYLES),
        topic_layout=option("layout", "topic", tuple(TOPIC_LAYOUTS)),
        point_numbering=option("numbering", "point", STYLES),
        point_layout=option("layout", "point", tuple(POINT_LAYOUTS)),
        signature=tuple(clean_input(line).strip() for line in ids("signature") if line.strip()),
        subtitle=tuple(clean_input(line).strip() for line in ids("subtitle") if line.strip()),
        **levels,
    )
    known = {"title", "preamble", "order", "hidden", "headings", "unwrapped", "signature"}
    known |= {"subtitle"}
    known |= {"numbering", "layout", "parts", "topics"}
    problems.extend(f"报告结构中没有 {key} 这一项，已忽略" for key in raw if key not in known)
    return outline, problems


def _levels(raw: object, name: str, problems: list[str]) -> dict[str, Level]:
    """``[outline.parts.<id>]`` or ``[outline.topics.<id>]``: what of each can be used."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append(f"报告结构中的 {name} 应为表，已忽略")
        return {}
    result: dict[str, Level] = {}
    for key, table in raw.items():
        if not isinstance(table, Mapping):
            problems.append(f"报告结构中的 {name}.{key} 应为表，已忽略")
            continue
        numbering, layout = table.get("numbering"), table.get("layout")
        heading, covers = table.get("heading", True), table.get("covers", [])
        lead = table.get("lead", False)
        checks = (
            ("numbering", numbering is None or numbering in STYLES),
            ("layout", layout is None or layout in ITEM_LAYOUTS),
            ("heading", isinstance(heading, bool)),
            ("lead", isinstance(lead, bool)),
            ("covers", isinstance(covers, list) and all(isinstance(c, str) for c in covers)),
        )
        bad = [k for k, ok in checks if not ok]
        bad += [k for k in table if k not in {"numbering", "layout", "heading", "covers", "lead"}]
        if bad:
            problems.append(f"报告结构中 {name}.{key} 的 {'、'.join(bad)} 无法使用，已忽略")
            continue
        result[str(key)] = Level(numbering, layout, heading, tuple(covers), lead)
    return result


def _level_table(level: Level) -> dict[str, Any]:
    table: dict[str, Any] = {}
    if level.numbering is not None:
        table["numbering"] = level.numbering
    if level.layout is not None:
        table["layout"] = level.layout
    if not level.heading:
        table["heading"] = False
    if level.covers:
        table["covers"] = list(level.covers)
    if level.lead:
        table["lead"] = True
    return table


def to_toml(outline: Outline) -> dict[str, Any]:
    """The outline as the answers file keeps it: only what differs from the defaults."""
    result: dict[str, Any] = {}
    for key in ("title", "preamble"):
        if getattr(outline, key):
            result[key] = getattr(outline, key)
    if outline.order:
        result["order"] = list(outline.order)
    for key in ("hidden", "unwrapped"):
        if getattr(outline, key):
            result[key] = sorted(getattr(outline, key))
    if outline.headings:
        result["headings"] = dict(outline.headings)
    numbering = {
        "part": outline.part_numbering if outline.part_numbering != "一、" else None,
        "topic": outline.topic_numbering,
        "point": outline.point_numbering,
    }
    layout = {"topic": outline.topic_layout, "point": outline.point_layout}
    for name, table in (("numbering", numbering), ("layout", layout)):
        kept = {k: v for k, v in table.items() if v is not None}
        if kept:
            result[name] = kept
    return result | _own_levels(outline)


def _own_levels(outline: Outline) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key in ("signature", "subtitle"):
        if getattr(outline, key):
            result[key] = list(getattr(outline, key))
    for name in ("parts", "topics"):
        levels = {k: _level_table(v) for k, v in getattr(outline, name).items()}
        if any(levels.values()):
            result[name] = {k: v for k, v in levels.items() if v}
    return result


def years_moved(text: str, year: int) -> str:
    """The report year and the year after it moved on by one (2023年 → 2024年, and 2024年的
    打算 → 2025年): next year's report in last year's words."""
    return re.sub(f"(?<!\\d)({year}|{year + 1})(?!\\d)", lambda m: str(int(m.group(1)) + 1), text)


def carried(shape: Outline, year: int | None) -> Outline:
    """Last year's outline for next year's report: the same shape, and the years in the
    clerk's own title, preamble and headings moved on by one (2022 → 2023)."""
    if year is not None:
        shape = replace(
            shape,
            title=years_moved(shape.title, year),
            subtitle=tuple(years_moved(line, year) for line in shape.subtitle),
            preamble=years_moved(shape.preamble, year),
            headings={k: years_moved(v, year) for k, v in shape.headings.items()},
        )
    return shape
