"""html.selectors: selector rules compiled for one walk (class selectors tested in the walk, tokens screened)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from declutter import RuleSet
from declutter.html import parse
from declutter.html.chrome import remove_chrome
from declutter.html.selectors import compile_selector_rule, token_screen
from declutter.html.tree import all_text, class_tokens


def test_a_class_selector_is_a_whole_class_name_tested_in_the_walk(rule_file) -> None:  # type: ignore[no-untyped-def]
    """``.post-index`` names one class as written, ``dd.usertitle`` one class on one tag: no XPath over every element,
    and no piece of another name nor the same class on another tag."""
    rules = RuleSet.load(
        rule_file(
            """
file = { prefix = "TST" }
[[rule]]
id = "TST001"
name = "post-number"
kind = "selector"
category = "byline"
description = "A post's number."
selectors = [".post-index", "i-pwa-install", "dd.usertitle"]
[rule.examples]
residue = ['<a class="post-index">#4</a>']
article = ['<p>The index rose 4%.</p>']
"""
        )
    )
    compiled = compile_selector_rule(rules.get("TST001"))
    assert compiled.xpath is None
    assert compiled.classes == {(None, "post-index"), ("dd", "usertitle")}
    assert compiled.tags == {"i-pwa-install"}
    root = parse(
        "<body><p>Reply one.</p><a class='small post-index'>#4</a><span class='post-indexes'>Posts: 12</span>"
        "<i-pwa-install>Install the app</i-pwa-install><dl><dd class=usertitle>Member</dd></dl>"
        "<span class=usertitle>Posted 3 May</span></body>"
    )
    removed = remove_chrome(root, [compiled])
    assert removed[0].reason.startswith("class 'post-index'")
    assert all_text(root) == "Reply one.Posts: 12Posted 3 May"


SCREENED = frozenset({"side-bar", "ad", "bar-left-rail", "share"})


@given(
    st.lists(
        st.sampled_from(["side", "Side", "bar", "Bar", "ad", "AD", "left", "Rail", "__Ab1c2", "-", "_", " ", "é", "x"])
    )
)
def test_the_token_screen_never_hides_a_class_value_holding_a_token(pieces: list[str]) -> None:
    value = "".join(pieces)
    if SCREENED.intersection(class_tokens(value)):
        assert token_screen(SCREENED).admits(value)


def test_the_token_screen_turns_away_values_without_a_token_s_first_piece() -> None:
    assert not token_screen(SCREENED).admits("col-md-6 row")
