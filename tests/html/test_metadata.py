"""html.metadata: what a page says about itself (title, canonical URL, types, declared language)."""

from __future__ import annotations

import pytest

from declutter import RuleSet
from declutter.html import extract_page, parse
from declutter.html.metadata import read_metadata


@pytest.mark.parametrize(
    ("head", "code"),
    [
        ('<!DOCTYPE html>\n<html class="js" lang="de-DE" dir="ltr"><head>', "de"),
        ("<html xml:lang='nl'><head>", "nl"),
        ("<html lang=pl><head>", "pl"),
        ('<html><head><meta http-equiv="content-language" content="fr-FR"></head>', "fr"),
        ('<html><head><meta property="og:locale" content="es_ES" /></head>', "es"),
        ('<html lang=""><head><meta property="og:locale" content="it_IT"></head>', "it"),
        ("<html><head><title>x</title></head>", None),
        ('<html><head><meta http-equiv="Content-Language" content="de, en"></head>', "de"),
        ('<html><head><meta name="content-language" content="pt-BR"></head>', "pt"),
        ('<html lang="xx"><head><meta http-equiv="Content-Language" content="nl"></head>', "nl"),
        ('<html lang="en"><head><meta property="og:locale" content="de_DE"></head>', "en"),
        ('<html><head><meta http-equiv="Content-Language" content="Deutsch"></head>', None),
    ],
)
def test_declared_language(head: str, code: str | None) -> None:
    """The root's lang (or xml:lang), then Content-Language, then og:locale; an unknown tag says nothing."""
    assert read_metadata(parse(head)).language == code


def test_a_page_carries_its_declared_language() -> None:
    page = '<html lang="de-AT"><body><article><p>Der Rat hat den Haushalt beschlossen.</p></article></body></html>'
    assert extract_page(page, ()).language == "de"
    assert extract_page("<html><body><p>The council met.</p></body></html>", ()).language is None


def test_a_page_too_deep_to_parse_keeps_its_language() -> None:
    deep = '<html lang="fr"><body>' + "<div>" * 5000 + "<p>Texte.</p>" + "</div>" * 5000 + "</body></html>"
    assert read_metadata(parse(deep)).language == "fr"


def test_author_prefers_a_name_over_a_profile_url() -> None:
    from declutter.html.metadata import author_of

    person = {"author": {"@type": "Person", "name": "Jane  Roe"}}
    assert author_of({"article:author": "https://www.facebook.com/janeroe"}, person) == "Jane Roe"
    assert author_of({"author": "John\n  Smith"}, {}) == "John Smith"
    assert author_of({}, {"author": [{"name": "A  B"}, {"name": "C D"}, "E F"]}) == "A B, C D, E F"
    assert author_of({"article:author": "https://example.com/staff/jane"}, {}) is None
    assert author_of({"article:author": "Jane Roe"}, {"author": {"name": "Someone Else"}}) == "Jane Roe"


@pytest.mark.parametrize(
    ("types", "article", "product"),
    [
        (["NewsArticle", "WebPage"], True, False),
        (["CollectionPage", "ItemList", "Article"], False, False),
        (["QAPage", "Article"], False, False),
        (["Product", "BreadcrumbList"], False, True),
        (["Product", "Review", "Article"], True, False),
    ],
)
def test_what_a_page_says_it_is(types: list[str], article: bool, product: bool) -> None:
    items = "".join(f'<script type="application/ld+json">{{"@type": "{name}"}}</script>' for name in types)
    found = read_metadata(parse(f"<html><head>{items}</head><body><p>x</p></body></html>"))
    assert (found.article, found.product) == (article, product)


@pytest.mark.parametrize(
    ("body", "article", "product"),
    [
        ('<body class="product-template-default single single-product postid-891 woocommerce">', False, True),
        ('<body class="post-template-default single single-post postid-12">', True, False),
        ('<body class="single-product-page">', True, False),  # a class naming the template, not the post type
    ],
)
def test_a_shop_template_outranks_og_type_article(body: str, article: bool, product: bool) -> None:
    """WooCommerce's product pages say og:type article (their SEO plugin's) and often no JSON-LD Product; the
    <body> class WordPress writes for the product post type says what the page shows."""
    page = f'<html><head><meta property="og:type" content="article"></head>{body}<p>x</p></body></html>'
    found = read_metadata(parse(page))
    assert (found.article, found.product) == (article, product)


@pytest.mark.parametrize(
    ("body", "article"),
    [
        ('<body class="topic-template-default single single-topic postid-312 bbpress">', False),
        ('<body class="lia-board lia-user-status-anonymous ForumTopicPage lia-body">', False),
        ('<body class="forum-template-default single single-forum postid-34">', True),  # a forum's topic list
        ('<body class="single-topic-page">', True),  # a class naming the template, not the post type
    ],
)
def test_a_thread_template_outranks_og_type_article(body: str, article: bool) -> None:
    """bbPress's topics and Khoros' threads say og:type article; the <body> class their template writes says the
    page shows a thread, whose replies are its text, not a story's comments."""
    page = f'<html><head><meta property="og:type" content="article"></head>{body}<p>x</p></body></html>'
    found = read_metadata(parse(page))
    assert (found.article, found.product) == (article, False)


def test_a_bbpress_thread_saying_og_type_article_keeps_its_replies() -> None:
    post = (
        "<div class='loop-item-{n} bbp-reply-position-{n} {kind} type-{kind} status-publish hentry'>"
        "<div class='bbp-reply-author'>poster{n}</div><div class='bbp-reply-content'><p>{text}</p></div></div>"
    )
    text = "Reply {n}: sow a green manure such as winter rye before the middle of October and dig it in later."
    posts = post.format(
        n=1, kind="topic", text="Opening post: " + "What should I do with raised beds? " * 12
    ) + "".join(post.format(n=n, kind="reply", text=text.format(n=n)) for n in range(2, 5))
    sidebar = "<div class='site-notice'><p>" + "Members can post new topics after one week. " * 10 + "</p></div>"
    page = (
        '<html><head><meta property="og:type" content="article"></head>'
        '<body class="topic-template-default single single-topic bbpress"><h1>Raised beds</h1>'
        f"<ul class='forums bbp-replies'><li class='bbp-body'>{posts}</li></ul>{sidebar}</body></html>"
    )
    blocks = extract_page(page, RuleSet.bundled().active()).blocks
    assert sum(1 for block in blocks if block.startswith("Reply ")) == 3
