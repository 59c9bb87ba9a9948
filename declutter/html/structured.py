"""Structured data: the text a page gives machines (JSON-LD, its description), used where its markup yields less.

Pages built by scripts often carry their article's whole text in JSON-LD (``articleBody``,
``reviewBody``) while the HTML holds a shell, and shops describe a product in JSON-LD that the
markup shows only in a tab the DOM stage may not keep. Both are the page's own words, so they
can stand in for, or complete, what the markup gave.

A shell with no JSON-LD body may still carry the opening of its text in its head: a forum served as a script
application (Discourse's, to a browser) shows a splash screen and a login form, and its description is the first
post's opening, cut off with an ellipsis. That excerpt stands in for a markup that shows fewer words than it
(:func:`excerpt_instead`): some of the page's text, said to be an excerpt, rather than none.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from declutter.html.metadata import as_list
from declutter.html.tree import squeeze
from declutter.structure import Shape, paragraph

BODY_KEYS = ("articleBody", "reviewBody")
"""JSON-LD keys holding an article's (or a review's) whole text."""
STANDS_IN = 2.0
"""A structured body replaces the markup's text when it has this many times its words (and 50 more)."""
DESCRIPTION_WORDS = 15
"""A product description this long, mostly missing from the text, is added to it."""

_TAG = re.compile(r"<[^>]+>")
_BREAKS = re.compile(r"<br\s*/?>|</p>|</li>|</h\d>|\n", re.IGNORECASE)
"""Where a JSON-LD text breaks into paragraphs. The white space around a break is left to each piece's squeeze:
written into the pattern (``\\s*`` before the break), it let no scan for ``<`` or a line break skip ahead, and the
pattern was tried at every character of an article body: :func:`paragraphs` of the 96 JSON-LD bodies and descriptions
of the WCXB dev and ScrapingHub pages took 12.0 ms, 5.7 ms without (same paragraphs)."""
_WORD = re.compile(r"\w+")

DESCRIPTIONS = ("description", "og:description", "twitter:description")
"""The <meta> keys of a page's description: for search results, for share cards, for one network's cards."""
EXCERPT_WORDS = 20
"""A cut description this long (a few sentences, not a title) may stand in for a shell's markup."""
EXCERPT_SHOWN = 200
"""Only a page showing fewer words than this is asked for its excerpt: a shell shows a splash screen and a login
form, some tens of words, and a page showing more has markup of its own, whose extraction the excerpt does not
second-guess (and most pages are spared the look)."""
SAME_TEXT = 0.8
"""A longer description holding this share of a cut one's words is the same excerpt, cut later."""
_CUT = re.compile(r"(?:…|\.\.\.)\]?$")
"""An ellipsis ending a description ('…', '...', WordPress's '[…]'): the text was cut from a longer one."""


def paragraphs(value: str) -> list[str]:
    """A JSON-LD text as paragraphs: split at line breaks and closing block tags, tags and entities gone.

    >>> paragraphs("<p>First &amp; foremost.</p><p>Second.</p>")
    ['First & foremost.', 'Second.']
    """
    pieces = (squeeze(html.unescape(_TAG.sub(" ", piece))) for piece in _BREAKS.split(value))
    return [piece for piece in pieces if piece]


def structured_body(items: Sequence[dict[str, object]]) -> str | None:
    """The longest ``articleBody`` or ``reviewBody`` among the page's JSON-LD items, if any."""
    bodies = [value for item in items for key in BODY_KEYS if isinstance(value := item.get(key), str)]
    return max(bodies, key=len, default=None)


def product_description(items: Sequence[dict[str, object]]) -> str | None:
    """The description of the page's JSON-LD product (the first item typed ``Product``)."""
    for item in items:
        if "Product" in as_list(item.get("@type")) and isinstance(description := item.get("description"), str):
            return description
    return None


def body_instead(items: Sequence[dict[str, object]], words: int) -> list[str] | None:
    """The structured body's paragraphs when it holds far more words than the markup gave (``words``).

    >>> body_instead([{"articleBody": "One two three. " * 40}], 10) is not None
    True
    >>> body_instead([{"articleBody": "One two three."}], 10) is None
    True
    """
    body = structured_body(items)
    if body is None:
        return None
    found = paragraphs(body)
    size = sum(len(p.split()) for p in found)
    return found if size > STANDS_IN * words + 50 else None


def missing_description(items: Sequence[dict[str, object]], text: str) -> list[str] | None:
    """The product description's paragraphs when most of its words are not in ``text``.

    >>> missing_description([{"@type": "Product", "description": "A kettle " * 10}], "Price: 20")
    ['A kettle A kettle A kettle A kettle A kettle A kettle A kettle A kettle A kettle A kettle']
    """
    description = product_description(items)
    if description is None:
        return None
    found = paragraphs(description)
    words = [w.lower() for p in found for w in _WORD.findall(p)]
    if len(words) < DESCRIPTION_WORDS:
        return None
    present = set(_WORD.findall(text.lower()))
    return found if sum(w in present for w in words) < 0.5 * len(words) else None


def page_excerpt(metas: Mapping[str, str]) -> list[str] | None:
    """The page's description as paragraphs when one of its descriptions ends with an ellipsis: an excerpt cut
    from the page's own text by its software, not a blurb written for search results ('Shop the rug. Free
    shipping!'), which may say what the page never does. Of the descriptions holding the cut one's words
    (:data:`SAME_TEXT`; the one for share cards is often the same excerpt, cut later or not at all), the
    longest is taken.

    >>> page_excerpt({"description": "I am new here and would like advice on a first tele&hellip;",
    ...               "og:description": "I am new here and would like advice on a first telescope.  Budget: $300."})
    ['I am new here and would like advice on a first telescope. Budget: $300.']
    >>> page_excerpt({"description": "Shop the Beatrice rug. Free shipping!"}) is None
    True
    """
    found = {metas[key]: html.unescape(metas[key]) for key in DESCRIPTIONS if key in metas}  # as written: as read
    cut = next((text for text in found.values() if _CUT.search(text.rstrip())), None)
    if cut is None:
        return None
    words = _WORD.findall(cut.lower())
    same = [raw for raw, text in found.items() if _share(words, set(_WORD.findall(text.lower()))) >= SAME_TEXT]
    return paragraphs(max(same, key=len))


def _share(words: list[str], known: set[str]) -> float:
    """The share of ``words`` that are ``known`` (1 for no words)."""
    return sum(word in known for word in words) / len(words) if words else 1.0


def excerpt_instead(metas: Mapping[str, str], words: int) -> list[str] | None:
    """The page's excerpt (:func:`page_excerpt`) when it has :data:`EXCERPT_WORDS` words or more and more words than
    the whole page shows (``words``): the text is not in the markup, which is a shell.

    >>> metas = {"og:description": "Howdy everyone. I am new to astronomy and would like advice on a telescope "
    ...          "that is beginner-friendly but powerful enough to see planets. My budget is around..."}
    >>> excerpt_instead(metas, 12) is not None, excerpt_instead(metas, 400)
    (True, None)
    """
    excerpt = page_excerpt(metas)
    if excerpt is None:
        return None
    size = sum(len(text.split()) for text in excerpt)
    return excerpt if size >= EXCERPT_WORDS and size > words else None


def completed(
    items: Sequence[dict[str, object]],
    shapes: tuple[Shape, ...],
    metas: Mapping[str, str] | None = None,
    shown: int | None = None,
) -> tuple[tuple[Shape, ...], tuple[str, ...]]:
    """The shapes, replaced by the page's JSON-LD article body when the markup gave far less, or with the
    JSON-LD product description added when the markup left most of it out, or replaced by the excerpt of its
    text in its description (``metas``) when the page shows fewer words (``shown``) than that excerpt; with a
    note saying which."""
    if structured_body(items) is not None:  # the markup's words are counted only then: most pages have none
        words = sum(len(shape.text.split()) for shape in shapes)
        body = body_instead(items, words)
        if body is not None:
            note = f"the page's markup held {words} words and its JSON-LD article body more: the article body is used"
            return tuple(paragraph(text) for text in body), (note,)
    if product_description(items) is not None:  # and its text joined only for a product's description
        description = missing_description(items, " ".join(shape.text for shape in shapes))
        if description is not None:
            note = "the page's JSON-LD product description, mostly missing from its markup, is added"
            return shapes + tuple(paragraph(text) for text in description), (note,)
    if metas is not None and shown is not None and shown < EXCERPT_SHOWN:
        excerpt = excerpt_instead(metas, shown)
        if excerpt is not None:
            note = (
                f"the page shows {shown} words, fewer than the excerpt of its text in its description: "
                "the excerpt is used (the page's text is not in its markup, which a script fills)"
            )
            return tuple(paragraph(text) for text in excerpt), (note,)
    return shapes, ()
