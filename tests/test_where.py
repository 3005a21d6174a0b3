from __future__ import annotations

import math

import pytest

from dyad.where import gazetteer


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (
        0.5
        - math.cos((lat2 - lat1) * p) / 2
        + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    )
    return 12742 * math.asin(math.sqrt(a))


@pytest.mark.parametrize(
    ("name", "prefer", "country", "lat", "lon"),
    [
        ("Beijing", [], "CHN", 39.9042, 116.4074),
        ("Shenzhen", [], "CHN", 22.5431, 114.0579),
        ("Lima", ["PER"], "PER", -12.0464, -77.0428),
        ("Paris", [], "FRA", 48.8566, 2.3522),
        ("Paris", ["USA"], "USA", 33.6609, -95.5555),
        ("Santiago", ["CHL"], "CHL", -33.4489, -70.6693),
        ("New Delhi", [], "IND", 28.6139, 77.2090),
    ],
)
def test_where_resolves_and_disambiguates_cities(name, prefer, country, lat, lon):
    place = gazetteer().lookup(name, prefer)
    assert place is not None and place.country == country
    assert km(place.lat, place.lon, lat, lon) < 25
    assert place.gazetteer_id.startswith("geonames:")


def test_where_country_names_are_countries_unless_the_story_is_elsewhere():
    georgia = gazetteer().lookup("Georgia", [])
    assert georgia is not None and georgia.country == "GEO" and georgia.feature == "country"
    us_state = gazetteer().lookup("Georgia", ["USA"])
    assert us_state is not None and us_state.country == "USA" and us_state.feature == "region"


def test_where_unknown_name_is_none():
    assert gazetteer().lookup("Atlantis Prime", []) is None
