"""A garbage corpus: good articles with every kind of bad input Dyad knows between them.

``build(root)`` writes, in sorted order, a good article after each bad input (binary, empty,
oversize, undecodable, non-English, malformed HTML, a JSON Lines file of broken records, a
word too long to parse), a text of over 1,000,000 characters, odd entries (a FIFO, a
symbolic link loop, a dangling link, a link back to its folder, hidden files, a file name
that is not UTF-8, a README) and a subfolder, and returns what Dyad should make of each
input: the texts that must be coded, and the reason code of every rejected or skipped one.
Used by ``tests/test_reliability.py`` and by ``python bench/garbage.py`` for figures.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from dyad.ingest import document_id

NATIONS = ("Chilean", "Peruvian", "Kenyan", "Ugandan", "Polish", "German", "Brazilian")
CITIES = ("Lima", "Nairobi", "Warsaw", "Santiago", "Kampala", "Berlin", "Brasilia")
SPANISH = (
    "El presidente de la república se reunió con los ministros en la capital para discutir "
    "los acuerdos comerciales y las inversiones extranjeras durante la visita oficial que "
    "realizó la delegación china a la ciudad de Lima este lunes por la tarde."
)


def article(i: int) -> str:
    """A short news text that codes into at least one event; distinct for each ``i``."""
    a = NATIONS[i % len(NATIONS)]
    b = NATIONS[(i + 3) % len(NATIONS)]
    city = CITIES[(i * 2) % len(CITIES)]
    return (
        f"The {a} foreign minister met his {b} counterpart in {city} on Monday to discuss "
        f"trade and energy, officials said. It was round {i + 1} of the talks this year."
    )


def long_article(min_chars: int = 1_000_001) -> str:
    """An English text longer than spaCy's ``max_length``: event paragraphs padded with
    runs of blank lines, so it is long in characters but cheap to parse."""
    paragraphs = []
    size = i = 0
    while size < min_chars:
        text = article(1000 + i) + "\n\n" + " " * 19_000 + "\n\n"
        paragraphs.append(text)
        size += len(text)
        i += 1
    return "".join(paragraphs)


@dataclass
class Corpus:
    root: Path
    good: dict[str, str] = field(default_factory=dict)  # origin -> text that must be coded
    rejected: dict[str, str] = field(default_factory=dict)  # origin -> reason code
    skipped: dict[str, str] = field(default_factory=dict)  # origin -> reason code

    @property
    def inputs(self) -> int:
        return len(self.good) + len(self.rejected) + len(self.skipped)


def build(root: Path) -> Corpus:
    root.mkdir(parents=True, exist_ok=True)
    c = Corpus(root)
    n = 0

    def good(name: str) -> None:
        nonlocal n
        text = article(n)
        n += 1
        (root / name).write_text(text, encoding="utf-8")
        c.good[str(root / name)] = text

    def bad(name: str, data: bytes, reason: str) -> None:
        (root / name).write_bytes(data)
        c.rejected[str(root / name)] = reason

    good("00-good.txt")
    bad("01-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary")
    good("02-good.txt")
    bad("03-empty.txt", b"  \n\n ", "empty")
    good("04-good.txt")
    line = (article(0) + "\n").encode()
    bad("05-oversize.txt", line * (5_000_000 // len(line) + 1), "too-large")
    good("06-good.txt")
    rng = random.Random(0)
    bad("07-undecodable.txt", bytes(rng.choice(range(1, 256)) for _ in range(2000)), "undecodable")
    good("08-good.txt")
    bad("09-spanish.txt", SPANISH.encode(), "not-english")
    good("10-good.txt")
    bad("11-broken.html", b"<html><body><div><p><script>var x = '", "bad-html")
    html = f"<html><body><article><p>{article(500)}</p>"
    (root / "12-good.html").write_text(html + "</article></body></html>", encoding="utf-8")
    c.good[str(root / "12-good.html")] = article(500)
    _jsonl(c, root / "13-batch.jsonl")
    good("14-good.txt")
    long = long_article()
    (root / "15-long.txt").write_text(long, encoding="utf-8")
    c.good[str(root / "15-long.txt")] = long
    good("16-good.txt")
    os.mkfifo(root / "17-fifo.txt")
    c.skipped[str(root / "17-fifo.txt")] = "not-a-file"
    os.symlink("18-loop-b.txt", root / "18-loop-a.txt")
    os.symlink("18-loop-a.txt", root / "18-loop-b.txt")
    c.skipped[str(root / "18-loop-a.txt")] = "symlink-loop"
    c.skipped[str(root / "18-loop-b.txt")] = "symlink-loop"
    os.symlink("no-such-article.txt", root / "19-dangling.txt")
    c.skipped[str(root / "19-dangling.txt")] = "dangling-symlink"
    good("20-good.txt")
    (root / ".hidden.txt").write_text(article(900), encoding="utf-8")
    c.skipped[str(root / ".hidden.txt")] = "hidden"
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    c.skipped[str(root / ".git")] = "hidden"
    latin1 = os.path.join(os.fsencode(root), "21-café.txt".encode("latin-1"))
    with open(latin1, "wb") as fh:
        fh.write(article(901).encode())
    c.rejected[latin1.decode("utf-8", "backslashreplace")] = "bad-filename"  # as Dyad shows it
    good("22-good.txt")
    os.symlink(".", root / "23-self")
    c.skipped[str(root / "23-self")] = "symlink-loop"
    (root / "24-notes.md").write_text("# notes\n")
    c.skipped[str(root / "24-notes.md")] = "unsupported"
    word = b"x" * 1_000_001  # no whitespace to cut a long text at
    bad("25-one-word.txt", b"The envoy said the word was " + word, "too-long-for-parser")
    good("26-good.txt")
    (root / "27-sub").mkdir()
    bad("27-sub/00-binary.txt", b"\x00\x01\x02" * 100, "binary")
    good("27-sub/01-good.txt")
    return c


def _jsonl(c: Corpus, path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        json.dumps({"text": article(600), "published": "2024-06-03"}),
        "{not json",
        '{"text": "' + article(601) + '", "n": ' + "9" * 5000 + "}",
        '{"text": "' + article(602) + '", "deep": ' + deep + "}",
        json.dumps({"text": article(603) + " \ud800"}),
        json.dumps([article(604)]),
        json.dumps({"text": article(605)}),
        json.dumps({"text": article(606) + "\x00"}),
        json.dumps({"text": article(607), "published": "03/06/2024"}),
        json.dumps({"text": article(608), "title": "Talks"}),
    ]
    reasons = {
        2: "bad-json",
        3: "bad-json",
        4: "bad-json",
        5: "undecodable",
        6: "bad-record",
        8: "binary",
        9: "bad-date",
    }
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i, line in enumerate(lines, start=1):
        origin = f"{path}:{i}"
        if i in reasons:
            c.rejected[origin] = reasons[i]
        else:
            c.good[origin] = json.loads(line)["text"]


DYAD = str(Path(sys.executable).with_name("dyad"))  # the command of this environment


def mentions(line: str) -> list[dict[str, object]]:
    return json.loads(line)["mentions"] if line.strip() else []


def main() -> None:
    """Run ``dyad code --workers 2`` on the corpus; print inputs in vs accounted for, good
    documents lost and the time to the first event on stdout."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build(Path(tmp) / "in")
        started = time.perf_counter()
        proc = subprocess.Popen(
            [DYAD, "code", str(corpus.root), "--workers", "2"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()
        to_first = time.perf_counter() - started
        rest, stderr = proc.communicate()
        total = time.perf_counter() - started
        seen = {m["document_id"] for line in [first, *rest.splitlines()] for m in mentions(line)}
        lost = [o for o, t in corpus.good.items() if document_id(t) not in seen]
        summary = stderr.strip().splitlines()[-1]
        print(f"inputs: {corpus.inputs}; summary: {summary}")
        print(f"good documents lost: {len(lost)} of {len(corpus.good)}")
        print(f"time to first event: {to_first:.1f}s; whole run: {total:.1f}s")


if __name__ == "__main__":
    main()
