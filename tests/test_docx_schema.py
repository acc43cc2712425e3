"""Every Word file we write is valid OOXML (ECMA-376 as Office 2016 reads it): a schema
error is what makes Word offer to "repair" a file, and a clerk to distrust it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openxml_audit import FileFormat, OpenXmlValidator

from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.written_with import questionnaire_of
from wizard.questionnaire import load_by_id, prompts_dir
from wizard.render.docx import render_docx
from wizard.report.draft import build_report
from wizard.state.interview import Interview

EXAMPLES = sorted((prompts_dir() / "examples").glob("*.toml"))


def _errors(path: Path) -> list[str]:
    result = OpenXmlValidator(FileFormat.OFFICE_2016).validate(path)
    return [str(error) for error in result.errors]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_is_valid_ooxml(example: Path, tmp_path: Path) -> None:
    document = disk.load(example)
    interview = Interview(questionnaire_of(AnswersDocument(document), example), document)
    target = tmp_path / "report.docx"
    target.write_bytes(render_docx(build_report(interview)))
    assert _errors(target) == []


def test_a_blank_report_with_its_placeholders_is_valid(tmp_path: Path) -> None:
    target = tmp_path / "blank.docx"
    target.write_bytes(render_docx(build_report(Interview(load_by_id("township")))))
    assert _errors(target) == []


def test_the_validator_sees_a_schema_error(tmp_path: Path) -> None:
    """The check above can fail: an element out of place is reported."""
    document = disk.load(EXAMPLES[0])
    written = render_docx(
        build_report(Interview(questionnaire_of(AnswersDocument(document), EXAMPLES[0]), document))
    )
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(written)) as source, zipfile.ZipFile(broken, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><w:tbl/>", 1)  # a table without rows
            out.writestr(item, data)
    target = tmp_path / "broken.docx"
    target.write_bytes(broken.getvalue())
    assert _errors(target)
