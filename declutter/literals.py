"""Literal pre-checks derived from patterns: a cheap test that rules a line out before the regex runs.

For a pattern, :func:`required_literals` finds a small set of strings such that every
match contains at least one of them (lower-cased). A line that contains none of them
cannot match, so the matcher skips the pattern without calling the regex engine: on
full-page text most short lines are menu items that no pattern matches, and this turns
a hundred regex calls per line into a few substring tests.

The analysis uses the standard library's regex parser, which shares the syntax of the
patterns our rules use; anything it cannot parse (``\\p{…}``) or prove gets no pre-check.

>>> import regex
>>> sorted(required_literals(regex.compile(r"(?i)story continues below (?:advertisement|ad)")))
['story continues below ad']
>>> required_literals(regex.compile(r"\\p{Lu}\\w+")) is None
True
"""

from __future__ import annotations

import re._constants as sre_constants  # type: ignore[import-not-found]  # the stdlib parser exposes the tree
import re._parser as sre_parse  # type: ignore[import-not-found]
from typing import Any

import regex

MAX_LITERALS = 12
"""More alternatives than this make the pre-check as slow as the pattern; such patterns run unchecked."""

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
    """Lower-cased literals one of which every match of ``pattern`` contains; None when unknown or too many."""
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags & regex.IGNORECASE)
    except Exception:  # syntax the stdlib parser does not know (\\p{…}): no pre-check, never an error
        return None
    found = _required(tree)
    if found is None or len(found) > MAX_LITERALS:
        return None
    return found
