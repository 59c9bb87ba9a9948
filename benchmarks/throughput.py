"""Throughput of batch cleaning, side by side with reference cleaners in the same run.

    python benchmarks/throughput.py ../shared/benchmarks/scrapinghub [--mb 20] [--jobs 1,2] [--text-only]

Text mode: a JSONL corpus of about ``--mb`` MB is built from the full-page peer outputs (html-text and
inscriptis, repeated) and cleaned with ``declutter clean --jsonl`` at -j 1 and -j 2; the references are
a minimal C4-style line filter (terminal punctuation, at least three words, no 'javascript' or policy
phrases) over the same file, and declutter's segmentation alone (every line read into a block, no rule
run: the ceiling of any pipeline that handles each line in Python). HTML mode: the benchmark pages, at
-j 1 and -j 2, beside trafilatura (when installed). Peak memory is the largest resident size of the
whole process tree (parent and workers together), sampled every 0.1 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

C4_FILTER = r"""
import json, sys
BAD = ("javascript", "terms of use", "privacy policy", "cookie policy", "uses cookies", "use of cookies")
def keep(line):
    s = line.strip()
    return s.endswith((".", "?", "!", '"')) and len(s.split()) >= 3 and not any(b in s.lower() for b in BAD)
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in src:
        obj = json.loads(row)
        obj["text"] = "\n".join(l for l in obj["text"].split("\n") if keep(l))
        out.write(json.dumps(obj) + "\n")
"""

SEGMENTATION_ONLY = r"""
import json, sys
from declutter.document import Document
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for row in src:
        obj = json.loads(row)
        Document.from_text(obj["text"])
        out.write(json.dumps(obj) + "\n")
"""
"""declutter's first stage alone (lines into blocks: normalise, strip bullets, count words), no rule run:
the ceiling of a pipeline that touches every line in Python at least once."""

TRAFILATURA = r"""
import sys, gzip, trafilatura
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.html.gz")):
    trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), include_comments=False)
"""


def _tree_rss(pid: int) -> float:
    """Resident MB of a process and all its descendants (Linux /proc); 0 when it is gone."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total / 1024


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of a child process.

    On Linux the peak is of the whole process tree (the parent and its workers together), sampled
    every 0.1 s; elsewhere it is the largest single process (``ru_maxrss``).
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak_tree = 0.0
    while process.poll() is None:
        if Path("/proc").is_dir():
            peak_tree = max(peak_tree, _tree_rss(process.pid))
        time.sleep(0.1)
    seconds = time.perf_counter() - start
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_tree or max(peak, before) / 1024


def build_corpus(bench: Path, target: Path, megabytes: float) -> float:
    texts = []
    for name in ("html-text", "inscriptis"):
        data = json.loads((bench / "output" / f"{name}.json").read_text(encoding="utf-8"))
        texts += [value["articleBody"] for value in data.get("output", data).values()]
    size = 0
    with target.open("w", encoding="utf-8") as out:
        while size < megabytes * 1e6:
            for text in texts:
                row = json.dumps({"text": text}, ensure_ascii=False) + "\n"
                out.write(row)
                size += len(row.encode())
                if size >= megabytes * 1e6:
                    break
    return size / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path)
    parser.add_argument("--mb", type=float, default=20.0, help="size of the text corpus")
    parser.add_argument("--jobs", default="1,2", help="worker counts to run, comma-separated")
    parser.add_argument("--text-only", action="store_true", help="skip the HTML runs")
    args = parser.parse_args()
    declutter = [sys.executable, "-m", "declutter"]
    job_counts = [int(jobs) for jobs in args.jobs.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        megabytes = build_corpus(args.bench, corpus, args.mb)
        print(f"text corpus: {megabytes:.1f} MB of full-page text (JSONL)")
        print(f"{'run':<34} {'seconds':>8} {'MB/s':>7} {'peak MB':>8}")
        script = work / "c4.py"
        script.write_text(C4_FILTER, encoding="utf-8")
        seconds, peak = timed([sys.executable, str(script), str(corpus), str(work / "c4.jsonl")])
        print(f"{'C4-style line filter':<34} {seconds:>8.1f} {megabytes / seconds:>7.2f} {peak:>8.0f}")
        script = work / "segment.py"
        script.write_text(SEGMENTATION_ONLY, encoding="utf-8")
        seconds, peak = timed([sys.executable, str(script), str(corpus), str(work / "segment.jsonl")])
        print(f"{'declutter segmentation only':<34} {seconds:>8.1f} {megabytes / seconds:>7.2f} {peak:>8.0f}")
        for jobs in job_counts:
            seconds, peak = timed(
                [
                    *declutter,
                    "clean",
                    "--jsonl",
                    str(corpus),
                    "-o",
                    str(work / "out.jsonl"),
                    "-j",
                    str(jobs),
                    "-q",
                    "--input-format",
                    "text",
                ]
            )
            print(f"{f'declutter text -j {jobs}':<34} {seconds:>8.1f} {megabytes / seconds:>7.2f} {peak:>8.0f}")
        if args.text_only:
            return 0
        pages = sorted((args.bench / "html").glob("*.html.gz"))
        print(f"\nHTML: {len(pages)} pages")
        print(f"{'run':<34} {'seconds':>8} {'pages/s':>7} {'peak MB':>8}")
        for jobs in job_counts:
            seconds, peak = timed(
                [
                    *declutter,
                    "clean",
                    str(args.bench / "html"),
                    "-o",
                    str(work / f"html{jobs}"),
                    "-j",
                    str(jobs),
                    "-q",
                    "--force",
                ]
            )
            print(f"{f'declutter html -j {jobs}':<34} {seconds:>8.1f} {len(pages) / seconds:>7.1f} {peak:>8.0f}")
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("trafilatura is not installed (pip install '.[bench]'): no HTML reference")
            return 0
        script = work / "traf.py"
        script.write_text(TRAFILATURA, encoding="utf-8")
        seconds, peak = timed([sys.executable, str(script), str(args.bench / "html")])
        print(f"{'trafilatura -j 1':<34} {seconds:>8.1f} {len(pages) / seconds:>7.1f} {peak:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
