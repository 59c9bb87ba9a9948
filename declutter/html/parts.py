"""The blocks beside the chosen container that are more of the content: an intro or first post printed before it,
the document's next sections after it, a category's introduction by its headline, a blog's grid of posts."""

from __future__ import annotations

from declutter.html.blocks import blocks_of
from declutter.html.regions import (
    CONTROLS,
    LANDMARK_ROLES,
    NOT_CARDS,
    find_content,
    is_apart,
    named_negative,
    repeated_templates,
)
from declutter.html.tree import (
    SKIP,
    Element,
    all_text,
    contains,
    squeeze,
    text_chars,
)
from declutter.text import text_size

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


def content_parts(root: Element, *, article: bool = False) -> tuple[Element, ...]:
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
    held: list[Element] = []  # headings, lists and tables, taken when prose comes before them
    printed = ""  # the container's text, read once a block is found before it
    while (block := _block_before(held[0] if held else parts[0])) is not None:
        printed = printed or squeeze(all_text(parts[-1]))
        if _opens(block) and squeeze(all_text(block)) not in printed:  # not a copy of its lines (a pull quote)
            parts[:0] = [block, *held]
            held = []
        elif block.tag in _TEXT_PARTS and not is_apart(block) and not _cards(block):
            held.insert(0, block)
        else:
            break
    return (*held, *parts) if len(parts) > 1 else tuple(parts)


_SECTIONS = frozenset({"section", "div", "article"})
"""The tags of a document's sections: a container of these is followed by its twins when the document goes on."""


def sections_after(container: Element) -> tuple[Element, ...]:
    """The blocks printed right after the container that go on with its document: each a twin of the one before
    (:func:`_twin_after`, the same tag and class) that reads as prose (:func:`_opens`). A reference page's
    sections are siblings of one template; the container chosen for holding most of the text ('Available
    middleware') leaves out the shorter section after it ('Middleware ordering'), which no comment, teaser or
    sidebar shares a template with.

    >>> from declutter.html.parsing import parse
    >>> prose = "<p>" + "Put the cache middleware first, so that it sees every response the others make. " * 2 + "</p>"
    >>> page = parse(f"<body><div><section id=a>{prose * 9}</section><section id=b>{prose}</section>"
    ...              f"<aside>{prose}</aside></div></body>")
    >>> [section.get("id") for section in sections_after(page.find(".//*[@id='a']"))]
    ['b']
    """
    found: list[Element] = []
    element = container
    while (block := _twin_after(element)) is not None and _opens(block):
        found.append(block)
        element = block
    return tuple(found)


def _block_after(element: Element) -> Element | None:
    """The next sibling of ``element`` with text, none when text lies loose between them or no sibling has text."""
    if (element.tail or "").strip():
        return None
    for sibling in element.itersiblings():
        if isinstance(sibling.tag, str) and sibling.tag not in SKIP and all_text(sibling).strip():
            return sibling
        if (sibling.tail or "").strip():
            return None
    return None


def _twin_after(element: Element) -> Element | None:
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


def _block_before(element: Element) -> Element | None:
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


def _opens(block: Element) -> bool:
    """Whether a block reads as the opening of an article: prose (a paragraph of :data:`LEAD_PARAGRAPH`
    characters), not plainly apart from it (:func:`is_apart`: a header, menu or form, links), not the block holding
    the page's headline (its byline and dek go with it), not named as chrome, not marked ``data-nosnippet`` (a
    site's own words about the page: an author's bio, a notice) and not a row of cards (:func:`_cards`)."""
    if block.tag == "h1" or is_apart(block) or next(block.iter("h1"), None) is not None:
        return False
    if named_negative(block):
        return False
    if block.get("data-nosnippet") is not None or next(block.iterfind(".//*[@data-nosnippet]"), None) is not None:
        return False
    if _cards(block):
        return False
    return any(shape.kind == "paragraph" and len(shape.text) >= LEAD_PARAGRAPH for shape in blocks_of(block))


def _cards(block: Element) -> bool:
    """Whether most of a block's text sits in :data:`LEAD_CARDS` or more elements of one tag and class: a row of
    testimonials, teasers or customers, not an article's opening.

    >>> from lxml.html import fragment_fromstring
    >>> quote = "<div class=quote>Great service, the parcel came in two days and well packed.</div>"
    >>> _cards(fragment_fromstring(f"<div>{quote * 3}</div>")), _cards(fragment_fromstring(f"<div>{quote * 2}</div>"))
    (True, False)
    """
    return bool(repeated_templates(block, text_chars, text_chars(block), min_count=LEAD_CARDS, min_size=1))


HEADLINE_CLIMB = 3
"""How many elements above the headline the block it heads is looked for: a listing's header or banner, holding the
title and the lines that introduce the cards (a climb of 2 or 4 moved two pages either way on WCXB dev)."""
INTRO_WORDS = 8
"""A paragraph of this many words under the headline introduces the page: a sentence, not a label or a count."""
ARTICLE_INTRO_WORDS = 40
"""On an article, a paragraph under the headline is taken from this many words: an introduction of two or three
sentences, which the references keep. A one-sentence standfirst (a dek of 8 to 35 words) they part on: at 8 words
WCXB dev's articles moved 23 pages up and 45 down (news deks the WCXB references leave out) and ScrapingHub's
precision fell on 14 pages; at 20 words 12 up and 23 down, at 30 words 7 up and 9 down, at 40 words 6 up and 3
down (a 63-word editorial note, two deks of 40 and 43 words) and ScrapingHub none down."""


def headline_intro(root: Element, container: Element, *, min_words: int = INTRO_WORDS) -> tuple[Element, ...]:
    """The paragraphs printed after the page's headline in the block it heads, when the content found comes after
    that block and leaves it out: a category's or a listing's introduction set in its banner beside the title ('Metal,
    RFID-blocking wallets designed to carry cards and cash safely and securely.'), above a grid of cards the region
    finder chose for its mass; an article's introduction in its hero beside the title, above a body found below it
    (with ``min_words`` at :data:`ARTICLE_INTRO_WORDS`: not its one-sentence dek). Paragraphs of ``min_words`` words
    or more, not mostly links, not printed again in the container (a teaser of its first lines); the block is the
    headline's highest ancestor, up to :data:`HEADLINE_CLIMB` levels, that does not hold the container.

    >>> from declutter.html.parsing import parse
    >>> cards = "".join(f"<li class=card><a href=/w/{n}>Wallet {n}</a> $95</li>" for n in range(6))
    >>> page = parse("<body><div class=banner><h1>Wallets</h1><p>Slim metal wallets that carry cards and cash"
    ...              " safely.</p><p><a href=/sale>Shop the sale</a></p></div><ul id=grid>" + cards + "</ul></body>")
    >>> [squeeze(all_text(p)) for p in headline_intro(page, page.find(".//*[@id='grid']"))]
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
        if text_size(text, len(text.split())) >= min_words and links < 0.5 * len(text):  # a compound as two
            printed = squeeze(all_text(container)) if printed is None else printed
            if text not in printed:
                found.append(node)
    return tuple(found)


def _precedes(first: Element, second: Element) -> bool:
    """Whether ``first`` comes before ``second`` in document order, neither holding the other: their branches'
    places under their nearest common ancestor, read from their ancestors (not a walk of the page before them).

    >>> from declutter.html.parsing import parse
    >>> page = parse("<body><div><h1 id=t>Wallets</h1></div><ul id=g><li>Slim wallet</li></ul></body>")
    >>> _precedes(page.find(".//*[@id='t']"), page.find(".//*[@id='g']"))
    True
    >>> _precedes(page.find(".//*[@id='g']"), page.find(".//*[@id='t']"))
    False
    """
    branches: dict[Element, Element] = {}  # each ancestor of second: its child on the way down to second
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


def posts_after(container: Element) -> Element | None:
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
    >>> posts_after(page.find(".//*[@id='intro']")).get("id")
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


def _grid_of_posts(block: Element) -> bool:
    """Whether a block is a grid of posts: not a landmark, a form or named as chrome (related posts, a sidebar), and
    most of its text in :data:`POSTS_CARDS` or more elements of one tag and class that each carry a linked heading
    (:func:`_titled`: a post's title)."""
    if block.tag in NOT_CARDS or block.tag in ("header", "footer") or block.get("role") in LANDMARK_ROLES:
        return False
    if next(block.iter(*CONTROLS), None) is not None:
        return False
    if named_negative(block):
        return False
    for tag, value in repeated_templates(block, text_chars, text_chars(block), min_count=POSTS_CARDS, min_size=1):
        cards = [element for element in block.iter(tag) if element.get("class") == value]
        if all(_titled(card) for card in cards):
            return True
    return False


_TITLES = ("h2", "h3", "h4")


def _titled(card: Element) -> bool:
    """Whether a card is or holds a post's title: a heading holding a link."""
    headings = [card] if card.tag in _TITLES else card.iter(*_TITLES)
    return any(next(heading.iter("a"), None) is not None for heading in headings)
