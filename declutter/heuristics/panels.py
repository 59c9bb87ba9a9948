"""Panels of links and options: a footer's columns of links, a shop's filter facets, and a picker or a menu
run together on one line. Each is told by its layout (columns set off by headers, values with counts, hundreds
of capitalised words no sentence runs through), not by its words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

import regex

from declutter.document import Block
from declutter.heuristics.common import (
    Hit,
    article_span,
    category_of,
    is_bulleted,
    is_statement,
    text_copies,
)
from declutter.matchers import fullmatch
from declutter.rules import Rule
from declutter.text import is_prose, starts_with_bullet

_INDENT = regex.compile(r"\s*")
_DIGIT = regex.compile(r"\d")


def _indent(block: Block) -> int:
    """How far the raw line is indented (a converter's nesting of a list): its leading white space of any kind
    (spaces, no-break spaces), each character one step. Only the order of a line and the one under it matters.

    Not :func:`declutter.heuristics.common._indent`, which reads a code sample's depth in columns (a tab to the
    next stop of 4, no-break spaces not indentation): the two differ only on lines opening with a tab or a
    no-break space, and such lines are in extractors' output (trafilatura's text of WCXB dev: 578 lines opening
    with a tab, 43 with a no-break space, on 41 pages), so one measure for both would change what either judges.
    """
    match = _INDENT.match(block.raw)
    return match.end() if match else 0


def _column_groups(run: Sequence[Block]) -> list[list[Block]]:
    """A run of short lines cut into its columns: at a blank line, or at a header (a line less indented than
    the line under it, or an unbulleted line over a bulleted one)."""
    groups: list[list[Block]] = []
    for position, block in enumerate(run):
        below = run[position + 1] if position + 1 < len(run) else None
        header = below is not None and (
            _indent(block) < _indent(below) or (not is_bulleted(block) and is_bulleted(below))
        )
        if not groups or header or block.line > run[position - 1].line + 1:
            groups.append([])
        groups[-1].append(block)
    return groups


def footer_columns(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_items: int = 12,
    max_words: int = 4,
    max_mean_words: float = 3.0,
    min_groups: int = 3,
    group_items: int = 3,
    max_digit_share: float = 0.3,
    floor_items: int = 0,
    floor_categories: Sequence[str] | None = None,
    max_copies: int = 2,
    prose_words: int = 15,
    edge_gap: int = 8,
    edge_words: int = 200,
) -> list[Hit]:
    """Below the article, a footer's link columns: one long run of very short lines cut into several groups.

    ``menu-run`` needs menu words to take a footer, and an unseen site's footer names its own sections
    ('State Editions', 'Offices', 'Special Editions'). Its shape is its own, though: column after column of
    one- to four-word links, each column set off by a blank line or a header (a line less indented than the
    links under it, or an unbulleted line over bulleted ones). Below the article's last paragraph
    (:func:`article_span`), a run of ``min_items`` lines or more of at most ``max_words`` words with no
    statement ending (lines other rules removed continue it, whatever their length) goes when it splits into
    ``min_groups`` groups of ``group_items`` lines or more. Guards: nothing above the last paragraph or
    inside the article's span; its kept lines average at most ``max_mean_words`` words (teaser headlines are
    longer); at most ``max_digit_share`` of them hold a digit (an ingredient list, a tour's dates, a table of
    scores close an article in columns too); a run with fewer groups (an article's closing list under one
    header) stays; keep rules veto as always.

    A footer of one column goes too when it stands at the page's floor: with ``floor_items``, a run of that
    many lines or more that holds, or touches (the line right above or below it), a line other rules removed
    as one of ``floor_categories`` (a copyright line, policy links: 'legal'; the rule's patterns stand in
    for them when it runs alone) and is no paragraph: a cookie or consent notice written as a sentence is a
    banner an extractor prints anywhere (a product's spec lines over it are the product's). Guard: no kept
    line of the run recurs in the text more than ``max_copies`` times (a shopping article's product boxes
    repeat 'Buy Now' and 'Available from Amazon' under each product, beside an affiliate disclosure removed
    as legal).
    """
    span = article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    if span is None:
        return []
    runs: list[list[Block]] = [[]]
    for block in blocks[span.last + 1 :]:
        if block.line in protected or (
            block.line not in claimed and (block.words > max_words or is_statement(block.text))
        ):
            runs.append([])
            continue
        runs[-1].append(block)
    floors = frozenset(floor_categories or ())
    index: list[tuple[int, int]] | None = None
    hits: list[Hit] = []
    counts: Counter[str] | None = None
    for run in runs:
        rest = [b for b in run if b.line not in claimed]
        if (
            len(run) < min(min_items, floor_items or min_items)
            or not rest
            or sum(b.words for b in rest) > max_mean_words * len(rest)
        ):
            continue
        if sum(1 for b in rest if _DIGIT.search(b.text)) > max_digit_share * len(rest):
            continue
        if _letter_index(run) or _spec_rows(rest, blocks[span.last + 1 :]):
            continue
        groups = sum(1 for group in _column_groups(run) if len(group) >= group_items)
        floor = (
            floor_items
            and len(run) >= floor_items
            and any(
                (category_of(claimed, b.line) in floors and not is_prose(b.text, words=b.words))
                or (rule is not None and fullmatch(rule, b, b.text) is not None)
                for b in _touching(blocks, run)
            )
        )
        if floor and max_copies:
            if counts is None:
                counts = text_copies(b for b in blocks if b.line not in claimed)
            floor = max(counts[b.text.casefold()] for b in rest) <= max_copies
        if groups >= min_groups or floor:
            if index is None:
                index = _index_sections(blocks[span.last + 1 :])
            if any(first <= run[-1].index and run[0].index <= last for first, last in index):
                continue
            why = f"a footer of {groups} columns" if groups >= min_groups else "a footer beside its legal line"
            hits.extend((b, f"link in {why} ({len(run)} short lines)") for b in rest)
    return hits


def _spec_rows(
    run: Sequence[Block],  # the run's kept lines
    below: Sequence[Block],
    min_values: int = 2,
    min_copies: int = 3,
    min_share: float = 0.15,
) -> bool:
    """Whether a run's kept lines are a spec table's label / value rows: ``min_values`` or more values that
    each stand twice or more in the run and ``min_copies`` times or more below the article (``below``: a spec
    table goes on past the run where a sentence or another rule cut it), never two of them on adjacent lines
    (each under its own label: 'Wireless' / 'Yes', 'Receiver' / 'No', 'Wired' / 'Yes'), on at least
    ``min_share`` of the lines, in no fixed cycle (cards' field labels come in their template's order:
    'Replies', 'Views', 'Replies', 'Views'). A footer repeats at most one link per column ('View all').

    >>> from declutter.document import Document
    >>> specs = "Wired\\nYes\\nReceiver\\nNo\\nBluetooth\\nYes\\nNumpad\\nNo\\nMacro\\nNo\\nRGB\\nYes"
    >>> footer = "News\\nSport\\nView all\\nAbout\\nJobs\\nView all\\nHelp\\nFAQ\\nView all"
    >>> [_spec_rows(blocks, blocks) for blocks in (Document.from_text(specs).blocks, Document.from_text(footer).blocks)]
    [True, False]
    """
    counts = Counter(block.text.casefold() for block in below)
    texts = [block.text.casefold() for block in run]
    here = Counter(texts)
    rows = [n for n, text in enumerate(texts) if here[text] >= 2 and counts[text] >= min_copies]
    values = [texts[n] for n in rows]
    kinds = len(set(values))
    if kinds < min_values or any(b - a == 1 for a, b in pairwise(rows)):
        return False
    if all(values[n] == values[n + kinds] for n in range(len(values) - kinds)):
        return False
    return len(rows) >= min_share * len(run)


def _letter_index(run: Sequence[Block]) -> bool:
    """Whether a run holds a one-letter line over a bulleted item (within 2 lines): an alphabetical index's
    section ('G' over '[edit]' and '- Game Maker Language'), which no footer's columns have; a jump bar's
    letters ('A', 'B', 'C') stand one over the other.

    >>> from declutter.document import Document
    >>> _letter_index(Document.from_text("- Futhark\\nG\\n- Gleam").blocks)
    True
    >>> _letter_index(Document.from_text("A\\nB\\nC\\nAbout us").blocks)
    False
    """
    return any(
        _ONE_LETTER.fullmatch(block.text) is not None and any(starts_with_bullet(b.raw) for b in run[n + 1 : n + 3])
        for n, block in enumerate(run)
    )


def _index_sections(blocks: Sequence[Block], min_letters: int = 3) -> list[tuple[int, int]]:
    """Where an alphabetical index's sections stand: from the first to the last of ``min_letters`` or more
    distinct one-letter headers in alphabetical order, each over a line that is none ('A' over 'ABAP', 'B'
    over 'Bash'), as ``(first, last)`` block indexes. A category page or a glossary prints its index this
    way in plain text, with no bullet to tell its items (:func:`_letter_index`); a footer never sorts its
    columns under letters, and a jump bar's letters ('A', 'B', 'C') stand one over the other. A letter
    that comes before the one above it starts a new index (a 'See also' under the last section).

    >>> from declutter.document import Document
    >>> index = Document.from_text("A\\nAda\\nB\\nBash\\nBCPL\\nC\\nCOBOL\\nAbout us").blocks
    >>> _index_sections(index), _index_sections(Document.from_text("A\\nB\\nC\\nAbout us").blocks)
    ([(0, 5)], [])
    """
    one = [len(block.text) == 1 and block.text.isupper() for block in blocks]
    heads = [n for n in range(len(blocks) - 1) if one[n] and not one[n + 1] and not (n and one[n - 1])]
    sections: list[tuple[int, int]] = []
    start = 0
    for end in range(1, len(heads) + 1):
        if end == len(heads) or blocks[heads[end]].text < blocks[heads[end - 1]].text:
            if len({blocks[n].text for n in heads[start:end]}) >= min_letters:
                sections.append((blocks[heads[start]].index, blocks[heads[end - 1]].index))
            start = end
    return sections


_ONE_LETTER = regex.compile(r"\p{Lu}")


def _touching(blocks: Sequence[Block], run: Sequence[Block]) -> list[Block]:
    """The run's lines and the line right above and right below it."""
    first, last = run[0].index, run[-1].index
    return list(blocks[max(0, first - 1) : last + 2])


def facet_list(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_lines: int = 3,
    lone_lines: int = 5,
) -> list[Hit]:
    """A shop's filter facets: ``min_lines`` lines or more right under each other, each a value and the count of
    products it leaves ('Black (10)', 'Wireless (6 products)'), the rule's patterns saying what such a line is.

    A collection page's full text prints every filter of its sidebar this way, a few hundred lines beside its
    grid, and no menu rule takes them: they hold digits, and one facet group is too short to be a menu. The run
    is a list's items, printed with no blank line between them: a page whose cards each name a subcategory and
    its count ('Power Banks (158)') prints them as blocks apart, and keeps them; a run half of whose lines the
    page prints again outside such runs stays too (those cards' sidebar list, which other rules would otherwise
    read as the cards' removed copy). Lines other rules removed count in the run. A filter has siblings: a page
    whose only such run is shorter than ``lone_lines`` keeps it (a seller's feedback tabs, 'This item (1)').

    >>> from declutter import RuleSet
    >>> from declutter.document import Document
    >>> rule = RuleSet.bundled().get("facet-list")
    >>> text = "Size\\nS (4)\\nM (9)\\nL (7)\\nColour\\nBlack (10)\\nBlue (2)\\nRed (1 product)\\n\\nMug (3)"
    >>> [b.text for b, _ in facet_list(Document.from_text(text).blocks, rule, frozenset(), frozenset())][3:]
    ['Black (10)', 'Blue (2)', 'Red (1 product)']
    """
    if rule is None or not rule.patterns:
        return []
    runs: list[list[Block]] = []
    for block in blocks:
        if fullmatch(rule, block, block.text) is None:
            continue
        if runs and block.line == runs[-1][-1].line + 1:
            runs[-1].append(block)
        else:
            runs.append([block])
    runs = [run for run in runs if len(run) >= min_lines]
    if len(runs) == 1 and len(runs[0]) < lone_lines:
        return []  # one short list of counts is a set of tabs ('This item (1)', 'All items (805)'), not a filter
    in_runs = {b.line for run in runs for b in run}
    elsewhere = {b.text.casefold() for b in blocks if b.line not in in_runs}
    reason = "a filter facet: one of {} lines in a row, each a value and its count"
    return [
        (b, reason.format(len(run)))
        for run in runs
        if sum(b.text.casefold() in elsewhere for b in run) * 2 < len(run)
        for b in run
        if b.line not in claimed and b.line not in protected
    ]


_PAUSE = regex.compile(r"[.!?;:,。、](?:\s|$)")
_CODE_MARK = regex.compile(r"[{}\[\]<>=|#`\"]")


def flattened_list(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_words: int = 100,
    words_per_pause: int = 40,
    capital_share: float = 0.6,
    max_digit_share: float = 0.05,
) -> list[Hit]:
    """A list of names run together on one line: a country, language or currency picker, a mega-menu.

    A page's full text prints a drop-down's options, or a whole menu, side by side ('Select your country
    Afghanistan Åland Albania …', 'Furniture Sale Living Room Furniture Sofas Sectionals …'): a line of hundreds of
    words that no sentence runs through. A line of ``min_words`` words or more goes when it pauses (a comma, a
    full stop, a colon) less than once every ``words_per_pause`` words and ``capital_share`` of its words start
    with a capital, a digit or a mark: prose of that length pauses every sentence, and German's capitalised nouns
    are a third of its words. Guards: a line with a bracket, a quote or an equals sign (code, a chart's syntax) or
    with more than ``max_digit_share`` of its words holding a digit (a timetable, a table's rows) stays, and so
    does a bulleted line, an item of the page's own list (a job's card naming every country it is open to).

    >>> from declutter.document import Document
    >>> picker = "Select your country " + " ".join(["Albania Andorra Angola Anguilla Argentina Armenia"] * 17)
    >>> prose = ("The council met on Monday, and the vote was close. " * 12).strip()
    >>> blocks = Document.from_text(f"{picker}\\n{prose}").blocks
    >>> [b.line for b, _ in flattened_list(blocks, None, frozenset(), frozenset())]
    [0]
    """
    hits: list[Hit] = []
    for block in blocks:
        if block.words < min_words or block.line in claimed or block.line in protected or is_bulleted(block):
            continue
        words = block.text.split()
        if len(_PAUSE.findall(block.text)) * words_per_pause >= len(words) or _CODE_MARK.search(block.text):
            continue
        capitals = sum(1 for word in words if not word[0].islower())
        digits = sum(1 for word in words if any(ch.isdigit() for ch in word))
        if capitals >= capital_share * len(words) and digits <= max_digit_share * len(words):
            hits.append((block, f"a list of {len(words)} words run together on one line, no sentence through it"))
    return hits
