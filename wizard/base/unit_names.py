"""Unit names as people write them, reduced to what tells units apart.

The county office's list says `青石镇`; the file's 落款 says `青石镇人民政府`, or the joint
`中共青石镇委员会　青石镇人民政府`, with full-width or half-width spaces, or `白沙街道办事处`
where the list says `白沙街道`. All of these are one unit. A name that is only close
(`青石乡` for `青石镇`) is never taken for it: it is offered for the office to confirm.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: The Party committee beside the government in a joint 落款: `中共青石镇委员会`.
_PARTY_COMMITTEE = re.compile(r"^中共(.+?)委员会")
#: Words that name the body rather than the place: left out of the comparison.
_BODY_SUFFIXES = ("人民政府", "办事处")
#: How alike two names must be to be offered as "可能是".
_NEAR = 0.6
#: What a government's name ends with, besides the place: 青石镇人民政府 is 青石镇.
_GOVERNMENT = ("人民政府", "办事处", "政府")
#: A Party committee's whole name (中共青石镇委员会, 中共南街街道工委), with its place.
PARTY = re.compile(r"^中共(.+?)(?:委员会|党委|党工委|工委)$")


def unit_key(name: str) -> str:
    """What two names of one unit share: no spaces of any width, the government rather
    than the Party committee of a joint 落款, no `人民政府`/`办事处`."""
    core = "".join(unicodedata.normalize("NFKC", name).split())
    committee = _PARTY_COMMITTEE.match(core)
    if committee:
        core = core[committee.end() :] or committee.group(1)
    for suffix in _BODY_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix):
            core = core.removesuffix(suffix)
    return core


@dataclass(frozen=True, slots=True)
class Missing:
    """An expected unit that sent nothing, with the senders' names it may have been meant as."""

    unit: str
    maybe: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.unit}（可能是：{'、'.join(self.maybe)}）" if self.maybe else self.unit


def missing_units(expected: Iterable[str], sent: Iterable[str]) -> list[Missing]:
    """The expected units no sender matches, each once, in the list's order; a sender that
    matches no expected unit is offered where its name is close (never matched silently)."""
    senders = {unit_key(name): name for name in sent}
    expected_keys: dict[str, str] = {}
    for name in expected:
        if name.strip():
            expected_keys.setdefault(unit_key(name), name.strip())
    unclaimed = {key: name for key, name in senders.items() if key not in expected_keys}
    result = []
    for key, name in expected_keys.items():
        if key in senders:
            continue
        maybe = tuple(n for k, n in unclaimed.items() if _near(key, k))
        result.append(Missing(name, maybe))
    return result


def _near(a: str, b: str) -> bool:
    return a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= _NEAR


def place_of(unit: str) -> str:
    """青石镇人民政府 → 青石镇; 南街街道办事处 → 南街街道; 中共青石镇委员会 → 青石镇."""
    party = PARTY.match(unit)
    if party:
        return party.group(1)
    for ending in _GOVERNMENT:
        if unit.endswith(ending) and len(unit) > len(ending):
            return unit.removesuffix(ending)
    return unit


def questionnaire_for(unit: str) -> str | None:
    """The shipped questionnaire a unit of this name writes with, when its name says it."""
    place = place_of(unit)
    if place.endswith(("乡", "镇", "街道")):
        return "township"
    if unit.endswith(("人民政府", "政府")) and place.endswith(("县", "区", "市", "旗")):
        return "county"
    if unit.endswith(("局", "委", "办", "中心", "署")) and not unit.endswith("办事处"):
        return "department"
    return None


def kind_of_unit(unit: str, choices: tuple[str, ...]) -> str | None:
    """The unit's kind among a questionnaire's (乡、镇、街道; 县、区、市; 局、委、办): the
    longest one its place ends with."""
    place = place_of(unit)
    endings = [c for c in choices if place.endswith(c) or unit.endswith(c)]
    return max(endings, key=len) if endings else None
