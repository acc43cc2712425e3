"""A report's title → who reports (the unit, joint issuers) and for which year.

Forms seen: 〈单位〉〈年〉年法治政府建设年度报告; 〈单位〉关于〈年〉年（度）法治政府建设（工作）情况的
报告; joint issuers (中共××镇委员会　××镇人民政府关于…); a unit with a space before 关于;
关于〈年〉年度…的报告 with the unit only in the 落款; titles that end in 总结 or 情况.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wizard.base.unit_names import PARTY, place_of
from wizard.importer.tree import YEAR

_ISSUER_END = re.compile(r"(委员会|党委|党工委|人民政府|办事处)(?=\S)")
#: An organ named at the start of a line: 县人民政府副县长　李华 speaks for 县人民政府.
_ORGAN_NAME = re.compile(r"^\S*?(人民政府|办事处)")


@dataclass(frozen=True, slots=True)
class Title:
    #: The unit that reports, as the title names it (青石镇人民政府, 云溪县交通运输局).
    unit: str
    #: Every issuer, in order; two for a joint 党委 and 政府 report.
    issuers: tuple[str, ...]
    year: int | None
    #: The unit without the words of its kind of organ (青石镇): what a township calls itself.
    place: str


def read_title(
    title: str, signature: list[str], subtitle: tuple[str, ...] | list[str] = ()
) -> Title:
    """Who reports: the title's issuers; a title naming only a scope (关于全县…) or none at
    all leaves them to the speaker's line of a 人大 report, or to the 落款."""
    year = YEAR.search(title)
    before = title[: year.start()] if year else title.split("法治政府")[0]
    before = re.sub(r"关于\s*$", "", before.strip()).strip()
    before = before.removeprefix("关于").strip()
    issuers = (
        [] if re.fullmatch(r"全[县区市乡镇]?|本[县区市乡镇局委办]", before) else _issuers(before)
    )
    speaker = next((m.group(0) for line in subtitle if (m := _ORGAN_NAME.search(line))), "")
    signed = " ".join(s for s in signature if not _is_date(s))
    issuers = issuers or ([speaker] if speaker else _issuers(signed))
    unit = next(
        (i for i in reversed(issuers) if not PARTY.match(i)), issuers[-1] if issuers else ""
    )
    return Title(unit, tuple(issuers), int(year.group(1)) if year else None, place_of(unit))


def _issuers(text: str) -> list[str]:
    # 中共青石镇委员会青石镇人民政府 written without a space: cut after each organ's name.
    spaced = _ISSUER_END.sub(lambda m: m.group(1) + " ", text)
    return [part for part in spaced.split() if part]


def _is_date(line: str) -> bool:
    return bool(re.search(r"\d{4}\s*年\s*\d{1,2}\s*月", line))
