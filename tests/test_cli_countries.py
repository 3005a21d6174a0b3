"""Country codes in the filters (issue 15): an unknown code is an error naming the fix, not
an empty result; any case is accepted; ``dyad actors countries`` lists the codes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.countries import CountryCodeError, check_country, check_dyad, country_codes
from dyad.store import Store
from tests.test_store import corpus, db_url, ingest  # noqa: F401  (db_url: SQLite/PostgreSQL)

UNKNOWN = (
    "error: --country: unknown country code 'ZZZ': use an ISO 3166-1 alpha-3 code such as "
    "PER; `dyad actors countries` lists them"
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("DYAD_DB", raising=False)
    yield


@pytest.fixture
def filled(db_url: str) -> str:  # noqa: F811
    with Store.open(db_url) as store:
        ingest(store, corpus())
    return db_url


@pytest.mark.parametrize(
    ("value", "code"),
    [("PER", "PER"), ("per", "PER"), (" Chn ", "CHN"), ("XKX", "XKX"), ("igo", "IGO")],
)
def test_known_codes_in_any_case(value: str, code: str) -> None:
    assert check_country(value, "--country") == code


@pytest.mark.parametrize(
    ("value", "guess"),
    [("PE", "PER (Peru)"), ("us", "USA (United States)"), ("peru", "PER (Peru)")],
)
def test_a_two_letter_code_or_a_name_suggests_the_code(value: str, guess: str) -> None:
    with pytest.raises(CountryCodeError, match=rf"did you mean {re.escape(guess)}\?"):
        check_country(value, "--country")


def test_dyad_codes_are_checked_each() -> None:
    assert check_dyad("chn-per") == "CHN-PER"
    with pytest.raises(CountryCodeError, match="--dyad: unknown country code 'ZZZ'"):
        check_dyad("CHN-ZZZ")
    assert check_dyad("CHN") == "CHN"  # not two codes: Filters.parse says so in its words


def test_country_list_holds_iso_codes_then_non_states() -> None:
    codes = country_codes()
    by_code = {c.code: c for c in codes}
    assert by_code["PER"].name == "Peru" and by_code["PER"].kind == "country"
    assert by_code["IGO"].kind == "non-state"
    assert len(codes) == len(by_code) > 240
    assert all(len(c.code) == 3 and c.code.isupper() for c in codes)


@pytest.mark.parametrize(
    "command",
    [
        ["events"],
        ["stats"],
        ["stories"],
        ["export", "--format", "csv", "-o", "-"],
    ],
)
def test_unknown_country_exits_2_before_the_store_is_opened(
    command: list[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "none.db")  # no store: the code is the first thing wrong
    res = run(*command, "--db", db, "--country", "ZZZ")
    assert res.exit_code == 2, res.output
    assert res.stderr.strip() == UNKNOWN
    res = run(*command, "--db", db, "--dyad", "CHN-zzz")
    assert res.exit_code == 2 and "--dyad: unknown country code 'zzz'" in res.stderr
    assert not (tmp_path / "none.db").exists()


def test_lower_case_country_finds_the_same_events(filled: str) -> None:
    upper = run("events", "--db", filled, "--country", "PER", "--format", "jsonl")
    lower = run("events", "--db", filled, "--country", "per", "--format", "jsonl")
    pair = run("events", "--db", filled, "--dyad", "chn-per", "--format", "jsonl")
    assert upper.exit_code == lower.exit_code == pair.exit_code == 0, lower.output
    assert upper.stdout and lower.stdout == upper.stdout
    assert pair.stdout


def test_events_output_dash_is_stdout(filled: str, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    res = run("events", "--db", filled, "--format", "jsonl", "-o", "-")
    assert res.exit_code == 0, res.output
    assert res.stdout.count("\n") == 6 and not (tmp_path / "-").exists()


def test_stats_unknown_period_is_named_before_the_store_is_opened(tmp_path: Path) -> None:
    res = run("stats", "--db", str(tmp_path / "none.db"), "--by", "fortnight")
    assert res.exit_code == 2
    assert res.stderr.strip() == "error: --by: 'fortnight' is not one of day, week, month, year"


def test_stats_period_in_any_case(filled: str) -> None:
    res = run("stats", "--db", filled, "--by", "Year", "--format", "jsonl")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.splitlines()[0])["period"] == "2023"


def test_actors_list_takes_the_same_codes() -> None:
    bad = CliRunner().invoke(app, ["actors", "list", "--country", "ZZZ"])
    assert bad.exit_code == 2 and bad.stderr.strip() == UNKNOWN
    lower = CliRunner().invoke(app, ["actors", "list", "--country", "per", "--format", "jsonl"])
    assert lower.exit_code == 0, lower.output
    ids = {json.loads(line)["id"] for line in lower.stdout.splitlines()}
    assert "dina-boluarte" in ids


def test_actors_countries_lists_the_codes() -> None:
    res = CliRunner().invoke(app, ["actors", "countries", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {"code": "PER", "name": "Peru", "kind": "country"} in rows
    assert {r["code"] for r in rows if r["kind"] == "non-state"} >= {"IGO", "NGO", "IMG"}
    table = CliRunner().invoke(app, ["actors", "countries"])
    assert table.exit_code == 0 and "PER" in table.stdout and "Peru" in table.stdout
