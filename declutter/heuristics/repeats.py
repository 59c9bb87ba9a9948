"""Residue known by repetition: another copy of a line that other rules removed."""

from __future__ import annotations

from collections.abc import Sequence

from declutter.document import Block
from declutter.heuristics.common import Hit, headline_copies, is_residue, paragraph_positions, removed_by
from declutter.rules import Rule
from declutter.text import spec_rows


def residue_copy(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_words: int = 1,
    prose_words: int = 15,
    headline_words: int = 3,
    zone: int = 8,
    inside_words: int = 8,
    spare_copies_of: str = "",
) -> list[Hit]:
    """A line that repeats, word for word, a line other rules removed elsewhere in the text.

    Pages repeat their chrome: a caption in the article and again in the slideshow, a menu in
    the header and in the footer, an author's name in a byline strip and in the comment form,
    a teaser in two lists. When a rule recognised one copy (by its wording or its place),
    the others are the same residue, wherever they stand: the evidence is the copy's text,
    not its neighbours. Lines of ``min_words`` words or more are compared after
    normalisation (whitespace, bullets), case aside ('MORE STORIES' in a header, 'More stories'
    in a footer). Lines fully matching the rule's anchor patterns count as removed, so the
    rule can be tested alone; in the pipeline other rules took them.

    Guards: the headline never goes, however often a teaser list repeats it: the first line
    of the text (a full-page text's page title), every unremoved line of ``headline_words``
    words or more among the last ``zone`` unremoved lines above the first paragraph (of
    ``prose_words`` words: the headline and the dek), and the earlier copies of the headline
    (``headline_copies``) stay, wherever their copies stand; so do protected lines. Inside the
    article's span (between its first and last paragraph) a copy needs ``inside_words`` words
    (a caption repeated by a slideshow): a short line repeated there may be the article's own
    (a buying guide's 'Buy Now' under every product), and one copy taken by mistake must not
    take them all. Nor does a run of consecutive copies that are 'Label: value' rows (:func:`spec_rows`): a
    product's facts printed twice ('Product code: …', 'UPC: …' in a summary box and again in its details),
    whose other copy a rule took, are the product's, and one copy stays.

    A line removed by the rule ``spare_copies_of`` names (an id) is evidence only for a run of copies: a table
    of contents' entries repeat the article's headings by definition (``contents-list`` takes the entries
    because they do), so a heading whose only removed copy is its contents entry stays, while the contents
    printed again (a sticky or mobile copy: the label and the entries one under the other) still go.

    >>> from declutter.document import Document
    >>> from declutter.heuristics.common import Removed
    >>> intro = "The river rises every spring when the snow melts in the hills above the town."
    >>> head = "Why the river floods the valley every spring and summer"
    >>> text = "\\n".join([intro, "Contents", head, intro, head, intro])
    >>> blocks = Document.from_text(text).blocks
    >>> toc = Removed({1, 2}, {1: "navigation", 2: "navigation"}, {1: "NAV038", 2: "NAV038"})
    >>> menu = Removed({1, 2}, {1: "navigation", 2: "navigation"}, {1: "NAV038", 2: "NAV006"})
    >>> [[b.line for b, _ in residue_copy(blocks, None, frozenset(), r, spare_copies_of="NAV038")] for r in (toc, menu)]
    [[], [4]]
    >>> again = Document.from_text("\\n".join([intro, "Contents", head, intro, head, intro, "Contents", head])).blocks
    >>> [b.line for b, _ in residue_copy(again, None, frozenset(), toc, spare_copies_of="NAV038")]
    [6, 7]
    """
    removed = [b.words >= min_words and is_residue(rule, b, claimed) for b in blocks]
    if not any(removed):
        return []
    folded = [b.text.casefold() for b in blocks]
    gone: set[str] = set()
    contents: set[str] = set()  # lines only the rule ``spare_copies_of`` names removed: a table of contents' entries
    for b, text, out in zip(blocks, folded, removed, strict=True):
        if out:
            (contents if spare_copies_of and removed_by(claimed, b.line) == spare_copies_of else gone).add(text)
    repeats = [
        n
        for n, (b, out) in enumerate(zip(blocks, removed, strict=True))
        if not out and b.words >= min_words and b.line not in protected and (folded[n] in gone or folded[n] in contents)
    ]
    # A copy of a contents entry alone is the heading it points to; in a run of copies it is the contents again.
    at = set(repeats)
    found = [blocks[n] for n in repeats if folded[n] in gone or n - 1 in at or n + 1 in at]
    if not found:
        return []
    paragraphs = paragraph_positions(blocks, claimed, prose_words)
    if paragraphs:
        first, last = blocks[paragraphs[0]].index, blocks[paragraphs[-1]].index
        # Between the article's paragraphs a short copy may be the article's own: a product box's 'Buy Now'
        # under every item of a buying guide, whose first copy a teaser rule took.
        found = [b for b in found if b.words >= inside_words or not first < b.index < last]
    if not found:
        return []
    found = _less_spec_rows(blocks, found)
    if not found:
        return []
    # The costly guard, only for a text that has copies: which lines are the headline.
    keep = {blocks[0].text.casefold()}
    if paragraphs:
        above = [b for b in blocks[: paragraphs[0]] if b.line not in claimed][-zone:]
        keep |= {b.text.casefold() for b in above if b.words >= headline_words}
        copies = headline_copies(blocks, claimed, first)
        keep |= {b.text.casefold() for b in blocks if b.line in copies}
    return [(b, "repeats a line removed elsewhere in the text") for b in found if b.text.casefold() not in keep]


def _less_spec_rows(blocks: Sequence[Block], found: list[Block]) -> list[Block]:
    """``found`` (in text order) less each run of lines adjacent in ``blocks`` that reads as 'Label: value' rows.

    >>> from declutter.document import Document
    >>> text = "Share\\nThe thins are baked in batches.\\nProduct code: ALD-00601\\nUPC: 722325006016\\nWeight: 148 g"
    >>> blocks = Document.from_text(text).blocks
    >>> [b.text for b in _less_spec_rows(blocks, [blocks[0], *blocks[2:]])]
    ['Share']
    """
    position = {b.line: n for n, b in enumerate(blocks)}
    runs: list[list[Block]] = []
    for block in found:
        if runs and position[block.line] == position[runs[-1][-1].line] + 1:
            runs[-1].append(block)
        else:
            runs.append([block])
    return [b for run in runs if not (len(run) >= 3 and spec_rows([b.text for b in run])) for b in run]
