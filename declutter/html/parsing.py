"""Parsing: recognise HTML, and parse it with lxml (no network, no entities, deep nesting flattened)."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from declutter.errors import InputError
from declutter.html.tree import NOT_XML, Element

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether a document is HTML: after any byte-order mark, XML declaration, comments and white space, a doctype
    or an <html>/<head>/<body> tag, or several block tags near the start.

    What precedes the markup can be long (a generator's comment, a saved page's ``saved from`` line), so it is
    skipped rather than counted against a fixed window; a long <head> then does not hide the page.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Share prices <b>fell</b>.")
    (True, False)
    >>> looks_like_html("\ufeff<?xml version='1.0'?><!-- made by hand --><html><head>")
    True
    """
    start = _PROLOG.match(text, 0, 1 << 20)
    head = text[start.end() if start else 0 :][:4096].lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        return True
    return len(re.findall(r"<(?:p|div|br|body|head|article|section|span|a)\b", head)) >= 3


_PROLOG = re.compile(r"(?:\s+|\ufeff|<\?[^>]*>|<!--.*?-->)*", re.DOTALL)
"""What may precede a page's markup: white space, byte-order marks, XML declarations and processing
instructions, comments."""


_CONTAINER_TAG = re.compile(
    r"</?(?!(?:html|p|h[1-6]|li|br|tr|td|th|pre|blockquote|title|script|style|head|meta)\b)[a-zA-Z][\w:-]*[^>]*>"
)


def parse(html: str) -> Element:
    """Parse HTML with lxml: recovering from errors, no network, no entity expansion.

    libxml2 silently drops content nested deeper than 256 elements; when it reports
    that, the page is parsed again with its container tags (div, span, section, …)
    removed, so deep text is kept, flattened, rather than lost. A page that ends its document early
    (:func:`_closed_late`) is parsed again without its ``</body>`` and ``</html>`` end tags.
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    root, ended_early = _parse_once(_xml_safe_utf8(html))
    if root is not None and (ended_early or _beside_body(root)) and (late := _closed_late(html)) is not html:
        html = late
        root, _ = _parse_once(_xml_safe_utf8(html))
    if root is None:
        root, _ = _parse_once(_xml_safe_utf8(_CONTAINER_TAG.sub(" ", NOT_XML.sub(" ", html))))
    if root is None:
        raise InputError("HTML nested too deeply to parse, even with its container tags removed")
    return root


_CLOSERS = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def _closed_late(html: str) -> str:
    r"""The page with its ``</body>`` and ``</html>`` end tags left out when markup follows the first of them.

    A template that prints a whole document for its header, then the page after it, closes the body and the
    document early. A browser reads on and shows what follows in the body; libxml2 drops what follows
    ``</html>`` and puts what follows ``</body>`` beside the body, not in it: an article printed after its site
    header's ``</html>`` was lost whole. Without the end tags, the parser closes them at the end of the file.

    >>> _closed_late("<body><header>Menu</header></body></html><p>Story</p>")
    '<body><header>Menu</header><p>Story</p>'
    >>> _closed_late("<body><p>Story</p></body>\n</html>\n")
    '<body><p>Story</p></body>\n</html>\n'
    """
    first = _CLOSERS.search(html)
    if first is None:
        return html
    rest = _CLOSERS.sub("", html[first.end() :])
    if not rest.strip():
        return html  # nothing after them: the usual end of a page
    return html[: first.start()] + rest


_CONTROLS = bytes(c for c in range(32) if c not in b"\t\n\r")
_CONTROLS_TO_SPACES = bytes.maketrans(_CONTROLS, b" " * len(_CONTROLS))


def _xml_safe_utf8(html: str) -> bytes:
    """The page as UTF-8, with the characters XML forbids (control characters, lone surrogates,
    U+FFFE/U+FFFF) turned into spaces.

    lxml refuses text with such characters when it is moved between nodes; they carry no text.
    Encoding first and mapping the control bytes with ``bytes.translate`` is several times faster
    than a regex over the text, and libxml2 reads UTF-8 directly (a ``str`` is converted from UCS-2/4).
    Few pages hold a control byte: looking for each of the 29 (``memchr``, vectorised) costs a third of the
    instructions of mapping every byte, so the map runs only on the pages that need it.

    >>> _xml_safe_utf8("a" + chr(1) + "b" + chr(9) + "c"), _xml_safe_utf8("10 " + chr(8364))
    (b'a b\\tc', b'10 \\xe2\\x82\\xac')
    """
    if "\ufffe" not in html and "\uffff" not in html:
        try:
            data = html.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: the regex below replaces it
            pass
        else:
            return data.translate(_CONTROLS_TO_SPACES) if any(c in data for c in _CONTROLS) else data
    return NOT_XML.sub(" ", html).encode("utf-8")


_ELEMENTS = etree.ElementDefaultClassLookup()
"""Every element is lxml's own C proxy (:data:`~declutter.html.tree.Element`), chosen in C: lxml.html's own lookup
is a Python call for every element proxy created (a third of the cost of walking a tree), its special classes for
forms, inputs and labels are never used here, and its ``HtmlElement``, a Python subclass, costs more to make and free
than the C type (a walk over ScrapingHub's pages 8% more)."""


def _beside_body(root: Element) -> bool:
    """Whether libxml2 put an element after the ``<body>``: what a page printed after its ``</body>``."""
    body = root.find("body")
    return body is not None and body.getnext() is not None


def _parse_once(html: bytes) -> tuple[Element | None, bool]:
    """The page's tree (None when libxml2 dropped content nested too deep), and whether an end tag of the body
    or the document came where none was open: a second ``</body>`` or ``</html>``, after a first that ended the
    document early (what followed that one is then lost: :func:`_closed_late`)."""
    # collect_ids=False: no table of id attributes (only XPath's id() would read it; cssselect tests @id).
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, encoding="utf-8", collect_ids=False
    )
    parser.set_element_class_lookup(_ELEMENTS)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():  # only a comment, or only whitespace: nothing to clean
            return lxml.html.document_fromstring("<html><body></body></html>", parser=parser), False
        raise InputError(f"cannot parse HTML: {exc}") from None
    except ValueError as exc:
        raise InputError(f"cannot parse HTML: {exc}") from None
    ended_early = False
    for error in parser.error_log:
        message = str(error.message)
        if "Excessive depth" in message:
            return None, False
        ended_early = ended_early or message.startswith(("Unexpected end tag : body", "Unexpected end tag : html"))
    return root, ended_early
