"""Reader comments under the article: a comments header followed by recurring thread markers; a forum's poster
panels beside each post."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import regex

from declutter.document import Block
from declutter.heuristics.common import Hit, prose_words_before
from declutter.matchers import REGEX_TIMEOUT, fullmatch, timeout_error
from declutter.rules import Rule
from declutter.text import ends_like_sentence


def comment_thread(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    buttons: list[str] | None = None,
    stamps: list[str] | None = None,
    min_markers: int = 3,
    min_buttons: int = 2,
    max_gap: int = 12,
    min_prose_before: int = 60,
    max_tail: int = 0,
    titled: list[str] | None = None,
) -> list[Hit]:
    """A thread of reader comments under the article: its header, then comments that their buttons give away.

    The header is a line matching the rule's patterns ('Comments', '12 Comments', 'Leave a
    Reply') after ``min_prose_before`` words of prose. Under it, marker lines must recur: lines
    that fully match one of ``buttons`` ('Reply', 'Jane says:') or ``stamps`` (a comment's time
    stamp), at least ``min_markers`` of them and ``min_buttons`` buttons, the first within
    ``max_gap`` lines of the header and each within ``max_gap`` lines of the one before. The
    thread is the header through the last marker. Comments are prose, so only this shape tells
    them from the article; time stamps alone do not make a thread (a live blog has them), and an
    article that merely has a 'Comments' heading has no 'Reply' buttons under it. The last
    comment's text lies below the last marker (a 'Jane said:' line comes before its comment): with
    ``max_tail``, the thread also takes the lines after its last marker when, within that many lines,
    they reach a line another rule removed ('Comments are closed.', a share bar) or the end of the text.

    A header fully matching one of ``titled`` counts the comments and names the article in quotes ('3
    thoughts on “Ten Things I Wish I Knew”', '59 Comments on “…”': WordPress themes print it over the
    thread). Nothing but a thread is headed so, and a full-page text may print no buttons under it (a
    theme whose 'Reply' is an icon): its ``min_markers`` markers may all be time stamps or 'says:' lines.
    """
    button_patterns = _compiled(tuple(buttons or ()))
    stamp_patterns = _compiled(tuple(stamps or ()))
    titled_patterns = _compiled(tuple(titled or ()))
    if not button_patterns:
        return []
    hits: list[Hit] = []
    prose_before = prose_words_before(blocks)
    position = 0
    while position < len(blocks):
        header = blocks[position]
        if prose_before[position] < min_prose_before:
            position += 1
            continue
        named = _any_fullmatch(rule, titled_patterns, header)
        if not named and fullmatch(rule, header, header.text) is None:
            position += 1
            continue
        found, pressed, last = 0, 0, position
        for offset in range(position + 1, len(blocks)):
            if offset - last > max_gap:
                break
            if _any_fullmatch(rule, button_patterns, blocks[offset]):
                found, pressed, last = found + 1, pressed + 1, offset
            elif _any_fullmatch(rule, stamp_patterns, blocks[offset]):
                found, last = found + 1, offset
        if found >= min_markers and (named or pressed >= min_buttons):
            last = _thread_tail(blocks, last, claimed, max_tail)
            hits.append((header, f"header of a comment thread with {found} reply buttons or time stamps"))
            hits.extend(
                (b, f"part of the comment thread under line {header.line + 1}")
                for b in blocks[position + 1 : last + 1]
                if b.line not in protected
            )
            position = last + 1
        else:
            position += 1
    return hits


_FIELD_LABEL = regex.compile(r"(?=.{2,32}$)[^\W\d_]{2}(?:[^\W\d_]|['’ .-])*")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_COUNT = regex.compile(r"[+\-−–]?[\d.,]+[kKmM]?")
_FIELD_VALUE = regex.compile(rf"{_COUNT.pattern}|(?=.{{0,24}}$)(?=\D*\d)[^#\s]\S*(?: \S+){{0,3}}")
"""A panel field's value: a count (:data:`_COUNT`), or a short value holding a digit (a date, '3 years')."""


def poster_panel(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_posts: int = 3,
    min_fields: int = 2,
    max_label_words: int = 3,
    max_panel_lines: int = 8,
    post_words: int = 12,
    min_posts_share: float = 0.5,
    min_label_share: float = 0.75,
) -> list[Hit]:
    """A forum's poster panel printed beside every post as label lines over value lines ('Joined' over 'Nov 4,
    2011', 'Messages' over '65,334', 'Reaction score' over '-55'), whatever the board's language.

    A field is a short label of letters on the line right above a value with a digit; a panel label is one
    printed over a value at least ``min_posts`` times, and a panel is ``min_fields`` such labels within
    ``max_panel_lines`` lines of each other with no post between. What tells a poster's panel from a card's
    fields (a workout's 'Duration' over '8 Min' and 'Exercises' over '5', a thread list's 'Replies' over '6') is
    the thread around it: each panel holds a field whose value is a date with a year at least ``min_posts``
    times (the poster's join date) and one whose value is a count as often (his posts; a blog's cards print an
    author over a date and a topic), and between ``min_posts_share`` of the panels stands a post, a kept line
    of ``post_words`` words or more or a sentence ('That's amazing! Congrats!'). A field is in
    ``min_label_share`` of the panels: a poster's name over his post's date recurs only with him. A spec sheet
    prints each label once.
    """
    pairs: list[tuple[int, str]] = []
    dated: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    for position, (label, value) in enumerate(pairwise(blocks)):
        if (
            label.words <= max_label_words
            and value.line - label.line <= 2
            and _FIELD_LABEL.fullmatch(label.text)
            and _FIELD_VALUE.fullmatch(value.text)
        ):
            pairs.append((position, label.text.casefold()))
            dated[label.text.casefold()] += _YEAR.search(value.text) is not None
            counted[label.text.casefold()] += _COUNT.fullmatch(value.text) is not None
    counts = Counter(name for _, name in pairs)
    recurring = [(position, name) for position, name in pairs if counts[name] >= min_posts]
    if len({name for _, name in recurring}) < min_fields or max(dated.values(), default=0) < min_posts:
        return []

    def post_between(start: int, end: int) -> bool:
        return any(
            (b.words >= post_words or (b.words >= 2 and ends_like_sentence(b.text))) and b.line not in claimed
            for b in blocks[start:end]
        )

    panels: list[list[tuple[int, str]]] = []
    for position, name in recurring:
        if (
            panels
            and position - panels[-1][-1][0] <= max_panel_lines
            and name not in {n for _, n in panels[-1]}
            and not post_between(panels[-1][-1][0] + 2, position)
        ):
            panels[-1].append((position, name))
        else:
            panels.append([(position, name)])
    joined = {name for name, count in dated.items() if count >= min_posts}
    tallies = {name for name, count in counted.items() if count >= min_posts}

    def in_panel(panel: list[tuple[int, str]]) -> bool:
        names = {name for _, name in panel}
        return len(panel) >= min_fields and bool(names & joined) and bool(names & tallies - joined)

    panels = [panel for panel in panels if in_panel(panel)]
    printed = Counter(name for panel in panels for _, name in panel)
    fields = {name for name, count in printed.items() if count >= min_label_share * len(panels)}
    panels = [[(position, name) for position, name in panel if name in fields] for panel in panels]
    panels = [panel for panel in panels if in_panel(panel)]
    if len(panels) < min_posts:
        return []
    posts = sum(post_between(before[-1][0] + 2, after[0][0]) for before, after in pairwise(panels))
    if posts < min_posts_share * (len(panels) - 1):
        return []
    return [
        (block, f"field '{blocks[position].text}' of a poster panel printed beside {len(panels)} posts")
        for panel in panels
        for position, _ in panel
        for block in blocks[position : position + 2]
        if block.line not in protected
    ]


def _thread_tail(blocks: Sequence[Block], last: int, claimed: frozenset[int], max_tail: int) -> int:
    """Where a comment thread ends: its last marker, or the line before the residue (or the end of the text)
    that follows within ``max_tail`` lines: the last comment's own text."""
    for offset in range(last + 1, min(last + 1 + max_tail, len(blocks) + 1)):
        if offset == len(blocks) or blocks[offset].line in claimed:
            return offset - 1
    return last


def _any_fullmatch(rule: Rule, patterns: Sequence[regex.Pattern[str]], block: Block) -> bool:
    """Whether one of a heuristic's own patterns matches the whole line (a runaway pattern names the rule)."""
    for pattern in patterns:
        try:
            if pattern.fullmatch(block.text, None, None, False, False, REGEX_TIMEOUT) is not None:
                return True
        except TimeoutError:
            raise timeout_error(rule, pattern, block) from None
    return False


@lru_cache(maxsize=16)
def _compiled(patterns: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """The marker patterns, compiled once per distinct list."""
    return tuple(regex.compile(pattern) for pattern in patterns)
