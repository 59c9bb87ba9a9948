from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from declutter import SampleError
from declutter.document import split_lines
from declutter.samples import format_sample, load_sample, load_samples, sample_from_text, text_sha256

from .conftest import ROOT


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(
            st.text(st.characters(blacklist_characters="\n\r", blacklist_categories=("Cs",)), max_size=30),
            st.sampled_from(["\n", "\r\n", "\r"]),
        ),
        min_size=1,
    ),
    st.booleans(),
)
def test_sample_files_round_trip_byte_for_byte(
    tmp_path: Path, rows: list[tuple[str, str]], final_newline: bool
) -> None:
    """Whatever mix of line ends a text has, its sample gives it back, a row and a label per line."""
    text = "".join(line + end for line, end in rows)
    if not final_newline:
        text = text.removesuffix(rows[-1][1])
    raw = split_lines(text) or [""]
    labels = ["body" if line.strip() else "" for line in raw]
    path = tmp_path / "x.sample"
    path.write_bytes(format_sample(sample_from_text(text, labels, meta={"id": "x"})).encode("utf-8"))
    sample = load_sample(path)
    assert sample.text == text
    assert [line.text for line in sample.lines] == raw


def test_a_text_ending_lines_in_cr_alone_keeps_them_in_its_sample(tmp_path: Path) -> None:
    """The lines ending in a carriage return alone are named in the header; a CR-LF line's CR ends its row."""
    text = "Share\rThe article.\r\nMore.\nEnd\r"
    path = tmp_path / "x.sample"
    sample = sample_from_text(text, ["share", "body", "body", "body"], meta={"id": "x"})
    path.write_bytes(format_sample(sample).encode("utf-8"))
    assert "# cr-lines: 1, 4" in path.read_text(encoding="utf-8")
    assert b"body        | The article.\r\n" in path.read_bytes()
    loaded = load_sample(path)
    assert [(line.label, line.text, line.end) for line in loaded.lines] == [
        ("share", "Share", "\r"),
        ("body", "The article.", "\r\n"),
        ("body", "More.", "\n"),
        ("body", "End", "\r"),
    ]
    assert loaded.text == text


def test_samples_written_before_lines_ended_at_every_cr_still_read(tmp_path: Path) -> None:
    """A classic Mac text's sample said '# line-end: cr'; a text with line feeds kept a lone CR inside its row:
    both read as the same text, the row holding a CR as the lines it holds, each with the row's label."""
    mac = "Share\rThe article.\r"
    header = f"# declutter sample 1\n# id: x\n# sha256: {text_sha256(mac)}\n# line-end: cr\n"
    old = header + "share       | Share\nbody        | The article.\n"
    (tmp_path / "mac.sample").write_text(old, encoding="utf-8")
    assert load_sample(tmp_path / "mac.sample").text == mac
    mixed = "Share\nThe mayor spoke.\rMore to come.\n"
    header = f"# declutter sample 1\n# id: y\n# sha256: {text_sha256(mixed)}\n"
    old = header + "share       | Share\nbody        | The mayor spoke.\rMore to come.\n"
    (tmp_path / "mixed.sample").write_bytes(old.encode("utf-8"))
    sample = load_sample(tmp_path / "mixed.sample")
    assert sample.text == mixed
    assert [(line.number, line.label, line.text) for line in sample.lines] == [
        (1, "share", "Share"),
        (2, "body", "The mayor spoke."),
        (3, "body", "More to come."),
    ]


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
