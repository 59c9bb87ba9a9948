"""The document's language: normalised from a declared tag (an explicit code; an HTML page's, read by
:mod:`declutter.html.metadata`) or detected from its prose.

Rules tagged with ``languages`` (see ``rules/README.md``) run only on documents in one of those
languages; this module says which language a document is in. It knows codes and function words
(``languages.toml``, data beside this module), never residue vocabulary. Not to be confused with
:mod:`declutter.heuristics.language`, which finds sidebars in *other* languages than the document's.

>>> normalize_language("pt-BR"), normalize_language("DE_at"), normalize_language("klingon")
('pt', 'de', None)
>>> detect_language("Die Regierung hat am Montag angekündigt, dass die Steuern nicht steigen werden. "
...                 "Der Minister sagte, es sei auch für die Länder eine gute Nachricht.")
'de'
>>> detect_language("Short text.") is None
True
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import regex

from declutter.document import Block
from declutter.text import is_prose


@cache
def _data() -> Mapping[str, Any]:
    text = resources.files("declutter").joinpath("languages.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


ISO_639_1 = frozenset(_data()["codes"].split())
"""Every ISO 639-1 code: what a rule's ``languages`` and an explicit ``language=`` may name."""

_TAG = regex.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def normalize_language(tag: str | None) -> str | None:
    """The ISO 639-1 code of a language tag ('en-GB', 'pt_BR', 'FR'); None for an empty or unknown tag."""
    if not tag:
        return None
    match = _TAG.fullmatch(tag.strip())
    if match is None:
        return None
    code = match[1].lower()
    return code if code in ISO_639_1 else None


def nearest_code(value: str) -> str | None:
    """The ISO 639-1 code a mistyped language value most likely means: its first two letters, if a code.

    >>> nearest_code("de-DE_x"), nearest_code("German"), nearest_code("zz")
    ('de', None, None)
    """
    prefix = value.strip().lower()[:2]
    return prefix if prefix in ISO_639_1 else None


@cache
def stopwords() -> Mapping[str, Mapping[str, float]]:
    """Each function word of ``languages.toml`` with its weight for every language whose list holds it."""
    lists = {code: set(text.split()) for code, text in _data()["stopwords"].items()}
    index: dict[str, dict[str, float]] = {}
    for code, words in lists.items():
        for word in words:
            index.setdefault(word, {})[code] = 1.0
    for weights in index.values():
        for code in weights:
            weights[code] = 1.0 / len(weights)
    return index


def detectable() -> frozenset[str]:
    """The languages :func:`detect_language` can tell."""
    return frozenset(code for weights in stopwords().values() for code in weights)


_TOKEN = regex.compile(r"\p{L}+")

MIN_SCORE = 8.0
"""The detected language needs this many (weighted) function words: short texts stay unknown."""
MIN_SHARE = 0.15
"""…and its function words must be this share of all words (a text in another script stays unknown)."""
MIN_MARGIN = 2.0
"""…and at least this many times the runner-up's score (mixed text stays unknown)."""
SAMPLE_CHARS = 3000
"""Only this many characters of the document are read."""


def document_language(blocks: Sequence[Block]) -> str | None:
    """:func:`detect_language` over a document's prose paragraphs, then (for a text with little prose) its
    other lines: menus and labels say little about the language, the article's sentences say it all."""
    prose = [block.text for block in blocks if is_prose(block.text, words=block.words)]
    if sum(map(len, prose)) < SAMPLE_CHARS:
        prose += [block.text for block in blocks if not is_prose(block.text, words=block.words)]
    return detect_language(prose)


def detect_language(text: str | Iterable[str]) -> str | None:
    """The language of a text by its function words (``languages.toml``); None when unsure.

    ``text`` is a string or lines (the document's paragraphs: pass its prose, not its menus).
    Unsure means too few function words, too few among its words, or two languages too close.

    >>> detect_language("Le gouvernement a annoncé lundi que les impôts ne seront pas augmentés cette année, "
    ...                 "et le ministre a dit que c'est une bonne nouvelle pour les ménages.")
    'fr'
    >>> detect_language("The minister said the plan would be announced on Monday. "
    ...                 "Der Minister sagte, dass der Plan am Montag vorgestellt wird.") is None
    True
    """
    if not isinstance(text, str):
        taken: list[str] = []
        length = 0
        for line in text:
            taken.append(line)
            length += len(line) + 1
            if length >= SAMPLE_CHARS:
                break
        text = " ".join(taken)
    tokens = _TOKEN.findall(text[:SAMPLE_CHARS].lower())
    if not tokens:
        return None
    index = stopwords()
    scores: dict[str, float] = {}
    for token in tokens:
        weights = index.get(token)
        if weights is not None:
            for code, weight in weights.items():
                scores[code] = scores.get(code, 0.0) + weight
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best, score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if score < MIN_SCORE or score < MIN_SHARE * len(tokens) or score < MIN_MARGIN * runner_up:
        return None
    return best


__all__ = [
    "ISO_639_1",
    "detect_language",
    "detectable",
    "document_language",
    "normalize_language",
    "stopwords",
]
