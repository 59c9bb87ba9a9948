"""html.chrome: the walk removes what selector rules match (class values matched fast, code never walked into,
buttons left open unwrapped, an accordion's buttons kept as its panels' headings, text-rich <noscript>s read, boxes
grown, what the reader opens kept)."""

from __future__ import annotations

import dataclasses
import inspect
import re

from declutter import RuleSet
from declutter.html import chrome, extract_page, parse
from declutter.html.chrome import _EARLY, _LATE, _in_page_cluster, _index_of, remove_chrome
from declutter.html.selectors import compile_selector_rule
from declutter.html.tree import CACHED_VALUES
from declutter.rules import Kind


def test_long_distinct_class_values_are_matched() -> None:
    long_values = "".join(f'<div class="{"x" * 300}{n} share-bar" id="{"y" * 300}{n}">Share</div>' for n in range(50))
    page = f"<html><body>{long_values}<p>The council approved the budget on Monday.</p></body></html>"
    found = extract_page(page, RuleSet.bundled().active())
    assert found.blocks == ("The council approved the budget on Monday.",)
    assert len(found.removed) == 50


def test_a_button_left_open_around_the_page_is_unwrapped_not_stripped() -> None:
    page = extract_page(
        "<html><body><button class='menu'>Menu<div><p>The council approved the budget on Monday, after a long "
        "debate about roads and schools.</p></div></body></html>",
        RuleSet.bundled().active(),
    )
    assert page.blocks[-1].startswith("The council approved the budget")


def test_the_bulk_count_leaves_out_a_button_unwrapped_around_the_page() -> None:
    page = extract_page(
        "<html><body><button class='menu'>Menu<div><p>The council approved the budget on Monday, after a long "
        "debate about roads and schools.</p><button>Print</button><button>Mail</button></div></body></html>",
        RuleSet.bundled().active(),
    )
    assert [decision.text for decision in page.removed if "button" in decision.text] == ["button x2"]


_FAQ = (
    "<section class='faq'><h3><button aria-controls='a1' aria-expanded='false'>Is the plan free for students?"
    "</button></h3><div id='a1' style='display: none'><p>Yes: students pay nothing for the first two years of the "
    "plan, and half the price after that.</p></div>"
    "<div><button aria-controls='a2'>Can I cancel at any time?</button><span class='icon'></span></div>"
    "<div id='a2' style='display: none'><p>You can cancel from your account page, and the plan stops at the end of "
    "the month you paid for.</p></div></section>"
)
_ABOUT = "<p>" + "The plan covers every lesson in the catalogue, with a teacher to ask when a lesson is unclear. " * 4


def test_an_accordion_s_button_heads_the_panel_it_opens() -> None:
    for head in ("", "<head><meta property='og:type' content='article'></head>"):
        page = extract_page(
            f"<html>{head}<body><main>{_ABOUT}</p>{_FAQ}</main></body></html>", RuleSet.bundled().active()
        )
        assert "Is the plan free for students?" in page.blocks
        assert "Can I cancel at any time?" in page.blocks


def test_a_bootstrap_4_accordion_s_button_heads_its_panel_too() -> None:
    faq = _FAQ.replace("aria-controls='a1'", "data-target='#a1'").replace("aria-controls='a2'", "data-bs-target='#a2'")
    page = extract_page(f"<html><body><main>{_ABOUT}</p>{faq}</main></body></html>", RuleSet.bundled().active())
    assert "Is the plan free for students?" in page.blocks
    assert "Can I cancel at any time?" in page.blocks


def test_a_german_accordion_s_two_word_question_with_a_compound_heads_its_panel() -> None:
    faq = (
        "<section class='faq'><h3><button aria-controls='g1'>Entwickleragilität erhöhen</button></h3><div id='g1'>"
        "<p>Sie schreiben weniger Code und bringen Anwendungen schneller in Betrieb als zuvor.</p></div>"
        "<h3><button aria-controls='g2'>Mehr erfahren</button></h3><div id='g2'><p>Weitere Informationen zu den "
        "Preisen finden Sie auf der nächsten Seite.</p></div></section>"
    )
    page = extract_page(f"<html><body><main>{_ABOUT}</p>{faq}</main></body></html>", RuleSet.bundled().active())
    assert "Entwickleragilität erhöhen" in page.blocks  # 'Increase developer agility' in three words
    assert "Mehr erfahren" not in page.blocks  # two short words: a toggle


def test_an_accordion_s_buttons_are_stripped_on_a_product_page() -> None:
    page = extract_page(
        f"<html><head><meta property='og:type' content='product'></head><body><main>{_ABOUT}</p>{_FAQ}</main>"
        "</body></html>",
        RuleSet.bundled().active(),
    )
    assert "Is the plan free for students?" not in page.blocks


def test_a_short_toggle_or_a_carousel_s_dots_are_no_panel_s_heading() -> None:
    page = extract_page(
        f"<html><body><main>{_ABOUT}</p><h3><button aria-controls='m1'>More</button></h3><div id='m1'><p>Extra "
        "lessons on weekends.</p></div><div id='track'><p>Slide one of the tour.</p></div><div><button "
        "aria-controls='track'>Go to slide 3</button></div></main></body></html>",
        RuleSet.bundled().active(),
    )
    assert "More" not in page.blocks
    assert not any("Go to slide" in block for block in page.blocks)


def test_a_text_rich_noscript_is_read() -> None:
    posts = "".join(
        f"<p>Post {n}: the update broke my build and rolling back to the last version fixed it.</p>" for n in range(6)
    )
    page = extract_page(
        f"<html><body><noscript>{posts}</noscript><noscript>Enable JavaScript</noscript></body></html>",
        RuleSet.bundled().active(),
    )
    assert sum("rolling back" in block for block in page.blocks) == 6
    assert "Enable JavaScript" not in page.blocks


def test_a_highlighter_s_spans_inside_code_are_no_chrome() -> None:
    code = "<pre><code>let x = parse(input);<span class='comment'>// panics on bad input</span></code></pre>"
    page = extract_page(
        "<html><body><main><p>"
        + "Parsing returns a result that the caller must handle. " * 12
        + f"</p>{code}</main></body></html>",
        RuleSet.bundled().active(),
    )
    assert any("// panics on bad input" in block for block in page.blocks)


def test_a_css_module_hash_is_no_word() -> None:
    cells = "<tr><td>count</td><td>How many instances to create.</td></tr>"
    table = f"<div class='mdx-table_root__adKqa'><table>{cells}</table></div>"
    page = extract_page(
        "<html><body><main><p>"
        + "The resource block defines a piece of infrastructure. " * 12
        + f"</p>{table}</main></body></html>",
        RuleSet.bundled().active(),
    )
    assert any("How many instances to create." in block for block in page.blocks)
    assert not any(element.rule_id == "DOM006" for element in page.removed)


def test_a_heading_named_as_a_caption_is_a_heading_and_a_gallery_still_goes() -> None:
    card = (
        "<div class='card'><a href='/l/{n}'><h2 class='wt-text-caption card__title'>Leather wallet {n}</h2></a></div>"
    )
    gallery = "<div class='gallery'><img src='a.jpg'><p>Photo by Jane Doe</p></div>"
    page = extract_page(
        "<html><body><main><p>"
        + "Handmade wallets from small workshops, sorted by relevance. " * 4
        + "</p>"
        + "".join(card.format(n=n) for n in range(4))
        + f"{gallery}</main></body></html>",
        RuleSet.bundled().active(),
    )
    assert all(any(f"Leather wallet {n}" in block for block in page.blocks) for n in range(4))
    assert not any("Photo by Jane Doe" in block for block in page.blocks)


def test_an_element_named_as_the_body_is_no_chrome_whatever_else_it_is_named() -> None:
    """HubSpot names every post field ``hs_cos_wrapper_meta_field``, the post's body too ('meta': DOM011)."""
    body = "<p>" + "Pick the topic before you write the first draft of the essay. " * 5 + "</p>"
    teasers = "".join(f"<p>Another post, number {n}, tells a different story about essays.</p>" for n in range(8))
    root = parse(
        f"<html><body><span id='hs_cos_wrapper_post_body' class='hs_cos_wrapper_meta_field'>{body}</span>"
        f"<div class='post-meta'>May 18, 2023</div><section>{teasers}</section></body></html>"
    )
    rules = [compile_selector_rule(rule) for rule in RuleSet.bundled().active() if rule.kind is Kind.SELECTOR]
    removed = remove_chrome(root, rules)
    assert root.find(".//span") is not None, "the body holds less than the guard's share, but it is named the body"
    assert [decision.text for decision in removed if decision.rule_id == "DOM011"] == ["May 18, 2023"]


def test_a_tab_panel_is_no_chrome_by_the_name_of_its_tab() -> None:
    """A tab panel's id names the tab that opens it ('main-nav-products-content' under a 'main-nav' tablist)."""
    cards = "".join(
        f"<div class='grid-item'><a href='/p/{n}'><img alt=''></a><span>Frozen pizza {n}</span></div>" for n in range(6)
    )
    page = extract_page(
        "<html><body><div class='site-nav'><a href='/'>Home</a></div><main><div role='tablist'>"
        "<input role='tab' id='main-nav-products-tab'>"
        f"<div role='tabpanel' id='main-nav-products-content'><h2>My favourites</h2>{cards}</div>"
        "</div></main></body></html>",
        RuleSet.bundled().active(),
    )
    assert "Frozen pizza 3" in page.blocks
    assert not any("Home" in block for block in page.blocks), "a menu named 'nav' still goes"


def test_a_panel_the_reader_opens_is_text_except_on_a_product_page() -> None:
    faq = (
        "<button aria-controls='faq-1'>Do you ship abroad?</button>"
        "<div id='faq-1' style='display:none'><p>Yes, we ship to every country in the EU within a week.</p></div>"
        "<div id='promo' style='display:none'><p>Sign up for our newsletter today.</p></div>"
    )
    intro = "<p>" + "We repair bikes of every make in our workshop on Main Street. " * 5 + "</p>"

    def page(head: str) -> str:
        return f"<html><head>{head}</head><body><main><h1>Repairs</h1>{intro}{faq}</main></body></html>"

    for head in ("", "<meta property='og:type' content='article'>"):
        shown = extract_page(page(head), RuleSet.bundled().active())
        assert any("ship to every country" in block for block in shown.blocks), head
        assert not any("newsletter" in block for block in shown.blocks), "hidden and opened by nothing: it goes"
    product = extract_page(page("<meta property='og:type' content='product'>"), RuleSet.bundled().active())
    assert not any("ship to every country" in block for block in product.blocks)


def test_a_gallery_holding_a_product_s_feature_prose_stays_on_a_product_page_only() -> None:
    """DOM010 spares a 'feature-gallery' blade holding a paragraph of 40 words or more on a page calling itself a
    product (``prose_pages = "products"``): the maker's description set beside a picture. Elsewhere such a
    carousel is other stories' teasers, and a product page's carousel of related cards holds no such paragraph."""
    blade = (
        "<div class='feature-gallery content-left'><h3>Power on the go</h3><p>"
        + "The workstation runs long renders on battery and stays quiet under load while you edit. " * 3
        + "</p><img src='a.jpg'></div>"
    )
    cards = "<div class='carousel'>" + "".join(
        f"<div class='card'><a href='/p/{n}'>Laptop sleeve {n}</a><span>$29.99</span></div>" for n in range(4)
    )
    about = "A light mobile workstation for engineers, with a large screen and a quiet keyboard. "
    intro = f"<p>{about * 3}</p>" * 6

    def page(kind: str) -> str:
        head = f"<meta property='og:type' content='{kind}'>"
        return f"<html><head>{head}</head><body><main><h1>P16s</h1>{intro}{blade}{cards}</div></main></body></html>"

    product = extract_page(page("product"), RuleSet.bundled().active())
    assert any("stays quiet under load" in block for block in product.blocks)
    assert not any("Laptop sleeve" in block for block in product.blocks)
    article = extract_page(page("article"), RuleSet.bundled().active())
    assert not any("stays quiet under load" in block for block in article.blocks)


def test_a_hidden_tab_panel_a_control_opens_stays_on_an_article() -> None:
    head = "<head><meta property='og:type' content='article'></head>"
    intro = "<p>" + "Install the command line tool with the package manager your project already uses. " * 5 + "</p>"
    tabs = (
        "<div role='tablist'><button aria-controls='t1'>npm</button><button aria-controls='t2'>pnpm</button></div>"
        "<div id='t1'><p>npm create tauri-app@latest</p></div><div id='t2' hidden><p>pnpm create tauri-app</p></div>"
        "<div hidden><p>Loading the sign-in dialog</p></div>"
    )
    page = extract_page(
        f"<html>{head}<body><article><h1>Start</h1>{intro}{tabs}</article></body></html>", RuleSet.bundled().active()
    )
    assert "pnpm create tauri-app" in page.blocks
    assert not any("sign-in" in block for block in page.blocks), "hidden and opened by nothing: it goes"


def test_an_article_s_sign_up_form_goes_with_its_box() -> None:
    """A form inside an article's text takes its box (pitch, title, fine print) along; not a short story that
    shares one block with it."""
    rules = RuleSet.bundled().active()
    head = "<head><meta property='og:type' content='article'></head>"
    story = "<p>The council approved the budget on Monday after a long debate about roads and parks.</p>" * 8
    box = "<section><h3>Deals</h3><p>Be the first to know! Deals texted to your phone.</p><form>Phone</form></section>"
    page = extract_page(f"<html>{head}<body><article><h1>Budget</h1>{story}{box}</article></body></html>", rules)
    assert sum("council" in block for block in page.blocks) == 8
    assert not any("first to know" in block or block == "Deals" for block in page.blocks)
    short = "<div><p>The council approved the budget on Monday.</p><form>Phone</form></div>"
    page = extract_page(f"<html>{head}<body><article><h1>Budget</h1>{short}</article></body></html>", rules)
    assert any("council" in block for block in page.blocks)


def test_d_none_goes_unless_a_wider_screen_or_a_control_shows_it() -> None:
    """Bootstrap's ``d-none`` hides a block on every screen, unless a responsive variant shows it on a wider one
    (``d-none d-lg-block``, a rule's ``unless_class_prefix``) or a control opens it on a page that is no article
    (``unless_opened = "except-articles"``: a product's tab)."""
    intro = "<p>" + "The Classic watch has a steel case and a mineral glass that resists scratches. " * 5 + "</p>"
    hidden = (
        "<div class='tile-copy d-none'><p>Moon Silver watch with a leather strap</p></div>"
        "<div class='d-none d-lg-block'><p>Its hands glow in the dark for eight hours.</p></div>"
        "<button aria-controls='specs'>Specs</button>"
        "<div id='specs' class='d-none'><p>Water resistant to fifty metres.</p></div>"
    )
    head = "<meta property='og:type' content='product'>"
    page = extract_page(
        f"<html><head>{head}</head><body><main><h1>Classic</h1>{intro}{hidden}</main></body></html>",
        RuleSet.bundled().active(),
    )
    assert not any("Moon Silver" in block for block in page.blocks)
    assert any("glow in the dark" in block for block in page.blocks)
    assert any("fifty metres" in block for block in page.blocks)


def test_a_drop_down_built_of_aria_roles_goes_and_a_plain_list_stays() -> None:
    """A sign-up form's custom drop-down (``role="listbox"`` of ``role="option"`` entries, its ``<select>`` twin
    stripped with the controls) prints every country it offers; a list of the same words is text."""
    countries = "".join(f"<div role='option' data-value='{c}'><span>{c}</span></div>" for c in ("Samoa", "Senegal"))
    plain = "<ul><li>Saint Lucia</li><li>Serbia</li></ul>"
    intro = "<p>" + "Our firewall blocks attacks before they reach your servers, at all our sites. " * 4 + "</p>"
    page = extract_page(
        f"<html><body><main><h1>Firewall</h1>{intro}<p>We serve:</p>{plain}<form><label>Country</label>"
        f"<div role='listbox'>{countries}</div></form></main></body></html>",
        RuleSet.bundled().active(),
    )
    text = " ".join(page.blocks)
    assert "Samoa" not in text
    assert "Senegal" not in text
    assert "Saint Lucia" in text
    assert any(d.rule_id == "DOM031" for d in page.removed)


def test_a_forum_link_preview_goes_though_it_holds_the_pages_only_article() -> None:
    """Discourse prints a pasted link's preview as an <aside class="onebox"> over an <article>: on a thread with one
    such card that is the page's only <article>, which the markup guard keeps as the page's text; the card is the
    linked site's title and blurb, so its rule (DOM032) is not guarded. The poster's own words stay."""
    post = "<p>" + "The new release schedule moved three of the films I was waiting for into the autumn. " * 3 + "</p>"
    card = (
        "<aside class='onebox allowlistedgeneric'><header class='source'><a href='https://example.com/'>example.com"
        "</a></header><article class='onebox-body'><h3><a href='https://example.com/'>2024 Release Schedule</a></h3>"
        "<p>Official release schedule of every movie coming out in 2024.</p></article></aside>"
    )
    page = extract_page(
        f"<html><body><div id='main-outlet'><h1>The best movies of 2024</h1><div class='topic-body crawler-post'>"
        f"<div class='post'>{post}{card}</div></div></div></body></html>",
        RuleSet.bundled().active(),
    )
    text = " ".join(page.blocks)
    assert "Official release schedule" not in text
    assert "The new release schedule moved" in text
    assert any(d.rule_id == "DOM032" for d in page.removed)


def test_a_blogs_embedded_post_cards_go_and_its_own_words_stay() -> None:
    """A link to another post printed as a card by the blog's software is that post's title and first lines: WordPress's
    post embed (its fallback ``blockquote.wp-embedded-content``) and Substack's embedded post (``embedded-post-wrap``)
    go by DOM032, Ghost's bookmark (``kg-bookmark-container``) by it or, in its <figure>, by DOM010; the author's
    paragraphs around them stay."""
    own = "<p>" + "We walked the ridge for three days and the pack never once rubbed my shoulders raw. " * 3 + "</p>"
    wordpress = (  # the classic editor's embed: no <figure> round it for DOM010 to take
        "<blockquote class='wp-embedded-content' data-secret='fylZ5vBwCJ'><p><a href='https://example.org/tent/'>"
        "Ultralight Tent Review</a></p></blockquote><p><iframe class='wp-embedded-content' sandbox='allow-scripts' "
        "src='https://example.org/tent/embed/' title='Ultralight Tent Review'></iframe></p>"
    )
    substack = (
        "<div class='embedded-post-wrap' data-component-name='EmbeddedPostToDOM'><a class='embedded-post' "
        "href='https://example.substack.com/p/stoves'><div class='embedded-post-header'><span "
        "class='embedded-post-publication-name'>Trail Notes Newsletter</span></div><div class='embedded-post-title'>"
        "Which stove to carry</div><div class='embedded-post-body'>Canister stoves are light but struggle in the "
        "cold…</div><div class='embedded-post-cta-wrapper'><span class='embedded-post-cta'>Read more</span></div>"
        "</a></div>"
    )
    ghost = (
        "<figure class='kg-card kg-bookmark-card'><a class='kg-bookmark-container' href='https://example.com/map'>"
        "<div class='kg-bookmark-content'><div class='kg-bookmark-title'>Mapping the Ridge Trail</div>"
        "<div class='kg-bookmark-description'>Every campsite along the route, with water sources marked.</div>"
        "</div></a></figure>"
    )
    page = extract_page(
        f"<html><body><article><h1>Three days on the ridge</h1>{own}{wordpress}{own.replace('ridge', 'coast')}"
        f"{substack}{own.replace('ridge', 'valley')}{ghost}</article></body></html>",
        RuleSet.bundled().active(),
    )
    text = " ".join(page.blocks)
    for card in ("Ultralight Tent Review", "Trail Notes Newsletter", "Canister stoves", "Mapping the Ridge Trail"):
        assert card not in text
    for place in ("walked the ridge", "walked the coast", "walked the valley"):
        assert place in text
    assert sum(d.rule_id == "DOM032" for d in page.removed) >= 2


def test_a_table_of_contents_rule_is_asked_only_about_what_holds_in_page_links() -> None:
    """DOM025 names every <div>; the walk asks it only about the elements holding its ``min_links`` links to places
    in the page, and the outermost one that it takes goes, its inner list with it."""
    rules = {rule.id: compile_selector_rule(rule) for rule in RuleSet.bundled() if rule.id in ("DOM014", "DOM025")}
    assert _in_page_cluster(rules["DOM025"])
    assert not _in_page_cluster(rules["DOM014"]), "its links lead elsewhere: any <div> may hold them"
    toc = "".join(f"<li><a href='#s{n}'>Section {n}</a></li>" for n in range(3))
    two = "".join(f"<a href='#n{n}'>Note {n}</a> " for n in range(2))
    text = "<p>" + "The council approved the budget on Monday, after a long debate about roads. " * 6 + "</p>"
    root = parse(
        f"<html><body><div id=toc><div><ul>{toc}</ul></div></div>{text}<div id=notes>{two}</div></body></html>"
    )
    removed = remove_chrome(root, [rules["DOM025"]])
    assert [(d.rule_id, d.path.rsplit(">", 1)[-1]) for d in removed] == [("DOM025", "div#toc")]
    assert root.find(".//*[@id='notes']") is not None


def test_a_walks_rule_index_is_built_once_for_its_rules_and_leaves_a_table_of_contents_to_its_links() -> None:
    rules = tuple(compile_selector_rule(rule) for rule in RuleSet.bundled().active() if rule.kind is Kind.SELECTOR)
    index = _index_of(rules)
    assert _index_of((*rules,)) is index  # another tuple of the same rules
    assert _index_of(rules[1:]) is not index
    contents = [n for n, compiled in enumerate(rules) if _in_page_cluster(compiled)]
    assert contents
    assert not any(n in numbers for numbers in index.by_tag.values() for n in contents)
    for number, compiled in enumerate(rules):
        assert all(number in index.by_token[token] for token in compiled.tokens)
        assert all(number in index.by_class[name] for _, name in compiled.classes)


def test_each_page_is_walked_with_its_own_matches_whatever_page_came_before() -> None:
    rules = [compile_selector_rule(rule) for rule in RuleSet.bundled().active() if rule.kind is Kind.SELECTOR]
    article = "<p>" + "The council approved the budget on Monday after a long debate. " * 4 + "</p>"
    first = parse(f"<html><body><div class='share-bar'>Share</div>{article}</body></html>")
    second = parse(f"<html><body>{article}<footer>About us</footer></body></html>")
    assert [d.text for d in remove_chrome(first, rules)] == ["Share"]
    assert [d.text for d in remove_chrome(second, rules)] == ["About us"]


def test_what_a_walk_reads_of_class_values_is_kept_for_the_next_page_and_bounded() -> None:
    """The index keeps a class value's tokens from page to page; what depends on the element (a value naming the
    body, a heading's id, a tab panel) is still decided on each page."""
    rules = [compile_selector_rule(rule) for rule in RuleSet.bundled().active() if rule.kind is Kind.SELECTOR]
    article = "<p>" + "The council approved the budget on Monday after a long debate. " * 4 + "</p>"
    first = parse(f"<html><body><div class='share-bar'>Share</div>{article}</body></html>")
    chrome._INDEXES.clear()
    assert [d.text for d in remove_chrome(first, rules)] == ["Share"]
    (index,) = [index for index in chrome._INDEXES.values() if index.valued.get(("share-bar", None))]
    assert index.named["share-bar"]
    tab = parse(f"<html><body><div class='share-bar' role=tabpanel>Share</div>{article}</body></html>")
    assert remove_chrome(tab, rules) == []
    index.named.update((f"name{n}", frozenset()) for n in range(CACHED_VALUES + 1))
    again = parse(f"<html><body><div class='share-bar'>Share</div>{article}</body></html>")
    assert [d.text for d in remove_chrome(again, rules)] == ["Share"]
    assert len(index.named) < CACHED_VALUES


def _builder_article(second: str) -> str:
    """An article a page builder writes in blocks of one template named 'widget', the first long."""
    body = "The council approved the budget on Monday after a long debate about roads and schools. " * 8
    return (
        "<html><body><h1>Budget passes</h1><p>Roads and schools win most of the new money, and the vote came after "
        "months of talks between the mayor, the council and the unions over what the city can afford this year.</p>"
        f"<div class='row'><div class='article-widget-html'><p>{body}</p></div></div>"
        f"<div class='row'>{second}</div>"
        "<div class='row'><div class='article-widget-html'><p>Most read</p><p>Storm hits coast</p></div></div>"
        "</body></html>"
    )


def test_a_block_of_the_template_the_guard_kept_as_the_text_stays_with_it() -> None:
    rest = "Schools will get new roofs, and the roads plan runs until the end of the decade, officials said. " * 3
    page = extract_page(
        _builder_article(f"<div class='article-widget-html'><p>{rest}</p></div>"), RuleSet.bundled().active()
    )
    assert any(block.startswith("Schools will get new roofs") for block in page.blocks)
    assert not any("Most read" in block for block in page.blocks)  # a twin too short to be the text still goes


def test_a_block_of_another_template_or_not_prose_still_goes() -> None:
    rest = "Schools will get new roofs, and the roads plan runs until the end of the decade, officials said. " * 3
    other = f"<div class='sidebar-widget'><p>{rest}</p></div>"  # another template the same rule names
    cells = "".join(f"<div>Another forecast for the city, day {n}: sun</div>" for n in range(8))
    fields = f"<div class='article-widget-html'>{cells}</div>"  # the template, but short fields, no paragraph
    for second in (other, fields):
        page = extract_page(_builder_article(second), RuleSet.bundled().active())
        assert not any("Schools will get" in block or "Another forecast" in block for block in page.blocks)


def test_the_twins_of_the_text_still_count_toward_their_rules_matches_held_together() -> None:
    long = "The council approved the budget on Monday after a long debate about roads and schools. " * 10
    short = "Schools will get new roofs, and the roads plan runs to the end of the decade, officials said. " * 3
    twins = "".join(f"<div class='post-widget'><p>{short}</p></div>" for _ in range(3))
    other = (
        "<div class='sidebar-widget'><p>" + "Weather for the week: sun, then rain from Thursday. " * 4 + "</p></div>"
    )
    page = extract_page(
        f"<html><body><div class='post-widget'><p>{long}</p></div>{twins}{other}</body></html>",
        RuleSet.bundled().active(),
    )
    # the rule's matches (twins and the other widget) hold the text together: none of them goes, as without twins
    assert any(block.startswith("Weather for the week") for block in page.blocks)


def test_a_section_of_the_text_whose_lists_are_links_stays_whole_and_a_related_box_goes() -> None:
    """DOM014 spares a block holding a paragraph of prose (`unless_prose`) and leaves its subtree: a release
    note's lists of changes are the section's, announced or not; a box of related links has no such paragraph."""
    head = "<html><head><meta property='og:type' content='article'></head><body><article><h1>Release notes</h1>"
    body = "<p>" + "This release brings many fixes to the federation code and the database layer. " * 8 + "</p>"
    changes = "".join(f"<li><a href='/pr/{n}'>Fix federation bug number {n} in the queue</a></li>" for n in range(8))
    section = (
        "<div class='md'><p>Thanks to everyone who contributed to this release with code, reviews and reports "
        "over the last three months of work, and to the maintainers who tested every change by hand.</p>"
        f"<ul>{changes}</ul></div>"
    )
    related = "<div class='box'><ul>" + "".join(f"<li><a href='/s/{n}'>Another post {n}</a></li>" for n in range(5))
    page = extract_page(
        f"{head}{body}{section}{body}{related}</ul></div></article></body></html>", RuleSet.bundled().active()
    )
    assert sum("Fix federation bug number" in block for block in page.blocks) == 8
    assert not any("Another post" in block for block in page.blocks)


def test_every_setting_the_walk_spares_by_is_one_the_index_looks_at() -> None:
    """The walk skips a rule's spares when none of :data:`_EARLY` (or :data:`_LATE`) is set: a setting read there
    and listed in neither would never be asked of a rule setting only it."""
    read = set(re.findall(r'rule\.params\.get\("(\w+)"', inspect.getsource(chrome._matches)))
    assert read - set(_EARLY) - set(_LATE) == {"guard_twins", "max_words", "prose_pages", "sectioned_pages"}


def test_the_index_says_which_rules_spare_before_or_after_their_guard() -> None:
    bundled = next(rule for rule in RuleSet.bundled().active() if rule.id == "DOM008")
    off = {name: (0 if name.startswith("min") else ()) for name in (*_EARLY, *_LATE)} | {"guard_twins": True}
    plain = dataclasses.replace(bundled, params={**bundled.params, **off})
    tags = dataclasses.replace(bundled, params={**plain.params, "unless_tags": ["h2"]})
    twins = dataclasses.replace(bundled, params={**plain.params, "guard_twins": False})
    cards = dataclasses.replace(bundled, params={**plain.params, "unless_in_card": ["a"]})
    index = _index_of(tuple(compile_selector_rule(rule) for rule in (plain, tags, twins, cards)))
    assert index.early == [False, True, True, False]
    assert index.late == [False, False, False, True]


def test_a_rule_sparing_nothing_still_removes_and_one_sparing_early_still_spares() -> None:
    bundled = next(rule for rule in RuleSet.bundled().active() if rule.id == "DOM008")
    off = {name: (0 if name.startswith("min") else ()) for name in (*_EARLY, *_LATE)} | {"guard_twins": True}
    plain = dataclasses.replace(bundled, params={**bundled.params, **off, "guard": False})
    article = "<p>" + "The council approved the budget on Monday after a long debate. " * 4 + "</p>"
    page = f"<html><body><h2 class='x-widget'>Weather</h2><div class='x-widget'>Sun</div>{article}</body></html>"
    assert [d.text for d in remove_chrome(parse(page), [compile_selector_rule(plain)])] == ["Weather", "Sun"]
    spared = dataclasses.replace(plain, params={**plain.params, "unless_tags": ["h2"]})
    assert [d.text for d in remove_chrome(parse(page), [compile_selector_rule(spared)])] == ["Sun"]


def _bbpress_thread(marks: tuple[str, ...]) -> str:
    """A bbPress thread on a page calling itself no article: each post ``marks`` its author's role or not."""
    texts = (
        "We put in four cedar raised beds this spring and have no idea what to do with them over the winter, "
        "with hard frosts from November and the wind off the field behind us.",
        "Sow a green manure such as winter rye before the middle of October and dig it in three weeks before "
        "planting; the roots hold the soil together through the wet months.",
        "I do half and half: black plastic over compost on the beds for early peas, and straw on the others, "
        "held down with netting so the wind does not strip it off.",
        "Thank you both, I have ordered a sack of winter rye seed and will cover the other two beds with straw.",
    )
    names = ("marigold", "tomh", "hollyb", "marigold")
    posts = "".join(
        f"<div id='post-{n}' class='bbp-reply-header'><div class='bbp-meta'>October {n}, 2023</div></div>"
        f"<div class='loop-item-{n} bbp-parent-topic-7 {mark} reply type-reply status-publish hentry'>"
        f"<div class='bbp-reply-author'><span class='bbp-author-name'>{name}</span></div>"
        f"<div class='bbp-reply-content'><p>{text}</p></div></div>"
        for n, (mark, name, text) in enumerate(zip(marks, names, texts, strict=True))
    )
    return f"<html><body><h1>Winter-proof raised beds?</h1><ul class='bbp-replies'><li>{posts}</li></ul></body></html>"


def test_the_topic_author_s_reply_is_no_byline_and_its_byline_still_goes() -> None:
    page = extract_page(_bbpress_thread(("topic-author", "", "", "topic-author")), RuleSet.bundled().active())
    text = "\n".join(page.blocks)
    assert "Thank you both, I have ordered a sack of winter rye seed" in text
    assert "We put in four cedar raised beds" in text
    assert "marigold" not in text  # every post's byline, the author's too
    assert "tomh" not in text


def test_a_byline_box_beside_siblings_holding_no_byline_still_goes() -> None:
    story = "<p class='text'>" + "The council approved the budget on Monday after a long debate. " * 4 + "</p>"
    box = "<div class='text author-box'><span class='author-name'>Jo Smith</span> covers the council.</div>"
    page = extract_page(f"<html><body>{story}{box}</body></html>", RuleSet.bundled().active())
    assert not any("Jo Smith" in block for block in page.blocks)


def test_posts_are_spared_only_by_a_rule_saying_so() -> None:
    bundled = next(rule for rule in RuleSet.bundled().active() if rule.id == "DOM011")
    plain = dataclasses.replace(bundled, params={**bundled.params, "unless_one_of_posts": False, "guard": False})
    root = parse(_bbpress_thread(("", "", "", "topic-author")))
    removed = [d.text for d in remove_chrome(root, [compile_selector_rule(plain)])]
    assert any(text.startswith("marigold Thank you both") for text in removed)
    root = parse(_bbpress_thread(("", "", "", "topic-author")))
    spared = dataclasses.replace(plain, params={**plain.params, "unless_one_of_posts": True})
    removed = [d.text for d in remove_chrome(root, [compile_selector_rule(spared)])]
    assert "marigold" in removed
    assert not any("Thank you both" in text for text in removed)


def _widget_thread(marked: bool) -> str:
    """A thread whose every post sits in a block a 'widget' class names (Khoros' message views): a long first post
    and a one-line reply, their bodies marked ``itemprop="text"`` or not."""
    mark = ' itemprop="text"' if marked else ""
    post = (
        "<div class='lia-component-forums-widget-message-view'>"
        "<div class='lia-message-body'{mark}><p>{text}</p></div></div>"
    )
    first = "My printer stopped printing over Wi-Fi after the router was replaced; the queue keeps every job. " * 4
    answer = "Windows still prints to the old address: add a Standard TCP/IP port with the new one and select it."
    texts = (first, answer, "Re-adding the port fixed it, thanks!")
    posts = "".join(post.format(mark=mark, text=text) for text in texts)
    return f"<html><body><h1>Printer offline</h1><div class='message-list'>{posts}</div></body></html>"


def test_a_short_reply_twin_of_a_kept_post_stays_when_both_bodies_are_marked_as_text() -> None:
    def removed(marked: bool) -> list[str]:
        return [e.text for e in extract_page(_widget_thread(marked), RuleSet.bundled().active()).removed]

    assert removed(marked=True) == []
    assert "Re-adding the port fixed it, thanks!" in removed(marked=False)  # too short for prose: a widget's blurb
