"""``extends``: a questionnaire written as changes to another, merged before it is read.

A variant names its base in ``[meta] extends`` (a file path relative to the variant, or
the id of an available questionnaire) and gives only what differs:

- tables merge key by key, the variant's value winning;
- arrays of tables whose entries have ids (sections, questions, topics, metrics,
  fields) merge by id: an entry with a known id changes that entry (``replace = true``
  replaces it whole, ``remove = true`` drops it), a new id is added at the end, and
  ``before``/``after = "id"`` put an entry, new or old, next to another;
- any other value (strings, arrays of strings, sentences, rules, contents) is replaced;
  a variant that gives no rules keeps its base's, but for those about questions it removed.

The merged data is then read as one questionnaire, so every rule of the format holds
for the result and every mistake is reported against it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast

from wizard.base import tomlerror
from wizard.questionnaire.model import QuestionnaireError
from wizard.questionnaire.places import available

#: A base may extend another; a longer chain is a mistake (and a loop is one at once).
MAX_DEPTH = 8
#: Keys that steer a merge and are not part of the result.
_STEERING = ("remove", "replace", "before", "after")

Reader = Callable[[Path], str]


def expand(data: dict[str, Any], source: str, folder: Path | None, read: Reader) -> dict[str, Any]:
    """The data with its ``extends`` chain merged in; ``folder`` is where relative paths
    start (None for text that has no file)."""
    return _expand(data, source, folder, read, [source])


def _expand(
    data: dict[str, Any], source: str, folder: Path | None, read: Reader, chain: list[str]
) -> dict[str, Any]:
    meta = data.get("meta")
    if not isinstance(meta, dict) or "extends" not in meta:
        return data
    name = meta["extends"]
    if not isinstance(name, str) or not name.strip():
        raise QuestionnaireError(source, "meta.extends", "应为问卷 id 或文件路径")
    own_meta = {k: v for k, v in meta.items() if k != "extends"}
    if "id" not in own_meta:
        raise QuestionnaireError(source, "meta.id", "继承别的问卷时也要写自己的 id")
    path = _locate(name, folder, source)
    if str(path) in chain:
        loop = " → ".join([*chain, str(path)])
        raise QuestionnaireError(source, "meta.extends", f"问卷互相继承，形成循环：{loop}")
    if len(chain) > MAX_DEPTH:
        raise QuestionnaireError(
            source, "meta.extends", f"继承层数超过 {MAX_DEPTH} 层，请合并一些中间文件"
        )
    base = _parse_base(path, read)
    # The base is whole before the variant's changes apply to it.
    base = _expand(base, str(path), path.parent, read, [*chain, str(path)])
    merged = cast(dict[str, Any], merge(base, {**data, "meta": own_meta}, source, ""))
    if "rules" not in data:
        merged = _without_removed_rules(base, merged)
    return merged


def _question_ids(data: Any) -> set[str]:
    """Every id of a question (or topic, section) anywhere in questionnaire data."""
    found: set[str] = set()
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            found.add(data["id"])
        for value in data.values():
            found |= _question_ids(value)
    elif isinstance(data, list):
        for value in data:
            found |= _question_ids(value)
    return found


def _without_removed_rules(base: dict[str, Any], merged: dict[str, Any]) -> dict[str, Any]:
    """The base's rules, but for those about questions the variant removed: a rule over a
    topic a county's variant takes away checks nothing any more."""
    rules = merged.get("rules")
    if not isinstance(rules, list):
        return merged
    gone = _question_ids(base.get("sections")) - _question_ids(merged.get("sections"))
    if not gone:
        return merged

    def about_removed(rule: object) -> bool:
        expr = rule.get("expr") if isinstance(rule, dict) else None
        return isinstance(expr, str) and bool(set(re.findall(r"[A-Za-z_]\w*", expr)) & gone)

    return {**merged, "rules": [r for r in rules if not about_removed(r)]}


#: Bases already read in this process, by file and its state: ``templates`` reads the shared
#: base once for all three questionnaires. Merging copies what it changes, so they stay intact.
_read_bases: dict[tuple[Path, int, int], dict[str, Any]] = {}


def _parse_base(path: Path, read: Reader) -> dict[str, Any]:
    try:
        state = path.stat()
    except OSError:
        state = None
    key = (path, state.st_mtime_ns, state.st_size) if state else None
    if key in _read_bases:
        return _read_bases[key]
    try:
        data = tomlerror.loads(read(path))
    except ValueError as error:
        raise QuestionnaireError(str(path), "", f"TOML 语法错误，{error}") from None
    if key is not None:
        _read_bases[key] = data
    return data


def bases(path: Path) -> list[Path]:
    """The files a questionnaire file extends, nearest first, as far as they can be read:
    what its answers depend on besides itself."""
    from wizard.base.cleaning import decode_file
    from wizard.base.files import FileProblem, read_bytes

    found: list[Path] = []
    while len(found) < MAX_DEPTH:
        try:
            meta = tomlerror.loads(decode_file(read_bytes(path))).get("meta")
            name = meta.get("extends") if isinstance(meta, dict) else None
            if not isinstance(name, str) or not name:
                break
            path = _locate(name, path.resolve().parent, str(path))
        except (OSError, ValueError, QuestionnaireError, FileProblem):
            break
        if path in found:
            break
        found.append(path)
    return found


def _locate(name: str, folder: Path | None, source: str) -> Path:
    if name.endswith(".toml") or "/" in name or "\\" in name:
        path = Path(name) if folder is None else folder / name
        if not path.is_file():
            raise QuestionnaireError(source, "meta.extends", f"找不到被继承的问卷文件 {name}")
        return path.resolve()
    for path in available():
        if path.stem == name:
            return path.resolve()
    raise QuestionnaireError(source, "meta.extends", f"没有 id 为 {name!r} 的问卷可以继承")


def merge(base: Any, change: Any, source: str, where: str) -> Any:
    """``change`` applied to ``base`` by the rules above."""
    if isinstance(base, Mapping) and isinstance(change, Mapping):
        result = dict(base)
        for key, value in change.items():
            path = f"{where}.{key}" if where else key
            result[key] = merge(base[key], value, source, path) if key in base else value
        return result
    if _has_ids(base) and _has_ids(change):
        return _merge_by_id(base, change, source, where)
    return change


def _has_ids(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, Mapping) and isinstance(v.get("id"), str) for v in value)
    )


def _merge_by_id(
    base: list[dict[str, Any]], change: list[dict[str, Any]], source: str, where: str
) -> list[dict[str, Any]]:
    result = list(base)

    def find(ident: str, at: str, required: bool) -> int | None:
        index = next((i for i, e in enumerate(result) if e["id"] == ident), None)
        if index is None and required:
            raise QuestionnaireError(source, at, f"被继承的问卷中没有 id 为 {ident!r} 的项")
        return index

    seen: set[str] = set()
    for n, entry in enumerate(change, start=1):
        ident = entry["id"]
        at = f"{where}[第{n}个 id={ident}]"
        if ident in seen:  # the second would silently take the first one's place
            raise QuestionnaireError(source, at, f"id {ident!r} 在这里写了两次")
        seen.add(ident)
        _check_steering(entry, source, at)
        index = find(ident, at, required=entry.get("remove", False))
        if entry.get("remove"):
            del result[cast(int, index)]
            continue
        own = {k: v for k, v in entry.items() if k not in _STEERING}
        if index is not None and not entry.get("replace"):
            own = merge(result[index], own, source, at)
        anchor_key = "before" if "before" in entry else "after" if "after" in entry else ""
        if not anchor_key:
            if index is None:
                result.append(own)
            else:
                result[index] = own
            continue
        if index is not None:
            del result[index]
        anchor = cast(int, find(entry[anchor_key], f"{at}.{anchor_key}", required=True))
        result.insert(anchor if anchor_key == "before" else anchor + 1, own)
    return result


def _check_steering(entry: Mapping[str, Any], source: str, at: str) -> None:
    for key in ("remove", "replace"):
        if key in entry and not isinstance(entry[key], bool):
            raise QuestionnaireError(source, f"{at}.{key}", "应为 true 或 false")
    for key in ("before", "after"):
        if key in entry and not isinstance(entry[key], str):
            raise QuestionnaireError(source, f"{at}.{key}", "应为另一项的 id")
    if "before" in entry and "after" in entry:
        raise QuestionnaireError(source, at, "before 和 after 只能写一个")
