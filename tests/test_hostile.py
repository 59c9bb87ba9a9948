"""Hostile input: whatever the web returns is cleaned or refused with a message, never a crash or a hang."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from declutter import RuleSet, clean, explain
from declutter.checks import lint_breadth
from declutter.inputs import decode_html
from declutter.samples import load_samples

from .conftest import ROOT

TAGS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<b>",
        "<br>",
        "<script>",
        "</script>",
        "<table><tr><td>",
        "<!--",
        "-->",
        "<a href='x'>",
        "</a>",
        "<h1>",
        "<li>",
        "<nav>",
        "</nav>",
        "&amp;",
        "&#0;",
        "&#1;",
        "&#x1f;",
        "<![CDATA[",
        "]]>",
        "<?php ?>",
        "<html>",
        "<body>",
        "\x00",
        "\ud800",
        "\x1f",
        "\x0b",
        "\ufffe",
    ]
)
SOUP = st.lists(TAGS | st.text(max_size=20), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOUP)
def test_random_tag_soup_never_raises(html: str) -> None:
    result = explain("<html><body>" + html, input_format="html")
    assert isinstance(result.text, str)
    assert explain(html).text == explain(html).text


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_any_text_is_cleaned_without_raising(text: str) -> None:
    cleaned = clean(text, input_format="text")
    assert clean(cleaned, input_format="text") == cleaned


def test_entities_are_never_expanded_or_fetched() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10 if n > 1 else "&lol;" * 10}">' for n in range(1, 10)
        )
        + "]><html><body><p>&lol9; The council met on Monday.</p></body></html>"
    )
    start = time.perf_counter()
    text = explain(laughs, input_format="html").text
    assert time.perf_counter() - start < 5
    assert "lollol" not in text
    xxe = (
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'
        "<html><body><p>Before &xxe; after, the council met.</p></body></html>"
    )
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").exists() else "\0"
    assert hostname not in explain(xxe, input_format="html").text


def test_very_deep_nesting_is_flattened_not_lost() -> None:
    deep = "<html><body>" + "<div>" * 100_000 + "<p>Deep text survives.</p>" + "</div>" * 100_000 + "</body></html>"
    start = time.perf_counter()
    assert "Deep text survives." in explain(deep, input_format="html").text
    assert time.perf_counter() - start < 30


def test_nul_bytes_and_lone_surrogates_in_library_input() -> None:
    assert "Before after" in clean("<html><body><p>Before\x00 after</p></body></html>").replace("  ", " ")
    assert clean("Share\n\nText with a lone \ud800 surrogate.\n") == "Text with a lone \ud800 surrogate.\n"


@pytest.mark.parametrize("encoding", ["shift_jis", "gb18030", "iso-8859-1", "windows-1251"])
def test_declared_charsets(encoding: str) -> None:
    text = {
        "shift_jis": "日本語の記事です。",
        "gb18030": "这是一篇中文文章。",
        "iso-8859-1": "Ça coûte cher, dit-il.",
        "windows-1251": "Это статья на русском.",
    }[encoding]
    page = f'<html><head><meta charset="{encoding}"></head><body><p>{text}</p></body></html>'.encode(encoding)
    decoded, _ = decode_html(page, "x.html")
    assert text in decoded


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "declutter", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def test_a_huge_file_is_refused_by_size_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MiB on paper, nothing read
    result = cli("clean", "big.html", cwd=tmp_path)
    assert result.returncode == 1
    assert "over the 64 MiB limit" in result.stderr  # the unit the default is set in


def _interrupt(args: list[str], cwd: Path, signum: int, started: Callable[[], bool]) -> tuple[int, str]:
    """Run declutter, send it ``signum`` once ``started()`` holds, and return its exit code and standard error."""
    process = subprocess.Popen(
        [sys.executable, "-m", "declutter", *args],
        cwd=cwd,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        # A shell's background job (a CI script run with '&') starts with SIGINT ignored, and the run would
        # inherit that: the test asks what declutter does with the signal, so the signal gets its default.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 60
        while not started() and time.monotonic() < deadline:
            time.sleep(0.05)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
    finally:  # a loaded machine must not leave the run behind, to be blamed on a later test
        process.kill()
        process.wait()
        if process.stderr:
            process.stderr.close()
    return process.returncode, stderr


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_batch_leaves_no_partial_output(tmp_path: Path, signum: int, status: int) -> None:
    """SIGTERM exits 128 + 15, as a shell shows a tool the signal killed (it was 130, Ctrl-C's)."""
    rows = "\n".join(
        json.dumps({"text": "Share\n\nThe council met on Monday to approve the budget.\n" * 50}) for _ in range(20000)
    )
    (tmp_path / "in.jsonl").write_text(rows + "\n", encoding="utf-8")
    code, stderr = _interrupt(
        ["clean", "--jsonl", "in.jsonl", "-o", "out.jsonl", "-q"],
        tmp_path,
        signum,
        lambda: len(list(tmp_path.iterdir())) >= 2,  # its partial output exists
    )
    assert code == status, stderr
    assert "interrupted: outputs written so far are complete" in stderr  # typer swallowed it
    assert not (tmp_path / "out.jsonl").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]


def test_an_interrupted_directory_leaves_only_whole_outputs(tmp_path: Path) -> None:
    """Ctrl-C in the middle of a directory: every output written is whole, no temporary file is left."""
    text = "Share\n\n" + "The council met on Monday to approve the budget for the roads.\n\n" * 400
    (tmp_path / "in").mkdir()
    for number in range(300):
        (tmp_path / "in" / f"{number:03}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code, stderr = _interrupt(
        ["clean", "in", "-o", "out", "-q"],
        tmp_path,
        signal.SIGINT,
        # whole outputs only: a temporary '.NAME.tmp' being written counted, and an interrupt then left 2 outputs
        lambda: out.is_dir() and sum(path.suffix == ".txt" for path in out.iterdir()) >= 3,
    )
    assert code == 130, stderr
    assert "interrupted: outputs written so far are complete; rerun to continue" in stderr
    written = sorted(out.iterdir())
    assert 3 <= len(written) < 300
    expected = clean(text)
    assert all(path.suffix == ".txt" and path.read_text(encoding="utf-8") == expected for path in written)


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root ignores permissions")
def test_read_only_output_directory_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Share\n\nText.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    result = cli("clean", "a.txt", "-o", "out", cwd=tmp_path)
    assert result.returncode == 1
    assert "Permission denied" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_over_broad_rule_is_flagged(tmp_path: Path) -> None:
    (tmp_path / "broad.toml").write_text(
        """
file = { prefix = "TST" }
[[rule]]
id = "TST001"
name = "everything"
kind = "line"
category = "other"
description = "Matches any line: a mistake the lint must catch."
patterns = ['.+']
max_chars = 100000
[rule.examples]
residue = ["Share"]
article = ["x" ]
todo_article = []
""",
        encoding="utf-8",
    )
    rules = RuleSet.load(tmp_path / "broad.toml", bundled=False)
    [warning] = lint_breadth(rules, load_samples([ROOT / "samples" / "dev"]))
    assert warning.rule_id == "TST001"
    assert "over-broad" in warning.message


@pytest.mark.parametrize(("code", "message"), [(28, "No space left on device"), (13, "Permission denied")])
def test_write_failures_stop_with_a_message_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], code: int, message: str
) -> None:
    import declutter.batchcli
    from declutter.cli import main

    (tmp_path / "a.txt").write_text("Share\n\nText.\n", encoding="utf-8")
    make = declutter.batchcli.tempfile.mkstemp
    calls: list[object] = []

    def failing(*args: Any, **kwargs: Any) -> tuple[int, str]:
        calls.append(args)
        if len(calls) == 1:  # -o is tried before any work (a file made and removed): the disk fills up after it
            return make(*args, **kwargs)
        raise OSError(code, message)

    monkeypatch.setattr(declutter.batchcli.tempfile, "mkstemp", failing)
    monkeypatch.setattr(sys, "argv", ["declutter", "clean", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out")])
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        with pytest.raises(SystemExit) as exit_info:
            main()  # in this process: it sets the interrupts' handlers, which go back after it
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert f"cannot write the output: {message}" in err
    assert "Traceback" not in err
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


def test_mixed_encodings_are_reported(tmp_path: Path) -> None:
    (tmp_path / "mixed.txt").write_bytes("Café olé, ".encode() + "crème brûlée à la carte.".encode("cp1252"))
    result = cli("clean", "mixed.txt", cwd=tmp_path)
    assert result.returncode == 0
    assert "note: decoded as" in result.stderr


def test_nothing_is_fetched_from_the_network() -> None:
    import http.server
    import threading

    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"<!ENTITY leak 'fetched'>")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        page = (
            f'<!DOCTYPE html SYSTEM "{base}/dtd"><html><head><link rel="stylesheet" href="{base}/css">'
            f'<script src="{base}/js"></script></head><body><img src="{base}/img"><iframe src="{base}/frame">'
            "</iframe><p>The council met on Monday to approve the budget for the coming year.</p></body></html>"
        )
        assert "The council met" in clean(page)
    finally:
        server.shutdown()
        server.server_close()
    assert requests == []


def test_control_character_references_after_a_removed_element() -> None:
    # "&#1;" parses to U+0001, which lxml refuses when the tail is moved to the previous node.
    html = (
        "<html><body><article><p>The council approved the budget on Monday after a long debate.</p>"
        "<div><nav>Home</nav>&#1; after &#x1f;the menu</div></article></body></html>"
    )
    assert "after" in explain(html, input_format="html").text


def test_a_stray_nul_byte_is_dropped_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(b"Share\n\nThe council approved the bud\0get on Monday.\n")
    result = cli("clean", "nul.txt", "--errors", "report.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "The council approved the budget on Monday.\n"
    assert "warning: nul.txt: decoded as utf-8 (1 NUL byte dropped)" in result.stderr
    row = json.loads((tmp_path / "report.jsonl").read_text(encoding="utf-8"))
    assert row == {"key": "nul.txt", "warning": "decoded as utf-8 (1 NUL byte dropped)"}
    result = cli("explain", "nul.txt", cwd=tmp_path)
    assert "warning: nul.txt: decoded as utf-8 (1 NUL byte dropped)" in result.stderr
