"""The parts of an article told by its layout: dateline, headlines, furniture, stamps.

Everything here reads the raw text (paragraphs are separated by blank lines or line breaks),
so it costs nothing beside the parse and works on any input the reader accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
_AGENCY = r"\([A-Za-z][A-Za-z .&/-]{0,30}\)"
# EFE and Latin American wires close the dateline with a full stop: "Belgrade (EFE).- ".
_SEP = r"(?:\.?\s*(?:—|–|--|-)|:)"
# Wire agencies, so that "LIMA (Reuters) -" does not read the agency as the city's region.
_AGENCIES = (
    r"(?!(?:AP|AFP|Reuters|UPI|EFE|Xinhua|dpa|DPA|ANI|PTI|IANS|UNI|Bernama|RHC|AA|TASS|"
    r"KCNA|IRNA|Yonhap|Kyodo|ANSA|ABC|BBC|CNN|VOA|RFE/RL|Anadolu|WAM|SPA|QNA|APA)\))"
)
_CAPS_CITY = r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}"
_TITLE_CITY = r"[A-Z][a-z.'-]+(?: [A-Z][a-z.'-]+){0,3}"
_QUAL = r"[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}"
# "LIMA, Dec 8 (Reuters) -", "SEOUL, South Korea (AP) —", "NEW DELHI:", "PARIS, Texas —".
_CAPS_DATELINE = re.compile(
    rf"(?P<city>{_CAPS_CITY})(?:,\s*(?P<qual>{_QUAL}))??(?:,?\s*(?P<date>{_DATE}))?"
    rf"(?:\s*\({_AGENCIES}(?P<region>[A-Z][A-Za-z ]+)\))?\s*(?:{_AGENCY})?\s*{_SEP}+\s+"
)
# In title case a place opens the text only as a dateline when a date or an agency follows:
# "Lima, December 20 (RHC)--", "Bikaner (Rajasthan):"; else "Peru, which ..." would be one.
_TITLE_DATELINE = re.compile(
    rf"(?P<city>{_TITLE_CITY})(?:,\s*(?P<qual>{_QUAL}))??"
    rf"(?:(?:,?\s*(?P<date>{_DATE}))(?:\s*{_AGENCY})?|\s*\({_AGENCIES}(?P<region>[A-Z][A-Za-z ]+)\)"
    rf"|\s*{_AGENCY})\s*{_SEP}+\s+"
)
# "Dec. 21 (UPI) —": a date and an agency with no place.
_DATE_DATELINE = re.compile(rf"(?P<date>{_DATE})\s*{_AGENCY}\s*{_SEP}+\s*")
# A live blog's entry stamp: "14:05 GMT —", "Updated at 9.30am BST", "2h ago".
_STAMP = re.compile(
    r"(?:(?:updated|posted)(?: at)?\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?\s*"
    r"(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|[A-Z]{2,4}T)?\s*(?:—|–|-|:)?\s*"
    r"|\d{1,2}\s*(?:h|min|mins|hours?|minutes?)\s+ago\s*",
    re.I,
)
_BYLINE = re.compile(
    r"(?:by\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\w'.-]+"
    r"(?:\s+[A-Z][\w'.-]+){0,3})*\s*$|(?:reporting|writing|editing|additional reporting)"
    r" by\b)",
    re.I,
)
_CREDIT = re.compile(
    r"(?:image|photo|picture|video)\s*(?:credit|source|caption)?s?\s*[:,]|\((?:AP|AFP|Reuters|"
    r"Getty)[^)]*(?:Photo|Images)[^)]*\)\s*$|(?:photo|photograph|file photo)\s*:",
    re.I,
)
_READ_MORE = re.compile(
    r"(?:read more|read also|also read|related|see also|more on this|watch|listen)\s*[:|»>-]",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The dateline opening the body: its whole extent and the place it names, if any."""

    start: int
    end: int  # where the body's first words begin
    city: str | None
    city_start: int
    city_end: int
    qualifier: str | None  # "Texas" of "PARIS, Texas", "Rajasthan" of "Bikaner (Rajasthan)"


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> Iterator[Paragraph]:
    """The text's lines that hold words, with their offsets (a blank line or a line break
    ends a paragraph, as the parse's sentence breaks do)."""
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            yield Paragraph(m.start() + lead, m.end(), line.strip())


def find_dateline(text: str, *, look: int = 3) -> Dateline | None:
    """The dateline at the start of one of the first ``look`` paragraphs (a headline or a
    standfirst may come before it)."""
    for n, para in enumerate(paragraphs(text)):
        if n >= look:
            break
        for pattern in (_CAPS_DATELINE, _TITLE_DATELINE, _DATE_DATELINE):
            m = pattern.match(para.text)
            if m is None or m.end() >= len(para.text):
                continue
            base = para.start
            city = m.groupdict().get("city")
            qualifier = m.groupdict().get("qual") or m.groupdict().get("region")
            if city is not None:
                return Dateline(
                    base, base + m.end(), city, base + m.start("city"), base + m.end("city"),
                    qualifier,
                )  # fmt: skip
            return Dateline(base, base + m.end(), None, base, base, None)
    return None


def layout_role(para: Paragraph, *, first: bool) -> str | None:
    """The role a paragraph's layout tells, or None for body text.

    ``headline``: a short line with no closing punctuation (a title, a sub-heading, a live
    blog's entry title); ``byline``, ``credit``, ``read-more`` and ``stamp`` are furniture.
    """
    text = para.text
    if _READ_MORE.match(text):
        return "read-more"
    if _CREDIT.match(text) or _CREDIT.search(text) and len(text.split()) <= 12:
        return "credit"
    if _BYLINE.match(text) and len(text.split()) <= 12:
        return "byline"
    stamp = _STAMP.fullmatch(text)
    if stamp is not None:
        return "stamp"
    words = len(text.split())
    if words <= 20 and not re.search(r"[.!?…:;\"”’')\]]\s*$", text):
        return "standfirst" if first and words > 12 else "headline"
    return None


def stamp_prefix(text: str) -> int:
    """The length of a live blog's entry stamp opening ``text`` ("14:05 GMT — "), or 0."""
    m = _STAMP.match(text)
    if m is None or not re.match(r"\d|updated|posted", text, re.I) or m.end() >= len(text):
        return 0
    return m.end() if re.search(r"[—–:-]\s*$", m.group()) else 0
