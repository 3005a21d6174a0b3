"""Dyad: news reports in, verifiable PLOVER event records out.

    import dyad
    events = dyad.code("Xi Jinping met Dina Boluarte in Lima on Thursday.", published="2024-11-15")
    events.to_arrow()

``dyad.code``, ``dyad.Store`` and ``dyad.Events`` are loaded on first use (module
``__getattr__``), so ``import dyad`` and ``dyad --version`` stay fast. So is
``__version__``: reading the installed metadata costs a ``dyad --help`` a fifth of its time.
"""

from typing import Any

__all__ = ["Events", "Store", "__version__", "code"]
_LAZY = {"code", "Store", "Events"}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("dyad")
    except PackageNotFoundError:  # running from a source tree without an install
        return "0.0.0"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        globals()["__version__"] = found = _version()
        return found
    if name in _LAZY:
        from dyad import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'dyad' has no attribute {name!r}")
