from hypothesis import given
from hypothesis import strategies as st

from declutter.decisions import Action, Decision, apply


def drop(line: int, text: str) -> Decision:
    return Decision(line, Action.DROP, "TST001", "share", "test", 0, len(text), text)


@given(st.text())
def test_no_decisions_is_the_identity(text: str) -> None:
    assert apply(text, []) == text


def test_dropping_keeps_one_paragraph_gap() -> None:
    text = "Title\n\nShare\n\nBody.\n"
    assert apply(text, [drop(2, "Share")]) == "Title\n\nBody.\n"


def test_gap_survives_when_the_dropped_line_had_none_after_it() -> None:
    assert apply("A\n\nShare\nB", [drop(2, "Share")]) == "A\n\nB"


def test_dropping_the_first_line_drops_its_gap() -> None:
    assert apply("Skip\n\nBody.\n", [drop(0, "Skip")]) == "Body.\n"


def test_dropping_everything_gives_empty_text() -> None:
    assert apply("Share\n", [drop(0, "Share")]) == ""


def test_a_line_with_a_carriage_return_kept_alone_stays_a_line_read_again() -> None:
    kept = apply("Share\nThe mayor spoke.\rMore to come", [drop(0, "Share")])
    assert kept == "The mayor spoke.\rMore to come\n"  # without a line feed it would read as two lines (classic Mac)
    assert apply("Share\nThe mayor spoke.\nMore", [drop(0, "Share")]) == "The mayor spoke.\nMore"


def test_strip_removes_only_the_span() -> None:
    line = " date 2020-01-06 Thousands protest"
    strip = Decision(0, Action.STRIP, "DAT001", "dateline", "test", 0, 17, line[:17])
    assert apply(line + "\n", [strip]) == "Thousands protest\n"


def test_a_strip_that_empties_a_line_drops_it() -> None:
    line = " date 2020-01-03 advertisement"
    strip = Decision(0, Action.STRIP, "DAT001", "dateline", "test", 0, len(line), line)
    assert apply(line + "\n\nBody.\n", [strip]) == "Body.\n"
