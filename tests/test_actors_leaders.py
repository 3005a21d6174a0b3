from __future__ import annotations

import datetime as dt
import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from dyad.actors import load_kb
from dyad.actors.kb import KnowledgeBase
from dyad.actors.leaders import builtin_leaders, parse_leaders, without_known
from dyad.errors import DataFileError

ROOT = Path(__file__).resolve().parents[1]
HEADER = "id,name,aliases,country,sector,title,start,end,wikidata\n"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(use_config_dir=False)


def _script() -> ModuleType:
    path = ROOT / "scripts" / "build_leaders.py"
    spec = importlib.util.spec_from_file_location("build_leaders", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_leaders"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_leaders_president_on_a_date(kb: KnowledgeBase) -> None:
    def president(country: str, day: dt.date) -> list[str]:
        return [e.id for e in kb.holders(day, country=country, title="president")]

    assert president("KEN", dt.date(2020, 6, 1)) == ["uhuru-kenyatta"]
    assert president("KEN", dt.date(2023, 6, 1)) == ["william-ruto"]
    assert president("DZA", dt.date(2021, 3, 1)) == ["abdelmadjid-tebboune"]
    assert [
        e.id for e in kb.holders(dt.date(2022, 6, 1), country="ALB", title="prime minister")
    ] == ["edi-rama"]


def test_leaders_foreign_minister_on_a_date(kb: KnowledgeBase) -> None:
    fm = [e.id for e in kb.holders(dt.date(2021, 6, 1), country="KEN", title="foreign minister")]
    assert fm == ["raychelle-omamo"]
    fm = [e.id for e in kb.holders(dt.date(2022, 11, 1), country="KEN", title="foreign minister")]
    assert fm == ["alfred-nganga-mutua"]


def test_heads_written_by_hand_over_converted_breaks(kb: KnowledgeBase) -> None:
    # The conversion ended Pashinyan's tenure in 2021; he stayed prime minister.
    (pashinyan,) = kb.exact("Nikol Pashinyan")
    role = kb.role_on(pashinyan, dt.date(2023, 9, 20))
    assert (role.country, role.sector, role.current) == ("ARM", "GOV", True)
    # Out of office, Imran Khan leads the opposition.
    (khan,) = kb.exact("Imran Khan")
    assert kb.role_on(khan, dt.date(2021, 3, 1)).sector == "GOV"
    later = kb.role_on(khan, dt.date(2024, 8, 1))
    assert (later.country, later.sector, later.current) == ("PAK", "OPP", True)


def test_leaders_name_resolves_to_the_role_of_the_day(kb: KnowledgeBase) -> None:
    (ruto,) = kb.exact("William Ruto")
    now = kb.role_on(ruto, dt.date(2023, 6, 1))
    assert (now.country, now.sector, now.title, now.current) == ("KEN", "GOV", "President", True)
    before = kb.role_on(ruto, dt.date(2020, 1, 1))
    assert (before.country, before.sector, before.current) == ("KEN", "ELI", False)
    (omamo,) = kb.exact("Raychelle Omamo")
    after = kb.role_on(omamo, dt.date(2023, 1, 1))
    assert (after.country, after.sector, after.current) == ("KEN", "ELI", False)


def test_irish_heads_of_government_by_day(kb: KnowledgeBase) -> None:
    def taoiseach(day: dt.date) -> list[str]:
        return [e.id for e in kb.holders(day, country="IRL", title="Taoiseach")]

    # The converted rows began Simon Harris in October 2024; he took office in April.
    assert taoiseach(dt.date(2024, 4, 28)) == ["simon-harris"]
    assert taoiseach(dt.date(2024, 3, 1)) == ["leo-varadkar"]
    assert taoiseach(dt.date(2021, 5, 1)) == ["micheal-martin"]
    assert taoiseach(dt.date(2025, 6, 1)) == ["micheal-martin"]
    (mcentee,) = kb.exact("Helen McEntee")
    assert kb.role_on(mcentee, dt.date(2024, 4, 28)).title == "Minister for Justice"


def test_leaders_names_match_without_accents(kb: KnowledgeBase) -> None:
    assert [e.id for e in kb.exact("Tete Antonio")] == ["tete-antonio"]


def test_leaders_hand_written_entries_win(kb: KnowledgeBase) -> None:
    # Joe Biden is in the converted file too; the hand-written entry is the only one kept.
    assert any(e.name == "Joe Biden" for e in builtin_leaders())
    (biden,) = kb.exact("Joe Biden")
    assert biden.id == "joe-biden"
    assert kb.role_on(biden, dt.date(2015, 1, 1)).title == "Vice President"
    hand = parse_leaders(HEADER + "ana-x,Ana X,Ana Maria X,PER,GOV,President,2020-01-01,,Q1\n")
    other = parse_leaders(
        HEADER
        + "ana-maria-x,Ana Maria X,,PER,GOV,Prime Minister,2021-01-01,,Q2\n"
        + "bo-y,Bo Y,,PER,GOV,Prime Minister,2022-01-01,,Q3\n"
    )
    assert [e.id for e in without_known(other, hand)] == ["bo-y"]


def test_leaders_rows_of_one_id_are_one_person_and_monarchs_have_no_surname() -> None:
    (king,) = parse_leaders(
        HEADER
        + "rex-of-x,Rex of X,,XXA,GOV,Monarch,2000-01-01,,Q1\n"
        + "rex-of-x,Rex of X,,XXB,GOV,King,2001-01-01,2010-01-01,Q1\n"
    )
    assert [r.country for r in king.roles] == ["XXA", "XXB"]
    assert king.surnames == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,name\nx,X\n", "missing columns"),
        (HEADER + "a-b,A B,,PER,GOV,President,2022-01-01,2021-01-01,Q1\n", "line 2"),
        (HEADER + "a-b,A B,,Peru,GOV,President,2022-01-01,,Q1\n", "country"),
        (
            HEADER + "a-b,A B,,PER,GOV,P,2022-01-01,,Q1\na-b,A C,,PER,GOV,P,2022-01-01,,Q1\n",
            "two names",
        ),
    ],
)
def test_leaders_bad_file_gives_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        parse_leaders(text, "leaders.csv")


def _commit(repo: Path, path: str, text: str, day: str) -> None:
    f = repo / path
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(text, encoding="utf-8")
    env = {
        "GIT_AUTHOR_DATE": f"{day}T12:00:00",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00",
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin:/usr/local/bin",
    }
    subprocess.run(["git", "add", path], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", day], cwd=repo, check=True, env=env)


def test_build_leaders_dates_are_conservative_and_stable(tmp_path: Path) -> None:
    script = _script()
    repo = tmp_path / "heads"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    head = (
        "countryid,country,position,positionLabel,officeholder,officeholderLabel,"
        "start_year,end_year\n"
    )
    old = "Q114,Kenya,Q14784066,President of Kenya,Q196070,Uhuru Kenyatta,2013,\n"
    _commit(repo, script.HEADS_PATH, head + old, "2022-09-01")
    ended = "Q114,Kenya,Q14784066,President of Kenya,Q196070,Uhuru Kenyatta,2013,2022\n"
    new = "Q114,Kenya,Q14784066,President of Kenya,Q195725,William Ruto,2022,\n"
    _commit(repo, script.HEADS_PATH, head + ended + new, "2022-09-14")
    rows, _ = script.build(repo / ".git", None)
    got = {(r["name"], r["title"], r["start"], r["end"]) for r in rows}
    assert got == {
        # a year-only start: the year's last day; the end: the last snapshot showing it open
        ("Uhuru Kenyatta", "President", "2013-12-31", "2022-09-01"),
        # first seen on 14 September: in office from then at the latest, still in office
        ("William Ruto", "President", "2022-09-14", ""),
    }
    assert script.build(repo / ".git", None)[0] == rows


def test_build_leaders_one_id_per_person() -> None:
    ids = _script().person_ids(
        {
            "Q7": ("Ana Ruiz", []),
            "Q30": ("Ana Ruiz", []),
            "Q12": ("Ana Ruiz", []),
            "Q5": ("Bo Li", []),
        },
        {"Q7": {"HND"}, "Q30": {"HND"}, "Q12": {"PER"}, "Q5": {"CHN"}},
    )
    # Two Wikidata items for one Honduran minister are one person; the Peruvian namesake
    # is another.
    assert ids == {"Q7": "ana-ruiz-q7", "Q30": "ana-ruiz-q7", "Q12": "ana-ruiz-q12", "Q5": "bo-li"}


def test_build_leaders_future_start_waits_for_the_predecessor(tmp_path: Path) -> None:
    # Wikidata records an elected president's start ahead of the inauguration: while the
    # predecessor is still shown in office, the newcomer's start is not taken from that day.
    script = _script()
    repo = tmp_path / "heads"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    head = "countryid,country,position,positionLabel,officeholder,officeholderLabel,"
    head += "start_year,end_year\n"
    old = "Q252,Indonesia,Q11755916,President of Indonesia,Q3318231,Joko Widodo,2014,\n"
    new = "Q252,Indonesia,Q11755916,President of Indonesia,Q2107268,Prabowo Subianto,2024,\n"
    _commit(repo, script.HEADS_PATH, head + old + new, "2024-03-16")
    ended = "Q252,Indonesia,Q11755916,President of Indonesia,Q3318231,Joko Widodo,2014,2024\n"
    _commit(repo, script.HEADS_PATH, head + ended + new, "2024-10-23")
    rows, _ = script.build(repo / ".git", None)
    got = {(r["name"], r["start"], r["end"]) for r in rows}
    assert got == {
        ("Joko Widodo", "2014-12-31", "2024-03-16"),
        ("Prabowo Subianto", "2024-10-23", ""),
    }


def test_build_leaders_merges_a_tenure_split_by_a_changed_start_year() -> None:
    def role(qid: str, start: str, end: str) -> dict:
        return {"qid": qid, "position": "P", "start": start, "end": end, "labels": Counter()}

    days = [dt.date(2021, 10, 11), dt.date(2022, 10, 10), dt.date(2023, 6, 3)]
    split = [role("Q1", "2021-10-11", "2022-10-10"), role("Q1", "2022-12-31", "")]
    (one,) = _script().merge_split(split, days)
    assert (one["start"], one["end"]) == ("2021-10-11", "")
    # A snapshot between the two shows the person out of office: two terms.
    days.append(dt.date(2022, 11, 15))
    assert len(_script().merge_split(split, days)) == 2
    # So does someone else's term starting between them.
    other = [*split, role("Q2", "2022-11-01", "2022-12-30")]
    assert len(_script().merge_split(other, days[:3])) == 3


def test_leaders_paternal_surname_of_a_long_form_names_the_person(kb: KnowledgeBase) -> None:
    # The long form "Juan Orlando Hernández Alvarado" puts the paternal surname second to
    # last: it is still his surname, not a given name.
    [e] = kb.surname("Hernández")
    assert e.id == "juan-orlando-hernandez"


@pytest.mark.parametrize(
    ("name", "day", "sector"),
    [
        # The converted rows end these tenures at a snapshot gap (2024-03-16, 2023-06-03):
        # hand-written days replace them, in office up to the day they left.
        ("Albin Kurti", dt.date(2025, 6, 1), "GOV"),
        ("Sheikh Hasina", dt.date(2024, 7, 20), "GOV"),
        ("Sheikh Hasina", dt.date(2024, 8, 6), "ELI"),
        ("Mohamed Bazoum", dt.date(2023, 7, 20), "GOV"),
        ("Mohamed Bazoum", dt.date(2023, 7, 27), "ELI"),
        ("Macky Sall", dt.date(2024, 3, 25), "GOV"),
    ],
)
def test_heads_in_office_through_a_snapshot_gap(
    kb: KnowledgeBase, name: str, day: dt.date, sector: str
) -> None:
    (entry,) = kb.exact(name)
    assert kb.role_on(entry, day).sector == sector
