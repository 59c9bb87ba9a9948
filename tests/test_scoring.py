from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from types import MappingProxyType
from xml.etree import ElementTree

import pytest

from declutter import Cleaner, DeclutterError
from declutter.decisions import Cleaned
from declutter.samples import load_samples, sample_from_text
from declutter.scoring import (
    COLUMNS,
    HEADER,
    LEGEND,
    PageScore,
    Score,
    WcxbReport,
    WordScore,
    check_gate,
    find_wcxb,
    gold_score,
    load_bodies,
    load_wcxb,
    render_junit,
    render_table,
    render_wcxb_table,
    score_sample,
    score_samples,
    score_wcxb,
    snippets_found,
    summarise_wcxb,
    update_gate,
    wcxb_json,
    wcxb_text,
    word_score,
)

from .conftest import BENCH, write_wcxb

TEXT = "Share\n\nThe council met on Monday.\n\nMost people agreed.\n\nSign up for our daily newsletter\n"


def test_score_arithmetic() -> None:
    score = Score(tp=3, fp=1, fn=1, tn=5, tp_chars=30, fp_chars=10, fn_chars=5, tn_chars=90)
    assert score.precision == 0.75
    assert score.recall == 0.75
    assert score.char_precision == 0.75
    assert score.retention == 0.9
    assert (score + score).tp == 6
    assert Score().precision == 1.0, "nothing removed: nothing removed wrongly"


def test_sample_scoring_attributes_rules_and_categories() -> None:
    sample = sample_from_text(TEXT, ["share", "", "body", "", "body", "", "newsletter"], meta={"id": "t"})
    report = score_sample(sample, Cleaner())
    assert (report.score.tp, report.score.fp, report.score.fn, report.score.tn) == (2, 0, 0, 2)
    assert report.by_rule["SHR001"].tp == 1
    assert report.by_category["body"].tn == 2


def test_a_wrongly_removed_line_is_listed_with_its_rule() -> None:
    sample = sample_from_text(TEXT, ["body", "", "body", "", "body", "", "newsletter"], meta={"id": "t"})
    report = score_sample(sample, Cleaner())
    assert report.score.fp == 1
    [error] = report.removed_content
    assert (error.line, error.rule_id) == (1, "SHR001")


def test_span_labels_allow_strips() -> None:
    text = " date 2020-01-06 Thousands protest in Tehran over the strike.\n"
    sample = sample_from_text(text, ["body+dateline"], meta={"id": "t"})
    score = score_sample(sample, Cleaner()).score
    assert score.fp == 0
    assert score.fp_chars == 0
    assert score.tp_chars == 17


def test_the_table_explains_its_columns_under_the_first_table() -> None:
    labels = ["share", "", "body", "", "body", "", "newsletter"]
    sample = sample_from_text(TEXT, labels, meta={"id": "t", "split": "dev"})
    lines = render_table(score_samples([sample], Cleaner())).splitlines()
    assert lines[:3] == [HEADER, lines[1], lines[2]]
    assert lines[1].startswith("all samples")
    assert lines[2].startswith("split dev")
    start = lines.index(LEGEND[0])
    assert start == 4, "right under the overall and split rows"
    assert lines[start : start + len(LEGEND)] == list(LEGEND)
    assert lines.index("per sample") > start
    assert lines.count(LEGEND[0]) == 1, "one legend, not one per table"
    explained = [line[2:].split("  ")[0] for line in LEGEND[1:] if line[2:3] != " " and "  " in line[2:]]
    assert explained == list(COLUMNS), "every column of the header, in its order"
    assert HEADER.split() == " ".join(COLUMNS).split()


def gate_report(tmp_path: Path, labels: list[str]):  # type: ignore[no-untyped-def]
    sample = sample_from_text(TEXT, labels, meta={"id": "t", "split": "dev"})
    return score_samples([sample], Cleaner())


def test_gate_passes_fails_and_refuses_to_lower(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    good = gate_report(tmp_path, ["share", "", "body", "", "body", "", "newsletter"])
    update_gate(good, baseline)
    assert check_gate(good, baseline).ok
    pinned = json.loads(baseline.read_text())
    pinned["floors"]["all.line_recall"] = 1.5
    baseline.write_text(json.dumps(pinned))
    result = check_gate(good, baseline)
    assert not result.ok
    assert any("all.line_recall" in m for m in result.messages)
    with pytest.raises(DeclutterError, match="refusing to lower floors"):
        update_gate(good, baseline)
    update_gate(good, baseline, allow_regression=True)
    assert check_gate(good, baseline).ok


def test_gate_fails_when_samples_change(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    update_gate(gate_report(tmp_path, ["share", "", "body", "", "body", "", "newsletter"]), baseline)
    changed = gate_report(tmp_path, ["share", "", "body", "", "dek", "", "newsletter"])
    result = check_gate(changed, baseline)
    assert not result.ok
    assert "samples changed" in result.messages[0]


def test_gate_never_passes_on_zero_samples() -> None:
    with pytest.raises(DeclutterError, match="no samples"):
        score_samples([], Cleaner())


def test_junit_is_valid_xml(tmp_path: Path) -> None:
    report = gate_report(tmp_path, ["body", "", "body", "", "body", "", "newsletter"])
    root = ElementTree.fromstring(render_junit(report))
    assert root.get("failures") == "1"


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


def test_bundled_samples_score_without_error() -> None:
    report = score_samples(load_samples([Path(__file__).parent.parent / "samples"]), Cleaner())
    assert report.score.tp > 0


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


def test_wcxb_benchmark_script_runs_on_a_tiny_split(tmp_path: Path) -> None:
    """benchmarks/wcxb.py scores with this module's metric; a peer cache stands in for trafilatura."""
    write_wcxb(tmp_path / "bench")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "0002.txt").write_text("Blue teapots pour slowly.", encoding="utf-8")
    script = Path(__file__).parent.parent / "benchmarks" / "wcxb.py"
    args = ["--only", "declutter", "--peer-cache", str(cache), "--worst", "1", "--save", str(tmp_path / "out")]
    env = {**os.environ, "PYTHONPATH": str(script.parent.parent)}
    run = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "bench"), *args], capture_output=True, text=True, env=env
    )
    assert run.returncode == 0, run.stderr
    assert "trafilatura (cached)" in run.stdout
    assert "declutter's 1 worst pages per type" in run.stdout
    saved = json.loads((tmp_path / "out" / "trafilatura" / "scores.json").read_text(encoding="utf-8"))
    assert [page["f1"] for page in saved["pages"]] == [0.0, 1.0, 0.0]
    assert (tmp_path / "out" / "declutter" / "0001.txt").is_file()
