"""The guard of selector rules (``guard``, ``guard_twins``, ``together``): what an element and its rule's other
matches hold of the page's text, measured before the walk (:mod:`.chrome`) removes anything. An element holding
the markup of the text (its headline, its <main>, its <article>) or a share of the text is spared, and so
are a rule's matches that hold that share together (a forum's posts, a thread's replies)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, cast

from lxml import etree

from declutter.html.regions import NOT_CARDS, card_sized, content_mass
from declutter.html.selectors import CompiledSelector
from declutter.html.spares import CARD_TWINS
from declutter.html.tree import (
    BLOCK_TAGS,
    HEADINGS,
    PARAGRAPHS,
    Element,
    all_text,
    class_and_id,
    class_tokens,
    contains,
    element_tokens,
    squeeze,
    text_and_links,
)
from declutter.rules import Rule

PROTECT_SHARE = 0.4
"""A selector never removes an element holding this share of the page's text (:class:`Mass`)."""

WHOLE_PAGE_SHARE = 0.8
"""An element holding this share of the page's text is the page: a rule unguarded on articles
(``guard = "except-articles"``) still keeps it there (a page hidden until its scripts show it)."""

TEXT_FLOOR = 500
"""Characters of paragraphs a page needs for a share of them to mean anything."""

UNPARAGRAPHED_FLOOR = 3000
"""Characters of text outside links (about 500 words) a page written without paragraphs needs before one
element holding a share of it is taken for its text: that measure also counts a footer's or a contact
box's prose, which on a short page can outweigh the story."""

_ARTICLE_BODIES = cast(Callable[[Element], list[Element]], etree.XPath("descendant::*/@itemprop[. = 'articleBody']/.."))
"""The elements marked as the article's body: the ``itemprop`` attributes read and their elements taken (a predicate
on every element, ``descendant::*[@itemprop = 'articleBody']``, costs libxml2 several times more)."""

_MARKUP_TAGS = ("main", "h1", "article")
"""The tags of the page's text markup (:func:`article_holders`), found by one walk in C."""


@dataclass(frozen=True)
class Holders:
    """The elements holding the markup of the page's text, found before the walk.

    ``any``: every element with an <article>, <main>, <h1> or articleBody below it.
    ``marked``: the same for a rule guarded by the markup alone, where an <article> counts only when it is the
    page's only one: where the page marks several, they are cards or posts (a mega-menu's featured stories, a
    sidebar's teasers), and a <nav> or <aside> holding them is still what it says it is.
    """

    any: frozenset[Element]
    marked: frozenset[Element]


def article_holders(root: Element) -> Holders:
    """The page's :class:`Holders`: the ancestors of every <main>, <h1> outside a dialog and articleBody element, and of
    every <article>. The page's few elements of these tags come from one walk in C (``iterdescendants`` with their
    tags), their ancestors are read in Python: three XPath scans of every element (each tag and the articleBody
    attribute) and one more for the <article>s, with an ancestor axis per <h1> for its dialog, cost two thirds more
    (44 against 26 M instructions on 60 ScrapingHub pages).

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><nav id=menu><article>Storm hits coast</article><article>Fares rise</article></nav>"
    ...              "<div id=story><h1>Budget passes</h1></div></body>")
    >>> holders = article_holders(page)
    >>> [e.get("id") for e in (page.find(".//*[@id='menu']"), page.find(".//*[@id='story']")) if e in holders.marked]
    ['story']
    >>> page.find(".//*[@id='menu']") in holders.any
    True
    """
    articles: list[Element] = []
    marked: set[Element] = set()
    for element in root.iterdescendants(*_MARKUP_TAGS):  # lxml's walk in C, stopping at these few only
        if element.tag == "article":
            articles.append(element)
            continue
        above = list(element.iterancestors())
        if element.tag == "h1" and any(_in_dialog(ancestor) for ancestor in above):
            continue  # an <h1> heading a dialog (a 'Subscribe to RSS' box, a consent centre), not the page
        marked.update(above)
    for element in _ARTICLE_BODIES(root):
        marked.update(element.iterancestors())
    found = frozenset(marked).union(*(article.iterancestors() for article in articles))
    return Holders(found, found if len(articles) < 2 else frozenset(marked))


def _in_dialog(element: Element) -> bool:
    """Whether an element is a dialog (its ``role`` or ``aria-modal``): what an <h1> inside it heads."""
    return element.get("role") in ("dialog", "alertdialog") or element.get("aria-modal") == "true"


def protected(element: Element, text: Mass, holders: Holders, *, share: bool = True) -> bool:
    """The document skeleton and anything holding the article is never removed by a guarded selector.

    ``holders`` (:func:`article_holders`) and ``text`` are taken before the walk: the walk decides an
    element before anything below it and removes no ancestor of it, so what is below the element is
    still what was there then. Without ``share`` (``guard = "markup"``), only the markup protects: the
    skeleton and the elements holding the headline, the page's only <article>, <main> or articleBody
    (:attr:`Holders.marked`), not :data:`PROTECT_SHARE` of the text. A page's own <footer>, <nav> or dialog is
    not its text however many paragraphs it holds (a shop's footer of store blurbs, a consent centre's policy)
    unless it holds the markup of the text.
    """
    if marks_text(element, holders.any if share else holders.marked):
        return True
    return share and _holds(element, text, PROTECT_SHARE)


def marks_text(element: Element, holders: frozenset[Element]) -> bool:
    """Whether an element is the document's skeleton or holds the markup of its text (one of ``holders``)."""
    if element.tag in ("html", "body", "main", "article"):
        return True
    return element.get("itemprop") == "articleBody" or element.get("role") == "main" or element in holders


def guarded(element: Element, rule: Rule, text: Mass, holders: Holders, article: bool, *, twin: bool = False) -> bool:
    """Whether the rule's ``guard`` keeps this element: :func:`protected`, or on an article for a rule
    guarded ``"except-articles"`` only the page itself (:data:`WHOLE_PAGE_SHARE`)."""
    guard = rule.params.get("guard", True)
    if applies(guard, article):
        by_share = guard != "markup" and (rule.params.get("guard_twins", True) or not twin)
        return protected(element, text, holders, share=by_share)
    return guard == "except-articles" and _holds(element, text, WHOLE_PAGE_SHARE)


def one_of_twins(element: Element, named: frozenset[str], tokens_of: Callable[[str], frozenset[str]]) -> bool:
    """Whether an element is one of :data:`CARD_TWINS` siblings or more of its tag that its rule matches by the same
    class/id tokens (``named``): one comment of a list of comments, however long, whatever else each is named
    (WordPress alternates ``even`` and ``odd``)."""
    parent = element.getparent()
    if not named or parent is None:
        return False
    twins = 0
    for sibling in parent:
        if sibling.tag == element.tag and not named.isdisjoint(tokens_of(class_and_id(sibling))):
            twins += 1
            if twins >= CARD_TWINS:  # said: a thread of 3,000 posts need not be counted for each of them
                return True
    return False


def _holds(element: Element, text: Mass, share: float) -> bool:
    """Whether an element holds ``share`` of the page's text (of a page with enough text to tell)."""
    return text.page >= text.floor and text.of(element) >= share * text.page


def _paragraphs_in(element: Element, sizes: dict[Element, int]) -> int:
    """Characters of the page's paragraphs (``sizes``, measured before any removal) under an element."""
    return sum(sizes.get(p, 0) for p in element.iter(*PARAGRAPHS))


class Mass:
    """The page's text as the guards measure it, taken before any removal (the walk removes nothing).

    By its paragraphs (:func:`.tree.paragraph_sizes`) where the page writes its text in them; otherwise (cards,
    posts and sections written in <div>s or between <br>s) by all its text outside links
    (:func:`content_mass`, with ``cards`` on pages that are not articles). With ``wrapped``, an inline
    element that wraps blocks (a <span> around a whole post) is measured by the text it wraps, which
    :func:`content_mass` credits to its parent: the guard on one element must see it. With ``cards``, a part
    of a card's long link (:func:`_in_card_link`) counts the text it holds.

    Measured only when asked: most walks find no match judged together, and on an article the few
    matched elements are summed from their own paragraphs rather than every paragraph's ancestors
    being counted.
    """

    def __init__(
        self, root: Element, sizes: dict[Element, int], *, paragraphs: bool, cards: bool, wrapped: bool
    ) -> None:
        self._root, self._sizes = root, sizes
        self._paragraphs, self._cards, self._wrapped = paragraphs, cards, wrapped

    @cached_property
    def page(self) -> int:
        return sum(self._sizes.values()) if self._paragraphs else self._mass.get(self._root, 0)

    @property
    def floor(self) -> int:
        """The least text a page needs for one element's share of it to protect that element."""
        return TEXT_FLOOR if self._paragraphs else UNPARAGRAPHED_FLOOR

    def of(self, element: Element) -> int:
        if self._paragraphs:
            return _paragraphs_in(element, self._sizes)
        found = self._mass.get(element)
        if found is not None:
            return found
        if self._cards:
            return _in_card_link(element)
        wraps = self._wrapped and any(inner.tag in BLOCK_TAGS for inner in element.iterdescendants())
        return _outside_links(element) if wraps else 0

    @cached_property
    def _mass(self) -> dict[Element, int]:
        return content_mass(self._root, cards=self._cards)


_LINK_TEXT = cast(Callable[[Element], list[str]], etree.XPath("descendant::a//text()", smart_strings=False))


class PageText:
    """The page's text outside links, measured once and only when asked (the link text in one XPath call)."""

    def __init__(self, root: Element) -> None:
        self._root = root

    @cached_property
    def chars(self) -> int:
        return len(squeeze(all_text(self._root))) - len(squeeze(" ".join(_LINK_TEXT(self._root))))


def holding_as_text(judged: list[tuple[Element, str]], page: PageText, paragraphs: int) -> set[str]:
    """The rules whose matches inside the article's <main> or <article> hold :data:`PROTECT_SHARE` of the
    page's text outside links, taken together (the page's paragraphs do not see text written in <div>s).

    The page's text is measured only when some rule's matches hold that share of its ``paragraphs``
    characters: a page's text is rarely less than its paragraphs, and most matches are a byline or a share bar.
    """
    inside: Counter[str] = Counter()
    for element, rule_id in judged:
        if next(element.iterancestors("main", "article"), None) is not None:
            inside[rule_id] += _outside_links(element)
    if not inside or max(inside.values()) < PROTECT_SHARE * paragraphs:
        return set()
    return {rule_id for rule_id, chars in inside.items() if chars >= PROTECT_SHARE * page.chars}


def _in_card_link(element: Element) -> int:
    """Characters of an element that is or lies inside a link of :data:`CARD_WORDS` words or more (outside an
    <aside> or a <nav>), else 0.

    :func:`content_mass` counts such a link as text of the block holding it and does not walk into it, so a
    rule matching a part of every card of a grid (a shop's 'caption' or 'overlay' holding name and price, a
    listing's dek link marked aria-hidden) would otherwise hold nothing together, and the grid would go.
    Text outside links (a promotion bar's slides in <span>s) is not a card's.

    >>> from declutter.html.parsing import parse
    >>> card = parse("<body><a href='/p/1'><div class='caption'>Optoma 4K laser projector, 4000 lumens, "
    ...              "short throw</div></a></body>")
    >>> _in_card_link(card.find(".//div"))
    51
    """
    link = element if element.tag == "a" else next(element.iterancestors("a"), None)
    if link is None or not card_sized(all_text(link)):
        return 0
    if next(link.iterancestors(*NOT_CARDS), None) is not None:
        return 0
    return len(squeeze(all_text(element)))


def _outside_links(element: Element) -> int:
    """Characters of an element's text outside its links (:func:`~declutter.html.tree.text_and_links`)."""
    text, links = text_and_links(element)
    return text - links


FRAME_SHARE = 0.9
"""A child holding this share of its parent's text and the page's headline is the page's wrapper (``div#page``,
React's ``div#__next``): the children beside it are the page's frame (:func:`frame_parts`)."""


def frame_parts(root: Element, holders: Holders) -> frozenset[Element]:
    """The parts of the page's frame: the children of its <body>, and of each wrapper under it, beside the child
    holding every <h1> of the page (the page's column), down to the first that holds less than :data:`FRAME_SHARE` of
    the body's text or is a <main> or <article>, none of them holding the markup of the text (:class:`Holders`): a
    shop's header menu and its footer of notices and link columns, whatever they are named. A page without an
    <h1>, or whose <h1>s lie in two children, has no frame here; nor has a level whose column is the headline
    itself (a section of the text).

    A rule's matches judged together are the page's text when they hold :data:`PROTECT_SHARE` of it (a forum's
    posts), and the veto spares them all; a rule with ``frame_apart`` still loses its matches in the frame
    (:func:`frame_part`): a sock shop's footer of 160 words of notices, with its header menu and breadcrumbs, held
    40% of a short product page's text, and the veto spared all three.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div id=app><div id=top>Socks Shirts</div><div id=shop><h1>Quarter socks</h1>"
    ...              "<p>" + "Soft and warm. " * 20 + "</p></div><div id=end>About us · Returns</div></div></body>")
    >>> sorted(part.get("id") for part in frame_parts(page, article_holders(page)))
    ['end', 'top']
    """
    body = root.find("body")
    node = body if body is not None else root
    headlines = list(node.iter("h1"))
    total = len(squeeze(all_text(node)))
    parts: list[Element] = []
    while headlines and total:
        children = [child for child in node if isinstance(child.tag, str)]
        column = _child_holding(node, headlines)
        if column is None or column.tag in HEADINGS:
            break
        parts.extend(child for child in children if child is not column)
        if column.tag in ("main", "article") or column.get("role") == "main":
            break
        if len(squeeze(all_text(column))) < FRAME_SHARE * total:
            break
        node = column
    return frozenset(part for part in parts if not marks_text(part, holders.any))


def _child_holding(node: Element, elements: list[Element]) -> Element | None:
    """The child of ``node`` that holds (or is) every one of ``elements``, or None: the one child above the first
    that holds all the others, found by one walk up from it instead of a walk from each element for each child.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div id=a><h1>One</h1></div><div id=b><h1>Two</h1></div></body>")
    >>> body = page.find("body")
    >>> _child_holding(body, list(body.iter("h1"))) is None, _child_holding(body, list(body.iter("h1"))[:1]).get("id")
    (True, 'a')
    """
    child = elements[0]
    parent = child.getparent()
    while parent is not None and parent is not node:
        child, parent = parent, parent.getparent()
    if parent is None:
        return None
    return child if all(contains(child, element) for element in elements[1:]) else None


def frame_part(element: Element, rule_id: str, frame: frozenset[Element], kept: set[tuple[Element, str]]) -> bool:
    """Whether a rule's match is one of the page's :func:`frame_parts`, or lies in one that the rule's guard kept by
    its share of the page's paragraphs (``kept``: a footer of notices, the link columns in it named as the footer).

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div id=foot><div id=links>About</div></div><div><h1>Socks</h1></div></body>")
    >>> foot, links = page.find(".//*[@id='foot']"), page.find(".//*[@id='links']")
    >>> frame = frame_parts(page, article_holders(page))
    >>> frame_part(links, "DOM002", frame, {(foot, "DOM002")}), frame_part(links, "DOM002", frame, set())
    (True, False)
    """
    if element in frame:
        return True
    return any(above in frame and (above, rule_id) in kept for above in element.iterancestors())


def applies(setting: object, article: bool) -> bool:
    """A rule's ``guard`` or ``together`` setting on this page: always (true, "always", and "markup": a guard
    by the markup alone, see :func:`protected`), never (false), or only on pages that do not call
    themselves articles ("except-articles")."""
    return setting is True or setting in ("always", "markup") or (setting == "except-articles" and not article)


def judged_together(rule: Rule, article: bool) -> bool:
    """Whether a guarded rule's matches are judged together (a news story's comments are apart from its
    text, ``together = "except-articles"``; a forum thread is its posts)."""
    return applies(rule.params.get("guard", True), article) and applies(rule.params.get("together", True), article)


def a_reply(element: Element, compiled: CompiledSelector, threads: dict[tuple[Any, ...], bool]) -> bool:
    """Whether a match of a rule judged together except on articles (``together = "except-articles"``) is a reply
    of a thread: the class names of the match that hold none of the rule's tokens (the template a post and its
    replies share) are carried by another match beside it (one more reply) and by a sibling before it, of its tag,
    that the rule does not match (the first post). A page calling itself an article whose first post is such a
    sibling (a bbPress thread in a WordPress ``article.entry``) is a thread: its replies are judged together as a
    forum's are. A news story's comments are no twins of its text: a layout's class that they share with it
    ('container') is used elsewhere on the page too, and a comment section alone beside the story is no list of
    replies. ``threads`` keeps each answer by parent, tag, template and rule, since a thread's every reply asks the
    same question (a thread of 1,000 replies took 10 s asked one by one).

    >>> from declutter.html.parsing import parse
    >>> from declutter.ruleset import RuleSet
    >>> from declutter.html.selectors import compile_selector_rule
    >>> rule = compile_selector_rule(next(rule for rule in RuleSet.bundled() if rule.id == "DOM007"))
    >>> reply = "<div class='post post-reply'>A</div>"
    >>> thread = parse(f"<div><div class='post post-first'>Q</div>{reply.replace('<div', '<div id=r')}{reply}</div>")
    >>> story = parse("<div><div class='entry box'>Story</div><div id=r class='comments box'>Hi</div></div>")
    >>> a_reply(thread.find(".//*[@id='r']"), rule, {}), a_reply(story.find(".//*[@id='r']"), rule, {})
    (True, False)
    """
    if compiled.rule.params.get("together") != "except-articles":
        return False
    template = {name for name in (element.get("class") or "").split() if compiled.tokens.isdisjoint(class_tokens(name))}
    parent = element.getparent()
    if not template or parent is None:
        return False
    key = (parent, element.tag, frozenset(template), compiled.rule.id)
    answer = threads.get(key)
    if answer is None:
        answer = threads[key] = _replies_of_a_thread(parent, element.tag, template, compiled)
    return answer


def _replies_of_a_thread(parent: Element, tag: str, template: set[str], compiled: CompiledSelector) -> bool:
    """:func:`a_reply`'s answer for the children of ``parent`` of one tag and class template."""
    first_post, replies = False, 0
    for sibling in parent:
        if sibling.tag != tag or not template <= set((sibling.get("class") or "").split()):
            continue
        if not compiled.tokens.isdisjoint(element_tokens(sibling)):
            replies += 1
        elif replies == 0:
            first_post = True
    if not first_post or replies < 2:
        return False
    root = parent.getroottree().getroot()  # a template, not a layout's class ('container') used all over the page
    return all(
        other.getparent() is parent for other in root.iter(tag) if template <= set((other.get("class") or "").split())
    )
