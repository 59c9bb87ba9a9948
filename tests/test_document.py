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
