"""An HTML report of what was removed: one self-contained page, for people to read a cleaning.

:func:`document_entry` turns one cleaning (a :class:`~declutter.decisions.Cleaned`) into plain data: its lines,
every removal with its rule id, category and reason, the elements the DOM stage removed, and counts.
:func:`sample_entry` does the same for a scored sample, marking each line as residue removed, article text
removed or residue left. :func:`render_report` embeds the entries as JSON in a page whose inline script draws
them: a legend of the categories, filters by category and rule, documents collapsed until opened (and drawn
only then, long runs of kept lines folded, long documents in pages), so a report of a few hundred documents
stays light. The page fetches nothing: no external address appears in it, and its Content-Security-Policy
forbids loading anything.

>>> import declutter
>>> entry = document_entry("a.txt", declutter.explain("Share\\n\\nThe council approved the budget.\\n"), "text")
>>> entry["counts"]["removed"], entry["marks"][0][2]
(1, 'SHR001')
>>> page = render_report([entry], title="demo")
>>> page.startswith("<!DOCTYPE html>") and "://" not in page
True
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from html import escape
from importlib.resources import files
from typing import Any

from declutter.categories import CONTENT, RESIDUE
from declutter.decisions import Cleaned, Decision, by_line, removes_line
from declutter.document import split_lines
from declutter.rules import Rule
from declutter.text import counted

COLORS: dict[str, str] = {
    "ad": "#f4a6a6",
    "byline": "#c9b8f0",
    "furniture": "#d8d0c0",
    "widget": "#d0c8d8",
    "dateline": "#b8d4f0",
    "caption": "#f6d28b",
    "share": "#a8e0c8",
    "crosslink": "#f0b8dc",
    "video": "#f7b98b",
    "newsletter": "#9fd3e8",
    "social": "#b5e39d",
    "navigation": "#d4d4d4",
    "taxonomy": "#e3d49d",
    "comments": "#e0b7a3",
    "related": "#a3c4e0",
    "sidebar": "#c4a3e0",
    "sponsored": "#e8a0b0",
    "legal": "#bfcfbf",
    "other": "#e6e6b0",
}
"""A background colour per residue category, light enough to read the text on."""

Entry = dict[str, Any]


def _counts(lines: Sequence[str], marks: Sequence[Sequence[Any]], elements: Sequence[Any]) -> dict[str, Any]:
    removed = {mark[0] for mark in marks if mark[1] != "strip"}
    return {
        "lines": sum(1 for line in lines if line.strip()),
        "removed": len(removed),
        "strips": sum(1 for mark in marks if mark[1] == "strip"),
        "chars": sum(mark[6] - mark[5] for mark in marks),
        "elements": len(elements),
        "by_category": dict(Counter(mark[3] for mark in marks).most_common()),
        "by_rule": dict(Counter(mark[2] for mark in marks).most_common()),
    }


def _marks(decisions: Iterable[Decision]) -> list[list[Any]]:
    return [[d.line, str(d.action), d.rule_id, d.category, d.reason, d.start, d.end] for d in decisions]


def document_entry(name: str, result: Cleaned, kind: str, text: str | None = None) -> Entry:
    """One cleaned document as report data. ``text`` is the input for text documents (HTML documents carry
    the extracted text their decisions refer to in ``result.source``)."""
    source = result.source if result.source is not None else (text if text is not None else _replayed(result))
    lines = split_lines(source)
    marks = _marks(result.decisions)
    elements = [[e.rule_id, e.category, e.path, e.reason, e.text] for e in result.elements]
    counts = _counts(lines, marks, elements)
    counts["by_element_category"] = dict(Counter(e[1] for e in elements).most_common())
    return {"name": name, "kind": kind, "lines": lines, "marks": marks, "elements": elements, "counts": counts}


def _replayed(result: Cleaned) -> str:
    """Without the input, the removed lines cannot be shown in place: the cleaned text, then what went."""
    return result.text + "".join(d.text + "\n" for d in result.decisions)


def sample_entry(name: str, lines: Sequence[str], labels: Sequence[str], decisions: Sequence[Decision]) -> Entry:
    """A scored sample as report data: each line's label, and its outcome (``tp`` residue removed, ``fp``
    article text removed, ``fn`` residue left, ``""`` article kept or blank), judged as the scorer judges."""
    grouped = by_line(decisions)
    outcomes: list[str] = []
    for index, (line, label) in enumerate(zip(lines, labels, strict=True)):
        category = label.split("+")[0].rstrip("?")
        dropped = removes_line(line, grouped.get(index, []))
        if not category:
            outcomes.append("")
        elif category in RESIDUE:
            outcomes.append("tp" if dropped else "fn")
        else:
            outcomes.append("fp" if dropped else "")
    marks = _marks(decisions)
    counts = _counts(lines, marks, [])
    counts.update(
        lost=outcomes.count("fp"), left=outcomes.count("fn"), residue=outcomes.count("tp") + outcomes.count("fn")
    )
    return {
        "name": name,
        "kind": "sample",
        "lines": list(lines),
        "marks": marks,
        "elements": [],
        "labels": list(labels),
        "outcomes": outcomes,
        "counts": counts,
    }


def render_report(entries: Sequence[Entry], *, title: str = "declutter report", rules: Iterable[Rule] = ()) -> str:
    """The report page: the entries as JSON inside the page, drawn by its inline script."""
    used = {mark[2] for entry in entries for mark in entry["marks"]} | {
        element[0] for entry in entries for element in entry["elements"]
    }
    data = {
        "title": title,
        "categories": {name: [COLORS.get(name, "#ddd"), text] for name, text in RESIDUE.items()},
        "content": dict(CONTENT),
        "rules": {rule.id: [rule.name, rule.description] for rule in rules if rule.id in used},
        "docs": list(entries),
    }
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # No '<' can close the script element, and no '//' spells an address in the page's bytes (a document's
    # text may hold URLs; JSON.parse reads the escapes back as they were).
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("/", "\\/")
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return _page().replace("__TITLE__", escape(title)).replace("__DATA__", payload)


@lru_cache(maxsize=1)
def _page() -> str:
    """The page template (``report_page.html`` beside this module): inline CSS and script, no address to fetch."""
    return files("declutter").joinpath("report_page.html").read_text(encoding="utf-8")


def summary_line(entries: Sequence[Mapping[str, Any]]) -> str:
    """What a report holds, in one line for the terminal.

    >>> summary_line([{"counts": {"removed": 2, "strips": 1, "elements": 3}}])
    '1 document, 2 lines and 1 span removed, 3 elements'
    """
    removed = sum(e["counts"]["removed"] for e in entries)
    strips = sum(e["counts"]["strips"] for e in entries)
    elements = sum(e["counts"]["elements"] for e in entries)
    return (
        f"{counted(len(entries), 'document')}, {counted(removed, 'line')} and {counted(strips, 'span')} removed, "
        f"{counted(elements, 'element')}"
    )
