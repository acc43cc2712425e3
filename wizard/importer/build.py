"""An imported tree → an answers document of a questionnaire, and what was found in it.

Each part goes to the questionnaire's part for the content its heading names (a heading
naming two is kept as one part that reports both); a theme is a topic standing as a part of
its own. Topics go to the catalogue topic whose heading says the same (else a topic of the
unit's own); every heading keeps the unit's words. Points stay points at every level; what
lies deeper than the draft has levels for stays in its point's text, numbers and all. Title,
主送, preamble, 落款, headings, order, numbering and layout go to ``[outline]``. Figures are
found by the one figure grammar and matched to questions with their evidence; every one is
kept in ``[[text_figures]]``. What fits nowhere is kept under ``[imported] unplaced``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from wizard.answersfile import outline as shape
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.records import Record
from wizard.base import expr
from wizard.figures import grammar, to_toml
from wizard.importer.found import FigureFound, Imported, PartFound, TopicFound
from wizard.importer.frame import read_frame
from wizard.importer.layout import Kept, Seen, outline_of
from wizard.importer.parts import Content, content_labels, contents_of, section_for
from wizard.importer.points import Entries, points_of
from wizard.importer.tree import Node, Tree, first_sentence, literal
from wizard.questionnaire import CUSTOM_TOPIC_PREFIX, Question, Questionnaire, Section
from wizard.questionnaire import Topic as CatalogueTopic
from wizard.state import text_figures
from wizard.state.matching import Matcher, pairs


@dataclass(frozen=True, slots=True)
class _Text:
    """A text the import wrote into an answer, where figures are looked for."""

    answer: str
    text: str
    scope: frozenset[str]
    where: str


class Builder:
    def __init__(self, questionnaire: Questionnaire, source: str) -> None:
        self.q = questionnaire
        self.source = source
        self.document = AnswersDocument.new(questionnaire.id, questionnaire.version)
        self.found = Imported()
        self.texts: list[_Text] = []
        self.matcher = Matcher(questionnaire)
        self.shape = Seen()
        self.order: list[str] = []
        self.headings: dict[str, str] = {}
        self.unwrapped: set[str] = set()
        self.custom = 0
        self.used_topics: set[str] = set()
        #: Topics printed without a heading: points that stood in a part of topics alone.
        self.headless: set[str] = set()

    def build(self, tree: Tree) -> tuple[AnswersDocument, Imported]:
        signature = read_frame(self.q, tree, self.document, self.found)
        if tree.preamble:
            self.texts.append(
                _Text(text_figures.PREAMBLE, "\n".join(tree.preamble), frozenset(), "开头一段")
            )
        for part in tree.parts:
            self.place(part)
        self.switch_off()
        self.figures()
        self.document_outline(tree, signature)
        self.document.set_imported(
            {
                "source": self.source,
                **(
                    {"unplaced": [t for _, t in self.found.unplaced]} if self.found.unplaced else {}
                ),
                **({"unsure": self.found.unsure} if self.found.unsure else {}),
            }
        )
        return self.document, self.found

    # ------------------------------------------------------------ parts

    def place(self, part: Node) -> None:
        contents = contents_of(part.heading)
        section, theme = self.route(contents)
        labels = content_labels(contents, self.q)
        if section is None:
            self.found.unplaced.append((f"部分“{part.heading}”", "\n".join(literal(part))))
            self.found.parts.append(PartFound(part.heading, "", labels))
            return
        self.switch_on(section)
        before = len(self.found.topics)
        if theme:
            wrapped = section.id in self.order and section.id not in self.unwrapped
            if wrapped:
                self.found.unsure.append(
                    f"“{part.heading}”说不出属于规定的哪项内容，已作为“{section.title}”下的专题写入，请核对"
                )
            else:
                self.unwrapped.add(section.id)
            self.topic(section, part, top=not wrapped)
            labels = content_labels(frozenset({"measures"}), self.q)
        else:
            if section.id not in self.headings:  # the unit's words, even when they are ours
                self.headings[section.id] = part.heading
            if section.id in self.order:
                self.found.unsure.append(f"“{part.heading}”与前面一部分归入了同一部分，请核对")
            covers = [c for c in contents if (s := section_for(c, self.q)) and s.id != section.id]
            if covers:
                level = self.shape.parts.get(section.id, shape.Level())
                ids = tuple(s.id for c in covers if (s := section_for(c, self.q)))
                self.shape.parts[section.id] = shape.Level(
                    level.numbering, level.layout, covers=tuple(dict.fromkeys(ids))
                )
            if section.topics:
                self.topics_part(section, part)
            else:
                self.items_part(section, part, contents)
        if section.id not in self.order:
            self.order.append(section.id)
        items = len(self.found.topics) - before
        self.found.parts.append(PartFound(part.heading, section.id, labels, items))

    def route(self, contents: frozenset[Content]) -> tuple[Section | None, bool]:
        """The questionnaire's part for a part naming these contents, and whether it is a
        theme (a topic of its own at the top)."""
        for content in ("duty", "problems", "causes", "plans", "other"):
            if content in contents and not (content == "duty" and "measures" in contents):
                return section_for(content, self.q), False
        if "measures" in contents or "duty" in contents:
            return section_for("measures", self.q), False
        if "results" in contents:
            return section_for("results", self.q), False
        work = section_for("measures", self.q)
        if work is not None and (work.id not in self.order or work.id in self.unwrapped):
            return work, True
        other = section_for("other", self.q)
        if other is not None and other.id not in self.order:
            return other, False  # a part of the unit's own after the parts it has
        return work, True  # after the topics' own part: one topic more in it

    def switch_on(self, section: Section) -> None:
        """A part the report has, asked only on a condition (成效 when 单列成效 is 是): the
        answer that makes the condition hold, when it is one question equal to a value."""
        condition = section.when
        if (
            isinstance(condition, expr.Binary)
            and condition.op == "=="
            and isinstance(condition.left, expr.Name)
            and isinstance(condition.right, expr.Literal)
        ):
            self.document.put_answer(condition.left.name, condition.right.value)
        elif condition is not None:
            self.found.unsure.append(f"“{section.title}”只在满足条件时才写入报告，请核对相关答案")

    def switch_off(self) -> None:
        """A part asked on a condition that the report did not have (成效 written within
        the measures): the answer that keeps it out, when the condition is one yes/no."""
        for section in self.q.sections:
            condition = section.when
            if (
                section.id not in self.order
                and isinstance(condition, expr.Binary)
                and condition.op == "=="
                and isinstance(condition.left, expr.Name)
                and isinstance(condition.right, expr.Literal)
                and isinstance(condition.right.value, bool)
                and not self.document.has_answer(condition.left.name)
            ):
                self.document.put_answer(condition.left.name, not condition.right.value)

    def topics_part(self, section: Section, part: Node) -> None:
        """A part of topics: its opening words, then each （一） a topic; points alone (no
        topics under the part) make one topic printed without a heading."""
        if part.children:
            self.lead(section, "\n".join(part.text), f"“{part.heading}”的开头")
            for child in part.children:
                self.topic(section, child)
            return
        entries = points_of(part)
        if entries.items or entries.intro:  # kept under the part's heading, printed without one
            self.topic(section, Node("", part.heading, part.rank), headless=entries)

    def lead(self, section: Section, text: str, where: str) -> None:
        if not text:
            return
        question = next((q for q in section.questions if q.render in ("lead", "paragraph")), None)
        if question is None:
            self.found.unplaced.append((where, text))
            return
        if self.document.has_answer(
            question.id
        ):  # a second part of the same content: its words follow
            text = f"{self.document.answer(question.id)}\n{text}"
        self.document.put_answer(question.id, text)
        self.texts.append(_Text(question.id, text, _scope(section), section.title))

    def topic(
        self, section: Section, node: Node, top: bool = False, headless: Entries | None = None
    ) -> None:
        heading = node.heading
        match = _catalogue_match(section, heading, self.used_topics) if headless is None else None
        if match is None:
            self.custom += 1
            ident = f"{CUSTOM_TOPIC_PREFIX}{self.custom}"
            points, intro_question, scope = (
                section.custom_points(ident, heading),
                None,
                _scope(section),
            )
        else:
            self.used_topics.add(match.id)
            ident, points, intro_question = match.id, match.points, match.intro
            scope = frozenset(m.id for m in match.metrics)
        entries = headless or points_of(node)
        items = list(entries.items)
        lead = False
        if entries.intro and intro_question is not None:
            self.document.put_answer(intro_question.id, entries.intro)
            self.texts.append(_Text(intro_question.id, entries.intro, scope, heading))
        elif entries.intro:  # no question for its opening words: the first, unnumbered point
            items.insert(0, first_sentence(entries.intro))
            lead = True
        self.document.put_answer(points.id, [_item(points, title, rest) for title, rest in items])
        for title, rest in items:
            self.texts.append(_Text(points.id, f"{title}。{rest}", scope, heading or section.title))
        chosen = self.document.answer(section.topics_id) or []
        chosen = [*chosen, {"id": ident, "heading": heading} if heading else {"id": ident}]
        self.document.put_answer(section.topics_id, chosen)
        self.found.topics.append(TopicFound(heading, ident, len(items), match is None))
        if not top and headless is None:
            self.shape.topic_numbering[node.style] += 1
            self.shape.topic_run_in[node.run_in] += 1
        if len(items) > 1:  # a point alone is not numbered, nor laid out: it says nothing
            self.shape.point_numbering[entries.numbering] += 1
            self.shape.point_layout[entries.layout] += 1
        self.shape.topics[ident] = (entries.numbering, entries.layout, lead)
        if headless is not None:
            self.headless.add(ident)

    def items_part(self, section: Section, part: Node, contents: frozenset[Content]) -> None:
        """A part of items (成效, problems, 第一责任人, plans) or prose (其他)."""
        items_question = next((q for q in section.questions if q.kind == "list"), None)
        where = f"“{part.heading}”"
        if items_question is None:
            self.lead(section, part.under(), where)
            return
        children = [
            c for c in part.children if "原因" not in c.heading or "problems" not in contents
        ]
        causes = [c for c in part.children if c not in children]
        part_alone = Node(part.style, part.heading, part.rank, part.run_in, part.text, children)
        entries = points_of(part_alone)
        self.lead(section, entries.intro, f"{where}的开头")
        for block in causes:  # the causes, in a block of their own after the problems
            self.block(section, "\n".join(literal(block)), where)
        existing = self.document.answer(items_question.id) or []
        added = [_item(items_question, t, r) for t, r in entries.items]
        self.document.put_answer(items_question.id, existing + added)
        for title, rest in entries.items:
            self.texts.append(_Text(items_question.id, f"{title}。{rest}", _scope(section), where))
        usual = "run_in" if items_question.render == "inline" else "paragraphs"
        # One item numbered as the unit numbered it ((一) alone) keeps its number: said so.
        lone = len(entries.items) == 1 and bool(entries.numbering)
        same = entries.numbering == items_question.numbering and not lone
        numbering = None if same else entries.numbering
        layout = None if entries.layout == usual else entries.layout
        old = self.shape.parts.get(section.id, shape.Level())
        self.shape.parts[section.id] = shape.Level(
            cast(shape.Style | None, numbering),
            cast(shape.ItemLayout | None, layout),
            covers=old.covers,
        )

    def block(self, section: Section, text: str, where: str) -> None:
        question = next(
            (q for q in section.questions if q.kind == "longtext" and "原因" in q.label), None
        )
        if question is None:
            self.found.unplaced.append((where, text))
            return
        self.document.put_answer(question.id, text)
        self.texts.append(_Text(question.id, text, _scope(section), where))

    # ------------------------------------------------------------ figures

    def figures(self) -> None:
        """Every figure of every text written: matched to a question, else the unit's own."""
        records: list[Record] = []
        taken = {q.id for q in self.q.all_questions() if self.document.has_answer(q.id)}
        for text in self.texts:
            for figure in grammar.find(text.text):
                said = text.text[figure.start : figure.end]
                match = self.matcher.match(
                    figure.label, figure.reading, text.scope, taken, text.answer
                )
                question = match.question.id if match else ""
                if match is not None:
                    taken.add(question)
                    self.document.put_answer(question, to_toml(match.value))
                records.append(Record(text.answer, figure.label, said, question))
                self.found.figures.append(
                    FigureFound(
                        text.where,
                        figure.label,
                        said,
                        question,
                        match.question.label if match else "",
                        match.evidence if match else "没有对应的数字题",
                        match.sure if match else True,
                    )
                )
        self.document.set_text_figures(records)
        unsure = sum(not f.sure for f in self.found.figures)
        if unsure:
            self.found.unsure.append(
                f"有 {unsure} 个数字对应的数字题不很确定，请在上面“读到的数字”中核对"
            )

    # ------------------------------------------------------------ outline

    def document_outline(self, tree: Tree, signature: list[str]) -> None:
        frame = (
            ("标题", tree.title),
            ("主送机关", tree.addressee),
            ("开头一段", "\n".join(tree.preamble)),
            ("落款", "　".join(signature)),
        )
        self.found.frame = [(what, text) for what, text in frame if text]
        unit_line = self.document.answer("unit_name") or ""
        kept = Kept(
            order=tuple(self.order),
            headings=self.headings,
            unwrapped=frozenset(self.unwrapped),
            headless=frozenset(self.headless),
            signature=tuple(signature) if signature and signature != [unit_line] else (),
        )
        self.document.set_outline(outline_of(self.q, tree, self.shape, kept))


def _scope(section: Section) -> frozenset[str]:
    return frozenset(q.id for q in section.questions if q.is_numeric)


def _item(question: Question, title: str, rest: str) -> dict[str, str]:
    first, *others = question.fields
    entry = {first.id: title}
    if rest and others:
        entry[others[0].id] = rest
    elif rest:
        entry[first.id] = f"{title}。{rest}"
    return entry


def _catalogue_match(section: Section, heading: str, used: set[str]) -> CatalogueTopic | None:
    """The catalogue topic whose heading shares most two-character words with this one,
    not counting the words every topic of this report shares (深化依法行政，锻造法治政府
    names the whole work, no one topic of it)."""
    ours = pairs(heading) - _EVERY_TOPICS_WORDS
    best, score = None, 0.0
    for topic in section.topics:
        if topic.id in used:
            continue
        theirs = pairs(topic.heading) | pairs(topic.help)
        overlap = len(ours & theirs) / max(len(ours), 1)
        if overlap > score:
            best, score = topic, overlap
    return best if score >= 0.25 else None


#: Words of every heading in a 法治政府建设 report: they tell no topic from another.
_EVERY_TOPICS_WORDS = frozenset(
    {"法治", "依法", "行政", "政府", "建设", "推进", "加强", "深化", "全面", "持续", "工作"}
)
