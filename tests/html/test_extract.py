"""html.extract: the DOM stage in order, from a page to its title, metadata, blocks and removed elements."""

from __future__ import annotations

import gzip
import json

import pytest

from declutter import Kind, Rule, explain
from declutter.html import extract_page
from declutter.html.extract import _selectors
from declutter.inputs import decode_html

from ..conftest import BENCH
from . import PAGE


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
    assert {"DOM018", "DOM003", "DOM010", "DOM011"} <= rules_used  # the <nav> and <footer> are landmarks


@pytest.mark.skipif(not BENCH.is_dir(), reason="the shared ScrapingHub benchmark is not beside the checkout")
def test_a_benchmark_page_keeps_its_article() -> None:
    truth = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    key = next(iter(sorted(truth)))
    html, _ = decode_html(gzip.decompress((BENCH / "html" / f"{key}.html.gz").read_bytes()), key)
    text = explain(html, input_format="html").text
    first_paragraph = truth[key]["articleBody"].split("\n")[0][:60]
    assert first_paragraph in text


def test_a_later_copy_of_the_text_is_left_out_with_a_note(rules) -> None:  # type: ignore[no-untyped-def]
    story = "".join(f"<p>Paragraph {i} of the story goes on for a while, with many more words.</p>" for i in range(8))
    html = f"<html><body><article><h1>Story</h1>{story}</article><div class=gated>{story}</div></body></html>"
    page = extract_page(html, rules.active())
    assert sum("Paragraph 0 of the story" in block for block in page.blocks) == 1
    assert any("later copy" in note and "div.gated" in note for note in page.notes)


def test_a_line_printed_again_right_below_is_read_once_with_a_note(rules) -> None:  # type: ignore[no-untyped-def]
    story = "".join(f"<p>Paragraph {i} of the shop's story goes on for a while, with many words.</p>" for i in range(6))
    cards = "".join(f"<li><a href=/cup{i}>Joco Cup {i}oz</a><h3>Joco Cup {i}oz</h3></li>" for i in (4, 8))
    html = f"<html><body><main><h1>Cups</h1>{story}<ul>{cards}</ul></main></body></html>"
    page = extract_page(html, rules.active())
    assert sum(block == "Joco Cup 4oz" for block in page.blocks) == 1
    assert any("2 lines printed again right below" in note and "Joco Cup 4oz" in note for note in page.notes)


def _shop(page_type: str) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": page_type, "name": "Trail pack 25"})
    reviews = "".join(
        f"<div class='review'><p>Review {n}: it fits well and the straps stay put on long climbs.</p></div>"
        for n in range(12)
    )
    return (
        f"<html><head><script type='application/ld+json'>{ld}</script></head><body><h1>Trail pack 25</h1>"
        "<div class='details'><p>A light pack for day hikes, with a padded back panel and two side pockets.</p></div>"
        f"<section class='product-reviews'>{reviews}</section></body></html>"
    )


def test_a_products_customer_reviews_go_but_a_review_articles_stay(rules) -> None:  # type: ignore[no-untyped-def]
    product = extract_page(_shop("Product"), rules.active())
    assert any("padded back panel" in block for block in product.blocks)
    assert not any("straps stay put" in block for block in product.blocks), "they outweigh it, yet they go"
    assert product.product
    assert not product.article
    for other in ("Article", "WebPage"):
        page = extract_page(_shop(other), rules.active())
        assert sum("straps stay put" in block for block in page.blocks) == 12, other


def test_a_product_page_s_cart_form_goes_with_its_box_but_a_service_s_contact_form_stays(rules) -> None:  # type: ignore[no-untyped-def]
    def page(page_type: str) -> str:
        ld = json.dumps({"@context": "https://schema.org", "@type": page_type, "name": "Trail pack 25"})
        about = "".join(
            f"<p>Part {n}: a light pack for day hikes, with a padded back panel and two side pockets.</p>"
            for n in range(4)
        )
        cart = (
            "<div class='buy'><span>$89.00</span><span>Only 3 left</span>"
            "<form action='/cart/add'><label>Colour:</label><select name=c><option>Slate</option></select>"
            "<p>Adding to cart… The item has been added</p></form></div>"
        )
        return (
            f"<html><head><script type='application/ld+json'>{ld}</script></head><body><main><h1>Trail pack 25</h1>"
            f"<div class='details'>{about}{cart}</div></main></body></html>"
        )

    product = extract_page(page("Product"), rules.active())
    text = "\n".join(product.blocks)
    assert "padded back panel" in text
    for residue in ("$89.00", "Only 3 left", "Colour:", "Adding to cart"):
        assert residue not in text, residue
    assert any(element.path.endswith("div.buy") for element in product.removed), "the form's box goes with it"
    other = extract_page(page("WebPage"), rules.active())
    assert not any("form" in element.path for element in other.removed), "a form may be the page's own elsewhere"


def test_an_intro_row_before_the_body_column_comes_out_first(rules) -> None:  # type: ignore[no-untyped-def]
    intro = (
        "<div class='row intro'><p>Most of us own far more charging cables than we will ever need, and most of them"
        " sit in a drawer for years.</p></div>"
    )
    body = "".join(
        f"<p>Step {n}: sort the cables by the plug at each end, then label each bundle.</p>" for n in range(20)
    )
    html = (
        f"<html><body><main><h1>Cables</h1>{intro}<div class=row><div class=col>{body}</div></div></main></body></html>"
    )
    page = extract_page(html, rules.active())
    assert page.blocks[0].startswith("Most of us own far more charging cables")
    assert page.blocks[1].startswith("Step 0:")
    assert page.container.endswith("div.col")


def test_a_listing_s_introduction_in_its_banner_comes_out_before_its_cards(rules) -> None:  # type: ignore[no-untyped-def]
    intro = "Metal wallets designed to carry cards and cash safely, in every colour we make."
    cards = "".join(
        f"<li class=card><a href='/w/{n}'>Slim aluminium wallet with a money clip, number {n}</a> $95</li>"
        for n in range(12)
    )
    html = (
        f"<html><body><div class=banner><div><h1>Wallets</h1></div><p>{intro}</p></div>"
        f"<div class=grid><ul>{cards}</ul></div></body></html>"
    )
    page = extract_page(html, rules.active())
    assert page.blocks[0] == intro, page.blocks[:2]
    assert page.blocks[1].startswith("Slim aluminium wallet")


def test_an_article_s_introduction_in_its_hero_opens_the_text_but_not_its_dek(rules) -> None:  # type: ignore[no-untyped-def]
    intro = (
        "Most of us own far more charging cables than we will ever need. They pile up in a drawer, tangled and"
        " unlabelled, until the day one of them is needed and none of them can be found. This guide sorts them out"
        " in an afternoon, with nothing more than tape, a marker and a shoebox."
    )
    dek = "A tidy drawer in one afternoon, with tape, a marker and a shoebox."
    body = "".join(
        f"<p>Step {n}: sort the cables by the plug at each end, then label every bundle you keep.</p>"
        for n in range(30)
    )

    def first_block(hero: str) -> str:
        html = (
            '<html><head><meta property="og:type" content="article"></head><body><main>'
            f"<div class=hero><div><h1>Taming the cable drawer</h1></div>{hero}</div>"
            f"<div class=body><div class=col>{body}</div></div></main></body></html>"
        )
        return extract_page(html, rules.active()).blocks[0]

    assert first_block(f"<p>{intro}</p>") == intro
    assert first_block(f"<p>{dek}</p>").startswith("Step 0:"), "a one-sentence dek: the references part on it"


def test_the_document_s_next_section_after_the_container_comes_out_after_it(rules) -> None:  # type: ignore[no-untyped-def]
    def section(name: str, paragraphs: int) -> str:
        prose = (
            f"<p>The {name} middleware reads every request before the view runs, and it may answer the request"
            " at once.</p>"
        )
        return f"<section class=doc><h2>{name}</h2>{prose * paragraphs}</section>"

    aside = "<aside><p>Sign up to hear about every release of the framework as soon as it is out, by mail.</p></aside>"
    html = (
        "<html><body><main><h1>Middleware</h1>"
        f"<div class=docs>{section('Available', 14)}{section('Ordering', 2)}</div>{aside}</main></body></html>"
    )
    page = extract_page(html, rules.active())
    assert page.blocks[-1].startswith("The Ordering middleware"), page.blocks[-3:]
    assert page.container.endswith("section.doc")
    assert not any("Sign up" in block for block in page.blocks)


SAID = "I cloned the repository, ran the migration twice and the service came back up within a minute."


def test_a_near_empty_result_is_made_again_without_the_guarded_rule_that_took_the_text(rules) -> None:  # type: ignore[no-untyped-def]
    """A link post calling itself an article, whose text is its comments: judged one by one on an article (DOM007),
    they all went and the title was left. Made again without DOM007, the comments are kept, and a note says so."""
    comments = "".join(f"<li class='comments_subtree'><p>{SAID} Reader {n}.</p></li>" for n in range(12))
    html = (
        "<html><head><meta property='og:type' content='article'></head><body><h1>Rust goals for 2024</h1>"
        f"<a href='https://blog.rust-lang.org/'>rust-lang</a><ol class='comments'>{comments}</ol></body></html>"
    )
    page = extract_page(html, rules.active())
    assert sum("Reader" in block for block in page.blocks) == 12
    assert any("made again without DOM007" in note for note in page.notes)


def test_what_the_page_s_markup_calls_chrome_stays_chrome_however_little_is_left(rules) -> None:  # type: ignore[no-untyped-def]
    """A landmark (DOM018, guarded by the markup alone) is never retried: a page whose only prose is its
    <aside> keeps its title alone."""
    html = f"<html><body><h1>Rust goals for 2024</h1><aside><p>{SAID * 20}</p></aside></body></html>"
    page = extract_page(html, rules.active())
    assert not any("migration" in block for block in page.blocks)
    assert not any("made again" in note for note in page.notes)


def test_a_product_s_grid_of_other_products_goes_but_a_category_s_grid_stays(rules) -> None:  # type: ignore[no-untyped-def]
    ld = json.dumps({"@context": "https://schema.org", "@type": "Product", "name": "Trail pack 25"})
    cards = "".join(
        f"<li class=card><a href='/p/{n}'>Trail pack {n} in ripstop nylon, 30 litres, with rain cover</a>"
        f"<span>$7{n}.00</span><span>Free delivery</span></li>"
        for n in range(8)
    )
    head = f"<html><head><script type='application/ld+json'>{ld}</script></head><body>"
    product = extract_page(
        f"{head}<h1>Trail pack 25</h1><div class=buy><span>$89.00</span></div>"
        "<div class='details'><p>A light pack for day hikes, with a padded back panel and two side pockets.</p></div>"
        f"<div class=more><h2>Similar items</h2><ul>{cards}</ul></div></body></html>",
        rules.active(),
    )
    text = "\n".join(product.blocks)
    assert "padded back panel" in text, "they outweigh it, yet the product is the content"
    assert "ripstop nylon" not in text
    assert any("other products" in note for note in product.notes)
    category = extract_page(f"{head}<h1>Trail packs</h1><ul>{cards}</ul></body></html>", rules.active())
    assert sum("ripstop nylon" in block for block in category.blocks) == 8, "a category's grid is its content"


def test_a_site_rule_removes_on_its_site_only_whatever_pages_came_before() -> None:
    site = Rule(
        "TST900",
        "site-box",
        Kind.SELECTOR,
        "navigation",
        "a site's box",
        selectors=(".box",),
        domains=frozenset({"example.com"}),
    )
    anywhere = Rule(
        "TST901",
        "promo",
        Kind.SELECTOR,
        "ads",
        "a promo",
        selectors=(".promo",),
        excluded_domains=frozenset({"example.org"}),
    )
    articles = Rule("TST902", "aside", Kind.SELECTOR, "related", "an aside", selectors=("aside",), pages="articles")
    rules = (site, anywhere, articles)
    ids = [
        [compiled.rule.id for compiled in _selectors(rules).for_page(domain, article=article, product=False, spared="")]
        for domain, article in (("example.org", True), ("news.example.com", False), ("example.com", True), (None, True))
    ]
    assert ids == [["TST902"], ["TST900", "TST901"], ["TST900", "TST901", "TST902"], ["TST901", "TST902"]]
    spared = _selectors(rules).for_page("example.com", article=True, product=False, spared="TST901")
    assert [compiled.rule.id for compiled in spared] == ["TST900", "TST902"]
