"""The inputs of ``dyad code`` and ``dyad ingest``: files, folders, and ``-`` for standard
input, read at its place among them.

Standard input is one article (plain text or HTML) or JSON Lines, one record a line, told
apart by its first non-blank line unless ``--stdin-format`` says: ``{`` starts JSON Lines,
``<`` HTML, anything else is text. Its records are read as the lines arrive, so a pipe of
any length is coded without being held in memory. Each becomes a ``Document`` or a
``Reject``, as a file's would; their origin is ``<stdin>`` (``<stdin>:LINE`` for JSON
Lines).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, BinaryIO

import typer

from dyad.cli import err

if TYPE_CHECKING:
    from dyad.records import Document, Reject

STDIN = "-"
ORIGIN = "<stdin>"
STDIN_FORMATS = ("auto", "text", "html", "jsonl")
BOM = b"\xef\xbb\xbf"  # UTF-8's, which Windows tools write first

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        metavar="PATH",
        help="Files or folders (.txt, .html, .jsonl), or - to read standard input.",
        show_default=False,
    ),
]
StdinFormatOption = Annotated[
    str,
    typer.Option(
        "--stdin-format",
        help="What - (standard input) holds: text, html, jsonl, or auto: JSON Lines when "
        "its first line starts with {, HTML with <, else one text.",
    ),
]


class _Replay:
    """A binary stream whose lines read ahead (to tell its format) are given again first."""

    def __init__(self, head: list[bytes], rest: BinaryIO) -> None:
        self.head = head
        self.rest = rest

    def readline(self, size: int = -1) -> bytes:
        # The lines read ahead came from readline(max_bytes + 1), as ingest's reader asks,
        # so each fits the size it asks again; only the last may be a cut-off long line.
        if self.head:
            return self.head.pop(0)
        return self.rest.readline(size)

    def read(self, size: int) -> bytes:
        ahead = b"".join(self.head)
        self.head = []
        return ahead + self.rest.read(max(0, size - len(ahead)))


class Stdin:
    """Standard input as Dyad's inputs: its format told on first use, then read once."""

    def __init__(self, stream: BinaryIO, fmt: str, *, max_bytes: int) -> None:
        self.stream = stream
        self.fmt = fmt
        self.max_bytes = max_bytes
        self._replay: _Replay | None = None

    def _detect(self) -> _Replay:
        if self._replay is None:
            head: list[bytes] = []
            while line := self.stream.readline(self.max_bytes + 1):
                head.append(line)
                if line.removeprefix(BOM).strip():
                    break
            if self.fmt == "auto":
                first = head[-1].removeprefix(BOM).lstrip() if head else b""
                self.fmt = "jsonl" if first[:1] == b"{" else "html" if first[:1] == b"<" else "text"
            self._replay = _Replay(head, self.stream)
        return self._replay

    def count(self) -> int | None:
        """One input for a text or an HTML page; None (not known before the end) for JSON Lines."""
        self._detect()
        return None if self.fmt == "jsonl" else 1

    def read(self, published: str | None) -> Iterator[Document | Reject]:
        from dyad.errors import InputError, internal_error
        from dyad.records import Reject

        fh = self._detect()
        if self.fmt == "jsonl":
            yield from _jsonl(fh, published=published, max_bytes=self.max_bytes)
            return
        try:
            yield self._one(fh, published)
        except InputError as exc:
            yield Reject(ORIGIN, exc.reason, exc.detail)
        except OSError as exc:
            yield Reject(ORIGIN, "unreadable", f"{ORIGIN}: {exc.strerror}")
        except Exception as exc:  # a bug in reading one input is that input's reject
            yield internal_error(ORIGIN, "reading", exc)

    def _one(self, fh: _Replay, published: str | None) -> Document:
        from dyad.errors import InputError

        # ingest's own readers of a file's bytes, so a page piped in is read as one on disk
        from dyad.ingest import _html_document, decode, make_document

        data = fh.read(self.max_bytes + 1)
        if len(data) > self.max_bytes:
            raise InputError("too-large", f"{ORIGIN}: over the {self.max_bytes:,}-byte limit")
        if self.fmt == "html":
            return _html_document(data, origin=ORIGIN, published=published)
        return make_document(decode(data, origin=ORIGIN), origin=ORIGIN, published=published)


def _jsonl(fh: _Replay, *, published: str | None, max_bytes: int) -> Iterator[Document | Reject]:
    """JSON Lines records as ``dyad.ingest`` reads a ``.jsonl`` file's, from a stream."""
    from dyad.errors import InputError, internal_error
    from dyad.ingest import _jsonl_document, _lines  # as for a .jsonl file, line for line
    from dyad.records import Reject

    for lineno, raw in enumerate(_lines(fh, max_bytes), start=1):  # type: ignore[arg-type]
        origin = f"{ORIGIN}:{lineno}"
        if raw is not None and not raw.strip():
            continue
        try:
            if raw is None:
                raise InputError("too-large", f"{origin}: line over the {max_bytes:,}-byte limit")
            yield _jsonl_document(raw, origin=origin, published=published)
        except InputError as exc:
            yield Reject(origin, exc.reason, exc.detail)
        except Exception as exc:  # one odd record must not end the stream
            yield internal_error(origin, "reading", exc)


class Inputs:
    """The paths a command was given, ``-`` among them standing for standard input."""

    def __init__(self, paths: list[Path], stdin: Stdin | None) -> None:
        self.paths = paths
        self.stdin = stdin

    def count(self) -> int | None:
        """How many inputs there are, for progress bars and the pool's size; None when
        standard input holds JSON Lines, whose length is known only at its end."""
        from dyad.ingest import count

        files = count([p for p in self.paths if str(p) != STDIN])
        if self.stdin is None:
            return files
        n = self.stdin.count()
        return None if n is None else files + n

    def read(self, published: str | None) -> Iterator[Document | Reject]:
        """Every input's document or reject, in the order the paths were given."""
        from dyad.ingest import parse_published, read

        files: list[Path] = []
        for p in self.paths:
            if str(p) != STDIN:
                files.append(p)
                continue
            yield from read(files, published=published)
            files = []
            assert self.stdin is not None
            yield from self.stdin.read(parse_published(published, origin="--published"))
        yield from read(files, published=published)


def inputs_of(paths: list[Path], stdin_format: str, *, stream: BinaryIO | None = None) -> Inputs:
    """The command's inputs, or exit 2 when ``-`` or ``--stdin-format`` is misused."""
    from dyad.ingest import DEFAULT_MAX_BYTES

    if stdin_format not in STDIN_FORMATS:
        err.print(
            f"error: --stdin-format must be one of {', '.join(STDIN_FORMATS)}, not {stdin_format!r}"
        )
        raise typer.Exit(2)
    dashes = sum(str(p) == STDIN for p in paths)
    if dashes > 1:
        err.print("error: - (standard input) can be given only once")
        raise typer.Exit(2)
    if not dashes:
        return Inputs(paths, None)
    if stream is None and sys.stdin is None:  # started with standard input closed
        err.print("error: - reads standard input, which is closed")
        raise typer.Exit(2)
    source = stream if stream is not None else sys.stdin.buffer
    if source.isatty():
        err.print("reading an article from standard input; end it with Ctrl-D")
    return Inputs(paths, Stdin(source, stdin_format, max_bytes=DEFAULT_MAX_BYTES))
