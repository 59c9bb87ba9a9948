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
