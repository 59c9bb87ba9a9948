from declutter.document import Document, domain_matches, domain_of, normalize_domain


def test_blocks_are_non_blank_lines_with_positions() -> None:
    doc = Document.from_text("A\n\n  \nB\r\nC")
    assert [(b.index, b.line, b.text) for b in doc.blocks] == [(0, 0, "A"), (1, 3, "B"), (2, 4, "C")]
    assert doc.blocks[1].raw == "B\r"
    assert not doc.final_newline


def test_empty_text_has_no_lines() -> None:
    assert Document.from_text("").lines == ()


def test_domains() -> None:
    assert domain_of("https://www.globalnews.ca/news/1/") == "globalnews.ca"
    assert domain_of("not a url") is None
    assert normalize_domain("WWW.RCInet.ca") == "rcinet.ca"
    assert domain_matches("www2.rcinet.ca", "rcinet.ca")
    assert not domain_matches("notrcinet.ca", "rcinet.ca")


def test_a_text_without_line_feeds_ends_its_lines_in_cr() -> None:
    """Classic Mac OS line ends; a CR in a text that has line feeds stays part of its line (a CR-LF text)."""
    doc = Document.from_text("A\r\rB\rC\r")
    assert doc.lines == ("A", "", "B", "C")
    assert [(b.line, b.raw) for b in doc.blocks] == [(0, "A"), (2, "B"), (3, "C")]
    assert doc.final_newline
    assert Document.from_text("A\rB\nC").lines == ("A\rB", "C")
