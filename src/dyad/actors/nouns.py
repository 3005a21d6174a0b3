"""The words actor resolution reads a mention's kind by: group sizes and heads, crowds,
bodies coded like states, gendered role words, organisation heads, page furniture."""

from __future__ import annotations

# "the two leaders", "both sides", "all three countries": how many participants.
GROUP_SIZE = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}
# Heads of such groups that name persons, and those that name states (with the sector a
# state named that way is coded with: "both sides" are the governments).
GROUP_PERSON_NOUNS = {
    "leader",
    "president",
    "premier",
    "minister",
    "head",
    "official",
    "counterpart",
    "chief",
}
GROUP_STATE_NOUNS: dict[str, str | None] = {
    "country": None,
    "nation": None,
    "state": None,
    "neighbor": None,  # "the two neighbours agreed"
    "neighbour": None,
    "government": "GOV",
}
# "her Chinese counterpart": the same office in the country named.
COUNTERPART_NOUNS = {"counterpart"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Crowds, not institutions, are of the place where they act.
CROWD_SECTORS = {"CVL", "LAB", "EDU", "AGR", "REF", "REL"}
# International bodies the lexicon codes like states ("UN" -> UNO), whose officials are the
# body's (``UNO IGO``), and the sectors an official's title gives.
BODIES = frozenset({"UNO", "EUR"})
STATE_OFFICES = frozenset({"GOV", "LEG"})
FEMALE_WORDS = {"spokeswoman", "chairwoman", "mrs", "ms", "madam", "queen", "congresswoman"}
MALE_WORDS = {"spokesman", "chairman", "mr", "king", "congressman"}
# Heads that make an unknown named phrase an organisation rather than a person.
ORG_HEADS = {
    "ministry",
    "department",
    "office",
    "council",
    "committee",
    "commission",
    "agency",
    "bank",
    "court",
    "congress",
    "parliament",
    "senate",
    "assembly",
    "government",
    "administration",
    "army",
    "navy",
    "police",
    "company",
    "group",
    "party",
    "union",
    "embassy",
    "corporation",
    "media",
    # Bodies that rule or fight, "it" and never "he": "the junta confirmed that it ...".
    "junta",
    "regime",
    "military",
    "cabinet",
    "coalition",
    "alliance",
    "movement",
    "front",
    "organisation",
    "organization",
    "federation",
    "mission",
    "command",
    "tribunal",
    "legislature",
    "bloc",
    "militia",
    "force",
    "guard",
    "service",
}
# Words that make a named organisation a non-governmental monitor whatever its nationality.
NGO_WORDS = frozenset({"rights", "observatory"})
# Page furniture the tagger reads as names: photo credits and captions.
FURNITURE = {
    "image credit",
    "photo credit",
    "credit",
    "credits",
    "photo",
    "file photo",
    "photograph",
    "image",
    "caption",
}
