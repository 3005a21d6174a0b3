"""Match a name, with the title and nationality words said beside it, against the knowledge base.

The core shared by document resolution (``resolve.py``) and ``dyad actors lookup``:
``peel`` splits "Chinese Premier Li" into country, title and name; ``match_name`` finds the
entry, using the title and the date to tell people with one surname apart ("Premier Li" is
Li Keqiang in 2021 and Li Qiang in 2024). ``lookup`` and ``list_actors`` are the library
twins of the ``dyad actors`` commands.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from dyad.actors.kb import Entry, KnowledgeBase, RoleOn, name_key, offices_of
from dyad.actors.lexicon import FORMER, HONORIFICS, TITLE_QUALIFIERS, Lexicon, lexicon
from dyad.records import ActorRef

POSSESSIVE = {"'s", "’s", "'"}
# Role countries that say nothing of a person's nationality (IMG: international militarised
# groups such as al-Qaeda).
NON_STATES = {"IGO", "NGO", "MNC", "UNO", "EUR", "IMG"}
PRESS = "JRN"  # the sector of news organisations


def of_the_story(ref: ActorRef) -> bool:
    """Whether ``ref``'s country says which country a report is about: not an international
    body's, nor a news organisation's ("told Reuters", "Al Jazeera reported"), which is
    where the outlet is, not where the story is."""
    return bool(ref.country) and ref.country not in NON_STATES and ref.sector != PRESS


# Party words said before an office ("Republican Sen.", "Conservative MP"): the office
# tells the sector; a party named as such ("the Labour Party") is an organisation first.
PARTY_WORDS = frozenset(
    {"republican", "democratic", "democrat", "conservative", "labour", "labor", "liberal",
     "tory", "socialist", "green"}
)  # fmt: skip
# Confidence by how a name was found; fuzzy matches scale with their score.
CONF_NAME = 0.95
CONF_ALIAS = 0.9
CONF_PARTS = 0.85  # given name + surname out of a longer name
CONF_SURNAME = 0.85
CONF_SURNAME_WEAK = 0.75  # a surname whose title fits no role held that day
CONF_FUZZY = 0.9
CONF_FUZZY_SURNAME = 0.8
# How long after leaving office a person is still named by surname alone with no full name.
RECENT_OFFICE = dt.timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Peeled:
    """What the words before a name say: countries, title, organisation, and where the name
    starts. ``sector`` is the one a person of unknown identity would be coded with."""

    countries: tuple[str, ...] = ()
    title: str | None = None
    sector: str | None = None
    org: Entry | None = None
    former: bool = False
    name_start: int = 0
    generic_only: bool = False  # only a generic role word ("official", "spokeswoman")

    @property
    def country(self) -> str | None:
        if self.countries:
            return self.countries[0]
        return self.org.roles[0].country if self.org is not None else None


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    how: str  # kb | alias | fuzzy
    confidence: float


def _org_at(
    words: Sequence[str], i: int, kb: KnowledgeBase, limit: int
) -> tuple[Entry | None, int]:
    """The longest organisation name in the knowledge base starting at ``words[i]``."""
    for j in range(min(limit, i + 6), i, -1):
        if words[j - 1] in POSSESSIVE:
            continue
        orgs = [e for e in kb.exact(" ".join(words[i:j])) if e.kind == "organisation"]
        if orgs:
            return orgs[0], j
    return None, i


def peel(
    words: Sequence[str],
    kb: KnowledgeBase,
    *,
    lemmas: Sequence[str] | None = None,
    keep_last: bool = True,
    proper: Collection[int] = (),
    lex: Lexicon | None = None,
    capitals: bool = False,
) -> Peeled:
    """Strip honorifics, nationality words, organisations and titles from the front of
    ``words`` ("U.S. Secretary of State Antony Blinken", "IMF Managing Director Kristalina
    Georgieva", "Peru's foreign minister Elmer Schialer").

    ``keep_last`` leaves at least one word for the name. Words at the indices in ``proper``
    are nouns inside a person's name as tagged by the parser ("Jordan Bardella"), so they
    are not read as country names. "former" makes the sector ELI (former elite).
    ``capitals`` reads a capital as its country ("the Kathmandu district administration",
    "Tehran authorities"): only for common nouns, as capitals are given names too
    ("Santiago Peña").
    """
    lex = lex or lexicon()
    n = len(words)
    limit = n - 1 if keep_last else n
    low = [w.lower() for w in words]
    lem = [x.lower() for x in lemmas] if lemmas is not None else None
    countries: list[str] = []
    titles: list[tuple[str, str]] = []
    org: Entry | None = None
    former = False
    qualifiers: list[str] = []
    # A common-noun phrase ending in a role noun ("a Russian election official").
    ends_in_role = not keep_last and bool(limit) and bool(lex.role_at(list(low), limit - 1, lem)[1])
    i = 0
    while i < limit:
        w = low[i]
        if w in HONORIFICS or w.rstrip(".") in HONORIFICS or w in POSSESSIVE or w == "-":
            i += 1
            continue
        phrase, sector, length = lex.role_at(list(low[:limit]), i, lem[:limit] if lem else None)
        if phrase and sector and length > 1:
            # A role phrase first: "top diplomat", "interim president", "former minister".
            titles.append((phrase, sector))
            former = former or sector == "ELI"
            i += length
            continue
        if w in TITLE_QUALIFIERS or w.rstrip("-") in TITLE_QUALIFIERS:
            former = former or w in FORMER or w.startswith("then")
            qualifiers.append(w)
            i += 1
            continue
        found, j = _org_at(words, i, kb, limit)
        if found is not None and not (countries and found.roles[0].country not in countries):
            org = org or found
            i = j
            continue
        if w in PARTY_WORDS and lex.role_at(list(low[:limit]), i + 1)[0]:
            i += 1  # "Republican Sen. Josh Hawley", "Labour MP": the party, then the office
            continue
        hit = False
        for j in range(min(limit, i + 3), i, -1):
            if i in proper and j == i + 1:
                continue
            iso = lex.country_of_word(" ".join(low[i:j]))
            # A capital before a role phrase is where the office is ("Ottawa Police Chief
            # Steve Bell"), not a given name ("Santiago Peña").
            if iso is None and (capitals or (j < limit and lex.role_at(low[:limit], j)[0])):
                iso = lex.capitals.get(" ".join(low[i:j]))
            if iso:
                if iso not in countries:
                    countries.append(iso)
                i, hit = j, True
                break
        if hit:
            continue
        phrase, sector, length = lex.role_at(list(low[:limit]), i, lem[:limit] if lem else None)
        if phrase and sector:
            titles.append((phrase, sector))
            i += length
            continue
        if w in {"and", "&", ","} and (titles or countries) and i + 1 < limit:
            i += 1  # "Hungarian and Romanian", "Deputy Prime Minister and Foreign Minister"
            continue
        if ends_in_role and countries and i + 1 < limit:
            i += 1  # "a Russian election official": a topic word before the role noun
            continue
        break
    for q in qualifiers:
        # "the top U.S. diplomat": a qualifier parted from its role phrase by a country.
        if titles and f"{q} {titles[-1][0]}" in lex.roles:
            phrase = f"{q} {titles[-1][0]}"
            titles[-1] = (phrase, lex.roles[phrase])
    title = titles[-1][0] if titles else None
    specific = [s for p, s in titles if p not in lex.generic_roles]
    if org is not None and (not countries or org.roles[0].country in countries):
        sector: str | None = org.roles[0].sector
    elif specific:
        sector = specific[-1]
    elif titles:
        sector = titles[-1][1]
    else:
        sector = None
    if former and org is None and titles:
        sector = "ELI"
    return Peeled(
        countries=tuple(countries),
        title=title,
        sector=sector,
        org=org,
        former=former,
        name_start=i,
        generic_only=bool(titles) and not specific and org is None,
    )


# -- choosing among candidates -------------------------------------------------------------


def _serves(entry: Entry, country: str) -> bool:
    return any(r.country == country for r in entry.roles)


def _pick(
    kb: KnowledgeBase,
    cands: list[Entry],
    *,
    day: dt.date | None,
    title: str | None,
    country: str | None,
    known: Collection[str],
) -> tuple[Entry | None, list[Entry]]:
    """One candidate, by the document's own full names first, then title, country and
    whether they held any office that day; ``None`` and those left while several remain."""
    if len(cands) <= 1:
        return (cands[0] if cands else None), cands
    seen = [c for c in cands if c.id in known]
    if len(seen) == 1:
        return seen[0], seen
    pool = seen or cands
    if title:
        scores = {c.id: kb.best_title_score(c, title, day) for c in pool}
        top = max(scores.values())
        if top > 0:
            pool = [c for c in pool if scores[c.id] == top]
            if len(pool) == 1:
                return pool[0], pool
    if country:
        same = [c for c in pool if kb.role_on(c, day, title=title).country == country]
        if len(same) == 1:
            return same[0], same
        pool = same or pool
    current = [c for c in pool if kb.roles_on(c, day)]
    if len(current) == 1:
        return current[0], current
    return None, current or pool


def _tokens_of(entry: Entry) -> set[str]:
    return {name_key(t) for n in [entry.name, *entry.aliases] for t in n.replace("-", " ").split()}


def _compatible(entry: Entry, others: Sequence[str]) -> bool:
    """The rest of the mention ("Pedro" in "Pedro Castillo") fits the entry's names: a
    surname alone must not pull in a namesake with another given name."""
    mine = _tokens_of(entry)
    for w in others:
        k = name_key(w)
        if not k or k in mine:
            continue
        if len(k) == 1 and any(m.startswith(k) for m in mine):
            continue  # an initial
        return False
    return True


def _surname_fits(
    kb: KnowledgeBase, e: Entry, title: str | None, country: str | None, day: dt.date | None
) -> bool:
    """A surname alone is a weak clue: a title or country said with it must fit the person
    ("Spanish Prime Minister Sánchez" is not Peru's Ana María Sánchez)."""
    if country and not _serves(e, country):
        return False
    if title and kb.best_title_score(e, title, day) == 0:
        office = offices_of(title)[0]
        # A title naming an office the person never held rules them out.
        if office and not any(office & offices_of(r.title or "")[0] for r in e.roles):
            return False
    return True


def _named_alone(
    kb: KnowledgeBase,
    e: Entry,
    title: str | None,
    day: dt.date | None,
    known: Collection[str] | None,
) -> bool:
    """Whether a surname said alone, with no given name, can be ``e``. News names a person
    in full before it uses the surname alone, unless they are in office that day or were
    within the year ("Putin", "Boluarte", a president deposed last week); a surname alone of
    someone long out of office whom the document never names in full is someone else
    ("Wagner" in a report on the mercenaries is not Peru's foreign minister of 2021, Allan
    Wagner). ``known``: the entries the document names in full, or None outside a document
    (a lookup of one name)."""
    if known is None or day is None or title or e.id in known:
        return True
    since = day - RECENT_OFFICE
    return any(
        r.end is None or r.end >= since for r in e.roles if r.start is None or r.start <= day
    )


def _contradicted(entry: Entry, country: str | None) -> bool:
    """The mention gives a nationality the person never served ("Colombian negotiator Pedro
    Castillo" is not Peru's former president). People known only from international posts
    carry no nationality here, so nothing contradicts them."""
    if entry.kind != "person" or country is None:
        return False
    states = {r.country for r in entry.roles if r.country not in NON_STATES}
    return bool(states) and country not in states


def match_name(
    kb: KnowledgeBase,
    words: Sequence[str],
    *,
    day: dt.date | None,
    title: str | None = None,
    country: str | None = None,
    known: Collection[str] | None = None,
    exact_only: bool = False,
) -> tuple[Match | None, list[Entry]]:
    """Find the entry ``words`` name; returns the match and, when none could be chosen,
    the candidates that remained (empty when nothing fitted at all).

    Order: full name or alias; given name with one or two of the later names ("Dina
    Boluarte" out of "Dina Ercilia Boluarte Zegarra"); surname keys; a head of state's
    given name after the title ("King Charles"); fuzzy (rapidfuzz). ``exact_only`` stops
    after the first step.
    """
    if not words:
        return None, []
    pending: list[Entry] = []

    def choose(cands: list[Entry]) -> Entry | None:
        cands = [c for c in cands if not _contradicted(c, country)]
        e, left = _pick(kb, cands, day=day, title=title, country=country, known=known or ())
        if e is not None:
            pending.clear()
        elif len(left) > 1 and not pending:
            pending[:] = left
        return e

    # Possessives stay glued for the full name ("China's Foreign Ministry").
    e = choose(kb.exact(" ".join(words)))
    words = [w for w in words if w not in POSSESSIVE]
    full = " ".join(words)
    if e is None and words:
        e = choose(kb.exact(full))
    if e is not None:
        how = "kb" if name_key(e.name) == name_key(full) else "alias"
        return Match(e, how, CONF_NAME if how == "kb" else CONF_ALIAS), []
    if exact_only or not words:
        return None, pending
    n = len(words)
    if n >= 3:
        combos: list[str] = []
        for b in range(n - 1, 1, -1):
            combos.append(" ".join(words[:b]))  # drop trailing names
        for a in range(2, n):
            for b in range(n, a, -1):
                combos.append(" ".join([words[0], *words[a:b]]))  # drop middle names
        for c in combos:
            e = choose([x for x in kb.exact(c) if x.kind == "person"])
            if e is not None:
                return Match(e, "alias", CONF_PARTS), []
    keys: list[tuple[str, list[str]]] = [(full, [])]
    if n >= 2:
        keys += [(" ".join(words[-2:]), words[:-2]), (words[-1], words[:-1])]
        keys += [(words[0], words[1:])]
    for key, others in keys:
        cands = [
            c
            for c in kb.surname(key)
            if c.kind == "person"
            and _compatible(c, others)
            and _surname_fits(kb, c, title, country, day)
            and (others or _named_alone(kb, c, title, day, known))
        ]
        e = choose(cands)
        if e is not None:
            weak = title is not None and kb.best_title_score(e, title, day) == 0
            return Match(e, "alias", CONF_SURNAME_WEAK if weak else CONF_SURNAME), []
    if n == 1 and title and offices_of(title)[1] == 1:
        # "King Charles", "Emperor Naruhito": a head of state by given name and title.
        cands = [c for c in kb.given(full) if kb.best_title_score(c, title, day) >= 2]
        e = choose(cands)
        if e is not None:
            return Match(e, "alias", CONF_SURNAME), []
    fuzzy, score = kb.fuzzy(full)
    e = choose(fuzzy)
    if e is not None:
        return Match(e, "fuzzy", round(score / 100 * CONF_FUZZY, 3)), []
    if n == 1:
        fuzzy, score = kb.fuzzy_surname(full)
        fuzzy = [
            c
            for c in fuzzy
            if _surname_fits(kb, c, title, country, day) and _named_alone(kb, c, title, day, known)
        ]
        e = choose(fuzzy)
        if e is not None:
            return Match(e, "fuzzy", round(score / 100 * CONF_FUZZY_SURNAME, 3)), []
    return None, pending


# -- the library twins of ``dyad actors`` --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lookup:
    """The answer to ``dyad actors lookup``: who ``query`` names and what they were ``on``."""

    query: str
    on: dt.date | None
    name: str  # the words taken as the name, after title and nationality words
    title: str | None
    country: str | None
    entry: Entry | None
    role: RoleOn | None
    how: str | None  # kb | alias | fuzzy, or None when nothing matched
    confidence: float
    candidates: list[Entry] = field(default_factory=list)  # when several fit equally


def lookup(kb: KnowledgeBase, name: str, *, on: dt.date | None = None) -> Lookup:
    """Resolve a name as a news text would give it ("Premier Li", "Dina Ercilia Boluarte
    Zegarra", "the IMF") to a knowledge-base entry and its role on ``on``."""
    text = name.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    words = text.replace("’", "'").replace("'s ", " 's ").split()
    hit, _ = match_name(kb, words, day=on)
    if hit is not None:
        role = kb.role_on(hit.entry, on)
        return Lookup(name, on, text, None, None, hit.entry, role, hit.how, hit.confidence)
    peeled = peel(words, kb)
    rest = words[peeled.name_start :]
    hit, cands = match_name(kb, rest, day=on, title=peeled.title, country=peeled.country)
    if hit is not None:
        role = kb.role_on(hit.entry, on, title=peeled.title, country=peeled.country)
        return Lookup(
            name,
            on,
            " ".join(rest),
            peeled.title,
            peeled.country,
            hit.entry,
            role,
            hit.how,
            hit.confidence,
        )
    return Lookup(
        name, on, " ".join(rest), peeled.title, peeled.country, None, None, None, 0.0, cands
    )


def list_actors(kb: KnowledgeBase, *, country: str | None = None) -> list[Entry]:
    """Entries in file order; with ``country``, those with any role in it (ISO alpha-3)."""
    want = country.upper() if country else None
    return [e for e in kb.entries.values() if want is None or _serves(e, want)]
