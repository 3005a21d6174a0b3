"""A state's armed acts are its military's.

"North Korea test-fired a missile", "China began military exercises around Taiwan", "the
junta carried out an air strike": the state or its ruling junta is named, but the act is the
armed forces', and analysts code it so (``PRK MIL``, ``MMR MIL``), where a state named bare
otherwise reads as its government (``dyad.events.states``). This runs before reactions
are aimed at acts' agents (``dyad.events.referents``), so that "horrified by the air strike"
is aimed at the junta's forces too. Only acts that are the forces'
own by nature are read so: attacks (an execution is the state's judicial act), troops and
weapons brought out, and military exercises; named office holders keep their sector ("the
president ordered strikes" is the president's act). Partners in an exercise ("drills with
Russia") cannot be told apart by role, so all are its actors.
"""

from __future__ import annotations

from dyad.actors.match import NON_STATES
from dyad.events.identity import with_participants, with_sector
from dyad.events.states import BARE_STATE, bare_state
from dyad.records import ActorRef, Event

# ASSAULT modes that are not the armed forces' own: executions are the state's.
NOT_ARMED = frozenset({"execute"})
# MOBILIZE modes of the armed forces (police and militias are others').
ARMED_MOBILIZE = frozenset({"troops", "weapons"})
EXERCISE_WORDS = frozenset({
    "drill", "drills", "exercise", "exercises", "games", "manoeuvres", "maneuvers", "wargames",
})  # fmt: skip
# A body that rules by force, named as the state's rulers.
RULING_FORCES = frozenset({"junta"})


def as_forces(events: list[Event]) -> list[Event]:
    """``events`` with a state's or junta's armed acts given to its military, and a state
    attacked bare by another while its own forces fight that one in the report ("jets struck
    positions across the border" in a border clash) the target of its military."""
    out = [_event(e) for e in events]
    # Who the report's forces fire at: (shooter, target); in a clash ("exchanged fire")
    # each side at the other; the target None for fire returned at no one named.
    fire: set[tuple[str, str | None]] = set()
    for e in out:
        if e.type != "ASSAULT" or e.status != "occurred":
            continue
        shooters = {a.country for a in e.actors if a.sector == "MIL" and a.country}
        targets: set[str | None] = {r.country for r in e.recipients if r.country}
        if not targets:
            sides = {a.country for a in e.actors if a.country}
            returned = any(m.pattern.endswith(".return.fire") for m in e.mentions)
            targets = (sides if len(sides) > 1 else set()) | ({None} if returned else set())
        fire |= {(s, t) for s in shooters for t in targets if t != s}
    return [_at_forces(e, fire) for e in out]


def _at_forces(event: Event, fire: set[tuple[str, str | None]]) -> Event:
    if event.type != "ASSAULT" or event.mode in NOT_ARMED:
        return event
    own = {a.country for a in event.actors if a.country}

    def fights_back(iso: str | None) -> bool:
        return (iso, None) in fire or any((iso, a) in fire for a in own)

    recipients = [
        with_sector(r, "MIL")
        if r.country not in own and bare_state(r) and fights_back(r.country)
        else r
        for r in event.recipients
    ]
    return with_participants(event, event.actors, recipients)


def _event(event: Event) -> Event:
    exercise = event.type == "COOPERATE" and _exercise(event)
    armed = (
        (event.type == "ASSAULT" and event.mode not in NOT_ARMED)
        or (event.type == "MOBILIZE" and event.mode in ARMED_MOBILIZE | {None})
        or exercise
    )
    if not armed:
        return event
    actors = [_military(a) for a in event.actors]
    recipients = event.recipients
    if exercise:
        partners = [_military(r) for r in recipients if r.country]
        actors += [p for p in partners if p.code not in {a.code for a in actors}]
        recipients = [r for r in recipients if not r.country]
    if actors == event.actors and recipients == event.recipients:
        return event
    return with_participants(event, actors, recipients)


def _exercise(event: Event) -> bool:
    return any(
        w in EXERCISE_WORDS
        for m in event.mentions
        for w in m.text.lower().replace("-", " ").split()
    )


def _military(ref: ActorRef) -> ActorRef:
    if ref.actor_id or not ref.country or ref.country in NON_STATES:
        return ref
    ruling = ref.sector == "GOV" and bool(set((ref.role or "").lower().split()) & RULING_FORCES)
    state = ref.resolved_by in BARE_STATE and not ref.role and ref.sector in {None, "GOV"}
    if not (ruling or state):
        return ref
    return with_sector(ref, "MIL")
