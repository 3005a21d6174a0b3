from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

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


def test_scale_ingest_dask_stores_what_a_plain_ingest_stores(tmp_path: Path) -> None:
    import sqlalchemy as sa
    from typer.testing import CliRunner

    from dyad.cli import app

    corpus = tmp_path / "in.jsonl"
    corpus.write_text(
        "".join(
            f'{{"text": "{t} Round {i}.", "published": "2024-03-01"}}\n'
            for i, t in enumerate(TEXTS * 2)
        )  # noqa: E501
    )
    stores = {}
    for name, extra in (("plain", ["--workers", "1"]), ("dask", ["--dask", "--workers", "2"])):
        db = f"sqlite:///{tmp_path / name}.db"
        res = CliRunner().invoke(app, ["ingest", str(corpus), "--db", db, *extra])
        assert res.exit_code == 0, res.output
        engine = sa.create_engine(db)
        with engine.connect() as conn:
            stores[name] = conn.execute(sa.text("SELECT id, record FROM events ORDER BY id")).all()
        engine.dispose()
    assert stores["plain"] and stores["plain"] == stores["dask"]
    res = CliRunner().invoke(
        app, ["ingest", str(corpus), "--db", f"sqlite:///{tmp_path}/dask.db", "--dask"]
    )  # noqa: E501
    assert res.exit_code == 0 and f"{len(TEXTS) * 2} already stored" in res.stderr


def test_scale_dask_starts_while_the_default_dashboard_port_is_taken(tmp_path: Path) -> None:
    import socket

    taken = socket.socket()
    try:
        taken.bind(("127.0.0.1", 8787))
    except OSError:
        pytest.skip("port 8787 is in use by something else")
    taken.listen()
    try:
        docs = [make_document(TEXTS[0], origin="t0", published="2024-03-01")]
        n_docs, _ = code_on_dask(docs, tmp_path / "parts", workers=1, use_config_dir=False)
    finally:
        taken.close()
    assert n_docs == 1
