"""Structured data: the text a page gives machines (JSON-LD), used where its markup yields less.

Pages built by scripts often carry their article's whole text in JSON-LD (``articleBody``,
``reviewBody``) while the HTML holds a shell, and shops describe a product in JSON-LD that the
markup shows only in a tab the DOM stage may not keep. Both are the page's own words, so they
can stand in for, or complete, what the markup gave.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

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


def completed(
    items: Sequence[dict[str, object]], shapes: tuple[Shape, ...]
) -> tuple[tuple[Shape, ...], tuple[str, ...]]:
    """The shapes, replaced by the page's JSON-LD article body when the markup gave far less, or with the
    JSON-LD product description added when the markup left most of it out; with a note saying which."""
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
    return shapes, ()
