"""Outputs: Markdown and HTML rebuilt from the kept lines' shapes; read back, they hold the text output's words."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import lxml.html
import pytest
from typer.testing import CliRunner

import declutter
from declutter import Action, Cleaned, Decision, apply, render
from declutter.cli import app
from declutter.outputs import md_escape, to_markdown
from declutter.structure import Shape

markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py (the dev extra) reads the Markdown back")
PARSER = markdown_it.MarkdownIt("commonmark").enable("table")
runner = CliRunner()

PAGE = """<!DOCTYPE html><html><head><title>Cooking rice - Kitchen</title></head><body>
<nav><a href="/">Home</a> <a href="/recipes">Recipes</a></nav>
<article><h1>Cooking rice well</h1>
<p>Rice is a staple for billions of people, and cooking it well takes a little <a href="/care">care</a>.</p>
<p>Share</p>
<h2>Steps</h2>
<ol start="3"><li>Rinse the rice three times under cold water.
  <ul><li>Use a fine sieve</li><li>Drain well, then <em>rest</em> it</li></ul></li>
<li>Boil water, then add the rice and salt.</li></ol>
<h3>Timing</h3>
<table><thead><tr><th>Rice</th><th>Minutes</th></tr></thead>
<tbody><tr><td>White</td><td>15</td></tr><tr><td>Brown</td><td>40</td></tr></tbody></table>
<div class="highlight highlight-source-go"><pre>func cook() {
    boil(2)

    rest()
}</pre></div>
<blockquote><p>Good rice needs patience, said the chef.</p><p>And a lid that fits.</p></blockquote>
<p>Stars * and _under_ [brackets] &amp; a # or 1. at no start | pipes.</p>
<p>Story continues below advertisement</p>
</article></body></html>"""


def words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def markdown_text(markdown: str) -> str:
    return str(lxml.html.fragment_fromstring(PARSER.render(markdown), create_parent="div").text_content())


def tokens(markdown: str) -> list[tuple[str, str, str]]:
    return [(t.type, t.tag, t.info) for t in PARSER.parse(markdown)]


@pytest.fixture(scope="module")
def result() -> declutter.Cleaned:
    return declutter.explain(PAGE)


def test_markdown_holds_the_text_outputs_words(result: declutter.Cleaned) -> None:
    markdown = render(result, "markdown")
    assert words(markdown_text(markdown)) == words(result.text)
    assert "Story continues" not in markdown
    assert "Share" not in markdown
    assert "Story continues" not in render(result, "html")


def test_headings_lists_tables_code_and_quotes_come_back(result: declutter.Cleaned) -> None:
    markdown = render(result, "markdown")
    found = tokens(markdown)
    assert [tag for kind, tag, _ in found if kind == "heading_open"] == ["h1", "h2", "h3"]
    lists = [(kind, tag) for kind, tag, _ in found if kind.endswith("list_open")]
    assert lists == [("ordered_list_open", "ol"), ("bullet_list_open", "ul")]
    assert "3. Rinse the rice" in markdown
    assert "   - Use a fine sieve" in markdown
    assert ("table_open", "table", "") in found
    assert markdown.count("| --- | --- |") == 1
    assert ("fence", "code", "go") in found
    assert "    boil(2)\n\n    rest()" in markdown  # indentation and blank lines kept
    assert [kind for kind, _, _ in found].count("blockquote_open") == 1  # two paragraphs, one quote
    assert "[care](</care>)" in markdown


def test_text_output_keeps_a_table_row_on_one_line(result: declutter.Cleaned) -> None:
    assert "Rice | Minutes" in result.text.split("\n")
    assert "White | 15" in result.text.split("\n")


def test_html_output_is_a_whole_escaped_document(result: declutter.Cleaned) -> None:
    page = render(result, "html")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<script" not in page
    assert "<style" not in page
    root = lxml.html.document_fromstring(page)
    assert [h.tag for h in root.iter("h1", "h2", "h3")] == ["h1", "h2", "h3"]
    assert root.find(".//ol").get("start") == "3"
    assert root.find(".//ol/li/ul/li") is not None
    assert [c.text for c in root.iter("th")] == ["Rice", "Minutes"]
    assert root.find(".//pre/code").get("class") == "language-go"
    assert len(root.findall(".//blockquote/p")) == 2
    assert "&amp; a #" in page


def test_special_characters_are_text_again_after_parsing(result: declutter.Cleaned) -> None:
    line = "Stars * and _under_ [brackets] & a # or 1. at no start | pipes."
    assert line in markdown_text(render(result, "markdown"))
    for text in ("# not a heading", "1. not a list", "- not an item", "> not a quote", "<b>not html</b>", "a &amp; b"):
        assert markdown_text(md_escape(text)).strip() == text


def test_text_input_gives_escaped_paragraphs_and_no_invented_structure() -> None:
    text = "Share\n\n# Not a heading\n1. Not a list\nA | B\n"
    result = declutter.explain(text)
    markdown = render(result, "markdown")
    assert [kind for kind, _, _ in tokens(markdown) if kind.endswith("_open")] == ["paragraph_open"] * 3
    assert words(markdown_text(markdown)) == words(result.text)
    assert render(result, "text") == result.text
    assert "<p># Not a heading</p>" in render(result, "html")


def test_a_stripped_line_keeps_its_shape_and_a_dropped_line_is_gone() -> None:
    shapes = (
        Shape("heading", "Title", level=1),
        Shape("item", "Posted 2020-01-06 Roads first", depth=1, start=True),
        Shape("item", "Share", depth=1),
    )
    source = "Title\n\nPosted 2020-01-06 Roads first\n\nShare\n"
    decisions = (
        Decision(2, Action.STRIP, "DAT001", "dateline", "a date stamp", 0, 18, "Posted 2020-01-06 "),
        Decision(4, Action.DROP, "SHR001", "share", "the whole line", 0, 5, "Share"),
    )
    result = Cleaned(apply(source, decisions), decisions, source=source, shapes=shapes)
    assert render(result, "markdown") == "# Title\n\n- Roads first\n"


def test_adjacent_lists_stay_apart_and_code_fences_outgrow_backticks() -> None:
    shapes = [
        Shape("item", "a", depth=1, start=True),
        Shape("item", "b", depth=1, start=True),
        Shape("code", "x = ```", code="x = ```", start=True),
    ]
    markdown = to_markdown(shapes)
    assert len([t for t in tokens(markdown) if t[0] == "bullet_list_open"]) == 2
    assert "````\nx = ```\n````" in markdown


def test_unknown_format_is_refused(result: declutter.Cleaned) -> None:
    with pytest.raises(ValueError, match="format must be one of"):
        render(result, "pdf")  # type: ignore[arg-type]


def test_the_command_line_offers_markdown_and_json_carries_it(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    markdown = runner.invoke(app, ["clean", str(page), "--format", "markdown"])
    assert markdown.exit_code == 0, markdown.output
    assert markdown.output.startswith("# Cooking rice well\n")
    assert "```go\n" in markdown.output
    row = json.loads(runner.invoke(app, ["clean", str(page), "--format", "json"]).output)
    assert row["markdown"] == markdown.output
    html = runner.invoke(app, ["clean", str(page), "--format", "html"]).output
    assert html.startswith("<!DOCTYPE html>")
    assert "<h2>Steps</h2>" in html


def test_render_names_what_it_takes() -> None:
    with pytest.raises(TypeError, match="render takes the Cleaned result of explain"):
        render("Body.\n")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize(("parameter", "value"), [("links", None), ("links", "no"), ("images", 1), ("images", None)])
def test_render_flags_take_bools_only(result: declutter.Cleaned, fmt: str, parameter: str, value: object) -> None:
    # links=None read as False and links="no" as True: the flag was guessed from any value's truth
    with pytest.raises(TypeError, match=f"^{parameter} must be True or False, not "):
        render(result, fmt, **{parameter: value})  # type: ignore[arg-type]


def test_render_format_of_the_wrong_type_is_a_type_error(result: declutter.Cleaned) -> None:
    with pytest.raises(TypeError, match=r"^fmt must be one of text, markdown, html"):
        render(result, None)  # type: ignore[arg-type]


def test_render_flags_still_take_bools(result: declutter.Cleaned) -> None:
    assert render(result, "markdown", links=False, images=True) != render(result, "markdown", links=True)
