"""The author box under the article: the author's name on its own line, then a bio that opens with that name."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

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
    closing_name_words: int = 0,
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
    name-and-bio pairs. A bio that repeats the title the box shows between the name and its verb ('Amanda Furrer'
    over 'Editor, Running Reviews' over 'Amanda Furrer, Editor, Running Reviews, studied …') needs no removed line
    beside it: the box's own layout, name then title then a bio restating both, is the evidence, and such a box
    often ends the page, with nothing below it to remove. Nor does a box that ends the page, when its name has
    ``closing_name_words`` words or more (a person's full name, 'Rebecca Norris' over 'Rebecca Norris is a
    freelance writer …' and nothing after it; 0 turns this off): a one-word heading over a paragraph that opens
    with it ('Yemenat' over 'Yemenat is a Bay Ridge hot spot …') is more often a listicle's last item.
    """
    verb = _opening_verb(tuple(verbs))
    name_shape = _name_line(tuple(name_particles))
    prefix = _name_prefix(tuple(name_prefixes or ()))
    pairs: list[tuple[int, int]] = []
    titles: dict[int, int] = {}  # a bio that repeats the author's title: the line that shows the title
    for position, block in enumerate(blocks):
        name = _name_on(block.text, name_shape, prefix) if block.words <= _NAME_LINE_WORDS else None
        if name is not None:
            bio = _bio_below(blocks, claimed, position, name, verb, window, (bio_min_words, bio_max_words))
            if bio is not None:
                pairs.append((position, bio.line))
                if bio.title is not None:
                    titles[bio.line] = bio.title
    if not pairs:
        return []
    prose_before = prose_words_before(blocks)  # counted only once a name-and-bio pair turns up
    pairs = [(name, bio) for name, bio in pairs if prose_before[name] >= min_prose_before]
    total = prose_before[-1] + (blocks[-1].words if is_prose(blocks[-1].text, words=blocks[-1].words) else 0)
    names = {_name_on(blocks[name].text, name_shape, prefix) for name, _ in pairs}
    found = [
        (at_name, at_bio)
        for at_name, at_bio in pairs
        if (
            at_bio in titles
            or _closes(blocks, claimed, _name_on(blocks[at_name].text, name_shape, prefix), at_bio, closing_name_words)
            or _near_residue(blocks, rule, claimed, at_name, at_bio, evidence_window)
        )
        and total - prose_before[at_bio] <= prose_before[at_name]
    ]
    if len(names) > max_boxes:
        return []
    hits: list[Hit] = []
    for at_name, at_bio in found:
        name_line, bio_line = blocks[at_name], blocks[at_bio]
        if name_line.line in protected or bio_line.line in protected:
            continue
        hits.append((name_line, "the author's name, over a bio that opens with it"))
        title = titles.get(at_bio, at_name)
        if title != at_name and blocks[title].line not in protected:
            hits.append((blocks[title], f"the author's title, under the name on line {name_line.line + 1}"))
        hits.append((bio_line, f"an author bio: it opens with the name on line {name_line.line + 1}"))
    return hits


def _closes(blocks: Sequence[Block], claimed: frozenset[int], name: str | None, bio: int, name_words: int) -> bool:
    """Whether the bio at ``bio`` ends the page (every line below it removed, or none) and its box's ``name`` has
    ``name_words`` words or more (0: never)."""
    if not name_words or name is None or len(name.split()) < name_words:
        return False
    return all(block.line in claimed for block in blocks[bio + 1 :])


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
    # first: 'By Jane Doe' is capitalised words too
    label = prefix.match(text, None, None, False) if prefix is not None else None
    start = label.end() if label is not None else 0
    comma = text.find(",", start)
    end = comma if comma > 0 else len(text)
    return text[start:end] if name_shape.fullmatch(text, start, end, False) is not None else None


def _bio_below(
    blocks: Sequence[Block],
    claimed: frozenset[int],
    position: int,
    full: str,
    verb: regex.Pattern[str],
    window: int,
    words: tuple[int, int],
) -> _Bio | None:
    """The index of a bio within ``window`` unclaimed lines below the name line at ``position``, one of ``words``
    (least, most) words that opens with the name ``full`` that line holds or its first word, if any, with the
    index of the line that shows the title the bio repeats, if it repeats one.

    Between the name and its verb the bio may repeat the author's title as the box shows it, after a comma: the
    part of the name line after its comma ('Angela Holliday-Bell, MD' over 'Angela Holliday-Bell, MD is …') or a
    short line between the name line and the bio ('Editor, Running Reviews' under the name, over 'Amanda Furrer,
    Editor, Running Reviews, studied …'). Only a title the box itself shows: a heading over an appositive of its
    own ('Yosemite Falls' over 'Yosemite Falls, a combination of three falls, has …') opens no bio.
    """
    min_words, max_words = words
    openings = (full, full.split()[0]) if " " in full else (full,)
    titles = [(title, position) for title in _titles(blocks[position].text, full)]
    seen = 0
    for later in range(position + 1, len(blocks)):
        candidate = blocks[later]
        if candidate.line in claimed:
            continue
        seen += 1
        if seen > window:
            return None
        fits = min_words <= candidate.words <= max_words
        opens = _opens_with(candidate.text, openings, titles, verb) if fits else None
        if opens is not None:
            return _Bio(later, opens or None)
        if candidate.words <= _NAME_LINE_WORDS:  # the author's title on a line of its own, under the name
            titles += [(title, later) for title in _titles(candidate.text, "")]
    return None


class _Bio(NamedTuple):
    """A bio found under a name line: its index, and that of the line showing the title it repeats (or None)."""

    line: int
    title: int | None


def _titles(line: str, name: str) -> tuple[str, ...]:
    """The author's title a short line of the box shows: what follows the name and its comma on the name line
    ('MD' in 'Angela Holliday-Bell, MD*'), or the whole line when ``name`` is empty ('Editor, Running Reviews'),
    its edges' marks (asterisks, underscores, spaces) stripped."""
    start = line.find(name) + len(name) if name else 0
    rest = line[start:].lstrip(" ,") if name else line
    title = rest.strip(" *_–—-|")
    return (title,) if title and (not name or line[start:].startswith(",")) else ()


def _opens_with(
    text: str, openings: Sequence[str], titles: Sequence[tuple[str, int]], verb: regex.Pattern[str]
) -> int | None:
    """Whether ``text`` opens with one of ``openings`` (the name, its first word) then one of the bio's verbs:
    0 directly, or after one of ``titles`` set off by a comma ('Jane Doe, Senior Editor, writes …') the index of
    the line that shows that title (never 0: the name line is below the article's prose); None if not."""
    for opening in openings:
        if not text.startswith(opening):
            continue
        after = len(opening)
        if text.startswith(" ", after) and verb.match(text, after + 1):
            return 0
        for title, shown in titles:
            head = ", " + title
            if text.startswith(head, after):
                end = after + len(head) + (1 if text.startswith(",", after + len(head)) else 0)
                if text.startswith(" ", end) and verb.match(text, end + 1):
                    return shown
    return None
