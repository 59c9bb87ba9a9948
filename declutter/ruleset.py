"""The :class:`RuleSet`: rules loaded from files (the bundled ones, yours) and selected for a run and a document.

The top layer of the rules: :mod:`declutter.rules` holds the values, :mod:`declutter.rulefile` parses
TOML into them, :mod:`declutter.heuristics` is the registry of structural detectors; this module
loads rule files with that registry (a heuristic rule naming an unknown detector, or a parameter
it does not take, is a load error) and selects rules by category, id prefix, site and language.

>>> rules = RuleSet.bundled()
>>> rules.get("SHR001").category
'share'
>>> len(rules.select(keep=["caption"])) < len(rules)
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from declutter.document import Document
from declutter.errors import RuleError, did_you_mean, items_of, wrong_type
from declutter.heuristics import HEURISTICS
from declutter.literals import pattern_screen
from declutter.rulefile import load_rule_files
from declutter.rules import Kind, Rule, Status, default_dir, lowered_chunks
from declutter.text import comma_list


def _matches_selector(rule: Rule, token: str) -> bool:
    """A selection token is a category name, a rule id, an id prefix ('GLB') or a rule name."""
    return token in (rule.category, rule.name) or rule.id.startswith(token.upper())


def selectors(value: str | Iterable[str], parameter: str = "a selection") -> tuple[str, ...]:
    """Category names or rule ids given as a list, or as one string the way the command line takes them
    (``"caption"``, ``"newsletter,social"``): a string is not read as its characters ('c', 'a', ...).
    Anything else (None, a number, a list holding one) is a ``TypeError`` naming ``parameter``.

    >>> selectors("newsletter, social"), selectors(["caption"]), selectors("")
    (('newsletter', 'social'), ('caption',), ())
    """
    if isinstance(value, str):
        return comma_list(value)
    takes = "a category, rule id or name, or a list of them ('caption', ['newsletter', 'SOC'])"
    return items_of(parameter, value, str, takes, "a string")


@dataclass(frozen=True)
class RuleSet:
    """An ordered, immutable collection of rules with a fingerprint of where they came from."""

    rules: tuple[Rule, ...]
    fingerprint: str = ""

    @classmethod
    def load(cls, *paths: str | Path, bundled: bool = False) -> RuleSet:
        """Load rule files and directories (recursively); ``bundled`` (True or False: ``None`` was read as False)
        puts the shipped rules first."""
        if not isinstance(bundled, bool):
            raise wrong_type("bundled", bundled, "True or False")
        for path in paths:
            if not isinstance(path, str | Path):
                raise wrong_type("each path", path, "a rule file or folder (str or Path)")
        sources = ([default_dir()] if bundled else []) + [Path(p) for p in paths]
        if not sources:
            raise RuleError("no rule files given", hint="pass a rules directory or use the bundled rules")
        rules, digest = load_rule_files(sources, heuristics=HEURISTICS)
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
        close = did_you_mean(rule_id, [name for rule in self.rules for name in (rule.id, rule.name)])
        raise RuleError(f"no rule {rule_id!r}{close}", hint="'declutter rules list' shows every id")

    def active(self) -> tuple[Rule, ...]:
        """Rules that run (tombstones excluded)."""
        return self._active

    @cached_property
    def _active(self) -> tuple[Rule, ...]:
        # Asked several times for every document cleaned: the set is immutable, so it is listed once.
        return tuple(r for r in self.rules if r.status is not Status.REMOVED)

    def select(
        self, *, keep: str | Iterable[str] = (), only: str | Iterable[str] = (), ignore: str | Iterable[str] = ()
    ) -> RuleSet:
        """A subset: ``keep`` categories stay in the text, ``only`` restricts removal to some
        categories or ids, ``ignore`` disables ids, prefixes or categories. Keep rules always stay.

        >>> rules = RuleSet.bundled()
        >>> {r.category for r in rules.select(only=["newsletter"]) if r.kind != "keep"}
        {'newsletter'}
        """
        keep, only = set(selectors(keep, "keep")), set(selectors(only, "only"))
        ignore = set(selectors(ignore, "ignore"))
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
        """The active rules whose scope admits this document: its site and its language.

        Only the few rules with a site scope ask about the domain: the selection is listed once for each language
        and each set of their answers, and every page of that kind gets the same tuple (on which the pipeline's
        per-selection plans are cached).

        >>> rules = RuleSet.bundled()
        >>> a = rules.for_document(Document.from_text("x", domain="example.com", language="en"))
        >>> a is rules.for_document(Document.from_text("y", domain="example.org", language="en"))
        True
        """
        key = self._selection_key(doc)
        if key is None:
            return self._screened(doc)
        chosen = self._selections.get(key)
        if chosen is None:
            refused = {id(rule) for rule, admits in zip(self._site_scoped, key[1], strict=True) if not admits}
            speaking = (r for r in self.active() if r.speaks(doc.language)) if self.has_languages else self.active()
            chosen = self._selections[key] = tuple(r for r in speaking if id(r) not in refused)
        return chosen

    def for_page(self, doc: Document, *, article: bool, product: bool) -> tuple[Rule, ...]:
        """:meth:`for_document`, less the rules that do not run on an HTML page of this kind (:meth:`Rule.runs_on`)."""
        key = self._selection_key(doc)
        chosen = None if key is None else self._selections.get((*key, article, product))
        if chosen is None:
            chosen = tuple(r for r in self.for_document(doc) if r.runs_on(article=article, product=product))
            if key is not None:
                self._selections[(*key, article, product)] = chosen
        return chosen

    def _selection_key(self, doc: Document) -> tuple[str | None, tuple[bool, ...]] | None:
        """What the selection for ``doc`` depends on: its language and each site-scoped rule's verdict on its
        domain; None when it depends on the text (a site rule's signatures, for text whose site is unknown)."""
        if doc.domain is None and any(r.signatures and r.speaks(doc.language) for r in self._site_scoped if r.domains):
            return None
        return (doc.language if self.has_languages else None), self._verdicts(doc.domain)

    def _verdicts(self, domain: str | None) -> tuple[bool, ...]:
        """Each site-scoped rule's :meth:`Rule.applies_to` verdict on ``domain``, found by looking up the domain and
        each of its parents (``news.example.com``, ``example.com``, ``com``) among the domains the rules name: a
        page costs a few lookups however many sites the rules know.

        >>> rules = RuleSet.bundled()
        >>> verdicts = rules._verdicts("www.amazon.co.uk")
        >>> verdicts == tuple(rule.applies_to("www.amazon.co.uk") for rule in rules._site_scoped)
        True
        """
        if domain is None:
            return tuple(r.applies_to(None) for r in self._site_scoped)
        named: set[int] = set()
        excluded: set[int] = set()
        labels = domain.split(".")
        for start in range(len(labels)):
            for number, excludes in self._scopes.get(".".join(labels[start:]), ()):
                (excluded if excludes else named).add(number)
        return tuple(n not in excluded and (not rule.domains or n in named) for n, rule in enumerate(self._site_scoped))

    def _screened(self, doc: Document) -> tuple[Rule, ...]:
        """The selection for text whose site is unknown: one pass over the text, a piece at a time, screens every
        site rule's signatures."""
        active = self.active()
        if self.has_languages:
            active = tuple(r for r in active if r.speaks(doc.language))
        signed = [r for r in active if r.domains and r.signatures]
        screened: list[set[int]] = [set() for _ in signed]
        for chunk in lowered_chunks(doc):
            for rule, possible in zip(signed, screened, strict=True):
                possible.update(pattern_screen(rule.signatures)(chunk))
        by_rule = {id(rule): possible for rule, possible in zip(signed, screened, strict=True)}
        return tuple(r for r in active if r.applies_to(None, doc, screened=by_rule.get(id(r))))

    @cached_property
    def _site_scoped(self) -> tuple[Rule, ...]:
        """The active rules limited to some sites or excluding some: the only ones a document's domain matters to."""
        return tuple(r for r in self.active() if r.domains or r.excluded_domains)

    @cached_property
    def _scopes(self) -> dict[str, list[tuple[int, bool]]]:
        """Each domain a site-scoped rule names: the rules naming it (their place in :attr:`_site_scoped`) and
        whether they exclude it (``~domain``) or are limited to it."""
        scopes: dict[str, list[tuple[int, bool]]] = {}
        for number, rule in enumerate(self._site_scoped):
            for domain in rule.domains:
                scopes.setdefault(domain, []).append((number, False))
            for domain in rule.excluded_domains:
                scopes.setdefault(domain, []).append((number, True))
        return scopes

    @cached_property
    def _selections(self) -> dict[tuple[object, ...], tuple[Rule, ...]]:
        # Keyed by language and a few booleans: a handful of entries, however many pages and sites.
        return {}

    @cached_property
    def has_languages(self) -> bool:
        """Whether any active rule is limited to some languages (then a document's language matters)."""
        return any(r.languages for r in self.active())


@cache
def _bundled() -> RuleSet:
    return RuleSet.load(bundled=True)


class SelectionError(ValueError):
    """A ``keep``, ``only`` or ``ignore`` token that names no category or rule; ``option`` says which."""

    def __init__(self, option: str, message: str) -> None:
        self.option = option
        super().__init__(f"{option}: {message}")
