"""Configuration: `wfplan.toml`, or `[tool.wfplan]` in `pyproject.toml`, found upward.

Keys: paths, due_within, red_after, labels, templates, severity, max_file_size. Unknown keys
are an error: a misspelt `due_whithin` must not silently leave the default in force.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from workforce_cli.diagnostics import CODES
from workforce_cli.errors import UsageError

DEFAULT_DUE_WITHIN = 28
DEFAULT_RED_AFTER = 0
SEVERITIES = ("error", "warning", "off")
LABEL_KEYS = ("complete", "red", "amber", "green", "not_rated")
DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024
"""Plan and staffing files larger than this are refused (WF001) unless the limit is lifted:
the largest real plan is about 30 KB."""


@dataclass(frozen=True)
class Config:
    paths: tuple[Path, ...] = ()
    due_within: int = DEFAULT_DUE_WITHIN
    red_after: int = DEFAULT_RED_AFTER
    labels: dict[str, str] = field(default_factory=dict)
    templates: Path | None = None
    severity: dict[str, str] = field(default_factory=dict)
    """Code -> "error", "warning" or "off": the repository's own rule severities."""
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    """The largest plan or staffing file read, in bytes (`--max-file-size` overrides it)."""
    source: Path | None = None
    """The file the configuration came from, if any."""


def find(start: Path) -> Path | None:
    """The nearest wfplan.toml, or pyproject.toml with [tool.wfplan], at or above start."""
    for directory in (start, *start.parents):
        candidate = directory / "wfplan.toml"
        if candidate.is_file():
            return candidate
        pyproject = directory / "pyproject.toml"
        if (
            pyproject.is_file()
            and "tool" in _read(pyproject)
            and "wfplan" in _read(pyproject).get("tool", {})
        ):
            return pyproject
    return None


def _read(path: Path) -> dict[str, Any]:
    shown = relative(path)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except UnicodeDecodeError as err:
        raw = path.read_bytes()
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise UsageError(
            f"{shown}:{line}:{column}: cannot read configuration: byte 0x{raw[err.start]:02x} "
            "is not UTF-8; save the file as UTF-8"
        ) from None
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise UsageError(f"{shown}: cannot read configuration: {err}") from None


def load(start: Path | None = None, *, max_file_size: int | None = None) -> Config:
    """The configuration found at or above `start`; a `max_file_size` given (the option)
    overrides the file's."""
    found = find((start or Path.cwd()).resolve())
    if found is None:
        settings = Config()
    else:
        path = relative(found)  # messages name it as the user would: wfplan.toml, ../wfplan.toml
        data = _read(path)
        table = data.get("tool", {}).get("wfplan", {}) if path.name == "pyproject.toml" else data
        settings = parse(table, path)
    if max_file_size is not None:
        settings = replace(settings, max_file_size=max_file_size)
    return settings


def parse(table: dict[str, Any], path: Path) -> Config:
    known = ("paths", "due_within", "red_after", "labels", "templates", "severity", "max_file_size")
    for key in table:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f'did you mean "{close[0]}"?' if close else f"known keys: {', '.join(known)}"
            raise UsageError(f'{path}: unknown configuration key "{key}"; {hint}')
    base = path.parent
    paths = table.get("paths", [])
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise UsageError(f'{path}: `paths` must be a list of folders, such as ["plans"]')
    labels = table.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise UsageError(
            f'{path}: `labels` must map ratings to words, such as {{complete = "Blue"}}'
        )
    for key in labels:
        if key not in LABEL_KEYS:
            raise UsageError(
                f'{path}: unknown label "{key}"; labels are for {", ".join(LABEL_KEYS)}'
            )
    templates = table.get("templates")
    if templates is not None and not isinstance(templates, str):
        raise UsageError(f"{path}: `templates` must be a folder or file path")
    severity = table.get("severity", {})
    if not isinstance(severity, dict) or not all(v in SEVERITIES for v in severity.values()):
        raise UsageError(
            f'{path}: `severity` maps codes to "error", "warning" or "off", '
            'such as {WF205 = "error"}'
        )
    for code in severity:
        if code not in CODES:
            close = difflib.get_close_matches(code, list(CODES), n=1)
            hint = f'did you mean "{close[0]}"?' if close else "codes are listed in the README"
            raise UsageError(f'{path}: `severity` names the unknown code "{code}"; {hint}')
    if templates and not (base / templates).resolve().is_relative_to(base.resolve()):
        # Part of the repository: a cloned repository must not make wfplan read
        # /etc/passwd or a file in the home folder into a report (links included).
        raise UsageError(
            f"{path}: `templates` names {templates}, which is outside the repository "
            f"(the folder of {path.name}); templates are read only from inside it"
        )
    return Config(
        paths=tuple(relative(base / p) for p in paths),
        severity=dict(severity),
        due_within=_days(table, "due_within", DEFAULT_DUE_WITHIN, path),
        red_after=_days(table, "red_after", DEFAULT_RED_AFTER, path),
        labels=dict(labels),
        templates=relative(base / templates) if templates else None,
        max_file_size=_size(table, path),
        source=path,
    )


def _size(table: dict[str, Any], path: Path) -> int:
    value = table.get("max_file_size", DEFAULT_MAX_FILE_SIZE)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise UsageError(f"{path}: `max_file_size` must be {SIZES}")
    try:
        return parse_size(str(value))
    except ValueError as err:
        raise UsageError(f"{path}: `max_file_size`: {err}") from None


UNITS = {"": 1, "b": 1, "kb": 1000, "mb": 1000**2, "gb": 1000**3}
UNITS |= {"kib": 1024, "mib": 1024**2, "gib": 1024**3}
"""A size's units, their case not minding: KB, MB, GB are powers of 1000 (as disks and
`ls --si` count), KiB, MiB, GiB powers of 1024; no unit is bytes."""
SIZES = (
    "a number of bytes, or a number and a unit (KB, MB, GB: powers of 1000; KiB, MiB, GiB: "
    'powers of 1024), such as "20MB" or "50MiB"'
)
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """Bytes from `20MB`, `50MiB`, `2.5 MB`, `25000000` (at least 1); ValueError says why not."""
    match = _SIZE.fullmatch(text)
    if match is None or match.group(2).lower() not in UNITS:
        raise ValueError(f'"{text}" is not a size; give {SIZES}')
    number, unit = match.group(1), UNITS[match.group(2).lower()]
    size = int(Fraction(number) * unit)
    if size < 1:
        raise ValueError(f'"{text}" is less than 1 byte; give a size such as "20MB"')
    return size


def format_size(size: int) -> str:
    """A size as a person writes it: `2 MiB`, `20 MB`, `2.5 MB`, else `1234567 bytes`."""
    for name in ("GiB", "GB", "MiB", "MB", "KiB", "KB"):
        unit = UNITS[name.lower()]
        if size >= unit and size * 100 % unit == 0:
            return f"{size / unit:g} {name}"
    return f"{size} byte{'s' if size != 1 else ''}"


def _days(table: dict[str, Any], key: str, default: int, path: Path) -> int:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise UsageError(f"{path}: `{key}` must be a whole number of days, 0 or more")
    return value


def plan_paths(given: list[Path] | None, config: Config) -> list[Path]:
    """The paths a command reads: those given, else the configuration's, else `plans/`."""
    if given:
        return [relative(p) for p in given]
    if config.paths:
        return list(config.paths)
    default = Path("plans")
    if not default.is_dir():
        raise UsageError(
            f"no plans/ folder in {Path.cwd()} and no paths given; pass the folder that holds "
            "your plan files, or start one with `wfplan new PLAN_ID --title ...`"
        )
    return [default]


def relative(path: Path) -> Path:
    """`path` relative to the working directory (`../plans` from a subfolder), so that every
    path wfplan reports (diagnostics, GitHub annotations, JSON `file` keys, report footers,
    diffs) is the same whichever way the file was named, and never shows the home folder."""
    if not path.is_absolute():
        return path
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive (Windows): no relative path exists
        return path
