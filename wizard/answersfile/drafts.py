"""What was being typed when the user left a prompt (Ctrl+C, Ctrl+G, Ctrl+B, a closed
window), kept in the answers file's ``[drafts]`` table and offered again on the next visit:
text by question id, or the fields of a list item not yet added."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Draft = str | dict[str, str]
#: In a list's draft: the number (from 1) of the item being changed; absent, one being added.
#: No field's id begins with "_", so it never stands for a field.
EDITING = "_item"


def draft(table: Mapping[str, Any], question_id: str) -> Draft | None:
    found = table.get(question_id)
    if isinstance(found, str) or (
        isinstance(found, dict) and all(isinstance(v, str) for v in found.values())
    ):
        return found
    return None  # a hand-edit gone wrong is no draft


def kept(table: Mapping[str, Any], question_id: str, typed: Draft) -> dict[str, Any]:
    return {**table, question_id: typed}


def dropped(table: Mapping[str, Any], question_id: str) -> dict[str, Any]:
    return {k: v for k, v in table.items() if k != question_id}
