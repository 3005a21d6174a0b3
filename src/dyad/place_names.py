"""Country and nationality words the recogniser takes for people or products.

en_core_web_sm tags the less common nationality adjectives and country names as PERSON,
PRODUCT ("Tajik President Emomali Rahmon", "Gabon's army", "Somaliland"): on the real-news
and unseen check sets, "Tajik" was tagged PERSON 10 times, "Gabon" 5, "Azerbaijani" 4,
"Mali" 4; capitals fare no better ("Bishkek and Dushanbe agreed": an ORG and a PERSON). A
person so named then hides the nationality from every later reading. A one-word entity
that is a country or nationality word is relabelled GPE (a country's own name) or NORP (a
nationality), and a capital taken for a person or a body is GPE; "UN", "EU" and other
bodies stay what the recogniser said.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

MISREAD = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART", "FAC"})


@Language.component("dyad_place_names")
def place_names(doc: Doc) -> Doc:
    # The lexicon is imported here: dyad.actors imports the parse stage.
    from dyad.actors.lexicon import lexicon

    lex = lexicon()
    ents = []
    for e in doc.ents:
        word = e.text.lower() if len(e) == 1 else None
        if word is not None and e.label_ in MISREAD and lex.country_of_word(word):
            own_name = word == lex.country_names.get(lex.country_of_word(word) or "", "").lower()
            ents.append(Span(doc, e.start, e.end, label="GPE" if own_name else "NORP"))
        elif word is not None and e.label_ in MISREAD | {"ORG"} and word in lex.capitals:
            ents.append(Span(doc, e.start, e.end, label="GPE"))
        else:
            ents.append(e)
    doc.ents = ents
    return doc
