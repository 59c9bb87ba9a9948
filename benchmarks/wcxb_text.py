"""declutter's text mode on the WCXB dev split: on full-page text, and as a post-filter on an extractor's output.

    pip install -e '.[bench]'          # html-text and trafilatura: benchmark dependencies only
    python benchmarks/wcxb_text.py ../shared/benchmarks/wcxb [--peer-cache DIR] [--cache DIR]
        [--limit N] [--types forum,product] [--sources html-text,trafilatura] [--worst N] [--rules N] [-j N]

Two texts per page, each scored BEFORE and AFTER ``declutter.clean(text, url=url, input_format="text")``:

- ``html-text``: the page's full text, ``html_text.extract_text(html, guess_layout=True)`` (menus, footers
  and all: what a crawler that keeps every word hands over). Outputs are cached in ``--cache`` (a folder in
  the system's temporary directory by default), so reruns only clean and score.
- ``trafilatura``: trafilatura's output, ``extract(html, url=url, include_comments=False)``; ``--peer-cache
  DIR`` reads it from ``DIR/<id>.txt`` instead (pages missing there are extracted). Here declutter is a
  post-filter, and it must never lower the extractor's F1.

Scores are the benchmark's metric from ``declutter.goldscore`` (word-multiset P, R and F1 per page, means over
pages, overall and per page type). For each source the report gives the pages whose F1 went down and the
sum of their losses; ``--worst N`` lists the N pages that lost most, with every removed line that is in the
gold text and the rule that removed it; ``--rules N`` ranks the rules by the gold lines they removed (lines
in gold / all lines they removed, per page type), which is where content losses come from.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from declutter import Cleaner
from declutter.goldscore import PageScore, WcxbPage, WcxbReport, load_wcxb, score_wcxb_page, summarise_wcxb

SOURCES = ("html-text", "trafilatura")
HTML_TEXT_CACHE = Path(tempfile.gettempdir()) / "declutter-wcxb-html-text"
"""Where html-text's outputs are kept between runs by default (``benchmarks/rule_census.py`` reads them there)."""
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Removal:
    """One removed line: the rule that removed it and whether the page's gold text holds it."""

    rule_id: str
    line: int
    text: str
    in_gold: bool


@dataclass(frozen=True)
class Outcome:
    """One page of one source: its score before and after declutter, and what declutter removed."""

    page: WcxbPage
    before: PageScore
    after: PageScore
    removals: tuple[Removal, ...]

    @property
    def delta(self) -> float:
        return self.after.score.f1 - self.before.score.f1


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def in_gold(line: str, gold: str, gold_words: Counter[str]) -> bool:
    """Whether a line's text is part of the gold text: the line's words in a row, or (for a line that
    the extractor formatted differently) nearly all its words among the gold's.

    >>> gold = "The kettle boils. It whistles loudly."
    >>> in_gold("It whistles loudly", _norm(gold), Counter(_norm(gold).split()))
    True
    >>> in_gold("Share on Facebook", _norm(gold), Counter(_norm(gold).split()))
    False
    """
    words = _norm(line)
    if not words:
        return False
    if f" {words} " in f" {gold} ":
        return True
    tokens = words.split()
    if len(tokens) < 4:
        return False
    found = sum(1 for token in tokens if gold_words[token])
    return found >= 0.9 * len(tokens)


# --- extraction (cached) ------------------------------------------------------------------------------------


def html_text_extract() -> Callable[[str, str | None], str]:
    try:
        import html_text
    except ImportError:
        raise SystemExit("html-text is not installed: pip install -e '.[bench]' (benchmark only)") from None

    def extract(html: str, url: str | None) -> str:
        return str(html_text.extract_text(html, guess_layout=True))

    return extract


def trafilatura_extract() -> Callable[[str, str | None], str]:
    try:
        import trafilatura
    except ImportError:
        raise SystemExit("trafilatura is not installed: pip install -e '.[bench]' (benchmark only)") from None

    def extract(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, include_comments=False) or ""

    return extract


def texts_for(
    source: str,
    pages: Sequence[WcxbPage],
    cache: Path,
    extract: Callable[[], Callable[[str, str | None], str]],
    *,
    write: bool = True,
) -> dict[str, str]:
    """Every page's text from ``cache/<id>.txt``; pages missing there are extracted (and written to it)."""
    if write:
        cache.mkdir(parents=True, exist_ok=True)
    texts: dict[str, str] = {}
    extractor: Callable[[str, str | None], str] | None = None
    missing = 0
    for page in pages:
        file = cache / f"{page.id}.txt"
        if file.is_file():
            texts[page.id] = file.read_text(encoding="utf-8")
            continue
        if extractor is None:
            extractor = extract()
        text = extractor(page.html(), page.url)
        if write:
            file.write_text(text, encoding="utf-8")
        texts[page.id] = text
        missing += 1
    if missing:
        print(f"{source}: extracted {missing} pages{f' into {cache}' if write else ''}", file=sys.stderr)
    return texts


# --- cleaning and scoring -----------------------------------------------------------------------------------

_CLEANER: Cleaner | None = None


def _clean(job: tuple[WcxbPage, str]) -> Outcome:
    global _CLEANER
    if _CLEANER is None:
        _CLEANER = Cleaner()
    page, text = job
    result = _CLEANER.explain(text, url=page.url, input_format="text")
    gold = _norm(page.reference)
    gold_words = Counter(gold.split())
    removals = tuple(
        Removal(d.rule_id, d.line, d.text, in_gold(d.text, gold, gold_words)) for d in result.decisions if d.text
    )
    return Outcome(page, score_wcxb_page(page, text), score_wcxb_page(page, result.text), removals)


def clean_all(pages: Sequence[WcxbPage], texts: dict[str, str], jobs: int) -> list[Outcome]:
    work = [(page, texts.get(page.id, "")) for page in pages]
    if jobs <= 1:
        return [_clean(job) for job in work]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(_clean, work, chunksize=8))


# --- reports ------------------------------------------------------------------------------------------------


def table(source: str, outcomes: Sequence[Outcome]) -> str:
    before = WcxbReport(tuple(o.before for o in outcomes))
    after = WcxbReport(tuple(o.after for o in outcomes))
    by_type: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_type[outcome.page.page_type].append(outcome)
    out = [
        f"{source}: F1 / P / R before → after declutter (means over pages); lowered = pages whose F1 went down",
        f"{'page type':<14} {'pages':>5}  {'F1 before':>9} {'after':>6}  {'P before':>8} {'after':>6}  "
        f"{'R before':>8} {'after':>6}  {'lowered':>7} {'loss':>7} {'raised':>6}",
    ]
    rows = [("all", before.overall, after.overall, list(outcomes))]
    for name in sorted(by_type):
        group = by_type[name]
        rows.append((name, summarise_wcxb([o.before for o in group]), summarise_wcxb([o.after for o in group]), group))
    for name, b, a, group in rows:
        lowered = [o.delta for o in group if o.delta < -1e-9]
        raised = sum(1 for o in group if o.delta > 1e-9)
        out.append(
            f"{name:<14} {b.pages:>5}  {b.f1:>9.3f} {a.f1:>6.3f}  {b.precision:>8.3f} {a.precision:>6.3f}  "
            f"{b.recall:>8.3f} {a.recall:>6.3f}  {len(lowered):>7} {sum(lowered):>7.3f} {raised:>6}"
        )
    return "\n".join(out)


def worst(source: str, outcomes: Sequence[Outcome], n: int, width: int = 110) -> str:
    """The ``n`` pages whose F1 fell most, with the removed lines the gold text holds."""
    lowered = sorted((o for o in outcomes if o.delta < -1e-9), key=lambda o: (o.delta, o.page.id))[:n]
    out = [f"\n{source}: the {len(lowered)} pages whose F1 fell most (removed lines that are in the gold text)"]
    for o in lowered:
        out.append(
            f"  {o.page.id} {o.page.page_type:<13} F1 {o.before.score.f1:.3f} → {o.after.score.f1:.3f}  "
            f"{o.page.url or ''}"
        )
        for removal in (r for r in o.removals if r.in_gold):
            text = removal.text.strip()
            out.append(f"      {removal.line + 1:>5} {removal.rule_id:<7} {text[:width]!r}")
    return "\n".join(out)


def rules_table(source: str, outcomes: Iterable[Outcome], n: int) -> str:
    """Rules ranked by the gold lines they removed, per page type."""
    gold: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    types: set[str] = set()
    for o in outcomes:
        types.add(o.page.page_type)
        for r in o.removals:
            total[r.rule_id, o.page.page_type] += 1
            gold[r.rule_id, o.page.page_type] += r.in_gold
    rules: Counter[str] = Counter()
    for (rule, _), count in gold.items():
        rules[rule] += count
    names = sorted(types)
    out = [
        f"\n{source}: rules by removed lines in the gold text (gold/removed, per page type)",
        f"{'rule':<8} {'all':>11}  " + " ".join(f"{name[:11]:>11}" for name in names),
    ]
    for rule, count in rules.most_common(n):
        if not count:
            break
        cells = [f"{gold[rule, name]}/{total[rule, name]}" for name in names]
        all_total = sum(total[rule, name] for name in names)
        out.append(f"{rule:<8} {f'{count}/{all_total}':>11}  " + " ".join(f"{cell:>11}" for cell in cells))
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path, help="the WCXB root, its dev/ folder, or a folder with ground-truth/")
    parser.add_argument("--limit", type=int, help="only the first N pages (in id order, after --types)")
    parser.add_argument("--types", default="", help="only these page types, comma-separated")
    parser.add_argument("--sources", default=",".join(SOURCES), help="html-text, trafilatura or both")
    parser.add_argument("--peer-cache", type=Path, help="trafilatura's outputs as <id>.txt, read instead of run")
    parser.add_argument(
        "--cache",
        type=Path,
        default=HTML_TEXT_CACHE,
        help="html-text's outputs are kept here between runs",
    )
    parser.add_argument("--worst", type=int, default=0, help="list the N pages each source lost most on")
    parser.add_argument("--rules", type=int, default=0, help="rank the N rules that removed most gold lines")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="worker processes for cleaning (default 2)")
    args = parser.parse_args(argv)
    sources = [s.strip() for s in args.sources.split(",") if s.strip()]
    unknown = set(sources) - set(SOURCES)
    if unknown:
        parser.error(f"unknown source(s): {', '.join(sorted(unknown))}; choose from {', '.join(SOURCES)}")
    dataset = load_wcxb(args.bench, types=[t.strip() for t in args.types.split(",") if t.strip()], limit=args.limit)
    skipped = f" (skipped {len(dataset.skipped)} without main_content)" if dataset.skipped else ""
    print(f"WCXB {dataset.root}: {len(dataset.pages)} pages{skipped}")
    for source in sources:
        if source == "html-text":
            texts = texts_for(source, dataset.pages, args.cache, html_text_extract)
        else:
            own = Path(tempfile.gettempdir()) / "declutter-wcxb-trafilatura"  # a peer cache is read, never written
            cache = args.peer_cache or own
            texts = texts_for(source, dataset.pages, cache, trafilatura_extract, write=args.peer_cache is None)
        outcomes = clean_all(dataset.pages, texts, args.jobs)
        print()
        print(table(source, outcomes))
        if args.worst:
            print(worst(source, outcomes, args.worst))
        if args.rules:
            print(rules_table(source, outcomes, args.rules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
