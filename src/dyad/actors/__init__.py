"""Stage 3, actors: mentions of people, states and organisations -> ``ActorRef``."""

from dyad.actors.kb import KnowledgeBase, load_kb
from dyad.actors.match import Lookup, list_actors, lookup
from dyad.actors.resolve import DocumentActors, resolve_document

__all__ = [
    "DocumentActors",
    "KnowledgeBase",
    "Lookup",
    "list_actors",
    "load_kb",
    "lookup",
    "resolve_document",
]
