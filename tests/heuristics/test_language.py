"""Tests of :mod:`declutter.heuristics.language`."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from declutter.heuristics.language import _script
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
