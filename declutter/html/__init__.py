"""The HTML stage, one step per module: parse (:mod:`.parsing`), read what the page says about itself
(:mod:`.metadata`), remove page chrome (:mod:`.chrome`), find the main content (:mod:`.regions`) and
emit its blocks (:mod:`.blocks`); :mod:`.extract` runs them in order. Decoding bytes is
:mod:`declutter.inputs`'s job, as for text."""

from declutter.html.chrome import CompiledSelector, compile_selector_rule, remove_chrome
from declutter.html.extract import Page, extract_page
from declutter.html.parsing import looks_like_html, parse
from declutter.html.regions import choose_container

__all__ = [
    "CompiledSelector",
    "Page",
    "choose_container",
    "compile_selector_rule",
    "extract_page",
    "looks_like_html",
    "parse",
    "remove_chrome",
]
