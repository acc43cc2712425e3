"""The unit's outline as an imported report shows it: the numbering and layout most of its
levels use (kept only where they differ from the questionnaire's usual ones), its order,
its headings and its 落款."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from wizard.answersfile import outline as shape
from wizard.importer.parts import section_for
from wizard.importer.tree import Tree
from wizard.questionnaire import Questionnaire


@dataclass
class Seen:
    """The levels seen, for the unit's outline: the most common of each wins."""

    topic_numbering: Counter[str] = field(default_factory=Counter)
    topic_run_in: Counter[bool] = field(default_factory=Counter)
    point_numbering: Counter[str] = field(default_factory=Counter)
    point_layout: Counter[str] = field(default_factory=Counter)
    topics: dict[str, tuple[str, str, bool]] = field(default_factory=dict)
    parts: dict[str, shape.Level] = field(default_factory=dict)


@dataclass(frozen=True)
class Kept:
    """What the import decided of the outline itself, as it placed the parts."""

    order: tuple[str, ...]
    headings: Mapping[str, str]
    unwrapped: frozenset[str]
    #: Topics printed without a heading: points that stood in a part of topics alone.
    headless: frozenset[str]
    #: The 落款's lines, when they are more than the unit's name.
    signature: tuple[str, ...]


def outline_of(questionnaire: Questionnaire, tree: Tree, seen: Seen, kept: Kept) -> shape.Outline:
    work = section_for("measures", questionnaire)
    usual_topic = work.topic_numbering if work else "（一）"
    inline = work.points_inline if work else True
    usual_points = work.topics[0].points.numbering if work and work.topics else "一是"
    topic_numbering = _most(seen.topic_numbering, usual_topic)
    topic_run_in = _most(seen.topic_run_in, inline)
    point_numbering = _most(seen.point_numbering, usual_points)
    point_layout = _most(seen.point_layout, "run_in" if inline else "paragraphs")
    topics: dict[str, shape.Level] = {}
    for ident, (numbering, layout, lead) in seen.topics.items():
        own_numbering = numbering if numbering != point_numbering else None
        own_layout = layout if layout != point_layout else None
        level = shape.Level(
            cast(shape.Style | None, own_numbering),
            cast(shape.ItemLayout | None, own_layout),
            heading=ident not in kept.headless,
            lead=lead,
        )
        if level != shape.Level():
            topics[ident] = level
    return shape.Outline(
        title=tree.title,
        preamble="\n".join(tree.preamble),
        order=kept.order,
        headings=dict(kept.headings),
        unwrapped=kept.unwrapped,
        topic_numbering=_unless(topic_numbering, usual_topic),
        topic_layout=None if topic_run_in == inline else ("run_in" if topic_run_in else "own_line"),
        point_numbering=_unless(point_numbering, usual_points),
        point_layout=_unless_layout(point_layout, "run_in" if inline else "paragraphs"),
        signature=kept.signature,
        subtitle=tuple(tree.subtitle),
        parts={k: v for k, v in seen.parts.items() if v != shape.Level()},
        topics=topics,
    )


def _most(counter: Counter[Any], usual: Any) -> Any:
    """The most common of what was seen; the usual one when nothing was."""
    return counter.most_common(1)[0][0] if counter else usual


def _unless(style: str, usual: str) -> shape.Style | None:
    """A numbering style found in the source, when it is not the questionnaire's usual one."""
    return None if style == usual or style not in shape.STYLES else cast(shape.Style, style)


def _unless_layout(layout: str, usual: str) -> shape.PointLayout | None:
    if layout == usual or layout not in shape.POINT_LAYOUTS:
        return None
    return cast(shape.PointLayout, layout)
