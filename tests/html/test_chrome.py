"""html.chrome: selector rules remove page chrome (class values matched fast, articles' holders found fast)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

from declutter import RuleSet
from declutter.html import extract_page, parse
from declutter.html.chrome import _article_holders


def test_long_distinct_class_values_are_matched() -> None:
    long_values = "".join(f'<div class="{"x" * 300}{n} share-bar" id="{"y" * 300}{n}">Share</div>' for n in range(50))
    page = f"<html><body>{long_values}<p>The council approved the budget on Monday.</p></body></html>"
    found = extract_page(page, RuleSet.bundled().active())
    assert found.blocks == ("The council approved the budget on Monday.",)
    assert len(found.removed) == 50


TAGS = st.sampled_from(["div", "p", "span", "article", "main", "h1", "section", "ul", "li", "a"])
ATTRIBUTES = st.sampled_from(
    ["", ' itemprop="articleBody"', ' itemprop="articlebody"', ' itemprop="name"', ' class="x"']
)


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random nested markup of the tags and attributes the DOM stage looks at."""
    children = draw(st.lists(trees(depth + 1), max_size=3)) if depth < 4 else []
    tag = draw(TAGS)
    return f"<{tag}{draw(ATTRIBUTES)}>t{''.join(children)}</{tag}>"


def _holders_by_walking(root: HtmlElement) -> set[HtmlElement]:
    """What :func:`_article_holders` gives, the slow way: every ancestor of every such element."""
    found = [
        e for e in root.iterdescendants() if e.tag in ("article", "main", "h1") or e.get("itemprop") == "articleBody"
    ]
    return {ancestor for element in found for ancestor in element.iterancestors()}


@settings(max_examples=200)
@given(st.lists(trees(), max_size=4))
def test_article_holders_are_the_ancestors_of_article_markup(parts: list[str]) -> None:
    root = parse("<html><body>" + "".join(parts) + "</body></html>")
    for element in [root, *root.iter("div", "section")]:
        assert _article_holders(element) == _holders_by_walking(element)
