"""Direct speech: the stretches of an article that are someone's words, not the reporter's.

Quotation marks of every kind the press types are paired within a paragraph (curly, straight,
doubled apostrophes as some wires print them, single quotes); a quote left open at a
paragraph's end runs on into the next paragraph when that one opens with a quotation mark,
as the convention for multi-paragraph quotes has it. A paragraph that ends in a colon after
a reporting verb ("Zelenskiy said:") introduces block quotes: the paragraphs after it are
speech until one reports again ("..., he said") or quotes inline.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from dyad.article.structure import paragraphs

_OPEN_CLOSE = {"“": "”", "«": "»"}
# Closers typed for ”: a double prime or a straight quote after a curly opener.
_ALSO_CLOSES = {"”": ("″", '"'), '"': ("”", "″")}
# A quote of fewer words in lower case is a term the reporter borrows ("a “coup” attempt",
# "were “arrested”"), not speech: what it names is still told by the reporter.
SPEECH_WORDS = 5
_REPORTING = re.compile(
    r"\b(?:said|says|told|added|wrote|tweeted|posted|stated|declared|explained|noted|"
    r"continued|went on|according to|asked)\b",
    re.I,
)
_INTRODUCES = re.compile(
    r"\b(?:said|says|told \w+|added|wrote|tweeted|posted|stated|declared|explained|"
    r"noted|continued|went on|in a statement|in a tweet|the following)\s*:\s*$",
    re.I,
)
_ANY_QUOTE = re.compile(r"[\"“”«»]|''")


@dataclass(frozen=True, slots=True)
class QuoteSpans:
    """Sorted, disjoint character spans of direct speech (quoted terms of a few words left
    out), and the block quotes among them (the paragraphs after "X said:")."""

    spans: tuple[tuple[int, int], ...]
    blocks: tuple[tuple[int, int], ...] = ()

    def inside(self, offset: int) -> bool:
        i = bisect.bisect_right([s for s, _ in self.spans], offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]

    def covers(self, start: int, end: int) -> bool:
        """Whether every word of ``start``..``end`` is inside one quote."""
        i = bisect.bisect_right([s for s, _ in self.spans], start) - 1
        if i < 0:
            return False
        s, e = self.spans[i]
        return s <= start and end <= e


def _inline(text: str, base: int, carried: bool) -> tuple[list[tuple[int, int]], bool]:
    """The quotes of one paragraph, and whether one is left open at its end.

    ``carried``: a quote of the paragraph before is still open (it runs on only when this
    paragraph opens with a quotation mark)."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    open_at: int | None = None
    closer = ""
    if carried and text[:1] in {'"', "“"}:
        open_at, closer, i = 0, "”" if text[0] == "“" else '"', 1
    while i < n:
        ch = text[i]
        two = text[i : i + 2]
        if open_at is None:
            if ch in _OPEN_CLOSE:
                open_at, closer = i, _OPEN_CLOSE[ch]
            elif ch == '"':
                open_at, closer = i, '"'
            elif two == "''" and (i == 0 or not text[i - 1].isalnum()):
                open_at, closer = i, "''"
                i += 1
            elif ch in {"‘", "'"} and _opens_single(text, i):
                open_at, closer = i, "’" if ch == "‘" else "'"
        elif (text.startswith(closer, i) or ch in _ALSO_CLOSES.get(closer, ())) and not (
            closer in {"’", "'"} and text[i + 1 : i + 2].isalpha()  # an apostrophe: "Mexico’s"
        ):
            out.append((base + open_at, base + i + len(closer)))
            i += len(closer) - 1
            open_at = None
        i += 1
    if open_at is not None:
        if closer in {"’", "'"}:  # an unpaired single quote is an apostrophe after all
            return out, False
        out.append((base + open_at, base + n))
        return out, True
    return out, False


def _opens_single(text: str, i: int) -> bool:
    """A single quote after a space or a bracket and before a letter opens a quote; one
    inside a word is an apostrophe ("Mexico's")."""
    return (i == 0 or text[i - 1] in " ([—–-") and text[i + 1 : i + 2].isalpha()


def _sentence_end(text: str, start: int) -> int:
    m = re.compile(r"[.!?](?=\s|$)").search(text, start)
    return m.end() if m else len(text)


def _is_speech(quoted: str) -> bool:
    """A sentence or a long stretch of words; a quoted term is neither ("a “coup”", "were
    “arrested”", "“persona non grata”"). A quote opening in capitals is a sentence of its
    own: "“We will fight on,” she said", a chant."""
    words = quoted.strip("\"“”'‘’«» ").split()
    return len(words) >= SPEECH_WORDS or (len(words) >= 2 and words[0][:1].isupper())


def quote_spans(text: str) -> QuoteSpans:
    spans: list[tuple[int, int]] = []
    blocks: list[tuple[int, int]] = []
    carried = block = False
    for para in paragraphs(text):
        starts_quoted = para.text[:1] in {'"', "“", "«"}
        if carried and not starts_quoted and spans:
            # Left open and not run on: a typo; the quote ends with its sentence.
            s, _e = spans[-1]
            spans[-1] = (s, s + _sentence_end(text[s:_e], 1))
        inline, open_end = _inline(para.text, para.start, carried)
        if block and not inline and not _REPORTING.search(para.text):
            blocks.append((para.start, para.end))
            carried = False
            continue
        block = bool(_INTRODUCES.search(para.text)) and not open_end
        spans.extend(inline)
        carried = open_end
    if carried and spans:
        s, e = spans[-1]
        spans[-1] = (s, s + _sentence_end(text[s:e], 1))
    speech = [(s, e) for s, e in spans if _is_speech(text[s:e])]
    return QuoteSpans(tuple(sorted(speech + blocks)), tuple(blocks))


def has_quote_mark(text: str) -> bool:
    return bool(_ANY_QUOTE.search(text))
