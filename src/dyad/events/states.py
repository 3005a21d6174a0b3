"""A country named as a participant acts as its government.

"Peru expelled the ambassador", "sanctions on Russia", "talks with China": a state named as
such is, in PLOVER coding and in the analysts' sets, its government (``PER GOV``), not a
country with no sector. Only a state's own acts and the acts aimed at it are read so: the
victims of an attack on a country ("strikes on Ukraine") are as often its people as its
government, so a bare recipient of ASSAULT keeps no sector; a town or city attacked abroad
stands for its people (``UKR CVL`` for "shelled Kharkiv"), while a town taken or one fought
over at home stands for its state.
"""

from __future__ import annotations

from dyad.actors.lexicon import lexicon
from dyad.actors.match import NON_STATES
from dyad.events.identity import with_participants, with_sector
from dyad.records import ActorRef, Event

# A state named bare, named again ("they", "the two countries"), or one an act is implied
# to be aimed at (``dyad.events.domestic``).
BARE_STATE = frozenset({"state", "implied", "coref"})
# Recipients of these types may be a country's people as well as its government.
PEOPLE_TARGETS = frozenset({"ASSAULT"})
# Entries that take ground ("captured Goma"): the town taken is the state's, not its people.
GROUND_TAKING = frozenset({"assault.capture"})


def as_governments(events: list[Event]) -> list[Event]:
    """``events`` with each bare state participant given the GOV sector."""
    return [_event(e) for e in events]


def _event(event: Event) -> Event:
    actors = [_gov(a) for a in event.actors]
    # A government acting at home ("the government defended the ban") acts on its country,
    # not on itself: the implied target keeps no sector.
    own = {a.code for a in actors}
    if event.type in PEOPLE_TARGETS:
        taking = bool(event.mentions) and event.mentions[0].pattern in GROUND_TAKING
        # Fighting at home ("the army and the RSF shelled each other's positions in
        # Khartoum") names the town where it was fought, not the people it was aimed at.
        home = {a.country for a in actors}
        recipients = [r if taking or r.country in home else _people(r) for r in event.recipients]
    else:
        recipients = [
            r if r.country and r.country + "GOV" in own else _gov(r) for r in event.recipients
        ]
    return with_participants(event, actors, recipients)


def _people(ref: ActorRef) -> ActorRef:
    """An attack on a town, a village or a city ("shelled Kharkiv") is on the people who
    live there; one on a country named as such keeps no sector."""
    if not bare_state(ref) or ref.resolved_by != "state" or not ref.country:
        return ref
    if lexicon().country_of_word(ref.text) is not None:
        return ref
    return with_sector(ref, "CVL")


def bare_state(ref: ActorRef) -> bool:
    """A state named as such, named again, or implied, with no sector: no organ or people
    of it named."""
    return ref.resolved_by in BARE_STATE and not ref.sector


def _gov(ref: ActorRef) -> ActorRef:
    if not bare_state(ref) or ref.actor_id or not ref.country or ref.country in NON_STATES:
        return ref
    return with_sector(ref, "GOV")


def stands_for(ref: ActorRef, iso: str) -> bool:
    """Whether ``ref`` is state ``iso`` itself with no organ told: implied by the domestic
    reading, a place in it standing for it ("a curfew in Kathmandu"), or either already
    read as its government by ``as_governments``, which no word named."""
    as_gov = ref.resolved_by in BARE_STATE and ref.sector == "GOV" and not ref.actor_id
    return ref.country == iso and (bare_state(ref) or as_gov)


def state_ref(iso: str, text: str) -> ActorRef:
    """A country as a participant, named by the words that stand for it."""
    name = lexicon().country_names.get(iso, iso)
    return ActorRef(text, name, None, iso, None, None, iso, "state", 0.6)
