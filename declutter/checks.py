"""Running every rule's embedded examples, and probing its patterns for catastrophic backtracking.

``declutter rules check`` and the test-suite call the same functions, so a rule
file's examples are its tests wherever they run (the ``semgrep test`` pattern).

>>> from declutter.ruleset import RuleSet
>>> check_rule(RuleSet.bundled().get("SHR001"))
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from declutter.decisions import replay
from declutter.document import Document
from declutter.errors import DeclutterError
from declutter.matchers import match_keeps, match_patterns
from declutter.pipeline import decide
from declutter.rules import Kind, Rule, Status
from declutter.samples import Sample

FILLER = (
    "The city council met on Monday evening to debate the new budget, which raises spending on roads, "
    "schools and parks while holding property taxes flat for a third straight year. Several residents "
    "spoke in favour of the plan, and the mayor said she expected it to pass when the council votes "
    "again next week, after a final round of public consultations in every ward of the city.\n\n"
)
"""Article prose put before the examples of tail cut-offs, whose guards need an article above them."""

PROBE_TIMEOUT = 0.25
"""Seconds a pattern may take on a probe string before it is reported as backtracking catastrophically."""

_PROBES = (
    "a" * 3000 + "!",
    " " * 3000 + "x",
    "a " * 1500 + "!",
    "A." * 1500,
    "1" * 3000 + "x",
    "aA" * 1500,
    "Ab" + "c" * 3000 + "(",
    "(" * 1000,
    "a-" * 1500 + "!",
    "Aa " * 1000 + "(a/b",
    "\u00e9" * 3000 + "!",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One failed example or one unsafe pattern, located by rule id and file:line."""

    rule_id: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule_id}: {self.message}"


def _removed_lines(rule: Rule, text: str) -> tuple[Document, set[int]]:
    doc = Document.from_text(text)
    decisions = decide(doc, [rule])
    cleaned_lines = set(Document.from_text(replay(text, decisions)).lines)
    gone = {
        b.line
        for b in doc.blocks
        if any(d.line == b.line for d in decisions)
        and (b.raw not in cleaned_lines or any(d.line == b.line and d.action != "strip" for d in decisions))
    }
    return doc, gone


CONTEXT = "~ "
"""In a multi-line example, a line starting with this marker is context: part of the document, never removed."""


def _fires(rule: Rule, example: str) -> tuple[bool, bool]:
    """(every example line removed and no context line, any example line removed) by this rule alone."""
    prefix = FILLER if rule.kind is Kind.CUTOFF else ""
    rows = example.split("\n")
    context = {n for n, row in enumerate(rows) if row.startswith(CONTEXT)}
    text = "\n".join(row.removeprefix(CONTEXT) for row in rows)
    offset = prefix.count("\n")
    doc, gone = _removed_lines(rule, prefix + text)
    lines = {b.line for b in doc.blocks if b.line >= offset and b.line - offset not in context}
    kept_context = not any(line - offset in context for line in gone)
    return bool(lines) and lines <= gone and kept_context, bool(lines & gone) or not kept_context


def _protects(rule: Rule, example: str) -> bool:
    doc = Document.from_text(example)
    protected = match_keeps(doc.blocks, match_patterns(doc.blocks, [rule]))
    return bool(doc.blocks) and all(b.line in protected for b in doc.blocks)


def _selector_removes(rule: Rule, snippet: str) -> tuple[bool, bool]:
    """(all of the snippet's text removed, any element removed) by this selector rule alone."""
    from declutter.html import compile_selector_rule, parse, remove_chrome
    from declutter.html.tree import all_text

    root = parse(f"<html><body>{snippet}</body></html>")
    removed = remove_chrome(root, [compile_selector_rule(rule)])
    body = root.find("body")
    left = all_text(body).strip() if body is not None else ""
    return bool(removed) and not left, bool(removed)


def check_examples(rule: Rule) -> Iterator[str]:
    """Messages for every embedded example the rule gets wrong (including fixed known gaps)."""
    examples = rule.examples
    if rule.kind is Kind.SELECTOR:
        for text in examples.residue:
            if not _selector_removes(rule, text)[0]:
                yield f"does not remove all of its residue example {text!r}"
        for text in examples.article:
            if _selector_removes(rule, text)[1]:
                yield f"removes an element of its article example {text!r}"
        return
    if rule.kind is Kind.KEEP:
        for text in examples.protect:
            if not _protects(rule, text):
                yield f"does not protect its 'protect' example {text!r}"
        for text in examples.residue:
            if _protects(rule, text):
                yield f"protects its 'residue' example {text!r}, which other rules must be free to remove"
        return
    for text in examples.residue:
        if not _fires(rule, text)[0]:
            yield f"does not remove its residue example {text!r}"
    for text in examples.article:
        if _fires(rule, text)[1]:
            yield f"removes its article example {text!r}"
    for fix in examples.fix:
        output = replay(fix.input, decide(Document.from_text(fix.input), [rule]))
        if output != fix.output:
            yield f"fix example {fix.input!r} gives {output!r}, expected {fix.output!r}"
    for text in examples.todo_residue:
        if _fires(rule, text)[0]:
            yield f"known gap fixed: now removes {text!r}; move it from todo_residue to residue"
    for text in examples.todo_article:
        if not _fires(rule, text)[1]:
            yield f"known gap fixed: now keeps {text!r}; move it from todo_article to article"


def probe_patterns(rule: Rule) -> Iterator[str]:
    """Messages for patterns that backtrack catastrophically on adversarial strings.

    Each pattern is probed the way the pipeline runs it: strip patterns search
    lines of any length; the others must match whole lines up to ``max_chars``.
    """
    limit = rule.params.get("max_chars") or 3000
    for pattern in rule.patterns:
        run = pattern.search if rule.kind is Kind.STRIP else pattern.fullmatch
        for probe in _PROBES:
            probe = probe if rule.kind is Kind.STRIP else probe[-limit:]
            try:
                run(probe, timeout=PROBE_TIMEOUT)
            except TimeoutError:
                shown = probe[:12] + "…" + probe[-4:]
                yield (
                    f"pattern {pattern.pattern[:60]!r} takes over {PROBE_TIMEOUT}s on {len(probe)} characters "
                    f"like {shown!r}: it backtracks catastrophically; remove nested or overlapping quantifiers"
                )
                break


def check_rule(rule: Rule, *, probe: bool = True) -> list[Problem]:
    """Every problem with one rule: failing examples and unsafe patterns."""
    if rule.status is Status.REMOVED:
        return []
    where = str(rule.origin)
    try:
        messages = list(check_examples(rule))
    except DeclutterError as error:
        messages = [error.message]
    if probe:
        messages += list(probe_patterns(rule))
    return [Problem(rule.id, where, message) for message in messages]


def lint_breadth(
    rules: Iterable[Rule], samples: Iterable[Sample], *, max_share: float = 0.5, max_article: float = 0.2
) -> list[Problem]:
    """Warnings for over-broad rules: run each rule alone over labelled samples and flag one that removes
    more than ``max_share`` of all lines, or whose removals are more than ``max_article`` article lines."""
    samples = list(samples)
    problems = []
    for rule in rules:
        if rule.kind in (Kind.KEEP, Kind.SELECTOR) or rule.status is Status.REMOVED:
            continue
        removed = article = total = 0
        worst: tuple[str, int] | None = None
        for sample in samples:
            if rule.domains and not rule.applies_to(sample.domain):
                continue
            doc = Document.from_text(sample.text, domain=sample.domain)
            gone = {d.line for d in decide(doc, [rule]) if d.action != "strip"}
            total += len(doc.blocks)
            removed += len(gone)
            for line in sample.lines:
                if line.number - 1 in gone and line.category and not line.is_residue:
                    article += 1
                    worst = worst or (f"{sample.id}:{line.number}", line.number)
        if total and removed > max_share * total:
            problems.append(
                Problem(
                    rule.id, str(rule.origin), f"over-broad: removes {removed} of {total} sample lines when run alone"
                )
            )
        elif removed and article > max_article * removed and article >= 3:
            where = f" (first at {worst[0]})" if worst else ""
            problems.append(
                Problem(
                    rule.id,
                    str(rule.origin),
                    f"over-broad: {article} of its {removed} removals in the samples are article lines{where}",
                )
            )
    return problems


def check_rules(rules: Iterable[Rule], *, probe: bool = True) -> list[Problem]:
    """Problems of every rule, in rule order."""
    return [problem for rule in rules for problem in check_rule(rule, probe=probe)]


__all__ = ["FILLER", "Problem", "check_examples", "check_rule", "check_rules", "lint_breadth", "probe_patterns"]
