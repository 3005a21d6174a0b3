"""Parsing texts longer than spaCy's ``nlp.max_length``, in pieces.

spaCy refuses a text over ``max_length`` (1,000,000 characters) because the parser and NER
need memory in proportion to it; an article under Dyad's 5 MB limit can be longer. Such a
text is cut into pieces at paragraph boundaries (failing those, line breaks, sentence ends,
then any whitespace), each piece is parsed, and the pieces are joined with
``Doc.from_docs``. Every piece keeps the whitespace that ends it, so the joined ``Doc`` has
exactly the original text and every token's character offset points into the whole
document, as a single parse would give. A text parsed whole is never cut.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from dyad.errors import InputError

# A smaller piece than spaCy's limit keeps the parser's peak memory low; a piece of this
# size holds a few dozen news articles, so context lost at a cut is negligible.
PIECE_CHARS = 100_000

# Boundaries in order of preference; each match ends where the next piece starts.
_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank line: a paragraph break
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s"),  # one character: a run of whitespace may be cut inside
)


def _cut(window: str) -> int | None:
    """Where to end a piece inside ``window``: after its last boundary of the most
    preferred kind found in the window's second half (a piece is never tiny), else after
    the last boundary of any kind; None when the window holds no whitespace at all."""
    half = len(window) // 2
    fallback: int | None = None
    for pattern in _BOUNDARIES:
        ends = [m.end() for m in pattern.finditer(window) if 0 < m.end() < len(window)]
        if not ends:
            continue
        if ends[-1] >= half:
            return ends[-1]
        if fallback is None:
            fallback = ends[-1]
    return fallback


def pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` characters that join back to it.

    Raises ``InputError('too-long-for-parser')`` when a stretch of ``limit`` characters
    holds no whitespace to cut at.
    """
    out: list[str] = []
    start = 0
    while len(text) - start > limit:
        # One character more than a piece holds, so a boundary ending exactly at the
        # limit is found too.
        end = _cut(text[start : start + limit + 1])
        if end is None:
            raise InputError(
                "too-long-for-parser",
                f"{limit:,} characters from offset {start:,} hold no whitespace to cut at",
            )
        out.append(text[start : start + end])
        start += end
    out.append(text[start:])
    return out


def parse_long(nlp: Language, text: str, *, limit: int = PIECE_CHARS) -> Doc:
    """Parse ``text`` of any length as one ``Doc`` (see the module docstring)."""
    parts = pieces(text, min(limit, nlp.max_length))
    doc = Doc.from_docs(list(nlp.pipe(parts, batch_size=1)), ensure_whitespace=False)
    if doc.text != text:  # a broken promise here would misplace every offset after it
        raise RuntimeError("pieces of a long text did not join back to the text")
    return doc
