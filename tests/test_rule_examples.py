"""Every bundled rule's embedded examples, one test per rule (``declutter rules check`` runs the same)."""

import pytest

from declutter import RuleSet
from declutter.checks import check_rule

RULES = RuleSet.bundled()


@pytest.mark.parametrize("rule", RULES.rules, ids=[r.id for r in RULES.rules])
def test_rule_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert check_rule(rule) == []
