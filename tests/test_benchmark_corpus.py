"""The benchmark corpus generator keeps writing plans that validate, and mutates them validly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, Run

sys.path.insert(0, str(REPO / "benchmarks"))
import corpus  # a script folder, not a package


def test_generated_corpus_validates(
    tmp_path: Path, run: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    assert corpus.main(["--authorities", "2", "--out", str(tmp_path / "base")]) == 0
    assert capsys.readouterr().out.startswith("wrote 2 files, ")
    assert sorted(p.name for p in (tmp_path / "base").iterdir()) == [
        "barking-and-dagenham.yaml",
        "barnet.yaml",
    ]
    result = run("validate", tmp_path / "base")
    assert result.exit_code == 0, result.stdout
    assert "2 files checked: 0 errors" in result.stdout
    assert result.stderr == ""


def test_mutated_copy_validates_and_differs(tmp_path: Path, run: Run) -> None:
    base, mutated = tmp_path / "base", tmp_path / "next"
    corpus.main(["--authorities", "2", "--out", str(base)])
    corpus.main(["--mutate", "0.2", "--from", str(base), "--out", str(mutated)])
    result = run("validate", mutated)
    assert result.exit_code == 0, result.stdout
    assert result.stderr == ""
    before = (base / "barnet.yaml").read_text("utf-8").splitlines()
    after = (mutated / "barnet.yaml").read_text("utf-8").splitlines()
    assert before[:2] == after[:2]  # the modeline is kept
    assert before != after
    assert any(line.strip().startswith("done_on: 2022-11") for line in after)


def test_unmutated_copy_is_byte_identical(tmp_path: Path) -> None:
    # The writer must reproduce a file it reads back, or a git diff of two corpus
    # revisions would show churn on every line.
    base, copy = tmp_path / "base", tmp_path / "copy"
    corpus.main(["--authorities", "2", "--out", str(base)])
    corpus.main(["--mutate", "0", "--from", str(base), "--out", str(copy)])
    for path in base.iterdir():
        assert (copy / path.name).read_bytes() == path.read_bytes()
