from __future__ import annotations

import pytest

from wizard.base import expr


@pytest.mark.parametrize(
    ("source", "env", "expected"),
    [
        ("a / b * 100", {"a": 3, "b": 4}, 75.0),
        ("a / b", {"a": 3, "b": 0}, None),
        ("a <= b", {"a": 3, "b": 4}, True),
        ("a <= b", {"a": 5, "b": 4}, False),
        ("a <= b", {"a": 5}, None),
        ("x == true and n > 1", {"x": True, "n": 2}, True),
        ("not x", {"x": False}, True),
        ("'公示' in s", {"s": ("公示", "记录")}, True),
        ("round(a / 3, 1)", {"a": 1}, 0.3),
        ("-a + 2", {"a": 5}, -3),
        ("a or b", {"b": True}, True),
        ("current_year - 1", {"current_year": 2026}, 2025),
    ],
)
def test_evaluate(source: str, env: dict[str, expr.Value], expected: expr.Value) -> None:
    assert expr.evaluate(expr.parse(source), env) == expected


def test_names() -> None:
    assert expr.names(expr.parse("round(a / b, 1) > c and not d")) == {"a", "b", "c", "d"}


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("a +", "此处应为数值、名称或括号，实为 '结尾'（第 4 个字符）"),
        ("a $ b", "无法识别的字符 '$'（第 3 个字符）"),
        ("__import__('os')", "未知的函数 '__import__'（第 1 个字符）"),
        ("a b", "多余的内容 'b'（第 3 个字符）"),
    ],
)
def test_errors_say_where(source: str, message: str) -> None:
    with pytest.raises(expr.ExprError) as caught:
        expr.parse(source)
    assert str(caught.value) == message
