"""Does the Markdown hold the same words as the text output? And does each structure come out?

    pip install '.[dev]'     # markdown-it-py reads the Markdown back
    python benchmarks/markdown_words.py ../shared/benchmarks/wcxb/dev [--limit N] [--worst 5]

For every page (``html/*.html.gz``), declutter cleans it once; the Markdown (``declutter.render``) is parsed
back by a CommonMark parser with GFM tables (markdown-it-py), its HTML turned into text, and its ``\\w+``
tokens (lower-cased, as multisets) compared with those of the text output: precision, recall and F1 per page,
then the mean F1 over pages. Beside it, a census: on how many pages each structure (headings by level,
ordered lists, nested lists, tables, code blocks with a language, block quotes, links) is in the page's HTML
and in the Markdown as parsed back.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import time
from collections import Counter
from pathlib import Path

import lxml.html
from markdown_it import MarkdownIt

from declutter import Cleaner, render
from declutter.inputs import decode_html

WORD = re.compile(r"\w+")
PARSER = MarkdownIt("commonmark").enable("table")


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.lower()))


def markdown_text(markdown: str) -> str:
    """The text a reader sees in the Markdown: parsed (CommonMark + GFM tables), rendered, tags dropped."""
    html = PARSER.render(markdown)
    if not html.strip():
        return ""
    return str(lxml.html.fragment_fromstring(html, create_parent="div").text_content())


def f1(text: Counter[str], markdown: Counter[str]) -> tuple[float, float, float]:
    common = sum((text & markdown).values())
    if not text and not markdown:
        return 1.0, 1.0, 1.0
    precision = common / sum(markdown.values()) if markdown else 0.0
    recall = common / sum(text.values()) if text else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if common else 0.0)


def in_markdown(markdown: str) -> set[str]:
    """The structures markdown-it finds in the Markdown."""
    found: set[str] = set()
    lists = 0
    for token in PARSER.parse(markdown):
        if token.type == "heading_open":
            found.add(f"heading {token.tag}")
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            lists += 1
            if lists > 1:
                found.add("nested list")
            if token.type == "ordered_list_open":
                found.add("ordered list")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
        elif token.type == "table_open":
            found.add("table")
        elif token.type == "fence":
            found.add("code" + (" with language" if token.info.strip() else ""))
        elif token.type == "blockquote_open":
            found.add("quote")
        elif token.type == "inline" and any(child.type == "link_open" for child in token.children or ()):
            found.add("link")
    return found


_HTML_MARKS = {
    **{f"heading h{n}": re.compile(rf"<h{n}\b", re.I) for n in range(1, 7)},
    "ordered list": re.compile(r"<ol\b", re.I),
    "nested list": re.compile(r"<li\b(?:(?!</li>).)*?<[uo]l\b", re.I | re.S),
    "table": re.compile(r"<table\b", re.I),
    "code": re.compile(r"<pre\b", re.I),
    "code with language": re.compile(r"class=[\"'][^\"']*\b(?:language-|lang-|highlight-source-)", re.I),
    "quote": re.compile(r"<blockquote\b", re.I),
    "link": re.compile(r"<a\s[^>]*href=", re.I),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench", type=Path, help="a directory with html/*.html.gz")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=5, help="list the N pages with the lowest F1")
    args = parser.parse_args()
    files = sorted((args.bench / "html").glob("*.html.gz"))[: args.limit or None]
    if not files:
        print(f"no pages under {args.bench / 'html'}", file=sys.stderr)
        return 2
    cleaner = Cleaner()
    scores: list[tuple[float, float, float, str]] = []
    in_pages: Counter[str] = Counter()
    out_pages: Counter[str] = Counter()
    started = time.perf_counter()
    for file in files:
        html = decode_html(gzip.decompress(file.read_bytes()), file.name)[0]
        result = cleaner.explain(html, input_format="html")
        markdown = render(result, "markdown")
        precision, recall, score = f1(words(result.text), words(markdown_text(markdown)))
        scores.append((score, precision, recall, file.name))
        in_pages.update(name for name, mark in _HTML_MARKS.items() if mark.search(html))
        out_pages.update(in_markdown(markdown))
    seconds = time.perf_counter() - started
    n = len(scores)
    mean = [sum(s[i] for s in scores) / n for i in range(3)]
    print(
        f"{n} pages in {seconds:.0f} s: Markdown vs text words, "
        f"mean F1 {mean[0]:.4f} (P {mean[1]:.4f}, R {mean[2]:.4f})"
    )
    print(f"pages at F1 1.0: {sum(s[0] == 1.0 for s in scores)}; under 0.9: {sum(s[0] < 0.9 for s in scores)}")
    for score, precision, recall, name in sorted(scores)[: args.worst]:
        print(f"  {name}: F1 {score:.3f} (P {precision:.3f}, R {recall:.3f})")
    print(f"\n{'structure':<20} {'pages (HTML)':>13} {'pages (Markdown)':>17}")
    for name in sorted(set(in_pages) | set(out_pages)):
        print(f"{name:<20} {in_pages.get(name, 0):>13} {out_pages.get(name, 0):>17}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
