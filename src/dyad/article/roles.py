"""Each sentence's role in its article, from the layout, the quotes and the grammar.

Roles: ``headline`` (titles, sub-headings, live-blog entry titles), ``standfirst``, the
furniture (``byline``, ``credit``, ``read-more``, ``stamp``), ``quote`` (wholly someone's
words), ``background`` (history told beside the news: pluperfect main clauses, acts dated
in an earlier year or "years ago"), ``aside`` (a trigger inside an explanatory clause, "X,
which ...") and ``body``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from dyad.article.quotes import QuoteSpans, quote_spans
from dyad.article.structure import Dateline, find_dateline, layout_role, paragraphs

Role = Literal[
    "headline", "standfirst", "byline", "credit", "read-more", "stamp", "quote", "background",
    "aside", "body",
]  # fmt: skip
FURNITURE: frozenset[str] = frozenset({"byline", "credit", "read-more", "stamp"})
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# Words that place an act in the past of the story: "two years ago", "last year", "in 2019".
_LONG_AGO = re.compile(
    r"\b(?:(?:\w+|\d+) (?:years|decades) (?:ago|earlier|before|later)|last year|"
    r"the previous year|a year (?:ago|earlier)|decades?-long|in the past)\b",
    re.I,
)
REPORTING_LEMMAS = {"say", "tell", "report", "announce", "state", "add", "claim", "confirm"}
# Relative words of place and time: their clauses narrate ("in the capital, where police
# fired tear gas"), where "who" and "which" clauses say who or what a participant is.
NARRATING = frozenset({"where", "when"})


@dataclass(frozen=True, slots=True)
class SentenceRoles:
    """The roles of one parsed document's sentences, keyed by their first token's index."""

    by_start: dict[int, Role]
    quotes: QuoteSpans
    dateline: Dateline | None

    def of(self, sent: Span) -> Role:
        return self.by_start.get(sent.start, "body")

    def quoted(self, tok: Token) -> bool:
        return self.quotes.inside(tok.idx)

    def of_trigger(self, tok: Token) -> Role:
        """The role of what ``tok`` tells: its sentence's, ``quote`` when the word is inside
        someone's quoted words, ``aside`` inside an explanatory clause."""
        role = self.of(tok.sent)
        if role in {"body", "background"} and self.quoted(tok):
            return "quote"
        if role in {"body", "background"} and _aside(tok):
            return "aside"
        return role


def sentence_roles(doc: Doc, published: dt.date | None = None) -> SentenceRoles:
    text = doc.text
    quotes = quote_spans(text)
    layout: dict[int, str] = {}
    for n, para in enumerate(paragraphs(text)):
        role = layout_role(para, first=n == 0)
        if role is not None:
            layout[para.start] = role
    roles: dict[int, Role] = {}
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if not words:
            continue
        start = words[0].idx
        para_role = layout.get(start)  # a layout role is a whole paragraph's
        if para_role is not None:
            roles[sent.start] = para_role  # type: ignore[assignment]
        elif all(quotes.inside(t.idx) for t in words):
            roles[sent.start] = "quote"
        elif _background(sent, published):
            roles[sent.start] = "background"
    return SentenceRoles(roles, quotes, find_dateline(text))


def _background(sent: Span, published: dt.date | None) -> bool:
    """History told beside the news: the main clause in the pluperfect ("had ruled since
    1967"), or the act dated in an earlier year or long ago ("in 2019", "two years ago")."""
    root = sent.root
    if root.lemma_ in REPORTING_LEMMAS:
        return False  # "X said it had ...": the report is news, whatever it reports
    if root.tag_ == "VBN" and _pluperfect(root):
        return True
    if published is not None:
        for ent in sent.ents:
            if ent.label_ != "DATE":
                continue
            years = [int(y) for y in _YEAR.findall(ent.text)]
            if years and max(years) < published.year and _in_main_clause(ent.root, root):
                return True
    return bool(_LONG_AGO.search(sent.text)) and not REPORTING_LEMMAS & {
        t.lemma_ for t in sent if t.dep_ == "ROOT"
    }


def _pluperfect(verb: Token) -> bool:
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "had" for c in verb.children)


def _aside(tok: Token) -> bool:
    """``tok`` is in a non-restrictive relative clause, set off by a comma or a dash: "the
    raid, which was searching for ...", "Santos, who had signed a treaty ...". Such a clause
    tells who or what a participant is, not the news."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "relcl":
            first = min(t.i for t in cur.subtree)
            clause = tok.doc[first : max(t.i for t in cur.subtree) + 1].text
            earlier = _YEAR.search(clause) or _LONG_AGO.search(clause)
            if tok.doc[first].lower_ in NARRATING and not _pluperfect(cur) and not earlier:
                # "erupted in Bolivia, where armoured vehicles rammed the palace doors": a
                # clause on the place or the time goes on with the news ("Kyiv, where
                # missiles killed 20 in 2022" does not).
                return False
            return first > cur.sent.start and tok.doc[first - 1].text in {",", "—", "–", "("}
        if cur.dep_ == "ROOT" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _in_main_clause(tok: Token, root: Token) -> bool:
    """``tok`` hangs on the root's own clause, not inside a relative or reported clause."""
    cur = tok
    for _ in range(8):
        if cur.i == root.i:
            return True
        if cur.dep_ in {"relcl", "ccomp", "acl", "appos"}:
            return False
        cur = cur.head
    return False
