"""Literal pre-checks derived from patterns: a cheap test that rules a line out before the regex runs.

For a pattern, :func:`required_literals` finds a set of strings such that every match
contains at least one of them (lower-cased). A line that contains none of them cannot
match, so the matcher skips the pattern without calling the regex engine: on full-page
text most short lines are menu items that no pattern matches, and this turns a hundred
regex calls per line into one pass of an automaton and a few calls.

The analysis uses the standard library's regex parser, which shares the syntax of the
patterns our rules use (a ``\\p{…}`` class is read as ``\\w``: only literals matter here);
anything it cannot parse or prove gets no pre-check.

:class:`PatternScreen` finds which of many patterns could match a text from one
:class:`LiteralScan` of it, so a matcher holding a hundred patterns pays for one scan per
line, not a hundred searches.

>>> import regex
>>> sorted(required_literals(regex.compile(r"(?i)story continues below (?:advertisement|ad)")))
['story continues below ad']
>>> required_literals(regex.compile(r"\\p{Lu}\\w+")) is None
True
>>> sorted(LiteralScan(["share", "share this", "tweet"])("please share this story"))
['share', 'share this']
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # type: ignore[import-not-found]  # the stdlib parser exposes the tree
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from typing import Any

import ahocorasick
import regex

_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}


def _required(items: Any) -> frozenset[str] | None:
    """A set of literals one of which every match of this sequence contains, or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            candidates.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, value in items:
        if op is sre_constants.LITERAL:
            run.append(chr(value))
            continue
        close()
        found: frozenset[str] | None = None
        if op is sre_constants.SUBPATTERN:
            found = _required(value[3])
        elif op is sre_constants.BRANCH:
            branches = [_required(branch) for branch in value[1]]
            if all(branch is not None for branch in branches):
                found = frozenset().union(*(b for b in branches if b is not None))
        elif op in _REPEATS and value[0] >= 1:
            found = _required(value[2])
        elif op is getattr(sre_constants, "ATOMIC_GROUP", None):
            found = _required(value)
        if found:
            candidates.append(found)
    close()
    candidates = [c for c in candidates if c and all(c)]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))


def required_literals(pattern: regex.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased literals one of which every match of ``pattern`` contains; None when unknown."""
    try:
        tree = sre_parse.parse(_PROPERTY.sub(r"\\w", pattern.pattern), pattern.flags & regex.IGNORECASE)
    except Exception:  # syntax the stdlib parser does not know: no pre-check, never an error
        return None
    return _required(tree)


_VALUE = itemgetter(1)
"""The literal of an ``(end, literal)`` occurrence the automaton reports."""


class LiteralScan:
    """Which of a set of lower-case literals occur in a lower-cased text, found in one pass.

    An Aho-Corasick automaton (pyahocorasick, in C) reports every occurrence of every
    literal in time linear in the text, however many literals there are.
    """

    def __init__(self, literals: Iterable[str]) -> None:
        self._automaton: Any = None
        unique = set(literals)
        if unique:
            self._automaton = ahocorasick.Automaton()
            for literal in unique:
                self._automaton.add_word(literal, literal)
            self._automaton.make_automaton()

    def __call__(self, lowered: str) -> frozenset[str]:
        if self._automaton is None:
            return frozenset()
        return frozenset(map(_VALUE, self._automaton.iter(lowered)))

    def any(self, lowered: str) -> bool:
        """Whether any of the literals occurs in ``lowered``: the scan stops at the first."""
        return self._automaton is not None and next(self._automaton.iter(lowered), None) is not None


_FIRST = [0]


class PatternScreen:
    """Which of a list of patterns could match a text, from one :class:`LiteralScan` of it.

    A pattern with required literals can match only a text holding one of them; a
    pattern without (no literal set could be proved) is always a candidate.

    >>> import regex
    >>> screen = PatternScreen((regex.compile("(?i)share"), regex.compile("tweet|post"), regex.compile(r"\\d+")))
    >>> screen("share this post"), screen("hello")
    ([0, 1, 2], [2])
    """

    def __init__(self, patterns: Iterable[regex.Pattern[str]]) -> None:
        unchecked: list[int] = []
        gated_by: dict[str, set[int]] = {}
        count = 0
        for number, pattern in enumerate(patterns):
            count += 1
            literals = required_literals(pattern)
            if literals is None:
                unchecked.append(number)
            for literal in literals or ():
                gated_by.setdefault(literal, set()).add(number)
        self._unchecked = frozenset(unchecked)
        self._always = sorted(unchecked)
        self._single = count == 1
        self._gated_by = {literal: frozenset(numbers) for literal, numbers in gated_by.items()}
        self._scan = LiteralScan(gated_by)

    def __call__(self, lowered: str) -> list[int]:
        """The numbers of the patterns that may match ``lowered`` (a lower-cased text), in order (the list
        is shared: do not change it)."""
        if self._single:  # one pattern (most heuristics' anchors): any of its literals is enough to try it
            return self._always if not self._unchecked and not self._scan.any(lowered) else _FIRST
        found = self._scan(lowered)
        if not found:  # most lines: the patterns without literals, listed once
            return self._always
        return sorted(self._unchecked.union(*(self._gated_by[literal] for literal in found)))

    def possible(self, lowered: str) -> frozenset[int]:
        """The numbers of the patterns that may match ``lowered``, unordered (for a caller that filters them
        first and sorts what is left)."""
        found = self._scan(lowered)
        if not found:
            return self._unchecked
        return self._unchecked.union(*(self._gated_by[literal] for literal in found))


@lru_cache(maxsize=4096)
def pattern_screen(patterns: tuple[regex.Pattern[str], ...]) -> PatternScreen:
    """The :class:`PatternScreen` of a rule's patterns, built once."""
    return PatternScreen(patterns)
