"""`wfplan import`: a council's Word or Excel action plan (or headcount table) -> a plan file."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from workforce_cli import config, safewrite
from workforce_cli.checks.render import FORMATTERS
from workforce_cli.edit import newplan
from workforce_cli.edit.marking import check_date
from workforce_cli.errors import UsageError
from workforce_cli.importing import columns, engine, writer
from workforce_cli.importing.render import FORMATS, Outcome, render_json
from workforce_cli.importing.results import Problem
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
    options = engine.Options(request.table, request.sheet, overrides, request.as_of)
    result = engine.build(found, source, options)
    if result.errors:
        if request.output_format == "json":
            sys.stdout.write(render_json(Outcome(result, plan_id, "", None)))
            return 1
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
    errors = [d for d in newplan.problems(target, text) if d.severity == "error"]
    if errors:  # the import and the checks disagree: a bug, but never write a bad file
        sys.stderr.write("wfplan: error: the imported plan would not validate; nothing written\n")
        sys.stderr.write(FORMATTERS["text"](errors, 1))
        return 1
    written = None
    if not request.dry_run:
        if request.output is None:
            target.parent.mkdir(parents=True, exist_ok=True)  # the first plan starts the folder
        if not target.parent.is_dir():
            raise UsageError(f"cannot create {target}: no such directory {target.parent}")
        try:
            safewrite.write(target, text.encode("utf-8"), expected)
        except safewrite.StaleFile as err:
            raise UsageError(f"{err}; nothing written") from None
        except OSError as err:
            raise UsageError(f"cannot write {target}: {err.strerror or err}") from None
        written = target
    if request.output_format != "json":  # JSON carries the problems itself
        sys.stderr.write("".join(f"wfplan: warning: {p}\n" for p in result.problems))
    sys.stdout.write(FORMATS[request.output_format](Outcome(result, plan_id, text, written)))
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
