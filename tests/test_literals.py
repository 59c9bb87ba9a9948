"""The literal pre-checks must never hide a match: every line a pattern matches contains one of its literals."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from declutter import RuleSet
from declutter.literals import required_literals


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


WORDS = st.sampled_from(["share", "Share", "read more", "by", "jane", "ad", "x", " ", ":", "é"])


@given(st.lists(WORDS, min_size=1, max_size=4), st.lists(WORDS, max_size=6))
def test_any_match_contains_a_literal(parts: list[str], text_parts: list[str]) -> None:
    pattern = regex.compile("(?i)(?:" + "|".join(regex.escape(p) for p in parts) + r")(?: [a-z]+)?")
    literals = required_literals(pattern)
    text = "".join(text_parts)
    if literals is not None and pattern.fullmatch(text):
        assert any(literal in text.lower() for literal in literals)
