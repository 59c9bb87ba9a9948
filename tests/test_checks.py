from __future__ import annotations

from declutter import RuleSet
from declutter.checks import check_rules

RULE = """
file = {{ prefix = "TST" }}

[[rule]]
id = "TST001"
name = "lone-share"
kind = "line"
category = "share"
description = "A share label."
patterns = ['{pattern}']
[rule.examples]
residue = [{residue}]
article = ["Share prices fell."]
{extra}
"""


def problems(rule_file, pattern: str = "Share", residue: str = '"Share"', extra: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    rules = RuleSet.load(rule_file(RULE.format(pattern=pattern, residue=residue, extra=extra)))
    return [str(p) for p in check_rules(rules)]


def test_passing_rule_has_no_problems(rule_file) -> None:  # type: ignore[no-untyped-def]
    assert problems(rule_file) == []


def test_failing_example_names_file_line_and_rule(rule_file) -> None:  # type: ignore[no-untyped-def]
    [problem] = problems(rule_file, residue='"Share", "Tweet"')
    assert "test.toml:4: TST001: does not remove its residue example 'Tweet'" in problem


def test_fixed_known_gap_is_reported(rule_file) -> None:  # type: ignore[no-untyped-def]
    [problem] = problems(rule_file, pattern="Share|Tweet", extra='todo_residue = ["Tweet"]')
    assert "known gap fixed" in problem


def test_catastrophic_pattern_is_reported(rule_file) -> None:  # type: ignore[no-untyped-def]
    found = problems(rule_file, pattern="(?:a|aa)+b|Share", residue='"Share"')
    assert any("backtracks catastrophically" in p for p in found)
