"""The distributed recipe from the README, run on a local Dask cluster (process workers)."""

from __future__ import annotations

import pytest

from declutter import clean, clean_partition

dask_bag = pytest.importorskip("dask.bag")


@pytest.mark.slow
def test_dask_bag_map_partitions_on_local_processes() -> None:
    docs = [f"Share\n\nStory {n}: the council approved the budget on Monday.\n\nSign up here\n" for n in range(200)]
    bag = dask_bag.from_sequence(docs, npartitions=4)
    cleaned = bag.map_partitions(clean_partition).compute(scheduler="processes", num_workers=2)
    assert cleaned == [clean(doc) for doc in docs]
    assert cleaned[7] == "Story 7: the council approved the budget on Monday.\n"
