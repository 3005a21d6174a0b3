"""What part of an article each sentence is: dateline, headline, furniture, quote, background.

``structure`` reads the text's paragraphs (dateline, headlines, bylines, captions, live-blog
stamps), ``quotes`` finds direct speech, and ``roles`` gives each sentence of a parse its
role, which the event stage uses to leave out what did not happen as told.
"""

from dyad.article.quotes import QuoteSpans, quote_spans
from dyad.article.roles import Role, SentenceRoles, sentence_roles
from dyad.article.structure import Dateline, find_dateline

__all__ = [
    "Dateline",
    "QuoteSpans",
    "Role",
    "SentenceRoles",
    "find_dateline",
    "quote_spans",
    "sentence_roles",
]
