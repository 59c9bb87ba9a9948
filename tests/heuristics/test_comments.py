"""Tests of :mod:`declutter.heuristics.comments`."""

from __future__ import annotations

from declutter import explain
from declutter.document import Document
from declutter.heuristics.comments import comment_thread
from declutter.ruleset import RuleSet
from tests.heuristics import PROSE, ids


def test_comment_thread_needs_reply_buttons_not_only_time_stamps() -> None:
    """A live blog's entries carry time stamps too; without 'Reply' or 'says:' lines it is not a comment thread."""
    entries = "".join(
        f"{n} hours ago\nThe committee heard from witness number {n}, who described the events of that night.\n"
        for n in range(1, 6)
    )
    live = f"{PROSE}{PROSE}12 Comments\n{entries}"
    assert "CMT006" not in ids(live)
    thread = "".join(
        f"Reader {n} says:\n{n} hours ago\nI think the committee is wasting its time on this.\nReply\n"
        for n in range(1, 4)
    )
    result = explain(f"{PROSE}{PROSE}3 Comments\n{thread}")
    assert "Reader 2 says:" not in result.text
    assert "wasting its time" not in result.text


def test_comment_thread_takes_the_last_comment_only_up_to_residue_or_the_end() -> None:
    """'Jane said:' comes before its comment: the last comment lies below the last marker."""
    thread = "".join(
        f"Reader {n} on May {n}, 2019 at 4:{n}0 pm said:\nI think the plan is a mistake.\n" for n in (1, 2, 3)
    )
    last = "The province cannot afford it, and the minister knows that very well by now.\n"
    rule = next(r for r in RuleSet.bundled().rules if r.id == "CMT006")
    doc = Document.from_text(f"{PROSE}{PROSE}Comments\n{thread}{last}")
    hits = comment_thread(doc.blocks, rule, frozenset(), frozenset(), **rule.params)
    assert [b.text for b, _ in hits][-1] == last.strip()
    # Article text far below the last marker, with no residue after it, is not the last comment.
    after = "".join(f"Paragraph {n} of the article, which goes on about the plan and its cost.\n" for n in range(9))
    doc = Document.from_text(f"{PROSE}{PROSE}Comments\n{thread}{after}")
    hits = comment_thread(doc.blocks, rule, frozenset(), frozenset(), **rule.params)
    assert "Paragraph" not in " ".join(b.text for b, _ in hits)


def test_comment_thread_under_a_header_naming_the_article_needs_no_buttons() -> None:
    """'3 thoughts on “…”' counts the comments and quotes the article's title: under it, names and time stamps
    alone are the thread (a theme whose 'Reply' is an icon prints no button), in any language."""
    thread = "".join(
        f"Reader {n}\nMay {n}, 2019 at 4:{n}0 pm\nI think the committee is wasting its time on this.\n"
        for n in range(1, 4)
    )
    for header in ("3 thoughts on “Why the bridge closed again”", "3 Gedanken zu „Warum die Brücke wieder zu ist“"):
        result = explain(f"{PROSE}{PROSE}{header}\n{thread}")
        assert header not in result.text
        assert "wasting its time" not in result.text
        assert "The minister said" in result.text
    # A bare 'Comments' header needs the buttons still; so does a titled header over no markers.
    assert "wasting its time" in explain(f"{PROSE}{PROSE}Comments\n{thread}").text
    letters = "".join(f"Letter {n} asked the council why the bridge had closed again this spring.\n" for n in range(4))
    result = explain(f"{PROSE}{PROSE}2 responses to “Why the bridge closed again”\n{letters}")
    assert "Letter 3 asked" in result.text


def _panel_thread(labels: tuple[str, ...] = ("Joined", "Messages")) -> str:
    """A thread of 3 posts, each under its poster's panel: the first label over a join date, the others over
    counts."""
    posts = "".join(
        f"poster{n}\n\n{labels[0]}\n\nMar {n}, 201{n}\n\n"
        + "".join(f"{label}\n\n{n}{n},{n}0{n}\n\n" for label in labels[1:])
        + f"I drove over the bridge {n} times last week and it was fine every time.\n\n"
        for n in range(1, 4)
    )
    return f"{PROSE}{posts}"


def test_poster_panel_takes_fields_printed_once_per_post_in_any_language() -> None:
    """'Joined' over its date and 'Messages' over a count, beside every post: labels and values go, posts stay."""
    for labels in (("Joined", "Messages"), ("Registriert", "Beiträge")):
        result = explain(_panel_thread(labels))
        assert labels[0] not in result.text
        assert labels[1] not in result.text
        assert "22,202" not in result.text
        assert result.text.count("I drove over the bridge") == 3
        assert "poster2" in result.text


def test_poster_panel_leaves_a_lone_field_and_a_spec_sheet() -> None:
    """One label per card (a grid's 'Price' over a price), card fields with no date among them (a workout's
    'Duration' over '8 Min') or labels printed once (a spec sheet) are no panel."""
    assert "CMT010" not in ids(_panel_thread(("Price",)))
    assert "CMT010" not in ids(_panel_thread(("Duration", "Exercises")).replace("Mar ", "").replace(", 201", " min "))
    sheet = "Weight\n\n3 kg\n\nHeight\n\n120 cm\n\nWidth\n\n40 cm\n\n"
    assert "CMT010" not in ids(f"{PROSE}{sheet}{PROSE}")
