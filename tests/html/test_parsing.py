"""html.parsing: recognising HTML, and parsing whatever a crawler fetched without crashing or leaking."""

from __future__ import annotations

from declutter import explain
from declutter.html import looks_like_html, parse
from declutter.html.tree import all_text
from declutter.inputs import decode_document, sniff_html

from . import PAGE


def test_html_is_recognised_by_its_content() -> None:
    assert looks_like_html(PAGE)
    assert not looks_like_html("Share prices fell.\n\nThe end.")


def test_malformed_and_hostile_html_is_cleaned_not_crashed() -> None:
    assert explain("<html><body><p>Unclosed <b>bold <i>text", input_format="html").text.strip() == "Unclosed bold text"
    deep = "<html><body>" + "<div>" * 5000 + "<p>Deep text here.</p>" + "</div>" * 5000 + "</body></html>"
    assert "Deep text here." in explain(deep, input_format="html").text
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>Safe &xxe; text.</p></body></html>"
    )
    assert "root:" not in explain(xxe, input_format="html").text


def test_characters_xml_forbids_become_spaces() -> None:
    for page in ("<p>a\x01b\x0bc\x1fd\ufffee\uffff</p>", "<p>a\x01b\ud800c</p>", "<p>a\x01b\x0bc\x1fd\u2019e</p>"):
        paragraph = parse(f"<html><body>{page}</body></html>").find(".//p")
        assert paragraph is not None
        assert set(all_text(paragraph)) <= set("abcde \u2019")


def _prefixed_pages() -> list[str]:
    body = (
        "<body><nav>Home News</nav><article><h1>Budget passes</h1><p>The council approved the budget on Monday, "
        "after a long debate about roads, schools and parks in every ward.</p></article></body></html>"
    )
    long_head = "<head><title>Budget passes</title>" + "<meta name='x' content='y'>" * 300 + "</head>"
    return [
        "\ufeff<!DOCTYPE html><html>" + long_head + body,
        "<?xml version='1.0' encoding='utf-8'?>\n<!-- " + "generated " * 600 + "-->\n<html>" + long_head + body,
        "<!-- saved from url=(0044)https://example.com/ -->\n<html>" + long_head + body,
        "\ufeff<?xml version='1.0'?>" + long_head.replace("<head>", "<html><head>") + body,
    ]


def test_html_is_recognised_whatever_precedes_the_markup() -> None:
    for page in _prefixed_pages():
        assert looks_like_html(page)
        data = page.encode("utf-8")
        assert sniff_html(data)
        text, _, kind = decode_document(data, "page.html")
        assert kind == "html"
        cleaned = explain(text).text
        assert cleaned.startswith("Budget passes\n\nThe council approved"), cleaned[:200]
        assert "<" not in cleaned
    assert not looks_like_html("Share prices <b>fell</b> on Monday.\n")


def test_a_page_printed_after_an_early_end_of_document_is_read() -> None:
    """A template printing a whole document for its site header, then the article after its ``</html>``."""
    story = "<p>" + "The council met on Monday to decide the budget for the coming year. " * 4 + "</p>"
    page = (
        "<html><body><header><nav><a href='/'>Home</a></nav></header></body></html>"
        f"<div class='post'><h1>Budget set</h1>{story}</div><footer>Contact</footer></body></html>"
    )
    root = parse(page)
    assert "council met" in "".join(root.find("body").itertext())
    assert "The council met on Monday" in explain(page, input_format="html").text


def test_a_page_ending_as_usual_is_parsed_as_written() -> None:
    root = parse("<html><body><p>Story</p></body>\n</html>\n")
    assert [element.tag for element in root.find("body")] == ["p"]
