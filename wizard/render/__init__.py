"""Sinks of a Report: plain text, Markdown, the terminal (rich) and Word (python-docx)."""
