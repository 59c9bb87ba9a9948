"""Reading documents from disk: size limits, binary detection and decoding.

Scraped files arrive in every encoding. We decode by BOM, then strict UTF-8,
then (HTML) the declared charset, then windows-1252 when it reads as Latin-script
text, and only then charset detection (charset-normalizer), whose guesses are
taken only when they read as text in one script (:func:`reads_as_text`): any
bytes decode in some code page, so a guess that gives symbols, mixed scripts or
letters where signs should be is refused rather than written as mojibake. The
caller is told which encoding was used.
Binary files and files over the size limit are refused with an error naming
the file.

>>> decode(b"caf\\xc3\\xa9\\n", "x.txt")
('café\\n', Encoding(codec='utf-8', lost=''))
>>> str(decode("Привет, мир! Это проверка кодировки текста.".encode("cp1251"), "x.txt")[1])
'cp1251'
"""

from __future__ import annotations

import codecs
import os
import re
import sys
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from declutter.errors import InputError

MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this (64 MiB) are refused unless the caller raises the limit."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
MIN_GUESS_BYTES = 32
"""Below this, bytes that are neither UTF-8 nor Western text fit too many code pages to guess one (any 10 random
bytes read as five Chinese characters in GB18030)."""
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a document's bytes were read: the codec, and what the reading lost, if anything ('3 invalid bytes
    replaced', '2 NUL bytes dropped'). Bytes lost are a warning to the user (the text is not all the file held);
    a code page guessed is only a note. Printed as messages and the JSON output name it: 'utf-8',
    'utf-8 (3 invalid bytes replaced)'.

    >>> str(Encoding("cp1252")), str(Encoding("utf-8", "1 NUL byte dropped"))
    ('cp1252', 'utf-8 (1 NUL byte dropped)')
    """

    codec: str
    lost: str = ""
    """What the reading lost, said for people; empty when every byte was read as it was."""
    recoded: str = ""
    """Lines read in another encoding than ``codec``, said for people ('line 2, bytes 64-105, is not UTF-8: read as
    cp1252'); empty when the whole file was read in one. A warning too: the file is not what its codec says."""

    def __str__(self) -> str:
        said = "; ".join(part for part in (self.lost, self.recoded) if part)
        return f"{self.codec} ({said})" if said else self.codec

    def __repr__(self) -> str:  # as before lines could be recoded, when none were
        recoded = f", recoded={self.recoded!r}" if self.recoded else ""
        return f"Encoding(codec={self.codec!r}, lost={self.lost!r}{recoded})"

    @property
    def doubtful(self) -> bool:
        """Whether the reading deserves a warning: bytes lost, or lines read in another encoding."""
        return bool(self.lost or self.recoded)


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KiB (after any BOM was handled)."""
    head = data[:8192]
    if b"\0" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL if c != 0x1B)
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes, name: str) -> tuple[str, Encoding]:
    """Decode a document's bytes; returns (text, encoding used)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), Encoding(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start + len(bom)})",
                    path=name,
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    strays = _stray_nuls(data)
    if strays is not None:
        return strays
    if looks_binary(data):
        raise InputError(
            "looks like a binary file (NUL or control bytes); skipped", path=name, hint="declutter cleans text and HTML"
        )
    try:
        return data.decode("utf-8"), Encoding("utf-8")
    except UnicodeDecodeError:
        pass
    mixed = _mixed_lines(data)
    if mixed is not None:
        return mixed
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and reads_as_latin(western):
        return western, Encoding("cp1252")
    if len(data) < MIN_GUESS_BYTES:
        raise InputError(
            f"not UTF-8, and too short ({len(data)} bytes) to tell its encoding",
            path=name,
            hint="convert the file to UTF-8, e.g. iconv -f ENCODING -t UTF-8",
        )
    from charset_normalizer import from_bytes

    guesses = [m for m in from_bytes(data) if reads_as_text(str(m))]
    if not guesses:
        raise InputError(
            "not UTF-8, and no text encoding reads its bytes as text (binary, or an encoding that cannot be told)",
            path=name,
            hint="convert the file to UTF-8, e.g. iconv -f ENCODING -t UTF-8",
        )
    best = guesses[0]
    # Short text fits several code pages equally well; the web's default one wins the tie.
    tied = [m for m in guesses if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01]
    chosen = next((m for m in tied if m.encoding == "cp1252"), best)
    return str(chosen), Encoding(chosen.encoding)


def _utf16_without_bom(data: bytes) -> tuple[str, Encoding] | None:
    """UTF-16 text saved without a byte-order mark (a Windows export): NUL bytes at odd positions only
    (little-endian) or even positions only (big-endian), from every ASCII character, and a reading that is text.

    Binary files have NULs too, but their reading as UTF-16 is not text (:func:`reads_as_text`).
    """
    head = data[:8192]
    if len(data) % 2 or len(head) < MIN_GUESS_BYTES:
        return None
    half = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.1 * half and even <= 0.01 * half:
        encoding = "utf-16-le"
    elif even >= 0.1 * half and odd <= 0.01 * half:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return (text, Encoding(encoding)) if "\0" not in text and reads_as_text(text) else None


STRAY_NUL_SHARE = 0.01
"""At most this share of a file's bytes (or one byte) may be NUL for them to be strays in a text (an exporter's
slip, a record padded with NUL): they are dropped. Binary formats hold more (an executable, an image's header), or
bytes around them that are no UTF-8 (a compressed stream, a NUL every 256 bytes)."""


def _stray_nuls(data: bytes) -> tuple[str, Encoding] | None:
    """UTF-8 text with a few NUL bytes (:data:`STRAY_NUL_SHARE`), read without them; the encoding says how many
    went. A NUL is no character of any text, so it was refused as a binary file's, whole text and all.

    >>> _stray_nuls("Größe: 3 m\\0, Straße frei".encode())
    ('Größe: 3 m, Straße frei', Encoding(codec='utf-8', lost='1 NUL byte dropped'))
    >>> _stray_nuls(b"\\x89PNG\\0\\0\\0IHDR") is None
    True
    """
    nuls = data.count(0)
    if not nuls or nuls > max(1, STRAY_NUL_SHARE * len(data)):
        return None
    rest = data.replace(b"\0", b"")
    if looks_binary(rest):
        return None
    try:
        text = rest.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text, Encoding("utf-8", f"{nuls} NUL byte{'s' if nuls > 1 else ''} dropped")


_REPLACED_RUN = re.compile("\ufffd+")
"""A run of replacement characters: where a decoding replaced invalid bytes (or the text printed its own)."""


def _damaged_utf8(data: bytes) -> tuple[str, Encoding] | None:
    """UTF-8 text with a few invalid bytes (a character cut in two, an encoded surrogate, a stray Latin-1 byte),
    read with U+FFFD in their place; the encoding says how many were replaced.

    It is UTF-8 when its valid characters beyond ASCII are at least twice as many as its runs of invalid
    bytes (an encoded surrogate is one run of three): text in an 8-bit code page forms a valid UTF-8 sequence
    only by chance (a capital accented letter followed by a sign: 'Â©'), and each of its accented letters is an
    invalid byte, so a tie reads it in its code page and loses no letter. Read in a code page instead, every
    accented letter of UTF-8 text would turn into two characters of mojibake ('BĂĽrgermeister').

    >>> _damaged_utf8("Größe: 3 m, Straße frei, Café".encode() + b" \\xe9")[1]
    Encoding(codec='utf-8', lost='1 invalid byte replaced')
    >>> _damaged_utf8("Â© 2024 Café".encode("cp1252")) is None
    True
    """
    valid = data.decode("utf-8", "ignore")
    invalid = len(data) - len(valid.encode("utf-8"))
    if not invalid:
        return None
    beyond_ascii = len(valid) - len(valid.encode("ascii", "ignore"))
    replaced = data.decode("utf-8", "replace")
    runs = len(_REPLACED_RUN.findall(replaced)) - len(_REPLACED_RUN.findall(valid))
    if 2 * runs > beyond_ascii:
        return None
    return replaced, Encoding("utf-8", f"{invalid} invalid byte{'s' if invalid > 1 else ''} replaced")


_LINE = re.compile(rb"[^\n]*\n|[^\n]+")
_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""A character beyond ASCII written in UTF-8 (an overlong or a surrogate's sequence is counted too: a quick screen)."""
_SHAPED = re.compile(rb"[\xc0-\xff][\x80-\xbf]")
"""A lead byte with a continuation byte after it: the shape of a UTF-8 character, even where it is invalid (cut
short, an encoded surrogate)."""


def _mixed_lines(data: bytes) -> tuple[str, Encoding] | None:
    """UTF-8 text with whole lines in windows-1252 (files or exports concatenated, a log written by two tools),
    each line read in its own encoding; the encoding names the lines read as cp1252 and where their bytes are.

    Read as one, such a text lost either way: in a code page every accented letter of the UTF-8 lines turned into
    two characters of mojibake ('BĂĽrgermeister'), as UTF-8 every accented letter of the other lines was replaced.
    It is mixed when a line is valid UTF-8 holding a character beyond ASCII, and every line that is not reads as
    Latin-script text in windows-1252 and holds nothing shaped like a UTF-8 character (a character cut short or an
    encoded surrogate is damaged UTF-8: :func:`_damaged_utf8`). A code-page text that is UTF-8 nowhere, or whose
    only UTF-8 pair shares its line with accented letters ('Â© 2024 Café'), is read whole as before.

    >>> text, encoding = _mixed_lines("Straße gesperrt\\n".encode() + "Café crème\\n".encode("cp1252"))
    >>> text, str(encoding)
    ('Straße gesperrt\\nCafé crème\\n', 'utf-8 (line 2, bytes 18-27, is not UTF-8: read as cp1252)')
    """
    if not _UTF8_CHARACTER.search(data):
        return None  # no UTF-8 anywhere: a code page's text, read whole without going line by line
    parts: list[str] = []
    recoded: list[tuple[int, int, int]] = []  # (line number, first byte, last byte), counted from 1
    utf8 = False
    offset = 0
    for number, match in enumerate(_LINE.finditer(data), start=1):
        line = match.group()
        try:
            parts.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            if _SHAPED.search(line):
                return None
            try:
                western = line.decode("cp1252")
            except UnicodeDecodeError:
                return None
            if not reads_as_latin(western):
                return None
            parts.append(western)
            body = len(line.rstrip(b"\r\n"))
            recoded.append((number, offset + 1, offset + body))
        offset += len(line)
    if not utf8 or not recoded:
        return None
    return "".join(parts), Encoding("utf-8", recoded=_recoded_lines(recoded, "cp1252"))


def _recoded_lines(lines: list[tuple[int, int, int]], codec: str) -> str:
    """Which lines (and their bytes, counted from 1) were read in ``codec``, the first five named.

    >>> _recoded_lines([(2, 17, 27)], "cp1252")
    'line 2, bytes 17-27, is not UTF-8: read as cp1252'
    >>> _recoded_lines([(n, 10 * n, 10 * n + 5) for n in range(1, 8)], "cp1252")
    'lines 1, 2, 3, 4, 5 and 2 more are not UTF-8 (bytes 10-15, 20-25, 30-35, 40-45, 50-55, …): read as cp1252'
    """
    if len(lines) == 1:
        number, first, last = lines[0]
        return f"line {number}, bytes {first}-{last}, is not UTF-8: read as {codec}"
    shown = lines[:5]
    numbers = [str(number) for number, _, _ in shown]
    rest = len(lines) - len(shown)
    named = ", ".join(numbers[:-1]) + f" and {numbers[-1]}" if not rest else ", ".join(numbers) + f" and {rest} more"
    spans = ", ".join(f"{first}-{last}" for _, first, last in shown) + (", …" if rest else "")
    return f"lines {named} are not UTF-8 (bytes {spans}): read as {codec}"


def _script(char: str) -> str:
    """A letter's writing system, by the first word of its Unicode name (Japanese kana count as CJK)."""
    word = unicodedata.name(char, "UNKNOWN").split(" ", 1)[0]
    return "CJK" if word in ("HIRAGANA", "KATAKANA", "HALFWIDTH", "FULLWIDTH") else word


def reads_as_text(text: str) -> bool:
    """Whether decoded bytes read as text in one writing system, rather than bytes forced into characters.

    Any byte sequence decodes in some 8-bit code page, and short ones in many: a reading is only
    taken when letters and digits make up most of what is visible, symbols and control or
    unassigned characters are rare, the letters beyond ASCII belong mostly to one script, words
    do not mix ASCII letters with another script's, and Latin-script text reads as Latin
    (:func:`reads_as_latin`).

    >>> reads_as_text("Привет, мир!"), reads_as_text("\u7a3f\ub4a7\u0a2f\u2592\u0e81\ua001"), reads_as_text("QЂ6pЙ")
    (True, False, False)
    """
    sample = text[:20000]
    visible = words = symbols = broken = 0
    scripts: Counter[str] = Counter()
    for char in sample:
        if char.isascii():  # ASCII punctuation (markup, code) is neutral: only letters, digits and controls count
            if char.isalnum():
                words += 1
                visible += 1
            elif not char.isprintable() and not char.isspace():
                broken += 1
                visible += 1
            continue
        if char.isspace():
            continue
        visible += 1
        kind = unicodedata.category(char)
        if kind[0] == "L":
            words += 1
            scripts[_script(char)] += 1
        elif kind[0] == "N":
            words += 1
        elif kind[0] == "S":
            symbols += 1
        elif kind in ("Cc", "Cn", "Co", "Cs"):
            broken += 1
    if not visible:
        return True
    if words < 0.5 * visible or symbols > 0.1 * visible or broken > 0.01 * visible:
        return False
    if not scripts:
        return True
    script, count = scripts.most_common(1)[0]
    if count < 0.9 * sum(scripts.values()):
        return False
    if script == "LATIN":
        return _latin_words(sample)
    mixed = sum(1 for word in _WORD.findall(sample) if _has_ascii_letter(word) and not word.isascii())
    return mixed <= 0.05 * len(_WORD.findall(sample))


_WORD = re.compile(r"[^\W_]+")


def _has_ascii_letter(word: str) -> bool:
    return any(char.isascii() and char.isalpha() for char in word)


def _latin_words(text: str) -> bool:
    """Latin-script text: at most 30% of its letters beyond ASCII, and no symbol or digit-like sign inside a word."""
    letters = beyond = 0
    for char in text:
        if char.isalpha():
            letters += 1
            beyond += not char.isascii()
    if beyond > 0.3 * letters:
        return False
    for position in range(1, len(text) - 1):
        char = text[position]
        if (
            not char.isascii()
            and not char.isalpha()
            and unicodedata.category(char)[0] in "NS"
            and text[position - 1].isalpha()
            and text[position + 1].isalpha()
        ):
            return False  # 'w³adze': another code page's letter read as a sign
    return True


def reads_as_latin(text: str) -> bool:
    """Whether a windows-1252 reading is Latin-script text: mostly ASCII letters, the others letters too.

    Text in another script read as windows-1252 turns into accented letters only (Cyrillic) or
    into signs inside words (Polish ``w³adze`` for ``władze``); either way it is not taken.

    >>> reads_as_latin("Müller straße"), reads_as_latin("w³adze miasta"), reads_as_latin("Ïðèâåò, ìèð")
    (True, False, False)
    """
    return reads_as_text(text) and _latin_words(text[:20000])


def mib(size: int) -> str:
    """A size in MiB, as the limits are set (``--max-bytes`` defaults to 64 MiB): ``64 MiB``, ``1.4 MiB``.

    >>> mib(64 * 1024 * 1024), mib(1_500_000), mib(1000)
    ('64 MiB', '1.4 MiB', '1,000 bytes')
    """
    value = size / 2**20
    if value < 0.1:
        return f"{size:,} bytes"
    return f"{int(value)} MiB" if value == int(value) else f"{value:.1f} MiB"


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?|\.\d+)\s*(?:([kmgt])(?:i?b)?|(b)?)\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}


def parse_size(value: str | int) -> int:
    """``--max-bytes``: a number of bytes, or one with a unit, in powers of 1024 as the limit is printed (:func:`mib`):
    '64M', '64MiB', '64 MB', '1.5G', '500k'. Anything else is a ``ValueError`` saying what the option takes.

    >>> parse_size("1048576"), parse_size("64M"), parse_size("1.5g"), parse_size("500 KiB"), parse_size("2GB")
    (1048576, 67108864, 1610612736, 512000, 2147483648)
    """
    if isinstance(value, int):
        return value
    match = _SIZE.fullmatch(value)
    if match is None:
        raise ValueError(
            f"{value!r} is not a size: give bytes or a number with a unit, k, M, G or T (powers of 1024): "
            "'67108864', '64M', '1.5G', '500k'"
        )
    number, unit = match.group(1), (match.group(2) or "").lower()
    return int(float(number) * _UNITS[unit]) if "." in number else int(number) * _UNITS[unit]


def walk_tree(root: Path) -> tuple[list[Path], list[Path]]:
    """Every entry under ``root`` that is not a folder, sorted, and the symlinked folders left out as loops.

    A symlinked folder is walked like any other (``Path.rglob`` before Python 3.13 skips it without a word, so a
    corpus whose parts are linked in was cleaned in part), unless it leads back into a folder the walk is
    already in (``sub/loop -> ..``), which would never end: those are returned for a note.
    Folders that cannot be listed are skipped, as ``rglob`` skips them.
    """
    entries: list[Path] = []
    loops: list[Path] = []
    stack: list[tuple[Path, frozenset[str]]] = [(root, frozenset({os.path.realpath(root)}))]
    while stack:
        folder, above = stack.pop()
        try:
            children = list(folder.iterdir())
        except OSError:
            continue
        for child in children:
            if not child.is_dir():
                entries.append(child)
                continue
            real = os.path.realpath(child)
            if real in above:
                loops.append(child)
            else:
                stack.append((child, above | {real}))
    return sorted(entries), sorted(loops)


def read_bytes(path: str | Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes (gunzipped for ``.gz``), refusing more than ``max_bytes`` before or after decompression."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"file is {mib(size)}, over the {mib(max_bytes)} limit",
                path=file,
                hint="raise the limit with --max-bytes",
            )
        data = file.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory", path=file) from None
    except FileNotFoundError:
        raise InputError("no such file", path=file) from None
    except PermissionError:
        raise InputError("permission denied", path=file) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=file) from None
    if file.suffix == ".gz" and data:
        data = gunzip(data, file, max_bytes)
    if not data:
        raise InputError("is empty; nothing to clean", path=file)
    return data


def gunzip(data: bytes, file: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """A gzip file's content: every member (``cat a.gz b.gz`` is one valid gzip file), bounded by ``max_bytes``.

    A stream that stops before its end (a download cut short) or is followed by bytes that are not gzip is
    refused by name: reading what inflates before the cut would clean part of a page as if it were all of it.
    """
    out = bytearray()
    rest = data
    while True:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            if out:  # what follows a complete member is not gzip
                raise InputError(f"not valid gzip after byte {len(data) - len(rest):,}: {exc}", path=file) from None
            raise InputError(f"not valid gzip: {exc}", path=file) from None
        if len(out) > max_bytes:
            raise InputError(
                f"decompresses to over the {mib(max_bytes)} limit",
                path=file,
                hint="raise the limit with --max-bytes",
            )
        if not inflater.eof:
            raise InputError(
                f"gzip data ends early, after {len(out):,} bytes of content (a truncated download?)", path=file
            )
        rest = inflater.unused_data
        if not rest.strip(b"\0"):  # the end, or the zero padding some tape and block writers add
            return bytes(out)


def sniff_html(data: bytes) -> bool:
    """Whether bytes look like an HTML page: markup first once a BOM, an XML declaration and comments are
    skipped (:func:`declutter.html.looks_like_html`), or a doctype or <html>/<head>/<body> tag near the start
    (a saved HTTP response's header lines may come first)."""
    from declutter.html.parsing import looks_like_html

    head = data[:65536]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            text = data[len(bom) : 65536].decode(encoding, "ignore")
            break
    else:
        text = head.decode("latin-1")
    if looks_like_html(text):
        return True
    near = text[:4096].lower()
    return any(tag in near for tag in ("<!doctype html", "<html", "<head", "<body"))


_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".xhtml.gz")
_TAG = re.compile(rb"</?[a-zA-Z][\w:-]*[\s/>]")


def _named_html(data: bytes, name: str) -> bool:
    """Whether a file named as HTML holds markup: a fragment saved as ``.html`` (no doctype, no <body>, a
    title and two paragraphs) is too short for :func:`sniff_html`'s count of block tags, yet its name and a
    tag say what it is; read as text its markup would be printed back unchanged."""
    return name.lower().endswith(_HTML_SUFFIXES) and _TAG.search(data[:65536]) is not None


def decode_document(data: bytes, name: str, input_format: str = "auto") -> tuple[str, Encoding, str]:
    """Decode bytes as HTML (declared charset first) or text; returns (text, encoding, format)."""
    if input_format == "html" or (input_format == "auto" and (sniff_html(data) or _named_html(data, name))):
        text, encoding = decode_html(data, name)
        return text, encoding, "html"
    text, encoding = decode(data, name)
    return text, encoding, "text"


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)


def decode_html(data: bytes, name: str) -> tuple[str, Encoding]:
    """Decode HTML bytes by BOM, then the declared charset, then detection."""
    if not data.startswith(tuple(bom for bom, _ in _BOMS)):
        declared = _CHARSET.search(data[:8192])
        if declared:
            encoding = declared.group(1).decode("ascii", "replace").lower()
            encoding = {
                "iso-8859-1": "cp1252",
                "latin1": "cp1252",
                "us-ascii": "cp1252",
                "ascii": "cp1252",
                "x-sjis": "shift_jis",
                "gb2312": "gb18030",
                "gbk": "gb18030",
            }.get(encoding, encoding)
            try:
                return data.decode(encoding), Encoding(encoding)
            except (LookupError, UnicodeDecodeError):
                pass  # the declaration lies; fall back to detection
    return decode(data, name)


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES, input_format: str = "auto") -> tuple[str, Encoding]:
    """Read and decode one file; errors name the file and say what to do."""
    text, encoding, _ = decode_document(read_bytes(path, max_bytes=max_bytes), str(path), input_format)
    return text, encoding


def stdin_stream() -> BinaryIO:
    """Standard input's bytes; refused by name when the process was started with it closed (``<&-``)."""
    if sys.stdin is None:
        raise InputError(
            "standard input is closed", path="<stdin>", hint="pipe a document in (cmd | declutter …) or name a file"
        )
    return sys.stdin.buffer


def read_source(source: str, *, max_bytes: int = MAX_BYTES, input_format: str = "auto") -> tuple[str, Encoding, str]:
    """(text, encoding, format) of a file, or of standard input when ``source`` is ``-``."""
    if source != "-":
        return decode_document(read_bytes(source, max_bytes=max_bytes), source, input_format)
    data = stdin_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"standard input is over the {mib(max_bytes)} limit",
            path="<stdin>",
            hint="raise the limit with --max-bytes",
        )
    if not data:
        raise InputError("standard input is empty; nothing to clean", path="<stdin>")
    return decode_document(data, "<stdin>", input_format)
