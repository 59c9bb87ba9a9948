"""Finding the main content: semantic containers first, then paragraph scoring (Readability-style)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from lxml import etree

from declutter.html.tree import (
    INLINE,
    NOT_PARAGRAPHS,
    PARAGRAPH_TAGS,
    SKIP,
    Element,
    all_text,
    bounded,
    class_and_id,
    class_counts,
    contains,
    element_tokens,
    paragraph_chars,
    path_of,
    squeeze,
    text_and_links,
)
from declutter.text import text_size

_CONTENT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:article|story|entry|post|blog|news)[_-]*(?:body|content|text|main)(?:$|[\s_-])"
    r"|(?:^|[\s_-])(?:articlebody|storybody|entrycontent|postcontent|article__body|body-copy|articleText)(?:$|\s)",
    re.IGNORECASE,
)
_NEGATIVE_WORDS = (
    "comment",
    "sidebar",
    "related",
    "footer",
    "promo",
    "widget",
    "share",
    "social",
    "newsletter",
    "nav",
    "menu",
)
NEGATIVE_HINT = re.compile("|".join(_NEGATIVE_WORDS), re.IGNORECASE)


def named_negative(element: Element) -> bool:
    """Whether an element's class or id names chrome (:data:`NEGATIVE_HINT`: a sidebar, a footer, a menu).

    An ASCII value is lower-cased and searched for each word: the same answer (case-insensitive matching of ASCII
    words in ASCII text knows no other spellings) without a regex that, having no literal to scan for, tries every
    word at every character (5 us for a 50-character value, more for a <body> holding a hundred class names).

    >>> from lxml.html import fragment_fromstring
    >>> [named_negative(fragment_fromstring(html)) for html in ("<div class='SideBar x'>", "<div id='main'>")]
    [True, False]
    """
    value = class_and_id(element)
    if value.isascii():
        lowered = value.lower()
        return any(word in lowered for word in _NEGATIVE_WORDS)
    return NEGATIVE_HINT.search(value) is not None


_UNSCORED = SKIP | NOT_PARAGRAPHS
_SCORED_CHARS = 25
"""An element scores for the container choice when it holds this much text itself."""


_CONTENT_WORDS = ("body", "content", "text", "main")
"""Every match of :data:`_CONTENT_CLASS` holds one of these, in any case ..."""
_SUBJECT_WORDS = ("article", "story", "entry", "post", "blog", "news", "body-copy")
"""... and one of these: a page's 'content' or 'main' alone (most values holding a word above) names no article."""


def names_body(value: str) -> bool:
    """Whether a class or id value names the article's body (:data:`_CONTENT_CLASS`), skipping the regex
    when the value holds none of the words every match needs.

    >>> names_body("hs_cos_wrapper_meta_field hs_cos_wrapper_post_body"), names_body("post-meta")
    (True, False)
    >>> names_body("main-content"), names_body("Body-Copy"), names_body("NewsText")
    (False, True, True)
    """
    if value.isascii():
        lowered = value.lower()
        if not any(word in lowered for word in _CONTENT_WORDS) or not any(word in lowered for word in _SUBJECT_WORDS):
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


def link_chars(child: Element, text: str, *, cards: bool = False) -> int:
    """How much of an inline child's text (``text``) is link text; with ``cards``, long links are not."""
    if child.tag == "a":
        return len(text) if not cards or not card_sized(text) else 0
    return sum(len(link) for link in map(all_text, child.iter("a")) if not cards or not card_sized(link))


@dataclass(frozen=True)
class Survey:
    """What one walk of the page finds for choosing its content: every element's content text
    (:func:`content_mass`), the Readability-style scores of the containers, and the
    semantic containers (articleBody or a content class/id, <article>, <main>) in document order."""

    mass: dict[Element, int]
    scores: dict[Element, float]
    semantic: list[Element]


def content_mass(base: Element, *, cards: bool = False) -> dict[Element, int]:
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


def _landmark(element: Element, tag: str, sectioned: bool) -> bool:
    """Whether an element is the page's header, footer or a menu (as HTML maps them to landmark roles), and
    does not hold the page's <main> or <article> (a page written inside its <header>)."""
    if not (tag == "nav" or (tag in ("header", "footer") and not sectioned) or element.get("role") in LANDMARK_ROLES):
        return False
    return next(element.iter(*_SKELETON), None) is None


_BODY_NAMES: dict[str, bool] = {}
"""Whether a class or id value names the article's body (:func:`names_body`), kept from survey to survey: a page is
surveyed two or three times, and a site's pages and a theme's or framework's repeat their class values (bounded:
:func:`~declutter.html.tree.bounded`)."""


def survey(base: Element, *, cards: bool = False, scored: bool = True, apart: bool = False) -> Survey:
    """Walk the page once (elements inside scripts and styles left out): content text and scores.

    A paragraph of 25 characters or more scores ``1 + its commas + min(length / 100, 3)``, scaled down by
    its link text, for its parent and half for its grandparent; text written straight into a container
    (between <br> tags) scores for the container itself and half for its parent. ``cards`` as in
    :func:`content_mass`, whose numbers ``mass`` holds; without ``scored``, only those are counted. With
    ``apart``, the page's own header, footer and menus (:func:`_landmark`) hold no mass, nor give it to
    what holds them.
    """
    mass: dict[Element, int] = {}
    scores: dict[Element, float] = {}
    semantic: list[Element] = []
    articles: list[Element] = []
    mains: list[Element] = []
    named = bounded(_BODY_NAMES)

    def content(value: str | None) -> bool:
        if not value:
            return False
        found = named.get(value)
        if found is None:
            found = named[value] = names_body(value)
        return found

    def walk(element: Element, cards: bool, sectioned: bool) -> int:
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
        linked: list[tuple[Element, str]] = []  # the inline children that are or hold links, with their text
        blocks: list[tuple[Element, bool]] = []
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


def choose_container(root: Element) -> Element:
    """The element holding the article: semantic markup first, then paragraph scoring (Readability-style)."""
    body = root.find("body")
    base = body if body is not None else root
    return _best_container(survey(base), base)


_PARTS = frozenset({"ul", "ol", "dl", "li", "dd", "dt", "table", "tbody", "thead", "tr", "td", "th", "blockquote"})
"""Elements that are parts of a text (its lists, its tables, its quotations), not containers of one: a resource page
quoting a long forum post is the page, not the quote."""


def _best_container(found: Survey, base: Element) -> Element:
    """The best-scoring container, or a semantic container holding most of its paragraphs."""
    best = max(found.scores, key=found.scores.__getitem__, default=None)
    if best is None:
        return found.semantic[0] if found.semantic else base
    while best.tag in _PARTS and best is not base and (holder := best.getparent()) is not None:
        best = holder  # a list or a table is part of a text, never all of it: take what holds it
    best_length = paragraph_chars(best)
    for candidate in found.semantic:  # a semantic container wins if it holds most of the best candidate's text
        if named_negative(candidate):
            continue
        if paragraph_chars(candidate) >= 0.8 * best_length and contains(candidate, best):
            return candidate
    return best


REGION_SHARE = 0.8
"""The content region is the deepest element holding this share of the page's content text."""
TIGHT_SHARE = 0.6
"""Inside the region, the best-scoring container wins when it holds this share of the region's content text."""


def find_content(root: Element, *, article: bool = False) -> Element:
    """The element holding the page's main content, whatever the kind of page.

    A forum's posts, a listing's cards and a service page's sections are many sibling regions: the
    content is where most of the page's text is (:func:`content_mass`), so the region is the deepest
    element holding :data:`REGION_SHARE` of it, and it keeps all the regions under it. An article
    inside that region (the best container by paragraph score, :func:`choose_container`) is chosen
    instead when it holds :data:`TIGHT_SHARE` of the region's text: what it leaves out there is
    comments, teasers and asides; on a page that is not an article, not when it comes after a twin of itself
    (:func:`_after_its_twin`: a thread's long answer below its question; or has one below it, a long question above
    its short answer), and on any page not when replies in its template follow it (:func:`_before_its_replies`: a
    thread's first post); on a page that is not an article, neither the walk nor the best container goes into one
    post of a thread whose posts say so by microdata (:func:`_one_of_marked_posts`: a long first post over short
    replies). On an article it is chosen holding :data:`LOOSE_SHARE` of it, when the blocks beside it that may
    continue it (:func:`_continuing`: not a form, a menu or a list of links) hold little: an article split over
    sibling blocks keeps them all. On a page that is not an article, a region that lies in the page's own footer,
    header or a menu (:func:`_landmark`: a footer holding a privacy policy's modal, a list of every town served) is
    looked for again with those set apart, when anything is left outside them (and :func:`widened` takes the whole
    page if that is too little); an article has no such second chance. On every page, neither the walk nor the best
    container goes into a block named as questions and answers (:func:`_questions`): an FAQ is a section of a page.

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
    if any(_questions(element) for element in _holders(classic, node)):
        return node
    held, region = found.mass.get(classic, 0), found.mass[node]
    if _before_its_replies(classic, node, found.mass):
        return node
    if not article and any(_one_of_marked_posts(element, found.mass) for element in _holders(classic, node)):
        return node
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
CONTROLS = ("form", "textarea", "input", "select", "button", "iframe")


def _continuing(classic: Element, node: Element, mass: dict[Element, int]) -> int:
    """The text (``mass``) of the blocks beside ``classic``, or beside an element holding it up to ``node``,
    that may be more of its article: every sibling there with text that is not plainly apart (:func:`is_apart`).

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div id=r><div id=a><p>One part of the story goes on here.</p></div>"
    ...              "<div id=b><p>And its second part follows in a block of its own.</p></div>"
    ...              "<div id=c><a href=/1>Another story</a> <a href=/2>And one more</a></div></div></body>")
    >>> found = survey(page.find("body"))
    >>> _continuing(page.find(".//*[@id='a']"), page.find(".//*[@id='r']"), found.mass)
    50
    """
    total = 0
    element = classic
    while element is not node:
        parent = element.getparent()
        if parent is None:
            break
        for sibling in parent:
            if sibling is not element and mass.get(sibling) and not is_apart(sibling):
                total += mass[sibling]
        element = parent
    return total


def is_apart(block: Element) -> bool:
    """Whether a block is plainly not an article's text: a header, footer or menu, a block holding a form's
    controls (a contact form, a comment box), or one whose text is :data:`CONTINUE_LINKS` links or more (related
    stories, tags)."""
    if block.tag in NOT_CARDS or block.tag in ("header", "footer") or next(block.iter(*CONTROLS), None) is not None:
        return True
    text, links = text_and_links(block)
    return links >= CONTINUE_LINKS * text


def _region(mass: dict[Element, int], base: Element, *, posts: bool = False) -> Element:
    """The deepest element under ``base`` holding :data:`REGION_SHARE` of its content text (``mass``).

    A paragraph, a list or a table is part of a text: the region is what holds it. With ``posts`` (a page that
    does not call itself an article), the walk stops above a list of posts whose first post is printed beside it
    (:func:`_post_beside`): a question holding a tenth of its thread's text is still the thread's. On every page the
    walk stops above a block of questions and answers (:func:`_questions`).
    """
    node, total = base, mass[base]
    while True:
        best = max((child for child in node if child in mass), key=mass.__getitem__, default=None)
        if best is None or mass[best] < REGION_SHARE * total or best.tag in _PARTS or best.tag in PARAGRAPH_TAGS:
            return node
        if _questions(best):
            return node
        if posts and (_post_beside(best, node, mass) or _one_of_marked_posts(best, mass)):
            return node
        node = best


QUESTIONS = frozenset({"faq", "faqs"})
"""Class or id tokens naming a block of questions and answers."""


def _questions(element: Element) -> bool:
    """Whether an element is named as a page's questions and answers (an FAQ section): a part of a page, never all
    of it, however much of its text the answers hold. A service page's blurbs, cards and calls to action are short
    and its FAQ's answers long, so the answers alone can outweigh the rest (Salesforce's CRM page, saying
    ``og:type`` article, kept its FAQ alone; a category page's region was its FAQ, not its directory of links).

    >>> from lxml.html import fragment_fromstring
    >>> _questions(fragment_fromstring("<section class='faq--blade'></section>"))
    True
    >>> _questions(fragment_fromstring("<section class='fake-quote'></section>"))
    False

    Every token is a lower-cased piece of the class or id, or pieces joined by '-': a value without 'faq' in it,
    lower-cased, has no such token, and most elements are answered without splitting their names into tokens.
    """
    named = class_and_id(element)
    return "faq" in named.lower() and not QUESTIONS.isdisjoint(element_tokens(element))


POST_CHARS = 100
"""Text (outside links) an element needs to be taken for a post: a sentence or two, more than a title or a byline."""


def _post_beside(best: Element, node: Element, mass: dict[Element, int]) -> bool:
    """Whether a block beside ``best`` is one more of the posts ``best`` lists (a thread's question or first post
    printed above the list of replies): its text sits mostly in an element of the same tag and class as elements
    that ``best`` repeats and that hold most of its text, a template found nowhere outside ``node`` (a layout's
    wrapper, such as a page builder's widget class, is used in the page's header and footer too).

    >>> from declutter.html.parsing import parse
    >>> post = ("<div class='body'><p>I tried every cable I own and the screen still stays black after a"
    ...         " restart. What else could it be? The fan spins.</p></div>")
    >>> page = parse(f"<body><div id=thread><div id=q>{post}</div><div id=a>{post * 6}</div></div></body>")
    >>> mass = survey(page.find("body")).mass
    >>> _post_beside(page.find(".//*[@id='a']"), page.find(".//*[@id='thread']"), mass)
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


def _after_its_twin(classic: Element, node: Element, mass: dict[Element, int]) -> bool:
    """Whether the best container, or an element holding it below ``node``, comes after a sibling of its tag and class
    value holding :data:`POST_CHARS` of text: a later post of a thread (a long answer in Discourse's
    ``div.topic-body.crawler-post``, the question above it in the same template), so the page's text begins before
    the container, in a twin of it, and is not the comments or teasers the container would leave out. The
    container's own template holding :data:`POST_CHARS` elsewhere under ``node``, outside it, is a twin too: a
    Stack Exchange question long enough to win over its one short answer, whose body (``div.s-prose``) sits in
    another branch below it (a twin nested inside the container is a page's unclosed card, not a post).

    >>> from declutter.html.parsing import parse
    >>> question = f"<div class=post><p>{'Grammar checks fail since the update. ' * 3}</p></div>"
    >>> answer = f"<div class=post id=a><p>{'It is not only you. ' * 30}</p></div>"
    >>> page = parse(f"<body><div id=t>{question}{answer}</div></body>")
    >>> _after_its_twin(page.find(".//*[@id='a']"), page.find(".//*[@id='t']"), survey(page.find("body")).mass)
    True
    """
    for element, held in _classed_holders(classic, node):
        for sibling in element.itersiblings(preceding=True):
            if sibling.tag == element.tag and sibling.get("class") == held and mass.get(sibling, 0) >= POST_CHARS:
                return True
    value = classic.get("class")
    if value:
        for twin in node.iter(classic.tag):
            if (
                twin is not classic
                and twin.get("class") == value
                and mass.get(twin, 0) >= POST_CHARS
                and not contains(classic, twin)
            ):
                return True
    return False


REPLIES = 3
"""Twins after a thread's first post, each holding :data:`POST_CHARS`, that make them its replies."""


def _before_its_replies(classic: Element, node: Element, mass: dict[Element, int]) -> bool:
    """Whether the best container, or an element holding it below ``node``, is followed by :data:`REPLIES` or more
    siblings of its tag whose class names are its own or some of them, each holding :data:`POST_CHARS`: a thread's
    first post above its replies, the first marked by more names (XenForo's ``message--threadStarterPost``,
    ``uix_threadAuthor``) than the replies printed in the same template. The container alone would keep the
    first post and drop the thread, on any page, one calling itself an article too (XenForo 1 says so).

    >>> from declutter.html.parsing import parse
    >>> first = f"<li class='message starter'><p>{'My router drops the line every night at two. ' * 12}</p></li>"
    >>> reply = ("<li class=message><p>Mine did that too until I turned off the scheduled reboot in the admin"
    ...          " page, under maintenance, last week.</p></li>")
    >>> page = parse(f"<body><ol id=t>{first}{reply * 3}</ol></body>")
    >>> mass = survey(page.find("body")).mass
    >>> _before_its_replies(page.find(".//li/p"), page.find(".//*[@id='t']"), mass)
    True
    >>> page = parse(f"<body><ol id=t>{first}{reply * 2}</ol></body>")
    >>> _before_its_replies(page.find(".//li/p"), page.find(".//*[@id='t']"), survey(page.find("body")).mass)
    False
    """
    for element, value in _classed_holders(classic, node):
        names = set(value.split())
        replies = 0
        for sibling in element.itersiblings():
            other = sibling.get("class")
            if (
                sibling.tag == element.tag
                and other
                and set(other.split()) <= names
                and mass.get(sibling, 0) >= POST_CHARS
            ):
                replies += 1
                if replies >= REPLIES:
                    return True
    return False


POSTING_TYPES = frozenset({"Comment", "Answer", "DiscussionForumPosting"})
"""schema.org types a forum engine marks each post with (``itemtype``): on WCXB dev, 54 threads of seven engines
mark posts so in one template (Discourse's crawler view and XenForo 2 each reply ``Comment``, Stack Exchange its
answers ``Answer``, vBulletin, NodeBB, Tapatalk). ``Question`` is left out: an FAQ marks its accordion items so
(11 service, product, article and listing pages)."""


def _marked_post(element: Element) -> bool:
    """Whether the element declares itself a post by schema.org microdata (its ``itemtype`` is a posting type)."""
    value = element.get("itemtype")
    return value is not None and value.rstrip("/").rsplit("/", 1)[-1] in POSTING_TYPES


def _one_of_marked_posts(element: Element, mass: dict[Element, int]) -> bool:
    """Whether ``element`` is one post of a thread by its markup: a sibling of its tag and class value holding text
    declares itself a post by microdata (:func:`_marked_post`), as the element itself may. A thread whose first
    post (or one long log pasted in a reply) holds most of the page's text is still the thread: the region walk
    stops above it and the best container does not win over the list, however short the other posts are (a
    Discourse thread's 'There aren't any developers here.' under a 1,300-character question). A page builder's
    sections are twins too, but none says it is a comment or an answer.

    >>> from declutter.html.parsing import parse
    >>> first = f"<div class=post id=p1><p>{'My build fails on the second step every time. ' * 10}</p></div>"
    >>> reply = "<div class=post itemscope itemtype='http://schema.org/Comment'><p>Clear the cache.</p></div>"
    >>> page = parse(f"<body><div id=t>{first}{reply}</div></body>")
    >>> _one_of_marked_posts(page.find(".//*[@id='p1']"), survey(page.find("body")).mass)
    True
    >>> page = parse(f"<body><div id=t>{first}{reply.replace('itemtype', 'data-type')}</div></body>")
    >>> _one_of_marked_posts(page.find(".//*[@id='p1']"), survey(page.find("body")).mass)
    False
    """
    value = element.get("class")
    if not value:
        return False
    for sibling in (*element.itersiblings(preceding=True), *element.itersiblings()):
        if (
            sibling.tag == element.tag
            and sibling.get("class") == value
            and mass.get(sibling, 0) > 0
            and (_marked_post(sibling) or _marked_post(element))
        ):
            return True
    return False


def _holders(classic: Element, node: Element) -> Iterator[Element]:
    """The best container and each element holding it below ``node``."""
    element: Element | None = classic
    while element is not node and element is not None:
        yield element
        element = element.getparent()


def _classed_holders(classic: Element, node: Element) -> Iterator[tuple[Element, str]]:
    """The best container and each element holding it below ``node``, with its class value, those that have one:
    where :func:`_after_its_twin` and :func:`_before_its_replies` look for the container's template among siblings."""
    for element in _holders(classic, node):
        value = element.get("class")
        if value:
            yield element, value


def repeated_templates(
    block: Element, size_of: Callable[[Element], int], total: int, *, min_count: int, min_size: int
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


def _templates(block: Element, mass: dict[Element, int]) -> set[tuple[str, str]]:
    """The (tag, class) pairs of elements of :data:`POST_CHARS` that a block repeats and that hold half its text."""
    return repeated_templates(
        block, lambda element: mass.get(element, 0), mass[block], min_count=2, min_size=POST_CHARS
    )


def _only_in(node: Element, tag: str, value: str) -> bool:
    """Whether every element of this tag and class on the page lies inside ``node``."""
    return class_counts(node, tag)[value] == class_counts(node.getroottree().getroot(), tag)[value]


def _banners(base: Element) -> list[Element]:
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
    banners: list[Element] = []
    for element in headers:  # in document order: a header inside another comes after it
        if next(element.iter("h1"), None) is None and not (banners and contains(banners[-1], element)):
            banners.append(element)
    if not any(not any(contains(banner, h1) for banner in banners) for h1 in base.iter("h1")):
        return []  # no headline outside them: nothing says which is the page's and which the site's
    return banners


def _set_apart(found: Survey, elements: list[Element]) -> Survey:
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


def _in_landmark(base: Element, node: Element) -> bool:
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
    Callable[[Element], list[Element]],
    etree.XPath(
        "descendant::header | descendant::footer | descendant::nav"
        " | descendant::*/@role[. = 'contentinfo' or . = 'banner' or . = 'navigation']/.."
    ),
)
"""Every element that may be a landmark (:func:`_landmark`), in document order, found by one XPath in C."""


def _landmarks(base: Element, container: Element) -> list[Element]:
    """The outermost landmarks under ``base`` (:func:`_landmark`) that neither hold ``container`` nor lie in it."""
    found: list[Element] = []
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


def widened(root: Element, container: Element) -> tuple[Element, tuple[str, ...]]:
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
