"""What the heuristics share: the hit type, article paragraphs and span, residue, prose counts, title echoes
and headline copies.

Helpers live here once two heuristics need the same answer, so that a fix to "how much
article prose lies above this line" or "is this line the page title again" lands everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from itertools import pairwise

import regex

from declutter.document import Block
from declutter.matchers import fullmatch
from declutter.rules import Rule
from declutter.text import ends_like_sentence, is_code_shaped, is_prose, starts_with_bullet, text_size

Hit = tuple[Block, str]
"""A line a heuristic removes, with the reason shown by ``explain``."""


class Removed(frozenset[int]):
    """The lines earlier rules removed, with the category each was removed as (``categories``).

    The pipeline hands heuristics this set as ``claimed``; it is a plain frozenset to every
    heuristic that only asks whether a line went, and tells the few that need it what kind of
    residue went there (a share bar and a comment form end an article; a gallery's captions do not).

    >>> removed = Removed({3, 4}, {3: "share", 4: "caption"}, {3: "SHR001", 4: "CAP002"})
    >>> 3 in removed, removed.categories[4], category_of(frozenset({3}), 3), removed.rules[4]
    (True, 'caption', None, 'CAP002')
    """

    __slots__ = ("categories", "rules", "spans")

    categories: Mapping[int, str]
    rules: Mapping[int, str]
    """The id of the rule that removed each line (the first decision on a line wins, as for ``categories``): a
    heuristic's rule may name another rule whose removals say something its category does not (residue-copy's
    ``spare_copies_of``)."""
    spans: dict[tuple[int, int, int], tuple[Sequence[Block], ArticleSpan | None]]
    """:func:`article_span`'s answers for these removed lines, by its parameters, with the blocks asked about: the
    pipeline builds a new set only when a rule removed more, and a dozen heuristics ask for the same span of the
    same blocks in between."""

    def __new__(
        cls, lines: set[int] | frozenset[int], categories: Mapping[int, str], rules: Mapping[int, str] | None = None
    ) -> Removed:
        removed = super().__new__(cls, lines)
        removed.categories = categories
        removed.rules = rules if rules is not None else {}
        removed.spans = {}
        return removed


_POST_HEADER = regex.compile(r"(?i)\b(?:(?:19|20)\d\d|\d{1,2}:\d\d(?:\s?[ap]\.?m\.?)?)\W{0,3}\s#?(\d{1,5})\s*$")


def numbered_posts(blocks: Sequence[Block], first: int = 0, end: int | None = None, max_words: int = 12) -> list[int]:
    """The post headers from ``first`` to ``end`` that a thread numbers one after another: short lines ending
    in a post's number right after its date or time ('nathanmartin April 26, 2024, 12:42pm 4', then '… 1:52pm
    5'), each next to one numbered one more or one less. A thread numbers its replies; teasers and widgets
    carry a date but no running count (a related topic's '9 4383 January 22, 2022' prints its counts first).

    >>> from declutter.document import Document
    >>> text = "ann May 1, 2024, 9:01am 3\\nThanks, that fixed it.\\nbob May 2, 2024, 1:15pm 4\\nGlad to hear."
    >>> numbered_posts(Document.from_text(text).blocks)
    [0, 2]
    >>> teasers = "Tips for linking\\n5 897 May 30, 2025\\n0 767 January 5, 2024\\nann May 3, 2024, 2:00pm 7"
    >>> numbered_posts(Document.from_text(teasers).blocks)
    []
    """
    headers: list[tuple[int, int]] = []
    for n in range(first, len(blocks) if end is None else end):
        block = blocks[n]
        match = _POST_HEADER.search(block.text, None, None, False) if block.words <= max_words else None
        if match is not None:
            headers.append((n, int(match.group(1))))
    return [
        n
        for k, (n, number) in enumerate(headers)
        if (k > 0 and headers[k - 1][1] == number - 1) or (k + 1 < len(headers) and headers[k + 1][1] == number + 1)
    ]


def short_on_average(items: Sequence[Block], max_mean_words: float) -> bool:
    """Whether lines average at most ``max_mean_words`` words, a compound counted as two
    (:func:`~declutter.text.text_size`): a menu's or a list's items are short in every language, and German
    writes 'Annual coverage options' as 'Jährliche Deckungsoptionen'.

    >>> from declutter.document import Block
    >>> items = [Block(n, n, t, t, len(t.split())) for n, t in enumerate(["Jährliche Deckungsoptionen", "Tarife"])]
    >>> short_on_average(items, 1.5), short_on_average(items, 2.0)
    (False, True)
    """
    return sum(text_size(b.text, b.words) for b in items) <= max_mean_words * len(items)


def category_of(claimed: frozenset[int], line: int) -> str | None:
    """The category ``line`` was removed as, when ``claimed`` is a :class:`Removed` that knows it."""
    return claimed.categories.get(line) if isinstance(claimed, Removed) else None


def removed_by(claimed: frozenset[int], line: int) -> str | None:
    """The id of the rule that removed ``line``, when ``claimed`` is a :class:`Removed` that knows it.

    >>> removed_by(Removed({2}, {2: "navigation"}, {2: "NAV038"}), 2), removed_by(frozenset({2}), 2)
    ('NAV038', None)
    """
    return claimed.rules.get(line) if isinstance(claimed, Removed) else None


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


def removed_as(rule: Rule | None, block: Block, claimed: frozenset[int], categories: frozenset[str]) -> bool:
    """A line another rule removed as one of ``categories``; or, where no category is known for it (a
    line no rule removed, or a rule's examples run alone), one the heuristic's own anchor patterns match.

    >>> from declutter.document import Document
    >>> share = Document.from_text("Share").blocks[0]
    >>> ends = frozenset({"share"})
    >>> [removed_as(None, share, Removed({0}, {0: why}), ends) for why in ("share", "ad")]
    [True, False]
    """
    category = category_of(claimed, block.line)
    if category is not None:
        return category in categories
    return rule is not None and fullmatch(rule, block, block.text) is not None


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


_TITLE_SEPARATOR = regex.compile(r"[?!]?\s*[|–—:»·•/-]")
"""What sets a site name off after the headline in a page title: a separator, after the question or exclamation
mark that ends a headline ('Is the water safe? | Daily Planet')."""


def title_tokens(text: str) -> list[str]:
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
    >>> is_title_echo("Will the storm close schools? - Daily Planet", "Will the storm close schools?", 4)
    True
    """
    head, title = title_tokens(headline), title_tokens(page_title)
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


class ArticleSpan:
    """Where the article lies: its first and last prose paragraph (block indexes), and copies of its headline."""

    def __init__(self, blocks: Sequence[Block], claimed: frozenset[int], first: int, last: int) -> None:
        self.blocks, self.claimed, self.first, self.last = blocks, claimed, first, last

    @cached_property
    def headlines(self) -> frozenset[int]:
        """The lines that repeat the headline (:func:`headline_copies`), found only when a hit needs them."""
        return headline_copies(self.blocks, self.claimed, self.first)

    def region(self, index: int) -> int:
        """0 above the first paragraph, 1 inside the article's span, 2 below the last paragraph."""
        return (index > self.first) + (index > self.last)


def article_span(
    blocks: Sequence[Block], claimed: frozenset[int], prose_words: int, edge_gap: int, edge_words: int
) -> ArticleSpan | None:
    """The article's span: from its first prose paragraph to its last, or None when the text has no prose.

    Prose that other rules already removed (a cookie notice above the menu) is not the
    article; with ``edge_gap``, neither is a small group of paragraphs cut off at either end
    (see :func:`_article_core`). Found once per set of removed lines when ``claimed`` is a :class:`Removed`.

    >>> from declutter.document import Document
    >>> blocks = Document.from_text("Menu\\nThe council voted on Tuesday to close two schools in the east.").blocks
    >>> removed = Removed(set(), {})
    >>> span = article_span(blocks, removed, 12, 0, 0)
    >>> (span.first, span.last), article_span(blocks, removed, 12, 0, 0) is span
    ((1, 1), True)
    >>> article_span(blocks, Removed({1}, {}), 12, 0, 0) is None
    True
    """
    if not isinstance(claimed, Removed):
        return _article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    key = (prose_words, edge_gap, edge_words)
    known = claimed.spans.get(key)
    if known is not None and known[0] is blocks:
        return known[1]
    span = _article_span(blocks, claimed, prose_words, edge_gap, edge_words)
    claimed.spans[key] = (blocks, span)
    return span


def _article_span(
    blocks: Sequence[Block], claimed: frozenset[int], prose_words: int, edge_gap: int, edge_words: int
) -> ArticleSpan | None:
    prose = [b.index for b in blocks if is_paragraph(b, claimed, prose_words)]
    if not prose:
        return None
    if edge_gap:
        prose = _article_core(blocks, prose, claimed, edge_gap, edge_words)
    first, last = prose[0], prose[-1]
    return ArticleSpan(blocks, claimed, first, last)


def headline_copies(
    blocks: Sequence[Block], claimed: frozenset[int], first: int, *, zone: int = 8, min_words: int = 3
) -> frozenset[int]:
    """Lines above the article that repeat its headline: the headline is never a menu item.

    A full-page text often carries the headline twice: once in the page chrome (the
    HTML title, a sticky header: 'The Impeachment Clock', 'Opinion | Storm hits coast')
    and once right above the first paragraph. The last two unbulleted lines of ``min_words``
    words or more that do not end like a statement, among the last ``zone`` unclaimed lines
    above block index ``first``, are the headline candidates; every earlier line that is the
    candidate, or the candidate with a section or site name set off by a separator, is
    returned. A menu label that happens to repeat there (a kicker) only stays: precision first.
    """
    above = [b for b in blocks if b.index < first and b.line not in claimed]
    candidates = [
        b
        for b in above[-zone:]
        if b.words >= min_words
        and not is_bulleted(b)  # a bulleted line is a list item ('* About the author'), not the headline
        and (not ends_like_sentence(b.text) or b.text.endswith("?"))
    ][-2:]
    if not candidates:
        return frozenset()
    copies = set()
    for block in above:
        if block.words < min_words:
            continue
        for head in candidates:
            if (
                head.index > block.index
                and head.words <= block.words
                and is_title_echo(block.text, head.text, min_words)
            ):
                copies.add(block.line)
                break
    return frozenset(copies)


def text_copies(blocks: Iterable[Block]) -> Counter[str]:
    """How often each line's text occurs among ``blocks``, case folded.

    A kept line that recurs below the article ('Buy Now' and 'Available from Amazon' under each
    product) marks the article's own product boxes, which footers and widgets do not repeat that way.

    >>> from declutter.document import Document
    >>> text_copies(Document.from_text("Buy Now\\nLamp\\nBUY NOW").blocks)["buy now"]
    2
    """
    return Counter(block.text.casefold() for block in blocks)


_INITIALS = regex.compile(r"(?:^|\s)(?:\p{Lu}\.){2,}$")


def is_statement(text: str) -> bool:
    """Ends like a statement: a full stop or '!' ('S.A.', 'U.S.' initials and questions do not count).

    >>> is_statement("The vote was close."), is_statement("Who won?"), is_statement("Acme S.A.")
    (True, False, False)
    """
    return ends_like_sentence(text) and not text.endswith("?") and _INITIALS.search(text) is None


def is_bulleted(block: Block) -> bool:
    """The raw line starts with a list bullet ('* Home', '+ Video')."""
    return starts_with_bullet(block.raw)


def _article_core(
    blocks: Sequence[Block], prose: list[int], claimed: frozenset[int], gap: int, small: int
) -> list[int]:
    """The prose indexes without small groups of paragraphs far from the rest at either edge (site blurbs).

    Paragraphs closer than ``gap`` lines form a group; a group at either end of at
    most ``small`` words and at most half the largest group's, more than ``gap``
    lines from the next, is not the article.
    """
    at = {block.index: position for position, block in enumerate(blocks)}
    groups: list[list[int]] = [[prose[0]]]
    for before, index in pairwise(prose):
        between = sum(1 for block in blocks[at[before] + 1 : at[index]] if block.line not in claimed)
        if between > gap:
            groups.append([])
        groups[-1].append(index)

    def size(group: list[int]) -> int:
        return sum(blocks[at[index]].words for index in group)

    largest = max(map(size, groups))
    while len(groups) > 1 and size(groups[0]) <= min(small, largest // 2):
        groups.pop(0)
    while len(groups) > 1 and size(groups[-1]) <= min(small, largest // 2):
        groups.pop()
    return [index for group in groups for index in group]


_TABLE_ROW = regex.compile(r"^\s*\|.*\|.*\|\s*$")


def is_table_row(raw: str) -> bool:
    """A row of a table as extractors print it: cells between pipes ('| Weight | 5.2 |').

    >>> is_table_row("| Weight | 5.2 |"), is_table_row("Home | About")
    (True, False)
    """
    return "|" in raw and _TABLE_ROW.match(raw) is not None  # most lines have no pipe: no regex call for them


def code_and_tables(blocks: Sequence[Block]) -> frozenset[int]:
    """Lines of code blocks and tables: a code-shaped line (or table row) next to another one.

    No menu, teaser list or footer is written as code or as a table of cells between pipes, so the
    structural heuristics leave these lines to the article (a docs page's example, a forum answer's
    snippet, a product's spec table); a single leaked tag or script line stays theirs to judge.
    """
    # Two lists of flags, not a pair per line: a long document's lines are many.
    code = [is_code_shaped(b.raw) for b in blocks]
    table = [is_table_row(b.raw) for b in blocks]
    for i in range(1, len(blocks) - 1):  # a comment or keyword line ('pass') between two lines of code
        if not code[i] and code[i - 1] and code[i + 1] and blocks[i].words <= 8:
            code[i] = True
    inside = [False] * len(blocks)
    for i in range(len(blocks)):
        if code[i] or table[i]:
            for j in (i - 1, i + 1):
                if 0 <= j < len(blocks) and ((code[i] and code[j]) or (table[i] and table[j])):
                    inside[i] = True
                    break
    return frozenset(block.line for block, yes in zip(blocks, inside, strict=True) if yes)


_NESTED = regex.compile(r"[^\s<&/*?|-]")
"""What a nested line of a sample opens with once its indentation is read: no markup, comment delimiter, table pipe
or bullet."""


def indented_code(blocks: Sequence[Block], code: frozenset[int] | None = None) -> frozenset[int]:
    """Lines of a code sample that no line rule judges: nested deeper than the shallowest line of their code block
    (:func:`code_and_tables`), holding a letter, opening with no markup.

    A sample keeps its indentation in an extractor's output, and a key or a field label nested inside it reads like
    a chrome label ('  labels:' under 'metadata:' in a Kubernetes manifest, '        Email:' under '      <label>'
    in a React form): the rule's word, not the page's. Nesting, not indentation: an extractor that indents by
    layout (inscriptis) prints a tag list's 'Topics:' and its items at one depth. Leaked markup ('<span
    style=…>') stays the markup-leak rule's to judge, which has its own guard for samples, and a line with no
    letter ('  # ...', '    >') the symbol-line rule's, as on any other line.
    ``code``: :func:`code_and_tables` of the same blocks, when the caller has it already.

    >>> from declutter.document import Document
    >>> yaml = Document.from_text("metadata:\\n  name: nginx\\n  labels:\\n    app: proxy").blocks
    >>> flat = Document.from_text("  jobs = 1\\n  Topics:\\n  x = 2").blocks
    >>> sorted(indented_code(yaml)), sorted(indented_code(flat))
    ([1, 2], [])
    """
    code = code_and_tables(blocks) if code is None else code
    nested: set[int] = set()
    if not code:  # most documents hold no sample: no run to read
        return frozenset()
    start = 0
    while start < len(blocks):
        if blocks[start].line not in code:  # most lines are in none: the next run starts further down
            start += 1
            continue
        end = start
        while end < len(blocks) and blocks[end].line in code:
            end += 1
        run = blocks[start:end]
        depths = [_indent(b.raw) for b in run]
        shallowest = min(depths, default=0)
        nested.update(
            b.line
            for b, depth in zip(run, depths, strict=True)
            if depth > shallowest and _NESTED.match(b.raw.lstrip(" \t")) and any(ch.isalpha() for ch in b.text)
        )
        start = end + 1
    return frozenset(nested)


def _indent(raw: str) -> int:
    """How deep a line of code is indented, in columns: spaces, and tabs to the next stop of 4, as an editor
    indents code (no-break spaces are not indentation there). Not :func:`declutter.heuristics.panels._indent`,
    which counts a converter's indentation of list items; see there why they stay two. A column count, not the
    position of the line's first character (a tab is one character and four columns): the line is read from that
    character on by stripping the indentation."""
    stripped = raw.lstrip(" \t")
    return len(raw[: len(raw) - len(stripped)].expandtabs(4))
