"""The answers file as a typed document: one accessor for each of its tables.

The file keeps the answers at its top, by question id, and beside them the wizard's own
tables: ``[meta]`` (which questionnaire and tool wrote it), ``[state]`` (answers left empty
on purpose, carried ones still to read, whether the outline was offered), ``[previous]``
(last year's figures), ``[drafts]`` (typed, not yet accepted), ``[outline]`` (the unit's
shape), ``[[own_figures]]`` and ``[[text_figures]]`` (the figures the clerk wrote in their
own sentences), and ``[imported]`` (where an imported report came from).

This class alone indexes the file's table; everything else asks it. A table that a
hand-edit broke is kept as it is until the clerk changes it, and its reader says what is
wrong (``check`` lists it). Setters replace a table, never change one in place, so a
shallow ``copy`` is a document of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from wizard.answersfile import disk, drafts, outline, own_figures, records
from wizard.answersfile.drafts import Draft
from wizard.answersfile.outline import Outline
from wizard.answersfile.own_figures import OwnFigure
from wizard.answersfile.records import Record
from wizard.base.cleaning import clean_input
from wizard.questionnaire import RESERVED_IDS

#: The tables of the unit's own words and figures, taken with the answers by --data-file.
UNIT_TABLES = ("outline", "own_figures", "text_figures")


class AnswersDocument:
    """What one answers file holds, read and changed table by table."""

    __slots__ = ("_outline", "_own_figures", "_table", "_text_figures")

    def __init__(self, table: Mapping[str, Any] | None = None) -> None:
        self._table: dict[str, Any] = dict(table or {})
        # Tables read once until they change (the draft reads the outline many times):
        # each with what of it could not be read.
        self._outline: tuple[Outline, list[str]] | None = None
        self._own_figures: tuple[tuple[OwnFigure, ...], list[str]] | None = None
        self._text_figures: tuple[tuple[Record, ...], list[str]] | None = None

    @classmethod
    def new(cls, questionnaire_id: str, version: str) -> AnswersDocument:
        return cls(disk.new_document(questionnaire_id, version))

    @classmethod
    def load(cls, path: Path) -> AnswersDocument:
        return cls(disk.load(path))

    def save(self, path: Path) -> disk.Fingerprint:
        return disk.save(path, self._table)

    def copy(self) -> AnswersDocument:
        return AnswersDocument(self._table)

    def to_toml(self) -> dict[str, Any]:
        """The file's table as it would be written (a copy of its top level)."""
        return dict(self._table)

    def _put(self, key: str, value: Any) -> None:
        if key in UNIT_TABLES:  # read again when next asked
            self._outline = self._own_figures = self._text_figures = None
        if value:
            self._table[key] = value
        else:
            self._table.pop(key, None)

    def _mapping(self, key: str) -> Mapping[str, Any]:
        found = self._table.get(key)
        return found if isinstance(found, Mapping) else {}

    # ---------------------------------------------------------------- [meta]

    @property
    def questionnaire_id(self) -> str | None:
        found = self._mapping("meta").get("questionnaire")
        return found if isinstance(found, str) else None

    @property
    def questionnaire_version(self) -> str | None:
        found = self._mapping("meta").get("questionnaire_version")
        return str(found) if found else None

    @property
    def questionnaire_file(self) -> str | None:
        """The questionnaire file of the unit's own it was written with, as recorded."""
        found = self._mapping("meta").get("questionnaire_file")
        return found if isinstance(found, str) and found else None

    @property
    def questionnaire_hash(self) -> str | None:
        found = self._mapping("meta").get("questionnaire_hash")
        return found if isinstance(found, str) else None

    def set_questionnaire_file(self, file: str | None, content_hash: str | None) -> None:
        """Where a questionnaire of the unit's own is and what it was; None: a shipped one."""
        meta = {
            k: v
            for k, v in self._mapping("meta").items()
            if k not in ("questionnaire_file", "questionnaire_hash")
        }
        if file:
            meta |= {"questionnaire_file": file, "questionnaire_hash": content_hash}
        self._table["meta"] = meta

    def newer_tool(self) -> str | None:
        return disk.newer_tool(self._table)

    # ---------------------------------------------------------------- the answers

    def answers(self) -> Iterator[tuple[str, Any]]:
        """Every answer as the file keeps it, by question id (known to the questionnaire or not)."""
        return ((k, v) for k, v in self._table.items() if k not in RESERVED_IDS)

    def answer(self, question_id: str) -> Any:
        return None if question_id in RESERVED_IDS else self._table.get(question_id)

    def has_answer(self, question_id: str) -> bool:
        return question_id not in RESERVED_IDS and question_id in self._table

    def put_answer(self, question_id: str, raw: Any) -> None:
        assert question_id not in RESERVED_IDS, question_id  # the loader refuses such ids
        self._table[question_id] = raw

    def drop_answer(self, question_id: str) -> None:
        if question_id not in RESERVED_IDS:
            self._table.pop(question_id, None)

    # ---------------------------------------------------------------- [state]

    def _ids(self, key: str) -> set[str]:
        found = self._mapping("state").get(key)
        # Anything but a list of ids (a hand-edit gone wrong) is none.
        return {i for i in found if isinstance(i, str)} if isinstance(found, list) else set()

    @property
    def skipped(self) -> set[str]:
        """Left empty on purpose: not asked again."""
        return self._ids("skipped")

    @property
    def review(self) -> set[str]:
        """Carried over from last year and not yet read again."""
        return self._ids("review")

    def mark(self, skipped: Iterable[str], review: Iterable[str]) -> None:
        state = dict(self._mapping("state"))  # keys of its own are kept
        for key, ids in (("skipped", sorted(skipped)), ("review", sorted(review))):
            if ids:
                state[key] = ids
            else:
                state.pop(key, None)
        self._put("state", state)

    @property
    def outline_offered(self) -> bool:
        """Whether the clerk was already shown the outline after the basics (asked once)."""
        return self._mapping("state").get("outline_offered") is True

    def offer_outline(self) -> None:
        self._put("state", {**self._mapping("state"), "outline_offered": True})

    # ---------------------------------------------------------------- [previous]

    @property
    def previous(self) -> Mapping[str, Any]:
        """Last year's figures, by question id, as last year's file kept them."""
        return self._mapping("previous")

    def set_previous(self, figures: Mapping[str, Any]) -> None:
        self._put("previous", dict(figures))

    # ---------------------------------------------------------------- [drafts]

    def draft(self, question_id: str) -> Draft | None:
        return drafts.draft(self._mapping("drafts"), question_id)

    def draft_ids(self) -> list[str]:
        return [k for k in self._mapping("drafts") if self.draft(k) is not None]

    def keep_draft(self, question_id: str, typed: Draft) -> None:
        """Keep what was typed; text as any answer is kept (no control characters)."""
        kept = clean_input(typed) if isinstance(typed, str) else typed
        self._put("drafts", drafts.kept(self._mapping("drafts"), question_id, kept))

    def drop_draft(self, question_id: str) -> None:
        if question_id in self._mapping("drafts"):
            self._put("drafts", drafts.dropped(self._mapping("drafts"), question_id))

    # ---------------------------------------------------------------- [outline]

    def _outline_read(self) -> tuple[Outline, list[str]]:
        if self._outline is None:
            self._outline = outline.read(self._table.get("outline"))
        return self._outline

    @property
    def outline(self) -> Outline:
        """The unit's outline; what of it cannot be used is left out (``outline_problems``)."""
        return self._outline_read()[0]

    @property
    def outline_problems(self) -> list[str]:
        return list(self._outline_read()[1])

    def set_outline(self, shape: Outline) -> None:
        self._put("outline", outline.to_toml(shape))

    def set_preamble(self, text: str) -> None:
        """The outline's opening words changed on their own: the rest of the table stays as
        it is, even what cannot be read."""
        self._put("outline", {**self._mapping("outline"), "preamble": text})

    # ---------------------------------------------------------------- [[own_figures]]

    def _own_figures_read(self) -> tuple[tuple[OwnFigure, ...], list[str]]:
        if self._own_figures is None:
            self._own_figures = own_figures.read(self._table.get("own_figures"))
        return self._own_figures

    @property
    def own_figures(self) -> tuple[OwnFigure, ...]:
        return self._own_figures_read()[0]

    @property
    def own_figure_problems(self) -> list[str]:
        return list(self._own_figures_read()[1])

    def set_own_figures(self, found: Iterable[OwnFigure]) -> None:
        self._put("own_figures", [own_figures.to_toml(f) for f in found])

    # ---------------------------------------------------------------- [[text_figures]]

    def _text_figures_read(self) -> tuple[tuple[Record, ...], list[str]]:
        if self._text_figures is None:
            self._text_figures = records.read(self._table.get("text_figures"))
        return self._text_figures

    @property
    def text_figures(self) -> tuple[Record, ...]:
        return self._text_figures_read()[0]

    @property
    def text_figure_problems(self) -> list[str]:
        return list(self._text_figures_read()[1])

    def set_text_figures(self, kept: Iterable[Record]) -> None:
        self._put("text_figures", [records.to_toml(r) for r in kept])

    def change_text_figures(
        self, changed: Iterable[Record], dropped: Iterable[Record] = ()
    ) -> None:
        """Keep these records, replacing those of the same answer and label; forget ``dropped``."""
        new = list(changed)
        keys = {(r.answer, r.label) for r in (*new, *dropped)}
        kept = [r for r in self.text_figures if (r.answer, r.label) not in keys]
        self.set_text_figures([*kept, *new])

    # ---------------------------------------------------------------- the unit's tables

    def unit_table_problems(self) -> dict[str, str]:
        """The first thing wrong in each of the unit's own tables this document holds."""
        found = {
            "outline": self.outline_problems,
            "own_figures": self.own_figure_problems,
            "text_figures": self.text_figure_problems,
        }
        return {key: problems[0] for key, problems in found.items() if problems}

    def take_unit_tables(self, other: AnswersDocument) -> int:
        """The unit's own tables of another document (a --data-file) in place of these;
        returns how many it had."""
        taken = [key for key in UNIT_TABLES if key in other._table]
        for key in taken:
            self._put(key, other._table[key])
        return len(taken)

    # ---------------------------------------------------------------- [imported]

    def set_imported(self, source: Mapping[str, Any]) -> None:
        self._put("imported", dict(source))
