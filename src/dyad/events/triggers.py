"""The trigger lexicon at work: which words of a parsed sentence its patterns match."""

from __future__ import annotations

import calendar
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dyad.actors.lexicon import lexicon
from dyad.events.lexicon import TriggerPattern, patterns
from dyad.events.status import PLAN_NOUNS

# A trigger used as an argument of something else ("these visits underscore ...") is not
# an event report.
NON_PREDICATE_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "compound", "amod", "attr", "appos"}


# Verbs that call an event off: "cancelled the talks" is a negated report.
CANCELLING = {"cancel", "postpone", "scrap", "call", "delay", "suspend"}
# Verbs of being in some state: "remains under house arrest" (but "stayed home in protest"
# is an act).
STAYING = frozenset({"be", "remain", "stay", "live", "die", "lie", "spend"})
# Verbs whose subject event noun happens ("protests erupted", "the exercise began", "clashes
# broke out"): the verb tells its tense, the noun its participants.
OCCURRING = frozenset({
    "erupt", "break", "begin", "start", "resume", "continue", "spread", "escalate", "intensify",
    "rage", "unfold", "flare", "occur", "happen",
})  # fmt: skip
# Verbs whose object event noun another event brought about ("the arrest sparked protests"):
# the noun is reported, but the causing event's subject is none of its participants.
CAUSING = frozenset({"spark", "trigger", "prompt", "provoke", "fuel", "ignite", "unleash"})
# Verbs whose subject is where the object event noun happened ("Kathmandu witnessed unrest",
# "the country has seen protests"): the place is none of its participants either.
WITNESSING = frozenset({"witness", "see", "experience", "endure"})
# Nouns that measure out an event noun ("three days of talks", "a new round of strikes").
MEASURES = frozenset({"day", "week", "month", "hour", "round", "series", "wave", "spate"})
# Object pronouns that stand for a noun said before ("ordered him to leave").
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


@dataclass(slots=True)
class Found:
    trigger: Token
    predicate: Token  # the verb carrying tense and subject (a light verb for nouns)
    pattern: TriggerPattern
    obj: Token | None  # the object a pattern required ("gratitude")
    status: str | None = None  # the detector's reading; None: from the grammar (status.py)
    probability: float | None = None  # the detector's calibrated probability of the type


# Spans of time a party is given to do something in.
SPANS = frozenset({"hour", "day", "week", "month"})


def children(tok: Token, dep: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ == dep]


def match(tok: Token, only: str | None = None) -> Found | None:
    """The lexicon's first pattern that fits ``tok`` (of type ``only``, if given)."""
    lemma = tok.lemma_.lower()
    # "is opposed to", "was willing to": predicate adjectives behave as verbs.
    if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
        if tok.dep_ in NON_PREDICATE_DEPS:
            return None
        purpose = (
            tok.dep_ in {"relcl", "acl", "advcl"}
            and any(c.lower_ == "to" for c in tok.children)
            and not (tok.dep_ == "acl" and tok.head.lemma_.lower() in PLAN_NOUNS)
        )
        other_head = purpose and bool(trigger_types(tok.head) - {"PROTEST"})
        for p in patterns().get(("VERB", lemma), ()):
            if only is not None and p.type != only:
                continue
            if purpose and (p.type != "PROTEST" or other_head):
                # "the first leader to visit China", "resigned to allow elections": a
                # description or a purpose, not a report. But "went on strike to protest",
                # "a rally to protest": the protest is the act the sentence reports (unless
                # the head is another act: "summoned the ambassador to protest" is ACCUSE).
                continue
            obj = _verb_conditions(tok, p)
            if obj is not False:
                return Found(tok, tok, p, obj or None)
        return None
    if tok.pos_ in {"NOUN", "PROPN"}:
        for p in patterns().get(("NOUN", lemma), ()):
            if only is not None and p.type != only:
                continue
            pred = _noun_predicate(tok, p)
            if pred is not None:
                return Found(tok, pred, p, None)
    return None


def _antecedent(pron: Token, words: Collection[str]) -> Token | None:
    """The noun of ``words`` a pronoun stands for: the nearest before it in its own sentence
    or the one before ("declared the ambassador persona non grata and ordered him to
    leave"). No coreference model is in the pipeline; the object list itself narrows the
    search to nouns of the kind the pattern needs."""
    sent = pron.sent
    start = sent.start
    if start > 0:
        start = pron.doc[start - 1].sent.start
    for t in reversed(pron.doc[start : pron.i]):
        if t.pos_ in {"NOUN", "PROPN"} and (t.lemma_.lower() in words or t.lower_ in words):
            return t
    return None


def _verb_conditions(tok: Token, p: TriggerPattern) -> Token | None | bool:
    obj: Token | None = None
    if p.object is not None:
        objs = [c for c in tok.children if c.dep_ in {"dobj", "dative", "pobj", "nsubjpass"}]
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            objs.append(tok.head)  # "the sanctions imposed by the EU": the noun is its object
        # "ordered French ambassador Paul Martin to leave": a name's title is its word.
        objs += [m for c in objs if c.pos_ == "PROPN" for m in children(c, "compound")]
        if p.prep is not None:
            # "agreed to a ceasefire": a required preposition's object is the object.
            objs += [
                g for c in tok.children if c.dep_ == "prep" and c.lower_ in p.prep
                for g in c.children if g.dep_ == "pobj"
            ]  # fmt: skip
        if p.xcomp is not None:
            # "agreed to extend the ceasefire": the object of the act agreed to.
            objs += [g for c in tok.children if c.dep_ == "xcomp" for g in children(c, "dobj")]
        # "25,000 tons of food aid": the measured thing is the object.
        objs += [g for c in objs for o in c.children if o.lower_ == "of" for g in o.children]
        objs = [c for c in objs if c.lemma_.lower() in p.object or c.lower_ in p.object] or [
            a for c in objs if c.lower_ in OBJECT_PRONOUNS and (a := _antecedent(c, p.object))
        ]
        if not objs:
            return False
        obj = objs[0]
    if p.object_not is not None and _object_undoes(tok, p.object_not):
        return False
    if p.subject is not None and not _subject_words(tok) & set(p.subject):
        return False
    if p.ccomp_aux is not None:
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        if not any(a.lower_ in p.ccomp_aux for c in clauses for a in c.children if a.dep_ == "aux"):
            return False
    if p.xcomp is not None:
        comps = [c for c in tok.children if c.dep_ in {"xcomp", "ccomp", "advcl"}]
        # "gave the envoy 48 hours to leave": the parser hangs the act on the time allowed.
        comps += [
            g for c in tok.children if c.dep_ in {"npadvmod", "dobj"} and c.lemma_ in SPANS
            for g in c.children if g.dep_ in {"relcl", "acl"}
        ]  # fmt: skip
        if not any(c.lemma_.lower() in p.xcomp for c in comps):
            return False
    if p.xcomp_other is not None and not any(
        c.lemma_.lower() not in p.xcomp_other for c in tok.children if c.dep_ == "xcomp"
    ):
        return False
    if p.xcomp_not is not None and any(
        c.lemma_.lower() in p.xcomp_not for c in tok.children if c.dep_ == "xcomp"
    ):
        return False
    if p.prep is not None and not any(
        c.lower_ in p.prep for c in tok.children if c.dep_ in {"prep", "prt"}
    ):
        return False
    if p.transitive is not None and bool(children(tok, "dobj")) != p.transitive:
        return False
    if p.demand and _asks_a_question(tok):
        return False
    if p.aimless and _aimed(tok):
        return False
    if p.type == "AID" and obj is not None and _deployed(tok, obj):
        return False
    if p.object_kind == "place" and not any(
        _is_ground(c) for c in children(tok, "dobj") or children(tok, "nsubjpass")
    ):
        return False  # "captured the town" is territory taken, "captured two soldiers" not
    if p.object_kind in {"actor", "person"}:
        # An object predicate names or judges the person: "called Putin a war criminal",
        # "calling them a warning" is no phone call.
        if any(c.dep_ == "oprd" for c in tok.children):
            return False
        # "hosted Hashimoto", "Hashimoto was hosted by Yeltsin"; not "hosted a lunch".
        dobj = children(tok, "dobj") or children(tok, "nsubjpass")
        if not dobj or not (
            dobj[0].ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or dobj[0].pos_ == "PRON"
            or dobj[0].lemma_.lower() in lexicon().role_heads  # "the Swedish prime minister"
        ):
            return False
        if (
            p.object_kind == "person"
            and dobj[0].ent_type_ not in {"PERSON"}
            and dobj[0].pos_ != "PRON"
        ):
            return False
    return obj


# Ground that is taken, held or lost ("retook the airport", "overran an army base"), beside
# places named as such.
GROUND_NOUNS = frozenset({
    "town", "city", "village", "palace", "base", "airport", "airbase", "airfield", "territory",
    "area", "region", "district", "province", "capital", "position", "hill", "crossing",
    "outpost", "headquarters", "port", "bridge", "island", "compound", "stronghold", "garrison",
    "checkpoint", "border", "county", "settlement", "camp", "oilfield", "mine",
})  # fmt: skip


def _is_ground(obj: Token) -> bool:
    return obj.ent_type_ in {"GPE", "LOC", "FAC"} or obj.lemma_.lower() in GROUND_NOUNS


# Forces and arms sent to a stretch of land or sea are deployed there, not given to anyone
# ("sent tanks to the border with Ukraine", "sent 30 aircraft to the Taiwan Strait").
FORCES = frozenset({
    "troops", "soldiers", "forces", "weapons", "arms", "tanks", "tank", "jets", "jet",
    "aircraft", "warships", "warship", "missiles", "missile", "drones", "drone", "artillery",
    "howitzers", "rockets", "equipment", "hardware", "munitions",
})  # fmt: skip
DEPLOYMENT_PLACES = frozenset({
    "border", "frontier", "region", "strait", "area", "front", "frontline", "zone", "coast",
    "waters", "sea", "gulf", "peninsula", "line", "flank", "province", "city", "island",
})  # fmt: skip
TOWARD = frozenset({"to", "toward", "towards", "near", "along", "into"})


def _deployed(verb: Token, obj: Token) -> bool:
    if obj.lower_ not in FORCES and obj.lemma_.lower() not in FORCES:
        return False
    return any(
        g.lemma_.lower() in DEPLOYMENT_PLACES
        for c in [*verb.children, *obj.children]
        if c.dep_ in {"prep", "dative"} and c.lower_ in TOWARD
        for g in c.children if g.dep_ == "pobj"
    )  # fmt: skip


# Prepositions that aim an act of force at a target, and the places that are no target.
AIMING = frozenset({"at", "on", "into", "toward", "towards", "against", "over"})
NOWHERE = frozenset({"sea", "water", "waters", "ocean", "space", "orbit", "air", "sky"})


def _aimed(verb: Token) -> bool:
    """Whether ``verb`` (or what it fires: "missiles at Kyiv") is aimed at something other
    than the sea, space or a day."""
    holders = [verb, *children(verb, "dobj")]
    return any(
        o.lemma_.lower() not in NOWHERE and not _calendar(o)
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in AIMING
        for o in c.children
        if o.dep_ == "pobj"
    )


# The recogniser tags "at Kyiv overnight" as a time: a day is told by its own word.
CALENDAR = frozenset(
    {d.lower() for d in calendar.day_name}
    | {m.lower() for m in calendar.month_name if m}
    | {"day", "night", "morning", "evening", "afternoon", "weekend", "week", "dawn", "midnight"}
)


def _calendar(tok: Token) -> bool:
    return tok.lower_ in CALENDAR or tok.like_num


def _subject_words(verb: Token) -> set[str]:
    """Lemmas of the verb's subject and of whom it counts ("thousands of *students*"); the
    antecedent of a relative clause ("protesters who converged") and the subject a
    conjoined verb shares ("gathered ... and converged") count as its subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and all(s.tag_ in {"WP", "WDT"} for s in subjects):
        subjects = [verb.head]
    if not subjects and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject_words(verb.head)
    return {w for s in subjects for w in counted(s)}


def counted(noun: Token) -> set[str]:
    """Lemmas of a noun and of whom it counts or is a part of ("thousands of *students*", "a
    section of *demonstrators*")."""
    return _lemmas(noun) | {
        w for o in noun.children if o.lower_ == "of" for g in o.children for w in _lemmas(g)
    }


def _lemmas(noun: Token) -> set[str]:
    """The noun's lemma; for a capitalised plural the tagger took for a name, also its
    singular. The small English model tags a common noun opening a sentence after a
    dateline as PROPN ("LIMA — Students blocked roads") and keeps its form as lemma; the
    lemmatizer has no noun reading of a PROPN to ask for, hence the plain "-s" here."""
    lemma = noun.lemma_.lower()
    if noun.pos_ == "PROPN" and not noun.ent_type_ and lemma == noun.lower_ and lemma[-1:] == "s":
        return {lemma, lemma[:-1]}
    return {lemma}


# Words that open an indirect question ("asked whether", "asked what the plan was").
QUESTION_WORDS = frozenset({"whether", "if", "what", "who", "why", "how", "when", "where", "which"})


def _asks_a_question(verb: Token) -> bool:
    """ "asked questions", "asked him whether ...", "asked what ...": a question, not a demand."""
    for c in verb.children:
        if c.dep_ == "dobj" and (c.lemma_.lower() == "question" or c.lower_ in QUESTION_WORDS):
            return True
        if c.dep_ == "ccomp" and any(
            g.lower_ in QUESTION_WORDS and g.dep_ in {"mark", "dobj", "advmod", "nsubj"}
            for g in c.children
        ):
            return True
    return False


def _is_one_of(verb: Token, lemmas: Iterable[str]) -> bool:
    """Whether ``verb`` is a form of one of ``lemmas``. The word's own regular forms are
    tried too: the lemmatiser makes "staged" a form of "stag"."""
    if verb.lemma_.lower() in lemmas:
        return True
    w = verb.lower_
    return any(
        w in {b + "s", b + "d", b + "ed", b + "ing", b.removesuffix("e") + "ing"} for b in lemmas
    )


def _noun_predicate(tok: Token, p: TriggerPattern) -> Token | None:
    """The verb that makes an event noun a report ("held talks", "paid a visit"), or the
    noun itself when it names its own participants ("Boluarte's visit", "talks between")."""
    if p.modifier is not None and not any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in p.modifier for c in tok.children
    ):
        return None
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in MEASURES:
        tok = tok.head.head  # "started three days of exercises": the days are the object
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and p.light
        and f"{head.head.lemma_.lower()}:{head.lower_}" in p.light
        and head.head.pos_ == "VERB"
    ):
        return head.head  # "called for a general strike": that verb with that preposition
    if tok.dep_ == "pobj" and p.light and f"prep:{head.lower_}" in p.light:
        if head.lower_ == "under" and head.head.lemma_.lower() in STAYING:
            return None  # "remains under house arrest": a state, not an act
        return head.head  # "rallied in protest against X", "placed him under house arrest"
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        if p.lemma == "invitation" and head.lower_ == "at":
            return head.head  # "arrived at the invitation of X"
        if head.lower_ == "in" and head.head.lemma_ in {"engage", "take", "participate"}:
            return head.head  # "engage in talks", "take part in talks"
    if tok.dep_ in {"dobj", "nsubjpass"} and p.light and _is_one_of(head, p.light):
        return head
    if tok.dep_ == "nsubj" and head.lemma_.lower() in OCCURRING:
        return head
    if tok.dep_ == "dobj" and head.lemma_.lower() in CAUSING | WITNESSING:
        return tok
    if tok.dep_ in {"dobj", "nsubjpass"} and head.lemma_ in CANCELLING:
        return head  # "cancelled the talks", "the meeting was called off": negated reports
    has_owner = any(c.dep_ == "poss" for c in tok.children) or any(
        c.dep_ == "prep" and c.lower_ == "between" for c in tok.children
    )
    if has_owner and tok.dep_ not in {"pobj", "compound", "conj"}:
        return tok
    return None


def _object_undoes(tok: Token, words: Collection[str]) -> bool:
    """Whether the verb's direct object is one that makes it no event ("released footage")."""
    return any(
        c.lemma_.lower() in words or c.lower_ in words
        for c in tok.children
        if c.dep_ in {"dobj", "nsubjpass"}
    )


def undone(tok: Token) -> bool:
    """Whether a complement or object the lexicon says undoes this verb is there ("refused
    to comment", "released a statement"): no event, whoever reads the word."""
    comps = {c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp"}
    for p in patterns().get(("VERB", tok.lemma_.lower()), ()):
        if p.xcomp_not is not None and comps & set(p.xcomp_not):
            return True
        if p.object_not is not None and _object_undoes(tok, p.object_not):
            return True
    return False


def trigger_types(tok: Token) -> set[str]:
    """The event types the lexicon has for ``tok``'s word, as its part of speech."""
    return {p.type for p in patterns().get((tok.pos_, tok.lemma_.lower()), ())}


def matches(sent: Span) -> list[Found]:
    return [m for m in (match(tok) for tok in sent) if m is not None]


def trigger_words(f: Found) -> Span:
    """The trigger words: the word, or from a light verb to its noun ("held talks"). A
    verb's pattern whose predicate is another word (a judging word "said" reports,
    ``events/judgements.py``) is the word alone."""
    if f.pattern.pos == "VERB":
        return f.trigger.doc[f.trigger.i : f.trigger.i + 1]
    a, b = sorted([f.trigger, f.predicate], key=lambda t: t.i)
    return f.trigger.doc[a.i : b.i + 1]


def trigger_text(f: Found) -> str:
    return trigger_words(f).text


def lexicon_matches(sent: Span) -> list[tuple[str, str]]:
    """The (trigger words, pattern id) the lexicon finds in ``sent``, whether or not they
    became events: for explaining a sentence that was coded with none."""
    return [(trigger_text(f), f.pattern.id) for f in matches(sent)]
