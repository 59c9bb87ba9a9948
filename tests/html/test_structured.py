"""html.structured: a page's JSON-LD body and product description stand in for, or complete, its markup."""

from __future__ import annotations

import json

from declutter import RuleSet
from declutter.html import extract_page
from declutter.html.structured import missing_description, paragraphs


def _page(ld: dict[str, object], body: str) -> str:
    return f"<html><head><script type='application/ld+json'>{json.dumps(ld)}</script></head><body>{body}</body></html>"


def test_an_article_body_stands_in_for_a_shell_and_says_so() -> None:
    body = "\n".join(f"Paragraph {n} tells how the council voted on the budget for roads." for n in range(20))
    page = extract_page(
        _page({"@type": "NewsArticle", "articleBody": body}, "<p>Loading…</p>"), RuleSet.bundled().active()
    )
    assert len(page.blocks) == 20
    assert any("JSON-LD article body" in note for note in page.notes)


def test_a_product_description_missing_from_the_markup_is_added() -> None:
    description = "<p>This kettle boils a litre of water in ninety seconds and switches itself off when dry.</p>"
    ld = {"@type": "Product", "name": "Kettle", "description": description}
    page = extract_page(
        _page(ld, "<h1>Kettle</h1><p>Price: 20 euros, in stock, delivered tomorrow.</p>"), RuleSet.bundled().active()
    )
    assert page.blocks[-1].startswith("This kettle boils a litre")
    assert any("product description" in note for note in page.notes)
    shown = " ".join(paragraphs(description))
    assert missing_description([ld], shown) is None, "a description the markup shows is not added twice"


def test_a_review_body_too_short_to_stand_in_leaves_the_product_description_to_be_added() -> None:
    from declutter.html.structured import completed
    from declutter.structure import paragraph

    description = "This kettle boils a litre of water in ninety seconds and switches itself off when dry."
    items: list[dict[str, object]] = [
        {"@type": "Product", "description": description, "review": {"reviewBody": "Great."}},
        {"@type": "Review", "reviewBody": "Great kettle."},
    ]
    shapes = (paragraph("Price: 20 euros, in stock, delivered tomorrow."),)
    completed_shapes, notes = completed(items, shapes)
    assert [shape.text for shape in completed_shapes] == [shapes[0].text, description]
    assert notes == ("the page's JSON-LD product description, mostly missing from its markup, is added",)
    assert completed([], shapes) == (shapes, ()), "a page without JSON-LD keeps its shapes, with no note"


def test_paragraphs_split_at_breaks_whatever_white_space_surrounds_them() -> None:
    text = " First &amp; one.\r\n\n  <BR />Second\t</P>\n<li>Third <b>bold</b></LI> \u2028<br\n>Fourth</h2>  "
    assert paragraphs(text) == ["First & one.", "Second", "Third bold", "Fourth"]


def _shell(head: str, body: str = "") -> str:
    """A forum thread served as a script application: a splash screen and a login form, its text only in its head."""
    splash = "<section id='d-splash'><div class='preloader-image'></div></section><section id='main'></section>"
    form = "<form id='hidden-login-form' style='display: none'><input type='submit' value='Log In'></form>"
    return f"<html><head><title>Best first telescope?</title>{head}</head><body>{splash}{body}{form}</body></html>"


_OPENING = (
    "Howdy everyone! I am new to astronomy and excited to start exploring the night sky. I would love some advice "
    "on choosing my first telescope, something beginner-friendly but powerful enough to see planets. My budget is"
)


def test_a_shells_description_cut_from_its_text_stands_in_for_it_and_says_so() -> None:
    page = extract_page(_shell(f"<meta property='og:description' content='{_OPENING}...'>"), RuleSet.bundled().active())
    assert page.blocks == (f"{_OPENING}...",)
    assert any("excerpt of its text in its description" in note for note in page.notes)


def test_the_longest_description_holding_the_cut_ones_words_is_used() -> None:
    head = (
        f"<meta name='description' content='{_OPENING[:120]}&amp;hellip;'>"
        f"<meta property='og:description' content='{_OPENING}. Any tips?'>"
    )
    page = extract_page(_shell(head), RuleSet.bundled().active())
    assert page.blocks == (f"{_OPENING}. Any tips?",), "the share card's description is the same text, uncut"


def test_a_description_written_as_a_blurb_or_beside_a_page_of_text_is_not_used() -> None:
    from declutter.html.structured import excerpt_instead

    blurb = "Shop the Beatrice tan rug from our store. Our washable rugs are made to order and stain-resistant. Free!"
    page = extract_page(_shell(f"<meta name='description' content='{blurb}'>"), RuleSet.bundled().active())
    assert page.blocks == (), "a blurb may say what the page never does"
    assert page.notes == ()
    other = {"description": f"{_OPENING}…", "og:description": "Shop the best telescopes at low prices every day, " * 4}
    assert excerpt_instead(other, 10) == [f"{_OPENING}…"], "another text, however long, is not the excerpt"
    post = "".join(
        f"<p>Post {n}: a refractor is easy to use, a reflector gives more light per euro.</p>" for n in range(9)
    )
    page = extract_page(
        _shell(f"<meta property='og:description' content='{_OPENING}...'>", post), RuleSet.bundled().active()
    )
    assert not any("excerpt" in note for note in page.notes), "a page showing its text keeps its own extraction"
    assert page.blocks[0].startswith("Post 0")
