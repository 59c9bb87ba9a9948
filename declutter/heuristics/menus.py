"""Menus: runs of very short lines outside the article, bulleted menus in a page dump's head, labels that
recur on both sides of the article, and menus printed twice. Panels laid out otherwise (a footer's columns, a
shop's facets, a menu flattened onto one line) are in :mod:`declutter.heuristics.panels`.

A headline is never a menu item: :func:`headline_copies` finds the lines that repeat it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise

import regex

from declutter.document import Block
from declutter.heuristics.common import (
    ArticleSpan,
    Hit,
    article_span,
    category_of,
    first_paragraph,
    headline_copies,
    is_bulleted,
    is_paragraph,
    is_residue,
    is_statement,
    short_on_average,
    title_tokens,
)
from declutter.matchers import fullmatch, inside_bullets
from declutter.rules import Rule
from declutter.text import (
    PRICE,
    ends_like_sentence,
    size_within,
    spec_rows,
    strip_bullet,
)


def _short_runs(
    blocks: Sequence[Block],
    span: ArticleSpan,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    max_words: int,
    exclamations: bool,
    skip_claimed: bool,
    inside: bool,
) -> list[list[Block]]:
    """Maximal runs of short lines (at most ``max_words`` words, no sentence ending), never across the span's edges.

    With ``exclamations`` a short line ending in '!' or '?' is short too ('Forums!');
    with ``skip_claimed`` a long line outside the span that another rule removed does not
    break a run; without ``inside`` no line inside the article's span is short.
    """
    runs: list[list[Block]] = [[]]
    region = 0
    for block in blocks:
        outside = block.index < span.first or block.index > span.last
        if skip_claimed and outside and block.line in claimed and block.words > max_words:
            continue  # residue another rule removed does not split a menu
        if span.region(block.index) != region:
            runs.append([])  # a run never crosses the article's first or last paragraph
            region = span.region(block.index)
        short = (
            block.words <= max_words
            and (not ends_like_sentence(block.text) or (exclamations and block.text.rstrip()[-1:] in "!?"))
            and block.line not in protected
            and (outside or inside)
        )
        if short:
            runs[-1].append(block)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]


def _above_items(run: list[Block], marks: list[int], *, top_label: bool, bullets: bool) -> tuple[int, int]:
    """The menu part of a run above the article: up to its last menu label (a short headline under it stays).

    With ``top_label`` it also starts at its first label (the page title may open the text);
    with ``bullets`` a run that is mostly bulleted goes on through the bulleted items under its last label.
    """
    if not marks:
        return 0, 0
    start, end = (marks[0] if top_label else 0), marks[-1] + 1
    if bullets and 2 * sum(map(is_bulleted, run[start:end])) >= end - start:
        while end < len(run) and is_bulleted(run[end]):
            end += 1
    return start, end


def _inside_items(run: list[Block], marks: list[int], claimed: frozenset[int], inner_ratio: float) -> tuple[int, int]:
    """The menu part of a run inside the article's span: from its first label to its last, only when dense.

    At least ``inner_ratio`` of those lines are labels and another rule removed a line of the
    run (a share bar next to the menu): an article's own list has no residue in it.
    """
    if not marks:
        return 0, 0
    start, end = marks[0], marks[-1] + 1
    if not inner_ratio or not any(b.line in claimed for b in run) or len(marks) < inner_ratio * (end - start):
        return 0, 0
    return start, end


def _price_cycle(items: Sequence[Block], min_prices: int) -> bool:
    """Product cards: ``min_prices`` lines or more hold a price ('$24.95', '19,90 €'), one every few lines.

    A shop's grid prints per card a name, a price and a few fields, so the prices recur at a
    steady step: half of the gaps between cards or more lie within a quarter of the median gap, of
    two lines or more (cards print one field more or less). A price within two lines of the last is
    the same card's (a sale price and the price it was). A menu's items are names without prices.

    >>> from declutter.document import Document
    >>> cards = ["Spot 400", "$54.95", "Max Light:", "400 lumens", "Astro 300", "$24.95", "was $34.95",
    ...          "Max Light:", "300 lumens", "Actik Core", "$87.95", "Max Light:", "625 lumens", "Red light"]
    >>> _price_cycle(Document.from_text("\\n".join(cards)).blocks, 3)
    True
    """
    at: list[int] = []
    for n, b in enumerate(items):
        if PRICE.search(b.text) and not (at and n - at[-1] <= 2):  # a sale price and the one it was: one card
            at.append(n)
    if len(at) < max(min_prices, 2):
        return False
    gaps = sorted(b - a for a, b in pairwise(at))
    step = gaps[len(gaps) // 2]
    return step >= 2 and 2 * sum(abs(gap - step) <= step / 4 for gap in gaps) >= len(gaps)


_RANK = regex.compile(r"#?(\d{1,3})[.)]?")


def _first_ranked_card(items: Sequence[Block], min_cards: int = 3) -> int | None:
    """Where a ranked chart's cards begin: the first of ``min_cards`` rank lines or more ('#1', '#2', '#3')
    counting up by one at a steady step of two lines or more (a card's title, year and rating between them).

    A menu names places, it does not number them card by card; a pager's '1', '2', '3' stand line under line.

    >>> from declutter.document import Document
    >>> chart = ["Sort by", "Ranking", "#1", "Scream 7", "2026", "R", "#2", "The Bluff", "2026", "R", "#3", "Shelter"]
    >>> _first_ranked_card(Document.from_text("\\n".join(chart)).blocks)
    2
    >>> _first_ranked_card(Document.from_text("\\n".join(["Home", "1", "2", "3", "Next"])).blocks) is None
    True
    """
    ranks = [(n, int(m.group(1))) for n, b in enumerate(items) if (m := _RANK.fullmatch(b.text.strip())) is not None]
    for start, (first, rank) in enumerate(ranks):
        run = [first]
        for at, value in ranks[start + 1 :]:
            if value == rank + len(run) and at - run[-1] >= 2 and (len(run) < 2 or at - run[-1] == run[1] - run[0]):
                run.append(at)
        if len(run) >= min_cards:
            return first
    return None


def _announced(run: list[Block], first_label: int, span: ArticleSpan, min_items: int) -> bool:
    """A run below the article that opens right under its last paragraph and runs ``min_items`` items or more
    before its first menu word: a list the prose announces (an awards page's intro, a heading, then its categories).

    A footer menu lies past other residue, or opens on its labels ('Careers' second under the last paragraph);
    the article's own list holds few menu words ('Entertainment', 'Library'), so they are held to the share
    an extractor's output needs.
    """
    return span.region(run[0].index) == 2 and run[0].index == span.last + 1 and first_label >= min_items


def menu_run(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_items: int = 8,
    max_words: int = 4,
    max_mean_words: float = 2.5,
    prose_words: int = 15,
    min_anchors: int = 2,
    edge_gap: int = 0,
    edge_words: int = 60,
    claimed_evidence: bool = False,
    skip_claimed: bool = False,
    exclamations: bool = False,
    bullets: bool = False,
    top_label: bool = False,
    inner_ratio: float = 0.0,
    dense_items: int = 0,
    dense_ratio: float = 1.0,
    card_prices: int = 0,
    extract_label_share: float = 0.0,
    full_page: bool = True,
) -> list[Hit]:
    """A long run of very short lines above the article or below it: a menu, a footer, a link farm.

    Four steps, each a helper with its own few knobs:

    1. :func:`article_span` finds the article: its first and last prose paragraph (of
       ``prose_words`` words; ``edge_gap``, ``edge_words`` drop a site blurb at either end).
       A document without prose is left alone.
    2. :func:`_short_runs` cuts the rest into runs of items: lines of at most ``max_words``
       words with no sentence ending (``exclamations``: 'Forums!' is an item; ``skip_claimed``:
       long residue lines do not split a run). A run lies entirely above the first
       paragraph, inside the span or below the last paragraph.
    3. Each run is trimmed to its menu part by the lines matching the rule's patterns (menu
       vocabulary such as 'Home', 'Contact us'): :func:`_above_items` (``top_label``,
       ``bullets``), below the article from the first label to the end, and
       :func:`_inside_items` (``inner_ratio``; without it nothing inside the span goes).
    4. The menu part goes when it has ``min_items`` items, or ``dense_items`` outside the span
       of which ``dense_ratio`` are labels ('About us', 'Careers', 'Advertise'); when it has
       ``min_anchors`` labels (with ``claimed_evidence``, short lines another rule removed
       count too); and when its items average at most ``max_mean_words`` words. Shape alone
       never deletes: a list of names or products that closes an article has no labels. With
       ``card_prices``, a menu part holding that many prices at a steady step (:func:`_price_cycle`,
       a shop's product grid) stays. Without ``full_page`` (an extractor's output: no page around the
       article, the pipeline says which) two labels are weak evidence in a long run: at least
       ``extract_label_share`` of its items must be labels (a guide's list of brands, each over its
       materials, holds a 'local' and a 'regional' among 37 lines).
       Copies of the headline (:func:`headline_copies`) always stay.
    """
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    runs = _short_runs(
        blocks,
        span,
        protected,
        claimed,
        max_words=max_words,
        exclamations=exclamations,
        skip_claimed=skip_claimed,
        inside=inner_ratio > 0,
    )
    hits: list[Hit] = []
    for run in runs:
        marks = _menu_marks(run, [n for n, b in enumerate(run) if _is_label(rule, b, b.text)])
        region = span.region(run[0].index)
        if region == 0:
            start, end = _above_items(run, marks, top_label=top_label, bullets=bullets)
        elif region == 1:
            start, end = _inside_items(run, marks, claimed, inner_ratio)
        else:
            start, end = (marks[0], len(run)) if marks else (0, 0)
        items = run[start:end]
        evidence = len(marks)
        if claimed_evidence:
            marked = {run[n].line for n in marks}
            evidence += sum(1 for b in items if b.line in claimed and b.line not in marked)
        labels = sum(1 for n in marks if start <= n < end)
        dense = region != 1 and dense_items and len(items) >= dense_items and labels >= dense_ratio * len(items)
        if (
            (len(items) >= min_items or dense)
            and evidence >= min_anchors
            and (
                (full_page and not (marks and _announced(run, marks[0], span, min_items)))
                or evidence >= extract_label_share * len(items)
            )
            and short_on_average(items, max_mean_words)
            and not (card_prices and _price_cycle(items, card_prices))
        ):
            place = ("above the article", "inside the article's span", "below the article")[region]
            hits.extend(
                (b, f"item of a run of {len(items)} short lines {place} ({evidence} menu labels)")
                for b in items
                if b.line not in span.headlines
            )
    return hits


POST_STEP_SPREAD = 2
"""A label printed once per post recurs at a steady step: the widest gap between two of its copies is at most this
many times the narrowest (a short reply is a line or two, a longer one a few more)."""


def _menu_marks(run: Sequence[Block], marks: list[int]) -> list[int]:
    """The label positions of a run that name a menu: none when every label is one text, printed once per post.

    A menu names each place once ('Home', 'News', 'Contact'; a mobile copy of the same menu repeats several). One
    label and only it, printed two times or more at a steady step of two lines or more (:data:`POST_STEP_SPREAD`)
    and on to the run's end (no more lines after the last than the widest step), is a template's field: a thread
    prints each reply's language badge ('English', Lemmy) in its header, and with the poster handles and dates
    other rules removed it made the short replies between them a menu run. A label recurring out of step (a
    council page's 'Contact Us' over its staff cards, in its footer and beside its address) or a run going on past
    the cadence is judged by its labels as before.

    >>> from declutter.document import Document
    >>> run = Document.from_text("English\\nSounds good!\\nEnglish\\nWhy?\\nEnglish\\nTest").blocks
    >>> _menu_marks(run, [0, 2, 4]), _menu_marks(run[:2], [0])
    ([], [0])
    >>> cards = Document.from_text("More\\nAnn\\nMore\\nBob\\nMore\\nForms\\nMaps\\nFees").blocks
    >>> _menu_marks(cards, [0, 2, 4]), _menu_marks(cards, [0, 1, 5])
    ([0, 2, 4], [0, 1, 5])
    >>> menu = Document.from_text("Home\\nNews\\nHome\\nNews").blocks
    >>> _menu_marks(menu, [0, 1, 2, 3])
    [0, 1, 2, 3]
    """
    if len(marks) > 1 and len({run[n].text.strip().casefold() for n in marks}) == 1:
        steps = [b - a for a, b in pairwise(marks)]
        if min(steps) >= 2 and max(steps) <= POST_STEP_SPREAD * min(steps) and len(run) - 1 - marks[-1] <= max(steps):
            return []
    return marks


_SUB_ITEM = regex.compile(r"\s{2,}o\s+\S")


def _list_item(block: Block) -> bool:
    """The raw line is a list item: a bullet, or an indented 'o ' (a converter's second-level bullet)."""
    return is_bulleted(block) or _SUB_ITEM.match(block.raw) is not None


def bulleted_head_menu(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    prose_words: int = 15,
    min_items: int = 8,
    max_words: int = 12,
    max_mean_words: float = 4.0,
    max_gap: int = 4,
    gap_words: int = 20,
    min_claimed: int = 3,
    headline_words: int = 3,
) -> list[Hit]:
    """A bulleted mega-menu above the article of a full-page text, whatever its section names.

    Full-page converters write a site's menus as nested lists ('* Local', '  o Traffic',
    '  o Weather'), often with a few teaser headlines of each section between the
    groups. Above the first prose paragraph (of ``prose_words`` words), a run of
    ``min_items`` list items or more (each of at most ``max_words`` words, ``max_mean_words``
    on average, none ending like a statement) is that menu when the text is evidently a
    page dump (``min_claimed`` lines above the paragraph already removed by other rules
    or matching the rule's anchor patterns, one of them inside the run). Up to ``max_gap`` unbulleted lines of at most
    ``gap_words`` words that do not end like a statement (the teasers) may sit between two
    items; the run ends at its last item. The headline is never a list item, and an
    unbulleted line of ``headline_words`` words or more must stand between the run and
    the paragraph (the headline), so a list that opens the article itself stays.
    """
    at = first_paragraph(blocks, claimed, prose_words)
    if at is None:
        return []
    first = blocks[at].index  # block indexes keep their numbers when a strip rule empties a line: slice by ``at``
    head = blocks[:at]
    # Residue: lines other rules removed, or (when the rule runs alone, in its examples) chrome labels.
    residue = {b.line for b in head if is_residue(rule, b, claimed)}
    if len(residue) < min_claimed:
        return []
    keep = protected | headline_copies(blocks, claimed, first)
    runs: list[list[Block]] = []
    run: list[Block] = []  # items and the lines between them, up to the last item
    pending: list[Block] = []  # unbulleted lines after the last item, not yet known to be inside the run

    def flush() -> None:
        items = [b for b in run if b.line not in claimed and _list_item(b)]
        if (
            len(items) >= min_items
            and sum(b.words for b in items) <= max_mean_words * len(items)
            and any(b.line in residue for b in run)
        ):
            runs.append(list(run))
        run.clear()
        pending.clear()

    for block in head:
        if block.line in keep:
            flush()
        elif block.line in claimed:
            (pending if pending else run).append(block)
        elif _list_item(block) and block.words <= max_words and not is_statement(block.text):
            run.extend(pending)
            pending.clear()
            run.append(block)
        elif run and block.words <= gap_words and not is_statement(block.text):
            pending.append(block)
            if sum(1 for b in pending if b.line not in claimed) > max_gap:
                flush()
        else:
            flush()
    flush()
    taken = {b.line for found in runs for b in found}
    hits: list[Hit] = []
    for found in runs:
        # A line that can be the headline must stand between the menu and the article's first paragraph.
        below = [b for b in head if b.index > found[-1].index]
        if any(
            b.line not in claimed and b.line not in taken and not _list_item(b) and b.words >= headline_words
            for b in below
        ):
            items = sum(1 for b in found if b.line not in claimed and _list_item(b))
            hits.extend((b, f"part of a bulleted menu of {items} items above the article") for b in found)
    return hits


_LABEL_KEY_END = regex.compile(r"[\s:.!›»|<>+*—–-]+$")


def _label_key(text: str) -> str:
    """A short line as a menu label: case-folded, without trailing separators ('Search:' and 'SEARCH' agree)."""
    return _LABEL_KEY_END.sub("", text.casefold(), 0, None, None, False)


def _led_in_run(
    lead: Block | None,
    claimed: frozenset[int],
    lead_words: int,
    announces: regex.Pattern[str] | None,
) -> bool:
    """Whether ``lead``, the line right above a run, is a sentence announcing it: the page's own list, not a menu.

    A sentence of ``lead_words`` words or more, kept, that ends in a colon ('Here are some of the top examples of
    ML in eCommerce:') or that ``announces`` finds ('See the list below to find …'). A menu's header is a label
    ('Company', 'Follow us:'), and a footer's sentence ('Sign up for our newsletter') is removed or does not
    name a list.
    """
    if lead is None or lead.line in claimed or lead.words < lead_words:
        return False
    text = lead.text.rstrip()
    return text.endswith(":") or (announces is not None and ends_like_sentence(text) and bool(announces.search(text)))


def recurring_menu(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    max_words: int = 4,
    min_labels: int = 2,
    prose_words: int = 15,
    edge_gap: int = 8,
    edge_words: int = 200,
    full_page: bool = True,
    introduced: frozenset[int] = frozenset(),
    lead_words: int = 5,
    lead_ins: Sequence[str] | None = None,
) -> list[Hit]:
    """Short lines outside the article that recur on its other side: a header menu and its footer copy.

    Sites repeat their menu in the footer, whatever its section names ('Boas-vindas',
    'Support Us', 'Поиск:'), so a label that no vocabulary knows is still told by its
    copy on the other side of the article. A line of at most ``max_words`` words with no
    sentence ending, outside the article's span (:func:`article_span`), goes when its text
    also stands on the far side of the span, and when the run of short lines it belongs to
    holds ``min_labels`` such recurring labels or more: one repeated line alone (a headline
    above and its teaser in a 'Most read' list below, an author's name in the byline and in
    the bio) is not a menu. Lines inside the span never go, nor copies of the headline, nor a card's fields
    printed as a label ending in a colon over its value ('Cap Type:' / 'Screw Cap' on every card of a shop's
    grid): a menu label names a place, it does not introduce a value.

    Without ``full_page`` (an extractor's output, with no header or footer around the article: the
    pipeline says which) the run is the article's own, printed twice (a course's topics above and
    below its description, a shoe's colour and style line), and only its later copy, below the
    article, goes. The items of a list the text announces (``introduced``: 'Here's our roadmap:' over a
    series' parts) are no menu's labels. Nor is a run right under a kept sentence of ``lead_words`` words or
    more that announces it (:func:`_led_in_run`): full-page text prints a list without its bullets, so
    ``introduced`` does not see 'Redis implements the following data types:' over 'String', 'Hash', ….
    """
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    runs = _short_runs(
        blocks,
        span,
        protected | introduced,
        claimed,
        max_words=max_words,
        exclamations=False,
        skip_claimed=True,
        inside=False,
    )
    sides: dict[str, set[int]] = {}
    for run in runs:
        for block in run:
            sides.setdefault(_label_key(block.text), set()).add(span.region(block.index))
    fields = {b.index for a, b in pairwise(blocks) if a.text.endswith(":")}  # a value under its label
    fields |= {b.index for b in blocks if b.text.endswith(":")}
    announces = regex.compile("|".join(f"(?:{p})" for p in lead_ins)) if lead_ins else None
    above = {b.index: a for a, b in pairwise(blocks)}  # block indexes may skip numbers: pair by position
    hits: list[Hit] = []
    for run in runs:
        side = span.region(run[0].index)
        if side == 0 and not full_page:
            continue
        if _led_in_run(above.get(run[0].index), claimed, lead_words, announces):
            continue
        found = [
            b
            for b in run
            if b.line not in claimed
            and b.index not in fields
            and any(ch.isalpha() for ch in b.text)
            and len(sides[_label_key(b.text)]) > 1
        ]
        if len({_label_key(b.text) for b in found}) < min_labels:
            continue
        found = [b for b in found if b.line not in span.headlines]
        labels = {_label_key(b.text) for b in found}
        if len(labels) >= min_labels:
            where = "above the article, repeated below it" if side == 0 else "below the article, repeated above it"
            hits.extend((b, f"menu label {where} ({len(labels)} such labels in its run)") for b in found)
    return hits


def menu_copy(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    full_page: bool = True,
    max_words: int = 6,
    max_copies: int = 3,
    min_lines: int = 3,
    prose_words: int = 15,
) -> list[Hit]:
    """A menu the page printed above its article, printed again below its first paragraph, in the same order.

    A full-page text prints a site's menu more than once: in the header, again in a sidebar or a
    mega-menu's mobile copy between the article's sections, again in the footer. Where no rule
    knew its labels ('Rooftop Tents', 'Online therapy'), the copy is still told by its order:
    two short lines (``max_words`` words or fewer, no sentence ending, a word of two letters)
    that follow one another above the article's first paragraph and again below it. The lines
    of a later copy go when ``min_lines`` or more of them follow one another, each in such a
    pair. A pair printed more than ``max_copies`` times is a card's or a post's fields (a shop's
    'Add to cart' / 'Compare' on every card), which references keep as often as not. Unlike
    :func:`recurring_menu` the later copy may stand inside the article's span: its evidence is a
    run's order, not one label's place. Only on a page's full text (``full_page``): an
    extractor's output has no header menu to copy.

    >>> from declutter.document import Document
    >>> prose = "The council approved the budget on Wednesday after a debate that lasted nine hours in all."
    >>> text = "\\n".join(["Tents", "Awnings", "Racks", prose, "Tents", "Awnings", "Racks", prose])
    >>> [b.text for b, _ in menu_copy(Document.from_text(text).blocks, None, frozenset(), frozenset())]
    ['Tents', 'Awnings', 'Racks']
    """
    if not full_page:
        return []
    first = first_paragraph(blocks, claimed, prose_words)
    if first is None:
        return []
    keys = [_menu_key(b, max_words) for b in blocks]
    pairs: dict[tuple[str, str], list[int]] = {}
    for at in range(first - 1):  # a pair above the first paragraph
        a, b = keys[at], keys[at + 1]
        if a and b and a != b:
            pairs.setdefault((a, b), []).append(at)
    if not pairs:
        return []
    later: dict[tuple[str, str], list[int]] = {}
    for at in range(first + 1, len(blocks) - 1):
        pair = (keys[at], keys[at + 1])
        if pair in pairs:
            later.setdefault(pair, []).append(at)
    covered: set[int] = set()
    for pair, ats in later.items():
        if len(pairs[pair]) + len(ats) <= max_copies:
            covered.update(p for at in ats for p in (at, at + 1))
    hits: list[Hit] = []
    for run in _consecutive(sorted(covered)):
        if len(run) >= min_lines:
            hits.extend(
                (blocks[p], f"a copy of a menu printed above the article ({len(run)} lines in the same order)")
                for p in run
                if blocks[p].line not in claimed and blocks[p].line not in protected
            )
    return hits


def _menu_key(block: Block, max_words: int) -> str | None:
    """The text by which a menu's label is compared, or None for a line no menu holds (prose, a number)."""
    if block.words > max_words or ends_like_sentence(block.text) or block.text.endswith((":", ";")):
        return None
    return block.text.casefold() if _TWO_LETTERS.search(block.text) else None


_TWO_LETTERS = regex.compile(r"\p{L}{2}")


def _consecutive(positions: list[int]) -> list[list[int]]:
    """Sorted positions cut into runs of consecutive ones."""
    runs: list[list[int]] = []
    for p in positions:
        if runs and runs[-1][-1] == p - 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


_LABEL_SPLIT = regex.compile(r"[\s|•·/]+")


def _label_count(rule: Rule, block: Block, text: str, longest: int) -> int:
    """How many menu labels ``text`` is made of, end to end (0 when some part is no label).

    The words are split at spaces and bars and cut into segments of at most ``longest``
    words that each fully match the rule's patterns; the cut with the most labels wins.
    """
    words = [w for w in _LABEL_SPLIT.split(text, 0, False) if w]
    best: list[int | None] = [0] + [None] * len(words)  # labels in the best cut of words[:i]
    for end in range(1, len(words) + 1):
        if all(best[start] is None for start in range(max(0, end - longest), end)):
            return 0  # no cut reaches this far: some word belongs to no label
        for size in range(1, min(longest, end) + 1):
            before = best[end - size]
            if before is not None and _is_label(rule, block, " ".join(words[end - size : end])):
                best[end] = max(best[end] or 0, before + 1)
    return best[-1] or 0


_LABELS: dict[tuple[tuple[regex.Pattern[str], ...], str], bool] = {}
"""Segments already judged, by rule patterns: menu words recur on every page ('Home', 'News').

A bounded dict rather than ``lru_cache``: a match needs the rule and block (a runaway pattern names
them), which must not be part of the key.
"""


def _is_label(rule: Rule, block: Block, segment: str) -> bool:
    """Whether ``segment`` fully matches one of the rule's patterns (memoised; at most 50,000 entries)."""
    key = (rule.patterns, segment)
    found = _LABELS.get(key)
    if found is None:
        if len(_LABELS) > 50_000:
            _LABELS.clear()
        found = _LABELS[key] = fullmatch(rule, block, segment) is not None
    return found


def label_line(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_labels: int = 2,
    max_words: int = 8,
    label_words: int = 3,
    prose_words: int = 15,
    edge_gap: int = 8,
    edge_words: int = 200,
) -> list[Hit]:
    """A menu flattened onto one line above or below the article ('LIVE TV Videos Photos', 'Menu Sections').

    Converters often write a menu's links side by side. A line of at most ``max_words``
    words with no sentence ending, outside the article's span (:func:`article_span`), goes
    when it is nothing but ``min_labels`` or more menu labels (the rule's patterns, each of at
    most ``label_words`` words) end to end. One label alone is a heading's job
    ('Politics'); a line with one word that is no label ('Sports Illustrated swimsuit')
    stays, and so do lines inside the span and copies of the headline.
    """
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    hits: list[Hit] = []
    for block in blocks:
        if (
            not 2 <= block.words <= max_words
            or span.first <= block.index <= span.last
            or block.line in claimed
            or block.line in protected
            or ends_like_sentence(block.text)
        ):
            continue
        labels = _label_count(rule, block, block.text, label_words)
        if labels >= min_labels and block.line not in span.headlines:
            hits.append((block, f"a line of {labels} menu labels outside the article"))
    return hits


def head_run(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    prose_words: int = 15,
    min_items: int = 8,
    max_words: int = 4,
    max_mean_words: float = 3.0,
    zone: int = 2,
    headline_words: int = 3,
    min_claimed: int = 3,
    quoted_words: int = 2,
    tail_lines: int = 2,
    min_removed: int = 1,
    bridge_words: int = 0,
    label_words: int = 0,
    bridge_run: int = 3,
) -> list[Hit]:
    """Above the headline of a full-page text, a long run of very short lines, whatever its words: a menu.

    ``menu-run`` needs menu vocabulary to anchor a run, so a header menu of section names no list
    knows ('Spaceflight', 'Skywatching', 'Образование') survives it on sites the vocabulary was not
    written from. Above the article's headline, though, a run of many one- to three-word lines is
    chrome by its shape: an article that opens with a list has its headline above the list. Above
    the first paragraph (of ``prose_words`` words), a run of ``min_items`` lines or more (lines of
    at most ``max_words`` words with no statement ending, and lines other rules removed, of any
    length) whose remaining lines average at most ``max_mean_words`` words goes. Guards: the text is a
    page dump (``min_claimed`` lines above the first paragraph removed by other rules or matching
    the rule's anchor patterns); the last ``zone`` unremoved lines above the first paragraph (the
    headline and its kicker, dek or byline) never go and break a run; an unremoved, unbulleted line
    of ``headline_words`` words or more with no statement ending (the headline) must stand between
    the run and the first paragraph; ``min_removed`` lines of the run must have been removed by other
    rules (a 'Home' or 'Search' among the section names: a recipe's ingredients of three words above
    its first paragraph make the last of them look like a headline, with the rest a run above it, and
    hold no removed line); at most ``tail_lines`` lines under the run's last removed line stay
    (a short headline over a dateline that looks like one, with its kicker: the first paragraph found
    may lie far below the real one when the article opens with short lines); copies of the headline
    (:func:`headline_copies`) and lines of ``quoted_words`` words or more that the article's prose
    contains (a kicker) stay. With ``bridge_words`` or ``label_words``, a mega-menu's column label or a longer
    category name between two runs joins them (:func:`_bridged`).
    """
    at = first_paragraph(blocks, claimed, prose_words)
    if at is None:
        return []
    head = blocks[:at]
    removed = {b.line for b in head if is_residue(rule, b, claimed)}
    if len(removed) < min_claimed:
        return []
    kept = [n for n, b in enumerate(head) if b.line not in removed]
    headline = next(
        (
            n
            for n in reversed(kept)
            if head[n].words >= headline_words and not is_statement(head[n].text) and not _list_item(head[n])
        ),
        None,
    )
    if headline is None:
        return []
    edge = min(headline, kept[-zone] if zone and len(kept) >= zone else 0)
    cards = _first_ranked_card(head[:edge])
    if cards is not None:
        edge = cards  # a ranked chart's cards ('#1', title, year, rating) are the page's content, not its menu
    keep = protected | headline_copies(blocks, claimed, blocks[at].index)

    def headed(run: list[Block]) -> bool:
        """Whether the run ends in what may be a short headline under its last removed line (no bridge follows)."""
        last = max((n for n, b in enumerate(run) if b.line in removed), default=-1)
        tail = run[last + 1 :]
        return last >= 0 and len(tail) <= tail_lines and any(b.words >= headline_words for b in tail)

    titled = frozenset(_WORD.findall(blocks[0].text.casefold()))
    runs = _bridged(
        _head_runs(head[:edge], removed, keep, max_words),
        keep | {b.line for b in head[:edge] if _echoes(b.text, titled)},
        headed,
        bridge_words=bridge_words,
        label_words=label_words,
        bridge_run=bridge_run,
    )

    def menu(run: list[Block]) -> list[Block]:
        """The run's unremoved lines when the run is a menu by its shape, else nothing."""
        # A few short lines under the run's last removed line may be a short headline and its kicker.
        last = max((n for n, b in enumerate(run) if b.line in removed), default=-1)
        if len(run) - 1 - last <= tail_lines:
            run = run[: last + 1]
        rest = [b for b in run if b.line not in removed]
        if len(run) < min_items or not rest or sum(b.words for b in rest) > max_mean_words * len(rest):
            return []
        # An emptied bullet ('- ' alone, removed as layout) is no evidence of a menu: a shop's spec list
        # printed as bullets over indented rows has one between its rows.
        if sum(1 for b in run if b.line in removed and strip_bullet(b.raw).strip()) < min_removed:
            return []
        return rest

    article = ""
    hits: list[Hit] = []
    for parts in runs:
        joined = [b for part in parts for b in part]
        found = [(menu(joined), len(joined))]
        if not found[0][0] and len(parts) > 1:  # joined, the run fails: its parts are judged alone, as unjoined
            found = [(menu(part), len(part)) for part in parts]
        for rest, size in found:
            if rest and not article:
                article = " ".join(b.text.casefold() for b in blocks[at:] if is_paragraph(b, claimed, prose_words))
            hits.extend(
                (b, f"item of a run of {size} short lines above the headline (line {head[headline].line + 1})")
                for b in rest
                if b.words < quoted_words or b.text.casefold() not in article
            )
    return hits


def _echoes(text: str, titled: frozenset[str]) -> bool:
    """Whether half the line's words or more are words of the page title: the headline, a product's name."""
    words = _WORD.findall(text.casefold())
    return bool(words) and 2 * sum(word in titled for word in words) >= len(words)


_WORD = regex.compile(r"\w+")


def _head_runs(
    head: Sequence[Block], removed: set[int], keep: frozenset[int], max_words: int
) -> list[tuple[list[Block], list[Block]]]:
    """The head's runs of short or removed lines, each with the lines that break it from the next run."""
    runs: list[tuple[list[Block], list[Block]]] = [([], [])]
    for block in head:
        short = block.words <= max_words and not is_statement(block.text) and block.line not in keep
        if block.line in removed or short:
            if runs[-1][1]:
                runs.append(([], []))
            runs[-1][0].append(block)
        else:
            runs[-1][1].append(block)
    return runs


def _bridged(
    runs: list[tuple[list[Block], list[Block]]],
    keep: frozenset[int],
    headed: Callable[[list[Block]], bool],
    *,
    bridge_words: int,
    label_words: int,
    bridge_run: int,
) -> list[list[list[Block]]]:
    """The runs, as lists of parts: two runs are joined where one line between them is a menu's column label.

    A shop's mega-menu prints its columns one under another, and a column's label ('Apparel.', 'Franchises.')
    or a longer category name ('Cell Phones, Smart Watches & Accessories') cuts the run of short lines in two;
    each half may then be too short, or hold no removed line, and stay while its neighbour goes. One line
    between two runs of ``bridge_run`` lines or more each joins them: a line of at most ``bridge_words`` words
    that does not end like a statement, or a statement of at most ``label_words`` words, with no digit in
    either (a pricing table's 'We apply for you: 3 applications' between its features). A grid's cards (a
    title line between two price lines) make runs of one line, and an article's sentence is longer. A run
    holding the text's first line (html-text's page title, which headline-anchor reads) is not extended, nor
    one that ends in a possible headline (``headed``: a product's name and price under a removed log-in link,
    which head-run's tail guard spares and a join would bury inside the run); lines in ``keep`` (the headline's
    copies, and lines half of whose words the page title holds: a product's name under its breadcrumb) join
    nothing.
    """
    joined: list[list[list[Block]]] = []
    bridge: Block | None = None
    first_line = runs[0][0][0].line if runs and runs[0][0] else None
    for run, breaks in runs:
        before = joined[-1] if joined else []
        size = sum(len(part) for part in before)
        if (
            bridge is not None
            and len(run) >= bridge_run
            and size >= bridge_run
            and all(b.line != first_line for part in before for b in part)
            and not headed(before[-1])
        ):
            before.extend([[bridge], list(run)])
        else:
            joined.append([list(run)])
        bridge = None
        if len(breaks) == 1 and breaks[0].line not in keep and not any(ch.isdigit() for ch in breaks[0].text):
            line = breaks[0]
            if (not is_statement(line.text) and line.words <= bridge_words) or (
                is_statement(line.text) and line.words <= label_words
            ):
                bridge = line
    return joined


def header_list(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    categories: Sequence[str] | None = None,
    header_words: int = 4,
    min_items: int = 5,
    max_words: int = 6,
    max_mean_words: float = 4.0,
    prose_words: int = 15,
    edge_gap: int = 8,
    edge_words: int = 200,
    page_items: int = 0,
    page_ratio: float = 1.5,
) -> list[Hit]:
    """Below the article, the list right under a menu or topic header another rule removed: a widget's links.

    A sidebar widget is a header ('Categories', 'Popular categories', 'Kategori') over a list of links
    whose words no vocabulary knows ('Afetividade Infantil', 'Punjab Post (175)'); the header is told
    by other rules, and the list by its place under it. Below the article's last paragraph
    (:func:`article_span`), under a line of at most ``header_words`` words that another rule removed
    as one of ``categories`` (or that the rule's patterns match, when it runs alone), the run of
    ``min_items`` lines or more that follows it (lines of at most ``max_words`` words with no
    statement ending, removed lines included) goes when its unremoved lines average at most
    ``max_mean_words`` words. Guards: nothing above the last paragraph (above the article a
    removed breadcrumb or 'Home' has the headline and the kicker under it); the run stops at the first
    longer line or sentence. With ``page_items``, a run of that many unremoved lines or more whose words
    outweigh ``page_ratio`` times the page's prose paragraphs is the page itself, not a widget beside it: a
    wiki's index or a job board's cards under a line another rule took ('Go', a card's 'Remote'), which a
    chain of removals made a header.
    """
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    wanted = frozenset(categories or ())
    hits: list[Hit] = []
    prose: int | None = None
    position = 0
    while position < len(blocks):
        header = blocks[position]
        position += 1
        if header.words > header_words or header.index <= span.last or inside_bullets(blocks, position - 1):
            continue  # a bulleted line between two others is an item of a list ('- Go!' among languages)
        if header.line in claimed:
            if category_of(claimed, header.line) not in wanted:
                continue
        elif rule is None or fullmatch(rule, header, header.text) is None:
            continue
        run: list[Block] = []
        while position < len(blocks):
            block = blocks[position]
            if block.line in protected:
                break
            if block.line not in claimed and (
                not size_within(block.text, block.words, max_words) or is_statement(block.text)
            ):
                break
            run.append(block)
            position += 1
        rest = [b for b in run if b.line not in claimed]
        if spec_rows([b.text for b in rest]):
            continue  # a spec sheet's 'Memory: 8 GB RAM' rows under 'System Requirements': the product's facts
        if page_items and len(rest) >= page_items:
            if prose is None:
                prose = sum(b.words for b in blocks if is_paragraph(b, claimed, prose_words))
            if sum(b.words for b in rest) > page_ratio * prose:
                continue  # the page's own list (a wiki's index, a job board's cards), not a widget beside it
        if len(run) >= min_items and rest and short_on_average(rest, max_mean_words):
            hits.extend((b, f"item of the list under the header on line {header.line + 1}") for b in rest)
    return hits


_MOST_COPIES = 8
"""A line printed more often than this starts no twin run: it is a grid's label ('Add to cart'), and a bound on the
pairs of copies compared."""


def twin_menu(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_lines: int = 8,
    max_words: int = 6,
    twin_share: float = 0.8,
    max_digit_share: float = 0.2,
    introduced: frozenset[int] = frozenset(),
) -> list[Hit]:
    """Both copies of a long run of short lines that the page prints twice, line for line: a menu and its copy.

    A shop's mega-menu is often printed twice in a row (the desktop menu, then the mobile drawer) or in the
    header and again in the footer, and a page of cards has no prose paragraph for :func:`recurring_menu` to
    place it by. ``min_lines`` lines or more of at most ``max_words`` words with no sentence ending, among the
    lines no other rule removed, that stand again in the same order further down, go twice, when ``twin_share``
    of their lines occur on the page exactly twice: a shop's grid repeats its colour names and 'Add to cart'
    under every card, many times, while a menu's labels name each place once per copy. A run either copy of which
    the text announces (``introduced``: a course's 'Topics include:' over its topics, printed again below its
    description) is the article's list printed twice: neither goes.

    >>> from declutter.document import Document
    >>> menu = "\\n".join(f"Aisle {n}" for n in "ABCDEFGH")
    >>> doc = Document.from_text(f"{menu}\\n{menu}\\nLamp\\n$20")
    >>> len(twin_menu(doc.blocks, None, frozenset(), frozenset()))  # type: ignore[arg-type]
    16
    """
    kept = [b for b in blocks if b.line not in claimed]
    keys = [_label_key(b.text) if b.words <= max_words and not ends_like_sentence(b.text) else "" for b in kept]
    where: dict[str, list[int]] = {}
    for position, key in enumerate(keys):
        if key:
            where.setdefault(key, []).append(position)
    twins: set[int] = set()
    for first, key in enumerate(keys):
        if not key or not 2 <= len(where[key]) <= _MOST_COPIES:
            continue
        for second in where[key]:
            if second < first + min_lines or (first > 0 and keys[first - 1] and keys[first - 1] == keys[second - 1]):
                continue  # too close for a copy, or not where the run starts
            size = 0
            while first + size < second and second + size < len(keys) and keys[first + size]:
                if keys[first + size] != keys[second + size]:
                    break
                size += 1
            run = range(first, first + size)
            if (
                size >= min_lines
                and sum(len(where[keys[p]]) == 2 for p in run) >= twin_share * size
                and sum(any(ch.isdigit() for ch in kept[p].text) for p in run) <= max_digit_share * size
                and not any(kept[p + shift].line in introduced for p in run for shift in (0, second - first))
            ):
                twins.update(run)
                twins.update(range(second, second + size))
    reason = "short line of a run of {} or more the page prints twice"
    return [(kept[p], reason.format(min_lines)) for p in sorted(twins)]


_ENTRY_KEY = regex.compile(r"^[\W\d_]+")


def _names_title(text: str, title: frozenset[str], min_words: int) -> bool:
    """Whether every word of ``text`` is a word of the page title, and there are ``min_words`` of them: the
    headline ('Software Development Models Comparison' under the title '… Comparison (SDLC) | EPAM')."""
    words = title_tokens(text)
    return len(words) >= min_words and all(w in title for w in words)


def _entry_key(text: str) -> str:
    """A contents entry and the heading it points to, compared alike: lower-cased, without a leading number or
    bullet ('2. How it works' and 'How it works')."""
    return _ENTRY_KEY.sub("", text.lower()).strip()


def contents_list(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    max_words: int = 20,
    min_entries: int = 2,
    min_title_words: int = 2,
) -> list[Hit]:
    """An article's table of contents: its label ('Table of contents', 'On this page', 'Jump to:') and the run of
    entries under it that each repeat a later line of the text (the section headings they link to).

    A full-page text prints the contents box as the label and one line per entry, then the article with the same
    headings again: the box adds nothing the article lacks. Structure decides which lines go: an entry is a line
    of at most ``max_words`` words whose text (without a leading number or bullet) stands again as a line of its
    own further down; the run stops at the first line that is not one. The label goes with the run only when
    ``min_entries`` entries follow it, so a lone label line, or a label over prose (a heading the article names
    'Contents' for its own reasons), stays. An entry of ``min_title_words`` words or more, all of them words of the
    page title on the first line (the headline, first entry of many boxes), stays too: `headline-anchor` may
    need it to find where the article starts. The label's vocabulary is the rule's patterns.
    """
    if rule is None or not rule.patterns:
        return []
    labels_at = [
        at
        for at, block in enumerate(blocks)
        if block.words <= 6 and block.line not in protected and fullmatch(rule, block, block.text) is not None
    ]
    if not labels_at:  # most pages: no label, nothing to key
        return []
    hits: list[Hit] = []
    # An entry's copy is the same line ('12 Months Out'), or the entry without its number when the copy has none
    # ('1.1 USE flags' over 'USE flags'): two numbered siblings ('12 Months Out', '11 Months Out') are no copies.
    fulls = [b.text.lower().strip() for b in blocks]
    keys = [_entry_key(b.text) for b in blocks]
    title = frozenset(title_tokens(blocks[0].text))
    is_label = frozenset(labels_at)
    done = 0
    for position in labels_at:
        if position < done:
            continue  # a second label line inside a box already read
        label = blocks[position]
        later_full: Counter[str] = Counter(fulls[position + 1 :])
        tail = zip(keys[position + 1 :], fulls[position + 1 :], strict=True)
        later_bare: Counter[str] = Counter(k for k, f in tail if k == f)
        labels = [label]
        entries: list[Block] = []
        at = position + 1
        while at < len(blocks):
            block = blocks[at]
            later_full[fulls[at]] -= 1
            if keys[at] == fulls[at]:
                later_bare[keys[at]] -= 1
            copied = later_full[fulls[at]] > 0 or later_bare[keys[at]] > 0
            if not entries and at in is_label:
                labels.append(block)  # the label printed twice (a toggle's text and the box's heading)
            elif block.words <= max_words and keys[at] and copied and block.line not in protected:
                entries.append(block)
            else:
                break
            at += 1
        if len(entries) >= min_entries:
            reason = f"a table of contents: {len(entries)} entries under '{label.text}' that repeat later headings"
            hits.extend(
                (b, reason)
                for b in labels + entries
                if b.line not in claimed and not (b.index and _names_title(b.text, title, min_title_words))
            )
        done = at
    return hits
