"""Stage 1, read: files, folders, HTML and JSON Lines into ``Document`` records.

Every input ends as a ``Document`` or a ``Reject`` with a reason code; nothing is dropped
silently. Reading streams: a folder or a large JSON Lines file is never held in memory whole.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dyad.errors import InputError, internal_error
from dyad.paths import HTML_SUFFIXES, JSONL_SUFFIXES, inputs
from dyad.records import Document, Reject

DEFAULT_MAX_BYTES = 5_000_000  # one article; a JSON Lines file is limited per line instead
_MIN_WORDS_FOR_LANGUAGE_CHECK = 25
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise(text: str) -> str:
    """The text a document id is computed from: NFKC, whitespace collapsed, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def document_id(text: str) -> str:
    return "doc_" + hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]


def parse_published(value: object, *, origin: str) -> str | None:
    """Accept an ISO date or timestamp; return its date part, or raise ``bad-date``."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            pass
    raise InputError("bad-date", f"{origin}: published date {value!r} is not YYYY-MM-DD")


def decode(data: bytes, *, origin: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError("binary", f"{origin}: contains NUL bytes; is it a binary file?")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Legacy encodings (cp1252, latin-1 ...) are common in news archives; charset_normalizer
    # guesses them far better than a hand-written list of fallbacks would.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(
            "undecodable", f"{origin}: not UTF-8 and no other encoding fits; re-save it as UTF-8"
        )
    return str(best)


def _looks_english(text: str) -> bool:
    """Cheap screen for non-English text: the share of English function words.

    Written by hand because a language-id model would be a heavy dependency for a yes/no
    gate; English news prose runs at 35-50% stop words, other languages far below 10%.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    # Capitalised words are mostly names, which belong to no language: a lead sentence
    # such as "Brazilian President Luiz Inacio Lula da Silva met Chinese President Xi
    # Jinping in Beijing ..." is half names.
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text) if not w[0].isupper()]
    if len(words) < _MIN_WORDS_FOR_LANGUAGE_CHECK:
        return True
    return sum(w in STOP_WORDS for w in words) / len(words) >= 0.15


def _split_title(text: str) -> str | None:
    """A first paragraph of one short line without a final full stop is a headline."""
    first, sep, _rest = text.strip().partition("\n")
    if sep and len(first) <= 200 and not first.rstrip().endswith((".", "!", "?", ":")):
        return first.strip() or None
    return None


def make_document(
    text: str,
    *,
    origin: str,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: str | None = None,
    source_id: str | None = None,
) -> Document:
    if not text.strip():
        raise InputError("empty", f"{origin}: no text to code")
    if "\x00" in text:  # PostgreSQL stores no NUL in text; no article holds one
        raise InputError("binary", f"{origin}: contains NUL characters; is it binary data?")
    for name, value in (("text", text), ("title", title), ("url", url), ("source", source)):
        check_storable(value, origin=origin, field=name)
    if not _looks_english(text):
        raise InputError("not-english", f"{origin}: text does not look like English; skipped")
    return Document(
        id=document_id(text),
        text=text,
        title=title or _split_title(text),
        url=url,
        source=source,
        published=published,
        origin=origin,
        source_id=source_id,
    )


def _html_document(data: bytes, *, origin: str, published: str | None) -> Document:
    import trafilatura

    html = decode(data, origin=origin)
    try:
        extracted = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
        result = extracted.as_dict() if extracted is not None else None
    except Exception as exc:  # trafilatura raises many lxml errors on broken markup
        raise InputError("bad-html", f"{origin}: HTML could not be parsed ({exc})") from exc
    if not result or not (result.get("text") or "").strip():
        raise InputError("bad-html", f"{origin}: no article text found in the HTML")
    body = result["text"]
    title = result.get("title")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    own_date = result.get("date")
    date = parse_published(own_date, origin=origin) if own_date else published
    return make_document(
        text,
        origin=origin,
        title=title,
        url=result.get("url"),
        source=result.get("sitename"),
        published=date,
    )


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of ``fh``; None for one over ``max_bytes``, read past without holding it."""
    while raw := fh.readline(max_bytes + 1):
        if len(raw) <= max_bytes or raw.endswith(b"\n"):
            yield raw
            continue
        while (rest := fh.readline(max_bytes)) and not rest.endswith(b"\n"):
            pass
        yield None


def _jsonl_documents(
    path: Path, *, published: str | None, max_bytes: int
) -> Iterator[Document | Reject]:
    with path.open("rb") as fh:
        for lineno, raw in enumerate(_lines(fh, max_bytes), start=1):
            origin = f"{path}:{lineno}"
            if raw is not None and not raw.strip():
                continue
            try:
                if raw is None:
                    raise InputError(
                        "too-large", f"{origin}: line over the {max_bytes:,}-byte limit"
                    )
                yield _jsonl_document(raw, origin=origin, published=published)
            except InputError as err:
                yield Reject(origin=origin, reason=err.reason, detail=err.detail)
            except Exception as exc:  # one odd record must not end the file
                yield internal_error(origin, "reading", exc)


def _jsonl_document(raw: bytes, *, origin: str, published: str | None) -> Document:
    line = decode(raw, origin=origin)
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError("bad-json", f"{origin}: invalid JSON ({exc.msg})") from exc
    except ValueError as exc:  # an integer of more digits than Python converts
        raise InputError("bad-json", f"{origin}: unreadable JSON ({exc})") from exc
    except RecursionError as exc:
        raise InputError("bad-json", f"{origin}: JSON nested too deeply") from exc
    if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
        raise InputError("bad-record", f"{origin}: each line needs an object with a 'text' string")
    fields = {k: _str_or_none(rec.get(k)) for k in ("title", "url", "source")}
    for value in (rec["text"], *fields.values()):
        check_storable(value, origin=origin)
    date = parse_published(rec.get("published"), origin=origin) or published
    own = rec.get("id")
    # An id may be a number in the user's data; it comes back as text, never as a bool.
    source_id = str(own) if isinstance(own, str | int) and not isinstance(own, bool) else None
    check_storable(source_id, origin=origin, field="id")
    return make_document(
        rec["text"], origin=origin, published=date, source_id=source_id or None, **fields
    )


def check_storable(value: str | None, *, origin: str, field: str = "a string") -> None:
    """Refuse what no database stores and no UTF-8 output can hold: lone surrogates (JSON
    escapes such as ``\\ud800`` spell them) and, in the fields beside the text, NUL
    characters (PostgreSQL refuses them: one would fail the whole batch's transaction)."""
    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            "undecodable", f"{origin}: {field} holds an unpaired surrogate escape"
        ) from exc
    if "\x00" in value:
        raise InputError("binary", f"{origin}: {field} contains NUL characters")


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _read_file(path: Path, *, published: str | None, max_bytes: int) -> Iterator[Document | Reject]:
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl_documents(path, published=published, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                "too-large", f"{origin}: {size:,} bytes is over the {max_bytes:,}-byte limit"
            )
        data = path.read_bytes()
        if suffix in HTML_SUFFIXES:
            yield _html_document(data, origin=origin, published=published)
        else:
            yield make_document(decode(data, origin=origin), origin=origin, published=published)
    except InputError as err:
        yield Reject(origin=origin, reason=err.reason, detail=err.detail)
    except OSError as exc:
        yield Reject(origin=origin, reason="unreadable", detail=f"{origin}: {exc.strerror}")
    except Exception as exc:  # whatever one file does, the next is read
        yield internal_error(origin, "reading", exc)


def read(
    paths: Iterable[str | Path],
    *,
    published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | Reject]:
    """Yield a ``Document`` or a ``Reject`` for every input found under ``paths``.

    Folders are walked recursively in sorted order; inside them, entries that are not
    articles (other file types, hidden files, FIFOs, broken or looping symbolic links) are
    reported as rejects with ``skipped`` set, so a README beside the articles is visible in
    the summary without failing the run (``dyad.paths``).
    """
    default_date = parse_published(published, origin="--published") if published else None
    for item in inputs(paths):
        if isinstance(item, Reject):
            yield item
        else:
            yield from _read_file(item, published=default_date, max_bytes=max_bytes)


def count(paths: Iterable[str | Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """How many inputs ``read`` will yield documents or rejects for, without decoding them:
    one per path, one per non-blank JSON Lines line. Used for progress bars."""
    n = 0
    for item in inputs(paths):
        if isinstance(item, Path) and item.suffix.lower() in JSONL_SUFFIXES:
            try:
                with item.open("rb") as fh:
                    n += sum(1 for line in _lines(fh, max_bytes) if line is None or line.strip())
            except OSError:
                n += 1
        else:
            n += 1
    return n
