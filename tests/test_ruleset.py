from pathlib import Path

import pytest

from declutter import RuleSet
from declutter.ruleset import selectors


def test_ruleset_load_and_select_name_a_wrong_type() -> None:
    """A number or None failed inside (pathlib's 'expected str, bytes or os.PathLike', 'not iterable')."""
    with pytest.raises(TypeError, match=r"each path must be a rule file or folder \(str or Path\), not 5"):
        RuleSet.load(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"keep must be .*not None"):
        RuleSet.bundled().select(keep=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"only must be .*not bytes"):
        selectors(b"caption", "only")  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, "yes", 1])
def test_ruleset_load_bundled_takes_a_bool(value: object) -> None:
    # bundled=None was read as False and bundled="no" as True: a flag is said, not guessed from a value's truth
    with pytest.raises(TypeError, match=r"^bundled must be True or False, not "):
        RuleSet.load("rules", bundled=value)  # type: ignore[arg-type]


SITE_RULES = """
[file]
prefix = "TST"

[[rule]]
id = "TST001"
name = "shop-basket"
kind = "line"
category = "navigation"
description = "A test rule."
domains = ["shop.example", "example.co.uk"]
patterns = ["^Basket$"]
examples = { residue = ["Basket"], article = ["A basket of goods."] }

[[rule]]
id = "TST002"
name = "menu-but-news"
kind = "line"
category = "navigation"
description = "A test rule."
domains = ["~news.example.co.uk"]
patterns = ["^Menu$"]
examples = { residue = ["Menu"], article = ["The menu changed."] }
"""


def test_a_pages_site_rules_are_found_by_its_domain_and_its_parents(tmp_path: Path) -> None:
    """The site rules a page gets are looked up by its domain and its parents; each verdict is the rule's own."""
    (tmp_path / "sites.toml").write_text(SITE_RULES, encoding="utf-8")
    rules = RuleSet.load(tmp_path, bundled=False)
    domains = ["shop.example", "www.shop.example", "myshop.example", "example.co.uk", "news.example.co.uk"]
    for domain in [*domains, "a.news.example.co.uk", "co.uk", "example.com", ""]:
        assert rules._verdicts(domain) == tuple(rule.applies_to(domain) for rule in rules._site_scoped), domain
    assert rules._verdicts("www.shop.example") == (True, True)
    assert rules._verdicts("myshop.example") == (False, True)
    assert rules._verdicts("a.news.example.co.uk") == (True, False)
