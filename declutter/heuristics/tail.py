"""What lies below the article: the residue wall at its end, the footer, the teasers and islands between them."""

from __future__ import annotations

import itertools
from array import array
from collections import Counter
from collections.abc import Sequence

import regex

from declutter.document import Block
from declutter.heuristics.common import (
    Hit,
    category_of,
    is_bulleted,
    is_paragraph,
    is_residue,
    numbered_posts,
    paragraph_positions,
    removed_as,
    text_copies,
)
from declutter.matchers import fullmatch
from declutter.rules import Rule
from declutter.text import is_prose, spec_rows


def tail_after_residue(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    prose_words: int = 15,
    min_cluster: int = 3,
    window: int = 4,
    min_prose_before: int = 100,
    max_gap: int = 3,
) -> list[Hit]:
    """Everything below the article's last paragraph from the first dense cluster of residue on.

    When ``min_cluster`` of ``window`` consecutive lines below the last prose paragraph (of
    ``prose_words`` words) are residue — removed by other rules, or matching the rule's own
    anchor patterns (share and follow buttons) — the article has ended: what follows on a
    page is its footer, comment form, teasers and widgets, whatever their wording. The
    cluster must start within ``max_gap`` unremoved lines of the last paragraph, and
    ``min_prose_before`` words of prose must lie above it. Lines that keep rules protect (an
    attribution) stay; the lines between the last paragraph and the cluster stay too (a
    short closing line, a list that ends the article).
    """
    paragraphs = paragraph_positions(blocks, claimed, prose_words)
    if not paragraphs or sum(blocks[p].words for p in paragraphs) < min_prose_before:
        return []
    last = paragraphs[-1]
    gap = 0
    for position in range(last + 1, len(blocks)):
        if is_residue(rule, blocks[position], claimed):
            head = blocks[position : position + window]
            if len(head) >= min_cluster and sum(is_residue(rule, b, claimed) for b in head) >= min_cluster:
                return [
                    (b, f"below the article's last paragraph (line {blocks[last].line + 1}), after residue")
                    for b in blocks[position:]
                    if b.line not in protected
                ]
            continue
        gap += 1
        if gap > max_gap:
            return []
    return []


def residue_wall(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_run: int = 8,
    min_prose_before: int = 100,
    max_prose_ratio: float = 0.75,
    prose_words: int = 15,
    max_paragraph_run: int = 2,
    end_categories: Sequence[str] | None = None,
    min_end_lines: int = 2,
    min_removed_below: float = 0.0,
    closing_categories: Sequence[str] | None = None,
    min_closing: int = 2,
    closing_removed_below: float = 0.0,
    max_copies: int = 0,
) -> list[Hit]:
    """Everything below a wall of residue: ``min_run`` consecutive lines other rules removed, below the article.

    An article's own lines are kept lines; a share bar, an author box, a 'Related' list and a
    comment form removed one after another form a wall no article has in its middle. Below
    such a wall a page holds its widgets, forms and footers, which are often written as
    sentences (a comment policy, a newsletter's promise, a log-in form's messages) and so
    pass for paragraphs: :func:`tail_after_residue` then takes the last of them for the
    article's end and finds no residue under it. The wall must lie below ``min_prose_before``
    words of prose that no rule removed. Guards against an article that resumes under a long
    removed block (a gallery's captions, an inline list of headlines): the prose below the
    wall must be less than ``max_prose_ratio`` of the prose above it, and no more than
    ``max_paragraph_run`` paragraphs of ``prose_words`` words may follow one another below it
    (an article writes paragraphs in a row; widgets set them apart). And the wall must hold
    ``min_end_lines`` lines of residue that ends an article, removed as one of ``end_categories``
    (a share bar, tags, an author box, a comment form, a footer): a gallery's captions and
    counters, a video player or an inline list of headlines also form walls, inside articles.
    Last, ``min_removed_below`` of the lines below the wall must be residue other rules removed
    already: an article's own product boxes or list, resuming under a wall, are kept lines. A
    wall holding ``min_closing`` lines removed as one of ``closing_categories`` (a comment form,
    tags, an author box, a copyright line: what closes an article, where a share bar or a menu
    may stand anywhere) needs only ``closing_removed_below``, unless a kept line below it recurs
    more than ``max_copies`` times (0: no limit): a shopping article's product boxes repeat their
    'Buy Now' and 'Available from Amazon' labels, a page's widgets below its comment form do not.
    The first wall that passes counts; lines keep rules protect stay. Lines matching the
    rule's anchor patterns (share buttons, a tag label) count as removed end markers, so the
    rule can be tested alone.
    """
    ends = frozenset(end_categories or ())
    closing = frozenset(closing_categories or ())

    def removed_below(wall: Sequence[Block], end: int) -> float:
        strong = sum(category_of(claimed, b.line) in closing for b in wall)
        if not closing or strong < min_closing:
            return min_removed_below
        kept_below = (b for n, b in enumerate(blocks[end:], end) if not gone[n])
        if max_copies and max(text_copies(kept_below).values(), default=0) > max_copies:
            return min_removed_below
        return closing_removed_below

    gone = [is_residue(rule, b, claimed) for b in blocks]
    if sum(gone) < min_run:
        return []
    prose = _kept_prose(blocks, gone)
    total = sum(prose)
    above = 0
    position = 0
    while position < len(blocks):
        if not gone[position]:
            above += prose[position]
            position += 1
            continue
        end = position
        while end < len(blocks) and gone[end]:
            end += 1
        if (
            end - position >= min_run
            and above >= min_prose_before
            and total - above < max_prose_ratio * above
            and sum(removed_as(rule, b, claimed, ends) for b in blocks[position:end]) >= min_end_lines
            and sum(gone[end:]) >= removed_below(blocks[position:end], end) * (len(blocks) - end)
            and _longest_paragraph_run(blocks[end:], gone[end:], prose[end:], prose_words) <= max_paragraph_run
        ):
            wall = blocks[position].line + 1
            return [
                (b, f"below a wall of {end - position} removed lines (from line {wall}) under the article")
                for b in blocks[end:]
                if b.line not in protected
            ]
        position = end
    return []


def _kept_prose(blocks: Sequence[Block], gone: Sequence[bool]) -> list[int]:
    """Each line's words when it is prose no rule removed, else 0: the article's prose, line by line."""
    return [0 if gone[n] or not is_prose(b.text, words=b.words) else b.words for n, b in enumerate(blocks)]


def _longest_paragraph_run(
    blocks: Sequence[Block], gone: Sequence[bool], prose: Sequence[int], prose_words: int
) -> int:
    """The most paragraphs of ``prose_words`` words that follow one another among the kept lines of ``blocks``."""
    run = longest = 0
    for n, block in enumerate(blocks):
        if gone[n]:
            continue
        run = run + 1 if prose[n] and block.words >= prose_words else 0
        longest = max(longest, run)
    return longest


def footer_floor(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_prose_before: int = 100,
    max_prose_ratio: float = 0.25,
    last_prose_ratio: float = 0.25,
    max_paragraph_share: float = 0.5,
    prose_words: int = 15,
    max_paragraph_run: int = 2,
    reach: int = 2,
    min_near: int = 1,
    near_categories: Sequence[str] | None = None,
    anchor: str = "",
    min_kept_before: int = 0,
    max_kept_ratio: float = 1.0,
    resume_ratio: float = 0.0,
    full_page: bool = True,
) -> list[Hit]:
    """Everything below the page's copyright line, when the article lies above it.

    A page ends with its footer, and the footer with its copyright line ('© 2019 Rogers
    Media. All rights reserved.'). A full-page converter writes what the page hides after
    it: log-in and account forms, newsletter check boxes, cookie settings, pop-ups' messages.
    Those are written as sentences and stand apart from the removed lines around them, so
    neither :func:`tail_after_residue` nor :func:`residue_wall` reaches them. The floor is the
    first line fully matching the rule's patterns (a copyright notice with a year, 'All rights
    reserved') below ``min_prose_before`` words of prose that no rule removed, with
    ``min_near`` of the ``reach`` lines on either side removed as footer residue (one of
    ``near_categories``: footer links, a cookie notice, social buttons). Guards: a photo credit
    ('photos © Studio, 2018') may sit inside an article, above an event's info card or its last
    paragraphs: it stands between kept lines or captions, not among a footer's removed links;
    the prose below the floor must be less than ``max_prose_ratio`` of the prose above it, and
    no more than ``max_paragraph_run`` paragraphs of ``prose_words`` words may follow one
    another below it (the article resuming); a copyright line above the article (a header's, a
    page that sets its footer first) has no prose above it. The page's last copyright line may
    stand above more prose, up to ``last_prose_ratio`` of the prose above it, when no more than
    ``max_paragraph_share`` of the lines below it are paragraphs other rules left: a consent centre's vendor
    list, a shop's account pop-ups and dialogs, under a short product description or a listing,
    are long but made of buttons, toggles and labels between their sentences; an article resuming
    is made of paragraphs. Lines keep rules protect stay, and none of them (nor a line of code) is the floor. A
    line fully matching ``anchor`` (a footer link) counts as removed footer residue, so the rule
    can be tested alone; in the pipeline other rules took it.

    A page whose content is no article (a shop's grid, a product's name, price and short text, a
    listing's cards) has less than ``min_prose_before`` words of prose above its last copyright line;
    on a page's full text (``full_page``) that floor still holds when ``min_kept_before`` words of kept
    lines of any kind stand above it and at most ``max_kept_ratio`` times as many below it (a store
    locator, a cart drawer, a refund policy's dialog): a copyright line at a page's head has little or
    nothing above it. The footer-residue neighbour and the paragraph guards hold there too.

    On a page's full text (``full_page``) the paragraph-run guard reads a run of paragraphs below the
    floor as the article resuming only when their prose weighs ``resume_ratio`` of the prose above
    it or more: a few paragraphs under a long article's footer are what the site prints under every
    page (an adviser's disclaimers, the site's 'about us' story, a consent dialog, a sign-up
    pitch), not the rest of the article, which would weigh more. An extractor's output has no
    footer below its article, so the guard holds there whole.
    """
    if rule is None or not rule.patterns:
        return []
    floors = {p for p, b in enumerate(blocks) if b.line not in protected and fullmatch(rule, b, b.text) is not None}
    if not floors:  # most pages: no copyright line left, so nothing below one (the rest reads every line's prose)
        return []
    gone = [is_residue(None, b, claimed) for b in blocks]
    prose = _kept_prose(blocks, gone)
    nears = frozenset(near_categories or ())
    anchored = regex.compile(anchor) if anchor else None

    def near(block: Block) -> bool:
        category = category_of(claimed, block.line)
        if category is not None:
            return category in nears
        return anchored is not None and anchored.fullmatch(block.text) is not None

    def footer(position: int) -> int:
        around = [*range(max(0, position - reach), position), *range(position + 1, position + 1 + reach)]
        return sum(near(blocks[p]) for p in around if p < len(blocks))

    def ratio(position: int) -> float:
        # Below the page's last copyright line, a long text made mostly of short lines (or of residue other
        # rules took) is hidden machinery.
        if position == last:
            below = range(position + 1, len(blocks))
            paragraphs = sum(1 for n in below if prose[n] and blocks[n].words >= prose_words)
            if paragraphs <= max_paragraph_share * len(below):
                return max(last_prose_ratio, max_prose_ratio)
        return max_prose_ratio

    total = sum(prose)
    last = max(floors, default=-1)
    above = 0
    for position, block in enumerate(blocks):
        if (
            above >= min_prose_before
            and position in floors
            and footer(position) >= min_near
            and total - above - prose[position] < ratio(position) * above
        ):
            below = position + 1
            resumes = not full_page or total - above - prose[position] >= resume_ratio * above
            if (
                not resumes
                or _longest_paragraph_run(blocks[below:], gone[below:], prose[below:], prose_words) <= max_paragraph_run
            ):
                line = block.line + 1
                return [
                    (b, f"below the page's copyright line (line {line}) under the article")
                    for b in blocks[below:]
                    if b.line not in protected
                ]
        above += prose[position]
    if full_page and min_kept_before and last >= 0 and sum(prose[:last]) < min_prose_before:
        return _floor_under_cards(
            blocks,
            gone,
            prose,
            protected,
            last,
            footer(last) >= min_near,
            min_kept_before=min_kept_before,
            max_kept_ratio=max_kept_ratio,
            max_paragraph_share=max_paragraph_share,
            prose_words=prose_words,
            max_paragraph_run=max_paragraph_run,
        )
    return []


def _floor_under_cards(
    blocks: Sequence[Block],
    gone: Sequence[bool],
    prose: Sequence[int],
    protected: frozenset[int],
    last: int,
    near_footer: bool,
    *,
    min_kept_before: int,
    max_kept_ratio: float,
    max_paragraph_share: float,
    prose_words: int,
    max_paragraph_run: int,
) -> list[Hit]:
    """:func:`footer_floor` below the page's ``last`` copyright line when the page holds too little prose to
    weigh: its kept words of any kind above the floor against those below it.

    >>> from declutter.document import Document
    >>> grid = "".join(f"Linen sheet set {n}\\n$120.00\\n" for n in range(30))
    >>> blocks = Document.from_text(grid + "About us\\n© 2024 Shop\\nFind a store\\nOpen until 7 pm").blocks
    >>> gone = [b.text == "About us" for b in blocks]
    >>> hits = _floor_under_cards(blocks, gone, [0] * len(blocks), frozenset(), 61, True, min_kept_before=100,
    ...     max_kept_ratio=1.0, max_paragraph_share=0.5, prose_words=15, max_paragraph_run=2)
    >>> [b.text for b, _ in hits]
    ['Find a store', 'Open until 7 pm']
    """
    below = last + 1
    kept = [0 if gone[n] else b.words for n, b in enumerate(blocks)]
    above_words, below_words = sum(kept[:last]), sum(kept[below:])
    paragraphs = sum(1 for n in range(below, len(blocks)) if prose[n] and blocks[n].words >= prose_words)
    if (
        not near_footer
        or above_words < min_kept_before
        or not 0 < below_words <= max_kept_ratio * above_words
        or paragraphs > max_paragraph_share * (len(blocks) - below)
        or _longest_paragraph_run(blocks[below:], gone[below:], prose[below:], prose_words) > max_paragraph_run
    ):
        return []
    line = blocks[last].line + 1
    return [
        (b, f"below the page's last copyright line (line {line}) under a page of cards and short lines")
        for b in blocks[below:]
        if b.line not in protected
    ]


def detached_prose(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    full_page: bool = True,
    prose_words: int = 15,
    min_gap: int = 30,
    gap_removed: float = 0.5,
    min_outweigh: float = 2.0,
    max_short_share: float = 0.5,
) -> list[Hit]:
    """Prose that a wide band of removed lines cuts off below the article: the texts a page hides after its footer.

    A full-page text prints what the page hides as well as what it shows: the terms of sale in a
    checkout dialog, a consent centre's purposes, a member pitch's modal, an affiliate
    disclosure, all written as sentences, below the footer's menus and links that other rules
    removed. The article's paragraphs are grouped where ``min_gap`` lines or more separate two
    of them (paragraphs of ``prose_words`` words that no rule removed) and ``gap_removed`` of
    those lines were removed; the group holding most prose words is the article. When it holds
    ``min_outweigh`` times the prose of every other group together and a group follows it, every
    kept line from that group's first paragraph to the end goes, unless more than
    ``max_short_share`` of those lines' words sit in lines under ``prose_words`` words (a
    listing's cards or a thread's replies, the page's own items, are short lines; hidden texts
    are paragraphs), or when one of their paragraphs is one of the article's (a docs page's
    second tab, the same steps for another language, below the first tab's removed code). Only
    on a page's full text (``full_page``): an extractor's output has no footer band to cut by.
    """
    if not full_page:
        return []
    prose = [p for p, b in enumerate(blocks) if is_paragraph(b, claimed, prose_words)]
    groups = [[prose[0]]] if prose else []
    for above, below in itertools.pairwise(prose):
        between = blocks[above + 1 : below]
        removed = sum(1 for b in between if is_residue(rule, b, claimed))
        if len(between) >= min_gap and removed >= gap_removed * len(between):
            groups.append([below])
        else:
            groups[-1].append(below)
    if len(groups) < 2:
        return []
    words = [sum(blocks[p].words for p in group) for group in groups]
    main = max(range(len(groups)), key=words.__getitem__)
    if main == len(groups) - 1 or words[main] < min_outweigh * (sum(words) - words[main]):
        return []
    tail = [b for b in blocks[groups[main + 1][0] :] if b.line not in claimed and b.line not in protected]
    short = sum(b.words for b in tail if b.words < prose_words)
    if short > max_short_share * sum(b.words for b in tail):
        return []
    article = {blocks[p].text.casefold() for p in groups[main]}
    if any(b.text.casefold() in article for b in tail if b.words >= prose_words):
        return []  # the article's own steps again: a docs page's second tab (the same guide in another language)
    line = blocks[groups[main][-1]].line + 1
    return [
        (b, f"prose cut off below the article (which ends on line {line}) by a band of removed lines") for b in tail
    ]


class _TailFacts:
    """What the guards of :func:`tail_islands` ask of the kept lines from a position down, worked out once a
    page from the bottom up: a long page has a candidate tail at every removed run, and walking the rest
    of the page for each would take time quadratic in its length.

    For a position ``n`` where an island (a run of kept lines) starts: ``paragraphs[n]`` counts the
    paragraphs from there down, ``longest[n]`` is the longest run of them (removed lines neither extend
    nor break one), ``sheet[n]`` whether an island from there down is a spec sheet, and ``lead_in[n]``
    whether the island starting there opens a list ('Sources:', or a heading over bulleted items);
    ``copies_below`` is the lowest position from which some kept line is still printed more than
    ``max_copies`` times (-1: none is), and ``texts`` counts every line's text from ``start`` down.
    """

    def __init__(
        self,
        blocks: Sequence[Block],
        gone: Sequence[bool],
        prose: Sequence[int],
        prose_words: int,
        max_copies: int,
        start: int,
    ) -> None:
        count = len(blocks)
        self.paragraphs = array("q", [0]) * (count + 1)
        self.longest = array("q", [0]) * (count + 1)
        self.sheet = [False] * (count + 1)
        self.lead_in = [False] * (count + 1)
        run = 0
        island: list[Block] = []
        for n in range(count - 1, -1, -1):
            paragraph = not gone[n] and bool(prose[n]) and blocks[n].words >= prose_words
            self.paragraphs[n] = self.paragraphs[n + 1] + paragraph
            if not gone[n]:
                run = run + 1 if paragraph else 0
                island.append(blocks[n])
            self.longest[n] = max(self.longest[n + 1], run)
            self.sheet[n] = self.sheet[n + 1]
            if island and (n == 0 or gone[n - 1]):  # the island starts here
                island.reverse()
                self.sheet[n] = self.sheet[n] or spec_rows([b.text for b in island])
                self.lead_in[n] = island[0].text.rstrip().endswith(":") or sum(map(is_bulleted, island[1:])) >= 2
                island = []
        where: dict[str, list[int]] = {}
        for n, block in enumerate(blocks):
            if not gone[n]:
                where.setdefault(block.text.casefold(), []).append(n)
        self.copies_below = max((at[-max_copies - 1] for at in where.values() if len(at) > max_copies), default=-1)
        self.texts = Counter(b.text.casefold() for b in blocks[start:])
        self.start = start

    def own_lines(self, below: int) -> bool:
        """Whether the kept lines from ``below`` (an island's start) down hold the article's own material.

        A list under its lead-in (a fact check's sources), a spec sheet ('Memory: 4 GB', a game's system
        requirements under a removed tab bar), or a line printed more than ``max_copies`` times (a shopping
        article's 'Available from Amazon' under every product) is the page's own; a tail's bios, deks and
        labels are none of these.
        """
        return self.lead_in[below] or self.sheet[below] or below <= self.copies_below

    def furniture(self, lead: Sequence[Block], top: int, max_copies: int) -> bool:
        """Whether a line of the removed run ``lead`` (from position ``top``) is printed ``max_copies`` times
        or more elsewhere from ``start`` down: the furniture each post or card prints ('Reply Quote Like' under
        every post of a thread), not the share bar or author box that closes an article."""
        own = Counter(b.text.casefold() for n, b in enumerate(lead, top) if n >= self.start)
        return any(self.texts[text] - own[text] >= max_copies for text in {b.text.casefold() for b in lead if b.words})


def tail_islands(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    full_page: bool = True,
    prose_words: int = 15,
    min_prose_before: int = 100,
    min_lead: int = 2,
    min_lines: int = 5,
    min_removed: float = 0.6,
    min_removed_after_lead: float = 0.4,
    min_wall: int = 5,
    end_categories: Sequence[str] | None = None,
    min_end_lines: int = 3,
    max_prose_ratio: float = 0.75,
    max_paragraph_run: int = 1,
    max_paragraphs: int = 4,
    min_core_share: float = 0.5,
    max_copies: int = 2,
) -> list[Hit]:
    """The kept islands of a page's tail: what other rules left between their removals below the article.

    Below an article a full-page text prints the page's tail: a share bar, an author box, a 'More
    from' list, a newsletter form, the footer's columns, an address and opening hours. Other rules
    take most of it by its words or its shape; what they leave stands in islands between their
    removals (an author's bio, a teaser's dek, a form's labels, a company blurb), which no rule reads
    as part of a whole. The tail runs from the start of a removed run of ``min_lead`` lines or more,
    one of them removed as one of ``end_categories`` (a share bar, tags, a menu), to the page's end,
    ``min_lines`` lines or more; ``min_removed`` of its lines were removed, and
    ``min_removed_after_lead`` of those below its first run; it holds ``min_wall`` removed lines in
    a row (a footer's menu) and ``min_end_lines`` lines removed as end categories.

    Guards, against an article that goes on under a removed block:

    - ``min_prose_before`` words of prose above the tail, and less than ``max_prose_ratio`` of that
      in it;
    - the prose above is one article, not posts: its paragraphs grouped wherever ``min_lead``
      removed lines part them, the largest group holds ``min_core_share`` of it;
    - among the tail's kept lines no more than ``max_paragraph_run`` paragraphs of ``prose_words``
      words in a row and ``max_paragraphs`` in all (an article writes paragraphs; a tail sets them
      apart), and none of the article's own material (:meth:`_TailFacts.own_lines`: a list under
      its lead-in, a spec sheet, a line printed more than ``max_copies`` times);
    - the first removed run is no furniture the page prints again and again from the article's first
      paragraph on (:meth:`_TailFacts.furniture`: a thread's poster panel and buttons, whose last replies look
      like a tail; a page's head repeats its menus and share bars, which say nothing).

    The topmost tail that passes goes, less protected lines and copies of a line kept above it (the
    headline in a teaser list). Only on a page's full text (``full_page``): an extractor's output
    has no tail around its article.
    """
    if not full_page:
        return []
    count = len(blocks)
    gone = [is_residue(rule, b, claimed) for b in blocks]
    prose = _kept_prose(blocks, gone)
    ends = frozenset(end_categories or ())
    marked = [gone[n] and removed_as(rule, b, claimed, ends) for n, b in enumerate(blocks)]
    # From the bottom up: removed lines, end lines and the longest removed run from each line on.
    removed_from = array("q", [0]) * (count + 1)
    ends_from = array("q", [0]) * (count + 1)
    run_at = array("q", [0]) * (count + 1)
    wall_from = array("q", [0]) * (count + 1)
    for n in range(count - 1, -1, -1):
        removed_from[n] = removed_from[n + 1] + gone[n]
        ends_from[n] = ends_from[n + 1] + marked[n]
        run_at[n] = run_at[n + 1] + 1 if gone[n] else 0
        wall_from[n] = max(wall_from[n + 1], run_at[n])
    total = sum(prose)
    # Where the article starts: above it a page's head prints its menus and share bar again and again.
    start = next((n for n in range(count) if prose[n] and blocks[n].words >= prose_words), 0)
    above = 0
    group = largest = 0  # the prose above, in groups parted by removed runs of min_lead lines
    run = 0
    facts: _TailFacts | None = None  # the costly guards' answers, only once a tail passes the cheap ones
    for top in range(count):
        if not gone[top]:
            if run >= min_lead:
                group = 0
            run = 0
            above += prose[top]
            group += prose[top]
            largest = max(largest, group)
            continue
        run += 1
        if count - top < min_lines:
            break
        below = top + run_at[top]
        if (
            run > 1  # a tail starts where a removed run does
            or below - top < min_lead
            or above < min_prose_before
            or removed_from[top] < min_removed * (count - top)
            or removed_from[below] < min_removed_after_lead * (count - below)
            or wall_from[top] < min_wall
            or ends_from[top] < min_end_lines
            or not any(marked[top:below])
            or total - above >= max_prose_ratio * above
            or largest < min_core_share * above
        ):
            continue
        facts = facts or _TailFacts(blocks, gone, prose, prose_words, max_copies, start)
        if (
            below == count
            or facts.paragraphs[below] > max_paragraphs
            or facts.longest[below] > max_paragraph_run
            or facts.own_lines(below)
            or facts.furniture(blocks[top:below], top, max_copies)
        ):
            continue
        article = {b.text.casefold() for n, b in enumerate(blocks[:top]) if not gone[n]}
        line = blocks[top].line + 1
        return [
            (b, f"an island in the page's tail (from line {line}), among lines other rules removed")
            for n, b in enumerate(blocks[below:], below)
            if not gone[n] and b.line not in protected and b.text.casefold() not in article
        ]
    return []


_ITEM_NUMBER = regex.compile(r"\d{1,2}[.)]\s")
_NOT_LETTERS = regex.compile(r"[^\p{L}]+")


def _card_field(blocks: Sequence[Block], gone: Sequence[bool], top: int, first: int, floor: int) -> bool:
    """Whether the end marker at ``top`` is printed again, and removed again, among the lines between it and
    the footer: a label every card of a grid carries ('Tags' over each game's tags), not the article's end.

    >>> from declutter.document import Document
    >>> blocks = Document.from_text("Tags\\nA game\\nTags\\nAnother game").blocks
    >>> [_card_field(blocks, gone, 0, 1, 4) for gone in ([True, False, True, False], [True, False, False, False])]
    [True, False]
    """
    key = _NOT_LETTERS.sub("", blocks[top].text.casefold())
    return any(gone[n] and _NOT_LETTERS.sub("", blocks[n].text.casefold()) == key for n in range(first, floor))


def _faq_pairs(blocks: Sequence[Block], gone: Sequence[bool], prose: Sequence[int], first: int, floor: int) -> int:
    """The longest run of question / answer pairs among the kept lines from ``first`` to ``floor``: a question
    (a line ending in '?') followed by one or more prose lines, the next pair's question right after. An FAQ
    set under a newsletter box is the page's; teasers mostly print an author or a date between headline and dek.

    >>> from declutter.document import Document
    >>> text = "Why?\\nBecause it is so, as said.\\nHow?\\nLike this, every time.\\nAs said.\\nBy Ann"
    >>> blocks = Document.from_text(text).blocks
    >>> _faq_pairs(blocks, [False] * 6, [0, 6, 0, 4, 2, 0], 0, 6)
    2
    """
    run = longest = 0
    asked = False
    for n in range(first, floor):
        if gone[n]:
            continue
        if blocks[n].text.rstrip().endswith("?"):
            if asked:
                run = 0
            asked = True
        elif prose[n]:
            if asked:
                run += 1
                longest = max(longest, run)
            asked = False
        else:
            run = 0
            asked = False
    return longest


def tail_fill(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_prose_before: int = 100,
    max_prose_ratio: float = 1.5,
    prose_words: int = 15,
    max_paragraph_run: int = 1,
    end_categories: Sequence[str] | None = None,
    footer_run: int = 5,
    footer_removed: float = 0.8,
    min_fill: int = 3,
    footer_anchor: str = "",
    card_fields: Sequence[str] | None = None,
    faq_pairs: int = 0,
    thread_posts: int = 0,
    post_furniture: Sequence[str] | None = None,
) -> list[Hit]:
    """The kept lines between residue that ends the article and the page's footer.

    Below an article a page sets its share bar, tags or newsletter box, then its teasers of
    other stories and its widgets, then its footer. Teasers carry deks written as sentences
    (a headline, an author, a date, the story's first paragraph), so they pass for the
    article resuming and neither :func:`tail_after_residue` (it needs residue right under the
    last paragraph) nor :func:`residue_wall` (it needs a wall of removed lines above, and
    less prose below than above) reaches them. What tells them from an article is their
    rhythm: teasers and widgets never set two paragraphs one after another; an article does.

    The top is a line removed as one of ``end_categories`` (a share bar, tags, a comment
    form, a newsletter box) below ``min_prose_before`` words of prose; the floor is the first
    line below it where ``footer_run`` removed lines follow one another and ``footer_removed``
    of the lines from there to the end are removed (the footer other rules took). The kept
    lines between them (``min_fill`` or more) go when: no more than ``max_paragraph_run``
    paragraphs of ``prose_words`` words stand in a row among them; the first of them is not a
    paragraph (the article's last paragraph under an inline share button) nor a list's lead-in
    ending in a colon (a fact check's 'Sources:'); no two of them are numbered items (a
    listicle's '1. …', '2. …'); and the prose below the top is less than ``max_prose_ratio``
    times the prose above it (teasers' deks may outweigh a short article; a long article
    under an inline box does not); and a top removed as one of ``card_fields`` is not printed
    again, removed, between it and the floor (a shop's grid prints 'Tags' over every game's
    tags: the top is a card's field, and the cards under it are the page's); and no run of ``faq_pairs`` (when
    set) question / answer pairs stands among them (an FAQ under a newsletter box); and no chain of
    ``thread_posts`` (when set) post headers numbered one after another stands between them (a thread's
    replies under a post's '1 Like': :func:`~declutter.heuristics.common.numbered_posts`); and no line
    among them was removed as one of ``post_furniture`` (a poster's panel: the fill holds a post; such lines
    are not in ``claimed``, see ``UNSEEN_CATEGORIES`` in :mod:`declutter.pipeline`, but their category is
    still told). The topmost top
    that passes counts; lines keep rules protect stay. Lines matching the rule's anchor
    patterns count as removed end markers, and lines fully matching ``footer_anchor`` as
    removed footer links, so the rule can be tested alone; in the pipeline other rules took
    them.
    """
    ends = frozenset(end_categories or ())
    fields = frozenset(card_fields or ())
    furniture = frozenset(post_furniture or ())
    count = len(blocks)
    footer_link = regex.compile(footer_anchor) if footer_anchor else None
    gone = [
        is_residue(rule, b, claimed) or (footer_link is not None and footer_link.fullmatch(b.text) is not None)
        for b in blocks
    ]
    prose = _kept_prose(blocks, gone)
    paragraph = [bool(prose[n]) and b.words >= prose_words for n, b in enumerate(blocks)]

    # From the bottom up: the nearest footer at or below each line, and the next kept line.
    floor_at: list[int | None] = [None] * (count + 1)
    # Line numbers and prefix counts as machine integers: a list would hold an int object for each.
    next_kept = array("q", [count]) * (count + 1)
    removed_from = 0
    run = 0
    for n in range(count - 1, -1, -1):
        removed_from += gone[n]
        run = run + 1 if gone[n] else 0
        footer = run >= footer_run and removed_from >= footer_removed * (count - n)
        floor_at[n] = n if footer else floor_at[n + 1]
        next_kept[n] = next_kept[n + 1] if gone[n] else n
    # From the top down: where a run of more than max_paragraph_run paragraphs completes (gone lines
    # neither extend nor break a run), numbered items, and kept lines, as prefix counts.
    too_long = array("q", [0]) * (count + 1)
    numbered = array("q", [0]) * (count + 1)
    kept = array("q", [0]) * (count + 1)
    run = 0
    for n, block in enumerate(blocks):
        if not gone[n]:
            run = run + 1 if paragraph[n] else 0
        too_long[n + 1] = too_long[n] + (not gone[n] and run > max_paragraph_run)
        numbered[n + 1] = numbered[n] + (not gone[n] and _ITEM_NUMBER.match(block.text) is not None)
        kept[n + 1] = kept[n] + (not gone[n])

    total = sum(prose)
    above = 0
    for top in range(count):
        above += prose[top]
        if not gone[top] or above < min_prose_before or not removed_as(rule, blocks[top], claimed, ends):
            continue
        floor = floor_at[top + 1]
        if floor is None:
            return []
        first = next_kept[top + 1]
        if (
            first < floor
            and kept[floor] - kept[first] >= min_fill
            and not paragraph[first]
            and not blocks[first].text.rstrip().endswith(":")
            and too_long[floor] == too_long[first]
            and numbered[floor] - numbered[first] < 2
            and total - above < max_prose_ratio * above
            and not (category_of(claimed, blocks[top].line) in fields and _card_field(blocks, gone, top, first, floor))
            and not (faq_pairs and _faq_pairs(blocks, gone, prose, first, floor) >= faq_pairs)
            and not (thread_posts and len(numbered_posts(blocks, first, floor)) >= thread_posts)
            and not (furniture and any(category_of(claimed, b.line) in furniture for b in blocks[first:floor]))
        ):
            line = blocks[top].line + 1
            return [
                (block, f"between the article's end (line {line}) and the page's footer")
                for n, block in enumerate(blocks[first:floor], first)
                if not gone[n] and block.line not in protected
            ]
    return []
