"""The documentation is tested: help text, README.md and docs/ stay in step with the code.

Every example in README.md and docs/*.md is executed, in the manner of sqlite-utils's
documentation tests:

* A ```` ```yaml ```` block whose first line is `wfplan: 1` or the editor modeline
  (`# yaml-language-server: ...`) is a whole file. It must validate with no error and no
  warning (`wfplan validate --strict`) as printed: a plan on its own, a staffing file
  (`kind: staffing`) together with the repository's plan it names.
* A yaml block preceded by the line `<!-- fragment -->` is a piece of a file (a `targets:`
  list, another tool's configuration). It must parse as YAML; it is not validated. A yaml
  block preceded by `<!-- copy of PATH -->` must equal that file of the repository (the CI
  examples). Any other yaml block fails the test: a block is whole or marked, never skipped.
* A block of any kind preceded by `<!-- file: PATH -->` is written to PATH in the page's
  working copy (below) before the console blocks after it run: a tutorial's "now edit the
  file" step, a report template. (A yaml block so marked is still checked as above.)
* A ```` ```console ```` block holds commands, each on a line starting with `$ `, each followed
  by what it prints. The commands of one page run in order in one working copy of the
  repository: a temporary folder with a copy of `plans/` and `schemas/`, committed to git on a
  branch named `main`, so `wfplan diff main` and the writing commands work and a page's
  examples may build on each other. `wfplan ...` runs in-process, its stdout then its stderr
  (a plain `| head -N` is applied to them); anything else (`git`, `sed`, `; echo $?`) runs in
  bash, stdout and stderr interleaved as on a terminal. A line `...` in the expected output
  (indented or not) stands for any number of lines; trailing spaces are ignored. Commands
  whose output depends on the day give `--as-of` (or set `WFPLAN_AS_OF` before `wfplan`):
  the tests set none for them.
* A ```` ```toml ```` block is a configuration file and must load as one.
"""

from __future__ import annotations

import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import typer
from ruamel.yaml import YAML

from tests.conftest import PLANS, REPO, Run
from workforce_cli import config
from workforce_cli.cli import app, main
from workforce_cli.diagnostics import CODES

README = (REPO / "README.md").read_text("utf-8")
DOCS = sorted((REPO / "docs").glob("*.md"))
PAGES = [REPO / "README.md", *DOCS]
CATALOGUE = REPO / "docs" / "diagnostics.md"

_BLOCK = re.compile(r"^(?:(<!-- [^\n]*? -->)\n)?```(\w+)\n(.*?)^```$", re.M | re.S)
_WHOLE_FILE = ("wfplan: 1", "# yaml-language-server:")
_HEAD = re.compile(r"^(?P<cmd>wfplan .*?) \| head -(?P<n>\d+)$")


@dataclass
class Block:
    page: Path
    line: int
    lang: str
    marker: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(REPO)}:{self.line}"


def _blocks(page: Path) -> list[Block]:
    text = page.read_text("utf-8")
    return [
        Block(page, text.count("\n", 0, m.start(2)) + 1, m[2], m[1] or "", m[3])
        for m in _BLOCK.finditer(text)
    ]


def _all(lang: str) -> list[Block]:
    return [block for page in PAGES for block in _blocks(page) if block.lang == lang]


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names = list(getattr(group, "commands", {}))
    assert names, "no commands registered"
    return names


def test_every_command_has_help_and_is_in_the_readme(run: Run) -> None:
    for name in _commands():
        result = run(name, "--help")
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Usage: wfplan {name}"), name
        assert f"`wfplan {name}" in README, f"wfplan {name} is not documented in README.md"


def test_the_catalogue_lists_every_diagnostic_code_with_its_severity() -> None:
    text = CATALOGUE.read_text("utf-8")
    rows = dict(re.findall(r"^\| (WF\d{3}) \| (error|warning) \|", text, re.M))
    assert rows == {code: severity for code, (severity, _) in CODES.items()}


def test_readme_starts_with_the_install_and_test_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    assert "pip install" in blocks[0] and "wfplan validate plans/" in blocks[0]
    assert blocks[1] == (
        "python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]' "
        "&& .venv/bin/python -m pytest"
    )
    assert blocks[1] in (REPO / ".ci" / "run").read_text("utf-8")


def test_readme_links_every_docs_page_and_every_link_resolves() -> None:
    linked = set(re.findall(r"\]\((docs/[\w-]+\.md)\)", README))
    assert linked == {f"docs/{page.name}" for page in DOCS}
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[\w-]+)?\)", page.read_text("utf-8")):
            assert (page.parent / target).is_file(), f"{page.name} links to missing {target}"


def test_links_to_sections_name_headings_that_exist() -> None:
    for page in PAGES:
        for target, anchor in re.findall(r"\]\(([\w/-]*\.md)?#([\w-]+)\)", page.read_text("utf-8")):
            linked = page.parent / target if target else page
            headings = re.findall(r"^#+ (.*)$", linked.read_text("utf-8"), re.M)
            slugs = {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}
            assert anchor in slugs, f"{page.name} links to #{anchor} in {linked.name}"


def test_the_docs_speak_for_the_project_itself() -> None:
    # The documentation is the reference: it points to nothing outside the repository.
    for page in PAGES:
        text = page.read_text("utf-8")
        assert "SPEC" not in text, page.name
        assert "the contract" not in text.lower(), page.name


def test_one_spelling_for_each_format() -> None:
    # `md` is accepted for `markdown`; the documentation writes `markdown` everywhere.
    for page in PAGES:
        text = page.read_text("utf-8")
        assert not re.search(r"(--format|-f)[ =]md\b|\bmd\\?\|html", text), page.name


# --- yaml blocks ---------------------------------------------------------------------------


def _check_yaml_block(block: Block, folder: Path, run: Run) -> None:
    first = block.text.lstrip().split("\n", 1)[0]
    copy = re.fullmatch(r"<!-- copy of (\S+) -->", block.marker)
    if copy:
        assert block.text == (REPO / copy[1]).read_text("utf-8"), f"{block.where}: {copy[1]}"
        return
    if block.marker == "<!-- fragment -->":
        YAML(typ="safe", pure=True).load(block.text)
        return
    assert first.startswith(_WHOLE_FILE), (
        f"{block.where}: a yaml block is a whole file (first line `wfplan: 1` or the modeline) "
        "or is marked <!-- fragment -->"
    )
    plans = folder / "plans"
    plans.mkdir(parents=True)
    named = re.search(r"^plan: (\S+)$", block.text, re.M)
    if "\nkind: staffing" in block.text and named:
        for source in PLANS.glob("*.yaml"):
            if f"\nid: {named[1]}\n" in source.read_text("utf-8"):
                shutil.copy(source, plans)
    (plans / "docs-example.yaml").write_text(block.text, "utf-8")
    result = run("validate", "--strict", plans)
    assert (result.exit_code, result.stderr) == (0, ""), f"{block.where}:\n{result.stdout}"
    assert "no problems found" in result.stdout, f"{block.where}:\n{result.stdout}"


YAML_BLOCKS = _all("yaml")


@pytest.mark.parametrize("block", YAML_BLOCKS, ids=[b.where for b in YAML_BLOCKS])
def test_yaml_example_is_valid(block: Block, tmp_path: Path, run: Run) -> None:
    _check_yaml_block(block, tmp_path, run)


def test_a_plan_that_does_not_validate_fails_its_example(tmp_path: Path, run: Run) -> None:
    # The tour's example once held a title with commas inside {...}: it must not pass.
    broken = Block(
        REPO / "README.md",
        1,
        "yaml",
        "",
        "wfplan: 1\nid: x\ntitle: X\nthemes:\n  - {id: a, title: one, two}\n",
    )
    with pytest.raises(AssertionError):
        _check_yaml_block(broken, tmp_path, run)


TOML_BLOCKS = _all("toml")


@pytest.mark.parametrize("block", TOML_BLOCKS, ids=[b.where for b in TOML_BLOCKS])
def test_toml_example_is_a_configuration(block: Block, workdir: Path) -> None:
    # An unknown key or a wrong type would be a usage error here.
    (workdir / "wfplan.toml").write_text(block.text, "utf-8")
    written = tomllib.loads(block.text)
    settings = config.load()
    for key in ("due_within", "red_after", "labels"):
        if key in written:
            assert getattr(settings, key) == written[key], f"{block.where}: {key}"


# --- console blocks ------------------------------------------------------------------------


def _steps(block: Block) -> Iterator[tuple[str, list[str]]]:
    command: str | None = None
    expected: list[str] = []
    for line in block.text.rstrip("\n").split("\n"):
        if line.startswith("$ "):
            if command is not None:
                yield command, _trimmed(expected)
            command, expected = line[2:], []
        else:
            assert command is not None, f"{block.where}: output before any `$ ` command"
            expected.append(line)
    assert command is not None, f"{block.where}: no command"
    yield command, _trimmed(expected)


def _trimmed(lines: list[str]) -> list[str]:
    # A blank line may separate one command's output from the next command.
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _matches(expected: list[str], actual: list[str]) -> bool:
    """Line by line, trailing spaces ignored; a line `...` stands for any number of lines."""
    if not expected:
        return not actual
    if expected[0].strip() == "...":
        return any(_matches(expected[1:], actual[i:]) for i in range(len(actual) + 1))
    return (
        bool(actual)
        and expected[0].rstrip() == actual[0].rstrip()
        and _matches(expected[1:], actual[1:])
    )


def _run_wfplan(
    command: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> str:
    head = _HEAD.match(command)
    words = shlex.split(head["cmd"] if head else command)
    with monkeypatch.context() as scoped:
        while "=" in words[0]:
            name, value = words.pop(0).split("=", 1)
            scoped.setenv(name, value)
        assert words[0] == "wfplan", command
        main(words[1:])
    captured = capsys.readouterr()
    out = captured.out + captured.err
    if head:
        out = "".join(io.StringIO(out).readlines()[: int(head["n"])])
    return out


def _run_shell(command: str, folder: Path) -> str:
    # As on a terminal: stdout and stderr interleaved in the order they were written.
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    return done.stdout


def _working_copy(folder: Path) -> None:
    shutil.copytree(PLANS, folder / "plans")
    shutil.copytree(REPO / "schemas", folder / "schemas")
    git = ["git", "-c", "user.name=Docs", "-c", "user.email=docs@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    subprocess.run([*git, "-C", str(folder), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(folder), "commit", "-q", "-m", "plans"], check=True)


def _is_wfplan(command: str) -> bool:
    bare = _HEAD.sub(r"\g<cmd>", command)
    return bool(re.match(r"^(\w+=\S+ )*wfplan ", bare)) and not re.search(r"[|;&<>]", bare)


PAGES_WITH_CONSOLE = [page for page in PAGES if any(b.lang == "console" for b in _blocks(page))]


@pytest.mark.parametrize("page", PAGES_WITH_CONSOLE, ids=[p.name for p in PAGES_WITH_CONSOLE])
def test_console_examples_print_what_they_show(
    page: Path,
    workdir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _working_copy(workdir)
    capsys.readouterr()
    for block in _blocks(page):
        if block.marker.startswith("<!-- file: "):
            target = workdir / block.marker.removeprefix("<!-- file: ").removesuffix(" -->")
            target.write_text(block.text, "utf-8")
        if block.lang != "console":
            continue
        for command, expected in _steps(block):
            if _is_wfplan(command):
                output = _run_wfplan(command, capsys, monkeypatch)
            else:
                output = _run_shell(command, workdir)
            actual = output.rstrip("\n").split("\n") if output.strip() else []
            assert _matches(expected, actual), (
                f"{block.where}: $ {command}\n--- shown\n"
                + "\n".join(expected)
                + "\n--- printed\n"
                + "\n".join(actual)
            )


def test_elided_lines_match_anything_but_the_rest_must_match() -> None:
    assert _matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert _matches(["a", "...", "d"], ["a", "d"])
    assert not _matches(["a", "...", "d"], ["a", "b", "c"])
    assert not _matches(["a", "b"], ["a", "b", "c"])
