"""The size limit of a plan file: 2 MiB, lifted by `--max-file-size` or `max_file_size`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, write
from workforce_cli.config import format_size, parse_size

HEAD = "wfplan: 1\nid: example\ntitle: Example plan\n"
PADDED = HEAD + "# padding\n" * 300_000  # 3,000,042 bytes: 2.9 MiB, 3.0 MB
SIZES = (
    "a number of bytes, or a number and a unit (KB, MB, GB: powers of 1000; KiB, MiB, GiB: "
    'powers of 1024), such as "20MB" or "50MiB"'
)


def refused(size: str, limit: str, lifted: str = "4MB") -> str:
    return (
        f"plans/big.yaml:1:1: error WF001 file is {size}; plan files are limited to {limit}\n"
        "    hint: split the plan, or move staffing snapshots into staffing files; or lift the "
        f"limit with --max-file-size {lifted} (or max_file_size in wfplan.toml)\n"
        "1 file checked: 1 error, 0 warnings\n"
    )


@pytest.fixture
def big(workdir: Path) -> Path:
    return write(workdir / "plans" / "big.yaml", PADDED)


def test_a_file_over_the_limit_says_how_to_lift_it(run: Run, big: Path) -> None:
    result = run("validate")
    assert (result.exit_code, result.stdout) == (1, refused("2.9 MiB", "2 MiB"))


def test_the_option_lifts_the_limit(run: Run, big: Path) -> None:
    result = run("validate", "--max-file-size", "4MB")
    assert (result.exit_code, result.stdout) == (0, "1 file checked: no problems found\n")
    assert run("validate", "--max-file-size", "3000042").exit_code == 0  # exactly its size


def test_a_limit_just_under_the_file_is_shown_in_its_own_unit(run: Run, big: Path) -> None:
    result = run("validate", "--max-file-size", "3000041")
    assert result.stdout == refused("3000042 bytes", "3000041 bytes")
    result = run("validate", "--max-file-size", "2.5MB")
    assert result.stdout == refused("3.0 MB", "2.5 MB")


def test_the_setting_lifts_the_limit_and_the_option_overrides_it(
    run: Run, workdir: Path, big: Path
) -> None:
    write(workdir / "wfplan.toml", 'max_file_size = "3MiB"\n')
    assert run("validate").stdout == "1 file checked: no problems found\n"
    result = run("validate", "--max-file-size", "1MB")
    assert (result.exit_code, result.stdout) == (1, refused("3.0 MB", "1 MB"))
    write(workdir / "wfplan.toml", "max_file_size = 3000000\n")  # a TOML number: bytes
    assert run("validate").stdout == refused("3.0 MB", "3 MB")
    assert run("validate", "--max-file-size", "10MiB").exit_code == 0


def test_every_reading_command_takes_the_option(run: Run, big: Path) -> None:
    for command in ("status", "overdue", "staffing", "report", "calendar"):
        result = run(command, "--as-of", "2022-01-01", "--max-file-size", "4MB")
        assert result.exit_code == 0, (command, result.stderr)
        refused_run = run(command, "--as-of", "2022-01-01")
        assert refused_run.exit_code == 1, command
        assert refused_run.stderr.startswith(
            "plans/big.yaml:1:1: error WF001 file is 2.9 MiB; plan files are limited to 2 MiB\n"
        ), command


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("20XB", f'"20XB" is not a size; give {SIZES}'),
        ("lots", f'"lots" is not a size; give {SIZES}'),
        ("-5MB", f'"-5MB" is not a size; give {SIZES}'),
        ("1e6", f'"1e6" is not a size; give {SIZES}'),
        ("0", '"0" is less than 1 byte; give a size such as "20MB"'),
        ("0.5B", '"0.5B" is less than 1 byte; give a size such as "20MB"'),
    ],
)
def test_a_bad_size_is_a_usage_error(run: Run, big: Path, value: str, message: str) -> None:
    result = run("validate", "--max-file-size", value)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.endswith(f"Error: Invalid value for '--max-file-size': {message}\n")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('"20 XB"', f'`max_file_size`: "20 XB" is not a size; give {SIZES}'),
        ("0", '`max_file_size`: "0" is less than 1 byte; give a size such as "20MB"'),
        ("true", f"`max_file_size` must be {SIZES}"),
        ("2.5", f"`max_file_size` must be {SIZES}"),
    ],
)
def test_a_bad_setting_is_a_usage_error(
    run: Run, workdir: Path, big: Path, setting: str, message: str
) -> None:
    write(workdir / "wfplan.toml", f"max_file_size = {setting}\n")
    result = run("status")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"wfplan: error: wfplan.toml: {message}\n"


def test_sizes_read_and_written() -> None:
    assert [parse_size(t) for t in ("20MB", "50MiB", "2.5 MB", "25000000", "20mb", "1 GiB")] == [
        20_000_000,
        52_428_800,
        2_500_000,
        25_000_000,
        20_000_000,
        1024**3,
    ]
    assert parse_size("1.1MB") == 1_100_000  # exact: no float rounding down to 1,099,999
    shown = [format_size(n) for n in (2 * 1024**2, 20_000_000, 2_500_000, 1_234_567, 1, 1500)]
    assert shown == ["2 MiB", "20 MB", "2.5 MB", "1234567 bytes", "1 byte", "1.5 KB"]


def test_diff_reads_a_committed_file_over_the_limit_with_the_option(
    run: Run, workdir: Path
) -> None:
    from tests.diffrepo import PLAN, git

    git(workdir, "-c", "init.defaultBranch=main", "init", "-q")
    write(workdir / "plans" / "demo.yaml", PLAN)
    git(workdir, "add", "-A")
    git(workdir, "commit", "-q", "-m", "base")
    write(workdir / "plans" / "big.yaml", PADDED)
    git(workdir, "add", "-A")
    git(workdir, "commit", "-q", "-m", "a big file")
    result = run("diff", "HEAD~1", "HEAD", "plans")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        "  fails to load at the head revision: 1 error; first: plans/big.yaml:1:1: WF001 file is "
        "2.9 MiB; plan files are limited to 2 MiB"
    )
    lifted = run("diff", "HEAD~1", "HEAD", "plans", "--max-file-size", "3MiB")
    assert lifted.exit_code == 0
    assert "added" in lifted.stdout and "WF001" not in lifted.stdout


def test_the_editing_commands_follow_the_setting(run: Run, workdir: Path) -> None:
    plan = HEAD + "actions:\n  - {id: a1, title: First, due: 2030-01-01}\n"
    write(workdir / "plans" / "big.yaml", plan + "# padding\n" * 300_000)
    result = run("done", "a1", "--on", "2029-12-01")
    assert result.exit_code == 2
    assert result.stderr == (
        "wfplan: error: cannot read plans/big.yaml: file is 2.9 MiB; plan files are limited "
        "to 2 MiB\n"
    )
    write(workdir / "wfplan.toml", 'max_file_size = "4MB"\n')
    assert run("done", "a1", "--on", "2029-12-01").exit_code == 0
    assert "status: done" in (workdir / "plans" / "big.yaml").read_text("utf-8")


def test_new_finds_an_id_taken_in_a_file_the_setting_lets_it_read(
    run: Run, workdir: Path, big: Path
) -> None:
    write(workdir / "wfplan.toml", 'max_file_size = "4MB"\n')
    result = run("new", "example", "--title", "Another")
    assert (result.exit_code, result.stderr) == (
        2,
        'wfplan: error: plan id "example" is already used by plans/big.yaml\n',
    )
