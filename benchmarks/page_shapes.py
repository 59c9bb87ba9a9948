"""Time for HTML pages of shapes that make a stage's work grow faster than the page, beside trafilatura's.

    pip install -e '.[bench]'          # trafilatura: a benchmark dependency only
    python benchmarks/page_shapes.py [--items 30000] [--repeat 3]

Each shape is built at ``--items`` entries and cleaned by both systems in the same run (best of ``--repeat``):

- ``alternating-list``: one list of two entries alternating, each entry the same 4 words as every second one.
  Every pair of entries is a candidate run printed twice (:func:`declutter.html.blocks.repeated_runs`): before
  its candidates were screened in constant time, this page took five times as long as without the check.
- ``repeated-cards``: cards of a heading and a blurb, the same three cards again and again, under one class.
- ``flat-paragraphs``: distinct paragraphs, the plain case the other two are measured against.

A shape whose time per item grows with ``--items`` (run it at two sizes) is a stage gone quadratic.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from declutter import Cleaner

ENTRIES = ("Alpha beta gamma delta", "Epsilon zeta eta theta")
INTRO = "An introduction to the page. " * 20

SHAPES: dict[str, Callable[[int], str]] = {
    "alternating-list": lambda n: "<ul>" + "".join(f"<li class='card'>{ENTRIES[i % 2]}</li>" for i in range(n)),
    "repeated-cards": lambda n: "".join(
        f"<div class='card'><h3>Card {i % 3}</h3><p>The same blurb for card {i % 3}, written once.</p></div>"
        for i in range(n)
    ),
    "flat-paragraphs": lambda n: "".join(f"<p>Paragraph {i} of the page, with words of its own.</p>" for i in range(n)),
}


def page(body: str) -> str:
    """A page holding ``body`` after a headline and an introduction."""
    return f"<html><body><article><h1>Shapes</h1><p>{INTRO}</p>{body}</article></body></html>"


def best(run: Callable[[], object], repeat: int) -> float:
    """The shortest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=30000, help="entries per shape")
    parser.add_argument("--repeat", type=int, default=3, help="runs per shape and system; the best is shown")
    args = parser.parse_args()
    from trafilatura import extract

    cleaner = Cleaner()
    print(f"{'shape':18} {'KB':>7} {'declutter s':>12} {'trafilatura s':>14}")
    for name, build in SHAPES.items():
        html = page(build(args.items))
        ours = best(lambda html=html: cleaner.explain(html, input_format="html"), args.repeat)
        theirs = best(lambda html=html: extract(html), args.repeat)
        print(f"{name:18} {len(html) // 1024:7} {ours:12.2f} {theirs:14.2f}")


if __name__ == "__main__":
    main()
