from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import time_machine

from wizard.answersfile import disk
from wizard.questionnaire import Questionnaire, load, load_by_id, prompts_dir
from wizard.questionnaire.places import USER_DIR_VARIABLE
from wizard.state.interview import Interview

DATA = Path(__file__).parent / "data"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        metavar="YYYY-MM-DD",
        help="run the whole suite as if today were this date (the suite must not care)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under --clock, the tests of other processes are left out: the clock moves only in
    this one, so they would run again exactly as they ran on the real date."""
    if config.getoption("--clock") is None:
        return
    other = [item for item in items if item.get_closest_marker("other_process")]
    if other:
        config.hook.pytest_deselected(items=other)
        items[:] = [item for item in items if not item.get_closest_marker("other_process")]


@pytest.fixture(autouse=True)
def own_templates(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The user's questionnaire folder, empty and private to each test (not the developer's)."""
    folder = tmp_path / "own-templates"
    monkeypatch.setenv(USER_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture(scope="session", autouse=True)
def clock(request: pytest.FixtureRequest) -> Iterator[dt.date]:
    """Today, as the suite sees it: the real date, or the one given with --clock."""
    given = request.config.getoption("--clock")
    if given is None:
        yield dt.date.today()
        return
    day = dt.date.fromisoformat(given)
    # tick: time moves on from there, so timeouts and file times still behave.
    with time_machine.travel(dt.datetime.combine(day, dt.time(9)).astimezone(), tick=True):
        yield day


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
    return Interview(township, disk.load(example_path))
