"""Stage 10, scale: the per-document coder mapped over partitions with Dask distributed.

Documents are read on the client and sent in batches; each Dask worker process builds the
coder (spaCy pipeline and knowledge base) once, codes its batch and writes one Parquet
partition itself, so results never pass through the client. Partitions are numbered by
batch, which makes the output independent of which worker finished first.
``read_partitions`` streams them back in order for loading into the store.

With no scheduler address a ``LocalCluster`` on loopback is started; with one
(``tcp://host:8786``) an existing cluster is used, whose workers must have Dyad installed
and see ``out_dir`` (a shared filesystem path).
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dyad.coder import Result, batches, worker_coder
from dyad.optional import require
from dyad.records import Document, Reject, event_from_dict

PARTITION_GLOB = "part-*.parquet"


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("document_id", pa.string()),
            ("origin", pa.string()),
            ("title", pa.string()),
            ("url", pa.string()),
            ("source", pa.string()),
            ("published", pa.string()),
            ("language", pa.string()),
            ("text", pa.string()),
            ("events_json", pa.string()),  # the events of this document, Dyad's JSON contract
            ("n_events", pa.int32()),
            # Set for a document that could not be coded; its events are then empty.
            ("reject_reason", pa.string()),
            ("reject_detail", pa.string()),
        ]
    )


def code_partition(
    batch: list[Document], path: str, actor_files: tuple[str, ...], use_config_dir: bool
) -> tuple[int, int]:
    """Code one batch and write it as one Parquet file; returns (documents, events).

    A document that cannot be coded is written with its reject, so it is accounted for."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[Any]] = {name: [] for name in _schema().names}
    n_events = 0
    coder = worker_coder([Path(p) for p in actor_files], use_config_dir)
    for doc, result in coder.results(batch, batch_size=len(batch)):
        for field in ("origin", "title", "url", "source", "published", "language", "text"):
            rows[field].append(getattr(doc, field))
        rows["document_id"].append(doc.id)
        rejected = isinstance(result, Reject)
        rows["reject_reason"].append(result.reason if rejected else None)
        rows["reject_detail"].append(result.detail if rejected else None)
        events = [] if isinstance(result, Reject) else result
        rows["events_json"].append(json.dumps([asdict(e) for e in events], ensure_ascii=False))
        rows["n_events"].append(len(events))
        n_events += len(events)
    tmp = Path(path).with_suffix(".tmp")
    pq.write_table(pa.table(rows, schema=_schema()), tmp)
    tmp.replace(path)  # a partition appears whole or not at all
    return len(batch), n_events


def code_on_dask(
    documents: Iterable[Document],
    out_dir: Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    batch_size: int = 64,
    actor_files: Iterable[Path] = (),
    use_config_dir: bool = True,
    on_batch: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Code ``documents`` on Dask, writing Parquet partitions to ``out_dir``.

    Returns (documents, events). ``on_batch(documents, events)`` is called as each batch
    completes (for progress bars). At most ``2 * workers`` batches are in flight, so the
    client's memory does not grow with the corpus.
    """
    # Checked before a cluster starts: its workers write the partitions with pyarrow.
    require("pyarrow", extra="dask", feature="ingest --dask")
    distributed = require("distributed", extra="dask", feature="ingest --dask")
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

    out_dir.mkdir(parents=True, exist_ok=True)
    files = tuple(str(Path(p).resolve()) for p in actor_files)
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            # A free loopback port: None means the default 8787, and a second run (or any
            # Dask dashboard already open) on that port made the cluster fail to start.
            dashboard_address="127.0.0.1:0",
        )
        client = Client(cluster)
    total_docs = total_events = 0
    try:
        slots = max(1, 2 * len(client.scheduler_info().get("workers", {})) or 2 * workers)
        pending: deque[Any] = deque()

        def drain_one() -> None:
            nonlocal total_docs, total_events
            d, e = pending.popleft().result()
            total_docs += d
            total_events += e
            if on_batch:
                on_batch(d, e)

        for n, batch in enumerate(batches(documents, batch_size)):
            path = str(out_dir / f"part-{n:06d}.parquet")
            pending.append(
                client.submit(code_partition, batch, path, files, use_config_dir, pure=False)
            )
            while len(pending) >= slots:
                drain_one()
        while pending:
            drain_one()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return total_docs, total_events


def read_partitions(out_dir: Path) -> Iterator[Result]:
    """Stream (document, events) back from the Parquet partitions, in partition order; a
    document that could not be coded comes with its ``Reject`` in place of events."""
    import pyarrow.parquet as pq

    for part in sorted(out_dir.glob(PARTITION_GLOB)):
        table = pq.read_table(part)
        for row in table.to_pylist():
            doc = Document(
                id=row["document_id"],
                text=row["text"],
                title=row["title"],
                url=row["url"],
                source=row["source"],
                published=row["published"],
                language=row["language"],
                origin=row["origin"],
            )
            if row.get("reject_reason"):
                yield doc, Reject(doc.origin, row["reject_reason"], row["reject_detail"] or "")
            else:
                yield doc, [event_from_dict(e) for e in json.loads(row["events_json"])]
