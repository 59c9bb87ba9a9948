"""html.tree: an element's text as the rest of the HTML stage reads it."""

from __future__ import annotations

from lxml import etree

from declutter.html.parsing import parse
from declutter.html.tree import all_text

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
