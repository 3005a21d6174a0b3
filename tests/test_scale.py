from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from dyad.coder import Coder
from dyad.ingest import make_document
from dyad.scale import code_on_dask, read_partitions

TEXTS = [
    "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday.",
    "The Kenyan foreign minister criticized Uganda over the border closure on Tuesday.",
    "Japan urged China to release the detained employee.",
    "Mexico and the United States signed a security agreement on Friday.",
    "Brazilian farmers protested against the trade deal in Brasilia.",
]


def test_scale_dask_local_cluster_matches_single_process(tmp_path: Path, coder: Coder) -> None:
    docs = [
        make_document(f"{t} Round {i}.", origin=f"t{i}", published="2024-03-01")
        for i, t in enumerate(TEXTS * 4)
    ]
    n_docs, n_events = code_on_dask(
        docs, tmp_path / "parts", workers=2, batch_size=3, use_config_dir=False
    )
    assert n_docs == len(docs)
    assert len(list((tmp_path / "parts").glob("part-*.parquet"))) == 7
    dask_out = [(d.id, [asdict(e) for e in evs]) for d, evs in read_partitions(tmp_path / "parts")]
    single = [(d.id, [asdict(e) for e in evs]) for d, evs in coder.code(docs)]
    assert dask_out == single
    assert n_events == sum(len(e) for _, e in single) > 0
