"""Count the instructions declutter runs on a fixed set of benchmark pages: a cost that load does not blur.

    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=cg.out \\
        python benchmarks/instructions.py ../shared/benchmarks/scrapinghub
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=cg.out \\
        python benchmarks/instructions.py ../shared/benchmarks/wcxb

Wall-clock speed on a shared machine moves by 5% or more from run to run, more than most changes cost, so a
change's cost is read here first: one warm pass over the pages, then one pass counted by callgrind
(instrumentation is switched on around that pass only; valgrind prints ``Collected : N`` on exit;
``callgrind_annotate cg.out`` says where they went); ``--peer`` counts trafilatura's pass over the same pages
instead (``pip install '.[bench]'``), for a ratio no load blurs. Set ``PYTHONHASHSEED=0`` to compare two trees: the
count then moves by well under 0.1% between runs. The pages: every third ScrapingHub page, or every twelfth
WCXB dev page, 60 at most (``--pages``). Without valgrind the pass is only timed. The warm pass reads the counted
pages, so caches of lines (lowered lines, sentence ends) answer from it; ``--cold`` warms on the next pages of the
benchmark instead, the count a cache must lower to pay on pages not seen before (main, ScrapingHub: 3,961 M cold
against 3,862 M).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from declutter import Cleaner
from declutter.inputs import decode_html


def load(bench: Path, pages: int, first: int = 0) -> list[tuple[str, str | None]]:
    """The pages as (html, url): ScrapingHub's layout (``ground-truth.json`` beside ``html/``) or WCXB's; ``first``
    shifts the sample by that many pages (``--cold``'s warm pass reads other pages than the counted ones)."""
    if (bench / "ground-truth.json").exists():
        truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
        keys = sorted(truth)[first::3][:pages]
        return [(_page(bench / "html" / f"{key}.html.gz", key), truth[key]["url"]) for key in keys]
    split = bench / "dev" if (bench / "dev").is_dir() else bench
    references = sorted((split / "ground-truth").glob("*.json"))[first::12][:pages]
    return [(_page(split / "html" / f"{ref.stem}.html.gz", ref.stem), _url(ref)) for ref in references]


def _url(reference: Path) -> str | None:
    url: str | None = json.loads(reference.read_text(encoding="utf-8")).get("url")
    return url


def _page(path: Path, name: str) -> str:
    return decode_html(gzip.decompress(path.read_bytes()), name)[0]


def _instrument(on: bool) -> bool:
    """Switch callgrind's counting for this process; False when not run under callgrind."""
    control = shutil.which("callgrind_control")
    if control is None:
        return False
    done = subprocess.run([control, "-i", "on" if on else "off", str(os.getpid())], capture_output=True, check=False)
    return done.returncode == 0 and b"not detected" not in done.stdout + done.stderr


def _declutter() -> Callable[[str, str | None], object]:
    cleaner = Cleaner()
    return lambda html, url: cleaner.explain(html, url=url, input_format="html")


def _trafilatura() -> Callable[[str, str | None], object]:
    import trafilatura  # a benchmark dependency only

    return lambda html, url: trafilatura.extract(html, url=url, include_comments=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path, help="a ScrapingHub or WCXB benchmark folder")
    parser.add_argument("--pages", type=int, default=60, help="pages in the pass (default 60)")
    parser.add_argument("--peer", action="store_true", help="count trafilatura's pass instead of declutter's")
    parser.add_argument(
        "--cold", action="store_true", help="warm on other pages: no cache holds the counted pages' lines beforehand"
    )
    args = parser.parse_args()
    pages = load(args.bench, args.pages)
    if not pages:
        print(f"{args.bench}: no pages found (ground-truth.json or ground-truth/ beside html/)", file=sys.stderr)
        return 2
    extract = _trafilatura() if args.peer else _declutter()
    for html, url in load(args.bench, args.pages, 1) if args.cold else pages:  # warm: rule compilation, caches
        extract(html, url)
    counted = _instrument(True)
    start = time.process_time()
    for html, url in pages:
        extract(html, url)
    seconds = time.process_time() - start
    _instrument(False)
    how = "counted: valgrind prints 'Collected : N' below" if counted else "not under callgrind: timed only"
    print(f"{len(pages)} pages, one pass, {seconds:.2f} s CPU ({how})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
