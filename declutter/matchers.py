"""How each kind of rule matches: the code side of "rules are data, matchers are code".

Every function here takes blocks and rules and returns :class:`Decision` values;
none of them knows a phrase. :func:`match_patterns` runs every whole-line pattern
once per block (after one literal scan of the line); the keep, line, block and cut-off
matchers then read its :data:`Hits`. Patterns run with a ``regex`` timeout so one bad
pattern cannot hang a pipeline: it raises an error that names the rule instead.

>>> from declutter.document import Document
>>> from declutter.ruleset import RuleSet
>>> rules = RuleSet.bundled()
>>> doc = Document.from_text("Share\\n\\nShare prices fell 4% on Monday.")
>>> hits = match_patterns(doc.blocks, [rules.get("SHR001")])
>>> [d.rule_id for d in match_lines(doc.blocks, hits, frozenset())]
['SHR001']
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

import regex

from declutter.decisions import Action, Decision, decision, strip_spans
from declutter.document import Block
from declutter.errors import DeclutterError
from declutter.literals import MaskScreen, edge_chars, longest_match, most_words, pattern_screen
from declutter.rules import Kind, PerSelection, Position, Rule
from declutter.text import (
    CACHED_LINE,
    ends_like_sentence,
    is_code_shaped,
    is_prose,
    normalize,
    spec_rows,
    starts_with_bullet,
    strip_bullet,
    word_count,
)

REGEX_TIMEOUT = 0.5
"""Seconds one pattern may spend on one line before the rule is reported as too slow."""


class RuleTimeoutError(DeclutterError):
    """A pattern backtracked past :data:`REGEX_TIMEOUT` on a line."""


def timeout_error(rule: Rule, pattern: regex.Pattern[str], block: Block) -> RuleTimeoutError:
    return RuleTimeoutError(
        f"pattern {pattern.pattern!r} took over {REGEX_TIMEOUT}s on line {block.line + 1} "
        f"({len(block.raw)} characters)",
        path=rule.origin.path,
        line=rule.origin.line,
        rule_id=rule.id,
        hint="the pattern backtracks catastrophically; avoid nested quantifiers like (a+)+ "
        "and ambiguous alternations under a quantifier",
    )


def fullmatch(rule: Rule, block: Block, text: str) -> tuple[int, regex.Match[str]] | None:
    """The first of the rule's patterns that matches the whole ``text``, with its index. When ``text`` is the
    block's own, the block's word count (:func:`~declutter.text.word_count` of its text) rules out the patterns
    whose matches hold fewer words."""
    if not rule.patterns:  # a heuristic without anchors: no text to lower-case and scan
        return None
    mask = anchors_of(rule.patterns).possible(text, block.words if text is block.text else None)
    while mask:  # the set bits in rising order: the patterns in the rule's order
        lowest = mask & -mask
        mask ^= lowest
        index = lowest.bit_length() - 1
        pattern = rule.patterns[index]
        try:
            found = pattern.fullmatch(text, None, None, False, False, REGEX_TIMEOUT)
        except TimeoutError:
            raise timeout_error(rule, pattern, block) from None
        if found is not None:
            return index, found
    return None


class Anchors:
    """Which of a rule's patterns (a heuristic's anchors) may match a whole text, screened as :class:`LineMatcher`
    screens a line: those that can start and end with its first and last characters (ASCII ones, by
    :func:`~declutter.literals.edge_chars`) and whose matches can be as long as it is
    (:func:`~declutter.literals.longest_match`) and hold as many words (:func:`~declutter.literals.most_words`,
    when the text's word count is known), and of these those one of whose literals it holds (one
    :class:`~declutter.literals.MaskScreen` scan, made only when some pattern is left that a literal gates).

    >>> anchors = Anchors((regex.compile("(?i)share"), regex.compile(r"\\d+ comments")))
    >>> bin(anchors.possible("Shares")), bin(anchors.possible("4 comments")), bin(anchors.possible("SHARE"))
    ('0b0', '0b10', '0b1')
    >>> bin(anchors.possible("Share the news of the storm with everyone you know"))
    '0b0'
    >>> share, text = Anchors((regex.compile(r"(?i)share[\\s:.!]*"),)), "Share the news of the storm, please share"
    >>> bin(share.possible(text)), bin(share.possible(text, word_count(text))), bin(share.possible("Share:", 1))
    ('0b1', '0b0', '0b1')
    """

    def __init__(self, patterns: Sequence[regex.Pattern[str]]) -> None:
        edges = [edge_chars(pattern) for pattern in patterns]
        self._starts = _edge_masks([first for first, _ in edges])
        self._ends = _edge_masks([last for _, last in edges])
        self._any = (1 << len(edges)) - 1
        self._screen = MaskScreen(patterns)
        # The patterns whose matches are at most so long (:func:`~declutter.literals.longest_match`): a heuristic
        # asks its anchors about every line, paragraphs too, and a button's label is a few words long.
        self._bounded = tuple(
            (longest, 1 << n) for n, longest in enumerate(map(longest_match, patterns)) if longest is not None
        )
        # Most anchors end in a repeat of punctuation or spaces ('Share:'), so only a word count bounds them.
        self._few_words = tuple((most, 1 << n) for n, most in enumerate(map(most_words, patterns)) if most is not None)

    def possible(self, text: str, words: int | None = None) -> int:
        """The patterns that may match all of ``text``, as a bit mask (bit ``n``: pattern ``n``); ``words``: the
        text's word count (:func:`~declutter.text.word_count`), when known."""
        mask = self._starts.get(text[:1], self._any) & self._ends.get(text[-1:], self._any)
        for longest, bit in self._bounded:
            if len(text) > longest:
                mask &= ~bit
        if words is not None:
            for most, bit in self._few_words:
                if words > most:
                    mask &= ~bit
        if mask & ~self._screen.unchecked:
            mask &= self._screen(lower_cached(text))
        return mask


def lower_cached(text: str) -> str:
    """``text.lower()``, remembered for lines of :data:`CACHED_LINE` characters or fewer: a page's lines go through
    a dozen heuristics whose anchors screen the same lines again and again, and most of the lines lowered there
    are not ASCII, which ``str.lower`` walks character by character. A longer line (a text without line breaks)
    is lowered each time, so the cache holds at most 4,096 lines of 2,000 characters or fewer."""
    return _lower(text) if len(text) <= CACHED_LINE else text.lower()


@lru_cache(maxsize=4096)
def _lower(text: str) -> str:
    return text.lower()


@lru_cache(maxsize=4096)
def anchors_of(patterns: tuple[regex.Pattern[str], ...]) -> Anchors:
    """The :class:`Anchors` of a rule's patterns, built once."""
    return Anchors(patterns)


def _which(rule: Rule, index: int) -> str:
    return f"pattern {index + 1} of {len(rule.patterns)}" if len(rule.patterns) > 1 else "its pattern"


def in_scope(rule: Rule, block: Block, head_end: int) -> bool:
    """Position and size guards shared by every line-level kind."""
    return _admits(rule, block.index < head_end, block.words, len(block.text))


def _admits(rule: Rule, head: bool, words: int, chars: int) -> bool:
    """Whether a line in the head (or not) with this many words and characters passes the rule's guards."""
    if rule.position is Position.HEAD and not head:
        return False
    max_words = rule.params.get("max_words")
    if max_words is not None and words > max_words:
        return False
    max_chars = rule.params.get("max_chars")
    return max_chars is None or chars <= max_chars


def head_end(blocks: Sequence[Block]) -> int:
    """The index of the first prose block: ``head`` rules fire only above it.

    A text without a paragraph (a listing's or a shop's items, a jobs board's titles) has no head:
    what a head rule takes above an article's first paragraph (a lead picture's caption ending in its
    source) is, repeated down such a page, every item ('Acme is hiring (acme.com)').

    >>> from declutter.document import Document
    >>> head_end(Document.from_text("Harbour reopens (AP)\\n\\n" + "The harbour reopened on Monday. " * 5).blocks)
    1
    >>> head_end(Document.from_text("Acme is hiring engineers (acme.com)\\n\\n3 days ago").blocks)
    0
    """
    for block in blocks:
        if is_prose(block.text, min_words=20, words=block.words):
            return block.index
    return 0


def _drop(block: Block, rule: Rule, action: Action, reason: str) -> Decision:
    return decision(block.line, action, rule.id, rule.category, reason, 0, len(block.raw), block.raw)


def match_strips(blocks: Sequence[Block], rules: Iterable[Rule]) -> tuple[list[Decision], list[Block]]:
    """Span removals, and the blocks as later rules see them (stripped, re-normalised, emptied ones gone)."""
    strip_rules = [r for r in rules if r.kind is Kind.STRIP]
    if not strip_rules:
        return [], list(blocks)
    decisions: list[Decision] = []
    view: list[Block] = []
    first_prose = head_end(blocks)
    screens = [pattern_screen(rule.patterns) for rule in strip_rules]  # a span rule's words are not on most lines
    for position, block in enumerate(blocks):
        spans: list[tuple[int, int]] = []
        lowered = ""
        for rule, screen in zip(strip_rules, screens, strict=True):
            if not in_scope(rule, block, first_prose):
                continue
            lowered = lowered or block.raw.lower()
            echoes = rule.params.get("only_echoed")
            for index in screen(lowered):
                pattern = rule.patterns[index]
                try:
                    found = list(pattern.finditer(block.raw, None, None, False, False, False, REGEX_TIMEOUT))
                except TimeoutError:
                    raise timeout_error(rule, pattern, block) from None
                if found and echoes and not _echoed(echoes, blocks, position):
                    break
                for match in found:
                    start, end = match.span()
                    if end > start and not any(s < end and start < e for s, e in spans):
                        spans.append((start, end))
                        decisions.append(
                            decision(
                                block.line,
                                Action.STRIP,
                                rule.id,
                                rule.category,
                                f"the span matches {_which(rule, index)}",
                                start,
                                end,
                                block.raw[start:end],
                            )
                        )
        if not spans:
            view.append(block)
            continue
        text = strip_bullet(normalize(strip_spans(block.raw, spans)))
        if text:
            view.append(replace(block, text=text, words=word_count(text)))
    return decisions, view


_DIGITS = regex.compile(r"\D+")


def _amounts(patterns: Sequence[regex.Pattern[str]], text: str) -> list[str]:
    """The digits of every match of ``patterns`` in ``text``, trailing zeros dropped.

    So '$ 1,999. 00' and '$1999' are the same amount, however a shop or a converter spaced them.
    """
    return [
        _DIGITS.sub("", m.group()).rstrip("0")
        for p in patterns
        for m in p.finditer(text, None, None, False, False, False, REGEX_TIMEOUT)
    ]


def _echoed(patterns: Sequence[regex.Pattern[str]], blocks: Sequence[Block], position: int) -> bool:
    """Whether the block prints an amount twice, or one the block right above or below prints too.

    A shop prints each price once for the eye and again, labelled, for screen readers ('$114.95 Original
    price was: $114.95.'); a flattened page puts both on one line or on two lines in a row. A price with
    a label and no echo is the card's only price, and references keep some of those labels.

    >>> from declutter.document import Document
    >>> price = (regex.compile(r"\\$\\s?\\d[\\d,. ]*"),)
    >>> text = "Regular price $19.99\\n\\nRegular price Sale price $19.99\\n\\nSale price $5 Regular price $9"
    >>> doc = Document.from_text(text)
    >>> [_echoed(price, doc.blocks, n) for n in range(3)]
    [True, True, False]
    """
    own = _amounts(patterns, blocks[position].raw)
    if len(own) != len(set(own)):
        return True
    near = (blocks[n].raw for n in (position - 1, position + 1) if 0 <= n < len(blocks))
    return any(amount in own for text in near for amount in _amounts(patterns, text))


Hits = Mapping[int, tuple[tuple[Rule, int], ...]]
"""Per block line: the rules whose guards admit the line and one of whose patterns matches all of it, in rule
order, each with the index of its first such pattern. Lines without a hit are absent."""

WHOLE_LINE_KINDS = frozenset({Kind.KEEP, Kind.LINE, Kind.BLOCK, Kind.CUTOFF})
"""Kinds whose patterns match a whole line (a block rule's pattern is its start marker)."""


def match_patterns(blocks: Sequence[Block], rules: Iterable[Rule]) -> dict[int, tuple[tuple[Rule, int], ...]]:
    """The :data:`Hits` of the keep, line, block and cut-off rules: every pattern runs at most once per line."""
    return line_matcher(tuple(rules)).hits(blocks)


def match_keeps(blocks: Sequence[Block], hits: Hits) -> frozenset[int]:
    """Lines protected by keep rules: no drop, block, heuristic or cut may remove them."""
    return frozenset(
        block.line for block in blocks if any(rule.kind is Kind.KEEP for rule, _ in hits.get(block.line, ()))
    )


LEAD_IN_WORDS = 2
"""Words of a sentence ending in a colon that announces the list under it (:func:`introduced_items`)."""


def introduced_items(blocks: Sequence[Block], hits: Hits) -> frozenset[int]:
    """The items of a list the text announces: a run of 2 or more bulleted lines right under a line of
    :data:`LEAD_IN_WORDS` words or more that ends in a colon and that no rule's pattern matches, with the text
    going on below the run. The writer introduced them ('As a graphic designer, you could specialize in:' over
    '- Branding', '- Advertising', '- Illustration'; a course page's 'Topics include:' over its topics, printed
    again under its description), so none is a menu's label, however short, nor a menu's copy. No line rule
    takes them, nor a heuristic that judges short lines by their shape alone (``introduced``, see
    :data:`~declutter.heuristics.WANTS_INTRODUCED`); a related list's header ('Related articles', 'See also:')
    is a rule's match, and a region's heuristics (a comment thread, a footer) still take the region whole.

    >>> from declutter.document import Document
    >>> text = "As a graphic designer, you could specialize in:\\n- Branding\\n- Advertising\\nSalaries vary."
    >>> sorted(introduced_items(Document.from_text(text).blocks, {}))
    [1, 2]
    >>> sorted(introduced_items(Document.from_text(text.replace("\\nSalaries vary.", "")).blocks, {}))
    []
    """
    items: set[int] = set()
    n = 0
    while n < len(blocks):
        end = n + 1
        while end < len(blocks) and starts_with_bullet(blocks[end].raw):
            end += 1
        lead = blocks[n]
        if (
            end - n > 2
            and end < len(blocks)
            and lead.words >= LEAD_IN_WORDS
            and lead.text.rstrip().endswith(":")
            and not starts_with_bullet(lead.raw)
            and not hits.get(lead.line)
        ):
            items.update(block.line for block in blocks[n + 1 : end] if _has_letter(block.text))
        n = end if end > n + 1 else n + 1
    return frozenset(items)


LIST_RUN = 5
"""Bulleted lines in a run that makes it a list whose inner items stand for one another (:func:`listed_items`)."""


def listed_items(blocks: Sequence[Block], hits: Hits) -> frozenset[int]:
    """The inner items of a long list whose neighbours no rule's pattern matches: a bulleted line neither first
    nor last of a run of :data:`LIST_RUN` bulleted lines or more that each hold a letter, between two items no
    rule matched. Such a list's items are parallel (a wiki's programming languages, a podcast's episodes, an
    award's categories), so one of them that reads like a label ('- Go!', '- @Formula', '- Cg (High-Level
    Shader/Shading Language [HLSL])') is the list's own item, not a button a page printed among them; no line
    rule takes it. A menu printed as a list has its labels matched side by side ('- Sign in', '- Subscribe'), a
    user panel pairs labels with values that hold no letter ('- Messages', '- 65,334'), and a heuristic judging
    the run's shape may still take the run whole.

    Only lines some pattern matched are asked about, so the cost follows the matches, not the text.

    >>> from declutter.document import Document
    >>> text = "\\n".join(f"- {name}" for name in ("Fortran", "Gleam", "Go!", "Haskell", "Java"))
    >>> blocks, hit = Document.from_text(text).blocks, ((None, 0),)
    >>> cases = ((blocks, {2: hit}), (blocks, {1: hit, 2: hit}), (blocks[:4], {2: hit}))
    >>> [sorted(listed_items(b, hits)) for b, hits in cases]
    [[2], [], []]
    """
    items: set[int] = set()
    for line in hits:
        k = block_index(blocks, line)
        if k is None or not starts_with_bullet(blocks[k].raw):
            continue
        if k == 0 or hits.get(blocks[k - 1].line) or k + 1 == len(blocks) or hits.get(blocks[k + 1].line):
            continue
        start, end = k, k + 1
        while start > 0 and starts_with_bullet(blocks[start - 1].raw):
            start -= 1
        while end < len(blocks) and starts_with_bullet(blocks[end].raw):
            end += 1
        if start < k < end - 1 and end - start >= LIST_RUN and all(_has_letter(b.text) for b in blocks[start:end]):
            items.add(line)
    return frozenset(items)


PLAIN_ITEM_WORDS = 8
"""Words at most in a line of an unbulleted run of like items (:func:`plain_items`)."""


def plain_items(blocks: Sequence[Block], hits: Hits) -> frozenset[int]:
    """The inner items of a long unbulleted list whose neighbours no rule's pattern matches: a matched line
    neither first nor last of a run of :data:`LIST_RUN` lines or more, each unbulleted, holding a letter, of
    :data:`PLAIN_ITEM_WORDS` words at most and ending in no sentence's stop, the other lines no rule matched
    (so removing a match elsewhere never shortens the run: cleaning the output again spares the same line).
    An award's categories printed one a line ('Coffee/Tea', 'Commercial Cafe/Cafeteria', 'Commercial
    Staircase') are parallel, so the one that reads like a credit is the list's own. A menu printed without
    bullets has the same shape, so the run must be an index's: in alphabetical order, every first letter cased
    alike (:func:`_in_order`). A menu's 'Categories', 'Deals', 'Pickup & delivery', 'search' is not.

    >>> from declutter.document import Document
    >>> text = "\\n".join(("Casual Dining", "Coffee/Tea", "Commercial Cafe/Cafeteria", "Fine Dining", "Fitness"))
    >>> blocks, hit = Document.from_text(text).blocks, ((None, 0),)
    >>> cases = ((blocks, {2: hit}), (blocks, {1: hit, 2: hit}), (blocks[:4], {2: hit}))
    >>> [sorted(plain_items(b, hits)) for b, hits in cases]
    [[2], [], []]
    """
    items: set[int] = set()
    for line in hits:
        k = block_index(blocks, line)
        if k is None or not _plain_item(blocks[k]):
            continue
        start, end = k, k + 1
        while start > 0 and _unmatched_item(blocks[start - 1], hits) and _in_order(blocks[start - 1], blocks[start]):
            start -= 1
        while end < len(blocks) and _unmatched_item(blocks[end], hits) and _in_order(blocks[end - 1], blocks[end]):
            end += 1
        if start < k < end - 1 and end - start >= LIST_RUN:
            items.add(line)
    return frozenset(items)


def _unmatched_item(block: Block, hits: Hits) -> bool:
    return not hits.get(block.line) and _plain_item(block)


def _in_order(first: Block, second: Block) -> bool:
    """Whether two lines follow each other in an index's order: alphabetical, with their first letters cased alike."""
    one, two = first.text.strip(), second.text.strip()
    return one[:1].isupper() == two[:1].isupper() and one.casefold() <= two.casefold()


def _plain_item(block: Block) -> bool:
    text = block.text.rstrip()
    return (
        0 < block.words <= PLAIN_ITEM_WORDS
        and text[-1:] not in ".!?:;,"
        and not starts_with_bullet(block.raw)
        and _has_letter(text)
    )


def block_index(blocks: Sequence[Block], line: int) -> int | None:
    """The index in ``blocks`` (in line order) of the block on ``line``, or None when no block is: a hit's line
    found by bisection, not by a scan of every block.

    >>> from declutter.document import Document
    >>> blocks = Document.from_text("One\\n\\nTwo").blocks
    >>> block_index(blocks, 2), block_index(blocks, 1)
    (1, None)
    """
    k = bisect_left(blocks, line, key=_line_of)
    return k if k < len(blocks) and blocks[k].line == line else None


def _line_of(block: Block) -> int:
    return block.line


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


class LineMatcher:
    """Whole-line patterns of a list of rules, with their guards resolved once and one literal scan per line.

    Every pattern gets the literals one of which any line it matches must contain
    (:mod:`declutter.literals`); one :class:`~declutter.literals.MaskScreen` pass over
    a line tells which patterns could match it, and only those run ``fullmatch``, in
    rule order. Which rules may look at a line at all depends only on its word count,
    its length, whether it is above the first prose paragraph, and its first and last
    characters (:func:`~declutter.literals.edge_chars`): the patterns the guards admit are
    listed once per class of words, length and place, and those each ASCII character can
    start and end, as bit masks intersected with the scan's mask.
    """

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = tuple(rules)
        self._words = sorted({r.params["max_words"] for r in self.rules if r.params.get("max_words") is not None})
        self._chars = sorted({r.params["max_chars"] for r in self.rules if r.params.get("max_chars") is not None})
        self._eligible: dict[tuple[bool, int, int], int] = {}
        self._candidates: list[_Candidate] = []
        for rule in self.rules:
            requires = rule.params.get("requires", ())
            self._candidates += [(rule, index, pattern, requires) for index, pattern in enumerate(rule.patterns)]
        self._screen = MaskScreen(pattern for _, _, pattern, _ in self._candidates)
        edges = [edge_chars(pattern) for _, _, pattern, _ in self._candidates]
        self._starts = _edge_masks([first for first, _ in edges])
        self._ends = _edge_masks([last for _, last in edges])

    def _plan_for(self, head: bool, words: int, chars: int, first: str, last: str) -> int:
        """The patterns a line of this class may match, as a bit mask: its guards admit them and its first and
        last characters (ASCII ones; '' for any other) can start and end their matches (:func:`edge_chars`)."""
        key = (head, bisect_left(self._words, words), bisect_left(self._chars, chars))
        eligible = self._eligible.get(key)
        if eligible is None:
            admitted = enumerate(rule for rule, *_ in self._candidates)
            eligible = self._eligible[key] = sum(1 << n for n, rule in admitted if _admits(rule, head, words, chars))
        return eligible & self._starts[first] & self._ends[last]

    def hits(self, blocks: Sequence[Block]) -> dict[int, tuple[tuple[Rule, int], ...]]:
        """The :data:`Hits` of these rules on ``blocks``."""
        first_prose = head_end(blocks)
        found = {}
        for block in blocks:
            hits = tuple(self.matching(block, block.index < first_prose))
            if hits:
                found[block.line] = hits
        return found

    def matching(self, block: Block, head: bool) -> Iterator[tuple[Rule, int]]:
        """Each rule whose guards admit the block and one of whose patterns matches its whole text, in rule
        order, with the index of its first such pattern."""
        text = block.text
        first, last = text[:1], text[-1:]
        plan = self._plan_for(
            head, block.words, len(text), first if first < "\x80" else "", last if last < "\x80" else ""
        )
        if not plan:  # no pattern can start and end like this line: no lower-casing, no scan
            return
        lowered = lower_cached(text)
        # The patterns the line's literals allow, its guards admit and its edges fit, filtered in C before any is tried.
        mask = plan & self._screen(lowered) if plan & ~self._screen.unchecked else plan
        matched: Rule | None = None
        while mask:  # the set bits in rising order: the patterns in rule order
            lowest = mask & -mask
            mask ^= lowest
            number = lowest.bit_length() - 1
            rule, index, pattern, requires = self._candidates[number]
            if rule is matched or (requires and not any(literal in lowered for literal in requires)):
                continue  # the rule matched already, or needs a literal the line does not have
            try:
                if pattern.fullmatch(text, None, None, False, False, REGEX_TIMEOUT) is not None:
                    matched = rule
                    yield rule, index
            except TimeoutError:
                raise timeout_error(rule, pattern, block) from None


def _edge_masks(edges: Sequence[frozenset[str] | None]) -> dict[str, int]:
    """Per ASCII character, and '' for any other, the patterns (bit ``n``: pattern ``n``) whose matches can have it
    at this edge: those whose edge set holds it, and those :func:`~declutter.literals.edge_chars` found no set for.

    >>> masks = _edge_masks([frozenset("Ss"), None, frozenset("4")])
    >>> bin(masks["s"]), bin(masks["4"]), bin(masks["x"]), bin(masks[""])
    ('0b11', '0b110', '0b10', '0b111')
    """
    unknown = sum(1 << number for number, chars in enumerate(edges) if chars is None)
    masks = dict.fromkeys(map(chr, range(128)), unknown)
    for number, chars in enumerate(edges):
        for char in chars or ():
            masks[char] |= 1 << number
    masks[""] = (1 << len(edges)) - 1
    return masks


_Candidate = tuple[Rule, int, regex.Pattern[str], tuple[str, ...]]
"""A pattern with its rule, its index in the rule, and the rule's ``requires`` literals (empty: none)."""


line_matcher = PerSelection(lambda rules: LineMatcher([r for r in rules if r.kind in WHOLE_LINE_KINDS]))
"""The :class:`LineMatcher` of a rule selection's keep, line, block and cut-off rules, compiled once per selection."""


def match_lines(
    blocks: Sequence[Block], hits: Hits, protected: frozenset[int], items: frozenset[int] = frozenset()
) -> list[Decision]:
    """Whole-line drops: the first line rule whose pattern matches a block's whole text.

    No line rule takes the tail of a sentence wrapped from the line above (:func:`wrapped_tail`).

    A rule with ``item_words`` spares a match that is an item of a bulleted list (:func:`in_bullet_list`)
    when it has that many words or more ('- More on Postgres Performance by Craig Kerstiens' among a wiki's
    reading list is an entry, where a header the rule takes, '- Latest News' in a menu, is short), and a
    bulleted match whose bulleted item below ends like a sentence: a definition list's term over its
    description ('- close' over '- Fired when a connection with a WebSocket is closed.'); a menu has no
    sentences between its labels. A rule with ``unless_lead_in`` spares a match ending in a colon right above a
    bulleted item of that many words or more, the lead-in of the article's list (:func:`_introduces_items`); a
    related list's 'See also:' over its links is no rule's with it. A rule with ``unless_above`` spares a match
    right above a line one of those patterns matches whole: the heading of what follows ('FAQ' over 'How do I
    return an order?'); one with ``unless_beside`` spares a match right above or below such a line, and one
    with ``only_beside`` every match that is not (:func:`_alone`). A rule with
    ``unless_among_items`` spares a bulleted match next to a bulleted item of that many words or more that no
    rule matches (:func:`_among_items`). A rule with ``unless_heading`` spares a match whose next line, of that
    many words or more, repeats one of its words (:func:`heads_paragraph`); one with ``unless_between_prose``
    spares a match standing between two paragraphs of that many words or more (:func:`between_prose`), the
    heading of a section whatever its words. A rule with ``unless_in_code``
    spares a match within that many lines of a line of code that is no markup (:func:`in_code_sample`). A rule with
    ``unless_listed`` spares every match when it matches that many lines of the text or more: a list's entries
    each naming their author (a reading list's 'By Suzanne Lacy', a blog index's 'By Makenzie Holland • Dec. 19,
    2025'), where a page's own byline is one line. A rule with ``only_listed`` is the converse: its matches go
    only when it matches that many lines or more, furniture printed once per post ('Re: …' over each reply of a
    thread), where one such line is the text's own.
    """
    decisions = []
    listed, few = _listed(blocks, hits)
    for n, block in enumerate(blocks):
        if block.line in protected:
            continue
        for rule, index in hits.get(block.line, ()):
            if rule.kind is Kind.LINE:
                if wrapped_tail(blocks, n):
                    continue
                item_words = rule.params.get("item_words", 0)
                if item_words and (
                    (block.words >= item_words and in_bullet_list(blocks, n, items)) or _definition_term(blocks, n)
                ):
                    continue
                lead_in = rule.params.get("unless_lead_in", 0)
                if lead_in and _introduces_items(blocks, n, lead_in):
                    continue
                if _heads_what_follows(rule, blocks, n) or _beside(rule, blocks, n) or _alone(rule, blocks, n):
                    continue
                among = rule.params.get("unless_among_items", 0)
                if among and _among_items(blocks, n, among, hits):
                    continue
                heading = rule.params.get("unless_heading", 0)
                if heading and n + 1 < len(blocks) and heads_paragraph(block.text, blocks[n + 1], heading):
                    continue
                between = rule.params.get("unless_between_prose", 0)
                if between and between_prose(blocks, n, between):
                    continue
                reach = rule.params.get("unless_in_code", 0)
                if reach and in_code_sample(blocks, n, reach):
                    continue
                if rule.id in listed or rule.id in few:
                    continue
                decisions.append(_drop(block, rule, Action.DROP, f"the whole line matches {_which(rule, index)}"))
                break
    return decisions


def _listed(blocks: Sequence[Block], hits: Hits) -> tuple[frozenset[str], frozenset[str]]:
    """The ids of the line rules with ``unless_listed`` that match at least that many of the blocks' lines, and
    of those with ``only_listed`` that match fewer."""
    counts: Counter[str] = Counter()
    rules: dict[str, Rule] = {}
    for block in blocks:
        for rule, _ in hits.get(block.line, ()):
            if rule.kind is Kind.LINE and (rule.params.get("unless_listed") or rule.params.get("only_listed")):
                counts[rule.id] += 1
                rules[rule.id] = rule
    listed = frozenset(
        i for i, r in rules.items() if r.params.get("unless_listed") and counts[i] >= r.params["unless_listed"]
    )
    few = frozenset(i for i, r in rules.items() if r.params.get("only_listed") and counts[i] < r.params["only_listed"])
    return listed, few


ABOVE_REACH = 3
"""Lines below a match that ``unless_above`` reads: a heading stands over an intro line or a subheading before
the first line it heads ('FAQ' over 'Common Questions' over 'What do I need to bring?')."""


def _heads_what_follows(rule: Rule, blocks: Sequence[Block], n: int) -> bool:
    """The block at ``n`` stands above a line one of the rule's ``unless_above`` patterns matches whole, right
    below it or at most :data:`ABOVE_REACH` lines down."""
    below: Sequence[regex.Pattern[str]] = rule.params.get("unless_above") or ()
    return any(
        pattern.fullmatch(block.text, None, None, False, False, REGEX_TIMEOUT)
        for block in blocks[n + 1 : n + 1 + ABOVE_REACH]
        for pattern in below
    )


def wrapped_tail(blocks: Sequence[Block], n: int) -> bool:
    """Whether the block at ``n`` ends the sentence of the line right above it: a text wrapped at a fixed width
    (a man page, a docs page's source) breaks a sentence anywhere, and its last words ('email address.',
    'comments.', 'flag.') can read as a label. The tail opens in lower case and ends like a sentence, in four
    words or fewer, under a line of six words or more that stops mid-sentence; a label under a headline or a
    sentence opens its own line.

    >>> from declutter.document import Document
    >>> wrapped = Document.from_text("- SMTPHandler instances send messages to a designated\\nemail address.").blocks
    >>> label = Document.from_text("The council approved the budget on Monday.\\nemail address.").blocks
    >>> wrapped_tail(wrapped, 1), wrapped_tail(label, 1)
    (True, False)
    """
    text = blocks[n].text.strip()
    if n == 0 or blocks[n - 1].line != blocks[n].line - 1 or blocks[n].words > 4:
        return False
    if not (text[:1].islower() and ends_like_sentence(text) and not text.endswith("..")):
        return False
    above = blocks[n - 1].text.rstrip()
    return blocks[n - 1].words >= 6 and (above[-1:].isalpha() or above.endswith(","))


def _beside(rule: Rule, blocks: Sequence[Block], n: int) -> bool:
    """The block at ``n`` stands right above or below a line one of the rule's ``unless_beside`` patterns matches
    whole: a line of the same block of facts (an e-mail address under a clinic's phone number)."""
    return _next_to(rule.params.get("unless_beside") or (), blocks, n)


def _alone(rule: Rule, blocks: Sequence[Block], n: int) -> bool:
    """The rule has ``only_beside`` patterns and the block at ``n`` stands neither right above nor right below a
    line one of them matches whole: a poster's 'Location: SIN' goes between his 'Join Date: Aug 2008' and 'Posts:
    1,077', an event's 'Location: Town hall' among its own facts stays."""
    beside: Sequence[regex.Pattern[str]] = rule.params.get("only_beside") or ()
    return bool(beside) and not _next_to(beside, blocks, n)


def _next_to(patterns: Sequence[regex.Pattern[str]], blocks: Sequence[Block], n: int) -> bool:
    """Whether one of ``patterns`` matches the whole line right above or right below the block at ``n``."""
    near = (*blocks[max(0, n - 1) : n], *blocks[n + 1 : n + 2])
    return any(pattern.fullmatch(b.text, None, None, False, False, REGEX_TIMEOUT) for pattern in patterns for b in near)


def _among_items(blocks: Sequence[Block], n: int, words: int, hits: Hits) -> bool:
    """The block at ``n`` is bulleted next to a bulleted item of ``words`` words or more that no rule matches:
    an item of the article's own list ('- Watch' over '- GPS or GPS phone app with maps downloaded for offline
    use' in a packing list, '- Video: 4K/30p with no crop' among a camera's specs). A player's or a menu's
    labels stand among more labels, a teaser among more teasers."""
    if not starts_with_bullet(blocks[n].raw):
        return False
    near = (*blocks[max(0, n - 1) : n], *blocks[n + 1 : n + 2])
    return any(starts_with_bullet(b.raw) and b.words >= words and not hits.get(b.line) for b in near)


_STEM_WORD = regex.compile(r"[^\W\d_]{4,}")


def _stems(text: str) -> set[str]:
    """The first five letters of each word of four letters or more, lower-cased: 'Hybrids' and 'hybrid' meet."""
    return {word.lower()[:5] for word in _STEM_WORD.findall(text)}


def heads_paragraph(text: str, below: Block, words: int) -> bool:
    """Whether a line is the heading of the line below it: that line has ``words`` words or more and repeats
    one of the line's words. A heading names what its paragraph talks about; a photo credit ('Doug Mills/The
    New York Times') names nothing the caption or paragraph under it says.

    >>> below = Block(0, 1, "", "We built a quick suspend / resume feature into the console.", 11)
    >>> heads_paragraph("Fast Suspend / Resume", below, 5), heads_paragraph("Doug Mills/Reuters", below, 5)
    (True, False)
    """
    return below.words >= words and bool(_stems(text) & _stems(below.text))


def between_prose(blocks: Sequence[Block], n: int, words: int) -> bool:
    """Whether the block at ``n`` stands between two paragraphs: the line above has ``words`` words or more
    and ends like a sentence, the line below has ``words`` words or more. Such a line breaks the text into
    sections, a heading whatever its words ('DISCUSSION' over the paper's discussion, 'Privacy' over a
    provider's data policy); a menu's or a footer's label stands among more labels, and a widget's header
    over its links.

    >>> from declutter.document import Document
    >>> section = Document.from_text(
    ...     "The trial enrolled 30 adults with depression over ten weeks.\\nDISCUSSION\\n"
    ...     "Exercise has been shown to ease the symptoms of depression in many groups."
    ... ).blocks
    >>> menu = Document.from_text("The trial enrolled 30 adults with depression.\\nComments\\nShare").blocks
    >>> between_prose(section, 1, 8), between_prose(menu, 1, 8)
    (True, False)
    """
    if n == 0 or n + 1 >= len(blocks):
        return False
    above, below = blocks[n - 1], blocks[n + 1]
    return above.words >= words and ends_like_sentence(above.text) and below.words >= words


_MARKUP_START = regex.compile(r"\s*(?:<|&lt;|/\*|\*/|\?>|-->)")


def in_code_sample(blocks: Sequence[Block], n: int, reach: int) -> bool:
    """Whether the block at ``n`` has, within ``reach`` lines, a line of code that is no markup: a bracket, a
    statement, a template tag. Markup inside such code is part of a sample in another language (JSX's
    '<div>' under 'return (', a Django template's '<div class="fieldWrapper">' over '{{ field.errors }}',
    PHP's '<?php'); markup a page leaked (an editor's bookmark span, an ad's tags) stands alone or among
    more markup.

    >>> from declutter.document import Document
    >>> sample = Document.from_text("return (\\n  <div className='card'>\\n);").blocks
    >>> leak = Document.from_text("The story ends here.\\n<div class='ad'>\\n</div>").blocks
    >>> in_code_sample(sample, 1, 2), in_code_sample(leak, 1, 2)
    (True, False)
    """
    lines = (*blocks[max(0, n - reach) : n], *blocks[n + 1 : n + 1 + reach])
    return any(is_code_shaped(b.raw) and not _MARKUP_START.match(b.raw) for b in lines)


def _follow_patterns(rule: Rule, start: regex.Match[str]) -> list[regex.Pattern[str]]:
    """Continuation patterns with ``{group}`` filled by the start match's named groups (escaped)."""
    groups = {name: regex.escape(value or "") for name, value in start.groupdict().items()}
    patterns = []
    for template in rule.params["follow"]:
        filled = regex.sub(r"\{(\w+)\}", lambda m: groups.get(m[1], m[0]), template)
        patterns.append(regex.compile(filled, rule.patterns[0].flags))
    return patterns


def match_blocks(
    blocks: Sequence[Block], rules: Iterable[Rule], hits: Hits, protected: frozenset[int], claimed: set[int]
) -> list[Decision]:
    """Start-marker blocks: the start line and the following lines that continue it.

    A rule with ``unless_listed`` spares all its blocks when it finds that many or more: a list's entries each
    naming their author ('by' over 'Suzanne Collins' under each book of a reading list), where a page's own
    byline is one block (as ``unless_listed`` for line rules, :func:`match_lines`).
    """
    decisions = []
    block_rules = [r for r in rules if r.kind is Kind.BLOCK]
    # Only lines with a hit can start a block: visit those instead of every line, once per rule.
    starts = [n for n, block in enumerate(blocks) if block.line in hits] if block_rules else []
    for rule in block_rules:
        runs = _block_runs(blocks, rule, hits, protected, starts)
        listed = rule.params.get("unless_listed", 0)
        if listed and len(runs) >= listed:
            continue
        for index, run in runs:
            block = run[0]
            for member in run:
                if member.line not in claimed:
                    where = "starts here" if member is block else f"continues the block from line {block.line + 1}"
                    decisions.append(_drop(member, rule, Action.DROP, f"block {where} (pattern {index + 1})"))
                    claimed.add(member.line)
    return decisions


def _block_runs(
    blocks: Sequence[Block], rule: Rule, hits: Hits, protected: frozenset[int], starts: Sequence[int]
) -> list[tuple[int, list[Block]]]:
    """The block rule's runs in text order, each with the index of the pattern that starts it: the start line
    and the lines that continue it, none overlapping the one before."""
    runs: list[tuple[int, list[Block]]] = []
    free = 0  # the first position no earlier block of this rule has taken
    for position in starts:
        block = blocks[position]
        index = next((n for hit, n in hits.get(block.line, ()) if hit is rule), None)
        if position < free or index is None or block.line in protected:
            continue
        # Match the start pattern again for its groups, which fill the follow templates.
        start = rule.patterns[index].fullmatch(block.text)
        assert start is not None, "the hits table says this pattern matches the line"
        follow = _follow_patterns(rule, start)
        run = [block]
        for following in blocks[position + 1 : position + 1 + rule.params["max_lines"]]:
            if following.line in protected:
                break
            try:
                continues = any(p.search(following.text, None, None, False, False, REGEX_TIMEOUT) for p in follow)
            except TimeoutError:
                raise timeout_error(rule, follow[0], following) from None
            if not continues:
                break
            run.append(following)
        if len(run) - 1 < rule.params["min_lines"]:
            continue  # a start marker without enough continuation lines is not this rule's block
        runs.append((index, run))
        free = position + len(run)
    return runs


def inside_bullets(blocks: Sequence[Block], n: int, items: frozenset[int] = frozenset()) -> bool:
    """The block at ``n`` is bulleted and so are the blocks right above and below it: an item of a list.
    ``items`` are the lines an HTML page wrote as ``<li>``, bulleted though their text has no bullet."""
    return 0 < n < len(blocks) - 1 and all(
        block.line in items or starts_with_bullet(block.raw) for block in blocks[n - 1 : n + 2]
    )


def in_bullet_list(blocks: Sequence[Block], n: int, items: frozenset[int] = frozenset()) -> bool:
    """The block at ``n`` is bulleted and so is a block right above or below it: an item of a list, its first
    and last items included (a card list's first question under its unbulleted header). ``items`` are the
    lines an HTML page wrote as ``<li>``, bulleted though their text has no bullet.

    >>> from declutter.document import Document
    >>> doc = Document.from_text("Reading\\n\\nTuning by Greg Smith\\n\\nMore on Postgres by Craig Kerstiens")
    >>> in_bullet_list(doc.blocks, 2), in_bullet_list(doc.blocks, 2, frozenset({2, 4}))
    (False, True)
    """

    def bulleted(block: Block) -> bool:
        return block.line in items or starts_with_bullet(block.raw)

    if not bulleted(blocks[n]):
        return False
    return (n > 0 and bulleted(blocks[n - 1])) or (n + 1 < len(blocks) and bulleted(blocks[n + 1]))


def _definition_term(blocks: Sequence[Block], n: int) -> bool:
    """The block at ``n`` is a bulleted item over a bulleted sentence: a definition list's term over its description."""
    return (
        n + 1 < len(blocks)
        and starts_with_bullet(blocks[n].raw)
        and starts_with_bullet(blocks[n + 1].raw)
        and ends_like_sentence(blocks[n + 1].text)
    )


def _introduces_items(blocks: Sequence[Block], n: int, words: int) -> bool:
    """The block at ``n`` ends in a colon right above a bulleted item of ``words`` words or more: the lead-in of
    the article's list ('… delivering weekly summaries to your inbox, covering:' over '- Finance: markets, macro
    updates, earnings, and risk signals'); a pitch's 'Follow us on:' or 'Sign up to get:' leads into short labels."""
    return (
        blocks[n].text.rstrip().endswith(":")
        and n + 1 < len(blocks)
        and starts_with_bullet(blocks[n + 1].raw)
        and blocks[n + 1].words >= words
    )


def _an_item_label(blocks: Sequence[Block], n: int) -> bool:
    """The block at ``n`` labels items, not a tail: a copy of its text (case aside) stands further down, or two
    stand above it (a field printed on three cards or more)."""
    text = blocks[n].text.casefold()
    same = [block.text.casefold() == text for block in blocks]
    return any(same[n + 1 :]) or sum(same[:n]) >= 2


def _over_spec_rows(blocks: Sequence[Block], n: int, claimed: set[int]) -> bool:
    """The first unclaimed lines below the block at ``n`` are 'Label: value' rows (see :func:`spec_rows`)."""
    if n + 1 >= len(blocks) or ":" not in blocks[n + 1].text:
        return False
    below = [b.text for b in blocks[n + 1 : n + 17] if b.line not in claimed][:8]
    return spec_rows(below)


_TAIL_SENTENCE = 6
"""Below a tail marker, a line of this many words with a sentence ending is the article going on: German says in 7
words what English says in 9, and an article's short closing sentences under an inline 'Mehr zum Thema' box are
not prose paragraphs of 12 words, but they are no tail either."""


_CARD_FIELD = 3
"""A removed line printed this many times is a field of the cards above a tail marker ('Show Options' under each
product): its card is content that has run, whether or not its control stays."""


def match_cutoffs(
    blocks: Sequence[Block],
    rules: Iterable[Rule],
    hits: Hits,
    protected: frozenset[int],
    claimed: set[int],
    items: frozenset[int] = frozenset(),
) -> list[Decision]:
    """The earliest tail marker whose guards hold, and every unclaimed block from it on.

    Guards: at least ``min_words_before`` words of unremoved text above the marker (the article has run; a
    removed line printed :data:`_CARD_FIELD` times or more counts, since its cards have run whether or not a rule
    took each card's control, but only where a kept line stands between it and its last copy: a mega-menu's 'Shop
    All' under each column is printed as often with nothing kept between, and no card has run), and at most
    ``max_prose_after`` words of unremoved sentences below it (nothing that reads like the article follows: lines
    of :data:`_TAIL_SENTENCE` words or more that end like a sentence). A marker that is an item inside a bulleted list
    (the lines right above and below it carry a bullet too: '- More on Postgres performance by …' in a wiki's
    reading list; in HTML mode, ``items``, the lines the page wrote as ``<li>``) is one of that list's entries, not
    a header opening a tail; and a marker whose line is printed
    again further down ('Sponsored' under each promoted card of a shop's grid) labels an item, not the tail: the
    tail starts at its last copy, unless two copies stand above that one too: a label printed on three cards or
    more is a card's field ('Featured' on a jobs board's first cards), and the cards go on below its last copy.
    Nor does a marker over a spec sheet ('Recommended:' over 'OS: Windows 10', 'Memory: 8 GB RAM'): those rows
    are the product's. Above a marker with fewer than ``min_prose_before`` words of prose paragraphs (no article
    has run: a shop's page of menus, filters and cards), the tail may hold at most ``max_tail_ratio`` times the
    unremoved words above it: a grid of 3,000 words under a 'Sponsored' banner near the top is the page, a
    product page's 'More from …' carousel and footer under its name, price and specs is not.
    """
    cut_rules = [r for r in rules if r.kind is Kind.CUTOFF]
    if not cut_rules:
        return []
    markers = [
        n for n, block in enumerate(blocks) if any(rule.kind is Kind.CUTOFF for rule, _ in hits.get(block.line, ()))
    ]
    if not markers:
        return []  # most texts: no tail marker, nothing to count
    # Running word counts as machine integers: a list would hold an int object for each line.
    words_before = array("q", [0]) * (len(blocks) + 1)
    fields = Counter(block.text for block in blocks if block.line in claimed)
    last_copy: dict[str, int] = {}  # per removed text, where it was printed last
    last_kept = -1
    for n, block in enumerate(blocks):
        if block.line not in claimed:
            counted = block.words
            last_kept = n
        else:
            # A field's copy counts when a card's kept lines stand between it and the last copy: a menu's
            # 'Shop All' under each of its columns is printed as often, with nothing kept between.
            card = fields[block.text] >= _CARD_FIELD and last_kept > last_copy.get(block.text, -1)
            counted = block.words if card else 0
            last_copy[block.text] = n
        words_before[n + 1] = words_before[n] + counted
    prose_before = array("q", [0]) * (len(blocks) + 1)
    for n, block in enumerate(blocks):
        counted = block.words if block.line not in claimed and is_prose(block.text, words=block.words) else 0
        prose_before[n + 1] = prose_before[n] + counted
    prose_after = array("q", [0]) * (len(blocks) + 1)
    for n in range(len(blocks) - 1, -1, -1):
        block = blocks[n]
        counted = (
            block.words if block.line not in claimed and is_prose(block.text, _TAIL_SENTENCE, words=block.words) else 0
        )
        prose_after[n] = prose_after[n + 1] + counted
    for n in markers:
        block = blocks[n]
        if block.line in protected or inside_bullets(blocks, n, items) or _over_spec_rows(blocks, n, claimed):
            continue
        for rule, _ in hits.get(block.line, ()):
            if rule.kind is not Kind.CUTOFF:
                continue
            before, after = words_before[n], prose_after[n + 1]
            if before < rule.params["min_words_before"] or after > rule.params["max_prose_after"]:
                continue
            tail = words_before[-1] - words_before[n + 1]
            if prose_before[n] < rule.params["min_prose_before"] and tail > rule.params["max_tail_ratio"] * before:
                continue
            if _an_item_label(blocks, n):
                break
            reason = (
                f"tail cut at line {block.line + 1} ({block.text[:40]!r}): {before} words above, "
                f"{after} prose words below"
            )
            return [
                _drop(member, rule, Action.CUT, reason)
                for member in blocks[n:]
                if member.line not in claimed and member.line not in protected
            ]
    return []
