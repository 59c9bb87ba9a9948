"""The literal pre-checks must never hide a match: every line a pattern matches contains one of its literals."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from declutter import RuleSet
from declutter.literals import (
    LiteralScan,
    MaskScreen,
    PatternScreen,
    _by_frequency,
    edge_chars,
    longest_match,
    most_words,
    required_literals,
)
from declutter.text import word_count


def test_bundled_patterns_never_lose_a_residue_example() -> None:
    checked = 0
    for rule in RuleSet.bundled():
        examples = [line for text in rule.examples.residue for line in text.split("\n")]
        for pattern in rule.patterns:
            literals = required_literals(pattern)
            if literals is None:
                continue
            for line in examples:
                if pattern.fullmatch(line.strip()):
                    assert any(literal in line.lower() for literal in literals), (rule.id, pattern.pattern, line)
                    checked += 1
    assert checked > 50


def test_alternations_and_optional_parts() -> None:
    assert required_literals(regex.compile(r"(?i)(?:share|tweet)[\s:]*")) == frozenset({"share", "tweet"})
    assert required_literals(regex.compile(r"(?:by )?jane")) == frozenset({"jane"})
    assert required_literals(regex.compile(r"(?:a|\w+)x?")) is None


def test_a_run_of_few_spellings_is_read_whole() -> None:
    """Adjacent parts with few spellings are screened by their combinations: 're ?:' by 're:' and 're :', not by
    're', which most lines hold; a run that can match nothing requires nothing."""
    assert required_literals(regex.compile(r"(?i)re ?: ?\S.{0,200}")) == frozenset({"re:", "re :"})
    assert required_literals(regex.compile(r"a(?: to |[-–])z")) == frozenset({"a to z", "a-z", "a–z"})
    assert required_literals(regex.compile(r"(?:x|y)?\d+")) is None
    assert required_literals(regex.compile(r"story (?:ad|advertisement)")) == frozenset({"story ad"})


def test_lookarounds_text_is_the_lines() -> None:
    """A pattern made of lookaheads (a sort menu's 'newest' and 'oldest' anywhere on the line) is screened by
    their literals; a negative one requires nothing."""
    menu = regex.compile(r"(?i)(?=.{0,300}\bnewest\b)(?=.{0,300}\boldest\b).{0,300}[^.!?]")
    assert required_literals(menu) in (frozenset({"newest"}), frozenset({"oldest"}))
    assert required_literals(regex.compile(r"(?<=by )jane")) == frozenset({"jane"})
    assert required_literals(regex.compile(r"(?!sponsored)\w+")) is None


def test_a_symbol_outranks_a_short_ascii_literal() -> None:
    """Of the sets a pattern requires, the screen asks for the one whose weakest literal is rarest: a copyright
    line's sign, not the year its lookahead wants ('19' or '20', which most lines of news hold)."""
    floor = regex.compile(r"(?i)(?=.{0,400}\b(?:19|20)\d\d\b).{0,200}(?:©|ⓒ|\(c\)|\bcopyright\b).{0,300}")
    assert required_literals(floor) == frozenset({"©", "ⓒ", "(c)", "copyright"})
    assert required_literals(regex.compile(r"(?=.*\b20\d\d\b).*(?:é|è).*")) == frozenset({"20"})  # no symbols
    assert required_literals(regex.compile(r"(?=.*\bsale\b).*(?:€|£).*")) == frozenset({"sale"})


WORDS = st.sampled_from(["share", "Share", "read more", "by", "jane", "ad", "x", " ", ":", "é"])


@given(st.lists(WORDS, min_size=1, max_size=4), st.lists(WORDS, max_size=6))
def test_any_match_contains_a_literal(parts: list[str], text_parts: list[str]) -> None:
    pattern = regex.compile("(?i)(?:" + "|".join(regex.escape(p) for p in parts) + r")(?: [a-z]+)?")
    literals = required_literals(pattern)
    text = "".join(text_parts)
    if literals is not None and pattern.fullmatch(text):
        assert any(literal in text.lower() for literal in literals)


def test_the_screen_never_hides_a_pattern_that_matches() -> None:
    checked = 0
    for rule in RuleSet.bundled():
        screen = PatternScreen(rule.patterns)
        lines = [line.strip() for text in rule.examples.residue + rule.examples.article for line in text.split("\n")]
        for line in lines:
            possible = screen(line.lower())
            for index, pattern in enumerate(rule.patterns):
                if pattern.fullmatch(line):
                    assert index in possible, (rule.id, index, line)
                    checked += 1
    assert checked > 200


@given(st.lists(st.sampled_from(["share", "share this", "hare", "this", "is", "thi", "s"]), max_size=5), st.text())
def test_the_scan_finds_every_literal_that_occurs(literals: list[str], text: str) -> None:
    assert LiteralScan(literals)(text) == {literal for literal in literals if literal in text}


def _fits(chars: frozenset[str] | None, edge: str) -> bool:
    return chars is None or not edge.isascii() or edge in chars


def test_edge_sets_never_hide_a_bundled_example() -> None:
    checked = 0
    for rule in RuleSet.bundled():
        lines = [line.strip() for text in rule.examples.residue + rule.examples.article for line in text.split("\n")]
        for pattern in rule.patterns:
            first, last = edge_chars(pattern)
            for line in lines:
                if line and pattern.fullmatch(line):
                    assert _fits(first, line[0]), (rule.id, pattern.pattern, line)
                    assert _fits(last, line[-1]), (rule.id, pattern.pattern, line)
                    checked += 1
    assert checked > 200


def test_edge_sets_follow_case_scopes_classes_and_optional_parts() -> None:
    first, last = edge_chars(regex.compile(r"(?:(?i:by)|Par)\s*:?\s*\p{Lu}\p{Ll}+\.?"))
    assert first == frozenset("bBYyP") - {"Y", "y"}
    assert last is not None
    assert {".", "z"} <= last
    assert not {"Z", " "} & last
    assert edge_chars(regex.compile(r"(?:share)?")) == (None, None)  # matches the empty line
    assert edge_chars(regex.compile(r"(a)\1")) == (frozenset("a"), None)  # a back-reference ends it: unknown
    assert edge_chars(regex.compile(r"(?!x)[^a]b"))[0] == frozenset(map(chr, range(128))) - {"a"}


PIECES = st.sampled_from(
    ["share", "Tweet", "by ", r"\d+", r"\s*", r"[.!?]?", r"\p{Lu}", r"(?i:ok)", "(?:a|bc)*", ".", "é"]
)


@given(st.lists(PIECES, min_size=1, max_size=5), st.text(alphabet="shareTwtby 0123.!?ABokOKéc", max_size=12))
def test_a_text_a_pattern_matches_fits_its_edges(pieces: list[str], text: str) -> None:
    pattern = regex.compile("".join(pieces))
    first, last = edge_chars(pattern)
    if text and pattern.fullmatch(text):
        assert _fits(first, text[0])
        assert _fits(last, text[-1])


def test_the_mask_screen_answers_as_the_pattern_screen() -> None:
    for rule in RuleSet.bundled():
        lists, masks = PatternScreen(rule.patterns), MaskScreen(rule.patterns)
        for text in rule.examples.residue + rule.examples.article:
            lowered = text.lower()
            mask = masks(lowered)
            assert {n for n in range(len(rule.patterns)) if mask >> n & 1} == lists.possible(lowered), rule.id


def test_literals_go_into_an_automaton_commonest_characters_first() -> None:
    literals = ["zebra", "the", "then", "tea", "xylophone"]
    ordered = _by_frequency(literals)
    assert sorted(ordered) == sorted(literals)
    assert ordered[0].startswith("t")
    assert ordered[-1] in ("xylophone", "zebra")


LITERALS = st.sampled_from(["share", "share this", "hare", "this", "is", "s", "zz", "a", ".", "1", "é", "x", "y"])


@given(st.lists(LITERALS, max_size=9), st.text(alphabet="share thiszay.1éx", max_size=40) | st.text())
def test_the_mask_screen_finds_every_pattern_whose_literal_occurs(words: list[str], text: str) -> None:
    """However many literals, and whether one character long (searched apart from the automaton's) or longer."""
    patterns = [regex.compile(regex.escape(word)) for word in words]
    mask = MaskScreen(patterns)(text)
    assert {n for n in range(len(words)) if mask >> n & 1} == {n for n, word in enumerate(words) if word in text}


def _bundled_matches() -> Iterator[tuple[str, regex.Pattern[str], str]]:
    """Every bundled rule's example line that one of its patterns matches whole, with the rule's id and the pattern."""
    for rule in RuleSet.bundled():
        for text in rule.examples.residue + rule.examples.article:
            for line in text.split("\n"):
                for pattern in rule.patterns:
                    if pattern.fullmatch(line):
                        yield rule.id, pattern, line


@pytest.mark.parametrize(
    ("bound", "size"), [(longest_match, len), (most_words, word_count)], ids=["longest_match", "most_words"]
)
def test_no_bundled_example_outgrows_its_pattern_s_bound(
    bound: Callable[[regex.Pattern[str]], int | None], size: Callable[[str], int]
) -> None:
    """A line a pattern matches whole is no longer (characters) and holds no more words than the pattern's bounds."""
    checked = 0
    for rule_id, pattern, line in _bundled_matches():
        most = bound(pattern)
        if most is not None:
            assert size(line) <= most, (rule_id, pattern.pattern, line)
            checked += 1
    assert checked > 50


@given(
    st.lists(st.sampled_from(["a", "b?", "[xy]{1,3}", "(?:cd|e)", r"\d{2}", "ß", r"\p{L}", "(?i)k"]), max_size=5),
    st.text(alphabet="abcdexyz0123456789ßßsSkK\u212a", max_size=12),
)
def test_a_text_a_pattern_matches_is_no_longer_than_its_longest_match(pieces: list[str], text: str) -> None:
    source = "".join(piece for piece in pieces if not piece.startswith("(?i)"))
    pattern = regex.compile(("(?i)" if "(?i)k" in pieces else "") + source + ("k" if "(?i)k" in pieces else ""))
    longest = longest_match(pattern)
    if longest is not None and pattern.fullmatch(text):
        assert len(text) <= longest


def test_most_words_counts_runs_of_word_characters() -> None:
    assert most_words(regex.compile(r"(?i)(?:share|tweet)(?: this)?[\s:.!]*")) == 2
    assert most_words(regex.compile(r"\d+ comments?")) == 2  # the optional 's' goes on the word before it
    assert most_words(regex.compile(r"[^\w\s]{0,4}\s*(?:read more)")) == 2  # a class without word characters
    assert most_words(regex.compile(r"(?:ab)+")) == 1  # repeats that touch make one run
    assert most_words(regex.compile(r"(?:a-)+")) is None  # repeats that do not: unbounded
    assert most_words(regex.compile(r".{0,5}")) == 3  # any character: a word every other one at most
    assert most_words(regex.compile(r"\p{Lu}\p{Ll}+")) == 1
    assert most_words(regex.compile(r"\P{L}+")) is None  # not letters: digits, spaces, punctuation
    assert most_words(regex.compile(r"[[:alpha:]]+ x")) is None  # POSIX classes: unknown to the parser
    assert most_words(regex.compile(r"(?a)[^\w\s]+")) is None  # an ASCII \W takes letters


@given(
    st.lists(
        st.sampled_from(
            ["a", "b?", " ", "[x ]{1,3}", "(?:cd|e)", r"\d{2}", r"\s*", r"[.-]+", r"\w+", "(?:f )+", r"\W", "é"]
        ),
        max_size=6,
    ),
    st.text(alphabet="abcdefx 0123456789.-é_", max_size=14),
)
def test_a_text_a_pattern_matches_has_no_more_words_than_its_most_words(pieces: list[str], text: str) -> None:
    pattern = regex.compile("".join(pieces))
    most = most_words(pattern)
    if most is not None and pattern.fullmatch(text):
        assert word_count(text) <= most
