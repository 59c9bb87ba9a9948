"""Chrome removal: selector rules (CSS, class/id tokens) remove page chrome in one walk, with guards."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, cast

from cssselect import GenericTranslator, SelectorError
from lxml import etree
from lxml.html import HtmlElement

from declutter.decisions import ElementDecision
from declutter.document import domain_matches, domain_of
from declutter.errors import RuleError
from declutter.html.regions import NOT_CARDS, card_sized, content_mass, names_body
from declutter.html.tree import (
    BLOCK_TAGS,
    PARAGRAPHS,
    Paths,
    all_text,
    class_counts,
    class_tokens,
    describe,
    paragraph_sizes,
    preview,
    remove,
    squeeze,
    text_and_links,
)
from declutter.literals import LiteralScan
from declutter.rules import Rule
from declutter.text import counted


@lru_cache(maxsize=512)
def _css_to_xpath(selector: str) -> str:
    return GenericTranslator().css_to_xpath(selector)


@dataclass(frozen=True)
class CompiledSelector:
    """A selector rule ready to run in one walk: tag names, simple attribute tests, class/id tokens,
    and one XPath for whatever selectors are more complex than that."""

    rule: Rule
    tags: frozenset[str]
    attributes: tuple[tuple[str | None, str, str, str], ...]
    xpath: etree.XPath | None
    tokens: frozenset[str]
    classes: frozenset[str] = frozenset()
    """Whole class names of the rule's class selectors (``.message-userTitle``), matched as written."""

    def matches(self, element: HtmlElement, tokens: frozenset[str]) -> str | None:
        """Why the element matches this rule's tags, class names, attribute tests or tokens (None if it does not)."""
        if not self.tokens.isdisjoint(tokens):
            return f"class/id token {min(tokens & self.tokens)!r}"
        if element.tag in self.tags:
            return f"<{element.tag}> element"
        if self.classes:
            named = self.classes.intersection((element.get("class") or "").split())
            if named:
                return f"class {min(named)!r}"
        for tag, name, operator, value in self.attributes:
            if tag is not None and element.tag != tag:
                continue
            actual = element.get(name)
            if actual is None:
                continue
            if (
                operator == ""
                or (operator == "=" and actual == value)
                or (operator == "*=" and value in actual)
                or (operator == "^=" and actual.startswith(value))
                or (operator == "$=" and actual.endswith(value))
                or (operator == "~=" and value in actual.split())
            ):
                return f"[{name}{operator}{value!r}]" if operator else f"[{name}]"
        return None


_SIMPLE = re.compile(r"""([a-z][a-z0-9-]*)?(?:\[([\w-]+)(?:([*^$~]?=)\s*(?:'([^']*)'|"([^"]*)"|([\w-]+)))?\])?""")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
"""A class selector alone (``.message-userTitle``): one class name, matched in the walk, not by an XPath that
tests every element's class attribute once per selector."""
_COMPILED: dict[int, tuple[Rule, CompiledSelector]] = {}


def compile_selector_rule(rule: Rule) -> CompiledSelector:
    """:func:`_compile_selector_rule`, cached per rule object (rules hold dicts, so they are not hashable)."""
    cached = _COMPILED.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    if len(_COMPILED) > 4096:
        _COMPILED.clear()
    compiled = _compile_selector_rule(rule)
    _COMPILED[id(rule)] = (rule, compiled)
    return compiled


def _compile_selector_rule(rule: Rule) -> CompiledSelector:
    """Compile a selector rule so it costs at most one scan of the tree.

    Tag names (``nav``, a custom element's ``i-pwa-install``), class names (``.postcontrols``) and single
    attribute tests (``[hidden]``, ``div[role='menu']``, ``[style*='display:none']``) are checked during the
    walk; other selectors become one XPath; tokens become a set matched against class/id tokens.
    """
    tags: set[str] = set()
    classes: set[str] = set()
    attributes: list[tuple[str | None, str, str, str]] = []
    unions: list[str] = []
    for selector in rule.selectors:
        try:
            xpath = _css_to_xpath(selector)  # validates every selector, simple or not
        except SelectorError as exc:
            raise RuleError(
                f"invalid CSS selector {selector!r}: {exc}",
                path=rule.origin.path,
                line=rule.origin.line,
                rule_id=rule.id,
            ) from None
        simple = _SIMPLE.fullmatch(selector.strip())
        named = _CLASS.fullmatch(selector.strip())
        if named:
            classes.add(named[1])
        elif simple and simple[2] is None and simple[1]:
            tags.add(simple[1])
        elif simple and simple[2] is not None:
            value = next((v for v in simple.group(4, 5, 6) if v is not None), "")
            attributes.append((simple[1], simple[2], simple[3] or "", value))
        else:
            unions.append(xpath)
    compiled = etree.XPath(" | ".join(unions)) if unions else None
    tokens = frozenset(str(t).lower() for t in rule.params.get("tokens", ()))
    return CompiledSelector(rule, frozenset(tags), tuple(attributes), compiled, tokens, frozenset(classes))


_NO_TOKENS: frozenset[str] = frozenset()


PROTECT_SHARE = 0.4
"""A selector never removes an element holding this share of the page's text (:class:`_Mass`)."""

WHOLE_PAGE_SHARE = 0.8
"""An element holding this share of the page's text is the page: a rule unguarded on articles
(``guard = "except-articles"``) still keeps it there (a page hidden until its scripts show it)."""

TEXT_FLOOR = 500
"""Characters of paragraphs a page needs for a share of them to mean anything."""

UNPARAGRAPHED_FLOOR = 3000
"""Characters of text outside links (about 500 words) a page written without paragraphs needs before one
element holding a share of it is taken for its text: that measure also counts a footer's or a contact
box's prose, which on a short page can outweigh the story."""

_TEXT_MARKUP = (
    "descendant::main"
    " | descendant::h1[not(ancestor::*[@role = 'dialog' or @role = 'alertdialog' or @aria-modal = 'true'])]"
    " | descendant::*/@itemprop[. = 'articleBody']/.."
)
"""The page's <main>, its <h1>s outside dialogs and its articleBody elements: the markup of its text."""

_ARTICLE_HOLDERS = cast(
    Callable[[HtmlElement], list[HtmlElement]],
    etree.XPath(f"(descendant::article | {_TEXT_MARKUP})/ancestor::*"),
)
"""The ancestors of every <article>, <main>, <h1> and articleBody element below the context element.
The articleBody test reads the ``itemprop`` attributes and goes up to their elements: a predicate on
every element (``descendant::*[@itemprop = 'articleBody']``) costs libxml2 several times more. An <h1>
inside a dialog (a 'Subscribe to RSS' box kept in a sidebar, a consent centre) heads the dialog, not the page:
it would shield the sidebar holding it."""

_TEXT_HOLDERS = cast(Callable[[HtmlElement], list[HtmlElement]], etree.XPath(f"({_TEXT_MARKUP})/ancestor::*"))
"""The ancestors of every <main>, <h1> and articleBody element: :data:`_ARTICLE_HOLDERS` less the <article>s."""


_ARTICLES = cast(Callable[[HtmlElement], list[HtmlElement]], etree.XPath("descendant::article"))


@dataclass(frozen=True)
class _Holders:
    """The elements holding the markup of the page's text, found before the walk.

    ``any``: every element with an <article>, <main>, <h1> or articleBody below it (:data:`_ARTICLE_HOLDERS`).
    ``marked``: the same for a rule guarded by the markup alone, where an <article> counts only when it is the
    page's only one: where the page marks several, they are cards or posts (a mega-menu's featured stories, a
    sidebar's teasers), and a <nav> or <aside> holding them is still what it says it is.
    """

    any: frozenset[HtmlElement]
    marked: frozenset[HtmlElement]


def _article_holders(root: HtmlElement) -> _Holders:
    """The page's :class:`_Holders`, found by XPath in C.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><nav id=menu><article>Storm hits coast</article><article>Fares rise</article></nav>"
    ...              "<div id=story><h1>Budget passes</h1></div></body>")
    >>> holders = _article_holders(page)
    >>> [e.get("id") for e in (page.get_element_by_id("menu"), page.get_element_by_id("story")) if e in holders.marked]
    ['story']
    >>> page.get_element_by_id("menu") in holders.any
    True
    """
    found = frozenset(_ARTICLE_HOLDERS(root))
    if len(_ARTICLES(root)) < 2:
        return _Holders(found, found)
    return _Holders(found, frozenset(_TEXT_HOLDERS(root)))


def _protected(element: HtmlElement, text: _Mass, holders: _Holders, *, share: bool = True) -> bool:
    """The document skeleton and anything holding the article is never removed by a guarded selector.

    ``holders`` (:func:`_article_holders`) and ``text`` are taken before the walk: the walk decides an
    element before anything below it and removes no ancestor of it, so what is below the element is
    still what was there then. Without ``share`` (``guard = "markup"``), only the markup protects: the
    skeleton and the elements holding the headline, the page's only <article>, <main> or articleBody
    (:attr:`_Holders.marked`), not :data:`PROTECT_SHARE` of the text. A page's own <footer>, <nav> or dialog is
    not its text however many paragraphs it holds (a shop's footer of store blurbs, a consent centre's policy)
    unless it holds the markup of the text.
    """
    if _marks_text(element, holders.any if share else holders.marked):
        return True
    return share and _holds(element, text, PROTECT_SHARE)


def _marks_text(element: HtmlElement, holders: frozenset[HtmlElement]) -> bool:
    """Whether an element is the document's skeleton or holds the markup of its text (one of ``holders``)."""
    if element.tag in ("html", "body", "main", "article"):
        return True
    return element.get("itemprop") == "articleBody" or element.get("role") == "main" or element in holders


def _guarded(
    element: HtmlElement, rule: Rule, text: _Mass, holders: _Holders, article: bool, *, twin: bool = False
) -> bool:
    """Whether the rule's ``guard`` keeps this element: :func:`_protected`, or on an article for a rule
    guarded ``"except-articles"`` only the page itself (:data:`WHOLE_PAGE_SHARE`)."""
    guard = rule.params.get("guard", True)
    if _applies(guard, article):
        by_share = guard != "markup" and (rule.params.get("guard_twins", True) or not twin)
        return _protected(element, text, holders, share=by_share)
    return guard == "except-articles" and _holds(element, text, WHOLE_PAGE_SHARE)


def _one_of_twins(element: HtmlElement, named: frozenset[str], tokens_of: Callable[[str], frozenset[str]]) -> bool:
    """Whether an element is one of :data:`CARD_TWINS` siblings or more of its tag that its rule matches by the same
    class/id tokens (``named``): one comment of a list of comments, however long, whatever else each is named
    (WordPress alternates ``even`` and ``odd``)."""
    parent = element.getparent()
    if not named or parent is None:
        return False
    twins = 0
    for sibling in parent:
        if sibling.tag == element.tag and not named.isdisjoint(
            tokens_of(f"{sibling.get('class') or ''} {sibling.get('id') or ''}")
        ):
            twins += 1
            if twins >= CARD_TWINS:  # said: a thread of 3,000 posts need not be counted for each of them
                return True
    return False


def _holds(element: HtmlElement, text: _Mass, share: float) -> bool:
    """Whether an element holds ``share`` of the page's text (of a page with enough text to tell)."""
    return text.page >= text.floor and text.of(element) >= share * text.page


def _paragraphs_in(element: HtmlElement, sizes: dict[HtmlElement, int]) -> int:
    """Characters of the page's paragraphs (``sizes``, measured before any removal) under an element."""
    return sum(sizes.get(p, 0) for p in element.iter(*PARAGRAPHS))


def _run(xpath: etree.XPath | None, root: HtmlElement) -> list[Any]:
    if xpath is None:
        return []
    result = xpath(root)
    return result if isinstance(result, list) else []


def strip_bulk(
    root: HtmlElement, selectors: Sequence[CompiledSelector]
) -> tuple[list[ElementDecision], list[CompiledSelector]]:
    """Strip the tags of rules marked ``bulk`` (scripts, styles: elements that never hold text) in one pass
    of lxml's C code, reported with a count per tag; returns those decisions and the other rules.

    Elements of these tags that a page left open around its structure are unwrapped first
    (:func:`_unwrap_misparsed`).
    """
    decisions: list[ElementDecision] = []
    rest = []
    for compiled in selectors:
        if compiled.rule.params.get("bulk") and compiled.tags:
            _unwrap_misparsed(root, compiled.tags)
            counts = Counter(el.tag for el in root.iter(*compiled.tags))
            if counts:
                etree.strip_elements(root, *compiled.tags, with_tail=False)
                summary = ", ".join(f"{tag} x{count}" for tag, count in counts.most_common())
                decisions.append(
                    ElementDecision(
                        compiled.rule.id,
                        compiled.rule.category,
                        describe(root),
                        counted(sum(counts.values()), "element") + " that never hold text",
                        summary,
                    )
                )
        else:
            rest.append(compiled)
    return decisions, rest


def remove_chrome(
    root: HtmlElement,
    selectors: Sequence[CompiledSelector],
    *,
    article: bool = False,
    product: bool = False,
    site: str | None = None,
    opened: frozenset[str] = frozenset(),
) -> list[ElementDecision]:
    """Apply selector rules (CSS and class/id tokens); removed subtrees are not visited.

    The first rule (in rule order) that matches an element removes it, unless the rule is guarded
    and the element holds the article (see :func:`_protected`), or the rule's matches together hold
    :data:`PROTECT_SHARE` of the page's paragraph text: many sibling posts or sections, each small,
    are the page's text when they go together (the walk is then made again without that rule). On an
    article, the matches inside its <main> or <article> are also weighed by their text outside links: a
    page builder's 'widget' panels write the article in <div>s, and the page's paragraphs (a sidebar's
    blurbs) would not see them; a rail of teasers outside the article's markup is weighed by paragraphs only.
    Rules marked ``bulk`` are stripped first (:func:`strip_bulk`). ``site`` is the page's domain, for the rules
    that spare links to other sites (``unless_offsite``, :func:`_leads_elsewhere`); ``opened`` the ids of the
    elements the page's controls open (:func:`controlled_ids`, read before its buttons are stripped), for the rules
    that spare what the reader opens (``unless_opened``, on pages calling themselves ``product`` or not).
    """
    decisions, walked = strip_bulk(root, selectors)
    if not walked:
        return decisions
    sizes = paragraph_sizes(root)  # counted before removals
    paragraphed = sum(sizes.values()) >= TEXT_FLOOR
    holders = _article_holders(root)
    matched = [(compiled, set(_run(compiled.xpath, root))) for compiled in walked]
    alone = _Mass(root, sizes, paragraphs=paragraphed, cards=False, wrapped=True)
    mass = _Mass(root, sizes, paragraphs=article and paragraphed, cards=True, wrapped=False)
    page_text = _PageText(root)
    vetoed: set[str] = set()
    while True:
        found = _matches(
            root,
            [m for m in matched if m[0].rule.id not in vetoed],
            alone,
            holders,
            _Page(article, product, site, opened),
        )
        threads: dict[tuple[Any, ...], bool] = {}  # a thread's replies share one answer: asked once, not per reply
        judged = [
            (el, compiled.rule.id)
            for el, compiled, _ in found
            if _judged_together(compiled.rule, article) or (article and _a_reply(el, compiled, threads))
        ]
        if not judged or mass.page < TEXT_FLOOR:  # nothing judged together, or too little text for a share to matter
            break
        together: Counter[str] = Counter()
        for element, rule_id in judged:
            together[rule_id] += mass.of(element)
        holding = {rule_id for rule_id, chars in together.items() if chars >= PROTECT_SHARE * mass.page}
        if article and paragraphed:  # an article's text in <div>s inside its markup (a page builder's panels)
            holding |= _holding_as_text(judged, page_text, mass.page)
        if not holding:
            break
        vetoed |= holding  # its matches are the page's text taken together (a forum's posts): none goes
    found = _boxed(found, root, holders)
    paths = Paths()  # the walk's removed siblings share their ancestors' part of the path
    for element, compiled, reason in found:
        rule = compiled.rule
        decisions.append(
            ElementDecision(
                rule.id, rule.category, paths.of(element), f"{reason} ({describe(element)})", preview(element)
            )
        )
        remove(element)
    return decisions


BOX_SHARE = 0.25
"""A box around a match (``box_chars``) holds less than this share of the text the walk runs on: a short article
with a sign-up form below it in one block is not the form's box."""


def _boxed(found: list[_Found], root: HtmlElement, holders: _Holders) -> list[_Found]:
    """The matches of rules with ``box_chars``, each grown to its box: the highest ancestor below ``root`` whose
    text beside the match is under ``box_chars`` characters and :data:`BOX_SHARE` of ``root``'s text, and that
    holds no markup of the page's text (:class:`_Holders`). A sign-up form's box holds its pitch ('Be the first
    to know!'), its title and its fine print ('By signing up, you agree…'), none of them the article's; the
    article's own text around the box is longer. Matches inside a grown box go with it.

    >>> from declutter.html.parsing import parse
    >>> from declutter.ruleset import RuleSet
    >>> page = parse("<div id=c><p>" + "Story. " * 60 + "</p><section id=box><h3>Deals</h3><p>Be the first to know!"
    ...              "</p><form id=f>Email</form></section></div>")
    >>> rule = next(rule for rule in RuleSet.bundled() if rule.id == "DOM020")  # box_chars = 700
    >>> form = page.get_element_by_id("f")
    >>> [e.get("id") for e, _, _ in _boxed([(form, compile_selector_rule(rule), "form")], page, _article_holders(page))]
    ['box']
    """
    if not any(compiled.rule.params.get("box_chars") for _, compiled, _ in found):
        return found
    total = len(squeeze(all_text(root)))
    grown: list[_Found] = []
    for element, compiled, reason in found:
        limit = compiled.rule.params.get("box_chars", 0)
        if limit:
            own = len(squeeze(all_text(element)))
            parent = element.getparent()
            while parent is not None and parent is not root and not _marks_text(parent, holders.any):
                beside = len(squeeze(all_text(parent))) - own
                if beside >= limit or beside >= BOX_SHARE * total:
                    break
                element, parent = parent, parent.getparent()
        grown.append((element, compiled, reason))
    boxes = {element for element, _, _ in grown}
    kept: dict[HtmlElement, _Found] = {}  # one decision per element: two forms may share a box
    for match in grown:
        if match[0] not in kept and not any(ancestor in boxes for ancestor in match[0].iterancestors()):
            kept[match[0]] = match
    return list(kept.values())


_STRUCTURE = ("div", "p", "main", "article", "section", "table", "ul", "ol", "h1", "h2", "h3")


def _unwrap_misparsed(root: HtmlElement, tags: frozenset[str]) -> None:
    """Unwrap elements of ``tags`` (buttons, labels: elements that never hold text) that hold a page's structure.

    HTML cannot nest a <div> in a <button>; when a page leaves a button open, libxml2 puts the rest of
    the page inside it, and stripping the button would strip the page. Its children are kept instead.

    >>> from declutter.html.parsing import parse
    >>> root = parse("<body><button>Menu<div><p>The council met on Monday.</p></div></body>")
    >>> _unwrap_misparsed(root, frozenset({"button"})); root.findtext(".//p")
    'The council met on Monday.'
    """
    misparsed = [
        element
        for element in root.iter(*tags)
        if element.tag not in ("script", "style") and any(child.tag in _STRUCTURE for child in element)
    ]
    for element in misparsed:
        element.drop_tag()


class _Mass:
    """The page's text as the guards measure it, taken before any removal (the walk removes nothing).

    By its paragraphs (:func:`paragraph_sizes`) where the page writes its text in them; otherwise (cards,
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
        self, root: HtmlElement, sizes: dict[HtmlElement, int], *, paragraphs: bool, cards: bool, wrapped: bool
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

    def of(self, element: HtmlElement) -> int:
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
    def _mass(self) -> dict[HtmlElement, int]:
        return content_mass(self._root, cards=self._cards)


_LINK_TEXT = cast(Callable[[HtmlElement], list[str]], etree.XPath("descendant::a//text()", smart_strings=False))


class _PageText:
    """The page's text outside links, measured once and only when asked (the link text in one XPath call)."""

    def __init__(self, root: HtmlElement) -> None:
        self._root = root

    @cached_property
    def chars(self) -> int:
        return len(squeeze(all_text(self._root))) - len(squeeze(" ".join(_LINK_TEXT(self._root))))


def _holding_as_text(judged: list[tuple[HtmlElement, str]], page: _PageText, paragraphs: int) -> set[str]:
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


def _in_card_link(element: HtmlElement) -> int:
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


def _outside_links(element: HtmlElement) -> int:
    """Characters of an element's text outside its links (:func:`~declutter.html.tree.text_and_links`)."""
    text, links = text_and_links(element)
    return text - links


def _applies(setting: object, article: bool) -> bool:
    """A rule's ``guard`` or ``together`` setting on this page: always (true, "always", and "markup": a guard
    by the markup alone, see :func:`_protected`), never (false), or only on pages that do not call
    themselves articles ("except-articles")."""
    return setting is True or setting in ("always", "markup") or (setting == "except-articles" and not article)


def _judged_together(rule: Rule, article: bool) -> bool:
    """Whether a guarded rule's matches are judged together (a news story's comments are apart from its
    text, ``together = "except-articles"``; a forum thread is its posts)."""
    return _applies(rule.params.get("guard", True), article) and _applies(rule.params.get("together", True), article)


def _a_reply(element: HtmlElement, compiled: CompiledSelector, threads: dict[tuple[Any, ...], bool]) -> bool:
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
    >>> rule = compile_selector_rule(next(rule for rule in RuleSet.bundled() if rule.id == "DOM007"))
    >>> reply = "<div class='post post-reply'>A</div>"
    >>> thread = parse(f"<div><div class='post post-first'>Q</div>{reply.replace('<div', '<div id=r')}{reply}</div>")
    >>> story = parse("<div><div class='entry box'>Story</div><div id=r class='comments box'>Hi</div></div>")
    >>> _a_reply(thread.get_element_by_id("r"), rule, {}), _a_reply(story.get_element_by_id("r"), rule, {})
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


def _replies_of_a_thread(parent: HtmlElement, tag: str, template: set[str], compiled: CompiledSelector) -> bool:
    """:func:`_a_reply`'s answer for the children of ``parent`` of one tag and class template."""
    first_post, replies = False, 0
    for sibling in parent:
        if sibling.tag != tag or not template <= set((sibling.get("class") or "").split()):
            continue
        if not compiled.tokens.isdisjoint(class_tokens(f"{sibling.get('class') or ''} {sibling.get('id') or ''}")):
            replies += 1
        elif replies == 0:
            first_post = True
    if not first_post or replies < 2:
        return False
    root = parent.getroottree().getroot()  # a template, not a layout's class ('container') used all over the page
    return all(
        other.getparent() is parent for other in root.iter(tag) if template <= set((other.get("class") or "").split())
    )


@dataclass(frozen=True)
class _Page:
    """What a walk knows of the page beyond its tree: what it calls itself, its site, what its controls open."""

    article: bool
    product: bool
    site: str | None
    opened: frozenset[str]


def _on_page(setting: object, page: _Page) -> bool:
    """:func:`_applies`, or ``"other-pages"``: only on pages that call themselves neither articles nor products."""
    if setting == "other-pages":
        return not page.article and not page.product
    return _applies(setting, page.article)


_CONTROLS = cast(
    Callable[[HtmlElement], list[str]],
    etree.XPath("//@aria-controls | //@data-bs-target | //@data-target", smart_strings=False),
)
"""The values of the attributes naming what a control opens, read as attributes (no predicate on every element)."""


def opened_by_controls(
    root: HtmlElement, selectors: Sequence[CompiledSelector], *, article: bool, product: bool
) -> frozenset[str]:
    """:func:`controlled_ids` when a rule spares what the reader opens on this page (``unless_opened``), else
    nothing: reading them costs a scan of the page's attributes, and most pages are articles."""
    page = _Page(article, product, None, frozenset())
    if any(_on_page(s.rule.params.get("unless_opened", False), page) for s in selectors):
        return controlled_ids(root)
    return frozenset()


def controlled_ids(root: HtmlElement) -> frozenset[str]:
    """The ids of the elements the page's controls open or show (``aria-controls``, Bootstrap's ``data-target``):
    read before the controls, mostly buttons, are stripped with the other elements that never hold text.

    >>> from declutter.html.parsing import parse
    >>> sorted(controlled_ids(parse("<button aria-controls='faq-1 faq-2'>+</button><a data-bs-target='#plan'>x</a>")))
    ['faq-1', 'faq-2', 'plan']
    """
    found = {token.lstrip("#") for value in _CONTROLS(root) for token in value.split()}
    found.discard("")
    return frozenset(found)


def _opened(element: HtmlElement, opened: frozenset[str]) -> bool:
    """Whether the reader can open a hidden element: a tab panel, what a closed <details> holds, or an element one
    of the page's controls names (:func:`controlled_ids`)."""
    return (
        element.get("role") == "tabpanel"
        or (element.get("id") or "") in opened
        or next(element.iterancestors("details"), None) is not None
    )


_Found = tuple[HtmlElement, "CompiledSelector", str]
"""An element a rule removes, the rule, and why."""


def _matches(
    root: HtmlElement,
    matched: Sequence[tuple[CompiledSelector, set[HtmlElement]]],
    text: _Mass,
    holders: _Holders,
    page: _Page,
) -> list[_Found]:
    """Every element the first matching rule would remove, with why; the walk does not go below them.

    The walk decides all the children of an element, then goes on below the ones no rule took.
    """
    found: list[_Found] = []
    if not matched:
        return found
    # Most elements match no rule: one test against the union of every rule's tags, tokens, class names,
    # attributes and XPath hits lets them through; the others ask only the rules that name one of them.
    by_tag: dict[str, list[int]] = {}
    by_attribute: dict[str, list[int]] = {}
    by_token: dict[str, list[int]] = {}
    by_hit: dict[HtmlElement, list[int]] = {}
    by_class: dict[str, list[int]] = {}
    for number, (compiled, hits) in enumerate(matched):
        for tag in compiled.tags:
            by_tag.setdefault(tag, []).append(number)
        for name in compiled.classes:
            by_class.setdefault(name, []).append(number)
        for name in {name for _, name, _, _ in compiled.attributes}:
            by_attribute.setdefault(name, []).append(number)
        for token in compiled.tokens:
            by_token.setdefault(token, []).append(number)
        for hit in hits:
            by_hit.setdefault(hit, []).append(number)
    all_tokens = frozenset(by_token)
    screen = _token_screen(all_tokens)
    named: dict[str, frozenset[str]] = {}  # a page repeats its class names: each is split once per walk

    def tokens_of(raw: str) -> frozenset[str]:
        """The tokens of a class/id value that some rule names: :func:`class_tokens` splits each name apart."""
        found = _NO_TOKENS
        for name in raw.split():
            known = named.get(name)
            if known is None:
                known = named[name] = all_tokens.intersection(class_tokens(name)) if screen.admits(name) else _NO_TOKENS
            if known:
                found = found | known if found else known
        return found

    valued: dict[str, frozenset[str]] = {}  # and its class/id values: each is read once per walk, body names included
    class_names = frozenset(by_class)
    classed: dict[str, frozenset[str]] = {}  # the class names some rule's class selector names, per class value
    in_card = _CardTest(root)
    in_page = _InPageLinks(root)
    attribute_names = frozenset(by_attribute)
    stack = [root]
    while stack:
        parent = stack.pop()
        for element in parent:
            tag = element.tag
            if not isinstance(tag, str):
                continue
            names = element.keys()
            tokens = _NO_TOKENS  # the element's class/id tokens that some rule names
            classes = _NO_TOKENS  # and its class names that some rule's class selector names
            raw_class = element.get("class") if names else None
            if raw_class and class_names:
                known = classed.get(raw_class)
                if known is None:
                    known = classed[raw_class] = class_names.intersection(raw_class.split())
                classes = known
            if names and all_tokens:
                raw_id = element.get("id")
                if raw_class or raw_id:
                    raw = f"{raw_class or ''} {raw_id or ''}"
                    known = valued.get(raw)
                    if known is None:
                        known = tokens_of(raw)
                        if known and names_body(raw):  # named as the article's body and as chrome: the body
                            known = _NO_TOKENS
                        valued[raw] = known
                    tokens = known
                    if tokens and raw_id and _names_its_heading(element, raw_id):  # a section's anchor
                        tokens = tokens_of(raw_class or "")
                    if tokens and element.get("role") == "tabpanel":  # named after the tab that opens it
                        tokens = _NO_TOKENS
            numbers: list[int] | None
            if tokens or classes or element in by_hit or not attribute_names.isdisjoint(names):
                sources = [by_token[token] for token in tokens] + [by_class[name] for name in classes]
                if tag in by_tag:
                    sources.append(by_tag[tag])
                if element in by_hit:
                    sources.append(by_hit[element])
                sources += [by_attribute[name] for name in names if name in attribute_names]
                numbers = sources[0] if len(sources) == 1 else sorted(set().union(*sources))
            else:  # most elements: named by no rule, or by their tag alone
                numbers = by_tag.get(tag)
                if numbers is None:
                    if tag not in CODE:
                        stack.append(element)
                    continue
            for number in numbers:
                compiled, hits = matched[number]
                reason = compiled.matches(element, tokens) or ("matches a selector" if element in hits else None)
                if reason is None:
                    continue
                rule = compiled.rule
                if rule.params.get("min_links", 0) > 0 and next(element.iter("a"), None) is None:
                    continue  # no link, no link cluster: said at once, before the guard sums the paragraphs
                if rule.params.get("in_page_links", False) and in_page(element) < rule.params.get("min_links", 0):
                    continue  # nor with too few links to places in the page (most <div>s a table of contents names)
                linkless = rule.params.get("unless_linkless") and next(element.iter("a"), None) is None
                if linkless and not in_card.twin(element):
                    continue  # a 'teaser' linking nowhere, one of a kind: the article's standfirst, not another story's
                spared = rule.params.get("unless_holding")
                if spared and next(element.iterdescendants(*spared), None) is not None:
                    continue  # a <figure> holding a table is the table, not a photo's caption
                if _on_page(rule.params.get("unless_opened", False), page) and _opened(element, page.opened):
                    continue  # a tab, an accordion's panel: the reader opens it on a service page or a shop's category
                twin = not rule.params.get("guard_twins", True) and _one_of_twins(
                    element, tokens & compiled.tokens, tokens_of
                )
                if _guarded(element, rule, text, holders, page.article, twin=twin):
                    continue
                if rule.params.get("min_link_density") or rule.params.get("min_links"):
                    density = _link_cluster(element, rule)
                    if density is None:
                        continue
                    reason += f", {density:.0%} link text"
                # the spared link clusters, tested on the few elements that are link clusters
                if tag in rule.params.get("unless_in_card", ()) and in_card(element):
                    continue  # a card's title in a grid of cards, not a link between an article's paragraphs
                if _applies(rule.params.get("unless_cards", False), page.article) and _card_grid(element):
                    continue  # a listing's grid of cards (links wrapping a title, a picture, a blurb), not a link list
                if tag in rule.params.get("unless_offsite", ()) and _leads_elsewhere(element, page.site):
                    continue  # a list item's heading naming a product or a resource elsewhere, not another story
                if rule.params.get("unless_introduced", False) and _introduced(element):
                    continue  # an enumeration the text announces ('Here are a few examples:') and goes on after
                found.append((element, compiled, reason))
                break
            else:
                if tag not in CODE:
                    stack.append(element)
    return found


CARD_TWINS = 3
"""An element is a card when the page holds this many elements of its tag and class (itself counted): a grid's
cards repeat one template; two of a kind are a pair of boxes, not a grid."""


class _CardTest:
    """Whether an element's parent is a card (:data:`CARD_TWINS`), each tag and class counted once per walk."""

    def __init__(self, root: HtmlElement) -> None:
        self._root = root.getroottree().getroot()
        self._counts: dict[str, Counter[str | None]] = {}

    def __call__(self, element: HtmlElement) -> bool:
        parent = element.getparent()
        return parent is not None and self.twin(parent)

    def twin(self, element: HtmlElement) -> bool:
        """Whether the element is one of a template's copies: a card, or a part every card holds (its blurb)."""
        value = element.get("class")
        if not value or not isinstance(element.tag, str):
            return False
        counts = self._counts.get(element.tag)
        if counts is None:
            counts = self._counts[element.tag] = class_counts(self._root, element.tag)
        return counts[value] >= CARD_TWINS


_IN_PAGE_LINKS = cast(
    Callable[[HtmlElement], list[HtmlElement]],
    etree.XPath("descendant-or-self::a[starts-with(@href, '#') and string-length(@href) > 1]"),
)
"""The links to places in the page (:func:`_in_page`), found by one XPath in C."""


class _InPageLinks:
    """How many links to places in the page (:func:`_in_page`) an element holds, counted for the whole walk
    from the page's few such links and their ancestors (one XPath) when a rule counting them first asks.

    A rule with ``in_page_links`` (a table of contents) names every <div>, list and section: nearly all hold
    fewer than its ``min_links`` such links, which this says before the guard sums their paragraphs and
    :func:`_link_cluster` reads their links.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<div id=toc><ul><li><a href='#a'>A</a></li><li><a href='#b'>B</a></li></ul></div>"
    ...              "<a href='/'>Home</a>")
    >>> in_page = _InPageLinks(page)
    >>> in_page(page.get_element_by_id("toc")), in_page(page.find(".//li")), in_page(page.find("body/a"))
    (2, 1, 0)
    """

    def __init__(self, root: HtmlElement) -> None:
        self._root = root
        self._counts: Counter[HtmlElement] | None = None

    def __call__(self, element: HtmlElement) -> int:
        if self._counts is None:
            self._counts = Counter(
                node for link in _IN_PAGE_LINKS(self._root) for node in (link, *link.iterancestors())
            )
        return self._counts[element]


CARD_LINKS = 3
"""A block is a grid of cards when this many of its links, and half of them, wrap a block element."""


def _card_grid(element: HtmlElement) -> bool:
    """Whether most of an element's links (:data:`CARD_LINKS` or more) are cards: links that wrap a block element
    (a card's title, picture box or blurb). A menu's or a tag list's links wrap their words only.

    >>> from declutter.html.parsing import parse
    >>> card = "<a href='/r/{n}'><div class='img'></div><div>Sheet pan dinner {n}</div></a>"
    >>> grid = parse("<div id=g>" + "".join(card.format(n=n) for n in range(4)) + "</div>").get_element_by_id("g")
    >>> menu = parse("<ul id=m><li><a href=/a>Home</a></li><li><a href=/b>News</a></li><li><a href=/c>Sport</a></li>"
    ...              "</ul>").get_element_by_id("m")
    >>> _card_grid(grid), _card_grid(menu)
    (True, False)
    """
    links = [link for link in element.iter("a") if all_text(link).strip()]
    cards = sum(1 for link in links if next(link.iterdescendants(*BLOCK_TAGS), None) is not None)
    return cards >= CARD_LINKS and cards >= 0.5 * len(links)


INTRODUCING = (":", "：")
"""A line ending so announces what follows it: an enumeration the sentence introduces."""


def _introduced(element: HtmlElement) -> bool:
    """Whether the text printed right before an element ends with a colon (:data:`INTRODUCING`) and more text
    follows it beside it: a list the sentence before announces ('Here are some of the courses Google offers:')
    set inside the text, which goes on after it, is that text's enumeration, not a block of related links at
    its end.

    >>> from declutter.html.parsing import parse
    >>> links = "<ul><li><a href=/a>Pro Git</a></li><li><a href=/b>Git guides</a></li></ul>"
    >>> page = parse(f"<div><p>Some resources for learning git:</p>{links}<p>Then practise.</p></div>")
    >>> _introduced(page.find(".//ul"))
    True
    >>> page = parse(f"<div><p>Some resources for learning git:</p>{links}</div>")
    >>> _introduced(page.find(".//ul"))
    False
    """
    before = ""
    sibling = element.getprevious()
    while sibling is not None and not before:
        before = (sibling.tail or "").strip() or (all_text(sibling).strip() if isinstance(sibling.tag, str) else "")
        sibling = sibling.getprevious()
    if not before:
        parent = element.getparent()
        before = (parent.text or "").strip() if parent is not None else ""
    if not before.endswith(INTRODUCING):
        return False
    if (element.tail or "").strip():
        return True
    return any(
        (sibling.tail or "").strip() or (isinstance(sibling.tag, str) and all_text(sibling).strip())
        for sibling in element.itersiblings()
    )


def _leads_elsewhere(element: HtmlElement, site: str | None) -> bool:
    """Whether every link of an element leads to another site than ``site`` (nor a subdomain or parent of it).

    A crosslink leads to another story on the same site; a buying guide's or a reading list's item headed by a
    link names a shop's product or another site's page, which the list is about.

    >>> from declutter.html.parsing import parse
    >>> heading = parse("<h3><a href='https://www.fluke.com/t5'>Fluke T5-1000</a></h3>").find(".//h3")
    >>> _leads_elsewhere(heading, "example.com"), _leads_elsewhere(heading, "fluke.com")
    (True, False)
    """
    if not site:
        return False
    hrefs = [link.get("href") or "" for link in element.iter("a")]
    if not hrefs:
        return False
    for href in hrefs:
        if not href.startswith(("http://", "https://", "//")):
            return False  # a path on this site
        host = domain_of(f"https:{href}" if href.startswith("//") else href)
        if not host or domain_matches(host, site) or domain_matches(site, host):
            return False
    return True


class _TokenScreen:
    """Whether a class/id value may hold one of a walk's tokens, from one literal scan of it: every piece
    :func:`class_tokens` makes of an ASCII value is a piece of the value lower-cased, so a value holding none
    of the tokens' first pieces holds no token, and is never split.
    """

    def __init__(self, tokens: frozenset[str]) -> None:
        firsts = {token.split("-")[0] for token in tokens}
        self._always = "" in firsts
        self._scan = LiteralScan(firsts)

    def admits(self, raw: str) -> bool:
        return self._always or not raw.isascii() or self._scan.any(raw.lower())


@lru_cache(maxsize=64)
def _token_screen(tokens: frozenset[str]) -> _TokenScreen:
    return _TokenScreen(tokens)


CODE = frozenset({"pre", "code"})
"""Code is never walked into: a highlighter's spans are named for what they colour ('comment', 'tag', 'nav')."""


_WORD = re.compile(r"[^\W_]+")


def _names_its_heading(element: HtmlElement, raw_id: str) -> bool:
    """Whether an id spells the element's own heading ('interleaved-replies-in-email-discussions' on a
    section headed 'Use trimmed interleaved replies in email discussions'): a section's anchor, made from
    its title, says what the section is about, not that it is a widget.

    >>> from declutter.html.parsing import parse
    >>> section = parse("<section id='sharing-files-with-your-team'><h2>Sharing files with your team</h2></section>")
    >>> _names_its_heading(section.find(".//section"), "sharing-files-with-your-team")
    True
    """
    words = _WORD.findall(raw_id.lower())
    if len(words) < 3:
        return False
    heading = next(element.iter("h1", "h2", "h3", "h4", "h5", "h6"), None)
    return heading is not None and set(words) <= _slug_words(all_text(heading))


_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "œ": "oe", "ł": "l"})


def _slug_words(text: str) -> set[str]:
    """The words of a heading as a slug may spell them: as written, without accents ('fur', 'elements'), and
    transliterated ('fuer', 'strasse'): a CMS turns 'Social Media für Vereine' into 'social-media-fur-vereine'
    or 'social-media-fuer-vereine', and an id that spells its heading in either way is an anchor.

    >>> sorted(_slug_words("Für Straßen"))
    ['fuer', 'fur', 'für', 'strassen', 'straßen']
    """
    words = set(_WORD.findall(text.lower()))
    if text.isascii():
        return words
    for word in list(words):
        if not word.isascii():
            words.add(word.translate(_SPELLED))
            bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
            words.add(bare.replace("ß", "ss").replace("ł", "l"))
    return words


def _link_cluster(element: HtmlElement, rule: Rule) -> float | None:
    """The element's link density when it reaches the rule's ``min_link_density`` with ``min_links`` links.

    A link to a place in the page itself (``href="#…"``: a heading's permalink, a table of contents) leads
    nowhere else, so it does not count: documentation wraps its headings in such links. A rule with
    ``in_page_links`` counts those links only, and only those naming a place (``#section``, not a script's bare
    ``#``): a table of contents is a cluster of them.

    >>> [_in_page(href) for href in ("#costs", "#", "/costs", "https://example.com/#costs")]
    [True, False, False, False]
    """
    if rule.params.get("in_page_links", False):
        links = [all_text(a) for a in element.iter("a") if _in_page(a.get("href") or "")]
    else:
        links = [all_text(a) for a in element.iter("a") if not (a.get("href") or "").startswith("#")]
    links = [text for text in links if text.strip()]
    if len(links) < rule.params.get("min_links", 0):
        return None
    text = squeeze(all_text(element))
    if not text:
        return None
    density = min(1.0, sum(len(squeeze(link)) for link in links) / len(text))
    return density if density >= rule.params.get("min_link_density", 0.0) else None


def _in_page(href: str) -> bool:
    """Whether a link leads to a place in the page itself: ``#section`` (a bare ``#`` is a script's button)."""
    return href.startswith("#") and len(href) > 1


NOSCRIPT_WORDS = 50
"""A <noscript> with this many words is the page itself as served without scripts, not a fallback notice."""


def reveal_noscript(root: HtmlElement) -> int:
    """Unwrap every <noscript> holding :data:`NOSCRIPT_WORDS` words or more, so its text is read like the rest.

    Forum software renders a thread with scripts and puts the same posts in a <noscript> for crawlers
    and script-less readers (the page's only copy in the HTML); a short <noscript> ("enable JavaScript",
    a tracking pixel) stays and is stripped with the scripts. Returns how many were unwrapped.

    >>> from declutter.html.parsing import parse
    >>> root = parse("<body><noscript><p>" + "word " * 60 + "</p></noscript><noscript>Enable JS</noscript></body>")
    >>> reveal_noscript(root), len(root.findall(".//noscript"))
    (1, 1)
    """
    rich = [element for element in root.iter("noscript") if len(all_text(element).split()) >= NOSCRIPT_WORDS]
    for element in rich:
        element.drop_tag()
    return len(rich)
