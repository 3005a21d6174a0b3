from __future__ import annotations

import json
import os
import re
from pathlib import Path

from dyad.ingest import count, document_id, make_document, read
from dyad.records import Document, Reject

ARTICLE = (
    "Foreign ministers of the two countries met in Lima on Monday and agreed to expand "
    "cooperation in trade and energy, according to a statement issued after the talks."
)


def _read(*paths: Path, published: str | None = None) -> list[Document | Reject]:
    return list(read(paths, published=published))


def test_ingest_text_file_gets_published_date_and_title(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Ministers meet in Lima\n\n" + ARTICLE)
    [doc] = _read(f, published="2024-06-03")
    assert isinstance(doc, Document)
    assert doc.published == "2024-06-03"
    assert doc.title == "Ministers meet in Lima"
    assert doc.text.endswith("the talks.")


def test_ingest_id_ignores_whitespace_differences(tmp_path: Path) -> None:
    assert document_id(ARTICLE) == document_id("  " + ARTICLE.replace(" ", "  ") + "\n")
    assert document_id(ARTICLE) != document_id(ARTICLE + " Extra.")


def test_ingest_jsonl_keeps_good_lines_and_rejects_bad_ones(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": ARTICLE, "published": "2023-04-14", "source": "Wire"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": ARTICLE + " More.", "published": "14/04/2023"}),
        "",
        json.dumps({"text": "   "}),
    ]
    f.write_text("\n".join(lines) + "\n")
    got = _read(f)
    docs = [g for g in got if isinstance(g, Document)]
    rejects = {g.origin.rsplit(":", 1)[1]: g.reason for g in got if isinstance(g, Reject)}
    assert [d.published for d in docs] == ["2023-04-14"]
    assert docs[0].source == "Wire"
    assert rejects == {"2": "bad-json", "3": "bad-record", "4": "bad-date", "6": "empty"}


def test_ingest_html_extracts_article_text_and_date(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    para = "<p>" + ARTICLE + "</p>"
    f.write_text(
        "<html><head><title>Ministers meet</title>"
        '<meta property="article:published_time" content="2024-06-03T10:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
        f"<article><h1>Ministers meet in Lima</h1>{para * 3}</article>"
        "<footer>Copyright Example Wire</footer></body></html>"
    )
    [doc] = _read(f)
    assert isinstance(doc, Document)
    assert "agreed to expand cooperation" in doc.text
    assert "Copyright" not in doc.text
    assert doc.published == "2024-06-03"


def test_ingest_rejects_binary_empty_missing_and_foreign(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "es.txt").write_text(
        "El presidente de la república se reunió con los ministros en la capital para "
        "discutir los acuerdos comerciales y las inversiones extranjeras durante la visita "
        "oficial que realizó la delegación china a la ciudad de Lima este lunes por la tarde."
    )
    got = _read(
        tmp_path / "bin.txt", tmp_path / "empty.txt", tmp_path / "es.txt", tmp_path / "nope.txt"
    )
    assert [g.reason for g in got if isinstance(g, Reject)] == [
        "binary",
        "empty",
        "not-english",
        "missing",
    ]


def test_ingest_decodes_legacy_encodings(tmp_path: Path) -> None:
    f = tmp_path / "cp1252.txt"
    text = ARTICLE + " The minister said the café meeting in Bogotá was “useful”."
    f.write_bytes(text.encode("cp1252"))
    [doc] = _read(f)
    assert isinstance(doc, Document)
    assert "Bogotá" in doc.text and "“useful”" in doc.text


def test_ingest_too_large_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 10)
    [got] = list(read([f], max_bytes=100))
    assert isinstance(got, Reject) and got.reason == "too-large"


def test_ingest_folder_skips_other_file_types_visibly(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE)
    (tmp_path / "README.md").write_text("# notes")
    got = _read(tmp_path)
    assert [type(g).__name__ for g in got] == ["Reject", "Document"]
    assert got[0].skipped and got[0].reason == "unsupported"  # type: ignore[union-attr]


def test_ingest_name_heavy_english_lead_is_english() -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva met Chinese President Xi Jinping, "
        "Premier Li Qiang and Foreign Minister Wang Yi in Beijing on Friday, seeking to "
        "deepen trade ties with Brazil's largest trading partner."
    )
    assert make_document(text, origin="<test>").text == text


def test_ingest_every_reason_code_is_in_the_readme_table() -> None:
    from dyad.errors import REASONS

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([a-z-]+)` \|", readme, flags=re.MULTILINE))
    assert set(REASONS) <= table, set(REASONS) - table


def test_ingest_paths_named_on_the_command_line_are_rejected_not_skipped(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    hidden = tmp_path / ".hidden.txt"
    hidden.write_text(ARTICLE)
    latin1 = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    Path(os.fsdecode(latin1)).write_text(ARTICLE)
    named = [fifo, tmp_path / "loop.txt", tmp_path / "gone.txt", hidden, os.fsdecode(latin1)]
    got = _read(*map(Path, named))
    assert [(type(g).__name__, getattr(g, "reason", None)) for g in got] == [
        ("Reject", "not-a-file"),
        ("Reject", "symlink-loop"),
        ("Reject", "dangling-symlink"),
        ("Document", None),  # asked for by name: read, though hidden
        ("Reject", "bad-filename"),
    ]
    assert not any(getattr(g, "skipped", False) for g in got)
    assert got[-1].origin.endswith("caf\\xe9.txt")  # type: ignore[union-attr]
    assert count(named) == len(got)


def test_ingest_deep_folders_and_long_json_lines_are_read(tmp_path: Path) -> None:
    deep = tmp_path.joinpath(*["d"] * 60)  # far deeper than anyone nests, walked iteratively
    deep.mkdir(parents=True)
    (deep / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"text": ARTICLE + " x" * 100}) + "\n" + json.dumps({"text": ARTICLE}) + "\n"
    )
    got = list(read([tmp_path], max_bytes=300))
    assert [g.reason if isinstance(g, Reject) else "ok" for g in got] == ["too-large", "ok", "ok"]
    assert count([tmp_path], max_bytes=300) == 3
