"""Request and response bodies, for validation and for the OpenAPI schema.

Events are Dyad's own ``Event`` records (``dyad.records``), the same JSON as ``dyad code``
prints; the models here only wrap them with what an endpoint adds.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dyad.api.evidence import Span
from dyad.records import ActorRef, Event


class EventPage(BaseModel):
    events: list[Event]
    count: int | None = Field(
        description="How many events match in all, when asked for with `count=true`."
    )
    limit: int
    next: str | None = Field(
        description="Cursor of the next page (pass it as `cursor`); null on the last page."
    )


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None = None


class RoleOnDate(BaseModel):
    """What a knowledge-base actor was on the event's date (ELI after every term)."""

    country: str
    sector: str
    title: str | None
    current: bool


class Participant(BaseModel):
    side: Literal["actor", "recipient"]
    ref: ActorRef
    kind: str | None = Field(None, description="person, organisation or state, when known")
    role_on_date: RoleOnDate | None = None


class EvidenceOut(BaseModel):
    document_id: str
    document_title: str | None
    sentence: str
    start: int = Field(description="Sentence offsets in the document text.")
    end: int
    trigger: str
    pattern: str
    spans: list[Span] = Field(description="Trigger and participants; offsets in the sentence.")


class EventDetail(BaseModel):
    event: Event
    documents: list[DocumentSummary]
    participants: list[Participant]
    evidence: list[EvidenceOut]


class MentionOut(BaseModel):
    event_id: str
    type: str
    status: str
    quad_class: int
    sentence_start: int
    sentence_end: int
    trigger_start: int
    trigger_end: int
    trigger: str


class DocumentDetail(BaseModel):
    document: DocumentSummary
    text: str
    mentions: list[MentionOut] = Field(
        description="Event mentions in the text, in order; offsets into `text`."
    )


class DocumentIn(BaseModel):
    """One article to code, with the fields of a JSON Lines input record."""

    model_config = ConfigDict(extra="forbid")
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD", examples=["2024-06-28"])

    @field_validator("text", "title", "url", "source", "published")
    @classmethod
    def _unicode(cls, value: str | None) -> str | None:
        # A JSON escape may spell a lone surrogate (\ud800): not text, and no database stores
        # it; the request is refused whole (400) rather than failing in the store (500).
        if value is not None and any("\ud800" <= ch <= "\udfff" for ch in value):
            raise ValueError("holds an unpaired surrogate escape (such as \\ud800), not text")
        return value


class DocumentResult(BaseModel):
    index: int
    outcome: Literal["stored", "already stored", "rejected"]
    document_id: str | None
    events: int
    reason: str | None = None
    detail: str | None = None


class IngestResult(BaseModel):
    stored: int
    already_stored: int
    rejected: int
    events: int
    results: list[DocumentResult]


class ActorMatch(BaseModel):
    actor_id: str | None
    name: str
    kind: str | None
    countries: list[str]
    in_kb: bool
    events: int
    matched_by: str | None = Field(None, description="kb, alias, fuzzy, name or store")


class ActorSearch(BaseModel):
    query: str
    actors: list[ActorMatch]


class KbRole(BaseModel):
    country: str
    sector: str
    title: str | None
    start: dt.date | None
    end: dt.date | None


class ActorCountsOut(BaseModel):
    events: int
    as_actor: int
    as_recipient: int
    by_type: dict[str, int]
    by_year: dict[str, int]
    first: dt.date | None
    last: dt.date | None


class ActorDetail(BaseModel):
    actor_id: str
    name: str
    kind: str | None
    aliases: list[str]
    in_kb: bool
    roles: list[KbRole]
    names_in_store: list[str]
    counts: ActorCountsOut


class PeriodOut(BaseModel):
    period: str
    events: int
    by_type: dict[str, int]
    by_quad: dict[str, int] = Field(description="Quad class (1-4) to events.")
    goldstein_mean: float | None


class StatsOut(BaseModel):
    by: str
    periods: list[PeriodOut]
    total: PeriodOut


class Node(BaseModel):
    id: str
    label: str
    events: int


class EdgeOut(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float


class NetworkOut(BaseModel):
    by: Literal["country", "actor"]
    nodes: list[Node]
    edges: list[EdgeOut]


class StoryOut(BaseModel):
    id: str
    title: str
    documents: list[str]
    events: list[Event]
    span: tuple[str | None, str | None]


class StoriesOut(BaseModel):
    stories: list[StoryOut]
