"""Property-based fuzz of the readers: whatever the bytes, ``read`` yields a ``Document`` or
a ``Reject`` with a known reason for every input, never raises, and ``count`` agrees.

Kept to a few hundred small examples so the whole file runs in seconds.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.errors import REASONS, InputError
from dyad.ingest import count, read
from dyad.parse_long import pieces
from dyad.records import Document, Reject

FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.text(max_size=300) | json_values,
        "published": st.sampled_from(["2024-06-03", "2024-02-30", "03/06/2024", ""]) | json_values,
        "title": st.text(max_size=20) | json_values,
        "url": st.text(max_size=20),
    },
)
# A line of JSON Lines: a record, any JSON value, or raw bytes (broken JSON, binary, deep
# nesting, 5,000-digit integers, other encodings).
lines = st.one_of(
    records.map(lambda r: json.dumps(r).encode()),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.integers(1, 4000).map(lambda n: b"[" * n),
    st.just(b'{"text": "x", "n": ' + b"7" * 5000 + b"}"),
    st.text(max_size=100).map(lambda t: t.encode("cp1252", "replace")),
)


def _check(items: list[Document | Reject], path: Path) -> None:
    assert len(items) == count([path])
    for it in items:
        assert isinstance(it, Document | Reject)
        if isinstance(it, Reject):
            # internal-error means a reader raised: a bug, whatever the input
            assert it.reason in REASONS and it.reason != "internal-error", it.detail
            (it.origin + it.detail).encode("utf-8")  # printable and storable
        else:
            assert it.text.strip() and "\x00" not in it.text
            for value in (it.text, it.title, it.url, it.source, it.origin):
                (value or "").encode("utf-8")


@FUZZ
@given(st.lists(lines, max_size=8))
def test_fuzz_jsonl_reader_accounts_for_every_line(chunks: list[bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.jsonl"
        path.write_bytes(b"\n".join(c.replace(b"\n", b" ") for c in chunks))
        items = list(read([path]))
        _check(items, path)
        non_blank = [c for c in chunks if c.replace(b"\n", b" ").strip()]
        assert len(items) == len(non_blank)


@FUZZ
@given(
    st.one_of(st.binary(max_size=3000), st.text(max_size=3000).map(str.encode)),
    st.sampled_from([".txt", ".html", ""]),
)
def test_fuzz_text_and_html_readers_give_one_item_per_file(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        items = list(read([path]))
        assert len(items) == 1
        _check(items, path)


@FUZZ
@given(st.text(alphabet=st.sampled_from("ab .\n\t\u2003é"), max_size=400), st.integers(1, 60))
def test_fuzz_pieces_join_back_or_say_why_not(text: str, limit: int) -> None:
    try:
        got = pieces(text, limit)
    except InputError as err:
        assert err.reason == "too-long-for-parser"
        assert re.search(rf"\S{{{limit}}}", text), "refused a text it could cut"
        return
    assert "".join(got) == text
    assert all(0 < len(p) <= limit for p in got) or text == ""
    assert all(p[-1].isspace() for p in got[:-1])
