"""Matching Dyad's events to the key events of the real-news set, and scoring one article.

The rules (``bench/real_news.py`` reports what they give):

- A Dyad event matches an expected event when the types are equal and one of its mentions
  overlaps the expected evidence in the article text and holds the expected cue word inside
  that overlap. Evidence and text are compared after normalising Unicode, quotes, dashes,
  case and whitespace, because annotators and outlets type quotes and spaces differently.
- Each Dyad event goes to its best candidate (the cue is its trigger word, then the
  participants agree, then a key event before an optional one), so two events of one type
  in one sentence ("arrested ... after he tried to dissolve ...") are told apart. Several
  Dyad events may go to one expected event: those are the in-article duplicates.
- A key event is found when some Dyad event went to it; its triple, date and place are
  judged on the Dyad event that codes it best (equal triple first).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dyad.records import Event, Mention

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "\u00ad": "",  # a soft hyphen is invisible in the page and absent from annotations
    }
)

Span = tuple[int, int]
Codes = frozenset[str]
# (article, sentence start, type, actors, recipients) -> verdict; sides None: any sides.
Verdicts = Mapping[tuple[str, int, str, str | None, str | None], str]


def normalised(text: str) -> tuple[str, list[int]]:
    """``text`` folded for comparison, and for each folded character its offset in ``text``.

    The offsets let a match found in folded text be mapped back onto Dyad's mention offsets,
    which count characters of the original text."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if out and not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        for c in unicodedata.normalize("NFKC", ch).translate(_QUOTES).lower():
            out.append(c)
            where.append(i)
    return "".join(out), where


def fold(text: str) -> str:
    return normalised(text)[0].strip()


def codes(field_value: str) -> Codes:
    """ "PER MIL; PER COP" -> {"PERMIL", "PERCOP"}: the set's codes as Dyad writes them."""
    return frozenset(p.replace(" ", "") for p in field_value.split(";") if p.strip())


# The set codes international bodies by which body they are (README: ``UNO IGO`` for UN
# bodies and missions, ``UNO JUD`` the ICJ, ``UNO LEG`` the General Assembly, ``EUR IGO``,
# ``AFU IGO``, ``NAT IGO``, ``INT NGO``); Dyad codes any of them ``IGO IGO`` (``NGO NGO``)
# and tells them apart by ``actor_id``. The translation is by that id, or for a person by
# the title of the international office held.
_BODIES = {
    "un-general-assembly": "UNOLEG",
    "international-court-of-justice": "UNOJUD",
    "african-union": "AFUIGO",
    "nato": "NATIGO",
    # Regional bodies, by CAMEO's region codes (West Africa, the Caribbean), as annotators
    # of sets built like this one code them.
    "ecowas": "WAFIGO",
    "caricom": "CRBIGO",
}
_UN_AGENCIES = {"who", "unesco", "unicef", "unhcr", "wfp", "fao", "ilo", "iaea", "undp", "ohchr"}
_TITLE_BODIES = (("General Assembly", "UNOLEG"), ("United Nations", "UNOIGO"), ("NATO", "NATIGO"))


def set_code(ref: Any) -> str:
    """``ref``'s code in the set's scheme for international bodies; others unchanged."""
    code = (ref.code or "?").replace(" ", "")
    if code.endswith("JRN"):
        # The set's sector for the press is MED ("suspended some French media"); Dyad
        # writes CAMEO's JRN for it.
        return code.removesuffix("JRN") + "MED"
    if code == "NGONGO":
        return "INTNGO"
    if code != "IGOIGO" or not ref.actor_id:
        return code
    aid, title = ref.actor_id, ref.role or ""
    if aid in _BODIES:
        return _BODIES[aid]
    if aid in _UN_AGENCIES or aid.startswith(("united-nations", "un-")):
        return "UNOIGO"
    if aid.startswith("european-"):
        return "EURIGO"
    for words, body in _TITLE_BODIES:
        if words in title:
            return body
    if "European" in title or "of the Union" in title:
        return "EURIGO"
    return code


def dyad_codes(refs: Iterable[Any], *, bare_is_gov: bool = False) -> Codes:
    """Dyad's codes of ``refs`` in the set's scheme (``set_code``); with ``bare_is_gov`` a
    country coded without a sector ("JPN", a state named as such) counts as its government,
    as the set's annotators code it."""
    out = set()
    for r in refs:
        code = set_code(r)
        out.add(code + "GOV" if bare_is_gov and re.fullmatch(r"[A-Z]{3}", code) else code)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Expected:
    """One annotated event of an article, with where its evidence lies in the text."""

    article: str
    index: int
    type: str
    mode: str | None
    actor: str
    recipient: str
    status: str
    date: str
    place: str
    cue: str
    evidence: str
    optional: bool
    span: Span | None  # the evidence in the article text; None when it cannot be found
    cues: tuple[int, ...] = ()  # offsets of the cue word inside the evidence

    @property
    def actors(self) -> Codes:
        return codes(self.actor)

    @property
    def recipients(self) -> Codes:
        return codes(self.recipient)

    @property
    def signature(self) -> tuple[str, str | None, Codes, Codes]:
        """What two reports of one real event share, whatever their wording."""
        return self.type, self.mode, self.actors, self.recipients

    def label(self) -> str:
        side = f"{self.actor or '-'} -> {self.recipient or '-'}"
        return f"{self.type}{'/' + self.mode if self.mode else ''} {side}"


def locate(text: str, evidence: str, cue: str) -> tuple[Span | None, tuple[int, ...]]:
    """The evidence's span in ``text`` and the offsets of the cue word inside it."""
    folded, where = normalised(text)
    needle = fold(evidence)
    at = folded.find(needle) if needle else -1
    if at < 0:
        return None, ()
    end = at + len(needle)
    span = (where[at], where[end - 1] + 1)
    pattern = re.compile(rf"\b{re.escape(fold(cue))}", re.I)
    cues = tuple(where[m.start()] for m in pattern.finditer(folded, at, end))
    return span, cues


def expected_events(article: str, text: str, events: list[dict[str, Any]]) -> list[Expected]:
    out = []
    for i, e in enumerate(events):
        span, cues = locate(text, e["evidence"], e["cue"])
        out.append(
            Expected(
                article,
                i,
                e["type"],
                e.get("mode"),
                e.get("actor", ""),
                e.get("recipient", ""),
                e.get("status", ""),
                e.get("date", ""),
                e.get("place", ""),
                e["cue"],
                e["evidence"],
                bool(e.get("optional")),
                span,
                cues,
            )
        )
    return out


def _mention_fits(m: Mention, x: Expected) -> bool:
    if x.span is not None:
        lo, hi = max(m.start, x.span[0]), min(m.end, x.span[1])
        return lo < hi and any(lo <= c < hi for c in x.cues)
    # Evidence not found in the text (a typo in the annotation): fall back on the sentence.
    sentence, evidence = fold(m.sentence), fold(x.evidence)
    cue = re.search(rf"\b{re.escape(fold(x.cue))}", sentence)
    return bool(cue) and (evidence in sentence or sentence in evidence)


def fits(e: Event, x: Expected) -> bool:
    return e.type == x.type and any(_mention_fits(m, x) for m in e.mentions)


def triple_ok(e: Event, x: Expected, *, bare_is_gov: bool = False) -> bool:
    return (
        e.type == x.type
        and dyad_codes(e.actors, bare_is_gov=bare_is_gov) == x.actors
        and dyad_codes(e.recipients, bare_is_gov=bare_is_gov) == x.recipients
    )


def _cue_is_trigger(e: Event, x: Expected) -> bool:
    for m in e.mentions:
        if any(m.trigger_start <= c < max(m.trigger_end, m.trigger_start + 1) for c in x.cues):
            return True
        if fold(x.cue) in fold(m.text):
            return True
    return False


def _agreement(e: Event, x: Expected) -> int:
    return len(dyad_codes(e.actors) & x.actors) + len(dyad_codes(e.recipients) & x.recipients)


def best_expected(e: Event, expected: list[Expected]) -> Expected | None:
    """The expected event ``e`` codes, or None when it codes none of them."""
    cands = [x for x in expected if fits(e, x)]
    if not cands:
        return None
    return max(
        cands,
        key=lambda x: (
            _cue_is_trigger(e, x),
            triple_ok(e, x),
            _agreement(e, x),
            not x.optional,
            -x.index,
        ),
    )


def date_ok(e: Event, x: Expected) -> bool:
    """The expected date equals Dyad's start at the expected precision ("2022-12" vs day)."""
    start = e.date.start or ""
    return bool(start) and start[: len(x.date)] == x.date


def _words(name: str) -> str:
    return " " + re.sub(r"^the ", "", fold(name)).replace("-", " ") + " "


def place_ok(e: Event, x: Expected, countries_of: Any = None) -> bool:
    """Dyad's place is the expected one by name (one name inside the other, word for word:
    "Kanbalu" for "Kanbalu township"), or lies in a country the expected name belongs to.

    ``countries_of`` maps a place name to the ISO3 codes of places of that name (the
    gazetteer's, in the bench); without it only names are compared."""
    if e.place is None:
        return False
    ours, theirs = _words(e.place.name), _words(x.place)
    if ours.strip() and (ours in theirs or theirs in ours):
        return True
    return bool(countries_of and e.place.country and e.place.country in countries_of(x.place))


@dataclass(slots=True)
class ArticleScore:
    """How Dyad's events of one article compare with its expected events."""

    article: str
    events: list[Event]
    expected: list[Expected]
    assigned: list[Expected | None]  # per Dyad event: the expected event it codes
    right: list[bool]  # per Dyad event: matched, or judged right in the verdict file
    best: dict[int, Event] = field(default_factory=dict)  # expected index -> best Dyad event

    @property
    def keys(self) -> list[Expected]:
        return [x for x in self.expected if not x.optional]

    def found(self, x: Expected) -> bool:
        return x.index in self.best

    def duplicates(self) -> int:
        """Dyad events that code the same key event as another Dyad event of the article."""
        counts: dict[int, int] = {}
        for a in self.assigned:
            if a is not None and not a.optional:
                counts[a.index] = counts.get(a.index, 0) + 1
        return sum(n for n in counts.values() if n > 1)

    def extra_duplicates(self) -> int:
        """Of those, the ones beyond the first: repeats of an event already coded."""
        counts: dict[int, int] = {}
        for a in self.assigned:
            if a is not None and not a.optional:
                counts[a.index] = counts.get(a.index, 0) + 1
        return sum(n - 1 for n in counts.values() if n > 1)


def verdict_of(article: str, e: Event, verdicts: Verdicts) -> str | None:
    """The hand verdict on any of the event's mentions: mentions merged into one event are
    one act, judged wherever it was told. A verdict that names the sides it judged holds
    only while the event keeps them: one coded with other sides is judged afresh."""
    sides = (sides_text(e.actors), sides_text(e.recipients))
    for m in e.mentions:
        for key in ((article, m.start, e.type, *sides), (article, m.start, e.type, None, None)):
            if (v := verdicts.get(key)) is not None:
                return v
    return None


def sides_text(refs: Iterable[Any]) -> str:
    """One side's codes as verdicts and ``--explain`` write them ("PERCOP;PERJUD", "-")."""
    return ";".join(sorted(dyad_codes(refs))) or "-"


def score_article(
    article: str, events: list[Event], expected: list[Expected], verdicts: Verdicts
) -> ArticleScore:
    assigned = [best_expected(e, expected) for e in events]
    right = []
    for e, a in zip(events, assigned, strict=True):
        verdict = verdict_of(article, e, verdicts)
        # A hand verdict wins over the matcher either way: it is there because the matcher
        # cannot judge that event (other wording, a sentence split differently).
        right.append(verdict == "right" if verdict else a is not None)
    best: dict[int, Event] = {}
    for e, a in zip(events, assigned, strict=True):
        if a is None:
            continue
        held = best.get(a.index)
        if held is None or _rank(e, a) > _rank(held, a):
            best[a.index] = e
    return ArticleScore(article, events, expected, assigned, right, best)


def _rank(e: Event, x: Expected) -> tuple[bool, bool, int]:
    return triple_ok(e, x), _cue_is_trigger(e, x), _agreement(e, x)
