"""Shared fixtures: the bundled rules, the seeds and the shared benchmark (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from declutter import Cleaner, RuleSet

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
BENCH = SHARED / "benchmarks" / "scrapinghub"


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
