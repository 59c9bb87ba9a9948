"""What a cleaning decided, and how to replay it.

A :class:`Decision` is one removal with its reason; :func:`apply` turns a text
and its decisions into the cleaned text. Because ``apply`` is a pure function of
the two, an explanation can be stored, inspected, edited and replayed.

>>> text = "Title\\n\\nShare\\n\\nBody.\\n"
>>> share = Decision(line=2, action=Action.DROP, rule_id="SHR001", category="share",
...                  reason="the whole line matches", start=0, end=5, text="Share")
>>> apply(text, [share])
'Title\\n\\nBody.\\n'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from declutter.document import lines_and_ends
from declutter.errors import did_you_mean, wrong_type
from declutter.structure import Shape


class Action(StrEnum):
    DROP = "drop"
    """The whole line goes."""
    STRIP = "strip"
    """A span inside the line goes; the rest stays (the line goes only if nothing but blanks is left)."""
    CUT = "cut"
    """The line goes because a tail cut-off fired above it."""


@dataclass(frozen=True, slots=True, init=False)
class Decision:
    """One removal: which line, which span, which rule, and why.

    ``line`` is 0-based into the text's lines (split at every line end, ``\\n``, ``\\r\\n`` or ``\\r``:
    :func:`declutter.document.lines_and_ends`); ``start``/``end`` are character offsets inside that line, its end
    left out (the whole line for drops and cuts).

    Built by a user (to store, edit and replay decisions with :func:`apply`), its fields are checked here: a
    ``line="3"`` failed far away in ``apply``, and ``action="strip"`` (a plain string, not :class:`Action`) was
    taken for a drop, removing the whole line a span was meant to leave. An action is an :class:`Action` or its
    value (``"strip"``, made the :class:`Action`); a wrong type raises ``TypeError``, a wrong value ``ValueError``,
    each naming the field. The cleaner's own decisions are built by :func:`decision`, unchecked: they are many on
    a page, and made right.

    >>> Decision(2, "drop", "SHR001", "share", "", 0, 5, "Share").action is Action.DROP
    True
    >>> Decision("3", Action.DROP, "SHR001", "share", "", 0, 5, "Share")
    Traceback (most recent call last):
    ...
    TypeError: Decision line must be an int (0-based line number), not str
    """

    line: int
    action: Action
    rule_id: str
    category: str
    reason: str
    start: int
    end: int
    text: str

    def __init__(
        self, line: int, action: Action, rule_id: str, category: str, reason: str, start: int, end: int, text: str
    ) -> None:
        action = _checked_decision(line, action, rule_id, category, reason, start, end, text)
        _fill(self, line, action, rule_id, category, reason, start, end, text)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping; ``line`` is 1-based here, as people count lines."""
        return {
            "line": self.line + 1,
            "action": str(self.action),
            "rule": self.rule_id,
            "category": self.category,
            "reason": self.reason,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


_set = object.__setattr__
_new = object.__new__


def decision(
    line: int, action: Action, rule_id: str, category: str, reason: str, start: int, end: int, text: str
) -> Decision:
    """A decision built by the cleaner, unchecked (:class:`Decision` checks a user's): no per-removal cost."""
    made = _new(Decision)
    _fill(made, line, action, rule_id, category, reason, start, end, text)
    return made


def _fill(
    made: Decision,
    line: int,
    action: Action,
    rule_id: str,
    category: str,
    reason: str,
    start: int,
    end: int,
    text: str,
) -> None:
    """Set a frozen decision's fields, checked or not (the one place that knows their names)."""
    _set(made, "line", line)
    _set(made, "action", action)
    _set(made, "rule_id", rule_id)
    _set(made, "category", category)
    _set(made, "reason", reason)
    _set(made, "start", start)
    _set(made, "end", end)
    _set(made, "text", text)


def _checked_decision(
    line: object,
    action: object,
    rule_id: object,
    category: object,
    reason: object,
    start: object,
    end: object,
    text: object,
) -> Action:
    """A user's decision fields checked (see :class:`Decision`); its action as an :class:`Action`."""
    for name, value in (("line", line), ("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            takes = "an int (0-based line number)" if name == "line" else "an int (character offset in the line)"
            raise wrong_type(f"Decision {name}", value, takes)
        if value < 0:
            raise ValueError(f"Decision {name} must be 0 or more, not {value}")
    if end < start:  # type: ignore[operator]  # both ints, checked above
        raise ValueError(f"Decision end ({end}) is before its start ({start})")
    for name, value in (("rule_id", rule_id), ("category", category), ("reason", reason), ("text", text)):
        if not isinstance(value, str):
            raise wrong_type(f"Decision {name}", value, "a str")
    if isinstance(action, Action):
        return action
    if not isinstance(action, str):
        raise wrong_type("Decision action", action, "an Action (or 'drop', 'strip', 'cut')")
    if action not in Action._value2member_map_:
        values = [str(member) for member in Action]
        raise ValueError(f"Decision action {action!r} is not one of {', '.join(values)}{did_you_mean(action, values)}")
    return Action(action)


@dataclass(frozen=True, slots=True)
class ElementDecision:
    """HTML only: one element the DOM stage removed before the text was extracted."""

    rule_id: str
    category: str
    path: str
    reason: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule_id,
            "category": self.category,
            "path": self.path,
            "reason": self.reason,
            "text": self.text,
        }


class Cleaned(NamedTuple):
    """The cleaned text and every decision that produced it (``clean()`` returns only the text).

    For HTML input, ``source`` is the text extracted from the page (title first), which the
    text ``decisions`` refer to; ``elements`` are the DOM removals and ``metadata`` holds the
    title, URL, publication date and author found in the page; ``shapes`` says what each of ``source``'s
    lines was in the page (:mod:`declutter.structure`), for :func:`declutter.outputs.render`.
    """

    text: str
    decisions: tuple[Decision, ...]
    domain: str | None = None
    rules_fingerprint: str = ""
    elements: tuple[ElementDecision, ...] = ()
    metadata: Mapping[str, str] = MappingProxyType({})
    source: str | None = None
    language: str | None = None
    """The document's ISO 639-1 code (given, declared by the page or detected), None when unknown or unneeded."""
    shapes: tuple[Shape, ...] = ()
    warnings: tuple[str, ...] = ()
    """Doubts about the result worth a person's look (an empty result from real input); not errors."""


def strip_spans(line: str, spans: Iterable[tuple[int, int]]) -> str:
    """``line`` without the character spans (which may overlap).

    >>> strip_spans(" date 2020-01-06 Thousands protest", [(0, 17)])
    'Thousands protest'
    """
    out, position = [], 0
    for start, end in sorted(spans):
        if start > position:
            out.append(line[position:start])
        position = max(position, end)
    out.append(line[position:])
    return "".join(out)


def by_line(decisions: Iterable[Decision]) -> dict[int, list[Decision]]:
    """The decisions grouped by the line they touch, in their order."""
    grouped: dict[int, list[Decision]] = {}
    for decision in decisions:
        grouped.setdefault(decision.line, []).append(decision)
    return grouped


def removes_line(line: str, decisions: Sequence[Decision]) -> bool:
    """Whether one line's decisions remove it: a drop, or strips that leave nothing but white space.

    >>> strip = Decision(0, Action.STRIP, "X", "share", "", 0, 5, "Share")
    >>> removes_line("Share  ", [strip]), removes_line("Share prices fell.", [strip]), removes_line("Hi", [])
    (True, False, False)
    """
    if any(d.action is not Action.STRIP for d in decisions):
        return True
    return bool(decisions) and not strip_spans(line, ((d.start, d.end) for d in decisions)).strip()


def kept_lines(lines: Sequence[str], decisions: Iterable[Decision]) -> dict[int, str]:
    """The surviving text of every line a decision touched that is not dropped (stripped lines)."""
    dropped: set[int] = set()
    spans: dict[int, list[tuple[int, int]]] = {}
    for decision in decisions:
        if decision.action is Action.STRIP:
            spans.setdefault(decision.line, []).append((decision.start, decision.end))
        else:
            dropped.add(decision.line)
    result = {}
    for number, line_spans in spans.items():
        if number not in dropped:
            result[number] = strip_spans(lines[number], line_spans)
    return result | dict.fromkeys(dropped, "")


def apply(text: str, decisions: Iterable[Decision]) -> str:
    """Remove what the decisions say from ``text``, the text they were made on (for an HTML page, ``result.source``,
    the text extracted from it, not its markup): see :func:`replay`.

    Each decision is checked first: its line must exist and its span read as its recorded ``text``. A decision
    replayed on another text would remove whatever stands on its line number (silent data loss), so a text the
    decisions do not fit raises ``ValueError`` naming the first decision that does not fit, its line and its rule.

    >>> share = Decision(0, Action.DROP, "SHR001", "share", "", 0, 5, "Share")
    >>> apply("Share\\nBody.\\n", [share])
    'Body.\\n'
    >>> apply("Body.\\nShare\\n", [share])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: decision 1 of 1 (SHR001, line 1) does not fit this text: line 1 is 'Body.', without the 'Share' it ...
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str (the text the decisions were made on), not {type(text).__name__}")
    if isinstance(decisions, str | bytes) or not isinstance(decisions, Iterable):
        raise TypeError(f"decisions must be an iterable of Decision (result.decisions), not {type(decisions).__name__}")
    decisions = list(decisions)
    for decision in decisions:
        if not isinstance(decision, Decision):
            raise TypeError(f"decisions must hold Decision objects (result.decisions), not {type(decision).__name__}")
    if not decisions:
        return text
    lines, ends = lines_and_ends(text)
    for number, decision in enumerate(decisions, 1):
        misfit = _misfit(lines, decision)
        if misfit:
            where = f"({decision.rule_id}, line {decision.line + 1}) "
            raise ValueError(
                f"decision {number} of {len(decisions)} {where}does not fit this text: {misfit}; pass the text the "
                "decisions were made on (for an HTML page, result.source)"
            )
    return replay(text, decisions, lines=lines, ends=ends)


def _misfit(lines: Sequence[str], decision: Decision) -> str:
    """Why a decision does not fit the text's lines ('' when it does): a line past the end, or a span that does not
    read as the text it recorded."""
    if not 0 <= decision.line < len(lines):
        return f"the text has {len(lines)} lines"
    line = lines[decision.line]
    if line[decision.start : decision.end] != decision.text:
        where = f"at characters {decision.start}-{decision.end}"
        return f"line {decision.line + 1} is {_shown(line)}, without the {_shown(decision.text)} it removes {where}"
    return ""


def _shown(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def replay(
    text: str,
    decisions: Iterable[Decision],
    *,
    lines: Sequence[str] | None = None,
    ends: Sequence[str] | None = None,
) -> str:
    """Remove what the decisions say from ``text``, unchecked (the cleaner's own decisions, made on this very text;
    :func:`apply` checks them first); blank lines between kept lines are preserved.

    Between two kept lines the longest run of blank lines that stood between them
    is kept, so paragraphs stay separated after a removal; with no decisions the
    text comes back unchanged, byte for byte. Every line written keeps its own end (a text mixing line feeds,
    CR-LFs and carriage returns keeps each where it was), and the output ends with a line end when the text does.
    ``lines`` and ``ends``: the text split as :meth:`~declutter.document.Document.from_text` splits it, when the
    caller has them (a large document is then not split a second time).
    """
    decisions = list(decisions)
    if not decisions:
        return text
    if lines is None or ends is None:
        lines, ends = lines_and_ends(text)
    changed = kept_lines(lines, decisions)
    out: list[tuple[str, int]] = []  # each line written, with its number for its end
    gap: list[tuple[str, int]] = []  # the blank lines seen since the last kept line (current run)
    best_gap: list[tuple[str, int]] = []  # the longest blank run since the last kept line
    seen_block = emitted = False
    for number, raw in enumerate(lines):
        if not raw.strip():
            gap.append((raw, number))
            continue
        if len(gap) > len(best_gap):
            best_gap = gap
        gap = []
        line = changed.get(number, raw)
        if line.strip():
            if emitted or not seen_block:
                out.extend(best_gap)
            out.append((line, number))
            emitted = True
            best_gap = []
        seen_block = True
    last = _last_block(lines)
    if emitted and changed.get(last, lines[last]).strip():
        out.extend(gap)  # trailing blank lines stay when the last line does
    if not out:
        return ""
    pieces: list[str] = []
    previous = ""
    for line, number in out:
        end = ends[number]
        if previous == "\r" and not line and end == "\n":
            # Right after a carriage return alone (a line above was removed), a line feed would join it into one
            # CR-LF end and the blank line would be lost: the blank line ends as the line above it does.
            end = "\r"
        pieces += (line, end)
        previous = end
    if not ends[-1]:
        pieces[-1] = ""  # a text that does not end with a line end: neither does its output
    return "".join(pieces)


def _last_block(lines: Sequence[str]) -> int:
    for number in range(len(lines) - 1, -1, -1):
        if lines[number].strip():
            return number
    return -1
