"""A short line between two removals: residue the lines around it name, outside the article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from declutter.document import Block
from declutter.heuristics.common import (
    Hit,
    category_of,
    headline_copies,
    is_residue,
    is_title_echo,
    paragraph_positions,
)
from declutter.rules import Rule
from declutter.text import ends_like_sentence, size_within, spec_rows


def residue_sandwich(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    prose_words: int = 15,
    max_lines: int = 2,
    max_words: int = 6,
    min_bread: int = 2,
    reach: int = 3,
    headline_words: int = 3,
    title_words: int = 2,
    quoted_words: int = 2,
    head_max_lines: int = 2,
    head_max_words: int = 6,
    head_min_bread: int = 2,
    anchor_words: int = 3,
) -> list[Hit]:
    """Short lines outside the article that other rules' removals close in from above and below.

    Vocabulary rules and the other heuristics take most of a page's chrome, but leave single
    lines between their removals: a menu item no vocabulary knows between two removed menu
    runs, a widget title between a removed share bar and a removed footer. Outside the
    article's span (above its first paragraph or below its last, of ``prose_words`` words), a
    group of consecutive unremoved lines, none ending like a sentence, goes when the line right
    above it and the line right below it were removed, and so were at least ``min_bread`` of
    the ``reach`` lines on each side. Below the article a group has at most ``max_lines`` lines
    of ``max_words`` words. Above it the headline zone is near, so the filling is smaller
    (``head_max_lines`` lines of ``head_max_words`` words) and the bread thicker
    (``head_min_bread``); the headline (the last unremoved line of ``headline_words`` words or
    more above the first paragraph), its copies (``headline_copies``), echoes of a full-page
    text's first line (the page title, ``title_words`` words or more) and everything between the
    headline and the first paragraph (the dek, the head strip) stay. A line of ``quoted_words``
    words or more that the article's paragraphs contain (a topic label, a kicker) stays, and a
    group holding a protected line stays whole, and so does a group of 'Label: value' rows (:func:`spec_rows`: a
    game's 'Recommended:' requirements between a related-list header that took the label and a 'Read more'
    button are the product's facts, as its spec table is). Nothing inside the article's span is touched:
    a short line between paragraphs is as often a heading. Lines fully matching the rule's anchor
    patterns (a share or log-in button) count as removed, so the rule can be tested alone. A removed line
    without a word (an emptied bullet '-', a table's '|---|') is layout, neither bread nor filling: a docs
    page's list of conditions, its items broken over two lines, has one between every two items.
    """
    blocks = [b for b in blocks if b.words or b.line not in claimed]
    paragraphs = paragraph_positions(blocks, claimed, prose_words)
    if not paragraphs:
        return []
    first, last = paragraphs[0], paragraphs[-1]
    above = [p for p in range(first) if blocks[p].line not in claimed]
    headline = next((p for p in reversed(above) if blocks[p].words >= headline_words), None)
    # Above the headline only: between it and the paragraph lie the dek and the head strip.
    top_end = headline if headline is not None else first
    # Anchor patterns are button labels: lines of more than ``anchor_words`` words need no regex.
    gone = [b.line in claimed or (b.words <= anchor_words and is_residue(rule, b, claimed)) for b in blocks]
    keep: frozenset[int] | None = None
    article = ""

    def kept(position: int) -> bool:
        """The costly guards, worked out once and only for a group that has the sandwich's shape."""
        nonlocal keep, article
        if keep is None:
            keep = headline_copies(blocks, claimed, blocks[first].index) | protected
            # A full-page text's first line is the page title; the headline above the article echoes it.
            if not gone[0]:
                title = blocks[0].text
                keep |= {b.line for b in blocks[:first] if b is blocks[0] or is_title_echo(title, b.text, title_words)}
            # A topic label or kicker the article names ('Taylor Swift', 'MacBook Air') may be the article's own.
            article = " ".join(blocks[p].text.lower() for p in paragraphs)
        block = blocks[position]
        return block.line in keep or (block.words >= quoted_words and block.text.lower() in article)

    def bread(start: int, step: int, least: int) -> bool:
        side = [p for p in range(start, start + step * reach, step) if 0 <= p < len(blocks)]
        return 0 <= start < len(blocks) and gone[start] and sum(gone[p] for p in side) >= least

    inside: Counter[str] | None = None

    def post_furniture(above: int, below: int) -> bool:
        """Both slices are removals of one category that also stands between the article's paragraphs, twice or
        more: furniture printed under every post (a thread's like-count), and the lines it encloses are replies
        when each is a short sentence in lower case ('Thank you this is helpful'), not a title or a label
        ('Official Nephrology Fellowship Thread', 'Replies', a related thread's card between its dates)."""
        nonlocal inside
        if not all(_reply_like(blocks[p].text) for p in range(above + 1, below)):
            return False
        kind = category_of(claimed, blocks[above].line)
        if kind is None or category_of(claimed, blocks[below].line) != kind:
            return False
        if inside is None:
            inside = Counter(category_of(claimed, b.line) or "" for b in blocks[first + 1 : last] if b.line in claimed)
        return inside[kind] >= 2

    hits: list[Hit] = []
    sides = (
        (0, top_end, head_max_lines, head_max_words, head_min_bread, "above the article"),
        (last + 1, len(blocks), max_lines, max_words, min_bread, "below the article"),
    )
    for low, high, most_lines, most_words, least, where in sides:
        position = low
        while position < high:
            if gone[position]:
                position += 1
                continue
            end = position
            while end < high and not gone[end]:
                end += 1
            group = range(position, end)
            if (
                len(group) <= most_lines
                and all(
                    size_within(blocks[p].text, blocks[p].words, most_words) and not ends_like_sentence(blocks[p].text)
                    for p in group
                )
                and bread(position - 1, -1, least)
                and bread(end, 1, least)
                and not (low > first and post_furniture(position - 1, end))
                and not any(kept(p) for p in group)
                and not spec_rows([blocks[p].text for p in group])
            ):
                hits += [(blocks[p], f"{where}, between lines other rules removed") for p in group]
            position = end
    return hits


def _reply_like(text: str, min_words: int = 4) -> bool:
    """A short reply: ``min_words`` words or more, a third at most of those after the first capitalised.

    >>> _reply_like("Thank you this is helpful"), _reply_like("Official Nephrology Fellowship Application Thread")
    (True, False)
    """
    words = text.split()
    later = [w for w in words[1:] if w[:1].isalpha()]
    return len(words) >= min_words and sum(w[:1].isupper() for w in later) * 3 <= len(later)
