"""Reader comments under the article: a comments header followed by recurring thread markers."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from declutter.document import Block
from declutter.heuristics.common import Hit, prose_words_before
from declutter.matchers import REGEX_TIMEOUT, fullmatch, timeout_error
from declutter.rules import Rule


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
    """
    button_patterns = _compiled(tuple(buttons or ()))
    stamp_patterns = _compiled(tuple(stamps or ()))
    if not button_patterns:
        return []
    hits: list[Hit] = []
    prose_before = prose_words_before(blocks)
    position = 0
    while position < len(blocks):
        header = blocks[position]
        if prose_before[position] < min_prose_before or fullmatch(rule, header, header.text) is None:
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
        if found >= min_markers and pressed >= min_buttons:
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
            if pattern.fullmatch(block.text, timeout=REGEX_TIMEOUT) is not None:
                return True
        except TimeoutError:
            raise timeout_error(rule, pattern, block) from None
    return False


@lru_cache(maxsize=16)
def _compiled(patterns: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    """The marker patterns, compiled once per distinct list."""
    return tuple(regex.compile(pattern) for pattern in patterns)
