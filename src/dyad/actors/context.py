"""The country a report is about, for participants that no word of their own places.

Reports name their own state's agencies bare: "police fired tear gas", "protesters
marched", "the junta said", "prosecutors charged". An analyst codes them as the country the
report is about; so does this module, with ``resolved_by: context`` and a lower confidence
so users can tell them from participants the text places. The report's country is its
dateline's, else the country its participants name clearly most often; a report spread
evenly over several countries has none and its bare nouns stay uncoded.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dyad.actors.kb import Entry, KnowledgeBase
from dyad.actors.lexicon import lexicon
from dyad.actors.match import NON_STATES, of_the_story
from dyad.records import ActorRef

# Sectors a bare noun of a national kind names: police, armies, courts, legislatures,
# governments, their opponents and their people, students and farmers among them, and its
# gangs ("gangs control the capital": analysts code them as the country's, HTI CRM).
# Religious, business or media words ("the church", "investors") say nothing about whose.
CONTEXT_SECTORS = frozenset({
    "COP", "MIL", "JUD", "LEG", "GOV", "CVL", "OPP", "PTY", "REB", "PRM", "LAB", "SPY", "EDU",
    "AGR", "CRM",
})  # fmt: skip
# The report's leading country must be named at least this many times as often as the next
# one. Measured on the real-news dev split (see the module's bench notes in README).
LEAD_RATIO = 2.0
# How often a report must name another country than its dateline's (and twice as often) to
# be about that country rather than the dateline's.
ABROAD_LEAD = 3
CONTEXT_DISCOUNT = 0.7


@dataclass(frozen=True, slots=True)
class Pending:
    """A bare role noun waiting for the report's country: its head, words, sector and role
    (no sector: "the country", the state itself)."""

    token: Token
    text: str
    name: str
    sector: str
    role: str | None


def report_country(
    by_token: Mapping[int, Iterable[ActorRef]],
    dateline: str | None = None,
    outside: range = range(0),
) -> str | None:
    """The country a document reports on: ``dateline``'s when given, unless its resolved
    participants (``by_token``) clearly name another most; else the one they name most, if
    clearly most; None when no country leads. Mentions at token indices in ``outside`` (the
    bare noun's own sentence) do not count: a place in the same clause ("officials met in
    Nairobi") says where they were, not whose they are, and a one-sentence text has no
    context."""
    counts: Counter[str] = Counter()
    for i, refs in by_token.items():
        if i in outside:
            continue
        for iso in {r.country for r in refs if of_the_story(r)}:
            counts[iso] += 1
    ranked = counts.most_common(2)
    leader = None
    if ranked and (len(ranked) == 1 or ranked[0][1] >= LEAD_RATIO * ranked[1][1]):
        leader = ranked[0][0]
    if dateline and dateline not in NON_STATES:
        # "NEW DELHI —" over a report on Pakistan's army: a correspondent abroad, or an
        # outlet's own capital; the participants the report names far more often win.
        if (
            leader
            and leader != dateline
            and counts[leader] >= max(ABROAD_LEAD, LEAD_RATIO * counts[dateline])
        ):
            return leader
        return dateline
    return leader


def headline_country(title: str | None) -> str | None:
    """The one country a headline names ("Chile's senate shelves media law"), if it names
    exactly one: the story's, as a dateline would say, for reports that name a second
    country nearly as often in passing ("modelled on a law in Hungary")."""
    if not title:
        return None
    lex = lexicon()
    words = re.findall(r"[^\W\d_][\w.'\-]*", title.replace("’", "'").replace("'s ", " "))
    found: set[str] = set()
    i = 0
    while i < len(words):
        # The longest name first: "South Korea", not "Korea"; names are capitalised ("us").
        for n in (3, 2, 1):
            name = " ".join(words[i : i + n])
            iso = lex.country_of_word(name) if i + n <= len(words) and name[0].isupper() else None
            if iso is not None:
                found.add(iso)
                i += n
                break
        else:
            i += 1
    found -= NON_STATES
    return next(iter(found)) if len(found) == 1 else None


def dateline_country(doc: Doc, prefer: Iterable[str]) -> str | None:
    """The country of the place a dateline opens the body with, if any."""
    from dyad.where import dateline_place  # the gazetteer imports the actor stage

    place = dateline_place(doc, prefer)
    return place.country if place is not None else None


def in_context(
    ref: ActorRef, iso: str, *, sector: str | None = None, discount: float = CONTEXT_DISCOUNT
) -> ActorRef:
    """``ref`` (a bare role noun, a titled or unknown person) as one of ``iso``\'s, of
    ``sector`` when given, its confidence lowered by ``discount``."""
    sector = sector or ref.sector
    return replace(
        ref,
        country=iso,
        sector=sector,
        code=iso + (sector or ""),
        resolved_by="context",
        confidence=round(ref.confidence * discount, 3),
    )


def serving(
    kb: KnowledgeBase, cands: Iterable[Entry], iso: str | None, day: dt.date | None
) -> Entry | None:
    """Of people who share a name, the one alone in holding an office of ``iso`` on ``day``
    ("Harris" in an Irish report of April 2024 is the Taoiseach, not the US vice
    president); None when no one or several do."""
    if iso is None:
        return None
    held = [c for c in cands if any(r.country == iso for r in kb.roles_on(c, day))]
    return held[0] if len(held) == 1 else None


# Sectors only a state has: a titled person of no known country holds one at home.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "OPP", "PTY"})


def stateless(ref: ActorRef) -> bool:
    """A state's sector held by no known country and no knowledge-base entry."""
    return ref.country is None and ref.sector in STATE_SECTORS and ref.actor_id is None
