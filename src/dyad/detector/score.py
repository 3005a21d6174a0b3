"""Sentence-level scores of trigger predictions against the training-data format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dyad.detector.data import Sentence
from dyad.evaluate import Counts

# A prediction: (character start of the trigger word, type, mode, status).
Prediction = tuple[int, str, str | None, str]


def model_predictions(detector, texts: Sequence[str], threshold: float = 0.5):  # type: ignore[no-untyped-def]
    """The detector's triggers: words that report an event with at least ``threshold``."""
    out = []
    for words in detector.score(list(texts)):
        out.append([(w.start, w.event_type, w.mode, w.status) for w in words if w.event(threshold)])
    return out


@dataclass
class Scores:
    triggers: Counts = field(default_factory=Counts)  # (word, type) pairs
    types: Counts = field(default_factory=Counts)  # the set of types of each sentence
    sentences: Counts = field(default_factory=Counts)  # whether a sentence has any event
    mode_right: int = 0
    status_right: int = 0

    def figures(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, counts in (
            ("trigger", self.triggers), ("type", self.types), ("sentence", self.sentences)
        ):  # fmt: skip
            got = counts.scores()
            out |= {f"{name}_p": got["precision"], f"{name}_r": got["recall"]}
            out[f"{name}_f1"] = got["f1"]
        matched = max(self.triggers.tp, 1)
        return out | {
            "mode_acc": self.mode_right / matched,
            "status_acc": self.status_right / matched,
        }

    def report(self) -> str:
        f = self.figures()
        return (
            f"  trigger+type P {f['trigger_p']:.3f} R {f['trigger_r']:.3f} "
            f"F1 {f['trigger_f1']:.3f}\n"
            f"  sentence types P {f['type_p']:.3f} R {f['type_r']:.3f} F1 {f['type_f1']:.3f}\n"
            f"  sentences with an event P {f['sentence_p']:.3f} R {f['sentence_r']:.3f}\n"
            f"  on found triggers: mode {f['mode_acc']:.3f}, status {f['status_acc']:.3f}"
        )


def score(sentences: Sequence[Sentence], predictions: Sequence[Sequence[Prediction]]) -> Scores:
    s = Scores()
    for gold_s, pred in zip(sentences, predictions, strict=True):
        gold = {(t.start, t.type): t for t in gold_s.triggers}
        got = {(p[0], p[1]): p for p in pred}
        s.triggers.add(set(gold), set(got))
        for key in gold.keys() & got.keys():
            s.mode_right += got[key][2] == gold[key].mode
            s.status_right += got[key][3] == gold[key].status
        gtypes, ptypes = {t.type for t in gold_s.triggers}, {p[1] for p in pred}
        s.types.add(gtypes, ptypes)
        s.sentences.add({"event"} if gtypes else set(), {"event"} if ptypes else set())
    return s


def score_sentences(
    sentences: Sequence[Sentence],
    detector,  # type: ignore[no-untyped-def]
    predict: Callable[..., list[list[Prediction]]] = model_predictions,
) -> Scores:
    return score(sentences, predict(detector, [x.text for x in sentences]))
