"""Where the article sits on the page: the chrome between the page title and its echo, the tail below it."""

from __future__ import annotations

import itertools
from array import array
from collections import Counter
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

import regex

from declutter.document import Block
from declutter.heuristics.common import (
    Hit,
    article_span,
    category_of,
    first_paragraph,
    headline_copies,
    is_bulleted,
    is_paragraph,
    is_residue,
    is_title_echo,
    paragraph_positions,
    prose_words_before,
    removed_as,
    text_copies,
)
from declutter.matchers import fullmatch
from declutter.rules import Rule
from declutter.text import ends_like_sentence, is_prose, size_within, spec_rows


def title_echo(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_words: int = 4,
    max_prose_between: int = 40,
    min_prose_after: int = 100,
    min_lines_between: int = 3,
    quoted_words: int = 2,
) -> list[Hit]:
    """The page chrome between a full-page text's first line (the HTML title) and the headline that repeats it.

    A full-page converter writes the page's ``<title>`` first ('Storm hits coast - Daily
    Planet'), then the menus, sidebars and teasers that precede the story on the page, then
    the headline again ('Storm hits coast') and the article. The headline's echo marks where
    the article starts on any site: whatever lies between the two copies is chrome. The echo
    must have ``min_words`` words and be the title itself or the title minus a site name set
    off by a separator; at least ``min_prose_after`` words of prose must follow it, and at
    most ``max_prose_between`` words of prose may lie between (a text whose article starts
    before the echo is not this shape). When the headline recurs there (a sticky header), the last
    copy is the one above the article. Every copy of the headline stays, and so does a line of
    ``quoted_words`` words or more that the article's prose repeats (a kicker naming its topic).
    """
    if len(blocks) < min_lines_between + 2:
        return []
    top = blocks[0]
    if top.line in claimed or top.words < min_words or ends_like_sentence(top.text):
        return []
    prose_before = prose_words_before(blocks)
    total = prose_before[-1] + (blocks[-1].words if is_prose(blocks[-1].text, words=blocks[-1].words) else 0)
    echoes: list[int] = []
    for position in range(1, len(blocks)):
        block = blocks[position]
        if prose_before[position] > max_prose_between:
            break  # the article, or something like it, started here
        if block.words < min_words or block.words > top.words or block.line in claimed:
            continue
        if is_title_echo(top.text, block.text, min_words):
            echoes.append(position)
    if not echoes:
        return []
    # The last echo is the headline above the article; earlier ones are copies in the chrome (a sticky header).
    position = echoes[-1]
    block = blocks[position]
    copies = {blocks[at].line for at in echoes}
    between = [
        b
        for b in blocks[1:position]
        if b.line not in protected
        and b.line not in copies
        # Below an earlier copy of the headline, a paragraph may be the dek: only short lines go there.
        and (b.index < blocks[echoes[0]].index or not is_prose(b.text, words=b.words))
    ]
    if len(between) < min_lines_between or total - prose_before[position] < min_prose_after:
        return []
    # A kicker or topic label the article itself names ('Dancing With the Stars') may be the article's own.
    article = " ".join(b.text.lower() for b in blocks[position:] if is_prose(b.text, words=b.words))
    between = [b for b in between if b.words < quoted_words or b.text.lower() not in article]
    return [(b, f"between the page title (line 1) and its echo, the headline (line {block.line + 1})") for b in between]


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
    """
    if rule is None or not rule.patterns:
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
    floors = {p for p, b in enumerate(blocks) if b.line not in protected and fullmatch(rule, b, b.text) is not None}
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
            if _longest_paragraph_run(blocks[below:], gone[below:], prose[below:], prose_words) <= max_paragraph_run:
                line = block.line + 1
                return [
                    (b, f"below the page's copyright line (line {line}) under the article")
                    for b in blocks[below:]
                    if b.line not in protected
                ]
        above += prose[position]
    return []


_PROSE_WORD = regex.compile(r"\p{L}{3,}")


def head_strip(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    prose_words: int = 15,
    max_lines: int = 20,
    headline_words: int = 4,
    min_claimed: int = 1,
    max_words: int = 14,
    max_shared: float = 0.5,
    anchor: str = "",
) -> list[Hit]:
    """The small lines between the headline and the first paragraph: share counts, time stamps, bare names.

    Under the headline a page sets its metadata: the author's name (its 'By' an icon),
    a time stamp, share counters ('84.1K', '108'). Other rules remove part of that strip (a
    'By' line, a date, the share buttons); what they leave has a shape but no vocabulary.
    Walking up from the first prose paragraph (of ``prose_words`` words) that no rule
    removed, the strip is the run of lines that other rules removed or that fully match one
    of the rule's shape patterns (a count, a clock time, a run of capitalised names) with at
    most ``max_words`` words; it ends at the first other line, which must be the headline or
    the dek: unremoved, of ``headline_words`` words or more. The headline sits 1 to 17 lines
    above the first paragraph, so the strip has no fixed size, only ``max_lines``. The
    strip goes when it holds ``min_claimed`` lines other rules removed (it is the head's
    metadata, not the article's own short lines), except a line whose words the article
    repeats: of its distinct words of three letters or more (when it has two or more),
    more than ``max_shared`` appear in the article's prose ('Joe Biden Wins Iowa' is a
    headline, 'Anna Menin' a byline). Words without a digit right above the paragraph are its
    heading ('Key Points') and stay too. A line fully matching the ``anchor`` pattern (a share
    button) counts as removed, so the rule can be tested alone; in the pipeline other rules took it.
    """
    if rule is None or not rule.patterns:
        return []
    first = first_paragraph(blocks, claimed, prose_words)
    if first is None or first == 0:
        return []
    anchored = regex.compile(anchor) if anchor else None

    def residue(block: Block) -> bool:
        return block.line in claimed or (anchored is not None and anchored.fullmatch(block.text) is not None)

    strip: list[Block] = []
    top: Block | None = None
    for block in reversed(blocks[:first]):
        if len(strip) >= max_lines:
            return []
        if block.line in protected:
            top = block
            break
        if residue(block) or (block.words <= max_words and fullmatch(rule, block, block.text) is not None):
            strip.append(block)
            continue
        top = block
        break
    if top is None or top.words < headline_words:
        return []
    found = [b for b in strip if not residue(b)]
    if not found or len(strip) - len(found) < min_claimed:
        return []
    article: set[str] | None = None
    hits: list[Hit] = []
    for block in reversed(found):
        words = {w.casefold() for w in _PROSE_WORD.findall(block.text)}
        if block is strip[0] and len(words) >= 2 and not any(ch.isdigit() for ch in block.text):
            continue  # words right above the paragraph, without a time or a count: its heading ('Key Points')
        if len(words) >= 2:
            if article is None:
                article = {
                    w.casefold()
                    for b in blocks[first:]
                    if b.line not in claimed and is_prose(b.text, words=b.words)
                    for w in _PROSE_WORD.findall(b.text)
                }
            if sum(w in article for w in words) > max_shared * len(words):
                continue
        hits.append((block, f"between the headline (line {top.line + 1}) and the first paragraph, beside residue"))
    return hits


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
    group holding a protected line stays whole. Nothing inside the article's span is touched:
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


_SLUG_TOKEN = regex.compile(r"[^\W_]+")
_SLUG_WORD = regex.compile(r"[^\W\d_]{2,}")


def _slug_tokens(url: str | None, ignore: frozenset[str]) -> frozenset[str]:
    """The words of a URL's slug: the path segment with the most words, lower-cased, without bare numbers.

    >>> sorted(_slug_tokens("https://example.com/news/2019/storm-hits-coast-schools-close-14.php", frozenset({"php"})))
    ['close', 'coast', 'hits', 'schools', 'storm']
    """
    if not url:
        return frozenset()
    segments = [unquote(s) for s in urlsplit(url).path.split("/") if s]
    if not segments:
        return frozenset()
    slug = max(segments, key=lambda s: len(_SLUG_WORD.findall(s)))
    return frozenset(t for t in _SLUG_TOKEN.findall(slug.casefold()) if not t.isdigit() and t not in ignore)


_LONG_WORD = regex.compile(r"\p{L}{4,}")


def _words(text: str) -> frozenset[str]:
    """The words of four letters or more of ``text``, case-folded (not 'the', 'and')."""
    return frozenset(w.casefold() for w in _LONG_WORD.findall(text))


def _opens_with_intro(
    blocks: Sequence[Block],
    claimed: frozenset[int],
    sources: Sequence[frozenset[str]],
    prose_words: int,
    min_shared: int,
    source_cover: float,
) -> bool:
    """Whether the text opens with its own heading and, right under it, a paragraph naming the page's topic.

    A page's full text opens with its title or its chrome; a text whose first line is a heading
    sharing a word with a source (the URL's slug) and whose second is a paragraph holding the
    source's words is an extractor's output that starts at the article: a collection's name and
    introduction ('Dress Shoes & Socks' over 'Generation Tux's … collection of dress shoes … and
    socks …'), where a later section heading the slug names ('About our tuxedo shoes and socks')
    is no headline with a page head above it.

    >>> from declutter.document import Document
    >>> text = ("Dress Shoes & Socks\\nOur collection of dress shoes, tuxedo shoes and socks is designed to "
    ...     "finish your formalwear, whatever the occasion and the season may be.\\nFilters")
    >>> blocks, slug = Document.from_text(text).blocks, [frozenset({"shoes", "and", "socks"})]
    >>> [_opens_with_intro(b, frozenset(), slug, 15, 3, 0.6) for b in (blocks, blocks[1:])]
    [True, False]
    """
    if len(blocks) < 2 or blocks[0].line in claimed or ends_like_sentence(blocks[0].text):
        return False
    intro = blocks[1]
    if not is_paragraph(intro, claimed, prose_words):
        return False
    heading = frozenset(_SLUG_TOKEN.findall(blocks[0].text.casefold()))
    words = frozenset(_SLUG_TOKEN.findall(intro.text.casefold()))
    for source in sources:
        shared = len(words & source)
        if heading & source and shared >= min_shared and shared >= source_cover * len(source):
            return True
    return False


def headline_anchor(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    url: str | None = None,
    prose_words: int = 15,
    edge_gap: int = 8,
    edge_words: int = 200,
    min_words: int = 3,
    title_words: int = 4,
    min_shared: int = 3,
    source_cover: float = 0.6,
    line_cover: float = 0.35,
    max_gap: int = 25,
    min_claimed: int = 2,
    min_between: int = 3,
    min_prose_after: int = 100,
    quoted_words: int = 2,
    quote_stop_words: int = 5,
    slug_ignore: str = "",
    max_prose_above: int = 1,
    near_gap: int = 2,
    near_between: int = 4,
) -> list[Hit]:
    """The page chrome above the headline, the headline found by its likeness to the URL's slug or the page title.

    A full-page text holds the headline once above the article, and the page names the same
    headline in its address ('…/storm-hits-coast-schools-close-14848164.php') and, in
    html-text, its ``<title>`` on the first line. What lies above the headline on the page is
    chrome (menus, teasers, log-in and consent prompts), whatever its wording; ``title-echo``
    needs the title on line 1 and its exact echo, and inscriptis texts open with the menu.
    Here the headline is the first unremoved line above the article's first paragraph (of
    ``prose_words`` words; with ``edge_gap`` and ``edge_words``, not a site blurb far above the
    rest, see :func:`~declutter.heuristics.menus.menu_run`) with ``min_words`` words or more, no statement ending, and
    ``min_shared`` words or more in common with a source (the slug's words, or the first line
    when it is an unremoved non-sentence of ``title_words`` words or more) that cover
    ``source_cover`` of the source's words and ``line_cover`` of its own, or whose words are
    those of the page title less its site name or of one of the parts the title strings
    together ('Writing workflows - GitHub Docs', 'Verte Chair | Best Ergonomic Chair | Shop':
    two words are a headline there). The last such line is the headline instead if at most ``near_gap``
    lines separate it from the first paragraph, more than ``near_between`` lines from the first
    such line, and no line of ``prose_words`` words stands between the two: the first was a menu
    item the slug names, and the menu below it is chrome too (a line of paragraph length there
    means the page's own text, a question or a product's details, starts above the later copy).
    Every unremoved line above it goes, except:

    - the page title on the first line, and every line that matches a source the same way
      (copies of the headline: a breadcrumb's last item, a sticky header); a first line that
      shares no word of four letters or more with the headline or the slug is no title but
      chrome (inscriptis texts open with a tag line or a consent notice), and goes;
    - a line of ``quoted_words`` words or more that the article's prose contains (a kicker);
      and below a line of ``quote_stop_words`` words or more that the article contains (a fact
      check's claim card above the headline), nothing goes;
    - everything, when more than ``max_gap`` unremoved lines separate the headline from the
      first paragraph and a paragraph of prose no rule removed stands above it (on the HTML
      stage's text a product's description may precede its spec sheet and the line naming
      it), when fewer than ``min_prose_after`` words of prose follow it, or when
      fewer than ``min_claimed`` lines above the first paragraph were removed by other rules
      or match the rule's anchor patterns (chrome labels, so the rule can be tested alone): a
      main-content text has no chrome, and its 'headline' may be a caption naming the topic;
    - everything, when the page title is the source and fewer than ``min_between`` lines
      separate it from the headline (the first line is the headline itself, and the match a
      copy inside the article).

    - everything, when more than ``max_prose_above`` unremoved lines above the headline are
      paragraphs of prose (``prose_words`` words or more, ending like sentences) and they hold as
      many words as the prose below it: a page head is
      chrome, and an extractor's output (a buyer's guide whose product names a later heading
      echoes) holds the article above the line that looks like the headline;
    - everything, when the text opens with a heading and, under it, a paragraph holding the
      source's words (:func:`_opens_with_intro`): an extractor's output that starts at the article.

    A slug shorter than ``min_shared`` words ('news_view.html') is no source; ``slug_ignore``
    lists words (file extensions) that are no part of it, separated by spaces. Without a URL only the page title serves.
    """
    if not blocks:
        return []
    sources: list[frozenset[str]] = []
    slug = _slug_tokens(url, frozenset(slug_ignore.split()))
    if len(slug) >= min_shared:
        sources.append(slug)
    top = blocks[0]
    titled = top.line not in claimed and top.words >= title_words and not ends_like_sentence(top.text)
    stems: set[frozenset[str]] = set()
    if titled:
        sources.append(frozenset(_SLUG_TOKEN.findall(top.text.casefold())))
        suffix = _TITLE_SUFFIX.search(top.text)
        if suffix is not None:
            stems.add(frozenset(_SLUG_TOKEN.findall(top.text[: suffix.start()].casefold())))
            parts = _TITLE_PARTS.split(top.text)
            stems.update(frozenset(_SLUG_TOKEN.findall(part.casefold())) for part in parts[:-1])
        stems = {stem for stem in stems if len(stem) >= 2}
    if not sources:
        return []
    if _opens_with_intro(blocks, claimed, sources, prose_words, min_shared, source_cover):
        return []
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    first = next(p for p, b in enumerate(blocks) if b.index == span.first)

    def likeness(block: Block) -> bool:
        if ends_like_sentence(block.text) and not block.text.endswith("?"):
            return False
        own = frozenset(_SLUG_TOKEN.findall(block.text.casefold()))
        if own in stems:
            return True  # the title without its site name ('Writing workflows - GitHub Docs')
        if block.words < min_words:
            return False
        for source in sources:
            shared = len(own & source)
            if shared >= min_shared and shared >= source_cover * len(source) and shared >= line_cover * len(own):
                return True
        return False

    start = 1 if titled else 0
    named = [p for p in range(start, first) if blocks[p].line not in claimed and likeness(blocks[p])]
    if not named:
        return []
    gaps = [sum(1 for b in blocks[p + 1 : first] if b.line not in claimed) for p in named]
    later = (
        gaps[-1] <= near_gap
        and gaps[0] - gaps[-1] > near_between
        and not any(b.words >= prose_words for b in blocks[named[0] : named[-1]] if b.line not in claimed)
    )
    if later:
        headline = named[-1]
    elif gaps[0] <= max_gap or not any(is_paragraph(b, claimed, prose_words) for b in blocks[start : named[0]]):
        headline = named[0]
    else:
        return []
    if sum(1 for b in blocks[:first] if is_residue(rule, b, claimed)) < min_claimed:
        return []  # no page chrome: a main-content text, whose 'headline' may be a caption naming the topic
    if titled and headline - start < min_between:
        return []  # the first line is the headline itself, and this a copy in the article (a caption)
    prose = [b for b in blocks[first:] if b.line not in claimed and is_prose(b.text, words=b.words)]
    if sum(b.words for b in prose) < min_prose_after:
        return []
    article = " ".join(b.text.casefold() for b in prose)
    if titled and not (_words(top.text) & (_words(blocks[headline].text) | slug)):
        # The first line names nothing of the headline: not the page title but chrome ('Got a tip for us?').
        start, sources, stems = 0, sources[:-1], set()
        if not likeness(blocks[headline]):
            return []
    above = [b for b in blocks[start:headline] if b.line not in claimed and b.line not in protected]
    paragraphs = [b for b in above if b.words >= prose_words and is_prose(b.text, words=b.words)]
    if len(paragraphs) > max_prose_above and sum(b.words for b in paragraphs) >= sum(b.words for b in prose):
        return []  # more prose above the 'headline' than below it: the article, not a page head
    quoted = [b.words >= quoted_words and b.text.casefold() in article for b in above]
    stops = [n for n, b in enumerate(above) if quoted[n] and b.words >= quote_stop_words]
    if stops:
        above, quoted = above[: stops[0]], quoted[: stops[0]]
    line = blocks[headline].line + 1
    return [
        (b, f"above the headline (line {line}), which the page's address or title names")
        for b, named in zip(above, quoted, strict=True)
        if not named and not likeness(b)
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


_NAME_CHARS = regex.compile(r"[^\p{L}\p{N}]+")


def _host_name(url: str | None) -> str:
    """The site's name as its address spells it: the host without 'www.' and its last label, squashed.

    >>> _host_name("https://www.quantamagazine.org/tuft-cells/"), _host_name("https://news.example.co.uk/a")
    ('quantamagazine', 'newsexampleco')
    """
    host = (urlsplit(url).hostname or "") if url else ""
    labels = host.casefold().removeprefix("www.").split(".")[:-1]
    return "".join(labels)


_TITLE_PARTS = regex.compile(r"\s[|–—-]\s+")
_TITLE_SUFFIX = regex.compile(r"\s[|–—-]\s+([^|–—]+?)\s*$")


def _title_suffix(blocks: Sequence[Block], claimed: frozenset[int], max_words: int, min_words: int) -> str:
    """The site name that ends the page title on the first line ('Storm hits coast | Daily Planet'), squashed."""
    if not blocks or blocks[0].line in claimed:
        return ""
    found = _TITLE_SUFFIX.search(blocks[0].text)
    if found is None:
        return ""
    name, rest = found.group(1), blocks[0].text[: found.start()]
    if len(name.split()) > max_words or len(rest.split()) < min_words:
        return ""
    return _NAME_CHARS.sub("", name.casefold())


def site_name(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    url: str | None = None,
    prose_words: int = 15,
    max_words: int = 4,
    min_chars: int = 4,
    min_cover: float = 0.5,
    title_words: int = 3,
    edge_gap: int = 8,
    edge_words: int = 200,
    tail_removed: int = 3,
) -> list[Hit]:
    """Outside the article, a line that is only the site's name, as its address or its page title spells it.

    A full-page text writes the logo's alt text or the masthead ('Quanta Magazine', 'Wccftech',
    "Barron's") above the headline, in words no vocabulary can list for every site; the page names
    itself twice elsewhere: in its address and at the end of its ``<title>``, which html-text writes
    on the first line ('Tuft cells that taste danger | Quanta Magazine'). Above the article's first
    paragraph (of ``prose_words`` words; with ``edge_gap`` and ``edge_words``, not a site blurb far
    above the rest, see :func:`~declutter.heuristics.menus.menu_run`), an unremoved line of at most
    ``max_words`` words goes when its letters and digits, squashed and case-folded, are ``min_chars``
    or more and either a part of the host name (without 'www.' and the last label) covering
    ``min_cover`` of it, or the site name after the last separator of the first line (a title of
    ``title_words`` words or more before it). Below the last paragraph such a line goes only under
    ``tail_removed`` lines other rules removed there (a footer's masthead): right under the article
    'Reuters' on reuters.com is the article's attribution. Nothing inside the article's span goes,
    nor a copy of the headline (:func:`headline_copies`).
    """
    host = _host_name(url)
    suffix = _title_suffix(blocks, claimed, max_words, title_words)
    if len(host) < min_chars and len(suffix) < min_chars:
        return []
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    hits: list[Hit] = []
    copies = span.headlines
    removed_below = 0  # lines other rules removed below the last paragraph, above this one
    for block in blocks:
        if block.index > span.last and block.line in claimed:
            removed_below += 1
        if span.first <= block.index and (block.index <= span.last or removed_below < tail_removed):
            continue
        if block.words > max_words or block.line in claimed or block.line in protected or block.line in copies:
            continue
        name = _NAME_CHARS.sub("", block.text.casefold())
        if len(name) < min_chars:
            continue
        if name == suffix or (name in host and len(name) >= min_cover * len(host)):
            hits.append((block, "the site's name, as its address or page title spells it, above the article"))
    return hits


_ITEM_NUMBER = regex.compile(r"\d{1,2}[.)]\s")


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
    under an inline box does not). The topmost top that passes counts; lines keep rules
    protect stay. Lines matching the rule's anchor patterns count as removed end markers, and
    lines fully matching ``footer_anchor`` as removed footer links, so the rule can be tested
    alone; in the pipeline other rules took them.
    """
    ends = frozenset(end_categories or ())
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
        ):
            line = blocks[top].line + 1
            return [
                (block, f"between the article's end (line {line}) and the page's footer")
                for n, block in enumerate(blocks[first:floor], first)
                if not gone[n] and block.line not in protected
            ]
    return []
