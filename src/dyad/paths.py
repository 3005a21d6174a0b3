"""Finding the inputs: every path given, and every entry of every folder, accounted for.

Each becomes a regular file to read or a ``Reject`` with a reason. Inside a folder, entries
that are not articles (hidden files, other file types, FIFOs and devices, symbolic links
that lead nowhere or round in a loop) are ``skipped``: reported, not errors. A path named on
the command line that cannot be read is rejected instead, since it was asked for.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.records import Reject

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def printable(path: str | Path) -> str:
    """``path`` as text that can be printed and stored: bytes of a name that are not
    UTF-8 shown as ``\\xe9`` escapes (Python keeps them as lone surrogates, which no
    UTF-8 stream or database accepts)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _valid_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _status(path: Path) -> os.stat_result | Reject:
    """The status of what ``path`` leads to, or why there is none (the reject is not
    yet marked skipped)."""
    origin = printable(path)
    try:
        return os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Reject(origin, "symlink-loop", f"{origin}: symbolic link loop")
        if exc.errno == errno.ENOENT and path.is_symlink():
            target = printable(os.readlink(path))
            return Reject(
                origin, "dangling-symlink", f"{origin}: symbolic link to missing {target}"
            )
        if exc.errno == errno.ENOENT:
            return Reject(origin, "missing", f"{origin}: no such file or folder")
        return Reject(origin, "unreadable", f"{origin}: {exc.strerror}")


def _skip(reject: Reject) -> Reject:
    return Reject(reject.origin, reject.reason, reject.detail, True)


def inputs(paths: Iterable[str | Path]) -> Iterator[Path | Reject]:
    """Yield each regular file to read, and a ``Reject`` for every other path, in order:
    the paths as given, folders walked recursively in sorted order."""
    for p in paths:
        path = Path(p)
        origin = printable(path)
        if not _valid_name(path):
            yield Reject(origin, "bad-filename", f"{origin}: file name is not UTF-8; rename it")
            continue
        st = _status(path)
        if isinstance(st, Reject):
            yield st
        elif stat.S_ISDIR(st.st_mode):
            yield from _walk(path, st)
        elif not stat.S_ISREG(st.st_mode):
            yield Reject(origin, "not-a-file", f"{origin}: not a regular file or folder")
        elif path.suffix.lower() in SUFFIXES or not path.suffix:
            yield path
        else:
            yield Reject(origin, "unsupported", f"{origin}: Dyad reads .txt, .html/.htm and .jsonl")


def _walk(root: Path, root_status: os.stat_result) -> Iterator[Path | Reject]:
    """Depth first in sorted order, without recursion (a deep tree must not raise
    RecursionError); a folder that is its own ancestor through a link is a loop."""

    def key(st: os.stat_result) -> tuple[int, int]:
        return (st.st_dev, st.st_ino)

    def listing(folder: Path) -> Iterator[Path] | Reject:
        try:
            with os.scandir(folder) as entries:
                names = sorted(e.name for e in entries)
        except OSError as exc:
            origin = printable(folder)
            return Reject(origin, "unreadable", f"{origin}: {exc.strerror}")
        return iter([folder / n for n in names])

    first = listing(root)
    if isinstance(first, Reject):
        yield first
        return
    stack: list[tuple[Iterator[Path], frozenset[tuple[int, int]]]] = [
        (first, frozenset([key(root_status)]))
    ]
    while stack:
        entries, ancestors = stack[-1]
        child = next(entries, None)
        if child is None:
            stack.pop()
            continue
        origin = printable(child)
        if child.name.startswith("."):
            yield Reject(origin, "hidden", f"{origin}: hidden (name starts with a dot)", True)
            continue
        if not _valid_name(child):
            yield Reject(origin, "bad-filename", f"{origin}: file name is not UTF-8; rename it")
            continue
        st = _status(child)
        if isinstance(st, Reject):
            yield st if st.reason == "unreadable" else _skip(st)
        elif stat.S_ISDIR(st.st_mode):
            if key(st) in ancestors:
                yield Reject(origin, "symlink-loop", f"{origin}: leads back to a parent", True)
                continue
            found = listing(child)
            if isinstance(found, Reject):
                yield found
            else:
                stack.append((found, ancestors | {key(st)}))
        elif not stat.S_ISREG(st.st_mode):
            yield Reject(origin, "not-a-file", f"{origin}: not a regular file or folder", True)
        elif child.suffix.lower() in SUFFIXES:
            yield child
        else:
            yield Reject(origin, "unsupported", f"{origin}: not .txt/.html/.jsonl", True)
