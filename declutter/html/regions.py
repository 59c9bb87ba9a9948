"""Finding the main content: semantic containers first, then paragraph scoring (Readability-style)."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from declutter.html.tree import (
    INLINE,
    NOT_PARAGRAPHS,
    PARAGRAPH_TAGS,
    SKIP,
    all_text,
    contains,
    content_mass,
    paragraph_chars,
    squeeze,
)

_CONTENT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:article|story|entry|post|blog|news)[_-]*(?:body|content|text|main)(?:$|[\s_-])"
    r"|(?:^|[\s_-])(?:articlebody|storybody|entrycontent|postcontent|article__body|body-copy|articleText)(?:$|\s)",
    re.IGNORECASE,
)
_NEGATIVE_HINT = re.compile(
    r"comment|sidebar|related|footer|promo|widget|share|social|newsletter|nav|menu", re.IGNORECASE
)


def _own_text(element: HtmlElement) -> tuple[str, list[tuple[HtmlElement, str]]]:
    """The text an element holds itself (its text, its inline children, the tails between children),
    not its block children's, and its inline children with their text (see :func:`_link_chars`).
    Text too short to score is not spaced out: it comes back empty."""
    parts = [element.text or ""]
    inline = []
    for child in element:
        if child.tag in INLINE:
            child_text = all_text(child)
            parts.append(child_text)
            inline.append((child, child_text))
        parts.append(child.tail or "")
    raw = "".join(parts)
    return (squeeze(raw) if len(raw) >= _SCORED_CHARS else ""), inline


def _link_chars(inline: list[tuple[HtmlElement, str]]) -> int:
    """How much of an element's own text is link text: its <a> children, and the links inside its other
    inline children."""
    return sum(
        len(text) if child.tag == "a" else sum(len(all_text(a)) for a in child.iter("a")) for child, text in inline
    )


_UNSCORED = SKIP | NOT_PARAGRAPHS
_SCORED_CHARS = 25
"""An element scores for the container choice when it holds this much text itself."""


_CONTENT_WORDS = ("body", "content", "text", "main")
"""Every match of :data:`_CONTENT_CLASS` holds one of these, in any case."""


def _content_class(value: str) -> bool:
    """Whether a class or id names the article body (:data:`_CONTENT_CLASS`), skipping the regex when the
    value holds none of the words every match needs."""
    if value.isascii() and not any(word in value.lower() for word in _CONTENT_WORDS):
        return False
    return bool(_CONTENT_CLASS.search(value))


def choose_container(root: HtmlElement) -> HtmlElement:
    """The element holding the article: semantic markup first, then paragraph scoring (Readability-style)."""
    body = root.find("body")
    base = body if body is not None else root
    scores: dict[HtmlElement, float] = {}
    semantic: list[HtmlElement] = []  # articleBody or a content class/id, then <article>, then <main>
    articles: list[HtmlElement] = []
    mains: list[HtmlElement] = []
    named: dict[str, bool] = {}  # a page repeats its class values: each is tested once per page

    def content(value: str | None) -> bool:
        if not value:
            return False
        found = named.get(value)
        if found is None:
            found = named[value] = _content_class(value)
        return found

    for element in base.iter(etree.Element):  # one pass: the semantic containers, and the scores
        tag = element.tag
        if content(element.get("class")) or content(element.get("id")) or element.get("itemprop") == "articleBody":
            semantic.append(element)
        if tag == "article":
            articles.append(element)
        elif tag == "main":
            mains.append(element)
        if tag in _UNSCORED:
            continue
        text, inline = _own_text(element)
        if len(text) < _SCORED_CHARS:
            continue
        score = (1 + text.count(",") + min(len(text) / 100, 3)) * (1 - min(1.0, _link_chars(inline) / len(text)))
        # A paragraph scores for its parent and half for its grandparent; text written straight into a
        # container (between <br> tags) scores for the container itself and half for its parent.
        first = element.getparent() if tag in PARAGRAPH_TAGS else element
        second = first.getparent() if first is not None else None
        for depth, node in enumerate((first, second)):
            if node is not None and isinstance(node.tag, str):
                scores[node] = scores.get(node, 0.0) + score / (1 + depth)
    best = max(scores, key=lambda n: scores[n], default=None)
    semantic += articles + mains
    if best is None:
        return semantic[0] if semantic else base
    best_length = paragraph_chars(best)
    for candidate in semantic:  # a semantic container wins if it holds most of the best candidate's text
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
    comments, teasers and asides.

    >>> from declutter.html.parsing import parse
    >>> posts = "".join(f"<div class=post><p>Reply {n}: I had the same problem, and restarting fixed it.</p></div>"
    ...                 for n in range(6))
    >>> page = parse(f"<body><div id=top><a href=/>Home</a></div><div id=thread>{posts}</div></body>")
    >>> find_content(page).get("id")
    'thread'
    """
    body = root.find("body")
    node = body if body is not None else root
    mass = content_mass(node, cards=not article)
    total = mass[node]
    while True:
        best = max((child for child in node if child in mass), key=mass.__getitem__, default=None)
        if best is None or mass[best] < REGION_SHARE * total:
            break
        node = best
    classic = choose_container(root)
    if contains(node, classic) and mass.get(classic, 0) >= TIGHT_SHARE * mass[node]:
        return classic
    return node
