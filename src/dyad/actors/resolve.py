"""Resolve every actor mention of a parsed document, in reading order.

Reading order matters: pronouns and descriptions ("she", "the Peruvian leader", "the two
leaders") refer back to actors already seen, so the resolver keeps a salience history.
The result maps the head token of each mention to its ``ActorRef`` list; the events stage
looks arguments up there instead of resolving them again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dyad.actors.kb import Entry, KnowledgeBase
from dyad.actors.lexicon import Lexicon, lexicon
from dyad.records import ActorRef

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
PLURAL_PRONOUNS = {"they", "them", "their"}
# "the two leaders", "both sides": heads that name every participant in play.
PAIR_PERSON_NOUNS = {"leader", "president", "premier", "minister", "head", "official"}
PAIR_STATE_NOUNS = {"country", "nation", "side", "government", "state", "party"}
FEMALE_WORDS = {"spokeswoman", "chairwoman", "mrs", "ms", "madam", "queen", "congresswoman"}
MALE_WORDS = {"spokesman", "chairman", "mr", "king", "congressman"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "case", "punct", "det", "nummod", "prep"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}


@dataclass(slots=True)
class _Seen:
    ref: ActorRef
    gender: str | None
    sentence: int
    is_person: bool


@dataclass(slots=True)
class DocumentActors:
    """Resolved mentions of one document, keyed by the index of their head token."""

    by_token: dict[int, list[ActorRef]] = field(default_factory=dict)
    host_hint: str | None = None  # most frequent non-foreign country, set by callers

    def at(self, token: Token) -> list[ActorRef]:
        return self.by_token.get(token.i, [])


def _is_furniture(sent: Span) -> bool:
    """Photo credits, bylines and captions have no verb: their names are not actors."""
    return not any(t.pos_ in {"VERB", "AUX"} for t in sent)


def _modifiers(head: Token) -> list[Token]:
    """The words before ``head`` that modify it (titles, nationalities, given names)."""
    out: list[Token] = []
    i = head.i - 1
    doc = head.doc
    while i >= head.sent.start:
        t = doc[i]
        # A modifier depends, directly or through other modifiers, on the head.
        anc = t
        while anc.i != head.i and anc.head.i != anc.i and anc.i < head.i:
            anc = anc.head
        if anc.i != head.i or t.dep_ not in MODIFIER_DEPS or t.dep_ == "prep":
            break
        if t.dep_ == "poss" and t.i != head.i - 1 and t.pos_ != "PRON":
            out.insert(0, t)
        else:
            out.insert(0, t)
        i -= 1
    return out


def _role_phrase(words: list[str], lex: Lexicon) -> tuple[str | None, str | None, int]:
    """The longest role phrase ending at the last word; returns (phrase, sector, length)."""
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[-n:])
        if phrase in lex.roles:
            return phrase, lex.roles[phrase], n
    return None, None, 0


def _titles_in(tokens: list[Token], lex: Lexicon) -> tuple[str | None, str | None, set[int]]:
    """Find the longest role phrase among ``tokens`` (e.g. "Foreign Minister", "Premier")."""
    best: tuple[str | None, str | None, set[int]] = (None, None, set())
    for end in range(len(tokens), 0, -1):
        words = [t.lower_ for t in tokens[:end]]
        phrase, sector, n = _role_phrase(words, lex)
        if phrase and n > len(best[2]):
            best = (phrase, sector, {t.i for t in tokens[end - n : end]})
    return best


class _Resolver:
    def __init__(self, doc: Doc, kb: KnowledgeBase, day: dt.date | None) -> None:
        self.doc = doc
        self.kb = kb
        self.day = day
        self.lex = lexicon()
        self.history: list[_Seen] = []
        self.known_ids: set[str] = set()
        self.ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                for t in ent:
                    self.ent_at[t.i] = ent
        # Full names anywhere in the text settle surnames everywhere, the headline included:
        # "Blinken meets Xi" is about Xi Jinping when the body names him.
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 2:
                for e in kb.exact(ent.text):
                    self.known_ids.add(e.id)

    # -- building refs -------------------------------------------------------------------
    def _kb_ref(self, entry: Entry, text: str, how: str, conf: float) -> ActorRef:
        role = self.kb.role_on(entry, self.day)
        return ActorRef(
            text=text,
            name=entry.name,
            actor_id=entry.id,
            country=role.country,
            sector=role.sector,
            role=role.title,
            code=role.country + role.sector,
            resolved_by=how,  # type: ignore[arg-type]
            confidence=conf,
        )

    @staticmethod
    def _composed(
        text: str,
        name: str,
        country: str | None,
        sector: str | None,
        role: str | None,
        how: str = "composed",
        conf: float = 0.6,
    ) -> ActorRef:
        return ActorRef(
            text=text,
            name=name,
            actor_id=None,
            country=country,
            sector=sector,
            role=role,
            code=(country or "") + (sector or ""),
            resolved_by=how,  # type: ignore[arg-type]
            confidence=conf,
        )

    def _country_from(self, tokens: list[Token], head: Token) -> str | None:
        for t in tokens:
            c = self.lex.country_of_word(t.text)
            if c:
                return c
        # "the President of Peru", "Peru's foreign minister"
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for p in child.children:
                    if p.dep_ == "pobj":
                        c = self.lex.country_of_word(p.text) or self.lex.country_of_word(
                            self._span_text(p)
                        )
                        if c:
                            return c
        return None

    def _span_text(self, head: Token) -> str:
        ent = self.ent_at.get(head.i)
        if ent is not None and ent.root.i == head.i:
            return ent.text
        return head.text

    # -- candidates ----------------------------------------------------------------------
    def _pick(self, cands: list[Entry], title: str | None, country: str | None) -> Entry | None:
        if len(cands) <= 1:
            return cands[0] if cands else None
        seen = [c for c in cands if c.id in self.known_ids]
        if len(seen) == 1:
            return seen[0]
        pool = seen or cands
        if title:
            t = title.lower()
            titled = [c for c in pool if t in (self.kb.role_on(c, self.day).title or "").lower()]
            if len(titled) == 1:
                return titled[0]
            pool = titled or pool
        if country:
            same = [c for c in pool if self.kb.role_on(c, self.day).country == country]
            if len(same) == 1:
                return same[0]
            pool = same or pool
        current = [c for c in pool if self.kb.role_on(c, self.day).current]
        return current[0] if len(current) == 1 else None

    def _lookup(
        self, name: str, title: str | None, country: str | None
    ) -> tuple[Entry, str, float] | None:
        exact = self.kb.exact(name)
        if exact:
            e = self._pick(exact, title, country)
            if e is not None:
                how = "kb" if e.name.lower() == name.lower() else "alias"
                return e, how, 0.95
        parts = name.replace("-", " ").split()
        for key in [" ".join(parts[-2:]), parts[-1], parts[0]] if parts else []:
            sur = [c for c in self.kb.surname(key) if c.kind == "person"]
            e = self._pick(sur, title, country)
            if e is not None:
                return e, "alias", 0.85
        fuzzy, score = self.kb.fuzzy(name)
        e = self._pick(fuzzy, title, country)
        if e is not None:
            return e, "fuzzy", round(score / 100 * 0.9, 3)
        return None

    # -- mention kinds -------------------------------------------------------------------
    def _named(self, head: Token, sent_i: int) -> list[ActorRef]:
        ent = self.ent_at.get(head.i)
        mods = _modifiers(head)
        apps = [c for c in head.children if c.dep_ == "appos"]
        label = ent.label_ if ent is not None else ""
        words = [*mods, head]
        title, sector, title_ids = _titles_in(words, self.lex)
        if title is None:
            for a in apps:
                title, sector, _ = _titles_in([*_modifiers(a), a], self.lex)
                if title:
                    break
        country = self._country_from(words, head)
        if country is None:
            for a in apps:
                country = self._country_from([*_modifiers(a), a], a)
                if country:
                    break
        name_toks = [
            t
            for t in words
            if t.i not in title_ids and t.pos_ == "PROPN" and not self.lex.country_of_word(t.text)
        ]
        start = next((t.i for t in words if t.dep_ not in {"det", "punct", "case"}), head.i)
        text = self.doc[start : head.i + 1].text
        name = " ".join(t.text for t in name_toks) or head.text

        if label == "GPE" or (not name_toks and self.lex.country_of_word(head.text)):
            return self._place_actor(head, text)
        if label in {"PERSON", "ORG", "FAC", ""} and name_toks:
            full = self.doc[name_toks[0].i : name_toks[-1].i + 1].text
            for candidate in dict.fromkeys([full, name, (ent.text if ent is not None else name)]):
                hit = self._lookup(
                    candidate.removeprefix("the ").removeprefix("The "), title, country
                )
                if hit:
                    entry, how, conf = hit
                    ref = self._kb_ref(entry, text, how, conf)
                    self.known_ids.add(entry.id)
                    gender = entry.gender
                    self._remember(ref, gender, sent_i, entry.kind == "person")
                    return [ref]
        if name_toks:
            earlier = self._named_before(name)
            if earlier is not None:
                ref = replace(earlier.ref, text=text, resolved_by="coref", confidence=0.75)
                self._remember(ref, earlier.gender, sent_i, earlier.is_person)
                return [ref]
        if label == "PERSON" or (title and name_toks):
            gender = self._gender_of(words + apps)
            ref = self._composed(text, name, country, sector, title, conf=0.6 if country else 0.3)
            self._remember(ref, gender, sent_i, True)
            return [ref]
        if label in {"ORG", "NORP"} or title:
            # "The Chinese Foreign Ministry": nationality + role words.
            org_title, org_sector, _ = _titles_in(words, self.lex)
            if country and org_sector:
                ref = self._composed(
                    text,
                    text.removeprefix("the ").removeprefix("The "),
                    country,
                    org_sector,
                    org_title,
                )
                self._remember(ref, None, sent_i, False)
                return [ref]
        return []

    def _named_before(self, name: str) -> _Seen | None:
        """An unknown person named in full earlier in the document ("Boluarte" after
        "Dina Boluarte"): the same person, with the country and role found then."""
        words = set(name.lower().split())
        for seen in reversed(self.history):
            if seen.ref.actor_id is None and seen.ref.resolved_by in {"composed", "coref"}:
                if words and words <= set(seen.ref.name.lower().split()):
                    return seen
        return None

    def _place_actor(self, head: Token, text: str) -> list[ActorRef]:
        name = self._span_text(head)
        iso = self.lex.country_of_word(name)
        if iso:
            return [
                self._composed(
                    text, self.lex.country_names.get(iso, name), iso, None, None, "state", 0.9
                )
            ]
        iso = self.lex.capitals.get(name.lower())
        if iso:
            # "Beijing said ..." is the government; "a visit to Beijing" is the state.
            sector = "GOV" if head.dep_ in {"nsubj", "nsubjpass"} else None
            return [
                self._composed(
                    text, self.lex.country_names.get(iso, name), iso, sector, None, "state", 0.8
                )
            ]
        return []

    def _gender_of(self, tokens: list[Token]) -> str | None:
        for t in tokens:
            if t.lower_ in FEMALE_WORDS:
                return "female"
            if t.lower_ in MALE_WORDS:
                return "male"
        return None

    def _remember(self, ref: ActorRef, gender: str | None, sent_i: int, is_person: bool) -> None:
        self.history.append(_Seen(ref, gender, sent_i, is_person))

    def _pronoun(self, tok: Token) -> list[ActorRef]:
        low = tok.lower_
        if low in PRONOUN_GENDER:
            want = PRONOUN_GENDER[low]
            for seen in reversed(self.history):
                if seen.is_person and seen.gender in (want, None):
                    return [replace(seen.ref, text=tok.text, resolved_by="coref", confidence=0.7)]
            return []
        if low in PLURAL_PRONOUNS:
            return self._pair(tok, persons=True)
        return []

    def _pair(self, tok: Token, *, persons: bool) -> list[ActorRef]:
        """The last two distinct participants: persons for "the two leaders", else countries."""
        out: list[ActorRef] = []
        keys: set[str] = set()
        for seen in reversed(self.history):
            if persons and not seen.is_person:
                continue
            key = (seen.ref.actor_id or seen.ref.name) if persons else (seen.ref.country or "")
            if not key or key in keys:
                continue
            keys.add(key)
            ref = seen.ref
            if not persons:
                ref = self._composed(
                    tok.text, self.lex.country_names.get(key, key), key, None, None, "coref", 0.6
                )
            out.append(replace(ref, text=self._np_text(tok), resolved_by="coref", confidence=0.65))
            if len(out) == 2:
                break
        return list(reversed(out)) if len(out) == 2 else []

    def _np_text(self, tok: Token) -> str:
        mods = [m for m in _modifiers(tok)]
        start = mods[0].i if mods else tok.i
        return self.doc[start : tok.i + 1].text

    def _common_noun(self, tok: Token, sent_i: int) -> list[ActorRef]:
        mods = _modifiers(tok)
        lower_mods = {m.lower_ for m in mods}
        is_pair = ("two" in lower_mods or "both" in lower_mods) and tok.tag_ in {"NNS", "NNPS"}
        if is_pair and tok.lemma_.lower() in PAIR_PERSON_NOUNS:
            return self._pair(tok, persons=True)
        if is_pair and tok.lemma_.lower() in PAIR_STATE_NOUNS:
            return self._pair(tok, persons=False)
        words = [m.lower_ for m in mods if m.dep_ in {"compound", "amod"}] + [tok.lemma_.lower()]
        phrase, sector, _ = _role_phrase(words, self.lex)
        if phrase is None:
            return []
        if phrase in self.lex.generic_roles:
            # "foreign ministry spokeswoman": the modifier says whose official this is.
            mod_phrase, mod_sector, _ = _titles_in(
                [m for m in mods if m.dep_ == "compound"], self.lex
            )
            if mod_sector:
                phrase, sector = mod_phrase, mod_sector
        country = self._country_from(mods, tok)
        definite = any(m.lower_ in {"the", "this", "that"} for m in mods) or any(
            m.dep_ == "poss" for m in mods
        )
        singular = tok.tag_ in {"NN", "NNP"}
        text = self._np_text(tok)
        if definite and singular:
            # "the Peruvian leader", "the Chinese premier": someone already named.
            for seen in reversed(self.history):
                r = seen.ref
                if not seen.is_person:
                    continue
                if country and r.country != country:
                    continue
                if (
                    tok.lemma_.lower() not in PAIR_PERSON_NOUNS
                    and tok.lemma_.lower() not in (r.role or "").lower()
                ):
                    continue
                return [replace(r, text=text, resolved_by="coref", confidence=0.7)]
        if country is None:
            return []
        ref = self._composed(
            text, text.removeprefix("the ").removeprefix("The "), country, sector, phrase
        )
        if definite:
            # "a Peruvian leader" is anyone; only a definite description can be referred to.
            self._remember(ref, self._gender_of([*mods, tok]), sent_i, singular)
        return [ref]

    def run(self) -> DocumentActors:
        out = DocumentActors()
        for sent_i, sent in enumerate(self.doc.sents):
            furniture = _is_furniture(sent)
            mark = len(self.history)
            for tok in sent:
                refs: list[ActorRef] = []
                ent = self.ent_at.get(tok.i)
                if tok.pos_ == "PRON":
                    refs = self._pronoun(tok)
                elif ent is not None and ent.root.i == tok.i:
                    refs = self._named(tok, sent_i)
                elif tok.pos_ == "PROPN" and tok.dep_ not in {"compound", "amod"}:
                    refs = self._named(tok, sent_i)
                elif tok.pos_ in {"NOUN", "PROPN"}:
                    refs = self._common_noun(tok, sent_i)
                if refs:
                    out.by_token[tok.i] = refs
            if furniture:
                del self.history[mark:]
                for t in sent:
                    out.by_token.pop(t.i, None)
        return out


def resolve_document(doc: Doc, kb: KnowledgeBase, *, day: dt.date | None) -> DocumentActors:
    """Resolve all actor mentions in ``doc``; roles are taken as of ``day`` when given."""
    return _Resolver(doc, kb, day).run()
