from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.evaluate import GoldError, evaluate, read_gold

from .conftest import SHARED

GOLD = SHARED / "eval" / "plover_dev.jsonl"
SENTENCE = "Chilean President Gabriel Boric criticized Venezuela over the election on Monday."


def _gold_line(text: str, etype: str, src: list[str], tgt: list[str], reciprocal=False) -> str:
    ev = {
        "plover_2021": etype,
        "mode": None,
        "source": [{"text": c, "code": c} for c in src],
        "target": [{"text": c, "code": c} for c in tgt],
        "reciprocal": reciprocal,
    }
    return json.dumps({"id": "g1", "date": "2024-06-27", "text": text, "events": [ev]})


def test_evaluate_perfect_when_gold_matches(tmp_path: Path, coder) -> None:
    f = tmp_path / "gold.jsonl"
    f.write_text(_gold_line(SENTENCE, "ACCUSE", ["CHL"], ["VEN"]) + "\n")
    scores, comps = evaluate(f, coder)
    assert scores["type"]["f1"] == 1.0
    assert scores["triple"]["f1"] == 1.0
    assert comps[0].correct


def test_evaluate_counts_wrong_type_and_actor(tmp_path: Path, coder) -> None:
    f = tmp_path / "gold.jsonl"
    f.write_text(_gold_line(SENTENCE, "SUPPORT", ["ARG"], ["VEN"]) + "\n")
    scores, _ = evaluate(f, coder)
    assert scores["type"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert scores["actor_country"]["f1"] == 0.0
    assert scores["recipient_country"]["f1"] == 1.0


def test_evaluate_reciprocal_codings_compare_as_sets(tmp_path: Path, coder) -> None:
    text = "French President Emmanuel Macron and German Chancellor Olaf Scholz met on Monday."
    f = tmp_path / "gold.jsonl"
    f.write_text(_gold_line(text, "CONSULT", ["DEU", "FRA"], [], reciprocal=True) + "\n")
    scores, _ = evaluate(f, coder)
    assert scores["triple"]["f1"] == 1.0


def test_evaluate_reads_dyad_output_as_gold(tmp_path: Path, code) -> None:
    events = code(SENTENCE, "2024-06-27")
    f = tmp_path / "own.jsonl"
    f.write_text("".join(json.dumps(asdict(e)) + "\n" for e in events))
    [rec] = read_gold(f)
    assert rec.text == SENTENCE and rec.fmt == "dyad"
    runner = CliRunner().invoke(app, ["eval", str(f), "--json"])
    assert runner.exit_code == 0, runner.output
    assert json.loads(runner.stdout)["triple"]["f1"] == 1.0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{oops", "line 2: invalid JSON"),
        ('{"text": "x", "events": [{"plover_2021": "DANCE"}]}', "line 2: event 1 has type 'DANCE'"),
        ('{"hello": 1}', "line 2: neither a gold record"),
        ('{"text": 5, "events": []}', "line 2: 'text' must be a string"),
    ],
)
def test_evaluate_malformed_gold_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    f = tmp_path / "bad.jsonl"
    f.write_text(_gold_line(SENTENCE, "ACCUSE", ["CHL"], ["VEN"]) + "\n" + line + "\n")
    with pytest.raises(GoldError, match=message):
        read_gold(f)
    res = CliRunner().invoke(app, ["eval", str(f)])
    assert res.exit_code == 2 and message.split(":")[0] in res.stderr


def test_evaluate_shared_gold_set_reads_every_record() -> None:
    records = read_gold(GOLD)
    assert len(records) == 158
    assert all(r.events for r in records)


def test_eval_cli_by_type_and_explain() -> None:
    res = CliRunner().invoke(app, ["eval", str(GOLD), "--by", "type"])
    assert res.exit_code == 0
    assert "triple" in res.stdout and "ASSAULT" in res.stdout
    first = read_gold(GOLD)[0].id
    res = CliRunner().invoke(app, ["eval", str(GOLD), "--explain", first])
    assert res.exit_code == 0 and "gold" in res.stdout and "predicted" in res.stdout
    res = CliRunner().invoke(app, ["eval", str(GOLD), "--explain", "nope"])
    assert res.exit_code == 2 and "no gold record with id 'nope'" in res.stderr


def test_evaluate_counts_an_uncodable_gold_sentence_as_no_events(tmp_path: Path, coder) -> None:
    spanish = (
        "El presidente de la república se reunió con los ministros en la capital para "
        "discutir los acuerdos comerciales y las inversiones extranjeras durante la visita "
        "oficial que realizó la delegación a la ciudad este lunes por la tarde."
    )
    f = tmp_path / "gold.jsonl"
    f.write_text(
        _gold_line(SENTENCE, "ACCUSE", ["CHL"], ["VEN"])
        + "\n"
        + _gold_line(spanish, "CONSULT", ["PER"], ["PER"]).replace('"g1"', '"g2"')
        + "\n"
    )
    scores, comps = evaluate(f, coder)
    assert scores["sentences"] == 2
    assert [c.predicted for c in comps if c.record.id == "g2"] == [[]]
    assert scores["type"]["recall"] == 0.5
    assert len(scores["uncoded"]) == 1 and scores["uncoded"][0].startswith("g2 (line 2)")


def test_eval_explain_a_sentence_without_events_names_triggers_and_actors(tmp_path: Path) -> None:
    # An unresolvable subject: the trigger fires but no event can be built.
    text = "The zorblat committee threatened on Monday to close the Kenyan border."
    f = tmp_path / "gold.jsonl"
    f.write_text(_gold_line(text, "THREATEN", ["KEN"], ["KEN"]) + "\n")
    res = CliRunner().invoke(app, ["eval", str(f), "--explain", "g1"])
    assert res.exit_code == 0, res.output
    assert "trigger 'threatened' pattern threaten.threaten" in res.stdout
    assert "actor found: 'Kenyan' -> KEN" in res.stdout
