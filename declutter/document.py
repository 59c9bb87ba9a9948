"""Segmenting text into blocks: one block per non-blank line.

Blank lines are layout, not content: they separate blocks and are restored
around kept blocks when the output is assembled (:func:`declutter.pipeline.apply`).

>>> doc = Document.from_text("Title\\n\\nShare\\nA paragraph.\\n")
>>> [(b.line, b.text) for b in doc.blocks]
[(0, 'Title'), (2, 'Share'), (3, 'A paragraph.')]
>>> doc.final_newline
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from declutter.text import normalize, strip_bullet, word_count


@dataclass(frozen=True, slots=True)
class Block:
    """A non-blank line: where it is, its raw text, and its text as rules see it.

    ``text`` is normalised (whitespace collapsed, invisible characters dropped) and
    has no leading list bullet, so '* Home' and 'Home' match the same rule.
    """

    index: int
    line: int
    raw: str
    text: str
    words: int


@dataclass(frozen=True, slots=True)
class Document:
    """A text split into lines and blocks, plus the site and page it came from (if known).

    ``lines`` are the lines without their ends; ``ends`` says what ended each in the text ('\\n', '\\r\\n' or
    '\\r', and '' for a last line the text does not end), so the output writes every kept line back with its own
    end (:func:`~declutter.decisions.apply`).
    ``url`` is the page's address; heuristics that declare a ``url`` parameter receive it (a headline is
    often spelled out in the URL's slug). ``language`` is the text's ISO 639-1 code (declared or detected,
    see :mod:`declutter.language`), None when unknown: rules tagged with languages run only on a match.
    """

    lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    ends: tuple[str, ...]
    domain: str | None = None
    url: str | None = None
    language: str | None = None

    @classmethod
    def from_text(
        cls, text: str, *, domain: str | None = None, url: str | None = None, language: str | None = None
    ) -> Document:
        """Split into lines at their ends (:func:`lines_and_ends`)."""
        lines, ends = lines_and_ends(text)
        blocks: list[Block] = []
        for number, raw in enumerate(lines):
            block = read_block(len(blocks), number, raw)
            if block is not None:
                blocks.append(block)
        return cls(tuple(lines), tuple(blocks), tuple(ends), domain, url, language)

    @property
    def final_newline(self) -> bool:
        """Whether the text ends with a line end."""
        return bool(self.ends) and bool(self.ends[-1])


_LINE_END = re.compile(r"(\r\n|\r|\n)")
"""A line end as Python's universal newlines read one: a CR-LF, a carriage return alone, or a line feed."""


def lines_and_ends(text: str) -> tuple[list[str], list[str]]:
    """The text's lines without their ends, and each line's end: a line feed, a CR-LF, or a carriage return alone,
    wherever it stands (as Python's universal newlines read them; a text mixing them is read line by line all the
    same). A final line end closes the last line and opens no other; a last line without one ends in ''. Joined
    again, line and end after line and end, they give the text back byte for byte. Decisions number lines this way.

    >>> lines_and_ends("Share\\r\\nText.\\rMore\\n"), lines_and_ends("a\\n\\nb"), lines_and_ends("")
    ((['Share', 'Text.', 'More'], ['\\r\\n', '\\r', '\\n']), (['a', '', 'b'], ['\\n', '\\n', '']), ([], []))
    """
    if not text:
        return [], []
    if "\r" not in text:  # the common case, without a regular expression
        lines = text.split("\n")
        ends = ["\n"] * len(lines)
        ends[-1] = ""
    else:
        parts = _LINE_END.split(text)
        lines, ends = parts[0::2], parts[1::2]
        ends.append("")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
        ends.pop()
    return lines, ends


def split_lines(text: str) -> list[str]:
    """The text's lines without their ends (:func:`lines_and_ends`).

    >>> split_lines("Share\\rText.\\r"), split_lines("a\\r\\nb"), split_lines("")
    (['Share', 'Text.'], ['a', 'b'], [])
    """
    return lines_and_ends(text)[0]


def read_block(index: int, line: int, raw: str) -> Block | None:
    """The block for a raw line, or None when nothing is left of it after normalisation."""
    text = strip_bullet(normalize(raw))
    return Block(index, line, raw, text, word_count(text)) if text else None


def domain_of(url: str) -> str | None:
    """The host of a URL, lower-cased, without ``www.``; None when there is none.

    >>> domain_of("https://www.TheGlobeAndMail.com/politics/article1/")
    'theglobeandmail.com'
    >>> domain_of("theglobeandmail.com") is None
    True
    """
    host = urlsplit(url.strip()).hostname
    if not host:
        return None
    return host.lower().removeprefix("www.")


def normalize_domain(domain: str) -> str:
    """Lower-case, without ``www.`` and a trailing dot; accepts a URL too.

    >>> normalize_domain("WWW.Example.com."), normalize_domain("https://news.example.org/a")
    ('example.com', 'news.example.org')
    """
    domain = domain.strip()
    if "/" in domain:
        domain = domain_of(domain) or domain
    return domain.lower().rstrip(".").removeprefix("www.")


def domain_matches(domain: str, scope: str) -> bool:
    """True when ``domain`` is ``scope`` or one of its subdomains.

    >>> domain_matches("news.example.com", "example.com"), domain_matches("badexample.com", "example.com")
    (True, False)
    """
    return domain == scope or domain.endswith("." + scope)
