"""Shared fixtures: the bundled rules, the seeds, the shared benchmark (skipped when absent), a tiny WCXB split; and
a check after every test that it left Ctrl-C and SIGTERM as it found them."""

from __future__ import annotations

import gzip
import json
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from declutter import Cleaner, RuleSet

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
BENCH = SHARED / "benchmarks" / "scrapinghub"


@pytest.fixture(autouse=True)
def _interrupts_left_as_found() -> Iterator[None]:
    """A test that leaves Ctrl-C or SIGTERM blocked, or under another handler, fails itself: else a later test of
    interrupts fails instead ('DID NOT RAISE'), far from the cause."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    interrupts = (signal.SIGINT, signal.SIGTERM)
    before = [signal.getsignal(signum) for signum in interrupts], signal.pthread_sigmask(signal.SIG_BLOCK, [])
    yield
    after = [signal.getsignal(signum) for signum in interrupts], signal.pthread_sigmask(signal.SIG_BLOCK, [])
    assert after == before, "the test left the interrupt signals' handlers or mask changed"


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return RuleSet.bundled()


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()


@pytest.fixture
def rule_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a rule file from TOML text and return its path."""

    def write(text: str, name: str = "test.toml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def write_wcxb(root: Path) -> Path:
    """A three-page WCXB split under ``root/dev``: two articles, a category page (a collection) without
    file_id or url, and one ground truth without main_content (skipped)."""
    dev = root / "dev"
    (dev / "html").mkdir(parents=True)
    (dev / "ground-truth").mkdir()
    pages = {
        "0001": ("article", "https://a.example/one", "The red kettle boils fast."),
        "0002": ("article", "https://b.example/two", "Blue teapots pour slowly."),
        "0003": ("category", None, "Thread one. Thread two."),
    }
    for key, (page_type, url, text) in pages.items():
        html = f"<html><body><a href='/login'>Sign in</a><p>{text}</p></body></html>"
        (dev / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
        truth: dict[str, object] = {
            "ground_truth": {"main_content": text, "with": ["red kettle"], "without": ["Sign in"]},
            "_internal": {"page_type": {"primary": page_type}},
        }
        if url:
            truth |= {"url": url, "file_id": key}
        (dev / "ground-truth" / f"{key}.json").write_text(json.dumps(truth))
    (dev / "ground-truth" / "0004.json").write_text(
        json.dumps({"ground_truth": {"with": []}, "_internal": {"page_type": {"primary": "article"}}})
    )
    return dev
