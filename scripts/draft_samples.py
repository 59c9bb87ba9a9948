"""Draft sample files from the ScrapingHub peer outputs, for a person to label.

Usage:
    python scripts/draft_samples.py plan BENCH_DIR            # print the fixed selection (page, extractor, split)
    python scripts/draft_samples.py plan BENCH_DIR --batch 2  # the second selection, from the remaining domains
    python scripts/draft_samples.py draft BENCH_DIR PAGE EXTRACTOR SPLIT
    python scripts/draft_samples.py show FILE                # rows numbered by raw-text line
    python scripts/draft_samples.py relabel FILE N=label N-M=label ...   # set labels by raw-text line number
    python scripts/draft_samples.py note FILE "line N: why" ...          # add '# notes:' lines
    python scripts/draft_samples.py check FILE...            # validate finished samples

A draft pre-labels a line ``body`` only when its text (three words or more) occurs
in the page's ground-truth article body; every other line is ``todo``. The
labeller reads every line, corrects the pre-labels and replaces each ``todo``,
then renames ``<id>.draft`` to ``<id>.sample``. The ground truth is a guide, not
the label: captions, headings, bylines and titles need a human decision.

``plan --batch 3`` adds full-page views: the html-text or inscriptis output of each page batches 1 and
2 sampled through a main-content extractor, in the page's own split (see :func:`full_page_views`).

``plan`` (batch 1) takes the first 66 domains in sha256 order. ``plan --batch 2``
takes the remaining domains in the same order and applies the same rules: one page
per domain, ROTATION continued where batch 1 stopped (position 66 onward, domains in
alphabetical order), dev/test alternated inside each extractor by page hash (within
the batch, so batch 1 is unchanged).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

from declutter.errors import SampleError
from declutter.samples import format_sample, load_sample, parse_label, parse_sample, sample_from_text

EXTRACTOR_VERSIONS = {
    "html-text": "0.7.0",
    "inscriptis": "2.6.0",
    "readability": "0.8.4.1",
    "goose3": "3.1.20",
    "trafilatura": "2.0.0",
    "boilerpipe": "",
    "readability_js": "0.6.0",
    "newspaper": "",
}
ROTATION = (
    "html-text",
    "readability",
    "trafilatura",
    "goose3",
    "inscriptis",
    "boilerpipe",
    "readability",
    "html-text",
    "readability_js",
    "newspaper",
)
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    """Lower-cased, with no whitespace at all: a drop cap ('H ong Kong') or a space a converter put before
    punctuation ('Pilão ,') still finds its line in the gold body."""
    return _SPACE.sub("", text).lower()


def load_outputs(bench: Path, extractor: str) -> dict[str, str]:
    data = json.loads((bench / "output" / f"{extractor}.json").read_text(encoding="utf-8"))
    data = data.get("output", data)
    return {key: value["articleBody"] for key, value in data.items()}


def plan(bench: Path, count: int = 66, batch: int = 1) -> list[tuple[str, str, str, str]]:
    """A fixed, reproducible selection: one page per domain, extractors in rotation, split by hash.

    Batch 1 is the first ``count`` domains in sha256 order; batch 2 is the rest, with the rotation
    continued from position ``count`` and dev/test alternated within the batch.
    """
    if batch == 3:
        return full_page_views(bench, count)
    if batch not in (1, 2):
        raise ValueError(f"unknown batch {batch}")
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    by_domain: dict[str, list[str]] = defaultdict(list)
    for page, value in sorted(truth.items()):
        by_domain[urlparse(value["url"]).netloc.removeprefix("www.")].append(page)
    ordered = sorted(by_domain, key=lambda d: hashlib.sha256(d.encode()).hexdigest())
    domains, offset = (ordered[:count], 0) if batch == 1 else (ordered[count:], count)
    picked = [
        (by_domain[domain][0], ROTATION[(offset + n) % len(ROTATION)], domain)
        for n, domain in enumerate(sorted(domains))
    ]
    # Alternate dev/test inside each extractor (in hash order) so both halves mix the same extractors.
    split: dict[str, str] = {}
    for extractor in set(ROTATION):
        pages = sorted(
            (p for p, e, _ in picked if e == extractor), key=lambda p: hashlib.sha256(p.encode()).hexdigest()
        )
        split.update((page, ("dev", "test")[n % 2]) for n, page in enumerate(pages))
    return [(page, extractor, split[page], domain) for page, extractor, domain in picked]


def draft(bench: Path, page: str, extractor: str, split: str, out_dir: Path) -> Path:
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))[page]
    text = load_outputs(bench, extractor)[page]
    gold = _norm(truth["articleBody"])
    labels = []
    for line in text.split("\n"):
        words = line.split()
        labels.append("body" if len(words) >= 3 and _norm(line) in gold else "todo")
    if text.endswith("\n"):
        labels.pop()
    version = EXTRACTOR_VERSIONS.get(extractor, "")
    sample_id = f"sh-{page[:8]}-{extractor}"
    meta = {
        "id": sample_id,
        "source": f"scrapinghub benchmark page {page}, extracted by {extractor} {version}".rstrip(),
        "url": truth["url"],
        "domain": urlparse(truth["url"]).netloc.removeprefix("www."),
        "split": split,
    }
    sample = sample_from_text(text, labels, meta=meta)
    path = out_dir / split / f"{sample_id}.draft"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(format_sample(sample), encoding="utf-8")
    return path


FULL_PAGE = ("html-text", "inscriptis")


def full_page_views(bench: Path, count: int = 66) -> list[tuple[str, str, str, str]]:
    """Batch 3: the full-page text of every page that batches 1 and 2 sampled through a main-content extractor.

    Full-page converters leave the most residue (menus, footers, teaser lists), so these views
    add the hardest text for the same sites. Each page keeps its split, so no site crosses from
    dev to test; within a split, pages in sha256 order alternate html-text and inscriptis.
    """
    earlier = plan(bench, count, 1) + plan(bench, count, 2)
    rows: list[tuple[str, str, str, str]] = []
    for split in ("dev", "test"):
        pages = sorted(
            (
                (page, domain)
                for page, extractor, where, domain in earlier
                if where == split and extractor not in FULL_PAGE
            ),
            key=lambda row: hashlib.sha256(row[0].encode()).hexdigest(),
        )
        rows += [(page, FULL_PAGE[n % 2], split, domain) for n, (page, domain) in enumerate(pages)]
    return rows


def main(argv: list[str]) -> int:
    command, *args = argv
    if command == "plan":
        batch = int(args[args.index("--batch") + 1]) if "--batch" in args else 1
        for row in plan(Path(args[0]), batch=batch):
            print(*row, sep="\t")
    elif command == "draft":
        bench, page, extractor, split = args
        print(draft(Path(bench), page, extractor, split, Path("samples")))
    elif command == "show":
        sample = parse_sample(Path(args[0]).read_text(encoding="utf-8"), path=args[0], draft=True)
        for line in sample.lines:
            print(f"{line.number:4d}  {line.label:<14}| {line.text}")
    elif command == "relabel":
        path = Path(args[0])
        sample = parse_sample(path.read_text(encoding="utf-8"), path=path, draft=True)
        lines = list(sample.lines)
        for spec in args[1:]:
            where, _, label = spec.partition("=")
            first, _, last = where.partition("-")
            for number in range(int(first), int(last or first) + 1):
                line = lines[number - 1]
                if not line.text.strip():
                    continue
                category, span, doubtful = parse_label(label, path=str(path), line=number, draft=True)
                if line.category == "body" and category != "body" and not line.span:
                    print(f"note: line {number} was body, now {label}: {line.text.strip()[:60]!r}")
                lines[number - 1] = replace(line, category=category, span=span, doubtful=doubtful)
        path.write_text(format_sample(replace(sample, lines=tuple(lines))), encoding="utf-8")
    elif command == "note":
        path = Path(args[0])
        sample = parse_sample(path.read_text(encoding="utf-8"), path=path, draft=True)
        notes = "\n".join(filter(None, [sample.meta.get("notes", ""), *args[1:]]))
        path.write_text(format_sample(replace(sample, meta={**sample.meta, "notes": notes})), encoding="utf-8")
    elif command == "check":
        failed = 0
        for name in args:
            try:
                sample = load_sample(name)
            except SampleError as error:
                print(error)
                failed += 1
                continue
            counts: dict[str, int] = defaultdict(int)
            for line in sample.lines:
                counts[line.category or "(blank)"] += 1
            print(name, "ok", dict(sorted(counts.items())))
        return 1 if failed else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
