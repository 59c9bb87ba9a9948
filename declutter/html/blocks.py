"""Blocks: the text of each block-level element of the content, in document order."""

from __future__ import annotations

from lxml.html import HtmlElement

from declutter.html.tree import BLOCK_TAGS, MAX_DEPTH, SKIP, squeeze


def blocks_of(element: HtmlElement) -> list[str]:
    """Text of each block-level element, inline content joined, in document order (a plain recursion appending
    to a list costs less than nested generators)."""
    blocks: list[str] = []
    parts: list[str] = []

    def flush() -> None:
        text = squeeze("".join(parts))
        parts.clear()
        if text:
            blocks.append(text)

    def walk(node: HtmlElement, depth: int) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIP or not tag:
            if node.tail:
                parts.append(node.tail)
            return
        block = tag in BLOCK_TAGS and depth < MAX_DEPTH
        if block and parts:
            flush()
        if tag == "br":
            if parts:
                flush()
        elif tag in ("td", "th"):
            parts.append(" ")
        text = node.text
        if text:
            parts.append(text)
        for child in node:
            walk(child, depth + 1)
        if block and parts:
            flush()
        tail = node.tail
        if tail:
            parts.append(tail)

    walk(element, 0)
    flush()
    return blocks
