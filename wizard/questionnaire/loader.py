"""Loading a questionnaire file: every mistake names the file, the key path and, for TOML
syntax, the line and column (``sections[1].topics[3].metrics[0].unit: 应为字符串``)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Literal, TypeVar, cast, get_args

from wizard.base import expr, tomlerror
from wizard.base.cleaning import decode_file
from wizard.base.files import FileProblem, read_bytes
from wizard.kinds import CUSTOM_TOPIC_PREFIX, FORMAT_KINDS, KIND_SPECIFIC_KEYS, Kind, kinds_taking
from wizard.questionnaire.compose import expand
from wizard.questionnaire.cycles import find_cycle
from wizard.questionnaire.model import (
    BUILTINS,
    ID_PATTERN,
    RESERVED_IDS,
    TOPICS_SUFFIX,
    Content,
    Field,
    Level,
    Missing,
    Numbering,
    Question,
    Questionnaire,
    QuestionnaireError,
    Render,
    ReportSpec,
    Rule,
    Section,
    Sentence,
    Template,
    Topic,
)
from wizard.questionnaire.tables import Table, item
from wizard.questionnaire.template import parse_template

T = TypeVar("T")


class Loader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.index: dict[str, Question] = {}
        self.id_where: dict[str, str] = {}
        # (where, names read) for every reference, checked once all ids are known.
        self.references: list[tuple[str, frozenset[str]]] = []
        self.computed: dict[str, frozenset[str]] = {}
        #: Mistakes found so far: one per table that could not be read, the rest still read.
        self.errors: list[QuestionnaireError] = []

    def fail(self, where: str, message: str) -> QuestionnaireError:
        return QuestionnaireError(self.source, where, message)

    def each(self, tables: list[Table], parse: Callable[[Table], T]) -> tuple[T, ...]:
        """Every table read; a mistake in one is noted and the others are read all the same,
        so that ``lint`` can list every mistake at once."""
        result = []
        for table in tables:
            try:
                result.append(parse(table))
            except QuestionnaireError as error:
                self.errors.append(error)
        return tuple(result)

    def ident(self, table: Table, key: str = "id") -> str:
        value = table.need_text(key)
        if not ID_PATTERN.match(value):
            raise table.fail(key, f"id 只能由小写字母、数字和下划线组成，且以字母开头：{value!r}")
        return value

    def claim(self, ident: str, table: Table) -> None:
        where = table.path("id")
        if ident in RESERVED_IDS:
            raise self.fail(where, f"id {ident!r} 是保留字，请换一个")
        if ident in self.id_where or ident in BUILTINS:
            first = f"{self.id_where[ident]}.id" if ident in self.id_where else "内置名称"
            raise self.fail(where, f"id {ident!r} 重复（已用于 {first}）")
        self.id_where[ident] = table.where

    def expression(self, table: Table, key: str) -> expr.Node | None:
        source = table.text(key)
        if not source:
            return None
        try:
            node = expr.parse(source)
        except expr.ExprError as error:
            raise table.fail(key, f"表达式有误：{error}") from None
        self.references.append((table.path(key), expr.names(node)))
        return node

    def template(self, table: Table, key: str, required: bool = True) -> Template | None:
        source = table.need_text(key) if required else table.text(key)
        if not source:
            return None
        try:
            template = parse_template(source)
        except ValueError as error:
            raise table.fail(key, str(error)) from None
        self.references.append((table.path(key), template.names))
        return template

    def field(self, table: Table) -> Field:
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

    def question(self, table: Table) -> Question:
        ident = self.ident(table)
        self.claim(ident, table)
        kind = table.need_text("kind")
        spec = FORMAT_KINDS.get(kind)
        if spec is None:
            raise table.fail("kind", f"未知的题型 {kind!r}，可用：{'、'.join(FORMAT_KINDS)}")
        self.check_kind_keys(table, spec)
        minimum = table.get("min", (int, float), "数值")
        maximum = table.get("max", (int, float), "数值")
        minimum, maximum = spec.bounds(minimum, maximum)
        if minimum is not None and maximum is not None and minimum > maximum:
            raise table.fail("min", f"下限 {minimum} 大于上限 {maximum}")
        fields = self.each(table.tables("fields"), self.field)
        seen: set[str] = set()
        for i, f in enumerate(fields):
            if f.id in seen:
                raise self.fail(
                    f"{item(table.path('fields'), i, f.id)}.id", f"字段 id {f.id!r} 重复"
                )
            seen.add(f.id)
        render = table.choice("render", get_args(Render), "none")
        if render != "none" and render not in spec.renders:
            taking = [k for k, s in FORMAT_KINDS.items() if render in s.renders]
            raise table.fail("render", f"{render} 只适用于 {'、'.join(taking)} 题，此题为 {kind}")
        compute = self.expression(table, "compute")
        if compute is not None:
            self.computed[ident] = expr.names(compute)
        question = Question(
            id=ident,
            kind=kind,
            label=table.need_text("label"),
            help=table.text("help"),
            example=table.text("example"),
            level=cast(Level, table.choice("level", get_args(Level), "recommended")),
            default=table.raw("default"),
            min=minimum,
            max=maximum,
            unit=table.text("unit"),
            approx=bool(table.get("approx", bool, "true 或 false", False)),
            when=self.expression(table, "when"),
            compute=compute,
            choices=table.strings("choices"),
            allow_other=bool(table.get("allow_other", bool, "true 或 false", False)),
            fields=fields,
            suggestions=table.strings("suggestions"),
            min_items=int(table.get("min_items", int, "整数", 0)),
            render=cast(Render, render),
            numbering=cast(Numbering, table.choice("numbering", get_args(Numbering), "一是")),
        )
        self.check_default(table, question)
        table.finish()
        self.index[ident] = question
        return question

    @staticmethod
    def check_kind_keys(table: Table, spec: Kind) -> None:
        """A key that means nothing for the kind is a mistake, not silently ignored; a key
        the kind needs is asked for."""
        for key in KIND_SPECIFIC_KEYS:
            if key in table.data and key not in spec.keys:
                kinds = "、".join(kinds_taking(key))
                raise table.fail(key, f"{key} 只适用于 {kinds} 题，此题为 {spec.name}")
        for key in sorted(spec.needs):
            if not table.data.get(key):
                raise table.fail(key, f"{spec.label}题（{spec.name}）需要 {key}")

    @staticmethod
    def check_default(table: Table, question: Question) -> None:
        """A default is an answer the user accepts with Enter: it obeys the question's rules."""
        from wizard import figures  # they read the model; it must load first
        from wizard.questionnaire import values

        if question.default is None:
            return
        try:
            values.from_toml(question, question.default)
        except figures.Invalid as error:
            raise table.fail("default", f"默认值不符合此题的要求：{error}") from None

    def rule(self, table: Table) -> Rule:
        node = self.expression(table, "expr")
        if node is None:
            raise table.fail("expr", "缺少此项")
        result = Rule(node, table.text("expr"), table.need_text("message"))
        table.finish()
        return result

    def sentence(self, table: Table) -> Sentence:
        result = Sentence(
            template=cast(Template, self.template(table, "template")),
            when=self.expression(table, "when"),
            missing=cast(Missing, table.choice("missing", get_args(Missing), "omit")),
        )
        table.finish()
        return result

    def topic(self, table: Table) -> Topic:
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
            metrics=self.each(table.tables("metrics"), self.question),
            sentences=self.each(table.tables("sentences"), self.sentence),
        )
        table.finish()
        return result

    def section(self, table: Table) -> Section:
        ident = self.ident(table)
        self.claim(ident, table)
        topics = self.each(table.tables("topics"), self.topic)
        if topics:
            self.claim(ident + TOPICS_SUFFIX, table)
        result = Section(
            id=ident,
            title=table.need_text("title"),
            help=table.text("help"),
            heading=table.text("heading"),
            when=self.expression(table, "when"),
            questions=self.each(table.tables("questions"), self.question),
            topics=topics,
            topic_numbering=cast(
                Numbering, table.choice("topic_numbering", get_args(Numbering), "（一）")
            ),
            points_inline=bool(table.get("points_inline", bool, "true 或 false", True)),
            sentences=self.each(table.tables("sentences"), self.sentence),
        )
        table.finish()
        if not result.questions and not result.topics:
            raise table.fail("", "此部分既没有问题也没有专题")
        return result

    def report(self, table: Table) -> ReportSpec:
        contents = []
        for entry in table.tables("contents"):
            contents.append(Content(entry.need_text("label"), entry.strings("sections")))
            entry.finish()
        result = ReportSpec(
            title=cast(Template, self.template(table, "title")),
            preamble=cast(Template, self.template(table, "preamble")),
            addressee=self.template(table, "addressee", required=False),
            annotation=self.template(table, "annotation", required=False),
            copy_to=self.template(table, "copy_to", required=False),
            signature=tuple(
                self.template(
                    Table({"line": line}, item(table.path("signature"), i), self.source), "line"
                )
                or parse_template("")
                for i, line in enumerate(table.strings("signature"))
            ),
            contents=tuple(contents),
            year=table.text("year"),
            kind=table.text("kind"),
            publish_by=self.month_day(table, "publish_by"),
        )
        for key in ("year", "kind"):
            named = getattr(result, key)
            if named:
                self.references.append((table.path(key), frozenset({named})))
        table.finish()
        return result

    def month_day(self, table: Table, key: str) -> tuple[int, int] | None:
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

    def check_references(self, sections: tuple[Section, ...], report: Table) -> None:
        """Every name used is a question, every content names a part, no value is computed
        from itself: each mistake noted (``lint`` lists them all)."""
        # Ids claimed by a question that then failed count as known: one mistake, one message.
        known = set(self.index) | BUILTINS | set(self.id_where)
        for where, used in self.references:
            for name in sorted(used - known):
                self.errors.append(self.fail(where, f"引用了不存在的问题 {name!r}"))
        section_ids = {s.id for s in sections}
        for entry in report.tables("contents"):
            for j, name in enumerate(entry.strings("sections")):
                if name not in section_ids:
                    where = item(entry.path("sections"), j)
                    self.errors.append(self.fail(where, f"不存在的部分 {name!r}"))
        cycle = find_cycle(self.computed)
        if cycle:
            where = self.id_where.get(cycle[0], cycle[0])
            message = f"计算值循环引用：{' → '.join(cycle)}"
            self.errors.append(self.fail(f"{where}.compute", message))


def loads(text: str, source: str = "<string>", folder: Path | None = None) -> Questionnaire:
    """Parse and validate a questionnaire; raise QuestionnaireError on its first mistake.
    ``folder`` is where an ``extends`` path starts (the file's folder)."""
    loader = Loader(source)
    try:
        questionnaire = parse(loader, text, source, folder)
    except QuestionnaireError as error:
        loader.errors.append(error)
    if loader.errors:
        raise loader.errors[0]
    return questionnaire


def parse(loader: Loader, text: str, source: str, folder: Path | None) -> Questionnaire:
    try:
        data = tomlerror.loads(text)
    except ValueError as error:
        raise QuestionnaireError(source, "", f"TOML 语法错误，{error}") from None
    data = expand(data, source, folder, _read)
    root = Table(data, "", source)
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
    sections = loader.each(section_tables, loader.section)
    report = loader.report(report_table)
    rules = loader.each(root.tables("rules"), loader.rule)
    root.finish()
    loader.check_references(sections, report_table)
    for section_index, section in enumerate(sections):
        for topic_index, topic in enumerate(section.topics):
            if topic.id.startswith(CUSTOM_TOPIC_PREFIX):
                raise loader.fail(
                    f"{item(item('sections', section_index, section.id) + '.topics', topic_index, topic.id)}.id",
                    f"以 {CUSTOM_TOPIC_PREFIX} 开头的 id 留给用户自拟的专题",
                )
    return Questionnaire(
        id=ident,
        title=title,
        version=version,
        description=description,
        report=report,
        sections=sections,
        rules=rules,
        source=source,
        _index=loader.index,
    )


def _read(path: Path, source: str | None = None) -> str:
    try:
        return decode_file(read_bytes(path))
    except FileProblem as error:
        raise QuestionnaireError(source or str(path), "", str(error)) from None
    except ValueError as error:
        raise QuestionnaireError(source or str(path), "", str(error)) from None


def load(path: Path, source: str | None = None) -> Questionnaire:
    return loads(_read(path, source), source or str(path), path.resolve().parent)
