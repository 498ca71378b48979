"""`wfplan diff BASE [HEAD] [PATHS]`: what a change does to the plans, between two revisions.

Unlike the other commands, a plan that fails validation is not a reason to stop: it is one
of the things a diff reports (and exit 1 if it fails at the head revision).
"""

from __future__ import annotations

import sys
from pathlib import Path

from workforce_cli import config
from workforce_cli.commands.summary import write_step_summary
from workforce_cli.diff import engine as plandiff
from workforce_cli.diff import textconv as conversion
from workforce_cli.diff.render import FORMATS, WORKING_TREE
from workforce_cli.errors import UsageError
from workforce_cli.read import git as gitfiles


def split(rest: list[str]) -> tuple[str | None, list[Path]]:
    """HEAD and PATHS from the words after BASE.

    The first word is HEAD when it names a commit and no file or folder of that name exists
    (an existing path wins; write `NAME^0` for a branch that shares a folder's name).
    """
    if rest and not Path(rest[0]).exists() and gitfiles.is_revision(rest[0]):
        return rest[0], [Path(p) for p in rest[1:]]
    return None, [Path(p) for p in rest]


def revisions(base: str, rest: list[str]) -> tuple[str, str | None, list[Path]]:
    """The base commit, the head revision (None: the working tree) and the paths.

    `A...B` compares B with the commit it branched from A at (`git merge-base A B`), as
    `git diff A...B` does, so changes merged to A since do not show up reversed; `A...`
    compares the working tree with the merge base of A and HEAD. `A..B` is `A B`.
    """
    if "..." in base:
        left, right = base.split("...", 1)
        if rest and not Path(rest[0]).exists() and gitfiles.is_revision(rest[0]):
            raise UsageError(f'"{base}" names both revisions: give no HEAD after it')
        return gitfiles.merge_base(left or "HEAD", right or "HEAD"), right or None, split(rest)[1]
    if ".." in base and not gitfiles.is_revision(base):
        left, right = base.split("..", 1)
        return gitfiles.require_commit(left or "HEAD"), right or "HEAD", split(rest)[1]
    head, given = split(rest)
    return gitfiles.require_commit(base), head, given


def run(
    base: str,
    rest: list[str],
    output_format: str,
    fail_on: list[str],
    max_file_size: int | None = None,
) -> int:
    gitfiles.require_repository()
    settings = config.load(max_file_size=max_file_size)
    limit = settings.max_file_size
    commit, head, given = revisions(base, rest)
    paths = [config.relative(p) for p in given] or list(settings.paths) or [Path("plans")]
    base_files = gitfiles.files_at(commit, paths, limit=limit)
    if head is None:
        head_files = gitfiles.working_tree(paths, limit=limit)
    else:
        head_files = gitfiles.files_at(gitfiles.require_commit(head), paths, limit=limit)
    if not base_files and not head_files:
        where = ", ".join(str(p) for p in paths)
        missing = [p for p in given if not p.exists()]
        hint = f'; "{missing[0]}" is not a revision either' if missing and not head else ""
        raise UsageError(
            f"no plan files (*.yaml, *.yml) in {where} at {base} nor at "
            f"{head or 'the ' + WORKING_TREE}{hint}"
        )
    result = plandiff.diff(base_files, head_files, base, head, settings.severity, limit=limit)
    conditions = tuple(dict.fromkeys(fail_on))
    sys.stdout.write(FORMATS[output_format](result, conditions))
    if output_format == "github":
        write_step_summary(FORMATS["markdown"](result, conditions))
    return 1 if result.failing(conditions) else 0


def textconv(file: str, rest: list[str], max_file_size: int | None = None) -> int:
    """`wfplan diff --textconv FILE`: git's textconv driver (git gives one file, a copy)."""
    if rest:
        raise UsageError("--textconv takes one file (git passes it)")
    try:
        content = Path(file).read_bytes()
    except OSError as err:
        raise UsageError(f"cannot read {file}: {err.strerror or err}") from None
    limit = config.load(max_file_size=max_file_size).max_file_size
    sys.stdout.write(conversion.textconv(file, content, limit))
    return 0
