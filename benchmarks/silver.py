"""Silver recall: what declutter leaves of full-page peer outputs, with labels taken from the ground truth.

The hand-labelled samples cover one page per site. The benchmark holds 181 pages, and its
full-page converters (html-text, inscriptis) give residue-rich text for every one of them. A
line of two words or more is *silver residue* when it does not occur in the page's
ground-truth article body, and *silver article* when it does (a substring test, so short
menu words that the article also uses count as article: the silver residue is a lower
bound). This script cleans those texts and reports, per converter, how much silver residue
was removed (silver recall) and how many silver article lines were removed.

Pages of held-out sites are skipped: every page whose domain is a domain of ``samples/test``
(or whose id is a test sample's), so the script can be used while writing rules without
reading the held-out part. ``--list N`` prints the silver residue left on up to N pages, the
most first, with line numbers, for reading.

    python benchmarks/silver.py ../shared/benchmarks/scrapinghub [--list 5] [--ignore REL001,REL002]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from declutter import Cleaner
from declutter.document import domain_of, normalize_domain
from declutter.goldscore import load_bodies
from declutter.samples import load_samples

CONVERTERS = ("html-text", "inscriptis")
_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"^(?:[*+•o-]|\d{1,3}[.)])\s+")


def norm(text: str) -> str:
    """White space squeezed, case folded, a list bullet or number dropped (the gold text has none)."""
    return _BULLET.sub("", _SPACE.sub(" ", text).strip()).casefold()


def held_out(samples: Path) -> tuple[set[str], set[str]]:
    """Domains and page ids (the hash after 'sh-') of the held-out samples, from their headers only."""
    test = load_samples([samples / "test"])
    domains = {normalize_domain(sample.domain) for sample in test if sample.domain}
    domains |= {d for sample in test if sample.url and (d := domain_of(sample.url))}
    pages = {sample.id.split("-")[1] for sample in test if sample.id.startswith("sh-")}
    return domains, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path)
    parser.add_argument("--samples", type=Path, default=Path("samples"))
    parser.add_argument("--list", type=int, default=0, help="print the silver residue left on this many pages")
    parser.add_argument("--ignore", default="", help="rule ids, prefixes or categories to switch off (ablation)")
    args = parser.parse_args()

    truth = json.loads((args.bench / "ground-truth.json").read_text(encoding="utf-8"))
    test_domains, test_pages = held_out(args.samples)
    keep = {
        key
        for key, value in truth.items()
        if domain_of(value["url"]) not in test_domains and not any(key.startswith(p) for p in test_pages)
    }
    cleaner = Cleaner(ignore=[item for item in args.ignore.split(",") if item])
    print(f"{len(keep)} of {len(truth)} pages (pages of held-out sites skipped)")
    print(f"{'converter':<11} {'silver residue':>14} {'removed':>8} {'recall':>7} {'article rm':>10}")
    left_by_page: list[tuple[int, str, list[str]]] = []
    for converter in CONVERTERS:
        bodies = load_bodies(args.bench / "output" / f"{converter}.json")
        residue = removed = article_removed = 0
        for key in sorted(keep & bodies.keys()):
            gold = norm(truth[key]["articleBody"])
            result = cleaner.explain(bodies[key], url=truth[key]["url"])
            gone = {d.line for d in result.decisions if d.action != "strip"}
            left: list[str] = []
            for number, line in enumerate(bodies[key].split("\n")):
                text = norm(line)
                if len(text.split()) < 2:
                    continue
                if text in gold:
                    article_removed += number in gone
                    continue
                residue += 1
                if number in gone:
                    removed += 1
                else:
                    left.append(f"  {number + 1:5} {line.strip()[:110]}")
            if left:
                left_by_page.append((len(left), f"{converter}:{key[:8]} {domain_of(truth[key]['url'])}", left))
        recall = removed / residue if residue else 1.0
        print(f"{converter:<11} {residue:>14} {removed:>8} {recall:>7.3f} {article_removed:>10}")
    for count, name, left in sorted(left_by_page, reverse=True)[: args.list]:
        print(f"\n{name}: {count} silver residue lines left")
        print("\n".join(left))
    return 0


if __name__ == "__main__":
    sys.exit(main())
