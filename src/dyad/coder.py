"""Compose the stages: documents in, events out. The library twin of ``dyad code``."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from dyad import __version__, nlp
from dyad.actors import KnowledgeBase, load_kb, resolve_document
from dyad.detector.model import shipped
from dyad.errors import CodingError, InputError, internal_error
from dyad.events import extract_events
from dyad.events.candidates import DEFAULT_DETECTION, Detection
from dyad.lifetime import end_with_parent
from dyad.records import Document, Event, Reject
from dyad.spacing import single_spaced

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# A document with its events, or with the reason it could not be coded.
Result = tuple[Document, list[Event] | Reject]
OnReject = Callable[[Document, Reject], None]


@functools.cache
def data_digest() -> str:
    """A digest of every bundled data file, so a lexicon change shows in coder_version."""
    h = hashlib.sha256()
    root = files("dyad").joinpath("data")

    def walk(node, prefix: str) -> None:  # type: ignore[no-untyped-def]
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.is_dir():
                # Export crosswalks (data/exports/) shape output files, not coding: a new
                # one must not mark every stored event as coded by an older coder.
                if prefix == "" and child.name == "exports":
                    continue
                walk(child, f"{prefix}{child.name}/")
            elif not child.name.endswith(".md"):
                h.update(f"{prefix}{child.name}".encode())
                h.update(child.read_bytes())

    walk(root, "")
    return h.hexdigest()[:8]


def coder_version() -> str:
    return f"{__version__}+data.{data_digest()}"


@dataclass
class Coder:
    """Holds what is loaded once per process: the knowledge base (the pipeline is cached).

    ``actor_files`` and ``use_config_dir`` are kept so worker processes can build the same
    knowledge base.
    """

    kb: KnowledgeBase
    actor_files: tuple[Path, ...] = ()
    use_config_dir: bool = True
    detection: Detection = DEFAULT_DETECTION

    @classmethod
    def create(
        cls,
        actor_files: Iterable[Path] = (),
        *,
        use_config_dir: bool = True,
        detection: Detection | None = None,
    ) -> Coder:
        """``detection`` None is Dyad's default (``DEFAULT_DETECTION``)."""
        detection = detection or DEFAULT_DETECTION
        files_ = tuple(Path(p) for p in actor_files)
        if detection != "rules":
            shipped()  # a missing or broken model is a start-up error, not a batch failure
        kb = load_kb(files_, use_config_dir=use_config_dir)
        return cls(kb, files_, use_config_dir, detection)

    def code(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int = 16,
        workers: int = 1,
        on_reject: OnReject | None = None,
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Code documents; yields each with its events, in input order.

        A document that cannot be coded (its parse or its coding raised) is handed to
        ``on_reject`` with a ``Reject`` saying why, and the rest go on; without
        ``on_reject`` it raises ``CodingError``. With ``workers > 1`` whole documents
        (parse and coding) go to a pool of processes, each loading the pipeline once; at
        most ``2 * workers`` batches are in flight, so memory does not grow with the corpus.
        """
        for record, result in self.results(documents, batch_size=batch_size, workers=workers):
            if isinstance(result, Reject):
                if on_reject is None:
                    raise CodingError(result)
                on_reject(record, result)
            else:
                yield record, result

    def results(
        self, documents: Iterable[Document], *, batch_size: int = 16, workers: int = 1
    ) -> Iterator[Result]:
        """Every document, in input order, with its events or with the ``Reject`` that
        says why it could not be coded."""
        if workers <= 1:
            yield from self._code_here(documents, batch_size)
        else:
            yield from self._code_pool(documents, batch_size, workers)

    def _code_here(self, documents: Iterable[Document], batch_size: int) -> Iterator[Result]:
        version = coder_version()
        pipeline = nlp.load()
        for batch in batches(documents, batch_size):
            for record, parsed in zip(batch, _parse(pipeline, batch), strict=True):
                if isinstance(parsed, Reject):
                    yield record, parsed
                else:
                    yield record, self._code_one(record, parsed, version)

    def _code_one(self, record: Document, doc: Doc, version: str) -> list[Event] | Reject:
        try:
            day = dt.date.fromisoformat(record.published) if record.published else None
            actors = resolve_document(doc, self.kb, day=day, title=record.title)
            events = extract_events(
                record, doc, actors, self.kb, version=version, detection=self.detection
            )
            for event in events:  # the input's own id rides along; coding never reads it
                event.source_id = record.source_id
            return events
        except Exception as exc:  # a bug shown by one document must not stop the others
            return internal_error(record.origin, "coding", exc)

    def _code_pool(
        self, documents: Iterable[Document], batch_size: int, workers: int
    ) -> Iterator[Result]:
        import multiprocessing
        from collections import deque
        from concurrent.futures import Future, ProcessPoolExecutor

        from dyad.ingest import make_document

        # fork shares the parent's loaded model pages; spawn where fork does not exist.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if method == "fork":
            # Build the per-process caches (pipeline, gazetteer, lexicons) once here, so
            # forked workers inherit them instead of each building its own.
            warm = make_document("Officials met in Lima on Monday.", origin="<warm-up>")
            list(self._code_here([warm], 1))
        ctx = multiprocessing.get_context(method)
        pending: deque[Future[list[Result]]] = deque()
        pool = ProcessPoolExecutor(
            workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(*self._config(), os.getpid()),
        )
        try:
            for batch in batches(documents, batch_size):
                pending.append(pool.submit(_code_batch, batch, *self._config()))
                while len(pending) >= 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:
            # Stopped (SIGTERM, Ctrl-C, the consumer closed us, an error): the batches in
            # flight are not wanted, and waiting for them would hold the exit for seconds.
            _stop_workers(pool)
            raise
        pool.shutdown()

    def _config(self) -> tuple[tuple[Path, ...], bool, Detection]:
        """What a worker process needs to build the same coder."""
        return self.actor_files, self.use_config_dir, self.detection

    def code_text(self, text: str, *, published: str | None = None) -> list[Event]:
        from dyad.ingest import make_document

        record = make_document(text, origin="<text>", published=published)
        return next(iter(self.code([record])))[1]


def batches(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of up to ``size`` documents, read lazily from ``items``."""
    batch: list[Document] = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# Coders of worker processes (the pool's and Dask's), keyed by their knowledge-base
# configuration: a process-local cache, the standard way to load a model once per worker;
# an entry is never mutated after it is built.
_worker_coders: dict[tuple[tuple[Path, ...], bool, Detection], Coder] = {}


def worker_coder(
    actor_files: Iterable[Path], use_config_dir: bool, detection: Detection = DEFAULT_DETECTION
) -> Coder:
    """This process's coder for that configuration, built on first use."""
    key = (tuple(Path(p) for p in actor_files), use_config_dir, detection)
    if key not in _worker_coders:
        _worker_coders[key] = Coder.create(
            key[0], use_config_dir=use_config_dir, detection=detection
        )
    return _worker_coders[key]


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    # The executor has no public list of its processes or its manager thread; CPython keeps
    # them in _processes and _executor_manager_thread (shutdown clears both: read first).
    procs = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        proc.terminate()
    for proc in procs:
        proc.join(timeout=5)
    # The executor's manager thread sees the workers gone and closes its wake-up pipe; if
    # the interpreter exits meanwhile, its exit hook can write to that pipe as it closes
    # (CPython 3.11 races there: "OSError: Bad file descriptor" printed at exit). Waiting
    # for the thread to end leaves the hook a pipe already marked closed.
    if manager is not None:
        manager.join(timeout=5)


def _init_worker(
    actor_files: tuple[Path, ...], use_config_dir: bool, detection: Detection, parent: int
) -> None:
    end_with_parent(parent)
    # An onnxruntime session is not safe to share across fork: each worker opens its own.
    shipped.cache_clear()
    worker_coder(actor_files, use_config_dir, detection)
    nlp.load()


def _code_batch(
    batch: list[Document], actor_files: tuple[Path, ...], use_config_dir: bool, detection: Detection
) -> list[Result]:
    coder = worker_coder(actor_files, use_config_dir, detection)
    return list(coder.results(batch, batch_size=len(batch)))


def _parse(pipeline: Language, batch: list[Document]) -> list[Doc | Reject]:
    """The parse of each document of ``batch``, or a ``Reject`` for one that fails.

    Texts within spaCy's ``max_length`` are parsed together, as ``nlp.pipe`` batches them;
    longer ones in pieces (``dyad.parse_long``).
    """
    out: list[Doc | Reject | None] = [None] * len(batch)
    whole = [i for i, d in enumerate(batch) if len(d.text) <= pipeline.max_length]
    try:
        texts = [single_spaced(batch[i].text) for i in whole]
        for i, doc in zip(whole, pipeline.pipe(texts, batch_size=max(1, len(texts))), strict=True):
            out[i] = doc
    except Exception:
        # One text that breaks the parser fails the batch; parsed one at a time, only it is lost.
        for i in whole:
            out[i] = _parse_one(pipeline, batch[i])
    pairs = zip(batch, out, strict=True)
    return [_parse_one(pipeline, d) if got is None else got for d, got in pairs]


def _parse_one(pipeline: Language, record: Document) -> Doc | Reject:
    try:
        return nlp.parse_text(record.text, pipeline)
    except InputError as err:
        return Reject(record.origin, err.reason, f"{record.origin}: {err.detail}")
    except Exception as exc:
        return internal_error(record.origin, "parsing", exc)
