from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyad.cli import app

ARTICLE = (
    "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday."
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def test_cli_code_writes_jsonl_with_the_record_fields(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    out = tmp_path / "events.jsonl"
    res = run("code", str(f), "--published", "2024-06-27", "-o", str(out))
    assert res.exit_code == 0, res.output
    assert "coded 1 documents, 1 events, 0 rejected" in res.stderr
    [line] = out.read_text().splitlines()
    ev = json.loads(line)
    for key in (
        "id",
        "type",
        "mode",
        "contexts",
        "topics",
        "cameo",
        "quad_class",
        "goldstein",
        "status",
        "actors",
        "recipients",
        "date",
        "place",
        "mentions",
        "confidence",
        "coder_version",
    ):
        assert key in ev
    assert ev["type"] == "CONSULT" and ev["date"]["start"] == "2024-06-24"
    assert set(ev["actors"][0]) >= {"text", "name", "actor_id", "country", "sector", "role", "code"}
    assert ev["place"]["country"] == "CHL"


def test_cli_bad_inputs_are_reported_and_the_rest_coded(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    jl = tmp_path / "b.jsonl"
    jl.write_text('{"text": "' + ARTICLE + '", "published": "2024-06-27"}\n{broken\n')
    res = run(
        "code",
        str(good),
        str(binary),
        str(jl),
        str(tmp_path / "missing.txt"),
        "--published",
        "2024-06-27",
    )
    assert res.exit_code == 1
    err = res.stderr
    assert f"rejected: {binary}: contains NUL bytes; is it a binary file? [binary]" in err
    assert f"rejected: {jl}:2: invalid JSON" in err
    assert "[missing]" in err
    assert "coded 2 documents, 2 events, 3 rejected (bad-json: 1, binary: 1, missing: 1)" in err
    assert len(res.stdout.splitlines()) == 2


def test_cli_table_format_and_bad_option(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    res = run("code", str(f), "--format", "table", "--published", "2024-06-27")
    assert res.exit_code == 0
    assert "CONSULT" in res.stdout and "Santiago" in res.stdout
    res = run("code", str(f), "--format", "xml")
    assert res.exit_code == 2 and "--format must be jsonl or table" in res.stderr


def test_cli_bad_published_date_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    res = run("code", str(f), "--published", "27/06/2024")
    assert res.exit_code == 2
    assert "published date '27/06/2024' is not YYYY-MM-DD" in res.stderr
