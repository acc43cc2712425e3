"""A small, safe expression form for conditions, computed values and rules.

Questionnaires are data: they may not run Python. This module parses a tiny
language (numbers, strings, question ids, arithmetic, comparisons, and/or/not,
``in``, ``round``) into a tree and evaluates it against answer values.

An expression that touches an unanswered question evaluates to ``None``
("unknown"), so a rule over missing figures is simply not checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Value = int | float | str | bool | tuple[str, ...] | None


class ExprError(ValueError):
    """An expression that does not parse; the message says where."""


@dataclass(frozen=True, slots=True)
class Literal:
    value: Value


@dataclass(frozen=True, slots=True)
class Name:
    name: str


@dataclass(frozen=True, slots=True)
class Unary:
    op: str
    operand: Node


@dataclass(frozen=True, slots=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True, slots=True)
class Call:
    func: str
    args: tuple[Node, ...]


Node = Literal | Name | Unary | Binary | Call

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>\d+(?:\.\d+)?)
      | (?P<str>"[^"]*"|'[^']*')
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op><=|>=|==|!=|[-+*/()<>,])
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "in", "true", "false"}
_FUNCTIONS = {"round": 2, "min": 2, "max": 2}


def _tokenize(source: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    source = source.rstrip()
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None or match.end() == pos:
            while source[pos].isspace():
                pos += 1
            raise ExprError(f"无法识别的字符 {source[pos]!r}（第 {pos + 1} 个字符）")
        kind = match.lastgroup or ""
        text, start = match.group(kind), match.start(kind)
        if kind == "name" and text in _KEYWORDS:
            kind = "kw"
        if kind == "num" and len(text) > MAX_DIGITS:
            raise ExprError(f"数字 {text[:20]}… 太长（最多 {MAX_DIGITS} 位）")
        tokens.append((kind, text, start))
        pos = match.end()
    tokens.append(("end", "", len(source)))
    return tokens


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.i = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def accept(self, text: str) -> bool:
        kind, value, _ = self.peek()
        if kind in ("op", "kw") and value == text:
            self.i += 1
            return True
        return False

    def expect(self, text: str) -> None:
        if not self.accept(text):
            _, value, pos = self.peek()
            raise ExprError(f"此处应为 {text!r}，实为 {value or '结尾'!r}（第 {pos + 1} 个字符）")

    def parse(self) -> Node:
        node = self.or_()
        kind, value, pos = self.peek()
        if kind != "end":
            raise ExprError(f"多余的内容 {value!r}（第 {pos + 1} 个字符）")
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.accept("or"):
            node = Binary("or", node, self.and_())
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.accept("and"):
            node = Binary("and", node, self.not_())
        return node

    def not_(self) -> Node:
        if self.accept("not"):
            return Unary("not", self.not_())
        return self.comparison()

    def comparison(self) -> Node:
        node = self.sum()
        kind, value, _ = self.peek()
        if (kind == "op" and value in ("<", "<=", ">", ">=", "==", "!=")) or (
            kind == "kw" and value == "in"
        ):
            self.take()
            node = Binary(value, node, self.sum())
        return node

    def sum(self) -> Node:
        node = self.product()
        while True:
            kind, value, _ = self.peek()
            if kind == "op" and value in ("+", "-"):
                self.take()
                node = Binary(value, node, self.product())
            else:
                return node

    def product(self) -> Node:
        node = self.unary()
        while True:
            kind, value, _ = self.peek()
            if kind == "op" and value in ("*", "/"):
                self.take()
                node = Binary(value, node, self.unary())
            else:
                return node

    def unary(self) -> Node:
        if self.accept("-"):
            return Unary("-", self.unary())
        return self.atom()

    def atom(self) -> Node:
        kind, value, pos = self.take()
        if kind == "num":
            return Literal(float(value) if "." in value else int(value))
        if kind == "str":
            return Literal(value[1:-1])
        if kind == "kw" and value in ("true", "false"):
            return Literal(value == "true")
        if kind == "name":
            if self.accept("("):
                if value not in _FUNCTIONS:
                    raise ExprError(f"未知的函数 {value!r}（第 {pos + 1} 个字符）")
                args = [self.or_()]
                while self.accept(","):
                    args.append(self.or_())
                self.expect(")")
                if len(args) != _FUNCTIONS[value]:
                    raise ExprError(f"函数 {value} 需要 {_FUNCTIONS[value]} 个参数")
                return Call(value, tuple(args))
            return Name(value)
        if kind == "op" and value == "(":
            node = self.or_()
            self.expect(")")
            return node
        raise ExprError(
            f"此处应为数值、名称或括号，实为 {value or '结尾'!r}（第 {pos + 1} 个字符）"
        )


#: Limits that keep a hostile questionnaire from exhausting the stack or the CPU; a real
#: condition or formula is a few dozen characters.
MAX_LENGTH = 500
MAX_DEPTH = 20
MAX_DIGITS = 15
MAX_MAGNITUDE = 1e15


def parse(source: str) -> Node:
    """Parse an expression; raise ExprError with the position of the mistake."""
    if len(source) > MAX_LENGTH:
        raise ExprError(f"表达式太长（{len(source)} 个字符，最多 {MAX_LENGTH} 个）")
    depth = deepest = 0
    for char in source:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise ExprError(f"括号嵌套太深（{deepest} 层，最多 {MAX_DEPTH} 层）")
    return _Parser(source).parse()


def names(node: Node) -> frozenset[str]:
    """Every question id the expression reads."""
    match node:
        case Name(name):
            return frozenset({name})
        case Unary(_, operand):
            return names(operand)
        case Binary(_, left, right):
            return names(left) | names(right)
        case Call(_, args):
            return frozenset().union(*(names(a) for a in args))
        case _:
            return frozenset()


def _number(value: Value) -> float | int | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


_ARITHMETIC: dict[str, Callable[[float, float], float | None]] = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b if b else None,
}
_ORDER: dict[str, Callable[[float, float], bool]] = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def evaluate(node: Node, env: Mapping[str, Value]) -> Value:  # noqa: C901 (an interpreter: one case per node)
    """Evaluate against answer values; unknown inputs give None."""
    match node:
        case Literal(value):
            return value
        case Name(name):
            return env.get(name)
        case Unary("not", operand):
            inner = evaluate(operand, env)
            return None if inner is None else not inner
        case Unary(_, operand):
            number = _number(evaluate(operand, env))
            return None if number is None else -number
        case Binary("and", left, right):
            first = evaluate(left, env)
            if first is None or not first:
                return first if first is None else False
            second = evaluate(right, env)
            return None if second is None else bool(second)
        case Binary("or", left, right):
            first = evaluate(left, env)
            if first:
                return True
            second = evaluate(right, env)
            if second:
                return True
            return None if first is None or second is None else False
        case Binary(op, left, right):
            a, b = evaluate(left, env), evaluate(right, env)
            if a is None or b is None:
                return None
            if op == "==":
                return a == b
            if op == "!=":
                return a != b
            if op == "in":
                return a in b if isinstance(b, tuple | str) and isinstance(a, str) else None
            x, y = _number(a), _number(b)
            if x is None or y is None:
                return None
            if op in _ORDER:
                return _ORDER[op](x, y)
            result = _ARITHMETIC[op](x, y)
            # A value no report holds is unknown: nor may a chain of products grow without end.
            return None if result is None or abs(result) > MAX_MAGNITUDE else result
        case Call(func, args):
            values = [_number(evaluate(a, env)) for a in args]
            first, second = values
            if first is None or second is None:
                return None
            if func == "round":
                return round(first, int(second))
            return min(first, second) if func == "min" else max(first, second)
    return None
