"""Rules as data: the frozen :class:`Rule` and its parts, a rule's scope (site, language), and where the
bundled rules live.

This is the bottom layer of the rules: :mod:`declutter.rulefile` turns TOML into these values,
:mod:`declutter.heuristics` and :mod:`declutter.matchers` run them, and :mod:`declutter.ruleset`
loads and selects them (:class:`~declutter.ruleset.RuleSet`). It imports none of those.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

import regex

from declutter.document import Document, domain_matches
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


SPARE_PER_CARD = "spare_per_card"
"""A line rule's parameter: its lines stay when at least this many of one shape, and nothing else removed
among them, show a run of kept cards each printing one (a listing's '3 days ago'); see ``pipeline.decide``."""

TEXT_INPUT_ONLY = frozenset({"text-input", "full-page-input"})
"""The ``texts`` choices that keep a rule off the HTML stage's text (:meth:`Rule.runs_on`)."""

FULL_PAGE_ONLY = frozenset({"full-page", "full-page-input"})
"""The ``texts`` choices that keep a rule off an extractor's output (``pipeline``'s plan for one)."""


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
    languages: frozenset[str] = frozenset()
    signatures: tuple[regex.Pattern[str], ...] = ()
    position: Position = Position.ANY
    status: Status = Status.STABLE
    examples: Examples = Examples()
    origin: Origin = Origin("<memory>", 0)
    since: str | None = None
    source: str | None = None
    notes: str | None = None
    pages: str = "any"
    """Which HTML pages the rule runs on (rule files' ``pages``): ``"any"``; ``"articles"``, only pages that call
    themselves articles (a listing's teasers are its content); ``"products"``, only pages that call themselves
    products and not articles (a review article's verdicts are its text; a shop's customer reviews are not the
    product's). A text does not say what it is, so on text input the rule always runs."""
    texts: str = "any"
    """Which texts the rule runs on (rule files' ``texts``): ``"any"``; ``"full-page"``, on text input only a page's
    full text, one in which whole-line and block rules found page chrome (:data:`~declutter.pipeline.CHROME_LINES`):
    an extractor's output has no page around its article, and a heuristic that reads the page's shape would take
    the article's own lists (on HTML input it always runs: the DOM stage's text is the article's blocks, and what
    chrome it leaves has no words the vocabulary knows either); ``"text-input"``, text input only, never the HTML
    stage's text: the rule finds by the shape of a flattened page what the HTML stage removes by its markup before
    any text exists (a mega-menu, the widgets between the article's end and the footer); ``"full-page-input"``,
    both: only a page's full text given as text, neither an extractor's output nor the HTML stage's text, whose
    boxes of other stories the markup removed (what is left in a teaser's shape there is the page's own units)."""

    def runs_on(self, *, article: bool, product: bool) -> bool:
        """Whether the rule runs on an HTML page that calls itself an article, a product, or neither (a rule for
        text input only never does)."""
        return (
            (article or self.pages != "articles")
            and (product or self.pages != "products")
            and self.texts not in TEXT_INPUT_ONLY
        )

    def speaks(self, language: str | None) -> bool:
        """Whether the rule runs on a document in ``language`` (ISO 639-1, None when unknown).

        A rule without ``languages`` runs on every document; a rule with them only on a document
        known (declared or detected) to be in one of them, never on one whose language is unknown.
        """
        return not self.languages or language in self.languages

    def applies_to(
        self, domain: str | None, doc: Document | None = None, *, screened: Collection[int] | None = None
    ) -> bool:
        """Whether the rule's site scope admits a document from ``domain``.

        Generic rules admit everything except their ``~excluded`` domains. Site rules
        need the domain, or, for text whose site is unknown, a signature line.
        ``screened``: the numbers of the signatures whose literals occur in the document, when the caller
        has screened it already (:meth:`RuleSet.for_document` screens it once for all rules).
        """
        if domain is not None and any(domain_matches(domain, ex) for ex in self.excluded_domains):
            return False
        if not self.domains:
            return True
        if domain is not None:
            return any(domain_matches(domain, scope) for scope in self.domains)
        if doc is None or not self.signatures:
            return False
        # Only signatures whose literals occur somewhere in the document can match one of its lines.
        possible = screened if screened is not None else self.screen_signatures(lowered_chunks(doc))
        return any(self.signatures[n].search(block.text) for n in sorted(possible) for block in doc.blocks)

    def screen_signatures(self, chunks: Iterable[str]) -> set[int]:
        """The numbers of the signatures that may match a line of a text given as lower-cased pieces
        (:func:`lowered_chunks`): those whose literals occur in one of the pieces."""
        screen = pattern_screen(self.signatures)
        possible: set[int] = set()
        for chunk in chunks:
            possible.update(screen(chunk))
        return possible


_Built = TypeVar("_Built")


class PerSelection(Generic[_Built]):
    """What a function builds from a rule selection (a line matcher, the rules sorted by kind), built once per
    selection: the same rule objects in the same order.

    Rules hold dicts, so they are not hashable: a selection is known by its rules' identities, read in C. Each
    entry keeps the rules it was built from, so no id in its key can be reused while the entry lives. A selection
    passed again as the same tuple (the rule set lists each selection once, and every page of its kind gets that
    tuple) is known by the tuple's identity alone, without listing and hashing the ids of its hundreds of rules.

    >>> built = PerSelection(lambda rules: [rule.id for rule in rules])
    >>> rules = (Rule("X001", "x", Kind.LINE, "share", "a rule"),)
    >>> first = built(rules)
    >>> built(list(rules)) is first, built((Rule("X001", "x", Kind.LINE, "share", "a rule"),)) is first
    (True, False)
    """

    def __init__(self, build: Callable[[tuple[Rule, ...]], _Built], size: int = 256) -> None:
        self._build = build
        self._size = size
        self._built: dict[tuple[int, ...], tuple[tuple[Rule, ...], _Built]] = {}
        self._tuples: dict[int, tuple[Sequence[Rule], _Built]] = {}  # by the id of a tuple passed, which it keeps

    def __call__(self, rules: Sequence[Rule]) -> _Built:
        known = self._tuples.get(id(rules))
        if known is not None and known[0] is rules:
            return known[1]
        key = tuple(map(id, rules))
        cached = self._built.get(key)
        if cached is None:
            if len(self._built) >= self._size:
                self._built.clear()
                self._tuples.clear()
            selection = tuple(rules)
            cached = self._built[key] = (selection, self._build(selection))
        if isinstance(rules, tuple):
            if len(self._tuples) >= self._size:  # a caller making a new tuple for every document
                self._tuples.clear()
            self._tuples[id(rules)] = (rules, cached[1])
        return cached[1]


LOWERED_CHUNK = 1 << 18
"""About how many characters of a document :func:`lowered_chunks` lower-cases at a time."""


def lowered_chunks(doc: Document, size: int = LOWERED_CHUNK) -> Iterator[str]:
    """The document's block texts, lower-cased and joined by newlines, in pieces of whole blocks of about ``size``
    characters: what signatures are screened on. A signature matches within one line, so the pieces find the same
    signatures as the whole text would, and a large document is never copied whole (the literal scan reads a
    piece as four bytes a character).

    >>> list(lowered_chunks(Document.from_text("Share\\n\\nSIGN UP\\nMore\\n"), size=8))
    ['share\\nsign up', 'more']
    """
    batch: list[str] = []
    length = 0
    for block in doc.blocks:
        batch.append(block.text)
        length += len(block.text) + 1
        if length >= size:
            yield "\n".join(batch).lower()
            batch, length = [], 0
    if batch:
        yield "\n".join(batch).lower()


def default_dir() -> Path:
    """The bundled rules: inside the installed package, else the repository's ``rules/``."""
    packaged = Path(str(resources.files("declutter"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"
