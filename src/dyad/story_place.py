"""The place a report is about, for events whose own words name none and a body with no
dateline.

Web copy mostly drops the wire dateline, yet an analyst still codes a protest "in
Kathmandu" or a summit "in Tokyo" from the rest of the report. The stand-in is the city the
report names most (the first named on a tie), found with the gazetteer's reading of each
toponym. It is weaker evidence than a dateline, so an event takes it only when one of its
sides belongs to that city's country, or no side has a country at all: the place a report
dwells on says nothing about the acts of states it only mentions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from dyad.records import ActorRef, Place
from dyad.where import PLACE_LABELS, DocumentCountries, gazetteer


class StoryPlace:
    """The cities a report names, to stand in for a missing dateline."""

    def __init__(self, doc: Doc, prefer: DocumentCountries) -> None:
        # (token index, city, whether it locates a participant), in text order
        self.mentions: list[tuple[int, Place, bool]] = []
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            place = gazetteer().lookup(ent.text, prefer.besides(ent.start, ent.end), strict=False)
            if place is not None and place.feature == "city" and place.gazetteer_id:
                self.mentions.append((ent.start, place, _seat(ent.root)))

    def around(self, sent: Span, sides: Iterable[ActorRef]) -> Place | None:
        """The city the report names most (the first named on a tie), if it may stand for
        an event of ``sent`` with these participants. In the event's own sentence a city that
        locates a participant ("the Foreign Ministry in Beijing condemned ...") says where
        that one sits, not where the act was, so it does not count there."""
        counts: Counter[str] = Counter()
        places: dict[str, Place] = {}
        for i, place, seat in self.mentions:
            if not (seat and sent.start <= i < sent.end):
                assert place.gazetteer_id is not None
                counts[place.gazetteer_id] += 1
                places.setdefault(place.gazetteer_id, place)
        if not counts:
            return None
        top = max(counts.values())
        # dicts keep insertion order: the first city named among the most named
        best = next(p for gid, p in places.items() if counts[gid] == top)
        countries = {a.country for a in sides if a.country}
        return best if not countries or best.country in countries else None


def _seat(tok: Token) -> bool:
    """``tok`` locates a subject or object noun ("the ministry in Beijing", "envoys from
    Lima", "Huawei, based in Shenzhen"), through a chain of prepositional phrases."""
    cur = tok
    for _ in range(6):
        if cur.dep_ != "pobj" or cur.head.dep_ != "prep":
            return False
        noun = cur.head.head
        if noun.dep_ == "acl":  # "Huawei, based in Shenzhen, signed"
            noun = noun.head
        if noun.pos_ not in {"NOUN", "PROPN"}:
            return False
        if noun.dep_ in {"nsubj", "nsubjpass", "dobj", "appos"}:
            return True
        cur = noun
    return False
