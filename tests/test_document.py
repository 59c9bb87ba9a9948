import io

from hypothesis import given
from hypothesis import strategies as st

from declutter.document import Document, domain_matches, domain_of, lines_and_ends, normalize_domain


def test_blocks_are_non_blank_lines_with_positions() -> None:
    doc = Document.from_text("A\n\n  \nB\r\nC")
    assert [(b.index, b.line, b.text) for b in doc.blocks] == [(0, 0, "A"), (1, 3, "B"), (2, 4, "C")]
    assert doc.blocks[1].raw == "B"  # its CR-LF is its end, not its text
    assert not doc.final_newline


def test_empty_text_has_no_lines() -> None:
    assert Document.from_text("").lines == ()


def test_domains() -> None:
    assert domain_of("https://www.globalnews.ca/news/1/") == "globalnews.ca"
    assert domain_of("not a url") is None
    assert normalize_domain("WWW.RCInet.ca") == "rcinet.ca"
    assert domain_matches("www2.rcinet.ca", "rcinet.ca")
    assert not domain_matches("notrcinet.ca", "rcinet.ca")


def test_every_line_ends_where_universal_newlines_end_it_and_keeps_its_end() -> None:
    """A line feed, a CR-LF and a carriage return alone each end a line, wherever they stand (a text mixing them
    was read at its line feeds only, its CR-ended lines one long line); each line keeps its own end."""
    doc = Document.from_text("A\r\rB\nC\r\nD\rE")
    assert doc.lines == ("A", "", "B", "C", "D", "E")
    assert doc.ends == ("\r", "\r", "\n", "\r\n", "\r", "")
    assert [(b.line, b.raw) for b in doc.blocks] == [(0, "A"), (2, "B"), (3, "C"), (4, "D"), (5, "E")]
    assert not doc.final_newline
    assert Document.from_text("A\rB\r").final_newline
    assert Document.from_text("A\rB\nC").lines == ("A", "B", "C")


@given(st.lists(st.tuples(st.text(max_size=5), st.sampled_from(["\n", "\r\n", "\r", ""]))))
def test_lines_are_read_as_python_reads_them_with_universal_newlines(pieces: list[tuple[str, str]]) -> None:
    """Line and end after line and end, the text comes back; and they are the lines ``open(..., newline="")``
    reads (other separators, U+2028 or a form feed, stay inside a line, as there)."""
    text = "".join(line + end for line, end in pieces)
    lines, ends = lines_and_ends(text)
    assert [line + end for line, end in zip(lines, ends, strict=True)] == list(io.StringIO(text, newline=""))
