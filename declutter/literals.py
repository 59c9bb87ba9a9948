"""Literal pre-checks derived from patterns: a cheap test that rules a line out before the regex runs.

For a pattern, :func:`required_literals` finds a set of strings such that every text it
matches in contains at least one of them (lower-cased; a lookahead's literals count, as
its text is the line's). A line that contains none of them cannot
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
>>> sorted(required_literals(regex.compile(r"(?i)(?=.*\\bnewest\\b)(?=.*\\bsort\\b).{0,300}")))
['newest']
>>> sorted(LiteralScan(["share", "share this", "tweet"])("please share this story"))
['share', 'share this']
"""

from __future__ import annotations

import re
import re._constants as sre_constants  # type: ignore[import-not-found]  # the stdlib parser exposes the tree
import re._parser as sre_parse  # type: ignore[import-not-found]
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from operator import itemgetter
from typing import Any

import ahocorasick
import regex

_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, getattr(sre_constants, "POSSESSIVE_REPEAT", None)}


MAX_SPELLINGS = 16
"""The most spellings :func:`_spellings` lists for a run of a pattern: 're ?:' is 're:' or 're :', stronger for a
screen than 're' alone, while a run of several optional parts multiplies out past what is worth a screen."""


def _spellings(op: Any, value: Any) -> frozenset[str] | None:
    """Every text one item of a pattern can match, when they are few: a literal, an optional literal, a class of a
    few characters, a group or an alternation of such runs; else None.

    >>> import re._parser as p
    >>> [sorted(_spellings(*item) or ()) for item in p.parse(r"a ?[-–](?:x|yz)")]
    [['a'], ['', ' '], ['-', '–'], ['x', 'yz']]
    """
    if op is sre_constants.LITERAL:
        return frozenset({chr(value)})
    if op is sre_constants.IN and all(kind is sre_constants.LITERAL for kind, _ in value):
        return frozenset(chr(code) for _, code in value) if len(value) <= MAX_SPELLINGS else None
    if op is sre_constants.SUBPATTERN:
        return _run_spellings(value[3])
    if op is sre_constants.BRANCH:
        branches = [_run_spellings(branch) for branch in value[1]]
        if any(branch is None for branch in branches):
            return None
        union = frozenset().union(*(b for b in branches if b is not None))
        return union if len(union) <= MAX_SPELLINGS else None
    if op in _REPEATS and value[0] == 0 and value[1] == 1:
        once = _run_spellings(value[2])
        return None if once is None else once | {""}
    return None


def _run_spellings(items: Any) -> frozenset[str] | None:
    """Every text a sequence of items can match, when each item's are few and so are their combinations."""
    texts = frozenset({""})
    for op, value in items:
        spelt = _spellings(op, value)
        joined = None if spelt is None else _joined(texts, spelt)
        if joined is None:
            return None
        texts = joined
    return texts


def _joined(heads: frozenset[str], tails: frozenset[str]) -> frozenset[str] | None:
    """Every head followed by every tail, or None when they are more than :data:`MAX_SPELLINGS`."""
    texts = frozenset(head + tail for head in heads for tail in tails)
    return texts if len(texts) <= MAX_SPELLINGS else None


def _shortest_inside(texts: frozenset[str]) -> frozenset[str]:
    """The texts no other of them lies inside: a line holding 're: ' holds 're:'."""
    return frozenset(text for text in texts if not any(other != text and other in text for other in texts))


def _required(items: Any) -> frozenset[str] | None:
    """A set of literals one of which every match of this sequence contains, or None.

    Adjacent items whose spellings are few (:func:`_spellings`) are read together: every match holds one of their
    combinations ('re ?:' holds 're:' or 're :'), a stronger screen than the longest literal among them.
    """
    candidates: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})

    def close() -> None:
        nonlocal run
        if "" not in run:  # a run that can match nothing ('a?') requires nothing
            candidates.append(_shortest_inside(frozenset(text.lower() for text in run)))
        run = frozenset({""})

    for op, value in items:
        spelt = _spellings(op, value)
        if spelt is not None:
            joined = _joined(run, spelt)
            if joined is None:  # too many: the run so far is one candidate, this item starts the next
                close()
            run = joined or spelt
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
        elif op is sre_constants.ASSERT:  # a lookaround's text is the line's too, though not the match's
            found = _required(value[1])
        if found:
            candidates.append(found)
    close()
    candidates = [c for c in candidates if c and all(c)]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(map(_strength, c)), -len(c)))


def _strength(literal: str) -> int:
    """How seldom a literal occurs in text, as its length, a non-ASCII symbol counted as three characters.

    The screen asks for the strongest set of literals a pattern requires: a copyright line's '©' is rarer in
    prose than any year's '19' or '20', which a line of news holds more often than not.

    >>> _strength("20"), _strength("©"), _strength("(c)")
    (2, 3, 3)
    """
    return len(literal) + sum(2 for char in literal if char > "\x7f" and unicodedata.category(char)[0] == "S")


@lru_cache(maxsize=4096)  # a pattern is read once, whatever rule selections and screens it is part of
def required_literals(pattern: regex.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased literals one of which every match of ``pattern`` contains; None when unknown."""
    try:
        tree = sre_parse.parse(_PROPERTY.sub(r"\\w", pattern.pattern), pattern.flags & regex.IGNORECASE)
    except Exception:  # syntax the stdlib parser does not know: no pre-check, never an error
        return None
    return _required(tree)


_REPEAT = re.compile(r"\{\d*(?:,\d*)?\}")
_UNBOUNDED = int(sre_constants.MAXREPEAT)
"""A pattern whose matches can be this long is unbounded: the parser's bound of a repeat (``.*``), to which some
Python releases cap a pattern's width (3.11.2) and others add the rest of the pattern (3.11.7)."""


@lru_cache(maxsize=4096)  # a pattern is read once, whatever rule selections and screens it is part of
def longest_match(pattern: regex.Pattern[str]) -> int | None:
    """The most characters a match of ``pattern`` can span; None when that is unbounded or unknown.

    A text longer than that cannot match the whole pattern, so a matcher skips it without lower-casing or scanning
    it. Read by the standard library's parser (a ``\\p{…}`` class is one character, as ``\\w`` is), which would
    misread some of the regex module's syntax: full case folding (one character matching two), fuzzy matching
    ('(?:ad){e<=1}' matches a character more) and any brace but a repeat's give None.

    >>> [longest_match(regex.compile(p)) for p in (r"(?i)read (?:more|next)", r"\\d{1,3} comments?", r"share.*")]
    [9, 12, None]
    >>> longest_match(regex.compile(r"(?:ad){e<=1}")) is None, longest_match(regex.compile("(?f)ss")) is None
    (True, True)
    """
    if pattern.flags & (regex.FULLCASE | regex.VERSION1):
        return None
    source = _PROPERTY.sub(r"\\w", pattern.pattern)
    if "{" in _REPEAT.sub("", source):
        return None
    try:
        high = sre_parse.parse(source, pattern.flags & (regex.IGNORECASE | regex.VERBOSE)).getwidth()[1]
    except Exception:  # syntax the stdlib parser does not know: no bound, never an error
        return None
    return None if high >= _UNBOUNDED else int(high)


_ASCII = tuple(map(chr, range(128)))
_MARK = 0xF0000
"""Stand-ins for ``\\p{…}`` classes when reading a pattern's edges: plane 15 private-use code points."""

_CATEGORIES = {
    sre_constants.CATEGORY_DIGIT: r"\d",
    sre_constants.CATEGORY_NOT_DIGIT: r"\D",
    sre_constants.CATEGORY_SPACE: r"\s",
    sre_constants.CATEGORY_NOT_SPACE: r"\S",
    sre_constants.CATEGORY_WORD: r"\w",
    sre_constants.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = {sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT}

_Atom = tuple[Any, Any, bool]
"""An item that consumes one character (a literal, a class, any), with whether case is ignored where it stands."""


def _edge_seq(items: Any, ignore_case: bool, last: bool) -> tuple[list[_Atom], bool] | None:
    """The atoms that can consume the first (``last``: the final) character of a match of this sequence, and
    whether the sequence can match the empty string; None when unknown."""
    atoms: list[_Atom] = []
    for op, value in reversed(list(items)) if last else items:
        found = _edge_item(op, value, ignore_case, last)
        if found is None:
            return None
        atoms += found[0]
        if not found[1]:
            return atoms, False
    return atoms, True


def _edge_item(op: Any, value: Any, ignore_case: bool, last: bool) -> tuple[list[_Atom], bool] | None:
    if op in (sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.IN, sre_constants.ANY):
        return [(op, value, ignore_case)], False
    if op is sre_constants.SUBPATTERN:
        _, add, delete, items = value
        scoped = (ignore_case or bool(add & re.IGNORECASE)) and not delete & re.IGNORECASE
        return _edge_seq(items, scoped, last)
    if op is sre_constants.BRANCH:
        atoms: list[_Atom] = []
        empty = False
        for branch in value[1]:
            found = _edge_seq(branch, ignore_case, last)
            if found is None:
                return None
            atoms += found[0]
            empty = empty or found[1]
        return atoms, empty
    if op in _REPEATS:
        low, high, items = value
        if high == 0:
            return [], True
        found = _edge_seq(items, ignore_case, last)
        return None if found is None else (found[0], low == 0 or found[1])
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _edge_seq(value, ignore_case, last)
    if op in _ZERO_WIDTH:  # a lookaround or an anchor consumes nothing: ignoring what it asks only widens the set
        return [], True
    return None  # a back-reference or a conditional: unknown


def _char(code: int, properties: list[str]) -> str | None:
    """A class member as pattern text (a ``\\p{…}`` stand-in as the property it stands for)."""
    if code >= _MARK:
        return properties[code - _MARK] if code - _MARK < len(properties) else None
    return f"\\U{code:08x}"


def _atom_source(atom: _Atom, properties: list[str]) -> str | None:
    """The pattern text of one atom, or None for one that may match any character."""
    op, value, _ = atom
    if op is sre_constants.LITERAL:
        return _char(value, properties)
    if op is sre_constants.NOT_LITERAL:
        return None if value >= _MARK else f"[^{_char(value, properties)}]"
    if op is not sre_constants.IN:
        return None
    parts: list[str | None] = []
    for kind, member in value:
        if kind is sre_constants.NEGATE:
            parts.append("^")
        elif kind is sre_constants.LITERAL:
            parts.append(_char(member, properties))
        elif kind is sre_constants.RANGE and max(member) < _MARK:
            parts.append(f"{_char(member[0], properties)}-{_char(member[1], properties)}")
        elif kind is sre_constants.CATEGORY and member in _CATEGORIES:
            parts.append(_CATEGORIES[member])
        else:
            return None
    if None in parts:
        return None
    return "[" + "".join(part for part in parts if part is not None) + "]"


@lru_cache(maxsize=4096)  # a pattern is read once, whatever rule selections and screens it is part of
def edge_chars(pattern: regex.Pattern[str]) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """The ASCII characters a match of ``pattern`` can start with, and those it can end with (None: unknown).

    A text whose first (last) character is ASCII and not in the set cannot match the whole
    pattern: the matcher skips it without a regex call. Each edge item is tried on every
    ASCII character by the regex engine itself, with the case rule in force where it stands,
    so the sets are the engine's own answers; lookarounds and anchors are ignored (which only
    widens a set), and a pattern that can match the empty string gets no sets.

    >>> import regex
    >>> first, last = edge_chars(regex.compile(r"(?i)(?:share|tweet)(?: this)?\\s*[.!]?"))
    >>> sorted(first), sorted(c for c in last if c.isprintable())
    (['S', 'T', 's', 't'], [' ', '!', '.', 'E', 'S', 'T', 'e', 's', 't'])
    >>> edge_chars(regex.compile(r"\\p{Lu}\\w*"))[0] == frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    True
    """
    source = pattern.pattern
    if any(ord(c) >= _MARK for c in source):
        return None, None
    properties: list[str] = []

    def stand_in(found: re.Match[str]) -> str:
        properties.append(found[0])
        return chr(_MARK + len(properties) - 1)

    try:
        tree = sre_parse.parse(_PROPERTY.sub(stand_in, source), pattern.flags & regex.IGNORECASE)
    except Exception:  # syntax the stdlib parser does not know: no sets, never an error
        return None, None
    ignore_case = bool(tree.state.flags & re.IGNORECASE)
    flags = pattern.flags & ~(regex.IGNORECASE | regex.VERBOSE)
    return _edge_set(tree, ignore_case, False, properties, flags), _edge_set(tree, ignore_case, True, properties, flags)


def _edge_set(tree: Any, ignore_case: bool, last: bool, properties: list[str], flags: int) -> frozenset[str] | None:
    found = _edge_seq(tree, ignore_case, last)
    if found is None or found[1]:
        return None
    chars: set[str] = set()
    for atom in found[0]:
        source = _atom_source(atom, properties)
        matching = None if source is None else _ascii_matching(source, flags | (regex.IGNORECASE if atom[2] else 0))
        if matching is None:
            return None
        chars.update(matching)
    return frozenset(chars)


@lru_cache(maxsize=4096)  # the rules' patterns share most edge atoms ('[Ss]', '\d', '(')
def _ascii_matching(source: str, flags: int) -> frozenset[str] | None:
    """The ASCII characters the one-character pattern ``source`` matches, by the regex engine; None when it does
    not compile."""
    try:
        compiled = regex.compile(source, flags)
    except regex.error:
        return None
    return frozenset(c for c in _ASCII if compiled.fullmatch(c) is not None)


_Words = tuple[int, bool, bool, bool]
"""What :func:`most_words` knows of a piece of a pattern: the most runs of word characters a match of it holds, whether
every match that is not empty starts with a word character, whether every such match ends with one, and whether it
can match the empty string."""

_EMPTY: _Words = (0, True, True, True)
_POSIX_CLASS = re.compile(r"\[:\^?[a-z]+:\]")
_WORD_CHAR = regex.compile(r"\w")
_WORD_CATEGORIES = {sre_constants.CATEGORY_WORD: 1, sre_constants.CATEGORY_DIGIT: 1}
_NON_WORD_CATEGORIES = {sre_constants.CATEGORY_SPACE: 2, sre_constants.CATEGORY_NOT_WORD: 2}
_WORD_PROPERTIES = frozenset({"L", "Lu", "Ll", "Lt", "Lm", "Lo", "Nd"})
"""The ``\\p{…}`` classes whose every character the ``regex`` module's ``\\w`` matches (letters and decimal digits)."""
_WORD, _NON_WORD, _EITHER = 1, 2, 3


@lru_cache(maxsize=4096)  # a pattern is read once, whatever rule selections and screens it is part of
def most_words(pattern: regex.Pattern[str]) -> int | None:
    """The most words a text ``pattern`` matches whole can have (:func:`~declutter.text.word_count`); None when
    that is unbounded or unknown.

    A word of :func:`~declutter.text.word_count` starts a run of word characters (``\\w``) no earlier word reached,
    so a text has no more words than runs, and a pattern's matches no more runs than its pieces can make: a
    character class without word characters (``[\\s:.!]*``, a label's trailing punctuation) makes none however
    often it repeats, letters in a row make one. A heuristic's anchors (a share button, a list header) are a few
    words long but end in such a repeat, so :func:`longest_match` finds no bound for them, and they are asked
    about every line, paragraphs too. Read by the standard library's parser, as :func:`longest_match` is, with
    the same refusals, and an ASCII-only ``\\w`` or a POSIX class (``[[:alpha:]]``) gives None.

    >>> [most_words(regex.compile(p)) for p in (r"(?i)share(?: this)?[\\s:.!]*", r"\\d+ comments?", r"\\w+(?: \\w+)*")]
    [2, 2, None]
    >>> most_words(regex.compile(r"(?:ad){e<=1}")) is None, most_words(regex.compile(r"(?a)\\W+x")) is None
    (True, True)
    """
    if pattern.flags & (regex.FULLCASE | regex.VERSION1 | regex.ASCII | regex.LOCALE):
        return None
    source = pattern.pattern
    if (
        "{" in _REPEAT.sub("", _PROPERTY.sub("", source))
        or _POSIX_CLASS.search(source)
        or any(ord(c) >= _MARK for c in source)
    ):
        return None
    properties: list[str] = []

    def stand_in(found: re.Match[str]) -> str:
        properties.append(found[0])
        return chr(_MARK + len(properties) - 1)

    try:
        tree = sre_parse.parse(_PROPERTY.sub(stand_in, source), pattern.flags & (regex.IGNORECASE | regex.VERBOSE))
    except Exception:  # syntax the stdlib parser does not know: no bound, never an error
        return None
    if tree.state.flags & (re.ASCII | re.LOCALE):
        return None
    found = _words_seq(tree, properties)
    return None if found is None else found[0]


def _words_seq(items: Any, properties: list[str]) -> _Words | None:
    done = _EMPTY
    for op, value in items:
        item = _words_item(op, value, properties)
        if item is None:
            return None
        runs, first, last, empty = done
        # Every match of the first ending and every one of the second starting with a word character: whether or
        # not either is empty, the pair holds at most one run fewer than the two counts.
        joined = runs > 0 and last and item[0] > 0 and item[1]
        done = (
            runs + item[0] - joined,
            first and (item[1] if empty else True),
            item[2] and (last if item[3] else True),
            empty and item[3],
        )
    return done


def _words_item(op: Any, value: Any, properties: list[str]) -> _Words | None:
    kind = _char_kind(op, value, properties)
    if kind is not None:
        return (
            (1, True, True, False)
            if kind == _WORD
            else (0, False, False, False)
            if kind == _NON_WORD
            else (1, False, False, False)
        )
    if op is sre_constants.SUBPATTERN:
        return None if value[1] & (re.ASCII | re.LOCALE) else _words_seq(value[3], properties)
    if op is getattr(sre_constants, "ATOMIC_GROUP", None):
        return _words_seq(value, properties)
    if op in _ZERO_WIDTH:
        return _EMPTY
    if op is sre_constants.BRANCH:
        branches = [_words_seq(branch, properties) for branch in value[1]]
        if any(branch is None for branch in branches):
            return None
        known = [branch for branch in branches if branch is not None]
        return (
            max(b[0] for b in known),
            all(b[1] for b in known),
            all(b[2] for b in known),
            any(b[3] for b in known),
        )
    if op in _REPEATS:
        low, high, items = value
        if high == 0:
            return _EMPTY
        if high < _UNBOUNDED and len(items) == 1 and _char_kind(items[0][0], items[0][1], properties) == _EITHER:
            return (high + 1) // 2, False, False, low == 0  # any character ('.{0,40}'): a word every other one
        body = _words_seq(items, properties)
        if body is None:
            return None
        runs, first, last, empty = body
        joined = runs > 0 and first and last  # one repeat's last word character touches the next one's first
        if runs and not (joined and runs == 1):
            if high >= _UNBOUNDED:
                return None
            runs = high * runs - (high - 1) * joined
        return runs, first, last, low == 0 or empty
    return None  # a back-reference or a conditional: unknown


def _char_kind(op: Any, value: Any, properties: list[str]) -> int | None:
    """Whether an item consuming one character takes word characters, others or either; None for another item."""
    if op is sre_constants.LITERAL:
        return _code_kind(value, properties)
    if op is sre_constants.IN:
        if value and value[0][0] is sre_constants.NEGATE:
            takes_word = not any(member == (sre_constants.CATEGORY, sre_constants.CATEGORY_WORD) for member in value)
            return _EITHER if takes_word else _NON_WORD
        kind = 0
        for member, argument in value:
            if member is sre_constants.LITERAL:
                kind |= _code_kind(argument, properties)
            elif member is sre_constants.CATEGORY:
                kind |= _WORD_CATEGORIES.get(argument) or _NON_WORD_CATEGORIES.get(argument) or _EITHER
            elif member is sre_constants.RANGE and argument[1] < _MARK and argument[1] - argument[0] <= 2000:
                for code in range(argument[0], argument[1] + 1):
                    kind |= _code_kind(code, properties)
            else:
                kind = _EITHER
        return kind or _EITHER
    if op in (sre_constants.NOT_LITERAL, sre_constants.ANY):
        return _EITHER
    return None


def _code_kind(code: int, properties: list[str]) -> int:
    if code >= _MARK:  # a \p{…} stand-in
        name = properties[code - _MARK] if code - _MARK < len(properties) else ""
        return _WORD if name[1:2] == "p" and name[3:-1] in _WORD_PROPERTIES else _EITHER
    return _WORD if _WORD_CHAR.match(chr(code)) else _NON_WORD  # case variants keep a character's kind


def _by_frequency(literals: Iterable[str]) -> list[str]:
    """The literals in the order an automaton is best built in: most common characters first, at each place.

    pyahocorasick finds a trie node's child by a linear search of its children in the order they were added,
    on every character of every text scanned. Added in this order, a node's children start with the characters
    most literals go on with, and text goes on with them far more often than with a rare one: the screens of
    the bundled rules scan about an eighth faster. The set found is the same in any order.

    >>> _by_frequency(["zap", "tea", "to", "eat"])
    ['tea', 'to', 'eat', 'zap']
    """
    unique = set(literals)
    counts: dict[str, int] = {}
    for literal in unique:
        for char in literal:
            counts[char] = counts.get(char, 0) + 1
    return sorted(unique, key=lambda literal: [(-counts[char], char) for char in literal])


_VALUE = itemgetter(1)
"""The literal of an ``(end, literal)`` occurrence the automaton reports."""


class LiteralScan:
    """Which of a set of lower-case literals occur in a lower-cased text, found in one pass.

    An Aho-Corasick automaton (pyahocorasick, in C) reports every occurrence of every
    literal in time linear in the text, however many literals there are.
    """

    def __init__(self, literals: Iterable[str]) -> None:
        self._automaton: Any = None
        unique = _by_frequency(literals)
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


class MaskScreen:
    """:class:`PatternScreen`'s answer as a bit mask (bit ``n``: pattern ``n`` may match), for a caller that
    intersects it with other masks: the automaton reports each literal's mask, and the masks are ORed.

    >>> import regex
    >>> screen = MaskScreen((regex.compile("(?i)share"), regex.compile("tweet|post"), regex.compile(r"\\d+")))
    >>> bin(screen("share this post")), bin(screen("hello"))
    ('0b111', '0b100')
    """

    def __init__(self, patterns: Iterable[regex.Pattern[str]]) -> None:
        self.unchecked = 0
        masks: dict[str, int] = {}
        for number, pattern in enumerate(patterns):
            literals = required_literals(pattern)
            if literals is None:
                self.unchecked |= 1 << number
            for literal in literals or ():
                masks[literal] = masks.get(literal, 0) | 1 << number
        self._automaton: Any = None
        self._few: tuple[tuple[str, int], ...] | None = None
        self._chars: tuple[tuple[str, int], ...] = ()
        if len(masks) <= FEW_LITERALS:  # a search for each costs less than a pass of the automaton
            self._few = tuple(masks.items())
        else:
            # One-character literals ('a', '.', '1') occur many times a line: each occurrence the automaton reports
            # costs a Python loop turn, a search for each character (``memchr``) one turn a line. The automaton keeps
            # them when it has no longer literal (it cannot be built empty).
            longer = [literal for literal in masks if len(literal) > 1]
            self._chars = tuple((literal, masks[literal]) for literal in masks if len(literal) == 1 and longer)
            self._automaton = ahocorasick.Automaton()
            for literal in _by_frequency(longer or masks):
                self._automaton.add_word(literal, masks[literal])
            self._automaton.make_automaton()

    def __call__(self, lowered: str) -> int:
        """The patterns that may match ``lowered`` (a lower-cased text)."""
        mask = self.unchecked
        if self._few is not None:
            for literal, found in self._few:
                if literal in lowered:
                    mask |= found
            return mask
        for _, found in self._automaton.iter(lowered):  # unpacked in place: no per-occurrence call of a getter
            mask |= found
        for char, found in self._chars:
            if char in lowered:
                mask |= found
        return mask


FEW_LITERALS = 5
"""A :class:`MaskScreen` of this many literals or fewer searches the text for each (``str.__contains__``): a
heuristic's anchors with one or two words ('copyright', 'all rights reserved') took 1.4 us a line by the automaton,
0.8 by searches; with 10 or more literals the automaton is faster."""


@lru_cache(maxsize=4096)
def pattern_screen(patterns: tuple[regex.Pattern[str], ...]) -> PatternScreen:
    """The :class:`PatternScreen` of a rule's patterns, built once."""
    return PatternScreen(patterns)
