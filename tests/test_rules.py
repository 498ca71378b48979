"""The rule registry: one rule per code, each documented, each example run as it is printed."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, Run
from workforce_cli.checks import EXPLAIN_FORMATS, explain
from workforce_cli.checks.rule import Rule, parse
from workforce_cli.checks.rules import CHECKS, RULES, find
from workforce_cli.diagnostics import CODES
from workforce_cli.read import loader

SRC = REPO / "src" / "workforce_cli"
_FILE = re.compile(r"^# file: (\S+)\n", re.M)
_ENCODING = re.compile(r"^# example: saved as (\S+)$", re.M)
_PADDED = re.compile(r"^# example: padded to (\d+) MiB$", re.M)
_CONTROL = re.compile(r"^# example: each (\S+) is the control character U\+([0-9A-F]{4})$", re.M)
_NESTED = re.compile(r"^# example: nested (\d+) deep in notes$", re.M)
_PIPE = "# example: a named pipe\n"


def example_files(example: str) -> dict[str, bytes]:
    """An example's files as `rule.py` describes them: `# file:` lines and two directives."""
    pieces = _FILE.split(example)
    named = dict(zip(pieces[1::2], pieces[2::2], strict=True)) if len(pieces) > 1 else {}
    assert len(pieces) == 1 or pieces[0] == "", "text before the first `# file:` line"
    files: dict[str, bytes] = {}
    for name, text in (named or {"plans/example.yaml": example}).items():
        encoding = _ENCODING.search(text)
        data = text.encode(encoding.group(1) if encoding else "utf-8")
        control = _CONTROL.search(text)
        if control:
            data = data.replace(control[1].encode(), chr(int(control[2], 16)).encode())
        nested = _NESTED.search(text)
        if nested:
            depth = int(nested[1])
            data += b"notes: " + b"[" * depth + b"]" * depth + b"\n"
        padded = _PADDED.search(text)
        if padded:
            size = int(padded.group(1)) * 1024 * 1024
            line = b"# " + b"x" * 77 + b"\n"
            data += line * (size // len(line) + 1)
        files[name] = data
    return files


def write_example(folder: Path, example: str) -> None:
    for name, data in example_files(example).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        if data.startswith(_PIPE.encode()):
            os.mkfifo(folder / name)
        else:
            (folder / name).write_bytes(data)


def validate(run: Run, folder: Path, example: str) -> tuple[int, list[str]]:
    write_example(folder, example)
    result = run("validate", "--format", "json", folder / "plans")
    assert result.stderr == ""
    return result.exit_code, [d["code"] for d in json.loads(result.stdout)]


@pytest.mark.parametrize("code", list(RULES))
def test_the_failing_example_gives_exactly_its_code(code: str, run: Run, tmp_path: Path) -> None:
    rule = RULES[code]
    exit_code, codes = validate(run, tmp_path, rule.parts.fails)
    assert codes and set(codes) == {code}
    assert exit_code == (1 if rule.severity == "error" else 0)


@pytest.mark.parametrize("code", list(RULES))
def test_the_passing_example_gives_nothing(code: str, run: Run, tmp_path: Path) -> None:
    assert validate(run, tmp_path, RULES[code].parts.passes) == (0, [])


def test_every_code_is_a_rule_with_its_name_and_severity() -> None:
    assert list(RULES) == sorted(CODES)
    for code, rule in RULES.items():
        assert (rule.code, rule.name, rule.severity) == (
            code,
            CODES[code].name,
            CODES[code].severity,
        )
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), code
    assert len({r.name for r in RULES.values()}) == len(RULES)


def test_the_reader_and_the_suppressions_raise_exactly_the_rules_without_a_check() -> None:
    raised = set()
    for module in [*(SRC / "read").glob("*.py"), SRC / "checks" / "policy.py"]:
        raised.update(re.findall(r'"(WF\d{3})"', module.read_text("utf-8")))
    assert raised == {code for code, rule in RULES.items() if rule.check is None}
    assert len(CHECKS) == len(RULES) - len(raised)


def test_each_check_yields_only_its_own_code(tmp_path: Path) -> None:
    # Every rule's check on every example: a check that reported another rule's code would
    # make the registry lie about which function checks what.
    seen = set()
    for n, rule in enumerate(RULES.values()):
        for kind, example in (("fails", rule.parts.fails), ("passes", rule.parts.passes)):
            folder = tmp_path / f"{n}-{kind}"
            write_example(folder, example)
            for plan in loader.load([folder / "plans"]).plans:
                for other in RULES.values():
                    if other.check is not None:
                        found = {d.code for d in other.check(plan)}
                        assert found <= {other.code}, (other.code, found)
                        seen |= found
    assert seen == {code for code, r in RULES.items() if r.check is not None}


def test_documentation_without_its_parts_is_refused() -> None:
    with pytest.raises(ValueError, match="WF401: documentation needs what, Why:, Fails:"):
        parse("WF401", "A milestone is done.\n\nFails:\n\n    wfplan: 1\n")
    with pytest.raises(ValueError, match="WF999: no such code"):
        Rule("WF999", "x")


def test_examples_of_several_files_and_directives() -> None:
    two = example_files("# file: plans/a.yaml\nid: a\n# file: plans/b.yml\nid: b\n")
    assert two == {"plans/a.yaml": b"id: a\n", "plans/b.yml": b"id: b\n"}
    latin = example_files("# example: saved as windows-1252\ntitle: Caf\u00e9\n")
    assert latin["plans/example.yaml"].endswith(b"Caf\xe9\n")
    big = example_files("# example: padded to 3 MiB\nwfplan: 1\n")["plans/example.yaml"]
    assert 3 * 1024 * 1024 < len(big) < 3 * 1024 * 1024 + 100


EXPLAIN_WF406 = """\
WF406 action-without-due (error): an action without milestones has no `due`

An action without milestones has no `due`. Such an action is a milestone of its own,
and a milestone needs a deadline.

Why: without one it could never be overdue. Where the source gives no deadline, say
so: `due: ongoing` for continuing work, `due: tbc` where it is still to be agreed.

Fails:

    wfplan: 1
    id: example
    title: Example plan
    actions:
      - id: a1
        title: Keep a bank of agency staff

Passes:

    wfplan: 1
    id: example
    title: Example plan
    actions:
      - id: a1
        title: Keep a bank of agency staff
        due: ongoing
"""


@pytest.mark.parametrize("asked", ["WF406", "wf406", "action-without-due"])
def test_explain_prints_the_rules_documentation(asked: str, run: Run) -> None:
    result = run("explain", asked)
    assert (result.exit_code, result.stdout, result.stderr) == (0, EXPLAIN_WF406, "")


def test_explain_without_a_code_lists_every_rule(run: Run) -> None:
    result = run("explain")
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    assert lines[0].split() == ["code", "severity", "name", "summary"]
    assert lines[1].split(maxsplit=3) == [
        "WF001",
        "error",
        "file-too-large",
        "file too large (over 2 MiB, or the limit --max-file-size or max_file_size sets)",
    ]
    assert lines[35].split(maxsplit=3)[:3] == ["WF404", "warning", "reason-without-revised-due"]
    assert [line.split()[0] for line in lines[1 : len(RULES) + 1]] == list(RULES)
    assert lines[-1] == "`wfplan explain CODE` (or its name) shows a rule's documentation."


def test_explain_markdown_of_one_rule(run: Run) -> None:
    result = run("explain", "WF507", "--format", "md")
    assert result.stdout.startswith(
        "### WF507 `measure-without-direction`\n\n"
        "**warning**: a measure has figures but no `better: lower|higher`\n\n"
        "A measure has figures"
    )
    assert (
        "Fails with WF507:\n\n<!-- WF507 fails -->\n```yaml\nwfplan: 1\nid: example\n"
        in result.stdout
    )
    assert result.stdout.endswith(
        "    better: lower\n    baseline: {as_of: Feb 2021, value: 22}\n```\n"
    )


def test_explain_all_prints_every_rule(run: Run) -> None:
    text = run("explain", "--all").stdout
    assert re.findall(r"^(WF\d{3}) \S+ \((?:error|warning)\): ", text, re.M) == list(RULES)
    markdown = run("explain", "--all", "--format", "markdown").stdout
    assert re.findall(r"^### (WF\d{3}) ", markdown, re.M) == list(RULES)
    assert markdown.startswith(run("explain", "--format", "markdown").stdout)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["WF999"], 'unknown code "WF999": the codes are WF001-WF602; `wfplan explain` lists them'),
        (
            ["unknwn-key"],
            'unknown code "unknwn-key": the codes are WF001-WF602; did you mean "unknown-key"?',
        ),
        (["WF101", "--all"], "give a code or --all, not both"),
    ],
)
def test_explain_an_unknown_code_is_a_usage_error(args: list[str], message: str, run: Run) -> None:
    result = run("explain", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"wfplan: error: {message}\n",
    )


def test_explain_formats_match_its_registries() -> None:
    for registry in (explain.RULE_FORMATTERS, explain.LIST_FORMATTERS, explain.ALL_FORMATTERS):
        assert tuple(registry) == EXPLAIN_FORMATS
    assert find("WF101") is find(" unknown-key ") is RULES["WF101"]
    assert find("WF1") is None
