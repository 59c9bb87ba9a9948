"""Scoring the cleaning against hand-labelled samples: removal precision first, recall beside it.

Each non-blank line of a sample is labelled residue or content. Cleaning it
either removes the line or keeps it. A removed residue line is a true positive,
a removed content line a false positive (article text lost: the number we guard),
a kept residue line a false negative. Counts are kept in lines and in characters,
and attributed to the rule that removed the line and to the line's category.
Scoring against gold text rather than labels (``score --gold``) is :mod:`declutter.goldscore`.

>>> from declutter.samples import sample_from_text
>>> sample = sample_from_text("Share\\n\\nThe council met.\\n", ["share", "", "body"], meta={"id": "x"})
>>> report = score_sample(sample, Cleaner())
>>> report.score.precision, report.score.recall, report.score.retention
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from declutter.batchcli import write_atomic
from declutter.categories import CONTENT
from declutter.decisions import Action, Decision, by_line, removes_line
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
    """Pin the current metrics as floors; refuse to lower one unless ``allow_regression``.

    The baseline is written as the command line writes its outputs (:func:`~declutter.batchcli.write_atomic`): a
    device or FIFO (``--baseline /dev/null``) is written into, not replaced by a renamed file (as root that made
    ``/dev/null`` a regular file), and only a regular file is read as the old floors."""
    old: dict[str, Any] = {}
    if baseline_path.is_file():
        try:
            old = json.loads(baseline_path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise DeclutterError(
                f"baseline is not JSON ({error})", path=baseline_path, hint="delete it to pin new floors"
            ) from None
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
    write_atomic(baseline_path, json.dumps(baseline, indent=2, sort_keys=True) + "\n")
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


__all__ = [
    "GateResult",
    "LineError",
    "Report",
    "SampleReport",
    "Score",
    "check_gate",
    "find_samples",
    "render_json",
    "render_junit",
    "render_table",
    "samples_fingerprint",
    "score_sample",
    "score_samples",
    "update_gate",
]
