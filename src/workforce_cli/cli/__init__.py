"""The `wfplan` command line: options only. Each command calls one function in `commands/`.

`app.py` is the application, `check.py` the commands that check plans, `track.py` those
that read plans to show them, `edit.py` those that write them. Imports of the commands happen
inside each command so that `wfplan --help` does not pay for pydantic, the models and the
YAML parser.

typer turns each command's signature into its options when the command line is built; for
all sixteen commands that was about a tenth of the start-up of `wfplan validate FILE`. `main`
builds the group with each command converted when it is first looked up, so a run converts
the command it runs (`wfplan --help`, which lists them all, converts them all).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, MutableMapping
from functools import partial
from typing import Any

import typer
from typer.core import TyperGroup

from workforce_cli import errors
from workforce_cli.cli.app import app

# Registration order is the order of `wfplan --help`: reading commands first.
from workforce_cli.cli import check  # isort: skip
from workforce_cli.cli import track  # isort: skip
from workforce_cli.cli import edit  # isort: skip

__all__ = ["app", "check", "edit", "main", "track"]


class _Commands(MutableMapping[str, Any]):
    """A group's commands by name, in registration order, each made when first looked up."""

    def __init__(self, makers: dict[str, Callable[[], Any]]) -> None:
        self._makers = makers
        self._made: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._made:
            self._made[name] = self._makers[name]()
        return self._made[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._makers[name] = partial(_itself, command)
        self._made[name] = command

    def __delitem__(self, name: str) -> None:
        del self._makers[name]
        self._made.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._makers)

    def __len__(self) -> int:
        return len(self._makers)

    @property
    def made(self) -> list[str]:
        """The names of the commands made so far, in the order they were made."""
        return list(self._made)


def _itself(command: Any) -> Any:
    return command


def command() -> TyperGroup:
    """The click group of `app`, as `typer.main.get_command(app)` makes it, except that each
    command is converted from its signature only when the group first looks it up."""
    options: dict[str, Any] = {
        "pretty_exceptions_short": app.pretty_exceptions_short,
        "rich_markup_mode": app.rich_markup_mode,
    }
    makers: dict[str, Callable[[], Any]] = {}
    for info in app.registered_commands:
        assert info.callback is not None
        name = info.name or typer.main.get_command_name(info.callback.__name__)
        makers[name] = partial(typer.main.get_command_from_info, info, **options)
    for group_info in app.registered_groups:
        make = partial(
            typer.main.get_group_from_info,
            group_info,
            suggest_commands=app.suggest_commands,
            **options,
        )
        if isinstance(group_info.name, str):
            makers[group_info.name] = make
        else:  # named by its own Typer(): known once made
            made = make()
            makers[made.name or ""] = partial(_itself, made)
    root = copy.copy(app)
    root.registered_commands = []
    root.registered_groups = []
    group = typer.main.get_group(root)
    group.commands = _Commands(makers)
    return group


def main(argv: list[str] | None = None) -> int:
    """Run wfplan; return the exit code (`errors.boundary` turns outcomes into exit codes)."""
    group = command()
    return errors.boundary(lambda: group.main(args=argv, prog_name="wfplan", standalone_mode=False))
