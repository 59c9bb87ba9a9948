from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from declutter import Cleaner, DeclutterError
from declutter.samples import load_samples, sample_from_text
from declutter.scoring import (
    COLUMNS,
    HEADER,
    LEGEND,
    Score,
    check_gate,
    render_junit,
    render_table,
    score_sample,
    score_samples,
    update_gate,
)

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
    paragraph = "Thousands marched through Tehran on Monday, chanting slogans against the government and its plans"
    paragraph += " for the economy. The strike closed the bazaar."
    text = f" date 2020-01-06 Thousands protest in Tehran over the strike.\n\n{paragraph}\n"
    sample = sample_from_text(text, ["body+dateline", "", "body"], meta={"id": "t"})
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


def test_bundled_samples_score_without_error() -> None:
    report = score_samples(load_samples([Path(__file__).parent.parent / "samples"]), Cleaner())
    assert report.score.tp > 0


def test_update_gate_writes_into_a_fifo_and_does_not_replace_it(tmp_path: Path) -> None:
    """`score --update --baseline /dev/null` renamed a temporary file onto the target: as root, the device itself
    became a regular file. A FIFO stands for the device here (no test writes to /dev)."""
    import os
    import stat
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    report = gate_report(tmp_path, ["share", "", "body", "", "body", "", "newsletter"])
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    writer = threading.Thread(target=update_gate, args=(report, fifo), daemon=True)  # reading a FIFO as old floors
    reader.start()  # would block until a writer came: the test must end all the same
    writer.start()
    writer.join(10)
    reader.join(10)
    assert not writer.is_alive(), "update_gate is stuck on the FIFO"
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert json.loads(got[0])["floors"]
    assert list(tmp_path.iterdir()) == [fifo]


def test_update_gate_names_a_baseline_that_is_not_json(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("floors: 1\n", encoding="utf-8")
    with pytest.raises(DeclutterError, match=r"baseline\.json: baseline is not JSON"):
        update_gate(gate_report(tmp_path, ["share", "", "body", "", "body", "", "newsletter"]), baseline)
