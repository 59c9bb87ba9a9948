"""Rules as data: the frozen :class:`Rule`, the :class:`RuleSet`, and where the bundled rules live.

Rule files are TOML (see ``rules/README.md``); :mod:`declutter.rulefile` turns
them into :class:`Rule` values. This module knows nothing of what a rule
matches, only how rules are selected: by category, id prefix and site.

>>> rules = RuleSet.bundled()
>>> rules.get("SHR001").category
'share'
>>> len(rules.select(keep=["caption"])) < len(rules)
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from declutter.document import Document, domain_matches
from declutter.errors import RuleError, did_you_mean
from declutter.literals import pattern_screen


class Kind(StrEnum):
    """What a rule does to the blocks it matches."""

    LINE = "line"
    """Drop a block whose whole normalised text matches a pattern."""
    STRIP = "strip"
    """Remove the matched span from a line; drop the line if nothing is left."""
    BLOCK = "block"
    """Drop a start line and the following lines that continue it."""
    CUTOFF = "cutoff"
    """Drop a marker line and everything after it, once the article has run its course."""
    KEEP = "keep"
    """Protect matching lines from every drop (an exception)."""
    HEURISTIC = "heuristic"
    """A named structural detector from :mod:`declutter.heuristics`."""
    SELECTOR = "selector"
    """HTML only: remove elements matching CSS selectors before segmentation."""


class Position(StrEnum):
    """Where in the document a rule may fire."""

    ANY = "any"
    HEAD = "head"
    """Only blocks above the first prose paragraph (stable when lines above it are removed)."""


class Status(StrEnum):
    STABLE = "stable"
    PREVIEW = "preview"
    REMOVED = "removed"
    """A tombstone: the id stays reserved and the rule never runs."""


@dataclass(frozen=True, slots=True)
class Fix:
    """A span-rule example pinned to its exact output."""

    input: str
    output: str


@dataclass(frozen=True, slots=True)
class Examples:
    """Embedded examples that run as tests (``declutter rules check`` and pytest).

    ``residue`` must be removed by the rule, ``article`` must be left alone,
    ``protect`` must be protected (keep rules), ``fix`` pins a span rule's output.
    ``todo_*`` record known gaps: they are expected to fail, and a fixed gap fails too.
    """

    residue: tuple[str, ...] = ()
    article: tuple[str, ...] = ()
    protect: tuple[str, ...] = ()
    fix: tuple[Fix, ...] = ()
    todo_residue: tuple[str, ...] = ()
    todo_article: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a rule was defined, for error messages and explanations."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule, loaded from a rule file. Patterns are compiled ``regex`` objects."""

    id: str
    name: str
    kind: Kind
    category: str
    description: str
    patterns: tuple[regex.Pattern[str], ...] = ()
    selectors: tuple[str, ...] = ()
    heuristic: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)
    domains: frozenset[str] = frozenset()
    excluded_domains: frozenset[str] = frozenset()
    signatures: tuple[regex.Pattern[str], ...] = ()
    position: Position = Position.ANY
    status: Status = Status.STABLE
    examples: Examples = Examples()
    origin: Origin = Origin("<memory>", 0)
    since: str | None = None
    source: str | None = None
    notes: str | None = None

    @property
    def is_site_rule(self) -> bool:
        return bool(self.domains)

    def applies_to(self, domain: str | None, doc: Document | None = None, *, lowered: str | None = None) -> bool:
        """Whether the rule's site scope admits a document from ``domain``.

        Generic rules admit everything except their ``~excluded`` domains. Site rules
        need the domain, or, for text whose site is unknown, a signature line.
        ``lowered``: the document's block texts, lower-cased and joined by newlines, when
        the caller has it already (:meth:`RuleSet.for_document` makes it once for all rules).
        """
        if domain is not None and any(domain_matches(domain, ex) for ex in self.excluded_domains):
            return False
        if not self.domains:
            return True
        if domain is not None:
            return any(domain_matches(domain, scope) for scope in self.domains)
        if doc is None or not self.signatures:
            return False
        if lowered is None:
            lowered = _lowered_text(doc)
        # Only signatures whose literals occur somewhere in the document can match one of its lines.
        possible = pattern_screen(self.signatures)(lowered)
        return any(self.signatures[n].search(block.text) for n in possible for block in doc.blocks)


def _lowered_text(doc: Document) -> str:
    return "\n".join(block.text for block in doc.blocks).lower()


def _matches_selector(rule: Rule, token: str) -> bool:
    """A selection token is a category name, a rule id, an id prefix ('GLB') or a rule name."""
    return token in (rule.category, rule.name) or rule.id.startswith(token.upper())


@dataclass(frozen=True)
class RuleSet:
    """An ordered, immutable collection of rules with a fingerprint of where they came from."""

    rules: tuple[Rule, ...]
    fingerprint: str = ""

    @classmethod
    def load(cls, *paths: str | Path, bundled: bool = False) -> RuleSet:
        """Load rule files and directories (recursively); ``bundled`` puts the shipped rules first."""
        from declutter.rulefile import load_rule_files

        sources = ([default_dir()] if bundled else []) + [Path(p) for p in paths]
        if not sources:
            raise RuleError("no rule files given", hint="pass a rules directory or use the bundled rules")
        rules, digest = load_rule_files(sources)
        return cls(rules, digest)

    @classmethod
    def bundled(cls) -> RuleSet:
        """The rules shipped with declutter (loaded once per process)."""
        return _bundled()

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule:
        """The rule with this id (or name); raises :class:`RuleError` naming close matches."""
        for rule in self.rules:
            if rule_id in (rule.id, rule.name):
                return rule
        raise RuleError(f"no rule {rule_id!r}", hint="'declutter rules list' shows every id")

    def active(self) -> tuple[Rule, ...]:
        """Rules that run (tombstones excluded)."""
        return tuple(r for r in self.rules if r.status is not Status.REMOVED)

    def select(self, *, keep: Iterable[str] = (), only: Iterable[str] = (), ignore: Iterable[str] = ()) -> RuleSet:
        """A subset: ``keep`` categories stay in the text, ``only`` restricts removal to some
        categories or ids, ``ignore`` disables ids, prefixes or categories. Keep rules always stay.

        >>> rules = RuleSet.bundled()
        >>> {r.category for r in rules.select(only=["newsletter"]) if r.kind != "keep"}
        {'newsletter'}
        """
        keep, only, ignore = set(keep), set(only), set(ignore)
        self._check_selection(keep, only, ignore)
        chosen = []
        for rule in self.rules:
            if rule.kind is not Kind.KEEP:
                if rule.category in keep:
                    continue
                if only and not any(_matches_selector(rule, token) for token in only):
                    continue
                if any(_matches_selector(rule, token) for token in ignore):
                    continue
            chosen.append(rule)
        selection = "|".join(sorted(keep)) + "/" + "|".join(sorted(only)) + "/" + "|".join(sorted(ignore))
        digest = hashlib.sha256(f"{self.fingerprint}:{selection}".encode()).hexdigest()[:16]
        return RuleSet(tuple(chosen), digest if (keep or only or ignore) else self.fingerprint)

    def _check_selection(self, keep: set[str], only: set[str], ignore: set[str]) -> None:
        """Refuse a token that selects nothing: a typo would otherwise keep, remove or ignore nothing, silently."""
        from declutter.categories import RESIDUE

        for token in sorted(keep):
            if token not in RESIDUE:
                raise SelectionError("keep", f"unknown category {token!r}" + did_you_mean(token, RESIDUE))
        for option, tokens in (("only", only), ("ignore", ignore)):
            for token in sorted(tokens):
                if token not in RESIDUE and not any(_matches_selector(rule, token) for rule in self.rules):
                    names = [*RESIDUE, *(r.id for r in self.rules), *(r.name for r in self.rules)]
                    raise SelectionError(
                        option,
                        f"no rule or category {token!r}"
                        + (did_you_mean(token, names) or " (see 'declutter rules list' for ids, names and categories)"),
                    )

    def for_document(self, doc: Document) -> tuple[Rule, ...]:
        """The active rules whose scope admits this document."""
        active = self.active()
        if doc.domain is not None or not any(r.domains and r.signatures for r in active):
            return tuple(r for r in active if r.applies_to(doc.domain))
        lowered = _lowered_text(doc)
        return tuple(r for r in active if r.applies_to(None, doc, lowered=lowered))


class SelectionError(ValueError):
    """A ``keep``, ``only`` or ``ignore`` token that names no category or rule; ``option`` says which."""

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        super().__init__(f"{option}: {message}")


def default_dir() -> Path:
    """The bundled rules: inside the installed package, else the repository's ``rules/``."""
    packaged = Path(str(resources.files("declutter"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


@cache
def _bundled() -> RuleSet:
    return RuleSet.load(bundled=True)
