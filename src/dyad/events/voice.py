"""Who does and who undergoes a passive predicate.

"were killed by militants": the agent acts, the subject suffers. A participle that completes
a passive verb of report or perception is passive too, with that verb's subject as the one it
happens to: "dozens were reported killed", "two soldiers were seen wounded" (read naively,
the dead would be the killers).
"""

from __future__ import annotations

from spacy.tokens import Token

# "had the president arrested", "got him deported": the verb's subject causes the act.
CAUSATIVES = {"have", "get"}
# "Israel is opposed to French mediation", "is prepared to impose": a state of mind, the
# subject holds it (no one does it to them).
STATIVE_PARTICIPLES = {"oppose", "commit", "prepare", "determine", "dedicate", "resolve"}


def _completes_passive(pred: Token) -> bool:
    """ "were reported *killed*": a bare participle complement of a passive verb."""
    return (
        pred.tag_ == "VBN"
        and pred.dep_ in {"xcomp", "oprd"}
        and not any(c.dep_ in {"aux", "nsubj", "nsubjpass"} for c in pred.children)
        and any(c.dep_ == "nsubjpass" for c in pred.head.children)
    )


def _after_be(pred: Token) -> bool:
    """ "Ndiaye was on 3 May sentenced": with words between, the parser makes "was" the
    main verb and hangs the participle on it; its subject is the passive subject."""
    return (
        pred.tag_ == "VBN"
        and pred.dep_ in {"advcl", "xcomp"}
        and pred.lemma_.lower() not in STATIVE_PARTICIPLES
        and pred.head.lemma_ == "be"
        and pred.head.i < pred.i
        and not any(c.dep_ in {"aux", "nsubj", "nsubjpass"} for c in pred.children)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in pred.head.children)
    )


def _causative(pred: Token) -> tuple[Token, Token] | None:
    """ "the court had the president *arrested* (and removed)": the causing verb of a
    participle, and who undergoes the act (the parser makes that one the participle's
    subject, or the causing verb's object with the participle hung on it)."""
    if pred.dep_ == "conj" and pred.head.tag_ == "VBN":
        pred = pred.head
    if pred.tag_ != "VBN" or any(c.dep_ == "agent" for c in pred.children):
        # "Navalny had his appeal rejected by a Moscow court": with a by-agent the subject
        # underwent the act, and the agent did it.
        return None
    head = pred.head
    if pred.dep_ in {"ccomp", "xcomp"} and head.lemma_.lower() in CAUSATIVES:
        subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        return (head, subj) if subj is not None else None
    if pred.dep_ == "acl" and head.dep_ == "dobj" and head.head.lemma_.lower() in CAUSATIVES:
        return head.head, head
    return None


def is_passive(pred: Token) -> bool:
    if pred.pos_ != "VERB":
        return False
    if _causative(pred) is not None:
        return True
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in pred.children):
        # "Signed on Friday by Petro and García, the ceasefire ...": a participle with its
        # agent is passive without an auxiliary.
        agent = pred.tag_ == "VBN" and any(c.dep_ == "agent" for c in pred.children)
        return agent or _completes_passive(pred) or _after_be(pred)
    stative = pred.lemma_.lower() in STATIVE_PARTICIPLES and not agents(pred)
    return not stative


def agents(pred: Token) -> list[Token]:
    """The "by" agents of a passive predicate (on the verb it completes, too); a causative's
    subject ("the court had him arrested")."""
    causative = _causative(pred)
    if causative is not None:
        cause = causative[0]
        return [c for c in cause.children if c.dep_ == "nsubj"] or [
            c for c in cause.head.children if c.dep_ == "nsubj" and cause.dep_ == "conj"
        ]
    holders = [pred, pred.head] if _completes_passive(pred) else [pred]
    found = [
        p for h in holders for c in h.children if c.dep_ == "agent" for p in c.children
        if p.dep_ == "pobj"
    ]  # fmt: skip
    if found or not any(c.dep_ == "nsubjpass" for c in pred.children):
        return found
    # "Ukraine was given aid by Germany": in a passive that keeps its object the parser
    # hangs "by" on the object, as if Germany's aid.
    return [
        p for o in pred.children if o.dep_ == "dobj" for c in o.children
        if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"
    ]  # fmt: skip


def patients(pred: Token) -> list[Token]:
    """The passive subject: the one the act is done to; a causative participle's subject."""
    causative = _causative(pred)
    if causative is not None:
        return [causative[1]]
    if _after_be(pred):
        return [c for c in pred.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    holder = pred.head if _completes_passive(pred) else pred
    found = [c for c in holder.children if c.dep_ == "nsubjpass"]
    if not found and any(c.dep_ == "auxpass" for c in holder.children):
        # "the leader was on Monday sentenced": words between the auxiliary and the
        # participle make the parser call the passive subject an active one.
        found = [c for c in holder.children if c.dep_ == "nsubj"]
    return found
