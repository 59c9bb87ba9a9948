"""One exception type for everything a user can get wrong.

The CLI catches :class:`DeclutterError` in one place and prints it; library
callers can catch it too. The message always says where (file, line, rule id)
and, when we know it, how to fix it.

>>> err = DeclutterError("unknown key 'patern'", path="rules/x.toml", line=4, rule_id="SHR001",
...                      hint="did you mean 'patterns'?")
>>> print(err)
rules/x.toml:4: SHR001: unknown key 'patern' (did you mean 'patterns'?)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any


class DeclutterError(Exception):
    """A problem with an input, a rule file or a sample, located as precisely as we can."""

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        rule_id: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.rule_id = rule_id
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        if self.rule_id is not None:
            where += f"{self.rule_id}: "
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}"


class RuleError(DeclutterError):
    """A rule file that cannot be loaded: bad TOML, unknown key, duplicate id, bad regex."""


class InputError(DeclutterError):
    """A document that cannot be read: binary, undecodable, too large."""


class SampleError(DeclutterError):
    """A labelled sample that is malformed or whose labels do not match its text."""


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` naming the choice closest to a mistyped value (case aside), or "" when none is close.

    >>> did_you_mean("captions", ["caption", "share"]), did_you_mean("zzz", ["caption"])
    (" (did you mean 'caption'?)", '')
    """
    import difflib

    folded = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(value.lower(), list(folded), n=1, cutoff=0.6)
    return f" (did you mean {folded[close[0]]!r}?)" if close else ""


def wrong_type(parameter: str, value: object, takes: str) -> TypeError:
    """The error for a public parameter given a value of the wrong type, said at the call rather than as Python's own
    error from deep inside ('NoneType' object is not iterable): the parameter, what it got, what it takes.

    >>> print(wrong_type("keep", None, "a category name or a list of them"))
    keep must be a category name or a list of them, not None
    """
    got = repr(value) if value is None or isinstance(value, bool | int | float) else type(value).__name__
    return TypeError(f"{parameter} must be {takes}, not {got}")


def items_of(
    parameter: str, value: object, kinds: type | tuple[type, ...], takes: str, item_takes: str
) -> tuple[Any, ...]:
    """The items of a public argument that takes a list, or a ``TypeError`` at the call naming the parameter: for
    a value that is no list (None, a number; bytes, whose items are numbers), or for an item of the wrong kind.

    >>> items_of("keep", ["caption"], str, "a list of names", "a string")
    ('caption',)
    >>> items_of("keep", ["caption", 5], str, "a list of names", "a string")
    Traceback (most recent call last):
    ...
    TypeError: keep (an item) must be a string, not 5
    """
    if not isinstance(value, Iterable) or isinstance(value, bytes | bytearray | memoryview):
        raise wrong_type(parameter, value, takes)
    items = tuple(value)
    for item in items:
        if not isinstance(item, kinds):
            raise wrong_type(f"{parameter} (an item)", item, item_takes)
    return items
