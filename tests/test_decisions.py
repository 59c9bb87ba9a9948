import pytest
from hypothesis import given
from hypothesis import strategies as st

from declutter import explain
from declutter.decisions import Action, Decision, apply, decision
from declutter.document import lines_and_ends


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


def test_every_kept_line_keeps_its_own_end() -> None:
    """A text mixing line feeds, CR-LFs and carriage returns alone keeps each kept line's end; a line kept alone from
    such a text needed a line feed added so that cleaning it twice gave the same text, and needs none now."""
    assert (
        apply("Share\nThe mayor spoke.\rMore to come\r\n", [drop(0, "Share")]) == "The mayor spoke.\rMore to come\r\n"
    )
    assert apply("Share\nThe mayor spoke.\rMore to come", [drop(0, "Share")]) == "The mayor spoke.\rMore to come"
    assert apply("A\r\nShare", [drop(1, "Share")]) == "A"  # no final line end in, none out (and no stray CR)


def test_a_blank_line_after_a_carriage_return_is_not_joined_into_a_cr_lf() -> None:
    """Written after a line ending in CR alone (the line between them removed), a blank line's line feed would join
    that CR into one CR-LF: the paragraph break would be lost. It ends as the line above it does."""
    assert apply("Title\rShare\n\nBody.\n", [drop(1, "Share")]) == "Title\r\rBody.\n"
    assert apply("Title\rShare\n  \nBody.\n", [drop(1, "Share")]) == "Title\r  \nBody.\n"


ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@given(
    st.lists(st.tuples(st.sampled_from(["Share", "Body text.", "", " "]), ENDS, st.booleans()), max_size=12),
    st.booleans(),
)
def test_output_lines_are_the_kept_lines_with_their_own_ends(
    rows: list[tuple[str, str, bool]], final_end: bool
) -> None:
    text = "".join(line + end for line, end, _ in rows)
    if not final_end and rows:
        text = text.removesuffix(rows[-1][1])
    lines, ends = lines_and_ends(text)
    gone = {n for n, (line, (_, _, dropped)) in enumerate(zip(lines, rows, strict=False)) if line.strip() and dropped}
    out = apply(text, [drop(n, lines[n]) for n in sorted(gone)])
    kept = [
        (line, end) for n, (line, end) in enumerate(zip(lines, ends, strict=True)) if line.strip() and n not in gone
    ]
    out_lines, out_ends = lines_and_ends(out)
    written = [(line, end) for line, end in zip(out_lines, out_ends, strict=True) if line.strip()]
    if kept and not text.endswith(("\n", "\r")) and out_lines[-1].strip():
        kept[-1] = (kept[-1][0], "")  # a text without a final line end: its output has none either
    assert written == kept
    assert apply(out, []) == out


def test_strip_removes_only_the_span() -> None:
    line = " date 2020-01-06 Thousands protest"
    strip = Decision(0, Action.STRIP, "DAT001", "dateline", "test", 0, 17, line[:17])
    assert apply(line + "\n", [strip]) == "Thousands protest\n"


def test_a_strip_that_empties_a_line_drops_it() -> None:
    line = " date 2020-01-03 advertisement"
    strip = Decision(0, Action.STRIP, "DAT001", "dateline", "test", 0, len(line), line)
    assert apply(line + "\n\nBody.\n", [strip]) == "Body.\n"


def test_apply_refuses_decisions_made_on_another_text() -> None:
    """Replayed on another text, each decision removed whatever stood on its line number (silent data loss)."""
    decisions = [drop(0, "Share")]
    with pytest.raises(ValueError, match=r"decision 1 of 1 \(TST001, line 1\).*'The mayor spoke\.'.*'Share'"):
        apply("The mayor spoke.\nShare\n", decisions)
    with pytest.raises(ValueError, match=r"the text has 1 lines.*result\.source"):
        apply("Share\n", [drop(0, "Share"), drop(3, "Share")])


def test_apply_refuses_an_html_pages_markup_and_replays_its_source() -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article><p>Share</p>"
        "<p>The council approved the budget on Monday after a long debate about the roads.</p>"
        "</article></body></html>"
    )
    result = explain(page)
    assert result.decisions
    assert result.source is not None
    assert apply(result.source, result.decisions) == result.text
    with pytest.raises(ValueError, match="pass the text the decisions were made on"):
        apply(page, result.decisions)


def test_apply_names_a_wrong_type() -> None:
    with pytest.raises(TypeError, match=r"text must be a str.*not bytes"):
        apply(b"Share\n", [])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"decisions must be an iterable of Decision.*not NoneType"):
        apply("Share\n", None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"decisions must hold Decision objects.*not dict"):
        apply("Share\n", [drop(0, "Share").to_dict()])  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"line": "3"}, TypeError, "Decision line must be an int"),
        ({"line": True}, TypeError, "Decision line must be an int .*, not True"),
        ({"line": -1}, ValueError, "Decision line must be 0 or more"),
        ({"start": 6}, ValueError, r"Decision end \(5\) is before its start \(6\)"),
        ({"end": 2.5}, TypeError, "Decision end must be an int"),
        ({"action": "strp"}, ValueError, "Decision action 'strp' is not one of drop, strip, cut .*'strip'"),
        ({"action": None}, TypeError, "Decision action must be an Action"),
        ({"rule_id": 5}, TypeError, "Decision rule_id must be a str, not 5"),
        ({"text": b"Share"}, TypeError, "Decision text must be a str, not bytes"),
    ],
)
def test_a_decision_a_user_builds_is_checked_where_it_is_made(
    changes: dict[str, object], error: type[Exception], message: str
) -> None:
    fields: dict[str, object] = {"line": 0, "action": Action.DROP, "rule_id": "SHR001", "category": "share"}
    fields |= {"reason": "", "start": 0, "end": 5, "text": "Share"} | changes
    with pytest.raises(error, match=message):
        Decision(**fields)  # type: ignore[arg-type]


def test_an_action_given_as_its_value_is_the_action_and_strips_only_its_span() -> None:
    # action="strip" as a plain string was not Action.STRIP: the line was dropped whole (silent data loss)
    strip = Decision(0, "strip", "X", "share", "", 0, 6, "Share ")  # type: ignore[arg-type]
    assert strip.action is Action.STRIP
    assert apply("Share the council met.\n", [strip]) == "the council met.\n"


def test_the_cleaners_own_decisions_equal_a_users() -> None:
    made = decision(0, Action.DROP, "SHR001", "share", "", 0, 5, "Share")
    assert made == Decision(0, Action.DROP, "SHR001", "share", "", 0, 5, "Share")
    assert hash(made) == hash(Decision(0, Action.DROP, "SHR001", "share", "", 0, 5, "Share"))
