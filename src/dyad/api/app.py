"""The FastAPI application: the API and the web UI over one store, built by ``create_app``."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
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
from dyad.records import Document, Event, Reject
from dyad.store import DocumentCoder, Store


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
        # spaCy pipelines are not safe to share between threads: one request codes at a
        # time. Storing needs no lock here: the store's own write lock orders writers
        # (``dyad.store.locking``), so one request's write overlaps the next one's coding.
        self.coder_lock = threading.Lock()

    def kb(self) -> KnowledgeBase:
        with self._lock:
            if self._kb is None:
                self._kb = load_kb()
            return self._kb

    def coder(self) -> DocumentCoder:
        """The coder, for one thread at a time (see ``coder_lock``)."""
        with self._lock:
            if self._coder is None:
                from dyad.coder import Coder

                coder = Coder.create()
                self._kb = self._kb or coder.kb
                self._coder = coder
            return _OneAtATime(self._coder, self.coder_lock)


class _OneAtATime:
    """A coder whose every call holds ``lock``; results are read whole inside it."""

    def __init__(self, coder: DocumentCoder, lock: threading.Lock) -> None:
        self.coder = coder
        self.lock = lock

    def code(
        self, documents: Iterable[Document], *, on_reject: Callable[[Document, Reject], None]
    ) -> Iterator[tuple[Document, list[Event]]]:
        with self.lock:
            found = list(self.coder.code(documents, on_reject=on_reject))
        return iter(found)


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
    app = FastAPI(
        title="Dyad",
        version=__version__,
        summary="PLOVER political events coded from news, each tied to the sentence that says so.",
        docs_url=None,
        redoc_url=None,
        responses=errors.ERROR_RESPONSES,
    )
    app.state.settings = settings
    app.state.resources = Resources(store, settings, coder=coder, kb=kb)
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
