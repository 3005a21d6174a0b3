"""The public JSON contract: Document, ActorRef, Event and their parts, in one place.

Field names here are what users read in JSON Lines output; later stages may add fields but
never rename or remove one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Status = Literal["occurred", "planned", "negated", "hypothetical"]
Precision = Literal["day", "week", "month", "year", "range", "publication", "news_day", "unknown"]
ResolvedBy = Literal["kb", "alias", "fuzzy", "composed", "coref", "state", "context", "implied"]


@dataclass(frozen=True, slots=True)
class Document:
    """One input article. ``id`` is a hash of the normalised text, so re-reading is harmless."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date, or None when unknown
    language: str = "en"
    origin: str = ""  # where it was read from: a path, or path:line for JSON Lines
    # The input's own id (a JSON Lines record's "id", or one passed to dyad.code), carried to
    # every event so events can be joined back to the user's articles.
    source_id: str | None = None


@dataclass(frozen=True, slots=True)
class Reject:
    """An input that could not be coded, with a reason code from ``dyad.errors.REASONS``."""

    origin: str
    reason: str
    detail: str
    skipped: bool = False  # a file of another type inside a folder: reported, not an error


@dataclass(slots=True)
class ActorRef:
    text: str
    name: str
    actor_id: str | None
    country: str | None
    sector: str | None
    role: str | None
    code: str
    resolved_by: ResolvedBy
    confidence: float


@dataclass(slots=True)
class DateInfo:
    start: str | None
    end: str | None
    precision: Precision
    text: str | None
    anchor: str | None = None  # the publication date it was resolved against


@dataclass(slots=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    gazetteer_id: str | None
    feature: str | None = None


@dataclass(slots=True)
class Mention:
    document_id: str
    sentence: str
    start: int  # character offsets of the sentence in the document text
    end: int
    text: str  # the trigger words
    trigger_start: int = 0
    trigger_end: int = 0
    pattern: str = ""  # the trigger lexicon entry that fired
    # Set when the store linked this mention to an event first told elsewhere: why it joined.
    joined: str | None = None
    # The sentence's part of the article (``dyad.article.roles``): body, headline, quote ...
    role: str = "body"


@dataclass(slots=True)
class Event:
    id: str
    type: str
    mode: str | None
    contexts: list[str]
    topics: list[str]
    cameo: str
    quad_class: int
    goldstein: float
    status: Status
    actors: list[ActorRef]
    recipients: list[ActorRef]
    date: DateInfo
    place: Place | None
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.0
    coder_version: str = ""
    # The id the input carried (``Document.source_id``) of the document that first told it.
    source_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def stable_id(prefix: str, payload: Any) -> str:
    """A deterministic id from canonical JSON (sorted keys), as sqlite-utils' hash_record."""
    blob = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return prefix + hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    # A record written by a newer Dyad may hold fields this version lacks: ignore them.
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an ``Event`` from its JSON form (the inverse of ``dataclasses.asdict``)."""
    values = _known(Event, data)
    values["actors"] = [ActorRef(**_known(ActorRef, a)) for a in data.get("actors", [])]
    values["recipients"] = [ActorRef(**_known(ActorRef, a)) for a in data.get("recipients", [])]
    values["date"] = DateInfo(**_known(DateInfo, data["date"]))
    place = data.get("place")
    values["place"] = Place(**_known(Place, place)) if place else None
    values["mentions"] = [Mention(**_known(Mention, m)) for m in data.get("mentions", [])]
    return Event(**values)
