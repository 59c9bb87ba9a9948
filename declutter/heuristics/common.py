"""What the heuristics share: the hit type, article paragraphs, residue, prose counts and title echoes.

Helpers live here once two heuristics need the same answer, so that a fix to "how much
article prose lies above this line" or "is this line the page title again" lands everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import regex

from declutter.document import Block
from declutter.matchers import fullmatch
from declutter.rules import Rule
from declutter.text import is_prose

Hit = tuple[Block, str]
"""A line a heuristic removes, with the reason shown by ``explain``."""


class Removed(frozenset[int]):
    """The lines earlier rules removed, with the category each was removed as (``categories``).

    The pipeline hands heuristics this set as ``claimed``; it is a plain frozenset to every
    heuristic that only asks whether a line went, and tells the few that need it what kind of
    residue went there (a share bar and a comment form end an article; a gallery's captions do not).

    >>> removed = Removed({3, 4}, {3: "share", 4: "caption"})
    >>> 3 in removed, removed.categories[4], category_of(frozenset({3}), 3)
    (True, 'caption', None)
    """

    __slots__ = ("categories",)

    categories: Mapping[int, str]

    def __new__(cls, lines: set[int] | frozenset[int], categories: Mapping[int, str]) -> Removed:
        removed = super().__new__(cls, lines)
        removed.categories = categories
        return removed


def category_of(claimed: frozenset[int], line: int) -> str | None:
    """The category ``line`` was removed as, when ``claimed`` is a :class:`Removed` that knows it."""
    return claimed.categories.get(line) if isinstance(claimed, Removed) else None


Heuristic = Callable[..., list[Hit]]
"""``heuristic(blocks, rule, protected, claimed, **rule.params)``: ``claimed`` holds the lines earlier rules
removed, ``protected`` those keep rules save; the pipeline drops neither again, so a heuristic may return them."""


def is_paragraph(block: Block, claimed: frozenset[int], min_words: int) -> bool:
    """An article paragraph: prose of ``min_words`` words or more that no other rule removed.

    The article's paragraphs are the landmarks residue is placed by (above the first, below the last);
    prose another rule took (a cookie notice, a newsletter pitch) is no landmark.
    """
    return block.line not in claimed and is_prose(block.text, min_words=min_words, words=block.words)


def paragraph_positions(blocks: Sequence[Block], claimed: frozenset[int], min_words: int) -> list[int]:
    """The positions in ``blocks`` of every article paragraph (:func:`is_paragraph`), in order."""
    return [position for position, b in enumerate(blocks) if is_paragraph(b, claimed, min_words)]


def first_paragraph(blocks: Sequence[Block], claimed: frozenset[int], min_words: int) -> int | None:
    """The position in ``blocks`` of the first article paragraph (:func:`is_paragraph`), or None."""
    return next((position for position, b in enumerate(blocks) if is_paragraph(b, claimed, min_words)), None)


def is_residue(rule: Rule | None, block: Block, claimed: frozenset[int]) -> bool:
    """A line other rules removed, or one the heuristic's own anchor patterns match (a share bar).

    In the pipeline the anchors are usually taken by other rules already; matching them here
    lets a heuristic's rule examples run with that rule alone.
    """
    return block.line in claimed or (rule is not None and fullmatch(rule, block, block.text) is not None)


def prose_words_before(blocks: Sequence[Block], claimed: frozenset[int] = frozenset()) -> list[int]:
    """For each block, the words of prose paragraphs above it, leaving out the lines in ``claimed``.

    A list header, a comment thread or an author box is residue only below the article, so several
    heuristics guard on how much article prose lies above a line. Pass ``claimed`` when prose that
    other rules removed (a cookie notice above the menu) must not count as article.

    >>> from declutter.document import Document
    >>> doc = Document.from_text("Menu\\nThe council voted on Tuesday to close two schools in the east.\\nMore")
    >>> prose_words_before(doc.blocks), prose_words_before(doc.blocks, frozenset({1}))
    ([0, 0, 12], [0, 0, 0])
    """
    totals, running = [], 0
    for block in blocks:
        totals.append(running)
        if block.line not in claimed and is_prose(block.text, words=block.words):
            running += block.words
    return totals


_TITLE_TOKEN = regex.compile(r"\w+")


_TITLE_SEPARATOR = regex.compile(r"\s*[|–—:»·•/-]")


def _title_tokens(text: str) -> list[str]:
    """The lower-cased word tokens of a title ('Storm – hits coast!' and 'Storm - hits coast' agree)."""
    return _TITLE_TOKEN.findall(text.lower())


def is_title_echo(page_title: str, headline: str, min_words: int) -> bool:
    """Whether ``headline`` is the page title, or the page title without a site name after or before a separator.

    >>> is_title_echo("Storm hits coast, schools close - Daily Planet", "Storm hits coast, schools close", 4)
    True
    >>> is_title_echo("Daily Planet | Storm hits coast, schools close", "Storm hits coast, schools close", 4)
    True
    >>> is_title_echo("Storm hits coast, schools close early", "Storm hits coast, schools close", 4)
    False
    >>> is_title_echo("Storm hits coast, schools close | Daily Planet News Site", "Daily Planet News Site", 4)
    False
    """
    head, title = _title_tokens(headline), _title_tokens(page_title)
    # The headline is the longer part of the title: 'Headline | Site' does not echo as 'Site' (a logo line).
    if len(head) < min_words or len(head) > len(title) or 2 * len(head) < len(title):
        return False
    if head == title:
        return True
    # The rest of the page title must be set off by a separator: 'Headline - Site', 'Site | Headline'.
    spans = list(_TITLE_TOKEN.finditer(page_title))
    if title[: len(head)] == head:
        return _TITLE_SEPARATOR.match(page_title, spans[len(head) - 1].end()) is not None
    if title[-len(head) :] == head:
        before = page_title[: spans[len(title) - len(head)].start()].rstrip()
        return before[-1:] in "|–—:»·•/-"
    return False
