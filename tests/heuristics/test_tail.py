"""Tests of :mod:`declutter.heuristics.tail`."""

from __future__ import annotations

from typing import Any

import pytest

from declutter.document import Document
from declutter.heuristics import tail
from declutter.heuristics.common import Removed
from declutter.heuristics.tail import (
    _TailFacts,
    detached_prose,
    footer_floor,
    residue_wall,
    tail_after_residue,
    tail_fill,
    tail_islands,
)
from declutter.ruleset import RuleSet
from declutter.text import spec_rows
from tests.heuristics import BODY, PROSE


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


def test_footer_floor_takes_a_few_paragraphs_under_a_long_article() -> None:
    """A site's disclaimers or its 'about us' story under the footer of a long article are no article resuming:
    three paragraphs in a row go when they weigh under a quarter of the prose above the floor."""
    footer = {"About us": "navigation"}
    disclaimer = PROSE * 3
    assert _floor(f"{BODY * 4}About us\n{FLOOR}{disclaimer}", footer) == [PROSE.strip()] * 3
    assert _floor(f"{BODY}About us\n{FLOOR}{disclaimer}", footer) == [], "as much prose as a quarter: resuming"
    rule = next(r for r in RuleSet.bundled() if r.id == "STR006")
    blocks = Document.from_text(f"{BODY * 4}About us\n{FLOOR}{disclaimer}").blocks
    categories = {b.line: "navigation" for b in blocks if b.text == "About us"}
    removed = Removed(set(categories), categories)
    params = {**rule.params, "full_page": False}
    assert footer_floor(blocks, rule, frozenset(), removed, **params) == [], "an extractor's output: no footer"


def test_footer_floor_reads_footer_residue_three_lines_away() -> None:
    """A footer prints its address and phone number beside the copyright line, between it and its links."""
    footer = {"About us": "navigation", "Privacy Policy": "legal"}
    contact = "12 Harbour Road, Springfield\n(555) 010-0199\n"
    assert _floor(f"{BODY}About us\n{contact}{FLOOR}{HIDDEN}", footer) == HIDDEN.split("\n")[:-1]
    assert _floor(f"{BODY}{FLOOR}{contact}Privacy Policy\n{HIDDEN}", footer) != []
    assert _floor(f"{BODY}About us\nHarbour Gallery\n{contact}{FLOOR}{HIDDEN}", footer) == [], "four lines away"


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


def test_footer_floor_under_a_page_of_cards_weighs_its_kept_words() -> None:
    """A shop's grid holds no prose: below its last copyright line a store locator and a cart dialog go when the
    kept words above the floor outweigh those below it, and a header's copyright line over the grid stays."""
    footer = {"About us": "navigation", "Careers": "navigation"}
    grid = "".join(f"Linen sheet set in colour {n}\n$120.00\n" for n in range(20))
    hidden = "Find a store near you\nOpen today until 7 pm\nRemove product?\nCancel Yes\n"
    assert _floor(f"{grid}About us\nCareers\n{FLOOR}{hidden}", footer) == hidden.split("\n")[:-1]
    assert _floor(f"About us\nCareers\n{FLOOR}{grid}", footer) == [], "nothing above a header's copyright line"
    assert _floor(f"{grid}About us\nCareers\n{FLOOR}{grid}{hidden}", footer) == [], "more below than above"
    assert _floor(f"{grid}{FLOOR}{hidden}") == [], "no footer residue beside the line"
    rule = next(r for r in RuleSet.bundled() if r.id == "STR006")
    blocks = Document.from_text(f"{grid}About us\nCareers\n{FLOOR}{hidden}").blocks
    categories = {b.line: "navigation" for b in blocks if b.text in footer}
    removed = Removed(set(categories), categories)
    assert footer_floor(blocks, rule, frozenset(), removed, **{**rule.params, "full_page": False}) == []


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


def test_tail_fill_spares_a_grid_whose_cards_each_carry_the_end_marker() -> None:
    # A shop prints 'Tags' over every game's tags: below the first copy stand more cards, each with its own.
    cards = f"{BODY}Tags\n{TAIL_TEASERS}Tags\n{TAIL_TEASERS}{PAGE_FOOT}"
    taken = _fill(cards, {"Tags": "taxonomy"})
    assert taken == TAIL_TEASERS.split("\n")[:-1], "only the cards under the last copy"
    # A share bar is no card field: threads print 'Share' under every reply, and the replies below the first go.
    assert _fill(cards.replace("Tags", "Share")) == (TAIL_TEASERS * 2).split("\n")[:-1]


FAQ = (
    "FAQ\n"
    "Why did the bridge close again?\n"
    "Inspectors found new cracks in its deck, and the city closed it until the repairs are done.\n"
    "When will it open?\n"
    "The city expects the repairs to take six weeks, with the crews working through the weekends.\n"
    "Crews work at night so the buses can keep their routes during the day.\n"
)
"""An FAQ's question / answer pairs, the answers written as sentences."""


def test_tail_fill_spares_an_faq_under_a_newsletter_box() -> None:
    # Two pairs in a row below the top: the page's FAQ, not teasers.
    assert _fill(f"{BODY}Share\n{FAQ}{PAGE_FOOT}") == []
    # One pair is a teaser with a question for a headline; teasers print an author between headline and dek.
    one = FAQ.split("When will")[0] + "Jane Doe\n"
    assert _fill(f"{BODY}Share\n{one}{PAGE_FOOT}") == one.split("\n")[:-1]
    bylined = FAQ.replace("?\n", "?\nJane Doe\n")
    assert _fill(f"{BODY}Share\n{bylined}{PAGE_FOOT}") == bylined.split("\n")[:-1]


REPLIES = (
    "ann April 26, 2024, 12:09pm 3\n"
    "Thanks, I added the deploy log below.\n"
    "bob April 26, 2024, 12:42pm 4\n"
    "That is only the end of it; the reason is further up the log.\n"
    "ann April 26, 2024, 1:52pm 5\n"
    "Here is the full log, nothing in it tells me why.\n"
)
"""A thread's replies, each under its poster's name, date and post number: what follows a post's '1 Like'."""


def test_tail_fill_spares_a_threads_numbered_replies() -> None:
    # Post headers numbered one after another: the thread goes on below the post's reaction count.
    assert _fill(f"{BODY}1 Like\n{REPLIES}{PAGE_FOOT}", {"1 Like": "share"}) == []
    # Numbers that do not follow one another (a teaser's reply and view counts after its date) are no thread.
    scrambled = REPLIES.replace("12:42pm 4", "12:42pm 9")
    assert _fill(f"{BODY}1 Like\n{scrambled}{PAGE_FOOT}", {"1 Like": "share"}) == scrambled.split("\n")[:-1]


def test_tail_fill_spares_the_posts_between_poster_panels() -> None:
    """A poster's panel removed as furniture is not in ``claimed`` (the heuristics read the page as if it stood),
    but its category is told: a fill that holds one holds a thread's post."""
    posts = "ann\nJoined\nThanks, I added the deploy log below.\nbob\nJoined\nThat is only the end of it.\n"
    text = f"{BODY}1 Like\n{posts}{PAGE_FOOT}"
    rule = next(r for r in RuleSet.bundled() if r.id == "STR007")
    blocks = Document.from_text(text).blocks
    categories = {b.line: "navigation" for b in blocks if b.text.startswith("Foot")} | {
        b.line: "share" for b in blocks if b.text == "1 Like"
    }
    claimed = set(categories)
    panel = {b.line: "furniture" for b in blocks if b.text == "Joined"}
    assert tail_fill(blocks, None, frozenset(), Removed(claimed, categories | panel), **rule.params) == []
    assert tail_fill(blocks, None, frozenset(), Removed(claimed, categories), **rule.params) != []


def test_tail_fill_takes_a_fill_holding_a_widgets_notice() -> None:
    """A widget's notice (an error asking to try again, NAV030) goes unseen by the heuristics like a poster's
    panel, but it marks no post: a fill of teasers and forms holding one still goes (a code host's comments box
    prints 'Sorry, something went wrong.' under each of its widgets)."""
    notice = "Sorry, something went wrong."
    teasers = f"Why the bridge closed again\n{notice}\nThe ferry's new timetable\nWhere to park downtown\n"
    text = f"{BODY}Share\n{teasers}{PAGE_FOOT}"
    rule = next(r for r in RuleSet.bundled() if r.id == "STR007")
    nav030 = next(r for r in RuleSet.bundled() if r.id == "NAV030")
    blocks = Document.from_text(text).blocks
    categories = {b.line: "navigation" for b in blocks if b.text.startswith("Foot")} | {
        b.line: "share" for b in blocks if b.text == "Share"
    }
    widget = {b.line: nav030.category for b in blocks if b.text == notice}
    taken = tail_fill(blocks, None, frozenset(), Removed(set(categories), categories | widget), **rule.params)
    assert "Where to park downtown" in [b.text for b, _ in taken]


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

    monkeypatch.setattr(tail, "_TailFacts", facts)
    monkeypatch.setattr(tail, "spec_rows", sheet)
    posts = "".join(f"Joined 2019\nReply\nPost number {n} here\n" for n in range(400))
    assert _tail(f"{BODY}{posts}{TAIL_FOOTER}") == []
    assert len(built) == 1, "the guards' answers are worked out once a page"
    assert len(sheets) <= 401, "each island is read once, not once for every tail below it"
