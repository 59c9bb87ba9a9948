"""The DOM stage's shortcuts give what the slower code they replace gave (see benchmarks/dom_stage.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

from declutter import RuleSet
from declutter.html import extract_page, parse
from declutter.html.chrome import _article_holders
from declutter.html.regions import _CONTENT_CLASS, _content_class
from declutter.html.tree import _TOKEN_SPLIT, _split_tokens, preview, squeeze

SPACES = " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u200b\u3000"
CLASS_CHARS = st.sampled_from("abzAZ_- 0\t\xa0ıİſKéÉǅß")
CLASS_WORDS = st.sampled_from(["article", "Body", "body", "content", "TEXT", "main", "post", "news", "story", "nav"])
CLASS_NAMES = st.lists(CLASS_CHARS | CLASS_WORDS, max_size=12).map("".join)


@given(st.text(alphabet=SPACES + "aé,"))
def test_squeeze_is_the_white_space_regex(text: str) -> None:
    assert squeeze(text) == re.sub(r"\s+", " ", text).strip()


@settings(max_examples=300)
@given(CLASS_NAMES)
def test_class_tokens_and_content_class_are_the_regexes(value: str) -> None:
    assert _split_tokens(value) == [t.lower() for t in _TOKEN_SPLIT.split(value) if t]
    assert _content_class(value) == bool(_CONTENT_CLASS.search(value))


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from(["  ", "\n\n\n", "word ", "<b>x</b>", "<span> </span>", "long" * 20, "\t"]), max_size=99)
)
def test_removed_element_text_reads_as_piece_by_piece(pieces: list[str]) -> None:
    div = parse("<html><body><div>" + "".join(pieces) + "</div></body></html>").find(".//div")
    assert div is not None
    for limit in (100, 10):
        assert preview(div, limit) == _pieces(div, limit)


def _pieces(element: HtmlElement, limit: int) -> str:
    """The text pieces read one by one up to ``2 * limit`` characters, squeezed and cut: what a preview of
    inline-only content (no block or link child to space out) must give."""
    parts: list[str] = []
    for piece in element.itertext():
        parts.append(piece)
        if sum(map(len, parts)) > limit * 2:
            break
    text = squeeze("".join(parts))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def test_characters_xml_forbids_become_spaces() -> None:
    for page in ("<p>a\x01b\x0bc\x1fd\ufffee\uffff</p>", "<p>a\x01b\ud800c</p>"):
        paragraph = parse(f"<html><body>{page}</body></html>").find(".//p")
        assert paragraph is not None
        assert set(paragraph.text_content()) <= set("abcde ")


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
