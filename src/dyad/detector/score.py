"""Sentence-level scores of trigger predictions against the training-data format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from dyad.detector.data import Sentence

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
    tp: int = 0
    fp: int = 0
    fn: int = 0
    sent_tp: int = 0
    sent_fp: int = 0
    sent_fn: int = 0
    type_tp: int = 0
    type_fp: int = 0
    type_fn: int = 0
    mode_right: int = 0
    status_right: int = 0
    matched: int = 0
    confusions: dict[tuple[str, str], int] = field(default_factory=dict)

    @staticmethod
    def _f(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict[str, float]:
        tp, tr, tf = self._f(self.tp, self.fp, self.fn)
        sp, sr, sf = self._f(self.sent_tp, self.sent_fp, self.sent_fn)
        yp, yr, yf = self._f(self.type_tp, self.type_fp, self.type_fn)
        m = max(self.matched, 1)
        return {
            "trigger_p": tp, "trigger_r": tr, "trigger_f1": tf,
            "type_p": yp, "type_r": yr, "type_f1": yf,
            "sentence_p": sp, "sentence_r": sr, "sentence_f1": sf,
            "mode_acc": self.mode_right / m, "status_acc": self.status_right / m,
        }  # fmt: skip

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
        for key, p in got.items():
            if key in gold:
                s.tp += 1
                s.matched += 1
                s.mode_right += p[2] == gold[key].mode
                s.status_right += p[3] == gold[key].status
            else:
                s.fp += 1
        s.fn += len(set(gold) - set(got))
        gtypes, ptypes = {t.type for t in gold_s.triggers}, {p[1] for p in pred}
        s.type_tp += len(gtypes & ptypes)
        s.type_fp += len(ptypes - gtypes)
        s.type_fn += len(gtypes - ptypes)
        s.sent_tp += bool(gtypes) and bool(ptypes)
        s.sent_fp += not gtypes and bool(ptypes)
        s.sent_fn += bool(gtypes) and not ptypes
        for g in gtypes - ptypes:
            for p in ptypes - gtypes:
                s.confusions[(g, p)] = s.confusions.get((g, p), 0) + 1
    return s


def score_sentences(
    sentences: Sequence[Sentence],
    detector,  # type: ignore[no-untyped-def]
    predict: Callable[..., list[list[Prediction]]] = model_predictions,
) -> Scores:
    return score(sentences, predict(detector, [x.text for x in sentences]))
