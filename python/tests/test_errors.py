"""Bad input raises clean Python exceptions with the messages of `dyad code`."""

import math

import pytest

import dyad
from conftest import EXAMPLES


def test_empty_text_is_rejected_with_the_cli_message(pipeline):
    with pytest.raises(dyad.RejectedError, match=r"^\[id a1\]: empty document$"):
        pipeline.code("   \n", id="a1")


def test_bad_date_is_rejected_with_the_cli_message(pipeline):
    with pytest.raises(dyad.RejectedError) as e:
        pipeline.code("Talks were held.", date="the day after")
    assert str(e.value) == "[id doc]: field `date`: unrecognised date `the day after`"
    assert isinstance(e.value, dyad.DyadError)


def test_text_must_be_a_string(pipeline):
    with pytest.raises(TypeError, match="text must be str, not int"):
        pipeline.code(42)


def test_code_many_raises_at_the_bad_item_after_the_good_ones(pipeline):
    text = (EXAMPLES / "geneva-talks.txt").read_text()
    it = pipeline.code_many([{"text": text, "id": "ok"}, {"id": "x"}, {"text": text}])
    assert next(it)["id"] == "ok"
    with pytest.raises(dyad.RejectedError, match=r"^docs\[1\] \[id x\]: no text field$"):
        next(it)


def test_code_many_returns_exceptions_in_place(pipeline):
    text = (EXAMPLES / "geneva-talks.txt").read_text()
    items = [
        {"text": text, "id": "a"},
        {"text": "", "id": "b"},
        "not a dict",
        {"text": text, "date": math.nan, "id": "c"},
        {"text": 5, "id": "d"},
        {"text": text, "id": "e", "when": object()},
    ]
    out = list(pipeline.code_many(items, return_exceptions=True))
    assert len(out) == len(items), "nothing is dropped"
    assert out[0]["id"] == "a"
    assert str(out[1]) == "docs[1] [id b]: empty document"
    assert str(out[2]) == "docs[2]: expected a dict with a `text` field, got str"
    assert out[3]["id"] == "c" and out[3]["date"] is None, "NaN is a missing date"
    assert str(out[4]) == "docs[4] [id d]: field `text` is not a string"
    assert isinstance(out[5], dyad.RejectedError)
    assert "field `when`" in str(out[5]) and "object" in str(out[5])


def test_an_error_of_the_iterable_is_raised_after_its_items(pipeline):
    text = (EXAMPLES / "geneva-talks.txt").read_text()

    def items():
        yield {"text": text, "id": "first"}
        raise OSError("feed broke")

    it = pipeline.code_many(items())
    assert next(it)["id"] == "first"
    with pytest.raises(OSError, match="feed broke"):
        next(it)


def test_too_many_threads_is_a_value_error(pipeline):
    with pytest.raises(ValueError, match="more than the maximum of 256"):
        pipeline.code_many([], threads=dyad.MAX_THREADS + 1)


def test_a_missing_dictionary_is_a_dyad_error(tmp_path):
    missing = tmp_path / "nowhere.txt"
    with pytest.raises(dyad.DyadError, match=f"^cannot build the pipeline: {missing}: "):
        dyad.Pipeline(actors=missing)


def test_a_bad_dictionary_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad-people.txt"
    bad.write_text("Ana Vell | | f | KEN | GOV | - | 2020-13-01 |\n")
    with pytest.raises(dyad.DyadError, match=f"{bad}:1: bad start date `2020-13-01`"):
        dyad.Pipeline(actors=[bad])


def test_user_dictionaries_are_used(tmp_path):
    people = tmp_path / "people.txt"
    people.write_text(
        "Zorvan Tekel | Tekel | m | KEN | GOV | interior minister | 2020-01-01 | 2023-12-31\n"
    )
    agents = tmp_path / "my-agents.txt"
    agents.write_text("GOV | interior minister | interior minister; minister of the interior\n")
    text = "Zorvan Tekel said on Monday that the talks would resume.\n"

    def code_of(p):
        doc = p.code(text, date="2021-05-03")
        return [e["actor"]["code"] for e in doc["entities"] if e["text"] == "Zorvan Tekel" and e["actor"]]

    assert code_of(dyad.Pipeline(actors=str(people), agents=[agents])) == ["KENGOV"]


def test_frames_reject_what_is_not_a_coded_document():
    pytest.importorskip("pandas")
    with pytest.raises(ValueError, match=r"^docs\[0\]: not a schema-1 document"):
        dyad.events_frame([{"id": "x"}])
    with pytest.raises(ValueError, match=r"^docs\[0\]: not a schema-1 document"):
        dyad.events_frame(['{"bad json'])
    with pytest.raises(TypeError, match=r"^docs\[0\]: expected a coded document"):
        dyad.events_frame([None])
    with pytest.raises(ValueError, match="no table `times`"):
        dyad.columns("times")


def test_frames_without_pandas_say_how_to_install_it(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now raises ImportError
    with pytest.raises(ImportError, match="pip install pandas"):
        dyad.events_frame([])


def test_min_confidence_outside_0_1_is_an_error():
    with pytest.raises(dyad.DyadError, match=r"min_confidence must be in \[0, 1\], got 2"):
        dyad.Pipeline(min_confidence=2.0)
