"""Tests of :mod:`declutter.heuristics.sandwich`."""

from __future__ import annotations

from declutter.document import Document
from declutter.heuristics.common import Removed
from declutter.heuristics.sandwich import residue_sandwich
from tests.heuristics import BODY


def test_residue_sandwich_takes_a_short_line_between_removals_outside_the_article_only() -> None:

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


def test_residue_sandwich_leaves_label_value_rows_between_removals() -> None:
    """A game's requirements under 'Recommended:' (which a related-list rule takes) and over a 'Read more'
    button are the product's facts, as its spec table is; a short menu item in the same place still goes."""
    rows = "OS: Ubuntu 20.04\nProcessor: 4 GHz\nMemory: 16 GB RAM\nStorage: 6 GB available space\n"
    text = f"{BODY}Recommended:\n{rows}Read more\n"
    blocks = Document.from_text(text).blocks
    claimed = frozenset(b.line for b in blocks if b.text in {"Recommended:", "Read more"})
    loose = {"max_lines": 5, "max_words": 10, "min_bread": 1}  # the bundled rule's settings
    assert residue_sandwich(blocks, None, frozenset(), claimed, **loose) == []
    menu = Document.from_text(f"{BODY}Recommended:\nOur stores\nRead more\n").blocks
    claimed = frozenset(b.line for b in menu if b.text in {"Recommended:", "Read more"})
    assert [b.text for b, _ in residue_sandwich(menu, None, frozenset(), claimed, **loose)] == ["Our stores"]
