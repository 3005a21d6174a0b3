"""Doubled spaces, tabs and no-break spaces between words: parsed as one space, reported in
the document's own text."""

from __future__ import annotations

from dyad.coder import Coder
from dyad.ingest import make_document
from dyad.spacing import SourceOffsets, single_spaced


def test_runs_inside_a_line_become_one_space_and_line_breaks_stay():
    assert single_spaced("a  b\t\tc\u00a0d\n\ne") == "a b c d\n\ne"
    assert single_spaced("plain text") == "plain text"


def test_offsets_of_the_parsed_text_are_told_in_the_source():
    source = "The Sudanese  army   left."
    parsed = single_spaced(source)
    where = SourceOffsets.of(source, parsed)
    i = parsed.index("army")
    assert source[where.start(i) : where.end(i + 4)] == "army"
    assert where.end(len(parsed)) == len(source)
    assert SourceOffsets.of(parsed, parsed).start(5) == 5


def test_a_doubled_space_changes_neither_the_actor_nor_the_evidence(coder: Coder):
    text = "KHARTOUM —  The Sudanese  army   terminated talks with the RSF on Wednesday."
    doc = make_document(text, origin="<test>", published="2023-05-31")
    [event] = next(iter(coder.code([doc])))[1]
    assert [a.code for a in event.actors] == ["SDNMIL"]
    m = event.mentions[0]
    assert text[m.start : m.end].strip() == m.sentence
    assert "Sudanese  army   terminated" in m.sentence
    assert text[m.trigger_start : m.trigger_end] == "terminated" == m.text
