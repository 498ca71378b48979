"""`wfplan schema`: the committed JSON Schema is current and accepts every valid plan."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import EXAMPLES, PLANS, REPO, Run
from workforce_cli.model.schema import generate
from workforce_cli.read import yaml as yamlio


def test_committed_schema_is_current(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run("schema", "--check")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "schemas: plan.schema.json, staffing.schema.json up to date\n"


def test_stale_schema_fails_the_check(run: Run, workdir: Path) -> None:
    assert run("schema").stdout == (
        "wrote schemas/plan.schema.json\nwrote schemas/staffing.schema.json\n"
    )
    stale = workdir / "schemas" / "plan.schema.json"
    text = stale.read_text("utf-8")
    stale.write_text(text.replace('"title": "Title"', '"title": "Name"'), "utf-8")
    result = run("schema", "--check")
    assert result.exit_code == 1
    assert result.stdout == (
        "schemas/plan.schema.json is out of date with the models\n"
        "run `wfplan schema` to regenerate it\n"
    )
    assert run("schema").stdout == "wrote schemas/plan.schema.json\n"
    assert run("schema", "--check").exit_code == 0


def _documents() -> list[Path]:
    return sorted(PLANS.glob("*.yaml")) + sorted(
        p for p in (EXAMPLES / "positive").rglob("*.y*ml") if "staffing-" not in p.name
    )


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_valid_plans_satisfy_the_schema(path: Path) -> None:
    node = yamlio.compose(path.read_bytes().decode("utf-8-sig"))
    assert node is not None
    data, _ = yamlio.to_data(node)
    jsonschema.validate(data, json.loads(generate()["plan.schema.json"]))


def test_schema_rejects_an_unknown_key() -> None:
    with pytest.raises(jsonschema.ValidationError, match="milstones"):
        jsonschema.validate(
            {
                "wfplan": 1,
                "id": "x",
                "title": "T",
                "actions": [{"id": "a", "title": "A", "milstones": []}],
            },
            json.loads(generate()["plan.schema.json"]),
        )


def test_every_plan_starts_with_the_editor_modeline() -> None:
    for path in PLANS.glob("*.y*ml"):
        first = path.read_text("utf-8").splitlines()[0]
        assert first in (
            "# yaml-language-server: $schema=../schemas/plan.schema.json",
            "# yaml-language-server: $schema=../schemas/staffing.schema.json",
        ), path
