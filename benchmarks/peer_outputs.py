"""Clean the ScrapingHub peer extractors' outputs with declutter and measure what was removed.

For every extractor's article text of every page, each removed line is checked against the page's
ground-truth article body: a removed line found in the ground truth is *article text removed*
(a suspected false positive, listed for review), any other removed line is *residue removed*.
The benchmark's own metric (shingle P/R/F1) is printed before and after cleaning.

    python benchmarks/peer_outputs.py ../shared/benchmarks/scrapinghub [--show 40] [--extractors a,b]

The check is a substring test, so a removed line that also happens to occur in the ground truth
(a heading repeated in a caption, say) counts against us: read the listed lines before trusting it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from declutter import Cleaner
from declutter.goldscore import gold_score, load_bodies

EXTRACTORS = (
    "html-text",
    "inscriptis",
    "readability",
    "readability_js",
    "trafilatura",
    "goose3",
    "boilerpipe",
    "newspaper",
    "justext",
    "AutoExtract",
)
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path)
    parser.add_argument("--extractors", default=",".join(EXTRACTORS))
    parser.add_argument("--show", type=int, default=30, help="how many suspected article removals to list")
    args = parser.parse_args()
    truth_raw = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf-8"))
    gold = {key: value["articleBody"] for key, value in truth_raw.items()}
    gold_norm = {key: norm(text) for key, text in gold.items()}
    cleaner = Cleaner()
    suspects: list[str] = []
    print(
        f"{'extractor':<15} {'lines rm':>8} {'residue':>8} {'article':>8} {'line P':>7}   "
        f"{'F1 before':>9} {'F1 after':>8} {'P before':>8} {'P after':>7} {'R before':>8} {'R after':>7}"
    )
    rule_article: Counter[str] = Counter()
    rule_all: Counter[str] = Counter()
    for extractor in args.extractors.split(","):
        bodies = load_bodies(args.bench / "output" / f"{extractor}.json")
        cleaned = {}
        residue = article = 0
        for key, text in bodies.items():
            result = cleaner.explain(text, url=truth_raw[key]["url"])
            cleaned[key] = result.text
            lines = text.split("\n")
            for decision in result.decisions:
                if decision.action == "strip":
                    continue
                line = norm(lines[decision.line])
                rule_all[decision.rule_id] += 1
                if len(line.split()) >= 2 and line in gold_norm[key]:
                    article += 1
                    rule_article[decision.rule_id] += 1
                    suspects.append(
                        f"{extractor}:{key[:8]}:{decision.line + 1} {decision.rule_id} "
                        f"{lines[decision.line].strip()[:110]!r}"
                    )
                else:
                    residue += 1
        before, after = gold_score(gold, bodies), gold_score(gold, cleaned)
        removed = residue + article
        print(
            f"{extractor:<15} {removed:>8} {residue:>8} {article:>8} {residue / removed if removed else 1:>7.3f}   "
            f"{before.f1:>9.3f} {after.f1:>8.3f} {before.precision:>8.3f} {after.precision:>7.3f} "
            f"{before.recall:>8.3f} {after.recall:>7.3f}"
        )
    print("\nrules whose removals were found in the ground truth (removals / of which in ground truth):")
    for rule, count in rule_article.most_common():
        print(f"  {rule}: {rule_all[rule]} / {count}")
    print(f"\nsuspected article removals ({len(suspects)}), first {args.show}:")
    for line in suspects[: args.show]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
