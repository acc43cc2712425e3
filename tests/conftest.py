from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wizard import answers
from wizard.interview import Interview
from wizard.questionnaire import Questionnaire, load, load_by_id, prompts_dir

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def township() -> Questionnaire:
    return load_by_id("township")


@pytest.fixture(scope="session")
def mini() -> Questionnaire:
    return load(DATA / "mini.toml", "mini.toml")


@pytest.fixture
def example_path(tmp_path: Path) -> Path:
    """A private copy of the shipped example answers file."""
    target = tmp_path / "example.toml"
    shutil.copy(prompts_dir() / "examples" / "township-2022.toml", target)
    return target


@pytest.fixture
def example(township: Questionnaire, example_path: Path) -> Interview:
    return Interview(township, answers.load(example_path))
