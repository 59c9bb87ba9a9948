"""Tests of :mod:`declutter.heuristics.captions`."""

from __future__ import annotations

from declutter import RuleSet, explain
from declutter.document import Document
from declutter.pipeline import decide
from tests.heuristics import BODY, PROSE, ids

CAPTION = "Los Angeles Lakers' LeBron James dunks during the first half of the game on Tuesday, in Los Angeles.\n\n"


def test_caption_above_credit_takes_the_sentence_over_a_bare_credit() -> None:
    text = f"{BODY}{CAPTION}Photo: Ringo H.W. Chiu, AP\n\n{BODY}"
    assert "CAP008" in ids(text)
    assert "LeBron James dunks" not in explain(text).text
    credits = ("Getty Images", "AFP via Getty Images", "Courtesy of Andrew Vaughan", "Doug Mills/The New York Times")
    for credit in credits:
        assert "LeBron James dunks" not in explain(f"{BODY}{CAPTION}{credit}\n\n{BODY}").text, credit


def test_caption_above_credit_leaves_paragraphs_headings_and_the_head() -> None:
    """A paragraph or a heading over a picture without a caption stays; so does anything above the article."""
    paragraph = PROSE.strip() + " The province said it would publish the full plan before the end of the year.\n\n"
    assert "CAP008" not in ids(f"{BODY}{paragraph}Photo: Getty Images\n\n{BODY}")
    assert "CAP008" not in ids(f"{BODY}What happens next\n\nPhoto: Getty Images\n\n{BODY}")
    assert "CAP008" not in ids(f"Storm hits the coast, and schools close early.\n\nPhoto: Getty Images\n\n{BODY}")


def test_caption_above_credit_needs_article_below_and_a_credit_nearby() -> None:
    """Under the last paragraph a credit may be the lead image's; a credit far below a line is not its caption."""
    last = "The listing ceremony is due to be held at the Hong Kong Stock Exchange next Tuesday.\n\n"
    assert "CAP008" not in ids(f"{BODY}{last}Photo: Getty Images\n")
    assert "CAP008" not in ids(f"{BODY}{CAPTION}\n\n\n\nPhoto: Getty Images\n\n{BODY}")
    # Text agencies and BBC-style credits over a caption are no anchors: an attribution, a credit that opens its block.
    assert "CAP008" not in ids(f"{BODY}{CAPTION}Reuters\n\n{BODY}")
    assert "CAP008" not in ids(f"{BODY}{CAPTION}Image copyright Getty Images\n\nImage caption Scooter Braun\n\n{BODY}")


def test_caption_above_credit_waits_for_a_pages_full_text() -> None:
    """On an extractor's output (no line rule found chrome) the line over a credit-shaped line is the text's own
    (a product's 'Smoothes hair and reduces frizz.' over 'Skin / Tattoo')."""
    doc = Document.from_text(f"{BODY}{CAPTION}Getty Images\n\n{BODY}")
    rules = [RuleSet.bundled().get("CAP008")]
    assert [d.text for d in decide(doc, rules, full_page=True)] == [CAPTION.strip()]
    assert decide(doc, rules, full_page=False) == ()


def test_caption_above_credit_counts_a_german_compound_as_two_words() -> None:
    """An article's last paragraph over a picture's credit says in 28 German words what English says in 33: a
    compound counted as two, it is over a caption's 30 words, as its English twin is; a short caption still goes."""
    paragraph = (
        "Die Ergebnisse der Überprüfung bedeuten nicht, dass Menschen mit psychischen Erkrankungen auf "
        "Standardbehandlungen wie Medikamente oder Gesprächstherapie verzichten und Bewegungsprogramme lediglich "
        "als Ergänzung betrachten sollten, betonen die Studienautoren.\n\n"
    )
    assert "CAP008" not in ids(f"{BODY}{paragraph}Foto: dpa\n\n{BODY}")
    caption = "Bundeskanzler Olaf Scholz spricht am Dienstag im Bundestag über den Haushalt.\n\n"
    assert "CAP008" in ids(f"{BODY}{caption}Foto: dpa\n\n{BODY}")


def test_caption_above_credit_reads_a_name_slash_name_line_over_its_paragraph_as_a_heading() -> None:
    """'Low-Code/No-Code Development Costs' over a paragraph about low-code costs heads it, so the list item above
    is no caption; 'Doug Mills/The New York Times' names nothing the paragraph under it says, and a credit with a
    credit word stays an anchor even when the text goes on about its source."""
    item = "Regulations & Compliance Costs – AI models must adhere to privacy laws, adding costs.\n"
    below = "Low-code platforms cut development costs for businesses that build simple applications.\n\n"
    assert "CAP008" not in ids(f"{BODY}{item}Low-Code/No-Code Development Costs\n{below}{BODY}")
    assert "CAP008" in ids(f"{BODY}{item}Doug Mills/The New York Times\n{below}{BODY}")
    assert "CAP008" in ids(f"{BODY}{item}Photo: Development Costs\n{below}{BODY}")
