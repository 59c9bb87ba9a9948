"""``declutter clean`` as a batch: directories, JSONL streams, errors, re-runs, in-place."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

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
    assert "1 errors" in result.stderr
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
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in out] == list(range(30))
    assert all(row["text"] == CLEANED and row["url"] == "https://example.com/a" for row in out)
    assert [r["rule"] for r in out[0]["declutter"]["removed"]] == ["NAV001", "SHR001"]
    assert "in.jsonl.gz:6: not a JSON object" in result.stderr


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
