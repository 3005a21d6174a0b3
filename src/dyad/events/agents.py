"""The agent an act implies when the text names none: "X was arrested" is the police's act.

Some acts are done by one organ of a state only. Analysts (and the real-news set's
conventions) code an arrest whose agent is not named as ``XXX COP``, a sentence or a charge
as ``XXX JUD``, an expulsion or a deportation as ``XXX GOV``: the organ of the state where
the act was done. That state is the place's country when the text names one; for acts on a
state's own people (arrests, charges) else the person's own country; else the country the
report is about. An expelled envoy's country is never the expelling one. An agent the text
names always wins, except "authorities", which names the state but not the organ: for these
acts it is read as the organ ("authorities raided the home" is the police's act).
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.actors.lexicon import lexicon
from dyad.actors.match import NON_STATES
from dyad.events.identity import CONFIDENCE_IMPLIED, implied, with_participants, with_sector
from dyad.records import ActorRef, Event, Place

# Words that name a state's organs without saying which: the act says ("authorities
# arrested", "authorities launched an investigation": the police, the prosecutors).
UNSPECIFIED = frozenset({"authorities", "authority"})
# Trigger entries (``triggers.jsonl`` ids) of acts one organ does: its sector, the noun that
# names it, and whether the person acted on is taken to be of the acting state. Imprisonment
# by a prison service, or a killing, names no single organ: not here.
IMPLIED: dict[str, tuple[str, str, bool]] = {
    "coerce.arrest": ("COP", "police", True),
    "coerce.detain": ("COP", "police", True),
    "coerce.arrest.n.under": ("COP", "police", True),
    "coerce.jail": ("JUD", "court", True),
    "coerce.raid": ("COP", "police", True),
    "accuse.investigate": ("JUD", "prosecutors", True),
    "accuse.investigation.n": ("JUD", "prosecutors", True),
    "accuse.probe": ("JUD", "prosecutors", True),
    "accuse.probe.n": ("JUD", "prosecutors", True),
    "sanction.sentence": ("JUD", "court", True),
    "accuse.charge": ("JUD", "prosecutors", True),
    "accuse.indict": ("JUD", "prosecutors", True),
    "accuse.prosecute": ("JUD", "prosecutors", True),
    "accuse.charge.n.face": ("JUD", "prosecutors", True),
    "sanction.convict": ("JUD", "court", True),
    "coerce.custody.n": ("COP", "police", True),
    "accuse.charge.n.bring": ("JUD", "prosecutors", True),
    "sanction.expel": ("GOV", "government", False),
    "coerce.deport": ("GOV", "government", False),
    "accuse.summon": ("GOV", "government", False),
    # Curfews, states of emergency and restrictions on a population are the government's
    # ("a curfew was imposed in four districts").
    "coerce.impose": ("GOV", "authorities", True),
    "coerce.extend": ("GOV", "authorities", True),
    "coerce.impose.emergency": ("GOV", "authorities", True),
    "coerce.declare.emergency": ("GOV", "authorities", True),
    "coerce.announce.emergency": ("GOV", "authorities", True),
    # An execution is the state's judicial act ("was hanged on Thursday"), coded to the state.
    "assault.execute": ("GOV", "authorities", True),
    "assault.execute.person": ("GOV", "authorities", True),
    "assault.hang": ("GOV", "authorities", True),
    "assault.hang.person": ("GOV", "authorities", True),
}

# Words only the detector read, by the type and mode it gave them: the same organs, for the
# modes that only one organ's acts have. Not derived from ``IMPLIED``: a detected mode is
# broader than an entry (ACCUSE/allege is any accusation, not only a prosecutor's charge).
DETECTED: dict[tuple[str, str], tuple[str, str, bool]] = {
    ("COERCE", "arrest"): ("COP", "police", True),
    ("COERCE", "deport"): ("GOV", "government", False),
    ("SANCTION", "convict"): ("JUD", "court", True),
    ("SANCTION", "expel"): ("GOV", "government", False),
    ("COERCE", "curfew"): ("GOV", "authorities", True),
    ("COERCE", "martial-law"): ("GOV", "authorities", True),
}


def _implied(event: Event) -> tuple[str, str, bool] | None:
    pattern = event.mentions[0].pattern if event.mentions else ""
    return _organ_of(pattern, event.type, event.mode)


def _organ_of(pattern: str, etype: str, mode: str | None) -> tuple[str, str, bool] | None:
    if pattern.startswith("detector."):
        return DETECTED.get((etype, mode)) if mode else None
    return IMPLIED.get(pattern)


def lone_organ(
    pattern: str, etype: str, mode: str | None, place: Place | None, report: str | None
) -> ActorRef | None:
    """The organ that did an act on a state's own people told with no side at all ("77
    arrests were made", "dozens have been arrested"): of the place's country, else of the
    country the report is about; None for other acts, or with no country to give."""
    organ = _organ_of(pattern, etype, mode)
    if organ is None or not organ[2]:
        return None
    iso = place.country if place is not None and place.country else report
    return implied(iso, organ[0], organ[1]) if iso and iso not in NON_STATES else None


def implied_agents(events: list[Event], report: str | None) -> list[Event]:
    """``events`` with the implied organ as the actor of each such act with none.

    ``report``: the country the document is about, for acts on people no country is given
    for (None: such acts stay without an actor)."""
    return [_event(e, report) for e in events]


def _event(event: Event, report: str | None) -> Event:
    organ = _implied(event)
    if organ is None:
        return event
    if event.actors:
        return _organ(event, organ[0])
    sector, noun, own_people = organ
    held = {r.country for r in event.recipients if r.country and r.country not in NON_STATES}
    if event.place is not None and event.place.country:
        iso: str | None = event.place.country  # where the act was done
    elif held and own_people:
        iso = next(iter(held)) if len(held) == 1 else None
    else:
        iso = report
    if iso is None or (not own_people and iso in held):
        return event
    return with_participants(event, [implied(iso, sector, noun)])


def _organ(event: Event, sector: str) -> Event:
    """``event`` with "authorities" as its actor read as the organ its act is done by."""
    actors = [
        with_sector(a, sector)
        if a.sector == "GOV" and a.role in UNSPECIFIED and not a.actor_id
        else a
        for a in event.actors
    ]
    return with_participants(event, actors)


# An organ named as a modifier of an act noun ("the police killing of", "an army crackdown
# on"): the resolver reads noun phrases by their heads, so such a word is never an actor.
# Nouns only: "junta" the actor lexicon reads as the government, and "military" before a
# noun is an adjective of kind ("military aid" is Britain's, not its army's).
ORGAN_MODIFIERS = {"police": "COP", "army": "MIL", "navy": "MIL"}
IN_PREPS = {"in", "inside"}


# Nouns of how an organ behaved, which no lexicon entry reads as an act of its own: the
# organ beside them is whose conduct it was ("praised police action", "condemned police
# brutality"), as it is the doer of an act noun.
CONDUCT_NOUNS = frozenset({
    "action", "actions", "conduct", "brutality", "handling", "response", "behaviour",
    "behavior", "restraint", "professionalism", "tactics", "excesses", "abuses", "violence",
})  # fmt: skip


def organ_modifier(act: Token, home: str | None) -> list[ActorRef]:
    """The organ that modifies act noun ``act``: of the nationality beside it ("Kenyan police
    shooting", "Uganda's army crackdown"), else of the country the act is said to be in
    ("crackdown on protesters in Myanmar"), else of the report's country ``home``."""
    organ = next(
        (
            c
            for c in act.children
            # a common noun: "Arakan Army", "Free Syrian Army" are armed groups of their own
            if c.dep_ == "compound"
            and c.lower_ in ORGAN_MODIFIERS
            and c.pos_ == "NOUN"
            and not c.ent_type_
        ),
        None,
    )
    if organ is None:
        return []
    iso = next(
        (i for m in (*organ.children, *act.children) if (i := _country(m))),
        None,
    ) or next((i for p in _places(act) if (i := _country(p))), home)
    if iso is None:
        return []
    sector = ORGAN_MODIFIERS[organ.lower_]
    name = f"{lexicon().country_names.get(iso, iso)} {organ.lower_}"
    return [
        ActorRef(
            organ.text, name, None, iso, sector, None, iso + sector, "context", CONFIDENCE_IMPLIED
        )
    ]


def _country(tok: Token) -> str | None:
    """The country ``tok`` names as a nationality or a name ("Kenyan", "Kenya's")."""
    lex = lexicon()
    return lex.country_of_word(tok.text) or lex.country_of_word(tok.lemma_)


def _places(act: Token) -> list[Token]:
    """The places an act noun's own phrase puts it in ("crackdown on protesters in Myanmar"),
    not those of a clause inside it ("a student who had studied in Kenya")."""
    heads = [act] + [p for c in act.children if c.dep_ == "prep" for p in c.children]
    return [
        p
        for h in heads
        for prep in h.children
        if prep.dep_ == "prep" and prep.lower_ in IN_PREPS
        for p in prep.children
        if p.dep_ == "pobj"
    ]
