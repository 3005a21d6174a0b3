"""The FastAPI application: the API and the web UI over one store, built by ``create_app``."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, fields
from importlib.resources import files
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from dyad import __version__
from dyad.actors import KnowledgeBase, load_kb
from dyad.api import errors
from dyad.api.auth import require_read
from dyad.api.limits import BodyLimit
from dyad.api.query_names import refuse_unknown_query
from dyad.api.security import RequestCheck, SecurityHeaders, allowed_hosts
from dyad.api.write_queue import WriteQueue
from dyad.store import BATCH_SIZE, DocumentCoder, Store


def _setting(default: object, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything ``dyad serve`` can change, with its default and help (see ``SETTINGS``)."""

    token: str | None = _setting(None, "bearer token for writes (and reads when private)")
    private: bool = _setting(False, "reads need the token too")
    max_body_bytes: int = _setting(5_000_000, "largest request body accepted, in bytes")
    max_batch: int = _setting(100, "most documents in one POST /api/documents")
    page_size: int = _setting(50, "events per page when no limit is given")
    timeline_max: int = _setting(1000, "most events drawn on the UI timeline")
    network_max: int = _setting(60, "most edges drawn in the UI network")
    allowed_hosts: tuple[str, ...] = _setting(
        (), "Host names answered besides localhost, 127.0.0.1 and ::1 (* for any)"
    )
    write_batch: int = _setting(
        BATCH_SIZE, "most posted documents coded and stored together in one turn"
    )
    writer_process: bool = _setting(
        True, "posted documents are coded and stored by a worker process (else in the server's)"
    )


# (name, default, help) for each setting, as Datasette's SETTINGS table: docs are tested
# against it.
SETTINGS = tuple((f.name, f.default, f.metadata["help"]) for f in fields(Settings))


class Resources:
    """What the app holds for its lifetime: the store, and the knowledge base and coder,
    loaded on first use (they take seconds, and a read-only server may never need the
    coder)."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        coder: DocumentCoder | None = None,
        kb: KnowledgeBase | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self._coder = coder
        self._kb = kb
        self._lock = threading.Lock()
        # The coder is used by the write queue's one thread only: spaCy pipelines are not
        # safe to share between threads.
        # A given coder (a test's stand-in) codes in this process; so does a store in memory,
        # which no other process can open.
        self._writer = None
        if (
            settings.writer_process
            and coder is None
            and store.engine.url.database
            not in (
                None,
                "",
                ":memory:",
            )
        ):
            from dyad.api.writer_process import WriterProcess

            self._writer = WriterProcess(store)
        self.writes = WriteQueue(
            store, self.coder, max_documents=settings.write_batch, writer=self._writer
        )

    def kb(self) -> KnowledgeBase:
        with self._lock:
            if self._kb is None:
                self._kb = load_kb()
            return self._kb

    def coder(self) -> DocumentCoder:
        with self._lock:
            if self._coder is None:
                from dyad.coder import Coder

                coder = Coder.create()
                self._kb = self._kb or coder.kb
                self._coder = coder
            return self._coder

    def close(self) -> None:
        """Finish the queued writes, then stop the writer's process if there is one."""
        self.writes.close()
        if self._writer is not None:
            self._writer.close()


def _docs_assets() -> StaticFiles:
    # Swagger UI's files from the fastapi-offline package (PyPI), so /docs needs no CDN.
    return StaticFiles(directory=str(files("fastapi_offline") / "static"))


def create_app(
    store: Store,
    settings: Settings | None = None,
    *,
    coder: DocumentCoder | None = None,
    kb: KnowledgeBase | None = None,
) -> FastAPI:
    """The API and web UI over ``store`` (which the caller opens and closes).

    ``coder`` codes submitted documents (default ``dyad.coder.Coder``, created on the first
    write); ``kb`` is the actor knowledge base (default ``load_kb()``, on first use).
    """
    from dyad.api import actors, documents, events, network, session, stats, stories
    from dyad.api.pages import templates

    settings = settings or Settings()
    resources = Resources(store, settings, coder=coder, kb=kb)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        # Requests already queued are coded and stored before the server stops.
        resources.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Dyad",
        version=__version__,
        summary="PLOVER political events coded from news, each tied to the sentence that says so.",
        docs_url=None,
        redoc_url=None,
        responses=errors.ERROR_RESPONSES,
    )
    app.state.settings = settings
    app.state.resources = resources
    errors.install(app)
    # The last added runs first: the Host is checked before the body is read, and every
    # answer, refusals included, leaves with the security headers.
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(RequestCheck, hosts=allowed_hosts(settings.allowed_hosts))
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(packages=[("dyad.api", "static")]), name="static")
    app.mount("/docs-assets", _docs_assets(), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # FastAPI's own page starts Swagger UI from an inline script, which the CSP forbids;
        # this one loads the same bundle and starts it from /static/docs.js.
        return HTMLResponse(templates().get_template("docs.html").render())

    # Reads take the token only on a private server; so only there does the schema say so.
    read = [Depends(require_read)] if settings.private else []
    strict = [Depends(refuse_unknown_query)]
    for module in (events, documents, actors, stats, network, stories):
        app.include_router(module.router, dependencies=[*read, *strict])
    app.include_router(session.router)
    return app
