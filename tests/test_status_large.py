"""`wfplan status` and `wfplan overdue` text on corpus-like plans: many plans, long tables,
plain and coloured, wide and narrow terminals, and text of every width (CJK, emoji, accents).

The golden files in tests/golden/status-large/ pin the output as rich drew it before tables
were laid out directly; `WFPLAN_REGEN_GOLDEN=1` rewrites them (review the diff).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, Run, write
from tests.test_status_cli import golden
from workforce_cli.status import layout
from workforce_cli.status import overdue as overdue_render
from workforce_cli.status import render as status_render
from workforce_cli.status.render import Terminal

sys.path.insert(0, str(REPO / "benchmarks"))
import corpus  # a script folder, not a package

AS_OF = "2022-10-31"

WIDE = """\
wfplan: 1
id: wide-text
title: "Plan für Kinder — 児童福祉の人材計画 🧒 with a title long enough to be cut at a narrow width"
organisation: Große Stadt Council
period: {start: 2021-01-01}
actions:
  - id: cjk
    title: 児童福祉の人材計画を作成し、各チームの採用を進める
    owner: [人事部, "Head of Service, Safeguarding"]
    due: 2022-10-01
  - id: emoji
    title: Recruit 🧑‍⚕️ practitioners and café staff for the naïve rota 🎉🎉🎉
    owner: Principal Social Worker
    due: 2022-11-15
  - id: combining
    title: "Re\u0301sume\u0301 the e\u0301tude of caseloads in every team across the borough"
    due: 2022-10-31
  - id: plain
    title: x
    owner: "[Janet Ainscow]"
    due: 2022-10-20
"""  # noqa: E501 (a title long enough to be cut)


@pytest.fixture
def corpus_plans(workdir: Path) -> Path:
    assert corpus.main(["--authorities", "3", "--out", "plans"]) == 0
    write(workdir / "plans" / "wide-text.yaml", WIDE)
    return workdir / "plans"


CASES = {
    "plain-100": {"COLUMNS": "100"},
    "plain-72": {"COLUMNS": "72"},
    "plain-160": {"COLUMNS": "160"},
    "colour-100": {"COLUMNS": "100", "FORCE_COLOR": "1"},
    "colour-41": {"COLUMNS": "41", "FORCE_COLOR": "1"},
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["status", "overdue"])
def test_text_output_of_many_plans(
    command: str,
    case: str,
    corpus_plans: Path,
    run: Run,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in CASES[case].items():
        monkeypatch.setenv(name, value)
    if "FORCE_COLOR" in CASES[case]:
        monkeypatch.delenv("NO_COLOR")
    result = run(command, "plans", "--as-of", AS_OF)
    assert (result.exit_code, result.stderr) == (0, "")
    golden(f"status-large/{command}-{case}.txt", result.stdout)


def _captured(
    command: str, formats: dict[str, Any], run: Run, monkeypatch: pytest.MonkeyPatch
) -> Any:
    """What `wfplan COMMAND plans` hands its renderer: the same for every format (status
    text is laid out plan by plan, so the whole report is caught on its way to JSON)."""
    seen = []

    def capture(result: Any, terminal: Terminal) -> str:
        seen.append(result)
        return ""

    monkeypatch.setitem(formats, "json", capture)
    assert run(command, "plans", "--as-of", AS_OF, "--format", "json").exit_code == 0
    return seen[0]


@pytest.mark.parametrize("command", ["status", "overdue"])
def test_direct_layout_draws_what_rich_draws_at_every_width(
    command: str, corpus_plans: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    renderer = status_render if command == "status" else overdue_render
    result = _captured(command, renderer.FORMATS, run, monkeypatch)
    monkeypatch.undo()
    widths = [*range(8, 60, 2), *range(60, 220, 13)]
    direct = {
        (w, c): renderer.render_text(result, Terminal(c, w)) for w in widths for c in (False, True)
    }
    monkeypatch.setattr(layout, "table_lines", lambda *args: None)
    for (width, color), text in direct.items():
        assert text == renderer.render_text(result, Terminal(color, width)), (width, color)
