"""Tests of :mod:`declutter.heuristics.language`."""

from __future__ import annotations

from collections import Counter

import regex
from hypothesis import given
from hypothesis import strategies as st

from declutter.heuristics.language import _SCRIPT, _script
from tests.heuristics import PROSE, ids


def test_other_language_run_needs_two_languages() -> None:
    arabic = "ما تأثير حرائق الغابات الهائلة\nعلى النظام البيئي لكوكب الأرض\n"
    assert "SDB001" not in ids(PROSE + arabic + PROSE)
    sidebar = "RCI | Français\nDéfi j'arrête: 6 semaines pour arrêter de fumer\nRCI | 中文\n担心故乡动荡，家人受苦\n"
    assert ids(PROSE + sidebar).count("SDB001") >= 2


@given(st.text(st.sampled_from("ab Z1 ,éßДжあ中한ع\u0301"), max_size=30))
def test_script_is_the_majority_script_of_the_letters(text: str) -> None:
    latin = len(regex.findall(r"\p{Latin}", text))
    letters = len(regex.findall(r"\p{L}", text))
    if letters == 0:
        assert _script(text) is None
    elif latin * 2 >= letters:
        assert _script(text) == "Latin"
    else:
        assert _script(text) not in (None, "Latin")


def _script_by_matches(text: str) -> str:
    """The script of most of the first 400 non-Latin letters, a match per letter (what ``_script`` did before it
    counted each distinct letter once), for a text whose Latin letters are fewer than its others."""
    counts: Counter[str] = Counter()
    for match in _SCRIPT.finditer("".join(regex.findall(r"[^\p{Latin}\P{L}]", text)[:400])):
        name = match.lastgroup or ""
        counts["CJK" if name in ("Han", "Hiragana", "Katakana") else name] += 1
    return counts.most_common(1)[0][0] if counts else "other"


@given(st.text(st.sampled_from("ab Джαβあア中한عבกक\u10a0ᚠ"), max_size=40))
def test_script_counts_each_letter_once_as_a_match_per_letter_did(text: str) -> None:
    # Ties between scripts are frequent on this alphabet: the first script to appear wins both ways.
    latin = len(regex.findall(r"\p{Latin}", text))
    others = len(regex.findall(r"[^\p{Latin}\P{L}]", text))
    if others > latin:
        assert _script(text) == _script_by_matches(text)
