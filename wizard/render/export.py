"""Writing the draft to a file: the format by extension, never overwriting without --force."""

from __future__ import annotations

from pathlib import Path

from wizard.base.errors import UserError
from wizard.base.files import describe_os_error, write_atomic
from wizard.report.paragraphs import Report

FORMATS = (".txt", ".md", ".docx")


class ExportError(UserError):
    """An export that cannot be done; the message is for the user."""


def render_bytes(report: Report, suffix: str) -> bytes:
    if suffix == ".txt":
        from wizard.render.text import render_text

        return render_text(report).encode("utf-8")
    if suffix == ".md":
        from wizard.render.markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    from wizard.render.docx import render_docx

    return render_docx(report)


def export_report(report: Report, path: Path, force: bool = False) -> None:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            f"不支持导出为“{suffix or path.name}”：输出文件名请以 .txt、.md 或 .docx 结尾"
        )
    check_target(path, force)
    write_new(path, render_bytes(report, suffix), force)


def check_target(path: Path, force: bool) -> None:
    """A file may be written there: a file name, in a folder that exists, not yet taken."""
    if path.is_dir():
        raise ExportError(
            f"{path} 是一个文件夹，请给出文件名，例如 {path / ('报告' + path.suffix)}"
        )
    if not path.parent.is_dir():
        raise ExportError(f"文件夹 {path.parent} 不存在，请先创建它或换一个位置")
    if path.exists() and not force:
        raise ExportError(f"{path} 已经存在，没有覆盖。确实要覆盖请加 --force")


def write_new(path: Path, data: bytes, force: bool) -> None:
    """Write an output file atomically; never over an existing one without ``force``."""
    check_target(path, force)
    try:
        write_atomic(path, data)
    except OSError as error:
        raise ExportError(f"无法写入 {path}：{describe_os_error(error)}") from None
