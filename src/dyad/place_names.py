"""Country and nationality words the recogniser takes for people or products.

en_core_web_sm tags the less common nationality adjectives and country names as PERSON,
PRODUCT ("Tajik President Emomali Rahmon", "Gabon's army", "Somaliland"): on the real-news
and unseen check sets, "Tajik" was tagged PERSON 10 times, "Gabon" 5, "Azerbaijani" 4,
"Mali" 4; capitals fare no better (two Central Asian capitals as an ORG and a PERSON). A
person so named then hides the nationality from every later reading. A one-word entity
that is a country or nationality word is relabelled GPE (a country's own name) or NORP (a
nationality), and a capital taken for a person or a body is GPE unless it is also a common
name ("Hamilton", "Victoria", "Georgetown"); "UN", "EU" and other bodies stay what the
recogniser said.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

MISREAD = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART", "FAC"})
CAPITAL_MISREAD = MISREAD | {"ORG"}
# Capitals that are also people's names or institutions in English news ("Hamilton said",
# "Georgetown University", "Victoria"): left as the recogniser read them.
NAMESAKES = frozenset({
    "hamilton", "victoria", "kingston", "georgetown", "santiago", "wellington", "washington",
    "male", "praia", "valletta", "lima", "paris", "london", "jerusalem", "avarua", "castries",
})  # fmt: skip


def _capital(word: str, capitals: dict[str, str]) -> bool:
    return word in capitals and word not in NAMESAKES


@Language.component("dyad_place_names")
def place_names(doc: Doc) -> Doc:
    # The lexicon is imported here: dyad.actors imports the parse stage.
    from dyad.actors.lexicon import lexicon

    lex = lexicon()
    ents = []
    for e in doc.ents:
        word = e.text.lower() if len(e) == 1 else None
        iso = lex.country_of_word(word) if word is not None and e.label_ in MISREAD else None
        if iso is not None:
            own_name = word == lex.country_names.get(iso, "").lower()
            ents.append(Span(doc, e.start, e.end, label="GPE" if own_name else "NORP"))
        elif word is not None and e.label_ in CAPITAL_MISREAD and _capital(word, lex.capitals):
            ents.append(Span(doc, e.start, e.end, label="GPE"))
        else:
            ents.append(e)
    doc.ents = ents
    return doc
