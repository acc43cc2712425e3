"""The draft as plain text, ready to paste into a Word 公文 template."""

from __future__ import annotations

from wizard.report.paragraphs import Report

INDENT = "\u3000\u3000"  # two ideographic spaces: the first-line indent of official documents
#: Characters on one line of a GB/T 9704 page; the signature is set flush to its right.
LINE_CHARACTERS = 28


def render_text(report: Report) -> str:
    lines: list[str] = []
    signature_started = False
    for paragraph in report.paragraphs:
        text = paragraph.text
        if paragraph.kind == "title":
            lines += [text, ""]
        elif paragraph.kind in ("addressee", "subtitle"):
            lines.append(text)
        elif paragraph.kind == "copy_to":  # the 版记, after a blank line, one character in
            lines += ["", "\u3000" + text]
        elif paragraph.kind == "signature":
            if not signature_started:
                lines.append("")
                signature_started = True
            lines.append("\u3000" * max(0, LINE_CHARACTERS - len(text) - 2) + text)
        else:
            lines.append(INDENT + text)
    return "\n".join(lines) + "\n"
