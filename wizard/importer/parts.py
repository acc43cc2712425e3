"""Which of the regulation's contents a part reports, read from its heading's words, and
which part of a questionnaire reports each content.

A heading may name two contents (主要措施及成效; 存在的问题和原因; 第一责任人履职和法治政府建设
情况). A heading that names none is a theme (一、强化组织领导，…): a topic standing as a part
of its own. A theme's words may contain a content's (化解群众反映的问题): in a heading of
several clauses only its last clause says what the part is.
"""

from __future__ import annotations

from typing import Literal

from wizard.questionnaire import Questionnaire, Section

Content = Literal["measures", "results", "problems", "causes", "duty", "plans", "other"]

#: Words of a heading → the content it reports, tried in this order.
_WORDS: tuple[tuple[Content, tuple[str, ...]], ...] = (
    ("duty", ("第一责任人", "主要负责人")),
    ("problems", ("问题", "不足", "短板", "差距", "困难")),
    ("causes", ("原因",)),
    ("plans", ("安排", "打算", "计划", "下一步", "下步", "思路", "展望")),
    ("other", ("其他", "其它")),
    ("results", ("成效", "成绩", "成果")),
    (
        "measures",
        ("举措", "措施", "做法", "开展情况", "工作情况", "建设情况", "推进情况", "主要工作"),
    ),
)
#: The words each content is named by in a questionnaire's ``[report] contents``.
_LABELS: dict[Content, tuple[str, ...]] = {
    "measures": ("举措",),
    "results": ("成效",),
    "problems": ("不足",),
    "causes": ("原因",),
    "duty": ("第一责任人",),
    "plans": ("安排",),
    "other": ("其他",),
}


def contents_of(heading: str) -> frozenset[Content]:
    """The contents a part's heading names; none for a theme."""
    clauses = [c for c in heading.replace(",", "，").split("，") if c]
    said = clauses[-1] if len(clauses) > 1 else heading
    found = {content for content, words in _WORDS if any(w in said for w in words)}
    if any(w in heading for w in _WORDS[0][1]):
        found.add("duty")  # the 第一责任人 part, however its heading begins
    return frozenset(found)


def section_for(content: Content, questionnaire: Questionnaire) -> Section | None:
    """The part of the questionnaire that reports this content (by ``[report] contents``)."""
    for entry in questionnaire.report.contents:
        if not any(w in entry.label for w in _LABELS[content]):
            continue
        sections = [s for s in questionnaire.sections if s.id in entry.sections]
        if content == "measures":
            return next((s for s in sections if s.topics), None)
        if content == "results":
            return next((s for s in sections if not s.topics), None)
        return sections[0] if sections else None
    return None


def content_labels(contents: frozenset[Content], questionnaire: Questionnaire) -> list[str]:
    """The questionnaire's words for these contents, in its order."""
    named: list[str] = []
    for entry in questionnaire.report.contents:
        if any(any(w in entry.label for w in _LABELS[c]) for c in contents):
            named.append(entry.label)
    return named
