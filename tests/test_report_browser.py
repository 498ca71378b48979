"""The HTML report rendered by a real browser (headless Chromium): to a PNG and an A4 PDF,
and measured on a phone-sized (390 px) window.

Skipped where /usr/bin/chromium is absent (Debian: `apt-get install chromium`). The browser
runs with networking features off and a throw-away profile; the report needs no network.
The measurements come from a small script added to a copy of the report: it writes what it
finds into attributes of <body>, and `--dump-dom` hands the page back after it ran.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import escape, unescape
from pathlib import Path

import pytest

from tests.conftest import PLANS, SEEDS, Run

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


def chromium(profile: Path, *args: str) -> str:
    done = subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return done.stdout.decode("utf-8", "replace")


# The report is shown in a frame exactly as wide as the phone (a headless window cannot be
# made narrower than about 500 px), and measured from outside it. Every element must fit the
# frame, except inside a box that scrolls on its own (the box itself must fit). A word in a
# table cell must not be split over two lines: each word's pieces (text between whitespace,
# hyphens and slashes) must lie on one line.
MEASURE = """<script>
addEventListener("load", () => {
  const frame = document.querySelector("iframe");
  const document_ = document;
  const body = document_.body;
  {
  const document = frame.contentDocument;
  const vw = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.parentElement && el.parentElement.closest(".scroll");
    if (box) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > vw + 0.5 || r.left < -0.5) {
      wide.push(el.tagName + "." + (el.getAttribute("class") || "") + " " + Math.round(r.left)
        + ".." + Math.round(r.right));
    }
  }
  const broken = [];
  let words = 0;
  for (const cell of document.querySelectorAll("td, th")) {
    if (cell.getBoundingClientRect().width === 0) continue;
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      const pattern = /[^\\s\\-\\/\u2013\u2014]+/g;
      for (let m = pattern.exec(node.data); m; m = pattern.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
          .map(r => Math.round(r.top)));
        words += 1;
        if (tops.size > 1) broken.push(m[0]);
      }
    }
  }
  body.setAttribute("data-viewport", vw);
  body.setAttribute("data-scroll-width", document.documentElement.scrollWidth);
  body.setAttribute("data-wide", JSON.stringify(wide));
  body.setAttribute("data-broken", JSON.stringify(broken));
  body.setAttribute("data-words", words);
  body.setAttribute("data-narrow-charts", document.querySelectorAll(".chart-narrow svg").length);
  const widths = [...document.querySelectorAll("svg.chart")]
    .map(s => Math.round(s.getBoundingClientRect().width)).filter(w => w > 0);
  body.setAttribute("data-shown-charts", widths.join(","));
  }
});
</script>"""


def harness(html: str, width: int) -> str:
    """A page holding the report in a frame `width` pixels wide, and the measuring script."""
    frame = (
        f'<iframe style="width:{width}px;height:900px;border:0" '
        f'srcdoc="{escape(html, quote=True)}"></iframe>'
    )
    return f"<!DOCTYPE html><html><body style='margin:0'>{frame}{MEASURE}</body></html>"


def measure(workdir: Path, html: str, width: int) -> dict[str, str]:
    page = workdir / f"measure-{width}.html"
    page.write_text(harness(html, width), "utf-8")
    dom = chromium(
        workdir / "profile",
        # a phone's scroll bars overlay the page and take no width
        "--hide-scrollbars",
        f"--window-size={width + 200},900",
        "--dump-dom",
        page.as_uri(),
    )
    body = re.search(r"<body (style[^>]*)>", dom)
    assert body is not None, dom[:500]
    found = re.findall(r'(data-[a-z-]+)="([^"]*)"', body.group(1))
    return {name: unescape(value) for name, value in found}


def report_html(run: Run, *args: str | Path) -> str:
    result = run("report", *args, "-f", "html")
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


@pytest.mark.parametrize(
    "plans",
    ["rochdale-csf-2005", "dudley-csc-2021", "portfolio"],
)
def test_on_a_phone_nothing_is_wider_than_the_screen_and_no_word_is_split(
    workdir: Path, run: Run, plans: str
) -> None:
    if plans == "portfolio":
        html = report_html(run, PLANS, "--as-of", "2006-04-01")
    else:
        html = report_html(run, PLANS / f"{plans}.yaml", "--as-of", SEEDS[plans])
    found = measure(workdir, html, 390)
    assert found["data-viewport"] == "390"
    assert int(found["data-scroll-width"]) <= 390
    assert json.loads(found["data-wide"]) == []
    assert int(found["data-words"]) > 200  # the cells were measured
    assert json.loads(found["data-broken"]) == []
    # the narrow drawing of each chart is the one shown, at about its own size (360 px):
    # its 11px text stays at least 10px
    shown = [int(w) for w in found["data-shown-charts"].split(",") if w]
    assert shown and all(w >= 330 for w in shown), shown
    assert len(shown) == int(found["data-narrow-charts"])


def test_on_a_wide_screen_the_wide_charts_are_shown(workdir: Path, run: Run) -> None:
    html = report_html(run, PLANS / "dudley-csc-2021.yaml", "--as-of", "2021-12-10")
    found = measure(workdir, html, 1280)
    assert found["data-shown-charts"] == "640,640"
    assert json.loads(found["data-wide"]) == []
    assert json.loads(found["data-broken"]) == []


def test_printed_pages_say_page_x_of_y_and_the_plan_title(workdir: Path, run: Run) -> None:
    report = workdir / "rochdale.html"
    html = report_html(run, PLANS / "rochdale-csf-2005.yaml", "--as-of", "2006-04-01")
    report.write_text(html, "utf-8")
    pdf = workdir / "rochdale.pdf"
    chromium(workdir / "profile", f"--print-to-pdf={pdf}", report.as_uri())
    pages = len(re.findall(rb"/Type /Page\b", pdf.read_bytes()))
    assert pages >= 5
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed: page text not read")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    sheets = text.split("\f")[:pages]
    for number, sheet in enumerate(sheets, start=1):
        assert f"Page {number} of {pages}" in sheet
        assert sheet.lstrip().startswith("Workforce Strategy")
        assert "As of 1 Apr 2006" in sheet


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
