"""Aid announced for later is a promise of aid.

"China will provide Myanmar with 100 million yuan in emergency assistance", "India will send
more relief supplies": nothing has been given yet; what happened is the pledge. CAMEO codes it
as an intent to provide material aid (033, PLOVER AGREE), and the analysts' sets code it
AGREE, occurred (the promise was made); a delivery said not to happen ("has no plans to
send jets") stays AID, negated.
"""

from __future__ import annotations

from dataclasses import replace

from dyad.events.identity import event_id
from dyad.ontology import cameo
from dyad.records import Event

# CAMEO's intents beside the aid they promise: economic, military, humanitarian, protection.
INTENT_OF = {"071": "0331", "072": "0332", "073": "0333", "074": "0334"}


def as_pledges(events: list[Event]) -> list[Event]:
    """``events`` with each aid announced for later coded as the promise of it."""
    return [_event(e) for e in events]


def _event(event: Event) -> Event:
    if event.type != "AID" or event.status != "planned" or not event.mentions:
        return event
    code = cameo(INTENT_OF.get(event.cameo, "033"))
    return replace(
        event,
        id=event_id("AGREE", event.mentions[0], event.actors, event.recipients),
        type="AGREE",
        mode=None,
        cameo=code.code,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        status="occurred",
    )
