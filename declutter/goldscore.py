"""Gold-text scoring (``declutter score --gold``): cleaned text against reference text, as two benchmarks define it.

The gold is text, not labelled lines, so nothing here asks what happened to a line (that is
:mod:`declutter.scoring`). A ScrapingHub-format JSON (``{id: {"articleBody": …}}``) is scored with word
4-gram shingles, precision and recall averaged over documents. A WCXB folder (ground-truth JSON beside
gzipped HTML, pages of several types) is scored with word-multiset precision, recall and F1 per page,
means per page type, and the shares of must-have and boilerplate snippets found.

>>> word_score("The red kettle", "the red kettle boils").recall
0.75
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from declutter.decisions import Cleaned
from declutter.errors import DeclutterError, InputError, did_you_mean
from declutter.inputs import gunzip

# --- the ScrapingHub metric (article bodies: word 4-gram shingle P/R, means over documents) ----------------

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Word 4-gram multiset, tokenised as the ScrapingHub benchmark does (``\\w+``).

    >>> sorted(shingles("a b c d e").items())
    [(('a', 'b', 'c', 'd'), 1), (('b', 'c', 'd', 'e'), 1)]
    """
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))


@dataclass(frozen=True, slots=True)
class GoldScore:
    """Shingle precision and recall averaged over documents, and the F1 of the two averages."""

    precision: float
    recall: float
    documents: int

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_score(gold: Mapping[str, str], pred: Mapping[str, str]) -> GoldScore:
    """Score predicted article bodies against gold ones (missing predictions count as empty)."""
    if not gold:
        raise DeclutterError("the gold file has no documents")
    precisions, recalls = [], []
    for key, truth in gold.items():
        t, p = shingles(truth), shingles(pred.get(key, ""))
        tp = sum((t & p).values())
        fp = sum((p - t).values())
        fn = sum((t - p).values())
        precisions.append(tp / (tp + fp) if tp + fp else float(fn == 0))
        recalls.append(tp / (tp + fn) if tp + fn else 1.0)
    return GoldScore(sum(precisions) / len(precisions), sum(recalls) / len(recalls), len(precisions))


def load_bodies(path: Path) -> dict[str, str]:
    """``{id: articleBody}`` from a ScrapingHub-format JSON file (``{id: {"articleBody": …}}``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DeclutterError(f"cannot read benchmark JSON: {exc}", path=path) from None
    if isinstance(data, dict) and "output" in data and isinstance(data["output"], dict):
        data = data["output"]
    if not isinstance(data, dict):
        raise DeclutterError('expected an object of {id: {"articleBody": text}}', path=path)
    bodies = {}
    for key, value in data.items():
        body = value.get("articleBody") if isinstance(value, dict) else value
        if not isinstance(body, str | type(None)):
            raise DeclutterError(f"document {key!r} has no text articleBody", path=path)
        bodies[str(key)] = body or ""
    return bodies


# --- the WCXB metric (multi-type pages: word-multiset P/R/F1, means per page type) ------------------------

WCXB_OTHER_TYPE = "unknown"
"""The page type of a ground-truth file that names none."""


@dataclass(frozen=True, slots=True)
class WordScore:
    """One page's word-multiset precision, recall and F1, as WCXB defines them.

    Both texts are lower-cased and cut into ``\\w+`` tokens; the overlap is the multiset
    intersection, so a word said twice in the output but once in the reference counts once.
    """

    precision: float
    recall: float
    f1: float


def word_score(pred: str, ref: str) -> WordScore:
    """Score one prediction against its reference (both empty: 1; one empty: 0).

    >>> word_score("The cat, the cat sat", "the cat sat down")
    WordScore(precision=0.6, recall=0.75, f1=0.6666666666666665)
    >>> word_score("", ""), word_score("", "text").f1
    (WordScore(precision=1.0, recall=1.0, f1=1.0), 0.0)
    """
    p = Counter(_TOKEN.findall(pred.lower()))
    r = Counter(_TOKEN.findall(ref.lower()))
    if not p and not r:
        return WordScore(1.0, 1.0, 1.0)
    if not p or not r:
        return WordScore(0.0, 0.0, 0.0)
    overlap = sum((p & r).values())
    precision, recall = overlap / p.total(), overlap / r.total()
    return WordScore(precision, recall, 2 * precision * recall / (precision + recall) if overlap else 0.0)


def snippets_found(text: str, snippets: Iterable[str]) -> int:
    """How many snippets occur in ``text`` (case-insensitive substring, as WCXB checks them).

    >>> snippets_found("Buy the Red Kettle today", ["red kettle", "free delivery"])
    1
    """
    lowered = text.lower()
    return sum(snippet.lower() in lowered for snippet in snippets)


@dataclass(frozen=True, slots=True)
class WcxbPage:
    """One benchmark page: where its HTML is, and what a correct extraction holds and leaves out."""

    id: str
    page_type: str
    url: str | None
    reference: str
    with_snippets: tuple[str, ...]
    without_snippets: tuple[str, ...]
    html_path: Path

    def html(self) -> str:
        """The page as fetched (gzipped UTF-8; undecodable bytes replaced, as the benchmark reads them). Its gzip is
        read as every ``.gz`` input is (:func:`~declutter.inputs.gunzip`): a stream cut short is named, not read
        in part."""
        try:
            data = gunzip(self.html_path.read_bytes(), self.html_path)
        except InputError as error:
            raise DeclutterError(f"page HTML: {error.message}", path=self.html_path) from None
        except OSError as exc:
            raise DeclutterError(f"page HTML unreadable: {exc.strerror or exc}", path=self.html_path) from None
        return data.decode("utf-8", "replace")


@dataclass(frozen=True)
class WcxbSet:
    """The pages of one split, and the ids skipped because their ground truth has no ``main_content``."""

    root: Path
    pages: tuple[WcxbPage, ...]
    skipped: tuple[str, ...] = ()


def find_wcxb(path: Path) -> Path | None:
    """The split folder (``ground-truth/`` beside ``html/``) at ``path``, or in its ``dev/``; None if neither."""
    for candidate in (path, path / "dev"):
        if (candidate / "ground-truth").is_dir() and (candidate / "html").is_dir():
            return candidate
    return None


def _wcxb_page(file: Path, html_dir: Path) -> WcxbPage | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DeclutterError(f"unreadable ground truth: {exc}", path=file) from None
    truth = data.get("ground_truth") or {}
    if not isinstance(truth.get("main_content"), str):
        return None
    page_type = ((data.get("_internal") or {}).get("page_type") or {}).get("primary") or WCXB_OTHER_TYPE
    return WcxbPage(
        id=file.stem,  # file_id is missing from some files; the file name never is
        page_type="collection" if page_type == "category" else page_type,
        url=data.get("url") or truth.get("url") or None,
        reference=truth["main_content"],
        with_snippets=tuple(truth.get("with") or ()),
        without_snippets=tuple(truth.get("without") or ()),
        html_path=html_dir / f"{file.stem}.html.gz",
    )


def load_wcxb(path: Path, *, types: Iterable[str] = (), limit: int | None = None) -> WcxbSet:
    """Load a WCXB split from the benchmark root, its ``dev/`` folder, or any folder holding the two.

    ``types`` keeps only those page types; ``limit`` keeps the first pages (in id order) after that.
    """
    root = find_wcxb(path)
    if root is None:
        raise DeclutterError(
            "not a WCXB layout", path=path, hint="give the folder holding ground-truth/ and html/, or its parent"
        )
    wanted = set(types)
    pages, skipped, seen = [], [], set()
    for file in sorted((root / "ground-truth").glob("*.json")):
        page = _wcxb_page(file, root / "html")
        if page is None:
            skipped.append(file.stem)
            continue
        seen.add(page.page_type)
        if not wanted or page.page_type in wanted:
            pages.append(page)
    for name in sorted(wanted - seen):  # a misspelt type would leave no page, or fewer, without a word
        raise DeclutterError(
            f"no page of type {name!r}{did_you_mean(name, seen)}",
            path=root,
            hint=f"its types: {', '.join(sorted(seen))}",
        )
    if limit is not None:
        pages = pages[:limit]
    if not pages:
        raise DeclutterError("no WCXB pages to score", path=root, hint="check --types and the ground-truth files")
    return WcxbSet(root, tuple(pages), tuple(skipped))


def wcxb_text(cleaned: Cleaned) -> str:
    """Declutter's HTML output without its title line: the benchmark's references leave the title out.

    >>> from types import MappingProxyType
    >>> wcxb_text(Cleaned("Kettles\\nThe red kettle.\\n", (), metadata=MappingProxyType({"title": "Kettles"})))
    'The red kettle.\\n'
    """
    title = cleaned.metadata.get("title")
    first, newline, rest = cleaned.text.partition("\n")
    return rest if title and newline and first.strip() == title.strip() else cleaned.text


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page's word score and its snippet counts."""

    id: str
    page_type: str
    url: str | None
    score: WordScore
    with_found: int
    with_total: int
    without_found: int
    without_total: int


def score_wcxb_page(page: WcxbPage, pred: str) -> PageScore:
    """Score one prediction for one page."""
    return PageScore(
        page.id,
        page.page_type,
        page.url,
        word_score(pred, page.reference),
        snippets_found(pred, page.with_snippets),
        len(page.with_snippets),
        snippets_found(pred, page.without_snippets),
        len(page.without_snippets),
    )


@dataclass(frozen=True, slots=True)
class WcxbSummary:
    """Means over pages of P, R and F1 (the benchmark's numbers), and the two snippet rates.

    The snippet rates pool the snippets of all pages: ``with_rate`` is the share of
    must-have snippets found (higher is better), ``without_rate`` the share of boilerplate
    snippets left in (lower is better).
    """

    pages: int
    f1: float
    precision: float
    recall: float
    with_rate: float
    without_rate: float

    def as_dict(self) -> dict[str, float | int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def summarise_wcxb(scores: Sequence[PageScore]) -> WcxbSummary:
    """Means over the pages given (no pages: all zeros).

    >>> a = PageScore("1", "article", None, WordScore(1.0, 0.5, 2 / 3), 1, 2, 0, 1)
    >>> b = PageScore("2", "article", None, WordScore(0.0, 0.0, 0.0), 0, 2, 1, 1)
    >>> summarise_wcxb([a, b])
    WcxbSummary(pages=2, f1=0.3333333333333333, precision=0.5, recall=0.25, with_rate=0.25, without_rate=0.5)
    """
    n = len(scores)
    if not n:
        return WcxbSummary(0, 0.0, 0.0, 0.0, 0.0, 0.0)
    with_total = sum(s.with_total for s in scores)
    without_total = sum(s.without_total for s in scores)
    return WcxbSummary(
        n,
        sum(s.score.f1 for s in scores) / n,
        sum(s.score.precision for s in scores) / n,
        sum(s.score.recall for s in scores) / n,
        sum(s.with_found for s in scores) / with_total if with_total else 1.0,
        sum(s.without_found for s in scores) / without_total if without_total else 0.0,
    )


@dataclass(frozen=True)
class WcxbReport:
    """Per-page scores with their summary overall and per page type (types in name order)."""

    pages: tuple[PageScore, ...]
    skipped: tuple[str, ...] = ()

    @property
    def overall(self) -> WcxbSummary:
        return summarise_wcxb(self.pages)

    @property
    def by_type(self) -> dict[str, WcxbSummary]:
        grouped: dict[str, list[PageScore]] = defaultdict(list)
        for page in self.pages:
            grouped[page.page_type].append(page)
        return {name: summarise_wcxb(grouped[name]) for name in sorted(grouped)}

    def rows(self) -> list[tuple[str, WcxbSummary]]:
        """``("all", overall)`` then one row per page type."""
        return [("all", self.overall), *self.by_type.items()]


def score_wcxb(dataset: WcxbSet, predictions: Mapping[str, str]) -> WcxbReport:
    """Score every page of ``dataset`` (a page without a prediction counts as empty output)."""
    return WcxbReport(
        tuple(score_wcxb_page(page, predictions.get(page.id, "")) for page in dataset.pages), dataset.skipped
    )


WCXB_HEADER = f"{'page type':<14} {'F1':>6} {'P':>6} {'R':>6} {'with':>6} {'without':>7} {'pages':>6}"


def wcxb_row(name: str, summary: WcxbSummary) -> str:
    return (
        f"{name:<14} {summary.f1:>6.3f} {summary.precision:>6.3f} {summary.recall:>6.3f} "
        f"{summary.with_rate:>6.3f} {summary.without_rate:>7.3f} {summary.pages:>6}"
    )


def render_wcxb_table(report: WcxbReport) -> str:
    """Overall and per page type: mean F1, P, R, the snippet rates and the page count."""
    lines = [WCXB_HEADER, *(wcxb_row(name, summary) for name, summary in report.rows())]
    if report.skipped:
        lines.append(f"skipped {len(report.skipped)} pages without main_content: {', '.join(report.skipped)}")
    return "\n".join(lines)


def page_score_dict(page: PageScore) -> dict[str, Any]:
    return {
        "id": page.id,
        "type": page.page_type,
        "url": page.url,
        "f1": page.score.f1,
        "precision": page.score.precision,
        "recall": page.score.recall,
        "with_found": page.with_found,
        "with_total": page.with_total,
        "without_found": page.without_found,
        "without_total": page.without_total,
    }


def wcxb_json(report: WcxbReport) -> dict[str, Any]:
    """The report as plain data: summaries overall and per type, every page's scores, the skipped ids."""
    return {
        "overall": report.overall.as_dict(),
        "types": {name: summary.as_dict() for name, summary in report.by_type.items()},
        "skipped": list(report.skipped),
        "pages": [page_score_dict(page) for page in report.pages],
    }


__all__ = [
    "GoldScore",
    "PageScore",
    "WcxbPage",
    "WcxbReport",
    "WcxbSet",
    "WcxbSummary",
    "WordScore",
    "find_wcxb",
    "gold_score",
    "load_bodies",
    "load_wcxb",
    "page_score_dict",
    "render_wcxb_table",
    "score_wcxb",
    "score_wcxb_page",
    "shingles",
    "snippets_found",
    "summarise_wcxb",
    "wcxb_json",
    "wcxb_row",
    "wcxb_text",
    "word_score",
]
