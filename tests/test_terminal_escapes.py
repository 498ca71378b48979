"""Plan text never drives the terminal or a CI log: control characters are shown escaped in
every text output, one record per line; GitHub commands escape as GitHub documents; rich
never reads plan text as markup."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import Run, write

# YAML double quotes: \e is ESC, \a BEL. Clear screen, window title, an OSC 8 hyperlink,
# and a newline that would start a GitHub Actions command.
CLEAR = "\\e[2J"
TITLE = "\\e]0;owned\\a"
LINK = "\\e]8;;https://evil.example\\e\\\\click\\e]8;;\\e\\\\"
COMMAND = "\\n::warning file=x.yaml::injected"

PLAN = f"""\
wfplan: 1
id: p
title: "Plan {CLEAR}{TITLE}{COMMAND} [bold]x[/bold]"
actions:
  - id: a
    title: "Act {LINK}{COMMAND}"
    owner: "Owner{CLEAR}"
    due: 2021-01-31
staffing:
  snapshots:
    - as_of: Feb 2021
      teams:
        - {{team: "Team{COMMAND}", permanent: 4, agency: 1, vacant: 1}}
        - {{team: "Blank{CLEAR}"}}
measures:
  - id: m
    title: "Measure{TITLE}"
    better: lower
    baseline: {{as_of: 2020, value: 3}}
"""

SHOWN_TITLE = "Plan \\x1b[2J\\x1b]0;owned\\x07\\n::warning file=x.yaml::injected [bold]x[/bold]"
SHOWN_ACTION = "Act \\x1b]8;;https://evil.example\\x1b\\click\\x1b]8;;\\x1b\\\\n::warning"


@pytest.fixture
def hostile(workdir: Path) -> Path:
    return write(workdir / "plans" / "p.yaml", PLAN)


def _clean(text: str) -> None:
    """No control character but the line ends, and no line a CI runner would execute."""
    assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in text)
    assert not any(line.lstrip("│ ").startswith("::") for line in text.splitlines())


def test_status_text(run: Run, hostile: Path) -> None:
    result = run("status", "--as-of", "2021-03-01")
    assert result.exit_code == 0
    _clean(result.stdout)
    assert SHOWN_TITLE[:60] in result.stdout
    assert "[bold]x[/bold]" in result.stdout  # shown, not read as rich markup


def test_status_text_in_colour_escapes_plan_text_too(
    run: Run, hostile: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    out = run("status", "--as-of", "2021-03-01").stdout
    assert "\x1b[2J" not in out and "\x1b]" not in out and "\n::warning" not in out
    assert "\\x1b[2J" in out


def test_overdue_text(run: Run, hostile: Path) -> None:
    result = run("overdue", "--as-of", "2021-03-01")
    _clean(result.stdout)
    assert "a: Act \\x1b]8;;https://evil.exa" in result.stdout
    assert "Owner\\x1b[2J" in result.stdout


def test_staffing_text(run: Run, hostile: Path) -> None:
    result = run("staffing", "--as-of", "2021-03-01")
    _clean(result.stdout)
    assert "    Team\\n::warning file=x.yaml::injected  " in result.stdout
    assert "Blank\\x1b[2J" in result.stdout


def test_validate_text_and_github(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", 'wfplan: 1\nid: p\ntitle: P\n"x\\n::error::y\\e[2J": 1\n')
    text = run("validate")
    _clean(text.stdout)
    assert text.stdout.startswith(
        'plans/p.yaml:4:1: error WF101 unknown key "x\\n::error::y\\x1b[2J"\n'
    )
    github = run("validate", "--format", "github").stdout
    assert github.startswith(
        '::error file=plans/p.yaml,line=4,col=1,title=WF101::unknown key "x%0A::error::y\x1b[2J"'
    )
    assert len(github.splitlines()) == 2


def test_github_properties_escape_colon_comma_and_line_ends(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "a,b:c%d.yaml", "wfplan: 1\nid: p\ntitle: P\nbad: 1\n")
    github = run("validate", "--format", "github").stdout
    assert github.startswith("::error file=plans/a%2Cb%3Ac%25d.yaml,line=4,col=1,title=WF101::")


def test_diff_text(run: Run, hostile: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@e", *args], check=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "base")
    write(hostile, PLAN.replace("2021-01-31", "2021-03-31"))
    result = run("diff", "HEAD")
    _clean(result.stdout)
    assert (
        'deadline moved silently: a "Act \\x1b]8;;https://evil.example\\x1b\\click'
        '\\x1b]8;;\\x1b\\\\n::warning file=x.yaml::injected": due edited from 2021-01-31'
    ) in result.stdout


def test_error_messages_quoting_plan_text_are_escaped(run: Run, hostile: Path) -> None:
    # "did you mean" lists candidate milestones with their titles.
    result = run("done", "aa", "--on", "2021-01-30")
    assert result.exit_code == 2
    _clean(result.stderr)
    assert result.stderr == (
        'wfplan: error: no milestone "aa" in the plans; did you mean:\n'
        "  a  --plan p  (plans/p.yaml:5) Act \\x1b]8;;https://evil.example\\x1b\\click"
        "\\x1b]8;;\\x1b\\\\n::warning file=x.yaml::injected\n"
    )
