"""Optional dependencies: each is installed by an extra (``pip install 'dyad[api]'``), and a
feature that needs a missing one says which extra to install, in one line.

The extras, as ``pyproject.toml`` declares them: ``postgres`` (psycopg), ``dask`` (dask,
distributed and pyarrow), ``parquet`` (pyarrow), ``api`` (fastapi, uvicorn, Jinja2, httpx2,
fastapi-offline) and ``all``.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from dyad.errors import DyadError

# The distribution that brings each module, where its name differs from the module's.
DISTRIBUTIONS = {"jinja2": "Jinja2", "fastapi_offline": "fastapi-offline"}


class MissingExtra(DyadError, ImportError):
    """An optional package is not installed; the message names the extra that brings it.

    An ``ImportError`` too, so code that guards an import the usual way catches it."""

    def __init__(self, module: str, extra: str, feature: str) -> None:
        self.module = module
        self.extra = extra
        package = DISTRIBUTIONS.get(module, module)
        super().__init__(
            f"{feature} needs {package}, which is not installed: pip install 'dyad[{extra}]'"
        )


def require(module: str, *, extra: str, feature: str) -> ModuleType:
    """Import ``module``, or raise ``MissingExtra`` naming ``extra`` when it (or a package it
    needs) cannot be imported; ``feature`` is what needs it, as a user would name it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        # A module that is there but fails on one of its own imports (psycopg without its
        # binary wrapper, say) is fixed by the same install.
        raise MissingExtra(module, extra, feature) from exc
