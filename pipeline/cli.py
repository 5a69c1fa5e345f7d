"""Command line: `ingest RAW --out OUT`, `ingest --check RAW --out OUT`, `ingest schema`, `ingest fetch`.

Thin: parsing arguments, progress and summaries; the work is in library functions.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline import dataset
from pipeline.ignore import FILE_NAME as IGNORE_FILE
from pipeline.ignore import IgnoreEntry, IgnoreFileError, load_ignore, reason_for
from pipeline.ingest import SourceResult, list_sources, merge_records, process_source
from pipeline.isolate import Limits, WorkerStartError, read_isolated
from pipeline.models import SourceStatus, Talk

DEFAULT_LIMITS = Limits()

EPILOG = """examples:
  ingest raw/ --out normalized/           read every source under raw/, write the dataset
  ingest --check raw/ --out normalized/   CI gate: fail if a source does not parse or normalized/ is stale
  ingest schema --out schemas/            regenerate the JSON schemas from the models
  ingest fetch URL... --into raw/         download pages into raw/ (see `ingest fetch --help`)
"""


def run(raw: Path, progress: bool, debug: bool = False, out: Path | None = None,
        merge_sources: bool = False, limits: Limits | None = DEFAULT_LIMITS) -> tuple[list[Talk], list[SourceStatus]]:
    """Read every source under `raw` (never the output folder `out`) and return merged talk
    records and source status lines.

    Each source is read in a worker process under `limits` (time, memory); `limits=None`
    reads them one by one in this process, with no limits (for debugging).
    """
    paths = list_sources(raw, exclude=out)
    err = Console(stderr=True, soft_wrap=True)

    def read_all(done: Callable[[Path, SourceResult], None]) -> list[SourceResult]:
        def in_process() -> list[SourceResult]:
            results = []
            for p in paths:
                results.append(process_source(raw, p, debug))
                done(p, results[-1])
            return results

        if limits is None:
            return in_process()
        try:
            return read_isolated(raw, paths, limits, debug, on_done=done)
        except WorkerStartError as e:
            err.print(f"ingest: {e}; reading in this process, without time or memory limits",
                      markup=False, highlight=False, soft_wrap=True)
            return in_process()

    if progress and len(paths) > 3 and err.is_terminal:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err, transient=True) as bar:
            task = bar.add_task("", total=len(paths))
            results = read_all(lambda p, _: bar.update(task, advance=1, description=escape(p.name[:40])))
    else:
        results = read_all(lambda p, _: None)
    for r in results:
        if r.status.status == "error":
            err.print(f"[red]error[/red] {escape(r.status.path)}: {escape(r.status.error or '')}",
                      highlight=False, soft_wrap=True)
    talks = merge_records([t for r in results for t in r.talks], across_sources=merge_sources)
    statuses = [r.status for r in results]
    if merge_sources:  # a merged record carries the talk key as its id
        key_of = {t.id: t.talk_key for r in results for t in r.talks}
        statuses = [s.model_copy(update={"talk_ids": sorted({key_of.get(i, i) for i in s.talk_ids})})
                    for s in statuses]
    return talks, statuses


def summary(talks: list[Talk], sources: list[SourceStatus]) -> Table:
    by = Counter((s.kind, s.status) for s in sources)
    t = Table(title=f"{len(sources)} sources, {len(talks)} talks, "
                    f"{sum(len(x.warnings) for x in talks)} warnings", show_edge=False)
    t.add_column("kind")
    for st in ("ok", "empty", "error"):
        t.add_column(st, justify="right")
    for kind in sorted({k for k, _ in by}):
        t.add_row(kind, *(str(by.get((kind, st), 0)) for st in ("ok", "empty", "error")))
    return t


def _schema(out: Path) -> int:
    from pipeline.schema import write_schemas

    for p in write_schemas(out):
        print(f"wrote {p}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "fetch":
        from pipeline.fetch.command import fetch_main

        return fetch_main(argv[1:])
    if argv and argv[0] == "schema":
        ap = argparse.ArgumentParser(prog="ingest schema",
                                     description="Write the JSON schemas generated from the models.")
        ap.add_argument("--out", type=Path, default=Path("schemas"),
                        help="folder for *.schema.json (default: schemas)")
        a = ap.parse_args(argv[1:])
        return _schema(a.out)
    ap = argparse.ArgumentParser(
        prog="ingest", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Turn a folder of raw seminar announcements (Jekyll/Markdown pages, plain text, e-mails, "
                    "slide dumps, HTML) into a validated talk dataset: OUT/talks.jsonl and "
                    "OUT/sources.jsonl.")
    ap.add_argument("raw", type=Path,
                    help="folder of raw sources (read recursively; kinds found from content)")
    ap.add_argument("--out", type=Path, required=True, help="output folder for talks.jsonl and sources.jsonl")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if a source fails to parse or OUT differs from a fresh run")
    ap.add_argument("--merge-sources", action="store_true",
                    help="one record per talk across sources (same talk_key): first source wins, gaps filled "
                         "from the others; by default each source keeps its own record")
    ap.add_argument("--ignore-file", type=Path, metavar="FILE",
                    help=f"for --check: sources that legitimately yield no talk, one per line as "
                         f"'PATTERN  # reason' (default: RAW/{IGNORE_FILE})")
    ap.add_argument("--timeout", type=_positive(float), default=Limits.seconds, metavar="SECONDS",
                    help=f"time limit for reading one source (default {Limits.seconds:g})")
    ap.add_argument("--memory", type=_positive(int), default=Limits.memory_mb, metavar="MB",
                    help=f"memory limit for reading one source (default {Limits.memory_mb})")
    ap.add_argument("--jobs", type=_positive(int, zero=True), default=Limits.jobs, metavar="N",
                    help=f"sources read at once, each in its own worker process (default {Limits.jobs}); "
                         f"0 reads them in this process with no time or memory limit, for debugging")
    ap.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    ap.add_argument("--debug", action="store_true", help="show Python tracebacks of internal errors")
    ap.add_argument("--json-summary", action="store_true", help="print the summary as JSON on stdout")
    a = ap.parse_args(argv)
    console = Console(stderr=True, soft_wrap=True)
    try:
        return _ingest(a, console)
    except Exception as e:  # a bug outside any one source: one line, the traceback only with --debug
        if a.debug:
            raise
        console.print(f"ingest: internal error ({type(e).__name__}: {' '.join(str(e).split())[:200]}); "
                      f"{a.out} was not changed; rerun with --debug for the details",
                      markup=False, highlight=False, soft_wrap=True)
        return 3


def _ingest(a: argparse.Namespace, console: Console) -> int:
    """The run `main` parsed the arguments for: read, then write or check."""
    if not a.raw.is_dir():
        console.print(f"ingest: {a.raw} is not a folder", markup=False, highlight=False)
        return 2
    ignored: list[IgnoreEntry] = []
    if a.check:
        try:
            ignored = load_ignore(a.ignore_file or a.raw / IGNORE_FILE)
        except IgnoreFileError as e:
            console.print(f"ingest: {e}", markup=False, highlight=False, soft_wrap=True)
            return 2
    limits = Limits(seconds=a.timeout, memory_mb=a.memory, jobs=a.jobs) if a.jobs else None
    try:
        talks, sources = run(a.raw, progress=not a.quiet, debug=a.debug, out=a.out,
                             merge_sources=a.merge_sources, limits=limits)
    except KeyboardInterrupt:
        console.print(f"ingest: interrupted; {a.out} was not changed", markup=False, highlight=False)
        return 130
    files = dataset.render(talks, sources)
    if a.check:
        return _check(a, files, sources, ignored, console)
    try:
        dataset.write(a.out, files)
    except OSError as e:
        console.print(f"ingest: cannot write to {a.out}: {e.strerror or e}", markup=False, highlight=False)
        return 2
    if a.json_summary:
        print(json.dumps({"sources": len(sources), "talks": len(talks),
                          "by_status": Counter(s.status for s in sources)}, sort_keys=True))
    elif not a.quiet:
        console.print(summary(talks, sources))
        console.print(f"wrote {a.out / dataset.TALKS} and {a.out / dataset.SOURCES}",
                      markup=False, highlight=False)
    return 0


def _positive(kind: type, zero: bool = False) -> Callable[[str], float]:
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < 0 or (value == 0 and not zero):
            raise argparse.ArgumentTypeError(f"must be {'at least 0' if zero else 'above 0'}: {text!r}")
        return value
    return parse


def _check(a: argparse.Namespace, files: dict[str, bytes], sources: list[SourceStatus],
           ignored: list[IgnoreEntry], console: Console) -> int:
    """The CI gate: every source parses and yields a talk (or is ignored with a reason), and OUT is current."""
    def say(text: str) -> None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)

    failed = []
    for s in sources:
        entry = reason_for(ignored, s.path)
        if s.status == "ok":
            if entry:
                say(f"note {s.path}: has {len(s.talk_ids)} talk(s) but is listed in the ignore file "
                    f"(line {entry.line}); remove the entry")
        elif entry:
            say(f"ignored {s.path}: {s.status}; {entry.reason}")
        elif s.status == "error":
            failed.append(s)
            say(f"FAIL {s.path}: {s.error}")
        else:
            failed.append(s)
            say(f"FAIL {s.path}: no talk found ({'; '.join(s.warnings) or 'nothing recognised'})")
    for e in ignored:
        if not any(e.matches(s.path) for s in sources):
            say(f"note: ignore file line {e.line} ({e.pattern}) matches no source; remove it")
    stale = dataset.stale_files(a.out, files)
    for name, why in stale:
        say(f"STALE {a.out / name}: {why}")
    invalid = [] if stale else dataset.invalid_lines(a.out)
    for where in invalid:
        say(f"INVALID {where}")
    hint = f"run `ingest {a.raw} --out {a.out}` and commit the result"
    if failed:
        ignore_file = a.ignore_file or a.raw / IGNORE_FILE
        say(f"fix or remove the failing source(s), or, if a source truly announces no talk, list it in "
            f"{ignore_file} as 'PATH  # reason'; then {hint}")
    elif stale or invalid:
        say(hint)
    if failed or stale or invalid:
        return 1
    say(f"ok: {len(sources)} sources parse and {a.out} is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
