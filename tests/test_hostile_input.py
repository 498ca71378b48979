"""Whatever a file holds, `wfplan validate` answers with diagnostics at a line: never a crash,
a hang, a segmentation fault or memory without end. (Time and memory are measured by hand
with /usr/bin/time; see the README's "What bad input gets". The tests assert the answers.)"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from tests.conftest import Run, write
from workforce_cli.read import yaml as yamlio

HEAD = "wfplan: 1\nid: example\ntitle: Example plan\n"


def _validate(run: Run, workdir: Path, text: str | bytes) -> list[str]:
    path = workdir / "plans" / "p.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    result = run("validate", "plans")
    assert result.exit_code == 1, result.stdout
    return result.stdout.splitlines()


def test_a_nul_byte_is_a_diagnostic_at_its_place(run: Run, workdir: Path) -> None:
    lines = _validate(run, workdir, HEAD + "notes: a\x00b\n")
    assert lines[0] == (
        "plans/p.yaml:4:9: error WF010 control character U+0000 (NUL) in the file; YAML text "
        "cannot hold it"
    )


@pytest.mark.parametrize(("char", "name"), [("\x1b", "U+001B (ESC)"), ("\x7f", "U+007F (DEL)")])
def test_other_control_characters_too(run: Run, workdir: Path, char: str, name: str) -> None:
    lines = _validate(run, workdir, HEAD + f'notes: "quoted {char} text"\n')
    assert lines[0].startswith(f"plans/p.yaml:4:16: error WF010 control character {name} ")


@pytest.mark.parametrize(
    ("body", "position"),
    [
        ("notes: " + "[" * 5000 + "]" * 5000, "4:207"),  # RecursionError before
        ("notes: " + "[" * 30000, "4:207"),  # libyaml's composer overflowed the C stack
        ("notes:\n" + "- " * 30000 + "x", "5:399"),
        ("notes:\u2028" + "- " * 30000 + "x", "5:399"),  # a line separator: libyaml breaks there
        ("notes:\r" + "- " * 30000 + "x", "5:399"),
        ("notes: " + '[ "]", ' * 300 + "x" + "]" * 300, "4:1401"),  # quotes mislead the count
    ],
)
def test_deep_nesting_is_refused_with_a_line(
    run: Run, workdir: Path, body: str, position: str
) -> None:
    lines = _validate(run, workdir, HEAD + body + "\n")
    assert lines[0] == (
        f"plans/p.yaml:{position}: error WF011 lists and mappings are nested more than 200 deep "
        "here"
    )


def test_the_walk_to_data_does_not_recurse() -> None:
    from workforce_cli.read.yaml_data import MAP_TAG, SEQ_TAG, STR_TAG

    # 5,000 levels built by hand (the text guard refuses them before any composer sees them).
    mark = yamlio.compose("a: b\n").start_mark  # type: ignore[union-attr]
    node: MappingNode | SequenceNode = SequenceNode(SEQ_TAG, [], mark, mark)
    for _ in range(5000):
        node = MappingNode(MAP_TAG, [(ScalarNode(STR_TAG, "k", mark, mark), node)], mark, mark)
    data, problems = yamlio.to_data(node)
    assert [p.code for p in problems] == ["WF011"]
    depth = 0
    while isinstance(data, dict):
        data, depth = data["k"], depth + 1
    assert depth == 200  # the top mapping is the first level


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("9" * 5000, "99999999999999999999... is written with 5,000 characters"),
        (".nan", ".nan is not a number (NaN)"),
        (".inf", ".inf is infinite"),
        ("1e308", "1e308 is too large"),
        ("1000000000000000", "1000000000000000 is too large"),
    ],
)
def test_numbers_no_figure_can_be(run: Run, workdir: Path, value: str, message: str) -> None:
    text = HEAD + (
        "staffing:\n  snapshots:\n    - as_of: Feb 2021\n      teams:\n"
        f"        - {{team: A, permanent: {value}, agency: 0, vacant: 0}}\n"
    )
    lines = _validate(run, workdir, text)
    assert lines[0] == (
        f"plans/p.yaml:8:32: error WF014 {message}; numbers in a plan are finite and less than "
        "1,000,000,000,000,000"
    )
    assert "negative" not in "\n".join(lines)


def test_a_named_pipe_is_not_read(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "ok.yaml", HEAD)
    os.mkfifo(workdir / "plans" / "pipe.yaml")  # reading it would wait for a writer forever
    result = run("validate", "plans")
    assert result.stdout.splitlines()[0:2] == [
        "plans/pipe.yaml:1:1: error WF009 this is a named pipe (FIFO), not a regular file; it "
        "was not read",
        "    hint: plan folders hold plan files only; remove it, or replace it with the file "
        "itself",
    ]
    assert result.exit_code == 1


def test_a_link_to_a_device_is_not_read(run: Run, workdir: Path) -> None:
    (workdir / "plans").mkdir()
    (workdir / "plans" / "zero.yaml").symlink_to("/dev/zero")  # reads without end
    result = run("validate", "plans")
    assert result.stdout.splitlines()[0] == (
        "plans/zero.yaml:1:1: error WF009 this is a symbolic link to a device, not a regular "
        "file; it was not read"
    )


def test_a_link_to_a_plan_is_read(run: Run, workdir: Path) -> None:
    write(workdir / "elsewhere.yaml", HEAD)
    (workdir / "plans").mkdir()
    (workdir / "plans" / "p.yaml").symlink_to(workdir / "elsewhere.yaml")
    assert run("validate", "plans").stdout == "1 file checked: no problems found\n"


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's /proc")
def test_the_size_limit_holds_while_reading() -> None:
    from workforce_cli.read import files

    # /proc files say they are empty and are not: only a limit applied while reading holds.
    with pytest.raises(files.FileRefused) as refused:
        files.read_limited(Path("/proc/self/maps"), 16)
    assert refused.value.code == "WF001"
    assert refused.value.message == (
        "file grew past the limit while it was read; plan files are limited to 16 bytes"
    )


def test_unquoted_ratio_in_a_flow_mapping_is_yaml_1_2(run: Run, workdir: Path) -> None:
    # libyaml (YAML 1.1) refuses `80:20` here; the YAML 1.2 reading accepts it, as text.
    write(
        workdir / "plans" / "p.yaml",
        HEAD + "targets:\n  - {id: t1, metric: permanent_share, value: 80:20, by: 2022}\n",
    )
    result = run("validate", "plans")
    assert (result.stdout, result.exit_code) == ("1 file checked: no problems found\n", 0)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'notes: "value"# a comment\n',
            "plans/p.yaml:4:15: error WF004 YAML syntax error: a comment needs a space before "
            "its #",
        ),
        (
            "owner: [HR,\nFinance]\n",
            "plans/p.yaml:5:1: error WF004 YAML syntax error: this line continues the list or "
            "mapping that starts at line 4, but is not indented further than the key it "
            "belongs to",
        ),
        (
            'notes: "one\nline"\n',
            "plans/p.yaml:5:1: error WF004 YAML syntax error: this line continues the quoted "
            "text that starts at line 4, but is not indented further than the key it belongs to",
        ),
        (
            "owner: [-]\n",
            'plans/p.yaml:4:9: error WF004 YAML syntax error: "-" alone is an indicator, not '
            "a value",
        ),
    ],
)
def test_invalid_yaml_that_libyaml_lets_through(
    run: Run, workdir: Path, body: str, expected: str
) -> None:
    assert _validate(run, workdir, HEAD + body)[0] == expected


def test_a_byte_order_mark_and_crlf_are_read(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", "")
    (workdir / "plans" / "p.yaml").write_bytes(
        b"\xef\xbb\xbf" + HEAD.replace("\n", "\r\n").encode()
    )
    assert run("validate", "plans").stdout == "1 file checked: no problems found\n"


def test_a_long_dependency_chain_and_cycle(run: Run, workdir: Path) -> None:
    count = 10_000
    actions = "".join(
        f"  - {{id: a{i}, title: A, due: 2022, depends_on: [a{(i + 1) % count}]}}\n"
        for i in range(count)
    )
    lines = _validate(run, workdir, HEAD + "actions:\n" + actions)
    assert lines[0] == (
        "plans/p.yaml:5:47: error WF306 dependency cycle: a0 -> a1 -> a2 -> a3 -> a4 -> "
        "(9,992 more) -> a9997 -> a9998 -> a9999 -> a0"
    )
    chain = actions.replace(f"depends_on: [a{0}]", "depends_on: []")
    path = workdir / "plans" / "p.yaml"
    path.write_text(HEAD + "actions:\n" + chain, "utf-8")
    result = run("validate", "plans")
    assert (result.stdout, result.exit_code) == ("1 file checked: no problems found\n", 0)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX links")
def test_reading_commands_refuse_a_pipe_with_a_message(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "ok.yaml", HEAD)
    os.mkfifo(workdir / "plans" / "pipe.yaml")
    result = run("done", "a1", "--plan", "example")
    assert result.exit_code == 2
    assert "plans/pipe.yaml" in result.stderr
    assert "named pipe (FIFO), not a regular file" in result.stderr


def test_a_title_cut_at_its_commas_says_so(run: Run, workdir: Path) -> None:
    # The README's tour once wrote this: valid YAML, but surely not what was meant.
    text = HEAD + (
        "themes:\n  - {id: recruitment, title: To provide a customer focused, first class, "
        "cost effective recruitment service}\n"
    )
    lines = _validate(run, workdir, text)
    assert lines[0:2] == [
        'plans/p.yaml:5:61: error WF101 unknown key "first class" in theme "recruitment"',
        '    hint: inside {...} a comma ends a value, so `title` stops at "To provide a customer '
        'focused" and "first class" is read as a key; put the whole value in quotes: title: '
        '"To provide a customer focused, first class, cost effective recruitment service"',
    ]


def test_unknown_keys_past_a_thousand_list_the_allowed_keys(run: Run, workdir: Path) -> None:
    text = HEAD + "".join(f"titel{i}: x\n" for i in range(1001))
    lines = _validate(run, workdir, text)
    assert lines[1] == '    hint: did you mean "title"?'
    assert lines[-3] == 'plans/p.yaml:1004:1: error WF101 unknown key "titel1000"'
    assert lines[-2].startswith("    hint: allowed keys here: wfplan, kind, id, title, ")


def test_a_csv_cell_of_5000_digits_is_refused(run: Run, workdir: Path) -> None:
    write(workdir / "plans" / "p.yaml", HEAD)
    write(workdir / "hr.csv", "team,permanent,agency,vacant\nNorth," + "9" * 5000 + ",1,1\n")
    result = run("snapshot", "add", "--plan", "example", "--as-of", "Apr 2021", "hr.csv")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        # The cell is quoted to its first 12 characters: a 5000-digit line helps nobody.
        'wfplan: error: hr.csv: row 2, column "permanent": "' + "9" * 12 + '…" is too large; '
        "staffing figures are less than 1,000,000,000,000,000"
    )


EXTREMES = HEAD + (
    "period: {start: 1900-01-01, end: +299 years}\n"
    "actions:\n"
    "  - {id: a1, title: A, due: 31 Dec 2199}\n"
    "  - {id: a2, title: B, due: +299 years}\n"
    "  - {id: a3, title: C, due: 1900-01-01}\n"
    "  - {id: a4, title: D, due: Q4 2199, status: done, done_on: 1 Jan 1900}\n"
    "staffing:\n"
    "  snapshots:\n"
    "    - as_of: 1900-01-01\n"
    "      teams: [{team: A, permanent: 1, agency: 0, vacant: 0}]\n"
    "targets:\n"
    "  - {id: t1, metric: permanent_share, value: 90%, by: 2199-12-31}\n"
)


@pytest.mark.parametrize(
    ("due", "message"),
    [
        ("31 Dec 9999", '"31 Dec 9999" is after the years a plan can name (1900 to 2199)'),
        ("0001-01-01", '"0001-01-01" is before the years a plan can name (1900 to 2199)'),
        ("+9999 years", '"+9999 years" is outside the years a plan can name (1900 to 2199)'),
        ("+200 years", '"+200 years" is after the years a plan can name (1900 to 2199)'),
    ],
)
def test_dates_no_command_could_use_are_refused(
    run: Run, workdir: Path, due: str, message: str
) -> None:
    text = HEAD + f"period: {{start: 2000-01-01}}\nactions:\n  - {{id: a1, title: A, due: {due}}}\n"
    assert _validate(run, workdir, text)[0] == f"plans/p.yaml:6:29: error WF203 {message}"


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["overdue"],
        ["staffing"],
        ["report", "--format", "md"],
        ["report", "--format", "html"],
        ["calendar"],
        ["status", "--format", "json"],
    ],
)
@pytest.mark.parametrize("as_of", ["1900-01-01", "2199-12-31"])
def test_every_date_that_validates_works_in_every_command(
    run: Run, workdir: Path, command: list[str], as_of: str
) -> None:
    write(workdir / "plans" / "p.yaml", EXTREMES)
    assert run("validate", "plans").exit_code == 0
    result = run(*command, "plans", "--as-of", as_of)
    assert result.exit_code in (0, 1), result.stderr


def test_a_long_file_gets_no_second_reading(run: Run, workdir: Path) -> None:
    # Past 256 KB, what libyaml refuses is a syntax error, even where YAML 1.2 would read it:
    # the pure-Python parser would take seconds a megabyte.
    padding = "".join(f"# padding line {i:06d} .........................\n" for i in range(6000))
    text = (
        HEAD + padding + "targets:\n  - {id: t1, metric: permanent_share, value: 80:20, by: 2022}\n"
    )
    assert len(text) > 256 * 1024
    assert _validate(run, workdir, text)[0] == (
        "plans/p.yaml:6005:48: error WF004 YAML syntax error: found unexpected ':' while "
        "scanning a plain scalar"
    )


def test_a_committed_blob_over_the_limit_is_not_read(
    run: Run, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.diffrepo import PLAN, git

    git(workdir, "-c", "init.defaultBranch=main", "init", "-q")
    write(workdir / "plans" / "demo.yaml", PLAN)
    git(workdir, "add", "-A")
    git(workdir, "commit", "-q", "-m", "base")
    write(workdir / "plans" / "big.yaml", HEAD + "# padding\n" * 300_000)  # 2.9 MiB
    git(workdir, "add", "-A")
    git(workdir, "commit", "-q", "-m", "a big file")
    result = run("diff", "HEAD~1", "HEAD", "plans")
    assert result.stdout.splitlines()[-1] == (
        "  fails to load at the head revision: 1 error; first: plans/big.yaml:1:1: WF001 file is "
        "2.9 MiB; plan files are limited to 2 MiB"
    )
    from workforce_cli.read import git as gitfiles

    monkeypatch.chdir(workdir)
    blob = git(workdir, "rev-parse", "HEAD:plans/big.yaml").strip()
    content = gitfiles.read_blobs([blob])[blob]
    assert (content, getattr(content, "size", None)) == (b"", 3_000_042)  # never read


def test_import_refuses_a_pipe(run: Run, workdir: Path) -> None:
    os.mkfifo(workdir / "plan.csv")
    result = run("import", "plan.csv")
    assert result.exit_code != 0
    assert "plan.csv: this is a named pipe (FIFO), not a regular file; it was not read" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ('"1e308"', '`permanent` is too large ("1e308")'),
        ('"nan"', '`permanent` is not a finite number ("nan")'),
        ('"inf"', '`permanent` is not a finite number ("inf")'),
    ],
)
def test_numbers_in_quotes_that_pydantic_converts(
    run: Run, workdir: Path, value: str, message: str
) -> None:
    # Quoted, they pass the loader as text; the models convert them, and refuse them too.
    text = HEAD + (
        "staffing:\n  snapshots:\n    - as_of: Feb 2021\n      teams:\n"
        f"        - {{team: A, permanent: {value}, agency: 0, vacant: 0}}\n"
    )
    assert _validate(run, workdir, text)[0] == (
        f'plans/p.yaml:8:32: error WF104 {message} in team row "A"; numbers in a plan are finite '
        "and less than 1,000,000,000,000,000"
    )
