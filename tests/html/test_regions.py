"""html.regions: finding the main content (its shortcuts checked against the regexes they replace)."""

from __future__ import annotations

from hypothesis import given, settings

from declutter.html.regions import _CONTENT_CLASS, _content_class

from . import CLASS_NAMES


@settings(max_examples=300)
@given(CLASS_NAMES)
def test_content_class_is_the_regex(value: str) -> None:
    assert _content_class(value) == bool(_CONTENT_CLASS.search(value))
