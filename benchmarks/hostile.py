"""Hostile plan files: each a way a file has crashed, hung or slowed `wfplan validate`.

    python benchmarks/hostile.py OUT         # write them all into OUT/
    /usr/bin/time -v wfplan validate OUT/nesting-30000.yaml

`run.py` times some of them as scenarios (`hostile-*`). Every file is at most 2 MiB (the
size limit) except `huge.yaml`, which is over it on purpose.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HEAD = "wfplan: 1\nid: hostile\ntitle: A hostile plan\n"
LIMIT = 2 * 1024 * 1024


def unknown_keys(count: int) -> bytes:
    return (HEAD + "".join(f"unknown{i}: x\n" for i in range(count))).encode()


def unknown_keys_to_the_limit() -> bytes:
    lines, size, i = [HEAD], len(HEAD), 0
    while size + len(f"k{i}: x\n") <= LIMIT:
        lines.append(f"k{i}: x\n")
        size += len(lines[-1])
        i += 1
    return "".join(lines).encode()


def nesting(depth: int) -> bytes:
    return (HEAD + "notes: " + "[" * depth + "]" * depth + "\n").encode()


def alias_bomb() -> bytes:
    rows = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, before in zip("bcdefghij", "abcdefghi", strict=True):
        rows.append(f"{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return (HEAD + "\n".join(rows) + "\n").encode()


def python_tag() -> bytes:
    return (HEAD + "notes: !!python/object/apply:os.system ['echo owned']\n").encode()


def huge() -> bytes:
    return (HEAD + "# padding\n" * (LIMIT // 10 + 1000)).encode()


def bom() -> bytes:
    return b"\xef\xbb\xbf" + HEAD.encode()


def latin1() -> bytes:
    return (HEAD + "notes: Caf\u00e9 staff\n").encode("latin-1")


def dependency_chain(count: int) -> bytes:
    actions = "".join(
        f"  - {{id: a{i}, title: A, due: 2022, depends_on: [a{i + 1}]}}\n" for i in range(count)
    )
    return (HEAD + "actions:\n" + actions.replace(f"[a{count}]", "[]")).encode()


def late_syntax_error() -> bytes:
    """2 MiB of actions and an unclosed bracket on the last line."""
    lines, size, i = [HEAD, "actions:\n"], len(HEAD) + 9, 0
    while size < LIMIT - 200:
        lines.append(f"  - {{id: a{i}, title: Action {i}, due: 2022, owner: [HR, Finance]}}\n")
        size += len(lines[-1])
        i += 1
    return ("".join(lines) + "notes: [unclosed\n").encode()


FILES: dict[str, Callable[[], bytes]] = {
    "unknown-keys-20000.yaml": lambda: unknown_keys(20_000),
    "unknown-keys-2mib.yaml": unknown_keys_to_the_limit,
    "nesting-5000.yaml": lambda: nesting(5000),
    "nesting-30000.yaml": lambda: nesting(30_000),
    "alias-bomb.yaml": alias_bomb,
    "python-tag.yaml": python_tag,
    "huge.yaml": huge,
    "bom.yaml": bom,
    "latin-1.yaml": latin1,
    "dependency-chain-10000.yaml": lambda: dependency_chain(10_000),
    "late-syntax-error.yaml": late_syntax_error,
}


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, make in FILES.items():
        (folder / name).write_bytes(make())
        written.append(folder / name)
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")):
        print(path)
