"""Markdown is safe to post as a pull-request comment (configured labels escaped, @mentions
that do not ping anyone) and `wfplan status` lists each plan's measures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run, write
from workforce_cli.output import md

JOINER = "\u2060"
PLAN = """\
wfplan: 1
id: p
title: Ask @octocat and @org/team
actions:
  - {id: a, title: "cc @janet, mail jo@example.org", owner: "@hr-lead", due: 2021-01-31}
measures:
  - id: time-to-appoint
    title: Time to appoint
    unit: weeks
    better: lower
    baseline: {as_of: 2020-01, value: 13}
    target: {by: 2022-01, value: 8}
    actuals:
      - {as_of: 2021-01, value: 10}
"""


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("@octocat", f"@{JOINER}octocat"),
        ("ask @org/team now", f"ask @{JOINER}org/team now"),
        ("(@janet)", f"(@{JOINER}janet)"),
        ("jo@example.org", "jo@example.org"),  # an address, not a mention
        ("@ alone", "@ alone"),
    ],
)
def test_md_keeps_at_signs_from_mentioning(text: str, shown: str) -> None:
    assert md(text) == shown


@pytest.fixture
def repo(workdir: Path) -> Path:
    write(workdir / "plans" / "p.yaml", PLAN)
    write(workdir / "wfplan.toml", '[labels]\nred = "Red | urgent"\ncomplete = "*Blue*"\n')
    return workdir


def test_status_markdown_escapes_labels_and_mentions(run: Run, repo: Path) -> None:
    out = run("status", "--as-of", "2021-03-01", "-f", "markdown").stdout
    assert f"## Ask @{JOINER}octocat and @{JOINER}org/team: Red \\| urgent\n" in out
    assert "| \\*Blue\\* | Red \\| urgent | Amber | Green | Not Rated |\n" in out
    assert f"cc @{JOINER}janet, mail jo@example.org (`a`) | @{JOINER}hr-lead |" in out
    assert "@octocat" not in out and "@janet" not in out


def test_report_markdown_escapes_labels_and_mentions(run: Run, repo: Path) -> None:
    out = run("report", "--as-of", "2021-03-01").stdout
    assert "**Red \\| urgent**" in out
    assert "| Red | urgent" not in out.replace("Red \\| urgent", "")
    assert "@octocat" not in out and "@janet" not in out and "@hr-lead" not in out


def test_status_lists_measures_in_every_format(run: Run, repo: Path) -> None:
    args = ("status", "--as-of", "2021-03-01")
    line = (
        "time-to-appoint: 10 weeks (2021-01); baseline 13 weeks (2020-01), change -3 weeks "
        "(better); target 8 weeks by 2022-01"
    )
    text = run(*args).stdout
    assert "│ Measure: time-to-appoint: 10 weeks (2021-01); baseline 13 weeks (2020-01)" in text
    markdown = run(*args, "-f", "markdown").stdout
    assert f"- Measure: {md(line)}" in markdown
    data = json.loads(run(*args, "-f", "json").stdout)
    measure = data["plans"][0]["measures"][0]
    assert (measure["id"], measure["latest"]["value"]) == ("time-to-appoint", 10)
    assert measure["state"] in ("on track", "off track")
