"""Metadata: what a page says about itself in <meta>, <link rel=canonical>, JSON-LD and <title>."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from lxml import etree
from lxml.html import HtmlElement


@dataclass(frozen=True)
class Metadata:
    """What a page says about itself in its <meta>, <link rel=canonical>, JSON-LD and <title> tags."""

    metas: dict[str, str]
    json_ld: dict[str, object]
    canonical: str | None
    title: str | None
    """The first <title>'s text ("" when it is empty), None when the page has none."""


_TEXT_NODES = cast(Callable[[HtmlElement], list[str]], etree.XPath("text()", smart_strings=False))


def read_metadata(root: HtmlElement) -> Metadata:
    """:class:`Metadata`, read in one pass over the page's <meta>, <link>, <script> and <title> elements."""
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
    return Metadata(metas, _json_ld(json_ld), canonical, title)


def first_meta(metas: dict[str, str], *names: str) -> str | None:
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


def author_of(metas: dict[str, str], json_ld: dict[str, object]) -> str | None:
    """The page's author as a name, white space squeezed: ``<meta name=author>``, then ``article:author``, then
    the JSON-LD author's name(s); a value that is a URL (``article:author`` is often a profile link) is no name.

    >>> author_of({"article:author": "https://facebook.com/jane"}, {"author": {"@type": "Person", "name": "Jane Roe"}})
    'Jane Roe'
    """
    for key in ("author", "article:author"):
        value = " ".join(metas.get(key, "").split())
        if value and not _is_url(value):
            return value
    names = [" ".join(name.split()) for name in _names(json_ld.get("author"))]
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
