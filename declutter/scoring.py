"""Scoring the cleaning against hand-labelled samples: removal precision first, recall beside it.

Each non-blank line of a sample is labelled residue or content. Cleaning it
either removes the line or keeps it. A removed residue line is a true positive,
a removed content line a false positive (article text lost: the number we guard),
a kept residue line a false negative. Counts are kept in lines and in characters,
and attributed to the rule that removed the line and to the line's category.

>>> from declutter.samples import sample_from_text
>>> sample = sample_from_text("Share\\n\\nThe council met.\\n", ["share", "", "body"], meta={"id": "x"})
>>> report = score_sample(sample, Cleaner())
>>> report.score.precision, report.score.recall, report.score.retention
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from declutter.categories import CONTENT
from declutter.decisions import Action, Cleaned, Decision, by_line, removes_line
from declutter.errors import DeclutterError
from declutter.pipeline import Cleaner
from declutter.samples import Sample, find_samples


@dataclass(frozen=True, slots=True)
class Score:
    """Confusion counts of removal, in lines and in characters; ``+`` pools them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    tp_chars: int = 0
    fp_chars: int = 0
    fn_chars: int = 0
    tn_chars: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @staticmethod
    def _ratio(num: int, den: int) -> float:
        return num / den if den else 1.0

    @property
    def precision(self) -> float:
        """Of the lines removed, the share that were residue (1.0 when nothing was removed)."""
        return self._ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Of the residue lines, the share removed (1.0 when there was no residue)."""
        return self._ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def char_precision(self) -> float:
        return self._ratio(self.tp_chars, self.tp_chars + self.fp_chars)

    @property
    def char_recall(self) -> float:
        return self._ratio(self.tp_chars, self.tp_chars + self.fn_chars)

    @property
    def char_f1(self) -> float:
        p, r = self.char_precision, self.char_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def retention(self) -> float:
        """Of the article's characters, the share kept."""
        return self._ratio(self.tn_chars, self.tn_chars + self.fp_chars)

    def metrics(self) -> dict[str, float]:
        return {
            "line_precision": self.precision,
            "line_recall": self.recall,
            "line_f1": self.f1,
            "char_precision": self.char_precision,
            "char_recall": self.char_recall,
            "char_f1": self.char_f1,
            "retention": self.retention,
        }


@dataclass(frozen=True, slots=True)
class LineError:
    """An article line removed (with the rule) or a residue line left (with its category)."""

    sample: str
    line: int
    label: str
    rule_id: str | None
    text: str


@dataclass(frozen=True)
class SampleReport:
    sample: Sample
    score: Score
    by_category: Mapping[str, Score]
    by_rule: Mapping[str, Score]
    removed_content: tuple[LineError, ...]
    missed_residue: tuple[LineError, ...]
    decisions: tuple[Decision, ...] = ()
    """What the cleaning decided on the sample's text (for ``score --report``)."""

    @property
    def split(self) -> str:
        return self.sample.meta.get("split") or (self.sample.path.parent.name if self.sample.path else "")


@dataclass(frozen=True)
class Report:
    """Scores pooled over samples, per split, category and rule."""

    samples: tuple[SampleReport, ...]
    fingerprint: str = ""
    rules_fingerprint: str = ""
    by_split: Mapping[str, Score] = field(default_factory=dict)

    @property
    def score(self) -> Score:
        return sum((s.score for s in self.samples), Score())

    def pooled(self, attribute: str) -> dict[str, Score]:
        pooled: dict[str, Score] = defaultdict(Score)
        for report in self.samples:
            for key, score in getattr(report, attribute).items():
                pooled[key] = pooled[key] + score
        return dict(sorted(pooled.items()))

    def metrics(self) -> dict[str, float]:
        """Flat metrics for the gate: overall and per split."""
        flat = {f"all.{name}": value for name, value in self.score.metrics().items()}
        for split, score in sorted(self.by_split.items()):
            flat.update({f"{split}.{name}": value for name, value in score.metrics().items()})
        return flat


def score_sample(sample: Sample, cleaner: Cleaner) -> SampleReport:
    """Clean one sample's text and compare every line's fate with its label."""
    result = cleaner.explain(sample.text, url=sample.url, domain=sample.domain)
    lines = by_line(result.decisions)
    total = Score()
    by_category: dict[str, Score] = defaultdict(Score)
    by_rule: dict[str, Score] = defaultdict(Score)
    removed_content: list[LineError] = []
    missed: list[LineError] = []
    for index, line in enumerate(sample.lines):
        if not line.category:
            continue
        size = len(line.text.strip())
        decisions = lines.get(index, [])
        stripped = sum(d.end - d.start for d in decisions if d.action is Action.STRIP)
        dropped = removes_line(line.text, decisions)
        rule = decisions[0].rule_id if decisions else None
        if line.is_residue:
            score = (
                Score(tp=1, tp_chars=size)
                if dropped
                else Score(fn=1, tp_chars=min(stripped, size), fn_chars=max(size - stripped, 0))
            )
            if not dropped:
                missed.append(LineError(sample.id, line.number, line.label, None, line.text))
        elif dropped:
            score = Score(fp=1, fp_chars=size)
            removed_content.append(LineError(sample.id, line.number, line.label, rule, line.text))
        elif line.span:  # a content line with a residue span: stripping is allowed
            score = Score(tn=1, tp_chars=min(stripped, size), tn_chars=max(size - stripped, 0))
        else:
            score = Score(tn=1, fp_chars=min(stripped, size), tn_chars=max(size - stripped, 0))
        total = total + score
        by_category[line.category] = by_category[line.category] + score
        if rule is not None:
            by_rule[rule] = by_rule[rule] + score
    return SampleReport(
        sample, total, dict(by_category), dict(by_rule), tuple(removed_content), tuple(missed), result.decisions
    )


def samples_fingerprint(samples: Sequence[Sample]) -> str:
    """A hash of every sample's id, labels and text: the gate refuses to compare against other samples."""
    digest = hashlib.sha256()
    for sample in sorted(samples, key=lambda s: s.id):
        digest.update(sample.id.encode() + b"\0")
        for line in sample.lines:
            digest.update(f"{line.label}\t{line.text}\n".encode())
    return digest.hexdigest()[:16]


def score_samples(samples: Sequence[Sample], cleaner: Cleaner) -> Report:
    """Score every sample; pool per split (the sample's ``split`` header or its folder name)."""
    if not samples:
        raise DeclutterError("no samples to score", hint="a gate never passes on zero samples")
    reports = tuple(score_sample(sample, cleaner) for sample in samples)
    by_split: dict[str, Score] = defaultdict(Score)
    for report in reports:
        by_split[report.split or "all"] = by_split[report.split or "all"] + report.score
    return Report(reports, samples_fingerprint(samples), cleaner.rules.fingerprint, dict(by_split))


# --- the gate -----------------------------------------------------------------------------------------------

TOLERANCE = 0.002
"""How far a metric may fall below its pinned floor before the gate fails."""


@dataclass(frozen=True)
class GateResult:
    ok: bool
    messages: tuple[str, ...]


def check_gate(report: Report, baseline_path: Path) -> GateResult:
    """Compare the metrics with the pinned floors; fail on a drop beyond tolerance or changed samples."""
    try:
        baseline = json.loads(baseline_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DeclutterError(
            "no baseline to check against", path=baseline_path, hint="pin one with 'declutter score --update'"
        ) from None
    except (OSError, json.JSONDecodeError) as exc:
        raise DeclutterError(f"unreadable baseline: {exc}", path=baseline_path) from None
    messages = []
    ok = True
    if baseline.get("samples_fingerprint") != report.fingerprint:
        ok = False
        messages.append(
            f"the samples changed (fingerprint {report.fingerprint}, pinned "
            f"{baseline.get('samples_fingerprint')}): re-pin with 'declutter score --update'"
        )
    tolerance = float(baseline.get("tolerance", TOLERANCE))
    current = report.metrics()
    for name, floor in sorted(baseline.get("floors", {}).items()):
        value = current.get(name)
        if value is None:
            ok = False
            messages.append(f"{name}: pinned at {floor:.4f} but not measured (a split is missing?)")
        elif value < floor - tolerance:
            ok = False
            messages.append(f"{name}: {value:.4f} is below its floor {floor:.4f} (tolerance {tolerance})")
    if ok:
        messages.append(
            f"{len(baseline.get('floors', {}))} metrics at or above their floors "
            f"(tolerance {tolerance}) on {len(report.samples)} samples"
        )
    return GateResult(ok, tuple(messages))


def update_gate(report: Report, baseline_path: Path, *, allow_regression: bool = False) -> list[str]:
    """Pin the current metrics as floors; refuse to lower one unless ``allow_regression``."""
    old: dict[str, Any] = {}
    if baseline_path.exists():
        old = json.loads(baseline_path.read_text(encoding="utf-8"))
    floors = {name: math.floor(value * 10000) / 10000 for name, value in report.metrics().items()}
    lowered = [
        f"{name}: {old['floors'][name]:.4f} -> {value:.4f}"
        for name, value in floors.items()
        if name in old.get("floors", {}) and value < old["floors"][name] - 1e-9
    ]
    if lowered and not allow_regression:
        raise DeclutterError(
            "refusing to lower floors: " + "; ".join(lowered),
            path=baseline_path,
            hint="fix the regression, or pass --allow-regression to accept it",
        )
    baseline = {
        "samples_fingerprint": report.fingerprint,
        "rules_fingerprint": report.rules_fingerprint,
        "samples": len(report.samples),
        "tolerance": old.get("tolerance", TOLERANCE),
        "floors": floors,
    }
    tmp = baseline_path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(baseline_path)
    return lowered


# --- rendering ----------------------------------------------------------------------------------------------


def _row(name: str, score: Score) -> str:
    return (
        f"{name:<34} {score.tp + score.fp:>6} {score.tp + score.fn:>6} {score.precision:>7.3f} "
        f"{score.recall:>7.3f} {score.f1:>7.3f} {score.char_precision:>7.3f} {score.char_recall:>7.3f} "
        f"{score.retention:>7.3f}"
    )


COLUMNS = ("remov", "resid", "P", "R", "F1", "P chr", "R chr", "retain")
"""The table's columns, as :data:`LEGEND` explains them."""
HEADER = f"{'':<34} {COLUMNS[0]:>6} {COLUMNS[1]:>6} " + " ".join(f"{column:>7}" for column in COLUMNS[2:])

LEGEND = (
    "columns (labelled lines only):",
    "  remov   lines removed (dropped whole, or stripped to nothing)",
    "  resid   lines labelled residue",
    "  P       line precision: of the lines removed, the share that were residue (below 1: article lines lost)",
    "  R       line recall: of the residue lines, the share removed",
    "  F1      the harmonic mean of P and R",
    "  P chr   character precision: of the characters removed (whole lines and stripped spans), the share of residue",
    "  R chr   character recall: of the residue characters, the share removed",
    "  retain  of the article's characters, the share kept",
    "  a ratio with nothing to count (no line removed, no residue) reads 1.000",
)
"""What each column of :data:`HEADER` means, printed under the first table."""


def render_table(report: Report, *, per_sample: bool = True, errors: int = 50) -> str:
    """A readable report: overall and per split (with a legend of the columns), per sample, per category, per rule,
    then the errors."""
    out = [HEADER, _row("all samples", report.score)]
    out += [_row(f"split {name}", score) for name, score in sorted(report.by_split.items())]
    out += ["", *LEGEND]
    if per_sample:
        out += ["", "per sample", HEADER]
        out += [_row(s.sample.id[:34], s.score) for s in report.samples]
    out += ["", "per category (content rows: P<1 means article lines removed)", HEADER]
    out += [
        _row(("  " if name in CONTENT else "") + name, score) for name, score in report.pooled("by_category").items()
    ]
    out += ["", "per rule", HEADER]
    out += [_row(name, score) for name, score in report.pooled("by_rule").items()]
    lost = [e for s in report.samples for e in s.removed_content]
    out += ["", f"article lines removed: {len(lost)}"]
    out += [f"  {e.sample}:{e.line} [{e.label}] by {e.rule_id}: {e.text.strip()[:100]!r}" for e in lost[:errors]]
    missed = [e for s in report.samples for e in s.missed_residue]
    counts = Counter(e.label.rstrip("?") for e in missed)
    out += ["", f"residue lines left: {len(missed)} (" + ", ".join(f"{k} {v}" for k, v in counts.most_common()) + ")"]
    out += [f"  {e.sample}:{e.line} [{e.label}]: {e.text.strip()[:100]!r}" for e in missed[:errors]]
    return "\n".join(out)


def render_json(report: Report) -> str:
    def score_dict(score: Score) -> dict[str, Any]:
        return {**{f.name: getattr(score, f.name) for f in fields(score)}, **score.metrics()}

    return json.dumps(
        {
            "samples_fingerprint": report.fingerprint,
            "rules_fingerprint": report.rules_fingerprint,
            "overall": score_dict(report.score),
            "splits": {k: score_dict(v) for k, v in sorted(report.by_split.items())},
            "samples": {s.sample.id: score_dict(s.score) for s in report.samples},
            "categories": {k: score_dict(v) for k, v in report.pooled("by_category").items()},
            "rules": {k: score_dict(v) for k, v in report.pooled("by_rule").items()},
            "removed_content": [_error_dict(e) for s in report.samples for e in s.removed_content],
            "missed_residue": [_error_dict(e) for s in report.samples for e in s.missed_residue],
        },
        indent=2,
        ensure_ascii=False,
    )


def _error_dict(error: LineError) -> dict[str, Any]:
    return {"sample": error.sample, "line": error.line, "label": error.label, "rule": error.rule_id, "text": error.text}


def render_junit(report: Report, gate: GateResult | None = None) -> str:
    """JUnit XML: one test case per sample (failing when it lost article text), plus the gate."""
    from xml.sax.saxutils import escape, quoteattr

    cases = []
    failures = 0
    for s in report.samples:
        body = ""
        if s.removed_content:
            failures += 1
            detail = "\n".join(
                f"line {e.line} [{e.label}] by {e.rule_id}: {e.text.strip()[:200]}" for e in s.removed_content
            )
            body = f'<failure message="{len(s.removed_content)} article lines removed">{escape(detail)}</failure>'
        cases.append(
            f'<testcase classname="declutter.samples.{s.split or "all"}" name={quoteattr(s.sample.id)}>'
            f"{body}</testcase>"
        )
    if gate is not None:
        body = "" if gate.ok else f'<failure message="score gate">{escape(chr(10).join(gate.messages))}</failure>'
        failures += 0 if gate.ok else 1
        cases.append(f'<testcase classname="declutter.gate" name="baseline">{body}</testcase>')
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<testsuite name="declutter-score" tests="{len(cases)}" '
        f'failures="{failures}">\n' + "\n".join(cases) + "\n</testsuite>\n"
    )


# --- gold-text mode (the ScrapingHub article-extraction benchmark metric) ----------------------------------

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
        """The page as fetched (gzipped UTF-8; undecodable bytes replaced, as the benchmark reads them)."""
        return gzip.decompress(self.html_path.read_bytes()).decode("utf-8", "replace")


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
    pages, skipped = [], []
    for file in sorted((root / "ground-truth").glob("*.json")):
        page = _wcxb_page(file, root / "html")
        if page is None:
            skipped.append(file.stem)
        elif not wanted or page.page_type in wanted:
            pages.append(page)
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
    "GateResult",
    "GoldScore",
    "LineError",
    "PageScore",
    "Report",
    "SampleReport",
    "Score",
    "WcxbPage",
    "WcxbReport",
    "WcxbSet",
    "WcxbSummary",
    "WordScore",
    "check_gate",
    "find_samples",
    "find_wcxb",
    "gold_score",
    "load_bodies",
    "load_wcxb",
    "page_score_dict",
    "render_json",
    "render_junit",
    "render_table",
    "render_wcxb_table",
    "samples_fingerprint",
    "score_sample",
    "score_samples",
    "score_wcxb",
    "score_wcxb_page",
    "shingles",
    "snippets_found",
    "summarise_wcxb",
    "update_gate",
    "wcxb_json",
    "wcxb_row",
    "wcxb_text",
    "word_score",
]
