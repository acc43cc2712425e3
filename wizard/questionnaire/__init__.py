"""Questionnaires as data: the model, the loader with precise errors, and where files are."""

from wizard.kinds import CUSTOM_TOPIC_PREFIX
from wizard.questionnaire.loader import load, loads
from wizard.questionnaire.locate import load_by_id
from wizard.questionnaire.model import (
    BUILTINS,
    KINDS,
    NUMERIC_KINDS,
    RESERVED_IDS,
    TEXT_KINDS,
    TOPICS_SUFFIX,
    Content,
    Field,
    Level,
    Missing,
    Numbering,
    Placeholder,
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
from wizard.questionnaire.places import available, prompts_dir
from wizard.questionnaire.template import parse_template

__all__ = [
    "BUILTINS",
    "CUSTOM_TOPIC_PREFIX",
    "KINDS",
    "NUMERIC_KINDS",
    "RESERVED_IDS",
    "TEXT_KINDS",
    "TOPICS_SUFFIX",
    "Content",
    "Field",
    "Level",
    "Missing",
    "Numbering",
    "Placeholder",
    "Question",
    "Questionnaire",
    "QuestionnaireError",
    "Render",
    "ReportSpec",
    "Rule",
    "Section",
    "Sentence",
    "Template",
    "Topic",
    "available",
    "load",
    "load_by_id",
    "loads",
    "parse_template",
    "prompts_dir",
]
