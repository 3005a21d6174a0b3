"""One event per real act in a document: its repeated mentions merged into one.

Reports tell their main act twice or more (headline, lede, a later paragraph: "Chile
expelled the envoy ... The expulsion of the envoy ..."). While events are built, mentions of
one meeting or visit are merged (``mergeable``: the visit's host is settled by whichever
mention names the place). Once participants are final (context, implied agents, states as
governments), ``merge_repeats`` merges any two events of one type, mode and status whose
actors and recipients are the same identities (``dyad.link.identity``: a KB id, else country
and sector, so "police" and "the police" are one), with compatible dates and places; and a
killing told with no agent, of the victims of an attack told elsewhere in the document, is
merged into that attack as its toll.
"""

from __future__ import annotations

from dyad.events.identity import participant_key
from dyad.link import identity
from dyad.records import ActorRef, Event

VAGUE = frozenset({"publication", "news_day", "unknown"})
# Words that tell a toll: the dead and wounded of an act ("were killed", "died").
TOLLS = frozenset({"killed", "died", "dead", "wounded", "injured", "kill", "die"})


def mergeable(a: Event, b: Event) -> bool:
    """Two mentions in one document of the same meeting or visit."""
    if a.type != b.type or a.status != b.status or a.mode != b.mode or a.type != "CONSULT":
        return False
    pa = {participant_key(x) for x in a.actors + a.recipients}
    pb = {participant_key(x) for x in b.actors + b.recipients}
    if pa != pb:
        return False
    return same_when_where(a, b)  # the same pair in two cities or on two days: two events


def merge(into: Event, other: Event) -> None:
    # One word found twice (a lexicon phrase and the detector's word in it) is one mention:
    # the store keeps a document's mention of a trigger once.
    told = {(m.start, m.trigger_start) for m in into.mentions}
    into.mentions.extend(m for m in other.mentions if (m.start, m.trigger_start) not in told)
    into.topics = sorted(set(into.topics) | set(other.topics))
    into.contexts = sorted(set(into.contexts) | set(other.contexts))
    if into.date.precision in VAGUE and other.date.precision not in VAGUE:
        into.date = other.date
    if into.place is None and other.place is not None:
        # The mention that names the place also tells who hosted whom (a headline rarely does).
        into.place = other.place
        into.actors, into.recipients = other.actors, other.recipients
    into.confidence = max(into.confidence, other.confidence)


def merge_repeats(events: list[Event]) -> list[Event]:
    """``events`` with repeats of one act merged into the first telling (its id kept)."""
    out: list[Event] = []
    for ev in events:
        target = next((e for e in out if _repeat(e, ev)), None)
        if target is not None:
            merge(target, ev)
            continue
        target = next((e for e in out if _retold(e, ev) or _partly_retold(e, ev)), None)
        if target is None:
            out.append(ev)
            continue
        # Each side from the telling that tells more of it ("police fired" names the actor,
        # "eight people were killed" the victims).
        actors = max(target.actors, ev.actors, key=_told)
        recipients = max(target.recipients, ev.recipients, key=_told)
        merge(target, ev)
        target.actors, target.recipients = actors, recipients
        target.mode = target.mode or ev.mode
    return _tolls_told(out)


def _tolls_told(events: list[Event]) -> list[Event]:
    """``events`` with each toll of an attack told in the document merged into it ("the
    strike hit a village ... Up to 100 people were killed"): a killing with no agent, of
    victims an attack with an agent was aimed at, is that attack's toll, not a second act."""
    attacks = [e for e in events if e.type == "ASSAULT" and e.actors and e.recipients]
    out: list[Event] = []
    for ev in events:
        attack = next((a for a in attacks if _toll_of(ev, a)), None) if _toll(ev) else None
        if attack is None:
            out.append(ev)
            continue
        absorb(attack, ev)
    return out


def absorb(into: Event, other: Event) -> None:
    """Merge ``other`` into ``into`` as one more telling whose sides ``into`` already tells
    (a toll into its attack, a crowd's demand into its protest)."""
    sides = into.actors, into.recipients
    merge(into, other)
    into.actors, into.recipients = sides


def _toll(e: Event) -> bool:
    words = {w.lower() for m in e.mentions for w in m.text.split()}
    return e.type == "ASSAULT" and not e.actors and bool(e.recipients) and bool(words & TOLLS)


def _toll_of(toll: Event, attack: Event) -> bool:
    if toll.status != attack.status or toll is attack:
        return False
    victims = {identity(r) for r in toll.recipients if _identified(r)}
    return bool(victims) and victims <= {identity(r) for r in attack.recipients}


def _retold(a: Event, b: Event) -> bool:
    """One act told twice in one sentence by two words ("killed ... as police fired",
    "made comments criticizing"): one type and status, and each side of one telling is the
    other's or untold. Two acts of one kind in a sentence differ in a side both tell
    ("struck Gaza and later shelled Rafah")."""
    if (a.type, a.status) != (b.type, b.status) or not a.mentions or not b.mentions:
        return False
    ma, mb = a.mentions[0], b.mentions[0]
    if (ma.document_id, ma.start) != (mb.document_id, mb.start):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if not (_within(a.actors, b.actors) and _within(a.recipients, b.recipients)):
        return False
    # Sides that would meet (the victims of one telling the actors of the other, a misparse
    # of "people were reported killed") are two readings, not one act.
    actors = {identity(r) for r in max(a.actors, b.actors, key=_told)}
    return not actors & {identity(r) for r in max(a.recipients, b.recipients, key=_told)}


def _partly_retold(a: Event, b: Event) -> bool:
    """One act told again later with one side left untold ("Police fired tear gas at the
    marchers ... Tear gas was fired again at dusk", "China began drills around Taiwan ...
    China announced the drills on Saturday"): one type, status and mode, the side both tell
    the same, and no place or date that tells them apart. The words may differ ("ordered
    the envoy out ... expelled the envoy"); requiring one word again lost four of these on
    the real-news dev split."""
    if (a.type, a.status) != (b.type, b.status) or (a.mode and b.mode and a.mode != b.mode):
        return False
    sides = [({identity(r) for r in e.actors}, {identity(r) for r in e.recipients}) for e in (a, b)]
    (aa, ar), (ba, br) = sides
    one_untold = (not aa) != (not ba) or (not ar) != (not br)
    if not one_untold or (aa and ba and aa != ba) or (ar and br and ar != br):
        return False
    if not (aa and ba) and not (ar and br):
        return False  # nothing told by both
    return same_when_where(a, b)


def same_when_where(a: Event, b: Event) -> bool:
    """No place or date that tells two tellings apart."""
    if a.place and b.place and a.place.gazetteer_id != b.place.gazetteer_id:
        return False
    if a.date.precision in VAGUE or b.date.precision in VAGUE:
        return True
    return (a.date.start, a.date.end) == (b.date.start, b.date.end)


def _within(x: list[ActorRef], y: list[ActorRef]) -> bool:
    # A side no word names (the domestic reading's implied country) is untold, and so is one
    # nobody could identify ("calling his trial a sham": no country, no known actor).
    ix = {identity(r) for r in x if _identified(r)}
    iy = {identity(r) for r in y if _identified(r)}
    return not ix or not iy or ix <= iy or iy <= ix


def _identified(r: ActorRef) -> bool:
    return r.resolved_by != "implied" and (r.country is not None or r.actor_id is not None)


def _told(side: list[ActorRef]) -> tuple[int, int]:
    named = sum(r.resolved_by != "implied" for r in side)
    return named, len(side)


def _repeat(a: Event, b: Event) -> bool:
    if (a.type, a.mode, a.status) != (b.type, b.mode, b.status) or not a.actors:
        return False
    if {identity(x) for x in a.actors} != {identity(x) for x in b.actors}:
        return False
    if {identity(x) for x in a.recipients} != {identity(x) for x in b.recipients}:
        return False
    return same_when_where(a, b)
