"""`wfplan report` across plans and over time: the portfolio overview, `--since REV`, the
provenance footer (path, git revision, as-of date, generation time), the print rules, and
byte-for-byte reproducible output.

Golden files: tests/golden/report/ (`WFPLAN_REGEN_GOLDEN=1` rewrites them; review the diff).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.conftest import PLANS, Run, write
from tests.diffrepo import GIT_ENV, PLAN, PLAN_FILE, STAFFING_FILE, git
from tests.test_report import golden, parse_html
from workforce_cli.report import provenance


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in GIT_ENV.items():
        monkeypatch.setenv(name, value)


# --- portfolio ----------------------------------------------------------------------------


def test_portfolio_overview_comes_first_worst_first(plans_copy: Path, run: Run) -> None:
    md = run("report", "--as-of", "2006-04-01").stdout
    golden("portfolio-2006-04-01.md", md[: md.index("\n## Action Plan For Social")])
    html = run("report", "--as-of", "2006-04-01", "-f", "html").stdout
    root = parse_html(html)
    table = root.find(".//section[@id='portfolio']//table")
    assert table is not None
    rows = table.findall("./tbody/tr")
    links = [row.find("./th/a") for row in rows]
    assert [a.get("href") for a in links if a is not None] == [
        "#scottish-executive-workforce-2002",
        "#rochdale-csf-workforce-2005",
        "#dudley-csc-workforce-2021",
        "#slough-csc-workforce-2014",
        "#leeds-scrutiny-workforce-2006",
    ]
    # the plans follow in the same order, each its own article with that id
    assert [a.get("id") for a in root.iter("article")] == [
        (a.get("href") or "")[1:] for a in links if a is not None
    ]
    contents = root.find(".//nav[@class='contents']")
    assert contents is not None
    assert [a.get("href") for a in contents.iter("a")][-1] == "#key"


def test_worst_first_orders_by_rating_then_exceptions(workdir: Path, run: Run) -> None:
    write(
        workdir / "plans" / "a.yaml",
        PLAN.replace("id: demo", "id: a").replace(
            "title: Demo <workforce> plan | 2021", "title: A plan"
        ),
    )
    write(
        workdir / "plans" / "b.yaml",
        PLAN.replace("id: demo", "id: b")
        .replace("title: Demo <workforce> plan | 2021", "title: B plan")
        .replace(
            "due: Jun 2021\n        status: in_progress", "due: Jun 2021\n        status: blocked"
        ),
    )
    md = run("report", "--as-of", "2021-06-10").stdout
    # both Amber; B has a blocked milestone as well as one due soon, so B comes first
    rows = [line for line in md.splitlines() if line.startswith("| [")]
    assert [row.split("]")[0] for row in rows] == ["| [B plan", "| [A plan"]
    assert rows[0].startswith("| [B plan](#b-plan) | **Red**: 1 blocked and due within")


# --- --since ------------------------------------------------------------------------------


@pytest.fixture
def changed_repo(workdir: Path) -> Path:
    """The demo plan committed on main; in the working tree since: a silent slip, a
    completion, a milestone dropped, an action added, and a new staffing snapshot."""
    git(workdir, "-c", "init.defaultBranch=main", "init", "-q")
    write(workdir / PLAN_FILE, PLAN)
    git(workdir, "add", "-A")
    git(workdir, "commit", "-q", "-m", "Last report")
    text = PLAN.replace("due: Dec 2021", "due: Feb 2022")
    text = text.replace(
        "        status: in_progress\n", "        status: done\n        done_on: 2021-06-20\n"
    )
    text = text.replace(
        "        due: Mar 2022\n", "        due: Mar 2022\n        status: dropped\n"
    )
    text = text.replace(
        "  - id: induction\n",
        "  - id: mentoring\n    theme: recruit\n    title: Mentoring for new starters\n"
        "    owner: Principal Social Worker\n    due: Jun 2022\n  - id: induction\n",
    )
    write(workdir / PLAN_FILE, text)
    write(workdir / "plans" / "staffing" / "demo-2022-03.yaml", STAFFING_FILE)
    return workdir


def test_since_lists_what_changed_since_the_last_report(changed_repo: Path, run: Run) -> None:
    result = run("report", "--since", "main", "--as-of", "2022-03-31")
    assert (result.exit_code, result.stderr) == (0, "")
    base = git(changed_repo, "rev-parse", "--short=7", "main").strip()
    text = result.stdout.replace(base, "BASE")
    golden("since-main.md", text)
    assert (
        "| Campaign reviewed \\| \\*members\\* \\<b\\>told\\</b\\> | 31 Dec 2021 (Dec 2021) "
        in text
    )
    assert "- Completed: Campaign launched (20 Jun 2021)" in text
    assert "| 81.40% (Mar 2021) | 90.70% (Mar 2022) | +9.3 points | at risk → **met** |" in text
    root = parse_html(
        run("report", "--since", "main", "--as-of", "2022-03-31", "-f", "html").stdout
    )
    headings = [h.text for h in root.iter("h2")]
    assert headings[:4] == [
        "Headline",
        "Exceptions",
        "Changes since the last report",
        "Targets and staffing",
    ]
    assert "Slipped since the last report" in [h.text for h in root.iter("h3")]


def test_without_since_there_is_no_changes_section(changed_repo: Path, run: Run) -> None:
    text = run("report", "--as-of", "2022-03-31").stdout
    assert "since the last report" not in text


def test_since_outside_git_or_an_unknown_revision_is_a_usage_error(workdir: Path, run: Run) -> None:
    write(workdir / PLAN_FILE, PLAN)
    result = run("report", "--since", "main")
    assert result.exit_code == 2
    assert result.stderr == (
        f"wfplan: error: --since main: {workdir} is not inside a git repository; --since "
        "compares the plans with a revision of their repository\n"
    )
    git(workdir, "-c", "init.defaultBranch=main", "init", "-q")
    git(workdir, "add", "-A")
    git(workdir, "commit", "-q", "-m", "Plans")
    result = run("report", "--since", "last-report")
    assert result.exit_code == 2
    assert result.stderr.startswith('wfplan: error: unknown revision "last-report": ')


# --- provenance ---------------------------------------------------------------------------


def footer(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("Source: "))


def test_footer_names_the_repository_path_and_revision(
    changed_repo: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    git(changed_repo, "add", "-A")
    git(changed_repo, "commit", "-q", "-m", "Progress")
    head = git(changed_repo, "rev-parse", "--short=7", "HEAD").strip()
    # run from a subfolder with an absolute path: the footer still says plans/demo.yaml
    (changed_repo / "out").mkdir()
    monkeypatch.chdir(changed_repo / "out")
    text = run("report", changed_repo / "plans", "--as-of", "2022-03-31").stdout
    assert footer(text) == (
        f"Source: plans/demo.yaml, git {head}. Status as of 31 Mar 2022. "
        "Generated 3 Dec 2025, 08:20 GMT by wfplan 0.1.0."
    )
    # an edit to one of its staffing files makes the plan "modified"
    staffing = changed_repo / "plans" / "staffing" / "demo-2022-03.yaml"
    staffing.write_text(STAFFING_FILE.replace("permanent: 23", "permanent: 24"), "utf-8")
    text = run("report", changed_repo / "plans", "--as-of", "2022-03-31").stdout
    assert footer(text).startswith(f"Source: plans/demo.yaml, git {head} (modified). ")


def test_outside_git_the_path_never_shows_a_home_folder(
    workdir: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = write(workdir / "home" / "officer" / "plans" / "demo.yaml", PLAN)
    monkeypatch.chdir(workdir / "home" / "officer")
    text = run("report", plan, "--as-of", "2022-03-31").stdout
    assert footer(text).startswith("Source: plans/demo.yaml, not in a git repository. ")
    (workdir / "elsewhere").mkdir()
    monkeypatch.chdir(workdir / "elsewhere")
    text = run("report", plan, "--as-of", "2022-03-31").stdout
    assert footer(text).startswith("Source: demo.yaml, not in a git repository. ")
    assert str(workdir) not in text


@pytest.mark.parametrize(
    ("epoch", "shown"),
    [("1764750000", "3 Dec 2025, 08:20 GMT"), ("1751360400", "1 Jul 2025, 10:00 BST")],
)
def test_generation_time_is_source_date_epoch_in_uk_time(
    workdir: Path, run: Run, monkeypatch: pytest.MonkeyPatch, epoch: str, shown: str
) -> None:
    write(workdir / PLAN_FILE, PLAN)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert f"Generated {shown} by wfplan" in run("report", "--as-of", "2022-03-31").stdout


def test_generation_time_is_the_clock_without_source_date_epoch(
    workdir: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Clock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> Clock:
            return cls(2026, 1, 5, 14, 30, tzinfo=UTC)

    write(workdir / PLAN_FILE, PLAN)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    monkeypatch.setattr(provenance, "datetime", Clock)
    assert "Generated 5 Jan 2026, 14:30 GMT by wfplan" in run("report").stdout


def test_a_bad_source_date_epoch_is_a_usage_error(
    workdir: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(workdir / PLAN_FILE, PLAN)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = run("report")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        'wfplan: error: SOURCE_DATE_EPOCH is "yesterday"; it must be a whole number of seconds '
        "since 1 January 1970 (e.g. `git log -1 --format=%ct`)\n"
    )


def test_with_as_of_and_source_date_epoch_the_report_is_byte_reproducible(run: Run) -> None:
    first = run("report", PLANS, "-f", "html", "--as-of", "2021-12-10").stdout
    second = run("report", PLANS, "-f", "html", "--as-of", "2021-12-10").stdout
    assert first == second
    assert "Generated 3 Dec 2025, 08:20 GMT" in first


# --- print --------------------------------------------------------------------------------


def styles(html: str) -> str:
    return " ".join(s.text or "" for s in parse_html(html).iter("style"))


def test_print_css_numbers_pages_and_repeats_the_title(run: Run) -> None:
    css = styles(
        run(
            "report", PLANS / "rochdale-csf-2005.yaml", "-f", "html", "--as-of", "2006-04-01"
        ).stdout
    )
    assert re.search(r"@page \{\s*size: A4;", css)
    assert re.search(
        r'@bottom-right \{\s*content: "Page " counter\(page\) " of " counter\(pages\);', css
    )
    assert '@top-left { content: "Workforce Strategy"; }' in css
    assert '@bottom-left { content: "As of 1 Apr 2006"; }' in css
    # rows are never split, headings stay with what follows, and only short tables are kept whole
    assert re.search(r"tr, \.counts li, \.item \{ break-inside: avoid;", css)
    assert re.search(r"h2, h3, h4, \.theme-desc \{ break-after: avoid;", css)
    assert "table.keep { break-inside: avoid;" in css
    # a break never leaves a table's heading, first rows or last two rows alone on a page
    assert re.search(
        r"tbody tr:first-child, tbody tr:nth-child\(2\), tbody tr:nth-child\(3\),\s*"
        r"tbody tr:nth-last-child\(2\), tbody tr:last-child \{ break-before: avoid;",
        css,
    )


def test_a_pack_names_each_plan_on_its_pages(plans_copy: Path, run: Run) -> None:
    css = styles(run("report", "-f", "html", "--as-of", "2006-04-01").stdout)
    assert '@top-left { content: "Workforce plans\\00003a progress as of 1 April 2006"; }' in css
    assert '@page plan-2 { @top-left { content: "Workforce Strategy"; } }' in css
    assert ".plan-2 { page: plan-2; }" in css
    assert "nav.contents { break-after: page;" in css


def test_a_title_cannot_break_out_of_the_print_header(workdir: Path, run: Run) -> None:
    write(
        workdir / PLAN_FILE,
        PLAN.replace(
            "title: Demo <workforce> plan | 2021",
            'title: "x\\"; } </style><script>alert(1)</script>"',
        ),
    )
    html = run("report", "-f", "html", "--as-of", "2022-03-31").stdout
    root = parse_html(html)
    assert root.findall(".//script") == []
    expected = (
        r'@top-left { content: "x\000022\00003b \00007d \00003c\00002fstyle\00003e'
        r"\00003cscript\00003ealert\0000281\000029"
    )
    assert expected in styles(html)
