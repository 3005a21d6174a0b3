"""``dyad actors lookup`` and ``dyad actors list`` (issue 3)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "none"))


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["actors", *args])


def test_actors_cli_lookup_reports_identity_role_and_match() -> None:
    res = run("lookup", "Premier Li", "--on", "2021-03-11")
    assert res.exit_code == 0, res.output
    assert "Li Keqiang (li-keqiang, person)" in res.output
    assert "CHNGOV: Premier (in office)" in res.output
    assert "alias" in res.output


def test_actors_cli_lookup_jsonl() -> None:
    res = run("lookup", "Joe Biden", "--on", "2025-06-01", "--format", "jsonl")
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)
    assert (got["actor_id"], got["resolved_by"]) == ("joe-biden", "kb")
    assert got["role"]["code"] == "USAELI" and got["role"]["current"] is False


def test_actors_cli_lookup_failures_say_what_to_do() -> None:
    res = run("lookup", "Li", "--on", "2024-01-01")
    assert res.exit_code == 1
    assert "fits several actors: Li Qiang (li-qiang), Li Xi (li-xi)" in res.stderr
    res = run("lookup", "Nobody Example")
    assert res.exit_code == 1 and "--actors FILE.yaml" in res.stderr
    res = run("lookup", "Li", "--on", "June")
    assert res.exit_code == 2 and "--on must be a date (YYYY-MM-DD)" in res.stderr


def test_actors_cli_list_by_country_and_user_file(tmp_path: Path) -> None:
    res = run("list", "--country", "PER", "--format", "jsonl")
    assert res.exit_code == 0, res.output
    ids = [json.loads(line)["id"] for line in res.stdout.splitlines()]
    assert "dina-boluarte" in ids and "xi-jinping" not in ids
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "- id: ana-example\n  kind: person\n  name: Ana Example\n"
        "  roles:\n    - {country: PER, sector: GOV, title: Minister, start: 2024-01-01}\n"
    )
    res = run("list", "--country", "PER", "--actors", str(mine))
    assert res.exit_code == 0 and "ana-example" in res.stdout
    res = run("lookup", "Ana Example", "--actors", str(mine), "--on", "2024-06-01")
    assert res.exit_code == 0 and "PERGOV: Minister" in res.stdout
    assert run("list", "--country", "Peru").exit_code == 2
