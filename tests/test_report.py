"""`wfplan report`: golden reports of the seed plans, HTML structure and escaping, custom
templates and their errors, and atomic output.

Golden files live in tests/golden/report/. After an intended change of output (or of
plans/), regenerate them and review the diff:
`WFPLAN_REGEN_GOLDEN=1 .venv/bin/python -m pytest tests/test_report.py`.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from tests.conftest import PLANS, SEEDS, Run, write
from workforce_cli import __version__

GOLDEN = Path(__file__).resolve().parent / "golden" / "report"
REGEN = bool(os.environ.get("WFPLAN_REGEN_GOLDEN"))


SCRIPT = "<script>alert(1)</script>"
DUDLEY = "dudley-csc-workforce-2021"
PLAN = f"""\
wfplan: 1
id: tiny
title: "{SCRIPT}"
organisation: Borough & Council | Trust
period: {{start: 2021-01-01}}
themes:
  - {{id: rec, title: "Recruitment *now*"}}
actions:
  - id: late
    theme: rec
    title: "Late item with a | pipe"
    owner: [HR Resourcing Team, Head of Service]
    due: 2021-05-31
    notes: |
      First line
      second line <b>bold</b> http://example.org/x
  - id: soon
    theme: rec
    title: Soon item
    owner: Principal Social Worker
    due: 2021-06-20
    revised_due: 2021-06-25
    revision_reason: Panel moved
  - id: done
    title: Done item
    due: 2021-03-31
    status: done
    done_on: 2021-04-10
staffing:
  snapshots:
    - as_of: Jan 2021
      teams: [{{team: A, permanent: 70, agency: 30, vacant: 5}}]
    - as_of: Apr 2021
      teams: [{{team: A, permanent: 75, agency: 25, vacant: 5}}]
targets:
  - {{id: perm, metric: permanent_share, value: 80%, by: Dec 2021}}
"""


# The plans' git revision changes with every commit of this repository, and "modified" with
# the state of the checkout: golden files hold a placeholder.
REVISION = re.compile(r"git [0-9a-f]{7,40}(?: \(modified\))?")


def normalise(text: str) -> str:
    return REVISION.sub("git REVISION", text.replace(f"wfplan {__version__}", "wfplan VERSION"))


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    text = normalise(text)
    if REGEN:
        write(path, text)
    assert path.exists(), f"missing golden file {path}; run with WFPLAN_REGEN_GOLDEN=1"
    assert text == path.read_text("utf-8")


def parse_html(text: str) -> ET.Element:
    root: ET.Element = html5lib.parse(text, namespaceHTMLElements=False)
    # SVG elements come back in the SVG namespace; plain names keep the queries readable.
    for element in root.iter():
        element.tag = element.tag.rpartition("}")[2]
    return root


@pytest.mark.parametrize("seed", sorted(SEEDS))
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_seed_plan_reports_match_golden_files(
    run: Run, seed: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Relative paths, so the files named in the report are the same in every checkout.
    monkeypatch.chdir(PLANS.parent)
    result = run("report", f"plans/{seed}.yaml", "--format", fmt, "--as-of", SEEDS[seed])
    assert (result.exit_code, result.stderr) == (0, "")
    golden(f"{seed}.{fmt}", result.stdout)


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_html_structure_and_accessibility(run: Run, seed: str) -> None:
    result = run("report", PLANS / f"{seed}.yaml", "-f", "html", "--as-of", SEEDS[seed])
    root = parse_html(result.stdout)
    assert root.get("lang") == "en-GB"
    assert len(root.findall(".//h1")) == 1
    assert root.findall(".//h2")
    tables = root.findall(".//table")
    assert tables
    for table in tables:
        assert table.find("caption") is not None
        heads = table.findall("./thead/tr/th")
        assert heads and all(th.get("scope") == "col" for th in heads)
    for pill in root.iter("span"):
        if "rag" in (pill.get("class") or "").split():
            assert (pill.text or "").strip(), "a RAG pill without its word"
    svgs = list(root.iter("svg"))
    # ratings, and Dudley's share; each drawn wide (screen, paper) and narrow (phone)
    charts = 2 if seed == "dudley-csc-2021" else 1
    assert len(svgs) == 2 * charts
    wide = [d for d in root.iter("div") if d.get("class") == "chart-wide"]
    narrow = [d for d in root.iter("div") if d.get("class") == "chart-narrow"]
    assert len(wide) == len(narrow) == charts
    for svg in svgs:
        assert svg.get("role") == "img" and svg.get("aria-label")
        assert svg.findtext("title")
        assert svg.get("viewBox") == f"0 0 {svg.get('width')} {svg.get('height')}"
    for div in narrow:
        drawing = div.find("svg")
        assert drawing is not None
        assert int(drawing.get("width") or 0) <= 360  # its 11px text stays 11px
    # every link stays inside the document and lands on an element of it
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    for a in root.iter("a"):
        href = a.get("href") or ""
        assert href.startswith("#") and href[1:] in ids, href


def test_html_references_no_external_url(run: Run) -> None:
    for seed, day in SEEDS.items():
        text = run("report", PLANS / f"{seed}.yaml", "-f", "html", "--as-of", day).stdout
        root = parse_html(text)
        for element in root.iter():
            for name, value in element.attrib.items():
                assert "://" not in value and not value.startswith("//"), (seed, name, value)
                assert name not in ("src", "xlink:href"), (seed, name)
                # links only to the report's own sections
                assert name != "href" or value.startswith("#"), (seed, value)
        assert element_count(root, "link") == element_count(root, "script") == 0
        styles = " ".join(s.text or "" for s in root.iter("style"))
        assert "@import" not in styles and "url(" not in styles


def element_count(root: ET.Element, tag: str) -> int:
    return len(root.findall(f".//{tag}"))


def test_a_trend_chart_and_a_rating_chart_are_drawn(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    result = run("report", "-f", "html", "--as-of", "2021-06-01")
    assert (result.exit_code, result.stderr) == (0, "")
    root = parse_html(result.stdout)
    titles = [svg.findtext("title") for svg in root.iter("svg")]
    assert titles == ["Milestones by rating, per theme"] * 2 + ["Permanent share over time"] * 2
    trends = [svg for svg in root.iter("svg") if "trend" in (svg.get("class") or "")]
    assert [svg.get("width") for svg in trends] == ["640", "360"]
    for trend in trends:
        values = [t.text for t in trend.iter("text") if t.get("class") == "value"]
        assert values == ["70.0%", "75.0%"]
        assert trend.find("polyline[@class='projection']") is not None


def test_plan_text_is_escaped_in_html(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    result = run("report", "-f", "html", "--as-of", "2021-06-01")
    root = parse_html(result.stdout)
    assert root.findall(".//script") == []
    assert all(b.text != "bold" for b in root.iter("b"))
    notes = [td.text for td in root.iter("td") if td.get("class") == "notes" and td.text]
    assert "First line\nsecond line <b>bold</b> http://example.org/x\n" in notes
    assert root.findtext(".//h1") == SCRIPT
    assert root.findtext(".//title", "").startswith(SCRIPT)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


def test_plan_text_is_escaped_in_markdown(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    result = run("report", "--as-of", "2021-06-01")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == r"# \<script\>alert(1)\</script\>"
    assert r"- Organisation: Borough & Council \| Trust" in lines
    assert r"### Recruitment \*now\*" in lines
    # the action's row in the full plan (the overdue table lists it too, without notes)
    row = next(line for line in lines if line.startswith("| Late item") and "First" in line)
    # six cells (no row of the theme has a timescale: that column is left out); the escaped
    # pipe and the note's newline do not split or end the row
    assert len(re.split(r"(?<!\\)\|", row)) == 8, row
    head = lines[lines.index(row) - 2]
    assert head == "| Action or milestone | Lead | Due | Status | RAG | Notes |"
    assert r"with a \| pipe" in row
    assert r"First line second line \<b\>bold\</b\> http://example.org/x" in row
    assert "<" not in result.stdout.replace(r"\<", "")


def test_markdown_summary_revisions_and_staffing(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    text = run("report", "--as-of", "2021-06-10").stdout
    assert "1 of 3 milestones complete; 1 overdue, the oldest by 10 days." in text
    assert "1 due in the next 28 days and 1 completed late." in text
    assert "| Soon item | 20 Jun 2021 | 25 Jun 2021 | 5 days | Panel moved |" in text
    assert "| **Total** | **75** | **25** | **5** | **105** | **75.00%** |" in text
    assert "Change since Jan 2021: permanent +5, agency \u22125, vacant 0 FTE" in text


# --- custom templates ---------------------------------------------------------------------

MINIMAL = """\
{% for plan in plans %}
{{ plan.title }} as of {{ as_of }}: {{ plan.label }}
{% for theme in plan.themes %}
{{ theme.title }}: {% for a in theme.actions -%}
{{ a.id }}={{ a.milestones[0].rag_text }} {% endfor %}

{% endfor %}
{% endfor %}
"""


def test_a_custom_template_gets_the_documented_context(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    write(workdir / "mine.txt.j2", MINIMAL)
    result = run("report", "--template", "mine.txt.j2", "--as-of", "2021-06-10")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"{SCRIPT} as of 2021-06-10: Red\n"
        "Recruitment *now*: late=Red soon=Amber \n"
        "Other actions: done=Complete \n"
    )


def test_an_html_custom_template_is_escaped(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    write(workdir / "mine.html", "<h1>{{ plans[0].title }}</h1>\n")
    result = run("report", "--template", "mine.html", "--as-of", "2021-06-10")
    assert result.stdout == "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>\n"


def test_configured_templates_folder_overrides_the_shipped_one(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    write(workdir / "wfplan.toml", 'templates = "tpl"\n')
    write(workdir / "tpl" / "report.md.j2", "{{ plans|length }} plan(s), {{ label }}\n")
    assert run("report", "--as-of", "2021-06-10").stdout == "1 plan(s), Red\n"
    # no report.html.j2 in the folder: the shipped HTML template is used
    assert run("report", "-f", "html", "--as-of", "2021-06-10").stdout.startswith("<!DOCTYPE")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("line one\n{% for x in plans %}\n{{ x.title }\n", "mine.j2:3: unexpected '}'"),
        ("ok\n\n{{ plans[0].titel }}\n", "mine.j2:3: 'dict object' has no attribute 'titel'"),
        ("{{ 1 // 0 }}\n", "mine.j2:1: ZeroDivisionError: integer division or modulo by zero"),
        (
            "a\n{{ ''.__class__.__mro__ }}\n",
            "mine.j2:2: access to attribute '__class__' of 'str' object is unsafe.",
        ),
        ('{% include "nowhere.j2" %}\n', "mine.j2:1: 'nowhere.j2' not found in search paths"),
    ],
)
def test_template_errors_exit_2_with_file_and_line(
    workdir: Path, run: Run, template: str, message: str
) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    write(workdir / "mine.j2", template)
    result = run("report", "--template", "mine.j2", "--as-of", "2021-06-10")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("wfplan: error: ")
    assert result.stderr.startswith(f"wfplan: error: {message}"), result.stderr


def test_a_missing_template_is_a_usage_error(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    result = run("report", "--template", "absent.j2")
    assert (result.exit_code, result.stderr) == (
        2,
        "wfplan: error: template not found: absent.j2\n",
    )


# --- output -------------------------------------------------------------------------------


def test_output_replaces_the_file_whole_and_leaves_no_temporary(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    target = write(workdir / "out" / "report.md", "old report\n")
    result = run("report", "--as-of", "2021-06-10", "--output", target)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_text("utf-8") == run("report", "--as-of", "2021-06-10").stdout
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.md"]


def test_a_failed_write_keeps_the_old_file(
    workdir: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    target = write(workdir / "out" / "report.md", "old report\n")

    def refuse(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = run("report", "--as-of", "2021-06-10", "--output", target)
    assert result.exit_code == 2
    assert result.stderr == (
        f"wfplan: error: cannot write {target}: the disk is full (No space left on device); "
        "nothing was written\n"
    )
    assert target.read_text("utf-8") == "old report\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.md"]


def test_output_into_a_missing_folder_is_a_usage_error(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "tiny.yaml", PLAN)
    result = run("report", "--output", "nowhere/report.md")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "wfplan: error: cannot write nowhere/report.md: no such directory nowhere\n"
    )


def test_output_dir_writes_one_report_per_plan(plans_copy: Path, run: Run) -> None:
    result = run("report", "-f", "html", "--as-of", "2021-12-10", "--output-dir", "out")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    out = plans_copy.parent / "out"
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "dudley-csc-workforce-2021.html",
        "leeds-scrutiny-workforce-2006.html",
        "rochdale-csf-workforce-2005.html",
        "scottish-executive-workforce-2002.html",
        "slough-csc-workforce-2014.html",
    ]
    one = run(
        "report", "-f", "html", "--as-of", "2021-12-10", "--plan", "dudley-csc-workforce-2021"
    )
    assert (out / "dudley-csc-workforce-2021.html").read_text("utf-8") == one.stdout


def test_output_and_output_dir_together_are_refused(plans_copy: Path, run: Run) -> None:
    result = run("report", "--output", "a.md", "--output-dir", "out")
    assert result.exit_code == 2
    assert "give one" in result.stderr


def test_several_plans_make_one_document(plans_copy: Path, run: Run) -> None:
    result = run("report", "-f", "html", "--as-of", "2021-12-10")
    root = parse_html(result.stdout)
    assert root.findtext(".//h1") == "Workforce plans: progress as of 10 December 2021"
    assert len(root.findall(".//article")) == 5


def test_plans_with_errors_are_not_reported(workdir: Path, run: Run) -> None:
    write(workdir / "plans" / "bad.yaml", "wfplan: 1\nid: bad\ntitle: Bad\nactons: []\n")
    result = run("report")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert 'WF101 unknown key "actons"' in result.stderr


def test_an_unknown_plan_id_is_a_usage_error(plans_copy: Path, run: Run) -> None:
    result = run("report", "--plan", "nope")
    assert result.exit_code == 2
    assert result.stderr.startswith('wfplan: error: no plan with id "nope"')
