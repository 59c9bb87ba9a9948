"""declutter's HTML mode and trafilatura on the ScrapingHub pages, side by side in one run.

    pip install trafilatura            # optional: the peer is a benchmark dependency only
    python benchmarks/html_benchmark.py ../shared/benchmarks/scrapinghub [--repeat 3] [--generic-only] [--paired]

Both get the same decoded page text. Scores use the benchmark's own metric (4-gram shingle precision
and recall averaged over pages, F1 of the averages: ``declutter score --gold``). The article body is
compared with the gold body, so declutter's title line (which the gold bodies leave out) is not counted.
Speed is each system's fastest of ``--repeat`` runs over all pages, the systems taking turns run by run;
``--paired`` has them take turns page by page instead, so a burst of load falls on both.
``--generic-only`` drops every site-scoped rule (none of the bundled ones names these pages' sites).
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from declutter import Cleaner, RuleSet
from declutter.goldscore import gold_score
from declutter.inputs import decode_html


def load_pages(bench: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        key: decode_html(gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()), key)[0] for key in truth
    }
    return pages, {k: v["articleBody"] for k, v in truth.items()}, {k: v["url"] for k, v in truth.items()}


def timed(
    systems: Sequence[tuple[str, Callable[[str, str], str]]], pages: dict[str, str], urls: dict[str, str], repeat: int
) -> dict[str, tuple[dict[str, str], float]]:
    """Each system's outputs and pages per second, its fastest of ``repeat`` runs over every page.

    The systems take turns, one run each per round, so a change in the machine's load during the benchmark
    (another process, a CPU's clock) falls on both rather than on whichever ran second.
    """
    best = {name: float("inf") for name, _ in systems}
    outputs: dict[str, dict[str, str]] = {}
    for _ in range(repeat):
        for name, extract in systems:
            gc.collect()  # the garbage one system left is not collected on the other's time
            start = time.perf_counter()
            outputs[name] = {key: extract(html, urls[key]) for key, html in pages.items()}
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: (outputs[name], len(pages) / best[name]) for name, _ in systems}


def timed_paired(
    systems: Sequence[tuple[str, Callable[[str, str], str]]], pages: dict[str, str], urls: dict[str, str], repeat: int
) -> dict[str, tuple[dict[str, str], float]]:
    """As :func:`timed`, but each page is extracted by every system in turn (the order swapped from page to page)
    and each system's times are summed over the pass: a change in load lasting seconds falls on both systems
    page by page, not on whichever ran during it. The fastest of ``repeat`` passes counts for each system.
    """
    best = {name: float("inf") for name, _ in systems}
    outputs: dict[str, dict[str, str]] = {name: {} for name, _ in systems}
    for _ in range(repeat):
        spent = dict.fromkeys(best, 0.0)
        gc.collect()
        for number, (key, html) in enumerate(pages.items()):
            for name, extract in systems if number % 2 else systems[::-1]:
                start = time.perf_counter()
                outputs[name][key] = extract(html, urls[key])
                spent[name] += time.perf_counter() - start
        best = {name: min(best[name], spent[name]) for name in best}
    return {name: (outputs[name], len(pages) / best[name]) for name, _ in systems}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the fastest counts")
    parser.add_argument("--generic-only", action="store_true", help="drop site-scoped rules")
    parser.add_argument("--paired", action="store_true", help="time each page by both systems in turn")
    args = parser.parse_args()
    pages, gold, urls = load_pages(args.bench)
    rules = RuleSet.bundled()
    if args.generic_only:
        rules = RuleSet(tuple(r for r in rules if not r.domains), rules.fingerprint + ":generic")
    cleaner = Cleaner(rules)

    def declutter_body(html: str, url: str) -> str:
        result = cleaner.explain(html, url=url, input_format="html")
        title = result.metadata.get("title")
        text = result.text
        return text[len(title) :].lstrip("\n") if title and text.startswith(title) else text

    systems: list[tuple[str, Callable[[str, str], str]]] = [("declutter", declutter_body)]
    try:
        import trafilatura

        def trafilatura_body(html: str, url: str) -> str:
            return trafilatura.extract(html, url=url, include_comments=False) or ""

        systems.append((f"trafilatura {trafilatura.__version__}", trafilatura_body))
    except ImportError:
        print("trafilatura is not installed: pip install trafilatura (benchmark only)", file=sys.stderr)
    print(f"{len(pages)} pages; rules: {'generic only' if args.generic_only else 'bundled'}")
    print(f"{'system':<22} {'F1':>6} {'P':>6} {'R':>6} {'pages/s':>9}")
    speeds = {}
    for name, (predicted, speed) in (timed_paired if args.paired else timed)(systems, pages, urls, args.repeat).items():
        score = gold_score(gold, predicted)
        speeds[name] = speed
        print(f"{name:<22} {score.f1:>6.3f} {score.precision:>6.3f} {score.recall:>6.3f} {speed:>9.1f}")
    if len(speeds) == 2:
        first, second = speeds.values()
        print(f"speed ratio declutter / trafilatura: {first / second:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
