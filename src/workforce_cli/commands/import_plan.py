"""`wfplan import`: a council's Word or Excel action plan (or headcount table) -> a plan file."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from workforce_cli import checks, config, importing, loading, newplan, safewrite
from workforce_cli.diagnostics import FORMATTERS, Diagnostic
from workforce_cli.errors import UsageError
from workforce_cli.importing import columns, writer
from workforce_cli.importing.results import Imported, Problem
from workforce_cli.marking import check_date
from workforce_cli.read import tables


@dataclass(frozen=True)
class Request:
    file: Path
    output: Path | None = None
    plan_id: str | None = None
    title: str | None = None
    organisation: str | None = None
    sheet: str | None = None
    table: int | None = None
    maps: tuple[str, ...] = ()
    as_of: str | None = None
    dry_run: bool = False
    output_format: str = "text"
    force: bool = False


def run(request: Request) -> int:
    if request.as_of is not None:
        check_date("--as-of", request.as_of)
    try:
        overrides = columns.parse_map(list(request.maps))
    except ValueError as err:
        raise UsageError(str(err)) from None
    source = request.file.name
    try:
        found = tables.read(request.file, source)
    except tables.TableError as err:
        raise UsageError(str(err)) from None
    plan_id = newplan.check_id(request.plan_id or _id_from(request.file))
    folders = list(config.load().paths) or [Path("plans")]
    target = request.output or folders[0] / f"{plan_id}.yaml"
    expected = _existing(target, request)
    taken = newplan.clash(plan_id, folders)
    if taken and Path(taken).resolve() != target.resolve():
        raise UsageError(f'plan id "{plan_id}" is already used by {taken}; choose another --id')
    options = importing.Options(request.table, request.sheet, overrides, request.as_of)
    result = importing.build(found, source, options)
    if result.errors:
        sys.stderr.write("".join(f"wfplan: error: {p}\n" for p in result.errors))
        sys.stderr.write("wfplan: nothing written\n")
        return 1
    title = (request.title or "").strip()
    if not title:
        title = request.file.stem
        result.problems.append(
            Problem(source, f'no --title: the plan\'s title is the file name "{title}"')
        )
    text = writer.render(result, plan_id, title, request.organisation, target)
    errors = [d for d in _checks(target, text) if d.severity == "error"]
    if errors:  # the import and the checks disagree: a bug, but never write a bad file
        sys.stderr.write("wfplan: error: the imported plan would not validate; nothing written\n")
        sys.stderr.write(FORMATTERS["text"](errors, 1))
        return 1
    written = None
    if not request.dry_run:
        try:
            safewrite.write(target, text.encode("utf-8"), expected)
        except safewrite.StaleFile as err:
            raise UsageError(f"{err}; nothing written") from None
        except OSError as err:
            raise UsageError(f"cannot write {target}: {err.strerror or err}") from None
        written = target
    if request.output_format == "json":
        sys.stdout.write(_json(result, plan_id, written, text if request.dry_run else None))
        return 0
    sys.stderr.write("".join(f"wfplan: warning: {p}\n" for p in result.problems))
    if request.dry_run:
        sys.stdout.write(text)
        return 0
    sys.stdout.write(_summary(result, plan_id, target))
    return 0


def _id_from(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")[:100] or "imported-plan"


def _existing(target: Path, request: Request) -> bytes | None:
    """The bytes `--force` replaces (None: the file must not exist)."""
    if not target.exists() or request.dry_run:
        return None
    if not request.force:
        raise UsageError(
            f"{target} already exists; choose another --output, or --force to replace it"
        )
    if not target.is_file():
        raise UsageError(f"{target} is not a file")
    return target.read_bytes()


def _checks(target: Path, text: str) -> list[Diagnostic]:
    return checks.run(loading.load_contents([(str(target), text.encode("utf-8"))]))


def _summary(result: Imported, plan_id: str, target: Path) -> str:
    steps = sum(len(a.steps) for a in result.actions)
    lines = [
        f"created {target}: plan {plan_id} from {result.source} ({', '.join(result.tables)}): "
        f"{_count(len(result.themes), 'theme')}, {_count(len(result.actions), 'action')}, "
        f"{_count(steps, 'milestone')}, {_count(len(result.snapshots), 'staffing snapshot')}",
        "columns:",
    ]
    for m in result.mapping:
        lines.append(f'  {m.table}: "{m.header}" -> {m.field or "(not imported)"}')
    lines.append("check it with `wfplan validate`")
    return "\n".join(lines) + "\n"


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _json(result: Imported, plan_id: str, written: Path | None, text: str | None) -> str:
    document: dict[str, object] = {
        "file": str(written) if written else None,
        "plan": plan_id,
        "source": result.source,
        "tables": result.tables,
        "themes": [t.id for t in result.themes],
        "actions": [a.id for a in result.actions],
        "milestones": [s.id for a in result.actions for s in a.steps],
        "snapshots": [s.as_of for s in result.snapshots],
        "mapping": [
            {"table": m.table, "header": m.header, "field": m.field} for m in result.mapping
        ],
        "problems": [{"where": p.where, "message": p.message} for p in result.problems],
    }
    if text is not None:
        document["yaml"] = text
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
