"""``declutter clean`` as a batch: directories, JSONL streams, errors, re-runs, in-place."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest

from declutter.batchcli import write_atomic

TEXT = "Skip to main content\n\nThe council approved the budget on Monday.\n\nShare\n"
CLEANED = "The council approved the budget on Monday.\n"


def run(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "declutter", *args], input=stdin, capture_output=True, text=True, cwd=cwd, check=False
    )


def make_tree(root: Path) -> Path:
    (root / "in" / "sub").mkdir(parents=True)
    for n in range(6):
        (root / "in" / ("sub" if n % 2 else ".") / f"doc{n}.txt").write_text(TEXT, encoding="utf-8")
    (root / "in" / "bad.txt").write_bytes(b"\x00\x01\x02binary")
    return root / "in"


def test_directory_batch_in_parallel_with_error_report(tmp_path: Path) -> None:
    make_tree(tmp_path)
    result = run("clean", "in", "-o", "out", "-j", "2", "--errors", "errors.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "sub" / "doc1.txt").read_text(encoding="utf-8") == CLEANED
    assert (tmp_path / "out" / "doc0.txt").read_text(encoding="utf-8") == CLEANED
    [row] = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert row["key"].endswith("bad.txt")
    assert "binary" in row["error"]
    assert "7 documents" in result.stderr
    assert "1 error," in result.stderr
    assert run("clean", "in", "-o", "out", "--fail-on-error", "-q", cwd=tmp_path).returncode == 1


def test_rerun_skips_up_to_date_outputs_unless_forced(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "in" / "bad.txt").unlink()
    run("clean", "in", "-o", "out", cwd=tmp_path)
    again = run("clean", "in", "-o", "out", cwd=tmp_path)
    assert "6 up to date" in again.stderr
    forced = run("clean", "in", "-o", "out", "--force", cwd=tmp_path)
    assert "0 up to date" in forced.stderr


def test_in_place_keeps_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run("clean", "a.txt", "--in-place", "--backup", ".orig", cwd=tmp_path).returncode == 0
    assert path.read_text(encoding="utf-8") == CLEANED
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == TEXT


def test_jsonl_stream_keeps_order_and_fields(tmp_path: Path) -> None:
    rows = [{"id": n, "text": TEXT, "url": "https://example.com/a"} for n in range(30)]
    lines = [json.dumps(row) for row in rows]
    lines.insert(5, "not json")
    with gzip.open(tmp_path / "in.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    result = run("clean", "--jsonl", "in.jsonl.gz", "-o", "out.jsonl", "-j", "2", "--removals", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out_lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert out_lines[5] == "not json"  # kept, unchanged, in its place
    out = [json.loads(line) for line in out_lines[:5] + out_lines[6:]]
    assert [row["id"] for row in out] == list(range(30))
    assert all(row["text"] == CLEANED and row["url"] == "https://example.com/a" for row in out)
    assert [r["rule"] for r in out[0]["declutter"]["removed"]] == ["NAV001", "SHR001"]
    assert "in.jsonl.gz:6: not JSON" in result.stderr


def test_jsonl_on_standard_streams(tmp_path: Path) -> None:
    stdin = "\n".join(json.dumps({"body": TEXT}) for _ in range(3)) + "\n"
    result = run("clean", "--jsonl", "-", "--field", "body", "-q", cwd=tmp_path, stdin=stdin)
    assert [json.loads(line)["body"] for line in result.stdout.splitlines()] == [CLEANED] * 3


def test_output_cannot_escape_through_a_symlink(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "in" / "bad.txt").unlink()
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sub").symlink_to(outside)
    result = run("clean", "in", "-o", "out", cwd=tmp_path)
    assert "escape the output directory" in result.stderr
    assert not any(outside.iterdir())


def test_jsonl_language_field_and_default(tmp_path: Path) -> None:
    german = "Werbung\n\nDer Rat hat den Haushalt am Montag beschlossen.\n"
    rows = [
        {"text": german, "lang": "de-AT"},
        {"text": german, "lang": "en"},
        {"text": german},
        {"text": german, "lang": 7},
    ]
    stdin = "\n".join(json.dumps(row) for row in rows) + "\n"
    by_field = run("clean", "--jsonl", "-", "--language-field", "lang", "-q", cwd=tmp_path, stdin=stdin)
    assert by_field.returncode == 0, by_field.stderr
    texts = [json.loads(line)["text"] for line in by_field.stdout.splitlines()]
    assert [text.startswith("Werbung") for text in texts] == [False, True, True, True]
    with_default = run(
        "clean", "--jsonl", "-", "--language-field", "lang", "--language", "de", "-q", cwd=tmp_path, stdin=stdin
    )
    texts = [json.loads(line)["text"] for line in with_default.stdout.splitlines()]
    assert [text.startswith("Werbung") for text in texts] == [False, True, False, False], (
        "rows without one get --language"
    )


def test_a_backup_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert run("clean", "a.txt", "--in-place", "--backup", ".orig", cwd=tmp_path).returncode == 0
    again = run("clean", "a.txt", "--in-place", "--backup", ".orig", cwd=tmp_path)
    assert again.returncode == 1
    assert "a.txt.orig already exists" in again.stderr
    assert (tmp_path / "a.txt.orig").read_text(encoding="utf-8") == TEXT


def test_in_place_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0o644)
    assert run("clean", "a.txt", "--in-place", "--backup", ".orig", cwd=tmp_path).returncode == 0
    assert path.stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "a.txt.orig").stat().st_mode & 0o777 == 0o644
    assert run("clean", "a.txt", "-o", "out", cwd=tmp_path).returncode == 0
    assert (tmp_path / "out" / "a.txt").stat().st_mode & 0o777 != 0o600  # new files follow the umask


def test_every_jsonl_line_gives_one_output_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 0, "text": TEXT}),
        json.dumps({"id": 1}),
        json.dumps({"id": 2, "text": None}),
        "not json",
        "[1, 2, 3]",
        "",
        json.dumps({"id": 5, "text": TEXT}),
    ]
    (tmp_path / "in.jsonl").write_bytes(("\n".join(lines) + "\n").encode() + b'{"text": "caf\xe9"}\n')
    result = run("clean", "--jsonl", "in.jsonl", "-o", "out.jsonl", "--errors", "errors.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = (tmp_path / "out.jsonl").read_bytes().split(b"\n")[:-1]
    assert len(out) == len(lines) + 1
    assert json.loads(out[0])["text"] == CLEANED
    assert json.loads(out[6])["text"] == CLEANED
    assert [line.decode("utf-8", "replace") for line in out[1:6]] == lines[1:6]  # unchanged
    assert out[7] == b'{"text": "caf\xe9"}'  # not UTF-8: the very bytes, not a replacement character
    report = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert [row["key"] for row in report] == [f"in.jsonl:{n}" for n in (2, 3, 4, 5, 8)]
    assert "no 'text' field" in report[0]["error"]
    assert "null" in report[1]["error"]
    assert "not JSON" in report[2]["error"]
    assert "not an object" in report[3]["error"]
    assert "UTF-8" in report[4]["error"]


def test_jsonl_rows_come_back_with_their_own_line_ends(tmp_path: Path) -> None:
    """A Windows export's rows end in CRLF: cleaned ones came back ending in LF, beside the unchanged ones in CRLF."""
    rows = [json.dumps({"id": 0, "text": TEXT}), json.dumps({"id": 1}), "", json.dumps({"id": 2, "text": TEXT})]
    (tmp_path / "in.jsonl").write_bytes(("\r\n".join(rows) + "\r\n").encode() + json.dumps({"text": TEXT}).encode())
    result = run("clean", "--jsonl", "in.jsonl", "-o", "out.jsonl", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = (tmp_path / "out.jsonl").read_bytes()
    lines = out.split(b"\r\n")
    assert len(lines) == 5, out  # four CRLF rows, then the last row, which had no line end, ended as JSONL ends
    assert [json.loads(lines[n])["text"] for n in (0, 3)] == [CLEANED, CLEANED]
    assert lines[1:3] == [rows[1].encode(), b""]
    assert json.loads(lines[4])["text"] == CLEANED
    assert lines[4].endswith(b"}\n")


PAGE = (
    "<!DOCTYPE html><html><head><title>Budget passes</title><meta name='author' content='Jane Roe'>"
    "<link rel='canonical' href='https://example.com/budget'></head><body><nav>Home News</nav><article>"
    "<h1>Budget passes</h1><p>The council approved the budget on Monday, after a long debate about roads, "
    "schools and parks in every ward.</p></article></body></html>"
)


def test_jsonl_rows_take_the_format_fields(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text(json.dumps({"id": 1, "html": PAGE}) + "\n", encoding="utf-8")
    as_json = run("clean", "--jsonl", "in.jsonl", "--field", "html", "--format", "json", "-q", cwd=tmp_path)
    row = json.loads(as_json.stdout)
    assert row["id"] == 1
    assert row["html"].startswith("Budget passes\n\nThe council approved")
    assert row["declutter"]["title"] == "Budget passes"
    assert row["declutter"]["url"] == "https://example.com/budget"
    assert row["declutter"]["author"] == "Jane Roe"
    assert any(e["rule"] for e in row["declutter"]["elements_removed"])
    as_html = run("clean", "--jsonl", "in.jsonl", "--field", "html", "--format", "html", "-q", cwd=tmp_path)
    assert "<article>\n<h1>Budget passes</h1>" in json.loads(as_html.stdout)["html"]


def test_jsonl_directories_and_files_named_without_jsonl(tmp_path: Path) -> None:
    (tmp_path / "crawl" / "b").mkdir(parents=True)
    (tmp_path / "crawl" / "a.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    with gzip.open(tmp_path / "crawl" / "b" / "c.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": "Share\n\nText.\n"}) + "\n")
    (tmp_path / "crawl" / "page.txt").write_text(TEXT, encoding="utf-8")
    stream = run("clean", "--jsonl", "crawl", "-q", cwd=tmp_path)
    assert [json.loads(line)["text"] for line in stream.stdout.splitlines()] == [CLEANED, "Text.\n"]
    into_dir = run("clean", "--jsonl", "crawl", "-o", "crawl", cwd=tmp_path)
    assert into_dir.returncode == 2
    assert "output JSONL file" in into_dir.stderr
    named = run("clean", "crawl/a.jsonl", cwd=tmp_path)
    assert named.returncode == 2
    assert "--jsonl" in named.stderr
    walked = run("clean", "crawl", "-o", "out", cwd=tmp_path)
    assert walked.returncode == 0, walked.stderr
    assert "skipped 2 JSONL files" in walked.stderr
    assert "--jsonl" in walked.stderr


def test_outputs_take_their_format_extension_and_never_collide(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "in" / "page.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "in" / "story.txt").write_text(TEXT, encoding="utf-8")
    with gzip.open(tmp_path / "in" / "old.html.gz", "wt", encoding="utf-8") as handle:
        handle.write(PAGE)
    result = run("clean", "in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "old.txt",
        "page.htm.txt",
        "page.html.txt",
        "story.txt",
    ]
    assert "page.htm and " in result.stderr or "page.html and " in result.stderr
    as_json = run("clean", "in", "-o", "json", "--format", "json", cwd=tmp_path)
    assert as_json.returncode == 0, as_json.stderr
    assert sorted(p.name for p in (tmp_path / "json").iterdir()) == [
        "old.json",
        "page.htm.json",
        "page.html.json",
        "story.json",
    ]


def test_output_must_be_a_directory_outside_the_inputs(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "out.txt").write_text("x", encoding="utf-8")
    into_file = run("clean", "in", "-o", "out.txt", cwd=tmp_path)
    assert into_file.returncode == 2
    assert "out.txt is a file" in into_file.stderr
    into_input = run("clean", "in", "-o", "in", cwd=tmp_path)
    assert into_input.returncode == 2
    assert "inside the input directory" in into_input.stderr
    assert run("clean", "in", "-o", "in/cleaned", cwd=tmp_path).returncode == 2
    assert not (tmp_path / "in" / "cleaned").exists()


def test_an_empty_result_is_reported_not_failed(tmp_path: Path) -> None:
    residue = "Skip to main content\n\n" + "Sign up for our newsletter\n\nShare this article\n\n" * 6
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_text(residue, encoding="utf-8")
    (tmp_path / "in" / "ok.txt").write_text(TEXT, encoding="utf-8")
    result = run("clean", "in", "-o", "out", "--errors", "report.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warning: in/empty.txt: empty result from 52 words of input" in result.stderr
    [row] = [json.loads(line) for line in (tmp_path / "report.jsonl").read_text().splitlines()]
    assert row == {"key": "in/empty.txt", "warning": "empty result from 52 words of input"}
    single = run("clean", "in/empty.txt", "--format", "json", cwd=tmp_path)
    assert single.returncode == 0
    assert json.loads(single.stdout)["warnings"] == ["empty result from 52 words of input"]


def test_a_long_single_document_shows_progress_on_a_terminal(tmp_path: Path) -> None:
    import shutil

    import pytest

    if shutil.which("script") is None:
        pytest.skip("needs script(1) for a terminal")
    big = tmp_path / "big.txt"
    big.write_text(("The council approved the budget on Monday after a long debate.\n\nShare\n\n") * 15_000)
    command = f"COLUMNS=100 {sys.executable} -m declutter clean big.txt > out.txt"
    seen = subprocess.run(["script", "-qec", command, "/dev/null"], capture_output=True, check=False, cwd=tmp_path)
    assert b"cleaning big.txt (1.0 MiB)" in seen.stdout  # on the terminal (stderr)
    assert b"cleaning" not in (tmp_path / "out.txt").read_bytes()  # never in the cleaned text


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="signals cannot be held here")
@pytest.mark.parametrize("to", ["this thread", "another thread"])
def test_a_ctrl_c_right_after_the_temporary_file_is_made_leaves_nothing_behind(
    to: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The signal lands the moment the file exists, before its name is stored: the window a loaded machine hit. Sent
    to this thread it is held there; the kernel may as well hand it to another thread (a progress bar's), which does
    not hold it, and Python runs its handler in this thread at once."""
    make = tempfile.mkstemp
    asked, sent = threading.Event(), threading.Event()

    def send_when_asked() -> None:  # started before the block: a thread made inside it would hold the signal too
        asked.wait()
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)
        sent.set()

    other = threading.Thread(target=send_when_asked)
    if to == "another thread":
        other.start()

    def interrupted(*args: Any, **kwargs: Any) -> tuple[int, str]:
        made = make(*args, **kwargs)
        if to == "this thread":
            signal.pthread_kill(threading.get_ident(), signal.SIGINT)
        else:
            asked.set()
            sent.wait()  # the signal reached the other thread: Python runs its handler here at its next check
        return made

    monkeypatch.setattr(tempfile, "mkstemp", interrupted)
    # A run started in the background by a non-interactive shell ('(python -m pytest &)') starts with SIGINT
    # ignored, and an ignored signal rightly raises nothing: the test asks what Python's own Ctrl-C handler does.
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            write_atomic(tmp_path / "out.txt", "text")
    finally:
        signal.signal(signal.SIGINT, handler)
    if other.is_alive():
        other.join()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_signal_whose_interrupt_python_dropped_still_unwinds_the_batch() -> None:
    """A signal that lands while a finaliser runs raises its KeyboardInterrupt there, where Python drops it; the
    batch asks again between two documents."""
    from declutter import batchcli

    class Finaliser:
        def __del__(self) -> None:
            batchcli.on_interrupt(signal.SIGTERM, None)

    try:
        Finaliser()  # collected at once: its __del__ raises, and the exception is dropped
        with pytest.raises(KeyboardInterrupt):
            batchcli.unwind_if_interrupted()
    finally:
        batchcli._SIGNALLED.clear()
    batchcli.unwind_if_interrupted()  # nothing pending: no exception


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--jsonl", "in.jsonl", "-o", "out.jsonl", "--errors", "in.jsonl"], "is an input"),
        (["--jsonl", "in.jsonl", "-o", "out.jsonl", "--errors", "out.jsonl"], "also the -o output"),
        (["dir", "-o", "out", "--errors", "dir/a.txt"], "inside the input directory"),
        (["dir", "-o", "out", "--errors", "dir"], "is a directory"),
        (["dir", "-o", "out", "--errors", "/proc/report.jsonl"], "/proc/report.jsonl cannot be written"),
    ],
)
def test_error_report_never_overwrites_an_input_or_the_output(tmp_path: Path, args: list[str], message: str) -> None:
    """The report is written while inputs are read: on an input it would replace the document being cleaned."""
    row = json.dumps({"text": TEXT}) + "\n"
    (tmp_path / "in.jsonl").write_text(row, encoding="utf-8")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run("clean", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert (tmp_path / "in.jsonl").read_text(encoding="utf-8") == row
    assert (tmp_path / "dir" / "a.txt").read_text(encoding="utf-8") == TEXT
    assert not (tmp_path / "out").exists()  # refused before any work (an unwritable folder: after the work)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["dir", "-o", "/proc/declutter-out"],
            "/proc/declutter-out cannot be written (No such file or directory); choose a directory you can write to",
        ),
        (["--jsonl", "in.jsonl", "-o", "/proc/out.jsonl"], "/proc/out.jsonl cannot be written"),
    ],
)
def test_an_output_that_cannot_be_written_is_refused_before_any_work(
    tmp_path: Path, args: list[str], message: str
) -> None:
    """-o on a read-only folder or file system (/proc here: root writes anywhere else) failed only at the first
    write, after the first document's work; it is tried first, as --errors is."""
    (tmp_path / "in.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "dir" / "b.txt").write_bytes(b"\x00\x01\x02binary")  # its work: an error row, a summary
    result = run("clean", *args, "--errors", "errors.jsonl", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert not (tmp_path / "errors.jsonl").exists()
    assert "documents" not in result.stderr  # no summary: nothing was cleaned


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["a.txt", "--in-place", "-o", "out"], "--in-place rewrites the inputs"),
        (["--jsonl", "in.jsonl", "--in-place"], "--in-place rewrites files"),
        (["a.txt", "--field", "body"], "--field goes with --jsonl"),
        (["a.txt", "--removals"], "--removals goes with --jsonl"),
    ],
)
def test_options_that_would_be_ignored_are_usage_errors(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    result = run("clean", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == TEXT
    assert not (tmp_path / "out").exists()


def test_a_directory_walk_names_what_it_cannot_read(tmp_path: Path) -> None:
    """A broken symlink or a named pipe with a text suffix is skipped with a note, not silently (a pipe is never
    opened: reading it would wait for a writer)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "in" / "nowhere.txt")
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    result = run("clean", "in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "skipped 2 entries that are not regular files (broken symlinks, pipes, devices)" in result.stderr
    assert "gone.txt" in result.stderr
    assert "pipe.txt" in result.stderr
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == CLEANED


def test_an_output_directory_under_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = run("clean", "a.txt", "-o", "a.txt/cleaned", cwd=tmp_path)
    assert result.returncode == 2
    assert "a.txt/cleaned cannot be made: a.txt is a file" in result.stderr


def test_a_mixed_directory_says_what_each_mode_leaves_out(tmp_path: Path) -> None:
    """With --jsonl, the text and HTML files beside the streams were skipped without a word; without it, a new
    ``-o out.jsonl`` became a directory of that name."""
    (tmp_path / "mix").mkdir()
    (tmp_path / "mix" / "rows.jsonl").write_text(json.dumps({"text": TEXT}) + "\n[1, 2]\n", encoding="utf-8")
    (tmp_path / "mix" / "page.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "mix" / "page.html").write_text("<p>The council approved the budget.</p>", encoding="utf-8")
    streamed = run("clean", "--jsonl", "mix", "-o", "out.jsonl", cwd=tmp_path)
    assert streamed.returncode == 0, streamed.stderr
    assert "mix: note: skipped 2 text or HTML files" in streamed.stderr
    assert "mix/rows.jsonl:2: a JSON array, not an object; kept unchanged" in streamed.stderr  # JSON's name
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()[1] == "[1, 2]"
    walked = run("clean", "mix", "-o", "cleaned.jsonl", cwd=tmp_path)
    assert walked.returncode == 2
    assert "cleaned.jsonl names a JSONL file, but -o takes a directory" in walked.stderr
    assert "--format json" in walked.stderr
    assert not (tmp_path / "cleaned.jsonl").exists()


def test_a_truncated_gzip_stream_stops_the_run_naming_the_file_and_line(tmp_path: Path) -> None:
    rows = "".join(
        json.dumps({"text": f"The council approved budget line {n} on Monday.\n"}) + "\n" for n in range(3000)
    )
    data = gzip.compress(rows.encode("utf-8"))
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) * 4 // 5])
    result = run("clean", "--jsonl", "cut.jsonl.gz", "-o", "out.jsonl", cwd=tmp_path)
    assert result.returncode == 1
    assert "cut.jsonl.gz: the gzip stream ends early" in result.stderr
    assert "after line " in result.stderr
    assert "Aborted" not in result.stderr
    assert not (tmp_path / "out.jsonl").exists()
    (tmp_path / "plain.jsonl.gz").write_text(json.dumps({"text": TEXT}) + "\n")
    result = run("clean", "--jsonl", "plain.jsonl.gz", cwd=tmp_path)
    assert result.returncode == 1
    assert "plain.jsonl.gz: the gzip stream is not valid gzip" in result.stderr


def test_a_row_naming_a_key_twice_is_kept_unchanged_and_reported(tmp_path: Path) -> None:
    twice = '{"text": "first", "text": "Share\\n\\nThe council approved the budget on Monday.\\n"}'
    (tmp_path / "in.jsonl").write_text(twice + "\n" + json.dumps({"text": TEXT}) + "\n")
    result = run("clean", "--jsonl", "in.jsonl", cwd=tmp_path)
    assert result.stdout.splitlines() == [twice, json.dumps({"text": CLEANED})]
    assert "in.jsonl:1: key 'text' appears twice" in result.stderr


def test_a_dotted_field_on_nested_rows_says_fields_are_top_level(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text(json.dumps({"doc": {"body": TEXT}}) + "\n")
    result = run("clean", "--jsonl", "in.jsonl", "--field", "doc.body", cwd=tmp_path)
    assert json.loads(result.stdout) == {"doc": {"body": TEXT}}
    assert "'doc' holds an object, and nested fields are not read" in result.stderr


def test_a_closed_standard_input_is_an_error_not_a_crash(tmp_path: Path) -> None:
    for args in (["clean", "-"], ["clean", "--jsonl", "-"], ["explain", "-"]):
        result = subprocess.run(
            [sys.executable, "-m", "declutter", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=False,
            preexec_fn=lambda: os.close(0),
        )
        assert result.returncode == 1, args
        assert "standard input is closed" in result.stderr, args
        assert "internal error" not in result.stderr, args


def test_a_symlinked_folder_is_cleaned_and_a_loop_is_named(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "linked.txt").write_text(TEXT, encoding="utf-8")
    make_tree(tmp_path)
    (tmp_path / "in" / "bad.txt").unlink()
    (tmp_path / "in" / "shared").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "in" / "sub" / "loop").symlink_to("..")
    result = run("clean", "in", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "shared" / "linked.txt").read_text(encoding="utf-8") == CLEANED
    assert "skipped 1 symlinked folder leading back into a folder above (a loop): in/sub/loop" in result.stderr
    assert "7 documents" in result.stderr


def test_an_output_that_is_a_pipe_or_a_link_is_written_into_not_replaced(tmp_path: Path) -> None:
    """A rename onto the output replaced a FIFO (or, as root, a device: 'report -o /dev/null' replaced /dev/null
    itself) with a regular file, and a symlink with a file beside its target."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)  # main: it never ends
    reader.start()
    write_atomic(fifo, "report\n")
    reader.join(timeout=10)
    assert got == [b"report\n"]
    assert fifo.is_fifo()
    (tmp_path / "real.html").write_text("old", encoding="utf-8")
    (tmp_path / "link.html").symlink_to("real.html")
    write_atomic(tmp_path / "link.html", "new")
    assert (tmp_path / "link.html").is_symlink()
    assert (tmp_path / "real.html").read_text(encoding="utf-8") == "new"
    (tmp_path / "in.jsonl").write_text(json.dumps({"text": TEXT}) + "\n", encoding="utf-8")
    (tmp_path / "out.jsonl").symlink_to("real.jsonl")
    result = run("clean", "--jsonl", "in.jsonl", "-o", "out.jsonl", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.jsonl").is_symlink()
    assert json.loads((tmp_path / "real.jsonl").read_text(encoding="utf-8"))["text"] == CLEANED
