"""The HTML report rendered by a real browser (headless Chromium) to a PNG and an A4 PDF.

Skipped where /usr/bin/chromium is absent (Debian: `apt-get install chromium`). The browser
runs with networking features off and a throw-away profile; the report needs no network.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PLANS, Run

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed (/usr/bin/chromium)"
)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-pdf-header-footer",
)


def chromium(profile: Path, *args: str) -> None:
    subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_the_html_report_renders_to_png_and_a4_pdf(workdir: Path, run: Run) -> None:
    report = workdir / "dudley.html"
    result = run(
        "report", PLANS / "dudley-csc-2021.yaml", "-f", "html", "--as-of", "2021-12-10",
        "--output", report,
    )  # fmt: skip
    assert result.exit_code == 0
    png, pdf = workdir / "dudley.png", workdir / "dudley.pdf"
    chromium(workdir / "profile", f"--screenshot={png}", "--window-size=1240,1754", report.as_uri())
    chromium(workdir / "profile", f"--print-to-pdf={pdf}", report.as_uri())
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 20_000  # a blank page is a few KB
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # A4 is 595 x 842 points (Chromium writes 594.95996 841.91998): @page size is honoured
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data))
    assert boxes and all(round(float(w)) == 595 and round(float(h)) == 842 for w, h in boxes)
    assert len(re.findall(rb"/Type /Page\b", data)) >= 2
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(workdir / "p")],
            check=True,
            timeout=60,
        )
        assert list(workdir.glob("p-*1.png"))
