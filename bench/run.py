"""Benchmarks: medians of repeated runs, each beside a baseline measured in the same run.

Run with the project's virtual environment: ``python bench/run.py``. Prints one table;
the README keeps the figures of the last run. Nothing here is a test: these machines
are shared, so the ratios to baselines matter more than the absolute times.
"""

from __future__ import annotations

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

from wizard import answers
from wizard.importer import import_report
from wizard.interview import Interview
from wizard.questionnaire import load_by_id, prompts_dir
from wizard.render.text import render_text
from wizard.report import build_report
from wizard.summary import summarize
from wizard.wording import chinese_number

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(Path(sys.executable).with_name("report-wizard"))
EXAMPLE = prompts_dir() / "examples" / "township-2022.toml"
REFERENCE = ROOT / "tests" / "data" / "reference.txt"
PROMPTS = prompts_dir()
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
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
    interview = Interview(questionnaire, answers.load(EXAMPLE))
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
    document = answers.load(EXAMPLE)
    for n in range(count):
        document["unit_name"] = f"第{n}乡"
        document["disputes_found"] = 100 + n
        answers.save(target / f"{n}.toml", document)
    return target


def one_megabyte_document() -> dict[str, object]:
    document = answers.new_document("township", "1.0.0")
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


def main() -> None:
    rows: list[tuple[str, str, str, str, str]] = []

    def add(name: str, value: str, baseline: str = "", ratio: str = "", target: str = "") -> None:
        rows.append((name, value, baseline, ratio, target))
        print(f"  measured: {name}", file=sys.stderr)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "minimal.py").write_text(MINIMAL_TYPER_APP, encoding="utf-8")
        example = folder / "example.toml"
        shutil.copy(EXAMPLE, example)

        typer_help = median_seconds(command(sys.executable, str(folder / "minimal.py"), "--help"))
        help_time = median_seconds(command(SCRIPT, "--help"))
        add(
            "report-wizard --help",
            ms(help_time),
            ms(typer_help),
            ratio(help_time, typer_help),
            "≤ 1.2×",
        )
        check_time = median_seconds(command(SCRIPT, "check", str(example)))
        add(
            "check (example)",
            ms(check_time),
            ms(typer_help),
            ratio(check_time, typer_help),
            "≤ 1.3×",
        )
        # A variant on the shared base: reads two files and merges them before checking.
        lint_time = median_seconds(command(SCRIPT, "lint", str(PROMPTS / "county.toml")))
        add(
            "lint county.toml",
            ms(lint_time),
            ms(typer_help),
            ratio(lint_time, typer_help),
            "≤ 1.3×",
        )
        templates_time = median_seconds(command(SCRIPT, "templates"))
        add(
            "templates (three shipped)",
            ms(templates_time),
            ms(typer_help),
            ratio(templates_time, typer_help),
            "≤ 1.3×",
        )
        txt = str(folder / "x.txt")
        export_time = median_seconds(command(SCRIPT, "export", str(example), "-o", txt, "--force"))
        add(
            "export -o x.txt",
            ms(export_time),
            ms(typer_help),
            ratio(export_time, typer_help),
            "≤ 1.3×",
        )
        docx_path = str(folder / "x.docx")
        docx_time = median_seconds(
            command(SCRIPT, "export", str(example), "-o", docx_path, "--force")
        )
        add(
            "export -o x.docx",
            ms(docx_time),
            ms(typer_help),
            ratio(docx_time, typer_help),
            "≤ 1.5×",
        )

        imports = median_seconds(command(sys.executable, "-c", "import questionary, typer"))
        prompt_time = median_seconds(first_prompt(folder), runs=max(5, RUNS // 2))
        add(
            "new: first prompt (pty)",
            ms(prompt_time),
            ms(imports),
            ratio(prompt_time, imports),
            "≤ 1.5×",
        )

        document = one_megabyte_document()
        size = len(answers.dumps(document).encode())
        target_file = folder / "big.toml"
        save_time = median_seconds(lambda: answers.save(target_file, document))
        add(f"save a {size / 1e6:.1f} MB answers file", ms(save_time), target="≤ 50 ms")

        for points in (100, 1_000, 10_000):
            interview = synthetic(points)

            def draft(interview: Interview = interview) -> str:
                return render_text(build_report(interview))

            seconds = median_seconds(draft, runs=5)
            per_point = seconds / points * 1e6
            target = "≤ 1 s, linear" if points == 10_000 else ""
            add(
                f"assemble + render {points} points",
                ms(seconds),
                f"{per_point:.1f} µs/point",
                "",
                target,
            )

        if ONEFILE.is_file():
            onefile_help = median_seconds(command(str(ONEFILE), "--help"))
            add(
                "single file: --help",
                ms(onefile_help),
                ms(help_time),
                ratio(onefile_help, help_time),
                "≤ 2× installed",
            )
        else:
            print(f"  not measured: no single-file program at {ONEFILE}", file=sys.stderr)

        units = answers_folder(folder, 200)
        summary_time = median_seconds(
            command(SCRIPT, "summary", str(units)), runs=max(3, RUNS // 3)
        )
        add("summary of 200 answers files", ms(summary_time), target="≤ 2 s")
        for count in (50, 200, 400):
            files = units if count == 200 else answers_folder(folder, count)

            def summarize_all(files: Path = files) -> object:
                return summarize([files])

            seconds = median_seconds(summarize_all, runs=3)
            per_file = seconds / count * 1e3
            add(
                f"summarize {count} files (in process)",
                ms(seconds),
                f"{per_file:.1f} ms/file",
                "",
                "linear" if count == 400 else "",
            )

        long_report = thirty_pages(folder)
        township = load_by_id("township")
        import_time = median_seconds(lambda: import_report(long_report, township), runs=5)
        add("import a 30-page report (.docx, in process)", ms(import_time), target="≤ 1 s")
        imported = folder / "imported.toml"

        def import_command() -> object:
            imported.unlink(missing_ok=True)
            return command(SCRIPT, "import", str(long_report), "-o", str(imported))()

        add("import a 30-page report (command)", ms(median_seconds(import_command, runs=5)))

        memory = peak_memory_mib(SCRIPT, "export", str(example), "-o", docx_path, "--force")
        add("peak memory: export -o x.docx", f"{memory:.0f} MiB", target="≤ 80 MB")

    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"\nreport-wizard benchmarks — {machine}; median of {RUNS} runs\n")
    header = ("measure", "median", "baseline", "ratio", "target")
    widths = [max(display_width(r[i]) for r in [header, *rows]) for i in range(5)]
    print(" | ".join(pad(h, w) for h, w in zip(header, widths, strict=True)))
    print("-|-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(pad(c, w) for c, w in zip(row, widths, strict=True)))


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
