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
    """Without removed lines beside it, a name over a sentence about that person is the article's."""
    assert "BYL008" not in ids(f"{BODY}Jane Doe\n\n{BIO}")
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
