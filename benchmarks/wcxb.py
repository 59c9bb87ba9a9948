"""declutter's HTML mode and trafilatura on the WCXB dev split (seven page types), side by side in one run.

    pip install -e '.[bench]'          # trafilatura: a benchmark dependency only
    python benchmarks/wcxb.py ../shared/benchmarks/wcxb [--limit N] [--types article,forum]
        [--save DIR] [--worst N] [--only declutter|peer] [--peer trafilatura|readability] [--peer-cache DIR]

Both systems get the same decoded page and its URL: declutter in HTML mode (its title line left out,
as the benchmark's references leave the title out: ``declutter.goldscore.wcxb_text``), trafilatura as
``extract(html, url=url, include_comments=False)``. Scores are the benchmark's own metric from
``declutter.goldscore`` (the one ``declutter score --gold DIR`` uses): word-multiset precision, recall and
F1 per page, their means over pages overall and per page type, beside the share of must-have ``with``
snippets found and of boilerplate ``without`` snippets left (lower is better). Pages/s times the
extraction calls only, not reading or decompressing the files.

``--save DIR`` writes ``DIR/<system>/<id>.txt`` and ``DIR/<system>/scores.json`` (every page's scores) so
pages can be diffed; ``DIR/trafilatura`` (``DIR/<peer>``) then serves as ``--peer-cache`` for the next run, which reads
trafilatura's output from ``<id>.txt`` files there instead of extracting it again (pages missing from the
cache are extracted, or scored as empty under ``--only declutter``). ``--worst N`` lists, per page type,
declutter's N lowest-F1 pages beside trafilatura's F1 on the same page.

``--peer readability`` compares with readability-lxml instead (the reader-mode tools' convention: captions,
bios and footnotes inside the article stay), ``Document(html, url=url).summary()`` as text by html-text. It is
no dependency of the project, not even a benchmark one: ``pip install readability-lxml`` first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from declutter import Cleaner
from declutter.batchcli import progress_bar
from declutter.goldscore import (
    WCXB_HEADER,
    WcxbPage,
    WcxbReport,
    WcxbSet,
    load_wcxb,
    score_wcxb,
    wcxb_json,
    wcxb_row,
    wcxb_text,
)

Extract = Callable[[str, str | None], str]


@dataclass(frozen=True)
class Run:
    """One system's outputs on the pages, and the time its extraction calls took."""

    name: str
    slug: str
    texts: dict[str, str]
    seconds: float
    extracted: int  # pages extracted in this run (the rest came from the cache or are missing)

    @property
    def speed(self) -> str:
        return f"{self.extracted / self.seconds:.1f}" if self.extracted and self.seconds else "cached"


def run_system(
    name: str, slug: str, extract: Extract | None, pages: tuple[WcxbPage, ...], cache: Path | None = None
) -> Run:
    """Extract every page (cached outputs first); only the ``extract`` calls are timed."""
    texts: dict[str, str] = {}
    seconds, extracted = 0.0, 0
    progress = progress_bar(len(pages), label=slug)
    try:
        for page in pages:
            cached = cache / f"{page.id}.txt" if cache is not None else None
            if cached is not None and cached.is_file():
                texts[page.id] = cached.read_text(encoding="utf-8")
            elif extract is not None:
                html = page.html()
                start = time.perf_counter()
                texts[page.id] = extract(html, page.url)
                seconds += time.perf_counter() - start
                extracted += 1
            if progress is not None:
                progress.advance(progress.task_ids[0])
    finally:
        if progress is not None:
            progress.stop()
    missing = len(pages) - len(texts)
    if missing:
        print(f"note: {name} has no output for {missing} pages; they score as empty", file=sys.stderr)
    return Run(name, slug, texts, seconds, extracted)


def declutter_extract() -> Extract:
    cleaner = Cleaner()

    def extract(html: str, url: str | None) -> str:
        return wcxb_text(cleaner.explain(html, url=url, input_format="html"))

    return extract


def trafilatura_extract() -> tuple[str, Extract | None]:
    try:
        import trafilatura
    except ImportError:
        print("trafilatura is not installed: pip install -e '.[bench]' (benchmark only)", file=sys.stderr)
        return "trafilatura", None

    def extract(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, include_comments=False) or ""

    return f"trafilatura {trafilatura.__version__}", extract


def readability_extract() -> tuple[str, Extract | None]:
    try:
        import html_text
        from readability import Document
    except ImportError:
        print("readability-lxml or html-text is not installed: pip install readability-lxml html-text", file=sys.stderr)
        return "readability-lxml", None

    def extract(html: str, url: str | None) -> str:
        try:
            return str(html_text.extract_text(Document(html, url=url).summary()))
        except Exception:  # readability-lxml gives up on some pages (no body, unparsable markup): an empty output
            return ""

    return "readability-lxml", extract


PEERS = {"trafilatura": trafilatura_extract, "readability": readability_extract}


def render(dataset: WcxbSet, runs: list[tuple[Run, WcxbReport]]) -> str:
    first = runs[0][1]
    types = list(first.by_type)
    skipped = f"; skipped {len(dataset.skipped)} without main_content ({', '.join(dataset.skipped)})"
    out = [
        f"WCXB {dataset.root}: {len(dataset.pages)} pages{skipped if dataset.skipped else ''}",
        "F1, P and R are means over pages; with = share of must-have snippets found, without = share of "
        "boilerplate snippets left (lower is better); pages/s times the extraction only (not file reading)",
        "",
        f"{'system':<20} {'F1':>6} {'P':>6} {'R':>6} {'with':>6} {'without':>7} {'pages/s':>8}  "
        + " ".join(f"{name:>{max(len(name), 6)}}" for name in types),
    ]
    for run, report in runs:
        all_ = report.overall
        by_type = report.by_type
        out.append(
            f"{run.name:<20} {all_.f1:>6.3f} {all_.precision:>6.3f} {all_.recall:>6.3f} {all_.with_rate:>6.3f} "
            f"{all_.without_rate:>7.3f} {run.speed:>8}  "
            + " ".join(f"{by_type[name].f1:>{max(len(name), 6)}.3f}" for name in types)
        )
    out += ["", f"{'system':<20} {WCXB_HEADER}"]
    for name in ["all", *types]:
        for run, report in runs:
            summary = report.overall if name == "all" else report.by_type[name]
            out.append(f"{run.name:<20} {wcxb_row(name, summary)}")
    return "\n".join(out)


def worst(runs: list[tuple[Run, WcxbReport]], n: int) -> str:
    """Declutter's ``n`` lowest-F1 pages per type, with the peer's F1 on the same page.

    Ties (many pages score 0) go to the pages the peer does best on: those show what is possible.
    """
    (mine, report), *others = runs
    peer = {page.id: page.score.f1 for page in others[0][1].pages} if others else {}
    peer_name = others[0][0].slug if others else "peer"
    out = [f"\n{mine.slug}'s {n} worst pages per type ({peer_name} F1 beside)"]
    for name in report.by_type:
        of_type = (p for p in report.pages if p.page_type == name)
        pages = sorted(of_type, key=lambda p: (p.score.f1, -peer.get(p.id, 0.0), p.id))[:n]
        out.append(f"{name}:")
        for page in pages:
            theirs = f"{peer[page.id]:.3f}" if page.id in peer else "  -  "
            out.append(f"  {page.id}  {mine.slug} {page.score.f1:.3f}  {peer_name} {theirs}  {page.url or ''}")
    return "\n".join(out)


def save(directory: Path, run: Run, report: WcxbReport) -> None:
    target = directory / run.slug
    target.mkdir(parents=True, exist_ok=True)
    for key, text in run.texts.items():
        (target / f"{key}.txt").write_text(text, encoding="utf-8")
    data = {"system": run.name, **wcxb_json(report)}
    (target / "scores.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path, help="the WCXB root, its dev/ folder, or a folder with ground-truth/")
    parser.add_argument("--limit", type=int, help="only the first N pages (in id order, after --types)")
    parser.add_argument("--types", default="", help="only these page types, comma-separated")
    parser.add_argument("--save", type=Path, help="write each system's texts and per-page scores here")
    parser.add_argument("--worst", type=int, default=0, help="list declutter's N worst pages per type")
    parser.add_argument("--only", choices=("declutter", "peer"), help="run one system only")
    parser.add_argument("--peer", choices=tuple(PEERS), default="trafilatura", help="the system to compare with")
    parser.add_argument("--peer-cache", type=Path, help="the peer's outputs as <id>.txt, read instead of run")
    args = parser.parse_args()
    dataset = load_wcxb(args.bench, types=[t.strip() for t in args.types.split(",") if t.strip()], limit=args.limit)
    runs: list[Run] = []
    if args.only != "peer":
        runs.append(run_system("declutter", "declutter", declutter_extract(), dataset.pages))
    if args.only != "declutter" or args.peer_cache is not None:
        name, extract = PEERS[args.peer]() if args.only != "declutter" else (f"{args.peer} (cached)", None)
        if extract is not None or args.peer_cache is not None:
            runs.append(run_system(name, args.peer, extract, dataset.pages, args.peer_cache))
    if not runs:
        return 1
    scored = [(run, score_wcxb(dataset, run.texts)) for run in runs]
    print(render(dataset, scored))
    if args.worst:
        print(worst(scored, args.worst))
    if args.save is not None:
        for run, report in scored:
            save(args.save, run, report)
        print(f"\nwrote {', '.join(str(args.save / run.slug) for run, _ in scored)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
