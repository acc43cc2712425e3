"""TOML syntax errors, said in Chinese with their line and column first."""

from __future__ import annotations

import re
import tomllib

_AT = re.compile(r"^(?P<what>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")


def describe(error: tomllib.TOMLDecodeError) -> str:
    """``Invalid value (at line 3, column 9)`` → ``第 3 行第 9 列：Invalid value``."""
    match = _AT.match(str(error))
    if match is None:
        return str(error)
    return f"第 {match['line']} 行第 {match['column']} 列：{match['what']}"
