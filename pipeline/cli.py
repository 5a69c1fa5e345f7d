"""Command line: `ingest RAW --out OUT`, `ingest --check RAW --out OUT`, `ingest schema`, `ingest fetch`.

Thin: parsing arguments, progress and summaries; the work is in library functions.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from pipeline import dataset
from pipeline.ingest import SourceResult, list_sources, merge_records, process_source
from pipeline.models import SourceStatus, Talk

EPILOG = """examples:
  ingest raw/ --out normalized/           read every source under raw/, write the dataset
  ingest --check raw/ --out normalized/   CI gate: fail if a source does not parse or normalized/ is stale
  ingest schema --out schemas/            regenerate the JSON schemas from the models
  ingest fetch URL... --into raw/         download pages into raw/ (see `ingest fetch --help`)
"""


def run(raw: Path, progress: bool, debug: bool = False, out: Path | None = None,
        merge_sources: bool = False) -> tuple[list[Talk], list[SourceStatus]]:
    """Read every source under `raw` (never the output folder `out`) and return merged talk
    records and source status lines."""
    paths = list_sources(raw, exclude=out)
    results: list[SourceResult] = []
    err = Console(stderr=True, soft_wrap=True)
    if progress and len(paths) > 3 and err.is_terminal:
        with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err, transient=True) as bar:
            task = bar.add_task("", total=len(paths))
            for p in paths:
                bar.update(task, description=escape(p.name[:40]))
                results.append(process_source(raw, p, debug))
                bar.advance(task)
    else:
        results = [process_source(raw, p, debug) for p in paths]
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
    ap.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    ap.add_argument("--debug", action="store_true", help="show Python tracebacks of internal errors")
    ap.add_argument("--json-summary", action="store_true", help="print the summary as JSON on stdout")
    a = ap.parse_args(argv)
    console = Console(stderr=True, soft_wrap=True)
    if not a.raw.is_dir():
        console.print(f"ingest: {a.raw} is not a folder", markup=False, highlight=False)
        return 2
    talks, sources = run(a.raw, progress=not a.quiet, debug=a.debug, out=a.out, merge_sources=a.merge_sources)
    files = dataset.render(talks, sources)
    if a.check:
        return _check(a, files, sources, console)
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


def _check(a: argparse.Namespace, files: dict[str, bytes], sources: list[SourceStatus],
           console: Console) -> int:
    failed = [s for s in sources if s.status == "error"]
    for s in failed:
        console.print(f"FAIL {s.path}: {s.error}", markup=False, highlight=False, soft_wrap=True)
    stale = dataset.stale_files(a.out, files)
    for name, why in stale:
        console.print(f"STALE {a.out / name}: {why}", markup=False, highlight=False, soft_wrap=True)
    hint = f"run `ingest {a.raw} --out {a.out}` and commit the result"
    if failed:
        console.print(f"fix or remove the failing source(s), then {hint}", markup=False, highlight=False,
                      soft_wrap=True)
    elif stale:
        console.print(hint, markup=False, highlight=False, soft_wrap=True)
    if failed or stale:
        return 1
    console.print(f"ok: {len(sources)} sources parse and {a.out} is current", markup=False, highlight=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
