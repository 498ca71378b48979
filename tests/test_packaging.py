"""Templates and schemas are found by an installed wfplan, not only from a checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, Run
from workforce_cli import __version__, resources


def test_checkout_and_editable_install_find_the_root_folders() -> None:
    assert resources.templates_dir() in (REPO / "templates", resources._PACKAGE / "templates")
    assert (resources.schemas_dir() / "plan.schema.json").is_file()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("wfplan-*.whl"))


def test_wheel_ships_templates_and_schemas(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "workforce_cli/schemas/plan.schema.json" in names
    assert "workforce_cli/schemas/staffing.schema.json" in names
    shipped = {n for n in names if n.startswith("workforce_cli/templates/")}
    expected = {
        f"workforce_cli/templates/{p.relative_to(REPO / 'templates')}"
        for p in (REPO / "templates").rglob("*")
        if p.is_file()
    }
    assert shipped == expected


def test_installed_wheel_finds_its_resources(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "from workforce_cli import resources;"
        "print(resources.templates_dir()); print(resources.schemas_dir())"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.splitlines() == [
        str(target / "workforce_cli" / "templates"),
        str(target / "workforce_cli" / "schemas"),
    ]


def test_version(run: Run) -> None:
    assert run("--version").stdout == f"wfplan {__version__}\n"


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "workforce_cli", "--version"], capture_output=True, text=True
    )
    assert (done.returncode, done.stdout) == (0, f"wfplan {__version__}\n")


def _crash(monkeypatch: pytest.MonkeyPatch) -> None:
    from workforce_cli.commands import validate

    def broken(*args: object, **options: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(validate, "run", broken)
    monkeypatch.delenv("WFPLAN_TRACEBACK")
    monkeypatch.delenv("WFPLAN_DEBUG", raising=False)


def test_an_internal_error_is_one_line_and_a_log_not_a_traceback(
    run: Run,
    workdir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    # A crash log committed as a link into someone's home must not be followed.
    victim = workdir / "bashrc"
    victim.write_text("keep me\n", "utf-8")
    (workdir / "wfplan-crash.log").symlink_to(victim)
    _crash(monkeypatch)
    result = run("validate")
    assert (result.exit_code, result.stdout) == (3, "")
    (log,) = (cache / "wfplan").iterdir()
    assert log.name.startswith("wfplan-crash-") and log.suffix == ".log"
    assert result.stderr == (
        f"wfplan: internal error; details in {log}. This is a bug in wfplan, not in your "
        "plans: please report it with that file.\n"
    )
    assert "RuntimeError: a bug" in log.read_text("utf-8")
    assert victim.read_text("utf-8") == "keep me\n"
    assert sorted(p.name for p in workdir.iterdir()) == ["bashrc", "wfplan-crash.log"]


def test_without_a_cache_folder_the_log_goes_to_the_temp_folder(
    run: Run,
    workdir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tempfile

    not_a_folder = workdir / "cache-file"
    not_a_folder.write_text("", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    temp = tmp_path_factory.mktemp("temp")
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    _crash(monkeypatch)
    result = run("validate")
    (log,) = temp.iterdir()
    assert f"details in {log}." in result.stderr
    assert result.exit_code == 3


def test_wfplan_debug_prints_the_traceback_instead(
    run: Run,
    workdir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    _crash(monkeypatch)
    monkeypatch.setenv("WFPLAN_DEBUG", "1")
    result = run("validate")
    assert result.exit_code == 3
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert result.stderr.endswith(
        "RuntimeError: a bug\n"
        "wfplan: internal error (above). This is a bug in wfplan, not in your plans: "
        "please report it with that traceback.\n"
    )
    assert not (cache / "wfplan").exists()
