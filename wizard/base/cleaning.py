"""Text from outside made safe: what is stored, what reaches a terminal, what goes into Word.

Answers arrive from terminals set to GBK, from Word and WeChat pastes and from hand-edited
files. Three rules, one place:

- ``clean_input``: what is stored. Bytes that were not UTF-8 (surrogate escapes from a GBK
  terminal or command line) are read as GB18030 when they are that, else marked ``�``;
  control characters other than line breaks and tabs are dropped; ``\\r\\n`` becomes ``\\n``.
- ``for_terminal``: what is shown. Nothing from a file may move the cursor, clear the screen or
  retitle the window: escape and control characters are shown as visible symbols (``␛``).
- ``for_xml``: what Word can hold. XML 1.0 forbids most control characters.
"""

from __future__ import annotations

import re

# C0 controls other than tab and line feed, DEL, and the C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATES = re.compile("[\ud800-\udfff]+")
# Pasted from Word or WeChat: invisible characters that break numbers and searches.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u2060\ufeff\u00ad]")
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _recover(text: str) -> str:
    """Text that held bytes which were not UTF-8 (surrogate escapes): a terminal or a command
    line set to GBK sends all its bytes that way, so the whole text is read again as GB18030
    when it is that; otherwise what cannot be read is marked ``�``."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # real lone surrogates, not escaped bytes
        return _SURROGATES.sub("\ufffd", text)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def clean_input(text: str) -> str:
    if _SURROGATES.search(text):
        text = _recover(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")  # Word's line and paragraph marks
    return _CONTROL.sub("", _INVISIBLE.sub("", text))


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟ (ESC shows as ␛)
    return "␡" if code == 0x7F else "\ufffd"


def for_terminal(text: str) -> str:
    """Keep line breaks and tabs; show every other control character as a symbol."""
    return _SURROGATES.sub("\ufffd", _CONTROL.sub(_picture, text.replace("\r\n", "\n")))


def for_xml(text: str) -> str:
    return _XML_FORBIDDEN.sub("", text)


_SAVE_AS_UTF8 = "请用记事本打开它，选“另存为”，在“编码”中选 UTF-8 后保存，再试一次"


def decode_file(raw: bytes) -> str:
    """A text file's bytes as UTF-8 (a BOM, as Notepad writes, is allowed); ValueError with
    the encoding it seems to be in and how to fix it, otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"文件是 UTF-16 编码的（记事本的“Unicode”）；{_SAVE_AS_UTF8}")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        where = f"第 {line} 行"
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ValueError(f"文件不是 UTF-8 编码的文本（{where}）；{_SAVE_AS_UTF8}") from None
        raise ValueError(
            f"文件看起来是 GBK（ANSI）编码的，不是 UTF-8（{where}）；{_SAVE_AS_UTF8}"
        ) from None
