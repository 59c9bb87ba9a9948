"""Reading documents from disk: size limits, binary detection and decoding.

Scraped files arrive in every encoding. We decode by BOM, then strict UTF-8,
then charset detection (charset-normalizer); when detection was needed the
caller is told which encoding was used, so nothing is mojibaked silently, and
text that no encoding explains is refused.
Binary files and files over the size limit are refused with an error naming
the file.

>>> decode(b"caf\\xc3\\xa9\\n", "x.txt")
('café\\n', 'utf-8')
>>> decode("Привет, мир! Это проверка кодировки текста.".encode("cp1251"), "x.txt")
('Привет, мир! Это проверка кодировки текста.', 'cp1251')
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from declutter.errors import InputError

MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused unless the caller raises the limit."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters, in the first 8 KiB (after any BOM was handled)."""
    head = data[:8192]
    if b"\0" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL if c != 0x1B)
    return bool(head) and controls / len(head) > 0.05


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode a document's bytes; returns (text, encoding used)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start + len(bom)})",
                    path=name,
                ) from None
    if looks_binary(data):
        raise InputError(
            "looks like a binary file (NUL or control bytes); skipped", path=name, hint="declutter cleans text and HTML"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise InputError(
            "not UTF-8 and no text encoding explains its bytes", path=name, hint="convert the file to UTF-8"
        )
    best = matches[0]
    # Short Western text fits several code pages equally well; the web's default one wins the tie.
    tied = [m for m in matches if m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01]
    chosen = next((m for m in tied if m.encoding == "cp1252"), best)
    return str(chosen), chosen.encoding


def read_bytes(path: str | Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes (gunzipped for ``.gz``), refusing more than ``max_bytes`` before or after decompression."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit",
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
    if file.suffix == ".gz":
        import zlib

        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            data = inflater.decompress(data, max_bytes + 1)
        except zlib.error as exc:
            raise InputError(f"not valid gzip: {exc}", path=file) from None
        if len(data) > max_bytes:
            raise InputError(
                f"decompresses to over the {max_bytes / 1e6:.0f} MB limit",
                path=file,
                hint="raise the limit with --max-bytes",
            )
    if not data:
        raise InputError("is empty; nothing to clean", path=file)
    return data


def sniff_html(data: bytes) -> bool:
    """Whether bytes look like an HTML page (a doctype or an <html>/<head>/<body> tag near the start)."""
    head = data[:4096].lower()
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            head = data[len(bom) : 8192].decode(encoding, "ignore").lower().encode()
            break
    return any(tag in head for tag in (b"<!doctype html", b"<html", b"<head", b"<body"))


def decode_document(data: bytes, name: str, input_format: str = "auto") -> tuple[str, str, str]:
    """Decode bytes as HTML (declared charset first) or text; returns (text, encoding, format)."""
    if input_format == "html" or (input_format == "auto" and sniff_html(data)):
        text, encoding = decode_html(data, name)
        return text, encoding, "html"
    text, encoding = decode(data, name)
    return text, encoding, "text"


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.IGNORECASE)


def decode_html(data: bytes, name: str) -> tuple[str, str]:
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
                return data.decode(encoding), encoding
            except (LookupError, UnicodeDecodeError):
                pass  # the declaration lies; fall back to detection
    return decode(data, name)


def read_document(path: str | Path, *, max_bytes: int = MAX_BYTES, input_format: str = "auto") -> tuple[str, str]:
    """Read and decode one file; errors name the file and say what to do."""
    text, encoding, _ = decode_document(read_bytes(path, max_bytes=max_bytes), str(path), input_format)
    return text, encoding


def read_source(source: str, *, max_bytes: int = MAX_BYTES, input_format: str = "auto") -> tuple[str, str, str]:
    """(text, encoding, format) of a file, or of standard input when ``source`` is ``-``."""
    if source != "-":
        return decode_document(read_bytes(source, max_bytes=max_bytes), source, input_format)
    import sys

    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"standard input is over the {max_bytes / 1e6:.0f} MB limit",
            path="<stdin>",
            hint="raise the limit with --max-bytes",
        )
    if not data:
        raise InputError("standard input is empty; nothing to clean", path="<stdin>")
    return decode_document(data, "<stdin>", input_format)
