"""What was being typed when the user left a prompt (Ctrl+C, Ctrl+G, Ctrl+B, a closed
window), kept in the answers file's ``[drafts]`` table and offered again on the next visit:
text by question id, or the fields of a list item not yet added."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

Draft = str | dict[str, str]


def draft(document: MutableMapping[str, Any], question_id: str) -> Draft | None:
    table = document.get("drafts")
    found = table.get(question_id) if isinstance(table, dict) else None
    if isinstance(found, str) or (
        isinstance(found, dict) and all(isinstance(v, str) for v in found.values())
    ):
        return found
    return None  # a hand-edit gone wrong is no draft


def keep(document: MutableMapping[str, Any], question_id: str, typed: Draft) -> None:
    table = document.get("drafts")
    table = dict(table) if isinstance(table, dict) else {}
    table[question_id] = typed
    document["drafts"] = table


def drop(document: MutableMapping[str, Any], question_id: str) -> None:
    table = document.get("drafts")
    if isinstance(table, dict) and question_id in table:
        table = {k: v for k, v in table.items() if k != question_id}
        if table:
            document["drafts"] = table
        else:
            del document["drafts"]
