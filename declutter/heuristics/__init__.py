"""Structural detectors: residue recognised by its shape, not by a phrase.

Each heuristic is a plain function registered in :data:`HEURISTICS`. A rule of
kind ``heuristic`` names it and supplies its parameters (and anchor patterns,
where it needs them) from the rule file, so thresholds are data too. A
heuristic returns ``(block, reason)`` pairs; it must never fire on a line that
reads like an article paragraph. The modules group them by what they find:
:mod:`~declutter.heuristics.lists` (lists of other stories), :mod:`~declutter.heuristics.menus`,
:mod:`~declutter.heuristics.panels` (footer columns, shop facets, menus on one line),
:mod:`~declutter.heuristics.language` (language sidebars), :mod:`~declutter.heuristics.comments`,
:mod:`~declutter.heuristics.authors` (the author box under the article),
:mod:`~declutter.heuristics.captions` (captions over a photo credit),
:mod:`~declutter.heuristics.repeats` (copies of removed lines),
:mod:`~declutter.heuristics.sandwich` (a short line between removals)
and the article's place on the page: :mod:`~declutter.heuristics.head` (above it)
and :mod:`~declutter.heuristics.tail` (below it).
"""

from __future__ import annotations

from inspect import signature

from declutter.heuristics.authors import author_box
from declutter.heuristics.captions import caption_above_credit
from declutter.heuristics.comments import comment_thread, poster_panel
from declutter.heuristics.common import Heuristic, Hit, headline_copies
from declutter.heuristics.head import head_strip, headline_anchor, menu_echo, site_name, title_echo
from declutter.heuristics.language import other_language_run
from declutter.heuristics.lists import (
    headline_list,
    list_fill,
    ranked_list,
    run_together_headlines,
    teaser_run,
    teaser_template,
)
from declutter.heuristics.menus import (
    bulleted_head_menu,
    contents_list,
    head_run,
    header_list,
    label_line,
    menu_copy,
    menu_run,
    recurring_menu,
    twin_menu,
)
from declutter.heuristics.panels import facet_list, flattened_list, footer_columns
from declutter.heuristics.repeats import residue_copy
from declutter.heuristics.sandwich import residue_sandwich
from declutter.heuristics.tail import (
    detached_prose,
    footer_floor,
    residue_wall,
    tail_after_residue,
    tail_fill,
    tail_islands,
)

HEURISTICS: dict[str, Heuristic] = {
    "author-box": author_box,
    "caption-above-credit": caption_above_credit,
    "comment-thread": comment_thread,
    "contents-list": contents_list,
    "poster-panel": poster_panel,
    "footer-floor": footer_floor,
    "footer-columns": footer_columns,
    "tail-after-residue": tail_after_residue,
    "tail-fill": tail_fill,
    "tail-islands": tail_islands,
    "teaser-template": teaser_template,
    "teaser-run": teaser_run,
    "title-echo": title_echo,
    "menu-echo": menu_echo,
    "headline-anchor": headline_anchor,
    "detached-prose": detached_prose,
    "headline-list": headline_list,
    "head-strip": head_strip,
    "head-run": head_run,
    "header-list": header_list,
    "menu-run": menu_run,
    "menu-copy": menu_copy,
    "recurring-menu": recurring_menu,
    "twin-menu": twin_menu,
    "facet-list": facet_list,
    "flattened-list": flattened_list,
    "label-line": label_line,
    "list-fill": list_fill,
    "ranked-list": ranked_list,
    "bulleted-head-menu": bulleted_head_menu,
    "other-language-run": other_language_run,
    "run-together-headlines": run_together_headlines,
    "residue-sandwich": residue_sandwich,
    "residue-wall": residue_wall,
    "residue-copy": residue_copy,
    "site-name": site_name,
}
"""Heuristic name (as written in rule files) to function."""

WANTS_URL: frozenset[str] = frozenset(name for name, fn in HEURISTICS.items() if "url" in signature(fn).parameters)
"""Heuristics that declare a ``url`` parameter: the pipeline passes them the document's page address."""

WANTS_FULL_PAGE: frozenset[str] = frozenset(
    name for name, fn in HEURISTICS.items() if "full_page" in signature(fn).parameters
)
"""Heuristics that declare a ``full_page`` parameter: the pipeline tells them whether the text is a page's full
text, with chrome around its article, or an extractor's output (see ``texts`` in rules/README.md)."""

WANTS_INTRODUCED: frozenset[str] = frozenset(
    name for name, fn in HEURISTICS.items() if "introduced" in signature(fn).parameters
)
"""Heuristics that declare an ``introduced`` parameter: the pipeline passes them the items of the lists the text
announces (:func:`~declutter.matchers.introduced_items`). Those that judge short lines as a menu's labels by
their shape alone take them; those that judge a region (a comment thread, a footer, a related list under its
header) take the region whole."""

__all__ = [
    "HEURISTICS",
    "WANTS_FULL_PAGE",
    "WANTS_INTRODUCED",
    "WANTS_URL",
    "Heuristic",
    "Hit",
    "author_box",
    "bulleted_head_menu",
    "caption_above_credit",
    "comment_thread",
    "contents_list",
    "detached_prose",
    "facet_list",
    "flattened_list",
    "footer_columns",
    "footer_floor",
    "head_run",
    "head_strip",
    "header_list",
    "headline_anchor",
    "headline_copies",
    "headline_list",
    "label_line",
    "list_fill",
    "menu_copy",
    "menu_echo",
    "menu_run",
    "other_language_run",
    "poster_panel",
    "ranked_list",
    "recurring_menu",
    "residue_copy",
    "residue_sandwich",
    "residue_wall",
    "run_together_headlines",
    "site_name",
    "tail_after_residue",
    "tail_fill",
    "tail_islands",
    "teaser_run",
    "teaser_template",
    "title_echo",
    "twin_menu",
]
