"""Marking every milestone of every real plan done: valid results, and only status lines touched."""

from __future__ import annotations

import difflib
import re

import pytest

from tests.conftest import PLANS
from workforce_cli.edit.document import Document
from workforce_cli.edit.workspace import Change, Workspace
from workforce_cli.model import Status
from workforce_cli.model.walk import milestones


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    return Workspace.read([PLANS])


@pytest.mark.parametrize("name", sorted(p.name for p in PLANS.glob("*.yaml")))
def test_everything_done_changes_only_status_lines(workspace: Workspace, name: str) -> None:
    path = next(p for p in workspace.files if p.name == name)
    loaded = next(p for p in workspace.repository.plans if p.source.path == path)
    document = Document.parse(workspace.files[path])
    refs = [r for r in milestones(loaded.plan) if r.item.status is not Status.DONE]
    for ref in refs:
        document.upsert(document.mapping(ref.path), [("status", "done"), ("done_on", "2030-01-31")])
    after = document.encode()
    before_lines = workspace.files[path].decode("utf-8").splitlines()
    after_lines = after.decode("utf-8").splitlines()
    removed, added = [], []
    for line in difflib.unified_diff(before_lines, after_lines, lineterm="", n=0):
        if line.startswith("-") and not line.startswith("---"):
            removed.append(line)
        elif line.startswith("+") and not line.startswith("+++"):
            added.append(line)
    block_added = [a for a in added if "{" not in a]
    assert all(re.fullmatch(r"-\s+status: \w+(\s+#.*)?", r) for r in removed if "{" not in r)
    assert all(
        re.fullmatch(r"\+\s+(status: done|done_on: 2030-01-31)(\s+#.*)?", a) for a in block_added
    )
    done_on_lines = sum("done_on: 2030-01-31" in a for a in added)
    assert done_on_lines == len(refs)
    # Flow-style items change on their own line, by the two keys only.
    for old, new in zip(
        [r for r in removed if "{" in r], [a for a in added if "{" in a], strict=True
    ):
        assert new[1:] == old[1:-1] + ", status: done, done_on: 2030-01-31}"
    assert workspace.check([Change(path, workspace.files[path], after, "")]) is None
