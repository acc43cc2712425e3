"""Questionnaires as data: frozen dataclasses and a loader with precise errors.

A questionnaire file (``prompts/*.toml``) describes the interview (sections,
questions, the topic catalogue) and the report outline (headings, numbering,
sentence templates). Every mistake in one is reported with the file, the key
path (``sections[1].topics[3].metrics[0].unit``) and, for TOML syntax, the
line and column.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, cast, get_args

from wizard import expr, tomlerror

Kind = Literal[
    "text", "longtext", "count", "decimal", "percent", "bool",
    "choice", "multichoice", "date", "list",
]  # fmt: skip
Level = Literal["required", "recommended", "optional"]
Render = Literal["none", "lead", "paragraph", "inline", "paragraphs"]
Numbering = Literal["一、", "（一）", "一是", "1.", "（1）"]
Missing = Literal["omit", "mark"]

KINDS: tuple[str, ...] = get_args(Kind)
NUMERIC_KINDS = frozenset({"count", "decimal", "percent"})
TEXT_KINDS = frozenset({"text", "longtext"})
#: Names every expression and template may use besides question ids.
BUILTINS = frozenset({"current_year"})
#: Tables of the answers file that are not answers; no question may take these ids.
RESERVED_IDS = frozenset({"meta", "state", "previous"})
#: The topic selection of a topics section is stored under "<section id>_topics".
TOPICS_SUFFIX = "_topics"
CUSTOM_TOPIC_PREFIX = "custom_"

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class QuestionnaireError(Exception):
    """A questionnaire that cannot be used; ``str()`` says file, key path and what is wrong."""

    def __init__(self, source: str, where: str, message: str) -> None:
        self.source = source
        self.where = where
        self.message = message
        super().__init__(f"{source}: {where}: {message}" if where else f"{source}: {message}")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """``{name}`` or ``{name|modifier}`` in a sentence template."""

    name: str
    modifier: str = ""


@dataclass(frozen=True, slots=True)
class Template:
    """A sentence with named placeholders, parsed once; never evaluated."""

    source: str
    parts: tuple[str | Placeholder, ...]

    @property
    def names(self) -> frozenset[str]:
        return frozenset(p.name for p in self.parts if isinstance(p, Placeholder))


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a repeated item (a point's title, a problem's cause)."""

    id: str
    label: str
    help: str = ""
    example: str = ""
    kind: Literal["text", "longtext"] = "text"
    #: An item missing a required field is incomplete; a recommended one is reported.
    level: Level = "required"


@dataclass(frozen=True, slots=True)
class Question:
    """One question; ``id`` is the key of its answer in the answers file."""

    id: str
    kind: Kind | Literal["topics"]
    label: str
    help: str = ""
    example: str = ""
    level: Level = "recommended"
    #: In answers-file form (an int, a list of tables...), as a stored answer would be.
    default: Any = None
    min: float | None = None
    max: float | None = None
    unit: str = ""
    #: Whether the answer may be marked approximate (rendered 10000余份).
    approx: bool = False
    #: Asked only when this condition holds.
    when: expr.Node | None = None
    #: A computed default the user may override (化解率 from 化解 and 排查).
    compute: expr.Node | None = None
    choices: tuple[str, ...] = ()
    #: For multichoice: the user may add entries of their own.
    allow_other: bool = False
    fields: tuple[Field, ...] = ()
    suggestions: tuple[str, ...] = ()
    min_items: int = 0
    #: How the answer enters the report text of its section.
    render: Render = "none"
    #: For a list rendered as paragraphs, the first field is a heading ending with 。
    numbering: Numbering = "一是"

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS


@dataclass(frozen=True, slots=True)
class Sentence:
    """A report sentence built from answers, left out (or marked) when a figure is missing."""

    template: Template
    when: expr.Node | None = None
    missing: Missing = "omit"


@dataclass(frozen=True, slots=True)
class Topic:
    """A level-2 topic of the catalogue: heading, points, metrics and their sentences."""

    id: str
    heading: str
    help: str
    example: str
    points: Question
    selected: bool = True
    intro: Question | None = None
    metrics: tuple[Question, ...] = ()
    sentences: tuple[Sentence, ...] = ()

    @property
    def questions(self) -> tuple[Question, ...]:
        head = (self.intro,) if self.intro else ()
        return (*head, self.points, *self.metrics)


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the interview; with a heading, also a level-1 part of the report."""

    id: str
    title: str
    help: str = ""
    heading: str = ""
    when: expr.Node | None = None
    questions: tuple[Question, ...] = ()
    topics: tuple[Topic, ...] = ()
    topic_numbering: Numbering = "（一）"
    #: Whether a topic's points run into its paragraph (一是……二是……) or stand alone.
    points_inline: bool = True
    sentences: tuple[Sentence, ...] = ()

    @property
    def topics_id(self) -> str:
        return self.id + TOPICS_SUFFIX

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def custom_points(self, topic_id: str) -> Question:
        """The points question of a topic the user added: shaped like the catalogue's."""
        shape = self.topics[0].points
        return replace(shape, id=f"{topic_id}_points", suggestions=(), example="", level="required")


@dataclass(frozen=True, slots=True)
class Content:
    """One of the contents the regulation requires a report to contain."""

    label: str
    sections: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """A cross-field rule, checked when every figure it reads is answered."""

    expr: expr.Node
    source: str
    message: str


@dataclass(frozen=True, slots=True)
class ReportSpec:
    title: Template
    preamble: Template
    addressee: Template | None = None
    signature: tuple[Template, ...] = ()
    contents: tuple[Content, ...] = ()
    #: The question holding the report year: it moves on by one when starting from last year.
    year: str = ""
    #: (month, day) of the year after the report year by which the report must be public.
    publish_by: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    title: str
    version: str
    description: str
    report: ReportSpec
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...] = ()
    source: str = ""
    _index: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def question(self, question_id: str) -> Question | None:
        return self._index.get(question_id)

    def all_questions(self) -> Iterator[Question]:
        yield from self._index.values()

    def section_of(self, question_id: str) -> Section | None:
        for section in self.sections:
            if question_id == section.topics_id and section.topics:
                return section
            if any(q.id == question_id for q in section.questions):
                return section
            if any(q.id == question_id for t in section.topics for q in t.questions):
                return section
        return None

    @property
    def question_count(self) -> int:
        return len(self._index)


# ---------------------------------------------------------------- templates


_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)(?:\|([a-z]+))?\}|[{}]")
_MODIFIERS = frozenset({"", "number", "yoy"})


def parse_template(source: str) -> Template:
    """Split a template into literal text and placeholders; ``{{``/``}}`` are braces."""
    parts: list[str | Placeholder] = []
    text: list[str] = []
    pos = 0
    for match in _PLACEHOLDER.finditer(source):
        text.append(source[pos : match.start()])
        pos = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            text.append(token[0])
        elif match.group(1) is None:
            raise ValueError(f"无效的占位符（第 {match.start() + 1} 个字符），应为 {{问题id}}")
        else:
            modifier = match.group(2) or ""
            if modifier not in _MODIFIERS:
                raise ValueError(f"未知的占位符修饰 {modifier!r}")
            if text:
                parts.append("".join(text))
                text = []
            parts.append(Placeholder(match.group(1), modifier))
    text.append(source[pos:])
    if "".join(text):
        parts.append("".join(text))
    return Template(source, tuple(parts))


# ---------------------------------------------------------------- loading


class _Table:
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
                raise QuestionnaireError(self.source, f"{self.path(key)}[{i}]", "应为字符串")
        return tuple(values)

    def choice(self, key: str, options: tuple[str, ...], default: str) -> str:
        value = self.text(key, default)
        if value not in options:
            raise self.fail(key, f"应为 {' / '.join(options)} 之一，实为 {value!r}")
        return value

    def tables(self, key: str) -> list[_Table]:
        values = self.get(key, list, "表的数组", [])
        result = []
        for i, value in enumerate(values):
            where = f"{self.path(key)}[{i}]"
            if not isinstance(value, dict):
                raise QuestionnaireError(self.source, where, "应为表")
            result.append(_Table(value, where, self.source))
        return result

    def table(self, key: str) -> _Table | None:
        value = self.get(key, dict, "表")
        return None if value is None else _Table(value, self.path(key), self.source)

    def finish(self) -> None:
        """Unknown keys are mistakes (a typo would otherwise be silently ignored)."""
        for key in self.data:
            if key not in self.read:
                raise self.fail(key, "未知的键")


class _Loader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.index: dict[str, Question] = {}
        self.id_where: dict[str, str] = {}
        # (where, names read) for every reference, checked once all ids are known.
        self.references: list[tuple[str, frozenset[str]]] = []
        self.computed: dict[str, frozenset[str]] = {}

    def fail(self, where: str, message: str) -> QuestionnaireError:
        return QuestionnaireError(self.source, where, message)

    def ident(self, table: _Table, key: str = "id") -> str:
        value = table.need_text(key)
        if not _ID.match(value):
            raise table.fail(key, f"id 只能由小写字母、数字和下划线组成，且以字母开头：{value!r}")
        return value

    def claim(self, ident: str, table: _Table) -> None:
        where = table.path("id")
        if ident in RESERVED_IDS:
            raise self.fail(where, f"id {ident!r} 是保留字，请换一个")
        if ident in self.id_where or ident in BUILTINS:
            first = f"{self.id_where[ident]}.id" if ident in self.id_where else "内置名称"
            raise self.fail(where, f"id {ident!r} 重复（已用于 {first}）")
        self.id_where[ident] = table.where

    def expression(self, table: _Table, key: str) -> expr.Node | None:
        source = table.text(key)
        if not source:
            return None
        try:
            node = expr.parse(source)
        except expr.ExprError as error:
            raise table.fail(key, f"表达式有误：{error}") from None
        self.references.append((table.path(key), expr.names(node)))
        return node

    def template(self, table: _Table, key: str, required: bool = True) -> Template | None:
        source = table.need_text(key) if required else table.text(key)
        if not source:
            return None
        try:
            template = parse_template(source)
        except ValueError as error:
            raise table.fail(key, str(error)) from None
        self.references.append((table.path(key), template.names))
        return template

    def field(self, table: _Table) -> Field:
        result = Field(
            id=self.ident(table),
            label=table.need_text("label"),
            help=table.text("help"),
            example=table.text("example"),
            kind=cast(
                Literal["text", "longtext"], table.choice("kind", ("text", "longtext"), "text")
            ),
            level=cast(Level, table.choice("level", get_args(Level), "required")),
        )
        table.finish()
        return result

    def question(self, table: _Table) -> Question:
        ident = self.ident(table)
        self.claim(ident, table)
        kind = table.need_text("kind")
        if kind not in KINDS:
            raise table.fail("kind", f"未知的题型 {kind!r}，可用：{'、'.join(KINDS)}")
        numeric = kind in NUMERIC_KINDS
        unit = table.text("unit")
        if unit and not numeric:
            raise table.fail(
                "unit", f"只有数值题（count、decimal、percent）可以有单位，此题为 {kind}"
            )
        minimum = table.get("min", (int, float), "数值")
        maximum = table.get("max", (int, float), "数值")
        if (minimum is not None or maximum is not None) and not numeric:
            raise table.fail("min" if minimum is not None else "max", "只有数值题可以设上下限")
        if kind == "percent":
            minimum = 0 if minimum is None else minimum
            maximum = 100 if maximum is None else maximum
        if kind == "count" and minimum is None:
            minimum = 0
        if minimum is not None and maximum is not None and minimum > maximum:
            raise table.fail("min", f"下限 {minimum} 大于上限 {maximum}")
        choices = table.strings("choices")
        if kind in ("choice", "multichoice") and not choices:
            raise table.fail("choices", "单选题和多选题需要 choices")
        if choices and kind not in ("choice", "multichoice"):
            raise table.fail("choices", "只有单选题和多选题可以有 choices")
        fields = tuple(self.field(f) for f in table.tables("fields"))
        if kind == "list" and not fields:
            raise table.fail("fields", "列表题需要 fields")
        if fields and kind != "list":
            raise table.fail("fields", "只有列表题可以有 fields")
        seen: set[str] = set()
        for i, f in enumerate(fields):
            if f.id in seen:
                raise self.fail(f"{table.path('fields')}[{i}].id", f"字段 id {f.id!r} 重复")
            seen.add(f.id)
        approx = bool(table.get("approx", bool, "true 或 false", False))
        if approx and not numeric:
            raise table.fail("approx", "只有数值题可以标为约数（余）")
        render = table.choice("render", get_args(Render), "none")
        if render in ("inline", "paragraphs") and kind != "list":
            raise table.fail("render", f"{render} 只适用于列表题")
        if render in ("lead", "paragraph") and kind not in TEXT_KINDS:
            raise table.fail("render", f"{render} 只适用于文字题")
        compute = self.expression(table, "compute")
        if compute is not None:
            self.computed[ident] = expr.names(compute)
        question = Question(
            id=ident,
            kind=cast(Kind, kind),
            label=table.need_text("label"),
            help=table.text("help"),
            example=table.text("example"),
            level=cast(Level, table.choice("level", get_args(Level), "recommended")),
            default=self.default(table, kind, choices),
            min=minimum,
            max=maximum,
            unit=unit,
            approx=approx,
            when=self.expression(table, "when"),
            compute=compute,
            choices=choices,
            allow_other=bool(table.get("allow_other", bool, "true 或 false", False)),
            fields=fields,
            suggestions=table.strings("suggestions"),
            min_items=int(table.get("min_items", int, "整数", 0)),
            render=cast(Render, render),
            numbering=cast(Numbering, table.choice("numbering", get_args(Numbering), "一是")),
        )
        table.finish()
        self.index[ident] = question
        return question

    def default(self, table: _Table, kind: str, choices: tuple[str, ...]) -> Any:
        if "default" not in table.data:
            table.read.add("default")
            return None
        expected: dict[str, tuple[type | tuple[type, ...], str]] = {
            "text": (str, "字符串"),
            "longtext": (str, "字符串"),
            "count": (int, "整数"),
            "decimal": ((int, float), "数值"),
            "percent": ((int, float), "数值"),
            "bool": (bool, "true 或 false"),
            "choice": (str, "字符串"),
            "multichoice": (list, "字符串数组"),
            "date": (dt.date, "日期（如 2023-01-10）"),
            "list": (list, "表的数组"),
        }
        kind_type, what = expected[kind]
        value = table.get("default", kind_type, what)
        if kind == "choice" and value not in choices:
            raise table.fail("default", f"默认值 {value!r} 不在 choices 中")
        if kind == "multichoice":
            for item in value:
                if item not in choices:
                    raise table.fail("default", f"默认值 {item!r} 不在 choices 中")
        return value

    def sentence(self, table: _Table) -> Sentence:
        result = Sentence(
            template=cast(Template, self.template(table, "template")),
            when=self.expression(table, "when"),
            missing=cast(Missing, table.choice("missing", get_args(Missing), "omit")),
        )
        table.finish()
        return result

    def topic(self, table: _Table) -> Topic:
        ident = self.ident(table)
        self.claim(ident, table)
        points_table = table.table("points")
        if points_table is None:
            raise table.fail("points", "缺少此项")
        points = self.question(points_table)
        if points.kind != "list":
            raise points_table.fail("kind", "专题的 points 必须是列表题（list）")
        intro_table = table.table("intro")
        intro = None if intro_table is None else self.question(intro_table)
        result = Topic(
            id=ident,
            heading=table.need_text("heading"),
            help=table.text("help"),
            example=table.text("example"),
            selected=bool(table.get("selected", bool, "true 或 false", True)),
            intro=intro,
            points=points,
            metrics=tuple(self.question(m) for m in table.tables("metrics")),
            sentences=tuple(self.sentence(s) for s in table.tables("sentences")),
        )
        table.finish()
        return result

    def section(self, table: _Table) -> Section:
        ident = self.ident(table)
        self.claim(ident, table)
        topics = tuple(self.topic(t) for t in table.tables("topics"))
        if topics:
            self.claim(ident + TOPICS_SUFFIX, table)
        result = Section(
            id=ident,
            title=table.need_text("title"),
            help=table.text("help"),
            heading=table.text("heading"),
            when=self.expression(table, "when"),
            questions=tuple(self.question(q) for q in table.tables("questions")),
            topics=topics,
            topic_numbering=cast(
                Numbering, table.choice("topic_numbering", get_args(Numbering), "（一）")
            ),
            points_inline=bool(table.get("points_inline", bool, "true 或 false", True)),
            sentences=tuple(self.sentence(s) for s in table.tables("sentences")),
        )
        table.finish()
        if not result.questions and not result.topics:
            raise table.fail("", "此部分既没有问题也没有专题")
        return result

    def report(self, table: _Table) -> ReportSpec:
        contents = []
        for item in table.tables("contents"):
            contents.append(Content(item.need_text("label"), item.strings("sections")))
            item.finish()
        result = ReportSpec(
            title=cast(Template, self.template(table, "title")),
            preamble=cast(Template, self.template(table, "preamble")),
            addressee=self.template(table, "addressee", required=False),
            signature=tuple(
                self.template(
                    _Table({"line": line}, table.path(f"signature[{i}]"), self.source), "line"
                )
                or parse_template("")
                for i, line in enumerate(table.strings("signature"))
            ),
            contents=tuple(contents),
            year=table.text("year"),
            publish_by=self.month_day(table, "publish_by"),
        )
        if result.year:
            self.references.append((table.path("year"), frozenset({result.year})))
        table.finish()
        return result

    def month_day(self, table: _Table, key: str) -> tuple[int, int] | None:
        text = table.text(key)
        if not text:
            return None
        match = re.fullmatch(r"(\d{2})-(\d{2})", text)
        try:
            if match is None:
                raise ValueError
            dt.date(2000, int(match[1]), int(match[2]))
        except ValueError:
            raise table.fail(key, f"应为“月-日”，如 04-01，实为 {text!r}") from None
        return int(match[1]), int(match[2])

    def check_references(self, sections: tuple[Section, ...], report: _Table) -> None:
        known = set(self.index) | BUILTINS
        for where, used in self.references:
            for name in sorted(used - known):
                raise self.fail(where, f"引用了不存在的问题 {name!r}")
        section_ids = {s.id for s in sections}
        for item in report.tables("contents"):
            for j, name in enumerate(item.strings("sections")):
                if name not in section_ids:
                    raise self.fail(f"{item.path('sections')}[{j}]", f"不存在的部分 {name!r}")
        self.check_cycles()

    def check_cycles(self) -> None:
        state: dict[str, int] = {}

        def visit(name: str, trail: list[str]) -> None:
            if state.get(name) == 2:
                return
            if state.get(name) == 1:
                cycle = [*trail[trail.index(name) :], name]
                where = self.id_where.get(name, name)
                raise self.fail(f"{where}.compute", f"计算值循环引用：{' → '.join(cycle)}")
            state[name] = 1
            for dep in sorted(self.computed.get(name, ())):
                visit(dep, [*trail, name])
            state[name] = 2

        for name in sorted(self.computed):
            visit(name, [])


def loads(text: str, source: str = "<string>") -> Questionnaire:
    """Parse and validate a questionnaire; raise QuestionnaireError on any mistake."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise QuestionnaireError(
            source, "", f"TOML 语法错误，{tomlerror.describe(error)}"
        ) from None
    loader = _Loader(source)
    root = _Table(data, "", source)
    meta = root.table("meta")
    if meta is None:
        raise root.fail("meta", "缺少此项")
    ident = loader.ident(meta)
    title = meta.need_text("title")
    version = meta.need_text("version")
    description = meta.text("description")
    meta.finish()
    report_table = root.table("report")
    if report_table is None:
        raise root.fail("report", "缺少此项")
    section_tables = root.tables("sections")
    if not section_tables:
        raise root.fail("sections", "至少需要一个部分")
    sections = tuple(loader.section(s) for s in section_tables)
    report = loader.report(report_table)
    rules = []
    for table in root.tables("rules"):
        node = loader.expression(table, "expr")
        if node is None:
            raise table.fail("expr", "缺少此项")
        rules.append(Rule(node, table.text("expr"), table.need_text("message")))
        table.finish()
    root.finish()
    loader.check_references(sections, report_table)
    for section_index, section in enumerate(sections):
        for topic_index, topic in enumerate(section.topics):
            if topic.id.startswith(CUSTOM_TOPIC_PREFIX):
                raise loader.fail(
                    f"sections[{section_index}].topics[{topic_index}].id",
                    f"以 {CUSTOM_TOPIC_PREFIX} 开头的 id 留给用户自拟的专题",
                )
    return Questionnaire(
        id=ident,
        title=title,
        version=version,
        description=description,
        report=report,
        sections=sections,
        rules=tuple(rules),
        source=source,
        _index=loader.index,
    )


def load(path: Path, source: str | None = None) -> Questionnaire:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QuestionnaireError(source or str(path), "", f"无法读取：{error}") from None
    return loads(text, source or str(path))


# ---------------------------------------------------------------- locating


def prompts_dir() -> Path:
    """The shipped prompts/ folder: packaged in the wheel, or the source tree's."""
    import importlib.resources  # only here: it is slow to import and --help needs none

    packaged = Path(str(importlib.resources.files("wizard"))) / "prompts"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "prompts"


def available() -> list[Path]:
    """Every shipped questionnaire file, in name order."""
    return sorted(prompts_dir().glob("*.toml"))


def load_by_id(questionnaire_id: str) -> Questionnaire:
    path = prompts_dir() / f"{questionnaire_id}.toml"
    if not _ID.match(questionnaire_id) or not path.is_file():
        known = "、".join(p.stem for p in available()) or "（无）"
        raise QuestionnaireError(questionnaire_id, "", f"没有这个问卷模板；可用的模板：{known}")
    return load(path, f"prompts/{path.name}")
