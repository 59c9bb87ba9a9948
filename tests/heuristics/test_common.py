"""Tests of :mod:`declutter.heuristics.common`."""

from __future__ import annotations

from declutter.document import Document
from declutter.heuristics.common import (
    code_and_tables,
    first_paragraph,
    indented_code,
    is_paragraph,
    is_residue,
    prose_words_before,
)
from declutter.ruleset import RuleSet
from tests.heuristics import PROSE

TEXT = f"Home\n{PROSE}Share\n{PROSE}"


def test_an_article_paragraph_is_prose_no_other_rule_removed() -> None:
    blocks = Document.from_text(TEXT).blocks
    assert [is_paragraph(b, frozenset(), 15) for b in blocks] == [False, True, False, True]
    assert not is_paragraph(blocks[1], frozenset({blocks[1].line}), 15), "prose another rule took is no landmark"
    assert not is_paragraph(blocks[1], frozenset(), 100), "too short for the heuristic's threshold"
    assert first_paragraph(blocks, frozenset({blocks[1].line}), 15) == 3
    assert first_paragraph(blocks[:1], frozenset(), 15) is None


def test_prose_words_before_leaves_out_claimed_prose_only_when_asked() -> None:
    blocks = Document.from_text(TEXT).blocks
    words = blocks[1].words
    assert prose_words_before(blocks) == [0, 0, words, words]
    assert prose_words_before(blocks, frozenset({blocks[1].line})) == [0, 0, 0, 0]


def test_residue_is_a_claimed_line_or_one_the_anchors_match() -> None:
    blocks = Document.from_text(TEXT).blocks
    rule = next(r for r in RuleSet.bundled().rules if r.id == "STR002")  # tail-after-residue: share and follow anchors
    assert is_residue(None, blocks[0], frozenset({blocks[0].line}))
    assert not is_residue(None, blocks[2], frozenset()), "without a rule only claimed lines are residue"
    assert is_residue(rule, blocks[2], frozenset())
    assert not is_residue(rule, blocks[1], frozenset())


def test_code_blocks_and_tables_are_told_by_their_lines_shape_and_a_neighbour() -> None:
    text = (
        "Install it first:\nimport queue\n# make the queue\njobs = queue.Queue()\nThat is all.\n"
        "| Weight | 5.2 |\n| Buttons | 7 |\nHome\nprint(x)\nAbout\n"
    )
    blocks = Document.from_text(text).blocks
    lines = sorted(code_and_tables(blocks))
    assert lines == [1, 2, 3, 5, 6], "a lone call between menu labels is no block; a comment inside one is"


def test_indented_code_is_an_indented_line_with_a_letter_inside_a_code_block() -> None:
    text = (
        "Run it:\nmetadata:\n  name: nginx\n  labels:\nimport queue\n  jobs = queue.Queue()\n  # ...\n"
        '  <span style="color:red">x</span>\n  print(jobs)\n'
        "That is all there is to it, and the queue now runs on its own.\n  Email:\nHome\n"
    )
    blocks = Document.from_text(text).blocks
    assert sorted(indented_code(blocks)) == [2, 3, 5, 8], (
        "no flush-left line, no symbol line, no markup, no indented label outside code"
    )
    layout = Document.from_text("    Topics:\n    * MacBook Pro,\n    * Mac,\n    * Review,").blocks
    assert not indented_code(layout), "an extractor indenting by layout nests nothing"


def test_indented_code_reads_a_tab_indented_line_from_its_first_character() -> None:
    blocks = Document.from_text("metadata:\n\tname: nginx\n\t<span style=x>\n\t\tlabels:").blocks
    assert sorted(indented_code(blocks)) == [1, 3], (
        "markup nested by a tab stays the markup rule's: its first character is '<', not the fourth"
    )


def test_indented_code_reads_each_sample_apart_and_nothing_without_one() -> None:
    """Lines outside the samples are stepped over: each sample's nesting is read from its own shallowest line."""
    text = "Set it up first.\nmetadata:\n  name: nginx\nThen start it.\n  spec:\n    replicas: 2\n"
    blocks = Document.from_text(text).blocks
    samples = frozenset({1, 2, 4, 5})
    assert sorted(indented_code(blocks, samples)) == [2, 5], "the second sample's '  spec:' is its shallowest line"
    assert indented_code(blocks, frozenset()) == frozenset(), "no sample: nothing nested"
