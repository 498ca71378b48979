"""JSON Schema of the plan and staffing file formats, generated from the pydantic models."""

from __future__ import annotations

import json
from typing import Any

from workforce_cli.model import Plan, StaffingFile


def generate() -> dict[str, str]:
    """File name -> JSON text, stable across runs (sorted keys, trailing newline)."""
    out: dict[str, str] = {}
    for name, model, title in (
        ("plan.schema.json", Plan, "wfplan plan file"),
        ("staffing.schema.json", StaffingFile, "wfplan staffing file"),
    ):
        schema: dict[str, Any] = model.model_json_schema(mode="validation")
        document = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": title,
            **{k: v for k, v in schema.items() if k != "title"},
        }
        out[name] = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return out
