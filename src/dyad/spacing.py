"""Runs of spaces inside a line, parsed as one space; offsets told in the source text.

Pages pasted from the web and wire copy carry doubled spaces, tabs and no-break spaces
between words ("The Sudanese  army"). spaCy keeps each such run as a whitespace token,
which the parser attaches anywhere and which splits the noun phrases the actor stage reads
("Sudanese", " ", "army" is no "Sudanese army"). So the parser reads the text with every
run inside a line made one plain space, and what is reported (a mention's sentence and its
offsets) is told in the document's own text, which is stored as it came. Line breaks are
kept: they end sentences (``dyad.nlp``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from dyad.records import Mention

_RUN = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|[\t\u00a0\u2009\u202f]")


def single_spaced(text: str) -> str:
    """``text`` with each run of spaces, tabs and no-break spaces inside a line one space."""
    return _RUN.sub(" ", text)


@dataclass(frozen=True, slots=True)
class SourceOffsets:
    """Where each character of the parsed text (``single_spaced(source)``) is in
    ``source``: from parsed offset ``breaks[k]`` on, ``shifts[k]`` characters further on
    (one step per run of spaces that became one, so a long text costs its runs, not its
    length)."""

    source: str
    breaks: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    @classmethod
    def of(cls, source: str, parsed: str) -> SourceOffsets:
        if parsed == source:
            return cls(source)
        breaks, shifts = [], []
        shift = 0
        for m in _RUN.finditer(source):
            dropped = m.end() - m.start() - 1
            if dropped:
                shift += dropped
                breaks.append(m.start() - (shift - dropped) + 1)
                shifts.append(shift)
        return cls(source, tuple(breaks), tuple(shifts))

    def start(self, parsed: int) -> int:
        k = bisect_right(self.breaks, parsed)
        return parsed + (self.shifts[k - 1] if k else 0)

    def end(self, parsed: int) -> int:
        """The source offset just after parsed character ``parsed - 1``."""
        return self.start(parsed - 1) + 1 if parsed else 0

    def tell(self, mention: Mention) -> None:
        """Give ``mention``, found in the parsed text, its offsets, sentence and trigger
        words in the source."""
        if not self.breaks:
            return
        mention.start, mention.end = self.start(mention.start), self.end(mention.end)
        mention.trigger_start = self.start(mention.trigger_start)
        mention.trigger_end = self.end(mention.trigger_end)
        mention.sentence = self.source[mention.start : mention.end].strip()
        mention.text = self.source[mention.trigger_start : mention.trigger_end]
