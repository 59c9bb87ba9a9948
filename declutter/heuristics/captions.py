"""Captions recognised by what sits under them: the bare photo credit that closes a picture's block."""

from __future__ import annotations

from collections.abc import Sequence

from declutter.document import Block
from declutter.heuristics.common import Hit, paragraph_positions
from declutter.matchers import fullmatch, heads_paragraph
from declutter.rules import Rule
from declutter.text import ends_like_sentence, size_within


def caption_above_credit(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    prose_words: int = 15,
    credit_words: int = 8,
    min_words: int = 3,
    max_words: int = 30,
    max_gap: int = 3,
    heading_words: int = 5,
    heading_patterns: Sequence[int] | None = None,
) -> list[Hit]:
    """The caption right above a photo credit that stands on its own line ('Photo: Name, AP', 'Getty').

    A picture in a text dump leaves its caption and then its credit, each on a line; vocabulary
    rules take the credit, but the caption reads like any sentence. A line of at most
    ``credit_words`` words that fully matches one of the rule's credit patterns marks the end of a
    picture's block, and the line right above it (blank lines aside) is its caption when it is
    unremoved, of ``min_words`` to ``max_words`` words, ends like a sentence and lies at most
    ``max_gap`` lines above the credit (a main-content extractor that dropped a caption may
    leave its credit far below the paragraph, behind a run of blank lines).

    Guards: only inside the article's span, below its first paragraph and above its last (of
    ``prose_words`` words): above it a short line over a credit may be the headline or the dek,
    and a credit under the last paragraph may be the lead image's, set at the end of the page;
    a line not ending like a sentence stays (a heading over a picture that has no caption);
    longer lines stay (a paragraph over a picture whose caption an extractor dropped; captions
    are one or two short sentences); protected lines stay. A 'credit' matched by one of the
    ``heading_patterns`` (numbered from 1: the bare 'Name / Outlet' shape, which headings share) that
    heads the paragraph under it (a line of ``heading_words`` words or more repeating one of its
    words, :func:`~declutter.matchers.heads_paragraph`) is a heading ('Low-Code/No-Code Development
    Costs' over 'Low-code and no-code platforms …'), so the list item over it is no caption; a credit
    with a credit word ('Photo: ChargePoint') stays an anchor even when the text goes on about its
    source. Nor does a bare 'Name / Outlet' anchor a line that runs on from a paragraph
    (:func:`_continues_paragraph`): a caption is set apart from the text by its picture.
    The credit patterns name a picture's own credit only: a credit for the page's lead image
    ('Main image credit: …', 'Cover photo: …') refers to no line above it and is no anchor.
    """
    if rule is None or not rule.patterns:
        return []
    paragraphs = paragraph_positions(blocks, claimed, prose_words)
    if not paragraphs:
        return []
    first, last = paragraphs[0], paragraphs[-1]
    hits: list[Hit] = []
    for position in range(first + 2, last):
        credit = blocks[position]
        if credit.words > credit_words or (found := fullmatch(rule, credit, credit.text)) is None:
            continue
        bare = found[0] + 1 in (heading_patterns or ())  # the 'Name / Outlet' shape, which headings share
        if bare and position + 1 < len(blocks) and heads_paragraph(credit.text, blocks[position + 1], heading_words):
            continue
        caption = blocks[position - 1]
        if bare and _continues_paragraph(blocks, position - 1, claimed, prose_words):
            continue
        if (
            credit.line - caption.line > max_gap
            or caption.line in claimed
            or caption.line in protected
            or caption.words < min_words
            or not size_within(caption.text, caption.words, max_words)
            or not ends_like_sentence(caption.text)
        ):
            continue
        hits.append((caption, f"a caption: right above the photo credit on line {credit.line + 1}"))
    return hits


def _continues_paragraph(blocks: Sequence[Block], position: int, claimed: frozenset[int], prose_words: int) -> bool:
    """Whether the line at ``position`` runs on from a paragraph: the line right above it (no blank line, no
    removed line between) is an unremoved paragraph of ``prose_words`` words ending like a sentence.

    A caption is set apart from the text by its picture (a blank line in a text dump, the previous picture's
    credit or 'hide caption'); a sentence straight under a paragraph is the article going on, and a bare
    'Name / Outlet' under it is a heading ('Classen Curve / Western Avenue') or the credit of a picture whose
    caption the extractor dropped ('LG / Reviewed' under a guide's introduction).

    >>> from declutter.document import Document
    >>> para = "The council approved the new budget early on Wednesday after a debate of more than nine hours."
    >>> blocks = Document.from_text(f"{para}\\nHere are our picks.\\n\\n{para}\\n\\nA view of the lake.").blocks
    >>> _continues_paragraph(blocks, 1, frozenset(), 15), _continues_paragraph(blocks, 3, frozenset(), 15)
    (True, False)
    """
    if position < 1:
        return False
    above, line = blocks[position - 1], blocks[position].line
    return (
        above.line == line - 1
        and above.line not in claimed
        and above.words >= prose_words
        and ends_like_sentence(above.text)
    )
