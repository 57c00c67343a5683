"""The command line as a user meets it: exit codes, where data and messages go, error text."""
import json

import pytest

from flashpoint.cli import main

RAID = ("On Friday, a rocket struck a base near Baghdad, killing one contractor, officials said.")


def run(capsys, *argv, stdin=None, monkeypatch=None):
    if stdin is not None:
        import io
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin.encode())))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    for verb in ["extract", "places", "dates", "ingest", "events", "timeline", "actors",
                 "gazetteer", "doctor"]:
        assert verb in out


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == 2


def test_extract_from_stdin_writes_contract_records_and_reports_bad_lines(capsys, monkeypatch):
    lines = "\n".join([json.dumps({"id": "a1", "text": RAID, "published": "2019-12-30"}),
                       "{not json", json.dumps({"id": "a2"})])
    code, out, err = run(capsys, "extract", "-", stdin=lines + "\n", monkeypatch=monkeypatch)
    assert code == 1  # some inputs failed, the rest was done
    events = [json.loads(line) for line in out.splitlines()]
    assert events, "the rocket attack must be found"
    attack = events[0]
    assert attack["article_id"] == "a1" and attack["event_type"] == "ASSAULT"
    assert RAID[attack["evidence"]["start"]:attack["evidence"]["end"]] == attack["evidence"]["quote"]
    assert attack["date"]["start"] == "2019-12-27"
    assert "line 2" in err and "line 3" in err
    assert "1 articles read" in err and "2 errors" in err


def test_extract_txt_uses_published_and_file_stem(tmp_path, capsys):
    path = tmp_path / "raid.txt"
    path.write_text(RAID)
    code, out, _ = run(capsys, "extract", str(path), "--published", "2019-12-30", "--quiet")
    assert code == 0
    assert {json.loads(line)["article_id"] for line in out.splitlines()} == {"raid"}


def test_a_bad_published_date_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(tmp_path / "x.txt"), "--published", "30/12/2019"])
    assert exit_.value.code == 2
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err


def test_an_unknown_store_scheme_is_an_error_that_names_the_forms(capsys):
    code, _, err = run(capsys, "events", "--db", "mysql://u@h/db")
    assert code == 2
    assert "FP300" in err and "postgresql://" in err


def test_ingest_then_events_then_timeline(tmp_path, capsys):
    db = str(tmp_path / "events.db")
    src = tmp_path / "raid.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": RAID, "published": "2019-12-30"}) + "\n")
    assert run(capsys, "ingest", str(src), "--db", db)[0] == 0
    code, out, _ = run(capsys, "events", "--db", db, "--format", "geojson")
    assert code == 0 and json.loads(out)["type"] == "FeatureCollection"
    code, again, err = run(capsys, "ingest", str(src), "--db", db)
    assert "1 unchanged" in err
    assert run(capsys, "timeline", "--db", db)[0] == 0


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path

    from flashpoint.cli import build_parser

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    parser = build_parser()
    verbs = parser._subparsers._group_actions[0].choices
    assert [v for v in verbs if f"flashpoint {v}" not in readme] == []


def test_explain_names_a_missing_event_and_the_way_to_find_ids(tmp_path, capsys):
    code, _, err = run(capsys, "explain", "nope", "--db", str(tmp_path / "e.db"))
    assert code == 2 and "no event 'nope'" in err and "flashpoint events" in err


def test_explain_takes_the_short_id_the_timeline_prints(tmp_path, capsys):
    db = str(tmp_path / "events.db")
    src = tmp_path / "raid.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": RAID, "published": "2019-12-30"}) + "\n")
    run(capsys, "ingest", str(src), "--db", db, "--quiet")
    event_id = json.loads(run(capsys, "events", "--db", db)[1].splitlines()[0])["id"]
    code, out, _ = run(capsys, "explain", event_id[:8], "--db", db)
    assert code == 0 and f"Event {event_id}" in out and "1 reports in 1 articles" in out


def test_actors_with_inputs_lists_the_names_that_matched_nothing(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "a", "published": "2021-05-05", "text":
                               "Gunmen shot two guards in Kirkuk on Monday, police said."}) + "\n")
    code, out, err = run(capsys, "actors", str(src))
    assert code == 0 and {"name": "guards", "count": 1} in [json.loads(x) for x in out.splitlines()]
    assert "1 articles read" in err


def test_actors_adds_up_the_unmatched_names_of_every_worker(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps({"id": f"a{i}", "published": "2021-05-05", "text":
                                       "Gunmen shot two guards in Kirkuk on Monday."}) + "\n"
                           for i in range(3)))
    code, out, err = run(capsys, "actors", str(src), "--workers", "2", "--batch-size", "1")
    assert code == 0 and {"name": "guards", "count": 3} in [json.loads(x) for x in out.splitlines()]


def _exploding_survey(monkeypatch):
    from flashpoint.resolve.places.places import PlaceResolver

    def survey(self, article, doc):
        raise ValueError("boom")
    monkeypatch.setattr(PlaceResolver, "survey", survey)


def test_a_failing_article_prints_one_line_and_no_traceback(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("FLASHPOINT_DEBUG", raising=False)
    _exploding_survey(monkeypatch)
    (tmp_path / "a.txt").write_text(RAID)
    code, out, err = run(capsys, "extract", str(tmp_path / "a.txt"))
    assert code == 2 and "failed in the pipeline's places stage: ValueError: boom" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_debug_prints_the_traceback_with_its_cause(tmp_path, capsys, monkeypatch, how):
    _exploding_survey(monkeypatch)
    (tmp_path / "a.txt").write_text(RAID)
    if how == "environment":
        monkeypatch.setenv("FLASHPOINT_DEBUG", "1")
    argv = ["--debug"] if how == "flag" else []
    code, out, err = run(capsys, *argv, "extract", str(tmp_path / "a.txt"))
    assert code == 2 and "Traceback (most recent call last)" in err
    assert 'raise ValueError("boom")' in err
    assert "The above exception was the direct cause of the following exception" in err
