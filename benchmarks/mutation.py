"""A later revision of a corpus: the changes a month of plan updates makes.

A chosen fraction of milestones gets one of: completed (status done, with done_on), a `due`
edited in place (a silent slip), a `revised_due` with a reason, removed, a new milestone added
after it, or a staffing figure of the plan's latest snapshot changed (a vacancy filled, the
stated totals kept correct). Every mutated file still validates. Files are read with
wfplan's own reader and written with the generator's writer, so everything that was not
changed stays byte-for-byte the same.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import councils
from plandata import dump, indents_lists, rate_keys, stated_totals

from workforce_cli import dates
from workforce_cli.read import yaml as yamlio

KINDS = ("complete", "slip", "revise", "remove", "add", "staffing")
WEIGHTS = (30, 15, 20, 10, 15, 10)
UPDATED = date(2022, 11, 30)
"""The month of updates the mutated copy stands for."""


def mutate_corpus(source: Path, out: Path, fraction: float, seed: int) -> list[Path]:
    rng = random.Random(seed + 1)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.y*ml")):
        text = path.read_text("utf-8")
        head = "\n".join(line for line in text.splitlines()[:2] if line.startswith("#"))
        root = yamlio.compose(text)
        if root is None:
            continue
        data, problems = yamlio.to_data(root)
        if problems or not isinstance(data, dict):
            raise SystemExit(f"{path}: not a generated plan file")
        mutate_plan(rng, data, fraction)
        target = out / path.name
        target.write_text(dump(data, head, indent_lists=indents_lists(text)), "utf-8")
        written.append(target)
    return written


def mutate_plan(rng: random.Random, plan: dict[str, Any], fraction: float) -> None:
    anchor = dates.parse(str(plan["period"]["start"])).window(None)
    start = anchor.start if anchor else date(2021, 4, 1)
    for action in plan["actions"]:
        milestones: list[dict[str, Any]] = action.get("milestones", [])
        for item in list(milestones):
            if rng.random() >= fraction:
                continue
            kind = rng.choices(KINDS, WEIGHTS)[0]
            if kind == "complete" and item.get("status") not in ("done", "dropped"):
                item["status"] = "done"
                item["done_on"] = (UPDATED - timedelta(days=rng.randint(0, 28))).isoformat()
            elif kind == "slip":
                item["due"] = _later(rng, item["due"], start)
            elif kind == "revise" and item.get("status") != "done":
                item["revised_due"] = _later(rng, item.get("revised_due", item["due"]), start)
                item["revision_reason"] = rng.choice(councils.REVISION_REASONS)
            elif kind == "remove" and len(milestones) > 1:
                milestones.remove(item)
            elif kind == "add":
                number = max(int(str(m["id"]).rsplit("-m", 1)[1]) for m in milestones) + 1
                new = {
                    "id": f"{action['id']}-m{number}",
                    "title": rng.choice(councils.MILESTONES),
                    "due": _later(rng, "Dec 2022", start),
                }
                milestones.insert(milestones.index(item) + 1, new)
            elif kind == "staffing":
                _fill_vacancy(rng, plan)


def _later(rng: random.Random, text: Any, start: date) -> str:
    """A month two to six months after the end of the window `text` names."""
    try:
        window = dates.parse(str(text)).window(start)
    except dates.DateError:
        window = None
    day = window.end if window else UPDATED
    month = day.month - 1 + rng.randint(2, 6)
    return f"{date(day.year + month // 12, month % 12 + 1, 1):%b %Y}"


def _fill_vacancy(rng: random.Random, plan: dict[str, Any]) -> None:
    snapshot = plan["staffing"]["snapshots"][-1]
    rows = [r for r in snapshot["teams"] if float(r.get("vacant", 0)) >= 0.5]
    if not rows:
        return
    row = rng.choice(rows)
    filled = rng.choice((0.5, 1.0, 1.0, 2.0))
    filled = min(filled, float(row["vacant"]))
    row["permanent"] = float(round(float(row["permanent"]) + filled, 2))
    row["vacant"] = float(round(float(row["vacant"]) - filled, 2))
    old = snapshot.get("stated_totals")
    if old:
        snapshot["stated_totals"] = stated_totals(snapshot["teams"], rate_keys(old))
