"""Tests of :mod:`declutter.heuristics.head`."""

from __future__ import annotations

from declutter import explain
from declutter.document import Document
from declutter.heuristics.common import is_title_echo
from declutter.heuristics.head import (
    head_strip,
    headline_anchor,
    menu_echo,
    site_name,
    title_echo,
)
from declutter.ruleset import RuleSet
from tests.heuristics import BODY, PROSE

CHROME = "Home\nLocal\nFire crews battle blaze on the waterfront\nWeather: sunny, 21 degrees\n"


def test_title_echo_removes_the_chrome_between_the_page_title_and_the_headline() -> None:
    blocks = Document.from_text(
        f"Council approves new budget - The Daily Planet\n{CHROME}Council approves new budget\n{BODY}"
    ).blocks
    hits = title_echo(blocks, None, frozenset(), frozenset())
    assert [b.text for b, _ in hits] == CHROME.split("\n")[:-1], "both copies of the headline stay"


def test_title_echo_needs_a_separator_and_the_article_after_the_echo() -> None:
    longer = is_title_echo("Council approves budget cuts", "Council approves budget", 3)
    assert not longer, "a longer headline is no echo"
    assert is_title_echo("The Daily Planet | Council approves budget", "Council approves budget", 3)
    # The article started before the echo: a main-content text whose headline recurs in a teaser below.
    text = f"Council approves budget - The Daily Planet\n{BODY}{CHROME}Council approves budget\n{BODY}"
    assert title_echo(Document.from_text(text).blocks, None, frozenset(), frozenset()) == []
    # No article after the echo.
    short = f"Council approves new budget - The Daily Planet\n{CHROME}Council approves new budget\nRoads close.\n"
    assert title_echo(Document.from_text(short).blocks, None, frozenset(), frozenset()) == []


def test_title_echo_spares_a_kicker_the_article_names() -> None:
    kicker = "Province and territory"
    text = f"Council approves new budget - Planet\n{CHROME}{kicker}\nCouncil approves new budget\n{BODY}"
    hits = title_echo(Document.from_text(text).blocks, None, frozenset(), frozenset())
    assert kicker not in [b.text for b, _ in hits]
    assert len(hits) == 4


def test_title_echo_uses_the_last_copy_of_the_headline() -> None:
    """A sticky header repeats the headline inside the chrome; the copy above the article marks where it starts."""
    head = "Council approves the new budget"
    chrome = "\n".join(["Local", head, "Mortgage Rates", "Business Directory", "Jobs", "Menu Sections"])
    text = f"{head} - The Daily Planet\n{chrome}\n\n{head}\n\n{BODY}"
    kept = [line for line in explain(text).text.splitlines() if line]
    assert kept[:3] == [f"{head} - The Daily Planet", head, head]
    assert "Mortgage Rates" not in kept
    assert "Menu Sections" not in kept


BLURBS = "".join(
    f"{name}\nCompare {name.lower()} from dozens of providers and find the best rate for your money this week.\n"
    for name in ("Savings", "Mortgages", "Credit cards", "Insurance")
)
"""A mega-menu whose sections each carry a one-sentence blurb: 68 words of prose, each paragraph alone."""


def test_title_echo_looks_past_a_mega_menu_s_blurbs() -> None:
    """Past ``max_prose_between`` words, scattered blurbs may stand between the title and its echo, up to
    ``prose_share`` of the article's prose; the first echo past them is the headline."""
    text = f"Council approves new budget - The Daily Planet\n{BLURBS}Council approves new budget\n{BODY * 3}"
    blocks = Document.from_text(text).blocks
    assert title_echo(blocks, None, frozenset(), frozenset()) == [], "68 words of prose: the strict limit"
    hits = title_echo(blocks, None, frozenset(), frozenset(), prose_share=0.2)
    assert [b.text for b, _ in hits] == BLURBS.split("\n")[:-1]
    # Never more prose than that share of the article's.
    assert title_echo(blocks, None, frozenset(), frozenset(), prose_share=0.1) == []


def test_title_echo_takes_a_long_echo_past_blurbs_that_outweigh_the_article() -> None:
    """A mega-menu's blurbs may hold more prose than a short article below it; a headline of ``long_echo`` words
    or more repeated word for word still marks the article's start there, while a shorter echo does not."""
    head = "Council approves the new budget after a long night of debate"
    text = f"{head} - The Daily Planet\n{BLURBS}{head}\n{BODY}"
    blocks = Document.from_text(text).blocks
    assert title_echo(blocks, None, frozenset(), frozenset(), prose_share=0.2) == [], "blurbs outweigh the article"
    hits = title_echo(blocks, None, frozenset(), frozenset(), prose_share=0.2, long_echo=8)
    assert [b.text for b, _ in hits] == BLURBS.split("\n")[:-1]
    assert title_echo(blocks, None, frozenset(), frozenset(), prose_share=0.2, long_echo=12) == [], "an 11-word echo"
    # Two paragraphs in a row above the echo are still an article's text, however long the echo.
    text = f"{head} - The Daily Planet\nHome\n{PROSE}{PROSE}{BLURBS}{head}\n{BODY}"
    blocks = Document.from_text(text).blocks
    assert title_echo(blocks, None, frozenset(), frozenset(), prose_share=0.2, long_echo=8) == []


def test_title_echo_stops_at_two_paragraphs_in_a_row() -> None:
    """Two paragraphs of prose in a row above the echo are an article's text, not a menu's blurbs: the echo
    below them is a copy inside the article (a section heading, a teaser), and nothing goes."""
    text = (
        f"Council approves new budget - The Daily Planet\nHome\nLocal\nJobs\n{PROSE}{PROSE}"
        f"Council approves new budget\n{BODY}"
    )
    blocks = Document.from_text(text).blocks
    assert title_echo(blocks, None, frozenset(), frozenset(), prose_share=0.5) == []


def test_title_echo_takes_the_first_echo_past_the_blurbs() -> None:
    """Past the strict limit the first copy is the headline: a later copy with the article's lists between
    (a product's specs, then the same name over a card) is the article's own. A copy another rule removed
    ends the search there."""
    head = "Council approves new budget"
    specs = "Body: Alder\nNeck: Maple\nFrets: 22\n"
    text = f"{head} - The Daily Planet\n{BLURBS}{head}\n{specs}{head}\n{BODY * 3}"
    blocks = Document.from_text(text).blocks
    hits = [b.text for b, _ in title_echo(blocks, None, frozenset(), frozenset(), prose_share=0.2)]
    assert hits == BLURBS.split("\n")[:-1], "the specs stay"
    echo = next(b for b in blocks[1:] if b.text == head)
    assert title_echo(blocks, None, frozenset(), frozenset({echo.line}), prose_share=0.2) == []


def test_title_echo_keeps_an_article_right_under_its_headline() -> None:
    """With the headline right under the title and no line removed before a later copy (a text this rule
    already cleaned, cleaned again), the later copy is the article's own and the lines above it stay."""
    head = "Council approves new budget"
    text = f"{head} - The Daily Planet\n{head}\nBody: Alder\nNeck: Maple\nFrets: 22\n{head}\n{BODY}"
    blocks = Document.from_text(text).blocks
    assert title_echo(blocks, None, frozenset(), frozenset()) == []
    removed = next(b for b in blocks if b.text == "Neck: Maple")
    hits = title_echo(blocks, None, frozenset(), frozenset({removed.line}))
    assert [b.text for b, _ in hits] == ["Body: Alder", "Neck: Maple", "Frets: 22"], "a removed line: a sticky header"


MENU = [
    "Tents", "Backpacks", "Sleeping bags", "Stoves", "Lanterns", "Water bottles", "Knives", "First aid", "Gift cards",
    "Sale",
]  # fmt: skip
SHOP = "https://www.outdoorshop.com/c/camp-stoves"
GRID = "Trail Stove 2\n$49.99\nCanister Stove\n$29.99\n"


def _menu_echo(text: str, claimed: frozenset[int] = frozenset(), url: str | None = SHOP) -> list[str]:
    rule = RuleSet.bundled().get("STR008")
    blocks = Document.from_text(text).blocks
    return [b.text for b, _ in menu_echo(blocks, rule, frozenset(), claimed, url=url, **rule.params)]


def test_menu_echo_takes_a_header_menu_over_a_grid_no_prose_follows() -> None:
    menu = "\n".join(MENU)
    assert _menu_echo(f"Camp stoves | Outdoor Shop\n{menu}\nCamp stoves\n{GRID}") == MENU
    # The title's words before its first separator: 'NFL Schedule - 2026 Season - ESPN' over 'NFL Schedule'.
    leading = f"Camp stoves - Winter 2026 - Outdoor Shop\n{menu}\nCamp stoves\n{GRID}"
    assert _menu_echo(leading) == MENU
    assert _menu_echo(leading, url=None) == [], "without the address the leading part may be the site's name"
    assert _menu_echo(f"Outdoor Shop | Camp stoves and burners\n{menu}\nOutdoor Shop\n{GRID}") == []
    # Lines other rules removed neither count nor go; the title's copies stay.
    text = f"Camp stoves | Outdoor Shop\n{menu}\nCamp stoves\n{GRID}"
    assert _menu_echo(text, frozenset({1})) == [], "9 kept lines above the echo: too few for a menu"


def test_menu_echo_needs_a_menu_s_short_lines_up_to_the_first_echo() -> None:
    menu = "\n".join(MENU)
    sentence = "Our stoves are tested on three continents before they reach the shop."
    assert _menu_echo(f"Camp stoves | Outdoor Shop\n{sentence}\n{menu}\nCamp stoves\n{GRID}") == []
    # A first echo with few lines above it is the page's heading; the copy under the grid is the page's own.
    assert _menu_echo(f"Camp stoves | Outdoor Shop\nTents\nCamp stoves\n{menu}\nCamp stoves\n") == []
    # Prices above the echo: a grid of cards, not a menu.
    cards = "\n".join(f"Stove {n}\n${n}9.99" for n in range(6))
    assert _menu_echo(f"Camp stoves | Outdoor Shop\n{cards}\nCamp stoves\nSale\n") == []
    assert _menu_echo(f"Camp stoves: a buyer's guide.\n{menu}\nCamp stoves\n{GRID}") == [], "a sentence, no title"
    # A title may ask or exclaim, as title-echo reads it (round fpf24): a first line ending in '?' is a title.
    assert _menu_echo(f"Outdoor Shop | Which camp stove?\n{menu}\nWhich camp stove?\n{GRID}") == MENU
    assert _menu_echo(f"Outdoor Shop | Camp stoves on sale!\n{menu}\nCamp stoves on sale!\n{GRID}") == MENU
    assert _menu_echo(f"Camp stoves\n{menu}\nCamp stoves\n{GRID}") == [], "no site name: an extractor's heading"


def test_the_pipeline_runs_menu_echo_on_a_page_s_full_text_only() -> None:
    menu = "\n".join(MENU)
    page = f"Camp stoves | Outdoor Shop\nSkip to content\nLog in\n{menu}\nCamp stoves\n{GRID}"
    assert "Lanterns" not in explain(page, input_format="text").text
    extracted = f"Camp stoves | Outdoor Shop\n{menu}\nCamp stoves\n{GRID}"  # no chrome: an extractor's output
    assert "Lanterns" in explain(extracted, input_format="text").text


HEAD = "Council approves the new budget after a long night\n"


def _head_strip(text: str) -> list[str]:
    rule = RuleSet.bundled().get("HED002")
    blocks = Document.from_text(text).blocks
    return [b.text for b, _ in head_strip(blocks, rule, frozenset(), frozenset(), **rule.params)]


def test_head_strip_takes_names_stamps_and_counts_beside_residue() -> None:
    text = f"{HEAD}Jane Doe and John Roe, Daily Planet\nMonday 5:30PM\nShare\n84.1K\n108\n{BODY}"
    assert _head_strip(text) == ["Jane Doe and John Roe, Daily Planet", "Monday 5:30PM", "84.1K", "108"]


def test_head_strip_needs_residue_and_a_headline_on_top() -> None:
    assert _head_strip(f"{HEAD}Jane Doe\n108\n{BODY}") == [], "no removed line in the strip"
    assert _head_strip(f"Politics\nJane Doe\nShare\n{BODY}") == [], "a short line on top may be the headline"


def test_head_strip_keeps_headline_words_and_a_heading() -> None:
    assert _head_strip(f"{HEAD}Minister Announces Plan\nShare\n{BODY}") == [], "the article repeats its words"
    assert _head_strip(f"{HEAD}Share\nKey Points\n{BODY}") == [], "right above the paragraph: its heading"


URL = "https://planet.example/news/2019/11/19/council-approves-new-spring-budget-14848164.php"
CHROME_LINES = [
    "Skip to content",
    "Welcome to the Planet's European edition",
    "Fire crews battle blaze on the waterfront",
]
TEASERS = "\n".join(["Menu", "Search", *CHROME_LINES[:2], f"* {CHROME_LINES[2]}", ""])
"""Page chrome; 'Menu' and 'Search' stand for lines other rules removed."""


def _anchor(text: str, url: str | None = URL, chrome: tuple[str, ...] = ("Menu", "Search")) -> list[str]:
    blocks = Document.from_text(text).blocks
    claimed = frozenset(b.line for b in blocks if b.text in chrome)
    return [b.text for b, _ in headline_anchor(blocks, None, frozenset(), claimed, url=url, slug_ignore="php")]


def test_headline_anchor_removes_what_stands_above_the_headline_the_slug_names() -> None:
    text = f"{TEASERS}The Council Approves Its New Spring Budget\n{BODY}"
    assert _anchor(text) == CHROME_LINES
    assert _anchor(text, url=None) == [], "without a URL or a page title on line 1 there is no anchor"
    assert _anchor(text, url="https://planet.example/news/view.php?id=8576") == [], "a slug of two words is no source"
    assert _anchor(text, chrome=("Menu",)) == [], "one removed line: maybe a main-content text, no page chrome"


def test_headline_anchor_takes_the_first_copy_and_spares_claim_cards_and_kickers() -> None:
    # A video player's copy of the headline under the dek is not where the chrome ends.
    text = f"{TEASERS}Council approves new spring budget\nThe dek.\nVideo: Council approves new spring budget\n{BODY}"
    assert len(_anchor(text)) == 3
    # A claim card above a fact check's headline: the article quotes it, and nothing below it goes.
    claim = "The minister said on Monday that the plan would be announced in the spring"
    card = f"{claim}\n— Jane Doe on Monday in a press release\n"
    text = f"{TEASERS}{card}Did the council approve a new spring budget?\n{BODY}"
    assert _anchor(text) == CHROME_LINES
    # A kicker the article names stays.
    text = f"{TEASERS}Province and territory\nCouncil approves new spring budget\n{BODY}"
    assert "Province and territory" not in _anchor(text)


def test_headline_anchor_needs_the_headline_near_the_article_and_prose_after_it() -> None:
    far = "".join(f"Line {n} of a long list\n" for n in range(30))
    # Far above the article, the headline of a page whose head holds no prose still ends the page head.
    assert _anchor(f"{TEASERS}Council approves new spring budget\n{far}{BODY}") == CHROME_LINES
    # Prose above it: maybe the page's own text (a product's description above its spec sheet), so nothing goes.
    assert _anchor(f"{PROSE}{TEASERS}Council approves new spring budget\n{far}{BODY}") == []
    assert _anchor(f"{TEASERS}Council approves new spring budget\nRoads close.\n") == []


def test_headline_anchor_reads_the_page_title_on_the_first_line() -> None:
    title = "Council approves new spring budget | The Planet"
    text = f"{title}\n{TEASERS}The council approves its new spring budget\n{BODY}"
    hits = _anchor(text, url=None)
    assert hits == CHROME_LINES
    # The first line is the headline itself (a main-content text) and a caption two lines below repeats it.
    caption = "Photo: the council approves its new spring budget"
    text = f"Council approves new spring budget\nA city of two rivers\nJane Doe\n{caption}\nShare\nTweet\n{BODY}"
    assert _anchor(text, url=None, chrome=("Share", "Tweet")) == []


def test_title_echo_and_headline_anchor_read_a_title_that_asks_a_question() -> None:
    # A page title may be a question ('What Is Digital Marketing?'); a first line that states something is no title.
    title = "Will the council approve the new spring budget? - The Daily Planet"
    echo = title_echo(
        Document.from_text(f"{title}\n{CHROME}Will the council approve the new spring budget?\n{BODY}").blocks,
        None,
        frozenset(),
        frozenset(),
    )
    assert [b.text for b, _ in echo] == CHROME.split("\n")[:-1]
    stated = "The council approved the new spring budget on Monday."
    text = f"{stated}\n{CHROME}{stated}\n{BODY}"
    assert title_echo(Document.from_text(text).blocks, None, frozenset(), frozenset()) == []
    question = "Will the council approve its spring budget?"
    text = f"{question} | The Planet\n{TEASERS}{question}\n{BODY}"
    assert _anchor(text, url=None) == CHROME_LINES
    # A headline that exclaims is found by the title's words too, and stays.
    exclaim = "Seven tax services, reviewed and ready for use!"
    assert _anchor(f"{exclaim}\n{TEASERS}{exclaim}\n{BODY}", url=None) == CHROME_LINES


def test_headline_anchor_falls_back_to_a_headline_right_above_the_article() -> None:
    # The slug's words name a menu item far above the article: the copy right above it is the headline.
    menu = "".join(f"Section {n}\n" for n in range(30))
    head = f"{TEASERS}Spring budget: council approves\n{menu}"
    text = f"{head}Council approves new spring budget\n{BODY}"
    hits = _anchor(text)
    assert hits[: len(CHROME_LINES)] == CHROME_LINES
    assert "Section 29" in hits
    assert "Council approves new spring budget" not in hits, "lines the address names stay"
    # Not when text of paragraph length stands between the two (the page's text starts above the later copy),
    # nor when the later copy is not right above the article: the first copy is the headline, the menu stays.
    card = "Council approves new spring budget after nine hours of debate that drew hundreds of residents\n"
    assert _anchor(f"{head}{card}Council approves new spring budget\n{BODY}") == CHROME_LINES
    gap = "Jane Doe\nMay 2\nShare\n"
    assert _anchor(f"{head}Council approves new spring budget\n{gap}{BODY}") == CHROME_LINES


def test_headline_anchor_takes_the_copy_right_above_the_article_past_a_menu() -> None:
    # The first copy is a menu's item, and the menu below it goes too.
    menu = "".join(f"Section {n}\n" for n in range(6))
    text = f"{TEASERS}Spring budget: council approves\n{menu}Council approves new spring budget\n{BODY}"
    assert "Section 5" in _anchor(text)
    # A dek and a video player's copy under the headline are no menu: the first copy stays the headline.
    text = f"{TEASERS}Council approves new spring budget\nThe dek.\nVideo: Council approves new spring budget\n{BODY}"
    assert "The dek." not in _anchor(text)


def test_headline_anchor_reads_the_page_title_without_its_site_name() -> None:
    # A two-word headline is the page title less the site's name.
    text = f"Spring budget - The Planet\n{TEASERS}Spring budget\n{BODY}"
    assert _anchor(text, url=None) == CHROME_LINES
    # Or any part of a title that strings several ('Spring budget | Council votes | The Planet').
    text = f"Spring budget | Council votes 7-4 | The Planet\n{TEASERS}Spring budget\n{BODY}"
    assert _anchor(text, url=None) == CHROME_LINES
    bare = f"Spring budget\n{TEASERS}Spring budget\n{BODY}"
    assert _anchor(bare, url=None) == [], "a title of two words is no source"


def test_the_pipeline_passes_the_page_url_to_headline_anchor() -> None:
    text = f"{TEASERS}The Council Approves Its New Spring Budget\n{BODY}"
    assert {"Menu", "Search"} <= {d.text for d in explain(text).decisions}, "other rules take the chrome labels"
    with_url = {d.text for d in explain(text, url=URL).decisions if d.rule_id == "STR005"}
    assert "Welcome to the Planet's European edition" in with_url
    assert not [d for d in explain(text).decisions if d.rule_id == "STR005"]


def test_headline_anchor_takes_a_first_line_that_names_nothing_of_the_headline() -> None:
    tagline = "Got a tip for us? Let us know"
    headline = "The Council Approves Its New Spring Budget"
    assert _anchor(f"{tagline}\n{TEASERS}{headline}\n{BODY}") == [tagline, *CHROME_LINES]
    # A page title that words the headline differently still shares its words, and stays.
    title = "Spring budget approved | The Planet"
    assert title not in _anchor(f"{title}\n{TEASERS}{headline}\n{BODY}")


def test_headline_anchor_leaves_a_text_that_opens_with_its_own_heading_and_intro() -> None:
    # An extractor's output of a collection: its name, then an introduction naming the slug's topic; a later
    # section heading the slug names too ('About our new spring budget') has no page head above it.
    intro = "Our guide to the council's new spring budget explains every line of the plan, from roads to schools."
    filters = "".join(f"{colour}\n" for colour in ("Black", "Grey", "White", "Tan", "Orange", "Red", "Pink", "Blue"))
    after = f"{TEASERS}{filters}The Council Approves Its New Spring Budget\n{BODY}"
    assert _anchor(f"Spring Budget\n{intro}\n{after}") == []
    # An introduction about something else, or a first line sharing nothing with the slug, is no opening.
    other = "Our readers sent in hundreds of letters this week, and we answer the most common questions below."
    assert other in _anchor(f"Spring Budget\n{other}\n{after}")
    assert intro in _anchor(f"Letters\n{intro}\n{after}")


def test_headline_anchor_finds_the_intro_a_few_short_lines_under_the_opening_heading() -> None:
    # The HTML stage's text of a collection: its name, a promotion banner's two lines and a breadcrumb's last item,
    # then the introduction naming the slug's topic; the grid and a later SEO heading the slug names follow.
    intro = "Our guide to the council's new spring budget explains every line of the plan, from roads to schools."
    filters = "".join(f"{colour}\n" for colour in ("Black", "Grey", "White", "Tan", "Orange", "Red", "Pink", "Blue"))
    after = f"{TEASERS}{filters}The Council Approves Its New Spring Budget\n{BODY}"
    head = "Spring Budget\nOur most popular guides - now free\nUse code SPRING at checkout\nGuides\n"
    text = f"{head}{intro}\n{after}"
    blocks = Document.from_text(text).blocks
    claimed = frozenset(b.line for b in blocks if b.text in ("Menu", "Search"))

    def anchor(gap: int) -> list[str]:
        hits = headline_anchor(blocks, None, frozenset(), claimed, url=URL, slug_ignore="php", intro_gap=gap)
        return [b.text for b, _ in hits]

    assert anchor(4) == []
    assert intro in anchor(1), "with the intro right under the heading only, the collection's head would go"
    assert intro in anchor(3), "the intro is the 4th line under the heading: a gap of 3 does not reach it"


def _site_name_lines(text: str, url: str | None, claimed: set[int] = set()) -> list[str]:  # noqa: B006
    doc = Document.from_text(text)
    return [b.text for b, _ in site_name(doc.blocks, None, frozenset(), frozenset(claimed), url=url)]


def test_site_name_takes_the_masthead_the_address_spells() -> None:
    """'Quanta Magazine' on quantamagazine.org, "Barron's" on barrons.com: the logo's text above the article."""
    head = "Quanta Magazine\nSearch\nTuft cells that taste danger\n\n"
    assert _site_name_lines(head + BODY, "https://www.quantamagazine.org/tuft-cells/") == ["Quanta Magazine"]
    barrons = "Barron's\nHeadline of the day here\n\n" + BODY
    assert _site_name_lines(barrons, "https://www.barrons.com/a") == ["Barron's"]
    # Without an address or a title naming the site, nothing goes.
    assert _site_name_lines(head + BODY, None) == []
    # With the page title on the first line, its site name serves without an address.
    titled = "Tuft cells that taste danger | Quanta Magazine\n" + head + BODY
    assert _site_name_lines(titled, None) == ["Quanta Magazine"]


def test_site_name_spares_the_attribution_under_the_article_and_partial_names() -> None:
    """'Reuters' right under the last paragraph on reuters.com is the attribution; 'Post' is too little of the host."""
    url = "https://www.reuters.com/article/storm"
    assert _site_name_lines(BODY + "Reuters\n", url) == []
    text = BODY + "Share\nTweet\nEmail\nReuters\n"
    lines = len(BODY.splitlines())
    assert _site_name_lines(text, url, {lines, lines + 1, lines + 2}) == ["Reuters"]
    assert _site_name_lines("Post\nStorm hits the coast today\n\n" + BODY, "https://www.washingtonpost.com/a") == []
    assert _site_name_lines(PROSE + "Reuters\n" + BODY, url) == []


def test_headline_anchor_needs_a_page_head_not_prose_above_the_headline() -> None:
    # An extractor's output: the article's own paragraphs stand above a heading that echoes the slug
    # (a buyer's guide whose later section names the page's subject). No page head, nothing goes.
    intro = [
        "Vertical designs, split halves and tented keys all promise a more comfortable working day at the desk.",
        "We tested twenty models over three months and asked a physiotherapist which shapes help most, and why.",
    ]
    specs = "".join(f"Spec {n}: {n * 10} grams\n" for n in range(10))
    above = "".join(f"{line}\n{specs}" for line in intro * 4)  # more prose above than below: the article
    text = f"{TEASERS}{above}The Council Approves Its New Spring Budget\n{BODY}"
    assert _anchor(text) == []
    blocks = Document.from_text(text).blocks
    claimed = frozenset(b.line for b in blocks if b.text in ("Menu", "Search"))
    unguarded = headline_anchor(blocks, None, frozenset(), claimed, url=URL, slug_ignore="php", max_prose_above=9)
    assert intro[1] in [b.text for b, _ in unguarded], "without the guard the article's intro would go"


def test_headline_anchor_counts_a_button_under_each_card_once() -> None:
    """One label removed under each card is the cards' own button, no page head's chrome: an extractor's output
    of a buyer's guide keeps its picks above a later heading the slug names. Two different labels are a head."""
    cards = "".join(f"{line}\nRead More\n" for line in CHROME_LINES[1:])
    text = f"{cards}The Council Approves Its New Spring Budget\n{BODY}"
    assert _anchor(text, chrome=("Read More",)) == []
    assert _anchor(f"Menu\n{text}", chrome=("Menu", "Read More")) == [CHROME_LINES[1], CHROME_LINES[2]]
