"""The learned event detector: its data, its shipped model and how Dyad uses it."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

import pytest

from dyad import nlp
from dyad.coder import Coder
from dyad.detector import data as tdata
from dyad.detector.encode import MAX_PIECES, windows
from dyad.detector.labels import MODES
from dyad.detector.model import Detector, DetectorError, shipped
from dyad.events.candidates import candidates

ROOT = Path(__file__).resolve().parents[1]
BATCHES = sorted((ROOT / "data" / "training" / "events").glob("*.jsonl"))
SHIPPED = Path(str(files("dyad").joinpath("data", "detector")))


def _line(**over: object) -> str:
    rec: dict[str, object] = {
        "id": "t-1",
        "kind": "positive",
        "text": "Police detained two journalists in Minsk on Friday.",
        "events": [{"trigger": "detained", "type": "COERCE", "mode": "arrest"}],
    }
    rec.update(over)
    return json.dumps(rec)


def test_a_valid_line_gives_the_trigger_span() -> None:
    s = tdata.parse_line(_line(), "b99")
    (t,) = s.triggers
    assert s.text[t.start : t.end] == "detained"
    assert (t.type, t.mode, t.status) == ("COERCE", "arrest", "occurred")


@pytest.mark.parametrize(
    ("over", "message"),
    [
        ({"events": [{"trigger": "arrested", "type": "COERCE"}]}, "not a word of the text"),
        ({"events": [{"trigger": "detained", "type": "COERCE", "mode": "visit"}]}, "no mode"),
        ({"events": [{"trigger": "detained", "type": "ARREST"}]}, "unknown type"),
        ({"kind": "negative"}, "a negative has no events"),
        ({"events": [{"trigger": "detained", "type": "COERCE", "occurrence": 2}]}, "occurs 1"),
        ({"events": [{"trigger": "two journalists", "type": "COERCE"}]}, "one word"),
        ({"kind": "maybe"}, "kind must be"),
    ],
)
def test_bad_lines_are_refused_with_the_reason(over: dict[str, object], message: str) -> None:
    with pytest.raises(tdata.TrainingDataError, match=message):
        tdata.parse_line(_line(**over), "b99")


def test_a_repeated_sentence_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "b98.jsonl"
    f.write_text(_line() + "\n" + _line(id="t-2") + "\n", encoding="utf-8")
    with pytest.raises(tdata.TrainingDataError, match="b98.jsonl:2: same text"):
        tdata.load([f])


def test_the_training_data_is_as_the_issue_asks() -> None:
    sentences = tdata.load(BATCHES)
    assert len(sentences) >= 6000
    hard = sum(s.kind in {"negative", "confusion"} for s in sentences)
    assert hard >= len(sentences) / 2
    for etype in MODES:
        assert sum(t.type == etype for s in sentences for t in s.triggers) >= 150, etype


def test_the_held_out_batches_are_valid_and_repeat_no_training_sentence() -> None:
    held = sorted((ROOT / "data" / "training" / "held_out").glob("*.jsonl"))
    assert held
    tdata.load(BATCHES + held)  # raises on a bad line or a text any other batch holds


def test_the_shipped_model_was_trained_on_this_data() -> None:
    meta = json.loads((SHIPPED / "model.json").read_text(encoding="utf-8"))
    assert meta["data"] == tdata.digest(BATCHES), "data changed since training: run make model"
    assert (SHIPPED / "model.onnx").stat().st_size <= 40_000_000


def test_a_missing_model_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(DetectorError, match="make model"):
        Detector.load(tmp_path)


def test_a_corrupt_model_names_the_fix(tmp_path: Path) -> None:
    shutil.copy(SHIPPED / "model.json", tmp_path / "model.json")
    (tmp_path / "model.onnx").write_bytes(b"not a model")
    with pytest.raises(DetectorError, match="cannot be read.*make model"):
        Detector.load(tmp_path)


def test_a_sentence_over_the_window_is_split_between_words_and_fully_scored() -> None:
    text = " ".join(["The delegation from Lima arrived and negotiated."] * 40)
    ws = windows(text)
    assert len(ws) > 1 and all(len(w.ids) <= MAX_PIECES for w in ws)
    words = shipped().score([text])[0]
    assert len(words) == len(text.split())
    assert words[-1].end == len(text)


def test_a_sentence_without_letters_is_skipped_and_counted() -> None:
    det = Detector.load()
    assert det.score(["12:40 — 3-1 (2-0)", ""]) == [[], []]
    assert det.skipped["no-letters"] == 2


def _types(text: str, detection: str) -> set[str]:
    doc = nlp.load()(text)
    sents = list(doc.sents)
    words = shipped().score([s.text for s in sents])
    return {
        f.pattern.type
        for n, s in enumerate(sents)
        for f in candidates(s, words[n], detection)  # type: ignore[arg-type]
    }


# Sentences written for this test: trigger words of each class, in wire style.
@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("Government troops pummelled rebel positions outside the town overnight.", "ASSAULT"),
        ("The junta rounded up dozens of student leaders on Sunday, witnesses said.", "COERCE"),
        ("Ministers from both countries sat down for talks in Geneva on Monday.", "CONSULT"),
        ("Parliament's speaker lambasted the finance minister over the budget.", "ACCUSE"),
    ],
)
def test_the_detector_reads_words_the_lexicon_does_not_know(text: str, etype: str) -> None:
    assert etype in _types(text, "model")
    assert etype in _types(text, "combined")


@pytest.mark.parametrize(
    "text",
    [
        "The striker, 24, scored twice as Boca beat River 3-1 on Sunday.",
        "Shares of the mining group rallied after a strong quarter.",
    ],
)
def test_sports_and_markets_are_no_events(text: str) -> None:
    coder = Coder.create(use_config_dir=False)
    assert coder.code_text(text, published="2024-05-12") == []
    assert _types(text, "model") == set()


def test_the_coder_records_the_detector_in_its_mentions() -> None:
    coder = Coder.create(use_config_dir=False, detection="model")
    events = coder.code_text(
        "Colombian troops pummelled ELN positions near the Venezuelan border on Tuesday.",
        published="2024-03-14",
    )
    assert any(e.type == "ASSAULT" for e in events)
    assert all(e.mentions[0].pattern for e in events)


def test_a_verb_that_only_reports_speech_is_no_act_the_detector_adds(coder) -> None:
    from dyad.detector.model import shipped
    from dyad.events.candidates import candidates
    from dyad.nlp import load

    # Without the rule the detector reads "stressed" as a threat and "pointed out" as a
    # rejection; the act inside the reported clause ("back down") is still its own trigger.
    for text, said in [
        ("The minister stressed to reporters that the government would not back down.", "stress"),
        ("She pointed out that the country imports more steel than it exports.", "point"),
    ]:
        [sent] = list(load()(text).sents)
        found = candidates(sent, shipped().score([sent.text])[0], "combined")
        assert all(f.trigger.lemma_ != said for f in found)


def test_a_detector_event_with_one_side_untold_needs_a_surer_reading() -> None:
    from dyad.events.candidates import ALONE, sure_alone
    from dyad.events.lexicon import generic_pattern
    from dyad.events.triggers import Found
    from dyad.records import ActorRef

    [sent] = list(nlp.load()("Calls for his resignation grew louder in the capital.").sents)
    word = next(t for t in sent if t.lower_ == "calls")
    side = ActorRef("Kenya", "Kenya", None, "KEN", "GOV", None, "KENGOV", "state", 0.9)

    def found(etype: str, p: float | None) -> Found:
        return Found(word, word, generic_pattern(etype, "NOUN", "call", None), None, None, p)

    unsure = ALONE - 0.1
    assert not sure_alone(found("REQUEST", unsure), [side], [])
    assert not sure_alone(found("REQUEST", unsure), [], [side])
    assert sure_alone(found("REQUEST", unsure), [side], [side])
    assert sure_alone(found("REQUEST", ALONE), [side], [])
    # A lexicon trigger, and acts that have no target by nature, stand alone.
    assert sure_alone(found("REQUEST", None), [side], [])
    assert sure_alone(found("RETREAT", unsure), [side], [])
