"""Stage 3, actors: mentions of people, states and organisations -> ``ActorRef``."""

from dyad.actors.kb import KnowledgeBase, load_kb
from dyad.actors.resolve import DocumentActors, resolve_document

__all__ = ["DocumentActors", "KnowledgeBase", "load_kb", "resolve_document"]
