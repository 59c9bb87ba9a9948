"""The HTML stage, one step per module: parse (:mod:`.parsing`), read what the page says about itself
(:mod:`.metadata`), remove page chrome (:mod:`.chrome`, with the rules :mod:`.selectors` compiles, under
the guard of :mod:`.guards` and the exceptions of :mod:`.spares`), leave out what the page prints twice or beside
its product (:mod:`.copies`), find the main content as a region of the page (:mod:`.regions`) with the blocks
beside it that are more of it (:mod:`.parts`), emit its blocks with their structure (:mod:`.blocks`) and
complete them from the page's structured data (:mod:`.structured`); :mod:`.extract` runs them in order, and
:mod:`.tree` holds the element helpers they share. Decoding bytes is :mod:`declutter.inputs`'s job, as for
text."""

from declutter.html.chrome import remove_chrome
from declutter.html.extract import Page, extract_page
from declutter.html.parsing import looks_like_html, parse
from declutter.html.regions import choose_container, find_content
from declutter.html.selectors import CompiledSelector, compile_selector_rule

__all__ = [
    "CompiledSelector",
    "Page",
    "choose_container",
    "compile_selector_rule",
    "extract_page",
    "find_content",
    "looks_like_html",
    "parse",
    "remove_chrome",
]
