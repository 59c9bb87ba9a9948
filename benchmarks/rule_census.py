"""Per-rule precision census: what each rule and heuristic removes, and how much of it the reference holds.

    python benchmarks/rule_census.py ../shared/benchmarks/wcxb --scrapinghub ../shared/benchmarks/scrapinghub \\
        --peer-cache DIR [--html-text-cache DIR] [--instruments wcxb-html,html-text,post-filter,scrapinghub]
        [--top 20] [--rule ID] [--json FILE] [-j 2]

A generic rule that takes reference words on several sites of the dev sets will take them on sites nobody here
has seen; one that only a single dev site justifies is a site rule in disguise. Four instruments, each page
cleaned once with ``explain()`` and every removal attributed to the rule that made it:

- ``wcxb-html``: the WCXB dev split's HTML (the DOM stage's element removals, then the text rules);
- ``html-text``: WCXB pages' full text (``html_text``, cached by ``benchmarks/wcxb_text.py``);
- ``post-filter``: trafilatura's output on WCXB (``--peer-cache``, ``<id>.txt``), declutter after it;
- ``scrapinghub``: the ScrapingHub news set's HTML, generic rules only (as its GoldScore is measured).

Every removed element or line is cut into lines (an element at its block tags) and each line is classed:
``residue`` (not in the reference), ``lost`` (in the reference and missing from the output) or ``copy`` (in the
reference, and the output still prints it: a hidden or mobile duplicate). A line is in the reference when its
words run there in a row (a line of one word only when it is a whole reference line, as a one-word menu label
is found inside any text), or when a line of 4 words or more has 90% of its words among the reference's.
Counts are words (``\\w+``). A rule's precision is residue / (residue + lost) words; a site (the page URL's
host, ``www.`` dropped) counts against a rule when the rule took more reference words than residue there.

The census counts what each removal held, not what it cost: a rule's words would not all be kept without it
(the region finder or another rule may take them), so judge a rule it ranks by cleaning with
``Cleaner(ignore=[ID])`` on every instrument.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree
from wcxb_text import HTML_TEXT_CACHE  # the folder benchmarks/wcxb_text.py writes

import declutter.html.chrome as chrome
from declutter import Cleaner, RuleSet
from declutter.goldscore import load_wcxb
from declutter.html.tree import BLOCK_TAGS, SKIP
from declutter.inputs import decode_html

INSTRUMENTS = ("wcxb-html", "html-text", "post-filter", "scrapinghub")
_WORD = re.compile(r"\w+")


def _lines_of(element: etree._Element, limit: int = 100) -> str:
    """An element's whole text, one line per block (stands in for the DOM stage's 100-character preview)."""
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in SKIP:
                continue
            parts.append(("\n" if tag in BLOCK_TAGS else " ") + (node.text or ""))
        elif node is not element:
            parts.append(("\n" if tag in BLOCK_TAGS else " ") + (node.tail or ""))
    return "".join(parts)


chrome.preview = _lines_of  # type: ignore[assignment]  # the census needs every removed word, not a preview


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class Reference:
    """A page's reference text, normalised for the line tests."""

    text: str
    words: Counter[str]
    lines: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Reference:
        norm = _norm(text)
        return cls(f" {norm} ", Counter(norm.split()), frozenset(_norm(line) for line in text.splitlines()))

    def holds(self, line: str) -> bool:
        """Whether the reference holds a normalised line.

        >>> ref = Reference.of("About us\\n\\nWe sell tea and talk about it.")
        >>> ref.holds("about"), ref.holds("about us"), ref.holds("sell tea"), ref.holds("share on facebook")
        (False, True, True, False)
        """
        tokens = line.split()
        if not tokens:
            return False
        if len(tokens) == 1:
            return line in self.lines
        if f" {line} " in self.text:
            return True
        return len(tokens) >= 4 and sum(1 for t in tokens if self.words[t]) >= 0.9 * len(tokens)


@dataclass
class Tally:
    """One rule's words on one instrument: residue, lost and copied reference words, by page and site."""

    residue: int = 0
    lost: int = 0
    copy: int = 0
    pages: set[str] = field(default_factory=set)
    lost_pages: set[str] = field(default_factory=set)
    site_residue: Counter[str] = field(default_factory=Counter)
    site_lost: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.residue += other.residue
        self.lost += other.lost
        self.copy += other.copy
        self.pages |= other.pages
        self.lost_pages |= other.lost_pages
        self.site_residue.update(other.site_residue)
        self.site_lost.update(other.site_lost)

    @property
    def precision(self) -> float:
        return self.residue / (self.residue + self.lost) if self.residue + self.lost else 1.0

    @property
    def bad_sites(self) -> list[str]:
        """Sites where the rule took more reference words than residue."""
        return sorted(s for s, n in self.site_lost.items() if n > self.site_residue[s])


@dataclass(frozen=True)
class Job:
    instrument: str
    page: str
    site: str
    url: str | None
    text: str
    reference: str
    html: bool


def site_of(url: str | None) -> str:
    host = urlsplit(url or "").hostname or "?"
    return host[4:] if host.startswith("www.") else host


_CLEANERS: dict[bool, Cleaner] = {}


def _cleaner(generic: bool) -> Cleaner:
    if generic not in _CLEANERS:
        rules = RuleSet.bundled()
        if generic:
            rules = RuleSet([r for r in rules.rules if not r.domains], rules.fingerprint)
        _CLEANERS[generic] = Cleaner(rules)
    return _CLEANERS[generic]


Row = tuple[str, str, str, str, int, str]  # instrument, rule, page, site, words, class


def census_page(job: Job) -> list[Row]:
    """Every removed line of one page, classed (residue, lost or copy) and counted in words."""
    cleaner = _cleaner(job.instrument == "scrapinghub")
    result = cleaner.explain(job.text, url=job.url, input_format="html" if job.html else "text")
    ref = Reference.of(job.reference)
    out = f" {_norm(result.text)} "
    removed: list[tuple[str, str]] = [(e.rule_id, e.text) for e in result.elements]
    removed += [(d.rule_id, d.text) for d in result.decisions if d.text]
    rows: list[Row] = []
    for rule, text in removed:
        for raw in text.splitlines():
            line = _norm(raw)
            words = len(line.split())
            if not words:
                continue
            kind = "residue" if not ref.holds(line) else ("copy" if f" {line} " in out else "lost")
            rows.append((job.instrument, rule, job.page, job.site, words, kind))
    return rows


def jobs(args: argparse.Namespace, wanted: Sequence[str]) -> Iterator[Job]:
    wcxb = load_wcxb(args.wcxb).pages if args.wcxb else ()
    for page in wcxb:
        site = site_of(page.url)
        if "wcxb-html" in wanted:
            yield Job("wcxb-html", page.id, site, page.url, page.html(), page.reference, True)
        for instrument, folder in (("html-text", args.html_text_cache), ("post-filter", args.peer_cache)):
            file = folder / f"{page.id}.txt" if folder else None
            if instrument in wanted and file and file.is_file():
                yield Job(instrument, page.id, site, page.url, file.read_text(encoding="utf-8"), page.reference, False)
    if "scrapinghub" in wanted and args.scrapinghub:
        truth = json.loads((args.scrapinghub / "ground-truth.json").read_text())
        for key, value in sorted(truth.items()):
            raw = gzip.decompress((args.scrapinghub / "html" / f"{key}.html.gz").read_bytes())
            page = decode_html(raw, key)[0]
            url = value["url"]
            yield Job("scrapinghub", key, site_of(url), url, page, value["articleBody"] or "", True)


def tally(rows: Sequence[Row]) -> dict[str, dict[str, Tally]]:
    """rule -> instrument -> Tally, with an ``all`` instrument summing the four."""
    table: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))
    for instrument, rule, page, site, words, kind in rows:
        for key in (instrument, "all"):
            t = table[rule][key]
            key_site = f"{instrument[:2]}:{site}" if key == "all" and instrument == "scrapinghub" else site
            t.pages.add(f"{instrument}:{page}")
            if kind == "residue":
                t.residue += words
                t.site_residue[key_site] += words
            elif kind == "lost":
                t.lost += words
                t.lost_pages.add(f"{instrument}:{page}")
                t.site_lost[key_site] += words
            else:
                t.copy += words
    return table


def scope(rule_id: str, rules: RuleSet) -> str:
    by_id = {r.id: r for r in rules.rules}
    rule = by_id.get(rule_id)
    if rule is None:
        return "?"
    if rule.domains:
        return "site"
    if rule.languages:
        return "lang:" + ",".join(sorted(rule.languages))
    return str(rule.kind.value if hasattr(rule.kind, "value") else rule.kind)


def report(table: dict[str, dict[str, Tally]], instruments: Sequence[str], top: int) -> str:
    rules = RuleSet.bundled()
    names = {r.id: r.name for r in rules.rules}
    short = {"wcxb-html": "html", "html-text": "htxt", "post-filter": "post", "scrapinghub": "sh"}
    head = f"{'rule':<7} {'name':<22} {'kind':<9} {'lost':>6} {'resid':>7} {'prec':>5} {'pg':>4} {'s+':>4} {'s-':>4}  "
    head += "  ".join(f"{short[i]:>14}" for i in instruments)
    out = [
        "s+ = sites where the rule took reference words, s- = sites where those outweigh its residue;",
        "per instrument: reference words lost / words removed (copies aside), and precision",
        head,
    ]
    ranked = sorted(table.items(), key=lambda kv: (-kv[1]["all"].lost, kv[0]))
    for rule, by in ranked[:top]:
        a = by["all"]
        cells = []
        for i in instruments:
            t = by.get(i)
            cells.append(f"{t.lost:>5}/{t.lost + t.residue:<5} {t.precision:.2f}" if t else f"{'-':>14}")
        out.append(
            f"{rule:<7} {names.get(rule, '')[:22]:<22} {scope(rule, rules)[:9]:<9} {a.lost:>6} {a.residue:>7} "
            f"{a.precision:>5.2f} {len(a.lost_pages):>4} {len(a.site_lost):>4} {len(a.bad_sites):>4}  "
            + "  ".join(cells)
        )
    weak = [
        (rule, by["all"])
        for rule, by in table.items()
        if by["all"].precision < 0.5 and len(by["all"].bad_sites) >= 2 and scope(rule, rules) != "site"
    ]
    out.append("\ngeneric rules under 0.5 precision taking more reference than residue on 2 sites or more:")
    for rule, a in sorted(weak, key=lambda kv: -kv[1].lost):
        out.append(
            f"  {rule:<7} {names.get(rule, '')[:24]:<24} lost {a.lost:>5} residue {a.residue:>5} "
            f"sites {len(a.bad_sites)}: {', '.join(a.bad_sites[:6])}"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wcxb", type=Path, nargs="?", help="the WCXB root or its dev/ folder")
    parser.add_argument("--scrapinghub", type=Path, help="the ScrapingHub folder (ground-truth.json, html/)")
    parser.add_argument("--peer-cache", type=Path, help="trafilatura's WCXB outputs as <id>.txt (post-filter)")
    parser.add_argument(
        "--html-text-cache",
        type=Path,
        default=HTML_TEXT_CACHE,
        help="html-text's WCXB outputs as <id>.txt (written by benchmarks/wcxb_text.py)",
    )
    parser.add_argument(
        "--instruments", default=",".join(INSTRUMENTS), help="comma-separated, of: " + ", ".join(INSTRUMENTS)
    )
    parser.add_argument("--top", type=int, default=20, help="rules listed, by reference words lost (default 20)")
    parser.add_argument("--rule", help="list one rule's lost lines' pages and sites instead")
    parser.add_argument(
        "--json", type=Path, help="write every classed line (instrument, rule, page, site, words, class)"
    )
    parser.add_argument("-j", "--jobs", type=int, default=2, help="worker processes (default 2)")
    args = parser.parse_args(argv)
    wanted = [i.strip() for i in args.instruments.split(",") if i.strip()]
    if set(wanted) - set(INSTRUMENTS):
        parser.error(f"unknown instrument(s): {', '.join(sorted(set(wanted) - set(INSTRUMENTS)))}")
    work = list(jobs(args, wanted))
    rows: list[Row] = []
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for page_rows in pool.map(census_page, work, chunksize=8):
            rows.extend(page_rows)
    if args.json:
        args.json.write_text(json.dumps(rows))
    table = tally(rows)
    counted = Counter(j.instrument for j in work)
    print("pages: " + ", ".join(f"{i} {counted[i]}" for i in wanted))
    if args.rule:
        by = table.get(args.rule, {})
        for instrument in wanted:
            t = by.get(instrument)
            if t:
                lost = ", ".join(f"{s} {n}" for s, n in t.site_lost.most_common(12))
                print(f"{instrument}: lost {t.lost} residue {t.residue} copy {t.copy}; by site: {lost}")
        return 0
    print(report(table, wanted, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
