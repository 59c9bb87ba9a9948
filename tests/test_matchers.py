from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import regex

from declutter import RuleSet, clean
from declutter.document import Document
from declutter.matchers import (
    Anchors,
    RuleTimeoutError,
    _lower,
    in_bullet_list,
    introduced_items,
    listed_items,
    lower_cached,
    match_blocks,
    match_lines,
    match_patterns,
    match_strips,
    plain_items,
)
from declutter.rules import Rule
from declutter.text import CACHED_LINE


def _dropped(rules: Sequence[Rule], text: str) -> list[str]:
    """The lines ``rules``' line patterns drop from ``text``, their guards applied."""
    blocks = Document.from_text(text).blocks
    return [d.text for d in match_lines(blocks, match_patterns(blocks, rules), frozenset())]


def _dropper(path: Path) -> Callable[[str], list[str]]:
    """:func:`_dropped` with the rules of the rule file at ``path``."""
    return functools.partial(_dropped, RuleSet.load(path).rules)


SLOW = """
file = { prefix = "TST" }
[[rule]]
id = "TST009"
name = "slow"
kind = "line"
category = "other"
description = "Backtracks catastrophically."
patterns = ['(?:a|aa)+b.?']  # ends in any character: no edge test rules the line out
max_chars = 100000
[rule.examples]
residue = ["aab"]
article = ["b"]
"""


def test_a_runaway_pattern_raises_an_error_naming_the_rule(rule_file) -> None:  # type: ignore[no-untyped-def]
    rule = RuleSet.load(rule_file(SLOW)).get("TST009")
    doc = Document.from_text("a" * 60 + "c")
    with pytest.raises(RuleTimeoutError) as info:
        match_lines(doc.blocks, match_patterns(doc.blocks, [rule]), frozenset())
    assert info.value.rule_id == "TST009"
    assert "line 1" in str(info.value)


BLOCK = """
file = { prefix = "TST" }
[[rule]]
id = "TST010"
name = "label-and-names"
kind = "block"
category = "byline"
description = "A label line and the name lines under it."
patterns = ['By']
follow = ['^[A-Z][a-z]+ [A-Z][a-z]+$']
max_lines = 2
min_lines = 1
[rule.examples]
residue = ["By\\nJane Doe"]
article = ["By\\nthe end of the day it was over."]
"""


def test_a_block_with_fewer_continuation_lines_than_min_lines_is_not_removed(rule_file) -> None:  # type: ignore[no-untyped-def]
    rule = RuleSet.load(rule_file(BLOCK)).get("TST010")
    for text, expected in (("By\nJane Doe\nThe vote was held.", [0, 1]), ("By\nthe end of it.\nJane Doe", [])):
        doc = Document.from_text(text)
        hits = match_patterns(doc.blocks, [rule])
        assert [d.line for d in match_blocks(doc.blocks, [rule], hits, frozenset(), set())] == expected


_READING = "\n".join(
    [
        "Performance tuning",
        "The planner chooses between sequential and index scans by estimating the cost of each, and those "
        "estimates rest on the statistics that ANALYZE gathers, so stale statistics are the first thing to check "
        "when a query that used to be fast becomes slow after a large load or a bulk delete of old rows. "
        "Autovacuum keeps them fresh on most tables, but a table that grows by millions of rows in an hour can "
        "outrun it, and then a manual ANALYZE right after the load is the cheapest fix there is.",
        "Articles on tuning",
        "- Tuning your server by Jane Roe",
        "- Query plans explained by John Doe",
        "- Related posts on counting rows by Ann Lee",
        "- Index-only scans by Ann Lee",
        "- Bulk loading by Sam Poe",
        "Courses are offered by several companies. Check the events page.",
        "Maintenance",
        "- Vacuum basics",
        "- Planner statistics",
        "- Logging slow queries",
    ]
)


def test_a_tail_marker_inside_a_bulleted_list_is_an_item_not_a_header() -> None:
    from declutter import explain

    cuts = [d for d in explain(_READING, input_format="text").decisions if d.action.value == "cut"]
    assert cuts == [], [d.text for d in cuts]
    # The same words as a header of their own still open the tail.
    header = _READING.replace("- Related posts on counting rows by Ann Lee", "Related posts")
    assert any(d.action.value == "cut" for d in explain(header, input_format="text").decisions)


_SHORT_CLOSE = "\n".join(
    [
        "Die Deutsche Bahn will ihr Angebot auf der Strecke zwischen Berlin und Hamburg deutlich ausbauen, wie das "
        "Unternehmen am Dienstag mitteilte.",
        "Ab Dezember sollen stündlich zusätzliche Verbindungen angeboten werden, und zwar auch am Wochenende und an "
        "Feiertagen, hieß es aus dem Konzern.",
        "Im vergangenen Jahr seien auf der Strecke so viele Fahrgäste gezählt worden wie nie zuvor, sagte ein "
        "Sprecher der Bahn.",
        "Mehr zum Thema",
        "Der Fahrgastverband begrüßte die Pläne grundsätzlich.",
        "Kritik gab es an der späten Information der Pendler.",
        "Die Bahn versprach Besserung bei der Kommunikation.",
        "Die Bauarbeiten seien für die Zuverlässigkeit notwendig.",
    ]
)


def test_short_closing_sentences_under_a_list_header_are_the_article_not_a_tail() -> None:
    """German says in 7 words what English says in 9: four closing sentences of 7 or 8 words each are the article
    going on under an inline 'Mehr zum Thema' box, not a tail, though none reaches 12 words."""
    from declutter import explain

    decisions = explain(_SHORT_CLOSE, input_format="text", language="de").decisions
    assert [d.action.value for d in decisions] == ["drop"], [(d.rule_id, d.action.value) for d in decisions]


_SHOP = "\n".join(
    [
        "Video games",
        "Find consoles, controllers and games for every player in the family, from the newest releases to the "
        "classics, with free delivery on orders over $35 and easy returns in stores or by mail within ninety days "
        "of purchase. Members save five percent on every order and get early access to holiday deals, while "
        "gift cards never expire and can be used online or in any of our stores across the country.",
        "Sponsored",
        "Shop favorite franchises",
        "Super Mario",
        "Minecraft",
        "Browse by genre",
        "Adventure",
        "Racing",
        "Sponsored",
        "Gaming headsets on sale this week",
    ]
)


def test_a_tail_marker_printed_again_below_is_an_item_label_and_the_tail_starts_at_its_last_copy() -> None:
    from declutter import explain

    cut = [d.line for d in explain(_SHOP, input_format="text").decisions if d.action.value == "cut"]
    assert cut
    assert min(cut) >= 10, cut


def _jobs(cards: int) -> str:
    """A jobs board whose cards print 'Featured' (REL003's header word) on each of the first three."""
    lines = [
        "Remote programming jobs",
        "Every job on this board is remote, and each company has been checked by our team before its posting went "
        "live, so that you can apply knowing the salary is stated and the role is open to people in your region.",
    ]
    for n in range(cards):
        lines += [f"Software engineer {n}", "18d", f"Company {n}", "Remote"]
        lines += ["Featured"] if n < 3 else []
        lines += ["Full-Time", "$50,000 - $74,999 USD"]
    return "\n".join(lines)


def test_a_tail_marker_printed_on_three_cards_is_a_field_and_opens_no_tail() -> None:
    from declutter import explain

    assert not [d for d in explain(_jobs(8), input_format="text").decisions if d.action.value == "cut"]


_SPECS = "\n".join(
    [
        "Team game",
        "Nine distinct classes provide a broad range of tactical abilities and personalities, and the game is "
        "constantly updated with new maps, items and modes, so that every match plays differently from the one "
        "before it and a player who returns after a month away finds something new to learn on every server. "
        "Players can trade items with each other and build loadouts for every class.",
        "System requirements",
        "Recommended:",
        "- OS: Windows 10 (64-bit)",
        "- Processor: Intel Core i5 or better",
        "- Memory: 8 GB RAM",
        "- Graphics: GeForce GTX 960",
        "- Network: Broadband Internet connection",
        "- Storage: 15 GB available space",
    ]
)


def test_spec_rows_under_a_list_header_are_the_products_not_a_tail_or_headlines() -> None:
    from declutter import explain

    for ignore in ((), ("REL001",)):  # the headline list, and the tail cut-off once the list rule is off
        decisions = explain(_SPECS, input_format="text", ignore=ignore).decisions
        assert [d.text for d in decisions if d.text.startswith("- ")] == [], ignore


def test_a_text_without_a_paragraph_has_no_head() -> None:
    """A lead caption ends in its source above an article's first paragraph; on a jobs board every title does."""
    from declutter import Cleaner

    cleaner = Cleaner()
    items = (f"{n}. Acme {n} is hiring a backend engineer (acme{n}.com)\n\n{n} days ago" for n in range(1, 9))
    board = "\n\n".join(items)
    assert "Acme 3 is hiring" in cleaner.clean(board)
    caption = "The Mexico-U.S. border check point near the port of entry in Nogales, Ariz. (AP)"
    paragraph = "Border agents seized a record amount of fentanyl at the crossing on Monday, officials said. " * 3
    article = caption + "\n\n" + paragraph
    assert "Nogales" not in cleaner.clean(article)


def _shop_page(tail: int) -> str:
    """A shop's page without an article: a header of short lines, a 'Sponsored' banner, then ``tail`` card lines."""
    header = [f"Shop garden {word} tools and outdoor supplies today" for word in ("hand", "power", "lawn", "patio")]
    header += [f"Browse the {word} range of planters" for word in ("clay", "metal", "wooden", "plastic", "glazed")]
    cards = [f"Glazed {color} pot and saucer" for color in ("red", "gray", "blue", "white", "black", "pink")]
    return "\n\n".join([*header, "Sponsored", *(cards * 10)[:tail]])


def test_a_tail_many_times_the_text_above_a_marker_with_no_prose_above_it_is_the_page() -> None:
    from declutter import explain

    def cut(text: str) -> list[int]:
        return [d.line for d in explain(text, input_format="text").decisions if d.action.value == "cut"]

    assert cut(_shop_page(60)) == []  # 300 words of cards under 66 words of menus: the shop's grid
    assert cut(_shop_page(6))  # a few cards under the same head: a sponsored strip, cut as before


def test_a_product_s_fields_longer_than_the_text_above_a_sponsored_label_are_no_tail() -> None:
    """A shop's 'Sponsored' label under one card's price, near the top of a product page that an extractor printed
    without its article: the product's fields below it outweigh the text above, so they are the page."""
    from declutter import explain

    head = (
        "Rated 4.4 out of 5 stars.\n369 Reviews\nCustomers praise this chair's comfort, ease of assembly and "
        "stylish appearance. Many appreciate its materials and construction, finding it sturdy and well made for "
        "the price, though some reported minor assembly difficulties or small differences in color between the "
        "pictures and the chair they received at home.\nOakridge Executive Chair\n$659.99 was $761.98\nSponsored\n"
    )
    fields = [
        "Rated 5 out of 5 stars. 4 total votes",
        "FREE Fast Delivery",
        "- Swivel seat with a locking tilt",
        "- Assembly Required",
        "- Maximum Seat Height (Floor to Seat): 23 inches",
        "- Minimum Seat Height (Floor to Seat): 20 inches",
        "Color:",
        "Black Caressoft leather with walnut arms",
        "Features",
        "- Hand-applied individual antique brass head nail trim",
        "- Padded arms in solid walnut with a matte finish",
        "- Double wheel casters for carpet, tile and laminate",
        "Get it by Monday, March 9",
        "Earn $13.70 in rewards, with 5% back on every order",
        "$273.99 was $500.00 45% Off",
        "As low as $48 a month or 0% APR",
    ]

    def cut(text: str) -> list[int]:
        return [d.line for d in explain(text, input_format="text").decisions if d.action.value == "cut"]

    assert cut(head + "\n".join(fields)) == []  # 98 words of fields under 61: the product page goes on
    assert cut(head + "\n".join(fields[:6]))  # a strip of 36 words under the same head: a sponsored tail, cut


def test_a_list_header_or_ui_label_that_is_an_entry_of_a_bulleted_list_stays() -> None:
    from declutter import explain

    def gone(text: str) -> list[str]:
        return [d.text.strip() for d in explain(text, input_format="text").decisions]

    reading = (
        "- Tuning your server by Jane Roe\n- More on Postgres Performance by Craig Kerstiens\n- Bulk loads by Sam Poe"
    )
    assert gone(reading) == []  # a reading list's entry, 7 words long
    assert "- More on Sports" in gone("- Sports\n- More on Sports\n- Weather")  # a short header among menu items
    events = "Events\n- close\n- Fired when a connection with a WebSocket is closed.\n- error"
    assert "- close" not in gone(events)  # a definition list's term over its description
    assert "- close" in gone("Events\n- close\n- Open\n- error")  # a button's label among labels


def test_an_html_list_item_is_bulleted_for_the_line_rules_and_the_tail_cut() -> None:
    """In HTML mode the text has no bullets: the page's ``<li>`` lines stand for them, so a reading list's 'More on
    …' entry is neither a list header (REL002) nor the start of a related tail (REL003)."""
    from declutter import explain

    prose = "<p>" + "Tuning the server is the first step, and every setting is told in the pages below. " * 6 + "</p>"
    entries = ["Tuning your server", "More on Postgres Performance", "Bulk loads and restores", "Row count estimates"]
    items = "".join(f"<li><a href='/wiki/{n}'>{entry}</a> by Craig Kerstiens</li>" for n, entry in enumerate(entries))
    html = f"<html><body><main><h1>Performance</h1>{prose}<h2>Reading</h2><ul>{items}</ul></main></body></html>"
    result = explain(html, input_format="html")
    assert "More on Postgres Performance by Craig Kerstiens" in result.text
    assert "Row count estimates by Craig Kerstiens" in result.text
    lines = "<p>More on Postgres Performance</p><p>Row count estimates</p><p>Bulk loads</p>"
    html = f"<html><body><main><h1>Performance</h1>{prose}{lines}</main></body></html>"
    assert "Row count estimates" not in explain(html, input_format="html").text, "not a list: a header and its tail"


def test_the_anchor_screen_rules_out_only_by_ascii_edges_literals_and_length() -> None:
    anchors = Anchors((regex.compile("(?i)share"), regex.compile(r"\d+ comments")))
    assert anchors.possible("Shares") == 0  # cannot be either whole
    assert anchors.possible("4 comments") == 0b10
    assert anchors.possible("4 replies") == 0  # the right edges, but not the literal
    assert anchors.possible("share, share") == 0  # the edges and the literal, but longer than 'share' can be
    assert Anchors((regex.compile(r"(?i)\W*share"),)).possible("\u00bbshare") == 0b1  # a non-ASCII edge proves nothing


def test_unless_above_spares_a_match_over_a_line_its_patterns_match(rule_file) -> None:  # type: ignore[no-untyped-def]
    """'FAQ' over a question heads the page's questions; over a menu label it is the menu's link."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST010"
name = "faq"
kind = "line"
category = "navigation"
description = "An FAQ link."
patterns = ['FAQ']
unless_above = ['.{3,300}\\?']
[rule.examples]
residue = ["FAQ\\n~ Contact"]
article = ["FAQ\\n~ How do I return an order?"]
"""
        )
    )

    assert dropped("FAQ\nContact\nFAQ") == ["FAQ", "FAQ"]
    assert dropped("FAQ\nHow do I return an order?\nSend it back.") == []


def test_unless_beside_spares_a_match_next_to_a_line_its_patterns_match(rule_file) -> None:  # type: ignore[no-untyped-def]
    """An address next to a phone number is a line of a contact block; alone under a byline it is the reporter's."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST016"
name = "email"
kind = "line"
category = "byline"
description = "An e-mail address."
patterns = ['[\\w.]+@[\\w.]+']
unless_beside = ['\\(?\\d[\\d\\s()-]{5,18}\\d']
[rule.examples]
residue = ["By Jane Doe\\njdoe@example.com"]
article = ["~ (415) 742-4306\\nhello@clinic.org"]
"""
        )
    )

    assert dropped("By Jane Doe\njdoe@example.com\nThe council met on Monday.") == ["jdoe@example.com"]
    assert dropped("Suite 5112\n(415) 742-4306\nhello@clinic.org") == []
    assert dropped("Suzanne Pagel\nsp@ampact.us\n952-960-4724") == []


def test_only_beside_drops_a_match_only_next_to_a_line_its_patterns_match(rule_file) -> None:  # type: ignore[no-untyped-def]
    """A poster's location sits beside his counts in a post's panel; an event's location is one of its facts."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST017"
name = "location"
kind = "line"
category = "navigation"
description = "A poster's location."
patterns = ['(?i)location ?: ?\\S.{0,60}']
only_beside = ['(?i)posts ?: ?[\\d.,]+']
[rule.examples]
residue = ["~ Posts: 1,077\\nLocation: SIN"]
article = ["Location: Town hall"]
"""
        )
    )

    assert dropped("Join Date: Aug 2008\nLocation: SIN\nPosts: 1,077") == ["Location: SIN"]
    assert dropped("Posts: 133\nLocation: Kooskia, ID\nI planted the apples last spring.") == ["Location: Kooskia, ID"]
    assert dropped("Date: 12 May 2024\nLocation: Town hall\nFree entry for members.") == []


def test_unless_among_items_spares_a_bulleted_match_next_to_a_longer_unmatched_item(rule_file) -> None:  # type: ignore[no-untyped-def]
    """'- Watch' in a packing list is the list's word; among a player's labels it is a label."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST017"
name = "player"
kind = "line"
category = "video"
description = "A player's label."
patterns = ['(?i)watch|video|replay']
unless_among_items = 6
[rule.examples]
residue = ["- Video\\n- Watch\\n- Replay"]
article = ["~ - Compass\\n- Watch\\n~ - GPS or phone app with maps for offline use"]
"""
        )
    )

    assert dropped("- Compass\n- Watch\n- GPS or phone app with maps for offline use") == []
    assert dropped("- Video\n- Watch\n- Replay") == ["- Video", "- Watch", "- Replay"]
    assert dropped("- Compass\n- Watch\n- Map") == ["- Watch"]  # its neighbours are short labels
    assert dropped("Watch\n- GPS or phone app with maps for offline use") == ["Watch"]  # not bulleted


def test_a_wrapped_sentence_s_tail_is_no_label(rule_file) -> None:  # type: ignore[no-untyped-def]
    """'email address.' ending a sentence wrapped from the line above stays; under a full sentence it goes."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST018"
name = "email-label"
kind = "line"
category = "share"
description = "An e-mail button."
patterns = ['(?i)e-?mail(?: address)?\\.?']
[rule.examples]
residue = ["Email"]
article = ["~ - SMTPHandler instances send messages to a designated\\nemail address."]
"""
        )
    )

    assert dropped("- SMTPHandler instances send messages to a designated\nemail address.") == []
    assert dropped("The council approved the budget on Monday.\nemail address.") == ["email address."]
    assert dropped("Council approves the budget after a long debate\nEmail") == ["Email"]
    assert dropped("Send messages to\nemail address.") == ["email address."]  # too short to be wrapped prose


def test_unless_above_is_for_line_rules(rule_file) -> None:  # type: ignore[no-untyped-def]
    cut = """
file = { prefix = "TST" }
[[rule]]
id = "TST011"
name = "faq-tail"
kind = "cutoff"
category = "related"
description = "A tail."
patterns = ['FAQ']
unless_above = ['.+\\?']
[rule.examples]
residue = ["FAQ"]
article = ["No."]
"""
    with pytest.raises(Exception, match="unknown key 'unless_above' for a cutoff rule"):
        RuleSet.load(rule_file(cut))


def test_unless_heading_spares_a_match_whose_paragraph_repeats_its_words(rule_file) -> None:  # type: ignore[no-untyped-def]
    """'Zoho CRM / Bigin' over a paragraph on Bigin heads it; a credit names nothing of the text under it."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST012"
name = "credit"
kind = "line"
category = "caption"
description = "A credit."
patterns = ['\\p{Lu}\\w+ \\p{Lu}\\w+ ?/ ?\\p{Lu}\\w+']
unless_heading = 5
[rule.examples]
residue = ["Doug Mills/Reuters\\n~ The president spoke to reporters on Friday."]
article = ["Zoho CRM / Bigin\\n~ Bigin is ideal for very small teams."]
"""
        )
    )

    assert dropped("Zoho CRM / Bigin\nBigin is ideal for very small teams.") == []
    assert dropped("Zoho CRM / Bigin\nBigin is ideal.") == ["Zoho CRM / Bigin"]  # too short for a paragraph
    assert dropped("Doug Mills/Reuters\nThe president spoke to reporters on Friday.") == ["Doug Mills/Reuters"]
    assert dropped("Doug Mills/Reuters") == ["Doug Mills/Reuters"]


def test_unless_between_prose_spares_a_section_name_between_paragraphs(rule_file) -> None:  # type: ignore[no-untyped-def]
    """'DISCUSSION' between two paragraphs is a section of the text; under a share bar or over a form it is a label."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST020"
name = "discussion"
kind = "line"
category = "comments"
description = "A label."
patterns = ['(?i)discussion']
unless_between_prose = 8
[rule.examples]
residue = ["Discussion"]
article = ["~ The trial enrolled 30 adults for ten weeks.\\nDISCUSSION\\n~ Exercise eased the symptoms in most of them"]
"""
        )
    )

    above = "The trial enrolled 30 adults and followed them for ten weeks."
    below = "Exercise eased the symptoms of depression in most of the adults who took part."
    assert dropped(f"{above}\nDISCUSSION\n{below}") == []
    assert dropped(f"{above}\nDiscussion\nLeave a comment") == ["Discussion"]  # over a form's label
    assert dropped(f"Share this article\nDiscussion\n{below}") == ["Discussion"]  # under a share bar
    assert dropped(f"The trial enrolled 30 adults and followed them for ten\nDISCUSSION\n{below}") == ["DISCUSSION"]
    assert dropped(f"{above}\nDISCUSSION") == ["DISCUSSION"]


def test_introduced_items_are_a_list_under_a_lead_in_the_text_goes_on_after() -> None:
    """Items under a sentence ending in a colon are the writer's list; a rule's header or a list ending the
    text is not one."""

    def items(text: str, rules: Sequence[Rule] = ()) -> list[str]:
        blocks = Document.from_text(text).blocks
        lines = introduced_items(blocks, match_patterns(blocks, rules))
        return [b.text for b in blocks if b.line in lines]

    listed = "- Branding\n- Advertising\n- Illustration\n"
    assert items(f"As a designer, you could specialize in:\n{listed}Salaries vary.") == [
        "Branding",
        "Advertising",
        "Illustration",
    ]
    assert items(f"Topics include:\n{listed}Salaries vary.") == ["Branding", "Advertising", "Illustration"]
    assert items(f"As a designer, you could specialize in:\n{listed}") == []  # the list ends the text
    assert items(f"As a designer, you could specialize in\n{listed}Salaries vary.") == []  # no colon
    assert items("As a designer, you could specialize in:\n- Branding\nSalaries vary.") == []  # one item
    assert items(f"Specialize:\n{listed}Salaries vary.") == []  # one word
    related = RuleSet.bundled().get("REL002")
    assert items(f"You may also like:\n{listed}Salaries vary.", [related]) == []  # a rule's header


def test_no_line_rule_takes_an_item_of_a_list_the_text_announces() -> None:
    """'- Advertising' among a designer's specialities stays; an ad label alone still goes."""
    listed = "- Branding\n- Advertising\n- Illustration\n"
    kept = clean(f"As a designer, you could specialize in:\n{listed}Salaries vary.")
    assert "- Advertising" in kept
    assert "Advertising" not in clean("Salaries vary a lot.\nAdvertising\nThe next section is on pay.")


def test_listed_items_are_inner_items_of_a_long_list_between_items_no_rule_matched() -> None:
    """The inner items of 5 bulleted lines or more that each hold a letter between two items no rule matched
    ('Go!' between 'Gleam' and 'Haskell'); an item beside a rule's match, a short list and a panel pairing
    labels with numbers are not."""

    def items(text: str) -> list[str]:
        blocks = Document.from_text(text).blocks
        lines = listed_items(blocks, match_patterns(blocks, RuleSet.bundled().rules))
        return [b.text for b in blocks if b.line in lines]

    languages = "- Fortran\n- Gleam\n- Go!\n- Haskell\n- Java\n"
    assert items(f"Languages are listed by name.\n{languages}The list goes on.") == ["Go!"]
    assert items(f"{languages[:-8]}The list goes on.") == []  # four items
    assert items("- Fortran\n- Sign in\n- Gleam\n- Subscribe\n- Java\n") == ["Sign in", "Subscribe"]
    assert "Gleam" not in items("- Fortran\n- Sign in\n- Gleam\n- Subscribe\n- Java\n")  # between two matches
    assert items("- Joined\n- Nov 4, 2011\n- Messages\n- 65,334\n- Reaction score\n") == []


def test_plain_items_are_inner_lines_of_an_alphabetical_run_between_lines_no_rule_matched() -> None:
    """An award's categories one a line, in alphabetical order: 'Commercial Cafe/Cafeteria', which the credit
    rule matches, is an item of the run. A run out of order (a menu's), a run with a lowercase label, a short
    run and a line beside another match are not."""

    def items(text: str) -> list[str]:
        blocks = Document.from_text(text).blocks
        lines = plain_items(blocks, match_patterns(blocks, RuleSet.bundled().rules))
        return [b.text for b in blocks if b.line in lines]

    categories = ["Casual Dining", "Coffee/Tea", "Commercial Cafe/Cafeteria", "Commercial Staircase", "Fitness"]
    assert items("\n".join(categories)) == ["Commercial Cafe/Cafeteria"]
    assert items("\n".join(categories[:4])) == []  # four lines
    assert items("\n".join(categories[::-1])) == []  # out of order
    lowered = [*categories[:3], "commercial staircase", "fitness"]
    assert items("\n".join(lowered)) == []  # cased unlike
    assert items("Categories\nDeals\nSign in\nSign up\nVideo Games\nWeekly Ad") == []  # between two matches


def test_no_line_rule_takes_an_inner_line_of_an_alphabetical_run() -> None:
    """'Commercial Cafe/Cafeteria' among an award's categories stays; in a run out of order it reads as a credit."""
    categories = ["Casual Dining", "Coffee/Tea", "Commercial Cafe/Cafeteria", "Commercial Staircase", "Fitness"]
    intro = "These are the categories of this year's awards, listed by name, with the winner of each one below."
    assert "Commercial Cafe/Cafeteria" in clean(f"{intro}\n" + "\n".join(categories) + f"\n{intro}")
    assert "Commercial Cafe/Cafeteria" not in clean(f"{intro}\n" + "\n".join(categories[::-1]) + f"\n{intro}")


def test_no_line_rule_takes_an_inner_item_of_a_long_list() -> None:
    """'- Go!' among a wiki's programming languages stays; alone it is a button and goes."""
    languages = "- Fortran\n- Gleam\n- Go!\n- Haskell\n- Java\n"
    intro = "This is an alphabetical list of programming languages, grouped by the letter their names start with."
    assert "- Go!" in clean(f"{intro}\n{languages}{intro}")
    assert "Go!" not in clean(f"{intro}\n- Fortran\n- Gleam\n{intro}\nGo!\n{intro}")


def test_unless_in_code_spares_markup_inside_code_of_another_language(rule_file) -> None:  # type: ignore[no-untyped-def]
    """JSX's '<div>' under 'return (' is a sample's line; a leaked tag alone or among more markup is not."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST013"
name = "markup"
kind = "line"
category = "other"
description = "Leaked markup."
patterns = ['</?div[^>]*>']
unless_in_code = 2
[rule.examples]
residue = ["<div class=\\"ad\\">"]
article = ["~ return (\\n<div>\\n~ );"]
"""
        )
    )

    assert dropped("return (\n  <div>\n    <h1>Hi</h1>\n  </div>\n);") == []
    assert dropped("{% for f in form %}\n<div>\n{{ f.errors }}\n</div>") == []
    assert dropped('Text of the story.\n<div class="ad">\n<span>Ad</span>\n</div>\nMore text.') == [
        '<div class="ad">',
        "</div>",
    ]
    assert dropped("return (\nOne\nTwo\nThree\n<div>") == ["<div>"]  # out of reach


def test_unless_lead_in_spares_a_colon_line_over_a_long_bulleted_item(rule_file) -> None:  # type: ignore[no-untyped-def]
    """A sentence ending in a colon over the article's list introduces it; over short labels or a form it is a pitch."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST014"
name = "inbox"
kind = "line"
category = "newsletter"
description = "An inbox pitch."
patterns = ['.*\\bto your inbox\\b.*']
unless_lead_in = 7
[rule.examples]
residue = ["Get the news delivered to your inbox:\\n~ Email address"]
article = ["Weekly summaries to your inbox, covering:\\n~ - Finance: markets, macro updates, earnings, and risk"]
"""
        )
    )

    pitch = "You get weekly summaries to your inbox, covering:"
    assert dropped(f"{pitch}\n- Finance: markets, macro updates, earnings, and risk\n- Tech: chips") == []
    assert dropped(f"{pitch}\n- Finance\n- Tech") == [pitch]  # short labels: a pitch's choices
    assert dropped(f"{pitch}\nFinance: markets, macro updates, earnings, and risk signals") == [pitch]
    assert dropped("Weekly summaries to your inbox.\n- Finance: markets, macro updates, earnings, and risk") == [
        "Weekly summaries to your inbox."
    ]


def test_a_list_item_is_bulleted_beside_another_bulleted_line_first_and_last_included() -> None:
    """A card list's first question under its unbulleted header, and its last over the next header, are items."""
    blocks = Document.from_text("Charging\n- First question?\n- Second question?\nReliability\n- Alone\nEnd").blocks
    assert [in_bullet_list(blocks, n) for n in range(len(blocks))] == [False, True, True, False, False, False]


def test_unless_listed_spares_a_list_s_entries_each_naming_their_author(rule_file) -> None:  # type: ignore[no-untyped-def]
    """One 'By …' line is the page's byline; five are a reading list's entries, each with its author."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST014"
name = "byline"
kind = "line"
category = "byline"
description = "A byline."
patterns = ['By \\p{Lu}\\w+ \\p{Lu}\\w+']
unless_listed = 5
[rule.examples]
residue = ["By Jane Doe"]
article = ["By Tuesday it was over."]
"""
        )
    )
    story = "By Jane Doe\nThe council met on Monday and passed the budget after a long debate."
    books = "\n".join(f"Book number {n} on gardening\nBy Author{n} Name{n}" for n in range(5))
    assert dropped(story) == ["By Jane Doe"]
    assert dropped(books) == []
    assert len(dropped(books.rsplit("\n", 2)[0])) == 4, "four bylines: not yet a list"


def test_unless_listed_spares_a_block_rule_s_blocks_when_it_finds_that_many(rule_file) -> None:  # type: ignore[no-untyped-def]
    """One 'By' over a name is the page's byline; five are a reading list's entries, each with its author."""
    rule = RuleSet.load(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST024"
name = "label-and-names"
kind = "block"
category = "byline"
description = "A label line and the name line under it."
patterns = ['by']
follow = ['^[A-Z][a-z]+ [A-Z][a-z]+$']
max_lines = 1
min_lines = 1
unless_listed = 5
[rule.examples]
residue = ["by\\nJane Doe"]
article = ["by\\nthe end of the day it was over."]
"""
        )
    ).get("TST024")

    def dropped(text: str) -> list[str]:
        blocks = Document.from_text(text).blocks
        return [d.text for d in match_blocks(blocks, [rule], match_patterns(blocks, [rule]), frozenset(), set())]

    story = "by\nJane Doe\nThe council met on Monday and passed the budget after a long debate."
    names = ("Anna Berg", "Hans Miller", "Eva Roth", "Jan White", "Lena Graf")
    books = "\n".join(f"Book number {n} on gardening\nby\n{name}" for n, name in enumerate(names))
    assert dropped(story) == ["by", "Jane Doe"]
    assert dropped(books) == []
    assert len(dropped(books.rsplit("\n", 3)[0])) == 8, "four blocks: not yet a list"


def test_only_listed_takes_matches_only_when_the_text_has_that_many(rule_file) -> None:  # type: ignore[no-untyped-def]
    """One 'Re: …' line opens a letter; the same over every reply of a thread is the thread's furniture."""
    dropped = _dropper(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST019"
name = "reply-subject"
kind = "line"
category = "navigation"
description = "A reply's subject."
patterns = ['Re: .+']
only_listed = 2
[rule.examples]
residue = ["Re: Leaks\\n~ Same here.\\nRe: Leaks"]
article = ["Re: Leaks"]
"""
        )
    )
    letter = "Re: your question about the lease\nThe landlord has to give notice first, in writing."
    thread = "Re: Leaks\nSame here, since the update.\nRe: Leaks\nFixed by the patch for me."
    assert dropped(letter) == []
    assert dropped(thread) == ["Re: Leaks", "Re: Leaks"]


ECHO = """
file = { prefix = "TST" }
[[rule]]
id = "TST010"
name = "echo-label"
kind = "strip"
category = "navigation"
description = "A price label, only where the price is printed twice."
patterns = ['(?i)sale price\\s*']
only_echoed = ['\\$\\d[\\d.]*']
[rule.examples]
residue = ["Sale price $5 $5"]
article = ["Sale price $5"]
[[rule.examples.fix]]
input = "Sale price $5 $5"
output = "$5 $5"
"""


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("Sale price $19.99 Regular $19.99", ["Sale price "]),  # echoed on its own line
        ("$19.99\n\nSale price $19.99", ["Sale price "]),  # echoed by the line above
        ("Sale price $19.99\n\n$19.99", ["Sale price "]),  # echoed by the line below
        ("Sale price $19.99\n\n$24.99", []),  # the card's only price: the label stays
        ("$19.99\n\nA line between\n\nSale price $19.99", []),  # not right beside it
    ],
)
def test_only_echoed_strips_where_the_amount_is_printed_twice(rule_file, text: str, stripped: list[str]) -> None:  # type: ignore[no-untyped-def]
    rule = RuleSet.load(rule_file(ECHO)).get("TST010")
    decisions, _ = match_strips(Document.from_text(text).blocks, [rule])
    assert [d.text for d in decisions] == stripped


def test_anchors_lower_a_line_once_however_many_heuristics_screen_it() -> None:
    anchors = Anchors((regex.compile("(?i)teilen"),))
    _lower.cache_clear()
    assert [anchors.possible("TEILEN"), anchors.possible("TEILEN")] == [1, 1]
    assert _lower.cache_info().hits == 1
    long_line = "TEILEN " * CACHED_LINE
    assert lower_cached(long_line) == long_line.lower()
    assert _lower.cache_info().currsize == 1, "a long line is lowered, not kept"


def _pet_shop(control: str) -> str:
    """A shop's home page: a grid of product cards each under ``control``, then a 'Recent Posts' tail of teasers."""
    lines = ["Dog treats, bowls and accessories made in the USA", "Featured Products"]
    cards = [
        ("Natural Value", "Natural Value Chicken Dental Sticks for Toy / Small (10 Pack)", "$1.49"),
        ("Dolce", "Dolce Bamboo Dog Bowls (3 Colors, 2 Styles & 3 Sizes)", "$8.99"),
        ("Corsa", "Corsa Bowls (5 Colors, 3 Sizes)", "$8.49"),
        ("Bella Pet Mats", "Pet Food & Water Mats (9 Styles)", "$8.99"),
    ]
    for brand, name, price in cards:
        lines += [brand, name, price, control]
    lines += ["Recent Posts", "The Ultimate Guide to Choosing the Right Dog Bed"]
    lines += ["Just like with humans, high-quality sleep is extremely important for our canine friends."]
    lines += ["Eco-Friendly Choices for Conscious Pet Owners"]
    return "\n".join(lines)


def test_a_card_s_removed_control_still_counts_above_a_tail_marker() -> None:
    """Removing each card's 'Show Options' (NAV026) leaves the cards: the grid above 'Recent Posts' has run as it
    had with a control no rule takes ('Pick a size'), so the blog teasers under it are a tail either way."""
    from declutter import explain

    for control in ("Show Options", "Pick a size"):
        cut = [d.text for d in explain(_pet_shop(control), input_format="text").decisions if d.action.value == "cut"]
        assert "Eco-Friendly Choices for Conscious Pet Owners" in cut, control


def _menu_over_marker(column: str) -> tuple[list[str], int]:
    """A shop's head: a search prompt, a mega-menu of 6 columns each ending in 'Shop All' (removed), then a
    'Trending' marker over the page's short grid. The column lines come from ``column``; returns the lines and
    how many there are above the marker."""
    lines = ["What are you looking for?"]
    for _ in range(6):
        lines += [*column.split("\n"), "Shop All"]
    above = len(lines)
    lines += ["Trending", "Lights"]
    for n in range(6):
        lines += [f"Helmet vent light {n}", "$19.95"]
    return lines, above


def test_a_menu_s_repeated_labels_are_no_cards_above_a_tail_marker() -> None:
    """Labels a mega-menu prints under each column ('Shop All', 'Road Helmets'), with nothing kept between the
    copies, are no card fields: they do not make the words above a marker that says the page has run. A card's
    removed control with the card's kept lines between its copies still counts (the pet shop's test above)."""
    from declutter.matchers import match_cutoffs
    from declutter.ruleset import RuleSet

    rule = next(r for r in RuleSet.bundled() if r.id == "REL003")
    lines, above = _menu_over_marker("Road Helmets\nMountain Helmets\nGravel Helmets\nKids Helmets")
    doc = Document.from_text("\n".join(lines))
    marker = next(b.line for b in doc.blocks if b.text == "Trending")
    hits = {marker: ((rule, 0),)}
    menu = {b.line for b in doc.blocks[1:above]}
    assert match_cutoffs(doc.blocks, [rule], hits, frozenset(), set(menu)) == []
    # The same labels with a card's kept line between their copies are fields of cards that have run.
    cards = {b.line for b in doc.blocks[1:above] if b.text in ("Shop All",)}
    assert match_cutoffs(doc.blocks, [rule], hits, frozenset(), set(cards)) != []
