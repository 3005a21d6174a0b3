"""Report sets for cross-document linking and story tests, written for Dyad in its own words.

Each report: (outlet, published, text, gold event key of its CONSULT mention, gold story).
Used by tests/test_link.py, tests/test_stories.py and bench/linking.py.
"""

from __future__ import annotations

Report = tuple[str, str, str, str, str]

XI_PUTIN: list[Report] = [
    (
        "Wire A",
        "2023-03-22",
        "Chinese President Xi Jinping and Russian President Vladimir Putin held talks in Moscow on Tuesday. The two leaders discussed energy supplies and the war in Ukraine during the state visit.",
        "xi-putin-0321",
        "xi-moscow",
    ),
    (
        "Wire B",
        "2023-03-21",
        "Xi Jinping met Vladimir Putin in Moscow on Tuesday to discuss the war in Ukraine, energy and trade, on the second day of his state visit to Russia.",
        "xi-putin-0321",
        "xi-moscow",
    ),
    (
        "Paper C",
        "2023-03-22",
        "Xi and Putin met yesterday, state media reported, as the Chinese leader's state visit to Russia focused on energy, trade and Ukraine.",
        "xi-putin-0321",
        "xi-moscow",
    ),
]
ANNOUNCED_THEN_HELD: list[Report] = [
    (
        "Wire A",
        "2023-06-15",
        "Indian Prime Minister Narendra Modi will meet US President Joe Biden next week during a state visit focused on defence, technology and trade.",
        "modi-biden-0622",
        "modi-us",
    ),
    (
        "Wire B",
        "2023-06-23",
        "Joe Biden met Narendra Modi on Thursday to discuss defence cooperation, technology and trade during the Indian leader's state visit.",
        "modi-biden-0622",
        "modi-us",
    ),
]
CANCELLED: list[Report] = [
    (
        "Wire A",
        "2023-02-02",
        "US Secretary of State Antony Blinken will visit Beijing on Sunday, the State Department said, in the first such trip in years.",
        "blinken-china-0205",
        "blinken-balloon",
    ),
    (
        "Wire B",
        "2023-02-03",
        "Blinken postponed his planned visit to China after a Chinese balloon was spotted over Montana, officials said of the trip.",
        "blinken-china-0205",
        "blinken-balloon",
    ),
]
A_MONTH_APART: list[Report] = [
    (
        "Wire A",
        "2023-01-25",
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Sunday to mark sixty years of the Elysee Treaty.",
        "macron-scholz-0122",
        "elysee",
    ),
    (
        "Wire A",
        "2023-02-22",
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday before a dinner with Ukraine's president on fighter jets.",
        "macron-scholz-0220",
        "paris-dinner",
    ),
]
TWO_CITIES_ONE_DAY: list[Report] = [
    (
        "Wire A",
        "2023-03-02",
        "US Secretary of State Antony Blinken met Ukrainian Foreign Minister Dmytro Kuleba in Lviv on Wednesday to discuss air defence.",
        "blinken-kuleba-lviv",
        "blinken-ukraine",
    ),
    (
        "Wire B",
        "2023-03-02",
        "US Secretary of State Antony Blinken met Ukrainian Foreign Minister Dmytro Kuleba in Kyiv on Wednesday to discuss air defence.",
        "blinken-kuleba-kyiv",
        "blinken-ukraine",
    ),
]
ALL_SETS = {
    "same meeting, three outlets": XI_PUTIN,
    "announced, then held": ANNOUNCED_THEN_HELD,
    "announced, then cancelled": CANCELLED,
    "same pair, a month apart": A_MONTH_APART,
    "same pair, one day, two cities": TWO_CITIES_ONE_DAY,
}
