"""Typed access to the tables of a questionnaire file, each knowing its key path."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from wizard.questionnaire.model import QuestionnaireError


def item(path: str, index: int, ident: object = None) -> str:
    """The 1-based place of an array entry, with its id when it has one:
    ``sections[第2个 id=work]`` reads the same as the file a person counts through."""
    named = f" id={ident}" if isinstance(ident, str) and ident else ""
    return f"{path}[第{index + 1}个{named}]"


class Table:
    """Typed access to one TOML table that remembers its key path and its unread keys."""

    def __init__(self, data: Mapping[str, Any], where: str, source: str) -> None:
        self.data = data
        self.where = where
        self.source = source
        self.read: set[str] = set()

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, message: str) -> QuestionnaireError:
        return QuestionnaireError(self.source, self.path(key) if key else self.where, message)

    def get(self, key: str, kind: type | tuple[type, ...], what: str, default: Any = None) -> Any:
        self.read.add(key)
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise self.fail(key, f"应为{what}")
        if not isinstance(value, kind):
            raise self.fail(key, f"应为{what}")
        return value

    def raw(self, key: str) -> Any:
        """The value as TOML gave it, for a caller that validates it itself."""
        self.read.add(key)
        return self.data.get(key)

    def need(self, key: str, kind: type | tuple[type, ...], what: str) -> Any:
        if key not in self.data:
            self.read.add(key)
            raise self.fail(key, "缺少此项")
        return self.get(key, kind, what)

    def text(self, key: str, default: str = "") -> str:
        return cast(str, self.get(key, str, "字符串", default))

    def need_text(self, key: str) -> str:
        value = cast(str, self.need(key, str, "字符串"))
        if not value.strip():
            raise self.fail(key, "不能为空")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, "字符串数组", [])
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise QuestionnaireError(self.source, item(self.path(key), i), "应为字符串")
        return tuple(values)

    def choice(self, key: str, options: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in options:
            raise self.fail(key, f"应为 {' / '.join(options)} 之一，实为 {value!r}")
        return value

    def tables(self, key: str) -> list[Table]:
        values = self.get(key, list, "表的数组", [])
        result = []
        for i, value in enumerate(values):
            where = item(self.path(key), i, value.get("id") if isinstance(value, dict) else None)
            if not isinstance(value, dict):
                raise QuestionnaireError(self.source, where, "应为表")
            result.append(Table(value, where, self.source))
        return result

    def table(self, key: str) -> Table | None:
        value = self.get(key, dict, "表")
        return None if value is None else Table(value, self.path(key), self.source)

    def finish(self) -> None:
        """Unknown keys are mistakes (a typo would otherwise be silently ignored)."""
        for key in self.data:
            if key not in self.read:
                raise self.fail(key, "未知的键")
