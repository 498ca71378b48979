"""Time `wfplan` on the national corpus, whole process against whole process.

    python benchmarks/run.py                  # every scenario, 5 timed runs after a warm-up
    python benchmarks/run.py --only validate --only floor --runs 3
    python benchmarks/run.py --list
    python benchmarks/run.py --corpus plans --only validate-huge --huge 2.5 --huge 5 --huge 20

Each scenario is a command line run as a child process; wall time comes from
`time.perf_counter` around it and peak RSS from `os.wait4`. Scenarios of commands that do
not exist yet (`wfplan CMD --help` fails) are skipped with a message. See README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
ENV = {**os.environ, "WFPLAN_AS_OF": "2022-10-31", "NO_COLOR": "1", "COLUMNS": "100"}
ENV.pop("PYTHONDONTWRITEBYTECODE", None)
"""wfplan runs as installed: pip writes the bytecode of every module when it installs wfplan,
and an editable install writes it on the first run. A shell that sets PYTHONDONTWRITEBYTECODE
would have every timed run compile wfplan's modules again (about 0.1 s of `validate-one`);
without it the warm-up run writes the bytecode."""
RSS_UNIT = 1024 * 1024 if sys.platform == "darwin" else 1024
"""ru_maxrss is in kilobytes on Linux, bytes on macOS; this makes it MB."""
FLOOR = """\
import sys, yaml
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        yaml.compose(f.read(), Loader=yaml.CSafeLoader)
"""
WORKBOOK = """\
import sys, openpyxl
rows = int(sys.argv[2])
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Action plan"
sheet.append(["Workforce action plan 2025-2028"])
sheet.append(["Ref", "Action", "Responsible officer", "By when", "Status", "RAG", "Resources"])
timescales = ["Dec 2025", "Q3 2026", "31/03/2026", "Ongoing", "From Sept 25", "Spring 26", "tbc"]
for n in range(rows):
    if n % 50 == 0:
        sheet.append([f"Strategic Objective {n // 50 + 1}: recruitment, retention and development"])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    ref = f"{n // 5 + 1}" if n % 5 == 0 else f"{n // 5 + 1}.{n % 5}"
    sheet.append([ref, f"Action {n}: recruit and retain permanent social workers in team {n % 37}",
                  "Head of Service; HR Resourcing Team", timescales[n % 7],
                  ["Not started", "In progress", "Complete", ""][n % 4], "Amber",
                  "Within existing budget"])
book.save(sys.argv[1])
"""


class Workspace:
    """The files the scenarios run on, each made when a scenario first needs it."""

    def __init__(self, corpus_dir: Path, tmp: Path) -> None:
        self.corpus = corpus_dir
        self.tmp = tmp

    @cached_property
    def files(self) -> list[str]:
        return [str(p) for p in sorted(self.corpus.glob("*.yaml"))]

    @property
    def one(self) -> str:
        return self.files[len(self.files) // 2]

    @cached_property
    def schema(self) -> str:
        out = self.tmp / "schemas"
        subprocess.run([wfplan(), "schema", "--output", str(out)], check=True, capture_output=True)
        return str(out / "plan.schema.json")

    @cached_property
    def big_plan(self) -> Path:
        """One plan of BIG_ACTIONS actions, 1.8 MB: under the 2 MiB limit, as large as a
        plan gets. Made to find steps quadratic in a plan's size."""
        folder = self.tmp / "big" / "plans"
        folder.mkdir(parents=True)
        path = folder / "big.yaml"
        path.write_text(big_plan_text(BIG_ACTIONS), "utf-8")
        return path

    @cached_property
    def huge(self) -> Path:
        """One plan of HUGE_MILESTONES milestones, about 20 MB (`huge.py`)."""
        return huge_plan(HUGE_MILESTONES)

    @cached_property
    def hostile(self) -> Path:
        """The hostile files of hostile.py (unknown keys, deep nesting, ...)."""
        folder = self.tmp / "hostile"
        subprocess.run([sys.executable, str(HERE / "hostile.py"), str(folder)], check=True)
        return folder

    @cached_property
    def diff_repo(self) -> Path:
        """A git repository whose last commit applies `corpus.py --mutate 0.05` to the corpus."""
        repo = self.tmp / "diffrepo"
        shutil.copytree(self.corpus, repo / "plans")
        mutated = self.tmp / "mutated"
        generate("--mutate", "0.05", "--from", str(repo / "plans"), "--out", str(mutated))
        _git(repo, "init", "-q")
        _git(repo, "add", "plans")
        _git(repo, "commit", "-qm", "corpus")
        for path in mutated.iterdir():
            shutil.copy(path, repo / "plans" / path.name)
        _git(repo, "commit", "-qam", "a month of updates")
        return repo

    @cached_property
    def workbook(self) -> Path:
        """A 500-row action plan workbook (themes, numbered sub-rows, statuses) for import."""
        path = self.tmp / "workbook.xlsx"
        subprocess.run([sys.executable, "-c", WORKBOOK, str(path), "500"], check=True)
        (self.tmp / "import").mkdir()
        return path


BIG_ACTIONS = 55_000


def big_plan_text(actions: int, themes: int = 20) -> str:
    """A plan of `actions` milestone-less actions, one in five under one of `themes` themes
    (the rest "Other actions"), a third of them due in each of 2021, 2022 and 2023 (so some
    are overdue on the as-of date). 55,000 actions make 1.9 MiB."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"

    def short(n: int) -> str:  # base 36 keeps the file under 2 MiB
        out = ""
        while True:
            n, r = divmod(n, 36)
            out = digits[r] + out
            if n == 0:
                return out

    def theme(i: int) -> str:
        return f"theme: t{i // 5 % themes}, " if i % 5 == 0 else ""

    lines = ["wfplan: 1", "id: big", "title: Big", "period: {start: 2021-01-01}", "themes:"]
    lines += [f"- {{id: t{t}, title: T{t}}}" for t in range(themes)]
    lines.append("actions:")
    lines += [
        f"- {{id: a{short(i)}, {theme(i)}title: A, due: {2021 + i % 3}}}" for i in range(actions)
    ]
    return "\n".join(lines) + "\n"


HUGE_MILESTONES = 120_000
"""The milestones of the 1x huge plan (`huge.py`): about 20 MB."""
HUGE_LIMIT = "50MB"
"""The `--max-file-size` the huge-plan scenarios run with."""


def huge_plan(milestones: int) -> Path:
    """benchmarks/huge/huge-N.yaml (gitignored), a plan of N milestones, made once."""
    path = HERE / "huge" / f"huge-{milestones}.yaml"
    if not path.exists():
        argv = ["--milestones", str(milestones), "--out", str(path)]
        subprocess.run([sys.executable, str(HERE / "huge.py"), *argv], check=True)
    return path


def generate(*args: str) -> None:
    # In a child process: this one stays small, because a child forked from it starts
    # with its memory, and peak RSS would then report this process rather than the child.
    subprocess.run([sys.executable, str(HERE / "corpus.py"), *args], check=True)


def _git(repo: Path, *args: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@example.org"]
    subprocess.run(["git", *identity, *args], cwd=repo, check=True, capture_output=True)


def wfplan() -> str:
    return str(BIN / "wfplan")


@dataclass(frozen=True)
class Scenario:
    what: str
    argv: Callable[[Workspace], list[str]]
    command: str | None = None
    """The wfplan command this needs; skipped while `wfplan COMMAND --help` fails."""
    cwd: Callable[[Workspace], Path] | None = None
    env: dict[str, str] = field(default_factory=dict)
    """Added to the environment of the run (an empty value removes the variable)."""
    measured: Callable[[Workspace], Path] | None = None
    """The one file it reads, when that is not the corpus (figures per MB of it)."""


def _w(*args: str) -> list[str]:
    return [wfplan(), *args]


SCENARIOS: dict[str, Scenario] = {
    "validate": Scenario(
        "wfplan validate on the whole corpus", lambda w: _w("validate", str(w.corpus))
    ),
    "validate-serial": Scenario(
        "wfplan validate --jobs 1: the whole corpus in one process, no workers",
        lambda w: _w("validate", str(w.corpus), "--jobs", "1"),
    ),
    "check-jsonschema": Scenario(
        "check-jsonschema with the generated plan schema, on the same files",
        lambda w: [str(BIN / "check-jsonschema"), "--schemafile", w.schema, *w.files],
    ),
    "floor": Scenario(
        "the floor: libyaml compose of every file (PyYAML CSafeLoader), in a fresh process",
        lambda w: [sys.executable, "-c", FLOOR, *w.files],
    ),
    "help": Scenario("wfplan --help (start-up time)", lambda w: _w("--help")),
    "validate-one": Scenario(
        "wfplan validate on one plan file (an editor or pre-commit hook)",
        lambda w: _w("validate", w.one),
    ),
    "status": Scenario(
        "wfplan status on the whole corpus", lambda w: _w("status", str(w.corpus)), "status"
    ),
    "status-colour": Scenario(
        "wfplan status on the whole corpus, coloured (as on a terminal)",
        lambda w: _w("status", str(w.corpus)),
        "status",
        env={"FORCE_COLOR": "1", "NO_COLOR": ""},
    ),
    "overdue": Scenario(
        "wfplan overdue on the whole corpus", lambda w: _w("overdue", str(w.corpus)), "overdue"
    ),
    "staffing": Scenario(
        "wfplan staffing on the whole corpus",
        lambda w: _w("staffing", str(w.corpus)),
        "staffing",
    ),
    "report-one": Scenario(
        "wfplan report --format html for one plan file",
        lambda w: _w("report", w.one, "--format", "html", "--output", str(w.tmp / "one.html")),
        "report",
    ),
    "report": Scenario(
        "wfplan report --format html, one report per plan of the corpus",
        lambda w: _w(
            "report", str(w.corpus), "--format", "html", "--output-dir", str(w.tmp / "reports")
        ),
        "report",
    ),
    "report-md": Scenario(
        "wfplan report --format markdown, one report per plan of the corpus",
        lambda w: _w(
            "report", str(w.corpus), "--format", "markdown", "--output-dir", str(w.tmp / "md")
        ),
        "report",
    ),
    "status-big": Scenario(
        f"wfplan status --format json on one plan of {BIG_ACTIONS:,} actions",
        lambda w: _w("status", str(w.big_plan), "--format", "json"),
        "status",
    ),
    "status-big-text": Scenario(
        f"wfplan status (text, a table of every overdue action) on one plan of {BIG_ACTIONS:,}",
        lambda w: _w("status", str(w.big_plan)),
        "status",
    ),
    "report-big": Scenario(
        f"wfplan report (Markdown) on one plan of {BIG_ACTIONS:,} actions",
        lambda w: _w("report", str(w.big_plan), "--output", str(w.tmp / "big.md")),
        "report",
    ),
    "validate-huge": Scenario(
        f"wfplan validate on one plan of {HUGE_MILESTONES:,} milestones (about 20 MB)",
        lambda w: _w("validate", str(w.huge), "--max-file-size", HUGE_LIMIT),
        measured=lambda w: w.huge,
    ),
    "status-huge": Scenario(
        f"wfplan status (text) on one plan of {HUGE_MILESTONES:,} milestones (about 20 MB)",
        lambda w: _w("status", str(w.huge), "--max-file-size", HUGE_LIMIT),
        "status",
        measured=lambda w: w.huge,
    ),
    "hostile-keys": Scenario(
        "wfplan validate on a plan with 20,000 unknown keys (quadratic until issue 11)",
        lambda w: _w("validate", str(w.hostile / "unknown-keys-20000.yaml")),
    ),
    "hostile-keys-2mib": Scenario(
        "wfplan validate on 2 MiB of unknown keys (200,746 of them)",
        lambda w: _w("validate", str(w.hostile / "unknown-keys-2mib.yaml")),
    ),
    "hostile-nesting": Scenario(
        "wfplan validate on 30,000 nested brackets (a segmentation fault until issue 11)",
        lambda w: _w("validate", str(w.hostile / "nesting-30000.yaml")),
    ),
    "hostile-chain": Scenario(
        "wfplan validate on 10,000 actions, each depending on the next",
        lambda w: _w("validate", str(w.hostile / "dependency-chain-10000.yaml")),
    ),
    "import": Scenario(
        "wfplan import of a 500-row .xlsx action plan (from an empty folder)",
        lambda w: _w(
            "import",
            str(w.workbook),
            "--title",
            "Action plan",
            "--force",
            "--output",
            str(w.tmp / "import" / "plan.yaml"),
        ),
        "import",
        cwd=lambda w: w.tmp / "import",
    ),
    "diff": Scenario(
        "wfplan diff HEAD~1 HEAD: the corpus against a copy with 5% of milestones changed",
        lambda w: _w("diff", "HEAD~1", "HEAD", "plans"),
        "diff",
        cwd=lambda w: w.diff_repo,
    ),
}


class TreeRss(threading.Thread):
    """The peak of the summed resident memory of a process and all its descendants (worker
    processes included), sampled every 10 ms from /proc (Linux; elsewhere 0). Pages a worker
    shares with its parent are counted in both: the figure errs on the high side."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self._done = pid, 0.0, threading.Event()

    def run(self) -> None:
        if not Path("/proc/self/statm").exists():
            return
        page = os.sysconf("SC_PAGE_SIZE")
        while not self._done.wait(0.01):
            pages = sum(_resident_pages(pid) for pid in _tree(self.pid))
            self.peak_mb = max(self.peak_mb, pages * page / (1024 * 1024))

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            text = Path(f"/proc/{current}/task/{current}/children").read_text()
        except OSError:
            continue
        todo.extend(int(child) for child in text.split())
    return found


def _resident_pages(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0


@dataclass
class Timing:
    name: str
    argv: list[str] = field(default_factory=list)
    cwd: Path | None = None
    env: dict[str, str] = field(default_factory=lambda: ENV)
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    exits: set[int] = field(default_factory=set)
    skipped: str | None = None
    measured: Path | None = None
    """For the sizes of `--scale` and `--huge`: the file or folder whose size is timed."""

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    def run(self, counted: bool) -> None:
        with tempfile.TemporaryFile() as err:
            began = time.perf_counter()
            child = subprocess.Popen(
                self.argv, cwd=self.cwd, env=self.env, stdout=subprocess.DEVNULL, stderr=err
            )
            sampler = TreeRss(child.pid)
            sampler.start()
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.perf_counter() - began
            sampler.stop()
            child.returncode = code = os.waitstatus_to_exitcode(status)
            if code != 0 and code not in self.exits:
                err.seek(0)
                tail = err.read()[-2000:].decode("utf-8", "replace")
                sys.stderr.write(f"{self.name}: exit {code}\n{tail}\n")
        if counted:  # the first run warms the file cache and is not counted
            self.walls.append(wall)
            self.cpus.append(usage.ru_utime + usage.ru_stime)
            # ru_maxrss is in kilobytes on Linux, bytes on macOS. It is the largest single
            # process's peak; with worker processes, the sampled sum over the process tree
            # is larger, and is the figure kept.
            largest = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
            self.rss_mb.append(max(largest, sampler.peak_mb))
        self.exits.add(code)


def missing_command(scenario: Scenario) -> str | None:
    if scenario.command is None:
        return None
    probe = subprocess.run(_w(scenario.command, "--help"), capture_output=True, env=ENV)
    if probe.returncode != 0:
        return f"skipped: `wfplan {scenario.command}` does not exist yet"
    return None


def scaled(factors: list[int]) -> list[Timing]:
    """`wfplan validate` on corpora of 1x, 2x, 4x ... the authorities (the copies are
    "Barnet 2" and so on), each generated once into benchmarks/corpus-xN/."""
    timings = []
    for factor in factors:
        folder = HERE / f"corpus-x{factor}"
        if not any(folder.glob("*.yaml")):
            generate("--authorities", str(153 * factor), "--out", str(folder))
        for name, extra in ((f"validate x{factor}", []), (f"-j1 x{factor}", ["--jobs", "1"])):
            timing = Timing(name, argv=_w("validate", *extra, str(folder)), measured=folder)
            timing.run(counted=False)
            timings.append(timing)
    return timings


def huge_sizes(sizes: list[float]) -> list[Timing]:
    """`validate` and `status` (text) on the huge plan cut to each size in MB (20: the whole
    120,000 milestones), so that time and memory per MB can be compared across sizes."""
    timings = []
    for command in ("validate", "status"):
        for mb in sizes:
            path = huge_plan(round(HUGE_MILESTONES * mb / 20))
            argv = _w(command, str(path), "--max-file-size", HUGE_LIMIT)
            timing = Timing(f"{command} {mb:g}MB", argv=argv, measured=path)
            timing.run(counted=False)
            timings.append(timing)
    return timings


def huge_scaling(timings: list[Timing]) -> str:
    """Time and memory against the size of one plan: flat per MB when both grow linearly."""
    rows = [
        f"{'plan':<16}{'milestones':>11}{'MB':>7}{'wall':>8}{'cpu':>8}{'s/MB':>7}"
        f"{'peak RSS':>10}{'RSS/MB':>8}"
    ]
    for t in timings:
        assert t.measured is not None
        mb = t.measured.stat().st_size / 1e6
        milestones = int(t.measured.stem.removeprefix("huge-"))
        rss = statistics.median(t.rss_mb)
        rows.append(
            f"{t.name:<16}{milestones:>11,}{mb:>7.1f}{t.median:>7.2f}s{t.cpu:>7.2f}s"
            f"{t.cpu / mb:>7.3f}{rss:>8.0f}MB{rss / mb:>8.1f}"
        )
    return "\n".join(rows)


def huge_goals(timings: list[Timing]) -> list[str]:
    """Issue 14: time per MB of one plan flat with its size (cpu s/MB of the largest size at
    most 1.25x the smallest's), for each command timed with --huge."""
    out = []
    for command in ("validate", "status"):
        sized = [t for t in timings if t.name.startswith(f"{command} ") and t.measured]
        if len(sized) < 2:
            continue
        per_mb = {
            t.measured.stat().st_size / 1e6: t.cpu / (t.measured.stat().st_size / 1e6)
            for t in sized
            if t.measured
        }
        small, large = per_mb[min(per_mb)], per_mb[max(per_mb)]
        text = (
            f"{command}, one plan {min(per_mb):.1f} to {max(per_mb):.1f} MB: cpu s/MB "
            f"{small:.3f} to {large:.3f} ({large / small:.2f}x)"
        )
        out.append(_goal(text, large / small <= 1.25, "<= 1.25x"))
    return out


def scaling(timings: list[Timing]) -> str:
    """Time and memory against corpus size: flat per MB when both grow linearly."""
    rows = [
        f"{'corpus':<14}{'files':>6}{'MB':>7}{'wall':>8}{'cpu':>8}{'s/MB':>7}"
        f"{'peak RSS':>10}{'RSS/MB':>8}"
    ]
    for t in timings:
        folder = Path(t.argv[-1])
        files = list(folder.glob("*.yaml"))
        mb = sum(f.stat().st_size for f in files) / 1e6
        rss = statistics.median(t.rss_mb)
        rows.append(
            f"{t.name:<14}{len(files):>6}{mb:>7.1f}{t.median:>7.2f}s{t.cpu:>7.2f}s"
            f"{t.cpu / mb:>7.3f}{rss:>8.0f}MB{rss / mb:>8.1f}"
        )
    return "\n".join(rows)


def measure(names: list[str], work: Workspace, runs: int, extra: list[Timing]) -> list[Timing]:
    """Time the scenarios in rounds, one run of each per round, so that a busy spell of
    the machine weighs on all of them alike rather than on whichever ran then."""
    timings = []
    for name in names:
        scenario = SCENARIOS[name]
        timing = Timing(name, skipped=missing_command(scenario))
        if not timing.skipped:
            timing.argv = scenario.argv(work)
            timing.cwd = scenario.cwd(work) if scenario.cwd else None
            timing.measured = scenario.measured(work) if scenario.measured else None
            env = {**ENV, **scenario.env}
            timing.env = {k: v for k, v in env.items() if v}
            timing.run(counted=False)
        timings.append(timing)
    timings.extend(extra)
    for round_ in range(runs):
        for timing in timings:
            if not timing.skipped:
                timing.run(counted=True)
        print(f"  round {round_ + 1}/{runs} done", flush=True)
    return timings


def in_process_parse(files: list[str], runs: int) -> float:
    """The best time of libyaml compose over every file's text, inside this process."""
    import yaml

    texts = [Path(f).read_text("utf-8") for f in files]
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        for text in texts:
            yaml.compose(text, Loader=yaml.CSafeLoader)
        best = min(best, time.perf_counter() - began)
    return best


def table(timings: list[Timing]) -> str:
    rows = [
        f"{'scenario':<18}{'runs':>5}{'exit':>5}   wall: {'min':>6}{'median':>8}{'max':>7}"
        f"   cpu median   peak RSS"
    ]
    for t in timings:
        if t.skipped:
            rows.append(f"{t.name:<18}  {t.skipped}")
            continue
        exits = ",".join(map(str, sorted(t.exits)))
        rows.append(
            f"{t.name:<18}{len(t.walls):>5}{exits:>5}{min(t.walls):>12.2f}s{t.median:>7.2f}s"
            f"{max(t.walls):>6.2f}s{t.cpu:>12.2f}s{max(t.rss_mb):>8.0f} MB"
        )
    return "\n".join(rows)


def ratios(timings: list[Timing], megabytes: float) -> str:
    """Each scenario's median wall time against validate's, the floor's and check-jsonschema's
    (CPU time ratio in brackets: steadier on a busy machine), and its peak RSS per MB of YAML."""
    # The scaled corpora and plans have their own tables: their size is not this corpus's.
    by_name = {t.name: t for t in timings if t.walls and t.measured is None}
    bases = [b for b in ("validate", "floor", "check-jsonschema") if b in by_name]
    head = f"{'scenario':<18}{'wall':>8}{'cpu':>8}" + "".join(f"{'/' + b:>22}" for b in bases)
    rows = [head + f"{'RSS':>8}{'MB/MB':>7}"]
    for t in by_name.values():
        row = f"{t.name:<18}{t.median:>7.2f}s{t.cpu:>7.2f}s"
        for b in bases:
            base = by_name[b]
            row += f"{t.median / base.median:>12.2f}x (cpu {t.cpu / base.cpu:.2f}x)".rjust(22)
        rss = statistics.median(t.rss_mb)
        rows.append(row + f"{rss:>6.0f}MB{rss / megabytes:>7.1f}")
    return "\n".join(rows)


def goals(by_name: dict[str, Timing]) -> list[str]:
    """The issue's goals, judged on median wall time; CPU time alongside, for a busy machine."""

    def pair(a: str, b: str) -> tuple[Timing, Timing] | None:
        ta, tb = by_name.get(a), by_name.get(b)
        return (ta, tb) if ta and tb and ta.walls and tb.walls else None

    out = []
    found = pair("check-jsonschema", "validate")
    if found:
        cjs, validate = found
        ratio = cjs.median / validate.median
        text = (
            f"validate vs check-jsonschema: {ratio:.1f}x faster (cpu {cjs.cpu / validate.cpu:.1f}x)"
        )
        out.append(_goal(text, ratio >= 3, ">= 3x faster"))
    found = pair("validate", "floor")
    if found:
        validate, floor = found
        ratio = validate.median / floor.median
        text = f"validate vs libyaml floor: {ratio:.2f}x (cpu {validate.cpu / floor.cpu:.2f}x)"
        out.append(_goal(text, ratio <= 2, "<= 2x"))
        text = f"validate vs libyaml floor: {ratio:.2f}x (cpu {validate.cpu / floor.cpu:.2f}x)"
        out.append(_goal(text, ratio <= 1, "<= 1.0x"))
    for name in ("status", "status-colour", "overdue", "report", "report-md"):
        found = pair(name, "validate")
        if found:
            command, validate = found
            ratio = command.median / validate.median
            cpu = command.cpu / validate.cpu
            text = f"{name} vs validate: {ratio:.2f}x (cpu {cpu:.2f}x)"
            out.append(_goal(text, ratio <= 1.3, "<= 1.3x"))
    eight = by_name.get("validate x8")
    if eight and eight.walls:
        rss = max(eight.rss_mb)
        out.append(_goal(f"validate, 8x corpus: peak RSS {rss:.0f} MB", rss < 400, "< 400 MB"))
    imported = by_name.get("import")
    if imported and imported.walls:
        text = f"import, 500-row workbook: {imported.median:.3f} s (cpu {imported.cpu:.3f} s)"
        out.append(_goal(text, imported.median < 2, "< 2 s"))
    one = by_name.get("validate-one")
    if one and one.walls:
        text = f"validate on one seed plan: {one.median:.3f} s (cpu {one.cpu:.3f} s)"
        out.append(_goal(text, one.median < 0.4, "< 0.4 s"))
    help_ = by_name.get("help")
    if help_ and help_.walls:
        text = f"wfplan --help: {help_.median:.3f} s (cpu {help_.cpu:.3f} s)"
        out.append(_goal(text, help_.median < 0.25, "< 0.25 s"))
    return out


def _goal(text: str, met: bool, goal: str) -> str:
    return f"  {text:<58} goal {goal:<13} {'met' if met else 'MISSED'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per scenario")
    parser.add_argument("--only", action="append", choices=list(SCENARIOS), metavar="NAME")
    parser.add_argument("--corpus", type=Path, default=HERE / "corpus")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    parser.add_argument(
        "--scale",
        type=int,
        action="append",
        metavar="N",
        help="also validate a corpus of N times the authorities (repeat: --scale 1 --scale 2)",
    )
    parser.add_argument(
        "--huge",
        type=float,
        action="append",
        metavar="MB",
        help="also validate and show the status of one plan of about MB megabytes (20: "
        "120,000 milestones; repeat: --huge 2.5 --huge 5 --huge 10 --huge 20)",
    )
    args = parser.parse_args(argv)
    if args.list:
        for name, scenario in SCENARIOS.items():
            print(f"{name:<18}{scenario.what}")
        return 0
    if not any(args.corpus.glob("*.yaml")):
        generate("--out", str(args.corpus))
    with tempfile.TemporaryDirectory(prefix="wfplan-bench-") as tmp:
        work = Workspace(args.corpus, Path(tmp))
        size = sum(Path(f).stat().st_size for f in work.files)
        print(f"corpus {args.corpus}: {len(work.files)} files, {size / 1e6:.2f} MB")
        print(f"{args.runs} timed runs per scenario after one warm-up; wall time and peak RSS\n")
        scale = scaled(args.scale or [])
        huge = huge_sizes(args.huge or [])
        names = args.only if args.only is not None else [] if scale or huge else list(SCENARIOS)
        timings = measure(names, work, args.runs, scale + huge)
        print("\n" + table(timings))
        if scale:
            print("\nvalidate against corpus size (medians; cpu seconds per MB of YAML):")
            print(scaling(scale))
        one_file = [t for t in timings if t.walls and t.measured and t.measured.is_file()]
        if one_file:
            print("\none plan against its size (medians; cpu seconds and peak RSS per MB):")
            print(huge_scaling(one_file))
        if any(t.walls and t.measured is None for t in timings):
            print(f"\nratios of medians; peak RSS per MB of YAML ({size / 1e6:.2f} MB):")
            print(ratios(timings, size / 1e6))
        parse = None
        if args.only is None or "floor" in args.only:
            parse = in_process_parse(work.files, min(args.runs, 3))
            print(f"\nin-process libyaml compose of the corpus (best of 3): {parse:.2f} s")
        print("\ngoals (medians):")
        met = goals({t.name: t for t in timings}) + huge_goals(huge)
        print("\n".join(met) or "  (no goal scenario run)")
    if args.json:
        figures: dict[str, object] = {
            t.name: {"walls": t.walls, "cpus": t.cpus, "rss_mb": t.rss_mb, "exits": sorted(t.exits)}
            if not t.skipped
            else {"skipped": t.skipped}
            for t in timings
        }
        figures["corpus"] = {"files": len(work.files), "bytes": size, "parse_in_process": parse}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
