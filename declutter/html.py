"""HTML mode: decode, parse, remove page chrome, pick the main content, and emit text blocks.

The DOM stage runs before the text rules: ``selector`` rules (CSS selectors and
class/id tokens, from the rule files) remove elements, a scorer picks the
element that holds the article, and its block elements become the lines the
text rules then clean. Every removed element is reported with the rule that
removed it. lxml parses without network access and without expanding entities.

>>> from declutter.rules import RuleSet
>>> page = extract_page("<html><head><title>T</title></head><body><nav>Home News</nav>"
...                     "<article><h1>Budget passes</h1><p>The council approved the budget on Monday, "
...                     "after a long debate about roads, schools and parks in every ward.</p></article>"
...                     "</body></html>", RuleSet.bundled().active())
>>> page.title, [block[:40] for block in page.blocks]
('Budget passes', ['The council approved the budget on Monda'])
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

import lxml.html
from cssselect import GenericTranslator, SelectorError
from lxml import etree
from lxml.html import HtmlElement

from declutter.decisions import ElementDecision
from declutter.document import domain_of
from declutter.errors import InputError, RuleError
from declutter.rules import Kind, Rule

MAX_DEPTH = 400
"""Deeper element nesting than this is flattened: text below it is kept, structure is not."""

_BLOCK_TAGS = frozenset(
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
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link"})
_TOKEN_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_CONTENT_CLASS = re.compile(
    r"(?:^|[\s_-])(?:article|story|entry|post|blog|news)[_-]*(?:body|content|text|main)(?:$|[\s_-])"
    r"|(?:^|[\s_-])(?:articlebody|storybody|entrycontent|postcontent|article__body|body-copy|articleText)(?:$|\s)",
    re.IGNORECASE,
)
_NEGATIVE_HINT = re.compile(
    r"comment|sidebar|related|footer|promo|widget|share|social|newsletter|nav|menu", re.IGNORECASE
)


@dataclass(frozen=True)
class Page:
    """What the DOM stage found: the article's blocks, its metadata and the elements removed."""

    title: str | None
    blocks: tuple[str, ...]
    removed: tuple[ElementDecision, ...] = ()
    url: str | None = None
    published: str | None = None
    author: str | None = None
    container: str = ""

    @property
    def text(self) -> str:
        """Title first, then one block per paragraph, separated by blank lines."""
        parts = ([self.title] if self.title else []) + list(self.blocks)
        return "\n\n".join(parts) + ("\n" if parts else "")


def looks_like_html(text: str) -> bool:
    """Whether a document is HTML: a doctype, an <html>/<body> tag, or several block tags near the start.

    >>> looks_like_html("<!DOCTYPE html><p>x</p>"), looks_like_html("Share prices <b>fell</b>.")
    (True, False)
    """
    head = text[:4096].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    if head.startswith("<?xml") and "<html" in text[:20000].lower():
        return True
    return len(re.findall(r"<(?:p|div|br|body|head|article|section|span|a)\b", head)) >= 3


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode HTML bytes by BOM, then the declared charset, then detection."""
    from declutter.inputs import _BOMS, decode

    if not data.startswith(tuple(bom for bom, _ in _BOMS)):
        declared = _CHARSET.search(data[:8192])
        if declared:
            encoding = declared.group(1).decode("ascii", "replace").lower()
            encoding = {
                "iso-8859-1": "cp1252",
                "latin1": "cp1252",
                "us-ascii": "cp1252",
                "ascii": "cp1252",
                "x-sjis": "shift_jis",
                "gb2312": "gb18030",
                "gbk": "gb18030",
            }.get(encoding, encoding)
            try:
                return data.decode(encoding), encoding
            except (LookupError, UnicodeDecodeError):
                pass  # the declaration lies; fall back to detection
    return decode(data, name)


@lru_cache(maxsize=512)
def _css_to_xpath(selector: str) -> str:
    return GenericTranslator().css_to_xpath(selector)


@dataclass(frozen=True)
class CompiledSelector:
    """A selector rule ready to run in one walk: tag names, simple attribute tests, class/id tokens,
    and one XPath for whatever selectors are more complex than that."""

    rule: Rule
    tags: frozenset[str]
    attributes: tuple[tuple[str | None, str, str, str], ...]
    xpath: etree.XPath | None
    tokens: frozenset[str]

    def matches(self, element: HtmlElement, tokens: frozenset[str]) -> str | None:
        """Why the element matches this rule's tags, attribute tests or tokens (None if it does not)."""
        if not self.tokens.isdisjoint(tokens):
            return f"class/id token {min(tokens & self.tokens)!r}"
        if element.tag in self.tags:
            return f"<{element.tag}> element"
        for tag, name, operator, value in self.attributes:
            if tag is not None and element.tag != tag:
                continue
            actual = element.get(name)
            if actual is None:
                continue
            if (
                operator == ""
                or (operator == "=" and actual == value)
                or (operator == "*=" and value in actual)
                or (operator == "^=" and actual.startswith(value))
                or (operator == "$=" and actual.endswith(value))
                or (operator == "~=" and value in actual.split())
            ):
                return f"[{name}{operator}{value!r}]" if operator else f"[{name}]"
        return None


_SIMPLE = re.compile(r"""([a-z][a-z0-9]*)?(?:\[([\w-]+)(?:([*^$~]?=)\s*(?:'([^']*)'|"([^"]*)"|([\w-]+)))?\])?""")
_COMPILED: dict[int, tuple[Rule, CompiledSelector]] = {}


def compile_selector_rule(rule: Rule) -> CompiledSelector:
    """:func:`_compile_selector_rule`, cached per rule object (rules hold dicts, so they are not hashable)."""
    cached = _COMPILED.get(id(rule))
    if cached is not None and cached[0] is rule:
        return cached[1]
    if len(_COMPILED) > 4096:
        _COMPILED.clear()
    compiled = _compile_selector_rule(rule)
    _COMPILED[id(rule)] = (rule, compiled)
    return compiled


def _compile_selector_rule(rule: Rule) -> CompiledSelector:
    """Compile a selector rule so it costs at most one scan of the tree.

    Tag names (``nav``) and single attribute tests (``[hidden]``, ``div[role='menu']``,
    ``[style*='display:none']``) are checked during the walk; other selectors become one
    XPath; tokens become a set matched against class/id tokens.
    """
    tags: set[str] = set()
    attributes: list[tuple[str | None, str, str, str]] = []
    unions: list[str] = []
    for selector in rule.selectors:
        try:
            xpath = _css_to_xpath(selector)  # validates every selector, simple or not
        except SelectorError as exc:
            raise RuleError(
                f"invalid CSS selector {selector!r}: {exc}",
                path=rule.origin.path,
                line=rule.origin.line,
                rule_id=rule.id,
            ) from None
        simple = _SIMPLE.fullmatch(selector.strip())
        if simple and simple[2] is None and simple[1]:
            tags.add(simple[1])
        elif simple and simple[2] is not None:
            value = next((v for v in simple.group(4, 5, 6) if v is not None), "")
            attributes.append((simple[1], simple[2], simple[3] or "", value))
        else:
            unions.append(xpath)
    compiled = etree.XPath(" | ".join(unions)) if unions else None
    tokens = frozenset(str(t).lower() for t in rule.params.get("tokens", ()))
    return CompiledSelector(rule, frozenset(tags), tuple(attributes), compiled, tokens)


def _describe(element: HtmlElement) -> str:
    """A short address like readability's ``describe``: ``div#main.share-bar``."""
    tag = element.tag if isinstance(element.tag, str) else "node"
    ident = element.get("id")
    classes = (element.get("class") or "").split()[:2]
    return tag + (f"#{ident}" if ident else "") + ("." + ".".join(classes) if classes else "")


def _path(element: HtmlElement) -> str:
    parts: list[str] = []
    node: HtmlElement | None = element
    while node is not None and len(parts) < 4:
        parts.append(_describe(node))
        node = node.getparent()
    return ">".join(reversed(parts))


def _squeeze(text: str) -> str:
    """Runs of white space as one space, none at the ends (what ``re.sub(r"\\s+", " ", text).strip()``
    gives: both use Unicode's white space, and splitting is several times faster)."""
    return " ".join(text.split())


_STRING = cast(Callable[[HtmlElement], str], etree.XPath("string()", smart_strings=False))


def _all_text(element: HtmlElement) -> str:
    """All the text of an element's subtree (what ``text_content()`` gives): an element without children
    holds only its ``.text``, read without the cost of running an XPath; others are joined by XPath in C."""
    return (element.text or "") if not len(element) else _STRING(element)


def _text(element: HtmlElement, limit: int = 100) -> str:
    """The start of an element's text: its first ``2 * limit`` characters or so, spaces collapsed, cut to ``limit``."""
    full = _all_text(element)
    if len(full) > limit * 2:
        head = _squeeze(full[: limit * 2 + 1])
        if len(head) > limit:  # the first pieces the loop below would read say as much
            return head[: limit - 3] + "..."
        return _text_pieces(element, limit)
    text = _squeeze(full)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _text_pieces(element: HtmlElement, limit: int) -> str:
    """:func:`_text` read piece by piece, stopping after ``2 * limit`` characters (mostly spaces, here)."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        parts.append(piece)
        size += len(piece)
        if size > limit * 2:
            break
    text = _squeeze("".join(parts))
    return text if len(text) <= limit else text[: limit - 3] + "..."


_NO_TOKENS: frozenset[str] = frozenset()


def _split_tokens(raw: str) -> list[str]:
    """The lower-cased pieces of a class or id value, split on white space, ``-``, ``_`` and camelCase.

    Without capitals there is no camelCase to split, and splitting on white space after turning ``_`` and
    ``-`` into spaces gives what the regex gives, much faster.
    """
    if raw.lower() == raw:
        return raw.replace("_", " ").replace("-", " ").split()
    return [t.lower() for t in _TOKEN_SPLIT.split(raw) if t]


def _class_tokens(raw: str) -> list[str]:
    """The tokens of ``"class id"`` that selector rules match: every name's pieces (:func:`_split_tokens`)
    and its runs of two or three pieces joined by ``-``, so that ``side-bar`` matches the classes
    ``side-bar``, ``side_bar`` and ``sideBar`` but not ``side bar`` (two classes).

    >>> _class_tokens("post sideBar-left")
    ['post', 'side', 'bar', 'left', 'side-bar', 'bar-left', 'side-bar-left']
    """
    tokens: list[str] = []
    for name in raw.split():
        pieces = _split_tokens(name)
        tokens += pieces
        if len(pieces) > 1:
            tokens += ["-".join(pieces[i : i + 2]) for i in range(len(pieces) - 1)]
            tokens += ["-".join(pieces[i : i + 3]) for i in range(len(pieces) - 2)]
    return tokens


PROTECT_SHARE = 0.4
"""A selector never removes an element holding this share of the page's paragraph text (of 500+ characters)."""

_ARTICLE_HOLDERS = cast(
    Callable[[HtmlElement], list[HtmlElement]],
    etree.XPath(
        "(descendant::article | descendant::main | descendant::h1"
        " | descendant::*/@itemprop[. = 'articleBody']/..)/ancestor::*"
    ),
)
"""The ancestors of every <article>, <main>, <h1> and articleBody element below the context element.
The articleBody test reads the ``itemprop`` attributes and goes up to their elements: a predicate on
every element (``descendant::*[@itemprop = 'articleBody']``) costs libxml2 several times more."""


def _article_holders(root: HtmlElement) -> set[HtmlElement]:
    """Every element with an <article>, <main>, <h1> or articleBody below it, found by one XPath in C."""
    return set(_ARTICLE_HOLDERS(root))


def _protected(element: HtmlElement, page_chars: int, sizes: dict[HtmlElement, int], holders: set[HtmlElement]) -> bool:
    """The document skeleton and anything holding the article is never removed by a guarded selector.

    ``holders`` (:func:`_article_holders`) and ``sizes`` (:func:`_paragraph_sizes`) are taken before the
    walk: the walk decides an element before anything below it and removes no ancestor of it, so what
    is below the element is still what was there then.
    """
    if element.tag in ("html", "body", "main", "article"):
        return True
    if element.get("itemprop") == "articleBody" or element.get("role") == "main":
        return True
    if element in holders:
        return True
    return page_chars >= 500 and sum(sizes.get(p, 0) for p in element.iter(*_PARAGRAPHS)) >= PROTECT_SHARE * page_chars


def _remove(element: HtmlElement) -> None:
    """Remove an element but keep its tail text (the text after it belongs to the parent)."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = _settable((previous.tail or "") + tail)
        else:
            parent.text = _settable((parent.text or "") + tail)
    parent.remove(element)


def _settable(text: str) -> str:
    """Text lxml accepts as a node's text: a character reference such as ``&#1;`` puts a control
    character into the parsed text (the raw ones are mapped before parsing), and lxml refuses to set it."""
    return _NOT_XML.sub(" ", text)


def _run(xpath: etree.XPath | None, root: HtmlElement) -> list[Any]:
    if xpath is None:
        return []
    result = xpath(root)
    return result if isinstance(result, list) else []


def remove_chrome(root: HtmlElement, selectors: Sequence[CompiledSelector]) -> list[ElementDecision]:
    """Apply selector rules (CSS and class/id tokens) in one walk; removed subtrees are not visited.

    The walk decides all the children of an element, then goes on below the ones it kept. The first
    rule (in rule order) that matches an element removes it, unless the rule is guarded and the
    element holds the article (see :func:`_protected`). Rules marked ``bulk`` (tags that never hold
    text: scripts, styles) are stripped first in one pass of lxml's C code and reported with a count per tag.
    """
    decisions: list[ElementDecision] = []
    walked = []
    for compiled in selectors:
        if compiled.rule.params.get("bulk") and compiled.tags:
            counts = Counter(el.tag for el in root.iter(*compiled.tags))
            if counts:
                etree.strip_elements(root, *compiled.tags, with_tail=False)
                summary = ", ".join(f"{tag} x{count}" for tag, count in counts.most_common())
                decisions.append(
                    ElementDecision(
                        compiled.rule.id,
                        compiled.rule.category,
                        _describe(root),
                        f"{sum(counts.values())} elements that never hold text",
                        summary,
                    )
                )
        else:
            walked.append(compiled)
    if not walked:
        return decisions
    sizes = _paragraph_sizes(root)  # counted before removals
    page_chars = sum(sizes.values())
    holders = _article_holders(root)
    matched = [(compiled, set(_run(compiled.xpath, root))) for compiled in walked]
    all_tags = frozenset().union(*(compiled.tags for compiled in walked))
    all_tokens = frozenset().union(*(compiled.tokens for compiled in walked))
    all_attributes = frozenset(name for compiled in walked for _, name, _, _ in compiled.attributes)
    all_hits = set().union(*(hits for _, hits in matched))
    named: dict[str, frozenset[str]] = {}  # a page repeats its class values: each is split once per walk
    stack = [root]
    while stack:
        parent = stack.pop()
        for element in parent[:]:  # a copy: children are removed on the way
            tag = element.tag
            if not isinstance(tag, str):
                continue
            # Most elements match no rule: one test against the union of every rule's tags, tokens,
            # attributes and XPath hits lets them through without asking each rule.
            names = element.keys()
            tokens = _NO_TOKENS  # the element's class/id tokens that some rule names
            if names and all_tokens:
                raw_class, raw_id = element.get("class"), element.get("id")
                if raw_class or raw_id:
                    raw = f"{raw_class or ''} {raw_id or ''}"
                    found = named.get(raw)
                    if found is None:
                        found = named[raw] = all_tokens.intersection(_class_tokens(raw))
                    tokens = found
            if tag not in all_tags and not tokens and element not in all_hits and all_attributes.isdisjoint(names):
                stack.append(element)
                continue
            for compiled, hits in matched:
                reason = compiled.matches(element, tokens) or ("matches a selector" if element in hits else None)
                if reason is None:
                    continue
                rule = compiled.rule
                if rule.params.get("min_links", 0) > 0 and next(element.iter("a"), None) is None:
                    continue  # no link, no link cluster: said at once, before the guard sums the paragraphs
                if rule.params.get("guard", True) and _protected(element, page_chars, sizes, holders):
                    continue
                if rule.params.get("min_link_density") or rule.params.get("min_links"):
                    density = _link_cluster(element, rule)
                    if density is None:
                        continue
                    reason += f", {density:.0%} link text"
                decisions.append(
                    ElementDecision(
                        rule.id, rule.category, _path(element), f"{reason} ({_describe(element)})", _text(element)
                    )
                )
                _remove(element)
                break
            else:
                stack.append(element)
    return decisions


def _link_cluster(element: HtmlElement, rule: Rule) -> float | None:
    """The element's link density when it reaches the rule's ``min_link_density`` with ``min_links`` links."""
    links = [text for text in map(_all_text, element.iter("a")) if text.strip()]
    if len(links) < rule.params.get("min_links", 0):
        return None
    text = _squeeze(_all_text(element))
    if not text:
        return None
    density = min(1.0, sum(len(_squeeze(link)) for link in links) / len(text))
    return density if density >= rule.params.get("min_link_density", 0.0) else None


_PARAGRAPHS = ("p", "pre", "td", "blockquote")
_PARAGRAPH_TAGS = frozenset(_PARAGRAPHS)
_NOT_PARAGRAPHS = frozenset(
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
_INLINE = frozenset(
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


def _own_text(element: HtmlElement) -> tuple[str, list[tuple[HtmlElement, str]]]:
    """The text an element holds itself (its text, its inline children, the tails between children),
    not its block children's, and its inline children with their text (see :func:`_link_chars`).
    Text too short to score is not spaced out: it comes back empty."""
    parts = [element.text or ""]
    inline = []
    for child in element:
        if child.tag in _INLINE:
            child_text = _all_text(child)
            parts.append(child_text)
            inline.append((child, child_text))
        parts.append(child.tail or "")
    raw = "".join(parts)
    return (_squeeze(raw) if len(raw) >= _SCORED_CHARS else ""), inline


def _link_chars(inline: list[tuple[HtmlElement, str]]) -> int:
    """How much of an element's own text is link text: its <a> children, and the links inside its other
    inline children."""
    return sum(
        len(text) if child.tag == "a" else sum(len(_all_text(a)) for a in child.iter("a")) for child, text in inline
    )


_UNSCORED = _SKIP | _NOT_PARAGRAPHS
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
        first = element.getparent() if tag in _PARAGRAPH_TAGS else element
        second = first.getparent() if first is not None else None
        for depth, node in enumerate((first, second)):
            if node is not None and isinstance(node.tag, str):
                scores[node] = scores.get(node, 0.0) + score / (1 + depth)
    best = max(scores, key=lambda n: scores[n], default=None)
    semantic += articles + mains
    if best is None:
        return semantic[0] if semantic else base
    best_length = _paragraph_chars(best)
    for candidate in semantic:  # a semantic container wins if it holds most of the best candidate's text
        if _NEGATIVE_HINT.search(f"{candidate.get('class') or ''} {candidate.get('id') or ''}"):
            continue
        if _paragraph_chars(candidate) >= 0.8 * best_length and _contains(candidate, best):
            return candidate
    return best


def _contains(outer: HtmlElement, inner: HtmlElement) -> bool:
    node: HtmlElement | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False


def _paragraph_size(paragraph: HtmlElement) -> int:
    return len(_all_text(paragraph).strip())


def _paragraph_chars(element: HtmlElement) -> int:
    """Characters of paragraph text (<p>, <pre>, <td>, <blockquote>) under an element."""
    return sum(map(_paragraph_size, element.iter(*_PARAGRAPHS)))


def _paragraph_sizes(root: HtmlElement) -> dict[HtmlElement, int]:
    """The length of every paragraph (<p>, <pre>, <td>, <blockquote>) in ``root``, root included."""
    return {paragraph: _paragraph_size(paragraph) for paragraph in root.iter(*_PARAGRAPHS)}


def _blocks(element: HtmlElement) -> list[str]:
    """Text of each block-level element, inline content joined, in document order (a plain recursion appending
    to a list costs less than nested generators)."""
    blocks: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = _squeeze("".join(parts))
        parts.clear()
        if text:
            blocks.append(text)

    def walk(node: HtmlElement, depth: int) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP or not tag:
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in _BLOCK_TAGS and depth < MAX_DEPTH
        if block and parts:
            flush()
        if tag == "br":
            if parts:
                flush()
        elif tag in ("td", "th"):
            parts.append(" ")
        text = node.text
        if text:
            parts.append(text)
        for child in node:
            walk(child, depth + 1)
        if block and parts:
            flush()
        tail = node.tail
        if tail:
            parts.append(tail)

    walk(element, 0)
    flush()
    return blocks


@dataclass(frozen=True)
class _Metadata:
    """What a page says about itself in its <meta>, <link rel=canonical>, JSON-LD and <title> tags."""

    metas: dict[str, str]
    json_ld: dict[str, object]
    canonical: str | None
    title: str | None
    """The first <title>'s text ("" when it is empty), None when the page has none."""


_TEXT_NODES = cast(Callable[[HtmlElement], list[str]], etree.XPath("text()", smart_strings=False))


def _metadata(root: HtmlElement) -> _Metadata:
    """:class:`_Metadata`, read in one pass over the page's <meta>, <link>, <script> and <title> elements."""
    metas: dict[str, str] = {}  # every <meta> content by its property, name or itemprop (the first one of each wins)
    json_ld: list[str] = []
    canonical: str | None = None
    title: str | None = None
    for element in root.iter("meta", "link", "script", "title"):
        tag = element.tag
        if tag == "meta":
            content = (element.get("content") or "").strip()
            for attribute in ("property", "name", "itemprop"):
                key = element.get(attribute)
                if key and content and key not in metas:
                    metas[key] = content
        elif tag == "link":
            if canonical is None and element.get("rel") == "canonical":
                canonical = element.get("href")
        elif tag == "script":
            if element.get("type") == "application/ld+json":
                json_ld += _TEXT_NODES(element)
        elif title is None:
            title = element.text or ""
    return _Metadata(metas, _json_ld(json_ld), canonical, title)


def _meta(metas: dict[str, str], *names: str) -> str | None:
    return next((metas[name] for name in names if name in metas), None)


def _json_ld(scripts: list[str]) -> dict[str, object]:
    """The first JSON-LD item that describes an article (with a date, a headline or a body)."""
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if isinstance(item, dict) and any(k in item for k in ("datePublished", "headline", "articleBody")):
                return item
    return {}


_CONTAINER_TAG = re.compile(
    r"</?(?!(?:p|h[1-6]|li|br|tr|td|th|pre|blockquote|title|script|style|head|meta)\b)[a-zA-Z][\w:-]*[^>]*>"
)


def parse(html: str) -> HtmlElement:
    """Parse HTML with lxml: recovering from errors, no network, no entity expansion.

    libxml2 silently drops content nested deeper than 256 elements; when it reports
    that, the page is parsed again with its container tags (div, span, section, …)
    removed, so deep text is kept, flattened, rather than lost.
    """
    html = _XML_DECLARATION.sub("", html, count=1)
    root = _parse_once(_xml_safe_utf8(html))
    if root is None:
        root = _parse_once(_xml_safe_utf8(_CONTAINER_TAG.sub(" ", _NOT_XML.sub(" ", html))))
    if root is None:
        raise InputError("HTML nested too deeply to parse, even with its container tags removed")
    return root


_CONTROLS_TO_SPACES = bytes.maketrans(bytes(c for c in range(32) if c not in b"\t\n\r"), b" " * 29)


def _xml_safe_utf8(html: str) -> bytes:
    """The page as UTF-8, with the characters XML forbids (control characters, lone surrogates,
    U+FFFE/U+FFFF) turned into spaces.

    lxml refuses text with such characters when it is moved between nodes; they carry no text.
    Encoding first and mapping the control bytes with ``bytes.translate`` is several times faster
    than a regex over the text, and libxml2 reads UTF-8 directly (a ``str`` is converted from UCS-2/4).
    """
    if "\ufffe" not in html and "\uffff" not in html:
        try:
            return html.encode("utf-8").translate(_CONTROLS_TO_SPACES)
        except UnicodeEncodeError:  # a lone surrogate: the regex below replaces it
            pass
    return _NOT_XML.sub(" ", html).encode("utf-8")


_ELEMENTS = etree.ElementDefaultClassLookup(element=HtmlElement)
"""Every element is an ``HtmlElement``, chosen in C: lxml.html's own lookup is a Python call for every
element proxy created (a third of the cost of walking a tree), and its special classes for forms,
inputs and labels are never used here."""


def _parse_once(html: bytes) -> HtmlElement | None:
    # collect_ids=False: no table of id attributes (only XPath's id() would read it; cssselect tests @id).
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, encoding="utf-8", collect_ids=False
    )
    parser.set_element_class_lookup(_ELEMENTS)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():  # only a comment, or only whitespace: nothing to clean
            return lxml.html.document_fromstring("<html><body></body></html>", parser=parser)
        raise InputError(f"cannot parse HTML: {exc}") from None
    except ValueError as exc:
        raise InputError(f"cannot parse HTML: {exc}") from None
    if any("Excessive depth" in str(error.message) for error in parser.error_log):
        return None
    return root


def extract_page(html: str, rules: Sequence[Rule], *, url: str | None = None, domain: str | None = None) -> Page:
    """Run the DOM stage: metadata, selector rules (scoped to the page's site), main content, blocks."""
    root = parse(html)
    head = _metadata(root)
    ld, metas, title_tag = head.json_ld, head.metas, head.title
    page_url = url or head.canonical or _meta(metas, "og:url")
    published = _meta(metas, "article:published_time", "datePublished", "pubdate", "date") or (
        str(ld["datePublished"]) if "datePublished" in ld else None
    )
    author = _meta(metas, "author", "article:author")
    site = domain or (domain_of(page_url) if page_url else None)
    selectors = [compile_selector_rule(r) for r in rules if r.kind is Kind.SELECTOR and r.applies_to(site)]
    removed = remove_chrome(root, [s for s in selectors if s.rule.params.get("scope") != "content"])
    container = choose_container(root)
    removed += remove_chrome(container, [s for s in selectors if s.rule.params.get("scope") == "content"])
    h1 = container.find(".//h1")
    if h1 is None:
        h1 = root.find(".//h1")
    title = _squeeze(_all_text(h1)) if h1 is not None else None
    title = (
        title
        or _meta(metas, "og:title")
        or (str(ld["headline"]) if "headline" in ld else None)
        or (_squeeze(title_tag) if title_tag else None)
    )
    if h1 is not None and _contains(container, h1):
        _remove(h1)
    blocks = tuple(_blocks(container))
    if title and blocks and blocks[0] == title:
        blocks = blocks[1:]
    return Page(
        title or None,
        blocks,
        tuple(removed),
        page_url,
        published,
        author,
        _path(container),
    )
