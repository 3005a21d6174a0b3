"""Which triggers an article tells as news, by the role of their sentence (``dyad.article``).

- Headlines, standfirsts and page furniture tell nothing the body does not: a headline
  compresses the lead (no tense, no date, arguments cut), so its events are left to the body.
- In quoted speech only the speaker's own act is an event: a performative verb in the first
  person ("We condemn", "I order you to withdraw") or the speaker's appraisal told as a noun
  or adjective ("“unacceptable interference”"). What a quote describes (a meeting, an attack,
  a chant's "Free ...") is the speaker's account, not an act the report tells; the speaker's
  words themselves are the statement. PLOVER and the real-news set's analysts code it so.
- "Asked about the plan, the minister said ...", "did not respond when asked": a reporter's
  question framing the speech is not a request between the participants.
- Background (history told beside the news) is kept, at half the confidence: analysts code
  it as optional, so it is right but minor.
- An explanatory aside ("the raid, which was searching for ...", "Santos, who had signed a
  treaty ...") describes a participant: measured on the real-news dev set, none of the events
  Dyad coded from one was an event the analysts coded (0 of 5), so they are left out.
"""

from __future__ import annotations

from spacy.tokens import Token

from dyad.article.roles import FURNITURE, SentenceRoles
from dyad.events.clauses import subject_of
from dyad.events.triggers import Found

SPEECH_ACTS = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
LEFT_TO_THE_BODY = FURNITURE | {"headline", "standfirst", "aside"}
FIRST_PERSON = frozenset({"i", "we"})
BACKGROUND_WEIGHT = 0.5
REPORTING = frozenset(
    {"say", "tell", "add", "write", "tweet", "post", "state", "declare", "insist", "stress",
     "warn", "continue", "explain", "note", "reply", "respond"}
)  # fmt: skip


def told_as_news(found: Found, role: str, subject: Token | None) -> bool:
    """Whether ``found``, in a sentence of ``role``, reports an event; ``subject`` is the
    subject of its predicate."""
    if role in LEFT_TO_THE_BODY or press_question(found):
        return False
    if role == "quote":
        return speakers_act(found, subject)
    return True


def press_question(found: Found) -> bool:
    """ "Asked whether ..., he said", "when asked": a participle of "ask" with no subject of its
    own ("he was asked to leave" has one, and is a request)."""
    pred = found.predicate
    return (
        pred.lemma_.lower() == "ask"
        and pred.tag_ == "VBN"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "auxpass"} for c in pred.children)
    )


def speakers_act(found: Found, subject: Token | None) -> bool:
    if found.pattern.type not in SPEECH_ACTS:
        return False
    if found.predicate.pos_ in {"VERB", "AUX"} and found.predicate.i == found.trigger.i:
        return subject is not None and subject.lower_ in FIRST_PERSON
    return True


def speaker(tok: Token, roles: SentenceRoles) -> Token | None:
    """Who says the quote ``tok`` is in: the subject of a reporting verb outside the quote, in
    its sentence, the next one ("…,” the ministry said) or the one before ("X said:")."""
    sent = tok.sent
    doc = tok.doc
    order = [sent]
    if sent.end < len(doc):
        order.append(doc[sent.end].sent)
    if sent.start > 0:
        order.append(doc[sent.start - 1].sent)
    for s in order:
        for t in s:
            if t.lemma_.lower() not in REPORTING or roles.quoted(t) or t.pos_ != "VERB":
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            if subj is None and t.dep_ in {"advcl", "xcomp", "conj"}:
                # "confronted the general, saying, 'I order you ...'": the one confronting.
                subj = subject_of(t)
            if subj is not None and not roles.quoted(subj):
                return subj
    return None
