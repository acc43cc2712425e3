"""``lint``: every mistake of a questionnaire at once, each with where it is."""

from __future__ import annotations

import re
from pathlib import Path

from wizard.questionnaire.loader import Loader, parse
from wizard.questionnaire.model import QuestionnaireError


def lint(
    text: str, source: str = "<string>", folder: Path | None = None
) -> list[QuestionnaireError]:
    """Every mistake of a questionnaire that can be found in one reading, each with the
    line of the innermost entry it names when that entry is in this file."""
    loader = Loader(source)
    try:
        parse(loader, text, source, folder)
    except QuestionnaireError as error:
        loader.errors.append(error)
    return [
        QuestionnaireError(e.source, e.where, e.message, line_of(text, e.where))
        if e.source == source and e.line is None
        else e
        for e in loader.errors
    ]


_NAMED = re.compile(r"id=([a-z][a-z0-9_]*)\]")


def line_of(text: str, where: str) -> int | None:
    """The line where the innermost id named in ``where`` is given: TOML parsers keep no
    lines, but ids are unique, so ``id = "study"`` says where an entry starts."""
    names = _NAMED.findall(where)
    if not names:
        return None
    pattern = re.compile(rf"^\s*id\s*=\s*[\"']{names[-1]}[\"']\s*(#.*)?$", re.MULTILINE)
    match = pattern.search(text)
    return None if match is None else text.count("\n", 0, match.start()) + 1
