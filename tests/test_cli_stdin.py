"""``-`` for standard input in ``dyad code`` and ``dyad ingest`` (issue 15): text, HTML and
JSON Lines piped in, told apart by their first line; rejects as for files."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.cli.inputs import Stdin

ARTICLE = (
    "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday."
)
OTHER = "Peruvian President Dina Boluarte met Chinese President Xi Jinping in Lima on Thursday."


@pytest.fixture(autouse=True)
def no_user_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYAD_CONFIG", str(tmp_path / "config"))
    monkeypatch.delenv("DYAD_DB", raising=False)


def dyad(*args: str, stdin: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``dyad ARGS`` in a child process with ``stdin`` piped in, as a shell pipe runs it."""
    return subprocess.run(
        [sys.executable, "-m", "dyad", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_code_reads_one_article_piped_in(tmp_path: Path) -> None:
    done = dyad(
        "code", "-", "--published", "2024-06-27", "--workers", "1", stdin=ARTICLE, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    [event] = [json.loads(line) for line in done.stdout.splitlines()]
    assert (event["type"], event["date"]["start"]) == ("CONSULT", "2024-06-24")
    assert "coded 1 documents, 1 events, 0 rejected" in done.stderr


def test_code_reads_json_lines_piped_in_with_their_ids_and_rejects(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a-1", "text": ARTICLE, "published": "2024-06-27"}),
        "",
        "{broken",
        json.dumps({"id": 7, "text": OTHER, "published": "2024-11-16"}),
    ]
    done = dyad("code", "-", "--workers", "1", stdin="\n".join(lines) + "\n", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # a reject fails the run, as for a file
    assert "rejected: <stdin>:3: invalid JSON" in done.stderr
    assert "coded 2 documents, " in done.stderr and "1 rejected (bad-json: 1)" in done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert {e["source_id"] for e in events} == {"a-1", "7"}


def test_ingest_stores_what_is_piped_in_once(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"text": t, "published": "2024-06-27"}) for t in (ARTICLE, OTHER))
    db = str(tmp_path / "piped.db")
    first = dyad("ingest", "-", "--db", db, "--workers", "1", stdin=lines, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "stored 2 documents" in first.stderr
    # A rerun needs no coder process: both are already stored.
    again = CliRunner().invoke(app, ["ingest", "-", "--db", db, "--workers", "1"], input=lines)
    assert again.exit_code == 0, again.output
    assert "already stored: <stdin>:1" in again.stderr
    assert "stored 0 documents, 0 events; 2 already stored" in again.stderr


def test_stdin_is_read_at_its_place_among_the_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    before, after = tmp_path / "before.txt", tmp_path / "after.txt"  # neither exists
    res = CliRunner().invoke(
        app, ["code", str(before), "-", str(after), "--workers", "1", "-o", "-"], input="  \n"
    )
    assert res.exit_code == 1, res.output
    assert not (tmp_path / "-").exists()  # -o - is standard output, not a file named -
    rejected = [line for line in res.stderr.splitlines() if line.startswith("rejected: ")]
    assert [line.split()[1] for line in rejected] == [f"{before}:", "<stdin>:", f"{after}:"]
    assert "coded 0 documents, 0 events, 3 rejected (empty: 1, missing: 2)" in res.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "-"], "error: - (standard input) can be given only once"),
        (
            ["-", "--stdin-format", "xml"],
            "error: --stdin-format must be one of auto, text, html, jsonl, not 'xml'",
        ),
    ],
)
def test_misused_dash_is_a_one_line_error(args: list[str], message: str) -> None:
    for command in ("code", "ingest"):
        res = CliRunner().invoke(app, [command, *args], input="")
        assert res.exit_code == 2, res.output
        assert res.stderr.strip() == message


def _read(data: bytes, fmt: str = "auto", max_bytes: int = 5_000_000) -> tuple[str, list]:  # type: ignore[type-arg]
    stdin = Stdin(io.BytesIO(data), fmt, max_bytes=max_bytes)
    items = list(stdin.read(None))
    return stdin.fmt, items


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b'{"text": "x"}\n', "jsonl"),
        (b'\xef\xbb\xbf\n\n  {"text": "x"}\n', "jsonl"),  # a BOM and blank lines first
        (b"<!doctype html><html><body><p>x</p></body></html>", "html"),
        (b"\n<html>\n", "html"),
        (b"Lima, Peru -- Leaders met.\n{not json}\n", "text"),
        (b"", "text"),
    ],
)
def test_stdin_format_is_told_by_the_first_non_blank_line(data: bytes, fmt: str) -> None:
    assert _read(data)[0] == fmt


def test_stdin_text_keeps_every_byte_read_to_tell_its_format() -> None:
    text = "\n\n" + ARTICLE + "\n\n" + OTHER + "\n"
    _, [doc] = _read(text.encode())
    assert doc.text == text and doc.origin == "<stdin>"


def test_stdin_format_given_is_not_guessed() -> None:
    _, [doc] = _read(b'{"text": "not a record here"} said the note.', "text")
    assert doc.text.startswith('{"text"')


def test_stdin_over_the_limit_is_a_reject_not_a_crash() -> None:
    _, [reject] = _read(b"word " * 100, max_bytes=100)
    assert (reject.origin, reject.reason) == ("<stdin>", "too-large")
    _, items = _read(b'{"text": "' + b"a" * 200 + b'"}\n{"text": "short"}\n', max_bytes=100)
    assert [getattr(i, "reason", None) for i in items] == ["too-large", None]
    assert items[0].origin == "<stdin>:1" and items[1].origin == "<stdin>:2"


def test_stdin_bad_bytes_are_rejects_with_their_reason() -> None:
    assert _read(b"\x00\x01binary")[1][0].reason == "binary"
    assert _read(b"   \n\n")[1][0].reason == "empty"
    assert _read(b"<html><body></body></html>")[1][0].reason == "bad-html"
