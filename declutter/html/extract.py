"""The HTML stage: parse, remove page chrome, pick the main content, and emit text blocks.

The DOM stage runs before the text rules: ``selector`` rules (CSS selectors and
class/id tokens, from the rule files) remove elements, a scorer picks the
element that holds the article, and its block elements become the lines the
text rules then clean. Every removed element is reported with the rule that
removed it. lxml parses without network access and without expanding entities.

>>> from declutter.ruleset import RuleSet
>>> page = extract_page("<html><head><title>T</title></head><body><nav>Home News</nav>"
...                     "<article><h1>Budget passes</h1><p>The council approved the budget on Monday, "
...                     "after a long debate about roads, schools and parks in every ward.</p></article>"
...                     "</body></html>", RuleSet.bundled().active())
>>> page.title, [block[:40] for block in page.blocks]
('Budget passes', ['The council approved the budget on Monda'])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from declutter.decisions import ElementDecision
from declutter.document import domain_of
from declutter.html.blocks import blocks_and_repeats
from declutter.html.chrome import opened_by_controls, remove_chrome, reveal_noscript, strip_bulk
from declutter.html.copies import decoys, later_copies, later_twins, other_products
from declutter.html.metadata import author_of, first_meta, read_metadata
from declutter.html.parsing import parse
from declutter.html.parts import (
    ARTICLE_INTRO_WORDS,
    INTRO_WORDS,
    content_parts,
    headline_intro,
    posts_after,
    sections_after,
)
from declutter.html.regions import widened
from declutter.html.selectors import CompiledSelector, compile_selector_rule
from declutter.html.structured import completed
from declutter.html.tree import all_text, contains, path_of, remove, squeeze
from declutter.rules import Kind, PerSelection, Rule
from declutter.structure import Shape, line_spans
from declutter.text import counted


@dataclass(frozen=True)
class Page:
    """What the DOM stage found: the article's blocks, its metadata and the elements removed.

    ``shapes`` holds one :class:`~declutter.structure.Shape` per block (what it was: heading, item, row, code…),
    the title's first when there is a title; Markdown and HTML are rebuilt from them.
    """

    title: str | None
    blocks: tuple[str, ...]
    removed: tuple[ElementDecision, ...] = ()
    url: str | None = None
    published: str | None = None
    author: str | None = None
    container: str = ""
    shapes: tuple[Shape, ...] = ()
    language: str | None = None
    notes: tuple[str, ...] = ()
    """What the stage did beyond the usual, worth a person's look: a wider extraction, structured data used."""
    words: int = 0
    """How many words the page shows (its body's text outside scripts and styles), before anything is removed."""
    article: bool = False
    """Whether the page calls itself an article (its ``og:type`` or JSON-LD ``@type``)."""
    product: bool = False
    """Whether the page calls itself a product, and not an article."""

    @property
    def text(self) -> str:
        """Title first, then one block per paragraph, separated by blank lines."""
        parts = ([self.title] if self.title else []) + list(self.blocks)
        return "\n\n".join(parts) + ("\n" if parts else "")

    @property
    def code_lines(self) -> frozenset[int]:
        """The lines of :attr:`text` (counted from 0) that the page wrote in a ``<pre>``: its code or console
        output as written, which the text heuristics leave whole (a quoted boot screen's '(c) Copyright 1990-1994,
        Hewlett-Packard Company.' is no page's footer).

        >>> page = Page("T", ("Boot it:", "(c) Copyright 1994 HP", "Booting"),
        ...             shapes=(Shape("heading", "T", level=1), Shape("paragraph", "Boot it:"),
        ...                     Shape("code", "(c) Copyright 1994 HP"), Shape("code", "Booting")))
        >>> sorted(page.code_lines)
        [4, 6]
        """
        return self._lines_of("code")

    @property
    def item_lines(self) -> frozenset[int]:
        """The lines of :attr:`text` (counted from 0) that the page wrote as a list's items (``<li>``): what a
        converter would have bulleted, so the line rules that spare a list's entries (``item_words``) see the
        list in HTML mode as in text ('More on Postgres Performance by Craig Kerstiens' among a wiki's reading
        list is an entry, not a 'More on …' header).

        >>> page = Page("T", ("Read:", "Tuning by Greg Smith", "More on Postgres by Craig"),
        ...             shapes=(Shape("heading", "T", level=1), Shape("paragraph", "Read:"),
        ...                     Shape("item", "Tuning by Greg Smith"), Shape("item", "More on Postgres by Craig")))
        >>> sorted(page.item_lines)
        [4, 6]
        """
        return self._lines_of("item")

    def _lines_of(self, kind: str) -> frozenset[int]:
        """The lines of :attr:`text` (counted from 0) that shapes of ``kind`` fill."""
        return frozenset(line for shape, span in line_spans(self.shapes) if shape.kind == kind for line in span)


class _Selectors:
    """A selection's selector rules, compiled and listed once for each kind of page (an article, a product,
    neither): on each page only the few with a site scope are asked about its site, not every rule about
    everything.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self._rules = tuple(r for r in rules if r.kind is Kind.SELECTOR)
        self._by_kind: dict[tuple[bool, bool], tuple[tuple[Rule, CompiledSelector, bool], ...]] = {}

    def for_page(self, site: str | None, *, article: bool, product: bool, spared: str) -> list[CompiledSelector]:
        """The compiled rules that run on a page of this site and kind, in rule order, less the one ``spared``."""
        listed = self._by_kind.get((article, product))
        if listed is None:
            listed = self._by_kind[article, product] = tuple(
                (rule, compile_selector_rule(rule), bool(rule.domains or rule.excluded_domains))
                for rule in self._rules
                if rule.runs_on(article=article, product=product)
            )
        return [
            compiled for rule, compiled, scoped in listed if (not scoped or rule.applies_to(site)) and rule.id != spared
        ]


_selectors = PerSelection(_Selectors)


NEAR_EMPTY_WORDS = 50
"""A result of fewer words than this (less its title) may be near-empty: not one post or paragraph of a page."""
NEAR_EMPTY_SHARE = 0.05
"""… when it is also less than this share of the words the page shows (as the pipeline's near-empty warning)."""
NEAR_EMPTY_PAGE = 200
"""A page showing fewer words than this may well be all chrome (a shop's bare grid): its short result is no loss."""


def extract_page(html: str, rules: Sequence[Rule], *, url: str | None = None, domain: str | None = None) -> Page:
    """Run the DOM stage: metadata, selector rules (scoped to the page's site), main content, blocks.

    A block that only repeats paragraphs printed earlier (:func:`later_copies`) is left out, the content
    found is widened to the whole page (less its chrome) when it holds much less than the
    page shows, and the page's JSON-LD article body or product description completes what the markup
    gave (or, on a shell showing fewer words than the excerpt of its text that its description holds, that
    excerpt stands in for it); :attr:`Page.notes` says when any of these happened. The introduction set beside
    the page's headline comes before the content found (:func:`headline_intro`: a category's lines above its grid
    of cards; on an article, paragraphs of :data:`ARTICLE_INTRO_WORDS` words or more, not a one-sentence dek), and
    on any page a grid of posts printed right after a container that is their category's description comes after
    it (:func:`posts_after`).

    A near-empty result from a page full of words (:func:`_near_empty`: the title and a line left of a thread
    whose posts are each a 'comment', of a listing whose entries are link lists) is made again without each
    guarded rule that removed something in turn, and the retry keeping the most words is used, with a note: that
    rule's matches were the page's text, which its guards did not see (the posts of a thread beside a consent
    centre outweighing them, a page calling itself an article). Rules guarded by the page's markup alone (its
    landmarks and dialogs) or not at all are never retried: what the page says is chrome stays chrome.
    """
    page = _extract_page(html, rules, url=url, domain=domain)
    if not _near_empty(page):
        return page
    best, spared, kept = page, "", _words(page)
    guarded = {rule.id for rule in rules if rule.params.get("guard", True) not in (False, "markup")}
    for rule_id in dict.fromkeys(element.rule_id for element in page.removed if element.rule_id in guarded):
        retry = _extract_page(html, rules, url=url, domain=domain, spared=rule_id)
        if (words := _words(retry)) > kept:
            best, spared, kept = retry, rule_id, words
    if best is page:
        return page
    note = (
        f"near-empty result ({_words(page)} of the page's {page.words} words): made again without {spared}, "
        f"whose matches held the page's text ({kept} words kept)"
    )
    return replace(best, notes=(*best.notes, note))


def _words(page: Page) -> int:
    """Words of a page's blocks (its title left out)."""
    return sum(len(block.split()) for block in page.blocks)


def _near_empty(page: Page) -> bool:
    """Whether a page showing :data:`NEAR_EMPTY_PAGE` words or more kept fewer than :data:`NEAR_EMPTY_WORDS` of them
    and less than :data:`NEAR_EMPTY_SHARE` (its title not counted).

    >>> _near_empty(Page("Thread", ("Log in",), words=900)), _near_empty(Page("Thread", ("Log in",), words=90))
    (True, False)
    """
    if page.words < NEAR_EMPTY_PAGE:
        return False
    bar = min(NEAR_EMPTY_WORDS, NEAR_EMPTY_SHARE * page.words)
    kept = 0
    for block in page.blocks:  # counted until the bar: a full page's every block split cost 0.4 ms a page
        kept += len(block.split())
        if kept >= bar:
            return False
    return True


def _extract_page(
    html: str, rules: Sequence[Rule], *, url: str | None = None, domain: str | None = None, spared: str = ""
) -> Page:
    """:func:`extract_page`'s one pass, without the rule whose id is ``spared``."""
    root = parse(html)
    head = read_metadata(root)
    ld, metas, title_tag = head.json_ld, head.metas, head.title
    page_url = url or head.canonical or first_meta(metas, "og:url")
    published = first_meta(metas, "article:published_time", "datePublished", "pubdate", "date") or (
        str(ld["datePublished"]) if "datePublished" in ld else None
    )
    author = author_of(metas, ld)
    site = domain or (domain_of(page_url) if page_url else None)
    selectors = _selectors(rules).for_page(site, article=head.article, product=head.product, spared=spared)
    reveal_noscript(root)
    opened = opened_by_controls(root, selectors, article=head.article, product=head.product)  # before buttons go
    removed, page_rules = strip_bulk(
        root,
        [s for s in selectors if s.rule.params.get("scope") == "page"],
        article=head.article,
        product=head.product,
    )
    words = len(all_text(root).split())  # what the page shows: scripts and styles are gone, nothing else yet
    removed += remove_chrome(root, page_rules, article=head.article, product=head.product, site=site, opened=opened)
    notes: list[str] = []
    for copy in later_copies(root):  # before the region is chosen: a second copy doubles the text it weighs
        notes.append(
            f"a later copy of the page's text ({path_of(copy)}, {len(all_text(copy).split())} words) was left out"
        )
        remove(copy)
    for twin in later_twins(root, product=head.product):  # a responsive layout's second copy, a cloned slide
        notes.append(f"a later twin of a block ({path_of(twin)}, {len(all_text(twin).split())} words) was left out")
        remove(twin)
    if head.product:
        for block in decoys(root):  # ids a shop sets among the letters of a label: no reader sees them
            notes.append(f"a label's decoy ids ({path_of(block)}) were left out")
            remove(block)
        for grid in other_products(root):  # 'Similar items' under the product: other products' cards
            notes.append(
                f"a grid of other products ({path_of(grid)}, {len(all_text(grid).split())} words) was left out"
            )
            remove(grid)
    parts = content_parts(root, article=head.article)
    container = parts[-1]
    if not head.article:
        container, widening = widened(root, container)
        notes += widening
        parts = parts if container is parts[-1] else (container,)
    # A listing's introduction in its banner, beside the title; an article's in its hero, not its one-sentence dek.
    intro = headline_intro(root, parts[0], min_words=ARTICLE_INTRO_WORDS if head.article else INTRO_WORDS)
    parts = (*(p for p in intro if not any(contains(part, p) for part in parts)), *parts)
    parts = (*parts, *sections_after(container))  # the document's next sections, of the container's template
    posts = posts_after(container)  # a category's description chosen over its grid of short posts
    if posts is not None:
        parts = (*parts, posts)
    for part in parts:
        removed += remove_chrome(
            part,
            [s for s in selectors if s.rule.params.get("scope") == "content"],
            article=head.article,
            product=head.product,
            site=site,
        )
    h1 = container.find(".//h1")
    if h1 is None:
        h1 = root.find(".//h1")
    title = squeeze(all_text(h1)) if h1 is not None else None
    title = (
        title
        or first_meta(metas, "og:title")
        or (str(ld["headline"]) if "headline" in ld else None)
        or (squeeze(title_tag) if title_tag else None)
    )
    if h1 is not None and contains(container, h1):
        remove(h1)
    read = [blocks_and_repeats(part) for part in parts]
    shapes = tuple(shape for kept, _ in read for shape in kept)
    copies = [copy.text for _, part_copies in read for copy in part_copies]
    if copies:  # a block printed once per screen size, a card's title in its picture's link and its heading
        notes.append(
            f"{counted(len(copies), 'line')} printed again right below by another element read once ('{copies[0]}', …)"
        )
    if title and shapes and shapes[0].text == title:
        shapes = shapes[1:]
    shapes, completion = completed(head.items, shapes, metas, words)
    notes += completion
    blocks = tuple(shape.text for shape in shapes)
    return Page(
        title or None,
        blocks,
        tuple(removed),
        page_url,
        published,
        author,
        path_of(container),
        ((Shape("heading", title, level=1),) if title else ()) + shapes,
        head.language,
        tuple(notes),
        words,
        head.article,
        head.product,
    )
