"""Which questions the report needs only for words the unit has replaced with its own.

A unit that writes its own preamble (kept from last year's report, say) needs no answer
for 领导机关, 指导机关 or the documents its template names: asking them would be asking for
words the draft never prints.
"""

from __future__ import annotations

from collections.abc import Iterator

from wizard.base import expr
from wizard.questionnaire.model import BUILTINS, Questionnaire, Sentence, Template

_CACHE: dict[tuple[int, bool, bool], frozenset[str]] = {}


def needed_only_by_own_words(
    questionnaire: Questionnaire, title: bool, preamble: bool
) -> frozenset[str]:
    """The questions used by nothing but the templates the unit replaced with its own title
    or preamble: they need no answer. (Who signs is always asked: it is who reports.)"""
    key = (id(questionnaire), title, preamble)
    if key not in _CACHE:
        _CACHE[key] = _unused(questionnaire, title, preamble)
    return _CACHE[key]


def _unused(questionnaire: Questionnaire, title: bool, preamble: bool) -> frozenset[str]:
    spec = questionnaire.report
    replaced = [spec.title] * title + [spec.preamble] * preamble
    kept = [t for t in _templates(questionnaire) if t not in replaced]
    used = {n for t in kept for n in t.names} | {spec.year, spec.kind}
    for question in questionnaire.all_questions():
        for node in (question.when, question.compute):
            used |= expr.names(node) if node is not None else set()
        if question.render != "none":
            used.add(question.id)
    for section in questionnaire.sections:
        used |= expr.names(section.when) if section.when is not None else set()
    for sentence in _sentences(questionnaire):
        used |= expr.names(sentence.when) if sentence.when is not None else set()
    used |= {n for rule in questionnaire.rules for n in expr.names(rule.expr)}
    wanted = {n for t in replaced for n in t.names} - BUILTINS
    return frozenset(wanted - used)


def _templates(questionnaire: Questionnaire) -> Iterator[Template]:
    spec = questionnaire.report
    yield spec.title
    yield spec.preamble
    yield from spec.signature
    for extra in (spec.addressee, spec.annotation, spec.copy_to):
        if extra is not None:
            yield extra
    for sentence in _sentences(questionnaire):
        yield sentence.template


def _sentences(questionnaire: Questionnaire) -> Iterator[Sentence]:
    for section in questionnaire.sections:
        yield from section.sentences
        for topic in section.topics:
            yield from topic.sentences
