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

    ``url`` is the page's address; heuristics that declare a ``url`` parameter receive it (a headline is
    often spelled out in the URL's slug). ``language`` is the text's ISO 639-1 code (declared or detected,
    see :mod:`declutter.language`), None when unknown: rules tagged with languages run only on a match.
    """

    lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    final_newline: bool
    domain: str | None = None
    url: str | None = None
    language: str | None = None

    @classmethod
    def from_text(
        cls, text: str, *, domain: str | None = None, url: str | None = None, language: str | None = None
    ) -> Document:
        """Split into lines at their ends (:func:`line_end`)."""
        final_newline = text.endswith(line_end(text))
        lines = tuple(split_lines(text))
        blocks: list[Block] = []
        for number, raw in enumerate(lines):
            block = read_block(len(blocks), number, raw)
            if block is not None:
                blocks.append(block)
        return cls(lines, tuple(blocks), final_newline, domain, url, language)


def line_end(text: str) -> str:
    """What ends the text's lines: a line feed, or a carriage return alone in a text holding no line feed (classic
    Mac OS; Python's universal newlines read it as a line end too). A CR before a line feed stays part of its line,
    and so does a CR in a text that has line feeds, so the output keeps the input's line ends, whichever they are.

    >>> line_end("Share\\nText.\\n"), line_end("Share\\r\\nText.\\r\\n"), line_end("Share\\rText.\\r")
    ('\\n', '\\n', '\\r')
    """
    return "\r" if "\n" not in text and "\r" in text else "\n"


def split_lines(text: str) -> list[str]:
    """The text's lines, split at their ends (:func:`line_end`); a final line end closes the last line and opens no
    other. Decisions number lines this way.

    >>> split_lines("Share\\rText.\\r"), split_lines("a\\r\\nb"), split_lines("")
    (['Share', 'Text.'], ['a\\r', 'b'], [])
    """
    if not text:
        return []
    end = line_end(text)
    return (text[: -len(end)] if text.endswith(end) else text).split(end)


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
