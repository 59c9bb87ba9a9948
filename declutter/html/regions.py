"""Finding the main content: semantic containers first, then paragraph scoring (Readability-style)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from lxml import etree
from lxml.html import HtmlElement

from declutter.html.blocks import blocks_of
from declutter.html.tree import (
    INLINE,
    NOT_PARAGRAPHS,
    PARAGRAPH_TAGS,
    SKIP,
    all_text,
    class_counts,
    contains,
    paragraph_chars,
    path_of,
    squeeze,
    text_and_links,
    text_chars,
)
from declutter.text import text_size

_CONTENT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:article|story|entry|post|blog|news)[_-]*(?:body|content|text|main)(?:$|[\s_-])"
    r"|(?:^|[\s_-])(?:articlebody|storybody|entrycontent|postcontent|article__body|body-copy|articleText)(?:$|\s)",
    re.IGNORECASE,
)
_NEGATIVE_HINT = re.compile(
    r"comment|sidebar|related|footer|promo|widget|share|social|newsletter|nav|menu", re.IGNORECASE
)


_UNSCORED = SKIP | NOT_PARAGRAPHS
_SCORED_CHARS = 25
"""An element scores for the container choice when it holds this much text itself."""


_CONTENT_WORDS = ("body", "content", "text", "main")
"""Every match of :data:`_CONTENT_CLASS` holds one of these, in any case."""


def names_body(value: str) -> bool:
    """Whether a class or id value names the article's body (:data:`_CONTENT_CLASS`), skipping the regex
    when the value holds none of the words every match needs.

    >>> names_body("hs_cos_wrapper_meta_field hs_cos_wrapper_post_body"), names_body("post-meta")
    (True, False)
    """
    if value.isascii() and not any(word in value.lower() for word in _CONTENT_WORDS):
        return False
    return bool(_CONTENT_CLASS.search(value))


CARD_WORDS = 8
"""A link of this many words is a card's text (a product's or a listing's title), not a menu item."""


def card_sized(text: str) -> bool:
    """Whether a link's text is as long as a card's (:data:`CARD_WORDS`), a compound counted as two words
    (:func:`~declutter.text.text_size`): German names a product in fewer, longer words.

    >>> card_sized("Wasserdichte Übergangsjacke mit abnehmbarer Kapuze für Damen"), card_sized("Rain jacket for women")
    (True, False)
    """
    words = len(text.split())
    return words >= CARD_WORDS or (words >= CARD_WORDS // 2 and text_size(text, words) >= CARD_WORDS)


NOT_CARDS = frozenset({"aside", "nav"})


def link_chars(child: HtmlElement, text: str, *, cards: bool = False) -> int:
    """How much of an inline child's text (``text``) is link text; with ``cards``, long links are not."""
    if child.tag == "a":
        return len(text) if not cards or not card_sized(text) else 0
    return sum(len(link) for link in map(all_text, child.iter("a")) if not cards or not card_sized(link))


@dataclass(frozen=True)
class Survey:
    """What one walk of the page finds for choosing its content: every element's content text
    (:func:`content_mass`), the Readability-style scores of the containers, and the
    semantic containers (articleBody or a content class/id, <article>, <main>) in document order."""

    mass: dict[HtmlElement, int]
    scores: dict[HtmlElement, float]
    semantic: list[HtmlElement]


def content_mass(base: HtmlElement, *, cards: bool = False) -> dict[HtmlElement, int]:
    """Characters of text each element holds outside links, in blocks that are not mostly links.

    A block's own text (its text, inline children and tails) counts less its link text, and not at all
    when links are half of it (a menu, a tag list); an element's mass is its blocks' sum. With ``cards``
    (a page that is not an article), a link of :data:`CARD_WORDS` words or more counts as text: a
    listing's or a shop's cards are links, and they are the page; but not in an <aside> or a <nav>,
    where long links are an archive's or a menu's.
    """
    return survey(base, cards=cards, scored=False).mass


LANDMARK_ROLES = frozenset({"contentinfo", "banner", "navigation"})
"""The roles of a page's own header, footer and menus: their text is the site's, not the page's."""
_SECTIONING = frozenset({"article", "aside", "main", "nav", "section"})
"""A <header> or <footer> inside one of these is that section's (a card's title, a post's byline), not the page's."""
_SKELETON = ("main", "article")


def _landmark(element: HtmlElement, tag: str, sectioned: bool) -> bool:
    """Whether an element is the page's header, footer or a menu (as HTML maps them to landmark roles), and
    does not hold the page's <main> or <article> (a page written inside its <header>)."""
    if not (tag == "nav" or (tag in ("header", "footer") and not sectioned) or element.get("role") in LANDMARK_ROLES):
        return False
    return next(element.iter(*_SKELETON), None) is None


def survey(base: HtmlElement, *, cards: bool = False, scored: bool = True, apart: bool = False) -> Survey:
    """Walk the page once (elements inside scripts and styles left out): content text and scores.

    A paragraph of 25 characters or more scores ``1 + its commas + min(length / 100, 3)``, scaled down by
    its link text, for its parent and half for its grandparent; text written straight into a container
    (between <br> tags) scores for the container itself and half for its parent. ``cards`` as in
    :func:`content_mass`, whose numbers ``mass`` holds; without ``scored``, only those are counted. With
    ``apart``, the page's own header, footer and menus (:func:`_landmark`) hold no mass, nor give it to
    what holds them.
    """
    mass: dict[HtmlElement, int] = {}
    scores: dict[HtmlElement, float] = {}
    semantic: list[HtmlElement] = []
    articles: list[HtmlElement] = []
    mains: list[HtmlElement] = []
    named: dict[str, bool] = {}  # a page repeats its class values: each is tested once per page

    def content(value: str | None) -> bool:
        if not value:
            return False
        found = named.get(value)
        if found is None:
            found = named[value] = names_body(value)
        return found

    def walk(element: HtmlElement, cards: bool, sectioned: bool) -> int:
        tag = element.tag
        inner = apart and (sectioned or tag in _SECTIONING)  # only asked when landmarks are set apart
        if scored:
            if content(element.get("class")) or content(element.get("id")) or element.get("itemprop") == "articleBody":
                semantic.append(element)
            if tag == "article":
                articles.append(element)
            elif tag == "main":
                mains.append(element)
        parts = [element.text or ""]
        linked: list[tuple[HtmlElement, str]] = []  # the inline children that are or hold links, with their text
        blocks: list[tuple[HtmlElement, bool]] = []
        for child in element:
            child_tag = child.tag
            if isinstance(child_tag, str) and child_tag not in SKIP:
                if child_tag in INLINE:
                    if len(child):
                        text = all_text(child)
                        linked.append((child, text))
                    else:  # a leaf: its own text, and a link only if it is one
                        text = child.text or ""
                        if child_tag == "a":
                            linked.append((child, text))
                    parts.append(text)
                else:
                    blocks.append((child, cards and child_tag not in NOT_CARDS))
            parts.append(child.tail or "")
        raw = "".join(parts)
        own = 0
        plain = 0
        if raw and not raw.isspace():  # most containers hold only white space between their children
            text = squeeze(raw)
            own = 0 if _data(text) else len(text)
            if scored and own >= _SCORED_CHARS and tag not in _UNSCORED:
                for child, child_text in linked:
                    plain += link_chars(child, child_text)
                score = (1 + text.count(",") + min(own / 100, 3)) * (1 - min(1.0, plain / own))
                first = element.getparent() if tag in PARAGRAPH_TAGS else element
                second = first.getparent() if first is not None else None
                for depth, node in enumerate((first, second)):
                    if node is not None and isinstance(node.tag, str):
                        scores[node] = scores.get(node, 0.0) + score / (1 + depth)
        total = 0
        for child, child_cards in blocks:
            total += walk(child, child_cards, inner)  # noqa: F821 (deleted below, once the survey is done)
        if own:
            if cards or not scored or own < _SCORED_CHARS or tag in _UNSCORED:  # else counted above
                plain = 0
                for child, child_text in linked:
                    plain += link_chars(child, child_text, cards=cards)
            if plain < 0.5 * own:
                total += own - plain
        if apart and total and _landmark(element, tag, sectioned):
            total = 0
        mass[element] = total
        return total

    walk(base, cards, False)
    del walk  # a closure calling itself is a reference cycle: left, its counts would hold the tree until a collection
    return Survey(mass, scores, semantic + articles + mains)


def _data(text: str) -> bool:
    """Whether an element's own text is a JSON object or array (a widget's state written into a hidden element, a
    shop's list of product ids): data for scripts, not text a reader sees, however long.

    >>> _data('{"painterId":"AsinGrid","asins":["B0CXGXT6W8"]}'), _data("[1] Smith, J. (2020) {draft}")
    (True, False)
    """
    return text[:2] in ('{"', "[{", '["') and text[-1] in "}]"


def choose_container(root: HtmlElement) -> HtmlElement:
    """The element holding the article: semantic markup first, then paragraph scoring (Readability-style)."""
    body = root.find("body")
    base = body if body is not None else root
    return _best_container(survey(base), base)


_PARTS = frozenset({"ul", "ol", "dl", "li", "dd", "dt", "table", "tbody", "thead", "tr", "td", "th"})
"""Elements that are parts of a text (its lists, its tables), not containers of one."""


def _best_container(found: Survey, base: HtmlElement) -> HtmlElement:
    """The best-scoring container, or a semantic container holding most of its paragraphs."""
    best = max(found.scores, key=found.scores.__getitem__, default=None)
    if best is None:
        return found.semantic[0] if found.semantic else base
    while best.tag in _PARTS and best is not base and best.getparent() is not None:
        best = best.getparent()  # a list or a table is part of a text, never all of it: take what holds it
    best_length = paragraph_chars(best)
    for candidate in found.semantic:  # a semantic container wins if it holds most of the best candidate's text
        if _NEGATIVE_HINT.search(f"{candidate.get('class') or ''} {candidate.get('id') or ''}"):
            continue
        if paragraph_chars(candidate) >= 0.8 * best_length and contains(candidate, best):
            return candidate
    return best


REGION_SHARE = 0.8
"""The content region is the deepest element holding this share of the page's content text."""
TIGHT_SHARE = 0.6
"""Inside the region, the best-scoring container wins when it holds this share of the region's content text."""


def find_content(root: HtmlElement, *, article: bool = False) -> HtmlElement:
    """The element holding the page's main content, whatever the kind of page.

    A forum's posts, a listing's cards and a service page's sections are many sibling regions: the
    content is where most of the page's text is (:func:`content_mass`), so the region is the deepest
    element holding :data:`REGION_SHARE` of it, and it keeps all the regions under it. An article
    inside that region (the best container by paragraph score, :func:`choose_container`) is chosen
    instead when it holds :data:`TIGHT_SHARE` of the region's text: what it leaves out there is
    comments, teasers and asides; on a page that is not an article, not when it comes after a twin of itself
    (:func:`_after_its_twin`: a thread's long answer below its question). On an article it is chosen holding
    :data:`LOOSE_SHARE` of it, when the
    blocks beside it that may continue it (:func:`_continuing`: not a form, a menu or a list of links) hold
    little: an article split over sibling blocks keeps them all. On a page that is not an article, a region that
    lies in the page's own footer, header or a menu (:func:`_landmark`: a footer holding a privacy policy's
    modal, a list of every town served) is looked for again with those set apart, when anything is left outside
    them (and :func:`widened` takes the whole page if that is too little); an article has no such second chance.

    >>> from declutter.html.parsing import parse
    >>> posts = "".join(f"<div class=post><p>Reply {n}: I had the same problem, and restarting fixed it.</p></div>"
    ...                 for n in range(6))
    >>> page = parse(f"<body><div id=top><a href=/>Home</a></div><div id=thread>{posts}</div></body>")
    >>> find_content(page).get("id")
    'thread'
    """
    body = root.find("body")
    base = body if body is not None else root
    found = survey(base, cards=not article)
    banners = _banners(base)
    if banners:  # the site's banner is no part of the page's text, however much its menus hold
        found = _set_apart(found, banners)
    node = _region(found.mass, base, posts=not article)
    if not article and _in_landmark(base, node):  # the site's footer or menu holds most of the text: look again
        apart = survey(base, cards=not article, apart=True)
        if apart.mass[base]:
            found, node = apart, _region(apart.mass, base, posts=not article)
    classic = _best_container(found, base)
    if not contains(node, classic) or classic is node:
        return node
    held, region = found.mass.get(classic, 0), found.mass[node]
    if held >= TIGHT_SHARE * region and (article or not _after_its_twin(classic, node, found.mass)):
        return classic
    loose = article and held >= LOOSE_CHARS and held >= LOOSE_SHARE * region
    if loose and _continuing(classic, node, found.mass) < CONTINUE_SHARE * held:
        return classic  # what the region holds beside it is plainly apart from it: forms, menus, link lists
    return node


LOOSE_SHARE = 0.3
"""On an article, the best container wins holding this share of the region when no block beside it may continue it."""
LOOSE_CHARS = 500
"""... and this much text outside links: a page with less (a shop's page calling itself an article) is left whole."""
CONTINUE_SHARE = 0.1
"""Blocks beside the best container that may continue it (:func:`_continuing`) stop it winning holding this share of
its text: an article split over sibling blocks, a lead or a closing section beside the body."""
CONTINUE_LINKS = 0.2
"""A block with this share of its text in links is a list of links, not more of an article."""
_CONTROLS = ("form", "textarea", "input", "select", "button", "iframe")


def _continuing(classic: HtmlElement, node: HtmlElement, mass: dict[HtmlElement, int]) -> int:
    """The text (``mass``) of the blocks beside ``classic``, or beside an element holding it up to ``node``,
    that may be more of its article: every sibling there with text that is not plainly apart (:func:`_apart`).

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div id=r><div id=a><p>One part of the story goes on here.</p></div>"
    ...              "<div id=b><p>And its second part follows in a block of its own.</p></div>"
    ...              "<div id=c><a href=/1>Another story</a> <a href=/2>And one more</a></div></div></body>")
    >>> found = survey(page.find("body"))
    >>> _continuing(page.get_element_by_id("a"), page.get_element_by_id("r"), found.mass)
    50
    """
    total = 0
    element = classic
    while element is not node:
        parent = element.getparent()
        if parent is None:
            break
        for sibling in parent:
            if sibling is not element and mass.get(sibling) and not _apart(sibling):
                total += mass[sibling]
        element = parent
    return total


def _apart(block: HtmlElement) -> bool:
    """Whether a block is plainly not an article's text: a header, footer or menu, a block holding a form's
    controls (a contact form, a comment box), or one whose text is :data:`CONTINUE_LINKS` links or more (related
    stories, tags)."""
    if block.tag in NOT_CARDS or block.tag in ("header", "footer") or next(block.iter(*_CONTROLS), None) is not None:
        return True
    text, links = text_and_links(block)
    return links >= CONTINUE_LINKS * text


def _region(mass: dict[HtmlElement, int], base: HtmlElement, *, posts: bool = False) -> HtmlElement:
    """The deepest element under ``base`` holding :data:`REGION_SHARE` of its content text (``mass``).

    A paragraph, a list or a table is part of a text: the region is what holds it. With ``posts`` (a page that
    does not call itself an article), the walk stops above a list of posts whose first post is printed beside it
    (:func:`_post_beside`): a question holding a tenth of its thread's text is still the thread's.
    """
    node, total = base, mass[base]
    while True:
        best = max((child for child in node if child in mass), key=mass.__getitem__, default=None)
        if best is None or mass[best] < REGION_SHARE * total or best.tag in _PARTS or best.tag in PARAGRAPH_TAGS:
            return node
        if posts and _post_beside(best, node, mass):
            return node
        node = best


POST_CHARS = 100
"""Text (outside links) an element needs to be taken for a post: a sentence or two, more than a title or a byline."""


def _post_beside(best: HtmlElement, node: HtmlElement, mass: dict[HtmlElement, int]) -> bool:
    """Whether a block beside ``best`` is one more of the posts ``best`` lists (a thread's question or first post
    printed above the list of replies): its text sits mostly in an element of the same tag and class as elements
    that ``best`` repeats and that hold most of its text, a template found nowhere outside ``node`` (a layout's
    wrapper, such as a page builder's widget class, is used in the page's header and footer too).

    >>> from declutter.html.parsing import parse
    >>> post = ("<div class='body'><p>I tried every cable I own and the screen still stays black after a"
    ...         " restart. What else could it be? The fan spins.</p></div>")
    >>> page = parse(f"<body><div id=thread><div id=q>{post}</div><div id=a>{post * 6}</div></div></body>")
    >>> mass = survey(page.find("body")).mass
    >>> _post_beside(page.get_element_by_id("a"), page.get_element_by_id("thread"), mass)
    True
    """
    templates: set[tuple[str, str]] | None = None
    for sibling in node:
        if sibling is best or mass.get(sibling, 0) < POST_CHARS:
            continue
        if templates is None:
            templates = _templates(best, mass)
            if not templates:
                return False
        for element in sibling.iter():
            value = element.get("class")
            if (
                value
                and mass.get(element, 0) >= 0.5 * mass[sibling]
                and (element.tag, value) in templates
                and _only_in(node, element.tag, value)
            ):
                return True
    return False


def _after_its_twin(classic: HtmlElement, node: HtmlElement, mass: dict[HtmlElement, int]) -> bool:
    """Whether the best container, or an element holding it below ``node``, comes after a sibling of its tag and class
    value holding :data:`POST_CHARS` of text: a later post of a thread (a long answer in Discourse's
    ``div.topic-body.crawler-post``, the question above it in the same template), so the page's text begins before
    the container, in a twin of it, and is not the comments or teasers the container would leave out.

    >>> from declutter.html.parsing import parse
    >>> question = f"<div class=post><p>{'Grammar checks fail since the update. ' * 3}</p></div>"
    >>> answer = f"<div class=post id=a><p>{'It is not only you. ' * 30}</p></div>"
    >>> page = parse(f"<body><div id=t>{question}{answer}</div></body>")
    >>> _after_its_twin(page.get_element_by_id("a"), page.get_element_by_id("t"), survey(page.find("body")).mass)
    True
    """
    element = classic
    while element is not node and element is not None:
        value = element.get("class")
        if value:
            for sibling in element.itersiblings(preceding=True):
                if sibling.tag == element.tag and sibling.get("class") == value and mass.get(sibling, 0) >= POST_CHARS:
                    return True
        element = element.getparent()
    return False


def _repeated(
    block: HtmlElement, size_of: Callable[[HtmlElement], int], total: int, *, min_count: int, min_size: int
) -> set[tuple[str, str]]:
    """The (tag, class) pairs of ``min_count`` elements or more under a block, each of ``min_size`` or more by
    ``size_of``, that together hold half its ``total``: the template a block's posts or cards are made of."""
    counts: Counter[tuple[str, str]] = Counter()
    held: Counter[tuple[str, str]] = Counter()
    for element in block.iter():
        value = element.get("class")
        if value and isinstance(element.tag, str):
            size = size_of(element)
            if size >= min_size:
                counts[(element.tag, value)] += 1
                held[(element.tag, value)] += size
    return {key for key, count in counts.items() if count >= min_count and held[key] >= 0.5 * total}


def _templates(block: HtmlElement, mass: dict[HtmlElement, int]) -> set[tuple[str, str]]:
    """The (tag, class) pairs of elements of :data:`POST_CHARS` that a block repeats and that hold half its text."""
    return _repeated(block, lambda element: mass.get(element, 0), mass[block], min_count=2, min_size=POST_CHARS)


def _only_in(node: HtmlElement, tag: str, value: str) -> bool:
    """Whether every element of this tag and class on the page lies inside ``node``."""
    return class_counts(node, tag)[value] == class_counts(node.getroottree().getroot(), tag)[value]


def _banners(base: HtmlElement) -> list[HtmlElement]:
    """The page's own headers (:func:`_landmark`: a ``<header>`` outside any section, holding no ``<main>`` or
    ``<article>``) that do not hold its headline, when an ``<h1>`` lies outside them: the site's banner, whose
    mega-menu of products and promotions can hold more text than the page (a cloud vendor's guide under a header
    of 3,400 words), not a hero holding the page's title and intro.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><header id=site><p>Products and more</p></header><div><h1>Guide</h1></div></body>")
    >>> [element.get("id") for element in _banners(page.find("body"))]
    ['site']
    >>> _banners(parse("<body><header><h1>Guide</h1></header><p>Text</p></body>").find("body"))
    []
    """
    headers = [
        element
        for element in base.iter("header")
        if _landmark(element, "header", any(above.tag in _SECTIONING for above in element.iterancestors()))
    ]
    if not headers:
        return []
    banners: list[HtmlElement] = []
    for element in headers:  # in document order: a header inside another comes after it
        if next(element.iter("h1"), None) is None and not (banners and contains(banners[-1], element)):
            banners.append(element)
    if not any(not any(contains(banner, h1) for banner in banners) for h1 in base.iter("h1")):
        return []  # no headline outside them: nothing says which is the page's and which the site's
    return banners


def _set_apart(found: Survey, elements: list[HtmlElement]) -> Survey:
    """``found`` with ``elements`` (none inside another) holding no mass, nor giving it to what holds them."""
    mass = dict(found.mass)
    for element in elements:
        held = mass.get(element, 0)
        if not held:
            continue
        for inner in element.iter():
            if inner in mass:
                mass[inner] = 0
        for above in element.iterancestors():
            if above in mass:
                mass[above] -= held
    return Survey(mass, found.scores, found.semantic)


def _in_landmark(base: HtmlElement, node: HtmlElement) -> bool:
    """Whether ``node`` is or lies inside the page's header, footer or a menu (:func:`_landmark`) below ``base``."""
    path = [node, *node.iterancestors()]
    path = path[: path.index(base)] if base in path else path
    sectioned = False
    for element in reversed(path):
        tag = element.tag
        if _landmark(element, tag, sectioned):
            return True
        sectioned = sectioned or tag in _SECTIONING
    return False


WIDER_SHARE = 0.2
"""Content found holding less than this share of the page's words gives way to the whole page (less its chrome)."""


_LANDMARK_CANDIDATES = cast(
    Callable[[HtmlElement], list[HtmlElement]],
    etree.XPath(
        "descendant::header | descendant::footer | descendant::nav"
        " | descendant::*/@role[. = 'contentinfo' or . = 'banner' or . = 'navigation']/.."
    ),
)
"""Every element that may be a landmark (:func:`_landmark`), in document order, found by one XPath in C."""


def _landmarks(base: HtmlElement, container: HtmlElement) -> list[HtmlElement]:
    """The outermost landmarks under ``base`` (:func:`_landmark`) that neither hold ``container`` nor lie in it."""
    found: list[HtmlElement] = []
    for element in _LANDMARK_CANDIDATES(base):
        if found and contains(found[-1], element):
            continue
        if contains(element, container) or contains(container, element):
            continue
        ancestors = element.iterancestors()
        sectioned = any(ancestor.tag in _SECTIONING for ancestor in ancestors)
        if _landmark(element, element.tag, sectioned):
            found.append(element)
    return found


def widened(root: HtmlElement, container: HtmlElement) -> tuple[HtmlElement, tuple[str, ...]]:
    """The container, or the page's body when the container holds much less than the page shows, with a note.

    On a page that is not an article, content found holding a fifth of the words left after chrome
    removal missed most of it (cards made of links, sections the scorer did not join): the wider
    extraction keeps them, and the note says so. The page's own header, footer and menus
    (:func:`_landmarks`) are not counted among those words: a footer's long policy texts do not make
    a shop's grid look small.
    """
    body = root.find("body")
    body = body if body is not None else root
    if container is body:
        return container, ()
    inside, shown = len(all_text(container).split()), all_text(body)
    bound = int(inside / WIDER_SHARE)  # the body's words, counted no further than the container's share settles
    page = len(shown.split(None, bound))
    if page <= bound and inside >= WIDER_SHARE * page:
        return container, ()  # its share of the whole body's words: of the body less its landmarks too
    page = page if page <= bound else len(shown.split())
    page -= sum(len(all_text(element).split()) for element in _landmarks(body, container))
    if inside >= WIDER_SHARE * page:
        return container, ()
    note = (
        f"the content found ({path_of(container)}) held {inside} of the page's {page} words: "
        "the whole page, less its chrome, is used"
    )
    return body, (note,)


COPY_PARAGRAPHS = 3
"""A block is a later copy of the page's text when it holds this many paragraphs, each printed earlier."""
COPY_WORDS = 12
"""Paragraphs shorter than this (in words) are not compared: short lines repeat on any page."""
COPY_MIN_WORDS = 100
"""A copy repeats this many words at least: a pricing plan repeating three features of the one before is not one."""


def later_copies(base: HtmlElement) -> list[HtmlElement]:
    """The outermost blocks under ``base`` whose every paragraph repeats, word for word, one printed earlier.

    A page may print its text twice (a hidden gated copy, a mobile layout, a raw-Markdown source): the later
    copy doubles the text and sways the region's choice. A block counts as a copy when it holds
    :data:`COPY_PARAGRAPHS` paragraphs, list items or bare quotes (a carousel's testimonials, printed twice
    to loop) of :data:`COPY_WORDS` words or more, all seen before,
    and they are most of its text and :data:`COPY_MIN_WORDS` words or more; one paragraph printed twice (a pull
    quote) is never a copy. A reply quoting a long post word for word is one: it adds nothing the reader has not
    read above.

    >>> from declutter.html.parsing import parse
    >>> text = "".join(f"<p>Paragraph {n} of the story, which goes on with many more words.</p>" for n in range(9))
    >>> page = parse(f"<body><div id=a>{text}</div><div id=b>{text}</div></body>")
    >>> [element.get("id") for element in later_copies(page.find("body"))]
    ['b']
    """
    seen: set[str] = set()
    compared: list[tuple[HtmlElement, int, bool]] = []  # paragraph, words, printed before
    for paragraph in base.iter("p", "li", "blockquote"):
        if paragraph.tag != "p" and next(paragraph.iter("p", "ul", "ol"), paragraph) is not paragraph:
            continue  # an item or a quote holding paragraphs or a list is compared through them
        split = all_text(paragraph).split()
        if len(split) >= COPY_WORDS:  # joined (squeezed) only then: most paragraphs are short
            text = " ".join(split)
            compared.append((paragraph, len(split), text in seen))
            seen.add(text)
    if sum(copied for _, _, copied in compared) < COPY_PARAGRAPHS:
        return []  # most pages: nothing to weigh, no walk up the tree
    counts: dict[HtmlElement, list[int]] = {}  # element -> [paragraphs, copied paragraphs, copied words]
    for paragraph, words, copied in compared:
        for element in paragraph.iterancestors():
            if element is base:
                break
            count = counts.setdefault(element, [0, 0, 0])
            count[0] += 1
            if copied:
                count[1] += 1
                count[2] += words
    copies = {
        element
        for element, (paragraphs, copied, words) in counts.items()
        if copied >= COPY_PARAGRAPHS
        and copied == paragraphs
        and words >= COPY_MIN_WORDS
        and words >= 0.6 * len(all_text(element).split())
    }
    if not copies:
        return []
    outermost = {element for element in copies if not any(ancestor in copies for ancestor in element.iterancestors())}
    return [element for element in base.iter() if element in outermost]  # in document order


TWIN_WORDS = 20
"""A block is compared with the blocks before it when it holds this many words: short blocks repeat on any page."""


TWIN_SPAN = 6
"""The twins' nearest common ancestor holds at most this many times a copy's words: the two copies stand side
by side (an API reference repeating a parameter's description in every method is not a twin)."""


PRODUCT_TWIN_WORDS = 8
"""On a page that calls itself a product, a block of this many words is compared (:data:`TWIN_WORDS` elsewhere),
and so is a quoted copy on any page."""
PRODUCT_TWIN_SPAN = 30
"""On a page that calls itself a product, the twins' nearest common ancestor holds at most this many times a
copy's words (:data:`TWIN_SPAN` elsewhere), and so does a quoted copy's on any page."""


def _quoted(element: HtmlElement, common: HtmlElement) -> bool:
    """Whether ``element`` sits in a quote (a ``<blockquote>``, an element whose class names a quote: XenForo's
    ``bbCodeBlock--quote``, Invision's ``ipsQuote``, phpBB's ``quotecontent``) that does not also hold ``common``,
    the block it copies: a reply quoting an earlier post.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div><p id=post>Hi</p></div><div><blockquote><p id=q>Hi</p></blockquote></div></body>")
    >>> body = page.find("body")
    >>> _quoted(page.get_element_by_id("q"), body), _quoted(page.get_element_by_id("post"), body)
    (True, False)
    """
    for holder in (element, *element.iterancestors()):
        if holder is common:
            return False
        if holder.tag == "blockquote" or "quote" in (holder.get("class") or "").lower():
            return True
    return False


_TEXT_NODES = cast(Callable[[HtmlElement], list[Any]], etree.XPath("descendant::text()[normalize-space()]"))
_PLAIN_TEXT_NODES = cast(
    Callable[[HtmlElement], list[str]], etree.XPath("descendant::text()[normalize-space()]", smart_strings=False)
)


def _made_of_repeated_text(base: HtmlElement, words: int) -> set[HtmlElement]:
    """The elements whose every piece of text (text node) is printed somewhere else on the page too: only
    these can be twins.

    Found from the text nodes in one pass, so that :func:`later_twins` reads the whole text only of these
    (most pages: a few menus and labels), not of every element.
    """
    keys = [" ".join(text.split()) for text in _PLAIN_TEXT_NODES(base)]
    counts = Counter(keys)
    again = {key: count - 1 for key, count in counts.items() if count > 1 and key}
    plain = sum(len(key.split()) * more for key, more in again.items())
    if plain < words and (  # in English words, as later_twins counts a twin's: a compound counts as two
        2 * plain < words or sum(text_size(key, len(key.split())) * more for key, more in again.items()) < words
    ):
        return set()  # fewer repeated words than one twin holds (most pages once their chrome is gone)
    nodes = _TEXT_NODES(base)  # the same nodes in the same order, now with their parents: the keys are theirs
    repeated: set[HtmlElement] = set()
    unique: set[HtmlElement] = set()
    for node, key in zip(nodes, keys, strict=True):
        if not key:
            continue
        holders = unique if counts[key] == 1 else repeated
        owner = node.getparent()
        if owner is not None and node.is_tail:
            owner = owner.getparent()
        while owner is not None and owner not in holders:
            holders.add(owner)
            owner = owner.getparent()
    return repeated - unique


def later_twins(base: HtmlElement, *, product: bool = False) -> list[HtmlElement]:
    """The outermost blocks under ``base`` whose whole text is, word for word, that of a block printed earlier.

    A responsive layout prints one block twice, one copy per screen size ('hidden-up-md' and
    'hidden-down-md'), and a carousel clones its slides: the reader sees one, the text holds both. This
    catches the short copies :func:`later_copies` leaves (a product's description of one paragraph and
    a few spec lines): the whole block must match, not only its paragraphs, and a block containing
    the other (a wrapper holding a single child) is not its copy.

    >>> from declutter.html.parsing import parse
    >>> text = "<p>" + " ".join(["word"] * 25) + "</p><ul><li>Size: 9 cm</li></ul>"
    >>> page = parse(f"<body><div id=a>{text}</div><div id=b><div>{text}</div></div></body>")
    >>> [element.get("id") for element in later_twins(page.find("body"))]
    ['b']

    A page that calls itself a product (``product``) prints its buy box and its feature blocks once per screen
    size in layouts far apart (a desktop column beside the gallery, a mobile stack under it): its copies are
    shorter (:data:`PRODUCT_TWIN_WORDS`: a stock note, a feature's two sentences) and further apart
    (:data:`PRODUCT_TWIN_SPAN`) than a text page's. Elsewhere short blocks printed twice are often the text (a
    listing's repeated blurb, a docs page's repeated note): on every page these bounds lost listing and
    documentation pages (WCXB dev listing -0.004, documentation -0.002).

    A copy's size is counted in English words (:func:`~declutter.text.text_size`: a German compound counts as two),
    so a German page's twins are found where an English page's are.

    A copy inside a quote (:func:`_quoted`) has the product bounds on every page: a reply quoting a post far
    above repeats its words, and the thread already holds them once.

    >>> post = "<p>" + " ".join(["word"] * 10) + "</p>"
    >>> filler = "<p>" + " ".join(["other"] * 40) + "</p>"
    >>> page = parse(f"<body><div id=a>{post}</div>{filler}<div id=b><blockquote>{post}</blockquote></div></body>")
    >>> [element.tag for element in later_twins(page.find("body"))]
    ['blockquote']
    """
    candidates = _made_of_repeated_text(base, PRODUCT_TWIN_WORDS)
    first: dict[str, HtmlElement] = {}
    twins: list[HtmlElement] = []
    for element in base.iterdescendants():
        if element not in candidates:
            continue
        text = all_text(element)
        if 2 * (text.count(" ") + 1) < PRODUCT_TWIN_WORDS:
            continue
        pieces = text.split()
        size = text_size(text, len(pieces))  # in English words: a German compound counts as two
        if size < PRODUCT_TWIN_WORDS:
            continue
        text = " ".join(pieces)  # squeezed
        earlier = first.setdefault(text, element)
        if earlier is element or contains(earlier, element) or any(contains(twin, element) for twin in twins[-1:]):
            continue
        above = set(earlier.iterancestors())
        common = next(ancestor for ancestor in element.iterancestors() if ancestor in above)
        if product or _quoted(element, common):
            span = PRODUCT_TWIN_SPAN
        elif size >= TWIN_WORDS:
            span = TWIN_SPAN
        else:
            continue
        bound = span * size
        around = all_text(common)
        words = len(around.split(None, bound))  # split no further than the bound: common may be the page
        if words <= bound and text_size(around, words) <= bound:  # the span in English words too, as the size
            twins.append(element)
    return twins


LEAD_CLIMB = 1
"""How many elements above the container the block that opens it is looked for: beside the container, or beside
the row or column holding it (a page builder's intro row before its body column). Two levels reach a fact-check's
claim box and a press release's quote, which news references leave out (ScrapingHub precision 0.972 -> 0.971)."""
LEAD_PARAGRAPH = 100
"""A block opens an article when it holds a paragraph of this many characters: a sentence or two of prose."""
LEAD_CARDS = 3
"""A block whose text sits mostly in this many elements of one tag and class is a row of cards, not an opening."""
_TEXT_PARTS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "blockquote", "figure", "pre"})
"""The parts of a text that carry on an opening back to prose printed before them: its headings, lists and tables."""


def content_parts(root: HtmlElement, *, article: bool = False) -> tuple[HtmlElement, ...]:
    """The elements holding the page's main content, in document order: the container :func:`find_content`
    chooses, and the blocks printed right before it that open its text (:func:`_opens`): a standfirst, a summary,
    'Key takeaways' or the first paragraphs that a page builder set in the row or column before the body's, a
    thread's first post printed before the list of replies; not a block the container prints again (a teaser of
    its first lines, a pull quote). From each block taken the walk goes on backwards;
    headings, lists and tables (:data:`_TEXT_PARTS`, not a row of cards) are taken when such a block comes before
    them, and after the last one.

    >>> from declutter.html.parsing import parse
    >>> intro = ("<p>We own more cables than we will ever need, and most of them sit in a drawer, untouched,"
    ...          " for years on end.</p>")
    >>> body = "<p>Start by sorting them by the plug at each end, then label every bundle you keep.</p>" * 12
    >>> page = parse(f"<body><main><div id=row1>{intro}</div><div id=row2><div id=col>{body}</div></div></main></body>")
    >>> [part.get("id") for part in content_parts(page)]
    ['row1', 'col']
    """
    parts = [find_content(root, article=article)]
    held: list[HtmlElement] = []  # headings, lists and tables, taken when prose comes before them
    printed = ""  # the container's text, read once a block is found before it
    while (block := _block_before(held[0] if held else parts[0])) is not None:
        printed = printed or squeeze(all_text(parts[-1]))
        if _opens(block) and squeeze(all_text(block)) not in printed:  # not a copy of its lines (a pull quote)
            parts[:0] = [block, *held]
            held = []
        elif block.tag in _TEXT_PARTS and not _apart(block) and not _cards(block):
            held.insert(0, block)
        else:
            break
    return (*held, *parts) if len(parts) > 1 else tuple(parts)


_SECTIONS = frozenset({"section", "div", "article"})
"""The tags of a document's sections: a container of these is followed by its twins when the document goes on."""


def sections_after(container: HtmlElement) -> tuple[HtmlElement, ...]:
    """The blocks printed right after the container that go on with its document: each a twin of the one before
    (:func:`_twin_after`, the same tag and class) that reads as prose (:func:`_opens`). A reference page's
    sections are siblings of one template; the container chosen for holding most of the text ('Available
    middleware') leaves out the shorter section after it ('Middleware ordering'), which no comment, teaser or
    sidebar shares a template with.

    >>> from declutter.html.parsing import parse
    >>> prose = "<p>" + "Put the cache middleware first, so that it sees every response the others make. " * 2 + "</p>"
    >>> page = parse(f"<body><div><section id=a>{prose * 9}</section><section id=b>{prose}</section>"
    ...              f"<aside>{prose}</aside></div></body>")
    >>> [section.get("id") for section in sections_after(page.get_element_by_id("a"))]
    ['b']
    """
    found: list[HtmlElement] = []
    element = container
    while (block := _twin_after(element)) is not None and _opens(block):
        found.append(block)
        element = block
    return tuple(found)


def _block_after(element: HtmlElement) -> HtmlElement | None:
    """The next sibling of ``element`` with text, none when text lies loose between them or no sibling has text."""
    if (element.tail or "").strip():
        return None
    for sibling in element.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag not in SKIP and all_text(sibling).strip():
            return sibling
        if (sibling.tail or "").strip():
            return None
    return None


def _twin_after(element: HtmlElement) -> HtmlElement | None:
    """The element with text printed right after ``element`` when it is a twin of it, a :data:`_SECTIONS` element of
    the same tag and class value: the next section of the same document ('Middleware ordering' after 'Available
    middleware'), which :func:`sections_after` takes when it reads as prose (:func:`_opens`).

    >>> from lxml.html import fragment_fromstring
    >>> doc = fragment_fromstring("<div><section id=a>A</section><section id=b>B</section><aside>C</aside></div>")
    >>> _twin_after(doc[0]).get("id"), _twin_after(doc[1])
    ('b', None)
    """
    sibling = _block_after(element)
    same = sibling is not None and sibling.tag == element.tag and sibling.get("class") == element.get("class")
    return sibling if same and element.tag in _SECTIONS else None


def _block_before(element: HtmlElement) -> HtmlElement | None:
    """The nearest element with text printed right before ``element``: beside it, or beside an element holding it
    up to :data:`LEAD_CLIMB` levels above; none when text lies loose between them, or when that element would sit
    straight in the page's <body> (a site's notice or banner, not a page's text)."""
    for _ in range(LEAD_CLIMB + 1):
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return None
        sibling = element.getprevious()
        while sibling is not None:
            if (sibling.tail or "").strip():
                return None
            if isinstance(sibling.tag, str) and all_text(sibling).strip():
                return sibling
            sibling = sibling.getprevious()
        if (parent.text or "").strip():
            return None
        element = parent
    return None


def _opens(block: HtmlElement) -> bool:
    """Whether a block reads as the opening of an article: prose (a paragraph of :data:`LEAD_PARAGRAPH`
    characters), not plainly apart from it (:func:`_apart`: a header, menu or form, links), not the block holding
    the page's headline (its byline and dek go with it), not named as chrome, not marked ``data-nosnippet`` (a
    site's own words about the page: an author's bio, a notice) and not a row of cards (:func:`_cards`)."""
    if block.tag == "h1" or _apart(block) or next(block.iter("h1"), None) is not None:
        return False
    if _NEGATIVE_HINT.search(f"{block.get('class') or ''} {block.get('id') or ''}"):
        return False
    if block.get("data-nosnippet") is not None or next(block.iterfind(".//*[@data-nosnippet]"), None) is not None:
        return False
    if _cards(block):
        return False
    return any(shape.kind == "paragraph" and len(shape.text) >= LEAD_PARAGRAPH for shape in blocks_of(block))


def _cards(block: HtmlElement) -> bool:
    """Whether most of a block's text sits in :data:`LEAD_CARDS` or more elements of one tag and class: a row of
    testimonials, teasers or customers, not an article's opening.

    >>> from lxml.html import fragment_fromstring
    >>> quote = "<div class=quote>Great service, the parcel came in two days and well packed.</div>"
    >>> _cards(fragment_fromstring(f"<div>{quote * 3}</div>")), _cards(fragment_fromstring(f"<div>{quote * 2}</div>"))
    (True, False)
    """
    return bool(_repeated(block, text_chars, text_chars(block), min_count=LEAD_CARDS, min_size=1))


HEADLINE_CLIMB = 3
"""How many elements above the headline the block it heads is looked for: a listing's header or banner, holding the
title and the lines that introduce the cards (a climb of 2 or 4 moved two pages either way on WCXB dev)."""
INTRO_WORDS = 8
"""A paragraph of this many words under the headline introduces the page: a sentence, not a label or a count."""


def headline_intro(root: HtmlElement, container: HtmlElement) -> tuple[HtmlElement, ...]:
    """The paragraphs printed after the page's headline in the block it heads, when the content found comes after
    that block and leaves it out: a category's or a listing's introduction set in its banner beside the title ('Metal,
    RFID-blocking wallets designed to carry cards and cash safely and securely.'), above a grid of cards the region
    finder chose for its mass. Paragraphs of :data:`INTRO_WORDS` words or more, not mostly links, not printed again
    in the container (a teaser of its first lines); the block is the headline's highest ancestor, up to
    :data:`HEADLINE_CLIMB` levels, that does not hold the container.

    >>> from declutter.html.parsing import parse
    >>> cards = "".join(f"<li class=card><a href=/w/{n}>Wallet {n}</a> $95</li>" for n in range(6))
    >>> page = parse("<body><div class=banner><h1>Wallets</h1><p>Slim metal wallets that carry cards and cash"
    ...              " safely.</p><p><a href=/sale>Shop the sale</a></p></div><ul id=grid>" + cards + "</ul></body>")
    >>> [squeeze(all_text(p)) for p in headline_intro(page, page.get_element_by_id("grid"))]
    ['Slim metal wallets that carry cards and cash safely.']
    """
    h1 = root.find(".//h1")
    if h1 is None or contains(container, h1) or contains(h1, container):
        return ()
    if not _precedes(h1, container):
        return ()  # the container comes first: what follows the headline is another part of the page
    block = h1
    for _ in range(HEADLINE_CLIMB):
        parent = block.getparent()
        if parent is None or parent.tag in ("body", "html") or contains(parent, container):
            break
        block = parent
    printed: str | None = None  # the container's text, read for the first paragraph that may introduce it
    found = []
    after = False  # the block's paragraphs after the headline (a kicker above it is not its introduction)
    for node in block.iter():
        after = after or node is h1
        if not after or node.tag != "p" or contains(h1, node):
            continue
        text = squeeze(all_text(node))
        links = sum(len(squeeze(all_text(link))) for link in node.iter("a"))
        if len(text.split()) >= INTRO_WORDS and links < 0.5 * len(text):
            printed = squeeze(all_text(container)) if printed is None else printed
            if text not in printed:
                found.append(node)
    return tuple(found)


def _precedes(first: HtmlElement, second: HtmlElement) -> bool:
    """Whether ``first`` comes before ``second`` in document order, neither holding the other: their branches'
    places under their nearest common ancestor, read from their ancestors (not a walk of the page before them).

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div><h1 id=t>Wallets</h1></div><ul id=g><li>Slim wallet</li></ul></body>")
    >>> _precedes(page.get_element_by_id("t"), page.get_element_by_id("g"))
    True
    >>> _precedes(page.get_element_by_id("g"), page.get_element_by_id("t"))
    False
    """
    branches: dict[HtmlElement, HtmlElement] = {}  # each ancestor of second: its child on the way down to second
    child = second
    for ancestor in second.iterancestors():
        branches[ancestor] = child
        child = ancestor
    child = first
    for ancestor in first.iterancestors():
        if ancestor in branches:
            return bool(ancestor.index(child) < ancestor.index(branches[ancestor]))
        child = ancestor
    return False  # not in one tree


POSTS_CARDS = 8
"""A grid of posts lists this many: more than a row of related posts under an article."""
POSTS_SHARE = 0.5
"""... holding this share of the container's text: a description introduces posts as long as itself, while an
article's body outweighs the river of other stories printed after it (0.34 of it on a news site)."""
POSTS_CLIMB = 3
"""How many elements above the container the grid of posts printed after it is looked for: a category's description
sits in a wrapper or two of its own (the archive header), the posts in the page's next block."""


def posts_after(container: HtmlElement) -> HtmlElement | None:
    """The grid of posts printed right after a container that is a category's description, not a row of cards itself
    (:func:`_cards`): a blog's category page (often calling itself an article) whose introduction outweighs its posts'
    linked titles and short excerpts, so the region finder chose the introduction and the posts were lost. The block
    with text printed next after the container, or after an element holding it up to :data:`POSTS_CLIMB` levels
    above, is taken when it is a grid of posts (:func:`_grid_of_posts`) holding :data:`POSTS_SHARE` of the
    container's text; a news article's body outweighs the river of other stories printed under it.

    >>> from declutter.html.parsing import parse
    >>> intro = "<p>Quick and healthy air fryer recipes, from breakfast to snacks to dinners, all in record time.</p>"
    >>> post = "<article class=post><h2><a href=/r/1>Sticky air fryer salmon bites</a></h2></article>"
    >>> page = parse(f"<body><div><div id=intro>{intro}</div></div><div id=posts>{post * 8}</div></body>")
    >>> posts_after(page.get_element_by_id("intro")).get("id")
    'posts'
    """
    element = container
    for _ in range(POSTS_CLIMB + 1):
        block = _block_after(element)
        if block is not None:  # the cheap tests first: most pages' next block is no grid, and most containers no row
            posts = text_chars(block) >= POSTS_SHARE * text_chars(container) and _grid_of_posts(block)
            return block if posts and not _cards(container) else None
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html") or (parent.text or "").strip():
            return None
        element = parent
    return None


def _grid_of_posts(block: HtmlElement) -> bool:
    """Whether a block is a grid of posts: not a landmark, a form or named as chrome (related posts, a sidebar), and
    most of its text in :data:`POSTS_CARDS` or more elements of one tag and class that each carry a linked heading
    (:func:`_titled`: a post's title)."""
    if block.tag in NOT_CARDS or block.tag in ("header", "footer") or block.get("role") in LANDMARK_ROLES:
        return False
    if next(block.iter(*_CONTROLS), None) is not None:
        return False
    if _NEGATIVE_HINT.search(f"{block.get('class') or ''} {block.get('id') or ''}"):
        return False
    for tag, value in _repeated(block, text_chars, text_chars(block), min_count=POSTS_CARDS, min_size=1):
        cards = [element for element in block.iter(tag) if element.get("class") == value]
        if all(_titled(card) for card in cards):
            return True
    return False


_TITLES = ("h2", "h3", "h4")


def _titled(card: HtmlElement) -> bool:
    """Whether a card is or holds a post's title: a heading holding a link."""
    headings = [card] if card.tag in _TITLES else card.iter(*_TITLES)
    return any(next(heading.iter("a"), None) is not None for heading in headings)


PRICE = re.compile(r"[$€£¥₹]\s?\d|\b(?:USD|EUR|GBP|CHF|CAD|AUD|SEK|NOK|DKK|PLN)\s?\d|\d\s?(?:[€$£]|EUR|USD|kr|zł)")
"""A price: a currency's sign or code beside a digit ('$12.00', 'EUR 163.12', '49,95 €')."""
SHELF_CARDS = 3
"""A grid of other products holds at least this many priced cards."""
SHELF_WORDS = 50
"""… and this many words: a row of two-word swatches or a small 'Featured' row is left to the text rules, which
judge it with the lines around it (a comparison table's wall of removed lines above it)."""
SHELF_WORDS_PER_PRICE = 40
"""… with no more than this many words per price: a card is a name, a price and a rating, not a description."""
SHELF_SHARE = 0.6
"""… and its priced cards hold this share of its text: a grid, not a description that quotes a few prices."""


def other_products(root: HtmlElement) -> list[HtmlElement]:
    """The grids of other products a product page prints after its headline and its own price: 'Similar items',
    'Customers also viewed', a brand's other jackets. Each is the outermost element after the `<h1>` whose children
    are :data:`SHELF_CARDS` or more of one tag and class that each hold a link and a price (:data:`PRICE`),
    hold most of its text (:data:`SHELF_SHARE`), and print a price every :data:`SHELF_WORDS_PER_PRICE` words
    or fewer.

    Only grids after a price that no such grid holds: the product's own, in its buy box under its name. A
    category or a 'Buy' page calling itself a product prints its grid right under its title, and that grid is
    its content.

    >>> from declutter.html.parsing import parse
    >>> card = "<li><a href=/p>Other mug in glazed stoneware, dishwasher safe, 350 ml</a> $12.00</li>"
    >>> page = f"<body><h1>Mug</h1><p>$14.00</p><p>A mug.</p><ul id=more>{card * 5}</ul></body>"
    >>> [grid.get("id") for grid in other_products(parse(page))]
    ['more']
    >>> other_products(parse(f"<body><h1>Mugs</h1><ul id=grid>{card * 5}</ul></body>"))
    []
    """
    h1 = next(root.iter("h1"), None)
    if h1 is None:
        return []
    grids: list[HtmlElement] = []
    after = priced = False
    for element in root.iter():
        if element is h1:
            after = True
            continue
        if not after or not isinstance(element.tag, str) or (grids and contains(grids[-1], element)):
            continue
        if not priced:  # the product's own price: before it, a grid is the page's
            priced = any(PRICE.search(text) for text in (element.text, element.tail) if text)
        elif len(element) >= SHELF_CARDS and _shelf(element):
            grids.append(element)
    return grids


def _shelf(element: HtmlElement) -> bool:
    """Whether an element is a grid of priced cards (:func:`other_products`' tests)."""
    signatures = Counter((child.tag, child.get("class")) for child in element if isinstance(child.tag, str))
    if not signatures:
        return False
    (tag, value), count = signatures.most_common(1)[0]
    if count < SHELF_CARDS:
        return False
    cards = held = prices = chars = words = 0
    for child in element:
        if not isinstance(child.tag, str):
            continue
        text = all_text(child)
        chars += len(text)
        words += len(text.split())
        if child.tag != tag or child.get("class") != value:
            continue
        found = len(PRICE.findall(text))
        if found and next(child.iter("a"), None) is not None:
            cards += 1
            held += len(text)
            prices += found
    if cards < SHELF_CARDS:
        return False
    return held >= SHELF_SHARE * chars and SHELF_WORDS <= words <= SHELF_WORDS_PER_PRICE * prices
