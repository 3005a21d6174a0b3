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
from dataclasses import dataclass

from dyad.records import Mention

_RUN = re.compile(r"[ \t\u00a0\u2009\u202f]{2,}|[\t\u00a0\u2009\u202f]")


def single_spaced(text: str) -> str:
    """``text`` with each run of spaces, tabs and no-break spaces inside a line one space."""
    return _RUN.sub(" ", text)


@dataclass(frozen=True, slots=True)
class SourceOffsets:
    """Where each character of the parsed text (``single_spaced(source)``) is in
    ``source``."""

    source: str
    at: tuple[int, ...] | None  # None: the parsed text is the source

    @classmethod
    def of(cls, source: str, parsed: str) -> SourceOffsets:
        if parsed == source:
            return cls(source, None)
        at = []
        i = 0
        for ch in parsed:
            # Only whitespace was dropped, and a kept run's first character became " ".
            while source[i] != ch and not (ch == " " and _RUN.match(source[i])):
                i += 1
            at.append(i)
            i += 1
        return cls(source, tuple(at))

    def start(self, parsed: int) -> int:
        if self.at is None:
            return parsed
        return self.at[parsed] if parsed < len(self.at) else len(self.source)

    def end(self, parsed: int) -> int:
        """The source offset just after parsed character ``parsed - 1``."""
        if self.at is None or parsed == 0:
            return parsed
        return self.at[parsed - 1] + 1

    def tell(self, mention: Mention) -> None:
        """Give ``mention``, found in the parsed text, its offsets and sentence in the
        source."""
        if self.at is None:
            return
        mention.start, mention.end = self.start(mention.start), self.end(mention.end)
        mention.trigger_start = self.start(mention.trigger_start)
        mention.trigger_end = self.end(mention.trigger_end)
        mention.sentence = self.source[mention.start : mention.end].strip()
