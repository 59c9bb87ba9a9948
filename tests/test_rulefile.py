"""A bad rule file is reported with its file, line and rule id, never with a traceback."""

from __future__ import annotations

import pytest

from declutter import Cleaner, RuleError, RuleSet

GOOD = """
file = { prefix = "TST" }

[[rule]]
id = "TST001"
name = "lone-share"
kind = "line"
category = "share"
description = "A share label."
patterns = ['Share']
[rule.examples]
residue = ["Share"]
article = ["Share prices fell."]
"""


def load_error(rule_file, text: str) -> RuleError:  # type: ignore[no-untyped-def]
    path = rule_file(text)
    with pytest.raises(RuleError) as info:
        RuleSet.load(path)
    assert str(path) in str(info.value)
    return info.value


def test_a_good_file_loads(rule_file) -> None:  # type: ignore[no-untyped-def]
    rules = RuleSet.load(rule_file(GOOD))
    assert [r.id for r in rules] == ["TST001"]
    assert rules.get("lone-share").origin.line == 4


def test_toml_syntax_error_names_the_line(rule_file) -> None:  # type: ignore[no-untyped-def]
    error = load_error(rule_file, GOOD.replace("patterns = ['Share']", "patterns = ['Share'"))
    assert error.line is not None
    assert error.line >= 10
    assert "TOML syntax error" in error.message


def test_unknown_key_names_rule_line_and_suggests(rule_file) -> None:  # type: ignore[no-untyped-def]
    error = load_error(rule_file, GOOD.replace("patterns =", "paterns ="))
    assert error.rule_id == "TST001"
    assert error.line == 10
    assert "did you mean 'patterns'" in str(error)


def test_duplicate_ids_across_files(rule_file) -> None:  # type: ignore[no-untyped-def]
    first = rule_file(GOOD, "a.toml")
    second = rule_file(GOOD.replace("lone-share", "other-name"), "b.toml")
    with pytest.raises(RuleError, match=r"duplicate id 'TST001'.*a\.toml"):
        RuleSet.load(first, second)


def test_a_parameter_naming_a_rule_names_a_loaded_one(rule_file) -> None:  # type: ignore[no-untyped-def]
    copies = (
        GOOD
        + """
[[rule]]
id = "TST002"
name = "copies"
kind = "heuristic"
heuristic = "residue-copy"
category = "other"
description = "Copies of removed lines."
params = { spare_copies_of = "TST01" }
[rule.examples]
residue = ["~ Share\\nThe council met on Wednesday and approved the budget after a long debate.\\nShare"]
article = ["The council met on Wednesday."]
"""
    )
    error = load_error(rule_file, copies)
    assert error.rule_id == "TST002"
    assert "parameter 'spare_copies_of' names no loaded rule: 'TST01'" in error.message
    assert "did you mean 'TST001'?" in str(error)
    assert len(RuleSet.load(rule_file(copies.replace('"TST01"', '"TST001"'), "fixed.toml"))) == 2


def test_invalid_regex_names_the_pattern(rule_file) -> None:  # type: ignore[no-untyped-def]
    error = load_error(rule_file, GOOD.replace("['Share']", "['Sha(re']"))
    assert error.rule_id == "TST001"
    assert "invalid regex 'Sha(re'" in error.message


def test_every_rule_needs_examples(rule_file) -> None:  # type: ignore[no-untyped-def]
    error = load_error(rule_file, GOOD.replace('article = ["Share prices fell."]', ""))
    assert "needs examples" in error.message


def test_unknown_category_and_kind(rule_file) -> None:  # type: ignore[no-untyped-def]
    assert "unknown category 'shares'" in load_error(rule_file, GOOD.replace('"share"', '"shares"')).message
    assert "unknown kind 'lines'" in load_error(rule_file, GOOD.replace('kind = "line"', 'kind = "lines"')).message


def test_id_must_carry_the_file_prefix(rule_file) -> None:  # type: ignore[no-untyped-def]
    assert "prefix" in load_error(rule_file, GOOD.replace('"TST001"', '"ABC001"')).message


def test_defines_expand_and_undefined_ones_fail(rule_file) -> None:  # type: ignore[no-untyped-def]
    text = GOOD.replace('file = { prefix = "TST" }', 'file = { prefix = "TST", defines = { w = "Share" } }')
    rules = RuleSet.load(rule_file(text.replace("['Share']", "['{{w}}']")))
    assert rules.get("TST001").patterns[0].pattern == "(?:Share)"
    assert "undefined sub-pattern" in load_error(rule_file, GOOD.replace("['Share']", "['{{nope}}']")).message


def test_heuristic_parameters_are_checked(rule_file) -> None:  # type: ignore[no-untyped-def]
    text = GOOD.replace('kind = "line"', 'kind = "heuristic"\nheuristic = "menu-run"\nparams = { min_itemz = 3 }')
    text = text.replace("patterns = ['Share']\n", "")
    assert "has no parameter 'min_itemz'" in load_error(rule_file, text).message
    # The page URL comes from the document, never from a rule file.
    anchored = text.replace('"menu-run"', '"headline-anchor"').replace("min_itemz = 3", 'url = "https://example.com/a"')
    assert "page address" in load_error(rule_file, anchored).message


def test_spare_per_card_is_a_line_rules_count_of_two_or_more(rule_file) -> None:  # type: ignore[no-untyped-def]
    spared = GOOD.replace("patterns = ['Share']\n", "patterns = ['Share']\nspare_per_card = 3\n")
    assert RuleSet.load(rule_file(spared)).get("TST001").params["spare_per_card"] == 3
    for value, shown in (("1", "1"), ("true", "True"), ('"3"', "'3'")):
        error = load_error(rule_file, spared.replace("= 3", f"= {value}"))
        assert (error.rule_id, error.line) == ("TST001", 11)
        assert error.message == f"spare_per_card must be an integer of at least 2, not {shown}"
    cut = spared.replace('kind = "line"', 'kind = "cutoff"')
    error = load_error(rule_file, cut)
    assert (error.rule_id, error.message) == ("TST001", "unknown key 'spare_per_card' for a cutoff rule")
    assert "belongs to another kind of rule" in str(error)


def test_a_class_token_that_can_never_match_is_refused(rule_file) -> None:  # type: ignore[no-untyped-def]
    text = GOOD.replace('kind = "line"', 'kind = "selector"').replace("patterns = ['Share']", 'tokens = ["sharebar"]')
    text = text.replace('residue = ["Share"]', "residue = ['<div class=\"sharebar\">Share</div>']")
    text = text.replace('article = ["Share prices fell."]', "article = ['<p>Share prices fell.</p>']")
    assert [r.id for r in RuleSet.load(rule_file(text))] == ["TST001"]
    for token, fix in (("share bar", "share-bar"), ("shareBar", "share-bar"), ("a_b", "a-b"), ("a-b-c-d", "a-b-c")):
        error = load_error(rule_file, text.replace('"sharebar"]', f'"{token}"]'))
        assert error.rule_id == "TST001"
        assert f"token {token!r} can never match" in error.message
        assert f"write it as {fix!r}" in error.message


def test_missing_directory(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleError, match="no such rule file"):
        RuleSet.load(tmp_path / "missing")


def test_unless_holding_must_name_tags(rule_file) -> None:  # type: ignore[no-untyped-def]
    selector = GOOD.replace('kind = "line"', 'kind = "selector"').replace(
        "patterns = ['Share']", "selectors = ['figure']\nunless_holding = [3]"
    )
    error = load_error(rule_file, selector.split("[rule.examples]")[0])
    assert "unless_holding must be a string or a list of strings" in error.message
    assert error.rule_id == "TST001"


def test_unless_class_prefix_must_name_strings(rule_file) -> None:  # type: ignore[no-untyped-def]
    selector = GOOD.replace('kind = "line"', 'kind = "selector"').replace(
        "patterns = ['Share']", "selectors = ['.d-none']\nunless_class_prefix = [3]"
    )
    error = load_error(rule_file, selector.split("[rule.examples]")[0])
    assert "unless_class_prefix must be a string or a list of strings" in error.message


def test_unless_tags_must_name_tags(rule_file) -> None:  # type: ignore[no-untyped-def]
    selector = GOOD.replace('kind = "line"', 'kind = "selector"').replace(
        "patterns = ['Share']", "tokens = ['caption']\nunless_tags = [2]"
    )
    error = load_error(rule_file, selector.split("[rule.examples]")[0])
    assert "unless_tags must be a string or a list of strings" in error.message


def test_texts_takes_full_page_on_heuristics_and_cutoffs_only(rule_file) -> None:  # type: ignore[no-untyped-def]
    heuristic = """
file = { prefix = "TST" }

[[rule]]
id = "TST001"
name = "footer"
kind = "heuristic"
heuristic = "footer-columns"
texts = "full-page"
category = "navigation"
description = "A footer."
[rule.examples]
residue = ["Offices"]
article = ["The council voted."]
"""
    assert RuleSet.load(rule_file(heuristic)).get("footer").texts == "full-page"
    error = load_error(rule_file, heuristic.replace('"full-page"', '"fullpage"'))
    assert "texts must be one of" in error.message
    assert 'not "fullpage"' in error.message, "values as a rule file writes them (TOML), not Python's repr"
    assert "did you mean 'full-page'" in str(error)
    error = load_error(rule_file, GOOD.replace('kind = "line"', 'kind = "line"\ntexts = "full-page"'))
    assert error.rule_id == "TST001"
    assert error.message == "texts = 'full-page' is for heuristic and cutoff rules, not line rules"
    error = load_error(rule_file, GOOD.replace('kind = "line"', 'kind = "line"\ntexts = "full-page-input"'))
    assert error.message == "texts = 'full-page-input' is for heuristic and cutoff rules, not line rules"


def test_a_line_rule_for_text_input_stays_out_of_the_html_stage(rule_file) -> None:  # type: ignore[no-untyped-def]
    """A credit line stands alone in a page's full text; in HTML its picture's markup is gone with the picture, and a
    line of that shape left in the HTML stage's text is the page's own (a product's name, a heading)."""
    line = """
file = { prefix = "TST" }

[[rule]]
id = "TST001"
name = "credit"
kind = "line"
texts = "text-input"
patterns = ['Jane Doe/Agency']
category = "caption"
description = "A credit."
[rule.examples]
residue = ["Jane Doe/Agency"]
article = ["The council voted."]
"""
    rules = RuleSet.load(rule_file(line), bundled=False)
    assert rules.get("credit").texts == "text-input"
    cleaner = Cleaner(rules)
    prose = "The council voted on Tuesday to build a new library in the town's old market hall, after a long debate."
    assert "Jane Doe/Agency" not in cleaner.clean(f"{prose}\nJane Doe/Agency\n{prose}", input_format="text")
    page = f"<html><body><article><p>{prose}</p><p>Jane Doe/Agency</p><p>{prose}</p></article></body></html>"
    assert "Jane Doe/Agency" in cleaner.clean(page, input_format="html")


@pytest.mark.parametrize("text", ["", 'file = { prefix = "TST" }\n', "# [[rule]] commented out\n"])
def test_a_file_without_rules_is_refused(rule_file, text: str) -> None:  # type: ignore[no-untyped-def]
    """An empty or commented-out file would pass 'declutter rules check' with nothing checked."""
    error = load_error(rule_file, text)
    assert "holds no rule" in error.message
    assert "[[rule]]" in str(error)


def test_prose_pages_names_where_unless_prose_applies(rule_file) -> None:  # type: ignore[no-untyped-def]
    selector = """
file = { prefix = "TST" }

[[rule]]
id = "TST001"
name = "gallery"
kind = "selector"
tokens = ["gallery"]
unless_prose = 40
prose_pages = "products"
category = "caption"
description = "A gallery."
[rule.examples]
residue = ['<div class="gallery">Photo 1 of 9</div>']
article = ["<p>The council voted.</p>"]
"""
    assert RuleSet.load(rule_file(selector)).get("gallery").params["prose_pages"] == "products"
    error = load_error(rule_file, selector.replace('"products"', '"product"'))
    assert "prose_pages must be one of" in error.message


def test_sectioned_pages_names_where_unless_sectioned_applies(rule_file) -> None:  # type: ignore[no-untyped-def]
    selector = """
file = { prefix = "TST" }

[[rule]]
id = "TST001"
name = "lists"
kind = "selector"
selectors = ["ul"]
min_link_density = 0.6
min_links = 3
unless_sectioned = 3
sectioned_pages = "except-articles"
category = "related"
description = "Link lists."
[rule.examples]
residue = ['<ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li></ul>']
article = ["<p>The council voted.</p>"]
"""
    params = RuleSet.load(rule_file(selector)).get("lists").params
    assert (params["unless_sectioned"], params["sectioned_pages"]) == (3, "except-articles")
    error = load_error(rule_file, selector.replace('"except-articles"', '"articles"'))
    assert "sectioned_pages must be one of" in error.message


def test_frame_apart_is_true_or_false(rule_file) -> None:  # type: ignore[no-untyped-def]
    """A selector rule's ``frame_apart`` (its matches in the page's frame judged alone) takes only a boolean."""
    selector = """
[[rule]]
id = "TST001"
name = "menus"
kind = "selector"
tokens = ["menu"]
frame_apart = true
category = "navigation"
description = "Menus."
[rule.examples]
residue = ['<div class="menu">Home · News</div>']
article = ["<p>The council voted.</p>"]
"""
    assert RuleSet.load(rule_file(selector)).get("menus").params["frame_apart"] is True
    error = load_error(rule_file, selector.replace("frame_apart = true", 'frame_apart = "yes"'))
    assert "frame_apart must be one of" in error.message
