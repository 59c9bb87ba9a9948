"""Tests of :mod:`declutter.heuristics.menus`."""

from __future__ import annotations

from declutter import RuleSet, explain
from declutter.document import Document
from declutter.heuristics.common import Removed
from declutter.heuristics.menus import (
    bulleted_head_menu,
    contents_list,
    head_run,
    header_list,
    menu_copy,
    menu_run,
    recurring_menu,
    twin_menu,
)
from declutter.pipeline import decide
from tests.heuristics import BODY, PROSE, ids


def test_menu_run_needs_menu_words() -> None:
    drivers = "\n".join(
        [
            "Kyle Busch",
            "Kevin Harvick",
            "Denny Hamlin",
            "Joey Logano",
            "Ryan Blaney",
            "Kyle Larson",
            "Brad Keselowski",
            "Clint Bowyer",
            "Chase Elliott",
        ]
    )
    assert "NAV006" not in ids(PROSE + drivers + "\n")
    menu = "\n".join(["Home", "News", "Sports", "Business", "Opinion", "Weather", "Obituaries", "Contact us"])
    result = explain(menu + "\n\n" + PROSE)
    assert result.text == PROSE
    assert "NAV006" in [d.rule_id for d in result.decisions]


def test_menu_run_in_an_extract_needs_labels_on_a_tenth_of_the_run() -> None:
    """Two menu words among 25 lines of a guide's closing list are weak evidence in an extractor's output."""
    brands = ["Aventura", "- organic cotton", "- local", "- regional", "Benetton", "- hemp options", "- linen"]
    brands += [f"Brand {n}\n- organic denim" for n in range(10)]
    doc = Document.from_text(BODY + "\n".join(brands))
    rule = RuleSet.bundled().get("NAV006")
    params = dict(rule.params)
    assert len(menu_run(doc.blocks, rule, frozenset(), frozenset(), **params)) == 25
    assert menu_run(doc.blocks, rule, frozenset(), frozenset(), **params, full_page=False) == []
    footer = ["About us", "Careers", "Advertise with us", "Contact", "Home", "News", "Sports", "Weather"]
    doc = Document.from_text(BODY + "\n".join(footer))
    assert len(menu_run(doc.blocks, rule, frozenset(), frozenset(), **params, full_page=False)) == 8


def test_menu_run_spares_a_list_opening_under_the_last_paragraph() -> None:
    """The article's own list, straight under its last paragraph and 8 items long before its first menu word."""
    rule = RuleSet.bundled().get("NAV006")
    brands = [f"Brand {n}\n- organic denim" for n in range(5)] + ["Aventura", "- local", "- regional"]
    brands += [f"Label {n}\n- hemp options" for n in range(10)]
    doc = Document.from_text(BODY + "\n".join(brands))
    assert menu_run(doc.blocks, rule, frozenset(), frozenset(), **rule.params) == []
    footer = ["Careers", "Press", *brands]  # a footer opens on its menu words
    doc = Document.from_text(BODY + "\n".join(footer))
    assert len(menu_run(doc.blocks, rule, frozenset(), frozenset(), **rule.params)) == 2 + 2 * 5 + 3 + 2 * 10


def test_menu_run_spares_product_cards_with_recurring_prices() -> None:
    """A shop's grid (a name, then its price, card after card) is a run of short lines, but no menu."""
    grid = ["Shop", "Desk Drawer", "$129", "Foot Hammock", "$39", "Monitor Arm", "$99", "Cable Tray", "$29"]
    result = explain(PROSE + "\n".join([*grid, "Desk Shelf", "$69", "Contact us"]) + "\n")
    assert "NAV006" not in [d.rule_id for d in result.decisions]
    assert "Desk Drawer" in result.text
    menu = ["Shop", "Desks", "Chairs", "Deals under $50", "Lamps", "Storage", "Gift cards", "Blog", "Contact us"]
    assert "NAV006" in ids(PROSE + "\n".join(menu) + "\n")


def test_menu_run_spares_product_cards_of_varying_length() -> None:
    """Cards print one to three fields and a sale price with the price it was: the price recurs every few lines."""
    fields = [["Max Light:", "400 lumens"], ["Weight:", "3 ounces"], ["Red light"]]
    grid = ["Shop"]
    for n in range(6):
        grid += [f"Headlamp {n}", f"${20 + n}.95"]
        grid += ["Save 30%", f"was ${40 + n}.95"] if n % 2 else []
        grid += [line for field in fields[: 1 + n % 3] for line in field]
    result = explain(PROSE + "\n".join([*grid, "Contact us"]) + "\n")
    assert "NAV006" not in [d.rule_id for d in result.decisions]
    assert "Headlamp 3" in result.text


def test_menu_run_ignores_residue_prose_above_the_menu() -> None:
    """A cookie notice above the menu is residue another rule removed, not the article's first paragraph."""
    cookie = (
        "We use cookies and other tracking technologies to improve your browsing experience on our site, "
        "show personalized content and targeted ads.\n\n"
    )
    menu = "\n".join(["Home", "Fanposts", "Fanshots", "Sections", "Roster", "Schedule", "Masthead", "About", "More"])
    result = explain(cookie + menu + "\n\n" + PROSE)
    assert result.text == PROSE


def test_menu_run_is_not_split_by_residue_and_counts_it() -> None:
    """A long line another rule removed (a follow prompt) does not split a menu; removed short lines are evidence."""
    top = "\n".join(["Home", "Toggle dark mode", "Toggle search", "Gadgets", "Tablets", "Phones", "Laptops"])
    follow = "Follow us on Twitter and Facebook for the latest news, reviews and deals from our editors"
    bottom = "\n".join(["Wearables", "Cameras", "Sign In", "Watches", "About"])
    result = explain(f"{top}\n{follow}\n{bottom}\n\n{PROSE}")
    assert result.text == PROSE


def test_menu_run_leaves_short_replies_under_one_label_printed_once_per_post() -> None:
    """A thread's replies under a header each (handle, language badge, score, date): the badge is no menu word.

    Lemmy prints 'English' in every reply's header; with the handles and dates other rules removed as evidence it
    made the short replies between them a menu run (WCXB dev: a Lemmy thread lost its short replies to NAV006 and
    the rest of the thread to the walls it left for STR004 and STR002). Two distinct labels still make a menu.
    """
    rule = RuleSet.bundled().get("NAV006")
    replies = ["Didn’t even notice that, that’s cool", "Sounds promising!", "Why?", "To be different", "Test"]
    lines = [line for reply in replies for line in ("someone@lemmy.world", "English", "5·", "1 year ago", reply)]
    doc = Document.from_text(BODY + "\n".join(lines))
    claimed = frozenset(b.line for b in doc.blocks if "@" in b.text or b.text == "1 year ago")
    assert menu_run(doc.blocks, rule, frozenset(), claimed, **rule.params) == []
    lines[6] = "Contact us"  # a second reply's badge is now a different menu word
    doc = Document.from_text(BODY + "\n".join(lines))
    assert len(menu_run(doc.blocks, rule, frozenset(), claimed, **rule.params)) > 8


def test_menu_run_counts_one_label_recurring_out_of_step() -> None:
    """'Contact Us' over a council's staff cards, then in its footer beside its address: a menu label still."""
    rule = RuleSet.bundled().get("NAV006")
    staff = ["Contact Us", "Judy Alvey", "Building Assistant", "More Information", "Norma Hernandez", "Clerk"]
    footer = ["Agendas / Minutes", "Online Bill Pay", "Employment", "Contact Us", "Portage City Hall", "Contact Us"]
    doc = Document.from_text(BODY + "\n".join([*staff, "Tom Cherry", "Director", *footer, "FAQs"]))
    assert len(menu_run(doc.blocks, rule, frozenset(), frozenset(), **rule.params)) == 15


def test_menu_run_spares_a_short_title_on_top() -> None:
    menu = "\n".join(["Home", "News", "Sports", "Business", "Opinion", "Weather", "Obituaries", "Contact us"])
    result = explain(f"Storm hits coast\n{menu}\n\n{PROSE}")
    assert [line for line in result.text.splitlines() if line] == ["Storm hits coast", PROSE.strip()]


def test_menu_run_inside_the_article_span_needs_density_and_residue() -> None:
    """Between two paragraphs only a dense menu next to residue goes (a footer menu above an author's bio)."""
    bio = "Jane Doe covers city hall for the paper and has written about local politics for more than a decade.\n\n"
    menu = "\n".join(["World", "Africa", "Americas", "Europe", "Politics", "Business", "Tech", "Science", "Health"])
    assert explain(f"{PROSE}{menu}\nFacebook Twitter Email\n\n{bio}").text.split() == (PROSE + bio).split()
    # The same lines with no residue among them may be the article's own list: they stay.
    assert menu in explain(f"{PROSE}{menu}\n\n{bio}").text


def test_menu_run_never_takes_a_copy_of_the_headline() -> None:
    """A full-page text repeats the headline in its sticky header, among menu items: that copy stays."""
    top = ["Home", "News", "Sports", "Opinion | Storm hits the coast overnight", "Weather", "Subscribe", "Log in"]
    menu = "\n".join([*top, "Contact us", "About us"])
    result = explain(f"{menu}\n\nStorm hits the coast overnight\n\n{PROSE}")
    kept = [line for line in result.text.splitlines() if line]
    assert kept == ["Opinion | Storm hits the coast overnight", "Storm hits the coast overnight", PROSE.strip()]
    # Without the headline below, the same line is just another long menu label.
    assert "Opinion | Storm hits the coast overnight" not in explain(f"{menu}\n\n{PROSE}").text


MEGA_MENU = (
    "* Sign In\n* Home\n    o Subscribe\n    o Contact Us\n* Local\n    o Traffic\n    o Find a Business in S.A.\n"
    "    o Crime\n      Witness reminds allies in hearing\n      Is your county going dark tonight?\n"
    "* Sports\n    o 49ers\n    o Raiders\n    o Giants\n"
)


def _menu_lines(text: str, claimed: frozenset[int]) -> list[str]:
    blocks = Document.from_text(text).blocks
    return [b.text for b, _ in bulleted_head_menu(blocks, None, frozenset(), claimed, min_claimed=2)]


def test_bulleted_head_menu_takes_a_nested_menu_with_teasers_above_the_headline() -> None:
    text = f"*\n*\n{MEGA_MENU}Man stabbed to death on a bay train\n\n{PROSE}"
    taken = _menu_lines(text, frozenset({0, 1}))
    assert "o Traffic" in taken
    assert "Is your county going dark tonight?" in taken, "a teaser between the groups goes with the menu"
    assert "Man stabbed to death on a bay train" not in taken


def test_bulleted_head_menu_needs_residue_and_a_headline_below_it() -> None:
    # Nothing removed above the article: not evidently a page dump.
    assert _menu_lines(f"{MEGA_MENU}Man stabbed to death on a bay train\n\n{PROSE}", frozenset()) == []
    # No line between the list and the first paragraph that could be the headline: the list may be the article's.
    assert _menu_lines(f"*\n*\n{MEGA_MENU}\n{PROSE}", frozenset({0, 1})) == []


def test_bulleted_head_menu_slices_by_position_when_a_stripped_line_left_a_gap() -> None:
    # A strip rule that empties a line drops its block without renumbering the others (see match_strips):
    # block indexes then run ahead of list positions. With no headline between the list and the first
    # paragraph (only a short label) the list may be the article's own, gap or not.
    blocks = Document.from_text(f"Gone entirely\n*\n*\n{MEGA_MENU}Share\n\n{PROSE}").blocks[1:]
    assert bulleted_head_menu(blocks, None, frozenset(), frozenset({1, 2}), min_claimed=2) == []
    blocks = Document.from_text(
        f"Gone entirely\n*\n*\n{MEGA_MENU}Man stabbed to death on a bay train\n\n{PROSE}"
    ).blocks[1:]
    taken = [b.text for b, _ in bulleted_head_menu(blocks, None, frozenset(), frozenset({1, 2}), min_claimed=2)]
    assert "o Giants" in taken
    assert "Man stabbed to death on a bay train" not in taken


def _recurring(text: str) -> list[str]:
    blocks = Document.from_text(text).blocks
    return [b.text for b, _ in recurring_menu(blocks, None, frozenset(), frozenset())]


def test_recurring_menu_takes_header_labels_repeated_in_the_footer() -> None:
    """Section names no vocabulary knows go when the header's run repeats below the article."""
    menu = "Boas-vindas\nAlfabetize em Casa\nContato\n"
    taken = _recurring(f"Storm hits coast\n{menu}\n{PROSE}\n{PROSE}\nAbout the author\n{menu}")
    assert taken == ["Boas-vindas", "Alfabetize em Casa", "Contato"] * 2
    assert "Storm hits coast" not in taken


def test_recurring_menu_takes_only_the_later_copy_from_an_extract() -> None:
    """An extractor's output has no header and footer: a run it prints twice is the article's, and only the
    copy below the article goes."""
    topics = "Ohm's Law\nBranch Circuits\nGrounding Basics\n"
    blocks = Document.from_text(f"Electrical Work\n{topics}\n{PROSE}\n{PROSE}\nWhat you learn\n{topics}").blocks
    taken = [b.line for b, _ in recurring_menu(blocks, None, frozenset(), frozenset(), full_page=False)]
    assert taken == [b.line for b in blocks if b.text in topics.split("\n")][3:]
    assert len(recurring_menu(blocks, None, frozenset(), frozenset())) == 6


def test_recurring_menu_leaves_a_list_the_text_announces() -> None:
    """A series' parts under 'Here's our roadmap:' are the article's list printed again, not a menu's copy."""
    parts = "Context Engineering\nStructured Outputs\nTool Calling\n"
    bulleted = "".join(f"- {part}\n" for part in parts.split("\n") if part)
    text = f"Agents\n{parts}\n{PROSE}\n{PROSE}\nHere's our roadmap:\n{bulleted}See you next week."
    blocks = Document.from_text(text).blocks
    later = frozenset(b.line for b in blocks if b.raw.startswith("- "))
    assert len(recurring_menu(blocks, None, frozenset(), frozenset(), full_page=False)) == 2  # under the colon, a value
    assert recurring_menu(blocks, None, frozenset(), frozenset(), full_page=False, introduced=later) == []


def test_recurring_menu_leaves_a_list_a_sentence_announces() -> None:
    """Full-page text prints a list without bullets: a run right under a kept sentence of 5 words or more that
    ends in a colon, or that a lead-in pattern finds, is the page's own list, even where a footer repeats some of
    its items; a label or a heading over a run announces nothing."""
    skills = "Logo Designers\nUX Designers\nWeb Designers\n"
    footer = f"\n{PROSE}{PROSE}Company\n{skills}"

    def taken(lead: str, lead_ins: tuple[str, ...] = ()) -> list[str]:
        blocks = Document.from_text(f"Hire designers\n{lead}\n{skills}{footer}").blocks
        return [b.text for b, _ in recurring_menu(blocks, None, frozenset(), frozenset(), lead_ins=lead_ins)]

    assert taken("Our network covers designers of the following skills:") == [
        "Logo Designers",
        "UX Designers",
        "Web Designers",
    ]  # only the footer's copy
    below = "See the list of skills below to find a designer."
    assert len(taken(below)) == 6
    assert taken(below, (r"(?i)\bbelow\b",)) == ["Logo Designers", "UX Designers", "Web Designers"]
    assert len(taken("Browse by skill")) == 6
    assert len(taken("The skills we hire for")) == 6  # no colon, no lead-in


def test_recurring_menu_needs_two_labels_outside_the_article() -> None:
    # One repeated line (the headline above, its teaser in a 'Most read' list below) is not a menu.
    teasers = "Most read\nStorm hits coast\nCouncil approves budget"
    assert _recurring(f"Storm hits coast\n\n{PROSE}\n{PROSE}\n{teasers}") == []
    # A list inside the article's span stays, even when it recurs below.
    names = "Kyle Busch\nDenny Hamlin\n"
    assert _recurring(f"{PROSE}\n{names}\n{PROSE}\n{names}") == []
    # Copies on one side only are not a header and a footer.
    assert _recurring(f"{names}\n{names}\n{PROSE}") == []


def _menu_copy(text: str, **params: int) -> list[str]:
    blocks = Document.from_text(text).blocks
    return [b.text for b, _ in menu_copy(blocks, None, frozenset(), frozenset(), **params)]


def test_menu_copy_takes_the_header_menu_printed_again_inside_the_article() -> None:
    """A sidebar's copy of the header menu between the article's sections goes, in its order; the header stays."""
    menu = "Rooftop Tents\nAwnings\nRoof Racks\nAccessories\n"
    assert _menu_copy(f"{menu}\n{PROSE}{menu}\n{PROSE}") == ["Rooftop Tents", "Awnings", "Roof Racks", "Accessories"]
    # Part of the menu is copied too, when three lines or more of it follow one another.
    part = "Shop\nAwnings\nRoof Racks\nAccessories\n"
    assert _menu_copy(f"{menu}\n{PROSE}{part}\n{PROSE}") == ["Awnings", "Roof Racks", "Accessories"]


def test_menu_copy_only_on_a_page_s_full_text() -> None:
    menu = "Rooftop Tents\nAwnings\nRoof Racks\nAccessories\n"
    blocks = Document.from_text(f"{menu}\n{PROSE}{menu}").blocks
    assert len(menu_copy(blocks, None, frozenset(), frozenset())) == 4
    assert menu_copy(blocks, None, frozenset(), frozenset(), full_page=False) == []


def test_menu_copy_needs_the_same_order_and_three_lines() -> None:
    menu = "Rooftop Tents\nAwnings\nRoof Racks\nAccessories\n"
    shuffled = "Awnings\nAccessories\nRooftop Tents\nRoof Racks\n"
    assert _menu_copy(f"{menu}\n{PROSE}{shuffled}\n{PROSE}") == []
    assert _menu_copy(f"{menu}\n{PROSE}Awnings\nRoof Racks\n\n{PROSE}") == []
    # Both copies below the first paragraph are the article's own list printed twice.
    assert _menu_copy(f"{PROSE}{menu}\n{PROSE}{menu}") == []


def test_menu_copy_leaves_a_card_s_fields_printed_on_every_card() -> None:
    """A pair printed more than three times ('Add to cart' over 'Compare' on every card) is a card template."""
    fields = "Add to cart\nCompare\nWishlist\n"
    cards = "".join(f"{name}\n{fields}" for name in ("Oak table", "Pine shelf"))
    more = "".join(f"{name}\n{fields}" for name in ("Ash stool", "Maple desk"))
    assert _menu_copy(f"{cards}\n{PROSE}{more}") == []
    assert _menu_copy(f"{cards}\n{PROSE}{more}", max_copies=4) == ["Add to cart", "Compare", "Wishlist"] * 2


def test_recurring_menu_leaves_a_card_s_fields_printed_as_label_and_value_lines() -> None:
    """A shop's cards above and below a blurb print each spec as 'Cap Type:' over its value: fields, not a menu."""
    card = "Narrow-mouth water bottle, 32 fl. oz. by Nalgene\n$17.00\nCap Type:\nScrew Cap\nBottle Opening:\nWide\n"
    menu = "Boas-vindas\nContato\n"
    taken = _recurring(f"{menu}{card}\n{PROSE}\n{PROSE}\n{card}{menu}")
    assert taken == ["Boas-vindas", "Contato"] * 2
    # A label that another rule keeps (protected) is no part of the run; its value is still a field.
    blocks = Document.from_text(f"{menu}{card}\n{PROSE}\n{PROSE}\n{card}{menu}").blocks
    labels = frozenset(b.line for b in blocks if b.text.endswith(":"))
    assert "Wide" not in [b.text for b, _ in recurring_menu(blocks, None, labels, frozenset())]


CHROME = "Skip to main content\n\n"


def test_label_line_takes_a_flattened_menu_outside_the_article() -> None:
    assert "NAV011" in ids(f"{CHROME}LIVE TV Videos Photos\n\n{BODY}")
    assert "NAV011" in ids(f"{CHROME}{BODY}Menu Sections\n")


def test_label_line_waits_for_chrome() -> None:
    """An extractor's output (no line rule took a line of chrome) has no menus around it: 'News Sport' stays."""
    assert "NAV011" not in ids(f"LIVE TV Videos Photos\n\n{BODY}")
    assert "NAV011" not in ids(f"{BODY}Menu Sections\n")


def test_label_line_needs_two_labels_and_nothing_else_outside_the_span() -> None:
    assert "NAV011" not in ids(f"{CHROME}Politics\n\n{BODY}"), "one label alone is a heading"
    assert "NAV011" not in ids(f"{CHROME}Sports Illustrated swimsuit\n\n{BODY}"), "a word that is no label"
    assert "NAV011" not in ids(f"{CHROME}{PROSE}World Politics\n\n{PROSE}"), "inside the article's span"


_SECTIONS = ["News", "Tech", "Spaceflight", "Skywatching", "Forums", "Entertainment", "Expert Voices", "Reference"]


def _head_run_lines(lines: list[str], claimed: set[int]) -> list[str]:
    doc = Document.from_text("\n".join(lines))
    return [b.text for b, _ in head_run(doc.blocks, None, frozenset(), frozenset(claimed))]


def test_head_run_takes_unknown_section_names_above_the_headline() -> None:
    """Section names no vocabulary knows go by shape: a long run of very short lines above the headline."""
    lines = ["Search", "Sign in", "Subscribe", *_SECTIONS, "Europa plumes are real", "Mike Wall", PROSE.strip()]
    assert _head_run_lines(lines, {0, 1, 2}) == _SECTIONS


def test_head_run_needs_a_page_dump_and_spares_the_headline_zone() -> None:
    """Without removed chrome above the article (a main-content text) nothing goes; the headline never goes."""
    lines = [*_SECTIONS, "Europa plumes are real", "Mike Wall", PROSE.strip()]
    assert _head_run_lines(lines, set()) == []
    # The last two unremoved lines above the first paragraph are the headline zone, even when short.
    lines = ["Search", "Sign in", "Subscribe", *_SECTIONS, "Plumes", "Europa", PROSE.strip()]
    assert _head_run_lines(lines, {0, 1, 2}) == []


def test_head_run_spares_a_short_headline_under_a_removed_menu_and_quoted_kickers() -> None:
    """Two short lines under the run's last removed line may be a headline; a line the article quotes stays."""
    menu = [f"Item {n}" for n in range(8)]
    opening = ["Friday, 22 October 2010 at 20:13", "Here you will find the standings.", "Kyle Busch", "Final standings"]
    lines = [*menu, "Classificação NASCAR", *opening, PROSE.strip()]
    assert _head_run_lines(lines, set(range(8))) == []
    assert _head_run_lines(["Home", *lines], set(range(9))) == []
    headline = ["Europa plumes are real", "Mike Wall", PROSE]
    lines = ["Search", "Sign in", "Subscribe", *_SECTIONS[:6], "the budget", *headline]
    assert _head_run_lines(lines, {0, 1, 2}) == _SECTIONS[:6]


def test_head_run_waits_for_a_pages_full_text() -> None:
    """On an extractor's output (the pipeline's verdict: no line rule found chrome) head-run does not run: a
    service page's own short lines over its headline, left by the extractor, are its text."""
    lines = ["Search", "Sign in", "Subscribe", *_SECTIONS, "Europa plumes are real", "Mike Wall", PROSE.strip()]
    doc = Document.from_text("\n".join(lines))
    rules = [RuleSet.bundled().get("HED003")]
    taken = {
        full_page: [d.text for d in decide(doc, rules, full_page=full_page) if d.rule_id == "HED003"]
        for full_page in (True, False)
    }
    assert taken == {True: _SECTIONS, False: []}


def test_head_run_stops_at_a_ranked_charts_cards() -> None:
    """A chart's cards ('#1', title, year, rating) counting up card by card are content, not the menu above them."""
    cards = [line for n in range(1, 5) for line in (f"#{n}", f"Title {n}", "2026", "R")]
    lines = ["Search", "Sign in", "Subscribe", *_SECTIONS, *cards, "Europa plumes are real", "Mike Wall", PROSE.strip()]
    assert _head_run_lines(lines, {0, 1, 2}) == _SECTIONS
    pager = ["1", "2", "3", "4"]
    lines = ["Search", "Sign in", "Subscribe", *_SECTIONS, *pager, "Europa plumes are real", "Mike Wall", PROSE.strip()]
    assert _head_run_lines(lines, {0, 1, 2}) == [*_SECTIONS, *pager], "a pager's numbers stand line under line"


_BRIDGES = {"bridge_words": 5, "label_words": 3, "bridge_run": 3}
_COLUMNS = ["T-Shirts", "Tanks & Singlets", "Longsleeves", "Sweatshirts", "Trackpants", "Jackets", "Pants", "Shorts"]


def _bridged_lines(lines: list[str], claimed: set[int], **params: int) -> list[str]:
    doc = Document.from_text("\n".join(lines))
    return [b.text for b, _ in head_run(doc.blocks, None, frozenset(), frozenset(claimed), **params)]


def test_head_run_joins_a_mega_menus_columns_across_their_labels() -> None:
    """A mega-menu's column labels ('Apparel.', a statement) and longer category names cut it into runs too
    short or holding no removed line; one such line between two runs of 3 lines joins them, and all of it goes."""
    title, heads = "Staple Tee 5001 | AS Colour US", ["Staple Tee, the classic shirt", "Mike Wall", PROSE.strip()]
    menu = ["Search", "Sign in", "Subscribe", "Men", "All Men", "Apparel.", *_COLUMNS]
    menu += ["Cell Phones, Smart Watches & Accessories", "Totes", "Bags", "Belts"]
    lines = [title, *menu, *heads]
    assert _bridged_lines(lines, {1, 2, 3}) == [], "without bridges: a run of 5, one with no removed line, one of 3"
    assert _bridged_lines(lines, {1, 2, 3}, **_BRIDGES) == menu[3:]
    assert _bridged_lines(lines, {1, 2, 3}, **{**_BRIDGES, "label_words": 0}) == [], "the label alone cuts it"


def test_head_run_bridges_no_count_no_title_and_no_product_name() -> None:
    """A pricing table's feature with a count, a grid's title between prices, the page title on the first line,
    a line the page title names (a product's name under its breadcrumb) and a product's name and price under a
    removed log-in link end a run as before."""
    heads = ["Pick the plan that fits your search", "Mike Wall", PROSE.strip()]
    plans = ["Search", "Sign in", "Subscribe", "Basic", "Resume review", "Send your resume: 200 recruiters"]
    plans += ["Interview coaching", "LinkedIn makeover", "Phone consultation", "Express delivery"]
    assert _bridged_lines(["Plans and pricing for job seekers", *plans, *heads], {1, 2, 3}, **_BRIDGES) == []
    colours = ["White", "Blue", "Sand", "Olive"]
    cards = [line for colour in colours for line in (f"Oxford Linen Shirt in {colour}", "$39")]
    grid = ["Search", "Sign in", "Subscribe", *cards]
    assert _bridged_lines(["Shirts and tops for summer days", *grid, *heads], {1, 2, 3}, **_BRIDGES) == []
    menu = ["Search", "Sign in", "Subscribe", "Basic", "Cell Phones and Smart Watches", *plans[6:], *heads]
    assert _bridged_lines(["Shirts | Shop", *menu], {1, 2, 3}, **_BRIDGES) == [], "the short title opens the run"
    taken = _bridged_lines(["Shirts and tops for summer days", *menu], {1, 2, 3}, **_BRIDGES)
    assert taken == ["Basic", "Cell Phones and Smart Watches", *plans[6:]]
    crumbs = ["Search", "Sign in", "Subscribe", "Home", "Gifts", "Decoration", "Flame Oil Diffuser Indoor Outdoor"]
    crumbs += ["Bestseller", "Low power", "Long battery", "Waterproof"]
    title = "Flame Oil Diffuser for Indoor and Outdoor | Gift Shop"
    assert _bridged_lines([title, *crumbs, *heads], {1, 2, 3}, **_BRIDGES) == [], "the title names the product"
    taken = _bridged_lines(["Gifts for every season at home", *crumbs, *heads], {1, 2, 3}, **_BRIDGES)
    assert taken == crumbs[3:]
    shop = ["Shirts", "Trousers", "Jackets", "Knitwear", "Search", "Sign in", "Subscribe", "Linen Shirt Classic Fit"]
    shop += ["$39.00", "Linen Shirt Classic Fit quantity", "Log in", "Related products", "Oxford", "$45.00"]
    assert _bridged_lines(["Linen Shirt Classic Fit | Shop", *shop, *heads], {5, 6, 7, 11}, **_BRIDGES) == []


def test_head_run_judges_a_failed_join_by_its_parts() -> None:
    """A join that fails (its mean length too high with the bridge's words) leaves its parts to be judged alone:
    a bridge never spares a run that went without it."""
    names = ["News", "Tech", "Spaceflight", "Skywatching", "Forums", "Entertainment", "Science", "Reference"]
    sections = [f"{name} and More" for name in names]  # three words a line: as long as a run's mean allows
    lines = ["Europa plumes are real, a study says", "Search", "Sign in", "Subscribe", *sections]
    lines += ["Cell Phones and Smart Watches", "Watches of the World", "Wide Brim Sun Hats", "Long Sleeve Linen Shirt"]
    lines += ["Europa plumes are real", "Mike Wall", PROSE.strip()]
    assert _bridged_lines(lines, {1, 2, 3}) == sections
    assert _bridged_lines(lines, {1, 2, 3}, **_BRIDGES) == sections


MENU = ("navigation", "taxonomy")
LEGAL = ("legal",)
_TOPICS = ["Afetividade Infantil", "Ansiedade e Stress", "Atividades", "Autismo", "Punjab Post (175)", "US News (1668)"]


def test_header_list_takes_the_links_under_a_removed_header_below_the_article() -> None:
    """A sidebar's 'Categories' is known to other rules; the unknown topic names under it go by their place."""
    result = explain(BODY + "Categories\n" + "\n".join(_TOPICS) + "\n")
    assert result.text.strip() == BODY.strip()
    assert [d.rule_id for d in result.decisions].count("NAV012") == len(_TOPICS)


def test_header_list_spares_a_spec_sheet_under_its_header() -> None:
    """'Label: value' rows under a removed header are a product's facts, not a widget's links."""
    specs = ["OS: Windows 10", "Processor: 3 GHz", "Memory: 8 GB RAM", "Storage: 4 GB available space", "Network: Fast"]
    result = explain(BODY + "Categories\n" + "\n".join(specs) + "\n")
    assert "NAV012" not in [d.rule_id for d in result.decisions]
    assert all(spec in result.text for spec in specs)


def test_header_list_spares_the_head_the_span_and_a_short_list() -> None:
    """Above the article a removed 'Home' has the headline under it; between paragraphs a list is the article's."""
    doc = Document.from_text("Categories\n" + "\n".join(_TOPICS) + "\n\n" + BODY + "Categories\n" + "\n".join(_TOPICS))
    claimed = Removed({0, 16}, {0: "navigation", 16: "navigation"})
    lines = [b.line for b, _ in header_list(doc.blocks, None, frozenset(), claimed, categories=MENU)]
    assert lines == list(range(17, 17 + len(_TOPICS)))
    assert "NAV012" not in ids(PROSE + "Categories\n" + "\n".join(_TOPICS) + "\n\n" + BODY)
    assert "NAV012" not in ids(BODY + "Categories\n" + "\n".join(_TOPICS[:4]) + "\n")
    # A header removed as another kind of residue (an ad slug) does not head a list.
    claimed = Removed({16}, {16: "ad"})
    assert header_list(doc.blocks, None, frozenset(), claimed, categories=MENU) == []


def test_header_list_takes_no_item_of_a_bulleted_list_for_its_header() -> None:
    """A list of programming languages holds '- Go!', which a UI-label rule removes: an item between two other
    items is no widget's header, and the languages under it stay."""
    items = ["- Game Maker Language", "- GameMonkey Script", "- Go!", "- Gödel", "- Golo", "- Gosu", "- GRASS"]
    items += ["- Groovy"]
    doc = Document.from_text(BODY + "\n".join(items) + "\n")
    at = next(b.line for b in doc.blocks if b.text == "Go!")
    assert header_list(doc.blocks, None, frozenset(), Removed({at}, {at: "navigation"}), categories=MENU) == []
    # The same list under an unbulleted header that another rule removed is a widget's.
    doc = Document.from_text(BODY + "Go!\n" + "\n".join(items[3:]) + "\n")
    at = next(b.line for b in doc.blocks if b.text == "Go!")
    found = header_list(doc.blocks, None, frozenset(), Removed({at}, {at: "navigation"}), categories=MENU)
    assert [b.text for b, _ in found] == [i[2:] for i in items[3:]]


def test_header_list_spares_the_page_own_list_under_a_removed_card_field() -> None:
    """A job board's cards under a short intro: a card's 'Remote', removed as a recurring label, heads them only
    by a chain of removals. A run that outweighs 1.5 times the page's prose is the page; under a long article it is a
    widget's."""
    places = ["Bangalore, India", "Tallinn, Estonia", "Taipei, Taiwan", "Lisbon, Portugal"]
    cards = [
        line
        for n in range(8)
        for line in (f"Senior Product Engineer {n + 1}", f"Company Number {n + 1}", places[n % 4], "Full-Time")
    ]
    for prose, taken in ((PROSE, False), (BODY, True)):
        doc = Document.from_text(prose + "Remote\n" + "\n".join(cards) + "\n")
        at = next(b.line for b in doc.blocks if b.text == "Remote")
        claimed = Removed({at}, {at: "navigation"})
        found = header_list(doc.blocks, None, frozenset(), claimed, categories=MENU, page_items=20, page_ratio=1.5)
        assert len(found) == (len(cards) if taken else 0)
        # Without the floor the chain goes on: the cards go as the header's list.
        assert len(header_list(doc.blocks, None, frozenset(), claimed, categories=MENU)) == len(cards)


def test_head_run_needs_a_removed_line_in_the_run() -> None:
    """A recipe's ingredients above its first paragraph: the last item looks like a headline, none was removed."""
    items = ["2 cups flour", "1 cup water", "1 tsp salt", "1 tsp yeast", "2 tbsp butter", "1 large egg"]
    items += ["Sesame seeds", "3 tbsp milk", "Pinch of sugar", "1 tbsp oil"]
    lines = ["Search", "Sign in", "Subscribe", "Our best bread recipe for the weekend", *items, PROSE.strip()]
    assert _head_run_lines(lines, {0, 1, 2}) == []
    lines = ["Search", "Sign in", "Subscribe", *items[:7], "Home", *items[7:], PROSE.strip()]
    assert _head_run_lines(lines, {0, 1, 2, 10}) == items[:7]


def test_head_run_takes_no_emptied_bullet_for_a_removed_line() -> None:
    """A shop's spec rows printed between emptied bullets ('- ' alone, removed as layout) are no menu."""
    rows = ["Colour Green", "Body Alder", "Top None", "Neck Maple", "Fretboard Rosewood", "Frets 22", "Scale 648 mm"]
    rows.append("Pickups SSS")
    spec = [line for row in rows for line in ("- ", row)]
    chrome = ["Search", "Sign in", "Subscribe", "Available since July 2024, sold in one piece, with a bag."]
    lines = [*chrome, *spec, "Fender Player II Strat", "In stock", PROSE.strip()]
    bullets = {4 + 2 * n for n in range(len(rows))}
    assert _head_run_lines(lines, {0, 1, 2} | bullets) == []
    spec[0] = "Home"  # a removed label among them: the run is a menu
    assert _head_run_lines([*chrome, *spec, *lines[4 + len(spec) :]], {0, 1, 2} | bullets) == rows[:-1]


def _twins(text: str) -> list[int]:
    blocks = Document.from_text(text).blocks
    return [b.line for b, _ in twin_menu(blocks, None, frozenset(), frozenset())]  # type: ignore[arg-type]


def test_twin_menu_takes_both_copies_of_a_menu_on_a_page_without_prose() -> None:
    """A shop prints its menu twice (desktop, then mobile) and has no paragraph to place it by."""
    menu = "\n".join(["Bakeware", "Bread Pans", "Cake Pans", "Barware", "Ice Trays", "Cookware", "Woks", "Gift Cards"])
    cards = "Lodge Cast Iron\n12 inch skillet\n$49.99 USD\nCast iron skillet 9 inch\n$34.99 USD"
    assert _twins(f"{menu}\n{menu}\n{cards}") == list(range(16))
    assert _twins(f"{menu}\n{cards}\n{menu}") == [*range(8), *range(13, 21)]


def test_twin_menu_leaves_a_list_the_text_announces_printed_twice() -> None:
    """A course's topics under 'Topics include:', printed again under its description, are its own list."""
    menu = "\n".join(["Bakeware", "Bread Pans", "Cake Pans", "Barware", "Ice Trays", "Cookware", "Woks", "Gift Cards"])
    blocks = Document.from_text(f"{menu}\n{menu}\nLodge").blocks
    assert len(twin_menu(blocks, None, frozenset(), frozenset())) == 16  # type: ignore[arg-type]
    for announced in (frozenset({0}), frozenset({9})):  # either copy
        assert twin_menu(blocks, None, frozenset(), frozenset(), introduced=announced) == []  # type: ignore[arg-type]


def test_twin_menu_leaves_short_runs_grids_and_cards() -> None:
    menu = ["Bakeware", "Bread Pans", "Cake Pans", "Barware", "Ice Trays", "Cookware", "Woks", "Gift Cards"]
    # Seven lines printed twice are no menu yet.
    short = "\n".join(menu[:7])
    assert _twins(f"{short}\nLodge\n{short}") == []
    # A grid's colour names recur under every card: most of them are on the page more than twice.
    colours = "\n".join(["Amber", "Bluestone", "Flaxen", "Lilac", "Meadowlark", "Ruby Wine", "Sandstone", "Violet"])
    assert _twins("\n".join(f"Cup {size}oz\n{colours}" for size in (4, 6, 8))) == []
    # Cards printed twice carry ratings, prices and phone numbers: content, not a menu.
    card = "Colonial Van Lines\n4.7 / 5\nSpecialty services\nCall (866) 377-8209\n"
    cards = card + "Safeway Moving\n4.9 / 5\nVeteran-owned\nCall (866) 989-1425\n"
    assert _twins(f"{cards}\n{cards}") == []


def test_menu_run_counts_a_german_compound_as_two_words() -> None:
    """A comparison table's rows say in fewer, longer words what English says: 'Annual coverage options' is
    'Jährliche Deckungsoptionen'. Counted in words alone, the German rows averaged a menu's length and went
    between two menu labels, where the English ones stay."""
    english = ["Annual coverage options", "Reimbursement rates to choose", "Deductible of your choice"]
    english += ["Coverage starting at once", "Maximum age at signup", "Vet exams always included"]
    english += ["Dental illness fully covered", "Multi pet discount offered", "Monthly payment possible"]
    german = ["Jährliche Deckungsoptionen wählbar", "Erstattungssätze nach Wahl", "Selbstbeteiligung frei wählbar"]
    german += ["Versicherungsbeginn ab sofort", "Höchstalter bei Vertragsabschluss"]
    german += ["Tierarztuntersuchungen immer inklusive", "Zahnerkrankungen voll mitversichert"]
    german += ["Mehrtierrabatt wird angeboten", "Zahlungsintervall monatlich möglich"]
    assert "NAV006" not in ids("Home\n" + "\n".join(english) + "\nContact\n\n" + BODY)
    assert "NAV006" not in ids("Startseite\n" + "\n".join(german) + "\nKontakt\n\n" + BODY)


def test_header_list_ends_at_a_long_german_item() -> None:
    """An item of six words, two of them compounds, is as long as eight English ones (over the rule's 6): no
    widget's link, and the list under the header stops above it."""
    long_item = "Bundesverkehrsministerium plant neue Geschwindigkeitsbegrenzungen ab Herbst"
    result = explain(BODY + "Categories\n" + "\n".join([*_TOPICS, long_item, *_TOPICS[:3]]) + "\n")
    taken = [d.text for d in result.decisions if d.rule_id == "NAV012"]
    assert taken == _TOPICS


def _contents(text: str) -> list[str]:
    doc = Document.from_text(text)
    rule = RuleSet.bundled().get("NAV038")
    return [b.text for b, _ in contents_list(doc.blocks, rule, frozenset(), frozenset(), **dict(rule.params))]


def test_contents_list_takes_the_label_and_the_entries_the_article_repeats() -> None:
    """A table of contents over the article: its label and every entry that stands again below as a heading."""
    text = "\n".join(
        [
            "Table of Contents",
            "1. Why it matters",
            "2. How it works",
            "Why it matters",
            "The service costs less than it did a year ago, the company said on Monday.",
            "How it works",
            "You sign up online and pay once a month.",
        ]
    )
    assert _contents(text) == ["Table of Contents", "1. Why it matters", "2. How it works"]
    assert "NAV038" in ids(text)


def test_contents_list_keeps_a_lone_label_and_unrepeated_lines() -> None:
    """The label alone, or over lines the article does not repeat, is no contents box: nothing goes."""
    assert _contents("Contents\nWhy it matters\nThe box held old letters and a key.\nHow it works\n") == []
    lone = "Table of contents\nWhy it matters\nHow it works\nThe service costs less than it did a year ago."
    assert _contents(lone) == []


def test_contents_list_keeps_the_headline_entry() -> None:
    """An entry made of the page title's words is the headline: headline-anchor may need it, so it stays."""
    text = "\n".join(
        [
            "Software Models Compared (SDLC) | Example Studio",
            "On this page",
            "Software Models Compared",
            "Waterfall",
            "Agile",
            "Software Models Compared",
            "Teams pick a model before they write any code, and the choice shapes the whole project.",
            "Waterfall",
            "Each phase ends before the next begins.",
            "Agile",
            "Work ships in short iterations.",
        ]
    )
    assert _contents(text) == ["On this page", "Waterfall", "Agile"]


def test_contents_list_entries_are_not_held_together_by_their_numbers() -> None:
    """'12 Months Out' and '11 Months Out' are two lines: without their numbers they would copy each other."""
    text = "\n".join(["Contents", "12 Months Out", "11 Months Out", "10 Months Out", PROSE])
    assert _contents(text) == []
