"""Plural common nouns that open a sentence, lemmatised as the nouns they are.

The tagger reads a capitalised plural at the start of a sentence as a proper noun ("Warplanes
bombed a market", "Rioters torched cars", "Gangs attacked a police station" after a
dateline) and the lemmatiser then leaves the word as written, so the role lexicon
("warplane", "rioter", "gang") and the trigger lexicon never see it. This component gives
such a word the lemma spaCy's own rules give it as a common noun. Only the lemma changes:
the tag stays, so names are read as before; words inside an entity ("the Philippines",
"Democrats") and words that are not plural forms keep theirs.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

# Marks after which a sentence's first word may stand: a dateline's dash, a quote, a bracket.
OPENERS = frozenset({"—", "–", "-", "--", "“", '"', "‘", "'", "(", ":"})


@Language.factory("dyad_opening_plurals", requires=["token.lemma", "token.tag"])
def make_opening_plurals(nlp: Language, name: str) -> OpeningPlurals:
    return OpeningPlurals(nlp.vocab, nlp.get_pipe("lemmatizer"))


class OpeningPlurals:
    def __init__(self, vocab: Vocab, lemmatizer: Lemmatizer) -> None:
        self.vocab = vocab
        self.lemmatizer = lemmatizer

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if _opening_plural(tok):
                lemma = self._noun_lemma(tok.lower_)
                if lemma != tok.lower_:
                    tok.lemma_ = lemma
        return doc

    @functools.lru_cache(maxsize=4096)  # noqa: B019 (one instance per pipeline)
    def _noun_lemma(self, word: str) -> str:
        probe = Doc(self.vocab, words=[word], pos=["NOUN"], tags=["NNS"])
        return self.lemmatizer.rule_lemmatize(probe[0])[0]


def _opening_plural(tok: Token) -> bool:
    if tok.tag_ != "NNPS" or tok.ent_type_ or not tok.is_title or tok.lemma_ != tok.text:
        return False
    return tok.is_sent_start or (tok.i > 0 and tok.doc[tok.i - 1].text in OPENERS)
