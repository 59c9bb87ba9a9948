"""Blocks: each block-level element of the content as one line of text, with its :class:`~declutter.structure.Shape`.

The text rules see one line per block; the shapes keep what the lines were (headings and their levels,
list items with their nesting and numbers, table rows with their cells, code with its language, block
quotes, links and images) so that Markdown and HTML can be rebuilt from the lines the rules keep.

A table is read row by row (one line per row, cells joined by ``" | "``) when it holds data: no cell holds
a nested table, list, heading, code or quote, nor long text. Other tables lay a page out, and their cells'
blocks are read like any others. A ``<pre>`` gives one line per line of code (the rules see code as
plain-text extractions show it, line by line); each shape keeps its line as written, indentation and the
blank lines after it included, so the code block is rebuilt whole.

A line that repeats the line right before it from another element is read once (:func:`repeats`): a page prints
a short block twice in a row, once per screen size, or a card's title in its picture's link and in its heading.
So is a run of lines printed twice in a row by elements of different classes (:func:`repeated_runs`): a slider's
slides once per screen size, a carousel's cloned slide.

>>> from lxml.html import fragment_fromstring
>>> shapes = blocks_of(fragment_fromstring(
...     "<div><h2>Steps</h2><ol><li>Mix <a href='/flour'>flour</a><ul><li>sifted</li></ul></li><li>Bake</li></ol>"
...     "<table><tr><th>Oven</th><th>Time</th></tr><tr><td>180 °C</td><td>40 min</td></tr></table>"
...     "<pre class='language-python'>x = 1\\nprint(x)</pre></div>"))
>>> [(s.kind, s.text, s.level or s.depth) for s in shapes]  # doctest: +NORMALIZE_WHITESPACE
[('heading', 'Steps', 2), ('item', 'Mix flour', 1), ('item', 'sifted', 2), ('item', 'Bake', 1),
 ('row', 'Oven | Time', 0), ('row', '180 °C | 40 min', 0), ('code', 'x = 1', 0), ('code', 'print(x)', 0)]
>>> shapes[1].links, shapes[3].number, shapes[-1].code, shapes[-1].language
((('flour', '/flour'),), 2, 'print(x)', 'python')
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from operator import is_

from declutter.html.tree import BLOCK_TAGS, HEADINGS, MAX_DEPTH, SKIP, Element, all_text, squeeze
from declutter.structure import CELL_SEPARATOR, Shape, ShapeKind
from declutter.text import ends_like_sentence

_LANGUAGE = re.compile(
    r"(?:^|\s)(?:language-|lang-|highlight-source-|brush:\s*|sourceCode\s+(?!sourceCode))([A-Za-z][\w+#.-]*)"
)
"""How pages name a code block's language: ``language-python`` (CommonMark, Prism, highlight.js), ``lang-js``
(Prettify), ``highlight-source-go`` (GitHub), ``brush: ruby`` (SyntaxHighlighter), ``sourceCode python`` (Pandoc)."""

_NOT_DATA = ("table", "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "form")
_STRUCTURED = HEADINGS | {"ul", "ol", "li", "blockquote"}
"""Elements whose blocks are read in a state of their own (a heading level, a list, a quote)."""
_CELL_CHARS = 400
"""A cell holding more text than this is a page's layout, not data."""


def code_language(*elements: Element | None) -> str:
    """The language the first of ``elements`` that names one gives in its class (``""`` when none does).

    >>> from lxml.html import fragment_fromstring
    >>> code_language(fragment_fromstring("<pre class='highlight lang-js'>x</pre>"))
    'js'
    """
    for element in elements:
        if element is None:
            continue
        found = _LANGUAGE.search(element.get("class") or "")
        if found:
            return found[1].lower()
    return ""


_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.-]*):")


def linkable(href: str) -> bool:
    """Whether a link is kept as a link: web and mail addresses and relative ones, not ``javascript:``,
    ``data:`` or ``file:`` (which Markdown readers refuse, printing them as text).

    >>> linkable("/news/a"), linkable("https://x.org"), linkable("javascript:void(0)"), linkable("file:///C:/a")
    (True, True, False, False)
    """
    scheme = _SCHEME.match(href)
    return scheme is None or scheme[1].lower() in ("http", "https", "mailto", "ftp")


def _cells(row: Element) -> list[Element]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def is_data_table(table: Element) -> bool:
    """Whether a table holds data (read row by row) rather than laying out a page (read block by block)."""
    found = table.iter(*_NOT_DATA)  # one scan in C; the table itself comes first
    next(found)
    if next(found, None) is not None:
        return False
    return all(len(all_text(cell)) <= _CELL_CHARS for cell in table.iter("td", "th"))


def _rows(table: Element) -> list[Element]:
    """A table's rows in order: its own, and those of its thead, tbody and tfoot."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows += [row for row in child if row.tag == "tr"]
    return rows


REPEATING_KINDS = frozenset({"code", "row"})
"""Lines that repeat the line above for their own reasons: code (two ``}`` closing two blocks), a table's rows (two
rows of the same values)."""


def repeats(last: Shape | None, new: Shape) -> bool:
    """Whether ``new`` is a copy of the line right before it, read once: the same text, printed by another element
    (the caller's part: a line a ``<br>`` breaks off its block's line above is that block's next line, as a song's
    refrain or a poem's), not a line of code or a table's row (:data:`REPEATING_KINDS`), and not a sentence.

    A page prints a short block twice in a row, one copy per screen size (``data-hidden-desktop`` beside
    ``data-hidden-mobile``), or a card's title in its picture's link and again in its heading: the reader sees it
    once, the text held it twice (:func:`~declutter.html.copies.later_twins` compares blocks of 8 words or more
    only). A line ending like a sentence stays twice: a paragraph printed twice in a row may be the text's own, and
    sparing sentences cost the shops and listings of WCXB dev nothing (round lst19).

    >>> title = Shape("heading", "Joco Cup 4oz", level=3)
    >>> repeats(title, Shape("paragraph", "Joco Cup 4oz")), repeats(Shape("code", "}"), Shape("code", "}"))
    (True, False)
    >>> said = Shape("paragraph", "The council approved the budget.")
    >>> repeats(said, said), repeats(None, said)
    (False, False)
    """
    return (
        last is not None
        and new.text == last.text
        and new.kind not in REPEATING_KINDS
        and last.kind not in REPEATING_KINDS
        and not ends_like_sentence(new.text)
    )


RUN_LINES = 2
"""A run of this many lines or more printed twice in a row is read once (:func:`repeated_runs`)."""
RUN_WORDS = 6
"""… when the run holds this many words: two short labels twice ('Yes', 'No') are a form's or a table's."""
RUN_MAX_LINES = 40
"""The longest run compared: a slide or a card, not a page printed twice (:func:`~declutter.html.copies.later_copies`
takes those)."""


def _entries(first: Element | None, second: Element | None, lineages: dict[Element, _Lineage]) -> bool:
    """Whether two blocks are entries of one list: the elements holding them right below their nearest common
    ancestor are of one tag and class (two job cards of one company, an event listed under two dates), where a
    block printed twice for the screen is printed by elements of different classes ('scroll-slide desktop' and
    'scroll-slide mobile', a carousel's 'slick-cloned' slide). Unknown owners count as entries: nothing is dropped;
    so do an element and one it holds, and two elements of different trees.

    ``lineages`` (one dict for a page's calls, filled as they go) holds each element's line of ancestors once
    (:func:`_lineage`): a long list whose entries repeat asks for every pair, and cards of one page are asked again
    and again (a card's heading against each later copy's), none of them walked up more than once.

    >>> from lxml.html import fragment_fromstring
    >>> page = fragment_fromstring("<div><div class='card'><h3>A</h3></div><div class='card x'><h3>A</h3></div></div>")
    >>> first, second = page.iter("h3")
    >>> _entries(first, second, {}), _entries(first.getparent(), page[1], {}), _entries(first, first.getparent(), {})
    (False, False, True)
    """
    if first is None or second is None or first is second:
        return True
    elements, kinds = lineages.get(first) or _lineage(first, lineages)  # most are known: no call
    others, other_kinds = lineages.get(second) or _lineage(second, lineages)
    try:  # where the two lines part: the children of the nearest common ancestor toward each element
        at = [*map(is_, elements, others)].index(False)
    except ValueError:  # one element holds the other
        return True
    return at == 0 or kinds[at] == other_kinds[at]  # no common ancestor, or the children's tag and class


_Lineage = tuple[tuple[Element, ...], tuple[tuple[str, tuple[str, ...]], ...]]
"""An element's ancestors from the root down and the element itself, with each one's tag and class names."""


def _lineage(element: Element, lineages: dict[Element, _Lineage]) -> _Lineage:
    """``element``'s :data:`_Lineage`, from ``lineages`` or made from its parent's (which is kept there too): the
    elements of a page's cards share their ancestors, each read once. The dict holds the elements, so each keeps
    one proxy (lxml gives the same object for a node while one is held) and ``is`` compares nodes."""
    if element in lineages:
        return lineages[element]
    above: list[Element] = []  # element and its ancestors up to the first one known, nearest first
    node: Element | None = element
    while node is not None and node not in lineages:
        above.append(node)
        node = node.getparent()
    elements, kinds = lineages[node] if node is not None else ((), ())
    for node in reversed(above):
        elements = (*elements, node)
        kinds = (*kinds, (node.tag, tuple((node.get("class") or "").split())))
        lineages[node] = (elements, kinds)
    return lineages[element]


def repeated_runs(shapes: list[Shape], broken: set[int], owners: list[Element | None] | None = None) -> set[int]:
    """The positions in ``shapes`` of the second copy of each run of :data:`RUN_LINES` lines or more (and
    :data:`RUN_WORDS` words) printed twice in a row: a slider's slides printed once per screen size (a studio's
    'desktop' and 'mobile' sections, each slide's heading, blurb and button), a cloned carousel, a teaser card
    printed again by its hover layer. The reader sees one copy.

    :func:`repeats` reads one line printed twice once unless it ends like a sentence; a run of lines printed twice
    is a copy even when its lines are sentences (a slide's blurb). A line of code or a table's row
    (:data:`REPEATING_KINDS`) never belongs to a run, nor does a line a ``<br>`` broke off its block (``broken``:
    the positions of such lines): a song's chorus or a poem's refrain written out again is the text's own. A run
    of one line printed again and again is :func:`repeats`' to judge (a docs page's note under each language's tab).
    With ``owners`` (the element that printed each line), copies printed by entries of one list (:func:`_entries`:
    two job cards alike) stay. Only the sizes at which the line's text comes again are tried (its later positions,
    found by bisection), not each of the 39 sizes: most pages print no line twice, and on WCXB's the loop over
    every size took 0.6% of the extraction.

    >>> slide = [Shape("heading", "Universal Appeal", level=3), Shape("paragraph", "A museum in small-town Kansas.")]
    >>> sorted(repeated_runs([Shape("heading", "Work"), *slide, *slide, Shape("paragraph", "Next.")], set()))
    [3, 4]
    >>> repeated_runs([*slide, *slide], {2, 3}), repeated_runs(slide[1:] * 2, set())
    (set(), set())
    """
    drop: set[int] = set()
    texts = [shape.text for shape in shapes]
    count = len(shapes)
    if len(set(texts)) == count:  # no line printed twice (most pages): no run either
        return drop
    where: dict[str, list[int]] = {}  # each text: its positions, in order
    for position, text in enumerate(texts):
        where.setdefault(text, []).append(position)
    lineages: dict[Element, _Lineage] = {}  # each owner's ancestors, read once for the page (:func:`_entries`)
    index = 0
    while index < count:
        found = 0
        same = where[texts[index]]
        # the sizes a run could have here, longest first: those whose second copy starts with this line's text
        at = bisect_right(same, index + min(RUN_MAX_LINES, (count - index) // 2)) - 1 if len(same) > 1 else -1
        while at >= 0 and same[at] >= index + RUN_LINES:
            size = same[at] - index
            at -= 1
            # The owners first: a long list of entries alike offers a run at every distance its entries repeat at,
            # and each was compared line by line before its owners said it is the list's own (quadratic).
            if owners is not None and _entries(owners[index], owners[index + size], lineages):
                continue
            if _printed_again(shapes, broken, index, size):
                found = size
                break
        if found:
            drop.update(range(index + found, index + 2 * found))
            index += 2 * found
        else:
            index += 1
    return drop


def _printed_again(shapes: list[Shape], broken: set[int], index: int, size: int) -> bool:
    """Whether the ``size`` lines from ``index`` are a run :func:`repeated_runs` reads once: printed again right
    after them (the same texts, of the same kinds), none of them code or a table's row, no line of the copy broken
    off its block, :data:`RUN_WORDS` words or more, and more than one text.

    >>> card = [Shape("heading", "Universal Appeal", level=3), Shape("paragraph", "A museum in small-town Kansas.")]
    >>> _printed_again(card * 2, set(), 0, 2), _printed_again(card * 2, {3}, 0, 2)
    (True, False)
    """
    first, second = shapes[index : index + size], shapes[index + size : index + 2 * size]
    return (
        all(a.text == b.text and a.kind == b.kind for a, b in zip(first, second, strict=True))
        and not any(s.kind in REPEATING_KINDS for s in first)
        and not any(index + size + offset in broken for offset in range(size))
        and sum(len(s.text.split()) for s in first) >= RUN_WORDS
        and len({s.text for s in first}) > 1
    )


def blocks_of(element: Element) -> list[Shape]:
    """Every block of ``element``, in document order: its text (inline content joined, spaces squeezed)
    and its shape (:func:`blocks_and_repeats` without the copies it read once)."""
    return blocks_and_repeats(element)[0]


def blocks_and_repeats(element: Element) -> tuple[list[Shape], list[Shape]]:
    """Every block of ``element`` (:func:`blocks_of`), and the lines left out as copies of the line above
    (:func:`repeats`), for the page's notes: a removal says why. A plain recursion appending to lists costs less
    than nested generators.

    >>> from lxml.html import fragment_fromstring
    >>> kept, copies = blocks_and_repeats(fragment_fromstring("<div><a href=/c>Joco Cup</a><h3>Joco Cup</h3></div>"))
    >>> [shape.text for shape in kept], [shape.text for shape in copies]
    (['Joco Cup'], ['Joco Cup'])
    """
    shapes: list[Shape] = []
    copies: list[Shape] = []
    parts: list[str] = []
    links: list[tuple[str, str]] = []
    images: list[tuple[str, str]] = []
    lists: list[list[int]] = []  # per open list: [ordered, last number, items emitted]
    # "item": the open <li> awaits its first block; "broken": the next line goes on a block a <br> broke, so the line
    # above it is no other element's copy
    state = {"heading": 0, "quote": 0, "item": 0, "flushes": 0, "broken": 0}
    opens: list[Shape] = []  # a copy read once that opened its list: the next item of that list opens it
    broken: set[int] = set()  # positions in shapes of the lines a <br> broke off the line above
    owners: list[Element | None] = []  # per line of shapes: the innermost block element it was read in
    stack: list[Element] = []  # the block elements the walk is in

    def shape(
        kind: ShapeKind,
        text: str,
        *,
        level: int = 0,
        ordered: bool = False,
        number: int = 0,
        start: bool = False,
        cells: tuple[str, ...] = (),
        header: bool = False,
        code: str = "",
        language: str = "",
    ) -> Shape:
        return Shape(
            kind,
            text,
            level,
            len(lists),
            ordered,
            number,
            start,
            state["quote"],
            cells,
            header,
            code,
            language,
            tuple(links),
            tuple(images),
        )

    def emit(new: Shape) -> None:
        if opens:
            if new.kind == opens[0].kind and new.depth == opens[0].depth and not new.start:
                new = replace(new, start=True)
            opens.clear()
        if state["broken"]:
            broken.add(len(shapes))
        if not state["broken"] and repeats(shapes[-1] if shapes else None, new):
            copies.append(new)
            if new.start:
                opens.append(new)
        else:
            shapes.append(new)
            owners.append(stack[-1] if stack else None)
        state["broken"] = 0
        links.clear()
        images.clear()
        state["flushes"] += 1

    def flush() -> None:
        text = squeeze("".join(parts))
        parts.clear()
        if not text:
            return
        if state["item"] and lists:
            ordered, number, emitted = lists[-1]
            lists[-1][2] += 1
            state["item"] = 0
            emit(shape("item", text, ordered=bool(ordered), number=number, start=emitted == 0))
        elif state["heading"] and not lists:
            emit(shape("heading", text, level=state["heading"]))
        else:
            emit(shape("paragraph", text))

    def pre(node: Element) -> None:
        """One code shape per non-blank line of the ``<pre>`` (the first starts the block), each keeping its
        line as written and the blank lines after it."""
        rows: list[list[str]] = []  # [text, code as written]
        for line in _code_text(node).split("\n"):
            text = squeeze(line)
            if text:
                rows.append([text, line.rstrip()])
            elif rows:
                rows[-1][1] += "\n"
        if not rows:
            return
        language = code_language(node, next(node.iter("code"), None), node.getparent())
        state["item"] = 0
        for index, (text, code) in enumerate(rows):
            emit(
                shape(
                    "code",
                    text,
                    code=code.rstrip("\n") if index == len(rows) - 1 else code,
                    language=language,
                    start=index == 0,
                )
            )

    def table(node: Element) -> None:
        first = True
        for child in node:
            if child.tag == "caption":
                walk(child, 1)
                flush()
        for row in _rows(node):
            cells = _cells(row)
            texts = tuple(squeeze(_inline_text(cell, links, images)) for cell in cells)
            if not any(texts):
                continue
            header = all(cell.tag == "th" for cell in cells)
            text = CELL_SEPARATOR.join(t for t in texts if t)
            emit(shape("row", text, cells=texts, header=header, start=first))
            first = False

    def walk(node: Element, depth: int) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIP or not tag:
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in BLOCK_TAGS and depth < MAX_DEPTH
        if block and parts:
            flush()
        if block:
            stack.append(node)
        if block and tag == "pre":
            pre(node)
        elif block and tag == "table" and is_data_table(node):
            table(node)
        elif block and tag in _STRUCTURED:
            _structured(node, tag, depth)
        else:
            if tag == "br":
                if parts:
                    flush()
                state["broken"] = 1  # a <br> is a block tag: its line above was flushed on the way in
            elif tag == "img":
                alt = squeeze(node.get("alt") or "")
                if alt:
                    images.append((alt, node.get("src") or ""))
            if not block and parts and _word_break(node, parts[-1]):
                parts.append(" ")
            text = node.text
            if text:
                parts.append(text)
            href = node.get("href") if tag == "a" else None
            mark, flushes = len(parts), state["flushes"]
            for child in node:
                walk(child, depth + 1)
            if href and state["flushes"] == flushes:
                label = squeeze("".join(parts[mark - (1 if text else 0) :]))
                if label and linkable(href):
                    links.append((label, href))
            if block and parts:
                flush()
        if block:
            stack.pop()
        tail = node.tail
        if tail:
            parts.append(tail)

    def _structured(node: Element, tag: str, depth: int) -> None:
        """Lists, items, quotes and headings: set the state their blocks are read in, walk, restore."""
        saved = dict(state)
        pushed = tag in ("ul", "ol") or (tag == "li" and not lists)
        if tag in ("ul", "ol"):
            start = node.get("start", "1") if tag == "ol" else "1"
            lists.append([tag == "ol", (int(start) - 1) if start.strip().lstrip("-").isdigit() else 0, 0])
        elif tag == "li":
            if not lists:
                lists.append([0, 0, 0])
            current = lists[-1]
            value = node.get("value", "")
            current[1] = int(value) if value.isdigit() else current[1] + 1
            state["item"] = 1
        elif tag == "blockquote":
            state["quote"] += 1
        else:
            state["heading"] = int(tag[1])
        text = node.text
        if text:
            parts.append(text)
        for child in node:
            walk(child, depth + 1)
        if parts:
            flush()
        if pushed:
            lists.pop()
        state.update({key: saved[key] for key in ("heading", "quote", "item")})

    walk(element, 0)
    flush()
    again = repeated_runs(shapes, broken, owners)
    owners.clear()  # the walk's closures hold each other (it calls itself): no element may stay in their cells
    if again:
        copies += [shape for index, shape in enumerate(shapes) if index in again]
        shapes = [shape for index, shape in enumerate(shapes) if index not in again]
    return shapes, copies


def _code_text(node: Element) -> str:
    """A ``<pre>``'s text as written: its text nodes, ``<br>`` as a line break, skipped elements left out."""
    out: list[str] = []
    _code_walk(node, node, out)
    return "".join(out)


def _code_walk(element: Element, node: Element, out: list[str]) -> None:
    """:func:`_code_text`'s walk below ``node``: a function of its own, as a closure calling itself would be a reference
    cycle holding ``node``, and with it the page's tree, until the garbage collector ran."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag and tag not in SKIP:
        if tag == "br":
            out.append("\n")
        if element.text:
            out.append(element.text)
        for child in element:
            _code_walk(child, node, out)
    if element.tail and element is not node:
        out.append(element.tail)


def _inline_text(node: Element, links: list[tuple[str, str]], images: list[tuple[str, str]]) -> str:
    """A table cell's text (skipped elements left out, block children spaced), its links and images collected."""
    out: list[str] = []
    _inline_walk(node, node, out, links, images)
    return "".join(out)


def _inline_walk(
    element: Element,
    node: Element,
    out: list[str],
    links: list[tuple[str, str]],
    images: list[tuple[str, str]],
) -> None:
    """:func:`_inline_text`'s walk below ``node`` (a function of its own, as :func:`_code_walk`)."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag and tag not in SKIP:
        if tag in BLOCK_TAGS:
            out.append(" ")
        elif tag == "img" and (alt := squeeze(element.get("alt") or "")):
            images.append((alt, element.get("src") or ""))
        if element.text:
            out.append(element.text)
        mark = len(out)
        for child in element:
            _inline_walk(child, node, out, links, images)
        href = element.get("href") if tag == "a" else None
        if href and linkable(href):
            label = squeeze((element.text or "") + "".join(out[mark:]))
            if label:
                links.append((label, href))
    if element.tail and element is not node:
        out.append(element.tail)


_ATTACHED = frozenset({"sup", "sub"})
"""Inline elements that belong to the word before or after them: an ordinal's 'rd', a formula's subscript."""


def _word_break(node: Element, before: str) -> bool:
    """Whether an inline element printed right after its previous sibling element, nothing between them, starts a
    new word although no space separates them in the markup: a shop's card sets the brand and the name, the price
    and 'MSRP', the year and the runtime in sibling ``<span>``s that its style lays out apart ('Big Agnes' and
    'Anthracite 20 Sleeping Bag'). The break is read where the words show one: a lower-case letter before an
    upper-case one, or a letter and a digit meeting; a word a page splits for its style ('Java<b>Script</b>',
    'child<span>ren</span>') stays whole. ``before`` is the text gathered so far in the block.

    >>> from lxml.html import fragment_fromstring
    >>> card = fragment_fromstring("<a><span>Big Agnes</span><span>Anthracite 20</span><span>ren</span></a>")
    >>> _word_break(card[1], "Big Agnes"), _word_break(card[2], "Big Agnes Anthracite 20")
    (True, False)
    """
    previous = node.getprevious()
    if previous is None or not isinstance(previous.tag, str) or previous.tag in SKIP or previous.tail:
        return False
    if node.tag in _ATTACHED or previous.tag in _ATTACHED or not before:
        return False
    first = (node.text or squeeze(all_text(node)))[:1]
    last = before[-1]
    if not (first.isalnum() and last.isalnum()):
        return False
    if last.islower() and first.isupper():
        return True
    return last.isascii() and first.isascii() and last.isdigit() != first.isdigit() and not first.islower()
