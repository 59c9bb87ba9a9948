"""Tests of :mod:`declutter.heuristics.page`."""

from __future__ import annotations

from typing import Any

import pytest

from declutter import explain
from declutter.document import Document
from declutter.heuristics import page
from declutter.heuristics.common import Removed, is_title_echo
from declutter.heuristics.page import (
    _TailFacts,
    detached_prose,
    footer_floor,
    headline_anchor,
    residue_wall,
    site_name,
    tail_after_residue,
    tail_fill,
    tail_islands,
    title_echo,
)
from declutter.ruleset import RuleSet
from declutter.text import spec_rows
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


def test_tail_after_residue_needs_a_dense_cluster_right_below_the_article() -> None:
    tail = "Top Posts\nWhy the bridge closed again\nBlog Stats\n"
    doc = Document.from_text(f"{BODY}Share this:\nFacebook\nTwitter\n{tail}")
    claimed = frozenset(b.line for b in doc.blocks[4:7])
    hits = tail_after_residue(doc.blocks, None, frozenset(), claimed)
    assert [b.text for b, _ in hits] == ["Share this:", "Facebook", "Twitter", *tail.split("\n")[:-1]]
    # One removed line (an ad slug) among the article's closing lines is not the end of the article.
    doc = Document.from_text(f"{BODY}Advertisement\nThe vote was 7 to 4.\nShare\nThe next budget is due in March.\n")
    claimed = frozenset({doc.blocks[4].line, doc.blocks[6].line})
    assert tail_after_residue(doc.blocks, None, frozenset(), claimed) == []
    # A cluster far below the last paragraph (after the article's own short lines) does not count.
    closing = "".join(f"Item {n}\n" for n in range(6))
    doc = Document.from_text(f"{BODY}{closing}Share\nFacebook\nTwitter\n")
    claimed = frozenset(b.line for b in doc.blocks[-3:])
    assert tail_after_residue(doc.blocks, None, frozenset(), claimed) == []


def test_title_echo_uses_the_last_copy_of_the_headline() -> None:
    """A sticky header repeats the headline inside the chrome; the copy above the article marks where it starts."""
    head = "Council approves the new budget"
    chrome = "\n".join(["Local", head, "Mortgage Rates", "Business Directory", "Jobs", "Menu Sections"])
    text = f"{head} - The Daily Planet\n{chrome}\n\n{head}\n\n{BODY}"
    kept = [line for line in explain(text).text.splitlines() if line]
    assert kept[:3] == [f"{head} - The Daily Planet", head, head]
    assert "Mortgage Rates" not in kept
    assert "Menu Sections" not in kept


HEAD = "Council approves the new budget after a long night\n"


def _head_strip(text: str) -> list[str]:
    from declutter.heuristics.page import head_strip
    from declutter.ruleset import RuleSet

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


def test_residue_sandwich_takes_a_short_line_between_removals_outside_the_article_only() -> None:
    from declutter.heuristics.page import residue_sandwich

    text = f"Home\nOpinion Lab\nSign in\nCouncil approves new budget\n{BODY}Share\nMore from us\nFooter\n"
    blocks = Document.from_text(text).blocks
    claimed = frozenset(b.line for b in blocks if b.text in {"Home", "Sign in", "Share", "Footer"})
    hits = residue_sandwich(blocks, None, frozenset(), claimed, min_bread=1, head_min_bread=1)
    assert [b.text for b, _ in hits] == ["Opinion Lab", "More from us"]
    # Between two removals inside the article's span, the short line is a heading: it stays.
    inner = Document.from_text(f"{BODY}Advertisement\nWhat comes next\nAdvertisement\n{BODY}").blocks
    ads = frozenset(b.line for b in inner if b.text == "Advertisement")
    assert residue_sandwich(inner, None, frozenset(), ads, min_bread=1) == []
    # The headline, and a label the article names, stay.
    named = Document.from_text(f"Home\nCouncil approves new budget\nSign in\n{BODY}").blocks
    assert residue_sandwich(named, None, frozenset(), frozenset({0, 2}), head_min_bread=1) == []


def test_residue_sandwich_takes_no_bread_from_lines_without_a_word() -> None:
    """A docs page's list of conditions, each item broken over two lines, has an emptied bullet ('-', which
    symbol-only removes) between every two items: layout, not residue around the items."""
    from declutter.heuristics.page import residue_sandwich

    items = ["comparison of a variable with a string using the", "“=” and “!=” operators;"]
    items += ["checking of a file existence with the “-f” and", "“!-f” operators;"]
    text = BODY + "-\n" + "\n".join(items[:2]) + "\n-\n-\n" + "\n".join(items[2:]) + "\n-\n-\n"
    blocks = Document.from_text(text).blocks
    claimed = frozenset(b.line for b in blocks if b.text == "-")
    loose = {"max_lines": 5, "max_words": 10, "min_bread": 1}  # the bundled rule's settings
    assert residue_sandwich(blocks, None, frozenset(), claimed, **loose) == []
    # Between worded removals the same items go.
    worded = Document.from_text(text.replace("-\n", "Share\n")).blocks
    shares = frozenset(b.line for b in worded if b.text == "Share")
    assert [b.text for b, _ in residue_sandwich(worded, None, frozenset(), shares, **loose)] == items


def test_residue_sandwich_sizes_its_filling_in_english_words() -> None:
    """A card's German blurb of 9 words says what English says in 11 ('Spotify's experimentation platform scales
    product decisions across hundreds of teams'): a compound (13 letters or more) counts as two, so the 10-word
    bound leaves it as it leaves the English one."""
    from declutter.heuristics.page import residue_sandwich

    blurb = "Spotifys Experimentierplattform skaliert Produktentscheidungen über Hunderte von Teams hinweg"
    blocks = Document.from_text(f"{BODY}Teilen\n{blurb}\nImpressum\n").blocks
    claimed = frozenset(b.line for b in blocks if b.text in {"Teilen", "Impressum"})
    assert residue_sandwich(blocks, None, frozenset(), claimed, max_lines=5, max_words=10, min_bread=1) == []
    short = Document.from_text(f"{BODY}Teilen\nMehr von uns\nImpressum\n").blocks
    hits = residue_sandwich(short, None, frozenset(), frozenset({short[-3].line, short[-1].line}), min_bread=1)
    assert [b.text for b, _ in hits] == ["Mehr von uns"]


def test_residue_sandwich_leaves_replies_between_the_counters_printed_under_every_post() -> None:
    """A thread's like-count under each post is removed between the posts too: short sentences below the last
    long post, closed in by two counters, are replies; a title between the same counters is a related card."""
    from declutter.heuristics.page import residue_sandwich

    post = "I agree with you, regular exercise will not undo the damage but it helps me feel stronger every day.\n"

    def sandwich(fillings: list[str]) -> list[str]:
        text = post + "2 Likes\n" + post + "3 Likes\n" + post + "2 Likes\n" + "\n".join(fillings) + "\n1 Like\n"
        blocks = Document.from_text(text).blocks
        likes = {b.line: "share" for b in blocks if b.text.endswith(("Likes", "Like"))}
        loose = {"max_lines": 5, "max_words": 10, "min_bread": 1}  # the bundled rule's settings
        return [b.text for b, _ in residue_sandwich(blocks, None, frozenset(), Removed(set(likes), likes), **loose)]

    assert sandwich(["Thank you this is helpful", "Thanks very much, this is a true statement"]) == []
    assert sandwich(["Official Nephrology Fellowship Application Thread"]) == [
        "Official Nephrology Fellowship Application Thread"
    ]


WALL = "".join(f"Widget {n}\n" for n in range(8))
"""Eight lines other rules removed (as share buttons, unless a test says otherwise): a wall under the article."""

POLICY = "Please keep your comments civil and on topic, and do not post personal information about anyone else."
WIDGETS = f"{POLICY}\nSelect your teams\nSave\nClose\nCopyright 2019\nPrivacy\n"
"""Below the wall: a comment policy, a form's prompt, then buttons and a footer other rules removed."""

FOOT = "Save\nClose\nCopyright 2019\nPrivacy\n"
FOOTER = {"Save": "share", "Close": "navigation", "Copyright 2019": "legal", "Privacy": "legal"}


def _wall(text: str, removed: dict[str, str] = FOOTER) -> list[str]:
    """The texts ``residue_wall`` takes from ``text`` when the wall's lines and those in ``removed`` were removed
    (as the categories given; the wall's lines as 'share' unless ``removed`` says otherwise)."""
    blocks = Document.from_text(text).blocks
    categories = {
        b.line: removed.get(b.text, "share") for b in blocks if b.text in removed or b.text.startswith("Widget")
    }
    hits = residue_wall(
        blocks,
        None,
        frozenset(),
        Removed(set(categories), categories),
        end_categories=["share", "comments", "legal", "navigation"],
        min_removed_below=0.5,
    )
    return [b.text for b, _ in hits]


def test_residue_wall_takes_the_widgets_below_a_wall_of_end_of_article_residue() -> None:
    assert _wall(f"{BODY}{WALL}{WIDGETS}") == WIDGETS.split("\n")[:-1], "sentences and all, under the wall"


def test_residue_wall_spares_an_article_that_resumes_under_a_wall() -> None:
    # A gallery's captions and counters make a wall inside an article: not residue that ends one.
    gallery = {f"Widget {n}": "caption" for n in range(7)} | FOOTER
    assert _wall(f"{BODY}{WALL}{WIDGETS}", gallery) == []
    assert _wall(f"{BODY}{WALL}{WIDGETS}", gallery | {"Widget 1": "share"}) != [], "two end markers suffice"
    # Three paragraphs in a row below the wall: the article resuming.
    assert _wall(f"{BODY * 2}{WALL}{PROSE * 2}Photo\n{WIDGETS}{FOOT * 2}") != []
    assert _wall(f"{BODY * 2}{WALL}{PROSE * 3}Photo\n{WIDGETS}{FOOT * 2}") == []
    # The article's own list under the wall: kept lines, not mostly residue other rules removed.
    items = "".join(f"Product {n} with a camera\n" for n in range(6))
    assert _wall(f"{BODY}{WALL}{items}{WIDGETS}") == []
    # As much prose below the wall as above it: the wall is in the article's middle.
    spread = f"{PROSE}Photo\n" * 3
    assert _wall(f"{BODY}{WALL}{spread}{WIDGETS}{FOOT * 3}") == []
    assert _wall(f"{BODY}{WALL}{PROSE}{WIDGETS}{FOOT * 3}") != []
    # A wall of seven lines is not enough, nor a wall under less than 100 words of prose.
    assert _wall(f"{BODY}{WALL.replace('Widget 7', 'Seven')}{WIDGETS}") == []
    assert _wall(f"{PROSE * 3}{WALL}{WIDGETS}") == []


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


FLOOR = "© 2019 Daily Planet Media. All rights reserved.\n"
HIDDEN = "Create a new password\nWe've sent you an email with instructions to create a new password for your account.\n"
"""What a page hides below its footer: a log-in form's messages, written as sentences."""


def _floor(text: str, removed: dict[str, str] | None = None) -> list[str]:
    rule = next(r for r in RuleSet.bundled() if r.id == "STR006")
    blocks = Document.from_text(text).blocks
    categories = {b.line: (removed or {}).get(b.text, "navigation") for b in blocks if b.text in (removed or {})}
    hits = footer_floor(blocks, rule, frozenset(), Removed(set(categories), categories), **rule.params)
    return [b.text for b, _ in hits]


def test_footer_floor_takes_what_lies_below_the_copyright_line_under_the_article() -> None:
    footer = {"About us": "navigation", "Careers": "navigation"}
    assert _floor(f"{BODY}About us\nCareers\n{FLOOR}{HIDDEN}", footer) == HIDDEN.split("\n")[:-1]
    # A copyright line above the article (a header's) has no article prose above it.
    assert _floor(f"About us\nCareers\n{FLOOR}{BODY}{HIDDEN}", footer) == []


def test_footer_floor_spares_a_photo_credit_inside_the_article() -> None:
    credit = "Installation views, photos © Studio North, 2019\n"
    card = "Jane Doe\nHarbour Gallery\n15 Water Street\n9.30 a.m. to 7 p.m.\n"
    assert _floor(f"{BODY}{credit}{card}") == [], "no footer residue beside the credit"
    footer = {"About us": "navigation"}
    assert _floor(f"{BODY}About us\n{credit}{card}", footer) != [], "beside footer residue it is the floor"
    # The article resuming below the line: three paragraphs in a row, or too much prose.
    assert _floor(f"{BODY}About us\n{FLOOR}{PROSE * 3}", footer) == []
    assert _floor(f"{BODY}About us\n{FLOOR}{PROSE}Photo\n{PROSE}", footer) == []
    assert _floor(f"{BODY * 2}About us\n{FLOOR}{PROSE}", footer) != [], "a footer blurb below is no article"


def test_footer_floor_is_never_a_protected_line() -> None:
    """A copyright banner quoted in the article's code (a boot screen) is not the page's floor."""
    rule = next(r for r in RuleSet.bundled() if r.id == "STR006")
    blocks = Document.from_text(f"{BODY}About us\n{FLOOR}{HIDDEN}").blocks
    categories = {b.line: "navigation" for b in blocks if b.text == "About us"}
    floor = frozenset(b.line for b in blocks if b.text == FLOOR.strip())
    removed = Removed(set(categories), categories)
    assert footer_floor(blocks, rule, frozenset(), removed, **rule.params) != []
    assert footer_floor(blocks, rule, floor, removed, **rule.params) == []


def test_footer_floor_under_the_last_copyright_line_takes_a_long_hidden_text_of_short_lines() -> None:
    """A consent centre below a shop's footer: more prose than the short description above, set between buttons."""
    footer = {"About us": "navigation", "Careers": "navigation"}
    centre = "".join(f"{PROSE}Accept\nReject\nView vendors\n" for _ in range(3))
    assert _floor(f"{BODY}About us\nCareers\n{FLOOR}{centre}", footer) != []
    # Its buttons count as short lines when other rules took them too.
    buttons = {"Accept": "legal", "Reject": "legal", "View vendors": "legal"}
    two = "".join(f"{PROSE}Accept\nReject\nView vendors\n" for _ in range(2))
    assert _floor(f"{BODY}About us\nCareers\n{FLOOR}{two}", footer | buttons) != []
    # Not below an earlier copyright line, nor when the text below is made of paragraphs.
    assert _floor(f"{BODY}About us\nCareers\n{FLOOR}{centre}{FLOOR}", footer) == []
    assert _floor(f"{BODY}About us\nCareers\n{FLOOR}{PROSE}Photo\n{PROSE}", footer) == []


def _bundled_wall(text: str, removed: dict[str, str]) -> list[str]:
    """The texts the bundled ``residue-wall`` rule's parameters take, with the lines in ``removed`` removed."""
    params = next(r for r in RuleSet.bundled() if r.id == "STR004").params
    blocks = Document.from_text(text).blocks
    categories = {b.line: removed[b.text] for b in blocks if b.text in removed}
    return [b.text for b, _ in residue_wall(blocks, None, frozenset(), Removed(set(categories), categories), **params)]


def test_residue_wall_closed_by_a_comment_form_needs_less_residue_below() -> None:
    form = {f"Widget {n}": "comments" for n in range(1, 9)}
    wall = "".join(f"Widget {n}\n" for n in range(1, 9))
    footer = {f"Foot {n}": "navigation" for n in range(1, 4)}
    below = "".join(f"Category {n}\n" for n in range(6)) + "Foot 1\nFoot 2\nFoot 3\n"
    assert _bundled_wall(f"{BODY}{wall}{below}", form | footer) != [], "a third of the lines below removed suffices"
    shares = {f"Widget {n}": "share" for n in range(1, 9)}
    assert _bundled_wall(f"{BODY}{wall}{below}", shares | footer) == [], "a share bar needs half"
    # A product list repeats its buttons: the article's own boxes under a wall.
    boxes = "".join(f"Product {n}\nBuy Now\n" for n in range(3)) + "Foot 1\nFoot 2\nFoot 3\n"
    assert _bundled_wall(f"{BODY}{wall}{boxes}", form | footer) == []


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


TAIL_TEASERS = (
    "More from the Planet\n"
    "Why the bridge on Main Street closed again this week\nJane Doe\n"
    "The bridge was closed for the third time this year after inspectors found new cracks in its deck.\n"
    "Five things to do in the city this weekend\nJohn Smith\n"
    "A jazz festival, a food market and a night at the museum lead this week's list of things to do in town.\n"
)
"""Teasers of other stories with one-sentence deks: never two paragraphs in a row."""

PAGE_FOOT = "".join(f"Foot {n}\n" for n in range(6))


def _fill(text: str, removed: dict[str, str] | None = None, **params: object) -> list[str]:
    """The texts the bundled ``tail-fill`` rule takes from ``text``, with 'Share' removed as a share bar, the
    'Foot' lines as navigation, and the lines in ``removed`` as the categories given."""
    rule = next(r for r in RuleSet.bundled() if r.id == "STR007")
    blocks = Document.from_text(text).blocks
    removed = {"Share": "share"} | (removed or {})
    categories = {
        b.line: removed.get(b.text, "navigation") for b in blocks if b.text in removed or b.text.startswith("Foot")
    }
    hits = tail_fill(blocks, None, frozenset(), Removed(set(categories), categories), **(rule.params | params))
    return [b.text for b, _ in hits]


def test_tail_fill_takes_the_teasers_between_the_article_and_the_footer() -> None:
    assert _fill(f"{BODY}Share\n{TAIL_TEASERS}{PAGE_FOOT}") == TAIL_TEASERS.split("\n")[:-1]
    # Residue inside the fill (a teaser's date) stays other rules' business; the footer is the floor.
    dated = TAIL_TEASERS.replace("Jane Doe\n", "Jane Doe\nNov. 19\n")
    assert "Nov. 19" not in _fill(f"{BODY}Share\n{dated}{PAGE_FOOT}", {"Nov. 19": "dateline"})
    # Deks may outweigh a short article, up to 1.5 times its prose.
    assert _fill(f"{BODY}Share\n{TAIL_TEASERS * 4}{PAGE_FOOT}") != []
    assert _fill(f"{BODY}Share\n{TAIL_TEASERS * 6}{PAGE_FOOT}") == []


def test_tail_fill_needs_end_of_article_residue_above_and_a_footer_below() -> None:
    # An ad slot or a caption removed between paragraphs is no end of the article.
    assert _fill(f"{BODY}Share\n{TAIL_TEASERS}{PAGE_FOOT}", {"Share": "ad"}) == []
    assert _fill(f"{BODY}Share\n{TAIL_TEASERS}Foot 1\nFoot 2\n") == [], "no footer under the teasers"
    assert _fill(f"{PROSE}Share\n{TAIL_TEASERS}{PAGE_FOOT}".replace(PROSE, "Roads close.\n")) == [], "no article above"


def test_tail_fill_spares_an_article_that_goes_on_under_an_inline_box() -> None:
    # Two paragraphs in a row below the top: the article resuming.
    assert _fill(f"{BODY}Share\nWhat comes next\n{PROSE * 2}{TAIL_TEASERS}{PAGE_FOOT}") == []
    # A paragraph right under an inline share button: the article's last paragraph.
    assert _fill(f"{BODY}Roads close.\nShare\n{PROSE}{TAIL_TEASERS}{PAGE_FOOT}") == []
    # A list the article introduces with a colon, and a listicle's numbered items.
    assert _fill(f"{BODY}Share\nSources:\n{TAIL_TEASERS}{PAGE_FOOT}") == []
    numbered = "1. Fix the bridge\nThe bridge was closed again.\n2. Buy new buses\nThe fleet is old.\n"
    assert _fill(f"{BODY}Share\n{numbered}{PAGE_FOOT}") == []


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


BAND = "".join(f"Footer link {n}\n" for n in range(30))
"""A footer band: lines other rules removed (claimed in :func:`_detached`)."""
TERMS = (
    "By placing an order you agree to these terms of sale, which govern every purchase made through the site.\n"
    "We may cancel an order when an item is mispriced, and we refund any amount charged within ten days.\n"
)
"""What a page hides in a dialog below its footer, written as sentences."""


def _detached(text: str, full_page: bool = True) -> list[str]:
    blocks = Document.from_text(text).blocks
    claimed = frozenset(b.line for b in blocks if b.text.startswith("Footer link"))
    return [b.text for b, _ in detached_prose(blocks, None, frozenset(), claimed, full_page=full_page)]


def test_detached_prose_takes_the_prose_a_footer_band_cuts_off_below_the_article() -> None:
    assert _detached(f"{BODY}{BAND}{TERMS}") == TERMS.split("\n")[:-1]
    assert _detached(f"{BODY}{BAND}{TERMS}", full_page=False) == [], "an extractor's output has no footer band"
    assert _detached(f"{BODY}{BAND[:200]}{TERMS}") == [], "a narrow band: the article may resume"
    assert _detached(f"{PROSE}{BAND}{TERMS}") == [], "the article must outweigh what lies below the band"


def test_detached_prose_spares_the_pages_items_and_a_second_tab() -> None:
    cards = "".join(f"Oak side table {n}\n$120\nIn stock\n" for n in range(8))
    assert _detached(f"{BODY}{BAND}{TERMS}{cards}") == [], "short lines below the band are the page's own items"
    assert _detached(f"{BODY}{BAND}{PROSE}") == [], "a copy of the article's paragraph: another tab"


SHARE_BAR = "Share\nFacebook\n"
TAIL_FOOTER = "About us\nContact us\nCareers\nPrivacy policy\nTerms of use\n"
CHROME_CATEGORIES = {"Share": "share", "Facebook": "share", "Reply": "share", "Joined 2019": "byline"} | dict.fromkeys(
    TAIL_FOOTER.split("\n")[:-1], "navigation"
)
"""The removed lines of the tail tests, with the category other rules would remove each as."""
BIO = "Jane Doe has covered city hall for the Planet since 2015 and lives in the north end with her two dogs.\n"


def _tail(text: str, **params: object) -> list[str]:
    blocks = Document.from_text(text).blocks
    categories = {b.line: CHROME_CATEGORIES[b.text] for b in blocks if b.text in CHROME_CATEGORIES}
    claimed = Removed(frozenset(categories), categories)
    ends = ["share", "navigation", "byline"]
    hits = tail_islands(blocks, None, frozenset(), claimed, end_categories=ends, **params)  # type: ignore[arg-type]
    return [b.text for b, _ in hits]


def test_tail_islands_takes_what_other_rules_left_between_their_removals_below_the_article() -> None:
    islands = f"{BIO}Daily Planet Media\n"
    address = "12 Main Street, Springfield\nOpen Monday to Friday, 9 to 5\n"
    text = f"{BODY}{SHARE_BAR}{islands}{TAIL_FOOTER}{address}Share\n"
    assert _tail(text) == (islands + address).split("\n")[:-1]
    assert _tail(text, full_page=False) == [], "an extractor's output has no tail around its article"
    assert _tail(f"{BODY}{SHARE_BAR}{islands}Share\n{address}Share\n") == [], "a tail holds a footer's wall"


def test_tail_islands_spares_an_article_that_goes_on_under_a_removed_block() -> None:
    more = [
        "Councillors who voted against it said the tax increase was larger than residents had been promised.",
        "The mayor said the increase was the smallest in a decade and that the repairs could not wait any longer.",
    ]
    resumed = f"{BODY}{SHARE_BAR}{more[0]}\n{more[1]}\n{TAIL_FOOTER}"
    assert _tail(resumed) == [], "paragraphs in a row below the share bar: the article goes on"
    assert _tail(resumed, max_paragraph_run=9) == more


def test_tail_islands_spares_a_threads_last_replies() -> None:
    panel = "Joined 2019\nReply\n"
    replies = ["Thanks, that settles it for me.", "Same here, the permit came in a week.", "Good to know!"]
    text = BODY + "".join(f"{panel}{reply}\n" for reply in replies) + TAIL_FOOTER
    assert _tail(text) == [], "a removed run printed under every post is a thread's furniture"
    assert _tail(text, max_copies=9) == replies
    reply = f"{replies[0]}\n"
    # The thread's earlier posts, each under its poster panel, are no article either.
    posts = "".join(f"{panel}{PROSE}" for _ in range(4))
    assert _tail(f"{posts}{SHARE_BAR}{reply}{TAIL_FOOTER}") == []
    assert _tail(f"{posts}{SHARE_BAR}{reply}{TAIL_FOOTER}", min_core_share=0.0) == [reply.strip()]


def test_tail_islands_spares_the_articles_own_lists_sheets_and_product_boxes() -> None:
    sources = "Sources:\nAnne Flaherty, ABC News, 15 November 2019\nTom McCarthy, The Guardian, 15 November 2019\n"
    assert _tail(f"{BODY}{SHARE_BAR}{sources}{TAIL_FOOTER}") == []
    bulleted = "Sources\n* Anne Flaherty, ABC News\n* Tom McCarthy, The Guardian\n"
    assert _tail(f"{BODY}{SHARE_BAR}{bulleted}{TAIL_FOOTER}") == []
    sheet = "OS: Windows 10\nProcessor: Intel Core i5\nMemory: 8 GB RAM\nStorage: 50 GB available space\n"
    assert _tail(f"{BODY}{SHARE_BAR}{sheet}{TAIL_FOOTER}") == []
    boxes = "".join(f"Kettle {n}\nAvailable from Amazon\n" for n in range(3))
    assert _tail(f"{BODY}{SHARE_BAR}{boxes}{TAIL_FOOTER * 2}") == []
    assert _tail(f"{BODY}{SHARE_BAR}{boxes}{TAIL_FOOTER * 2}", max_copies=9) == boxes.split("\n")[:-1]
    assert _tail(f"{BODY}{SHARE_BAR}Daily Planet Media\n{sheet}{TAIL_FOOTER}") == []
    assert _tail(f"{BODY}{SHARE_BAR}Daily Planet Media\n{TAIL_FOOTER}") == ["Daily Planet Media"]


def test_tail_islands_keeps_a_copy_of_a_line_kept_above() -> None:
    headline = "Council approves new budget"
    text = f"{headline}\n{BODY}{SHARE_BAR}More from the Planet\n{headline}\n{TAIL_FOOTER}"
    assert _tail(text) == ["More from the Planet"]


def test_tail_islands_answers_its_costly_guards_once_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    # A candidate tail at every one of 400 posts' removed panels, each failing a costly guard: a walk of the rest
    # of the page for each candidate made a 12,000-line thread take 33 s.
    built: list[_TailFacts] = []
    sheets: list[list[str]] = []

    def facts(*args: Any) -> _TailFacts:
        built.append(_TailFacts(*args))
        return built[-1]

    def sheet(lines: list[str]) -> bool:
        sheets.append(lines)
        return spec_rows(lines)

    monkeypatch.setattr(page, "_TailFacts", facts)
    monkeypatch.setattr(page, "spec_rows", sheet)
    posts = "".join(f"Joined 2019\nReply\nPost number {n} here\n" for n in range(400))
    assert _tail(f"{BODY}{posts}{TAIL_FOOTER}") == []
    assert len(built) == 1, "the guards' answers are worked out once a page"
    assert len(sheets) <= 401, "each island is read once, not once for every tail below it"
