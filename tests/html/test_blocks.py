"""The HTML stage's blocks: one line per block, and each line's shape."""

from __future__ import annotations

import gc
import weakref

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import fragment_fromstring

from declutter.html.blocks import (
    RUN_LINES,
    RUN_MAX_LINES,
    _entries,
    _printed_again,
    blocks_of,
    code_language,
    is_data_table,
    repeated_runs,
)
from declutter.html.tree import Element
from declutter.structure import Shape


def shapes_of(html: str) -> list[tuple[object, ...]]:
    return [(s.kind, s.text, s.level, s.depth, s.number, s.start) for s in blocks_of(fragment_fromstring(html))]


def test_headings_keep_their_levels() -> None:
    assert shapes_of("<div><h2>A</h2><p>b</p><h4>C</h4></div>") == [
        ("heading", "A", 2, 0, 0, False),
        ("paragraph", "b", 0, 0, 0, False),
        ("heading", "C", 4, 0, 0, False),
    ]


def test_lists_nest_and_number() -> None:
    html = "<div><ol start='4'><li>four<ol><li>inner</li></ol></li><li><p>five</p><p>more</p></li></ol></div>"
    assert shapes_of(html) == [
        ("item", "four", 0, 1, 4, True),
        ("item", "inner", 0, 2, 1, True),
        ("item", "five", 0, 1, 5, False),
        ("paragraph", "more", 0, 1, 0, False),  # a second block of the item continues it
    ]


def test_a_data_table_is_one_line_per_row_and_a_layout_table_is_not() -> None:
    data = fragment_fromstring("<table><tr><th>a</th><th></th><th>c</th></tr><tr><td>1</td><td>2</td></tr></table>")
    rows = blocks_of(data)
    assert [(r.text, r.cells, r.header) for r in rows] == [
        ("a | c", ("a", "", "c"), True),
        ("1 | 2", ("1", "2"), False),
    ]
    layout = "<table><tr><td><h2>Title</h2><p>Para one.</p></td><td><ul><li>x</li></ul></td></tr></table>"
    assert not is_data_table(fragment_fromstring(layout))
    assert [s.kind for s in blocks_of(fragment_fromstring(layout))] == ["heading", "paragraph", "item"]


def test_code_keeps_its_lines_and_language() -> None:
    html = "<div><pre><code class='language-rust'>fn main() {\n    go();\n\n}\n</code></pre></div>"
    code = blocks_of(fragment_fromstring(html))
    assert [(c.text, c.code, c.start) for c in code] == [
        ("fn main() {", "fn main() {", True),
        ("go();", "    go();\n", False),
        ("}", "}", False),
    ]
    assert {c.language for c in code} == {"rust"}
    assert code_language(fragment_fromstring("<div class='highlight highlight-source-go'>x</div>")) == "go"
    assert code_language(fragment_fromstring("<pre class='brush: ruby'>x</pre>")) == "ruby"
    assert code_language(fragment_fromstring("<pre class='highlight'>x</pre>")) == ""


def test_quotes_links_and_images() -> None:
    html = (
        "<div><blockquote><p>Said <a href='/a'>she</a>.</p><blockquote><p>Deeper</p></blockquote></blockquote>"
        "<p><a href='javascript:void(0)'>menu</a> <img alt='A lake' src='l.jpg'> text</p></div>"
    )
    quote, deeper, last = blocks_of(fragment_fromstring(html))
    assert (quote.quote, quote.links) == (1, (("she", "/a"),))
    assert deeper.quote == 2
    assert (last.text, last.links, last.images) == ("menu text", (), (("A lake", "l.jpg"),))


def test_reading_code_and_cells_lets_the_page_go() -> None:
    """A <pre>'s and a table cell's text are read by recursive walks: none is left in a reference cycle holding
    the element (and with it the page's tree) until the garbage collector runs."""
    page = fragment_fromstring(
        "<div><pre>x = 1</pre><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table></div>"
    )
    pre, cell = page.find("pre"), page.find(".//td")
    held = weakref.ref(pre), weakref.ref(cell)
    gc.disable()
    try:
        assert [shape.kind for shape in blocks_of(page)] == ["code", "row", "row"]
        del page, pre, cell
        assert [ref() for ref in held] == [None, None]
    finally:
        gc.enable()


def test_sibling_spans_a_card_lays_out_apart_are_separate_words() -> None:
    def text(html: str) -> str:
        return blocks_of(fragment_fromstring(html))[0].text

    assert text("<a><span>Big Agnes</span><span>Anthracite 20 Sleeping Bag</span></a>") == (
        "Big Agnes Anthracite 20 Sleeping Bag"
    )
    assert text("<dd><span>$108</span><span>MSRP: $120</span></dd>") == "$108 MSRP: $120", "a digit, then a capital"
    assert text("<p><span>4 beds</span><span>2 baths</span></p>") == "4 beds 2 baths", "a letter, then a digit"
    assert text("<p><span>child</span><span>ren</span> and <b>Java</b><b>script</b></p>") == (
        "children and Javascript"
    ), "no case or digit break: one word styled in parts"
    assert text("<p>Java<span>Script</span> on the 3<sup>rd</sup> try, H<sub>2</sub>O</p>") == (
        "JavaScript on the 3rd try, H2O"
    ), "text before the element, or an element attached to its word"


def test_a_line_another_element_prints_again_right_after_is_read_once() -> None:
    blurb = "Learn how search engines find and rank pages"
    card = (
        f"<div><a href='/c/4oz'><span>Joco Cup 4oz</span></a><h3>Joco Cup 4oz</h3><span>NEW</span><span>NEW</span>"
        f"<div data-hidden-desktop='true'><p>{blurb}</p></div><div data-hidden-mobile='true'><p>{blurb}</p></div></div>"
    )
    assert [text for _, text, *_ in shapes_of(card)] == ["Joco Cup 4oz", "NEWNEW", blurb]
    assert shapes_of(card)[0][0] == "paragraph"  # the first copy stays, as it was


def test_sentences_code_rows_and_lines_a_break_splits_are_read_twice() -> None:
    said = "<p>The council approved the budget.</p>"
    refrain = "<p>Let it be, let it be<br>Let it be, let it be<br>Whisper words of wisdom</p>"
    code = "<pre>}\n}</pre>"
    table = "<table><tr><td>Yes</td><td>No</td></tr><tr><td>Yes</td><td>No</td></tr></table>"
    texts = [text for _, text, *_ in shapes_of(f"<div>{said}{said}{refrain}{code}{table}</div>")]
    assert texts == [
        "The council approved the budget.",
        "The council approved the budget.",
        "Let it be, let it be",
        "Let it be, let it be",
        "Whisper words of wisdom",
        "}",
        "}",
        "Yes | No",
        "Yes | No",
    ]


def test_a_list_whose_first_item_is_read_once_opens_at_its_next_item() -> None:
    shapes = shapes_of("<div><ul><li>Cotton</li><li>Wool</li></ul><ul><li>Wool</li><li>Linen</li></ul></div>")
    assert [(text, start) for _, text, _, _, _, start in shapes] == [("Cotton", True), ("Wool", False), ("Linen", True)]


def _texts(html: str) -> list[str]:
    return [shape.text for shape in blocks_of(fragment_fromstring(html))]


SLIDE = "<h3>Universal Appeal</h3><p>Increasing attendance at a space museum in small-town Kansas.</p><a>Go</a>"


def test_a_run_printed_again_for_another_screen_is_read_once() -> None:
    """A slider printed once per screen size: each slide's heading, blurb and button twice in a row, by sections of
    different classes. The reader sees one copy; its blurb is a sentence, which a single repeated line keeps."""
    html = f"<div><section class='slide desktop'>{SLIDE}</section><section class='slide mobile'>{SLIDE}</section></div>"
    assert _texts(html) == ["Universal Appeal", "Increasing attendance at a space museum in small-town Kansas.", "Go"]
    clone = f"<div><div class='slick-slide'>{SLIDE}</div><div class='slick-slide slick-cloned'>{SLIDE}</div></div>"
    assert len(_texts(clone)) == 3


def test_entries_of_one_list_printed_alike_both_stay() -> None:
    """Two job cards of one company, or one event under two dates, are printed by elements of one tag and class:
    two entries of the page's list, both kept."""
    card = "<h3>Full-stack developer intern</h3><p>M365connect, Kigali, Rwanda</p><p>16d</p>"
    html = f"<ul><li class='feature'>{card}</li><li class='feature'>{card}</li></ul>"
    assert len(_texts(html)) == 6


def _alike_below_common_ancestor(first: Element, second: Element) -> bool:
    """:func:`_entries` by its definition, walking up: whether the children of the nearest common ancestor toward
    each element are of one tag and class (true when one element holds the other, or when they share no ancestor)."""
    ancestors = list(first.iterancestors())
    above = dict(zip(ancestors, (first, *ancestors), strict=False))  # each ancestor of first: its child toward first
    ancestors = list(second.iterancestors())
    for element, child in zip(ancestors, (second, *ancestors), strict=False):
        if element in above:
            mine = above[element]
            return mine.tag == child.tag and (mine.get("class") or "").split() == (child.get("class") or "").split()
        if element is first:
            return True
    return True


def test_entries_answer_as_the_walk_up() -> None:
    """The lineages a page's pairs are answered through (:func:`_lineage`, each element's ancestors read once) give
    the answer of the walk up: for siblings, cousins, an element and its own child, and every pair of a page (and of
    an element of another tree), against one dict for all the pairs or a fresh one for each."""
    page = fragment_fromstring(
        "<div><ul><li class='a'><p>1</p></li><li class='a  '><p>2</p></li><li class='b'><p>3</p></li></ul>"
        "<ul class='a'><li class='a'><p>4</p></li></ul><section><p class='a'>5</p></section></div>"
    )
    apart = etree.fromstring("<aside><p class='a'>6</p></aside>")  # another tree, no common ancestor (not even <html>)
    elements = [None, *page.iter(), *apart.iter()]
    lineages: dict = {}  # one for all the pairs, as repeated_runs keeps one for a page
    for first in elements:
        for second in elements:
            walked = True if first is None or second is None else _alike_below_common_ancestor(first, second)
            assert _entries(first, second, lineages) == walked, (first, second)
            assert _entries(first, second, {}) == walked, (first, second)


def _tree(draw: st.DrawFn, depth: int = 0) -> str:
    """A random fragment of nested elements of few tags and classes (cards, cousins, an element inside another)."""
    children = draw(st.lists(st.booleans(), max_size=3 if depth < 4 else 0))
    inner = "".join(_tree(draw, depth + 1) for _ in children)
    tag, cls = draw(st.sampled_from(["div", "p", "li"])), draw(st.sampled_from(["", "a", "a b", "b a", "b"]))
    return f"<{tag} class='{cls}'>{inner}</{tag}>"


@settings(max_examples=150, deadline=None)
@given(st.composite(lambda draw: "".join(_tree(draw) for _ in range(draw(st.integers(1, 3)))))())
def test_entries_through_lineages_answer_as_the_walk_up(html: str) -> None:
    """The lineages kept for a page (:func:`_lineage`, each element's ancestors read once) give the walk's answer for
    every pair of a random page, asked in any order against one dict: siblings, cousins, an element and one it holds."""
    elements = list(fragment_fromstring(f"<section>{html}</section>").iter())
    lineages: dict = {}
    for first in elements:
        for second in reversed(elements):
            assert _entries(first, second, lineages) == _alike_below_common_ancestor(first, second), html


def test_a_refrain_broken_by_line_breaks_and_one_repeated_note_stay() -> None:
    """A chorus written out again inside a stanza (lines a <br> breaks) is the text's own, and a note printed under
    each of a docs page's tabs is one line repeated, which :func:`repeats` judges (a sentence stays)."""
    chorus = "Oh the river runs<br>down to the sea tonight<br>"
    html = f"<div><p class='a'>{chorus}{chorus}</p></div>"
    assert len(_texts(html)) == 4
    note = "For more information, see Add bindings to a function."
    tabs = "".join(f"<div class='tab{n}'><p>{note}</p></div>" for n in range(4))
    assert _texts(f"<div>{tabs}</div>") == [note] * 4


def test_a_short_run_twice_stays() -> None:
    """Two short labels twice ('Yes', 'No') are a form's or a table's, under :data:`RUN_WORDS` words."""
    html = "<div><div class='a'><p>Yes</p><p>No</p></div><div class='b'><p>Yes</p><p>No</p></div></div>"
    assert _texts(html) == ["Yes", "No", "Yes", "No"]


def _runs_every_size(shapes: list[Shape], broken: set[int], owners: list | None) -> set[int]:
    """:func:`repeated_runs` as written before it tried only the sizes where the line's text comes again: every
    size from the longest down, the reference the fast path is held to."""
    drop: set[int] = set()
    texts = [shape.text for shape in shapes]
    count = len(shapes)
    index = 0
    while index < count:
        found = 0
        for size in range(min(RUN_MAX_LINES, (count - index) // 2), RUN_LINES - 1, -1):
            if texts[index + size] != texts[index]:
                continue
            if _printed_again(shapes, broken, index, size) and (
                owners is None or not _entries(owners[index], owners[index + size], {})
            ):
                found = size
                break
        if found:
            drop.update(range(index + found, index + 2 * found))
            index += 2 * found
        else:
            index += 1
    return drop


_OWNERS = list(
    fragment_fromstring(
        "<div><p class='a'></p><p class='b'></p><p class='a'></p><div class='a'><p class='a'></p></div>"
        "<div class='b'><p class='a'></p></div></div>"
    ).iter("p", "div")
)  # siblings, cousins under parents alike and not, and the outer div holding them all
_LINE = st.tuples(
    st.sampled_from(["One two three", "Four five", "Six", "Seven eight nine ten", ""]),
    st.sampled_from(["paragraph", "heading", "item", "code"]),
)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.lists(_LINE, max_size=30),
        st.lists(_LINE, min_size=1, max_size=12).map(lambda run: run * 2),
        st.tuples(st.lists(_LINE, max_size=5), st.lists(_LINE, min_size=2, max_size=25)).map(
            lambda parts: parts[0] + parts[1] * 2 + parts[0]
        ),
    ),
    st.sets(st.integers(0, 60), max_size=4),
    st.integers(0, 3),
    st.randoms(use_true_random=False),
)
def test_repeated_runs_tries_only_the_sizes_where_the_text_comes_again(
    lines: list[tuple[str, str]], broken: set[int], with_owners: int, rng
) -> None:
    """Trying only the positions where a line's text comes again finds every run the loop over every size found,
    the longest first, with and without owners (entries of one list, elements of different classes, unknown)."""
    shapes = [Shape(kind, text) for text, kind in lines]  # type: ignore[arg-type]
    owners = [rng.choice([None, *_OWNERS]) for _ in shapes] if with_owners else None
    assert repeated_runs(shapes, broken, owners) == _runs_every_size(shapes, broken, owners)


def test_repeated_runs_past_the_longest_size() -> None:
    """A text that comes again past :data:`RUN_MAX_LINES` lines, or past half the lines left, starts no run; the
    longest run within reach is taken before a shorter one."""
    filler = [Shape("paragraph", f"Line number {n} of the page") for n in range(RUN_MAX_LINES)]
    head = Shape("heading", "A heading of five words")
    far = [head, *filler, head, *filler[:3]]
    assert repeated_runs(far, set()) == _runs_every_size(far, set(), None) == set()
    slide = [head, Shape("paragraph", "A blurb"), head, Shape("paragraph", "Another blurb")]
    assert repeated_runs(slide * 2, set()) == _runs_every_size(slide * 2, set(), None) == {4, 5, 6, 7}
