"""Exceptions and the closed set of reasons an input can be rejected for."""

from __future__ import annotations

# Reject reasons are short stable codes so runs can be counted and compared.
REASONS: dict[str, str] = {
    "missing": "no such file or folder",
    "unreadable": "the file could not be read",
    "binary": "the file holds binary data, not text",
    "undecodable": "the text is in an encoding Dyad could not decode",
    "empty": "no text to code",
    "too-large": "the input is larger than the size limit",
    "bad-json": "a JSON Lines record is not valid JSON",
    "bad-record": "a JSON Lines record lacks a usable 'text' field",
    "bad-html": "no article text could be extracted from the HTML",
    "bad-date": "the publication date is not an ISO date (YYYY-MM-DD)",
    "not-english": "the text does not look like English",
    "unsupported": "the file type is not one Dyad reads",
}


class DyadError(Exception):
    """Base class of every error Dyad raises on purpose."""


class DataFileError(DyadError):
    """A bundled or user-supplied data file is malformed."""


class InputError(DyadError):
    """An input cannot be coded; ``reason`` is a key of ``REASONS``."""

    def __init__(self, reason: str, detail: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown reject reason {reason!r}")
        super().__init__(detail)
        self.reason = reason
        self.detail = detail
