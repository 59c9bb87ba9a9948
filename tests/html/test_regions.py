"""html.regions: finding the main content (its shortcuts checked against the regexes they replace)."""

from __future__ import annotations

import gc
import weakref

from hypothesis import given, settings
from lxml.html import HtmlElement

from declutter.html.parsing import parse
from declutter.html.regions import _CONTENT_CLASS, later_copies, later_twins, names_body, survey

from . import CLASS_NAMES


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
    assert contains(root.get_element_by_id("shop"), found), "a footer's text is the site's, not the page's"
    assert len(found.findall(".//li")) == 12
    assert widened(root, found)[0] is found, "nor is it counted among the words the page shows"
    root = parse(_shop_with_a_long_footer("role=contentinfo").replace("footer", "div"))
    assert contains(root.get_element_by_id("shop"), find_content(root)), "the role says what the tag says"


def test_a_footer_inside_a_section_or_holding_the_page_is_content() -> None:
    from declutter.html.parsing import parse
    from declutter.html.regions import _landmark

    root = parse(
        "<body><article><footer id=byline>Filed by our reporter</footer></article>"
        "<header id=wrapper><main><p>A page written inside its header.</p></main></header>"
        "<footer id=site>About us</footer></body>"
    )
    assert not _landmark(root.get_element_by_id("byline"), "footer", sectioned=True)
    assert not _landmark(root.get_element_by_id("wrapper"), "header", sectioned=False)
    assert _landmark(root.get_element_by_id("site"), "footer", sectioned=False)


def test_a_site_banner_that_outweighs_the_page_is_not_its_region() -> None:
    """A header without the headline (a mega-menu of blurbs) is the site's, whatever it holds; a hero holding the
    headline is the page's, and a page whose only headline is in no header gives no sign either way."""
    from declutter.html.parsing import parse
    from declutter.html.regions import find_content

    blurb = "<div><p>Our platform scales your databases, analytics and storage for every team.</p></div>"
    guide = "<div id=guide><h1>What is cloud computing?</h1>" + _story(6) + "</div>"
    page = f"<body><header id=site>{blurb * 8}</header>{guide}</body>"
    assert find_content(parse(page)).get("id") == "guide"
    assert find_content(parse(page), article=True).get("id") == "guide"
    hero = page.replace("<header id=site>", "<header id=site><h1>Cloud</h1>").replace("<h1>What", "<h2>What")
    assert find_content(parse(hero)).tag == "body", "a header holding the only headline is the page's hero"


def _story(n: int = 8) -> str:
    return "".join(
        f"<p>Paragraph {i} of the story, which goes on for a while with many more words.</p>" for i in range(n)
    )


def test_later_copies_finds_a_second_copy_of_the_text() -> None:
    page = parse(f"<body><div id=shown>{_story()}</div><div id=gated><h2>Title</h2>{_story()}</div></body>")
    assert [element.get("id") for element in later_copies(page.find("body"))] == ["gated"]


def test_later_copies_finds_a_carousel_of_quotes_printed_twice() -> None:
    quotes = "".join(
        f"<div class=card><blockquote>Quote {i} from a listener, who says the show changed how they sleep.</blockquote>"
        f"<div>Listener {i}</div></div>"
        for i in range(9)
    )
    page = parse(f"<body><div>{_story()}</div><div id=slides>{quotes}</div><div id=loop>{quotes}</div></body>")
    assert [element.get("id") for element in later_copies(page.find("body"))] == ["loop"]


def test_later_copies_spares_a_block_that_adds_text_of_its_own() -> None:
    own = "<p>A paragraph only this block holds, which says something new about the story.</p>"
    page = parse(f"<body><div id=shown>{_story()}</div><div id=more>{_story()}{own}</div></body>")
    assert later_copies(page.find("body")) == []


def test_later_copies_spares_a_pull_quote_and_short_lines() -> None:
    short = "<p>Share this</p>" * 4
    page = parse(f"<body><div>{_story()}{short}</div><aside>{_story(1)}</aside><div>{short}</div></body>")
    assert later_copies(page.find("body")) == []


def test_later_copies_spares_a_pricing_plan_repeating_a_few_features() -> None:
    plan = "".join(
        f"<li>Feature {i} of every plan, explained in one long sentence with many words.</li>" for i in range(3)
    )
    page = parse(f"<body><ul id=basic>{plan}</ul><ul id=pro><li>Pro</li>{plan}</ul></body>")
    assert later_copies(page.find("body")) == []


_DESCRIPTION = (
    "<p>A wheel thrown mug in a speckled glaze, made by hand in our studio and fired twice for a matte finish.</p>"
    "<ul><li>Size: 9 cm</li><li>Volume: 350 ml</li></ul>"
)


def test_later_twins_finds_a_responsive_layouts_second_copy() -> None:
    page = parse(
        f"<body><div><h1>Mug</h1><div id=wide>{_DESCRIPTION}</div><p>$60.00</p>"
        f"<div id=narrow><div>{_DESCRIPTION}</div></div></div></body>"
    )
    assert [element.get("id") for element in later_twins(page.find("body"))] == ["narrow"]


def test_later_twins_spares_a_wrapper_short_blocks_and_distant_copies() -> None:
    section = "<p>" + " ".join(f"Method {{n}} text word{i}" for i in range(30)) + "</p>"
    page = parse(
        f"<body><div><div id=only>{_DESCRIPTION}</div></div><p>Add to cart</p><p>Add to cart</p>"
        f"<section>{section.format(n=1)}<div>{_DESCRIPTION}</div></section>"
        f"<section>{section.format(n=2)}<div>{_DESCRIPTION}</div></section></body>"
    )
    assert later_twins(page.find("body")) == []


def test_later_twins_on_a_product_page_finds_short_copies_far_apart() -> None:
    note = "<p>Ships the same business day when ordered by 3 PM Central time</p>"
    gallery = "".join(f"<p>Photo {n} of the desk in oak, walnut and white laminate finishes</p>" for n in range(20))
    page = parse(
        f"<body><div><div id=desktop><h1>Desk</h1>{note}</div><div>{gallery}</div>"
        f"<div id=mobile><div>{note}</div></div></div></body>"
    )
    assert later_twins(page.find("body")) == []  # 12 words, and the copies lie 20 paragraphs apart
    assert [element.get("id") for element in later_twins(page.find("body"), product=True)] == ["mobile"]


def test_later_twins_counts_a_copy_in_english_words_so_a_german_twin_is_as_long() -> None:
    """A shipping note of 6 German words says what English says in 8 ('free shipping the same business day the order
    arrives'): a compound (13 letters or more) counts as two, so the German copy is a twin as the English one is."""
    note = "<p>Versandkostenfrei am selben Werktag bei Bestellungseingang</p>"
    gallery = "".join(f"<p>Foto {n} des Schreibtischs in Eiche, Nussbaum und weißem Laminat</p>" for n in range(20))
    page = parse(
        f"<body><div><div id=desktop><h1>Schreibtisch</h1>{note}</div><div>{gallery}</div>"
        f"<div id=mobile><div>{note}</div></div></div></body>"
    )
    assert [element.get("id") for element in later_twins(page.find("body"), product=True)] == ["mobile"]


def test_later_twins_weighs_the_span_in_english_words_too() -> None:
    """A copy's size is counted in English words, so is the text around the copies: 110 German words between and
    with them, 20 of them compounds, are 130 in English, more than 6 copies of 20 words, and the copies are far apart
    as the English ones are."""
    copy = (
        "Unsere Tische werden in der eigenen Werkstatt gefertigt und vor dem Versand von Hand geprüft, "
        "geölt und sorgfältig verpackt, heute"
    )
    filler = " ".join(["Die Tischplattenoberfläche aus Eichenholzdielen hält lange Zeit."] * 10)
    page = parse(f"<body><div id=c><div id=a>{copy}</div> <p>{filler}</p> <div id=b>{copy}</div></div></body>")
    assert later_twins(page.find("body")) == []
    plain = " ".join(["Die Platte aus Eiche hält sehr lange."] * 10)
    page = parse(f"<body><div id=c><div id=a>{copy}</div> <p>{plain}</p> <div id=b>{copy}</div></div></body>")
    assert [element.get("id") for element in later_twins(page.find("body"))] == ["b"]


def test_later_twins_weighs_the_copies_common_ancestor_up_to_the_span() -> None:
    """The common ancestor may hold TWIN_SPAN times a copy's words (here 6 × 20: two copies and 80 words beside
    them), not one word more."""
    copy = " ".join(f"word{i}" for i in range(20))

    def page(beside: int) -> HtmlElement:
        filler = " ".join(f"other{i}" for i in range(beside))
        return parse(f"<body><div id=c><div id=a>{copy}</div> <p>{filler}</p> <div id=b>{copy}</div></div></body>")

    assert [element.get("id") for element in later_twins(page(80).find("body"))] == ["b"]
    assert later_twins(page(81).find("body")) == []


def test_widened_keeps_a_container_holding_its_share_of_the_words_and_no_less() -> None:
    """WIDER_SHARE (0.2) of the page's words: 20 of 100 keep the container, 20 of 101 do not; a footer's words are
    left out of the page's (20 of 160, 60 of them the footer's, keep it)."""
    from declutter.html.regions import widened

    def page(beside: int, footer: int = 0) -> HtmlElement:
        words = " ".join(f"w{i}" for i in range(beside))
        policy = " ".join(f"f{i}" for i in range(footer))
        mine = " ".join(f"c{i}" for i in range(20))
        return parse(f"<body><div id=c><p>{mine}</p></div> <div><p>{words}</p></div> <footer>{policy}</footer></body>")

    for beside, footer, kept in ((80, 0, True), (81, 0, False), (80, 60, True), (81, 60, False)):
        root = page(beside, footer)
        container = root.get_element_by_id("c")
        assert (widened(root, container)[0] is container) is kept, (beside, footer)


def test_later_twins_finds_a_quoted_post_far_apart_but_not_the_post_it_quotes() -> None:
    post = "<p>Reset the router first, then reinstall the driver from the vendor's page</p>"
    replies = "".join(
        f"<div class=post><p>Reply {n}: that did not work on my laptop either, sadly</p></div>" for n in range(20)
    )
    quote = f"<div class=post id=reply><blockquote id=quote>{post}</blockquote><p>Thanks, that fixed it.</p></div>"
    page = parse(f"<body><div><div class=post id=first>{post}</div>{replies}{quote}</div></body>")
    assert [element.get("id") for element in later_twins(page.find("body"))] == ["quote"]
    unquoted = parse(f"<body><div><div class=post>{post}</div>{replies}<div class=post>{post}</div></div></body>")
    assert later_twins(unquoted.find("body")) == []  # 12 words 20 posts apart, and no quote holds the copy
    nearby = parse(f"<body><div><blockquote>{post}<div id=again>{post}</div></blockquote></div></body>")
    assert [element.get("id") for element in later_twins(nearby.find("body"))] == []  # one quote holds both


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


_INTRO = (
    "<p>Most of us own far more charging cables than we will ever need, and most of them sit in a drawer for years"
    " before anyone looks at them again.</p>"
)
_BODY = "".join(
    f"<p>Step {n}: sort the cables by the plug at each end, then label every bundle you keep.</p>" for n in range(30)
)


def _parts(before: str, *, around: str = "main") -> list[str]:
    """The ids of the content parts of a page whose body column follows ``before`` in a page builder's rows."""
    from declutter.html.regions import content_parts

    root = parse(f"<body><{around}>{before}<div id=row2><div id=col>{_BODY}</div></div></{around}></body>")
    return [part.get("id") for part in content_parts(root)]


def test_an_intro_in_the_row_before_the_body_column_opens_the_content() -> None:
    assert _parts(f"<div id=row1>{_INTRO}</div>") == ["row1", "col"]
    assert _parts(f"<div id=row1><div id=cell>{_INTRO}</div></div>") == ["row1", "col"], "the row, not only its cell"


def test_prose_headings_and_lists_before_the_body_carry_on_back_to_the_first_paragraph() -> None:
    before = f"<div id=first>{_INTRO}</div><h2 id=h>What you need</h2><ul id=l><li>A drawer</li><li>Tape</li></ul>"
    assert _parts(before + f"<div id=second>{_INTRO}</div>") == ["first", "h", "l", "second", "col"]
    assert _parts(before) == ["first", "h", "l", "col"], "a heading between the intro and the body"
    assert _parts(before.replace(f"<div id=first>{_INTRO}</div>", "")) == ["col"], "alone they open nothing"
    cards = "".join(f"<li class=card>{_INTRO}</li>" for _ in range(3))
    assert _parts(f"<div id=first>{_INTRO}</div><ul id=grid>{cards}</ul>") == ["col"], "a grid of cards is not a list"


def test_blocks_beside_the_body_that_are_not_its_opening_stay_out() -> None:
    headline = f"<div id=top><h1>Taming the cable drawer</h1>{_INTRO}</div>"
    assert _parts(headline) == ["col"], "the headline's block: its byline and dek go with it"
    assert _parts(f"<div id=bio data-nosnippet>{_INTRO}</div>") == ["col"], "a site's words about its author"
    quotes = "".join(f"<div class=quote>{_INTRO}</div>" for _ in range(3))
    assert _parts(f"<div id=reviews>{quotes}</div>") == ["col"], "a row of testimonials"
    links = "".join(
        f"<a href='/s/{n}'>Another story about tidy desks and cable trays, number {n}</a> " for n in range(3)
    )
    assert _parts(f"<div id=related><p>{links}</p></div>") == ["col"], "a list of links"
    assert _parts(f"<div id=promo class=newsletter-promo>{_INTRO}</div>") == ["col"], "named as chrome"
    assert _parts("<div id=short><p>Updated on 4 May.</p></div>") == ["col"], "too short to be prose"


def test_an_intro_is_looked_for_only_next_to_the_body() -> None:
    assert _parts(f"<div id=row1>{_INTRO}</div>", around="div") == ["row1", "col"]
    assert _parts(f"<div id=row1>{_INTRO}</div>Loose words between") == ["col"], "text printed between them"
    far = f"<div id=far>{_INTRO}</div><div id=wrap><div id=row2><div id=col>{_BODY}</div></div></div>"
    from declutter.html.regions import content_parts

    root = parse(f"<body><main>{far}</main></body>")
    assert [part.get("id") for part in content_parts(root)] == ["col"], "two levels above the body column: too far"
    root = parse(f"<body><div id=notice>{_INTRO}</div><div id=row2><div id=col>{_BODY}</div></div></body>")
    assert [part.get("id") for part in content_parts(root)] == ["col"], "a block straight in <body>: a site's notice"


def test_a_block_the_body_prints_again_is_not_its_opening() -> None:
    from declutter.html.regions import content_parts

    body = f"<div id=row2><div id=col>{_INTRO}{_BODY}</div></div>"
    root = parse(f"<body><main><div id=teaser>{_INTRO}</div>{body}</main></body>")
    assert [part.get("id") for part in content_parts(root)] == ["col"], "a teaser of its first lines, a pull quote"


_GRID = "".join(f"<li class=card><a href='/w/{n}'>Slim wallet number {n}</a> <span>$95</span></li>" for n in range(8))
_CATEGORY = "Metal wallets designed to carry cards and cash safely, in every colour we make."


def _intro(banner: str, *, grid_first: bool = False) -> list[str]:
    """The text of the paragraphs :func:`headline_intro` takes from a page with ``banner`` and a grid of cards."""
    from declutter.html.regions import headline_intro
    from declutter.html.tree import all_text

    grid = f"<ul id=grid>{_GRID}</ul>"
    root = parse(f"<body><main>{grid if grid_first else ''}{banner}{'' if grid_first else grid}</main></body>")
    return [all_text(paragraph) for paragraph in headline_intro(root, root.get_element_by_id("grid"))]


def test_a_listing_s_introduction_beside_its_headline_is_taken() -> None:
    assert _intro(f"<div class=hero><div class=text><h1>Wallets</h1></div><p>{_CATEGORY}</p></div>") == [_CATEGORY]
    assert _intro(f"<header><h1>Wallets</h1><div><div><p>{_CATEGORY}</p></div></div></header>") == [_CATEGORY]


def test_what_is_not_a_listing_s_introduction_stays_out() -> None:
    assert _intro(f"<div><p>{_CATEGORY}</p><h1>Wallets</h1></div>") == [], "above the headline: a kicker"
    assert _intro("<div><h1>Wallets</h1><p>Showing 1-24 of 171 products</p></div>") == [], "a count, not a sentence"
    links = "".join(f"<a href='/c/{n}'>Card holders and money clips {n}</a> " for n in range(3))
    assert _intro(f"<div><h1>Wallets</h1><p>{links}</p></div>") == [], "links to other categories"
    assert _intro(f"<div><h1>Wallets</h1><p>{_CATEGORY}</p></div>", grid_first=True) == [], "after the grid"
    far = f"<section><div><div><div><h1>Wallets</h1></div></div></div><p>{_CATEGORY}</p></section>"
    assert _intro(far) == [], "beyond the headline's own block"


def test_a_paragraph_the_container_prints_again_is_not_its_introduction() -> None:
    from declutter.html.regions import headline_intro

    grid = f"<div id=grid><p>{_CATEGORY}</p><ul>{_GRID}</ul></div>"
    root = parse(f"<body><div><h1>Wallets</h1><p>{_CATEGORY}</p></div>{grid}</body>")
    assert headline_intro(root, root.get_element_by_id("grid")) == ()


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


def test_a_survey_lets_the_page_go_with_its_result() -> None:
    """The survey's counts are keyed by the page's elements: left in its recursive walk's reference cycle, they
    would keep the page's tree alive until the garbage collector ran."""
    body = parse("<body><div><p>" + "A sentence of the story, long enough to count. " * 3 + "</p></div></body>").find(
        "body"
    )
    held = weakref.ref(body)
    gc.disable()
    try:
        survey(body)
        del body
        assert held() is None
    finally:
        gc.enable()


def test_precedes_reads_document_order_from_the_branches_under_the_common_ancestor() -> None:
    from declutter.html.regions import _precedes

    root = parse(
        "<body><div><section><div><p id=a>A</p></div></section><p id=b>B</p></div>"
        "<div><p id=c>C</p><ul><li><span id=d>D</span></li></ul></div></body>"
    )
    ids = ("a", "b", "c", "d")
    for n, first in enumerate(ids):
        for second in ids[n + 1 :]:
            assert _precedes(root.get_element_by_id(first), root.get_element_by_id(second)), (first, second)
            assert not _precedes(root.get_element_by_id(second), root.get_element_by_id(first)), (second, first)


_DESCRIPTION = (
    "<p>Quick and healthy air fryer recipes, from breakfast to snacks to dinners, crisp in record time with little"
    " to no oil. We love our air fryer and how it makes everything delicious.</p>"
)


def _posts(count: int, *, excerpt: str = "", title: str = "h2", cls: str = "") -> str:
    cards = "".join(
        f"<article class=post><{title}><a href=/r/{n}>Sticky air fryer salmon bites number {n}</a></{title}>"
        f"{excerpt}</article>"
        for n in range(count)
    )
    return f"<div id=posts class='{cls}'>{cards}</div>"


def _after(page: str) -> str | None:
    from declutter.html.regions import posts_after

    root = parse(page)
    found = posts_after(root.get_element_by_id("intro"))
    return None if found is None else found.get("id")


def test_a_category_s_posts_after_its_description_are_taken() -> None:
    intro = f"<div class=archive><div class=wrap><div id=intro><h1>Air fryer</h1>{_DESCRIPTION}</div></div></div>"
    assert _after(f"<body><div>{intro}{_posts(8)}</div><footer>Footer</footer></body>") == "posts"
    assert _after(f"<body><div>{intro}{_posts(8, title='h3')}</div></body>") == "posts", "three levels up"


def test_what_is_not_a_category_s_grid_of_posts_stays_out() -> None:
    intro = f"<div id=intro>{_DESCRIPTION}</div>"
    assert _after(f"<body><div>{intro}{_posts(4)}</div></body>") is None, "a row of related posts"
    assert _after(f"<body><div>{intro}{_posts(8, title='b')}</div></body>") is None, "cards without titled links"
    assert _after(f"<body><div>{intro}{_posts(8, cls='related-posts')}</div></body>") is None, "named as chrome"
    body = f"<div id=intro>{_DESCRIPTION * 12}</div>"
    assert _after(f"<body><div>{body}{_posts(8)}</div></body>") is None, "a river of stories under a long article"
    assert _after(f"<body><div>{intro}<p>More to read</p>{_posts(8)}</div></body>") is None, "not the next block"


def test_a_widget_s_json_state_is_not_the_page_s_text() -> None:
    from declutter.html.regions import find_content

    state = '{"painterId":"AsinGrid","asins":[' + ",".join(f'"B0CXGXT6W{n}"' for n in range(80)) + "]}"
    name = "Wireless over-ear noise cancelling headphones with a long battery"
    cards = "".join(f"<div class=card><a href=/p/{n}>{name}, model {n}</a></div>" for n in range(6))
    page = parse(f"<body><div><div class=state hidden>{state}</div><div id=grid>{cards}</div></div></body>")
    assert find_content(page).get("id") == "grid"


_OTHER_CARD = (
    "<li class=card><a href='/p/{n}'>Stoneware mug {n}, glazed, dishwasher safe, 350 ml</a><span>$1{n}.00</span></li>"
)


def _other_cards(count: int) -> str:
    return "".join(_OTHER_CARD.format(n=n) for n in range(count))


def test_a_grid_of_other_products_after_the_product_s_price_is_found() -> None:
    from declutter.html.regions import other_products

    page = parse(
        "<body><h1>Mug</h1><div class=buy><span>$14.00</span></div><p>A mug of glazed stoneware for your desk.</p>"
        f"<section id=similar><h2>Similar items</h2><ul id=grid>{_other_cards(8)}</ul></section></body>"
    )
    assert [grid.get("id") for grid in other_products(page)] == ["grid"]


def test_what_is_no_grid_of_other_products_stays() -> None:
    from declutter.html.regions import other_products

    def found(body: str) -> list[str | None]:
        return [grid.get("id") for grid in other_products(parse(f"<body>{body}</body>"))]

    assert found(f"<h1>Mugs</h1><ul id=grid>{_other_cards(8)}</ul>") == [], "a category's grid under its title"
    assert found(f"<h1>Mug</h1><p>$14.00</p><ul id=grid>{_other_cards(2)}</ul>") == [], "two cards are no grid"
    assert found(f"<h1>Mug</h1><p>$14.00</p><ul id=grid>{_other_cards(3)}</ul>") == [], "a small row of 3"
    links = "".join(
        f"<li class=card><a href='/p/{n}'>Stoneware mug {n}, glazed, dishwasher safe</a></li>" for n in range(8)
    )
    assert found(f"<h1>Mug</h1><p>$14.00</p><ul id=grid>{links}</ul>") == [], "cards without prices: a menu"
    prose = " ".join(["The glaze is fired twice for a deep colour."] * 10)
    described = "".join(f"<div class=part><a href='/p/{n}'>Part {n}</a> $5 {prose}</div>" for n in range(4))
    assert found(f"<h1>Mug</h1><p>$14.00</p><div id=grid>{described}</div>") == [], "a description quoting prices"
    assert found(f"<p>$14.00</p><ul id=grid>{_other_cards(8)}</ul>") == [], "no headline, nothing to stand after"
