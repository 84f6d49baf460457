"""Frames have the documented columns and dtypes, and the event frame is the CSV output."""

import csv
import io
import subprocess

import pytest

import dyad
from conftest import EXAMPLES, dyad_binary

pd = pytest.importorskip("pandas")

EVENT_COLUMNS = (
    "doc_id title idx sentence date day cameo root goldstein quad plover_type plover_mode "
    "plover_context source_text source_name source_code source_country target_text target_name "
    "target_code target_country negated modality place_name place_country lat lon "
    "evidence_start evidence_end evidence_text"
).split()
QUOTE_COLUMNS = (
    "doc_id idx start end text kind speaker_start speaker_end speaker_text speaker_name "
    "speaker_code speaker_cluster cue_text channel"
).split()
ENTITY_COLUMNS = (
    "doc_id idx start end text type actor_name actor_code country sector country_from cluster"
).split()
DOCUMENT_COLUMNS = (
    "doc_id date title url source n_sentences n_entities n_quotes n_events n_times n_places"
).split()


@pytest.fixture(scope="module")
def docs(pipeline, jsonl_records):
    return list(pipeline.code_many(jsonl_records))


def test_frames_have_the_documented_columns(docs):
    assert list(dyad.events_frame(docs).columns) == EVENT_COLUMNS
    assert list(dyad.quotes_frame(docs).columns) == QUOTE_COLUMNS
    assert list(dyad.entities_frame(docs).columns) == ENTITY_COLUMNS
    assert list(dyad.documents_frame(docs).columns) == DOCUMENT_COLUMNS
    assert [c for c, _ in dyad.columns("events")] == EVENT_COLUMNS


def test_one_row_per_event_quote_entity_and_document(docs):
    assert len(dyad.events_frame(docs)) == sum(len(d["events"]) for d in docs)
    assert len(dyad.quotes_frame(docs)) == sum(len(d["quotes"]) for d in docs)
    assert len(dyad.entities_frame(docs)) == sum(len(d["entities"]) for d in docs)
    assert len(dyad.documents_frame(docs)) == len(docs)
    assert len(dyad.quotes_frame(docs)) > 0


def test_dtypes_follow_the_column_kinds(docs):
    ev = dyad.events_frame(docs)
    assert str(ev["idx"].dtype) == "Int64"
    assert ev["goldstein"].dtype == "float64"
    assert ev["negated"].dtype == bool
    assert ev["cameo"].dtype == object
    q = dyad.quotes_frame(docs)
    assert str(q["speaker_cluster"].dtype) == "Int64"


def test_event_frame_equals_the_cli_csv(docs):
    """The frame written as CSV text cell by cell is `dyad code --format csv`."""
    out = subprocess.run(
        [dyad_binary(), "code", "-q", str(EXAMPLES / "quote-speakers.jsonl"), "--format", "csv"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == EVENT_COLUMNS
    kinds = dict(dyad.columns("events"))

    def cell(v, kind):
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return ""
        if kind == "score":
            return f"{v:.1f}"
        if kind == "bool":
            return "true" if v else "false"
        return str(v)

    frame = dyad.events_frame(docs)
    got = [[cell(v, kinds[c]) for c, v in zip(frame.columns, row)] for row in frame.itertuples(index=False)]
    assert len(got) == len(rows) - 1 > 0
    assert got == rows[1:]


def test_frames_accept_json_text_and_one_document(pipeline, docs, jsonl_records):
    texts = list(pipeline.code_many(jsonl_records[:1], as_json=True))
    assert dyad.events_frame(texts).equals(dyad.events_frame(docs[:1]))
    assert dyad.events_frame(docs[0]).equals(dyad.events_frame(docs[:1]))


def test_empty_input_gives_empty_frames_with_columns():
    ev = dyad.events_frame([])
    assert len(ev) == 0 and list(ev.columns) == EVENT_COLUMNS
