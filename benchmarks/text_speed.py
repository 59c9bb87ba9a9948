"""Text-mode speed on real residue-bearing text: the full-page peer outputs of the benchmark, cleaned in one process.

The 362 html-text and inscriptis outputs of the ScrapingHub pages (3.8 MB) are cleaned with the
bundled rules, CPU time only (the machine is shared, so wall time says little). To see what a change
costs, run it on both checkouts in turn, a few times each, in the same minutes:

    python benchmarks/text_speed.py ../shared/benchmarks/scrapinghub
    PYTHONPATH=/path/to/other/checkout python benchmarks/text_speed.py ../shared/benchmarks/scrapinghub

(the other checkout's ``declutter`` package is imported first, with the rules beside it).
``--profile N`` prints the N functions with the most own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

import declutter
from declutter.goldscore import load_bodies

CONVERTERS = ("html-text", "inscriptis")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path)
    parser.add_argument("--profile", type=int, default=0, help="print this many functions by own time")
    args = parser.parse_args()
    texts = [text for name in CONVERTERS for text in load_bodies(args.bench / "output" / f"{name}.json").values()]
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    cleaner = declutter.Cleaner()
    cleaner.clean(texts[0])  # rules loaded and compiled before the clock starts
    start = time.process_time()
    for text in texts:
        cleaner.explain(text, input_format="text")
    seconds = time.process_time() - start
    speed = megabytes / seconds
    print(f"{declutter.__file__}: {len(texts)} texts, {megabytes:.2f} MB in {seconds:.2f} s: {speed:.2f} MB/s")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(lambda: [cleaner.explain(text, input_format="text") for text in texts])
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
