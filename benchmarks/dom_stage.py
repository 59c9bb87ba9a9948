"""Time the HTML DOM stage per step, and check that a change leaves its output as it was.

    python benchmarks/dom_stage.py ../shared/benchmarks/scrapinghub [--repeat 5]
    python benchmarks/dom_stage.py ../shared/benchmarks/scrapinghub --save before.json
    python benchmarks/dom_stage.py ../shared/benchmarks/scrapinghub --compare before.json

Timing: ``extract_page`` on every page, ``--repeat`` times, the fastest run per step counts (the steps
are wrapped where ``extract_page`` calls them, so the total includes a little wrapping). ``--save``
writes what every page gives (the text rules' output, the blocks, the removed elements and the
metadata, with and without the page's URL); ``--compare`` reports every page whose output differs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import declutter.html.extract as html
from declutter import Cleaner, RuleSet
from declutter.inputs import decode_html

STEPS = (
    "parse",
    "read_metadata",
    "reveal_noscript",
    "strip_bulk",
    "remove_chrome",
    "content_parts",
    "blocks_and_repeats",
)
"""The steps ``extract_page`` calls, looked up and wrapped in its module."""


def load(bench: Path) -> list[tuple[str, str, str]]:
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (
            key,
            decode_html(gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes()), key)[0],
            truth[key]["url"],
        )
        for key in sorted(truth)
    ]


def timed_steps(pages: list[tuple[str, str, str]], repeat: int) -> dict[str, float]:
    """Milliseconds per page of each step and of the whole stage (best of ``repeat`` runs)."""
    rules = RuleSet.bundled().active()
    spent: dict[str, float] = {}

    def wrap(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                result = step(*args, **kwargs)
                return result
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        return timed

    originals = {name: getattr(html, name) for name in STEPS}
    best: dict[str, float] = {}
    try:
        for name, step in originals.items():
            setattr(html, name, wrap(name, step))
        for _ in range(repeat):
            spent.clear()
            start = time.perf_counter()
            for _key, page, url in pages:
                html.extract_page(page, rules, url=url)
            spent["total"] = time.perf_counter() - start
            if spent["total"] < best.get("total", float("inf")):
                best = dict(spent)
    finally:
        for name, step in originals.items():
            setattr(html, name, step)
    return {name: 1000 * seconds / len(pages) for name, seconds in best.items()}


def outputs(pages: list[tuple[str, str, str]]) -> dict[str, dict[str, Any]]:
    cleaner = Cleaner(RuleSet.bundled())
    found = {}
    for key, page, url in pages:
        with_url = cleaner.explain(page, url=url, input_format="html")
        without = cleaner.explain(page, input_format="html")
        found[key] = {
            "text": with_url.text,
            "source": with_url.source,
            "elements": [element.to_dict() for element in with_url.elements],
            "metadata": dict(with_url.metadata),
            "text_without_url": without.text,
            "elements_without_url": [element.to_dict() for element in without.elements],
            "metadata_without_url": dict(without.metadata),
        }
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path)
    parser.add_argument("--repeat", type=int, default=5, help="timing runs; the fastest counts")
    parser.add_argument("--save", type=Path, help="write every page's output to this JSON file")
    parser.add_argument("--compare", type=Path, help="compare every page's output with this JSON file")
    args = parser.parse_args()
    pages = load(args.bench)
    if args.save or args.compare:
        found = outputs(pages)
        if args.save:
            args.save.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
            print(f"{len(found)} pages saved to {args.save}")
        if args.compare:
            saved = json.loads(args.compare.read_text(encoding="utf-8"))
            differ = sorted(key for key in saved if saved[key] != found.get(key))
            for key in differ:
                fields = [field for field in saved[key] if saved[key][field] != found.get(key, {}).get(field)]
                print(f"{key}: {', '.join(fields)} differ")
            print(f"{len(saved)} pages compared, {len(differ)} differ")
            return 1 if differ else 0
        return 0
    steps = timed_steps(pages, args.repeat)
    print(f"{len(pages)} pages, ms per page (best of {args.repeat}):")
    for name, ms in steps.items():
        print(f"  {name:<18} {ms:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
