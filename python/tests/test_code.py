"""`code` and `code_many` give the documents `dyad code` gives, byte for byte once parsed."""

import json

import dyad
from conftest import EXAMPLES, run_cli


def test_code_equals_cli_on_the_example_article(pipeline):
    path = EXAMPLES / "geneva-talks.txt"
    [expected] = run_cli(str(path), "--date", "2025-06-03")
    got = pipeline.code(path.read_text(), date="2025-06-03", id="geneva-talks")
    assert got == expected
    assert got["schema"] == 1
    assert got["events"], "the example article has events"


def test_code_accepts_a_date_object(pipeline):
    import datetime

    text = (EXAMPLES / "geneva-talks.txt").read_text()
    a = pipeline.code(text, date=datetime.date(2025, 6, 3))
    b = pipeline.code(text, date="2025-06-03")
    assert a == b and a["date"] == "2025-06-03" and a["id"] == "doc"


def test_code_many_equals_cli_on_the_jsonl_examples(pipeline, jsonl_records):
    expected = run_cli(str(EXAMPLES / "quote-speakers.jsonl"))
    got = list(pipeline.code_many(jsonl_records, threads=2))
    assert len(got) == len(jsonl_records) == len(expected)
    assert got == expected


def test_code_many_is_in_input_order_whatever_the_threads(pipeline, jsonl_records):
    records = jsonl_records * 3
    one = list(pipeline.code_many(iter(records), threads=1, as_json=True))
    two = list(pipeline.code_many((r for r in records), threads=2, as_json=True))
    assert one == two
    assert [json.loads(d)["id"] for d in one] == [r["id"] for r in records]


def test_code_many_as_json_is_the_cli_line(pipeline, jsonl_records):
    expected = [json.loads(x) for x in pipeline.code_many(jsonl_records, as_json=True)]
    assert expected == list(pipeline.code_many(jsonl_records))


def test_code_many_names_items_without_id_by_position(pipeline):
    text = (EXAMPLES / "geneva-talks.txt").read_text()
    ids = [d["id"] for d in pipeline.code_many([{"text": text}, {"text": text, "id": 7}])]
    assert ids == ["0", "7"]


def test_code_many_keeps_unknown_fields_as_meta(pipeline):
    text = (EXAMPLES / "geneva-talks.txt").read_text()
    [doc] = pipeline.code_many([{"text": text, "outlet": "wire", "rank": 3}])
    assert doc["meta"] == {"outlet": "wire", "rank": 3}


def test_stages_are_listed(pipeline):
    assert pipeline.stages[0] == "segment" and pipeline.stages[-1] == "events"
    assert "dyad.Pipeline" in repr(pipeline)


def test_min_confidence_is_the_cli_flag(jsonl_records):
    # The same threshold through Python and through `dyad code --min-confidence` gives the same
    # documents; at 1.0 no classifier-coded event can pass.
    strict = dyad.Pipeline(min_confidence=1.0)
    expected = run_cli(str(EXAMPLES / "quote-speakers.jsonl"), "--min-confidence", "1.0")
    got = list(strict.code_many(jsonl_records))
    assert got == expected
    assert all(e.get("by") != "model" for d in got for e in d["events"])


def test_keep_irrealis_is_the_cli_flag():
    # A conditional attack is left out by default and written as hypothetical with the flag,
    # as `dyad code --keep-irrealis` does.
    text = "If Norway attacks Sweden, Denmark will respond."
    attacks = lambda doc: [e for e in doc["events"] if e["cameo"].startswith("19")]
    assert attacks(dyad.Pipeline().code(text, date="2025-03-01")) == []
    kept = attacks(dyad.Pipeline(keep_irrealis=True).code(text, date="2025-03-01"))
    assert kept and all(e["modality"] == "hypothetical" for e in kept)
