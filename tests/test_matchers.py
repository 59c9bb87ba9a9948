from __future__ import annotations

import pytest

from declutter import RuleSet
from declutter.document import Document
from declutter.matchers import RuleTimeoutError, match_lines, match_patterns

SLOW = """
file = { prefix = "TST" }
[[rule]]
id = "TST009"
name = "slow"
kind = "line"
category = "other"
description = "Backtracks catastrophically."
patterns = ['(?:a|aa)+b']
max_chars = 100000
[rule.examples]
residue = ["aab"]
article = ["b"]
"""


def test_a_runaway_pattern_raises_an_error_naming_the_rule(rule_file) -> None:  # type: ignore[no-untyped-def]
    rule = RuleSet.load(rule_file(SLOW)).get("TST009")
    doc = Document.from_text("a" * 60 + "c")
    with pytest.raises(RuleTimeoutError) as info:
        match_lines(doc.blocks, match_patterns(doc.blocks, [rule]), frozenset())
    assert info.value.rule_id == "TST009"
    assert "line 1" in str(info.value)
