"""Sentence text -> word pieces for the detector, the same at training and at run time."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources import files

import numpy as np
from tokenizers import Encoding, Tokenizer

MAX_PIECES = 128  # the encoder's window, [CLS] and [SEP] included


@functools.cache
def tokenizer() -> Tokenizer:
    # all-MiniLM-L6-v2's own WordPiece vocabulary, shipped beside the weights.
    path = files("dyad").joinpath("data", "detector", "tokenizer.json")
    tok = Tokenizer.from_str(path.read_text(encoding="utf-8"))
    tok.no_truncation()
    tok.no_padding()
    return tok


@dataclass(frozen=True, slots=True)
class Window:
    """One encoder input: a sentence, or a piece of one too long for the window."""

    ids: list[int]
    offsets: list[tuple[int, int]]  # character span of each piece in the sentence


def windows(text: str) -> list[Window]:
    """The sentence's word pieces in windows of at most ``MAX_PIECES``, split between words
    so that no word is cut in two."""
    enc: Encoding = tokenizer().encode(text)
    ids, offsets, words = enc.ids[1:-1], enc.offsets[1:-1], enc.word_ids[1:-1]
    cls, sep = enc.ids[0], enc.ids[-1]
    room = MAX_PIECES - 2
    out: list[Window] = []
    start = 0
    while start < len(ids):
        end = min(start + room, len(ids))
        if end < len(ids):
            cut = end
            while cut > start + 1 and words[cut] == words[cut - 1]:
                cut -= 1
            end = cut
        out.append(Window([cls, *ids[start:end], sep], [(0, 0), *offsets[start:end], (0, 0)]))
        start = end
    return out


def batch_arrays(batch: list[Window]) -> dict[str, np.ndarray]:
    """Padded encoder inputs for a batch of windows."""
    width = max(len(w.ids) for w in batch)
    ids = np.zeros((len(batch), width), dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.int64)
    for i, w in enumerate(batch):
        ids[i, : len(w.ids)] = w.ids
        mask[i, : len(w.ids)] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


def first_pieces(window: Window) -> dict[int, int]:
    """Character start -> index of the piece that begins each word (labels and predictions
    sit on a word's first piece)."""
    out: dict[int, int] = {}
    prev_end = -1
    for i, (a, b) in enumerate(window.offsets):
        if a == b:
            continue
        if a != prev_end:
            out[a] = i
        prev_end = b
    return out
