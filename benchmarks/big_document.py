"""Peak memory and time for one large text document, against its size: ``python benchmarks/big_document.py``.

Builds article-like text (paragraphs with the residue lines the rules remove between them) of each size
given, cleans it with ``declutter clean FILE --max-bytes ...`` in a child process, and prints the child's
peak resident memory (``ru_maxrss``) as a multiple of the document's size. The README's bound comes from here.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = (
    "The council approved the budget on Monday, after a long debate about roads, schools and parks in every "
    "ward, and the mayor said the vote was close but fair."
)
RESIDUE = ["Share", "Story continues below advertisement", "Sign up for our newsletter", "READ MORE: Budget talks"]


def make_document(path: Path, megabytes: float) -> int:
    """Write about ``megabytes`` MiB of text: four paragraphs, then one residue line, over and over."""
    target = int(megabytes * 2**20)
    size = 0
    with path.open("w", encoding="utf-8") as handle:
        n = 0
        while size < target:
            chunk = "".join(f"{PARAGRAPH} ({n}.{k})\n\n" for k in range(4)) + RESIDUE[n % len(RESIDUE)] + "\n\n"
            handle.write(chunk)
            size += len(chunk)
            n += 1
    return size


def measure(path: Path, size: int) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of one ``declutter clean`` of ``path`` in a fresh child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "declutter", "clean", str(path), "--max-bytes", str(size + 1)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak <= before:
        raise SystemExit("ru_maxrss did not grow: run each size in its own process (--sizes one at a time)")
    return seconds, peak * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,10,20", help="document sizes in MiB, comma-separated")
    args = parser.parse_args()
    print("size MiB | seconds | MiB/s | peak RSS MiB | peak / size")
    for megabytes in (float(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "big.txt"
            size = make_document(path, megabytes)
            seconds, peak = measure(path, size)
        print(
            f"{size / 2**20:8.1f} | {seconds:7.1f} | {size / 2**20 / seconds:5.2f} | {peak / 2**20:12.0f} | "
            f"{peak / size:11.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
