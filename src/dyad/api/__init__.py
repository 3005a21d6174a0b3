"""Stage 9, serve: the HTTP API and the web UI over a store, in one FastAPI app.

The library twin of ``dyad serve``::

    import uvicorn
    from dyad.api import Settings, create_app
    from dyad.store import Store

    with Store.open("dyad.db", create=False) as store:
        uvicorn.run(create_app(store, Settings(token="s3cret")), port=8000)

One module per resource (``events``, ``documents``, ``actors``, ``stats``, ``network``,
``stories``), each holding its JSON endpoints and its pages; ``templates/`` and ``static/``
are package data.
"""

from __future__ import annotations

from dyad.optional import require

# Checked here, before any module of the app imports one, so a core install (no ``api``
# extra) gets one line naming the extra, not a traceback from deep in the app.
for _module in ("fastapi", "uvicorn", "jinja2", "httpx2", "fastapi_offline"):
    require(_module, extra="api", feature="the API and web UI (dyad serve)")

from dyad.api.app import SETTINGS, Settings, create_app  # noqa: E402

__all__ = ["SETTINGS", "Settings", "create_app"]
