"""Resolve every actor mention of a parsed document, in reading order.

Reading order matters: pronouns and descriptions ("she", "the Peruvian leader", "the two
leaders") refer back to actors already seen, so the resolver keeps a salience history.
The result maps the head token of each mention to its ``ActorRef`` list; the events stage
looks arguments up there instead of resolving them again.

A mention is a noun phrase, found at its syntactic head:
- a name (``_named``): the run of proper nouns around the head, taken together even where
  the parser split it into two entities ("Dina Ercilia" / "Boluarte Zegarra"), with the
  title, nationality and organisation words before it ("IMF Managing Director ...") or in an
  apposition (", Peru's foreign minister"). Known names come from the knowledge base with the
  role held on the document's date; unknown people are composed from those words.
- a country or capital (``_place``): the state; a capital as subject is its government.
- a common noun (``_common``): "Chinese enterprises", "a foreign ministry spokeswoman",
  definite descriptions that refer back ("the Peruvian leader") and groups ("the two
  leaders", "both countries").
- a pronoun (``_pronoun``): the person it can only be, or both participants for "they".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dyad.actors import phrases
from dyad.actors.anaphora import DEFINITE, earlier_organ, the_country
from dyad.actors.context import (
    CONTEXT_SECTORS,
    Pending,
    dateline_country,
    headline_country,
    in_context,
    report_country,
    serving,
    stateless,
)
from dyad.actors.kb import Entry, KnowledgeBase, name_key, title_score
from dyad.actors.lexicon import lexicon, straight
from dyad.actors.located import located, place_country
from dyad.actors.match import NON_STATES, Peeled, match_name, peel
from dyad.actors.nouns import (
    BODIES,
    COUNTERPART_NOUNS,
    CROWD_SECTORS,
    FEMALE_WORDS,
    FURNITURE,
    GROUP_PERSON_NOUNS,
    GROUP_SIZE,
    GROUP_STATE_NOUNS,
    MALE_WORDS,
    NGO_WORDS,
    ORG_HEADS,
    STATE_OFFICES,
    SUBJECT_DEPS,
)
from dyad.actors.regions import region_country
from dyad.actors.sides import as_place, counted_parties, political_sides, side_noun, sides
from dyad.article.structure import find_dateline
from dyad.records import ActorRef

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
PLURAL_PRONOUNS = {"they", "them", "their"}
# Subjects of reported clauses that stand for the reporter ("Syria says it will ...").
REPORTED_PRONOUNS = {"it", "they", "he", "she", "we"}
OWNER_PRONOUNS = {"its", "their"}
SPEECH_VERBS = {
    "say", "announce", "tell", "add", "insist", "confirm", "declare", "state", "report",
    "warn", "claim", "indicate", "signal", "stress", "reiterate", "vow", "pledge", "promise",
}  # fmt: skip
# Confidence by kind of evidence.
CONF_STATE = 0.9
CONF_CAPITAL = 0.8
CONF_COMPOSED = 0.6
CONF_COMPOSED_NO_COUNTRY = 0.3
CONF_ORG_LOWER = 0.85  # an organisation's name written as common nouns
CONF_HOLDER = 0.7  # "the French president": whoever held the office that day
CONF_COREF_NAME = 0.75
CONF_COREF = 0.7
CONF_COREF_GROUP = 0.65
CONF_COREF_PRONOUN = 0.7
CONF_COREF_GUESS = 0.5  # a pronoun with several candidates: the last subject


@dataclass(slots=True)
class _Seen:
    ref: ActorRef
    gender: str | None
    sentence: int
    is_person: bool
    subject: bool
    head: int  # token index of the mention's head
    extent: range  # token indices of the name (a parser may hang the sentence on any)

    @property
    def key(self) -> str:
        return self.ref.actor_id or f"{self.ref.code}:{self.ref.name}"


@dataclass(slots=True)
class DocumentActors:
    """Resolved mentions of one document, keyed by the index of their head token."""

    by_token: dict[int, list[ActorRef]] = field(default_factory=dict)
    host_hint: str | None = None  # most frequent non-foreign country, set by callers
    headline_country: str | None = None  # the one country the headline names

    def at(self, token: Token) -> list[ActorRef]:
        return self.by_token.get(token.i, [])


class _Resolver:
    def __init__(
        self,
        doc: Doc,
        kb: KnowledgeBase,
        day: dt.date | None,
        headline_country: str | None = None,
    ) -> None:
        self.doc = doc
        self.headline_country = headline_country
        self.kb = kb
        self.day = day
        self.lex = lexicon()
        self.history: list[_Seen] = []
        self.sentence_at = {s.start: i for i, s in enumerate(doc.sents)}
        self.out = DocumentActors()  # the mentions resolved so far, filled by run()
        self.known_ids: set[str] = set()
        self.done: set[int] = set()  # tokens already part of a resolved mention
        self.pending: list[Pending] = []  # bare role nouns, placed by the report's country
        # Names several people share that day ("Harris" in April 2024), by head token: the
        # report's country picks one once the whole document is read.
        self.shared: dict[int, list[Entry]] = {}
        self.last_run: tuple[int, int] = (0, -1)  # the name run of the last named mention
        self.ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in phrases.ENTITY_LABELS and ent.text.lower() not in FURNITURE:
                for t in ent:
                    self.ent_at[t.i] = ent
        # Full names anywhere in the text settle surnames everywhere, the headline included:
        # "Blinken meets Xi" is about Xi Jinping when the body names him.
        # The recogniser calls some full names organisations ("Rodrigo Duterte"): those
        # count when they are a known person's exact name.
        for ent in doc.ents:
            if len(ent) >= 2 and ent.label_ in {"PERSON", "ORG"}:
                s, e = phrases.name_run(ent.root)
                words = [t.text for t in doc[s : e + 1]]
                rest = words[peel(words, kb).name_start :]
                if len(rest) >= 2:
                    hit, _ = match_name(kb, rest, day=day, exact_only=ent.label_ != "PERSON")
                    if hit is not None and hit.how != "fuzzy" and hit.entry.kind == "person":
                        self.known_ids.add(hit.entry.id)

    # -- building refs -------------------------------------------------------------------
    def _kb_ref(
        self,
        entry: Entry,
        text: str,
        how: str,
        conf: float,
        title: str | None = None,
        country: str | None = None,
        sector: str | None = None,
    ) -> ActorRef:
        role = self.kb.role_on(entry, self.day, title=title, country=country)
        # Before any recorded office, the text's own title says what they were.
        now = sector if not role.started and sector and sector != "ELI" else role.sector
        return ActorRef(
            text=text,
            name=entry.name,
            actor_id=entry.id,
            country=role.country,
            sector=now,
            role=title if now != role.sector else role.title,
            code=role.country + now,
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
        conf: float = CONF_COMPOSED,
    ) -> ActorRef:
        if country in BODIES and sector in STATE_OFFICES:
            sector = "IGO"  # "the UN rights chief", "an EU official": the body's, not a state's
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

    def _state(self, iso: str, text: str, sector: str | None, how: str, conf: float) -> ActorRef:
        return self._composed(
            text, self.lex.country_names.get(iso, iso), iso, sector, None, how, conf
        )

    def _remember(
        self, ref: ActorRef, gender: str | None, sent_i: int, is_person: bool, head: Token
    ) -> None:
        s, e = self.last_run
        extent = range(s, e + 1) if s <= head.i <= e else range(head.i, head.i + 1)
        subject = any(
            t.dep_ in {"nsubj", "nsubjpass"}
            or (t.dep_ == "conj" and t.head.dep_ in {"nsubj", "nsubjpass"})
            for t in self.doc[extent.start : extent.stop]
        )
        self.history.append(_Seen(ref, gender, sent_i, is_person, subject, head.i, extent))

    def _gender_of(self, tokens: list[Token]) -> str | None:
        for t in tokens:
            if t.lower_ in FEMALE_WORDS:
                return "female"
            if t.lower_ in MALE_WORDS:
                return "male"
        return None

    # -- descriptions --------------------------------------------------------------------
    def _countries_from_deps(self, head: Token, skip: range = range(0)) -> list[str]:
        """Countries a noun phrase names through its dependents: modifiers and their
        conjuncts ("Hungarian and Romanian officials"), possessors ("Peru's", "Putin's
        spokesman"), and "of" phrases ("the President of Peru", "the leader of France's
        National Rally"). Tokens in ``skip`` are the phrase's own name."""
        out: list[str] = []

        def add(tok: Token) -> None:
            for t in [tok, *(c for c in tok.subtree if c.dep_ == "conj" and c.head.i == tok.i)]:
                iso = self.lex.country_of_word(t.text) or self.lex.country_of_word(
                    self._ent_text(t)
                )
                if iso is None and t.dep_ == "poss" and t.pos_ == "PROPN":
                    iso = self._owner_country(t)
                if iso is None and t.dep_ == "poss" and t.lower_ in OWNER_PRONOUNS:
                    said = self._speaker(t, self.sentence_at[t.sent.start])
                    iso = next((r.country for r in said if r.country), None)
                if iso and iso not in out:
                    out.append(iso)

        for m in phrases.modifiers(head):
            if m.dep_ in {"amod", "compound", "poss", "nmod"} and m.i not in skip:
                add(m)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "for"}:
                for p in child.children:
                    if p.dep_ == "pobj":
                        # "the leader of France's National Rally", "a spokesman for the
                        # Chinese foreign ministry"
                        add(p)
                        for m in phrases.modifiers(p):
                            if m.dep_ in {"amod", "compound", "poss", "nmod"}:
                                add(m)
        return out

    def _national_org(self, country: str, tokens: list[Token]) -> Entry | None:
        """A known body of ``country`` named by the phrase without its country words
        ("Chile's foreign ministry", "the Peruvian military")."""
        words = [
            t.text
            for t in tokens
            if t.tag_ != "POS"
            and t.dep_ not in {"det", "punct"}
            and not self.lex.country_of_word(t.text)
        ]
        found = self.kb.national(country, words) if words else []
        return found[0] if len(found) == 1 else None

    def _owner_country(self, tok: Token) -> str | None:
        """The country of a person or body owning the phrase ("Putin's spokesman")."""
        s, e = phrases.name_run(tok)
        words = [t.text for t in self.doc[s : e + 1]]
        hit, _ = match_name(self.kb, words, day=self.day, known=self.known_ids)
        if hit is not None:
            return self.kb.role_on(hit.entry, self.day).country
        earlier = self._named_before(words)
        return earlier.ref.country if earlier is not None else None

    def _ent_text(self, tok: Token) -> str:
        ent = self.ent_at.get(tok.i)
        return ent.text if ent is not None else tok.text

    def _appositives(self, tokens: list[Token]) -> list[Token]:
        ids = {t.i for t in tokens}
        return [c for t in tokens for c in t.children if c.dep_ == "appos" and c.i not in ids]

    def _describe(self, tok: Token) -> tuple[Peeled, bool]:
        """Title, countries and organisation of a common-noun phrase ("Peru's foreign
        minister", "a Chinese foreign ministry spokeswoman", "the President of Peru"), and
        whether its words are all description: "state visit" is no actor although
        "state" is a role word."""
        mods = phrases.modifiers(tok)
        owners = {m.i for m in mods if m.dep_ == "poss"}

        def owned(m: Token) -> bool:
            # A possessor's own words ("President" in "President Boluarte's visit") are
            # not this phrase's; the possessor counts only as a country (below).
            t = m
            while t.i != tok.i:
                if t.i in owners:
                    return True
                t = t.head
            return False

        mods = [
            m
            for m in mods
            if m.dep_ not in {"det", "punct", "case", "nummod", "predet"}
            and m.tag_ != "POS"
            and not (m.pos_ == "NUM" or m.like_num)
            and not owned(m)
        ]
        # Adjectives no lexicon reads describe the holder, never change who holds the role:
        # "key opposition leaders", "several separatist leaders", "heavily armed police".
        while True:
            words, lemmas, starts = phrases.words([*mods, tok])
            p = peel(words, self.kb, lemmas=lemmas, keep_last=False, capitals=True)
            stop = self.doc[starts[p.name_start]] if p.name_start < len(words) - 1 else None
            if stop is None or not phrases.describing(stop):
                break
            mods = [m for m in mods if m.i != stop.i]
        countries = list(p.countries)
        for iso in self._countries_from_deps(tok):
            if iso not in countries:
                countries.append(iso)
        return replace(p, countries=tuple(countries)), p.name_start >= len(words)

    # -- mention kinds -------------------------------------------------------------------
    def _named(self, head: Token, sent_i: int) -> list[ActorRef]:
        consumed: set[int] = set()
        refs = self._named_refs(head, sent_i, consumed)
        if refs:
            self.done |= consumed
        return refs

    def _named_refs(self, head: Token, sent_i: int, consumed: set[int]) -> list[ActorRef]:
        doc, sent = self.doc, head.sent
        s, e = phrases.name_run(head)
        s = self._possessive_name_start(s, e)
        e = self._of_name_end(s, e)
        self.last_run = (s, e)
        run = list(doc[s : e + 1])
        ent = self.ent_at.get(head.i)
        label = ent.label_ if ent is not None else ""
        if any(self.ent_at.get(t.i) is not None for t in run):
            labels = {self.ent_at[t.i].label_ for t in run if t.i in self.ent_at}
            label = "PERSON" if "PERSON" in labels else label or sorted(labels)[0]
        # The description is the longest stretch before the run that reads as one
        # ("Putin's spokesman Dmitry Peskov": "spokesman", not "Putin's"); at worst none.
        for first in range(phrases.window(s, doc, sent), s + 1):
            if first < s and (doc[first].tag_ == "POS" or phrases.glued(doc[first])):
                continue
            span = list(doc[first : e + 1])
            words, lemmas, starts = phrases.words(span)
            proper = phrases.proper(doc, starts)
            p = peel(words, self.kb, lemmas=lemmas, proper=proper)
            if first == s or starts[min(p.name_start, len(starts) - 1)] >= s:
                break
        rest = words[p.name_start :]
        text_start = starts[0] if starts else s
        if doc[text_start].lower_ == "the":
            text_start += 1
        text = doc[text_start : e + 1].text
        consumed.update(t.i for t in span)
        # Hints from the sentence around the run: appositions and possessors.
        apps = self._appositives(run)
        if head.dep_ == "appos" and head.head.i < s:
            apps.append(head.head)  # "Peru's foreign minister, Elmer Schialer"
        title, country = p.title, p.country
        org, sector = p.org, p.sector
        if sector == "ELI" and any(m.lower_ == "opposition" for a in apps for m in a.subtree):
            sector = "OPP"  # "a former minister, today the opposition's candidate": what X is now
        for a in apps:
            if title is not None and country is not None:
                break
            ap, complete = self._describe(a)
            if not complete:
                if country is None and ap.country and a.lemma_.lower() in self.lex.role_heads:
                    # "Sidhoum, Algeria's leading human rights activist": words the lexicon
                    # lacks, but the head is a role and the country is told.
                    country, title, sector = ap.country, title or ap.title, sector or ap.sector
                continue  # a name in apposition is a mention of its own, not a description
            title = title or ap.title
            if country is None and ap.country:
                country = ap.country
            if org is None and ap.org is not None:
                org = ap.org
            sector = sector or ap.sector
            if a.i > e:
                consumed.update(t.i for t in a.subtree)
        if country is None:
            found = self._countries_from_deps(head, skip=range(s, e + 1))
            if found:
                country = found[0]
        if country is None and (title is not None or label == "PERSON"):
            country = region_country(head, apps)

        # 1. The whole phrase or the name names a known entry.
        whole = [w for w in words if w.lower() != "the"]
        hit = None
        shared: list[Entry] = []
        for cand in (whole, rest):
            if cand:
                got, left = match_name(
                    self.kb,
                    cand,
                    day=self.day,
                    title=title,
                    country=country,
                    known=self.known_ids,
                    exact_only=cand is whole,
                )
                if got is not None:
                    hit = got
                    break
                shared = shared or [c for c in left if c.kind == "person"]
        if hit is not None:
            self.known_ids.add(hit.entry.id)
            ref = self._kb_ref(hit.entry, text, hit.how, hit.confidence, title, country, sector)
            self._remember(ref, hit.entry.gender, sent_i, hit.entry.kind == "person", head)
            return [ref]
        name = " ".join(rest) if rest else text
        # 2. A country or capital, named alone ("Peru", "the United States", "Beijing").
        # The recogniser takes some countries for persons ("Sri Lanka"); a country's name of
        # two words or more is nobody's name (one word may be: "Jordan", "Georgia"); nor is
        # one word it calls an organisation ("talks between Armenia and Azerbaijan").
        country_name = self.lex.country_of_word(" ".join(whole)) is not None and (
            len(whole) > 1 or label == "ORG" or phrases.placed(head)
        )
        if (
            p.title is None
            and p.org is None
            and (label in {"GPE", "NORP", "LOC", ""} or country_name)
        ):
            placed = self._place(head, text, whole)
            if placed:
                for ref in placed:
                    self._remember(ref, None, sent_i, False, head)
                return placed
        if not rest:
            return []
        # 3. Someone unknown named earlier in the document ("Mathews" after "Juan Carlos
        #    Mathews"): the same person, with the country and role found then.
        earlier = self._named_before(rest)
        if earlier is not None:
            ref = replace(earlier.ref, text=text, resolved_by="coref", confidence=CONF_COREF_NAME)
            self._remember(ref, earlier.gender, sent_i, earlier.is_person, head)
            return [ref]
        # 4. Composed from the words around the name.
        from dyad.where import acted_on_as_place  # the gazetteer imports the actor stage

        if label == "PERSON" and acted_on_as_place(head):
            return []  # "M23 rebels captured Goma": a town, whose state the event stage codes
        org_like = head.lemma_.lower() in ORG_HEADS or label in {"ORG", "FAC"}
        if label == "PERSON" or (title is not None and not org_like):
            gender = self._gender_of(span + apps)
            conf = CONF_COMPOSED if country else CONF_COMPOSED_NO_COUNTRY
            ref = self._composed(text, name, country, sector, title, conf=conf)
            self._remember(ref, gender, sent_i, True, head)
            if shared and country is None:
                self.shared[head.i] = shared
            return [ref]
        if label in {"ORG", "NORP", "FAC"} or title is not None:
            # "the Peruvian Ministry of Economy", "Brazil's Supreme Court": nationality and
            # role words, the last one included.
            op = peel(words, self.kb, lemmas=lemmas, keep_last=False, proper=proper)
            country = country or op.country
            sector = op.sector or sector
            if sector is None and label == "ORG" and NGO_WORDS & {w.lower() for w in words}:
                sector = "NGO"  # "the Syrian Observatory for Human Rights": a monitor
            known = self._national_org(country, span) if country else None
            if known is not None:
                ref = self._kb_ref(known, text, "alias", CONF_ORG_LOWER)
                self._remember(ref, None, sent_i, False, head)
                return [ref]
            if country and sector:
                ref = self._composed(text, text, country, sector, op.title or title)
                self._remember(ref, None, sent_i, False, head)
                return [ref]
        return []

    def _possessive_name_start(self, s: int, e: int) -> int:
        """Where a name with a possessive inside it starts: the run stops at "'" to part
        "Putin's spokesman", but "Kurdistan Workers' Party" and "Lord's Resistance Army" are
        one name, known as such to the knowledge base."""
        doc, start = self.doc, self.doc[s].sent.start
        if s - 2 < start or doc[s - 1].tag_ != "POS" or not phrases.name_like(doc[s - 2]):
            return s
        first, _ = phrases.name_run(doc[s - 2])
        return first if self._known_organisation(first, e) else s

    def _of_name_end(self, s: int, e: int) -> int:
        """Where a name with "of" inside it ends: the run stops at "of", but "International
        Court of Justice", "Organization of American States" and "Congress of South African
        Trade Unions" are one name, known as such to the knowledge base."""
        doc = self.doc
        of = next(
            (c for c in doc[e].children if c.dep_ == "prep" and c.lower_ == "of" and c.i == e + 1),
            None,
        )
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None or not phrases.name_like(obj):
            return e
        _, end = phrases.name_run(obj)
        return end if self._known_organisation(s, end) else e

    def _known_organisation(self, s: int, e: int) -> bool:
        whole = self.doc[s : e + 1].text.removeprefix("the ").removeprefix("The ")
        return any(x.kind == "organisation" for x in self.kb.exact(whole))

    def _named_before(self, words: list[str]) -> _Seen | None:
        """An unknown person named in full earlier in the document ("Boluarte" after
        "Dina Boluarte"): the same person, with the country and role found then."""
        want = {name_key(w) for w in words}
        for seen in reversed(self.history):
            if seen.ref.actor_id is None and seen.ref.resolved_by in {"composed", "coref"}:
                have = {name_key(w) for w in seen.ref.name.split()}
                if want and want <= have:
                    return seen
        return None

    def _place(self, head: Token, text: str, words: list[str]) -> list[ActorRef]:
        name = " ".join(words)
        iso = self.lex.country_of_word(name) or self.lex.country_of_word(self._ent_text(head))
        if iso and self.lex.people_of(name) and not any(c.lower_ == "the" for c in head.children):
            # "Thousands of Georgians rallied": a nation's people, not its state ("the
            # Russians rejected the proposal" is the Russian side).
            return [self._composed(text, name, iso, "CVL", None)]
        if iso:
            return [self._state(iso, text, None, "state", CONF_STATE)]
        iso = self.lex.capitals.get(name.lower()) or self.lex.capitals.get(
            self._ent_text(head).lower()
        )
        if iso:
            # "Beijing said ..." is the government; "a visit to Beijing" is the state.
            subj = head.dep_ in {"nsubj", "nsubjpass"} or (
                head.dep_ == "conj" and head.head.dep_ in {"nsubj", "nsubjpass"}
            )
            return [self._state(iso, text, "GOV" if subj else None, "state", CONF_CAPITAL)]
        return []

    def _speaker(self, tok: Token, sent_i: int) -> list[ActorRef]:
        """ "Syria says it is willing ...", "the rebels said they would ...": the subject
        of a reported clause is the one reporting, when the pronoun can stand for it."""
        # "The army said its forces killed ...": the possessor of the clause's subject too.
        subject = tok.head if tok.dep_ == "poss" and tok.lower_ in OWNER_PRONOUNS else tok
        stranded = [
            c for c in tok.head.children
            if (s := phrases.stranded_subject(c)) is not None and s.i == tok.i
        ]  # fmt: skip
        if not stranded and subject.dep_ not in SUBJECT_DEPS:
            return []
        if subject.i == tok.i and tok.lower_ not in REPORTED_PRONOUNS:
            return []
        clause = stranded[0] if stranded else subject.head
        while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_ not in SPEECH_VERBS:
            return []
        says = clause.head
        if not any(c.dep_ in SUBJECT_DEPS for c in says.children) and says.dep_ == "conj":
            # "Thailand recalled its envoy and said it would expel ...": the subject both
            # verbs share.
            says = says.head
        subjects = [c for c in says.children if c.dep_ in SUBJECT_DEPS]
        if not subjects:
            return []
        persons = {s.head for s in self.history if s.sentence == sent_i and s.is_person}
        heads = [subjects[0], *subjects[0].conjuncts]
        refs = [r for h in heads for r in self.out.by_token.get(h.i, [])]
        if not refs:
            return []
        is_person = any(h.i in persons for h in heads)
        if tok.lower_ in {"it", "its"} and (len(refs) != 1 or is_person):
            return []  # "it" is a state or an organisation, never a person or a pair
        if tok.lower_ in PRONOUN_GENDER and (len(refs) != 1 or not is_person):
            return []
        return [
            replace(r, text=tok.text, resolved_by="coref", confidence=CONF_COREF_PRONOUN)
            for r in refs
        ]

    def _pronoun(self, tok: Token, sent_i: int) -> list[ActorRef]:
        low = tok.lower_
        reported = self._speaker(tok, sent_i)
        if reported:
            return reported
        if low in PLURAL_PRONOUNS:
            return self._coordinated(tok, sent_i) or self._group(
                tok, 2, persons=True, recent=sent_i
            )
        if low not in PRONOUN_GENDER:
            return []
        want = PRONOUN_GENDER[low]
        blocked = phrases.clause_subjects(tok)
        # Persons of the current and the two preceding sentences, most recent first.
        window = [
            s
            for s in reversed(self.history)
            if s.is_person
            and sent_i - s.sentence <= 2
            and s.gender in (want, None)
            and not (s.sentence == sent_i and blocked.intersection(s.extent))
        ]
        by_key: dict[str, _Seen] = {}
        for s in window:
            by_key.setdefault(s.key, s)
        exact = [s for s in by_key.values() if s.gender == want]
        pool = exact or list(by_key.values())
        if not pool:
            return []
        if len(pool) == 1:
            chosen, conf = pool[0], CONF_COREF_PRONOUN
        else:
            # Several fit: the subject of the latest sentence that had one, as a guess.
            subjects = [s for s in window if s.subject and s.key in {c.key for c in pool}]
            if not subjects:
                return []
            chosen, conf = subjects[0], CONF_COREF_GUESS
        return [replace(chosen.ref, text=tok.text, resolved_by="coref", confidence=conf)]

    def _coordinated(self, tok: Token, sent_i: int) -> list[ActorRef]:
        """ "Egypt and Qatar ... said they would": the coordinated actors of the sentence
        before the pronoun, nearest first."""
        here = {s.head: s for s in self.history if s.sentence == sent_i and s.head < tok.i}
        for i in sorted(here, reverse=True):
            members = [here[c.i] for c in self.doc[i].conjuncts if c.i in here]
            if members:
                group = sorted([here[i], *members], key=lambda s: s.head)
                return [
                    replace(s.ref, text=tok.text, resolved_by="coref", confidence=CONF_COREF_GROUP)
                    for s in group
                ]
        return []

    def _group(
        self, tok: Token, size: int, *, persons: bool, sector: str | None = None, recent: int = -1
    ) -> list[ActorRef]:
        """The last ``size`` distinct participants: persons for "the two leaders", else
        countries. ``recent`` limits persons to the current and previous sentence."""
        out: list[ActorRef] = []
        keys: set[str] = set()
        text = self._np_text(tok)
        for seen in reversed(self.history):
            if persons:
                if not seen.is_person or (recent >= 0 and recent - seen.sentence > 1):
                    continue
                key = seen.key
            else:
                key = seen.ref.country or ""
                if not key or key in NON_STATES:
                    continue
            if key in keys:
                continue
            keys.add(key)
            if persons:
                ref = replace(seen.ref, text=text, resolved_by="coref", confidence=CONF_COREF_GROUP)
            else:
                ref = self._state(key, text, sector, "coref", CONF_COREF_GROUP)
            out.append(ref)
            if len(out) == size:
                break
        return list(reversed(out)) if len(out) == size else []

    def _np_text(self, tok: Token) -> str:
        mods = [m for m in phrases.modifiers(tok) if m.dep_ != "det"]
        start = mods[0].i if mods else tok.i
        return self.doc[start : tok.i + 1].text

    def _common(self, tok: Token, sent_i: int) -> list[ActorRef]:
        mods = phrases.modifiers(tok)
        lower_mods = {m.lower_ for m in mods}
        lemma = tok.lemma_.lower()
        plural = tok.tag_ in {"NNS", "NNPS"}
        size = next((GROUP_SIZE[m] for m in lower_mods if m in GROUP_SIZE), 0)
        if size and plural and lemma in GROUP_PERSON_NOUNS:
            return self._group(tok, size, persons=True)
        if size and plural and lemma in GROUP_STATE_NOUNS:
            return self._group(tok, size, persons=False, sector=GROUP_STATE_NOUNS[lemma])
        of_sides = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in {"from", "of", "for"}
            for p in c.children
            if p.dep_ == "pobj" and p.tag_ == "NNS" and side_noun(p)
        ]
        if of_sides and plural:
            found = self._common(of_sides[0], sent_i)  # "delegates from both sides"
            if found:
                return found
        unnumbered = (
            not size
            and plural
            and lemma in GROUP_STATE_NOUNS
            and any(m.lower_ == "the" for m in tok.children if m.dep_ == "det")
            and len(list(tok.children)) == 1
        )
        parties = counted_parties(tok, size)
        if (size and plural and side_noun(tok)) or unnumbered or parties:
            # "the countries had agreed", with no number: the report's two sides, if clear.
            text = self._np_text(tok)
            found = sides(
                [h.ref for h in self.history if not as_place(self.doc[h.head])],
                size or 2,
                clear=unnumbered,
            )
            if parties and political_sides(found):
                return []
            # A side is its state's sector ("both sides" after two ministers met are the
            # two governments), as the groups above.
            return [
                self._state(r.country, text, r.sector or "GOV", "coref", CONF_COREF_GROUP)
                for r in found
            ]
        if the_country(tok):
            self.pending.append(Pending(tok, tok.text, tok.text, "", None))
            return []
        if (
            straight(lemma) not in self.lex.role_heads
            and straight(tok.text) not in self.lex.role_heads
        ):
            return []  # the head names no role: "visit", "trade", "relations"
        text = self._np_text(tok)
        for e in self.kb.exact(text.removeprefix("the ").removeprefix("The ")):
            if e.kind == "organisation":  # "the Chinese foreign ministry", in lower case
                how = "kb" if name_key(e.name) == name_key(text.removeprefix("the ")) else "alias"
                ref = self._kb_ref(e, text, how, CONF_ORG_LOWER)
                self._remember(ref, None, sent_i, False, tok)
                return [ref]
        p, complete = self._describe(tok)
        if not complete or (p.title is None and p.org is None):
            return []
        # "Peru's foreign minister, Elmer Schialer,": the name in apposition is the actor.
        refs = self._appositive_name(tok, sent_i)
        if refs:
            return refs
        definite = any(m.lower_ in DEFINITE for m in mods) or any(m.dep_ == "poss" for m in mods)
        singular = not plural
        countries = list(p.countries) or ([p.country] if p.country else [])
        if lemma in COUNTERPART_NOUNS and p.country:
            found = self._counterpart(tok, p, text, sent_i)
            if found:
                return found
        if definite and singular and lemma not in ORG_HEADS:
            found = self._description(tok, p, text, sent_i)
            if found:
                return found
        if not countries:
            # "demonstrators in Baghdad", "opposition parties in Nepal": where they are.
            countries = located(self.lex, tok, self._ent_text)
        if not countries and ((plural and p.sector in CROWD_SECTORS) or "local" in lower_mods):
            # "thousands of people blocked streets in Hong Kong": a crowd is of the place
            # where it acts, and so are local officials ("in the Samara region, the local
            # governor reported").
            acted_in = (
                place_country(self.lex, t, self._ent_text(t)) for t in phrases.places_acted_in(tok)
            )
            countries = [iso for iso in acted_in if iso][:1]
        if not countries:
            earlier = earlier_organ(tok, self.history)
            if earlier is not None:
                ref = replace(earlier, text=text, resolved_by="coref", confidence=CONF_COREF)
                self._remember(ref, None, sent_i, False, tok)
                return [ref]
            if p.sector in CONTEXT_SECTORS:
                name = text.removeprefix("the ").removeprefix("The ")
                self.pending.append(Pending(tok, text, name, p.sector, p.title))
            return []
        org = self._national_org(countries[0], [*mods, tok]) if len(countries) == 1 else None
        if p.org is not None and phrases.names_the_group(lemma, plural=plural):
            org = p.org  # "the ELN guerrilla group", "Hamas fighters": the ELN, Hamas
        if org is not None:
            ref = self._kb_ref(org, text, "alias", CONF_ORG_LOWER)
            self._remember(ref, None, sent_i, False, tok)
            return [ref]
        refs = [
            self._composed(
                text, text.removeprefix("the ").removeprefix("The "), c, p.sector, p.title
            )
            for c in countries
        ]
        if definite:
            # "a Peruvian leader" is anyone; only a definite description can be referred to.
            # "the Iraqi government" is an institution: "it", not "he" or "she".
            person = singular and lemma not in ORG_HEADS
            for ref in refs:
                self._remember(ref, self._gender_of([*mods, tok]), sent_i, person, tok)
        return refs

    def _appositive_name(self, tok: Token, sent_i: int) -> list[ActorRef]:
        """The actor a name in apposition to ``tok`` names, for phrases that are no actor
        by themselves or only describe one ("the minister, Elmer Schialer", and "(Reuters)
        - Brazilian President Lula ..." where the parser hangs the name on the agency)."""
        for a in self._appositives([tok]):
            if a.i not in self.done and (phrases.name_like(a) or self.ent_at.get(a.i) is not None):
                refs = self._named(a, sent_i)
                if refs:
                    return refs  # keyed on the name's run too (``_key``)
        return []

    def _counterpart(self, tok: Token, p: Peeled, text: str, sent_i: int) -> list[ActorRef]:
        """ "her Chinese counterpart": whoever holds, in that country, the office of the
        person the possessive points to."""
        if self.day is None:
            return []
        for m in tok.children:
            if m.dep_ != "poss":
                continue
            if m.pos_ == "PRON":
                owner = self._pronoun(m, sent_i)
                role = owner[0].role if len(owner) == 1 else None
            else:
                s, e = phrases.name_run(m)
                words = [t.text for t in self.doc[s : e + 1]]
                hit, _ = match_name(self.kb, words, day=self.day, known=self.known_ids)
                role = self.kb.role_on(hit.entry, self.day).title if hit is not None else None
            if not role:
                continue
            holders = self.kb.holders(self.day, country=p.country or "", title=role)
            if len(holders) == 1:
                e = holders[0]
                ref = self._kb_ref(e, text, "composed", CONF_HOLDER, role, p.country)
                self._remember(ref, e.gender, sent_i, True, tok)
                return [ref]
        return []

    def _description(self, tok: Token, p: Peeled, text: str, sent_i: int) -> list[ActorRef]:
        """ "the Peruvian leader", "the Chinese premier": someone already named, else the
        holder of that office on the document's date."""
        generic = p.title in self.lex.generic_roles or p.generic_only
        for seen in reversed(self.history):
            r = seen.ref
            if not seen.is_person:
                continue
            if p.country and r.country != p.country:
                continue
            if not generic and p.title and title_score(p.title, r.role) == 0:
                continue
            ref = replace(r, text=text, resolved_by="coref", confidence=CONF_COREF)
            self._remember(ref, seen.gender, sent_i, True, tok)
            return [ref]
        if self.day is not None and p.country and p.title and not generic:
            holders = self.kb.holders(self.day, country=p.country, title=p.title)
            if len(holders) == 1:
                e = holders[0]
                ref = self._kb_ref(e, text, "composed", CONF_HOLDER, p.title, p.country)
                self.known_ids.add(e.id)
                self._remember(ref, e.gender, sent_i, True, tok)
                return [ref]
        return []

    def _mention(self, tok: Token, sent_i: int) -> list[ActorRef]:
        if tok.pos_ == "PRON" and not phrases.name_like(tok):
            return self._pronoun(tok, sent_i)
        if tok.pos_ in {"DET", "ADP", "CCONJ", "PUNCT", "PART", "AUX", "VERB"}:
            return []  # "the" of "the United Nations": the name is found at its head
        if self.ent_at.get(tok.i) is not None or phrases.name_like(tok) or self._known_word(tok):
            refs = self._named(tok, sent_i)
            if not refs:
                refs = self._appositive_name(tok, sent_i)
            if refs or tok.pos_ == "PROPN" and self.ent_at.get(tok.i) is not None:
                return refs
            if tok.pos_ not in {"NOUN", "PROPN"}:
                return refs
            return self._common(tok, sent_i)
        if tok.pos_ == "NOUN":
            return self._common(tok, sent_i)
        return []

    def _known_word(self, tok: Token) -> bool:
        """A capitalised word the tagger took for a common noun but the knowledge base
        knows as a name ("Starmer and Macron met")."""
        if tok.pos_ != "NOUN" or not tok.text[:1].isupper():
            return False
        return bool(self.kb.surname(tok.text) or self.kb.exact(tok.text))

    def _key(self, out: DocumentActors, tok: Token, refs: list[ActorRef]) -> None:
        """Key ``refs`` on ``tok`` and on the other heads of a name the parser split."""
        out.by_token[tok.i] = refs
        s, e = self.last_run
        for t in self.doc[s : e + 1]:
            if t.i == tok.i or t.lower_ == "the" or not phrases.name_like(t) or phrases.is_inner(t):
                continue
            out.by_token.setdefault(t.i, refs)

    def run(self) -> DocumentActors:
        out = self.out = DocumentActors(headline_country=self.headline_country)
        # A dateline ("SEOUL, South Korea (AP) —") says where the report was filed: its
        # words are never a participant (nor an antecedent), only the fallback place.
        dateline = find_dateline(self.doc.text)
        filed = range(dateline.start, dateline.end) if dateline is not None else range(0)
        for sent_i, sent in enumerate(self.doc.sents):
            furniture = phrases.is_furniture(sent)
            mark = len(self.history)
            for tok in sent:
                if tok.i in self.done or phrases.is_inner(tok) or tok.idx in filed:
                    continue
                if phrases.participle_after(tok) is not None:
                    continue  # "Iran-backed": an adjective of the noun it modifies
                self.last_run = (tok.i, tok.i)
                refs = self._mention(tok, sent_i)
                if refs and all(r.sector == "UNK" for r in refs):
                    # "A group of military officers", "members of the army": who they are.
                    inner = phrases.of_object(tok)
                    refs = (self._mention(inner, sent_i) if inner is not None else []) or refs
                if refs:
                    self._key(out, tok, refs)
                    continue
                # The phrase is no actor ("a U.S. request", "President Boluarte's visit"):
                # the words it is made of may be ("U.S.", "Boluarte").
                for m in tok.children:
                    if (
                        m.i > tok.i
                        or m.i in self.done
                        or m.dep_ not in phrases.INNER_DEPS | {"poss"}
                    ):
                        continue
                    if self.ent_at.get(m.i) is not None or phrases.name_like(m):
                        self.last_run = (m.i, m.i)
                        refs = self._named(m, sent_i)
                        if refs:
                            self._key(out, m, refs)
            if furniture:
                del self.history[mark:]
                for t in sent:
                    out.by_token.pop(t.i, None)
        self._from_context(out)
        return out

    def _from_context(self, out: DocumentActors) -> None:
        """Bare role nouns ("police", "the junta"), and titled people of no known country
        ("army chief General Munir"), as the report's country's."""
        dateline = dateline_country(self.doc, ()) or self.headline_country
        for i, refs in out.by_token.items():
            if not any(map(stateless, refs)):
                continue
            sent = self.doc[i].sent
            iso = report_country(out.by_token, dateline, range(sent.start, sent.end))
            if iso is not None:
                out.by_token[i] = [in_context(r, iso) if stateless(r) else r for r in refs]
        for i, cands in self.shared.items():
            sent = self.doc[i].sent
            iso = report_country(out.by_token, dateline, range(sent.start, sent.end))
            entry = serving(self.kb, cands, iso, self.day)
            if entry is not None and i in out.by_token:
                refs = out.by_token[i]
                ref = self._kb_ref(entry, refs[0].text, "context", CONF_COREF_NAME)
                out.by_token[i] = [ref, *refs[1:]]
        for p in self.pending:
            sent = p.token.sent
            iso = report_country(out.by_token, dateline, range(sent.start, sent.end))
            if iso is not None and p.token.i not in out.by_token:
                if not p.sector:  # "the country": the state itself
                    out.by_token[p.token.i] = [
                        self._state(iso, p.text, None, "coref", CONF_COREF_GROUP)
                    ]
                    continue
                ref = self._composed(p.text, p.name, None, p.sector, p.role)
                out.by_token[p.token.i] = [in_context(ref, iso)]


def resolve_document(
    doc: Doc, kb: KnowledgeBase, *, day: dt.date | None, title: str | None = None
) -> DocumentActors:
    """Resolve all actor mentions in ``doc``; roles are taken as of ``day`` when given, and
    the country the headline ``title`` names, when one, stands in for a missing dateline."""
    return _Resolver(doc, kb, day, headline_country(title)).run()
