"""Structural detectors: residue recognised by its shape, not by a phrase.

Each heuristic is a plain function registered in :data:`HEURISTICS`. A rule of
kind ``heuristic`` names it and supplies its parameters (and anchor patterns,
where it needs them) from the rule file, so thresholds are data too. A
heuristic returns ``(block, reason)`` pairs; it must never fire on a line that
reads like an article paragraph.

>>> from declutter.document import Document
>>> doc = Document.from_text("Storm hits coastSchools close earlyMayor declares emergencyRoads reopen")
>>> [reason for _, reason in run_together_headlines(doc.blocks, None, frozenset(), frozenset(), min_joins=3)]
['3 headlines run together (joins at 16, 35, 59)']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise

import regex

from declutter.document import Block
from declutter.matchers import REGEX_TIMEOUT, fullmatch, timeout_error
from declutter.rules import Rule
from declutter.text import ends_like_sentence, is_prose, sentence_count, words

Hit = tuple[Block, str]
Heuristic = Callable[..., list[Hit]]

_JOIN = regex.compile(r"(?<=\p{Ll}{3}|[?!»”])(?=\p{Lu}\p{Ll})")
_NUMBERED = regex.compile(r"\d{1,2}[.)]\s")
_SENTENCE_BOUNDARY = regex.compile(r"\p{Ll}{2}[.!?][\"”’]?\s+[\"“‘]?\p{Lu}")
_SCRIPTS = (
    "Latin",
    "Cyrillic",
    "Greek",
    "Arabic",
    "Hebrew",
    "Han",
    "Hiragana",
    "Katakana",
    "Hangul",
    "Devanagari",
    "Thai",
)
_SCRIPT = regex.compile("|".join(f"(?P<{name}>\\p{{Script={name}}})" for name in _SCRIPTS))
_CJK = {"Han": "CJK", "Hiragana": "CJK", "Katakana": "CJK"}


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
    """
    hits: list[Hit] = []
    prose_before = _unclaimed_prose_words_before(blocks, claimed)
    position = 0
    while position < len(blocks):
        header = blocks[position]
        if (
            header.line in protected
            or prose_before[position] < min_prose_before
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
        if len(run) >= min_items and terminal <= max_terminal_ratio * len(run):
            hits.append((header, f"list header followed by {len(run)} headline-like lines"))
            hits.extend((b, f"item of the list under line {header.line + 1}") for b in run)
            position += len(run) + 1
        else:
            position += 1
    return hits


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


def _unclaimed_prose_words_before(blocks: Sequence[Block], claimed: frozenset[int]) -> list[int]:
    """For each block, the words of prose paragraphs above it that no other rule removed."""
    totals, running = [], 0
    for block in blocks:
        totals.append(running)
        if block.line not in claimed and is_prose(block.text, words=block.words):
            running += block.words
    return totals


def _prose_words_before(blocks: Sequence[Block]) -> list[int]:
    """For each block, the words of prose paragraphs above it."""
    totals, running = [], 0
    for block in blocks:
        totals.append(running)
        if is_prose(block.text, words=block.words):
            running += block.words
    return totals


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
) -> list[Hit]:
    """A long run of very short lines above the article or below it: a menu, a footer, a link farm.

    Items have at most ``max_words`` words (``max_mean_words`` on average) and no
    sentence ending (with ``exclamations``, a short line ending in '!' or '?' is an
    item too: 'Forums!', 'Work here!'). The run must lie entirely above the first
    prose paragraph (of ``prose_words`` words) or entirely below the last one, so
    lists inside the article are never touched; a document without prose is left
    alone. Prose that other rules already removed (a cookie notice above the menu)
    is not the article and does not count, and neither is, with ``edge_gap``, a
    small group of paragraphs at either end (at most ``edge_words`` words and half
    the largest group's) cut off from the rest of the prose by more than
    ``edge_gap`` lines (a site blurb among the menus); with ``skip_claimed``, long
    lines other rules removed do not break a run. And shape alone never deletes: the run
    needs ``min_anchors`` lines matching the rule's patterns (menu vocabulary such
    as 'Home', 'Contact us'; with ``claimed_evidence``, one of them may be a short
    line another rule removed, but one must be vocabulary), so a list of names or
    products that closes an article stays, and it ends at its last menu label on
    the side that faces the article, so a short headline stays too. With
    ``bullets``, a run above the article that is mostly a bulleted list keeps going
    past its last label through the bulleted items under it (a headline is not bulleted).
    With ``inner_ratio``, a run between the first and the last paragraph goes too, from
    its first menu label to its last, when at least that share of those lines are menu
    labels and another rule already removed a line of the run (a menu and a share bar
    between the article and an author's bio); an article's own list has no residue in it.
    With ``dense_items``, a shorter run outside the article goes when it has that many
    lines and at least ``dense_ratio`` of them are menu labels ('About us', 'Careers', 'Advertise').
    """
    # Lines other rules already removed (a cookie notice, a newsletter prompt) are not the article.
    prose = [
        b.index for b in blocks if b.line not in claimed and is_prose(b.text, min_words=prose_words, words=b.words)
    ]
    if not prose:
        return []
    if edge_gap:
        prose = _article_core(blocks, prose, claimed, edge_gap, edge_words)
    first, last = prose[0], prose[-1]
    headlines = headline_copies(blocks, claimed, first)
    hits: list[Hit] = []
    run: list[Block] = []

    def flush() -> None:
        marks = [n for n, b in enumerate(run) if fullmatch(rule, b, b.text) is not None]
        above = bool(run) and run[-1].index < first
        # Trim the side that touches the article back to the last menu label: a short
        # headline or byline right above the first paragraph is not a menu item. Above the
        # article, the run also starts at its first label: the page title may open the text.
        start, end = 0, 0
        if marks:
            start = 0 if above and not top_label else marks[0]
            end = marks[-1] + 1 if above else len(run)
        if above and bullets and end and 2 * sum(map(_bulleted, run[start:end])) >= end - start:
            while end < len(run) and _bulleted(run[end]):
                end += 1
        inside = bool(run) and first < run[0].index < last
        if inside:
            # Inside the article's span only a dense menu goes, from its first label to its last.
            start, end = (marks[0], marks[-1] + 1) if marks else (0, 0)
            residue = any(b.line in claimed for b in run)
            if not inner_ratio or not residue or len(marks) < inner_ratio * (end - start):
                start, end = 0, 0
        items = run[start:end]
        evidence = len(marks)
        if claimed_evidence:
            marked = {run[n].line for n in marks}
            evidence += sum(1 for b in items if b.line in claimed and b.line not in marked)
        dense = (
            not inside
            and dense_items
            and len(items) >= dense_items
            and sum(1 for n in marks if start <= n < end) >= dense_ratio * len(items)
        )
        if (
            (len(items) >= min_items or dense)
            and evidence >= min_anchors
            and sum(b.words for b in items) <= max_mean_words * len(items)
        ):
            place = "above the article" if above else "inside the article's span" if inside else "below the article"
            hits.extend(
                (b, f"item of a run of {len(items)} short lines {place} ({evidence} menu labels)")
                for b in items
                if b.line not in headlines
            )
        run.clear()

    region = 0
    for block in blocks:
        outside = block.index < first or block.index > last
        if skip_claimed and outside and block.line in claimed and block.words > max_words:
            continue  # residue another rule removed does not split a menu
        if (block.index > first) + (block.index > last) != region:
            flush()  # a run never crosses the article's first or last paragraph
            region = (block.index > first) + (block.index > last)
        short = (
            block.words <= max_words
            and (not ends_like_sentence(block.text) or (exclamations and block.text.rstrip()[-1:] in "!?"))
            and block.line not in protected
            and (outside or inner_ratio > 0)
        )
        if short:
            run.append(block)
        else:
            flush()
    flush()
    return hits


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
        and not _bulleted(b)  # a bulleted line is a list item ('* About the author'), not the headline
        and (not ends_like_sentence(b.text) or b.text.endswith("?"))
    ][-2:]
    if not candidates:
        return frozenset()
    copies = set()
    for block in above:
        if block.words < min_words:
            continue
        for head in candidates:
            if head.index > block.index and head.words <= block.words and _echoes(block.text, head.text, min_words):
                copies.add(block.line)
                break
    return frozenset(copies)


_BULLET = regex.compile(r"\s*[*+•·–-]\s")


def _bulleted(block: Block) -> bool:
    """The raw line starts with a list bullet ('* Home', '+ Video')."""
    return _BULLET.match(block.raw) is not None


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


_ASCII_LETTER = regex.compile(r"[A-Za-z]")
_LATIN_LETTERS = regex.compile(r"\p{Latin}+")
_NON_LATIN = regex.compile(r"[^\p{Latin}\P{L}]")
_NON_LATIN_RUNS = regex.compile(r"[^\p{Latin}\P{L}]+")


def _script(text: str) -> str | None:
    """The script most of the text's letters are written in (Han, Hiragana and Katakana count as CJK)."""
    if text.isascii():
        return "Latin" if _ASCII_LETTER.search(text) else None
    # Counting runs, not single letters, is faster; most text has no non-Latin letter to count at all.
    other = sum(map(len, _NON_LATIN_RUNS.findall(text)))
    if other == 0:
        return "Latin" if _LATIN_LETTERS.search(text) else None
    if sum(map(len, _LATIN_LETTERS.findall(text))) >= other:
        return "Latin"
    counts: Counter[str] = Counter()
    for match in _SCRIPT.finditer("".join(_NON_LATIN.findall(text)[:400])):
        name = match.lastgroup or ""
        counts[_CJK.get(name, name)] += 1
    return counts.most_common(1)[0][0] if counts else "other"


@lru_cache(maxsize=16)
def _stopword_index(languages: tuple[tuple[str, str], ...]) -> Mapping[str, tuple[str, ...]]:
    """Each stopword with the languages it belongs to (in the order the rule lists them)."""
    index: dict[str, list[str]] = {}
    for code, text in languages:
        for word in dict.fromkeys(text.split()):
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def _language(tokens: Sequence[str], stopwords: Mapping[str, tuple[str, ...]]) -> tuple[str | None, Counter[str]]:
    hits: Counter[str] = Counter()
    for token, count in Counter(token for token in tokens if token in stopwords).items():
        for code in stopwords[token]:
            hits[code] += count
    best = hits.most_common(1)
    return (best[0][0] if best else None), hits


def _prose_sample(blocks: Sequence[Block], size: int) -> str:
    """The first ``size`` characters of the document's prose paragraphs, joined by spaces."""
    taken: list[str] = []
    length = -1
    for block in blocks:
        if is_prose(block.text, words=block.words):
            taken.append(block.text)
            length += len(block.text) + 1
            if length >= size:
                break
    return " ".join(taken)[:size]


def other_language_run(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    languages: dict[str, str] | None = None,
    min_lines: int = 2,
    max_words: int = 30,
    label_words: int = 4,
    min_languages: int = 2,
) -> list[Hit]:
    """A run of short lines in another script or language than the document (a language sidebar).

    ``languages`` maps a language code to its stopwords (space-separated). A line is
    foreign when its script differs from the document's, or when it has at least two
    stopwords of another language and none of the document's. Short label lines
    ("RCI | Français") may sit inside the run; the run needs ``min_lines`` foreign lines
    in ``min_languages`` different languages or scripts: an article quoting a verse in
    one other language is not a language switcher.
    """
    stopwords = _stopword_index(tuple((languages or {}).items()))
    document: dict[str, str | None] = {}

    def of_document(key: str) -> str | None:
        """The document's script or language, computed once and only if a short line needs it."""
        if not document:
            # The article's paragraphs decide its language: they survive cleaning, sidebars do not.
            sample = _prose_sample(blocks, 3000)
            document["script"] = _script(sample)
            document["language"] = _language(words(sample.lower()), stopwords)[0]
        return document[key]

    def foreign(block: Block) -> str | None:
        """The block's other language or script, or None when it is in the document's."""
        if block.words > max_words or block.line in protected or is_prose(block.text, min_words=8, words=block.words):
            return None
        script = _script(block.text)
        if script is None or of_document("script") is None:
            return None  # no letters, or no article paragraphs to tell the document's language by
        # Latin lines in a non-Latin document are usually code, names or brands, not a sidebar.
        if script != "Latin" and script != of_document("script"):
            return script
        doc_language = of_document("language")
        if doc_language is None:
            return None
        language, hits = _language(words(block.text.lower()), stopwords)
        if language is None or hits[language] < 2:
            return None
        if language != doc_language and hits[doc_language] == 0:
            return language
        return None

    # Lines other rules already removed are not there when the text is cleaned again: skip them, so a
    # second cleaning sees the same runs (cleaning is idempotent).
    blocks = [block for block in blocks if block.line not in claimed]
    languages_of = [foreign(block) for block in blocks]
    hits: list[Hit] = []
    position = 0
    while position < len(blocks):
        # A maximal segment of foreign lines and short labels; a shorter one cannot qualify if it does not.
        end = position
        while end < len(blocks) and (
            languages_of[end] is not None or (blocks[end].words <= label_words and blocks[end].line not in protected)
        ):
            end += 1
        while end > position and languages_of[end - 1] is None:
            end -= 1  # trailing labels belong to whatever follows
        found = [language for language in languages_of[position:end] if language is not None]
        if len(found) >= min_lines and len(set(found)) >= min_languages:
            hits.extend(
                (b, f"part of a run of {len(found)} lines in another language or script") for b in blocks[position:end]
            )
        position = max(end, position + 1)
        while position < len(blocks) and languages_of[position] is None and blocks[position].words > label_words:
            position += 1
    return hits


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
) -> list[Hit]:
    """One line of several headlines glued without spaces ("…in U.K. historyCanadian dollar hits …").

    A join is a lower-case word running straight into a capitalised one, or closing
    punctuation into a capital. Glued article paragraphs are told apart three ways:
    they usually end like a sentence, their pieces are long (over ``max_mean_chars``
    on average), and their pieces hold sentence boundaries; headline strips have none
    of these.
    """
    hits: list[Hit] = []
    for block in blocks:
        if block.line in protected or len(block.text) < min_chars or ends_like_sentence(block.text):
            continue
        joins = [m.start() for m in _JOIN.finditer(block.text)]
        if len(joins) < min_joins or len(block.text) / (len(joins) + 1) > max_mean_chars:
            continue
        pieces = [block.text[a:b] for a, b in zip([0, *joins], [*joins, len(block.text)], strict=True)]
        with_sentences = sum(1 for piece in pieces if _SENTENCE_BOUNDARY.search(piece))
        if with_sentences <= max_sentence_ratio * len(pieces):
            where = ", ".join(map(str, joins[:5])) + (", …" if len(joins) > 5 else "")
            hits.append((block, f"{len(joins)} headlines run together (joins at {where})"))
    return hits


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
    prose_before = _prose_words_before(blocks)
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


_MARKERS: dict[tuple[str, ...], list[regex.Pattern[str]]] = {}


def _any_fullmatch(rule: Rule, patterns: Sequence[regex.Pattern[str]], block: Block) -> bool:
    """Whether one of a heuristic's own patterns matches the whole line (a runaway pattern names the rule)."""
    for pattern in patterns:
        try:
            if pattern.fullmatch(block.text, timeout=REGEX_TIMEOUT) is not None:
                return True
        except TimeoutError:
            raise timeout_error(rule, pattern, block) from None
    return False


def _compiled(patterns: tuple[str, ...]) -> list[regex.Pattern[str]]:
    """The marker patterns, compiled once per distinct list."""
    if patterns not in _MARKERS:
        _MARKERS[patterns] = [regex.compile(pattern) for pattern in patterns]
    return _MARKERS[patterns]


_TITLE_TOKEN = regex.compile(r"\w+")
_TITLE_SEPARATOR = regex.compile(r"\s*[|–—:»·•/-]")


def _title_tokens(text: str) -> list[str]:
    """The lower-cased word tokens of a title ('Storm – hits coast!' and 'Storm - hits coast' agree)."""
    return _TITLE_TOKEN.findall(text.lower())


def _echoes(page_title: str, headline: str, min_words: int) -> bool:
    """Whether ``headline`` is the page title, or the page title without a site name after or before a separator.

    >>> _echoes("Storm hits coast, schools close - Daily Planet", "Storm hits coast, schools close", 4)
    True
    >>> _echoes("Daily Planet | Storm hits coast, schools close", "Storm hits coast, schools close", 4)
    True
    >>> _echoes("Storm hits coast, schools close early", "Storm hits coast, schools close", 4)
    False
    >>> _echoes("Storm hits coast, schools close | Daily Planet News Site", "Daily Planet News Site", 4)
    False
    """
    head, title = _title_tokens(headline), _title_tokens(page_title)
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
    prose_before = _prose_words_before(blocks)
    total = prose_before[-1] + (blocks[-1].words if is_prose(blocks[-1].text, words=blocks[-1].words) else 0)
    echoes: list[int] = []
    for position in range(1, len(blocks)):
        block = blocks[position]
        if prose_before[position] > max_prose_between:
            break  # the article, or something like it, started here
        if block.words < min_words or block.words > top.words or block.line in claimed:
            continue
        if _echoes(top.text, block.text, min_words):
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
    prose = [
        b.index for b in blocks if b.line not in claimed and is_prose(b.text, min_words=prose_words, words=b.words)
    ]
    if not prose:
        return []
    last = prose[-1]
    at = {block.index: position for position, block in enumerate(blocks)}
    start = at[last] + 1
    if sum(blocks[at[i]].words for i in prose) < min_prose_before:
        return []

    def residue(block: Block) -> bool:
        return block.line in claimed or (rule is not None and fullmatch(rule, block, block.text) is not None)

    gap = 0
    for position in range(start, len(blocks)):
        block = blocks[position]
        if residue(block):
            head = blocks[position : position + window]
            if len(head) >= min_cluster and sum(map(residue, head)) >= min_cluster:
                return [
                    (b, f"below the article's last paragraph (line {blocks[at[last]].line + 1}), after residue")
                    for b in blocks[position:]
                    if b.line not in protected
                ]
            continue
        gap += 1
        if gap > max_gap:
            return []
    return []


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
    """
    hits: list[Hit] = []
    taken: set[int] = set()

    def slot(block: Block) -> bool:
        if block.line in claimed:
            return block.words <= 8 and block.line not in protected
        if not 0 < block.words <= label_words or block.line in protected:
            return False
        text = block.text.rstrip()
        return not text.endswith(":") and not ends_like_sentence(text)

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

    position = 0
    while position < len(blocks):
        found = None
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
                stamps = [blocks[i].text.lower() for i in chain if blocks[i].line in claimed]
                if len(set(stamps)) < len(stamps):
                    continue  # each teaser has its own date; a recurring removed line is an ad slug in an article
                found = (period, chain)
                break
        if found is None:
            position += 1
            continue
        period, chain = found
        before = chain[0] - 1
        lead = int(
            before >= 0 and head(before) and teaser(before) and sum(head(i - 1) for i in chain[1:]) >= len(chain) - 2
        )
        end = chain[-1] + 1
        while end < len(blocks) and end <= chain[-1] + period - 1 - lead and teaser(end):
            end += 1
        for block in blocks[chain[0] - lead : end]:
            if block.line not in taken and block.line not in protected:
                taken.add(block.line)
                hits.append((block, f"part of {len(chain)} teasers built from one {period}-line template"))
        position = end
    return hits


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
) -> list[Hit]:
    """A run of other stories' headlines below the article, told by its shape alone: no header phrase needed.

    A teaser list is a run of headline-shaped lines (``head_min_words`` to ``head_max_words`` words,
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
    line (a teaser's date, a share bar) and must still hold enough headlines.
    """
    low, high = head_min_words, head_max_words
    kinds: list[str] = []
    for block in blocks:
        text = block.text.rstrip()
        if block.line in protected:
            kinds.append("")
        elif block.line in claimed:
            kinds.append("claimed")
        elif text.endswith(":") or _SPEAKER.match(text):
            kinds.append("")  # a list's lead-in, an interview's 'Q:' and 'A:'
        elif low <= block.words <= high and (not ends_like_sentence(text) or text.endswith("?")):
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
        def residue(n: int) -> bool:
            return kinds[n] == "claimed" or (
                rule is not None and fullmatch(rule, blocks[n], blocks[n].text) is not None
            )

        if start > 0 and not residue(start - 1):
            start = next((n for n in range(start, end) if residue(n)), end)
            if kinds[start:end].count("head") < min_heads:
                continue
        heads = kinds[start:end].count("head")
        hits.extend(
            (blocks[n], f"part of a run of {heads} headline-shaped lines below the article")
            for n in range(start, end)
            if not residue(n)  # residue is other rules' business
        )
    return hits


_INITIALS = regex.compile(r"(?:^|\s)(?:\p{Lu}\.){2,}$")


def _statement(text: str) -> bool:
    """Ends like a statement: a full stop or '!' ('S.A.', 'U.S.' initials and questions do not count)."""
    return ends_like_sentence(text) and not text.endswith("?") and _INITIALS.search(text) is None


_LIST_ITEM = regex.compile(r"(?:\s*[*+•·▪◦‣○●■□–-]|\s{2,}o)\s+\S")


def _list_item(block: Block) -> bool:
    """The raw line is a list item: a bullet, or an indented 'o ' (a converter's second-level bullet)."""
    return _LIST_ITEM.match(block.raw) is not None


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
    first = next(
        (b.index for b in blocks if b.line not in claimed and is_prose(b.text, min_words=prose_words, words=b.words)),
        None,
    )
    if first is None:
        return []
    # Residue: lines other rules removed, or (when the rule runs alone, in its examples) chrome labels.
    residue = {
        b.line
        for b in blocks[:first]
        if b.line in claimed or (rule is not None and rule.patterns and fullmatch(rule, b, b.text) is not None)
    }
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

    for block in blocks[:first]:
        if block.line in keep:
            flush()
        elif block.line in claimed:
            (pending if pending else run).append(block)
        elif _list_item(block) and block.words <= max_words and not _statement(block.text):
            run.extend(pending)
            pending.clear()
            run.append(block)
        elif run and block.words <= gap_words and not _statement(block.text):
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
        below = blocks[found[-1].index + 1 : first]
        if any(
            b.line not in claimed and b.line not in taken and not _list_item(b) and b.words >= headline_words
            for b in below
        ):
            items = sum(1 for b in found if b.line not in claimed and _list_item(b))
            hits.extend((b, f"part of a bulleted menu of {items} items above the article") for b in found)
    return hits


HEURISTICS: dict[str, Heuristic] = {
    "comment-thread": comment_thread,
    "tail-after-residue": tail_after_residue,
    "teaser-template": teaser_template,
    "teaser-run": teaser_run,
    "title-echo": title_echo,
    "headline-list": headline_list,
    "menu-run": menu_run,
    "bulleted-head-menu": bulleted_head_menu,
    "other-language-run": other_language_run,
    "run-together-headlines": run_together_headlines,
}
"""Heuristic name (as written in rule files) to function."""
