"""What spares an element a selector rule matches, beyond its guard (:mod:`.guards`): the tests a rule's
parameters ask of the element itself and the elements around it (``unless_*``: a card of a grid, a list the text
announces, links to other sites; ``min_links`` and ``in_page_links``: a link cluster), and an id that spells the
element's heading, that its heading's permalink leads to or, on a page in another language, that its contents lead
to (a section's anchor, not a widget's name). Each is asked only of the few elements a rule
matches, or counted once per walk."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from urllib.parse import unquote

from lxml import etree

from declutter.document import domain_matches, domain_of
from declutter.html.tree import (
    BLOCK_TAGS,
    HEADINGS,
    INLINE,
    Element,
    all_text,
    class_and_id,
    class_counts,
    class_template,
    squeeze,
)
from declutter.rules import Rule
from declutter.text import text_size

CARD_TWINS = 3
"""An element is a card when the page holds this many elements of its tag and class (itself counted): a grid's
cards repeat one template; two of a kind are a pair of boxes, not a grid."""
CARD_PART_LEVELS = 3
"""How far up from a match :meth:`CardTest.holds_as_part` looks for the card holding it."""
CARD_PART_WORDS = 60
"""A card holding a field says this many words at most (in English words): a name, a price, a rating, a line
about the item; a row of three promotions, each with its pitch and its button, says more."""


class CardTest:
    """Whether an element's parent is a card (:data:`CARD_TWINS`), each tag and class counted once per walk."""

    def __init__(self, root: Element) -> None:
        self._root = root.getroottree().getroot()
        self._counts: dict[str, Counter[str | None]] = {}

    def __call__(self, element: Element) -> bool:
        parent = element.getparent()
        return parent is not None and self.twin(parent)

    def twin(self, element: Element) -> bool:
        """Whether the element is one of a template's copies: a card, or a part every card holds (its blurb)."""
        value = element.get("class")
        if not value or not isinstance(element.tag, str):
            return False
        counts = self._counts.get(element.tag)
        if counts is None:
            counts = self._counts[element.tag] = class_counts(self._root, element.tag)
        return counts[value] >= CARD_TWINS

    def holds_as_part(self, element: Element) -> bool:
        """Whether the element is a field of a card: an ancestor up to :data:`CARD_PART_LEVELS` levels is a card
        (:meth:`twin`) that links somewhere and says more words than the element, :data:`CARD_PART_WORDS` at most.

        A shop or a directory names a card's own fields as an ad's: IKEA's price module (the product's name and
        price) 'commercial', a dress shop's price with its code 'price-promo', a trail's difficulty 'banner'. A box
        of its own (a promotion printed three times, each alone in its wrapper) is no card's field: the card says
        nothing beside it, and a wrapper of three promotions says more than a card. An element without words (an ad
        slot waiting for its script) is no field.

        >>> from declutter.html.parsing import parse
        >>> card = "<li class=card><a href=/p>Bookcase, white</a><div class=commercial>$79.00 Price</div></li>"
        >>> page = parse(f"<ul>{card * 3}</ul><div class=box><div class=promo>Spring sale on every chair</div></div>")
        >>> field, promo = page.find(".//div[@class='commercial']"), page.find(".//div[@class='promo']")
        >>> CardTest(page).holds_as_part(field), CardTest(page).holds_as_part(promo)
        (True, False)
        """
        text = all_text(element)
        pieces = text.split()
        if not pieces:
            return False
        words = text_size(text, len(pieces))
        for level, ancestor in enumerate(element.iterancestors()):
            if level == CARD_PART_LEVELS:
                return False
            if not self.twin(ancestor):
                continue
            held = all_text(ancestor)
            split = held.split(None, CARD_PART_WORDS)  # no further than the bound: the ancestor may be a page's part
            size = text_size(held, len(split)) if len(split) <= CARD_PART_WORDS else CARD_PART_WORDS + 1
            if words < size <= CARD_PART_WORDS and any(link.get("href") for link in ancestor.iter("a")):
                return True
        return False


def _in_page_links(root: Element) -> list[Element]:
    """The links to places in the page (:func:`_in_page`) at or below ``root``, in document order: lxml's walk in C
    stops at the <a>s only, their ``href`` read in Python (an XPath testing ``starts-with`` and ``string-length`` on
    every link cost a third more: 42 against 33 M instructions on 60 ScrapingHub pages).

    >>> from declutter.html.parsing import parse
    >>> [a.text for a in _in_page_links(parse("<a href='#a'>A</a><a href='#'>B</a><a href='/#c'>C</a><a>D</a>"))]
    ['A']
    """
    return [link for link in root.iter("a") if _in_page(link.get("href") or "")]


class InPageLinks:
    """How many links to places in the page (:func:`_in_page`) an element holds, counted for the whole walk
    from the page's few such links and their ancestors (:func:`_in_page_links`) when a rule counting them first asks.

    A rule with ``in_page_links`` (a table of contents) names every <div>, list and section: nearly all hold
    fewer than its ``min_links`` such links, which this says before the guard sums their paragraphs and
    :func:`link_cluster` reads their links.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<div id=toc><ul><li><a href='#a'>A</a></li><li><a href='#b'>B</a></li></ul></div>"
    ...              "<a href='/'>Home</a>")
    >>> in_page = InPageLinks(page)
    >>> in_page(page.find(".//*[@id='toc']")), in_page(page.find(".//li")), in_page(page.find("body/a"))
    (2, 1, 0)
    """

    def __init__(self, root: Element) -> None:
        self._root = root
        self._counts: Counter[Element] | None = None
        self._targets: frozenset[str] | None = None
        self._foreign: bool | None = None

    def __call__(self, element: Element) -> int:
        return self._counted()[element]

    def holding(self, links: int, tags: frozenset[str]) -> list[Element]:
        """The elements of ``tags`` holding ``links`` or more links to places in the page.

        >>> from declutter.html.parsing import parse
        >>> page = parse("<div id=toc><ul><li><a href='#a'>A</a></li><li><a href='#b'>B</a></li></ul></div>")
        >>> [e.tag for e in InPageLinks(page).holding(2, frozenset({"div", "ul", "li"}))]
        ['ul', 'div']
        """
        return [node for node, count in self._counted().items() if count >= links and node.tag in tags]

    def _counted(self) -> Counter[Element]:
        if self._counts is None:
            self._counts = Counter(
                node for link in _in_page_links(self._root) for node in (link, *link.iterancestors())
            )
        return self._counts

    @property
    def foreign(self) -> bool:
        """Whether the document declares a language other than English (its ``<html lang>``), read once per walk."""
        if self._foreign is None:
            language = (self._root.getroottree().getroot().get("lang") or "en").lower()
            self._foreign = not language.startswith("en")
        return self._foreign

    def targets(self) -> frozenset[str]:
        """The ids the page's in-page links lead to, read once per walk from the whole document: a table of
        contents outside the part walked still names the sections in it.

        >>> from declutter.html.parsing import parse
        >>> page = parse("<ul><li><a href='#respond-to-review-comments'>A</a></li><li><a href='#f%C3%BCr'>B</a></li>")
        >>> sorted(InPageLinks(page.find(".//ul")).targets())
        ['für', 'respond-to-review-comments']
        """
        if self._targets is None:
            links = _in_page_links(self._root.getroottree().getroot())
            self._targets = frozenset(unquote((link.get("href") or "")[1:]) for link in links)
        return self._targets


CARD_LINKS = 3
"""A block is a grid of cards when this many of its links, and half of them, wrap a block element."""


def card_grid(element: Element) -> bool:
    """Whether most of an element's links (:data:`CARD_LINKS` or more) are cards: links that wrap a block element
    (a card's title, picture box or blurb). A menu's or a tag list's links wrap their words only.

    >>> from declutter.html.parsing import parse
    >>> card = "<a href='/r/{n}'><div class='img'></div><div>Sheet pan dinner {n}</div></a>"
    >>> grid = parse("<div id=g>" + "".join(card.format(n=n) for n in range(4)) + "</div>").find(".//*[@id='g']")
    >>> menu = parse("<ul id=m><li><a href=/a>Home</a></li><li><a href=/b>News</a></li><li><a href=/c>Sport</a></li>"
    ...              "</ul>").find(".//*[@id='m']")
    >>> card_grid(grid), card_grid(menu)
    (True, False)
    """
    links = [link for link in element.iter("a") if all_text(link).strip()]
    cards = sum(1 for link in links if next(link.iterdescendants(*BLOCK_TAGS), None) is not None)
    return cards >= CARD_LINKS and cards >= 0.5 * len(links)


INTRODUCING = (":", "：")
"""A line ending so announces what follows it: an enumeration the sentence introduces."""

WRAPPER_CLIMB = 3
"""How many wrappers holding nothing else :func:`introduced` looks through for the sentence before a list."""


def introduced(element: Element) -> bool:
    """Whether the text printed right before an element ends with a colon (:data:`INTRODUCING`) and more text
    follows it beside it: a list the sentence before announces ('Here are some of the courses Google offers:')
    set inside the text, which goes on after it, is that text's enumeration, not a block of related links at
    its end.

    A list alone in its wrapper (Asciidoctor's ``div.ulist``, a table's scrolling box) is announced as its
    wrapper is: the sentence and the text after stand beside the wrapper, up to :data:`WRAPPER_CLIMB` levels
    up. Else the rule walking on into a spared wrapper took the very list the wrapper was spared for.

    >>> from declutter.html.parsing import parse
    >>> links = "<ul><li><a href=/a>Pro Git</a></li><li><a href=/b>Git guides</a></li></ul>"
    >>> page = parse(f"<div><p>Some resources for learning git:</p>{links}<p>Then practise.</p></div>")
    >>> introduced(page.find(".//ul"))
    True
    >>> page = parse(f"<div><p>Some resources for learning git:</p>{links}</div>")
    >>> introduced(page.find(".//ul"))
    False
    >>> page = parse(f"<div><p>Some resources for learning git:</p><div class=ulist>{links}</div><p>Then.</p></div>")
    >>> introduced(page.find(".//ul"))
    True
    """
    for _ in range(WRAPPER_CLIMB + 1):
        before = ""
        sibling = element.getprevious()
        while sibling is not None and not before:
            before = (sibling.tail or "").strip() or (all_text(sibling).strip() if isinstance(sibling.tag, str) else "")
            sibling = sibling.getprevious()
        parent = element.getparent()
        if not before and parent is not None:
            before = (parent.text or "").strip()
        if before and not before.endswith(INTRODUCING):
            return False
        after = bool((element.tail or "").strip()) or any(
            (sibling.tail or "").strip() or (isinstance(sibling.tag, str) and all_text(sibling).strip())
            for sibling in element.itersiblings()
        )
        if before or after or parent is None or parent.tag == "body":
            return bool(before) and after
        element = parent  # alone in its wrapper: the wrapper is what the text around announces
    return False


def one_of_posts(element: Element, tokens: frozenset[str], tokens_of: Callable[[str], frozenset[str]]) -> bool:
    """Whether a match is a post among posts, not a byline: it holds an element its rule matches (its own byline),
    and a sibling of its tag that shares a class name with it, which holds none of the rule's ``tokens``, is not
    matched by the rule but holds an element of the same tag and class names (digits aside) that the rule matches
    too (the next post with its byline, of one template).

    Forum software marks the posts of the topic's author with a class naming that role: bbPress gives each
    reply of the topic's author ``topic-author`` beside the classes every reply has (``reply``, ``hentry``,
    ``bbp-parent-topic-N``), so a byline rule's token 'author' took the author's own replies whole. The
    byline inside the post (``div.bbp-reply-author``) is still matched when the walk goes down into it. A
    byline or an author box is no such post: its siblings do not hold a byline of its own template (a layout's
    row of columns holding an author box beside a row holding a date line), and an element holding a byline
    beside unnamed siblings is the byline's box (``tokens_of`` is the walk's reading of a class/id value: the
    tokens some rule names).

    >>> from declutter.html.parsing import parse
    >>> from declutter.html.tree import class_tokens
    >>> post = "<div class='reply hentry{mark}'><div class=reply-author>{name}</div><p>{text}</p></div>"
    >>> page = parse("<div>" + post.format(mark="", name="tomh", text="Sow rye.")
    ...              + post.format(mark=" topic-author", name="marigold", text="Thanks, done.") + "</div>"
    ...              "<div><div class='row meta'><div class=post-author>Jo</div></div>"
    ...              "<div class=row><span class=post-date-meta>May 2</span></div></div>")
    >>> tokens = frozenset({"author", "meta"})
    >>> def read(raw): return tokens.intersection(class_tokens(raw))
    >>> one_of_posts(page.find(".//*[@class='reply hentry topic-author']"), tokens, read)
    True
    >>> one_of_posts(page.find(".//*[@class='row meta']"), tokens, read)
    False
    """
    parent = element.getparent()
    template = {name for name in (element.get("class") or "").split() if tokens.isdisjoint(tokens_of(name))}
    if parent is None or not template:
        return False
    bylines: set[tuple[str, frozenset[str]]] | None = None
    for sibling in parent:
        if sibling is element or sibling.tag != element.tag:
            continue
        if template.isdisjoint((sibling.get("class") or "").split()) or not tokens.isdisjoint(
            tokens_of(class_and_id(sibling))
        ):
            continue  # another template's block, or one the rule matches too
        if bylines is None:
            bylines = _named_inside(element, tokens, tokens_of)
            if not bylines:
                return False
        if not bylines.isdisjoint(_named_inside(sibling, tokens, tokens_of)):
            return True
    return False


def _named_inside(
    element: Element, tokens: frozenset[str], tokens_of: Callable[[str], frozenset[str]]
) -> set[tuple[str, frozenset[str]]]:
    """The tags and class names (less those with a digit) of the elements inside one whose class or id holds one of
    ``tokens``."""
    found: set[tuple[str, frozenset[str]]] = set()
    for inner in element.iterdescendants():
        named = isinstance(inner.tag, str) and (inner.get("class") or inner.get("id"))
        if named and not tokens.isdisjoint(tokens_of(class_and_id(inner))):
            found.add((inner.tag, class_template(inner)))
    return found


LIST_TAGS = frozenset({"ul", "ol", "dl"})
"""The lists a section of headings and lists is written with."""

SECTION_LEAD = 2
"""How many paragraphs may stand between a section's heading and its list (the topic's lead: 'This section covers
…')."""


def _heading_above(children: Sequence[Element], at: int) -> bool:
    """Whether ``children[at]`` follows a heading, at most :data:`SECTION_LEAD` paragraphs between."""
    for before in reversed(children[max(0, at - SECTION_LEAD - 1) : at]):
        if before.tag in HEADINGS:
            return True
        if before.tag != "p":
            return False
    return False


def sectioned(element: Element, sections: int) -> bool:
    """Whether a list is the body of one of ``sections`` or more sections set out as a heading followed by a list
    (a lead of up to :data:`SECTION_LEAD` paragraphs between), all siblings under one parent: a documentation page
    or a wiki's reading list written as topics, each heading over its links ('General Setup and Optimization' over
    'Tuning Your PostgreSQL Server', a tutorial index's '1. Data Preprocessing' over its lessons). A box of related
    links is one heading over one list; the sidebar's and the footer's columns each stand in a wrapper of their own.
    The block holding such sections is the text too, however many of its words are links (a wiki page of lists).

    >>> from declutter.html.parsing import parse
    >>> links = "<ul><li><a href=/a>One</a></li><li><a href=/b>Two</a></li></ul>"
    >>> page = parse(f"<div><h2>A</h2>{links}<h2>B</h2><p>Lead.</p>{links}<h2>C</h2>{links}</div>")
    >>> sectioned(page.find(".//ul"), 3), sectioned(page.find(".//ul"), 4), sectioned(page.find(".//div"), 3)
    (True, False, True)
    >>> page = parse(f"<div><p>Text.</p><h3>Related</h3>{links}</div>")
    >>> sectioned(page.find(".//ul"), 3)
    False
    """
    parent = element.getparent()
    if element.tag not in LIST_TAGS:
        return _pairs([child for child in element if isinstance(child.tag, str)]) >= sections  # the sections' holder
    if parent is None:
        return False
    children = [child for child in parent if isinstance(child.tag, str)]
    return _heading_above(children, children.index(element)) and _pairs(children) >= sections


def _pairs(children: Sequence[Element]) -> int:
    """How many of ``children`` are a list following a heading (:func:`_heading_above`)."""
    return sum(1 for n, child in enumerate(children) if child.tag in LIST_TAGS and _heading_above(children, n))


ASKING = ("?", "？", "؟")
"""What ends a question: the Latin and Greek mark, the full-width one (Chinese, Japanese), the Arabic one."""

QUESTION_WORDS = 25
"""A question heading an answer holds at most this many words (in English words: a compound counts as two): a
paragraph ending with a question is not one."""

ANSWER_WORDS = 8
"""An answer holds this many words at least (in English words, as :data:`QUESTION_WORDS`): a hidden 'min' beside
a card's heading ending with '?' is none."""

ANSWER_LEVELS = 3
"""How far up an answer looks for the text printed before it: an FAQ item wraps its panel ('item > panel > body')."""


def answers(element: Element) -> bool:
    """Whether an element is the answer to a question printed right before it, the two making an FAQ's item: the
    text before it (its nearest sibling holding text, else its parent's, up to :data:`ANSWER_LEVELS` levels) is a
    question of at most :data:`QUESTION_WORDS` words, ending with a question mark (:data:`ASKING`), the two are
    the only children holding text of their parent, and the element holds :data:`ANSWER_WORDS` words or more.

    An FAQ accordion shows its questions and hides each answer until the question is clicked. Its script often
    toggles a class on the item, no control names the panel, so the reader's opening it is not read from the
    markup (``unless_opened``): the question then stays and its answer went, an FAQ half printed. The item's
    pair is what tells it from a hidden dialog after a block ending with a question ('Forgot your password?' at
    the end of a sign-in box, then the hidden password box; a search box asking 'Looking for something?' before
    a hidden mobile menu): those stand among the page's other blocks.

    >>> from declutter.html.parsing import parse
    >>> item = "<div><h3>Is it waterproof?</h3><div style='display:none'><p>Yes, up to 30 metres.</p></div></div>"
    >>> answers(parse(item + "<p>More text.</p>").find(".//div/div"))
    False
    >>> answer = "<div style='display:none'><p>Yes, up to 30 metres for an hour, then dry it.</p></div>"
    >>> answers(parse(f"<div><h3>Is it waterproof?</h3>{answer}</div>").find(".//div/div"))
    True
    >>> answers(parse(f"<div><h3>Waterproofing</h3>{answer}</div>").find(".//div/div"))
    False
    >>> box = f"<div><p>New here?</p><h3>Is it waterproof?</h3>{answer}<p>Sign up.</p></div>"
    >>> answers(parse(box).find(".//div/div"))
    False
    """
    answer = all_text(element)
    words = len(answer.split())
    if words < ANSWER_WORDS and text_size(answer, words) < ANSWER_WORDS:  # in English words: a compound as two
        return False
    node: Element | None = element
    for _ in range(ANSWER_LEVELS):
        if node is None:
            return False
        sibling = node.getprevious()
        while sibling is not None:
            if isinstance(sibling.tag, str) and (asked := (question := all_text(sibling)).split()):
                return (
                    asked[-1].endswith(ASKING)
                    and len(asked) <= QUESTION_WORDS  # a compound counts as two: never fewer than the plain count
                    and text_size(question, len(asked)) <= QUESTION_WORDS
                    and _pair(node)
                )
            sibling = sibling.getprevious()
        node = node.getparent()
    return False


def _pair(element: Element) -> bool:
    """Whether ``element`` and the one before it are the only children of their parent holding text."""
    parent = element.getparent()
    return parent is not None and sum(isinstance(c.tag, str) and bool(all_text(c).strip()) for c in parent) == 2


PROSE_LINKS = 0.2
"""The most of a paragraph's words in links for :func:`holds_prose` to read it as the text's prose."""


def holds_prose(element: Element, words: int) -> bool:
    """Whether an element holds a paragraph of ``words`` words or more (a compound counted as two:
    :func:`~declutter.text.text_size`), under :data:`PROSE_LINKS` of them in links, outside a list item or a
    link: a section of the text whose lists are links (a progress report's patches, a mover's services under its
    write-up), not a box of related links, whose blurbs are a card's lines inside its link or item.

    >>> from declutter.html.parsing import parse
    >>> links = "<ul><li><a href=/a>Pro Git</a></li><li><a href=/b>Git guides</a></li></ul>"
    >>> prose = "<p>" + "The team sent many patches for review this month. " * 3 + "</p>"
    >>> holds_prose(parse(f"<div id=s><h2>Patches</h2>{prose}{links}</div>").find(".//*[@id='s']"), 25)
    True
    >>> blurb = "<li><a href=/c><p>" + "A story about the team and its many patches. " * 3 + "</p></a></li>"
    >>> holds_prose(parse(f"<div id=s><ul>{blurb}</ul>{links}</div>").find(".//*[@id='s']"), 25)
    False
    """
    for paragraph in element.iterdescendants("p"):
        if any(ancestor.tag in ("li", "a") for ancestor in _up_to(paragraph, element)):
            continue
        text = all_text(paragraph)
        size = len(_WORD.findall(text))
        if size < words and text_size(text, size) < words:  # in English words: a German compound counts as two
            continue
        linked = sum(len(_WORD.findall(all_text(link))) for link in paragraph.iter("a"))
        if linked <= PROSE_LINKS * size:
            return True
    return False


ANNOTATED_ITEMS = 3
"""Items holding a link a list needs before what its items say after their links can tell what kind of list it is."""

_LETTER = re.compile(r"[^\W\d_]")


def annotated(element: Element, words: int) -> bool:
    """Whether a list's items say what each of their links is: of its items holding a link (:data:`ANNOTATED_ITEMS`
    or more), half go on after their last link with ``words`` words or more holding a letter, outside links (in
    English words, :func:`~declutter.text.text_size`: 'bei der Verbraucherzentrale' is 'at the consumer centre'). A
    reading list's 'Tuning Your PostgreSQL Server by Greg Smith, Robert Treat, and Christopher Browne', a course
    list's 'CS107: C++ Programming via Saylor Academy', a catalogue's volume and its contents, a form's name and
    its issuer: a list of resources the text sets out, each told, not a list of other stories, whose items are
    their headlines with a stamp or a count beside them at most ('2 hours ago', '14 comments', '12. März 2024').

    >>> from declutter.html.parsing import parse
    >>> told = "".join(f"<li><a href=/{n}>Tuning guide {n}</a> by Greg Smith and Robert Treat</li>" for n in range(3))
    >>> annotated(parse(f"<ul>{told}</ul>").find(".//ul"), 3)
    True
    >>> stamped = "".join(f"<li><a href=/{n}>Storm hits coast {n}</a> <span>2 hours ago</span></li>" for n in range(3))
    >>> annotated(parse(f"<ul>{stamped}</ul>").find(".//ul"), 3)
    False
    """
    if element.tag not in ("ul", "ol"):
        return False
    linked = told = 0
    for item in element.iterchildren("li"):
        after: list[str] = []
        for piece, in_link in _pieces(item, False):
            if in_link:
                after = []
            elif piece:
                after.append(piece)
        if next(item.iter("a"), None) is None:
            continue
        linked += 1
        lettered = [word for word in " ".join(after).split() if _LETTER.search(word)]
        told += text_size(" ".join(lettered), len(lettered)) >= words  # in English words: a compound counts as two
    return linked >= ANNOTATED_ITEMS and told * 2 >= linked


def _pieces(node: Element, in_link: bool) -> list[tuple[str, bool]]:
    """The text of a node and its descendants in reading order, each piece with whether a link holds it (the node's
    own tail left out: it follows the node, outside it)."""
    in_link = in_link or node.tag == "a"
    pieces = [(node.text or "", in_link)]
    for child in node:
        if isinstance(child.tag, str):
            pieces += _pieces(child, in_link)
        pieces.append((child.tail or "", in_link))
    return pieces


def _up_to(element: Element, top: Element) -> list[Element]:
    """An element's ancestors below ``top``."""
    found = []
    for ancestor in element.iterancestors():
        if ancestor is top:
            break
        found.append(ancestor)
    return found


def leads_elsewhere(element: Element, site: str | None) -> bool:
    """Whether every link of an element leads to another site than ``site`` (nor a subdomain or parent of it).

    A crosslink leads to another story on the same site; a buying guide's or a reading list's item headed by a
    link names a shop's product or another site's page, which the list is about.

    >>> from declutter.html.parsing import parse
    >>> heading = parse("<h3><a href='https://www.fluke.com/t5'>Fluke T5-1000</a></h3>").find(".//h3")
    >>> leads_elsewhere(heading, "example.com"), leads_elsewhere(heading, "fluke.com")
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


HEADS_SHARE = 0.5
"""Share of a link's words (:data:`_NAME_WORD`) the block right after it repeats when the link heads that block."""

HEADS_WORDS = 30
"""Words (:func:`~declutter.text.text_size`) the block right after a link needs to be the text it heads: a teaser's
dek under its headline is shorter."""

_NAME_WORD = re.compile(r"[^\W\d_]{4,}")
"""A word of 4 letters or more: what a heading names ('Dataminr', 'acquires'), not its articles and prepositions."""


def heads_text(element: Element) -> bool:
    """Whether the block printed right after an element (:data:`HEADS_WORDS` words or more) repeats most of its
    words (:data:`HEADS_SHARE`): a link written as the heading of the text under it (a round-up's 'Twilio to
    acquire Stytch' over 'Twilio has entered into an agreement to acquire Stytch, …', a reading list's book over
    its review), not a crosslink between an article's paragraphs, whose story the text around it does not tell.

    >>> from declutter.html.parsing import parse
    >>> text = "<p>Twilio has entered into an agreement to acquire Stytch, an identity platform for developers and "
    >>> text += "AI agents, for an undisclosed sum, the company said on Monday in a filing with regulators.</p>"
    >>> page = parse(f"<div><p id=h><a href=/t>Twilio to acquire Stytch</a></p>{text}</div>")
    >>> heads_text(page.find(".//*[@id='h']"))
    True
    >>> page = parse(f"<div><p id=h><a href=/s>Storm closes the coast road</a></p>{text}</div>")
    >>> heads_text(page.find(".//*[@id='h']"))
    False
    """
    named = {word.casefold() for word in _NAME_WORD.findall(all_text(element))}
    if not named:
        return False
    following = next(element.itersiblings(etree.Element), None)  # elements only: a comment between them is skipped
    if following is None:
        return False
    text = all_text(following)
    if text_size(text, len(_WORD.findall(text))) < HEADS_WORDS:  # in English words: a German compound counts as two
        return False
    told = {word.casefold() for word in _NAME_WORD.findall(text)}
    return len(named & told) >= HEADS_SHARE * len(named)


_WORD = re.compile(r"[^\W_]+")


def names_its_heading(element: Element, raw_id: str) -> bool:
    """Whether an id spells the element's own heading ('interleaved-replies-in-email-discussions' on a
    section headed 'Use trimmed interleaved replies in email discussions'): a section's anchor, made from
    its title, says what the section is about, not that it is a widget.

    >>> from declutter.html.parsing import parse
    >>> section = parse("<section id='sharing-files-with-your-team'><h2>Sharing files with your team</h2></section>")
    >>> names_its_heading(section.find(".//section"), "sharing-files-with-your-team")
    True

    A documentation platform adds its own words after the slug ('sign-up-for-twilio-section-indexable' on a
    section headed 'Sign up for Twilio'): an id that opens with its heading's words, three or more in order, is
    that heading's anchor too.

    >>> section = parse("<section id='sign-up-for-twilio-section-indexable'><h2>Sign up for Twilio</h2></section>")
    >>> names_its_heading(section.find(".//section"), "sign-up-for-twilio-section-indexable")
    True

    A heading's own id may open with a prefix (WordPress anchors every heading 'h-' and its slug): on the heading
    itself, an id whose last words are the heading's, two or more, is its anchor ('h-tv-commercial' is no ad slot).

    >>> names_its_heading(parse("<h3 id='h-tv-commercial'>TV Commercial</h3>").find(".//h3"), "h-tv-commercial")
    True
    """
    words = _WORD.findall(raw_id.lower())
    if len(words) < 3:
        return False
    heading = next(element.iter("h1", "h2", "h3", "h4", "h5", "h6"), None)
    if heading is None:
        return False
    text = all_text(heading)
    if set(words) <= _slug_words(text):
        return True
    title = _WORD.findall(text.lower())
    if heading is element and len(title) >= 2 and _spells(words[-len(title) :], title):
        return True  # a heading's own anchor after a prefix: WordPress's 'h-tv-commercial' on 'TV Commercial'
    return len(title) >= 3 and _spells(words[: len(title)], title)


def permalinks_its_heading(element: Element) -> bool:
    """Whether the element is a heading, or opens with one (only empty anchors before it), that links to the element:
    to its own id or to an id the element holds up to that heading (the heading's own, or a marker above it).
    Documentation generators print such a permalink beside every section's heading (Sphinx's and MkDocs' '¶',
    Docusaurus' hash link), so a reader can link to the section: the element is a section of the text (a Flask page's
    section 'cookies', a Django page's 's-widgets', a Docusaurus heading classed 'anchorWithStickyNavbar'), whatever
    rule's token its id or class spells. A share bar, a cookie banner or a comment list does not link to itself.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<section id='cookies'><h3>Cookies<a href='#cookies'>¶</a></h3><p>Read them.</p></section>")
    >>> permalinks_its_heading(page.find(".//section"))
    True

    Django marks the anchor with empty spans above the heading and names the section after one of
    them ('s-' and the slug); the heading's link leads to another. Docusaurus puts the link in the heading that
    carries the id.

    >>> html = "<section id='s-widgets'><span id='widgets'></span><h4>Widgets<a href='#widgets'>¶</a></h4></section>"
    >>> permalinks_its_heading(parse(html).find(".//section"))
    True
    >>> heading = parse("<h3 id='option-1'>Option 1<a href='#option-1'>#</a></h3>").find(".//h3")
    >>> permalinks_its_heading(heading)
    True
    >>> html = "<div id='comments'><h3>3 comments</h3><p>Nice.</p><a href='#comments'>Top</a></div>"
    >>> permalinks_its_heading(parse(html).find(".//div"))
    False
    """
    held = [element]  # the element and its children up to its heading: the ids a permalink may name
    heading: Element = element
    if element.tag not in HEADINGS:
        for child in element.iterchildren(etree.Element):
            held.append(child)
            if child.tag in HEADINGS:
                heading = child
                break
            if any(piece.strip() for piece in child.itertext()):
                return False  # text before the heading: the element does not open with it
        else:
            return False
    targets = {href[1:] for link in heading.iter("a") if _in_page(href := link.get("href") or "")}
    return bool(targets) and any(inner.get("id") in targets for inner in held)


def linked_anchor(element: Element, raw_id: str, in_page: InPageLinks) -> bool:
    """Whether, on a page declared in a language other than English, an id of three words or more on an element
    holding a heading is a place the page's links lead to (a table of contents): a section's anchor, whatever its
    heading says. Translated documentation keeps the English source's anchors over headings in the reader's
    language ('respond-to-review-comments' over 'Auf Review-Kommentare antworten'), which
    :func:`names_its_heading` cannot read. An English page's anchors spell its headings; its other linked ids
    (a listing's filter jumping to its 'Best of the Best: Social Impact' row) stay the rules' to judge.

    >>> from declutter.html.parsing import parse
    >>> html = ("<html lang={}><a href='#respond-to-review-comments'>Auf Kommentare antworten</a>"
    ...         "<section id='respond-to-review-comments'><h2>Auf Review-Kommentare antworten</h2></section>"
    ...         "<section id='comments-section-wrapper'><h2>Kommentare</h2></section></html>")
    >>> page = parse(html.format("de"))
    >>> [linked_anchor(section, section.get("id"), InPageLinks(page)) for section in page.iter("section")]
    [True, False]
    >>> page = parse(html.format("en"))
    >>> [linked_anchor(section, section.get("id"), InPageLinks(page)) for section in page.iter("section")]
    [False, False]
    """
    if not in_page.foreign or len(_WORD.findall(raw_id)) < 3:
        return False
    return next(element.iter("h1", "h2", "h3", "h4", "h5", "h6"), None) is not None and raw_id in in_page.targets()


_SPELLED = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "oe", "œ": "oe", "ł": "l"})


def _slug_words(text: str) -> set[str]:
    """The words of a heading as a slug may spell them: as written, without accents ('fur', 'elements'), and
    transliterated ('fuer', 'strasse'): a CMS turns 'Social Media für Vereine' into 'social-media-fur-vereine'
    or 'social-media-fuer-vereine', and an id that spells its heading in either way is an anchor.

    >>> sorted(_slug_words("Für Straßen"))
    ['fuer', 'fur', 'für', 'strassen', 'straßen']
    """
    return {spelled for word in _WORD.findall(text.lower()) for spelled in _spellings(word)}


def _spellings(word: str) -> tuple[str, ...]:
    """A lower-case word as a slug may spell it (:func:`_slug_words`).

    >>> _spellings("für"), _spellings("stratégie")[-1], _spellings("social")
    (('für', 'fuer', 'fur'), 'strategie', ('social',))
    """
    if word.isascii():
        return (word,)
    bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return word, word.translate(_SPELLED), bare.replace("ß", "ss").replace("ł", "l")


def _spells(slug: list[str], title: list[str]) -> bool:
    """Whether an id's words spell a heading's, word for word in order, each as a slug may spell it: WordPress
    anchors 'Social Media für Vereine' 'h-social-media-fur-vereine', a French 'Stratégie de partage social'
    'h-strategie-de-partage-social'.

    >>> _spells(["social", "media", "fur", "vereine"], ["social", "media", "für", "vereine"])
    True
    >>> _spells(["social", "media", "fur"], ["social", "media", "für", "vereine"])
    False
    """
    return len(slug) == len(title) and all(word in _spellings(head) for word, head in zip(slug, title, strict=True))


def link_cluster(element: Element, rule: Rule) -> float | None:
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


def stands_alone(element: Element, max_words: int) -> bool:
    """Whether an element (a link styled as a button) stands on a line of its own with at most ``max_words`` words
    (0: any): no text beside it in the inline run that holds it, only other links ('Get started  Book a demo').

    >>> from declutter.html.parsing import parse
    >>> page = parse("<div><p>Plans for teams.</p><div><span><a class=btn href=/d>Book a demo</a></span></div></div>")
    >>> stands_alone(page.find(".//a"), 6)
    True
    >>> stands_alone(parse("<p>Read <a class=btn href=/d>our guide</a> first.</p>").find(".//a"), 6)
    False
    """
    if max_words and len(all_text(element).split()) > max_words:
        return False
    node = element
    while True:
        parent = node.getparent()
        if parent is None:
            return True
        if (parent.text or "").strip() or any((child.tail or "").strip() for child in parent):
            return False
        for sibling in parent:
            if sibling is node or not isinstance(sibling.tag, str) or sibling.tag == "a":
                continue
            if sibling.tag in INLINE and all_text(sibling).strip():
                return False
        if parent.tag not in INLINE:
            return True
        node = parent


def titles(element: Element, tags: Sequence[str]) -> bool:
    """Whether an element sits right beside an element of ``tags`` or one holding them, its nearest element sibling
    before or after it: a code listing's or a table's caption ('Listing 4-1: A variable and its scope' in a
    ``<figcaption>`` under the ``<pre>``, Sphinx's file name over a code block), which titles that listing and is
    part of a text, not a photo's credit.

    >>> from declutter.html.parsing import parse
    >>> page = parse("<figure><pre>let s = 1;</pre><figcaption>Listing 4-1: A scope</figcaption></figure>"
    ...              "<figure><img src=a.jpg><figcaption>The mayor. (AP)</figcaption></figure>")
    >>> [titles(caption, ("table", "pre")) for caption in page.iter("figcaption")]
    [True, False]
    """
    # the nearest elements, a comment between them skipped
    before = next(element.itersiblings(etree.Element, preceding=True), None)
    after = next(element.itersiblings(etree.Element), None)
    return any(
        sibling is not None and (sibling.tag in tags or next(sibling.iterdescendants(*tags), None) is not None)
        for sibling in (before, after)
    )
