from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from declutter import SampleError
from declutter.document import split_lines
from declutter.samples import format_sample, load_sample, load_samples, sample_from_text

from .conftest import ROOT


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.text(st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=30), min_size=1),
    st.booleans(),
)
def test_sample_files_round_trip_byte_for_byte(tmp_path: Path, lines: list[str], final_newline: bool) -> None:
    text = "\n".join(lines) + ("\n" if final_newline else "")
    raw = split_lines(text) or [""]  # a text holding no line feed ends its lines at its CRs
    labels = ["body" if line.strip() else "" for line in raw]
    path = tmp_path / "x.sample"
    path.write_bytes(format_sample(sample_from_text(text, labels, meta={"id": "x"})).encode("utf-8"))
    assert load_sample(path).text == text


def test_a_text_ending_its_lines_in_cr_alone_keeps_them_in_its_sample(tmp_path: Path) -> None:
    text = "Share\rThe article.\r"  # classic Mac OS: the cleaner reads it line by line, and so does its sample
    path = tmp_path / "x.sample"
    path.write_bytes(format_sample(sample_from_text(text, ["share", "body"], meta={"id": "x"})).encode("utf-8"))
    assert "# line-end: cr" in path.read_text(encoding="utf-8")
    assert [line.label for line in load_sample(path).lines] == ["share", "body"]
    assert load_sample(path).text == text


def write(tmp_path: Path, body: str) -> Path:
    text = "Share\n\nThe article.\n"
    sample = sample_from_text(text, ["share", "", "body"], meta={"id": "x"})
    path = tmp_path / "x.sample"
    path.write_text(format_sample(sample).replace("share       | Share", body), encoding="utf-8")
    return path


def test_malformed_label_names_the_file_line(tmp_path: Path) -> None:
    with pytest.raises(SampleError, match=r"x\.sample:5: unknown category 'shares'"):
        load_samples([write(tmp_path, "shares      | Share")])


def test_edited_text_breaks_the_checksum(tmp_path: Path) -> None:
    with pytest.raises(SampleError, match="labels do not match the text"):
        load_samples([write(tmp_path, "share       | Shared")])


def test_missing_separator_and_unlabelled_text(tmp_path: Path) -> None:
    with pytest.raises(SampleError, match=r"x\.sample:5: row without"):
        load_samples([write(tmp_path, "share Share")])
    with pytest.raises(SampleError, match=r"x\.sample:5: line has text but no label"):
        load_samples([write(tmp_path, "            | Share")])


def test_no_samples_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SampleError, match="no samples found"):
        load_samples([tmp_path])


def test_bundled_samples_load_and_cover_enough_sites() -> None:
    samples = load_samples([ROOT / "samples"])
    benchmark = [s for s in samples if s.id.startswith("sh-")]
    assert len(benchmark) >= 60
    assert len({s.domain for s in benchmark}) >= 40
    splits = {s.meta.get("split") for s in samples}
    assert splits == {"dev", "test"}
    for sample in samples:
        assert sample.path is not None
        assert sample.path.parent.name == sample.meta.get("split")
