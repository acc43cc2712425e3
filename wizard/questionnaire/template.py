"""Sentence templates: literal text and ``{question_id}`` placeholders, parsed once.

A template is never evaluated: an answer holding braces stays literal text.
"""

from __future__ import annotations

import re

from wizard.questionnaire.model import Placeholder, Template

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)(?:\|([a-z]+))?\}|[{}]")
_MODIFIERS = frozenset({"", "number", "yoy"})


def parse_template(source: str) -> Template:
    """Split a template into literal text and placeholders; ``{{``/``}}`` are braces."""
    parts: list[str | Placeholder] = []
    text: list[str] = []
    pos = 0
    for match in _PLACEHOLDER.finditer(source):
        text.append(source[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            text.append(token[0])
        elif match.group(1) is None:
            raise ValueError(f"无效的占位符（第 {match.start() + 1} 个字符），应为 {{问题id}}")
        else:
            modifier = match.group(2) or ""
            if modifier not in _MODIFIERS:
                raise ValueError(f"未知的占位符修饰 {modifier!r}")
            if text:
                parts.append("".join(text))
                text = []
            parts.append(Placeholder(match.group(1), modifier))
    text.append(source[pos:])
    if "".join(text):
        parts.append("".join(text))
    return Template(source, tuple(parts))
