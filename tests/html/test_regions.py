"""html.regions: finding the main content (its shortcuts checked against the regexes they replace)."""

from __future__ import annotations

import gc
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml.html import fragment_fromstring

from declutter.html.parsing import parse
from declutter.html.regions import _CONTENT_CLASS, NEGATIVE_HINT, named_negative, names_body, survey
from declutter.html.tree import CACHED_VALUES, Element

from . import CLASS_NAMES, story


@settings(max_examples=300)
@given(CLASS_NAMES)
def testnames_body_is_the_regex(value: str) -> None:
    assert names_body(value) == bool(_CONTENT_CLASS.search(value))


def test_the_region_keeps_every_card_of_a_listing() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content

    cards = "".join(
        f"<li><a href='/j/{n}'>Senior backend engineer for the payments platform team {n}</a><span>Remote</span></li>"
        for n in range(12)
    )
    menu = "".join(f"<a href='/{n}'>Section {n}</a>" for n in range(20))
    root = parse(
        f"<body><div id=menu>{menu}</div><div id=board><ul>{cards}</ul></div><p>Short intro to the board.</p></body>"
    )
    assert find_content(root).get("id") == "board", "long links are cards on a page that is not an article"
    assert find_content(root, article=True).get("id") != "board", "on an article they are teasers"


def test_a_german_listing_s_cards_are_cards_in_fewer_longer_words() -> None:
    from declutter.html.regions import card_sized, find_content

    title = "Wasserdichte Übergangsjacke mit abnehmbarer Kapuze für Damen"  # 'Waterproof ... for women': 8 words
    assert card_sized(title)
    assert not card_sized("Jacken für Damen im Sale")
    assert not card_sized("TicketingTrack, organize, and solve all tickets"), "two words glued together, no compound"
    cards = "".join(f"<li><a href='/p/{n}'>{title}</a><span>{80 + n} €</span></li>" for n in range(12))
    menu = "".join(f"<a href='/{n}'>Rubrik {n}</a>" for n in range(20))
    root = parse(
        f"<body><div id=menu>{menu}</div><div id=board><ul>{cards}</ul></div>"
        "<div id=foot><p>Kostenloser Versand ab 50 € Bestellwert.</p></div></body>"
    )
    assert find_content(root).get("id") == "board"


def test_the_region_is_never_one_paragraph_or_one_list() -> None:
    """A long paragraph (or list) can hold 80% of a page's text; the code and the lines beside it are the page too."""
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content

    long = "<p>" + "The parser returns a result that every caller must handle. " * 20 + "</p>"
    root = parse(f"<body><main id=doc>{long}<pre>let x = parse(input)?;</pre></main></body>")
    assert find_content(root).get("id") == "doc"
    items = "".join(f"<li>Step {n}: unplug the router, wait ten seconds and plug it in again.</li>" for n in range(9))
    root = parse(f"<body><section id=guide><h2>Resetting</h2><ol>{items}</ol></section></body>")
    assert find_content(root).get("id") == "guide"


def test_a_list_is_never_the_whole_article() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import choose_container

    items = "".join(
        f"<li><p>Newsletter {n}, on databases, written weekly by a former analyst, with charts.</p></li>"
        for n in range(8)
    )
    root = parse(
        f"<body><div id=post><p>Welcome, readers: here are the newsletters I read, with a word on each.</p>"
        f"<ol>{items}</ol></div></body>"
    )
    assert choose_container(root).get("id") == "post", "the list's scores go to what holds it"


def test_a_block_quote_is_never_the_whole_article() -> None:
    """A resource page quoting a long post: the quote's paragraphs outscore the page's own, but a quotation is a
    part of the text that quotes it, so the container is what holds the quote."""
    from declutter.html.parsing import parse
    from declutter.html.regions import choose_container, find_content

    quoted = "".join(
        f"<p>Point {n} of the post: free courses in statistics, with exercises, slides and a forum, each term.</p>"
        for n in range(6)
    )
    root = parse(
        f"<body><div id=page><p>Click here for the catalog of courses.</p><blockquote>{quoted}</blockquote>"
        f"<p>Thanks to a reader for suggesting this resource.</p></div></body>"
    )
    assert choose_container(root).get("id") == "page"
    assert find_content(root, article=True).get("id") == "page"


def _article_beside(block: str) -> str:
    """An article's body beside another block holding more prose than it, both in one region."""
    story = "".join(
        f"<p>Part {n} of the story: the council met on Tuesday, voted, and the works begin next spring.</p>"
        for n in range(8)
    )
    return f"<body><div id=region><div id=story>{story}</div>{block}</div></body>"


def test_an_article_leaves_out_a_form_beside_it() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content

    prose = "<p>" + "Tell us about your project and our team will call you back within a day. " * 12 + "</p>"
    root = parse(_article_beside(f"<div id=contact><h3>Contact us</h3>{prose}<form><input name=mail></form></div>"))
    assert find_content(root, article=True).get("id") == "story", "a block holding a form is not the article"
    assert find_content(root).get("id") == "region", "on a page that is not an article, the region stays whole"


def test_an_article_split_over_sibling_blocks_stays_whole() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content

    more = "<p>" + "The second half of the story goes on here, after an image and a pull quote. " * 12 + "</p>"
    root = parse(_article_beside(f"<div id=more>{more}</div>"))
    assert find_content(root, article=True).get("id") == "region", "prose beside the body may be more of it"


def _service_page_with_a_long_faq(faq_class: str = "faq-section") -> str:
    """A service page: short blurbs in sections, then an FAQ whose answers hold most of the page's text."""
    blurb = "<section class=blade><h2>Close deals {n}</h2><p>Unite sales and service on one platform.</p></section>"
    answer = "<p>" + "Yes. Our platform runs in the cloud, so there is nothing to install or to maintain yourself. " * 4
    questions = "".join(f"<h3>Question {n}?</h3>{answer}</p>" for n in range(6))
    faq = f"<section class='{faq_class}'><div class=container><article id=faq>{questions}</article></div></section>"
    return f"<body><main id=page>{''.join(blurb.format(n=n) for n in range(8))}{faq}</main></body>"


def test_a_page_s_faq_is_never_its_whole_content() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content

    for article in (False, True):
        root = parse(_service_page_with_a_long_faq())
        assert find_content(root, article=article).get("id") == "page", "the blurbs beside the answers are the page's"
    root = parse(_service_page_with_a_long_faq("fake-quote"))  # a name that only contains the letters
    assert find_content(root).get("id") != "page", "the best container still wins when nothing names it an FAQ"


def test_the_region_walk_stops_above_an_faq() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content

    links = "".join(f"<li><a href=/c/{n}>Category {n}</a></li>" for n in range(20))
    answer = "<p>" + "Choose a writer whose samples match your tone, and agree on the scope before you start. " * 5
    faqs = "".join(f"<h3>How do I choose {n}?</h3>{answer}</p>" for n in range(6))
    root = parse(f"<body><div id=page><ul>{links}</ul><div class=vertical-faqs><div>{faqs}</div></div></div></body>")
    assert find_content(root).get("id") == "page", "the page's directory of links stays in the region"


def _shop_with_a_long_footer(footer_attributes: str = "") -> str:
    """A shop's category page: an intro and short product cards in <main>, a footer holding a long policy text."""
    card = "<a href='/p/{n}'>Wool runner {n}</a><span>Soft merino wool, machine washable, $98</span>"
    cards = "".join(f"<li>{card.format(n=n)}</li>" for n in range(12))
    policy = "<p>" + "We collect the information you give us when you order, and we keep it safe. " * 30 + "</p>"
    return (
        "<body><main id=shop><p>Light, soft and warm: our sneakers for every day, in wool and tree fibre.</p>"
        f"<ul>{cards}</ul></main><footer {footer_attributes}><div class=policy>{policy}</div></footer></body>"
    )


def test_the_region_is_never_the_pages_footer() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content, widened
    from declutter.html.tree import contains

    root = parse(_shop_with_a_long_footer())
    found = find_content(root)
    assert contains(root.find(".//*[@id='shop']"), found), "a footer's text is the site's, not the page's"
    assert len(found.findall(".//li")) == 12
    assert widened(root, found)[0] is found, "nor is it counted among the words the page shows"
    root = parse(_shop_with_a_long_footer("role=contentinfo").replace("footer", "div"))
    assert contains(root.find(".//*[@id='shop']"), find_content(root)), "the role says what the tag says"


def test_a_footer_inside_a_section_or_holding_the_page_is_content() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import _landmark

    root = parse(
        "<body><article><footer id=byline>Filed by our reporter</footer></article>"
        "<header id=wrapper><main><p>A page written inside its header.</p></main></header>"
        "<footer id=site>About us</footer></body>"
    )
    assert not _landmark(root.find(".//*[@id='byline']"), "footer", sectioned=True)
    assert not _landmark(root.find(".//*[@id='wrapper']"), "header", sectioned=False)
    assert _landmark(root.find(".//*[@id='site']"), "footer", sectioned=False)


def test_a_site_banner_that_outweighs_the_page_is_not_its_region() -> None:
    """A header without the headline (a mega-menu of blurbs) is the site's, whatever it holds; a hero holding the
    headline is the page's, and a page whose only headline is in no header gives no sign either way."""
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content

    blurb = "<div><p>Our platform scales your databases, analytics and storage for every team.</p></div>"
    guide = "<div id=guide><h1>What is cloud computing?</h1>" + story(6) + "</div>"
    page = f"<body><header id=site>{blurb * 8}</header>{guide}</body>"
    assert find_content(parse(page)).get("id") == "guide"
    assert find_content(parse(page), article=True).get("id") == "guide"
    hero = page.replace("<header id=site>", "<header id=site><h1>Cloud</h1>").replace("<h1>What", "<h2>What")
    assert find_content(parse(hero)).tag == "body", "a header holding the only headline is the page's hero"


def test_widened_keeps_a_container_holding_its_share_of_the_words_and_no_less() -> None:
    """WIDER_SHARE (0.2) of the page's words: 20 of 100 keep the container, 20 of 101 do not; a footer's words are
    left out of the page's (20 of 160, 60 of them the footer's, keep it)."""
    from declutter.html.regions import widened

    def page(beside: int, footer: int = 0) -> Element:
        words = " ".join(f"w{i}" for i in range(beside))
        policy = " ".join(f"f{i}" for i in range(footer))
        mine = " ".join(f"c{i}" for i in range(20))
        return parse(f"<body><div id=c><p>{mine}</p></div> <div><p>{words}</p></div> <footer>{policy}</footer></body>")

    for beside, footer, kept in ((80, 0, True), (81, 0, False), (80, 60, True), (81, 60, False)):
        root = page(beside, footer)
        container = root.find(".//*[@id='c']")
        assert (widened(root, container)[0] is container) is kept, (beside, footer)


def _thread(wrapper_in_header: bool = False) -> str:
    post = (
        "<div class='{cls}'><div class='post-body'><p>I tried every cable I own and the screen stays black after a"
        " restart. What else could it be? The fan spins and the lights blink twice.</p></div></div>"
    )
    header = "<div class='top'><div class='post-body'><p>Welcome to the forum of the shop.</p></div></div>"
    answers = "".join(post.format(cls="answer") for _ in range(9))
    return (
        f"<body>{header if wrapper_in_header else ''}<div id=mainbar><div id=question>{post.format(cls='question')}"
        f"</div><div id=answers>{answers}</div></div></body>"
    )


def test_a_threads_first_post_beside_its_replies_stays_in_the_region() -> None:
    from declutter.html.regions import find_content

    assert find_content(parse(_thread())).get("id") == "mainbar", "the question is a post like the answers"
    assert find_content(parse(_thread()), article=True).get("id") == "answers", "an article's blocks are not posts"
    assert find_content(parse(_thread(wrapper_in_header=True))).get("id") == "answers", "a layout's class, not a post's"


def _two_posts() -> str:
    question = (
        "<div class='topic-body crawler-post'><div class='post'><p>" + "Grammar checks fail since the update. " * 8
    )
    answer = "<div class='topic-body crawler-post'><div class='post'><p>" + "It is not only you, we see it too. " * 30
    return f"<html><body><div id='outlet'>{question}</p></div></div>{answer}</p></div></div></div></body></html>"


def test_a_thread_s_long_answer_below_its_question_is_not_the_whole_content() -> None:
    """A Discourse thread's second post holds most of its text: the best container is that post, but the question
    above it is a twin of it (the same tag and class), so on a page that is not an article the region keeps both."""
    from declutter.html.regions import find_content

    assert find_content(parse(_two_posts())).get("id") == "outlet"
    assert find_content(parse(_two_posts()), article=True).get("class") == "post", "an article's container wins"


def _first_post_and_replies(replies: int) -> str:
    first = (
        "<div class='message threadStarter'><div class='post'>"
        + "<p>My router drops the line every night at two, and it comes back at five, on its own.</p>" * 8
        + "</div></div>"
    )
    reply = (
        "<div class='message'><div class='post'><p>Mine did that too until I turned off the scheduled reboot in"
        " the admin page, under maintenance, last week.</p></div></div>"
    )
    return f"<html><body><div id='thread'>{first}{reply * replies}</div></body></html>"


def test_a_thread_s_first_post_marked_apart_keeps_its_replies() -> None:
    """A thread's first post (XenForo's ``threadStarter``) holds most of the text: the best container is that post,
    but three siblings after it wear some of its class names and each hold a sentence or two, so the region keeps
    them, on a page calling itself an article too; two are not yet a thread's replies there (on another page the
    twins of its post's body make it a thread: :func:`_after_its_twin`)."""
    from declutter.html.regions import find_content

    assert find_content(parse(_first_post_and_replies(3))).get("id") == "thread"
    assert find_content(parse(_first_post_and_replies(3)), article=True).get("id") == "thread"
    two = find_content(parse(_first_post_and_replies(2)), article=True)
    assert two.get("id") != "thread", "the first post alone"


def _marked_replies(itemtype: str = "itemtype='http://schema.org/Comment'") -> str:
    first = (
        "<div id='post_1' class='topic-body crawler-post'><div class='post'>"
        + "<p>As software development keeps changing, which practices do your teams rely on this year?</p>" * 12
        + "</div></div>"
    )
    replies = "".join(
        f"<div id='post_{n}' class='topic-body crawler-post' itemscope {itemtype}><div class='post'><p>{text}</p>"
        "</div></div>"
        for n, text in ((2, "There are no developers here. This is a forum of users."), (3, "Is it an audiobook?"))
    )
    return f"<html><body><div id='outlet'>{first}{replies}</div></body></html>"


def test_a_thread_s_short_replies_marked_as_comments_stay_with_its_long_first_post() -> None:
    """A Discourse thread's first post holds nine tenths of the text, its two replies a sentence each: the region
    walk would go down into the first post, and it would win as the best container. The replies say they are
    posts (schema.org ``Comment`` microdata) in the first post's template, so the region keeps the thread; without
    the microdata two short twins are not yet replies (:func:`_before_its_replies` wants three of a sentence or
    two), and on a page calling itself an article the first post still wins."""
    from declutter.html.regions import find_content

    assert find_content(parse(_marked_replies())).get("id") == "outlet"
    assert find_content(parse(_marked_replies("data-kind='reply'"))).get("class") == "post", "no microdata"
    assert find_content(parse(_marked_replies()), article=True).get("class") == "post", "an article's container"


def _long_question(nested: bool = False) -> str:
    body = "<div class='post-body'><p>" + "My script joins the devices but the loop stops at the tenth one. " * 12
    answer = "<div class='post-body'><p>" + "Count from zero to the number of devices in a for loop instead. " * 4
    answer += "</p></div>"
    if nested:  # a page that leaves its blocks open: the second body inside the first is no post of its own
        return f"<html><body><div id='main'><div id='q'>{body}{answer}</p></div></div></div></body></html>"
    return (
        f"<html><body><div id='main'><div id='q'>{body}</p></div></div>"
        f"<div id='answers'><div class='answer'>{answer}</div></div></div></body></html>"
    )


def test_a_thread_s_short_answer_below_its_long_question_stays() -> None:
    """The question holds most of the thread's text, so it is the best container; its body's template (tag and
    class) holds the answer further down, in another branch: a thread, whose region keeps the answer."""
    from declutter.html.regions import find_content

    assert find_content(parse(_long_question())).get("id") == "main"
    assert find_content(parse(_long_question()), article=True).get("class") == "post-body", "an article's container"
    assert find_content(parse(_long_question(nested=True))).get("class") == "post-body", "nested, not a twin"


def test_a_survey_lets_the_page_go_with_its_result() -> None:
    """The survey's counts are keyed by the page's elements: left in its recursive walk's reference cycle, they
    would keep the page's tree alive until the garbage collector ran."""
    body = parse("<body><div><p>" + "A sentence of the story, long enough to count. " * 3 + "</p></div></body>").find(
        "body"
    )
    gc.disable()
    try:
        held = sys.getrefcount(body)  # the parser's proxies take no weak references: counted instead
        survey(body)
        assert sys.getrefcount(body) == held
    finally:
        gc.enable()


def test_a_survey_keeps_what_class_values_name_for_the_next_and_bounds_it() -> None:
    from declutter.html import regions

    story_text = "<p>" + "A sentence of the story, long enough to count. " * 3 + "</p>"
    page = "<body><div class='post-body'>" + story_text + "</div><div class=sidebar>" + story_text + "</div></body>"
    regions._BODY_NAMES.clear()
    first = survey(parse(page).find("body"))
    assert regions._BODY_NAMES == {"post-body": True, "sidebar": False}
    second = survey(parse(page).find("body"))
    assert [e.get("class") for e in first.semantic] == [e.get("class") for e in second.semantic] == ["post-body"]
    regions._BODY_NAMES.update((f"name{n}", False) for n in range(CACHED_VALUES + 1))
    survey(parse(page).find("body"))
    assert len(regions._BODY_NAMES) == 2


def test_a_widget_s_json_state_is_not_the_page_s_text() -> None:
    from declutter.html.regions import find_content

    state = '{"painterId":"AsinGrid","asins":[' + ",".join(f'"B0CXGXT6W{n}"' for n in range(80)) + "]}"
    name = "Wireless over-ear noise cancelling headphones with a long battery"
    cards = "".join(f"<div class=card><a href=/p/{n}>{name}, model {n}</a></div>" for n in range(6))
    page = parse(f"<body><div><div class=state hidden>{state}</div><div id=grid>{cards}</div></div></body>")
    assert find_content(page).get("id") == "grid"


def test_named_negative_answers_as_the_negative_hint_regex_does() -> None:
    values = [("SideBar-Left", ""), ("post", "NAVIGATION"), ("entry-content", "main"), ("", ""), ("ſhare", "")]
    values += [("\u212aomment-list", ""), ("menü", "x"), ("sоcial", "")]  # long s, Kelvin sign, a Cyrillic o
    for class_name, id_value in values:
        element = fragment_fromstring(f"<div class='{class_name}' id='{id_value}'></div>")
        expected = NEGATIVE_HINT.search(f"{class_name} {id_value}") is not None
        assert named_negative(element) == expected, class_name


@settings(max_examples=300, deadline=None)
@given(CLASS_NAMES | st.sampled_from(["faq", "FAQs", "vertical-faqs", "faq--blade", "myFaqList", "fake-quote", "FAQ_"]))
def test_a_block_is_named_as_questions_as_its_tokens_say(name: str) -> None:
    """:func:`_questions` screens the name for 'faq' before splitting it into tokens: the answer is the tokens'."""
    from declutter.html.regions import QUESTIONS, _questions
    from declutter.html.tree import element_tokens

    element = fragment_fromstring("<div></div>")
    element.set("class", name)
    assert _questions(element) == (not QUESTIONS.isdisjoint(element_tokens(element)))
