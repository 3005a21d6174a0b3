"""Dyad: news reports in, verifiable PLOVER event records out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("dyad")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0"
