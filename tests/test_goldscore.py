from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType

import pytest

from declutter import DeclutterError
from declutter.decisions import Cleaned
from declutter.goldscore import (
    PageScore,
    WcxbReport,
    WordScore,
    find_wcxb,
    gold_score,
    load_bodies,
    load_wcxb,
    render_wcxb_table,
    score_wcxb,
    snippets_found,
    summarise_wcxb,
    wcxb_json,
    wcxb_text,
    word_score,
)

from .conftest import BENCH, write_wcxb

# --- ScrapingHub --------------------------------------------------------------------------------------------


def test_gold_score_on_toy_documents() -> None:
    gold = {"a": "one two three four five", "b": "six seven eight nine"}
    assert gold_score(gold, gold).f1 == 1.0
    half = gold_score(gold, {"a": "one two three four five", "b": ""})
    assert half.recall == 0.5
    assert half.precision == 0.5


@pytest.mark.skipif(not BENCH.is_dir(), reason="the shared ScrapingHub benchmark is not beside the checkout")
@pytest.mark.parametrize(
    ("extractor", "published"), [("trafilatura", 0.958), ("readability", 0.922), ("html-text", 0.665)]
)
def test_gold_mode_reproduces_published_f1(extractor: str, published: float) -> None:
    gold = load_bodies(BENCH / "ground-truth.json")
    result = gold_score(gold, load_bodies(BENCH / "output" / f"{extractor}.json"))
    assert round(result.f1, 3) == published


# --- WCXB ---------------------------------------------------------------------------------------------------


def test_word_score_empty_cases() -> None:
    assert word_score("", "") == WordScore(1.0, 1.0, 1.0)
    assert word_score("words", "").f1 == 0.0
    assert word_score("", "words").f1 == 0.0
    assert word_score("...", "!!").f1 == 1.0, "no \\w tokens on either side counts as both empty"


def test_word_score_counts_a_multiset_overlap() -> None:
    score = word_score("a a a b", "A a c")
    assert (score.precision, score.recall) == (0.5, 2 / 3), "a repeated word counts as often as the reference has it"
    assert math.isclose(score.f1, 2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert word_score("x y", "z").f1 == 0.0


def test_snippets_are_case_insensitive_substrings() -> None:
    assert snippets_found("Sign In to comment", ["sign in", "log out", "to Comment"]) == 2


def test_summaries_are_means_over_pages_per_type() -> None:
    pages = (
        PageScore("1", "article", None, WordScore(1.0, 1.0, 1.0), 2, 2, 0, 2),
        PageScore("2", "article", None, WordScore(0.5, 0.5, 0.5), 0, 2, 1, 2),
        PageScore("3", "forum", None, WordScore(0.0, 0.0, 0.0), 0, 0, 0, 0),
    )
    report = WcxbReport(pages)
    assert report.overall.f1 == 0.5, "a mean over pages, not a pooled count"
    assert report.by_type["article"].f1 == 0.75
    assert (report.by_type["article"].with_rate, report.by_type["article"].without_rate) == (0.5, 0.25)
    assert report.by_type["forum"] == summarise_wcxb(pages[2:])
    assert [name for name, _ in report.rows()] == ["all", "article", "forum"]


def test_load_wcxb_finds_the_layout_from_any_level(tmp_path: Path) -> None:
    dev = write_wcxb(tmp_path)
    for path in (tmp_path, dev):
        dataset = load_wcxb(path)
        assert dataset.root == dev
        assert [p.id for p in dataset.pages] == ["0001", "0002", "0003"]
        assert dataset.skipped == ("0004",)
    assert find_wcxb(tmp_path / "nothing") is None
    with pytest.raises(DeclutterError, match="not a WCXB layout"):
        load_wcxb(tmp_path / "nothing")
    collection = load_wcxb(tmp_path, types=["collection"]).pages
    assert [(p.id, p.page_type, p.url) for p in collection] == [("0003", "collection", None)]
    assert "Thread one" in collection[0].html()
    assert len(load_wcxb(tmp_path, limit=2).pages) == 2


def test_a_misspelt_page_type_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    write_wcxb(tmp_path)
    with pytest.raises(DeclutterError, match=r"no page of type 'artcle' \(did you mean 'article'\?\)"):
        load_wcxb(tmp_path, types=["article", "artcle"])


def test_a_truncated_page_names_its_file_instead_of_aborting(tmp_path: Path) -> None:
    dev = write_wcxb(tmp_path)
    page = dev / "html" / "0001.html.gz"
    page.write_bytes(page.read_bytes()[:20])
    [first, *_] = load_wcxb(tmp_path).pages
    with pytest.raises(DeclutterError, match=r"0001\.html\.gz: page HTML: gzip data ends early"):
        first.html()
    page.unlink()
    with pytest.raises(DeclutterError, match=r"0001\.html\.gz: page HTML unreadable: No such file"):
        first.html()


def test_score_wcxb_counts_missing_predictions_as_empty(tmp_path: Path) -> None:
    dataset = load_wcxb(write_wcxb(tmp_path))
    report = score_wcxb(dataset, {"0001": "The red kettle boils fast."})
    assert [p.score.f1 for p in report.pages] == [1.0, 0.0, 0.0]
    assert report.overall.with_rate == 1 / 3
    assert report.skipped == ("0004",)
    data = wcxb_json(report)
    assert data["types"]["article"]["pages"] == 2
    assert data["pages"][0]["id"] == "0001"
    assert "skipped 1 pages without main_content: 0004" in render_wcxb_table(report)


def test_wcxb_text_drops_only_a_title_line() -> None:
    title = MappingProxyType({"title": "Kettles"})
    assert wcxb_text(Cleaned("Kettles\nBody.\n", (), metadata=title)) == "Body.\n"
    assert wcxb_text(Cleaned("Kettles for sale\nBody.\n", (), metadata=title)) == "Kettles for sale\nBody.\n"
    assert wcxb_text(Cleaned("Kettles\nBody.\n", ())) == "Kettles\nBody.\n"


def _run_wcxb_script(tmp_path: Path, cached: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run benchmarks/wcxb.py on a tiny split, with the peer's output for page ``cached`` in a cache."""
    write_wcxb(tmp_path / "bench")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / f"{cached}.txt").write_text("Blue teapots pour slowly.", encoding="utf-8")
    script = Path(__file__).parent.parent / "benchmarks" / "wcxb.py"
    options = ["--only", "declutter", "--peer-cache", str(cache), "--save", str(tmp_path / "out"), *args]
    env = {**os.environ, "PYTHONPATH": str(script.parent.parent)}
    return subprocess.run(
        [sys.executable, str(script), str(tmp_path / "bench"), *options], capture_output=True, text=True, env=env
    )


def test_wcxb_benchmark_script_runs_on_a_tiny_split(tmp_path: Path) -> None:
    """benchmarks/wcxb.py scores with this module's metric; a peer cache stands in for trafilatura."""
    run = _run_wcxb_script(tmp_path, "0002", "--worst", "1")
    assert run.returncode == 0, run.stderr
    assert "trafilatura (cached)" in run.stdout
    assert "declutter's 1 worst pages per type" in run.stdout
    saved = json.loads((tmp_path / "out" / "trafilatura" / "scores.json").read_text(encoding="utf-8"))
    assert [page["f1"] for page in saved["pages"]] == [0.0, 1.0, 0.0]
    assert (tmp_path / "out" / "declutter" / "0001.txt").is_file()


def test_wcxb_benchmark_script_compares_with_another_peer(tmp_path: Path) -> None:
    """``--peer readability`` names the peer whose cached outputs are read, and saves them under its name."""
    run = _run_wcxb_script(tmp_path, "0001", "--peer", "readability")
    assert run.returncode == 0, run.stderr
    assert "readability (cached)" in run.stdout
    assert "trafilatura" not in run.stdout
    assert (tmp_path / "out" / "readability" / "scores.json").is_file()


def test_a_page_read_as_every_gzip_input_is(tmp_path: Path) -> None:
    """The benchmark's pages go through the inputs' gzip reader: bytes after the page that are not gzip are named
    with where they start (its own reader said 'Not a gzipped file'), as for any `.gz` input."""
    dev = write_wcxb(tmp_path)
    page = dev / "html" / "0001.html.gz"
    size = page.stat().st_size
    page.write_bytes(page.read_bytes() + b"junk")
    [first, *_] = load_wcxb(tmp_path).pages
    with pytest.raises(DeclutterError, match=rf"0001\.html\.gz: page HTML: not valid gzip after byte {size:,}"):
        first.html()
