"""Answers given on the command line (``--data 编号=值`` and ``--data-file``), validated
exactly like typed ones, all or none."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.figures import Invalid
from wizard.questionnaire.keys import nearest
from wizard.session import SessionError
from wizard.state.interview import Interview


def apply_data(
    interview: Interview, pairs: Iterable[str], data_files: Iterable[Path]
) -> tuple[Interview, int]:
    """Answers given on the command line, validated exactly like typed ones.

    They are applied to a copy, returned with the number of answers it took; on the
    first bad value the copy is dropped, so the caller's interview never changes.
    """
    staged: list[tuple[str, Any, bool]] = []
    document = interview.document.copy()
    tables = 0
    for path in data_files:
        data = AnswersDocument(disk.parse(disk.read_text(path), str(path)))
        staged.extend((key, raw, True) for key, raw in data.answers())
        for key, problem in data.unit_table_problems().items():
            # A table that does not read is refused, not dropped.
            raise SessionError(f"{path} 的 [{key}] 有误，没有读入：{problem}")
        tables += document.take_unit_tables(data)
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep:
            raise SessionError(
                f"--data 的格式应为 编号=值，例如 --data unit_name=杉岭乡；收到：{pair}"
            )
        staged.append((key.strip(), text, False))
    trial = Interview(interview.questionnaire, document, interview.today)
    for key, raw, from_file in staged:
        if trial.question(key) is None:
            guess = nearest(trial.questionnaire, key)
            hint = f"是不是 {guess}？" if guess else ""
            raise SessionError(
                f"没有 {key!r} 这个问题。{hint}"
                f"所有问题的编号见：report-wizard keys {trial.questionnaire.id}"
            )
        try:
            if from_file:
                trial.set_raw(key, raw)
            else:
                trial.answer(key, raw)
        except Invalid as error:
            label = trial.require(key).label
            raise SessionError(f"{key}（{label}）的值无效：{error}") from None
    return trial, len(staged) + tables
