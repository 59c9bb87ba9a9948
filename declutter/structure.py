"""What each line of an HTML page's text was in the page: a heading, a paragraph, a list item, a table row, code.

The text rules decide line by line, so the HTML stage emits exactly one :class:`Shape` per line of the text
they see, and the Markdown and HTML outputs (:mod:`declutter.outputs`) rebuild the structure from the shapes
of the lines the rules kept. A removal therefore takes its line out of every format at once.

Two kinds of block do not fit the one-line model as they are:

- a table row is one line, its non-empty cells joined by :data:`CELL_SEPARATOR` (``" | "``); the shape keeps
  the cells, so Markdown and HTML rebuild the table;
- a ``<pre>`` block is one line per line of code (blank lines left out, spaces squeezed, as the rules see
  every line); each ``code`` shape keeps its line as written (indentation, and the blank lines after it), the
  first is marked ``start``, and consecutive code shapes are rebuilt into one fenced block (Markdown) or one
  ``<pre>`` (HTML), with the language when the page names one. A removed line of code is gone from the block.

>>> row = Shape("row", "Name | Age", cells=("Name", "Age"), start=True)
>>> row.text == CELL_SEPARATOR.join(row.cells)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

ShapeKind = Literal["heading", "paragraph", "item", "row", "code"]
CELL_SEPARATOR = " | "
"""Between the cells of a table row on its one line of text: a bar reads as a column break, and no rule
pattern anchored at a line's start or end is confused by it."""


@dataclass(frozen=True, slots=True)
class Shape:
    """One line of the page's text and what it was.

    ``text`` is the line as the rules see it. ``level`` is a heading's level (1–6). ``depth`` is the list
    nesting (1 for a top-level list): an ``item`` at depth *d* is a list item, a ``paragraph`` or ``code`` at
    depth *d* continues the item above it. ``ordered`` and ``number`` say how an item is numbered. ``start``
    marks the first item of a list, the first row of a table or the first line of a code block (a new group
    even right after another). ``quote`` is the block-quote nesting. A ``row`` has its ``cells`` (``header``
    when they are all ``<th>``); a ``code`` line has its line as written (with ``\\n`` for each blank line
    after it) and its ``language``. ``links`` are (text, href) in reading order, and ``images`` (alt, src)
    the images inside the block.
    """

    kind: ShapeKind
    text: str
    level: int = 0
    depth: int = 0
    ordered: bool = False
    number: int = 0
    start: bool = False
    quote: int = 0
    cells: tuple[str, ...] = ()
    header: bool = False
    code: str = ""
    language: str = ""
    links: tuple[tuple[str, str], ...] = ()
    images: tuple[tuple[str, str], ...] = ()


def paragraph(text: str) -> Shape:
    """A plain paragraph: what every line of text input is (no structure is invented for text).

    >>> paragraph("Hello.").kind
    'paragraph'
    """
    return Shape("paragraph", text)


def line_spans(shapes: Iterable[Shape]) -> Iterator[tuple[Shape, range]]:
    """Each shape with the lines it takes in the page's text: the shapes' texts one after another, a blank line
    between two (a code shape's text holds a line break for each blank line after it).

    >>> [(shape.text, list(lines)) for shape, lines in line_spans([paragraph("A"), paragraph("B\\nC"), paragraph("D")])]
    [('A', [0]), ('B\\nC', [2, 3]), ('D', [5])]
    """
    line = 0
    for shape in shapes:
        span = range(line, line + shape.text.count("\n") + 1)
        yield shape, span
        line = span.stop + 1
