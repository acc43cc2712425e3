"""The questionnaire format as a JSON Schema, built from the model and the table of kinds.

``docs/questionnaire.schema.json`` is this schema written out (a test keeps the two equal);
editors that read JSON Schema for TOML offer completion and flag unknown keys with it. It
describes what a file may contain, a variant's partial entries included: the loader still
makes the checks a schema cannot (references, circles, defaults, merged variants).

Run ``python -m wizard.questionnaire.schema`` to write it out again after a format change.
"""

from __future__ import annotations

import json
import sys
from typing import Any, get_args

from wizard.kinds import FORMAT_KINDS, KIND_SPECIFIC_KEYS
from wizard.questionnaire.model import ID_PATTERN, Level, Missing, Numbering, Render

Schema = dict[str, Any]

_TEXT: Schema = {"type": "string"}
_BOOL: Schema = {"type": "boolean"}
_ID: Schema = {"type": "string", "pattern": ID_PATTERN.pattern}
_STEERING: Schema = {
    "remove": {**_BOOL, "description": "继承时：删去基础问卷中同 id 的项"},
    "replace": {**_BOOL, "description": "继承时：整项替换而不是逐键合并"},
    "before": {**_ID, "description": "继承时：放在这个 id 之前"},
    "after": {**_ID, "description": "继承时：放在这个 id 之后"},
}


def _table(properties: Schema, description: str = "", required: tuple[str, ...] = ()) -> Schema:
    result: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        result["required"] = list(required)
    if description:
        result["description"] = description
    return result


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def _enum(options: tuple[str, ...]) -> Schema:
    return {"type": "string", "enum": list(options)}


def _question() -> Schema:
    number: Schema = {"type": "number"}
    field = _table(
        {
            "id": _ID,
            "label": _TEXT,
            "help": _TEXT,
            "example": _TEXT,
            "kind": _enum(("text", "longtext")),
            "level": _enum(get_args(Level)),
            **_STEERING,
        },
        "列表题每一条的一个字段",
        ("id",),
    )
    properties: Schema = {
        "id": _ID,
        "kind": {**_enum(tuple(FORMAT_KINDS)), "description": "题型"},
        "label": _TEXT,
        "help": _TEXT,
        "example": _TEXT,
        "level": _enum(get_args(Level)),
        "default": {"description": "按 Enter 即接受的答案，写法同答案文件"},
        "min": number,
        "max": number,
        "unit": _TEXT,
        "approx": _BOOL,
        "when": {**_TEXT, "description": "条件表达式：成立时才问"},
        "compute": {**_TEXT, "description": "计算默认值的表达式"},
        "choices": _array(_TEXT),
        "allow_other": _BOOL,
        "fields": _array(field),
        "suggestions": _array(_TEXT),
        "min_items": {"type": "integer", "minimum": 0},
        "render": _enum(get_args(Render)),
        "numbering": _enum(get_args(Numbering)),
        **_STEERING,
    }
    # A key that means nothing for the kind is refused, as the loader refuses it.
    rules = [
        {
            "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {
                "not": {
                    "anyOf": [
                        {"required": [key]} for key in KIND_SPECIFIC_KEYS if key not in spec.keys
                    ]
                }
            },
        }
        for name, spec in FORMAT_KINDS.items()
    ]
    return {**_table(properties, "一个问题", ("id",)), "allOf": rules}


def build() -> Schema:
    question = {"$ref": "#/$defs/question"}
    sentence = _table(
        {"template": _TEXT, "when": _TEXT, "missing": _enum(get_args(Missing))},
        "一句由答案拼成的话",
    )
    topic = _table(
        {
            "id": _ID,
            "heading": _TEXT,
            "help": _TEXT,
            "example": _TEXT,
            "selected": _BOOL,
            "intro": question,
            "points": question,
            "metrics": _array(question),
            "sentences": _array(sentence),
            **_STEERING,
        },
        "一个工作专题",
        ("id",),
    )
    section = _table(
        {
            "id": _ID,
            "title": _TEXT,
            "help": _TEXT,
            "heading": _TEXT,
            "when": _TEXT,
            "questions": _array(question),
            "topics": _array(topic),
            "topic_numbering": _enum(get_args(Numbering)),
            "points_inline": _BOOL,
            "sentences": _array(sentence),
            **_STEERING,
        },
        "问卷的一个部分；有 heading 的也是报告的一个部分",
        ("id",),
    )
    report = _table(
        {
            "title": _TEXT,
            "preamble": _TEXT,
            "addressee": _TEXT,
            "annotation": _TEXT,
            "copy_to": _TEXT,
            "signature": _array(_TEXT),
            "contents": _array(_table({"label": _TEXT, "sections": _array(_ID)}, "规定的一项内容")),
            "year": _ID,
            "kind": _ID,
            "publish_by": {"type": "string", "pattern": r"^\d{2}-\d{2}$"},
        },
        "报告的标题、开头、落款和规定内容",
    )
    meta = _table(
        {
            "id": _ID,
            "title": _TEXT,
            "version": _TEXT,
            "description": _TEXT,
            "extends": {**_TEXT, "description": "继承的问卷：文件路径（相对本文件）或问卷 id"},
        },
        "问卷本身的信息",
    )
    rule = _table({"expr": _TEXT, "message": _TEXT}, "答案之间必须满足的关系")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://report-wizard.invalid/questionnaire.schema.json",
        "title": "report-wizard 问卷",
        **_table(
            {
                "meta": meta,
                "report": report,
                "sections": _array(section),
                "rules": _array(rule),
            },
            required=("meta",),
        ),
        "$defs": {"question": _question()},
    }


def dumps() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    sys.stdout.write(dumps())
