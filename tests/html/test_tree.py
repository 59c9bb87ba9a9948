"""html.tree: an element's text as the rest of the HTML stage reads it."""

from __future__ import annotations

from lxml import etree

from declutter.html.parsing import parse
from declutter.html.tree import all_text, squeeze

_STRING = etree.XPath("string()", smart_strings=False)


def test_all_text_is_the_string_value_of_the_subtree_without_its_tail() -> None:
    page = parse(
        "<body><div id=a>One&nbsp;<b>two <i>three</i></b>\n\t<br>four&amp;five<span></span> &lt;six&gt;"
        "<!-- gone --><p>seven\u2019s <a href='#'>eight</a></p>nine</div>tail<div id=b>alone</div></body>"
    )
    for element in page.iter():
        assert all_text(element) == _STRING(element)
    assert all_text(page.get_element_by_id("a")) == "One\xa0two three\n\tfour&five <six>seven\u2019s eightnine"
    assert all_text(page.get_element_by_id("b")) == "alone"


def test_all_text_reads_an_element_changed_after_the_parse() -> None:
    page = parse("<body><div id=a><p>kept</p><p id=gone>removed</p>after</div></body>")
    gone = page.get_element_by_id("gone")
    gone.getparent().remove(gone)  # its tail goes with it, as lxml removes
    assert all_text(page.get_element_by_id("a")) == "kept"


def test_squeeze_returns_a_squeezed_text_as_it_is_and_squeezes_the_rest() -> None:
    spaces = [chr(code) for code in range(0x110000) if chr(code).isspace()]
    assert [space for space in spaces if space.isprintable()] == [" "]  # what the shortcut relies on
    texts = ["Read the report", " Read", "Read ", "Read  the", "", " ", "10\xa0km", "a\u2028b", "caf\u00e9 au lait"]
    texts += [f"one{space}two" for space in spaces]
    for text in texts:
        assert squeeze(text) == " ".join(text.split())
