"""html.chrome: selector rules remove page chrome (class values matched fast, articles' holders found fast)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement

from declutter import RuleSet
from declutter.html import extract_page, parse
from declutter.html.chrome import (
    _article_holders,
    _in_page,
    _InPageLinks,
    _token_screen,
    compile_selector_rule,
    remove_chrome,
)
from declutter.html.tree import class_tokens
from declutter.rules import Kind


def test_long_distinct_class_values_are_matched() -> None:
    long_values = "".join(f'<div class="{"x" * 300}{n} share-bar" id="{"y" * 300}{n}">Share</div>' for n in range(50))
    page = f"<html><body>{long_values}<p>The council approved the budget on Monday.</p></body></html>"
    found = extract_page(page, RuleSet.bundled().active())
    assert found.blocks == ("The council approved the budget on Monday.",)
    assert len(found.removed) == 50


TAGS = st.sampled_from(["div", "p", "span", "article", "main", "h1", "section", "ul", "li", "a"])
ATTRIBUTES = st.sampled_from(
    [
        "",
        ' itemprop="articleBody"',
        ' itemprop="articlebody"',
        ' itemprop="name"',
        ' class="x"',
        ' role="dialog"',
        ' aria-modal="true"',
    ]
)


@st.composite
def trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random nested markup of the tags and attributes the DOM stage looks at."""
    children = draw(st.lists(trees(depth + 1), max_size=3)) if depth < 4 else []
    tag = draw(TAGS)
    return f"<{tag}{draw(ATTRIBUTES)}>t{''.join(children)}</{tag}>"


def _holders_by_walking(root: HtmlElement, *, marked: bool = False) -> set[HtmlElement]:
    """What :func:`_article_holders` gives, the slow way: every ancestor of every such element (``marked``: an
    <article> only when it is the only one below ``root``)."""

    def in_dialog(element: HtmlElement) -> bool:
        return any(
            a.get("role") in ("dialog", "alertdialog") or a.get("aria-modal") == "true" for a in element.iterancestors()
        )

    found = [
        e
        for e in root.iterdescendants()
        if e.tag in ("article", "main") or (e.tag == "h1" and not in_dialog(e)) or e.get("itemprop") == "articleBody"
    ]
    if marked and len(list(root.iterdescendants("article"))) > 1:
        found = [e for e in found if e.tag != "article" or e.get("itemprop") == "articleBody"]
    return {ancestor for element in found for ancestor in element.iterancestors()}


@settings(max_examples=200)
@given(st.lists(trees(), max_size=4))
def test_article_holders_are_the_ancestors_of_article_markup(parts: list[str]) -> None:
    root = parse("<html><body>" + "".join(parts) + "</body></html>")
    for element in [root, *root.iter("div", "section")]:
        holders = _article_holders(element)
        assert holders.any == _holders_by_walking(element)
        assert holders.marked == _holders_by_walking(element, marked=True)


LINKS = st.sampled_from(["<a href='#part'>p</a>", "<a href='#'>top</a>", "<a href='/a'>a</a>", "<a>x</a>", ""])


@st.composite
def linked_trees(draw: st.DrawFn, depth: int = 0) -> str:
    """Random nested blocks holding links to places in the page, elsewhere, or nowhere."""
    children = draw(st.lists(linked_trees(depth + 1), max_size=3)) if depth < 3 else []
    tag = draw(st.sampled_from(["div", "ul", "li", "section", "a"]))
    return f"<{tag}>{draw(LINKS)}{''.join(children)}{draw(LINKS)}</{tag}>"


@settings(max_examples=200)
@given(st.lists(linked_trees(), max_size=4))
def test_in_page_links_are_counted_as_the_link_cluster_counts_them(parts: list[str]) -> None:
    """The walk's count per element (from the links' ancestors) is the count of its links :func:`_in_page` takes."""
    root = parse("<html><body>" + "".join(parts) + "</body></html>")
    counted = _InPageLinks(root)
    for element in root.iter():
        assert counted(element) == sum(_in_page(a.get("href") or "") for a in element.iter("a"))


def test_a_landmark_holding_several_articles_holds_cards_not_the_page_s_text() -> None:
    """A mega-menu's featured stories marked as <article>s do not keep its <nav> (guarded by the markup alone);
    the page's only <article> still keeps the landmark left open around it."""
    rules = RuleSet.bundled().active()
    story = "<p>The council approved the budget on Monday after a long debate about roads and parks.</p>" * 5
    teaser = "<li><article><h3>Storm hits</h3><p>Marsh crabs disrupt carbon cycling, a study finds.</p></article></li>"
    page = extract_page(
        f"<html><body><nav><ul>{teaser * 2}</ul></nav><div><h1>Budget</h1>{story}</div></body></html>", rules
    )
    assert [e.rule_id for e in page.removed if e.path.endswith("nav")] == ["DOM018"]
    page = extract_page(f"<html><body><nav><ul>{teaser}</ul><div>{story}</div></nav></body></html>", rules)
    assert not any(e.rule_id == "DOM018" for e in page.removed)
    assert any("budget" in block for block in page.blocks)


POST = "<div class='comment'><p>Reply {n}: I had the same crash on startup, and updating the driver fixed it.</p></div>"


def _thread(head: str = "") -> str:
    posts = "".join(POST.format(n=n) for n in range(8))
    return (
        f"<html><head>{head}</head><body><div id='thread'>{posts}</div><div class='comment'>Log in</div></body></html>"
    )


def test_a_forum_s_posts_are_kept_together_though_each_matches_a_comment_rule() -> None:
    page = extract_page(_thread(), RuleSet.bundled().active())
    assert sum("same crash" in block for block in page.blocks) == 8
    assert not any(element.rule_id == "DOM007" for element in page.removed), "the rule's matches are the page's text"


def test_an_article_s_comments_are_judged_one_by_one() -> None:
    article = "<meta property='og:type' content='article'>"
    page = extract_page(
        _thread(article).replace("<div id='thread'>", "<div id='thread'><p>" + "Words. " * 80 + "</p>"),
        RuleSet.bundled().active(),
    )
    assert not any("same crash" in block for block in page.blocks), "DOM007 says: except-articles"


def test_a_thread_in_an_article_s_markup_keeps_its_replies() -> None:
    """A bbPress thread printed in a WordPress ``article.entry`` calls itself an article, but its first post and its
    replies share one template ('forum-post'): the replies are the thread, judged together as a forum's are. An
    article's own comments, no twins of its text, still go (see the test above)."""
    article = "<meta property='og:type' content='article'>"
    first = "<div class='forum-post forum-post-original'><p>How do I square a board?</p></div>"
    replies = "".join(POST.format(n=n).replace("'comment'", "'forum-post forum-post-reply'") for n in range(8))
    html = f"<html><head>{article}</head><body><div class='forum-thread'>{first}{replies}</div></body></html>"
    page = extract_page(html, RuleSet.bundled().active())
    assert sum("same crash" in block for block in page.blocks) == 8
    assert any("square a board" in block for block in page.blocks)


def test_an_article_s_comments_sharing_a_layout_class_with_the_story_still_go() -> None:
    """The story and each comment carry a layout's class ('container'), which the page's header carries too: a
    layout, not the template of a thread's posts, so on an article the comments go, though they outweigh the story."""
    article = "<meta property='og:type' content='article'>"
    header = "<div class='container'><a href='/'>Home</a></div>"
    story = "<div class='entry container'><p>" + "The council approved the budget on Monday. " * 12 + "</p></div>"
    said = "I read every line of it twice and tried it at work. " * 3
    comments = "".join(f"<div class='comment container'><p>Reader {n}: {said}</p></div>" for n in range(6))
    html = f"<html><head>{article}</head><body>{header}<div>{story}{comments}</div></body></html>"
    page = extract_page(html, RuleSet.bundled().active())
    assert any("budget" in block for block in page.blocks)
    assert not any("Reader" in block for block in page.blocks)


def test_a_long_comment_among_its_like_is_no_page_text_by_its_share() -> None:
    """A blog post written between <br>s holds no paragraph: one long comment of the list holds most of the page's
    paragraphs, yet it is one comment of several (DOM007: ``guard_twins = false``) and goes with the others, though
    WordPress names every other comment ``odd``."""
    post = "<div class='post-body'>" + "The startup shipped its first product in a week.<br>" * 80 + "</div>"
    said = "I read every line of it twice and tried it at work. "
    comments = "".join(
        f"<li class='comment {('even', 'odd alt')[n % 2]}'><p>{said * (40 if n == 0 else 1)}Reader {n}.</p></li>"
        for n in range(4)
    )
    root = parse(f"<html><body>{post}<div class='thread'><ol>{comments}</ol></div></body></html>")
    (rule,) = [rule for rule in RuleSet.bundled().active() if rule.id == "DOM007"]
    remove_chrome(root, [compile_selector_rule(rule)])
    assert "Reader" not in root.text_content()
    assert "first product" in root.text_content()


def test_a_class_selector_is_a_whole_class_name_tested_in_the_walk(rule_file) -> None:  # type: ignore[no-untyped-def]
    """``.post-index`` names one class as written: no XPath over every element, and no piece of another name."""
    rules = RuleSet.load(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST001"
name = "post-number"
kind = "selector"
category = "byline"
description = "A post's number."
selectors = [".post-index", "i-pwa-install"]
[rule.examples]
residue = ['<a class="post-index">#4</a>']
article = ['<p>The index rose 4%.</p>']
"""
        )
    )
    compiled = compile_selector_rule(rules.get("TST001"))
    assert compiled.xpath is None
    assert compiled.classes == {"post-index"}
    assert compiled.tags == {"i-pwa-install"}
    root = parse(
        "<body><p>Reply one.</p><a class='small post-index'>#4</a><span class='post-indexes'>Posts: 12</span>"
        "<i-pwa-install>Install the app</i-pwa-install></body>"
    )
    removed = remove_chrome(root, [compiled])
    assert removed[0].reason.startswith("class 'post-index'")
    assert root.text_content() == "Reply one.Posts: 12"


BLURBS = "".join(
    f"<p>Store note {n}: our team has packed every order by hand in the Ohio warehouse since 1982.</p>"
    for n in range(6)
)
PRODUCT = (
    "<h1>Trail pack 25</h1><div class='details'><p>A light pack for day hikes, with a padded back panel.</p></div>"
)


def test_a_landmark_outweighing_the_page_still_goes() -> None:
    page = extract_page(
        f"<html><body><div id='product'>{PRODUCT}</div><footer class='site'>{BLURBS}</footer></body></html>",
        RuleSet.bundled().active(),
    )
    assert not any("Store note" in block for block in page.blocks), "a <footer> is not the text, whatever its share"
    assert any("padded back panel" in block for block in page.blocks)
    shop = f"<html><body><div id='product'>{PRODUCT}</div><div class='page-footer'>{BLURBS}</div></body></html>"
    page = extract_page(shop, RuleSet.bundled().active())
    assert any("Store note" in block for block in page.blocks), "a footer named by its class keeps the share guard"


def test_a_landmark_holding_the_headline_stays() -> None:
    page = extract_page(
        f"<html><body><aside><div id='product'>{PRODUCT}</div></aside><nav><a href='/'>Home</a></nav></body></html>",
        RuleSet.bundled().active(),
    )
    assert any("padded back panel" in block for block in page.blocks)
    assert not any(element.rule_id == "DOM018" and "Trail pack" in element.text for element in page.removed)


def test_a_modal_dialog_goes_though_it_outweighs_the_thread() -> None:
    posts = POST.format(n=1) + POST.format(n=2)
    policy = "".join(
        f"<p>Section {n}: we store cookies to remember your preferences and measure use.</p>" for n in range(9)
    )
    page = extract_page(  # with the share guard, the policy was kept and found as the content
        f"<html><body><div id='thread'>{posts.replace('comment', 'post')}</div>"
        f"<div role='dialog' aria-modal='true'><h2>Privacy preference centre</h2>{policy}</div></body></html>",
        RuleSet.bundled().active(),
    )
    assert sum("same crash" in block for block in page.blocks) == 2
    assert not any("cookies" in block for block in page.blocks)


def test_a_popover_goes_though_it_outweighs_the_thread() -> None:
    """An element with the ``popover`` attribute is hidden until a button opens it over the page (Invision's 'install
    this app' and push-notification cards): a dialog, which no share of the page's text keeps."""
    steps = "".join(
        f"<p>Step {n}: tap the share icon, scroll the menu and tap Add to Home Screen.</p>" for n in range(9)
    )
    page = extract_page(
        f"<html><body><div id='thread'>{POST.format(n=1).replace('comment', 'post')}</div>"
        f"<i-card popover id='install'><h4>Install the app</h4>{steps}</i-card></body></html>",
        RuleSet.bundled().active(),
    )
    assert any("same crash" in block for block in page.blocks)
    assert not any("Home Screen" in block for block in page.blocks)


def test_a_dialog_s_headline_does_not_shield_the_sidebar_holding_it() -> None:
    dialog = "<aside role='dialog' aria-hidden='true'><h1>Subscribe to RSS</h1><p>Copy this address.</p></aside>"
    teasers = "".join(f"<li><a href='/q/{n}'>Another question about cables number {n}</a></li>" for n in range(6))
    page = extract_page(
        f"<html><body><div id='question'>{PRODUCT}<p>{'The cable runs to the panel. ' * 20}</p></div>"
        f"<div id='sidebar'><ul>{teasers}</ul>{dialog}</div></body></html>",
        RuleSet.bundled().active(),
    )
    assert any(element.rule_id == "DOM008" and element.path.endswith("div#sidebar") for element in page.removed)
    assert not any("Another question" in block for block in page.blocks)


def test_a_button_left_open_around_the_page_is_unwrapped_not_stripped() -> None:
    page = extract_page(
        "<html><body><button class='menu'>Menu<div><p>The council approved the budget on Monday, after a long "
        "debate about roads and schools.</p></div></body></html>",
        RuleSet.bundled().active(),
    )
    assert page.blocks[-1].startswith("The council approved the budget")


def test_hidden_blocks_holding_the_page_are_kept_but_hidden_menus_go() -> None:
    streamed = "".join(
        f"<p>Paragraph {n} of the guide explains how to pot a cactus in sandy soil.</p>" for n in range(9)
    )
    page = extract_page(
        f"<html><body><div hidden id='S:0'>{streamed}</div><div hidden><a>Menu</a> <a>Login</a></div></body></html>",
        RuleSet.bundled().active(),
    )
    assert sum("pot a cactus" in block for block in page.blocks) == 9
    assert "Menu Login" not in " ".join(page.blocks)


def test_an_article_hidden_whole_until_its_scripts_run_is_kept() -> None:
    """DOM016 is unguarded on articles (their hidden blocks are copies), but a hidden page is the page."""
    paragraphs = "".join(f"<p>Step {n} of the tutorial trains a model on the data it is given.</p>" for n in range(12))
    teaser = "<div style='display:none'><p>" + "A hidden copy of the teaser, for search engines. " * 3 + "</p></div>"
    page = extract_page(
        "<html><head><meta property='og:type' content='article'></head><body>"
        f"<div style='display:none'><h1>Machine learning</h1>{paragraphs}{teaser}</div></body></html>",
        RuleSet.bundled().active(),
    )
    assert sum("trains a model" in block for block in page.blocks) == 12
    assert not any("hidden copy" in block for block in page.blocks)


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


def test_a_section_named_after_its_heading_is_no_widget() -> None:
    body = "<p>" + "Trim the quoted text to the lines you answer, and reply below each of them. " * 4 + "</p>"
    page = extract_page(
        f"<html><body><section id='interleaved-replies-in-email-discussions'><h2>Use interleaved replies in "
        f"email discussions</h2>{body}</section><div id='replies'><p>Great post!</p></div></body></html>",
        RuleSet.bundled().active(),
    )
    assert any("Trim the quoted text" in block for block in page.blocks)
    assert "Great post!" not in page.blocks, "an id that is only a widget's name still goes"


def test_a_section_named_after_a_heading_in_another_language_is_no_widget() -> None:
    """A CMS spells 'für' in a slug as 'fur' or 'fuer': the anchor still spells the heading."""
    body = "<p>" + "Vereine erreichen ihre Mitglieder heute vor allem über soziale Netzwerke und Messenger. " * 4
    for anchor in ("social-media-fuer-vereine", "social-media-fur-vereine"):
        page = extract_page(
            f"<html lang='de'><body><section id='{anchor}'><h2>Social Media für Vereine</h2>{body}</p></section>"
            "<div id='social-links'><p>Folgen Sie uns</p></div></body></html>",
            RuleSet.bundled().active(),
        )
        assert "Social Media für Vereine" in page.blocks, anchor
        assert "Folgen Sie uns" not in page.blocks


def test_a_teaser_that_links_nowhere_is_the_standfirst_and_a_grid_of_them_is_not() -> None:
    """German publishing calls an article's standfirst its Teaser: one of a kind and linking nowhere, it stays."""
    body = "<p>" + "Die Bahn will ihr Angebot auf der Strecke zwischen Berlin und Hamburg ausbauen. " * 4 + "</p>"
    cards = "".join(
        f"<li><a href='/s{n}'><img src='s{n}.jpg'></a><p class='teaser'>Streik bei der Bahn, Teil {n}</p></li>"
        for n in range(3)
    )
    page = extract_page(
        "<html lang='de'><body><article><h1>Bahn kündigt neue Fahrpläne an</h1><p class='article-teaser'>Ab Dezember "
        f"fahren mehr Züge zwischen Berlin und Hamburg.</p>{body}</article><ul>{cards}</ul>"
        "<div class='teaser'><a href='/x'>Deutschlandticket wird teurer</a></div></body></html>",
        RuleSet.bundled().active(),
    )
    assert "Ab Dezember fahren mehr Züge zwischen Berlin und Hamburg." in page.blocks
    assert not any("Streik bei der Bahn" in block for block in page.blocks), "a grid's blurbs are teasers"
    assert "Deutschlandticket wird teurer" not in page.blocks


def test_a_heading_that_links_to_itself_is_no_link_to_another_story() -> None:
    page = extract_page(
        "<html><head><meta property='og:type' content='article'></head><body><article><p>"
        + "Workflows run on events you choose, in the order you give them. " * 5
        + "</p><h2><a href='#runners'>Choosing where your workflow runs</a></h2><p>"
        + "A runner is a machine that runs the jobs of a workflow. " * 5
        + "</p><h3><a href='/other-story'>Another story entirely</a></h3></article></body></html>",
        RuleSet.bundled().active(),
    )
    assert "Choosing where your workflow runs" in page.blocks
    assert "Another story entirely" not in page.blocks


def test_link_only_headings_are_crosslinks_on_articles_and_card_titles_elsewhere() -> None:
    """Between an article's paragraphs a heading that is only a link leads to another story (DOM015); on a
    listing, each card's title is such a heading."""
    cards = "".join(
        f"<div class='card'><h3><a href='/story/{n}'>Council story {n}</a></h3><p>{n} days ago</p></div>"
        for n in range(8)
    )
    intro = "<p>" + "Every story about the city council, newest first, with the votes that shaped it. " * 3 + "</p>"
    listing = extract_page(f"<html><body><main>{intro}{cards}</main></body></html>", RuleSet.bundled().active())
    assert "Council story 5" in listing.blocks
    story = (
        "<html><head><meta property='og:type' content='article'></head><body><article><p>"
        + "The council approved the budget on Monday after a long debate. " * 5
        + "</p><h3><a href='/other-story'>Another story entirely</a></h3><p>"
        + "The mayor said the vote was the end of a long process. " * 5
        + "</p></article></body></html>"
    )
    assert "Another story entirely" not in extract_page(story, RuleSet.bundled().active()).blocks


def _post_between_breaks(words: int) -> str:
    """A blog page whose post is written between <br>s inside a <span> named like a meta field (HubSpot)."""
    sentence = "Wrap each plate in paper and stand it on its edge in the box. "
    lines = "<br>".join(sentence * 3 for _ in range(words // 36 or 1))
    return (
        "<html><body><div class='post'><h1>Packing tips</h1>"
        f"<span id='post_body' class='wrapper meta_field'><h3>Dishes</h3>{lines}</span></div>"
        "<footer class='site-footer'><div>Customer service is open on weekdays from nine to five; call or write "
        "to us with any question about your order, your delivery or your account.</div></footer></body></html>"
    )


def test_a_post_written_without_paragraphs_is_guarded_by_its_text() -> None:
    page = extract_page(_post_between_breaks(800), RuleSet.bundled().active())
    assert sum("stand it on its edge" in block for block in page.blocks) >= 20
    assert not any(element.rule_id == "DOM011" for element in page.removed)


def test_a_short_page_without_paragraphs_guards_nothing_by_its_text() -> None:
    """A short page's footer can hold as much prose as its story: text outside links protects nothing there."""
    page = extract_page(_post_between_breaks(36), RuleSet.bundled().active())
    assert not any("Customer service" in block for block in page.blocks)


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


def _panels(outer: str) -> str:
    """An article whose text is in a page builder's 'widget' panels (divs), beside a sidebar of paragraphs."""
    panels = "".join(
        f"<div class='so-panel widget'><div>Step {n}: check the breaker panel for a tripped switch, then test each"
        " outlet in the room with a plug-in tester before calling an electrician for a quote.</div></div>"
        for n in range(6)
    )
    sidebar = "".join(
        f"<p>Our promise {n}: every technician is licensed, insured and background checked.</p>" for n in range(9)
    )
    return (
        "<html><head><meta property='og:type' content='article'></head><body>"
        f"<{outer}><h1>Price guide</h1>{panels}</{outer}><div class='about'>{sidebar}</div></body></html>"
    )


def test_an_article_s_panels_in_its_main_are_weighed_as_text_together() -> None:
    page = extract_page(_panels("main"), RuleSet.bundled().active())
    assert sum("breaker panel" in block for block in page.blocks) == 6


def test_panels_outside_the_main_are_weighed_by_the_page_s_paragraphs() -> None:
    page = extract_page(_panels("div"), RuleSet.bundled().active())
    assert not any("breaker panel" in block for block in page.blocks)


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


def test_card_captions_inside_links_are_the_grid_together() -> None:
    """Every card of a shop's grid is one link whose name sits in a 'caption' (DOM010): together, the page."""
    cards = "".join(
        f"<div class='col'><a href='/p/{n}' class='plbox'><img alt=''><div class='caption'>Optoma model {n} "
        "4K laser projector with short throw lens</div></a></div>"
        for n in range(12)
    )
    page = extract_page(
        f"<html><body><div class='breadcrumb'><a href='/'>Home</a></div><div class='grid'>{cards}</div></body></html>",
        RuleSet.bundled().active(),
    )
    assert sum("laser projector" in block for block in page.blocks) == 12
    assert not any(element.rule_id == "DOM010" for element in page.removed)


SCREENED = frozenset({"side-bar", "ad", "bar-left-rail", "share"})


@given(
    st.lists(
        st.sampled_from(["side", "Side", "bar", "Bar", "ad", "AD", "left", "Rail", "__Ab1c2", "-", "_", " ", "é", "x"])
    )
)
def test_the_token_screen_never_hides_a_class_value_holding_a_token(pieces: list[str]) -> None:
    value = "".join(pieces)
    if SCREENED.intersection(class_tokens(value)):
        assert _token_screen(SCREENED).admits(value)


def test_the_token_screen_turns_away_values_without_a_token_s_first_piece() -> None:
    assert not _token_screen(SCREENED).admits("col-md-6 row")


def test_a_link_only_heading_is_a_crosslink_in_an_article_and_a_title_in_a_grid_of_cards() -> None:
    head = "<html><head><meta property='og:type' content='article'></head><body><article><h1>Picks</h1>"
    body = "<p>" + "The council met on Monday to weigh the budget. " * 12 + "</p>"
    link = "<h3><a href='/s/{n}'>Story number {n} about the budget</a></h3>"
    cards = "".join(f"<div class='card'>{link.format(n=n)}<p>A short dek on story {n}.</p></div>" for n in range(3))
    page = extract_page(
        head + body + link.format(n=9) + body + cards + "</article></body></html>", RuleSet.bundled().active()
    )
    assert not any("Story number 9" in block for block in page.blocks), "between paragraphs: a crosslink"
    assert sum("Story number" in block for block in page.blocks) == 3, "each card's title stays"


def test_a_link_only_heading_to_another_site_names_a_listed_item() -> None:
    head = "<html><head><meta property='og:type' content='article'></head><body><article><h1>Testers</h1>"
    body = "<p>" + "We tried every tester on the bench for a month. " * 12 + "</p>"
    item = "<h3><a href='{href}'>Tester model {n} with a long probe</a></h3>"
    html = (
        head
        + body
        + item.format(href="https://shop.example.org/t1", n=1)
        + body
        + item.format(href="https://www.news.example.com/story", n=2)
        + body
        + "</article></body></html>"
    )
    page = extract_page(html, RuleSet.bundled().active(), url="https://www.news.example.com/testers")
    assert any("Tester model 1" in block for block in page.blocks), "a shop's product, named by the guide"
    assert not any("Tester model 2" in block for block in page.blocks), "another story of this site"


def test_a_grid_of_cards_is_no_link_list_off_articles() -> None:
    card = "<a href='/r/{n}'><div class='pic'></div><div class='title'>Slow cooker ragu number {n}</div></a>"
    grid = "<div class='grid'>" + "".join(card.format(n=n) for n in range(6)) + "</div>"
    menu = "<ul>" + "".join(f"<li><a href='/t/{n}'>Topic {n}</a></li>" for n in range(6)) + "</ul>"
    intro = "<p>" + "Our collection of sauces has something for every dish and every cook. " * 6 + "</p>"

    def page(head: str) -> str:
        return f"<html><head>{head}</head><body><main><h1>Sauces</h1>{intro}{menu}{grid}</main></body></html>"

    listing = extract_page(page(""), RuleSet.bundled().active())
    assert sum("Slow cooker ragu" in block for block in listing.blocks) == 6
    assert not any("Topic 3" in block for block in listing.blocks), "a list of bare links still goes"
    article = extract_page(page("<meta property='og:type' content='article'>"), RuleSet.bundled().active())
    assert not any("Slow cooker ragu" in block for block in article.blocks), "on an article they are teasers"


def test_a_list_of_links_the_text_announces_and_goes_on_after_is_the_text_s_enumeration() -> None:
    head = "<html><head><meta property='og:type' content='article'></head><body><article><h1>Free courses</h1>"
    body = "<p>" + "Many providers offer courses with a free certificate at the end. " * 8 + "</p>"
    courses = "<ul>" + "".join(f"<li><a href='/c/{n}'>Certified course number {n}</a></li>" for n in range(5)) + "</ul>"
    related = "<ul>" + "".join(f"<li><a href='/s/{n}'>Another story number {n}</a></li>" for n in range(5)) + "</ul>"
    html = head + body + "<p>Here is a selection of them:</p>" + courses + body + "<p>Related stories:</p>" + related
    page = extract_page(html + "</article></body></html>", RuleSet.bundled().active())
    assert sum("Certified course number" in block for block in page.blocks) == 5, "announced, and the text goes on"
    assert not any("Another story number" in block for block in page.blocks), "announced, but the text ends there"


def test_a_panel_the_reader_opens_is_text_on_a_service_page_only() -> None:
    faq = (
        "<button aria-controls='faq-1'>Do you ship abroad?</button>"
        "<div id='faq-1' style='display:none'><p>Yes, we ship to every country in the EU within a week.</p></div>"
        "<div id='promo' style='display:none'><p>Sign up for our newsletter today.</p></div>"
    )
    intro = "<p>" + "We repair bikes of every make in our workshop on Main Street. " * 5 + "</p>"

    def page(head: str) -> str:
        return f"<html><head>{head}</head><body><main><h1>Repairs</h1>{intro}{faq}</main></body></html>"

    service = extract_page(page(""), RuleSet.bundled().active())
    assert any("ship to every country" in block for block in service.blocks)
    assert not any("newsletter" in block for block in service.blocks), "hidden and opened by nothing: it goes"
    for head in ("<meta property='og:type' content='article'>", "<meta property='og:type' content='product'>"):
        page_of_kind = extract_page(page(head), RuleSet.bundled().active())
        assert not any("ship to every country" in block for block in page_of_kind.blocks), head


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


def test_a_table_of_contents_goes_with_its_label_and_footnotes_stay() -> None:
    toc = (
        "<div class='box'><p>Table of contents</p><ol>"
        "<li><a href='#why'>Why tutoring works</a></li><li><a href='#how'>How to run it</a></li>"
        "<li><a href='#cost'>What it costs</a></li></ol></div>"
    )
    body = "".join(
        f"<h2 id='{anchor}'>{title}</h2><p>" + "Tutoring three times a week lifts maths scores in a term. " * 4 + "</p>"
        for anchor, title in (("why", "Why tutoring works"), ("how", "How to run it"), ("cost", "What it costs"))
    )
    notes = (
        "<ol><li>A review of 96 trials, 2020.<a href='#r1'>↩</a></li><li>The district's own figures.<a href='#r2'>↩</a>"
        "</li><li>Costs in 2023 dollars.<a href='#r3'>↩</a></li></ol>"
    )
    page = extract_page(
        f"<html><body><main><h1>Tutoring</h1>{toc}{body}{notes}</main></body></html>", RuleSet.bundled().active()
    )
    assert "Table of contents" not in page.blocks
    assert page.blocks.count("Why tutoring works") == 1, "the heading stays, its link in the contents goes"
    assert any("A review of 96 trials" in block for block in page.blocks), "footnotes are text, not a menu"
