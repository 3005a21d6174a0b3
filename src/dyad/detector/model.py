"""Run the shipped detector (int8 ONNX) over sentences: per word, the probability of each
PLOVER type (or none), and the most likely mode and status."""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import numpy as np

from dyad.detector.encode import Window, batch_arrays, first_pieces, windows
from dyad.detector.labels import MODE_LABELS, STATUSES, TYPE_LABELS
from dyad.errors import DyadError

log = logging.getLogger(__name__)
BATCH = 8  # measured: larger batches pad more than they gain on 2 cores
_LETTER = re.compile(r"[^\W\d_]")


class DetectorError(DyadError):
    pass


@dataclass(frozen=True, slots=True)
class WordScore:
    """The detector's reading of one word of a sentence."""

    start: int  # character offsets in the sentence
    end: int
    types: np.ndarray  # probabilities over TYPE_LABELS (index 0: no event)
    mode: str | None
    status: str

    @property
    def p_event(self) -> float:
        """The probability that the word reports an event, of whichever type."""
        return 1.0 - float(self.types[0])

    @property
    def event_type(self) -> str:
        """The likeliest event type, were the word to report one."""
        return TYPE_LABELS[1 + int(self.types[1:].argmax())]

    def event(self, threshold: float) -> str | None:
        """The word's event type when it reports an event with at least ``threshold``."""
        return self.event_type if self.p_event >= threshold else None

    def p(self, event_type: str) -> float:
        return float(self.types[TYPE_LABELS.index(event_type)])


class Detector:
    def __init__(self, session: object, meta: dict[str, object]) -> None:
        self.session = session
        self.meta = meta
        self.skipped: dict[str, int] = {}

    @classmethod
    def load(cls, folder: Path | None = None) -> Detector:
        import onnxruntime as ort

        root = folder or Path(str(files("dyad").joinpath("data", "detector")))
        model, meta_file = root / "model.onnx", root / "model.json"
        fix = "rebuild it with `make model` (or reinstall Dyad)"
        if not model.is_file() or not meta_file.is_file():
            raise DetectorError(f"the event detector is missing from {root}: {fix}")
        try:
            meta = json.loads(meta_file.read_text(encoding="utf-8"))
            if meta.get("types") != list(TYPE_LABELS) or meta.get("modes") != list(MODE_LABELS):
                raise DetectorError(f"{meta_file} was made for other labels: {fix}")
            opts = ort.SessionOptions()
            # One thread: parallelism comes from Dyad's worker processes.
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        except DetectorError:
            raise
        except Exception as exc:  # onnxruntime raises its own untyped errors for bad files
            raise DetectorError(
                f"the event detector in {root} cannot be read ({exc}): {fix}"
            ) from exc
        return cls(session, meta)

    def score(self, sentences: list[str]) -> list[list[WordScore]]:
        """Every word's scores, for each sentence; a sentence with no letters gets none."""
        jobs: list[tuple[int, Window]] = []
        for n, text in enumerate(sentences):
            if not _LETTER.search(text):
                self.skipped["no-letters"] = self.skipped.get("no-letters", 0) + 1
                log.debug("detector skipped a sentence with no letters: %r", text[:40])
                continue
            ws = windows(text)
            if len(ws) > 1:
                self.skipped["split"] = self.skipped.get("split", 0) + 1
            jobs += [(n, w) for w in ws]
        out: list[list[WordScore]] = [[] for _ in sentences]
        jobs.sort(key=lambda j: len(j[1].ids))
        for i in range(0, len(jobs), BATCH):
            chunk = jobs[i : i + BATCH]
            types, modes, status = self.session.run(  # type: ignore[attr-defined]
                None, batch_arrays([w for _, w in chunk])
            )
            for k, (n, w) in enumerate(chunk):
                out[n] += _words(w, types[k], modes[k], status[k])
        for words in out:
            words.sort(key=lambda s: s.start)
        return out


def _words(w: Window, types: np.ndarray, modes: np.ndarray, status: np.ndarray) -> list[WordScore]:
    starts = sorted(first_pieces(w).items(), key=lambda kv: kv[1])
    out = []
    for j, (start, i) in enumerate(starts):
        last = (starts[j + 1][1] if j + 1 < len(starts) else len(w.ids) - 1) - 1
        mode = MODE_LABELS[int(modes[i].argmax())]
        out.append(
            WordScore(
                start,
                w.offsets[last][1],
                types[i],
                None if mode == "-" else mode,
                STATUSES[int(status[i].argmax())],
            )
        )
    return out


@functools.cache
def shipped() -> Detector:
    """The detector bundled with Dyad, loaded once per process."""
    return Detector.load()
