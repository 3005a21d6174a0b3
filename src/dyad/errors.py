"""Exceptions and the closed set of reasons an input can be rejected for."""

from __future__ import annotations

import logging

from dyad.records import Reject

log = logging.getLogger("dyad")

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
    "bad-filename": "the file name is not valid UTF-8",
    "not-a-file": "the path is not a regular file or folder (a FIFO, socket or device)",
    "symlink-loop": "a symbolic link leads round in a loop",
    "dangling-symlink": "a symbolic link points to nothing",
    "hidden": "a hidden file or folder (its name starts with a dot) inside a folder",
    "too-long-for-parser": "the text has a stretch too long to parse without whitespace",
    "internal-error": "Dyad failed on this input (the exception class is named); a bug",
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


class CodingError(DyadError):
    """Coding one document failed; ``reject`` says why (raised when no one takes rejects)."""

    def __init__(self, reject: Reject) -> None:
        super().__init__(reject.detail)
        self.reject = reject


def internal_error(origin: str, stage: str, exc: Exception) -> Reject:
    """The reject of an input that made Dyad raise: the exception's class and message
    (cut short: some messages quote the whole input), the traceback logged at DEBUG level
    for a bug report."""
    log.debug("%s failed on %s", stage, origin, exc_info=exc)
    message = str(exc)
    if len(message) > 200:
        message = message[:200] + "..."
    detail = f"{origin}: {stage} failed with {type(exc).__name__}: {message}"
    return Reject(origin, "internal-error", detail)
