"""Generate one very large plan: a national programme's worth of milestones in one file.

    python benchmarks/huge.py --out /tmp/huge.yaml                      # 120,000 milestones, ~20 MB
    python benchmarks/huge.py --milestones 15000 --out /tmp/huge-2.yaml # about 2.5 MB

The plan is a corpus plan (`corpus.py`: themes, staffing snapshots, targets, measures) whose
actions go on until it holds `--milestones` milestones, written the same way: every deadline
form, statuses as at the end of October 2022, owners, notes, a few `depends_on`. It is far
over the 2 MiB limit, so `wfplan` reads it with `--max-file-size`; it validates with no
errors. The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from corpus import action, header, plan
from plandata import dump

MILESTONES = 120_000
"""The 1x plan: about 20 MB."""
SIZES = (3, 4, 4, 5)
"""Milestones per action: a programme's actions are larger than a council plan's."""
RECENT = 50
"""`depends_on` names one of the last RECENT actions (a plan's dependencies are local)."""


def huge_plan(milestones: int, seed: int = 2021) -> dict[str, Any]:
    """A plan of `milestones` milestones (the last action's may take it a few over)."""
    rng = random.Random(seed)
    data = plan(rng, "Huge", "Huge Combined Authority")
    data["id"] = "huge-csc-workforce-2021"
    themes = [t["id"] for t in data["themes"]]
    start, end = date(2021, 4, 1), date(2024, 3, 31)
    actions: list[dict[str, Any]] = []
    count = 0
    while count < milestones:
        earlier = [a["id"] for a in actions[-RECENT:]]
        item = action(
            rng, len(actions) + 1, rng.choice(themes), start, end, earlier, SIZES, short=True
        )
        actions.append(item)
        count += len(item.get("milestones", ())) or 1
    data["actions"] = actions
    return data


def write(out: Path, milestones: int, seed: int = 2021) -> int:
    """Write the plan to `out`; its size in bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    text = dump(huge_plan(milestones, seed), header(out.parent), indent_lists=False)
    out.write_text(text, "utf-8")
    return len(text.encode())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="the plan file to write")
    parser.add_argument("--milestones", type=int, default=MILESTONES)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    size = write(args.out, args.milestones, args.seed)
    sys.stdout.write(
        f"wrote {args.out}: {args.milestones:,} milestones, {size / 1e6:.2f} MB "
        f"in {time.perf_counter() - began:.1f} s\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
