"""Tests of :mod:`declutter.heuristics.repeats`."""

from __future__ import annotations

from declutter import explain
from tests.heuristics import BODY, ids

HEAD = "Storm hits the coast, and schools close early\n\n"


def test_residue_copy_takes_the_copy_of_a_removed_line() -> None:
    """'Opinion Lab' is a menu item the menu rule takes in the header; its copy in the footer goes too."""
    menu = "Skip to content\n\nHome\n\nOpinion Lab\n\nSign in\n\nSubscribe\n\n"
    text = f"Storm hits the coast - The Daily Planet\n\n{menu}{HEAD}{BODY}Weather desk\n\nOpinion Lab\n"
    assert "Opinion Lab" not in explain(text).text
    assert "SUR002" in ids(text)
    assert "Weather desk" in explain(text).text, "a footer line that repeats nothing stays"


def test_residue_copy_never_takes_the_headline() -> None:
    """A teaser list that repeats the headline was removed; the headline above the article stays."""
    teasers = "More stories\n\nStorm hits the coast, and schools close early\n\nFire crews battle blaze on the pier\n\n"
    teasers += "Why the bridge closed again this week\n\nFive things to do in the city this weekend\n\n"
    text = f"{HEAD}{BODY}{teasers}"
    result = explain(text)
    assert result.text.startswith("Storm hits the coast, and schools close early")
    assert "Fire crews battle" not in result.text, "the teaser list itself is removed (REL001)"
    assert "SUR002" not in ids(text)


def test_residue_copy_leaves_short_copies_inside_the_article() -> None:
    """Between the paragraphs a short copy may be the article's own: a heading that repeats a menu item."""
    menu = "Skip to content\n\nHome\n\nOpinion Lab\n\nSign in\n\nSubscribe\n\n"
    text = f"Storm hits the coast - The Daily Planet\n\n{menu}{HEAD}{BODY}Opinion Lab\n\n{BODY}"
    assert "SUR002" not in ids(text)
    assert "\nOpinion Lab\n" in explain(text).text


def test_residue_copy_leaves_one_copy_of_label_value_rows() -> None:
    """A shop prints a product's facts twice (a summary box and its details); when a rule took one copy, the
    other is the product's and stays; a copied line that is no such row still goes."""
    from declutter.document import Document
    from declutter.heuristics.repeats import residue_copy

    rows = "Product code: ALD-00601\nUPC: 722325006016\nPackage quantity: 148 g\n"
    text = f"{HEAD}{BODY}{rows}Contact\nOur stores\nDetails\n{rows}Our stores\n"
    blocks = Document.from_text(text).blocks
    details = next(b.index for b in blocks if b.text == "Details")
    lower = frozenset(b.line for b in blocks[details + 1 :])  # a menu rule took the second copy
    assert [b.text for b, _ in residue_copy(blocks, None, frozenset(), lower)] == ["Our stores"]


def test_residue_copy_leaves_the_headings_a_table_of_contents_repeats() -> None:
    """contents-list (NAV038) takes a table of contents because its entries repeat the article's later headings;
    those headings are the article's, and residue-copy (``spare_copies_of``) leaves them between the paragraphs."""
    prose = [
        "The river rises every spring when the snow melts in the hills above the town, and the low streets flood.",
        "Its banks were built up after the great flood of 1952, and the town's records show every repair since.",
        "Engineers now say the old walls are too low for the storms the valley has seen in the last ten years.",
        "The council will vote on the plan in March, after a public hearing at the library on the last Monday.",
    ]
    heads = [
        "Why the river floods the low streets every single spring",
        "How the town built its walls after the great flood",
        "What the engineers now want the council to pay for",
    ]
    contents = "Table of contents\n\n" + "".join(f"- {head}\n" for head in heads) + "\n"
    text = f"{prose[0]}\n\n{contents}" + "".join(
        f"{head}\n\n{para}\n\n" for head, para in zip(heads, prose[1:], strict=True)
    )
    result = explain(text)
    assert "- How the town built its walls" not in result.text, "the contents' entries go (NAV038)"
    assert all(f"\n{head}\n" in result.text for head in heads)
    assert "SUR002" not in ids(text)
