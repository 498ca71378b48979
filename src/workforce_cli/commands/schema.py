"""`wfplan schema`: the JSON Schema of the file formats, generated from the models."""

from __future__ import annotations

import sys
from pathlib import Path

from workforce_cli.model.schema import generate


def run(output: Path, check: bool, missing_ok: bool = False) -> int:
    documents = generate()
    if check and missing_ok and not output.exists():
        sys.stdout.write(f"{output}: none here, nothing to check\n")
        return 0
    if check:
        stale = [
            name
            for name, text in documents.items()
            if not (output / name).is_file() or (output / name).read_text("utf-8") != text
        ]
        for name in stale:
            sys.stdout.write(f"{output / name} is out of date with the models\n")
        if stale:
            sys.stdout.write("run `wfplan schema` to regenerate it\n")
            return 1
        sys.stdout.write(f"{output}: {', '.join(documents)} up to date\n")
        return 0
    output.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        target = output / name
        if target.is_file() and target.read_text("utf-8") == text:
            continue
        target.write_text(text, "utf-8")
        sys.stdout.write(f"wrote {target}\n")
    return 0
