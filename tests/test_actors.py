from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyad.actors import load_kb
from dyad.actors.kb import KnowledgeBase, name_key
from dyad.errors import DataFileError

USER_KB = """
- id: ana-example
  kind: person
  name: Ana Example
  gender: female
  aliases: [Ana Maria Example Rivera]
  roles:
    - {country: PER, sector: GOV, title: Foreign Minister, start: 2021-01-01, end: 2022-12-31}
    - {country: PER, sector: LEG, title: Senator, start: 2023-02-01, end: 2024-01-31}
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    f = tmp_path_factory.mktemp("kb") / "mine.yaml"
    f.write_text(USER_KB)
    return load_kb([f], use_config_dir=False)


def test_actors_role_on_date_and_former_elite(kb: KnowledgeBase) -> None:
    ana = kb.entries["ana-example"]
    r = kb.role_on(ana, dt.date(2021, 6, 1))
    assert (r.country, r.sector, r.title) == ("PER", "GOV", "Foreign Minister")
    r = kb.role_on(ana, dt.date(2023, 6, 1))
    assert (r.country, r.sector) == ("PER", "LEG")
    gap = kb.role_on(ana, dt.date(2023, 1, 15))
    assert (gap.country, gap.sector, gap.current) == ("PER", "ELI", False)
    after = kb.role_on(ana, dt.date(2025, 1, 1))
    assert (after.country, after.sector) == ("PER", "ELI")


def test_actors_lookup_by_alias_surname_and_fuzzy(kb: KnowledgeBase) -> None:
    assert [e.id for e in kb.exact("Ana Maria Example Rivera")] == ["ana-example"]
    assert [e.id for e in kb.exact("ANA EXAMPLE")] == ["ana-example"]
    assert "ana-example" in [e.id for e in kb.surname("Example")]
    assert "ana-example" in [e.id for e in kb.surname("Example Rivera")]
    hits, score = kb.fuzzy("Ana Exemple")
    assert [e.id for e in hits] == ["ana-example"] and score >= 90


def test_actors_name_key_ignores_accents_case_and_hyphens() -> None:
    assert name_key("Xi Jin-ping") == name_key("xi jinping")
    assert name_key("Andrés Manuel López Obrador") == name_key("Andres Manuel Lopez Obrador")


def test_actors_bad_user_file_names_the_problem(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(
        "- id: x\n  kind: person\n  name: X\n  roles:\n    - {country: Peru, sector: GOV}\n"
    )
    with pytest.raises(DataFileError, match=r"bad.yaml: entry 1: roles.0.country"):
        load_kb([f], use_config_dir=False)
    f.write_text(
        "- id: y\n  kind: person\n  name: Y\n  roles:\n"
        "    - {country: PER, sector: GOV, start: 2020-01-02, end: 2019-01-01}\n"
    )
    with pytest.raises(DataFileError, match="ends"):
        load_kb([f], use_config_dir=False)


def test_actors_user_file_overrides_builtin_id(tmp_path: Path) -> None:
    base = load_kb(use_config_dir=False)
    if not base.entries:
        pytest.skip("no built-in entries")
    some_id = sorted(base.entries)[0]
    f = tmp_path / "override.yaml"
    f.write_text(
        f"- id: {some_id}\n  kind: organisation\n  name: Replaced\n"
        "  roles:\n    - {country: IGO, sector: IGO}\n"
    )
    kb = load_kb([f], use_config_dir=False)
    assert kb.entries[some_id].name == "Replaced"


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Peruvian President Pedro Example met the delegation.", "PER", "GOV"),
        ("A Chinese foreign ministry spokeswoman criticized the report.", "CHN", "GOV"),
        ("Chinese enterprises were invited to invest.", "CHN", "BUS"),
        ("Brazilian farmers protested against the deal.", "BRA", "AGR"),
        ("Beijing criticized the decision.", "CHN", "GOV"),
        ("Kenyan lawmakers rejected the bill.", "KEN", "LEG"),
    ],
)
def test_actors_compositional_coding(text, country, sector):
    from dyad.actors import resolve_document
    from dyad.nlp import load

    doc = load()(text)
    refs = resolve_document(doc, load_kb(use_config_dir=False), day=None)
    found = [r for rs in refs.by_token.values() for r in rs]
    assert any(r.country == country and r.sector == sector for r in found), found


def test_actors_pronoun_and_description_coreference(code):
    text = (
        "Ghanaian Foreign Minister Kwame Example arrived in Lima on Monday. "
        "He met Peruvian officials on Tuesday. "
        "The Ghanaian minister also criticized the tariffs."
    )
    events = code(text, "2024-06-27")
    by_type = {e.type: e for e in events}
    assert by_type["CONSULT"].actors[0].name == "Kwame Example"
    met = [e for e in events if e.mentions[0].text == "met"]
    assert met and met[0].actors[0].resolved_by == "coref"
    assert by_type["ACCUSE"].actors[0].name == "Kwame Example"
