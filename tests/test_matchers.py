from __future__ import annotations

import pytest

from declutter import RuleSet
from declutter.document import Document
from declutter.matchers import RuleTimeoutError, match_blocks, match_lines, match_patterns

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


BLOCK = """
file = { prefix = "TST" }
[[rule]]
id = "TST010"
name = "label-and-names"
kind = "block"
category = "byline"
description = "A label line and the name lines under it."
patterns = ['By']
follow = ['^[A-Z][a-z]+ [A-Z][a-z]+$']
max_lines = 2
min_lines = 1
[rule.examples]
residue = ["By\\nJane Doe"]
article = ["By\\nthe end of the day it was over."]
"""


def test_a_block_with_fewer_continuation_lines_than_min_lines_is_not_removed(rule_file) -> None:  # type: ignore[no-untyped-def]
    rule = RuleSet.load(rule_file(BLOCK)).get("TST010")
    for text, expected in (("By\nJane Doe\nThe vote was held.", [0, 1]), ("By\nthe end of it.\nJane Doe", [])):
        doc = Document.from_text(text)
        hits = match_patterns(doc.blocks, [rule])
        assert [d.line for d in match_blocks(doc.blocks, [rule], hits, frozenset(), set())] == expected
