"""The shape of name and noun phrases in a parse: which words make a name, which modify a
role noun, which say a place.

Surface rules on purpose: the tagger splits long names and the parser hangs their halves
anywhere, so a name is the run of name-like words around its head, not a subtree.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyad.actors.kb import PARTICLES

LOCATIVE = {"in", "across", "throughout", "at", "near", "outside", "around"}
# Nouns that name what follows their "of" as a place ("the central African nation of Gabon").
PLACE_NOUNS = frozenset({
    "nation", "country", "state", "republic", "kingdom", "island", "city", "town", "region",
    "province", "capital", "village", "territory",
})  # fmt: skip
# Heads that only say what kind of body a known name before them is ("the ELN guerrilla
# group", "the Hamas militant movement"), and, in the plural, its armed members ("Hamas
# fighters", "M23 rebels"): PLOVER codes the group itself.
GROUP_HEADS = frozenset({"group", "movement", "organisation", "organization", "militia", "faction"})
MEMBER_HEADS = frozenset({
    "fighter", "rebel", "militant", "guerrilla", "militiaman", "gunman", "insurgent",
    "combatant",
})  # fmt: skip

# Heads that name a crowd ("thousands of protesters", "students"): a crowd acts where it
# stands ("protesters in Colombo stormed", ``dyad.where``).
CROWD_NOUNS = frozenset({
    "protester", "demonstrator", "crowd", "people", "thousand", "hundred", "dozen", "rioter",
    "marcher", "student", "worker", "supporter", "resident",
})  # fmt: skip


def names_the_group(head_lemma: str, *, plural: bool) -> bool:
    return head_lemma in GROUP_HEADS or (plural and head_lemma in MEMBER_HEADS)


COMPASS = {
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "case", "punct", "det", "nummod", "prep"}
INNER_DEPS = {"compound", "amod", "nmod", "flat"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}


def is_furniture(sent: Span) -> bool:
    """Photo credits, bylines and captions have no verb: their names are not actors."""
    return not any(t.pos_ in {"VERB", "AUX"} for t in sent)


def modifiers(head: Token) -> list[Token]:
    """The words before ``head`` that modify it (titles, nationalities, given names): the
    unbroken stretch of its left subtree with modifier dependencies."""
    out: list[Token] = []
    doc = head.doc
    allowed = MODIFIER_DEPS | {"conj", "cc"}
    for i in range(head.i - 1, head.sent.start - 1, -1):
        t = doc[i]
        if t.dep_ not in allowed or t.dep_ == "prep" or not head.is_ancestor(t):
            break
        out.append(t)
    out.reverse()
    return out


def clause_subjects(tok: Token) -> set[int]:
    """Subjects of the clause an object pronoun sits in: "Blinken urged him" is not
    Blinken (a reflexive would be)."""
    if tok.dep_ not in {"dobj", "dative", "iobj", "pobj"}:
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return {t.i for s in subjects for t in (s, *s.conjuncts)}


def is_inner(tok: Token) -> bool:
    """A word inside a larger noun phrase ("Chinese" in "Chinese enterprises", "Romanian"
    in "Hungarian and Romanian officials"): resolved with its head, not alone."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    inner = t.dep_ in INNER_DEPS or (t.dep_ == "poss" and t.pos_ != "PRON")
    return inner and t.head.i > t.i and t.head.pos_ in {"NOUN", "PROPN"}


def _after_place_noun(tok: Token) -> bool:
    """``tok`` is the name a place noun's "of" introduces ("the nation of *Gabon*")."""
    of = tok.head
    in_of = tok.dep_ == "pobj" and of.dep_ == "prep" and of.lower_ == "of"
    return in_of and of.head.lemma_ in PLACE_NOUNS


def named_place(tok: Token) -> Token:
    """The name a place noun introduces ("the nation of Gabon" -> Gabon), else ``tok``."""
    return next((p for of in tok.children for p in of.children if _after_place_noun(p)), tok)


def placed(tok: Token) -> bool:
    """Said as a place: "in central Mali", "across Jordan", "the nation of Gabon" (the
    recogniser may still call a one-word country a person)."""
    return (
        _after_place_noun(tok)
        or (tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE)
        or any(c.dep_ == "amod" and c.lower_ in COMPASS for c in tok.children)
    )


def name_like(t: Token) -> bool:
    if t.pos_ == "PROPN":
        return True
    if len(t.text) > 1 and t.text.isupper() and t.pos_ in {"PRON", "NOUN", "X"}:
        return True  # an acronym the tagger took for a word ("WHO")
    return t.ent_type_ in ENTITY_LABELS and t.pos_ in {"NOUN", "ADJ", "X", "NUM"}


def glued(t: Token) -> bool:
    """A hyphen inside a word ("Jae-in", "Meza-Cuadra"), not a dash between words."""
    return t.text in {"-", "‐"} and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


# A name glued to one of these participles makes an adjective about someone else: "Iran-backed
# militias" are not Iran, "the London-based observatory" is not Britain's.
PARTICIPLES = frozenset({
    "backed", "based", "led", "allied", "aligned", "funded", "sponsored", "supported", "run",
    "controlled", "owned", "linked", "affiliated", "armed", "trained", "dominated", "held",
    "installed", "brokered", "mediated", "born", "friendly", "leaning",
})  # fmt: skip


def describing(t: Token) -> bool:
    """A modifier that says what a role holder is like, not who they are: an adjective
    ("key"), a participle ("armed"), an adverb on one ("heavily"), or a name no lexicon
    knows ("Nepal's Maoist rebels": rebels, of Nepal)."""
    if t.dep_ == "advmod":
        return t.head.dep_ == "amod"
    if t.dep_ == "compound":
        return t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "LOC", "PERSON"}
    return t.dep_ == "amod" and (t.pos_ == "ADJ" or t.tag_ == "VBN")


def participle_after(t: Token) -> Token | None:
    """The participle ``t`` is glued to ("backed" for "Iran" in "Iran-backed"), if any."""
    doc = t.doc
    if t.i + 2 < len(doc) and glued(doc[t.i + 1]) and doc[t.i + 2].lower_ in PARTICIPLES:
        return doc[t.i + 2]
    return None


def name_run(head: Token) -> tuple[int, int]:
    """The proper-noun run around ``head``: [start, end] token indices, both inclusive.

    Surface-based on purpose: the tagger may split one long name into two entities, and the
    parser may attach the halves anywhere.
    """
    doc, sent = head.doc, head.sent
    s = e = head.i
    i = s - 1
    while i >= sent.start:
        t = doc[i]
        if name_like(t):
            s, i = i, i - 1
        elif glued(t) and i - 1 >= sent.start:
            s, i = i - 1, i - 2
        elif t.lower_ in PARTICLES:
            j = i
            while j >= sent.start and doc[j].lower_ in PARTICLES:
                j -= 1
            if j >= sent.start and name_like(doc[j]) and i - j <= 3:
                s, i = j, j - 1
            else:
                break
        else:
            break
    i = e + 1
    while i < sent.end:
        t = doc[i]
        if name_like(t):
            e, i = i, i + 1
        elif glued(t) and i + 1 < sent.end and doc[i + 1].lower_ not in PARTICIPLES:
            e, i = i + 1, i + 2
        elif t.lower_ in PARTICLES:
            j = i
            while j < sent.end and doc[j].lower_ in PARTICLES:
                j += 1
            if j < sent.end and name_like(doc[j]) and j - i <= 3:
                e, i = j, j + 1
            else:
                break
        else:
            break
    return s, e


def window(start: int, doc: Doc, sent: Span) -> int:
    """Where the description before a name begins: lower-case titles, "of", possessives
    ("Peru's foreign minister Elmer Schialer", "Secretary of State Antony Blinken")."""
    i = start - 1
    first = start
    while i >= sent.start:
        t = doc[i]
        if t.pos_ in {"ADJ", "NOUN", "PROPN"} or t.tag_ == "POS" or t.lower_ == "of" or glued(t):
            first, i = i, i - 1
        else:
            break
    while first < start and (doc[first].lower_ == "of" or doc[first].tag_ == "POS"):
        first += 1
    return first


def proper(doc: Doc, starts: list[int]) -> set[int]:
    """Word positions inside a person's name that are nouns, never country adjectives."""
    return {
        k for k, i in enumerate(starts) if doc[i].ent_type_ == "PERSON" and doc[i].pos_ != "ADJ"
    }


def words(tokens: list[Token]) -> tuple[list[str], list[str], list[int]]:
    """Texts and lemmas of ``tokens`` with glued hyphens joined ("Director-General"), and
    the token index each word starts at."""
    words: list[str] = []
    lemmas: list[str] = []
    starts: list[int] = []
    glue = False
    for t in tokens:
        if glued(t) and words:
            words[-1] += t.text
            lemmas[-1] += t.text
            glue = True
            continue
        if glue:
            words[-1] += t.text
            lemmas[-1] += t.lemma_
            glue = False
            continue
        words.append(t.text)
        lemmas.append(t.lemma_)
        starts.append(t.i)
    return words, lemmas, starts


def of_object(head: Token) -> Token | None:
    """The noun an "of" phrase on ``head`` names ("a group *of* officers"), if any."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.pos_ in {"NOUN", "PROPN"}:
                    return p
    return None


def places_acted_in(tok: Token) -> list[Token]:
    """The toponyms of the clause ``tok`` is the subject of, through a quantity ("thousands
    of people"), where the act was done: on the verb or on its object ("blocked streets in
    Hong Kong", "across Nigeria"), not inside a purpose ("to protest against the war in
    Gaza")."""
    cur = tok
    while cur.dep_ in {"pobj", "prep"} or (
        cur.dep_ in {"nsubj", "nsubjpass"} and cur.head.pos_ not in {"VERB", "AUX"}
    ):
        if cur.head.i == cur.i:
            return []
        cur = cur.head
    if cur.dep_ not in {"nsubj", "nsubjpass"} or cur.head.pos_ not in {"VERB", "AUX"}:
        return []
    verb = cur.head
    holders = {verb.i} | {c.i for c in verb.children if c.dep_ == "dobj"}
    out = []
    for t in verb.subtree:
        if t.dep_ != "pobj":
            continue
        place = t if t.ent_type_ in {"GPE", "LOC"} else None
        if place is None:
            # "in the Samara region", "in Kharkiv province": the place named inside the
            # noun; else a proper noun the recogniser missed ("in Kharkiv").
            named = (
                c for c in t.children if c.dep_ == "compound" and c.ent_type_ in {"GPE", "LOC"}
            )
            place = next(named, t if t.pos_ == "PROPN" else None)
        if place is None:
            continue
        prep = t.head
        if prep.lower_ == "of" and prep.head.dep_ == "pobj":
            prep = prep.head.head  # "in the capital city of Algiers"
        if prep.lower_ in LOCATIVE and prep.head.i in holders:
            out.append(place)
    return out


def stranded_subject(clause: Token) -> Token | None:
    """ "Oman said it on Monday agreed a truce": a time word after the pronoun
    makes the parser take the reported clause's subject for the speaking verb's object."""
    if clause.dep_ != "ccomp" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
        return None
    head = clause.head
    for c in head.children:
        if c.dep_ == "dobj" and c.tag_ == "PRP" and head.i < c.i < clause.i:
            return c
    return None
