"""Place cases for issue 4: each rule of ``dyad.where`` on sentences written in news style.

Most cases run end to end through the real pipeline (the ``code`` fixture) and check the place
of the event whose trigger is named; the rest check the gazetteer alone.
"""

from __future__ import annotations

import math

import pytest

from dyad.records import Event, Place
from dyad.where import DocumentCountries, gazetteer

PUBLISHED = "2024-06-27"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        0.5
        - math.cos((lat2 - lat1) * p) / 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    )
    return 12742 * math.asin(math.sqrt(a))


def event_of(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if any(trigger in m.text.lower() for m in e.mentions)]
    assert found, f"no event with trigger {trigger!r} in {[e.mentions[0].text for e in events]}"
    return found[0]


def place_of(events: list[Event], trigger: str) -> Place | None:
    return event_of(events, trigger).place


# (text, trigger, place name, ISO alpha-3, feature); a None name means no place.
END_TO_END = [
    # -- a toponym attached to the trigger ---------------------------------------------------
    (
        "Chinese Premier Li Qiang and Peruvian President Dina Boluarte met in Beijing.",
        "met",
        "Beijing",
        "CHN",
        "city",
    ),
    (
        "Chinese Premier Li Qiang held talks with German Chancellor Olaf Scholz in Berlin.",
        "held talks",
        "Berlin",
        "DEU",
        "city",
    ),
    (
        "Egyptian President Abdel Fattah al-Sisi met Qatari Emir Tamim bin Hamad Al Thani "
        "in Cairo.",
        "met",
        "Cairo",
        "EGY",
        "city",
    ),
    (
        "Kenyan President William Ruto met British Prime Minister Rishi Sunak at Downing Street "
        "in London.",
        "met",
        "London",
        "GBR",
        "city",
    ),
    (
        "Chinese President Xi Jinping met Russian President Vladimir Putin on the sidelines of "
        "a summit in Astana.",
        "met",
        "Astana",
        "KAZ",
        "city",
    ),  # through a chain of prepositional phrases
    (
        "The Turkish president hosted the Swedish prime minister in Ankara on Tuesday.",
        "hosted",
        "Ankara",
        "TUR",
        "city",
    ),
    (
        "Indonesian President Joko Widodo arrived in Canberra on Tuesday evening.",
        "arrived",
        "Canberra",
        "AUS",
        "city",
    ),
    (
        "Indian Prime Minister Narendra Modi arrived in Moscow on Monday for a two-day visit.",
        "arrived",
        "Moscow",
        "RUS",
        "city",
    ),
    (
        "Protesters rallied in Buenos Aires against President Javier Milei on Wednesday.",
        "rallied",
        "Buenos Aires",
        "ARG",
        "city",
    ),
    (
        "Chinese Defence Minister Dong Jun met his US counterpart in Singapore.",
        "met",
        "Singapore",
        "SGP",
        "country",
    ),
    (
        "The Chinese president met his Serbian counterpart in Belgrade, the Serbian capital.",
        "met",
        "Belgrade",
        "SRB",
        "city",
    ),
    (
        "Xi Jinping held talks with Lula in Beijing on Thursday, June 20.",
        "held talks",
        "Beijing",
        "CHN",
        "city",
    ),
    (
        "The Dutch prime minister hosted the Ukrainian president in The Hague on Tuesday.",
        "hosted",
        "The Hague",
        "NLD",
        "city",
    ),  # the place hangs on the person hosted
    # -- a destination: "a visit to", "a trip to" ---------------------------------------------
    (
        "The Kenyan president paid a state visit to China from June 25 to 29.",
        "visit",
        "China",
        "CHN",
        "country",
    ),
    (
        "Vietnamese leader To Lam began a three-day visit to Laos on Tuesday.",
        "visit",
        "Laos",
        "LAO",
        "country",
    ),
    (
        "Indian Prime Minister Narendra Modi began a two-day visit to Austria on Monday.",
        "visit",
        "Austria",
        "AUT",
        "country",
    ),
    # -- the object of a visit (or an attack) is where it happens -----------------------------
    (
        "Peruvian President Dina Boluarte visited Shanghai on Wednesday.",
        "visited",
        "Shanghai",
        "CHN",
        "city",
    ),
    (
        "Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday.",
        "visited",
        "Kyiv",
        "UKR",
        "city",
    ),  # the recogniser calls Kyiv a person here
    (
        "Russian President Vladimir Putin will visit Pyongyang next week.",
        "visit",
        "Pyongyang",
        "PRK",
        "city",
    ),
    (
        "Chinese President Xi Jinping visited Peru in 2016.",
        "visited",
        "Peru",
        "PER",
        "country",
    ),
    (
        "Indian Prime Minister Narendra Modi toured a Tesla factory in Berlin on Tuesday.",
        "toured",
        "Berlin",
        "DEU",
        "city",
    ),
    (
        "Israeli forces attacked Rafah on Tuesday.",
        "attacked",
        "Rafaḩ",
        "PSE",
        "city",
    ),  # found under its accent-free spelling
    (
        "Nigerian President Bola Tinubu visited Lagos on Monday.",
        "visited",
        "Lagos",
        "NGA",
        "city",
    ),
    # -- the dateline ------------------------------------------------------------------------
    (
        "LIMA, June 6 — Peruvian President Dina Boluarte met the Chinese ambassador on Wednesday.",
        "met",
        "Lima",
        "PER",
        "city",
    ),
    (
        "LIMA (Reuters) - Peru's foreign minister held talks with his Chilean counterpart on "
        "Tuesday.",
        "held talks",
        "Lima",
        "PER",
        "city",
    ),
    (
        "BEIJING, June 26 (Xinhua) -- Chinese President Xi Jinping met Pakistani Prime Minister "
        "Shehbaz Sharif.",
        "met",
        "Beijing",
        "CHN",
        "city",
    ),
    (
        "WASHINGTON — US President Joe Biden met Kenyan President William Ruto on Thursday.",
        "met",
        "Washington",
        "USA",
        "city",
    ),  # the capital, not the state
    (
        "NEW DELHI, June 10 (Reuters) - Indian Prime Minister Narendra Modi met Bangladeshi "
        "Prime Minister Sheikh Hasina.",
        "met",
        "New Delhi",
        "IND",
        "city",
    ),
    (
        "MOSCOW (AP) — Russian President Vladimir Putin met Chinese President Xi Jinping in "
        "Beijing on Thursday.",
        "met",
        "Beijing",
        "CHN",
        "city",
    ),  # the attached place beats the dateline
    # -- a place told by its kind: "the town of X", "the capital" ---------------------------
    ("M23 rebels attacked the city of Goma on Tuesday.", "attacked", "Goma", "COD", "city"),
    (
        "Soldiers fired on protesters in the Nigerien capital on Wednesday.",
        "fired",
        "Niamey",
        "NER",
        "city",
    ),
    (
        "Protesters marched through the Peruvian capital on Thursday.",
        "marched",
        "Lima",
        "PER",
        "city",
    ),
    (
        "Kenyan police fired tear gas at protesters in the capital on Saturday.",
        "fired",
        "Nairobi",
        "KEN",
        "city",
    ),  # the capital of the country the report is about
    (
        "Nepal's president met the Indian foreign minister in the capital, Kathmandu, on Monday.",
        "met",
        "Kathmandu",
        "NPL",
        "city",
    ),
    (
        "The Egyptian foreign minister met his Israeli counterpart in the Egyptian capital "
        "Cairo on Sunday.",
        "met",
        "Cairo",
        "EGY",
        "city",
    ),
    # -- no dateline: the city the report names most, for events of its country ----------
    (
        "Thousands of people rallied in Nairobi on Tuesday against a new finance bill. Kenyan "
        "police arrested 30 demonstrators, officials said.",
        "arrested",
        "Nairobi",
        "KEN",
        "city",
    ),
    (
        "Kenyan police arrested dozens of protesters in Nairobi on Tuesday. Tanzanian "
        "President Samia Suluhu Hassan met Ugandan President Yoweri Museveni on Wednesday.",
        "met",
        None,
        None,
        None,
    ),  # neither side is of Kenya: Nairobi says nothing about where they met
    # -- the place of the episode, when the text says so -------------------------------------
    (
        "Brazilian President Lula visited China in April. During his stay, he met Chinese "
        "President Xi Jinping.",
        "met",
        "China",
        "CHN",
        "country",
    ),
    (
        "The Peruvian president paid a state visit to China. During the visit, she held talks "
        "with Chinese Premier Li Qiang.",
        "held talks",
        "China",
        "CHN",
        "country",
    ),
    (
        "Brazilian President Lula arrived in Beijing on Tuesday. He met Chinese President Xi "
        "Jinping there on Friday.",
        "met",
        "Beijing",
        "CHN",
        "city",
    ),
    (
        "Brazilian President Lula arrived in Beijing on Tuesday. While there, he met Chinese "
        "President Xi Jinping.",
        "met",
        "Beijing",
        "CHN",
        "city",
    ),
    # -- no place: an actor's seat, a recipient, nothing at all ------------------------------
    (
        "The Chinese Foreign Ministry in Beijing condemned the Philippine actions on Monday.",
        "condemned",
        None,
        None,
        None,
    ),
    (
        "Huawei, based in Shenzhen, signed a deal with the Peruvian government on Monday.",
        "signed",
        None,
        None,
        None,
    ),
    (
        "US Secretary of State Antony Blinken praised Georgia for its reforms.",
        "praised",
        None,
        None,
        None,
    ),
    (
        "Chinese President Xi Jinping expressed support to Peru on Friday.",
        "expressed",
        None,
        None,
        None,
    ),  # "to" marks a recipient unless the word is a journey
    (
        "Brazilian President Lula met Argentine President Javier Milei last week.",
        "met",
        None,
        None,
        None,
    ),
    (
        "Lula met Xi Jinping on Friday. During his stay, Lula also held talks with Li Qiang.",
        "held talks",
        None,
        None,
        None,
    ),  # "during his stay" with no visit placed earlier: still unknown
    # -- ambiguous names ---------------------------------------------------------------------
    (
        "Chinese President Xi Jinping met French President Emmanuel Macron in Paris on Monday.",
        "met",
        "Paris",
        "FRA",
        "city",
    ),
    (
        "Chinese President Xi Jinping met US President Joe Biden in Paris on Monday.",
        "met",
        "Paris",
        "FRA",
        "city",
    ),  # a 25,000-person town in Texas does not beat the French capital on US actors alone
    (
        "The Texas governor met the Mexican president in Paris, Texas on Monday.",
        "met",
        "Paris",
        "USA",
        "city",
    ),
    (
        "PARIS, Texas (AP) — The Texas governor met the Mexican ambassador on Monday.",
        "met",
        "Paris",
        "USA",
        "city",
    ),
    (
        "Former US President Donald Trump held a rally in Georgia on Saturday.",
        "rally",
        "Georgia",
        "USA",
        "region",
    ),
    (
        "Georgian Prime Minister Irakli Kobakhidze met EU officials in Georgia on Monday.",
        "met",
        "Georgia",
        "GEO",
        "country",
    ),
    (
        "US Secretary of State Antony Blinken met Georgian officials in Tbilisi.",
        "met",
        "Tbilisi",
        "GEO",
        "city",
    ),
    (
        "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on "
        "Tuesday.",
        "met",
        "Santiago",
        "CHL",
        "city",
    ),
    (
        "Spanish Prime Minister Pedro Sanchez met Portuguese officials in Santiago de Compostela "
        "on Tuesday.",
        "met",
        "Santiago de Compostela",
        "ESP",
        "city",
    ),  # the recogniser calls it an organisation here
    (
        "SANTIAGO, Chile (Reuters) — Chilean President Gabriel Boric met Brazilian President "
        "Lula on Monday.",
        "met",
        "Santiago",
        "CHL",
        "city",
    ),
    (
        "Lebanese Prime Minister Najib Mikati met the French envoy in Tripoli on Monday.",
        "met",
        "Tripoli",
        "LBN",
        "city",
    ),
    (
        "Libyan Prime Minister Abdul Hamid Dbeibah met the Italian foreign minister in Tripoli.",
        "met",
        "Tripoli",
        "LBY",
        "city",
    ),
    (
        "The Pakistani foreign minister met his Chinese counterpart in Islamabad on Monday.",
        "met",
        "Islamabad",
        "PAK",
        "city",
    ),
    (
        "Xi Jinping met Lula on Friday and will visit Peru in November.",
        "met",
        None,
        None,
        None,
    ),  # the visit's object is not the meeting's place
    ("Hundreds of protesters converged on Helena on Monday.", "converged", "Helena", "USA", "city"),
    (
        "Ethiopia and the Tigray rebels signed a peace agreement a week after talks began in Pretoria.",
        "signed",
        "Pretoria",
        "ZAF",
        "city",
    ),  # the sentence's one setting places its act that names none
    (
        "Rallies were held in Paris and in Berlin as Peru's unions rejected the government's plan.",
        "rejected",
        None,
        None,
        None,
    ),  # two settings: neither is the rejection's
]


@pytest.mark.parametrize(("text", "trigger", "name", "country", "feature"), END_TO_END)
def test_where_case_end_to_end(code, text, trigger, name, country, feature) -> None:  # type: ignore[no-untyped-def]
    place = place_of(code(text, PUBLISHED), trigger)
    if name is None:
        assert place is None
        return
    assert place is not None
    assert (place.name, place.country, place.feature) == (name, country, feature)
    assert place.gazetteer_id and place.gazetteer_id.startswith("geonames:")
    assert place.lat is not None and place.lon is not None


# -- visits: the host follows from the place -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Peruvian President Dina Boluarte visited Shanghai on Wednesday.", "CHNGOV"),
        ("Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday.", "UKRGOV"),
        ("Indonesian President Joko Widodo arrived in Canberra on Tuesday evening.", "AUSGOV"),
        (
            "Indian Prime Minister Narendra Modi toured a Tesla factory in Berlin on Tuesday.",
            "DEUGOV",
        ),
    ],
)
def test_where_case_visit_host_from_place(code, text, host) -> None:  # type: ignore[no-untyped-def]
    events = code(text, PUBLISHED)
    visit = next(e for e in events if e.mode == "visit")
    # The host state is coded as its government (dyad.events.states).
    assert [r.code for r in visit.recipients] == [host]
    assert all(a.country != host[:3] for a in visit.actors)


# -- the gazetteer alone ---------------------------------------------------------------------

TRUE_COORDINATES = [
    ("Beijing", "CHN", 39.9042, 116.4074),
    ("Shenzhen", "CHN", 22.5431, 114.0579),
    ("Lima", "PER", -12.0464, -77.0428),
    ("Islamabad", "PAK", 33.6844, 73.0479),  # not Chattogram, whose old name it was
    ("The Hague", "NLD", 52.0705, 4.3007),
    ("Kiev", "UKR", 50.4501, 30.5234),  # an alternate name of Kyiv
    ("Bogota", "COL", 4.7110, -74.0721),  # without the accent
    ("Washington", "USA", 38.9072, -77.0369),  # the capital over the state
    ("Nay Pyi Taw", "MMR", 19.7633, 96.0785),
]


@pytest.mark.parametrize(("name", "country", "lat", "lon"), TRUE_COORDINATES)
def test_where_case_gazetteer_coordinates(name, country, lat, lon) -> None:  # type: ignore[no-untyped-def]
    place = gazetteer().lookup(name)
    assert place is not None and place.country == country
    assert place.lat is not None and place.lon is not None
    assert km(place.lat, place.lon, lat, lon) < 25


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Britain", "GBR"),
        ("the U.S.", "USA"),
        ("Czech Republic", "CZE"),
        ("Palestine", "PSE"),  # the territory, not Palestine, Texas
        ("Burma", "MMR"),
        ("the Netherlands", "NLD"),
        ("Türkiye", "TUR"),
    ],
)
def test_where_case_country_variants(name, iso3) -> None:  # type: ignore[no-untyped-def]
    place = gazetteer().lookup(name)
    assert place is not None and (place.country, place.feature) == (iso3, "country")


def test_where_case_record_shape() -> None:
    place = gazetteer().lookup("Beijing")
    assert place is not None
    assert set(place.__slots__) == {"name", "country", "lat", "lon", "gazetteer_id", "feature"}  # type: ignore[attr-defined]


def test_where_case_own_mention_does_not_vote() -> None:
    # "Trump held a rally in Georgia": the actor stage reads token 5 as the country Georgia;
    # that vote is left out when token 5 itself is looked up, so the US state wins.
    countries = DocumentCountries({"USA": frozenset({1, 2}), "GEO": frozenset({5})})
    assert countries.besides(5, 6) == ["USA"]
    state = gazetteer().lookup("Georgia", countries.besides(5, 6), strict=False)
    assert state is not None and (state.country, state.feature) == ("USA", "region")
    again = DocumentCountries({"USA": frozenset({1}), "GEO": frozenset({5, 9})})
    country = gazetteer().lookup("Georgia", again.besides(5, 6), strict=False)
    assert country is not None and (country.country, country.feature) == ("GEO", "country")


def test_where_case_small_namesake_does_not_beat_a_capital() -> None:
    soft = gazetteer().lookup("Paris", ["USA", "CHN"], strict=False)
    assert soft is not None and soft.country == "FRA"
    big = gazetteer().lookup("Birmingham", ["USA"], strict=False)
    assert big is not None and big.country == "USA"  # Birmingham, Alabama is no small town


def test_where_case_region_qualifier() -> None:
    place = gazetteer().lookup("Paris", ["USA"], region="TX")
    assert place is not None and km(place.lat or 0, place.lon or 0, 33.6609, -95.5555) < 25


def test_force_is_done_where_its_targets_are_and_a_crowd_where_it_stands(code):
    [e] = code("Israeli airstrikes killed two Hezbollah fighters in southern Lebanon on Tuesday.")
    assert e.place is not None and e.place.country == "LBN"
    [e] = [
        e
        for e in code("Thousands of protesters in Colombo stormed the president's residence.")
        if e.mentions[0].text == "stormed"
    ]
    assert e.place is not None and e.place.name == "Colombo"
    # A statement is not made where the people it is about are.
    [e] = code("Peru condemned the arrest of activists in Hong Kong.")
    assert e.place is None
