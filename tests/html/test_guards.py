"""html.guards: what holds the page's text is never removed by a guarded rule (articles' holders found fast,
landmarks, dialogs, shares of the text, a rule's matches judged together, a thread's replies)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from declutter import RuleSet
from declutter.html import extract_page, parse
from declutter.html.chrome import remove_chrome
from declutter.html.guards import article_holders, frame_parts
from declutter.html.selectors import compile_selector_rule
from declutter.html.tree import Element, all_text

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


def _holders_by_walking(root: Element, *, marked: bool = False) -> set[Element]:
    """What :func:`article_holders` gives, the slow way: every ancestor of every such element (``marked``: an
    <article> only when it is the only one below ``root``)."""

    def in_dialog(element: Element) -> bool:
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
        holders = article_holders(element)
        assert holders.any == _holders_by_walking(element)
        assert holders.marked == _holders_by_walking(element, marked=True)


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
    assert "Reader" not in all_text(root)
    assert "first product" in all_text(root)


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


SHOP_TEXT = "<p>Cushioned quarter socks in soft cotton, with a seamless toe and a honeycomb arch.</p>" * 2
NOTICE = "<p>" + "Notice to consumers: we may collect identifiers and commercial information for ads. " * 2 + "</p>"
MENU = "<ul>" + "".join(f"<li><a href='/c/{n}'>Socks {n}</a></li>" for n in range(6)) + "</ul>"


def _shop(headline: str = "<h1>Men's Quarter Socks</h1>", column: str = SHOP_TEXT) -> str:
    """A short product page in a React wrapper: a header menu and a footer of notices around the product's column,
    the header and the footer named as such (DOM002), the footer's notices half of the page's paragraphs."""
    return (
        "<html><body><div id='__next'><div class='site-header'>" + MENU + "</div>"
        f"<div class='product'>{headline}{column}</div><div class='Footer-styled__Footer'>"
        + "".join(f"<div class='Footer-styled__Notice-{n}'>{NOTICE}</div>" for n in range(3))
        + "</div></div></body></html>"
    )


def test_a_short_shop_page_s_header_and_footer_go_though_together_they_hold_its_text() -> None:
    """DOM002's matches in the page's frame (``frame_apart``) are not counted toward its together veto."""
    page = extract_page(_shop(), RuleSet.bundled().active())
    assert any("Cushioned quarter socks" in block for block in page.blocks)
    assert not any("Notice to consumers" in block for block in page.blocks)


def test_a_page_without_a_headline_has_no_frame_and_its_named_parts_are_judged_together() -> None:
    """Nothing says which child is the page's column: the veto weighs every match, as it did."""
    page = extract_page(_shop(headline=""), RuleSet.bundled().active())
    assert any("Notice to consumers" in block for block in page.blocks)


def test_sections_named_as_navigation_in_the_page_s_column_still_hold_its_text_together() -> None:
    """Matches inside the column holding the headline are not the frame: a vendor's sections named
    `lm_navSource` (an FAQ in a 'tabs-menu') hold the page's text together with the footer and stay; the veto
    spares no frame part, so the footer's notices still go."""
    sections = "".join(
        f"<div class='lm_navSource sec-{n}'><p>Section {n}: our CRM tracks every lead, deal and call for your sales "
        "team, and its reports show where the pipeline stalls.</p></div>"
        for n in range(4)
    )
    page = extract_page(_shop(column=SHOP_TEXT + sections), RuleSet.bundled().active())
    assert sum("our CRM tracks every lead" in block for block in page.blocks) == 4
    assert not any("Notice to consumers" in block for block in page.blocks)


def test_the_frame_stops_at_the_column_holding_the_headline() -> None:
    """Below a <main>, or in a column whose child is the headline itself, there is no frame."""
    page = parse(
        "<html><body><header>Menu</header><main><h1>Title</h1><p>Text of the page.</p></main>"
        "<footer>About</footer></body></html>"
    )
    assert sorted(part.tag for part in frame_parts(page, article_holders(page))) == ["footer", "header"]
    page = parse("<html><body><div><h1>Title</h1><p>" + "Text of the page. " * 20 + "</p></div></body></html>")
    assert frame_parts(page, article_holders(page)) == frozenset()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=7), min_size=1, max_size=6), st.integers(min_value=0, max_value=7))
def test_the_child_holding_the_headlines_is_the_one_every_headline_is_in(places: list[int], level: int) -> None:
    """:func:`_child_holding` walks up from the first headline once; the definition asks each child whether it holds
    every headline (or is one), which it must answer alike, whatever the headlines' places in a small tree."""
    from declutter.html.guards import _child_holding
    from declutter.html.tree import contains

    branch = "<div id=n{n}><section id=s{n}><div id=d{n}></div></section></div>"
    page = parse("<html><body>" + "".join(branch.format(n=n) for n in range(4)) + "</body></html>")
    nodes = [e for e in page.iter() if isinstance(e.tag, str) and e.get("id")]
    for place in places:  # a headline under one of the twelve named elements
        nodes[place % len(nodes)].append(parse("<h1>T</h1>").find(".//h1"))
    headlines = list(page.iter("h1"))
    node = page.find("body") if level == 0 else nodes[(level - 1) % len(nodes)]
    inside = [h1 for h1 in headlines if contains(node, h1) and h1 is not node]
    if not inside:
        return
    children = [child for child in node if isinstance(child.tag, str)]
    expected = next((child for child in children if all(contains(child, h1) for h1 in inside)), None)
    assert _child_holding(node, inside) is expected
