from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from declutter import InputError
from declutter.inputs import (
    Encoding,
    decode,
    decode_document,
    decode_html,
    parse_size,
    read_bytes,
    read_document,
    read_source,
    sniff_html,
    walk_tree,
)

from .html import PAGE


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("café\n".encode(), "café\n", "utf-8"),
        (codecs.BOM_UTF8 + "café".encode(), "café", "utf-8"),
        (codecs.BOM_UTF16_LE + "café".encode("utf-16-le"), "café", "utf-16-le"),
        (codecs.BOM_UTF16_BE + "café".encode("utf-16-be"), "café", "utf-16-be"),
        ("café crème brûlée à la carte".encode("cp1252"), "café crème brûlée à la carte", "cp1252"),
        ("Привет, мир! Это проверка кодировки.".encode("cp1251"), "Привет, мир! Это проверка кодировки.", "cp1251"),
    ],
)
def test_decoding(data: bytes, text: str, encoding: str) -> None:
    assert decode(data, "x.txt") == (text, Encoding(encoding))


def test_binary_is_refused_with_the_file_name() -> None:
    with pytest.raises(InputError, match=r"x\.bin: looks like a binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "x.bin")


def test_bad_bom_is_reported() -> None:
    with pytest.raises(InputError, match="byte-order mark"):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfa", "x.txt")


def test_size_limit_and_missing_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match="over the 1,000 bytes limit"):
        read_document(big, max_bytes=1000)
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt: is empty"):
        read_document(empty)


def test_html_is_sniffed_and_decoded_by_its_declared_charset() -> None:
    assert sniff_html(PAGE.encode())
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>café</p></body></html>'.encode("latin-1")
    assert decode_html(latin, "x.html") == (latin.decode("cp1252"), Encoding("cp1252"))
    assert decode_document(PAGE.encode(), "x.html")[2] == "html"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Müller straße", "cp1252"),
        ("Ça coûte 5 € à Zürich", "cp1252"),
        ("naïve résumé", "cp1252"),
        ("Die Straße war voller Menschen, die über die Brücke gingen.", "cp1252"),
        ("Źródło podało, że władze miasta zdecydowały się na zmianę przepisów.", "cp1250"),
        ("Σήμερα η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία της χώρας.", "cp1253"),
    ],
)
def test_short_latin_text_is_not_read_as_an_exotic_code_page(text: str, encoding: str) -> None:
    decoded, used = decode(text.encode(encoding), "x.txt")
    assert decoded == text
    assert used.codec in (encoding, "iso8859_7") if encoding == "cp1253" else used == Encoding(encoding)


def test_random_bytes_without_nul_are_refused() -> None:
    import random

    generator = random.Random(7)
    for size in (10, 20, 50, 200, 1000, 5000) * 30:
        data = bytes(generator.randrange(1, 256) for _ in range(size))
        with pytest.raises(InputError, match=r"binary|encoding"):
            decode(data, "x.bin")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_by_its_nul_bytes(encoding: str) -> None:
    text = "Der Bürgermeister sagte am Dienstag, dass die Straße gesperrt wird.\n"
    assert decode(text.encode(encoding), "x.txt") == (text, Encoding(encoding))


def test_utf8_with_a_few_invalid_bytes_is_not_read_as_a_code_page() -> None:
    """One bad byte (a Latin-1 'é', an encoded surrogate) in UTF-8 text: replaced, not the whole text in mojibake."""
    text = "Der Bürgermeister sagte, dass die Straße gesperrt wird. Größere Umleitungen sind geplant.\n"
    decoded, encoding = decode(text.encode() + b"Caf\xe9 \xed\xa0\x80\n", "x.txt")
    assert decoded == text + "Caf\ufffd \ufffd\ufffd\ufffd\n"
    assert encoding == Encoding("utf-8", "4 invalid bytes replaced")
    assert str(encoding) == "utf-8 (4 invalid bytes replaced)"  # as the warning and the JSON output say it
    page = "<html><head><meta charset='utf-8'></head><body><p>It’s a “quoted” story. Café</p></body></html>"
    decoded, encoding = decode_html(page.encode().replace("é".encode(), b"\xe9"), "x.html")
    assert "It’s a “quoted” story. Caf\ufffd" in decoded
    assert encoding == Encoding("utf-8", "1 invalid byte replaced")


def test_binary_with_nul_bytes_at_odd_positions_is_still_refused() -> None:
    data = bytes(value for n in range(400) for value in (n * 37 % 251 + 1, 0))
    with pytest.raises(InputError, match="binary"):
        decode(data, "x.bin")


def test_a_code_page_text_with_a_chance_utf8_pair_keeps_its_letters() -> None:
    """'Â©' in Windows-1252 is a valid UTF-8 '©'; with one accented letter beside it, a tie, the text is still
    read in its code page, so the 'é' is not lost to a replacement character."""
    decoded, encoding = decode("Â© 2024 Café du Monde, all rights reserved.\n".encode("cp1252"), "x.txt")
    assert "Café" in decoded
    assert encoding.codec != "utf-8"
    assert not encoding.lost


def test_a_text_mixing_utf8_and_latin1_lines_keeps_every_letter() -> None:
    """Files concatenated from two tools: read whole as a code page, every UTF-8 line was mojibake ('BĂĽrgermeister',
    silently, as a note); each line is read in its own encoding now, and the encoding says which lines were not
    UTF-8 and how they were read."""
    utf8 = "Der Bürgermeister sagte am Montag, die Straße werde gesperrt.\n"
    latin = "Un café au lait coûte trop cher à Paris, où l'été est chaud.\r\n"
    data = utf8.encode() + latin.encode("latin-1") + utf8.encode() + latin.encode("cp1252")
    text, encoding = decode(data, "x.txt")
    assert text == utf8 + latin + utf8 + latin
    assert (encoding.codec, encoding.lost, encoding.doubtful) == ("utf-8", "", True)
    first = len(utf8.encode()) + 1
    second = first + len(latin) + len(utf8.encode())
    assert encoding.recoded == (
        f"lines 2 and 4 are not UTF-8 (bytes {first}-{first + len(latin) - 3}, {second}-{second + len(latin) - 3}): "
        "read as cp1252"
    )
    # A line that is damaged UTF-8 (a quote cut short, an encoded surrogate) is not read as a code page.
    for damage in ("It\u2019s".encode()[:4], b"\xed\xa0\x80"):
        damaged = utf8.encode() + b"Caf\xe9 " + damage + b"\n" + latin.encode("latin-1")
        assert decode(damaged, "x.txt")[1].recoded == ""


def test_a_few_nul_bytes_in_utf8_text_are_dropped_not_the_file() -> None:
    """A stray NUL refused a whole text as binary; a few are dropped, and the encoding counts them."""
    text = "Der Bürgermeister sagte am Dienstag, dass die Straße gesperrt wird.\n" * 20
    data = text.encode().replace(b"sagte", b"sa\0gte", 2)
    assert decode(data, "x.txt") == (text, Encoding("utf-8", "2 NUL bytes dropped"))
    assert decode(b"\0" + text.encode(), "x.txt")[1] == Encoding("utf-8", "1 NUL byte dropped")
    page = f"<html><body><p>{text}</p></body></html>"
    assert decode_document(page.encode().replace(b"sagte", b"sa\0gte", 1), "x.html")[:2] == (
        page,
        Encoding("utf-8", "1 NUL byte dropped"),
    )


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 8,  # an image
        b"\x1f\x8b\x08\0" + bytes((n * 97 + 13) % 256 for n in range(4000)),  # gzip: a NUL every 256 bytes
        b"%PDF-1.7\n1 0 obj\n<< /Length 900 /Filter /FlateDecode >>\nstream\n"
        + bytes((n * 193 + 7) % 256 for n in range(900)),
        b"\x7fELF\x02\x01\x01" + b"\0" * 9 + b"\x02\0>\0\x01\0\0\0" + b"text" * 200,  # NULs beyond strays
        ("Ein Text. " * 20).encode().replace(b" ", b"\0"),  # NUL for every space: no stray
    ],
)
def test_binary_files_are_still_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"x\.bin: .*(binary|not UTF-8)"):
        decode(data, "x.bin")


def _gzipped_page() -> bytes:
    import gzip

    return gzip.compress(PAGE.encode("utf-8"))


def test_a_truncated_gzip_file_is_refused_not_cleaned_in_part(tmp_path: Path) -> None:
    data = _gzipped_page()
    path = tmp_path / "cut.html.gz"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"cut\.html\.gz: gzip data ends early"):
        read_bytes(path)


def test_every_member_of_a_concatenated_gzip_file_is_read(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "two.txt.gz"
    path.write_bytes(gzip.compress(b"First part.\n") + gzip.compress(b"Second part.\n") + b"\0\0")
    assert read_bytes(path) == b"First part.\nSecond part.\n"


def test_bytes_after_a_gzip_member_that_are_not_gzip_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "tail.html.gz"
    path.write_bytes(_gzipped_page() + b"garbage\n")
    with pytest.raises(InputError, match="not valid gzip after byte"):
        read_bytes(path)


def test_an_html_fragment_named_html_is_read_as_html(tmp_path: Path) -> None:
    fragment = b"<title>Budget</title><p>The council approved the budget on Monday.</p><p>Share</p>"
    assert not sniff_html(fragment)
    assert decode_document(fragment, "page.html")[2] == "html"
    assert decode_document(fragment, "page.HTM.gz")[2] == "html"
    assert decode_document(fragment, "notes.txt")[2] == "text"
    assert decode_document(b"Plain words in a file named page.html.\n", "page.html")[2] == "text"


def test_a_closed_standard_input_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="<stdin>: standard input is closed"):
        read_source("-")


def test_walk_tree_enters_symlinked_folders_and_names_loops(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "linked.txt").write_text("x")
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text("x")
    (root / "shared").symlink_to(tmp_path / "outside")
    (root / "sub" / "loop").symlink_to("..")
    entries, loops = walk_tree(root)
    assert entries == [root / "shared" / "linked.txt", root / "sub" / "a.txt"]
    assert loops == [root / "sub" / "loop"]


def test_parse_size_takes_units_in_powers_of_1024() -> None:
    assert parse_size("67108864") == 64 * 2**20
    assert parse_size("64M") == parse_size("64MiB") == parse_size("64 mb") == 64 * 2**20
    assert parse_size("1G") == 2**30
    assert parse_size("500k") == 500 * 1024
    assert parse_size("1.5k") == 1536
    assert parse_size(4096) == 4096
    for bad in ("64X", "-5", "", "1e3", "M", "64 M B"):
        with pytest.raises(ValueError, match="is not a size: give bytes or a number with a unit"):
            parse_size(bad)
