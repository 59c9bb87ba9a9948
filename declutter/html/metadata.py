"""Metadata: what a page says about itself in <meta>, <link rel=canonical>, JSON-LD, <title> and <html lang>."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from lxml import etree

from declutter.html.tree import Element, squeeze
from declutter.language import normalize_language


@dataclass(frozen=True)
class Metadata:
    """What a page says about itself in its <meta>, <link rel=canonical>, JSON-LD and <title> tags."""

    metas: dict[str, str]
    json_ld: dict[str, object]
    canonical: str | None
    title: str | None
    """The first <title>'s text ("" when it is empty), None when the page has none."""
    types: frozenset[str] = frozenset()
    """What the page says it is: its ``og:type`` and every JSON-LD ``@type``, lower-cased."""
    items: tuple[dict[str, object], ...] = ()
    """Every top-level JSON-LD item of the page (lists and ``@graph`` opened), in page order."""
    language: str | None = None
    """The language the page declares, as an ISO 639-1 code: its root element's ``lang`` (or ``xml:lang``),
    else its ``Content-Language`` meta, else its ``og:locale``; None when it declares none we know."""
    shop_product: bool = False
    """Whether the page's own template says it shows one product (:data:`PRODUCT_BODY_CLASSES` on its <body>)."""
    thread: bool = False
    """Whether the page's own template says it shows one forum thread (:data:`THREAD_BODY_CLASSES` on its <body>)."""

    @property
    def article(self) -> bool:
        """Whether the page calls itself an article (a reader's comments are then apart from its text).

        >>> Metadata({}, {}, None, None, frozenset({"newsarticle", "webpage"})).article
        True

        A page that also says it lists many items or holds a thread (:data:`NOT_ARTICLE_TYPES`) is not one article,
        nor is one whose template says it shows a product (:attr:`shop_product`): a WooCommerce shop's SEO plugin
        writes ``og:type`` article on every product page.

        >>> Metadata({}, {}, None, None, frozenset({"article"}), shop_product=True).article
        False

        Nor is a page whose template says it shows a forum thread (:attr:`thread`): bbPress's topics and Khoros'
        threads say ``og:type`` article too.

        >>> Metadata({}, {}, None, None, frozenset({"article"}), thread=True).article
        False
        """
        return (
            not self.types.isdisjoint(ARTICLE_TYPES)
            and self.types.isdisjoint(NOT_ARTICLE_TYPES)
            and not self.shop_product
            and not self.thread
        )

    @property
    def product(self) -> bool:
        """Whether the page calls itself a product and not an article (a review article may carry a Product too).

        >>> Metadata({}, {}, None, None, frozenset({"product", "breadcrumblist"})).product
        True
        >>> Metadata({}, {}, None, None, frozenset({"article"}), shop_product=True).product
        True
        """
        return (self.shop_product or not self.types.isdisjoint(PRODUCT_TYPES)) and not self.article


_TEXT_NODES = cast(Callable[[Element], list[str]], etree.XPath("text()", smart_strings=False))


def read_metadata(root: Element) -> Metadata:
    """:class:`Metadata`, read in one pass over the page's <meta>, <link>, <script> and <title> elements."""
    metas: dict[str, str] = {}  # every <meta> content by its property, name or itemprop (the first one of each wins)
    json_ld: list[str] = []
    canonical: str | None = None
    title: str | None = None
    content_language: str | None = None
    for element in root.iter("meta", "link", "script", "title"):
        tag = element.tag
        if tag == "meta":
            content = (element.get("content") or "").strip()
            for attribute in ("property", "name", "itemprop"):
                key = element.get(attribute)
                if key and content and key not in metas:
                    metas[key] = content
            kind = element.get("http-equiv") or element.get("name")
            if content_language is None and kind and kind.lower() == "content-language":
                content_language = content.split(",")[0]  # 'de, en': the first one
        elif tag == "link":
            if canonical is None and element.get("rel") == "canonical":
                canonical = element.get("href")
        elif tag == "script":
            if element.get("type") == "application/ld+json":
                json_ld += _TEXT_NODES(element)
        elif title is None:
            title = element.text or ""
    items = _json_ld_items(json_ld)
    types = {str(t).lower() for item in items for t in as_list(item.get("@type"))}
    if "og:type" in metas:
        types.add(metas["og:type"].lower())
    declared = (root.get("lang"), root.get("xml:lang"), content_language, metas.get("og:locale"))
    language = next((code for tag in declared if (code := normalize_language(tag))), None)
    body = root.find("body")
    body_classes = (body.get("class") or "").split() if body is not None else []
    shop_product = not PRODUCT_BODY_CLASSES.isdisjoint(body_classes)
    thread = not THREAD_BODY_CLASSES.isdisjoint(body_classes)
    return Metadata(
        metas, _article_item(items), canonical, title, frozenset(types), tuple(items), language, shop_product, thread
    )


def first_meta(metas: dict[str, str], *names: str) -> str | None:
    return next((metas[name] for name in names if name in metas), None)


ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle"}
)
"""``og:type`` and JSON-LD types of a page that is one article (not a thread, a product or a list)."""
NOT_ARTICLE_TYPES = frozenset({"collectionpage", "searchresultspage", "qapage", "discussionforumposting"})
"""JSON-LD types of a page that lists many items or holds a thread: one that also says Article (a topic page's
template, a forum's) is not one article."""
PRODUCT_TYPES = frozenset({"product", "productgroup", "product.item", "og:product"})
"""``og:type`` and JSON-LD types of a page that is one product (or one product in its variants)."""
PRODUCT_BODY_CLASSES = frozenset({"single-product"})
"""<body> classes by which a page's template says it shows one product: WordPress's ``single-{post type}`` for
WooCommerce's product pages. Their SEO plugin (Yoast) says ``og:type`` article and many write no JSON-LD Product,
so the template is the only word the page gives; it outranks the ``og:type``, which describes the page to a
share card, not what the template lays out (a JSON-LD Product does not: a coupon page marks its review stars
with one)."""
THREAD_BODY_CLASSES = frozenset({"single-topic", "ForumTopicPage"})
"""<body> classes by which a page's template says it shows one forum thread: WordPress's ``single-{post type}`` for
bbPress's topics, Khoros' (Lithium's) page name. Their pages say ``og:type`` article (an SEO plugin's, the platform's
share card), and on an article a thread's replies are judged one by one as a story's comments: bbPress names every
post 'reply' (``bbp-reply-position-N``, ``type-reply``) and Khoros wraps its replies in
``lia-component-reply-list``, so the comment rule took them all (bbPress: saved only by the near-empty retry when
nothing else was left). As with :data:`PRODUCT_BODY_CLASSES`, the template outranks the ``og:type``. XenForo,
Discourse and Invision say ``DiscussionForumPosting`` in their JSON-LD (:data:`NOT_ARTICLE_TYPES`)."""


def _json_ld_items(scripts: list[str]) -> list[dict[str, object]]:
    """Every top-level JSON-LD item of the page's scripts (lists and ``@graph`` opened), in page order."""
    found: list[dict[str, object]] = []
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        found += (item for item in items if isinstance(item, dict))
    return found


def as_list(value: object) -> list[object]:
    """A JSON-LD value that may be one thing or a list of them (``@type``, ``author``), as a list."""
    return value if isinstance(value, list) else [] if value is None else [value]


def _article_item(items: list[dict[str, object]]) -> dict[str, object]:
    """The first JSON-LD item that describes an article (with a date, a headline or a body)."""
    return next((item for item in items if any(k in item for k in ("datePublished", "headline", "articleBody"))), {})


def author_of(metas: dict[str, str], json_ld: dict[str, object]) -> str | None:
    """The page's author as a name, white space squeezed: ``<meta name=author>``, then ``article:author``, then
    the JSON-LD author's name(s); a value that is a URL (``article:author`` is often a profile link) is no name.

    >>> author_of({"article:author": "https://facebook.com/jane"}, {"author": {"@type": "Person", "name": "Jane Roe"}})
    'Jane Roe'
    """
    for key in ("author", "article:author"):
        value = squeeze(metas.get(key, ""))
        if value and not _is_url(value):
            return value
    names = [squeeze(name) for name in _names(json_ld.get("author"))]
    names = [name for name in names if name and not _is_url(name)]
    return ", ".join(dict.fromkeys(names)) or None


def _names(value: object) -> list[str]:
    """The names in a JSON-LD author value: a string, a Person or Organization object, or a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://", "www.", "//"))
