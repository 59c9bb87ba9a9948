"""Tests of :mod:`declutter.heuristics.panels`."""

from __future__ import annotations

from declutter import RuleSet, explain
from declutter.document import Document
from declutter.heuristics.common import Removed
from declutter.heuristics.panels import facet_list, flattened_list, footer_columns
from tests.heuristics import BODY, ids

LEGAL = ("legal",)


_COLUMNS = ["State Editions", "* Arizona", "* Ohio", "* Texas", "Offices", "* Tampa Bay", "* Washington"]
_COLUMNS += ["About Us", "* Staff", "* Funding", "* Process", "* Careers"]


def test_footer_columns_take_unknown_section_names_below_the_article() -> None:
    """Three columns of short links under the last paragraph go, whatever their words; the article stays."""
    result = explain(BODY + "\n".join(_COLUMNS) + "\n")
    assert result.text.strip() == BODY.strip()
    taken = {d.text.lstrip("* ") for d in result.decisions if d.rule_id == "NAV013"}
    assert {"State Editions", "Arizona", "Offices", "Tampa Bay", "Funding", "Process"} <= taken


def test_footer_columns_spare_a_closing_list_data_and_the_head() -> None:
    """One header's list, ingredients with quantities, and the same columns above the article all stay."""
    doc = Document.from_text(BODY + "\n".join(_COLUMNS))
    assert len(footer_columns(doc.blocks, None, frozenset(), frozenset())) == len(_COLUMNS)
    one_list = ["The budget pays for", *(f"* Item {name}" for name in "ABCDEFGHIJKL")]
    assert footer_columns(Document.from_text(BODY + "\n".join(one_list)).blocks, None, frozenset(), frozenset()) == []
    recipe = ["For the dough", "* 2 cups flour", "* 1 cup water", "* 1 tsp salt", "For the sauce", "* 3 tomatoes"]
    recipe += ["* 2 garlic cloves", "* Olive oil", "To serve", "* Fresh basil", "* 100g mozzarella", "* 1 tsp pepper"]
    assert footer_columns(Document.from_text(BODY + "\n".join(recipe)).blocks, None, frozenset(), frozenset()) == []
    # Two columns are not yet a footer, and nothing above the article's last paragraph goes.
    assert (
        footer_columns(Document.from_text(BODY + "\n".join(_COLUMNS[:8])).blocks, None, frozenset(), frozenset()) == []
    )
    assert "NAV013" not in ids("\n".join(_COLUMNS) + "\n\n" + BODY)


def test_footer_columns_spare_an_alphabetical_index() -> None:
    """A wiki's list under one-letter headings is an index, not a footer; under named headers it is columns."""
    index = ["E", "* Eiffel", "* Elixir", "* Elm", "* Erlang", "F", "* Forth", "* Fortran", "* Futhark", "G"]
    index += ["* Gleam", "* Go", "* Groovy"]
    doc = Document.from_text(BODY + "\n".join(index))
    assert footer_columns(doc.blocks, None, frozenset(), frozenset()) == []
    named = [
        "Early ones" if line == "E" else "Fast ones" if line == "F" else "Great ones" if line == "G" else line
        for line in index
    ]
    assert len(footer_columns(Document.from_text(BODY + "\n".join(named)).blocks, None, frozenset(), frozenset())) == 13
    # Plain text prints the same index with no bullets: letters in order, each over its items, still tell it.
    plain = "\n".join(line.lstrip("* ") for line in index)
    plain = plain.replace("\nF\n", "\n\nF\n").replace("\nG\n", "\n\nG\n")
    assert footer_columns(Document.from_text(BODY + plain).blocks, None, frozenset(), frozenset()) == []
    # Letters out of order are no index: a footer whose columns happen to be headed by single letters.
    shuffled = plain.replace("\nF\n", "\nZ\n")
    assert len(footer_columns(Document.from_text(BODY + shuffled).blocks, None, frozenset(), frozenset())) == 13


def test_footer_columns_spare_a_spec_tables_label_value_rows() -> None:
    """A product's spec table under its section headers is label / value rows whose values repeat a few answers
    ('Yes', 'No'), each under its own label; the same labels without their values are columns and go."""
    specs = ["Connectivity", "Wireless", "Yes", "Wired", "Yes", "Receiver", "No", ""]
    specs += ["Keycaps", "Shine Through", "Yes", "Hot Swappable", "No", "Numpad", "No", ""]
    specs += ["Software", "Cloud Sync", "No", "Macro Programming", "Yes", "Onboard Memory", "No"]
    assert footer_columns(Document.from_text(BODY + "\n".join(specs)).blocks, None, frozenset(), frozenset()) == []
    labels = [line for line in specs if line not in ("Yes", "No")] + ["Battery", "Cable"]
    doc = Document.from_text(BODY + "\n".join(labels))
    assert len(footer_columns(doc.blocks, None, frozenset(), frozenset())) == 14
    # Answers printed one under another are a poll's or a menu's options, not a table's values.
    stacked = [*labels, "Yes", "No", "Yes", "No", "Yes", "No"]
    assert footer_columns(Document.from_text(BODY + "\n".join(stacked)).blocks, None, frozenset(), frozenset())
    # Thread cards print their field labels in the template's order: a cycle, not a table's answers.
    cards = ["Similar threads", ""]
    for title, author, replies, views in (("Sanders", "Kitman", "12", "2K"), ("Tuning", "MacBoy", "1", "706")):
        cards += [title, author, f"Last: {author}", "Replies", replies, "Views", views, ""]
    cards += ["Router bits", "DanesRFun", "Last: Packard", "Replies", "3", "Views", "88"]
    assert footer_columns(Document.from_text(BODY + "\n".join(cards)).blocks, None, frozenset(), frozenset())


def test_footer_columns_take_one_column_beside_the_legal_line_unless_it_repeats() -> None:
    """Topic links over a removed privacy line go; a product box that repeats 'Buy Now' beside a disclosure stays."""
    tags = ["Donald Trump", "White House", "Ukraine", "USA", "0 Comments (+)"]
    doc = Document.from_text(BODY + "Newsletter Privacy Policy\n" + "\n".join(tags))
    legal = 8  # the privacy line, removed as legal by another rule
    claimed = Removed({legal}, {legal: "legal"})
    assert [
        b.text for b, _ in footer_columns(doc.blocks, None, frozenset(), claimed, floor_items=5, floor_categories=LEGAL)
    ] == tags
    assert (
        footer_columns(
            doc.blocks, None, frozenset(), Removed({legal}, {legal: "ad"}), floor_items=5, floor_categories=LEGAL
        )
        == []
    )
    assert footer_columns(doc.blocks, None, frozenset(), claimed) == []  # the floor is off by default
    products = ["AirPods Pro", "Buy Now", "Apple Watch", "Buy Now", "iPad Air", "Buy Now"]
    doc = Document.from_text(BODY + "We may earn a commission from links on this page\n" + "\n".join(products))
    assert footer_columns(doc.blocks, None, frozenset(), claimed, floor_items=5, floor_categories=LEGAL) == []


def test_footer_columns_floor_is_no_cookie_notice() -> None:
    """A consent banner written as a sentence is printed anywhere in a text; a product's spec lines over it stay."""
    specs = ["ESD Safe", "Magnetic", "Key Features", "Sorting, stackable", "Best Used For", "Part storage"]
    for legal, taken in (
        ("iFixit uses cookies to enhance site functionality, analyze traffic, and personalize ads.", False),
        ("© 2025 iFixit", True),
    ):
        doc = Document.from_text(BODY + "\n".join(specs) + "\n" + legal)
        line = doc.blocks[-1].line
        claimed = Removed({line}, {line: "legal"})
        hits = footer_columns(doc.blocks, None, frozenset(), claimed, floor_items=5, floor_categories=LEGAL)
        assert [b.text for b, _ in hits] == (specs if taken else []), legal


def _facets(text: str) -> list[str]:
    blocks = Document.from_text(text).blocks
    return [b.text for b, _ in facet_list(blocks, RuleSet.bundled().get("NAV022"), frozenset(), frozenset())]


SIZES = "Size\n7 (111)\n7.5 (112)\n8 (141)\n"
BRANDS = "Brand\nMerrell (12)\nSalomon (9)\nTravel (7) Travel (7 products)\nOn Running (3)\nKeen (4 items)\n"


def test_facet_list_takes_a_filters_values_and_counts() -> None:
    """Each filter's values with their counts, sizes and Shopify's doubled labels too; the headers stay."""
    assert _facets(f"{SIZES}{BRANDS}Merrell Moab 3\n$130.00") == [
        "7 (111)",
        "7.5 (112)",
        "8 (141)",
        "Merrell (12)",
        "Salomon (9)",
        "Travel (7) Travel (7 products)",
        "On Running (3)",
        "Keen (4 items)",
    ]
    # One filter alone goes when it is long enough to be no set of tabs.
    assert len(_facets(BRANDS)) == 5


def test_facet_list_leaves_cards_tabs_and_tables() -> None:
    # A category page's cards, each a block of its own, and their copy in its sidebar.
    cards = "Power Banks (158)\n\nRadios (4)\n\nCamera Accessories (10)\n\nHome Appliance (1)\n\nFans (8)\n\n"
    assert _facets(f"{cards}{SIZES}") == []
    sidebar = "Categories\nFans (8)\nRadios (4)\nPower Banks (158)\nHome Appliance (1)\nCamera Accessories (10)\n"
    assert _facets(cards + sidebar) == []
    # One short run of counts: a seller's feedback tabs.
    assert _facets("Seller feedback (805)\nThis item (1)\nAll items (805)\n") == []
    # A study's table rows (a number, then its share) and models with their years.
    rows = "Freshman 10 (11)\nSophomore 12 (14)\nJunior 10 (11)\nSenior 9 (10)\nHispanic 13 (15)\n"
    models = "Acer Nitro 16 (2023)\nAcer Chromebook 516 GE (2022)\nLenovo Legion 5 (2024)\nDell XPS 13 (2024)\n"
    assert _facets(rows + models) == []


def _flattened(text: str) -> list[int]:
    blocks = Document.from_text(text).blocks
    return [b.line for b, _ in flattened_list(blocks, None, frozenset(), frozenset())]


COUNTRIES = " ".join(["Albania Andorra Angola Anguilla Argentina Armenia Aruba Australia Austria Azerbaijan"] * 11)


def test_flattened_list_takes_a_picker_run_together_on_one_line() -> None:
    assert _flattened(f"Select your country {COUNTRIES}\nShipping to Canada takes a week.") == [0]
    assert _flattened("Book Now * " * 60) == [0]


def test_flattened_list_leaves_prose_code_tables_items_and_short_lines() -> None:
    # Prose pauses, even in title case; German capitalises its nouns, not most of its words.
    assert _flattened("The Council Met On Monday, And The Vote Was Close. " * 12) == []
    assert (
        _flattened("Die Stadt hat am Montag beschlossen dass der neue Busbahnhof im Frühjahr eröffnet wird " * 8) == []
    )
    # A chart's syntax, a timetable's rows, a list's item, and 99 words.
    assert _flattened('flowchart TD A["Slow Query"] --> B ' + COUNTRIES) == []
    assert _flattened(" ".join(f"Week {n} Rest Easy Run Tempo" for n in range(20))) == []
    assert _flattened(f"- Senior Developer Remote {COUNTRIES}") == []
    assert _flattened(" ".join(COUNTRIES.split()[:99])) == []
