"""The regex module's positional parameters, as the hot calls pass them (declutter/text.py says why).

A call like ``pattern.fullmatch(text, None, None, False, False, REGEX_TIMEOUT)`` reads right only while the module
keeps its parameters in this order: were ``timeout`` to move, a runaway pattern would no longer stop, and were
``concurrent`` to move, False would land on another flag. Each position is pinned by what the module says of a
wrong value there, by a timeout that fires, and by the results, the same as the keyword call's.
"""

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

# A pattern that backtracks for long on a line of words without a digit: a timeout must stop it.
_RUNAWAY = regex.compile(r"(?:\w+\s*)+\d")
_LONG_LINE = "word " * 3000
_PATTERN = regex.compile(r"\w+(?:['’.-]\w+)*|\s{2,}")


def _lines() -> st.SearchStrategy[str]:
    return st.text(st.sampled_from("ab. -’'\n\t\u00a0é"), max_size=30)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda p: p.search("a", None, None, "x"), "concurrent"),
        (lambda p: p.match("a", None, None, "x"), "concurrent"),
        (lambda p: p.fullmatch("a", None, None, "x"), "concurrent"),
        (lambda p: p.search("a", None, None, False, False, "x"), "timeout"),
        (lambda p: p.fullmatch("a", None, None, False, False, "x"), "timeout"),
        (lambda p: p.findall("a", None, None, False, "x"), "concurrent"),
        (lambda p: p.findall("a", None, None, False, False, "x"), "timeout"),
        (lambda p: list(p.finditer("a", None, None, False, "x")), "concurrent"),
        (lambda p: list(p.finditer("a", None, None, False, False, False, "x")), "timeout"),
        (lambda p: p.sub("", "a", 0, None, None, "x"), "concurrent"),
        (lambda p: p.sub("", "a", 0, None, None, False, "x"), "timeout"),
        (lambda p: p.split("a", 0, "x"), "concurrent"),
    ],
)
def test_each_position_holds_the_parameter_named(call, message):
    with pytest.raises(ValueError, match=message):
        call(regex.compile("a"))


@pytest.mark.parametrize(
    "call",
    [
        lambda: _RUNAWAY.search(_LONG_LINE, None, None, False, False, 0.01),
        lambda: regex.compile(r"(?:\w+\s*)+\d\Z|(?:\w+\s*)+x").fullmatch(_LONG_LINE, None, None, False, False, 0.01),
        lambda: _RUNAWAY.findall(_LONG_LINE, None, None, False, False, 0.01),
        lambda: list(_RUNAWAY.finditer(_LONG_LINE, None, None, False, False, False, 0.01)),
        lambda: _RUNAWAY.sub("", _LONG_LINE, 0, None, None, False, 0.01),
    ],
)
def test_a_timeout_by_position_stops_a_runaway_pattern(call):
    with pytest.raises(TimeoutError):
        call()


@given(_lines())
def test_positional_calls_give_what_keyword_calls_give(text):
    p = _PATTERN
    assert p.findall(text, None, None, False, False) == p.findall(text, concurrent=False)
    assert [m.span() for m in p.finditer(text, None, None, False, False, False, 0.5)] == [
        m.span() for m in p.finditer(text, timeout=0.5)
    ]
    assert p.sub("", text, 0, None, None, False) == p.sub("", text)
    assert p.split(text, 0, False) == p.split(text)
    for method in ("search", "match", "fullmatch"):
        positional = getattr(p, method)(text, None, None, False, False, 0.5)
        keyword = getattr(p, method)(text, timeout=0.5, concurrent=False)
        assert (positional and positional.span()) == (keyword and keyword.span())
    start = len(text) // 2
    assert (m := p.search(text, start, None, False)) is None or m.start() >= start
