"""Tests of :mod:`declutter.heuristics`, one file per module, and the texts they share."""

from __future__ import annotations

from declutter import explain

PROSE = (
    "The minister said on Monday that the plan would be announced in the spring, and that the budget would "
    "follow it within weeks, after a round of consultations with every province and territory.\n\n"
)
"""An article paragraph: long enough to count as prose for every heuristic."""

BODY = PROSE * 4


def ids(text: str) -> list[str]:
    """The rule ids of the bundled rules' decisions on ``text``, in line order."""
    return [d.rule_id for d in explain(text).decisions]
