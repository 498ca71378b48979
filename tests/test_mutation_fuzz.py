"""Mutated real plans: `wfplan validate` answers every one with diagnostics at a line, and never
reaches the crash handler.

The real plans under plans/ are broken the ways people and tools break files: lines deleted,
duplicated or re-indented, YAML punctuation and control characters typed in, values replaced
with extremes. CI runs WFPLAN_FUZZ_EXAMPLES examples (250 unless set); set it to 20000 for a
long run.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from contextlib import redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PLANS
from workforce_cli.cli import main

TEXTS = [p.read_text("utf-8") for p in sorted(PLANS.glob("*.yaml"))]
PUNCTUATION = [
    "[", "]", "{", "}", ":", ": ", "- ", "#", " #", "'", '"', ",", "? ", "|", ">", "&a ", "*a",
    "!!python/object/apply:os.system ", "!custom ", "---\n", "...\n", "%YAML 1.2\n", "\t", "\n",
    "\ufeff", "é", "80:20", "{a: 80:20}", "\r", "\u2028",
]  # fmt: skip
CONTROLS = [chr(c) for c in (*range(9), 11, 12, *range(14, 32), 127, 0x85, 0x9F, 0xFFFE)]
EXTREMES = [
    "9" * 5000, ".nan", ".inf", "-.inf", "1e308", "31 Dec 9999", "0001-01-01", "+9999 years",
    "[" * 300, "- " * 300, "&a [*a]", "~", "", "no", "0x" + "f" * 40,
]  # fmt: skip
KINDS = ["delete", "duplicate", "indent", "insert", "control", "value"]
LOCATED = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?:error|warning) WF\d{3} ")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(st.sampled_from(TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        kind = draw(
            st.sampled_from(["delete", "duplicate", "indent", "insert", "control", "value"])
        )
        line = lines[at]
        if kind == "delete" and len(lines) > 1:
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, line)
        elif kind == "indent":
            change = draw(st.integers(-4, 4))
            lines[at] = " " * max(change, 0) + (line[-change:] if change < 0 else line)
        elif kind in ("insert", "control"):
            col = draw(st.integers(0, len(line)))
            text = draw(st.sampled_from(PUNCTUATION if kind == "insert" else CONTROLS))
            lines[at] = line[:col] + text + line[col:]
        elif kind == "value" and ": " in line:
            lines[at] = line[: line.index(": ") + 2] + draw(st.sampled_from(EXTREMES))
    return "\n".join(lines)


@settings(
    max_examples=int(os.environ.get("WFPLAN_FUZZ_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=mutated())
def test_validate_never_crashes_and_always_gives_a_line(text: str) -> None:
    # The test's environment has WFPLAN_TRACEBACK=1: a crash raises here instead of exit 3.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        out = io.StringIO()
        with redirect_stdout(out):
            code = main(["validate", "--format", "text", str(path)])
    output = out.getvalue()
    assert code in (0, 1), output
    problems = [line for line in output.splitlines() if not line.startswith("    hint: ")][:-1]
    for line in problems:
        found = LOCATED.match(line)
        assert found is not None, line
        assert int(found["line"]) >= 1 and int(found["col"]) >= 1, line
        assert int(found["line"]) <= text.count("\n") + 2, line
    assert output.splitlines()[-1].startswith("1 file checked: ")
    assert (code == 1) == (" error " in output)
