"""Benchmarks: medians of repeated runs, each beside a baseline measured in the same run.

Run with the project's virtual environment: ``python bench/run.py``. Prints one table;
the README keeps the figures of the last run. Nothing here is a test: these machines
are shared, so the ratios to baselines matter more than the absolute times.
"""

from __future__ import annotations

import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pexpect

from wizard.answersfile import disk
from wizard.answersfile.document import AnswersDocument
from wizard.answersfile.written_with import record_questionnaire
from wizard.questionnaire import load_by_id, prompts_dir
from wizard.questionnaire.locate import load_template
from wizard.render.text import render_text
from wizard.report.draft import build_report
from wizard.state.interview import Interview
from wizard.state.wording import chinese_number

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(Path(sys.executable).with_name("report-wizard"))
EXAMPLE = prompts_dir() / "examples" / "township-2022.toml"
REFERENCE = ROOT / "tests" / "data" / "reference.txt"
PROMPTS = prompts_dir()
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
#: The single-file program, once built (README); measured beside the installed command.
ONEFILE = Path(os.environ.get("BENCH_ONEFILE", ROOT / "dist" / "report-wizard"))

MINIMAL_TYPER_APP = textwrap.dedent(
    '''
    import typer

    app = typer.Typer()


    @app.command()
    def hello(name: str) -> None:
        """Say hello."""
        print(name)


    @app.command()
    def bye() -> None:
        """Say bye."""


    app()
    '''
)


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall time; an action that returns a float has timed itself (a part of it)."""
    action()  # warm the file cache and the .pyc files
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(result if isinstance(result, float) else time.perf_counter() - start)
    return statistics.median(times)


# Children run as a user's would: with their bytecode cache (some shells switch it off).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def command(*args: str, cwd: Path | None = None) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run(args, cwd=cwd, env=CHILD_ENV, capture_output=True, check=False)

    return run


def first_prompt(folder: Path) -> Callable[[], object]:
    env = dict(CHILD_ENV, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color")

    def run() -> float:
        target = folder / "new.toml"
        target.unlink(missing_ok=True)
        start = time.perf_counter()
        child = pexpect.spawn(SCRIPT, ["new", str(target)], env=env, encoding="utf-8", timeout=30)
        child.expect("单位名称")
        elapsed = time.perf_counter() - start
        child.kill(9)
        child.close()  # waits a little for the child: not part of the measure
        return elapsed

    return run


def peak_memory_mib(*args: str) -> float:
    """Peak resident memory of one child process (ru_maxrss of the waited-for child)."""
    script = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], capture_output=True, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=CHILD_ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    kib = int(out.stdout.strip())
    return kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024


def synthetic(points: int) -> Interview:
    questionnaire = load_by_id("township")
    interview = Interview(questionnaire, disk.load(EXAMPLE))
    topics = [t for s in questionnaire.sections for t in s.topics][:7]
    per_topic = points // len(topics)
    for topic in topics:
        items = tuple(
            {"title": f"第{n}项做法", "text": "依法行政工作扎实推进，群众满意度持续提升。"}
            for n in range(per_topic)
        )
        interview.set(topic.points.id, items)
    return interview


def answers_folder(folder: Path, count: int) -> Path:
    """``count`` townships' answers files, made from the example with their own figures."""
    target = folder / f"units-{count}"
    target.mkdir()
    document = disk.load(EXAMPLE)
    for n in range(count):
        document["unit_name"] = f"第{n}乡"
        document["disputes_found"] = 100 + n
        disk.save(target / f"{n}.toml", document)
    return target


def one_megabyte_document() -> dict[str, object]:
    document = disk.new_document("township", "1.0.0")
    paragraph = "全面推进依法行政，持续深化法治政府建设。" * 50
    document["leadership_points"] = [
        {"title": f"第{n}项", "text": paragraph}
        for n in range(1_000_000 // len(paragraph.encode()) + 1)
    ]
    return document


def thirty_pages(folder: Path) -> Path:
    """A report of about 30 pages (GB/T 9704: 22 lines of 28 characters): the reference's
    outline with nine times its topics, written to Word as an office would."""
    import docx

    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("（一）"))
    end = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    topics = [line for line in lines[start:end] if line.strip()]
    body = [
        f"（{chinese_number(n + 1)}）" + topics[n % len(topics)].split("）", 1)[1]
        for n in range(len(topics) * 9)
    ]
    document = docx.Document()
    for line in [*lines[:start], *body, *lines[end:]]:
        if line.strip():
            document.add_paragraph(line)
    path = folder / "三十页.docx"
    document.save(str(path))
    characters = sum(len(line) for line in [*lines[:start], *body, *lines[end:]])
    print(
        f"  30-page report: {characters} characters, about {characters / 616:.0f} pages",
        file=sys.stderr,
    )
    return path


DOCX_BASELINE = textwrap.dedent(
    """
    import sys
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for n in range(40):  # about one page of a report: python-docx's own work, nothing more
        paragraph = document.add_paragraph("全面推进依法行政，持续深化法治政府建设。" * 3)
        paragraph.runs[0].font.size = Pt(16)
    document.save(sys.argv[1])
    """
)

BARE_PROMPT = textwrap.dedent(
    """
    import questionary

    questionary.text("单位名称").ask()
    """
)


def bare_prompt(script: Path) -> Callable[[], object]:
    """A questionary text prompt alone, in a pty, timed until it is on the screen."""
    env = dict(CHILD_ENV, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color")

    def run() -> float:
        start = time.perf_counter()
        child = pexpect.spawn(sys.executable, [str(script)], env=env, encoding="utf-8", timeout=30)
        child.expect("单位名称")
        elapsed = time.perf_counter() - start
        child.kill(9)
        child.close()
        return elapsed

    return run


def interleaved(actions: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Each action once per round, in turn (A B C … A B C …), after a round of warming up:
    a subject and its baseline see the same moment of a shared machine."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for warm in [True] + [False] * rounds:
        for name, action in actions.items():
            start = time.perf_counter()
            result = action()
            elapsed = result if isinstance(result, float) else time.perf_counter() - start
            if not warm:
                times[name].append(elapsed)
    return times


def ratio_of(times: dict[str, list[float]], subject: str, baseline: str) -> float:
    """The median of the per-round ratios."""
    pairs = zip(times[subject], times[baseline], strict=True)
    return statistics.median(a / b for a, b in pairs)


def computed_questionnaire(folder: Path, count: int) -> Path:
    """A questionnaire of ``count`` questions, each computed from the one before, and its
    answers file (the first answered)."""
    head = textwrap.dedent(
        """
        [meta]
        id = "chain"
        title = "计算链"
        version = "1"
        [report]
        title = "标题"
        preamble = "开头"
        [[sections]]
        id = "s"
        title = "部分"
        heading = "部分"
        """
    )

    def question(n: int, extra: str = "") -> str:
        return f'[[sections.questions]]\nid = "q{n}"\nkind = "count"\nlabel = "题{n}"\n{extra}\n'

    body = question(0) + "".join(question(n, f'compute = "q{n - 1} + 1"') for n in range(1, count))
    questionnaire = folder / f"chain-{count}.toml"
    questionnaire.write_text(head + body, encoding="utf-8")
    document = AnswersDocument.new("chain", "1")
    document.put_answer("q0", 1)
    record_questionnaire(document, load_template(str(questionnaire)))
    target = folder / f"chain-{count}-answers.toml"
    document.save(target)
    return target


Row = tuple[str, str, str, str, str, bool | None]


def main() -> None:
    rows: list[Row] = []

    def add(
        name: str,
        value: str,
        baseline: str = "",
        ratio: str = "",
        goal: str = "",
        met: bool | None = None,
    ) -> None:
        rows.append((name, value, baseline, ratio, goal, met))
        print(f"  measured: {name}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "minimal.py").write_text(MINIMAL_TYPER_APP, encoding="utf-8")
        (folder / "docx_baseline.py").write_text(DOCX_BASELINE, encoding="utf-8")
        (folder / "bare_prompt.py").write_text(BARE_PROMPT, encoding="utf-8")
        example = folder / "example.toml"
        shutil.copy(EXAMPLE, example)
        docx_path, base_docx = str(folder / "x.docx"), str(folder / "base.docx")
        long_report = thirty_pages(folder)
        imported = folder / "imported.toml"

        def import_command() -> object:
            imported.unlink(missing_ok=True)
            return command(SCRIPT, "import", str(long_report), "-o", str(imported))()

        actions: dict[str, Callable[[], object]] = {
            "typer": command(sys.executable, str(folder / "minimal.py"), "--help"),
            "help": command(SCRIPT, "--help"),
            "check": command(SCRIPT, "check", str(example)),
            "docx baseline": command(sys.executable, str(folder / "docx_baseline.py"), base_docx),
            "docx": command(SCRIPT, "export", str(example), "-o", docx_path, "--force"),
            "bare prompt": bare_prompt(folder / "bare_prompt.py"),
            "first prompt": first_prompt(folder),
            "import": import_command,
        }
        if ONEFILE.is_file():
            actions["single help"] = command(str(ONEFILE), "--help")
            actions["single check"] = command(str(ONEFILE), "check", str(example))
        else:
            print(f"  not measured: no single-file program at {ONEFILE}", file=sys.stderr)
        times = interleaved(actions, RUNS)
        median = {name: statistics.median(t) for name, t in times.items()}

        def compare(name: str, subject: str, baseline: str, goal: float) -> None:
            r = ratio_of(times, subject, baseline)
            add(
                name,
                ms(median[subject]),
                ms(median[baseline]),
                f"{r:.2f}×",
                f"≤ {goal}×",
                r <= goal,
            )

        compare("report-wizard --help / a minimal typer app", "help", "typer", 1.0)
        compare("check (example) / a minimal typer app", "check", "typer", 1.3)
        compare("export -o x.docx / python-docx writing a page", "docx", "docx baseline", 1.3)
        compare(
            "new: first prompt / a bare questionary prompt (pty)",
            "first prompt",
            "bare prompt",
            1.3,
        )
        seconds = median["import"]
        add("import a 30-page report (command)", ms(seconds), goal="≤ 1 s", met=seconds <= 1)
        if ONEFILE.is_file():
            compare("single file: --help / the installed command", "single help", "help", 1.25)
            compare("single file: check / the installed command", "single check", "check", 1.25)

        summary_rows(folder, add)

        for count in (1_000, 3_000):
            target = computed_questionnaire(folder, count)
            seconds = median_seconds(command(SCRIPT, "check", str(target)), runs=5)
            add(
                f"check, {count} computed questions (command)",
                ms(seconds),
                goal="≤ 1 s",
                met=seconds <= 1,
            )

        document = one_megabyte_document()
        size = len(disk.dumps(document).encode())
        target_file = folder / "big.toml"
        save_time = median_seconds(lambda: disk.save(target_file, document))
        add(
            f"save a {size / 1e6:.1f} MB answers file",
            ms(save_time),
            goal="≤ 50 ms",
            met=save_time <= 0.05,
        )

        for points in (100, 1_000, 10_000):
            interview = synthetic(points)

            def draft(interview: Interview = interview) -> str:
                return render_text(build_report(interview))

            seconds = median_seconds(draft, runs=5)
            last = points == 10_000
            add(
                f"assemble + render {points} points",
                ms(seconds),
                f"{seconds / points * 1e6:.1f} µs/point",
                goal="≤ 1 s" if last else "",
                met=seconds <= 1 if last else None,
            )

        memory = peak_memory_mib(SCRIPT, "export", str(example), "-o", docx_path, "--force")
        add("peak memory: export -o x.docx", f"{memory:.0f} MiB", goal="≤ 80 MB", met=memory <= 80)

    print_table(rows)


def summary_rows(folder: Path, add: Callable[..., None]) -> None:
    """The county summary as a command, at 20, 200 and 2,000 files, to .xlsx and to the
    terminal; the growth exponent from 200 to 2,000 (1.0: linear)."""
    measured: dict[tuple[int, str], float] = {}
    for count in (20, 200, 2_000):
        units = answers_folder(folder, count)
        book = folder / f"summary-{count}.xlsx"

        def to_xlsx(units: Path = units, book: Path = book) -> object:
            book.unlink(missing_ok=True)
            return command(SCRIPT, "summary", str(units), "-o", str(book))()

        runs = 3 if count == 2_000 else 5
        times = interleaved(
            {"xlsx": to_xlsx, "terminal": command(SCRIPT, "summary", str(units))}, runs
        )
        for how, t in times.items():
            measured[count, how] = seconds = statistics.median(t)
            last = count == 2_000 and how == "xlsx"
            add(
                f"summary of {count} files → {'.xlsx' if how == 'xlsx' else 'the terminal'}",
                ms(seconds),
                f"{seconds / count * 1e3:.2f} ms/file",
                goal="≤ 5 s" if last else "",
                met=seconds <= 5 if last else None,
            )
    for how in ("xlsx", "terminal"):
        exponent = math.log(measured[2_000, how] / measured[200, how]) / math.log(10)
        add(
            f"summary growth 200 → 2,000 files ({how})",
            f"n^{exponent:.2f}",
            goal="≤ n^1.1",
            met=exponent <= 1.1,
        )


def print_table(rows: list[Row]) -> None:
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nreport-wizard benchmarks — {machine}; {RUNS} interleaved rounds, medians\n")
    header = ("measure", "median", "baseline", "ratio", "goal", "")
    cells = [(*r[:5], {True: "met", False: "MISSED", None: ""}[r[5]]) for r in rows]
    widths = [max(display_width(r[i]) for r in [header, *cells]) for i in range(6)]
    print(" | ".join(pad(h, w) for h, w in zip(header, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for row in cells:
        print(" | ".join(pad(c, w) for c, w in zip(row, widths, strict=True)))
    missed = [r[0] for r in rows if r[5] is False]
    print("\nall goals met" if not missed else "\ngoals missed: " + "; ".join(missed))


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}×"


def display_width(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


if __name__ == "__main__":
    main()
