"""The HTML report: its data, its page (self-contained, nothing fetched), and the page as a browser draws it."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

import declutter
from declutter.cli import app
from declutter.decisions import Action, Decision
from declutter.report import document_entry, render_report, sample_entry

from .conftest import ROOT, SEEDS

runner = CliRunner()
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
HTML_PAGE = (
    "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Budget passes</h1>"
    "<p>The council approved the budget on Monday, after a long debate about roads and schools.</p>"
    "<p>Story continues below advertisement</p></article></body></html>"
)


def test_a_document_entry_counts_its_removals_and_elements() -> None:
    entry = document_entry("page.html", declutter.explain(HTML_PAGE), "html")
    assert entry["counts"]["removed"] == 1
    assert entry["marks"][0][2:4] == ["ADS001", "ad"]
    assert entry["lines"][entry["marks"][0][0]] == "Story continues below advertisement"
    assert entry["counts"]["elements"] == len(entry["elements"]) >= 1  # the <nav>, removed before the text


def test_a_sample_entry_marks_article_removed_and_residue_left() -> None:
    lines = ["Share", "The council met.", "Sign up", ""]
    drop = Decision(1, Action.DROP, "X001", "share", "test", 0, 16, "The council met.")
    share = Decision(0, Action.DROP, "SHR001", "share", "test", 0, 5, "Share")
    entry = sample_entry("s", lines, ["share", "body", "newsletter", ""], [share, drop])
    assert entry["outcomes"] == ["tp", "fp", "fn", ""]
    assert (entry["counts"]["lost"], entry["counts"]["left"]) == (1, 1)


def test_the_page_is_self_contained_and_fetches_nothing() -> None:
    text = "See https://example.com/x </script><script>alert(1)</script>\n\nShare\n"
    page = render_report([document_entry("a.txt", declutter.explain(text), "text", text)])
    assert "default-src 'none'" in page  # the browser may load nothing at all
    assert "://" not in page
    assert not re.search(r"""\s(?:src|href)\s*=|url\(|@import|<link\b""", page, re.IGNORECASE)
    assert page.lower().count("<script") == 2  # the data and the code: the document's text cannot add one
    assert "</script><script>alert" not in page


def test_report_command_writes_one_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(ROOT / "examples"), str(page), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 documents" in result.output
    assert "ADS001" in out.read_text(encoding="utf-8")


def test_score_report_shows_the_samples(tmp_path: Path) -> None:
    out = tmp_path / "score.html"
    result = runner.invoke(app, ["score", str(ROOT / "samples" / "dev"), "--report", str(out), "--errors", "0"])
    assert result.exit_code == 0, result.output
    assert '"kind":"sample"' in out.read_text(encoding="utf-8")


# --- in a browser -------------------------------------------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    """The headless browser, or a skip (a failure where CI asks for it with DECLUTTER_REQUIRE_CHROMIUM=1)."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "chromium is not installed (apt-get install chromium; .ci/run installs it)"
    if os.environ.get("DECLUTTER_REQUIRE_CHROMIUM") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def run_chromium(browser: str, tmp_path: Path, *args: str) -> str:
    profile = tmp_path / f"profile-{len(list(tmp_path.iterdir()))}"
    done = subprocess.run(
        [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the pixels of an 8-bit RGB or RGBA PNG (filters undone), read with zlib alone."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert (depth, color) in ((8, 2), (8, 6)), (depth, color)
    size = 3 if color == 2 else 4
    raw, stride = zlib.decompress(idat), width * size
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, corner = previous[x], previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[x] = (line[x] + near[2]) & 255
        rows.append(line)
        previous = line
    pixels = [bytes(row[x : x + 3]) for row in rows for x in range(0, stride, size)]
    return width, height, pixels


@pytest.mark.slow
def test_a_browser_draws_the_report_of_the_seeds(tmp_path: Path) -> None:
    browser = chromium()
    inputs = [str(p) for p in SEEDS] or [str(p) for p in EXAMPLES]
    report = tmp_path / "report.html"
    result = runner.invoke(app, ["report", *inputs, "-o", str(report)])
    assert result.exit_code == 0, result.output
    cleaner = declutter.Cleaner()
    expected = [cleaner.explain(Path(p).read_text(encoding="utf-8")) for p in inputs]

    dom = run_chromium(browser, tmp_path, "--dump-dom", report.as_uri())
    assert f'data-rendered="{len(inputs)}"' in dom  # the script ran to its end
    lines = sum(1 for p in inputs for line in Path(p).read_text(encoding="utf-8").split("\n") if line.strip())
    removed = sum(len({d.line for d in r.decisions if d.action is not Action.STRIP}) for r in expected)
    assert f"{len(inputs)} documents · {lines} lines · {removed} lines removed" in dom
    drawn_rules = re.findall(r'<tr class="removal" data-rule="([A-Z0-9]+)">', dom)
    assert sorted(drawn_rules) == sorted(d.rule_id for r in expected for d in r.decisions)  # every removal's rule
    assert re.search(r'class="ln gone"[^>]*title="[A-Z]{3}\d{3}', dom)  # a removed line, highlighted, says why

    shot = tmp_path / "report.png"
    run_chromium(browser, tmp_path, "--window-size=1000,700", f"--screenshot={shot}", report.as_uri())
    width, height, pixels = png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 700)
    colors = Counter(pixels)
    assert len(colors) > 50, len(colors)  # text, highlights and legend chips, not a blank page
    assert colors.most_common(1)[0][1] < 0.95 * len(pixels)  # and not one colour all over
