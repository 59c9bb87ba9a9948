"""Outputs: the cleaned document as plain text, Markdown (CommonMark with GFM tables) or an HTML page.

All three come from the same decisions. Markdown and HTML are rebuilt from the shapes
(:mod:`declutter.structure`) of the lines the decisions keep: a dropped line is gone from every format, a
line that lost a span keeps its shape with its new text. Text input has no shapes: each kept line becomes a
paragraph, escaped, with no structure invented. The HTML is a whole document (``<meta charset="utf-8">``, no
script, no style, every text escaped).

>>> import declutter
>>> result = declutter.explain("<html><body><article><h1>Budget passes</h1><h2>Roads</h2>"
...     "<p>The council approved the budget on Monday after a long debate about roads.</p>"
...     "<ul><li>Roads: +4%</li><li>Taxes: flat</li></ul><p>Share</p></article></body></html>")
>>> print(render(result, "markdown"))
# Budget passes
<BLANKLINE>
## Roads
<BLANKLINE>
The council approved the budget on Monday after a long debate about roads.
<BLANKLINE>
- Roads: +4%
- Taxes: flat
<BLANKLINE>
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from html import escape
from typing import Literal
from urllib.parse import urljoin

from declutter.decisions import Cleaned, kept_lines
from declutter.document import split_lines
from declutter.errors import wrong_type
from declutter.structure import CELL_SEPARATOR, Shape, line_spans, paragraph

Format = Literal["text", "markdown", "html"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "html")


def render(result: Cleaned, fmt: Format = "markdown", *, links: bool = True, images: bool = False) -> str:
    """The cleaned document in ``fmt``: ``text`` (``result.text``), ``markdown`` or ``html``.

    ``links`` keeps the page's links (made absolute against the page's URL when it is known); ``images``
    adds each kept block's images by their alt text (off by default: they are not in the text output). Both
    take a bool: anything else (``None``, ``"no"``, ``0``) raises ``TypeError`` naming the parameter.
    """
    if not isinstance(result, Cleaned):
        raise TypeError(f"render takes the Cleaned result of explain(), not {type(result).__name__}")
    if not isinstance(fmt, str):  # render(result, None) said "format must be one of …, not None" as a ValueError
        raise wrong_type("fmt", fmt, f"one of {', '.join(FORMATS)} (a string)")
    for parameter, flag in (("links", links), ("images", images)):
        if not isinstance(flag, bool):  # links=None read as False, links="no" as True: a flag is said, not guessed
            raise wrong_type(parameter, flag, "True or False")
    if fmt == "text":
        return result.text
    shapes = kept_shapes(result)
    base = result.metadata.get("url")
    if fmt == "markdown":
        return to_markdown(shapes, links=links, images=images, base=base)
    if fmt == "html":
        return to_html(shapes, title=result.metadata.get("title"), links=links, images=images, base=base)
    raise ValueError(f"format must be one of {FORMATS}, not {fmt!r}")


def kept_shapes(result: Cleaned) -> list[Shape]:
    """The shapes of the lines the decisions keep, in order; a line that lost a span gets its new text.

    HTML input: ``result.source`` is the shapes' texts joined by blank lines, so the shapes are walked with
    their line numbers. Text input (or shapes that do not fit the source): one paragraph per kept line.
    """
    source = result.source
    if source is None or not result.shapes:
        return [paragraph(line.strip()) for line in split_lines(result.text) if line.strip()]
    lines = source.split("\n")
    if sum(shape.text.count("\n") + 2 for shape in result.shapes) - 1 != len(lines) - source.endswith("\n"):
        return [paragraph(line.strip()) for line in split_lines(result.text) if line.strip()]
    changed = kept_lines(lines, result.decisions)
    kept: list[Shape] = []
    for shape, span in line_spans(result.shapes):
        if not any(n in changed for n in span):
            kept.append(shape)
            continue
        text = " ".join(changed.get(n, lines[n]).strip() for n in span if changed.get(n, lines[n]).strip())
        if text:
            kept.append(_retext(shape, text))
    return kept


def _retext(shape: Shape, text: str) -> Shape:
    """A shape whose line lost a span: the new text, and the cells or code rebuilt from it."""
    if shape.kind == "row":
        return replace(shape, text=text, cells=tuple(text.split(CELL_SEPARATOR)))
    if shape.kind == "code":
        return replace(shape, text=text, code=text)
    return replace(shape, text=text)


# --- grouping ----------------------------------------------------------------------------------------------


def _units(shapes: Sequence[Shape]) -> Iterator[list[Shape]]:
    """Shapes in output units: a table (rows from a ``start`` row on) or a code block (lines from a ``start``
    line on) is one unit; any other shape is a unit alone."""
    group: list[Shape] = []
    for shape in shapes:
        if group and shape.kind == group[0].kind and not shape.start and shape.quote == group[0].quote:
            group.append(shape)
            continue
        if group:
            yield group
            group = []
        if shape.kind in ("row", "code"):
            group = [shape]
        else:
            yield [shape]
    if group:
        yield group


def _segments(text: str, links: Sequence[tuple[str, str]], base: str | None) -> list[tuple[str, str | None]]:
    """``text`` cut into (piece, href): each link's text found in order after the previous one (a link whose
    text a strip removed is simply not found)."""
    out: list[tuple[str, str | None]] = []
    position = 0
    for label, href in links:
        found = text.find(label, position)
        if found < 0:
            continue
        if found > position:
            out.append((text[position:found], None))
        out.append((label, urljoin(base, href) if base else href))
        position = found + len(label)
    if position < len(text):
        out.append((text[position:], None))
    return out


# --- Markdown -----------------------------------------------------------------------------------------------

_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~])")
_MD_LINE_START = re.compile(r"^(?:([#+=-])|(\d{1,9})([.)]))")


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Text that CommonMark reads back as the same text: the characters that start emphasis, code, links,
    HTML, entities or table cells are escaped, and so is what would start a heading or a list at a line's start.

    >>> md_escape("1. *Not* a list | <b>"), md_escape("# not a heading")
    ('1\\\\. \\\\*Not\\\\* a list \\\\| \\\\<b\\\\>', '\\\\# not a heading')
    """
    text = _MD_ANYWHERE.sub(r"\\\1", text)
    if line_start:
        text = _MD_LINE_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text, count=1)
    return text


def _md_url(url: str) -> str:
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"


def _md_inline(
    text: str,
    shape: Shape,
    links: bool,
    images: bool,
    base: str | None,
    *,
    line_start: bool = True,
) -> str:
    """``text`` escaped, with the shape's links as ``[text](<href>)`` and, when asked, its images."""
    if not links or not shape.links:
        out = md_escape(text, line_start=line_start)
    else:
        out = ""
        for piece, href in _segments(text, shape.links, base):
            escaped = md_escape(piece, line_start=line_start and not out)
            if href is None:
                out += escaped
            else:  # a '!' just before the link would make it an image
                out = (out[:-1] + "\\!" if out.endswith("!") else out) + f"[{escaped}]({_md_url(href)})"
    if images:
        for alt, src in shape.images:
            out += f" ![{md_escape(alt, line_start=False)}]({_md_url(urljoin(base, src) if base else src)})"
    return out


def to_markdown(shapes: Sequence[Shape], *, links: bool = True, images: bool = False, base: str | None = None) -> str:
    """CommonMark (with GFM tables) for the shapes: ATX headings, ``-`` and ``1.`` lists nested by indentation,
    pipe tables with the first row as header, fenced code with its language, ``>`` quotes.

    Adjacent lists alternate their markers (``-``/``*``, ``.``/``)``), which is how CommonMark tells them apart.

    >>> print(to_markdown([Shape("item", "a", depth=1, start=True), Shape("item", "b", depth=2, start=True),
    ...                    Shape("row", "x | y", cells=("x", "y"), start=True)]), end="")
    - a
      - b
    <BLANKLINE>
    | x | y |
    | --- | --- |
    """
    out: list[str] = []
    columns: list[tuple[int, int]] = []  # the open list items: (depth, column where their content starts)
    markers: dict[int, int] = {}  # per depth, how many lists began there
    previous: Shape | None = None
    for unit in _units(shapes):
        shape = unit[0]
        quote = "> " * shape.quote
        parent = shape.depth - 1 if shape.kind == "item" else shape.depth  # the item this shape sits in
        while columns and columns[-1][0] > parent:
            columns.pop()
        indent = " " * (columns[-1][1] if columns else 0)
        tight = (
            previous is not None
            and previous.kind == "item"
            and shape.kind == "item"
            and previous.quote == shape.quote
            and not (shape.start and shape.depth <= previous.depth)
        )
        if previous is not None and not tight:
            out.append(">" * min(previous.quote, shape.quote))
        lines: list[str]
        if shape.kind == "item":
            if shape.start:
                markers[shape.depth] = markers.get(shape.depth, -1) + 1
            alternate = markers.get(shape.depth, 0) % 2
            number = min(max(shape.number, 0), 999_999_999)
            marker = f"{number}{'.)'[alternate]}" if shape.ordered else "-*"[alternate]
            columns.append((shape.depth, len(indent) + len(marker) + 1))
            lines = [f"{marker} {_md_inline(shape.text, shape, links, images, base)}"]
        elif shape.kind == "heading":
            lines = ["#" * min(max(shape.level, 1), 6) + " " + _md_inline(shape.text, shape, links, images, base)]
        elif shape.kind == "code":
            code = _code(unit)
            fence = "`" * max(3, max((len(run) for run in re.findall(r"`+", code)), default=0) + 1)
            lines = [fence + shape.language, *code.split("\n"), fence]
        elif shape.kind == "row":
            lines = _md_table(unit, links, images, base)
        else:
            lines = [_md_inline(shape.text, shape, links, images, base)]
        out += [(quote + indent + line).rstrip() if line else quote.rstrip() for line in lines]
        previous = unit[-1]
    return "\n".join(out) + ("\n" if out else "")


def _code(lines: Sequence[Shape]) -> str:
    """A code block's text: its lines as written, with the blank lines between them."""
    return "\n".join(line.code or line.text for line in lines).rstrip("\n")


def _md_table(rows: Sequence[Shape], links: bool, images: bool, base: str | None) -> list[str]:
    """A GFM pipe table, the first row as its header; every row padded to the widest (GFM drops cells past
    the header's count)."""
    width = max(len(row.cells) or 1 for row in rows)
    out = []
    for index, row in enumerate(rows):
        cells = [
            _md_inline(cell, row, links, False, base, line_start=False) if cell else ""
            for cell in (row.cells or (row.text,))
        ]
        if images and row.images:
            cells[-1] += "".join(f" ![{md_escape(alt, line_start=False)}]({_md_url(src)})" for alt, src in row.images)
        cells += [""] * (width - len(cells))
        out.append("| " + " | ".join(cells) + " |")
        if index == 0:
            out.append("| " + " | ".join(["---"] * width) + " |")
    return out


# --- HTML ---------------------------------------------------------------------------------------------------


def _html_inline(text: str, shape: Shape, links: bool, images: bool, base: str | None) -> str:
    """``text`` escaped, with the shape's links as ``<a href>`` and, when asked, its images."""
    if not links or not shape.links:
        out = escape(text, quote=False)
    else:
        out = "".join(
            f'<a href="{escape(href)}">{escape(piece, quote=False)}</a>' if href is not None else escape(piece, False)
            for piece, href in _segments(text, shape.links, base)
        )
    if images:
        for alt, src in shape.images:
            out += f' <img alt="{escape(alt)}" src="{escape(urljoin(base, src) if base else src)}">'
    return out


def to_html(
    shapes: Sequence[Shape],
    *,
    title: str | None = None,
    links: bool = True,
    images: bool = False,
    base: str | None = None,
) -> str:
    """A whole HTML document for the shapes: ``<meta charset="utf-8">``, the title, and the article with its
    headings, nested lists, tables, code (``class="language-…"``) and block quotes; no script, no style.

    >>> print(to_html([Shape("paragraph", "Fish & chips")]).split("<body>\\n")[1])
    <article>
    <p>Fish &amp; chips</p>
    </article>
    </body></html>
    <BLANKLINE>
    """
    body: list[str] = []
    stack: list[str] = []  # open containers: blockquotes first, then per list level its ul/ol and its li

    def close_to(size: int) -> None:
        while len(stack) > size:
            body.append(f"</{stack.pop()}>")

    def open_tag(tag: str, attributes: str = "") -> None:
        stack.append(tag)
        body.append(f"<{tag}{attributes}>")

    for unit in _units(shapes):
        shape = unit[0]
        quotes = 0
        while quotes < len(stack) and stack[quotes] == "blockquote":
            quotes += 1
        if quotes != shape.quote:
            close_to(min(quotes, shape.quote))
            while len(stack) < shape.quote:
                open_tag("blockquote")
        base_size = shape.quote
        levels = (len(stack) - base_size) // 2  # list levels open, each a ul/ol and its li
        if shape.kind != "item":
            close_to(base_size + 2 * min(levels, shape.depth))
        else:
            tag = "ol" if shape.ordered else "ul"
            if levels >= shape.depth:
                close_to(base_size + 2 * shape.depth)  # down to this depth's li
                if shape.start or stack[-2] != tag:
                    close_to(len(stack) - 2)
                else:
                    close_to(len(stack) - 1)
            while (len(stack) - base_size) // 2 < shape.depth - 1:
                open_tag("ul")
                open_tag("li")
            if len(stack) - base_size == 2 * shape.depth - 2:
                open_tag(tag, f' start="{shape.number}"' if shape.ordered and shape.number != 1 else "")
            open_tag("li")
            body[-1] += _html_inline(shape.text, shape, links, images, base)
            continue
        if shape.kind == "heading":
            level = min(max(shape.level, 1), 6)
            body.append(f"<h{level}>{_html_inline(shape.text, shape, links, images, base)}</h{level}>")
        elif shape.kind == "code":
            language = f' class="language-{escape(shape.language)}"' if shape.language else ""
            body.append(f"<pre><code{language}>{escape(_code(unit), quote=False)}</code></pre>")
        elif shape.kind == "row":
            body.append(_html_table(unit, links, base))
        else:
            body.append(f"<p>{_html_inline(shape.text, shape, links, images, base)}</p>")
    close_to(0)
    head = f"<title>{escape(title, quote=False)}</title>" if title else ""
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + f"{head}</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + ("\n" if body else "")
        + "</article>\n</body></html>\n"
    )


def _html_table(rows: Sequence[Shape], links: bool, base: str | None) -> str:
    """A table: the first row as its head when its cells were ``<th>``."""
    out = ["<table>"]
    for index, row in enumerate(rows):
        cell = "th" if row.header else "td"
        cells = "".join(
            f"<{cell}>{_html_inline(text, row, links, False, base)}</{cell}>" for text in (row.cells or (row.text,))
        )
        if index == 0 and row.header:
            out.append(f"<thead><tr>{cells}</tr></thead><tbody>")
        else:
            out.append(("<tbody>" if index == 0 else "") + f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)
