"""A generated corpus of news-like articles, so benchmarks ship without third-party text.

``articles(n, seed)`` yields ``n`` documents of 300-1,000 words built from varied sentence
templates (meetings, visits, agreements, criticism, protests, background), with leaders,
countries and cities drawn from Dyad's own data. Deterministic for a seed, and lazy: the
corpus is never held in memory.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from dyad.ingest import make_document
from dyad.records import Document

COUNTRIES = [
    ("Peruvian", "Peru", "Lima"),
    ("Chinese", "China", "Beijing"),
    ("Brazilian", "Brazil", "Brasilia"),
    ("Chilean", "Chile", "Santiago"),
    ("Kenyan", "Kenya", "Nairobi"),
    ("German", "Germany", "Berlin"),
    ("Indian", "India", "New Delhi"),
    ("Mexican", "Mexico", "Mexico City"),
    ("Japanese", "Japan", "Tokyo"),
    ("Egyptian", "Egypt", "Cairo"),
    ("Polish", "Poland", "Warsaw"),
    ("Turkish", "Turkey", "Ankara"),
    ("Argentine", "Argentina", "Buenos Aires"),
    ("Australian", "Australia", "Canberra"),
    ("Nigerian", "Nigeria", "Abuja"),
    ("Indonesian", "Indonesia", "Jakarta"),
]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Trade Minister", "Defence Minister"]
GIVEN = ["Ana", "Luis", "Mei", "Kwame", "Sofia", "Ravi", "Hiro", "Olga", "Tomas", "Amara", "Jun"]
FAMILY = ["Rivera", "Okafor", "Tanaka", "Novak", "Silva", "Mehta", "Haddad", "Lindqvist", "Zhou"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = [
    "trade",
    "investment",
    "energy",
    "climate",
    "migration",
    "security",
    "health",
    "education",
]

EVENT_SENTENCES = [
    "{na} {ta} {pa} met {nb} {tb} {pb} in {city} on {day} to discuss {topic}.",
    "{pa} held talks with {pb} on {topic} and infrastructure cooperation.",
    "{na} {ta} {pa} arrived in {cityb} on {day} for a three-day state visit.",
    "The two leaders signed agreements on {topic} and agreed to expand cooperation.",
    "{pa} said {ca} will provide loans to {cb} to finance new ports and railways.",
    "The {na} foreign ministry criticized {cb} over its decision to raise tariffs.",
    "{pb} urged {ca} to ease restrictions on imports of farm products.",
    "Thousands of {na} farmers protested against the agreement in {city} on {day}.",
    "{ca} rejected the proposal from {cb} for a joint commission on {topic}.",
    "{pa} is scheduled to visit {cityb} next month to meet {nb} business leaders.",
    "{nb} officials denied that the talks had collapsed.",
    "{pa} thanked {cb} for its support during the recent floods.",
]
BACKGROUND = [
    "Trade between the two countries reached record levels last year, officials said.",
    "Analysts said the relationship had grown steadily over the past decade.",
    "The economy has faced slower growth, rising prices and a weaker currency this year.",
    "Several ministers accompanied the delegation, which included business executives.",
    "Officials have described the partnership as a priority for regional stability.",
    "The region has seen growing competition for minerals, farmland and port access.",
    "Opposition lawmakers have questioned the terms of earlier loans and contracts.",
    "Diplomats said further rounds of negotiations were expected before the end of the year.",
    "Local media reported that preparations for the meetings had taken several months.",
    "Both governments have emphasized cultural exchanges, scholarships and tourism.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def article(i: int, seed: int = 7) -> Document:
    rng = random.Random(seed * 1_000_003 + i)
    (na, ca, city), (nb, cb, cityb) = rng.sample(COUNTRIES, 2)
    slots = {
        "na": na, "ca": ca, "city": city, "nb": nb, "cb": cb, "cityb": cityb,
        "ta": rng.choice(TITLES), "tb": rng.choice(TITLES), "pa": _person(rng),
        "pb": _person(rng), "day": rng.choice(DAYS), "topic": rng.choice(TOPICS),
    }  # fmt: skip
    target = rng.randint(300, 1000)
    paragraphs: list[str] = [f"{ca} and {cb} discuss {slots['topic']} in {city}"]
    words = 0
    while words < target:
        para = []
        for _ in range(rng.randint(2, 4)):
            pool = EVENT_SENTENCES if rng.random() < 0.45 else BACKGROUND
            sentence = rng.choice(pool).format(**slots)
            para.append(sentence)
            words += len(sentence.split())
        paragraphs.append(" ".join(para))
    month = 1 + i % 12
    return make_document(
        "\n\n".join(paragraphs), origin=f"generated:{i}", published=f"2024-{month:02d}-15"
    )


def articles(n: int, seed: int = 7) -> Iterator[Document]:
    for i in range(n):
        yield article(i, seed)
