"""Blocks left out before the content is chosen: later copies of the text, twins printed once per screen size,
and a product page's grids of other products, so nothing is weighed twice nor the product outweighed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any, cast

from lxml import etree

from declutter.html.tree import (
    Element,
    all_text,
    contains,
)
from declutter.text import text_size

COPY_PARAGRAPHS = 3
"""A block is a later copy of the page's text when it holds this many paragraphs, each printed earlier."""
COPY_WORDS = 12
"""Paragraphs shorter than this (in words) are not compared: short lines repeat on any page."""
COPY_MIN_WORDS = 100
"""A copy repeats this many words at least: a pricing plan repeating three features of the one before is not one."""


def later_copies(base: Element) -> list[Element]:
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
    compared: list[tuple[Element, int, bool]] = []  # paragraph, words, printed before
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
    counts: dict[Element, list[int]] = {}  # element -> [paragraphs, copied paragraphs, copied words]
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


def _quoted(element: Element, common: Element) -> bool:
    """Whether ``element`` sits in a quote (a ``<blockquote>``, an element whose class names a quote: XenForo's
    ``bbCodeBlock--quote``, Invision's ``ipsQuote``, phpBB's ``quotecontent``) that does not also hold ``common``,
    the block it copies: a reply quoting an earlier post.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div><p id=post>Hi</p></div><div><blockquote><p id=q>Hi</p></blockquote></div></body>")
    >>> body = page.find("body")
    >>> _quoted(page.find(".//*[@id='q']"), body), _quoted(page.find(".//*[@id='post']"), body)
    (True, False)
    """
    for holder in (element, *element.iterancestors()):
        if holder is common:
            return False
        if holder.tag == "blockquote" or "quote" in (holder.get("class") or "").lower():
            return True
    return False


_TEXT_NODES = cast(Callable[[Element], list[Any]], etree.XPath("descendant::text()[normalize-space()]"))
"""The text nodes as lxml's smart strings, which know their parent: one query serves the page's count of repeated
words and, on the pages with enough of them, the walk up to their owners (a first query of plain strings for the
count and a second for the walk cost 12% more on ScrapingHub)."""


def _made_of_repeated_text(base: Element, words: int) -> list[Element]:
    """The elements under ``base`` whose every piece of text (text node) is printed somewhere else on the page too,
    in document order: only these can be twins.

    Found from the text nodes in one pass, so that :func:`later_twins` reads the whole text only of these
    (most pages: a few menus and labels), not of every element, and walks only these, not every element of the page
    to find them. The text nodes come in document order and an element is noted at its first text node with its
    ancestors outermost first, so the order they are noted in is the document's.
    """
    nodes = _TEXT_NODES(base)
    keys = [" ".join(text.split()) for text in nodes]
    counts = Counter(keys)
    again = {key: count - 1 for key, count in counts.items() if count > 1 and key}
    plain = sum(len(key.split()) * more for key, more in again.items())
    if plain < words and (  # in English words, as later_twins counts a twin's: a compound counts as two
        2 * plain < words or sum(text_size(key, len(key.split())) * more for key, more in again.items()) < words
    ):
        return []  # fewer repeated words than one twin holds (most pages once their chrome is gone)
    repeated: dict[Element, None] = {}  # insertion-ordered: the document's order
    unique: set[Element] = set()
    for node, key in zip(nodes, keys, strict=True):
        if not key:
            continue
        owner = node.getparent()
        if node.is_tail:
            owner = owner.getparent()
        if counts[key] == 1:
            while owner is not base and owner not in unique:
                unique.add(owner)
                owner = owner.getparent()
            continue
        chain = []
        while owner is not base and owner not in repeated:
            chain.append(owner)
            owner = owner.getparent()
        repeated.update(dict.fromkeys(reversed(chain)))
    return [element for element in repeated if element not in unique]


def later_twins(base: Element, *, product: bool = False) -> list[Element]:
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
    if not candidates:  # most pages
        return []
    first: dict[str, Element] = {}
    twins: list[Element] = []
    for element in candidates:
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


DECOY = re.compile(r"\s*[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\s*")
"""A machine id set as text (a UUID): never reader text."""
DECOY_RUN = 3
"""A block prints a label as decoys when this many of its children's whole text is a machine id."""


def decoys(root: Element) -> list[Element]:
    """The blocks a shop spells a label in among decoys: children whose whole text is a UUID (:data:`DECOY`),
    :data:`DECOY_RUN` or more of them beside single letters that a style sheet shows ('S', 'p', 'o', 'n', …
    for 'Sponsored', the rest hidden), so a scraper reads them as text. No reader sees the ids: a card holding
    them is 120 words longer and no longer reads as a card.

    >>> from declutter.html.parsing import parse
    >>> ids = "".join(f"<span>S</span><span>{n}aea247-2e76-4905-9b83-15a5a5664cfa</span>" for n in range(10, 13))
    >>> page = parse(f"<body><h1>Clutch kit</h1><div id=label>{ids}</div><p>EUR 355.58</p></body>")
    >>> [block.get("id") for block in decoys(page)]
    ['label']
    """
    counts: Counter[Element] = Counter()
    for element in root.iter("span", "div"):
        text = element.text
        if (
            text
            and len(text) >= 36
            and not len(element)
            and DECOY.fullmatch(text)
            and (parent := element.getparent()) is not None
        ):
            counts[parent] += 1
    return [block for block, count in counts.items() if count >= DECOY_RUN]


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


def other_products(root: Element) -> list[Element]:
    """The grids of other products a product page prints after its headline and its own price: 'Similar items',
    'Customers also viewed', a brand's other jackets. Each is the outermost element after the `<h1>` whose children
    are :data:`SHELF_CARDS` or more of one tag and class that each hold a link and a price (:data:`PRICE`),
    hold most of its text (:data:`SHELF_SHARE`), and print a price every :data:`SHELF_WORDS_PER_PRICE` words
    or fewer.

    Only grids after a price that no such grid holds: the product's own, in its buy box under its name. A
    category or a 'Buy' page calling itself a product prints its grid right under its title, and that grid is
    its content. Once that price is found, the grids above the headline go too: a marketplace prints 'People who
    viewed this item also viewed' above the item's name, and a category's grid never stands over its title. Below
    such a grid the item's price may come before its name in the document (eBay's buy box): a price there counts,
    one above the title of a page with no grid over it ('Free delivery over $50') does not.

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
    above = set(h1.iterancestors())
    before: list[Element] = []  # grids above the headline: the product's own price below it makes them others'
    grids: list[Element] = []
    after = priced = False
    for element in root.iter():
        if element is h1:
            after = True
            continue
        if not isinstance(element.tag, str):
            continue
        if not after:
            if (
                len(element) >= SHELF_CARDS
                and element not in above
                and not (before and contains(before[-1], element))
                and _shelf(element)
            ):
                before.append(element)
            elif before and not priced and not contains(before[-1], element):  # the item's price under them
                priced = any(PRICE.search(text) for text in (element.text, element.tail) if text)
            continue
        if grids and contains(grids[-1], element):
            continue
        if not priced:  # the product's own price: before it, a grid is the page's
            priced = any(PRICE.search(text) for text in (element.text, element.tail) if text)
        elif len(element) >= SHELF_CARDS and _shelf(element):
            grids.append(element)
    return before + grids if priced else grids


def _shelf(element: Element) -> bool:
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
