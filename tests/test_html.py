"""HTML mode: decoding, the DOM stage, main-content choice and the text rules after it."""

from __future__ import annotations

import gzip

import pytest

from declutter import explain
from declutter.html import extract_page, looks_like_html
from declutter.inputs import decode_document, decode_html, sniff_html

from .conftest import BENCH

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Budget passes - The Daily</title>
<link rel="canonical" href="https://www.example.com/news/budget">
<meta property="article:published_time" content="2019-11-20T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="share-bar"><a>Facebook</a><a>Twitter</a></div>
<article><h1>Budget passes</h1>
<div class="byline">By Jane Doe</div>
<p>The council approved the budget on Monday, after a long debate about roads, schools and parks.</p>
<figure><img src="a.jpg"><figcaption>The mayor at city hall. (Jane Doe/AP)</figcaption></figure>
<p>Story continues below advertisement</p>
<p>Spending on roads rises by four percent, while property taxes stay flat for a third straight year.</p>
<div class="newsletter-signup"><p>Get our daily newsletter in your inbox.</p></div>
</article>
<aside><h3>Most popular</h3><a>Storm hits coast</a></aside>
<footer>© 2019 The Daily</footer></body></html>"""


def test_detection_and_decoding() -> None:
    assert looks_like_html(PAGE)
    assert not looks_like_html("Share prices fell.\n\nThe end.")
    assert sniff_html(PAGE.encode())
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>café</p></body></html>'.encode("latin-1")
    assert decode_html(latin, "x.html") == (latin.decode("cp1252"), "cp1252")
    assert decode_document(PAGE.encode(), "x.html")[2] == "html"


def test_dom_stage_removes_chrome_and_keeps_the_article(rules) -> None:  # type: ignore[no-untyped-def]
    page = extract_page(PAGE, rules.active())
    assert page.title == "Budget passes"
    assert page.url == "https://www.example.com/news/budget"
    assert page.published == "2019-11-20T10:00:00Z"
    text = "\n".join(page.blocks)
    assert "approved the budget" in text
    assert "property taxes" in text
    for residue in ("Home", "Facebook", "By Jane Doe", "The mayor at city hall", "newsletter", "Storm hits", "© 2019"):
        assert residue not in text
    rules_used = {e.rule_id for e in page.removed}
    assert {"DOM002", "DOM003", "DOM010", "DOM011"} <= rules_used


def test_text_rules_run_after_the_dom_stage() -> None:
    result = explain(PAGE)
    assert result.text.startswith("Budget passes\n\nThe council approved")
    assert "Story continues below advertisement" not in result.text
    assert any(d.rule_id == "ADS001" for d in result.decisions)
    assert result.domain == "example.com"
    assert result.metadata["title"] == "Budget passes"


def test_malformed_and_hostile_html_is_cleaned_not_crashed() -> None:
    assert explain("<html><body><p>Unclosed <b>bold <i>text", input_format="html").text.strip() == "Unclosed bold text"
    deep = "<html><body>" + "<div>" * 5000 + "<p>Deep text here.</p>" + "</div>" * 5000 + "</body></html>"
    assert "Deep text here." in explain(deep, input_format="html").text
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        "<html><body><p>Safe &xxe; text.</p></body></html>"
    )
    assert "root:" not in explain(xxe, input_format="html").text


@pytest.mark.skipif(not BENCH.is_dir(), reason="the shared ScrapingHub benchmark is not beside the checkout")
def test_a_benchmark_page_keeps_its_article() -> None:
    import json

    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    key = next(iter(sorted(truth)))
    html, _ = decode_html(gzip.decompress((BENCH / "html" / f"{key}.html.gz").read_bytes()), key)
    text = explain(html, input_format="html").text
    first_paragraph = truth[key]["articleBody"].split("\n")[0][:60]
    assert first_paragraph in text


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


def test_author_prefers_a_name_over_a_profile_url() -> None:
    from declutter.html.metadata import author_of

    person = {"author": {"@type": "Person", "name": "Jane  Roe"}}
    assert author_of({"article:author": "https://www.facebook.com/janeroe"}, person) == "Jane Roe"
    assert author_of({"author": "John\n  Smith"}, {}) == "John Smith"
    assert author_of({}, {"author": [{"name": "A  B"}, {"name": "C D"}, "E F"]}) == "A B, C D, E F"
    assert author_of({"article:author": "https://example.com/staff/jane"}, {}) is None
    assert author_of({"article:author": "Jane Roe"}, {"author": {"name": "Someone Else"}}) == "Jane Roe"
