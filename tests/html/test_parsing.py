"""html.parsing: recognising HTML, and parsing whatever a crawler fetched without crashing or leaking."""

from __future__ import annotations

from declutter import explain
from declutter.html import looks_like_html, parse

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
    for page in ("<p>a\x01b\x0bc\x1fd\ufffee\uffff</p>", "<p>a\x01b\ud800c</p>"):
        paragraph = parse(f"<html><body>{page}</body></html>").find(".//p")
        assert paragraph is not None
        assert set(paragraph.text_content()) <= set("abcde ")
