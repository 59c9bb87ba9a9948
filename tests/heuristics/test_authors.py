"""Tests of :mod:`declutter.heuristics.authors`."""

from __future__ import annotations

from declutter import explain
from tests.heuristics import BODY, ids

BIO = "Jane Doe is the senior editor of the Daily Planet. Since joining in 2014, she has covered city hall.\n"


def test_author_box_takes_the_name_and_the_bio_that_opens_with_it() -> None:
    result = explain(f"{BODY}About the Author\n\nJane Doe\n\n@janedoe\n\n{BIO}")
    assert "Jane Doe" not in result.text
    assert "BYL008" in ids(f"{BODY}About the Author\n\nJane Doe\n\n@janedoe\n\n{BIO}")
    # The first name alone opens the bio too.
    first = "Jane joined the Daily Planet in March 2017. She has been reporting on city hall since 2009.\n"
    assert "Jane joined" not in explain(f"{BODY}Share\n\nJane Doe\n\n{first}").text


def test_author_box_needs_residue_around_it_and_prose_above_it() -> None:
    """Without removed lines beside it, a name over a sentence about that person, with more of the page below, is
    the article's."""
    assert "BYL008" not in ids(f"{BODY}Jane Doe\n\n{BIO}\nThe council will vote on the plan next week, she said.\n")
    assert "BYL008" not in ids(f"About the Author\n\nJane Doe\n\n{BIO}{BODY}")


def test_author_box_sits_below_the_article() -> None:
    """A heading over a definition that opens with it ('Blockchain' over 'Blockchain is a decentralized …') near
    the top, with more of the article under it than above, is the article's section, not an author box."""
    section = (
        "Blockchain is a decentralized digital ledger that records transactions across a network of computers.\n\n"
    )
    text = f"{BODY}Share\n\nBlockchain\n\n{section}{BODY}{BODY}"
    assert "BYL008" not in ids(text)
    assert "BYL008" in ids(f"{BODY}{BODY}Share\n\nBlockchain\n\n{section}{BODY}")


def test_author_box_leaves_an_article_that_profiles_several_people() -> None:
    profiles = "".join(
        f"{name}\n\n{name} is a {job} who has worked in the city for eleven years and lives near the river.\n\n"
        for name, job in (("Jane Doe", "nurse"), ("John Roe", "teacher"), ("Ann Poe", "farmer"))
    )
    text = f"{BODY}Share\n\n{profiles}"
    assert "BYL008" not in ids(text)
    assert "John Roe is a teacher" in explain(text).text


def test_author_box_reads_name_particles_from_the_rule() -> None:
    """'de' in 'Ana de Souza' is a name particle (BYL008's ``name_particles``), not a word that ends the name."""
    bio = "Ana de Souza is the science editor of the Daily Planet. She has covered climate since 2011.\n"
    assert "Ana de Souza is" not in explain(f"{BODY}Share\n\nAna de Souza\n\n{bio}").text
    other = "Ana mit Souza is the science editor of the Daily Planet. She has covered climate since 2011.\n"
    assert "BYL008" not in ids(f"{BODY}Share\n\nAna mit Souza\n\n{other}"), "'mit' is no particle: no name line"


def test_author_box_reads_a_byline_label_before_the_name() -> None:
    """'By Jane Doe', 'Written by Jane Doe', 'About Jane Doe' head the box as the bare name does (BYL008's
    ``name_prefixes``): the bio opens with the name after the label, never with the label."""
    for line in ("By Jane Doe", "Written by Jane Doe", "About Jane Doe"):
        text = f"{BODY}Share\n\n{line}\n\n{BIO}"
        assert "BYL008" in ids(text), line
        assert "senior editor" not in explain(text).text, line
    # The bio opens with the name, not with the label: a line that starts 'By Jane Doe' is no bio of hers.
    assert "BYL008" not in ids(f"{BODY}Share\n\nBy Jane Doe\n\nBy Jane Doe is how the letters were signed, in ink.\n")


def test_author_box_takes_a_bio_of_a_long_paragraph() -> None:
    """A bio of a hundred words or more (a freelancer's clients and books) is still one paragraph of the box."""
    bio = (
        "Jane Doe is a freelance writer living in Leeds. Over the past ten years she has written for newspapers, "
        "magazines and trade journals about food, travel and the people who make both, and she has published two "
        "books about the mills and canals of the north. When she is not writing she teaches a night class on "
        "reporting at the city college, walks the canal paths with her dog and grows more tomatoes than her "
        "family can eat. She is at work on a third book, about the river and the towns that grew up along its "
        "banks, which she hopes to finish by next spring.\n"
    )
    assert len(bio.split()) > 90
    assert "freelance writer" not in explain(f"{BODY}Share\n\nJane Doe\n\n{bio}").text


def test_author_box_reads_a_title_after_the_name() -> None:
    """'Jane Doe, Senior Editor' and 'Jane Doe, DVM' name the author before the comma; the bio opens with that name."""
    for line in ("Jane Doe, Senior Editor", "By Jane Doe, DVM"):
        assert "senior editor of the Daily Planet" not in explain(f"{BODY}Share\n\n{line}\n\n{BIO}").text, line
    # What comes before the comma must still be a name: 'In short, the editor' heads no box.
    assert "BYL008" not in ids(f"{BODY}Share\n\nIn short, the editor\n\nIn short is how the column was named.\n")


def test_author_box_takes_a_bio_that_repeats_the_title_the_box_shows() -> None:
    """A bio that restates the title shown on the name line ('Jane Doe, MD' over 'Jane Doe, MD is …') or on a line
    of its own under the name ('Senior Editor, City Desk') is the box's, removed lines beside it or not; the title's
    line goes with it."""
    on_name = "Jane Doe, MD is a pediatrician at the city hospital and has treated children for twenty years.\n"
    text = f"{BODY}Jane Doe, MD*\n\n{on_name}"
    assert "BYL008" in ids(text)
    assert "pediatrician" not in explain(text).text
    below = "Jane Doe, Senior Editor, City Desk, studied journalism in Leeds and has covered city hall since 2009.\n"
    text = f"{BODY}Jane Doe\n\nSenior Editor, City Desk\n\n{below}"
    assert "BYL008" in ids(text)
    assert "Senior Editor" not in explain(text).text
    # Above the page's last line, the untitled bio still needs a removed line beside it: the title stands for one.
    more = "The council will vote on the plan next week, she said.\n"
    assert "BYL008" not in ids(f"{BODY}Jane Doe\n\n{BIO}\n{more}")
    assert "BYL008" in ids(f"{BODY}Jane Doe\n\nSenior Editor, City Desk\n\n{below}\n{more}")


def test_author_box_leaves_a_heading_over_an_appositive_of_its_own() -> None:
    """A heading over a paragraph that opens with it, then a phrase of its own between commas ('Yosemite Falls, a
    combination of three falls, has …'), repeats no title the box shows: it is the article's section."""
    section = "Yosemite Falls, one of the tallest waterfalls in North America, has three parts that drop 739 metres.\n"
    text = f"{BODY}Yosemite Falls\n\n{section}"
    assert "BYL008" not in ids(text)
    assert "three parts" in explain(text).text


def test_author_box_that_ends_the_page_needs_no_residue_beside_it() -> None:
    """A full name over a bio that opens with it, and nothing of the page below (BYL008's ``closing_name_words``),
    is the box closing the article; a one-word heading over its paragraph there is a listicle's last item, and a
    box with prose of the article below it still needs a removed line beside it."""
    assert "BYL008" in ids(f"{BODY}Jane Doe\n\n{BIO}")
    one_word = "Yemenat is a Bay Ridge hot spot for Yemeni dishes that you would be hard-pressed to find elsewhere.\n"
    assert "BYL008" not in ids(f"{BODY}Yemenat\n\n{one_word}")
    assert "BYL008" not in ids(f"{BODY}Jane Doe\n\n{BIO}\nThe council will vote on the plan next week, she said.\n")
