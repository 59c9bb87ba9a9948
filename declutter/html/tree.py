"""Element helpers every HTML stage shares: text of a subtree, addresses, class/id tokens, removal."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TypeAlias, TypeVar

from lxml import etree

from declutter.text import CACHED_LINE

_Key = TypeVar("_Key")
_Value = TypeVar("_Value")

Element: TypeAlias = etree._Element
"""An element of the trees :func:`~declutter.html.parsing.parse` makes: lxml's own proxy, made and freed in C.
lxml.html's ``HtmlElement`` is a Python subclass of it, slower to make and to free (every element a walk reaches gets
a proxy: 1.2% of the instructions on ScrapingHub's pages), whose extra methods the stage replaces (``drop_tag``:
:func:`drop_tag`; ``text_content``: :func:`all_text`). Its proxies take no weak references."""

MAX_DEPTH = 400
"""Deeper element nesting than this is flattened: text below it is kept, structure is not."""


BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "tr",
        "figcaption",
        "caption",
        "address",
        "summary",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "td",
        "th",
        "figure",
        "aside",
        "nav",
        "details",
        "center",
        "hr",
        "br",
    }
)
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link"})


_TOKEN_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def describe(element: Element) -> str:
    """A short address like readability's ``describe``: ``div#main.share-bar``."""
    tag = element.tag if isinstance(element.tag, str) else "node"
    ident = element.get("id")
    classes = (element.get("class") or "").split(None, 2)[:2]  # a page's body may hold a hundred class names
    return tag + (f"#{ident}" if ident else "") + ("." + ".".join(classes) if classes else "")


def path_of(element: Element) -> str:
    """The element and up to three of its ancestors, outermost first: ``body>div#main>aside.related``."""
    return Paths().of(element)


class Paths:
    """:func:`path_of` for the elements one walk removes, each parent's part of the path made once: removed
    siblings share it (two ancestors in three of the removed elements on ScrapingHub's pages are shared).

    >>> from lxml.html import fromstring
    >>> page = fromstring("<div id=main><ul class='share bar'><li>Mail</li><li>Print</li></ul></div>")
    >>> paths = Paths()
    >>> [paths.of(item) for item in page.iter("li")]
    ['body>div#main>ul.share.bar>li', 'body>div#main>ul.share.bar>li']
    """

    def __init__(self) -> None:
        self._above: dict[Element, str] = {}

    def of(self, element: Element, described: str | None = None) -> str:
        """The element's path; ``described`` is its :func:`describe`, when the caller has it already."""
        if described is None:
            described = describe(element)
        parent = element.getparent()
        if parent is None:
            return described
        above = self._above.get(parent)
        if above is None:
            parts: list[str] = []
            node: Element | None = parent
            while node is not None and len(parts) < 3:
                parts.append(describe(node))
                node = node.getparent()
            above = self._above[parent] = ">".join(reversed(parts)) + ">"
        return above + described


def squeeze(text: str) -> str:
    """Runs of white space as one space, none at the ends (what ``re.sub(r"\\s+", " ", text).strip()``
    gives: both use Unicode's white space, and splitting is several times faster).

    A printable text's only white space is the space (every other white space character is a control or a
    separator): without two in a row or one at an end it is squeezed already, and is returned as it is instead of
    split into words and joined again (half of the texts the HTML stage squeezes: labels, links, one-line blocks).

    A page squeezes the same texts more than once (the survey of its regions reads each element's own text, the
    walk that makes its blocks a paragraph's, the chrome stage a link cluster's, and the extraction walks a
    container again), and both the test and the split walk every character (some 70 instructions a character):
    a text of more than 32 characters is answered once (:func:`_squeezed`), as :data:`~declutter.text.CACHED_LINE`
    allows, and the last 16 texts of up to 50,000 characters apart (a section's text, squeezed by two walks).

    >>> squeeze("Read  the\\n report "), squeeze("Read the report"), squeeze("10\\xa0km")
    ('Read the report', 'Read the report', '10 km')
    """
    size = len(text)
    if size <= 32:
        return _squeeze(text)
    if size <= CACHED_LINE:
        return _squeezed(text)
    return _squeezed_long(text) if size <= 50_000 else _squeeze(text)


def _squeeze(text: str) -> str:
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


_squeezed = lru_cache(maxsize=4096)(_squeeze)
_squeezed_long = lru_cache(maxsize=16)(_squeeze)


def all_text(element: Element) -> str:
    """All the text of an element's subtree (what ``text_content()`` gives): an element without children
    holds only its ``.text``, read without the cost of a call into C; others are joined in C by libxml2's text
    serializer, the string value an XPath ``string()`` gives (same strings on the 2.1 million elements of the
    WCXB dev and ScrapingHub pages) without an XPath context set up per call: 1.8 against 2.3 us an element.

    >>> from lxml.html import fragment_fromstring
    >>> all_text(fragment_fromstring("<div>Read <a href='/a'>the <b>report</b></a> today.</div>"))
    'Read the report today.'
    """
    return (
        (element.text or "")
        if not len(element)
        else etree.tostring(element, method="text", encoding=str, with_tail=False)
    )


def text_and_links(element: Element) -> tuple[int, int]:
    """Characters of an element's text and of its links' text, white space squeezed in each.

    >>> from lxml.html import fragment_fromstring
    >>> text_and_links(fragment_fromstring("<div>Read <a href='/a'>the report</a> today.</div>"))
    (22, 10)
    """
    return len(squeeze(all_text(element))), sum(len(squeeze(all_text(link))) for link in element.iter("a"))


SPACED = BLOCK_TAGS | {"a", "button", "img", "input", "label", "option"}
"""Elements whose text reads as a word of its own: a preview puts a space around them ("Facebook Twitter", not
"FacebookTwitter"; tag links often sit side by side with no space, separated by style only)."""


def preview(element: Element, limit: int = 100) -> str:
    """The start of an element's text, cut to ``limit``: its pieces read up to ``2 * limit`` characters, a space
    around block and link children (:data:`SPACED`), white space collapsed.

    >>> from lxml.html import fromstring
    >>> preview(fromstring("<div>Topics <a>concept</a><a>EV</a><ul><li>Share</li><li>Tweet</li></ul></div>"))
    'Topics concept EV Share Tweet'
    """
    if not len(element):  # a leaf (most removed elements): its own text is all the walk below would read
        text = squeeze(element.text or "")
        return text if len(text) <= limit else text[: limit - 3] + "..."
    start = (" " if element.tag in SPACED else "") + (element.text or "")
    parts = [start]
    if len(start) <= limit * 2:
        _read_pieces(element, parts, len(start), limit * 2)
    text = squeeze("".join(parts))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _read_pieces(node: Element, parts: list[str], size: int, stop: int) -> int:
    """Append the pieces of ``node``'s children (a space around :data:`SPACED` ones, their text, their tails) to
    ``parts`` until more than ``stop`` characters are read; returns how many are.

    What ``etree.iterwalk`` gives as start and end events, read by a plain recursion: a quarter cheaper than the
    walk's loop (a preview is read for every element the chrome rules remove). The recursion is as deep as the tree,
    which libxml2 bounds (:func:`~declutter.html.parsing.parse`), as :func:`~declutter.html.regions.survey`'s is.
    """
    for child in node:
        spaced = child.tag in SPACED
        if spaced:
            parts.append(" ")
            size += 1
        text = child.text  # lxml makes a new string at each read: read once
        if text:
            parts.append(text)
            size += len(text)
        if size > stop:
            return size
        if len(child):
            size = _read_pieces(child, parts, size, stop)
            if size > stop:
                return size
        if spaced:
            parts.append(" ")
            size += 1
        text = child.tail
        if text:
            parts.append(text)
            size += len(text)
        if size > stop:
            return size
    return size


_NO_TOKENS: frozenset[str] = frozenset()


def _split_tokens(raw: str) -> list[str]:
    """The lower-cased pieces of a class or id value, split on white space, ``-``, ``_`` and camelCase.

    Without capitals there is no camelCase to split, and splitting on white space after turning ``_`` and
    ``-`` into spaces gives what the regex gives, much faster.
    """
    if raw.lower() == raw:
        return raw.replace("_", " ").replace("-", " ").split()
    return [t.lower() for t in _TOKEN_SPLIT.split(raw) if t]


_MODULE_HASH = re.compile(r"__[A-Za-z0-9_-]{5}$")
"""The hash CSS modules append to a class name (``Layout_main__UI2BH``): five characters of noise whose
camelCase pieces are no words ('adKqa' is no 'ad')."""


def _unhashed(name: str) -> str:
    """A class name less its CSS-module hash, told from a BEM element (``card__title``) by a capital or a digit."""
    found = _MODULE_HASH.search(name)
    if found and any(c.isupper() or c.isdigit() for c in found[0]):
        return name[: found.start()]
    return name


def class_and_id(element: Element) -> str:
    """An element's class and id values in one string, what names it as chrome or as the body (``"class id"``)."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def class_template(element: Element) -> frozenset[str]:
    """An element's class names but those with a digit, which name one instance ('elementor-element-dbec0eb'): the
    template that elements printed alike share.

    >>> from lxml.html import fragment_fromstring
    >>> sorted(class_template(fragment_fromstring("<div class='elementor-element elementor-element-dbec0eb'></div>")))
    ['elementor-element']
    """
    return frozenset(name for name in (element.get("class") or "").split() if not any(c.isdigit() for c in name))


def element_tokens(element: Element) -> list[str]:
    """The :func:`class_tokens` of an element's class and id together."""
    return class_tokens(class_and_id(element))


CACHED_VALUES = 20_000
"""Class names or values a cache kept from page to page holds before it starts again (a crawl of many sites' pages;
about a megabyte each): a site's pages and a theme's or framework's repeat them ('container', 'entry-content')."""


def bounded(cache: dict[_Key, _Value]) -> dict[_Key, _Value]:
    """``cache``, emptied first when it holds more than :data:`CACHED_VALUES` values."""
    if len(cache) > CACHED_VALUES:
        cache.clear()
    return cache


def class_tokens(raw: str) -> list[str]:
    """The tokens of ``"class id"`` that selector rules match: every name's pieces (:func:`_split_tokens`)
    and its runs of two or three pieces joined by ``-``, so that ``side-bar`` matches the classes
    ``side-bar``, ``side_bar`` and ``sideBar`` but not ``side bar`` (two classes).

    A CSS module's hash is left out (:func:`_unhashed`).

    >>> class_tokens("post sideBar-left")
    ['post', 'side', 'bar', 'left', 'side-bar', 'bar-left', 'side-bar-left']
    >>> class_tokens("table_root__adKqa")
    ['table', 'root', 'table-root']
    """
    tokens: list[str] = []
    for name in raw.split():
        pieces = _split_tokens(_unhashed(name) if "__" in name else name)
        tokens += pieces
        if len(pieces) > 1:
            tokens += ["-".join(pieces[i : i + 2]) for i in range(len(pieces) - 1)]
            tokens += ["-".join(pieces[i : i + 3]) for i in range(len(pieces) - 2)]
    return tokens


def remove(element: Element) -> None:
    """Remove an element but keep its tail text (the text after it belongs to the parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = settable((previous.tail or "") + tail)
        else:
            parent.text = settable((parent.text or "") + tail)
    parent.remove(element)


def drop_tag(element: Element) -> None:
    """Remove an element's tag but not its children or text, which take its place (lxml.html's
    ``HtmlElement.drop_tag``: the parser makes plain :data:`Element` proxies, which do not have it).

    >>> from declutter.html.parsing import parse
    >>> page = parse("<p>Read <button>the <b>full</b> story</button> now</p>")
    >>> drop_tag(page.find(".//button"))
    >>> etree.tostring(page.find(".//p"), encoding=str)
    '<p>Read the <b>full</b> story now</p>'
    """
    parent = element.getparent()
    assert parent is not None
    previous = element.getprevious()
    if element.text and isinstance(element.tag, str):
        if previous is None:
            parent.text = (parent.text or "") + element.text
        else:
            previous.tail = (previous.tail or "") + element.text
    if element.tail:
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + element.tail
        elif previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    index = parent.index(element)
    parent[index : index + 1] = list(element)


def settable(text: str) -> str:
    """Text lxml accepts as a node's text: a character reference such as ``&#1;`` puts a control
    character into the parsed text (the raw ones are mapped before parsing), and lxml refuses to set it."""
    return NOT_XML.sub(" ", text)


PARAGRAPHS = ("p", "pre", "td", "blockquote")
PARAGRAPH_TAGS = frozenset(PARAGRAPHS)
NOT_PARAGRAPHS = frozenset(
    {
        "html",
        "body",
        "ul",
        "ol",
        "dl",
        "li",
        "dd",
        "dt",
        "table",
        "tbody",
        "thead",
        "tr",
        "select",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "a",
    }
)
INLINE = frozenset(
    {
        "a",
        "b",
        "i",
        "em",
        "strong",
        "span",
        "small",
        "big",
        "u",
        "sup",
        "sub",
        "abbr",
        "cite",
        "code",
        "font",
        "mark",
        "q",
        "s",
        "strike",
        "time",
        "br",
        "img",
        "label",
        "wbr",
        "ins",
        "del",
        "dfn",
        "kbd",
        "samp",
        "var",
        "bdi",
        "bdo",
        "data",
    }
)


def class_counts(root: Element, tag: str) -> Counter[str | None]:
    """How many elements of ``tag`` at or below ``root`` carry each class value, as written (None: no class): a
    template repeated across the page (a grid's cards, a thread's posts) is one value many times.

    >>> from declutter.html.parsing import parse
    >>> class_counts(parse("<div class=card>a</div><div class=card>b</div><div>c</div>"), "div")["card"]
    2
    """
    return Counter(element.get("class") for element in root.iter(tag))


def contains(outer: Element, inner: Element) -> bool:
    node: Element | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False


def text_chars(element: Element) -> int:
    """Characters of an element's text, its edges' whitespace left out."""
    return len(all_text(element).strip())


def paragraph_chars(element: Element) -> int:
    """Characters of paragraph text (<p>, <pre>, <td>, <blockquote>) under an element."""
    return sum(map(text_chars, element.iter(*PARAGRAPHS)))


def paragraph_sizes(root: Element) -> dict[Element, int]:
    """The length of every paragraph (<p>, <pre>, <td>, <blockquote>) in ``root``, root included."""
    return {paragraph: text_chars(paragraph) for paragraph in root.iter(*PARAGRAPHS)}
