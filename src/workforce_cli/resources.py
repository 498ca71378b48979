"""Where the shipped templates and schemas are, installed or in a checkout.

A wheel carries them inside the package (`workforce_cli/templates`, `.../schemas`); an
editable install or a plain checkout has them at the repository root, two levels up.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name} shipped with wfplan are missing ({_PACKAGE / name})")


def templates_dir() -> Path:
    return _find("templates")


def schemas_dir() -> Path:
    return _find("schemas")
