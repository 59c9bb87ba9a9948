"""Lists of other stories: headline lists under a header, teaser templates, teaser runs, headlines run together.

>>> from declutter.document import Document
>>> doc = Document.from_text("Storm hits coastSchools close earlyMayor declares emergencyRoads reopen")
>>> [reason for _, reason in run_together_headlines(doc.blocks, None, frozenset(), frozenset(), min_joins=3)]
['3 headlines run together (joins at 16, 35, 59)']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import pairwise

import regex

from declutter.document import Block
from declutter.heuristics.common import Hit, is_residue, is_title_echo, numbered_posts, prose_words_before
from declutter.matchers import fullmatch
from declutter.rules import Rule
from declutter.text import (
    PRICE,
    ends_like_sentence,
    holds_code,
    is_prose,
    sentence_count,
    spec_rows,
    text_size,
)

_JOIN = regex.compile(r"(?<=\p{Ll}{3}|[?!»”])(?=\p{Lu}\p{Ll})")
_TOKEN = regex.compile(r"\S+")
_CODE_CHAR = regex.compile(r"[_.(){}\[\]=<>/\\;$#@]")


def _headline_joins(text: str) -> list[int]:
    """The joins of glued headlines in ``text`` ('historyCanadian'), one a word: not those of a name or an
    identifier ('PowerPoint', 'ProductTable', 'setFilterText', 'ChatAPI.unsubscribe(…)'): words that start with
    a capital, hold two joins or more, or hold code characters. A glued word counts once: a strip glues each pair of
    headlines once, while a flattened log repeats its logger's camel-cased name in every record ('2005-03-19
    15:38:55,977 - simpleExample - DEBUG - debug message 2005-03-19 … - simpleExample - INFO - …').

    >>> len(_headline_joins("Storm hits coastSchools close earlyMayor declares emergencyRoads reopen"))
    3
    >>> len(_headline_joins("15:38 - simpleExample - DEBUG - debug 15:39 - simpleExample - INFO - info"))
    1
    """
    joins = []
    seen: set[str] = set()
    for token in _TOKEN.finditer(text, None, None, False, False, False):
        inner = [m.start() for m in _JOIN.finditer(token.group())]
        word = token.group().rstrip(",.;:!?\"'”’)")
        if len(inner) == 1 and not word[:1].isupper() and not _CODE_CHAR.search(word) and word not in seen:
            seen.add(word)
            joins.append(token.start() + inner[0])
    return joins


_NUMBERED = regex.compile(r"\d{1,2}[.)]\s")


_SENTENCE_BOUNDARY = regex.compile(r"\p{Ll}{2}[.!?][\"”’“‘«»]?\s+[\"“‘„‚«»]?\p{Lu}")
"""A sentence ending and the next one's capital, inside the quotes of every language (German „…“ and »…«,
French « … »): a piece of glued paragraphs holds one, a headline does not."""


def headline_list(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_items: int = 4,
    max_words: int = 25,
    max_terminal_ratio: float = 0.3,
    max_items: int = 80,
    min_prose_before: int = 60,
    min_repeats: int = 3,
    max_period: int = 6,
    min_bulleted: int = 0,
    min_prices: int = 0,
    before_prose: bool = False,
) -> list[Hit]:
    """A list header ("Just Posted", "Most Read") followed by a run of headline-like lines.

    The run is every following line of at most ``max_words`` words, up to the first
    full sentence of eight words or more; it counts only if it has ``min_items``
    lines and few of them end like sentences (teasers and deks rarely do, article
    paragraphs almost always do). Items numbered in order ("1. …", "2. …") are
    teasers whatever their ending, up to twice ``max_words``. Teasers built from a
    template ("AUTO NEWS", headline, dek, "By", author) may carry a one-sentence dek:
    up to the last of a short label that recurs ``min_repeats`` times at most
    ``max_period`` lines apart, sentences of at most ``max_words`` words stay in the run.
    The header must come after ``min_prose_before`` words of prose: above the article,
    in a page's navigation, a run of short lines may lead into the headline and dek. Prose
    other rules removed (a cookie notice above the menu) is not the article and does not count.
    A related box between paragraphs is often shorter: ``min_bulleted`` items (0: off) are enough when every
    item is a bulleted line of three words or more and none ends like a sentence (an article's bulleted key
    points are sentences; its headings are no list header). A run of 'Label: value' rows with distinct labels
    and short values is a spec sheet ('Recommended:' over 'OS: Windows 10', 'Memory: 8 GB RAM'), not headlines.
    With ``min_prices`` (0: off) the run must hold that many lines with a price: a shop's carousel of other
    products ('Related products' over names and prices), told from a docs page's or a service's own links
    under the same header, which name no price. Such a run holds no copy of the page title on the text's first
    line: a card named as the page is the product itself (its name and price in the page's head, under a
    widget's header a menu printed above them). With ``before_prose`` the run must end at a sentence of eight
    words or more that no rule removed: the page's own text resuming under the carousel. A carousel at the
    page's end is a tail cut-off's (REL003), whose guards count the words left above its marker.
    """
    hits: list[Hit] = []
    # Counted only when a bound asks for it: a carousel's rule (REL008) runs above the article too.
    prose_before = prose_words_before(blocks, claimed) if min_prose_before > 0 else None
    position = 0
    while position < len(blocks):
        header = blocks[position]
        if (
            header.line in protected
            or (prose_before is not None and prose_before[position] < min_prose_before)
            or fullmatch(rule, header, header.text) is None
        ):
            position += 1
            continue
        run: list[Block] = []
        window = blocks[position + 1 : position + 1 + max_items]
        templated = _template_end(window, claimed, min_repeats, max_period)
        for number, block in enumerate(window, start=1):
            # A numbered teaser ("1. Headline. Its dek.") is a list item whatever its ending.
            numbered = _NUMBERED.match(block.text) is not None and block.text.startswith(f"{number}")
            if (
                block.line in protected
                or block.words > (max_words * 2 if numbered else max_words)
                or (not numbered and number > templated and is_prose(block.text, min_words=8, words=block.words))
            ):
                break  # a sentence of eight words or more is the article resuming, not a teaser
            run.append(block)
        terminal = sum(ends_like_sentence(b.text) and not _NUMBERED.match(b.text) for b in run)
        resumed = len(run) < len(window) and _resumes(window[len(run)], claimed)
        # A spec sheet under 'Recommended:' is the product's; its first 8 rows, as a second column repeats the labels.
        if (
            spec_rows([b.text for b in run[:8]])
            or (min_prices and not _other_products(blocks, run, min_prices))
            or (before_prose and not resumed)
        ):
            position += 1
            continue
        if before_prose and _heading_last(run, claimed):
            run = run[:-1]  # the heading of the text that resumes ('WELCOME TO 2.0' over the product's story)
        if (len(run) >= min_items and terminal <= max_terminal_ratio * len(run)) or _bulleted_box(
            run, min_bulleted, terminal
        ):
            hits.append((header, f"list header followed by {len(run)} headline-like lines"))
            hits.extend((b, f"item of the list under line {header.line + 1}") for b in run)
            position += len(run) + 1
        else:
            position += 1
    return hits


def _resumes(block: Block, claimed: frozenset[int]) -> bool:
    """Whether the line that ended a run is the page's own text going on: a sentence of eight words or more that
    no rule removed."""
    return block.line not in claimed and is_prose(block.text, min_words=8, words=block.words)


def _heading_last(run: Sequence[Block], claimed: frozenset[int]) -> bool:
    """Whether the run's last line heads the text under it rather than ending the last card: it names no price and
    is printed once in the run (a card's fields recur from card to card; a heading does not)."""
    last = run[-1] if run else None
    if last is None or last.line in claimed or PRICE.search(last.text):
        return False
    key = last.text.casefold()
    return sum(b.text.casefold() == key for b in run) == 1


def _other_products(blocks: Sequence[Block], run: Sequence[Block], min_prices: int) -> bool:
    """Whether ``run`` reads as cards of other products: ``min_prices`` lines with a price, and no line that
    repeats the page title on the text's first line (:func:`is_title_echo`: the product's own name)."""
    if sum(PRICE.search(b.text) is not None for b in run) < min_prices:
        return False
    title = blocks[0].text if blocks and blocks[0].line == 0 else ""
    return not title or not any(is_title_echo(title, b.text, 3) for b in run)


def _bulleted_box(run: Sequence[Block], min_bulleted: int, terminal: int) -> bool:
    """A short related box: ``min_bulleted`` items or more, every one a bulleted line of three words or more that
    does not end like a sentence ('Related news' over two '* Headline' lines between paragraphs)."""
    return (
        0 < min_bulleted <= len(run)
        and terminal == 0
        and all(b.words >= 3 and b.raw.lstrip()[:1] != b.text[:1] for b in run)
    )


def _template_end(window: Sequence[Block], claimed: frozenset[int], repeats: int, period: int) -> int:
    """How many lines of ``window`` a teaser template covers: up to the last occurrence of a short label
    line ("AUTO NEWS", "By") that recurs ``repeats`` times, each at most ``period`` lines after the one
    before, starting within ``period`` lines of the header; 0 when there is no such label.

    Lines other rules removed ("Advertisement") are not labels: they recur in articles too.
    """
    at: dict[str, list[int]] = {}
    for number, block in enumerate(window, start=1):
        if block.words <= 3 and block.line not in claimed and not ends_like_sentence(block.text):
            at.setdefault(block.text.lower(), []).append(number)
    end = 0
    for numbers in at.values():
        if len(numbers) < repeats or numbers[0] > period:
            continue
        chain = 1
        while chain < len(numbers) and numbers[chain] - numbers[chain - 1] <= period:
            chain += 1
        if chain >= repeats:
            end = max(end, numbers[chain - 1])
    return end


def run_together_headlines(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_joins: int = 4,
    min_chars: int = 60,
    max_mean_chars: int = 150,
    max_sentence_ratio: float = 0.2,
    max_code_ratio: float = 1.0,
) -> list[Hit]:
    """One line of several headlines glued without spaces ("…in U.K. historyCanadian dollar hits …").

    A join is a lower-case word running straight into a capitalised one, or closing
    punctuation into a capital. Glued article paragraphs are told apart three ways:
    they usually end like a sentence, their pieces are long (over ``max_mean_chars``
    on average), and their pieces hold sentence boundaries; headline strips have none
    of these. A code sample flattened onto one line (a full-page text's JSX, YAML or JSON) joins
    identifiers ('setCount', 'apiVersion'), each among brackets, operators and keys: more words shaped
    like code (:func:`_code_words`) than ``max_code_ratio`` times its joins, where a headline strip
    has one or two ('U.K.').
    """
    hits: list[Hit] = []
    for block in blocks:
        if block.line in protected or len(block.text) < min_chars or ends_like_sentence(block.text):
            continue
        # A word's join is one of the line's (white space is no letter nor a capital): a line with fewer joins than
        # asked for is settled by one scan of it, not two a word.
        if len(_JOIN.findall(block.text)) < min_joins:
            continue
        joins = _headline_joins(block.text)
        if len(joins) < min_joins or len(block.text) / (len(joins) + 1) > max_mean_chars:
            continue
        if _code_words(block.text) > max_code_ratio * len(joins):
            continue
        pieces = [block.text[a:b] for a, b in zip([0, *joins], [*joins, len(block.text)], strict=True)]
        with_sentences = sum(1 for piece in pieces if _SENTENCE_BOUNDARY.search(piece))
        if with_sentences <= max_sentence_ratio * len(pieces):
            where = ", ".join(map(str, joins[:5])) + (", …" if len(joins) > 5 else "")
            hits.append((block, f"{len(joins)} headlines run together (joins at {where})"))
    return hits


def _code_words(text: str) -> int:
    """The words of ``text`` shaped like code: holding a bracket, an operator or a path character, or a key
    ending in a colon.

    >>> _code_words("const [ count, setCount ] = useState (0); apiVersion: v1")
    5
    >>> _code_words("Storm hits coastSchools close in U.K. todayMarkets rally")
    1
    """
    return sum(1 for token in _TOKEN.finditer(text) if _CODE_CHAR.search(token.group()) or token.group()[-1] == ":")


_SCORE = regex.compile(r"\d{1,3}(?:[.,]\d{1,2})?\s?/\s?\d{1,3}")


def teaser_template(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_units: int = 4,
    max_period: int = 4,
    label_words: int = 3,
    max_words: int = 40,
    headline_words: int = 20,
    header_words: int = 0,
    min_prose_before: int = 100,
    min_prose_ratio: float | None = None,
    opening_lines: int = 0,
    grid_units: int = 0,
    code_units: int = 0,
) -> list[Hit]:
    """Teasers of other stories laid out from one template: headline, section label, dek, headline, label, dek…

    A teaser list repeats a unit of two to ``max_period`` lines ``min_units`` times or more,
    and one slot of the unit is a short label (at most ``label_words`` words: 'AUTO NEWS',
    'Fact Check') drawn from a few recurring values, or a date another rule removed (each
    teaser's own: a removed line that recurs, such as an ad slug between paragraphs, is no slot). Every
    unit also holds a headline: a line of three to ``headline_words`` words that does not end
    like a statement (it may ask a question), and no line of the run is a paragraph of more
    than one sentence or over ``max_words`` words. Article lists are told apart by that shape:
    an interview's 'Q:' labels end in a colon, a timeline's entries are statements, a list of
    names has no recurring label. The run starts at the unit's headline when it leads the label.
    Below the article (after ``min_prose_before`` words of prose other rules left), the short line
    right above the run, of at most ``header_words`` words and neither a sentence nor a lead-in ending
    in a colon, is the list's header ('LATEST ATP NEWS', 'Newswire'), whatever its words;
    ``header_words = 0`` leaves headers alone. Teasers sit beside an article: a run with no prose paragraph
    above it whose words outweigh ``min_prose_ratio`` times the prose paragraphs outside it is the page's content
    itself (``None`` leaves such runs to the shape alone) (a listing's or a shop's cards, an extractor's output that
    is all list). So is such a run of twice ``min_units`` teasers or more under less than ``min_prose_before`` words
    of prose: a topic page's stories whose first dek, a sentence, stands above the run's first slot (a box of
    teasers under a short brief is shorter). Nor are cards teasers when half their slots are prices and they
    start right under a prose paragraph with at most ``opening_lines`` lines above the run (its title and
    introduction): the text opens with a shop's grid ('Indoor pots', a paragraph, then 'Rosa pot and saucer' /
    'From $29.00' …). Nor is a 2-line run that one tag opens and labels to its last unit, right under a prose
    paragraph: the text's own list, each item tagged ('Winner' over each award it names). Nor is a run under
    some prose whose template goes on above its first unit for ``grid_units`` units more (0 leaves this out): a
    shop's or a blog's grid whose first cards' labels were too varied to recur ('Manufacturer: Samsung',
    'Manufacturer: Epson'), so the chain starts a few cards down and the cards above read as the article.
    Nor is a run of which 2 lines or more, one for every ``code_units`` units at least, hold code (0 leaves this
    out): code blocks each under its language label, copy button or line numbers ('js', 'Copy code block', '1'),
    printed on one line each, the samples of a docs page or a thread's answers; no teaser's headline or dek is code.
    """
    hits: list[Hit] = []
    taken: set[int] = set()

    def slot(block: Block) -> bool:
        if block.line in claimed:
            return block.words <= 8 and block.line not in protected
        if not 0 < block.words <= label_words or block.line in protected:
            return False
        text = block.text.rstrip()
        # A score out of a scale ('5/5', '4.4/5') is a scorecard's value under its criterion, no teaser's label.
        return not text.endswith(":") and not ends_like_sentence(text) and _SCORE.fullmatch(text) is None

    slots = [slot(b) for b in blocks]
    if sum(slots) < min_units:
        return []
    # Prefix counts of lines that could be headlines by size alone: a menu's one-word items cannot, so most
    # slots are dismissed without a regex.
    sized = [0]
    for block in blocks:
        sized.append(sized[-1] + (block.line not in claimed and 3 <= block.words <= headline_words))
    # Headline and teaser shapes cost a regex each: judged only for lines between two slots, once.
    head_memo: dict[int, bool] = {}
    teaser_memo: dict[int, bool] = {}

    def head(position: int) -> bool:
        if position not in head_memo:
            block = blocks[position]
            text = block.text.rstrip()
            head_memo[position] = (
                block.line not in claimed
                and 3 <= block.words <= headline_words
                and (not ends_like_sentence(text) or text.endswith("?"))
            )
        return head_memo[position]

    def teaser(position: int) -> bool:
        if position not in teaser_memo:
            block = blocks[position]
            teaser_memo[position] = (
                block.line not in protected
                and block.words <= max_words
                and (block.line in claimed or sentence_count(block.text) <= 1)
            )
        return teaser_memo[position]

    prose_before: list[int] | None = None
    position = 0
    while position < len(blocks):
        found, skip = None, 0
        if slots[position] and sized[min(position + max_period, len(blocks))] > sized[position + 1]:
            for period in range(2, max_period + 1):
                chain = [position]
                while True:
                    nxt = chain[-1] + period
                    if nxt >= len(blocks) or not slots[nxt]:
                        break
                    between = range(chain[-1] + 1, nxt)
                    if sized[nxt] == sized[chain[-1] + 1]:
                        break
                    if not any(map(head, between)) or not all(map(teaser, between)):
                        break
                    chain.append(nxt)
                if len(chain) < min_units:
                    continue
                labels = [blocks[i].text.lower() for i in chain if blocks[i].line not in claimed]
                if labels and len(set(labels)) * 2 > len(labels):
                    continue  # labels must recur: a list of distinct short names is not a template
                if (
                    period == 2
                    and len(labels) == len(chain)
                    and all(label == labels[0] for label in labels[1:-1])
                    and chain[0]
                    and blocks[chain[0] - 1].line not in claimed
                    and is_prose(blocks[chain[0] - 1].text, words=blocks[chain[0] - 1].words)
                ):
                    skip = chain[-1] + 1  # the text's paragraph, then one tag over each item ('Winner' over an award)
                    break
                stamps = [blocks[i].text.lower() for i in chain if blocks[i].line in claimed]
                if len(set(stamps)) < len(stamps):
                    continue  # each teaser has its own date; a recurring removed line is an ad slug in an article
                found = (period, chain)
                break
        if found is None:
            position = max(position + 1, skip)
            continue
        period, chain = found
        before = chain[0] - 1
        lead = int(
            before >= 0 and head(before) and teaser(before) and sum(head(i - 1) for i in chain[1:]) >= len(chain) - 2
        )
        end = chain[-1] + 1
        while end < len(blocks) and end <= chain[-1] + period - 1 - lead and teaser(end):
            end += 1
        if code_units and _holds_code_samples(blocks[chain[0] - lead : end], claimed, len(chain), code_units):
            position = end
            continue  # code blocks under their labels or copy buttons: samples, not teasers
        above = blocks[: chain[0] - lead]
        if (
            0 < len(above) <= opening_lines
            and is_prose(above[-1].text, words=above[-1].words)
            and 2 * sum(PRICE.search(blocks[i].text) is not None for i in chain) >= len(chain)
        ):
            position = end
            continue  # priced cards right under the introduction that opens the text: the shop's grid
        if prose_before is None:
            prose_before = prose_words_before(blocks, claimed)
        if (
            grid_units
            and prose_before[chain[0] - lead]
            and _continues_above(chain[0], period, grid_units, slots, head, teaser)
        ):
            position = end
            continue  # the grid's first cards stand above the run, where the chain's labels were not yet recurring
        if (
            min_prose_ratio is not None
            and (
                not prose_before[chain[0] - lead]
                or (prose_before[chain[0] - lead] < min_prose_before and len(chain) >= 2 * min_units)
            )
            and _is_the_page(blocks, claimed, prose_before, chain[0] - lead, end, min_prose_ratio)
        ):
            position = end
            continue
        for block in blocks[chain[0] - lead : end]:
            if block.line not in taken and block.line not in protected:
                taken.add(block.line)
                hits.append((block, f"part of {len(chain)} teasers built from one {period}-line template"))
        # Below the article, the short line right above the teasers is their header ('LATEST ATP NEWS',
        # 'Newswire', 'Editors\' Picks'), whatever its words: not a sentence, not a list's lead-in ('…:').
        top = chain[0] - lead - 1
        if (
            top >= 0
            and header_words
            and prose_before is not None
            and prose_before[top] >= min_prose_before
            and blocks[top].line not in claimed
            and blocks[top].line not in taken
            and blocks[top].line not in protected
            and 0 < blocks[top].words <= header_words
            and not blocks[top].text.rstrip().endswith(":")
            and not ends_like_sentence(blocks[top].text.rstrip())
        ):
            taken.add(blocks[top].line)
            hits.append((blocks[top], f"header of the {len(chain)} teasers under it"))
        position = end
    return hits


def _holds_code_samples(run: Sequence[Block], claimed: frozenset[int], units: int, code_units: int) -> bool:
    """Whether 2 lines of ``run`` or more, one for every ``code_units`` of its ``units`` at least, hold code."""
    code = sum(b.line not in claimed and holds_code(b.text) for b in run)
    return code >= 2 and code * code_units >= units


def _continues_above(
    start: int,
    period: int,
    units: int,
    slots: Sequence[bool],
    head: Callable[[int], bool],
    teaser: Callable[[int], bool],
) -> bool:
    """Whether ``units`` more units of the template stand right above the slot at ``start``: a slot every
    ``period`` lines, and between two slots a headline and teaser lines only, as in the run itself."""
    for _ in range(units):
        above = start - period
        if above < 0 or not slots[above]:
            return False
        between = range(above + 1, start)
        if not any(map(head, between)) or not all(map(teaser, between)):
            return False
        start = above
    return True


def _is_the_page(
    blocks: Sequence[Block], claimed: frozenset[int], prose_before: list[int], start: int, end: int, ratio: float
) -> bool:
    """Whether the run ``blocks[start:end]`` outweighs ``ratio`` times the prose paragraphs outside it."""
    last = blocks[-1]
    total = prose_before[-1] + (last.words if last.line not in claimed and is_prose(last.text, words=last.words) else 0)
    inside = prose_before[end] - prose_before[start] if end < len(blocks) else total - prose_before[start]
    run = sum(b.words for b in blocks[start:end] if b.line not in claimed)
    return run > ratio * (total - inside)


_SPEAKER = regex.compile(r"[\w.]{1,12}:\s")


def teaser_run(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_heads: int = 5,
    head_min_words: int = 4,
    head_max_words: int = 20,
    label_words: int = 3,
    dek_words: int = 60,
    dek_sentences: int = 3,
    min_prose_before: int = 100,
    max_prose_after: int = 40,
    max_questions: float = 1.0,
    lead_ins: Sequence[str] | None = None,
    after_posts: bool = False,
) -> list[Hit]:
    """A run of other stories' headlines below the article, told by its shape alone: no header phrase needed.

    A teaser list is a run of headline-shaped lines (``head_min_words``, a German compound
    counted as two (:func:`~declutter.text.text_size`), to ``head_max_words`` words,
    no statement ending: a question is allowed, a colon is not) with, between them, short labels (at
    most ``label_words`` words: a section, an author, an item number), lines other rules removed
    (each teaser's date), and a dek of at most ``dek_sentences`` sentences and ``dek_words`` words
    under a headline or a label, never two deks in a row. The run needs ``min_heads`` headlines and
    no more deks than headlines.
    The article's own lists are told apart by where they sit: the run must follow ``min_prose_before``
    words of the article's prose and be followed by at most ``max_prose_after`` words of prose outside
    other such runs (a list the article resumes after is the article's), and the line above it must
    not introduce a list with a colon. Paragraphs the article writes one after another are never a
    run (two deks in a row end it); neither is a list of statements nor an interview's 'Q:' and 'A:'.
    And a run starts after residue other rules removed (or a line matching the rule's anchor patterns,
    share and follow buttons): one that abuts the article's last lines starts at its first residue
    line (a teaser's date, a share bar) and must still hold enough headlines. A run more than
    ``max_questions`` of whose headlines are questions, each with its answer under it, is the
    article's FAQ ('Who is the largest insurer in the U.S.?' over 'State Farm led the market …').
    A sentence one of the ``lead_ins`` patterns finds ('The resources below provide …') right above a headline
    of the list, among its lines above the run, introduces the article's own list, as a colon does (a
    pitch over a form, 'Use the form below to sign up', leads into no headline); the list reaches up from the
    run over list-shaped and removed lines when the run abuts the article or when the removed line over it
    recurs inside it (each card's 'Read More' button, which splits one list into runs).
    With ``after_posts``, a run holding a thread's numbered post headers
    (:func:`~declutter.heuristics.common.numbered_posts`) starts at the first removed line after the last of
    them: the replies are short lines under a name and a date, a teaser's shape, and the thread's related
    topics below them are the teasers.
    """
    low, high = head_min_words, head_max_words
    kinds: list[str] = []
    for block in blocks:
        text = block.text.rstrip()
        if block.line in protected:
            kinds.append("")
        elif block.line in claimed:
            kinds.append("claimed")
        elif text.endswith(":") or (":" in text[:13] and _SPEAKER.match(text)):  # the colon first: no regex call
            kinds.append("")  # a list's lead-in, an interview's 'Q:' and 'A:'
        elif (
            block.words <= high
            and (block.words >= low or text_size(text, block.words) >= low)  # compounds counted only when short
            and (not ends_like_sentence(text) or text.endswith("?"))
        ):
            kinds.append("head")
        elif 0 < block.words <= label_words and not ends_like_sentence(text):
            kinds.append("label")
        elif block.words <= dek_words and sentence_count(text) <= dek_sentences:
            kinds.append("dek")
        else:
            kinds.append("")
    runs: list[tuple[int, int]] = []
    position = 0
    while position < len(blocks):
        if kinds[position] not in ("head", "label"):
            position += 1
            continue
        end = position
        while end < len(blocks) and kinds[end] and not (kinds[end] == "dek" and kinds[end - 1] == "dek"):
            end += 1
        while end > position and kinds[end - 1] == "claimed":
            end -= 1  # residue at either end is other rules' business
        heads = kinds[position:end].count("head")
        if heads >= min_heads and kinds[position:end].count("dek") <= heads:
            runs.append((position, end))
        position = max(end, position + 1)
    if not runs:
        return []
    inside = [False] * len(blocks)
    for start, end in runs:
        inside[start:end] = [True] * (end - start)
    prose = [
        0 if inside[n] or b.line in claimed or not is_prose(b.text, words=b.words) else b.words
        for n, b in enumerate(blocks)
    ]
    after = [0] * (len(blocks) + 1)
    for n in range(len(blocks) - 1, -1, -1):
        after[n] = after[n + 1] + prose[n]
    introduces = _lead_in(tuple(lead_ins or ()))
    posts = numbered_posts(blocks) if after_posts else []
    hits: list[Hit] = []
    for start, end in runs:
        above = next((b for b in reversed(blocks[:start]) if b.line not in claimed), None)
        if above is not None and above.text.rstrip().endswith(":"):
            continue  # 'The nominees are:' introduces the article's own list
        if after[0] - after[start] < min_prose_before or after[end] > max_prose_after:
            continue
        # Below the article, teasers follow residue (a share bar, a list header other rules removed). A run that
        # abuts the article's last lines starts at its first removed line: the lines above it may be the
        # article's closing words, a credit line, an embedded post.
        # A run holding a thread's numbered posts starts at the first removed line below the last of them, whether
        # it abuts the article or not (a removed line above the last post is among the replies).
        last_post = next((n for n in reversed(posts) if start <= n < end), None)
        if last_post is not None or (start > 0 and not is_residue(rule, blocks[start - 1], claimed)):
            below = start if last_post is None else last_post + 1
            start = next((n for n in range(below, end) if is_residue(rule, blocks[n], claimed)), end)
        heads = kinds[start:end].count("head")
        if heads < min_heads:
            continue  # too few headlines are left below the new start (a whole run holds enough)
        if introduces is not None and _led_in(blocks, kinds, claimed, start, end, introduces):
            continue
        questions = sum(
            1
            for n in range(start, end - 1)
            if kinds[n] == "head" and kinds[n + 1] == "dek" and blocks[n].text.rstrip().endswith("?")
        )
        if questions > max_questions * heads:
            continue
        hits.extend(
            (blocks[n], f"part of a run of {heads} headline-shaped lines below the article")
            for n in range(start, end)
            if not is_residue(rule, blocks[n], claimed)  # residue is other rules' business
        )
    return hits


@lru_cache(maxsize=8)
def _lead_in(patterns: tuple[str, ...]) -> regex.Pattern[str] | None:
    """One pattern searching for any of a rule's lead-in phrases, or None when it has none."""
    return regex.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def _led_in(
    blocks: Sequence[Block],
    kinds: Sequence[str],
    claimed: frozenset[int],
    start: int,
    end: int,
    lead: regex.Pattern[str],
) -> bool:
    """Whether a lead-in sentence stands right above a headline among the list's lines above the run at ``start``.

    The list reaches up over list-shaped and removed lines when the run abuts what is above it (no removed
    line over it) or when the removed line over it recurs inside the run (a card's button splitting one
    list into runs); a run under other residue (a share bar, a list header) has no lead-in of the article's.
    """
    if start > 0 and blocks[start - 1].line in claimed:
        button = blocks[start - 1].text
        if not any(b.text == button for b in blocks[start:end] if b.line in claimed):
            return False
    top = start
    while top > 0 and kinds[top - 1]:
        top -= 1
    return any(
        kinds[n + 1] == "head" and ends_like_sentence(blocks[n].text) and lead.search(blocks[n].text)
        for n in range(top, start - 1)
        if kinds[n] != "claimed"
    )


def list_fill(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_lines: int = 4,
    min_removed_ratio: float = 0.5,
    max_words: int = 20,
    header_words: int = 4,
    min_prose_before: int = 60,
) -> list[Hit]:
    """The rest of a list most of whose items other rules removed: a widget's remaining headlines or links.

    A converter writes a widget's items on consecutive lines (no blank line between them). When a group of
    ``min_lines`` such lines or more has at least ``min_removed_ratio`` of them removed already (teasers that
    repeat elsewhere, share buttons, menu words; or lines the rule's anchor patterns match), its other lines
    are items of the same list: each must be short (at most ``max_words`` words) and not end like a sentence.
    The short line right above the group (at most ``header_words`` words, no sentence, no colon) is its header.
    Guards: the group lies below ``min_prose_before`` words of prose other rules left (a page's head, where a
    headline sits between a removed kicker and a removed byline, is other heuristics' business), and no line
    of it repeats another kept line or is one with a site name after a separator: a gallery or a footer widget
    repeats the headline ('Headline | Health'), and the headline stays.
    """
    prose_before: list[int] | None = None
    hits: list[Hit] = []
    start = 0
    while start < len(blocks):
        end = start + 1
        while end < len(blocks) and blocks[end].line == blocks[end - 1].line + 1:
            end += 1
        first, start = start, end
        if end - first < min_lines:
            continue
        rest = [n for n in range(first, end) if not is_residue(rule, blocks[n], claimed)]
        if not rest or end - first - len(rest) < min_removed_ratio * (end - first):
            continue
        if any(
            blocks[n].line in protected or blocks[n].words > max_words or ends_like_sentence(blocks[n].text)
            for n in rest
        ):
            continue
        if prose_before is None:
            prose_before = prose_words_before(blocks, claimed)
        if prose_before[first] < min_prose_before or any(_headline_copy(blocks, n, claimed) for n in rest):
            continue
        removed = end - first - len(rest)
        hits.extend((blocks[n], f"item of a list whose other {removed} items were removed") for n in rest)
        above = blocks[first - 1] if first > 0 else None
        if (
            above is not None
            and not is_residue(rule, above, claimed)
            and above.line not in protected
            and 0 < above.words <= header_words
            and not above.text.rstrip().endswith(":")
            and not ends_like_sentence(above.text)
        ):
            hits.append((above, "header of the list under it"))
    return hits


def _headline_copy(blocks: Sequence[Block], position: int, claimed: frozenset[int], min_words: int = 4) -> bool:
    """Whether the line at ``position`` repeats another kept line, or is one with a site name after a separator:
    a gallery or a tail widget repeats the article's headline ('Headline | Health'), and the headline stays."""
    text = blocks[position].text
    if blocks[position].words < min_words:
        return False
    return any(
        n != position
        and b.line not in claimed
        and b.words >= min_words
        and (b.text.lower() == text.lower() or is_title_echo(text, b.text, min_words))
        for n, b in enumerate(blocks)
    )


_RANK = regex.compile(r"#?([0-9]{1,2})[.)]?")  # ASCII: int() refuses some digits a Unicode \d matches


def ranked_list(
    blocks: Sequence[Block],
    rule: Rule | None,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    min_items: int = 4,
    max_item_lines: int = 2,
    item_words: int = 25,
    item_sentences: int = 2,
    min_head_words: float = 4.0,
    max_terminal_ratio: float = 0.34,
    header_words: int = 4,
    min_prose_before: int = 100,
) -> list[Hit]:
    """A ranking of other stories: the numbers 1, 2, 3 … each alone on its line, each over its headline.

    'Most Popular' and 'Most Viewed' widgets number their teasers, and a converter writes each number on its own
    line ('1', '* 2') above the headline. The counting itself is the signal, whatever the header's words: a run of
    ``min_items`` numbers or more counting up from 1, each followed by one to ``max_item_lines`` lines before the
    next number. The last number's lines are taken as far as the others' reach.
    Guards: the run lies below ``min_prose_before`` words of the article's prose (other rules' removals do not
    count); no item line is protected, over ``item_words`` words or over ``item_sentences`` sentences ('U.S.'
    counts as one); the first line under each number averages ``min_head_words`` words (a standings table's names
    are shorter) and at most ``max_terminal_ratio`` of them end like a statement (a recipe's numbered steps are
    sentences). The rule file sets ``max_item_lines`` to 1: a listicle's numbered sections carry a heading and a
    paragraph, a headline's and a dek's shape. The short line right above the '1' (at most ``header_words`` words,
    no sentence, no colon) is the list's header ('Most Popular').
    """
    ranks = [
        int(m.group(1)) if b.words <= 2 and (m := _RANK.fullmatch(b.text.strip(), None, None, False)) is not None else 0
        for b in blocks
    ]
    if ranks.count(1) == 0:
        return []
    prose_before: list[int] | None = None
    hits: list[Hit] = []

    def item(position: int) -> bool:
        block = blocks[position]
        return (
            ranks[position] == 0
            and block.line not in protected
            and block.words <= item_words
            and (block.line in claimed or sentence_count(block.text) <= item_sentences)
        )

    position = 0
    while position < len(blocks):
        if ranks[position] != 1:
            position += 1
            continue
        numbers = [position]
        while True:
            last = numbers[-1]
            nxt = next(
                (n for n in range(last + 1, min(last + 2 + max_item_lines, len(blocks))) if ranks[n]),
                None,
            )
            if (
                nxt is None
                or ranks[nxt] != ranks[last] + 1
                or nxt == last + 1
                or not all(item(n) for n in range(last + 1, nxt))
            ):
                break
            numbers.append(nxt)
        if len(numbers) < min_items:
            position += 1
            continue
        reach = max(b - a for a, b in pairwise(numbers)) - 1
        end = numbers[-1] + 1
        while end < len(blocks) and end <= numbers[-1] + reach and item(end):
            end += 1
        heads = [blocks[n + 1] for n in numbers if n + 1 < end]
        terminal = sum(ends_like_sentence(b.text) and not b.text.rstrip().endswith("?") for b in heads)
        if prose_before is None:
            prose_before = prose_words_before(blocks, claimed)
        if (
            end == numbers[-1] + 1
            or sum(b.words for b in heads) < min_head_words * len(heads)
            or terminal > max_terminal_ratio * len(heads)
            or prose_before[position] < min_prose_before
        ):
            position += 1
            continue
        hits.extend((blocks[n], f"part of a ranking of {len(numbers)} numbered teasers") for n in range(position, end))
        top = position - 1
        if (
            top >= 0
            and blocks[top].line not in claimed
            and blocks[top].line not in protected
            and 0 < blocks[top].words <= header_words
            and not blocks[top].text.rstrip().endswith(":")
            and not ends_like_sentence(blocks[top].text)
        ):
            hits.append((blocks[top], f"header of the ranking of {len(numbers)} teasers under it"))
        position = end
    return hits
