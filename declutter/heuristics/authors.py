"""The author box under the article: the author's name on its own line, then a bio that opens with that name."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from declutter.document import Block
from declutter.heuristics.common import Hit, is_residue, prose_words_before
from declutter.rules import Rule
from declutter.text import is_prose


@lru_cache(maxsize=16)
def _name_line(particles: tuple[str, ...]) -> regex.Pattern[str]:
    """A line that is only a name: one to four capitalised words, or lower-case ``particles`` ('Ana de Souza')."""
    word = r"\p{Lu}[\p{L}.\x27’-]*"
    return regex.compile(word + r"(?:\s+(?:" + "|".join([word, *particles]) + r")){0,3}")


@lru_cache(maxsize=16)
def _name_prefix(prefixes: tuple[str, ...]) -> regex.Pattern[str] | None:
    """A byline's label before the name on the name line ('By Jane Doe', 'Written by Jane Doe'), case aside."""
    if not prefixes:
        return None
    return regex.compile(r"(?i:" + "|".join(regex.escape(prefix) for prefix in prefixes) + r")[\s:]+")


@lru_cache(maxsize=16)
def _opening_verb(verbs: tuple[str, ...]) -> regex.Pattern[str]:
    """One of the verbs a bio puts after its subject's name ('… is', '… joined')."""
    return regex.compile(r"(?:" + "|".join(verbs) + r")\b")


def author_box(
    blocks: Sequence[Block],
    rule: Rule,
    protected: frozenset[int],
    claimed: frozenset[int],
    *,
    verbs: list[str],
    name_particles: list[str],
    name_prefixes: list[str] | None = None,
    window: int = 3,
    evidence_window: int = 3,
    bio_min_words: int = 10,
    bio_max_words: int = 90,
    min_prose_before: int = 100,
    max_boxes: int = 2,
) -> list[Hit]:
    """An author box below the article: a line that is only a name, and a bio that opens with it.

    The name line is one to four capitalised words ('Trevor Daugherty'), or lower-case
    ``name_particles`` between them ('Ana de Souza'), after one of ``name_prefixes`` when the line starts
    with one ('By Trevor Daugherty', 'About Trevor Daugherty': a byline's label); within ``window`` lines
    below it (lines other rules removed, such as the author's handle, do not count) comes a
    sentence of ``bio_min_words`` to ``bio_max_words`` words that starts with the full name or its
    first word, followed by one of ``verbs`` ('Trevor Daugherty is the Senior Editor…', 'Emiliano
    joined pv magazine…'). Both lines go. A bio is prose like the article's last paragraph: what
    gives it away is that its subject is the name on the line above, and where it sits. Guards:
    ``min_prose_before`` words of article prose above the name, and no more prose below the bio than above
    the name (the box closes the article: a heading over a definition that opens with it, 'Blockchain' over
    'Blockchain is a decentralized …', heads a section near the top); a line other rules removed (or one the
    rule's anchor patterns match) within ``evidence_window`` lines above the name or below the bio (the
    box sits among share bars, 'About the author' headers, 'More articles' links); and at most
    ``max_boxes`` distinct names, since an article that profiles people ('Meet the finalists') has many
    name-and-bio pairs.
    """
    verb = _opening_verb(tuple(verbs))
    name_shape = _name_line(tuple(name_particles))
    prefix = _name_prefix(tuple(name_prefixes or ()))
    pairs: list[tuple[int, int]] = []
    for position, block in enumerate(blocks):
        name = _name_on(block.text, name_shape, prefix) if block.words <= _NAME_LINE_WORDS else None
        if name is not None:
            bio = _bio_below(blocks, claimed, position, name, verb, window, bio_min_words, bio_max_words)
            if bio is not None:
                pairs.append((position, bio))
    if not pairs:
        return []
    prose_before = prose_words_before(blocks)  # counted only once a name-and-bio pair turns up
    pairs = [(name, bio) for name, bio in pairs if prose_before[name] >= min_prose_before]
    total = prose_before[-1] + (blocks[-1].words if is_prose(blocks[-1].text, words=blocks[-1].words) else 0)
    names = {_name_on(blocks[name].text, name_shape, prefix) for name, _ in pairs}
    found = [
        (blocks[name], blocks[bio])
        for name, bio in pairs
        if _near_residue(blocks, rule, claimed, name, bio, evidence_window)
        and total - prose_before[bio] <= prose_before[name]
    ]
    if len(names) > max_boxes:
        return []
    hits: list[Hit] = []
    for name_line, bio_line in found:
        if name_line.line in protected or bio_line.line in protected:
            continue
        hits.append((name_line, "the author's name, over a bio that opens with it"))
        hits.append((bio_line, f"an author bio: it opens with the name on line {name_line.line + 1}"))
    return hits


def _near_residue(
    blocks: Sequence[Block], rule: Rule, claimed: frozenset[int], first: int, last: int, window: int
) -> bool:
    """Whether a line other rules removed, or one the rule's anchor patterns match, lies within ``window``
    lines above ``first`` or below ``last``."""
    around = [*blocks[max(0, first - window) : first], *blocks[last + 1 : last + 1 + window]]
    return any(is_residue(rule, block, claimed) for block in around)


_NAME_LINE_WORDS = 10
"""The most words a name line holds: a name of four words, a byline's label before it or a title after it."""


def _name_on(text: str, name_shape: regex.Pattern[str], prefix: regex.Pattern[str] | None) -> str | None:
    """The name a name line holds: the whole line ('Jane Doe'), what follows a byline's label ('By Jane Doe',
    'Written by Jane Doe') or what comes before a comma and the author's title or degree ('Jane Doe, DVM', 'Jane
    Doe, Executive Editor'), when that is one to four capitalised words."""
    label = prefix.match(text) if prefix is not None else None  # first: 'By Jane Doe' is capitalised words too
    start = label.end() if label is not None else 0
    comma = text.find(",", start)
    end = comma if comma > 0 else len(text)
    return text[start:end] if name_shape.fullmatch(text, start, end) is not None else None


def _bio_below(
    blocks: Sequence[Block],
    claimed: frozenset[int],
    position: int,
    full: str,
    verb: regex.Pattern[str],
    window: int,
    min_words: int,
    max_words: int,
) -> int | None:
    """The index of a bio within ``window`` unclaimed lines below the name line at ``position``, one that opens
    with the name ``full`` that line holds or its first word, if any."""
    openings = (full, full.split()[0]) if " " in full else (full,)
    seen = 0
    for later in range(position + 1, len(blocks)):
        candidate = blocks[later]
        if candidate.line in claimed:
            continue
        seen += 1
        if seen > window:
            return None
        if not min_words <= candidate.words <= max_words:
            continue
        for opening in openings:
            if candidate.text.startswith(opening + " ") and verb.match(candidate.text, len(opening) + 1):
                return later
    return None
