"""TOML syntax errors, said in Chinese with their line and column first."""

from __future__ import annotations

import tomli

#: tomli's reasons, by how they start, in words a clerk can act on.
_REASONS = (
    ("Invalid statement", "这一行不是“名称 = 值”的形式（多半是少了引号或等号）"),
    ("Invalid value", '值的写法不对（文字要放在英文双引号里，如 "杉岭乡"）'),
    ("Expected '=' after a key", "名称后面缺少等号 ="),
    ("Expected ']' at the end of a table", "表头缺少结尾的 ]"),
    ("Expected ']]' at the end of an array", "表头缺少结尾的 ]]"),
    ("Expected newline or end of document", "一行只能写一项，这一项后面多了内容"),
    ("Expected", "少了一个符号"),
    ("Unclosed array", "方括号 [ 没有配对的 ]"),
    ("Unclosed inline table", "花括号 { 没有配对的 }"),
    ("Unterminated string", "引号没有配对（文字的结尾少了引号）"),
    ("Unescaped '\\' in a string", "文字中的反斜杠 \\ 要写成 \\\\"),
    ("Illegal character", "文字中有不允许的控制字符"),
    ("Found invalid character", "有不允许的字符"),
    ("Invalid initial character for a key part", "名称只能以字母、数字、下划线或引号开头"),
    ("Invalid date or datetime", "日期写法不对，应如 2023-01-10"),
    ("Invalid hex value", "\\u 后面的十六进制数字不对"),
    ("Escaped character is not a Unicode scalar value", "\\u 转义的不是有效字符"),
    ("Cannot declare", "同一个表写了两次"),
    ("Cannot overwrite a value", "同一个名称写了两次"),
    ("Duplicate inline table key", "同一个名称写了两次"),
    ("Cannot mutate immutable namespace", "不能往已写完的表里再加内容"),
    ("Cannot redefine namespace", "同一个表写了两次"),
)


def reason(what: str) -> str:
    if what.startswith("Illegal character '\\n'"):  # a line ended inside the quotes
        return "引号没有配对（这一行的文字结尾少了引号）"
    for start, said in _REASONS:
        if what.startswith(start):
            return said
    return f"格式有误（{what}）"


def describe(error: tomli.TOMLDecodeError) -> str:
    """``Invalid value`` at line 3, column 9 → ``第 3 行第 9 列：值的写法不对……``."""
    return f"第 {error.lineno} 行第 {error.colno} 列：{reason(error.msg)}"


def loads(text: str) -> dict[str, object]:
    """Parse TOML; ValueError with the reason in Chinese for anything tomli cannot take:
    bad syntax, nesting too deep for the parser, an integer too long to read."""
    # Line ends written as a bare CR (old Mac editors) are line ends, not an error.
    if "\r" in text and "\r\n" not in text:
        text = text.replace("\r", "\n")
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise ValueError(describe(error)) from None
    except RecursionError:
        raise ValueError("表或数组嵌套得太深，无法读取") from None
    except ValueError:  # int() refuses more than 4300 digits
        raise ValueError("有一个数字长得无法读取") from None
