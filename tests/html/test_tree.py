"""html.tree: an element's text as the rest of the HTML stage reads it, and the shortcuts it takes give what the
slower code they replace gave (see benchmarks/dom_stage.py)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from declutter.html import parse
from declutter.html.tree import (
    _TOKEN_SPLIT,
    SPACED,
    Element,
    Paths,
    _split_tokens,
    all_text,
    describe,
    preview,
    squeeze,
)

from . import CLASS_NAMES

_STRING = etree.XPath("string()", smart_strings=False)
SPACES = " \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2003\u200b\u3000"


@given(st.text(alphabet=SPACES + "aé,"))
def test_squeeze_is_the_white_space_regex(text: str) -> None:
    assert squeeze(text) == re.sub(r"\s+", " ", text).strip()


@given(st.lists(st.text(alphabet=SPACES + "aé,", max_size=40), max_size=60), st.integers(0, 3))
def test_squeeze_remembered_gives_the_regex_every_time(pieces: list[str], copies: int) -> None:
    """Texts long enough to be remembered (past 32 and past 2,000 characters), squeezed again: each answer is the
    regex's, the first time and the next."""
    text = "".join(pieces) * (1 + copies * 40)
    for _ in range(2):
        assert squeeze(text) == re.sub(r"\s+", " ", text).strip()


@settings(max_examples=300)
@given(CLASS_NAMES)
def test_class_tokens_are_the_regex(value: str) -> None:
    assert _split_tokens(value) == [t.lower() for t in _TOKEN_SPLIT.split(value) if t]


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from(["  ", "\n\n\n", "word ", "<b>x</b>", "<span> </span>", "long" * 20, "\t"]), max_size=99)
)
def test_removed_element_text_reads_as_piece_by_piece(pieces: list[str]) -> None:
    """A preview is the start of the element's text, white space collapsed, within the limit ('...' when cut);
    it reads about twice the limit of raw text, so white space can make it stop early, never wrong."""
    div = parse("<html><body><div>" + "".join(pieces) + "</div></body></html>").find(".//div")
    assert div is not None
    whole = squeeze(all_text(div))
    for limit in (100, 10):
        shown = preview(div, limit)
        assert len(shown) <= limit
        assert whole.startswith(shown.removesuffix("...").rstrip())
        if len("".join(pieces)) <= limit:
            assert shown == whole


def _walked_preview(element: Element, limit: int) -> str:
    """The preview as ``etree.iterwalk``'s start and end events read it, piece by piece (the code it replaces)."""
    parts: list[str] = []
    size = 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        spaced = node.tag in SPACED
        if event == "start":
            piece = (" " if spaced else "") + (node.text or "")
        elif node is element:
            break
        else:
            piece = (" " if spaced else "") + (node.tail or "")
        parts.append(piece)
        size += len(piece)
        if size > limit * 2:
            break
    text = squeeze("".join(parts))
    return text if len(text) <= limit else text[: limit - 3] + "..."


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "<a>",
                "</a>",
                "<span>",
                "</span>",
                "<li>",
                "</li>",
                "<p>",
                "</p>",
                "<!-- note -->",
                "word ",
                "\n" * 9,
                "x" * 30,
            ]
        ),
        max_size=40,
    )
)
def test_preview_reads_what_the_walk_of_events_read(pieces: list[str]) -> None:
    """The recursion reads the pieces, their spaces and its stop after ``2 * limit`` characters as the walk did."""
    div = parse("<html><body><div>" + "".join(pieces) + "<b>end</b></div></body></html>").find(".//div")
    assert div is not None
    for limit in (100, 20, 5):
        assert preview(div, limit) == _walked_preview(div, limit)


@settings(max_examples=100)
@given(
    st.lists(st.sampled_from(["<ul class='share bar'>", "<li>", "<div id=main>", "<p>", "<span class=x>"]), max_size=8)
)
def test_paths_of_removed_siblings_are_each_element_s_own(opened: list[str]) -> None:
    """A path made from its parent's shared part is the one walked up from the element itself."""
    root = parse("<html><body>" + "".join(opened) + "<a>1</a><a>2</a><b>3</b></body></html>")
    paths = Paths()
    for element in root.iter():
        walked, node = [], element
        while node is not None and len(walked) < 4:
            walked.append(describe(node))
            node = node.getparent()
        assert paths.of(element) == ">".join(reversed(walked))


def test_all_text_is_the_string_value_of_the_subtree_without_its_tail() -> None:
    page = parse(
        "<body><div id=a>One&nbsp;<b>two <i>three</i></b>\n\t<br>four&amp;five<span></span> &lt;six&gt;"
        "<!-- gone --><p>seven\u2019s <a href='#'>eight</a></p>nine</div>tail<div id=b>alone</div></body>"
    )
    for element in page.iter():
        assert all_text(element) == _STRING(element)
    assert all_text(page.find(".//*[@id='a']")) == "One\xa0two three\n\tfour&five <six>seven\u2019s eightnine"
    assert all_text(page.find(".//*[@id='b']")) == "alone"


def test_all_text_reads_an_element_changed_after_the_parse() -> None:
    page = parse("<body><div id=a><p>kept</p><p id=gone>removed</p>after</div></body>")
    gone = page.find(".//*[@id='gone']")
    gone.getparent().remove(gone)  # its tail goes with it, as lxml removes
    assert all_text(page.find(".//*[@id='a']")) == "kept"


def test_squeeze_returns_a_squeezed_text_as_it_is_and_squeezes_the_rest() -> None:
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert [space for space in spaces if space.isprintable()] == [" "]  # what the shortcut relies on
    texts = ["Read the report", " Read", "Read ", "Read  the", "", " ", "10\xa0km", "a\u2028b", "caf\u00e9 au lait"]
    texts += [f"one{space}two" for space in spaces]
    for text in texts:
        assert squeeze(text) == " ".join(text.split())
