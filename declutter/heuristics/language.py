"""Sidebars in another language or script than the document (a language switcher, a foreign edition's links)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import lru_cache

import regex

from declutter.document import Block
from declutter.heuristics.common import Hit
from declutter.rules import Rule
from declutter.text import is_prose, words

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


_ASCII_LETTER = regex.compile(r"[A-Za-z]")


_LATIN_LETTERS = regex.compile(r"\p{Latin}+")


_NON_LATIN_RUNS = regex.compile(r"[^\p{Latin}\P{L}]+")


def _script(text: str) -> str | None:
    """The script most of the text's letters are written in (Han, Hiragana and Katakana count as CJK)."""
    if text.isascii():
        return "Latin" if _ASCII_LETTER.search(text, None, None, False) else None
    # Counting runs, not single letters, is faster; most text has no non-Latin letter to count at all.
    runs = _NON_LATIN_RUNS.findall(text, None, None, False, False)
    other = sum(map(len, runs))
    if other == 0:
        return "Latin" if _LATIN_LETTERS.search(text, None, None, False) else None
    if sum(map(len, _LATIN_LETTERS.findall(text, None, None, False, False))) >= other:
        return "Latin"
    # The first 400 non-Latin letters, each distinct one looked up once and its count added to its script's (a match
    # object per letter cost 30 M instructions on 60 ScrapingHub pages). The scripts come in the order of their
    # first letters, the order in which most_common breaks a tie.
    counts: Counter[str] = Counter()
    for letter, number in Counter("".join(runs)[:400]).items():
        script = _script_of_letter(letter)
        if script is not None:
            counts[script] += number
    return counts.most_common(1)[0][0] if counts else "other"


@lru_cache(maxsize=4096)
def _script_of_letter(letter: str) -> str | None:
    """The script of one letter among :data:`_SCRIPTS` (Han, Hiragana and Katakana as CJK), None for another."""
    match = _SCRIPT.fullmatch(letter)
    if match is None:
        return None
    name = match.lastgroup or ""
    return _CJK.get(name, name)


@lru_cache(maxsize=16)
def _stopword_index(languages: tuple[tuple[str, str], ...]) -> Mapping[str, tuple[str, ...]]:
    """Each stopword with the languages it belongs to (in the order the rule lists them)."""
    index: dict[str, list[str]] = {}
    for code, text in languages:
        for word in dict.fromkeys(text.split()):
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def _language(tokens: Sequence[str], stopwords: Mapping[str, tuple[str, ...]]) -> tuple[str | None, Counter[str]]:
    """The language with the most stopwords among ``tokens`` (None without any), and every language's count."""
    hits: Counter[str] = Counter()
    for token in tokens:
        for code in stopwords.get(token, ()):
            hits[code] += 1
    return max(hits, key=hits.__getitem__, default=None), hits  # the first of the best, as ``most_common(1)``


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

    ``languages`` maps a language code to its stopwords (space-separated). A line of at
    most ``max_words`` words that is not prose is foreign when its script differs from the
    document's, or when it has at least two stopwords of another language and none of the
    document's; the document's language is that of its prose paragraphs (sidebars do not
    survive cleaning, the article does). Short label lines of at most ``label_words`` words
    ("RCI | Français") may sit inside the run; the run needs ``min_lines`` foreign lines
    in ``min_languages`` different languages or scripts: an article quoting a verse in
    one other language is not a language switcher. Protected lines are never foreign.
    """
    stopwords = _stopword_index(tuple((languages or {}).items()))
    # Lines other rules already removed are not there when the text is cleaned again: skip them, so a
    # second cleaning sees the same runs (cleaning is idempotent).
    blocks = [block for block in blocks if block.line not in claimed]

    def shape(block: Block) -> tuple[str, str | None, Counter[str]] | None:
        """A short line's script and best stopword language, or None when it has no letters or is prose."""
        if block.words > max_words or block.line in protected or is_prose(block.text, min_words=8, words=block.words):
            return None
        script = _script(block.text)
        if script is None:
            return None
        language, hits = _language(words(block.text.lower()), stopwords)
        return script, language, hits

    # What each line could be foreign as, whatever the document's language: a run needs min_lines such lines
    # in min_languages languages, so most documents are settled without working out their own language. The
    # lines are counted as they come, so a long document's every line's counts are not held at once.
    foreign_lines = 0
    possible: set[str] = set()
    for script, language, counts in filter(None, map(shape, blocks)):
        values = {script} - {"Latin"} | ({language} if language is not None and counts[language] >= 2 else set())
        foreign_lines += bool(values)
        possible |= values
    if foreign_lines < min_lines or len(possible) < min_languages:
        return []
    shapes = [shape(block) for block in blocks]
    # The article's paragraphs decide its language: they survive cleaning, sidebars do not.
    sample = _prose_sample(blocks, 3000)
    doc_script = _script(sample)
    doc_language = _language(words(sample.lower()), stopwords)[0] if doc_script is not None else None

    def foreign(found: tuple[str, str | None, Counter[str]] | None) -> str | None:
        """The line's other language or script, or None when it is in the document's."""
        if found is None or doc_script is None:
            return None  # no letters, or no article paragraphs to tell the document's language by
        script, language, hits = found
        # Latin lines in a non-Latin document are usually code, names or brands, not a sidebar.
        if script != "Latin" and script != doc_script:
            return script
        if doc_language is None or language is None or hits[language] < 2:
            return None
        if language != doc_language and hits[doc_language] == 0:
            return language
        return None

    languages_of = [foreign(found) for found in shapes]
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
