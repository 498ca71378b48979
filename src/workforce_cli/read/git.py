"""Plan files as they were at a git revision, read with the `git` command.

`git ls-tree -r` lists a revision's files with their blob ids, and one `git cat-file --batch`
process reads every blob, so a corpus of hundreds of files costs two processes rather than
one per file. Blob ids matter beyond speed: two files with the same blob id hold the same
bytes, which is how `wfplan diff` knows a plan is untouched without comparing it.

Paths given and paths shown are relative to the current directory, as `git` itself treats
them, so the two sides of a diff and the working tree name files alike.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workforce_cli.errors import UsageError
from workforce_cli.read import loader as loading
from workforce_cli.read.files import read_file


@dataclass(frozen=True, slots=True)
class FileAt:
    """A file's display path, its git blob id and its bytes."""

    path: str
    blob: str
    content: bytes


def _git(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], input=stdin, capture_output=True, check=False, env=_environment()
        )
    except FileNotFoundError:
        raise UsageError("the git command was not found; wfplan diff needs git") from None


def _environment() -> dict[str, str]:
    # Messages are parsed for nothing, but a localised git must not change what is read.
    return {**os.environ, "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}


def require_repository(
    why: str = "wfplan diff compares two revisions of the plans",
) -> None:
    """Raise UsageError unless the current directory is inside a git work tree."""
    result = _git("rev-parse", "--is-inside-work-tree")
    if result.returncode != 0 or result.stdout.strip() != b"true":
        raise UsageError(
            f"{Path.cwd()} is not inside a git repository; {why}, "
            "so run it in a clone of the plan repository"
        )


def is_revision(revision: str) -> bool:
    return resolve(revision) is not None


def resolve(revision: str) -> str | None:
    """The commit id a revision names, or None if there is no such commit here."""
    if revision.startswith("-"):
        return None  # never let a revision be read as an option of git
    result = _git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if result.returncode != 0:
        return None
    return result.stdout.decode().strip()


def require_commit(revision: str) -> str:
    commit = resolve(revision)
    if commit is None:
        shallow = _git("rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        hint = (
            f"this is a shallow clone: fetch it first, e.g. `{fetch_command(revision)}`"
            if shallow
            else "check the branch, tag or commit name (`git branch -a` lists branches)"
        )
        raise UsageError(f'unknown revision "{revision}": {hint}')
    return commit


def fetch_command(revision: str) -> str:
    """A `git fetch` that makes `revision` resolvable in a shallow clone.

    A shallow clone of one branch fetches only that branch into refs/remotes, so a bare
    `git fetch origin main` updates FETCH_HEAD and nothing `origin/main` can name: the
    refspec must say where the branch goes.
    """
    remotes = _git("remote").stdout.decode().split() or ["origin"]
    remote, _, branch = revision.partition("/")
    if remote in remotes and branch:
        return f"git fetch --depth=1 {remote} +refs/heads/{branch}:refs/remotes/{remote}/{branch}"
    if _HEX.fullmatch(revision):
        return f"git fetch --depth=1 {remotes[0]} {revision}"
    return f"git fetch --depth=1 {remotes[0]} +refs/heads/{revision}:refs/heads/{revision}"


_HEX = re.compile(r"[0-9a-f]{7,40}")


def merge_base(left: str, right: str) -> str:
    """The commit `git diff LEFT...RIGHT` compares from: where RIGHT branched from LEFT."""
    one, other = require_commit(left), require_commit(right)
    result = _git("merge-base", one, other)
    if result.returncode != 0:
        raise UsageError(
            f'"{left}" and "{right}" have no common ancestor here: in a shallow clone, fetch '
            f"more history (`git fetch --deepen=100 origin`), or name the merge base itself "
            "(GitLab gives it as $CI_MERGE_REQUEST_DIFF_BASE_SHA)"
        )
    return result.stdout.decode().strip()


def files_at(
    commit: str, paths: Sequence[Path], *, limit: int = loading.MAX_FILE_BYTES
) -> list[FileAt]:
    """The *.yaml / *.yml files under `paths` at a commit, in path order (those over `limit`
    bytes as `Oversized`)."""
    pathspecs = [str(p) for p in paths]
    listing = _git("ls-tree", "-r", "-z", commit, "--", *pathspecs)
    if listing.returncode != 0:
        raise UsageError(f"git ls-tree {commit}: {listing.stderr.decode(errors='replace').strip()}")
    entries: list[tuple[str, str]] = []
    for record in listing.stdout.split(b"\0"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, blob = meta.decode().split()
        path = name.decode("utf-8", errors="surrogateescape")
        if kind == "blob" and mode != "120000" and _is_plan_path(path):
            entries.append((path, blob))
    contents = read_blobs(sorted({blob for _, blob in entries}), limit=limit)
    return [FileAt(path, blob, contents[blob]) for path, blob in sorted(entries)]


def _is_plan_path(path: str) -> bool:
    # As `loading.discover` does for folders: plan suffixes, hidden folders left out.
    parts = path.split("/")
    hidden = any(part.startswith(".") and part not in (".", "..") for part in parts[:-1])
    return path.endswith(loading.SUFFIXES) and not hidden


def read_blobs(blobs: Sequence[str], *, limit: int = loading.MAX_FILE_BYTES) -> dict[str, bytes]:
    """The bytes of each blob, read by one `git cat-file --batch`.

    A blob over `limit` bytes (the plan size limit) is not read (a commit can hold a file of
    any size): its bytes are an `Oversized`, which the loader refuses with WF001 and its size.
    """
    if not blobs:
        return {}
    sizes = _sizes(blobs)
    found: dict[str, bytes] = {
        blob: Oversized(size) for blob, size in sizes.items() if size > limit
    }
    return found | _contents([b for b in blobs if b not in found])


class Oversized(bytes):
    """No bytes: the blob was too large to read. `size` is how large it is."""

    size: int

    def __new__(cls, size: int) -> Oversized:
        made = super().__new__(cls)
        made.size = size
        return made


def _sizes(blobs: Sequence[str]) -> dict[str, int]:
    result = _git("cat-file", "--batch-check", stdin="".join(f"{b}\n" for b in blobs).encode())
    if result.returncode != 0:
        raise UsageError(f"git cat-file: {result.stderr.decode(errors='replace').strip()}")
    sizes: dict[str, int] = {}
    for blob, line in zip(blobs, result.stdout.decode().splitlines(), strict=False):
        header = line.split()
        if len(header) == 3 and header[2].isdigit():
            sizes[blob] = int(header[2])
    return sizes


def _contents(blobs: Sequence[str]) -> dict[str, bytes]:
    if not blobs:
        return {}
    result = _git("cat-file", "--batch", stdin="".join(f"{b}\n" for b in blobs).encode())
    if result.returncode != 0:
        raise UsageError(f"git cat-file: {result.stderr.decode(errors='replace').strip()}")
    out, at, found = result.stdout, 0, {}
    for blob in blobs:
        end = out.index(b"\n", at)
        header = out[at:end].decode().split()
        if len(header) != 3:
            raise UsageError(f"git cannot read blob {blob}: {' '.join(header[1:])}")
        size = int(header[2])
        found[blob] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return found


def blob_id(content: bytes) -> str:
    """The id git gives these bytes (so working-tree files compare with committed ones)."""
    return hashlib.sha1(b"blob %d\0" % len(content) + content, usedforsecurity=False).hexdigest()


def working_tree(paths: Sequence[Path], *, limit: int = loading.MAX_FILE_BYTES) -> list[FileAt]:
    """The plan files under `paths` as they are on disk, tracked or not.

    A path that does not exist, or holds no plan files, gives no files rather than an error:
    a pull request may delete every plan in a folder, and that is a change to report.
    """
    found: dict[str, FileAt] = {}
    for given in paths:
        if not given.exists():
            continue
        try:
            files = loading.discover([given])
        except UsageError:
            continue
        for path in files:
            display = _relative(path)
            content = read_file(path, display, limit)
            found.setdefault(display, FileAt(display, blob_id(content), content))
    return [found[name] for name in sorted(found)]


def tracked(paths: Sequence[Path]) -> list[Path]:
    """The plan files under `paths` that git tracks or has staged, as they are on disk.

    `git ls-files` lists the index: committed files and those staged, not untracked ones,
    so a draft nobody has added yet is left out. A path git does not know gives nothing.
    """
    require_repository("--tracked reads the files git tracks")
    listing = _git("ls-files", "-z", "--", *(str(p) for p in paths))
    if listing.returncode != 0:
        raise UsageError(f"git ls-files: {listing.stderr.decode(errors='replace').strip()}")
    found = []
    for name in listing.stdout.split(b"\0"):
        path = name.decode("utf-8", errors="surrogateescape")
        if path and _is_plan_path(path) and Path(path).is_file():
            found.append(Path(path))
    if not found:
        where = ", ".join(str(p) for p in paths)
        raise UsageError(f"git tracks no plan files (*.yaml, *.yml) in {where}")
    return found


def _relative(path: Path) -> str:
    text = os.path.relpath(path) if path.is_absolute() else str(path)
    return Path(text).as_posix()
