"""Small text measures the matchers and guards share: normalisation, words, prose.

They are deliberately crude and fast: a guard only has to tell an article
paragraph ("Canada has deployed 850 military members …") from a teaser or a
label ("Most Read"), not parse language.

>>> normalize("  Share\\u00a0this\\u200b  story ")
'Share this story'
>>> word_count("Canada has deployed 850 military members.")
6
>>> is_prose("Canada has deployed 850 military members in the region, including pilots and special forces.")
True
>>> is_prose("Cat somehow ended up on top of a hydro pole")
False
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import regex

_INVISIBLE = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE = regex.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_WORD = regex.compile(r"\w+(?:['’.-]\w+)*")
# The hot calls pass concurrent=False, and the timeout, by position, never by keyword: the regex module reads its
# methods' keywords by name, one lookup per parameter from the first keyword on (about 4,000 instructions a call, as
# much as the match of a short line), and on a str without concurrent=False it releases the GIL while it matches and
# takes it back for every object it makes (about 1,000 more). The positions (tests/test_regex_calls.py holds them):
#   match, fullmatch, search: (string, pos, endpos, concurrent, partial, timeout)
#   findall: (string, pos, endpos, overlapped, concurrent, timeout)
#   finditer: (string, pos, endpos, overlapped, concurrent, partial, timeout)
#   sub: (repl, string, count, pos, endpos, concurrent, timeout); split: (string, maxsplit, concurrent, timeout)
_CLOSE = r"""(?:["'”’“‘»«)\]]|\s[»«])"""
"""What closes a sentence after its stop: quotes of every language (English ”’, German “‘ and »…« (its closer
is '«'), French and Swiss » after a space, Polish ”), a bracket."""
_TERMINAL = regex.compile(
    rf"""(?<![.…])[.!?]{_CLOSE}*$|[.!?]["'”’“‘»«]\s*\S{{0,3}}$"""
    rf"""|(?<![.…])[.!?]{_CLOSE}*\s\d{{1,3}}$"""  # a vote count glued to a post's last sentence
)
_BULLETS = "*•·+▪►◦‣○●■□–-"
_BULLET = regex.compile(f"^(?:[{regex.escape(_BULLETS)}]\\s+)+")
_LIST_MARK = regex.compile(f"\\s*[{regex.escape(_BULLETS)}]\\s+\\S")
_BULLET_MARKS = frozenset(_BULLETS)
_SENTENCE_END = regex.compile(rf"""[.!?]{_CLOSE}*\s+(?=["'“‘„‚«»(]?\p{{Lu}})""")

_COMPOUND = regex.compile(r"(?<!\p{L})\p{L}\p{Ll}{12,}(?!\p{L})")
"""A word of 13 letters or more, lower-case but for its first: a compound, not two words a page glued together
('TicketingTrack', a menu's title and blurb run into each other)."""
PROSE_MIN_WORDS = 12
"""A line needs this many words, and terminal punctuation, to count as prose."""


def normalize(text: str) -> str:
    """Collapse whitespace (NBSP and friends included), drop zero-width characters, strip the ends."""
    if text.isprintable():  # no control, format or separator character but the space: nothing to drop
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text  # already normal: the same string, not a copy (a large document holds one per line)
        return " ".join(text.split())
    return _SPACE.sub(" ", _INVISIBLE.sub("", text), 0, None, None, False).strip()


def strip_bullet(text: str) -> str:
    """Remove list-bullet markers that a converter put before a line ('* Home', '+ Senate', '• Share').

    >>> strip_bullet("* Share this on Facebook"), strip_bullet("- 2 cups flour"), strip_bullet("-5 degrees")
    ('Share this on Facebook', '2 cups flour', '-5 degrees')
    """
    return _BULLET.sub("", text, 0, None, None, False) if text[:1] in _BULLETS else text


def starts_with_bullet(raw: str) -> bool:
    """The raw line opens with a list bullet, indented or not: a converter's list item ('* Home', '  • Video').

    >>> starts_with_bullet("  * Home"), starts_with_bullet("+ Senate"), starts_with_bullet("-5 degrees")
    (True, True, False)
    """
    # Most lines open with no bullet: a character test settles them before the regex (str.lstrip strips all that \s
    # matches, and more).
    return raw.lstrip()[:1] in _BULLET_MARKS and _LIST_MARK.match(raw) is not None


_FIELD = regex.compile(r"(\p{L}[\p{L}\d&/®*.-]*(?:\s+[\p{L}\d&/®*.()-]+){0,2})\s*:\s+(\S.*)")
"""A 'Label: value' row: a label of at most three words, a colon, the value ('Memory: 8 GB RAM')."""


def spec_rows(lines: Sequence[str]) -> bool:
    """Two thirds of ``lines`` or more (bullets stripped) are 'Label: value' rows of a spec sheet or a fact box.

    Three labels or more, at least half of the rows' labels distinct and no label twice in a row (headlines
    repeat their kicker: 'Opinion: …', 'Opinion: …'), and half of the values 6 words or fewer (a headline
    carries a whole clause after its kicker). A second column repeats the labels ('Minimum:' over 'OS: …' again).

    >>> spec_rows(["OS: Windows 10", "Processor: Intel Core i5", "Memory: 8 GB RAM", "Storage: 50 GB available space"])
    True
    >>> spec_rows(["Opinion: The budget is a gamble", "Opinion: Why the vote matters", "Opinion: A late reckoning"])
    False
    >>> spec_rows(["Ukraine: Russia launches its biggest drone attack yet on the capital overnight",
    ...            "Gaza: Aid convoys stopped at the border for a third day as talks stall",
    ...            "Brexit: Ministers clash over the new trade deal with the European Union"])
    False
    """
    fields = [m for m in (_FIELD.fullmatch(line) for line in lines) if m is not None]
    if len(fields) < 3 or 3 * len(fields) < 2 * len(lines):
        return False
    labels = [m[1].casefold() for m in fields]
    if len(set(labels)) < 3 or 2 * len(set(labels)) < len(labels):
        return False
    if any(a == b for a, b in pairwise(labels)):
        return False
    return 2 * sum(len(m[2].split()) <= 6 for m in fields) >= len(fields)


def words(text: str) -> list[str]:
    """Word tokens: letters and digits, with inner apostrophes, dots and hyphens."""
    return _WORD.findall(text, None, None, False, False)


def word_count(text: str) -> int:
    """The number of :func:`words` in ``text``, counted without making them.

    A word is a run of word characters, or several runs joined by one ``'``, ``’``, ``.`` or ``-`` between them: the
    count is the runs less the joins. Each character is marked by what it is (``a`` a word character, ``j`` a
    joiner, a space anything else) in one ``bytes.translate`` of the text's ASCII view (:func:`_ascii_view`); a
    joiner not standing between two word characters becomes a space, and each run left after a space or at the
    start is one word. A regex's ``findall`` makes a string per word: on 60 ScrapingHub pages its counts took 139 M
    of a pass's 3,602 M instructions. A text with many characters past ASCII (another script) still uses it.

    >>> word_count("U.S. officials didn’t say -- it's a re-run..."), word_count("- . ’")
    (7, 0)
    """
    view = _ascii_view(text)
    if view is None:
        return len(_WORD.findall(text, None, None, False, False))
    marks = view.encode("ascii").translate(_WORD_MARKS)
    if b"j" in marks:  # a joiner beside another, beside a space or at an end joins nothing
        marks = marks.replace(b"jj", b"  ").replace(b" j", b"  ").replace(b"j ", b"  ").strip(b"j")
    return marks.count(b" a") + marks.startswith(b"a")


_WORD_MARKS = (
    bytes(
        ord("j") if chr(byte) in "'.-" else ord("a") if chr(byte).isalnum() or byte == ord("_") else ord(" ")
        for byte in range(128)
    )
    + b" " * 128
)
""":func:`word_count`'s mark of each ASCII character: ``a`` for what ``\\w`` matches, ``j`` for a joiner."""

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_CHAR = regex.compile(r"\w")
_LETTER = regex.compile(r"\p{L}")
_LOWER = regex.compile(r"\p{Ll}")

ASCII_VIEW_BYTES = 16
"""A text whose UTF-8 is longer than this many bytes beyond its characters (more than 16 accented Latin letters
or 8 curly quotes) is read by the regexes themselves: replacing each of its other characters costs more than they do."""


def _ascii_view(text: str) -> str | None:
    """The text with each character past ASCII replaced by one that :data:`_WORD` and :data:`_COMPOUND` read as
    they read it (:func:`_stand_in`), or None when it holds too many of them (:data:`ASCII_VIEW_BYTES`).

    >>> _ascii_view("Die Straße’s Ärger"), _ascii_view("Строка"), _ascii_view("Строка за строкой, и ещё одна") is None
    ("Die Straae's Arger", 'Aaaaaa', True)
    """
    if text.isascii():
        return text
    if len(text.encode("utf-8", "surrogatepass")) - len(text) > ASCII_VIEW_BYTES:
        return None
    for char in set(_NON_ASCII.findall(text)):
        text = text.replace(char, _stand_in(char))
    return text


@lru_cache(maxsize=4096)
def _stand_in(char: str) -> str:
    """An ASCII character the word and compound patterns read as ``char``: ``'`` for the curly apostrophe (a
    joiner), ``a`` for a lower-case letter, ``A`` for another letter, ``0`` for another word character (a digit, a
    combining mark), a space for anything else. The regex module's classes, not ``str``'s: they differ on marks,
    superscripts and characters newer than Python's Unicode tables.

    >>> [_stand_in(c) for c in "’éÄ\u0301²—"]
    ["'", 'a', 'A', '0', ' ', ' ']
    """
    if char == "’":
        return "'"
    if _LOWER.fullmatch(char):
        return "a"
    if _LETTER.fullmatch(char):
        return "A"
    return "0" if _WORD_CHAR.fullmatch(char) else " "


CACHED_LINE = 2000
"""The longest line a per-line cache keeps: a text without line breaks is one line as long as the text, and a
cache holding thousands of them would keep a long-running process's inputs alive."""


def ends_like_sentence(text: str) -> bool:
    """True when the text ends with terminal punctuation, possibly inside closing quotes.

    An ellipsis is not a sentence end: it marks a truncated teaser. A count of up to three digits after the
    last sentence is a forum post's vote or like counter glued to its text ('… as they become available. 0'):
    the post still ends like a sentence, and with it a thread's posts count as prose.

    >>> ends_like_sentence('He said, “We will.”'), ends_like_sentence("Most Read"), ends_like_sentence("Read on...")
    (True, False, False)
    >>> ends_like_sentence("More updates as they become available. 0"), ends_like_sentence("Season 4. 2026")
    (True, False)
    """
    return _ends_like_sentence(text) if len(text) <= CACHED_LINE else _ends_in_tail(text)


@lru_cache(maxsize=8192)  # every heuristic asks this of the same lines: answer each line once
def _ends_like_sentence(text: str) -> bool:
    return _ends_in_tail(text)


def _ends_in_tail(text: str) -> bool:
    """The ending is looked for in the last 256 characters: a search ending in ``$`` still tries every position
    of the line, and a long line is not cached."""
    text = text.rstrip()
    return _TERMINAL.search(text, max(0, len(text) - 256), None, False) is not None


def is_prose(text: str, min_words: int = PROSE_MIN_WORDS, *, words: int | None = None) -> bool:
    """A paragraph of running text: enough words and a sentence ending (``words``: a known word count)."""
    count = word_count(text) if words is None else words
    if count < min_words:
        return False
    return _ends_like_sentence(text) if len(text) <= CACHED_LINE else ends_like_sentence(text)  # the hot caller


def text_size(text: str, words: int) -> int:
    """How long a text is in English words, whatever its language: its ``words``, a compound counted as two.

    German says in fewer, longer words what English says: 'Wettbewerbsbedenken' is 'competition concerns'.
    A word of 13 letters or more counts twice, so a German headline is as long as its English translation.

    >>> text_size("SAP räumt Wettbewerbsbedenken aus", 4), text_size("SAP addresses competition concerns", 4)
    (5, 4)
    >>> text_size("TicketingTrack and solve tickets", 5)
    5
    """
    view = _ascii_view(text)
    if view is None:
        return words + len(_COMPOUND.findall(text, None, None, False, False))
    if b"a" * 12 not in view.encode("ascii").translate(_LOWER_MARKS):  # most texts: no 12 lower-case letters in a row
        return words
    return words + len(_COMPOUND.findall(view, None, None, False, False))


_LOWER_MARKS = bytes(ord("a") if 97 <= byte <= 122 else ord(" ") for byte in range(256))
""":func:`text_size`'s screen: ``a`` for each lower-case ASCII letter, a compound holds twelve in a row."""


def size_within(text: str, words: int, bound: int) -> bool:
    """Whether a line of ``words`` words is at most ``bound`` words long in :func:`text_size` (compounds counted
    only when they could matter).

    >>> size_within("Janus (Concurrentconstraint Programminglanguage)", 3, 4), size_within("Gosu", 1, 4)
    (False, True)
    """
    return words <= bound and (2 * words <= bound or text_size(text, words) <= bound)


def sentence_count(text: str) -> int:
    """Roughly how many sentences the text holds (at least one for non-empty text).

    >>> sentence_count("It rained. Then it stopped! Fine.")
    3
    """
    if not text.strip():
        return 0
    return len(_SENTENCE_END.findall(text, None, None, False, False)) + 1


def counted(number: int, noun: str) -> str:
    """A count and its noun, in the singular for one: what messages and reasons print.

    >>> counted(1, "removal"), counted(12, "element")
    ('1 removal', '12 elements')
    """
    return f"{number} {noun}{'' if number == 1 else 's'}"


def comma_list(value: str) -> tuple[str, ...]:
    """The items of a comma-separated list, white space around them and empty ones left out: how the command line
    and the library take several names in one string.

    >>> comma_list("newsletter, social,"), comma_list("")
    (('newsletter', 'social'), ())
    """
    return tuple(item.strip() for item in value.split(",") if item.strip())


_CODE_START = regex.compile(
    r"""
    \s*(?:
      (?:>>>|\.\.\.\s|\$\s|//|/\*|\#include\b|@\w+\(|</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>)  # prompts, comments, tags
    | [}\])]                                                             # closes a bracket
    | (?:import\s+[\w.]+|from\s+[\w.]+\s+import|def\s+\w+\s*\(|class\s+\w+[(:]|return\b|const\s|let\s|var\s
        |function\b|async\s|await\s|print\(|\w+\s*\(\)\s*[:;{]?$|(?:for|while|if|elif|with|except)\s.*:$|else:$|try:$)
    | [\w.]+\(.*\)\s*$                                                  # a call alone on its line: 'run(main())'
    | [\w.$\[\]"']+\s*(?:=|:=|\+=|==|=>|->)\s*\S.*[^.!?]$                # an assignment (not a sentence)
    | [\w-]+:\s*$                                                         # a key opening a nested block ('web:')
    )
    """,
    regex.VERBOSE,
)
_CODE_END = frozenset("{};[(,")
"""A line ending in one of these opens a bracket or ends a statement."""


def is_code_shaped(raw: str) -> bool:
    """A line shaped like source code or markup: a prompt, a tag, a bracket opening or closing, a statement.

    >>> [is_code_shaped(s) for s in ("import asyncio", "  </div>", ">>> fruits", "x = f(y)", "services:")]
    [True, True, True, True, True]
    >>> [is_code_shaped(s) for s in ("Home", "Sign in", "The cost (in dollars) rose.", "Price: $20")]
    [False, False, False, False]
    """
    end = raw.rstrip()[-1:]
    if end != "" and end in _CODE_END:
        return True
    # Most lines are prose or labels: they open with a capital and end with neither ')' nor ':', without '=' or '->',
    # and no alternative of the pattern can match them (its keywords are lower-case; calls end in ')', a key and a
    # block's head in ':', an assignment holds '=' or '->'). str.strip strips all that \s matches, and more.
    first = raw.lstrip()[:1]
    if first in _CODE_MARKS or "a" <= first <= "z" or end in "):" or "=" in raw or "->" in raw:
        return _CODE_START.match(raw) is not None
    return False


_CODE_MARKS = frozenset(">.$/#@<}])[\"'-")
"""The characters other than lower-case letters that a line :data:`_CODE_START` matches without a call, a key, a
block's head or an assignment can open with (after white space)."""


_CODE_MARK = regex.compile(
    r"""
      \b[a-z][a-z0-9]*_[a-z0-9_]+\b | \b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b      # a snake_case or CONSTANT_CASE name
    | \w\s?(?<![=!<>])=(?![=>])\s?[\w"'(\[{$-]                      # an assignment ('SID = x', 'dtparam=eth')
    | (?:^|\s)//\s | /\*                                              # a comment (not a URL's '://')
    | (?<!\{)\{(?!\{) | (?<!\})\}(?!\}) | [;{]\s*$     # a brace (not a template's '{{ }}'), a statement's end
    | \w\(\) | \w\.\w+\( | =>\s*\S | \s->\s*\S | \w::\w | ^\$\s[a-z]   # a call, a method, an arrow, a path, a prompt
    """,
    regex.VERBOSE,
)


def holds_code(text: str) -> bool:
    """A line holding a mark of source code that headlines and labels do not carry: a snake_case name, an
    assignment, a comment, a brace, a call, an arrow, a shell prompt. A converter that prints a code block on one
    line ('export TWILIO_ACCOUNT_SID = your_account_sid_here', 'nvm use 10 node -v // will show v10') leaves it no
    statement shape :func:`is_code_shaped` can see at its start or end.

    >>> [holds_code(s) for s in ("export API_KEY = abc", "nvm use 10 // will show v10", "Promise.resolve() .then(f)")]
    [True, True, True]
    >>> [holds_code(s) for s in ("Read more ->", "{{ Board.errors[1].message }}", "What's new in Node.js 22?")]
    [False, False, False]
    """
    return _CODE_MARK.search(text) is not None


PRICE = regex.compile(r"(?:\p{Sc}\s?\d|\d(?:[\d.,]*\d)?\s?\p{Sc})")
"""A price: a currency sign beside an amount, before or after it ('$24.95', '19,90 €', '£5').

>>> [PRICE.search(s) is not None for s in ("Was $40 now $30", "19,90 €", "Ages 4 to 8", "100% cotton")]
[True, True, False, False]
"""
