"""`ingest fetch URL... --into RAW`: arguments, progress display and summary around `fetch_urls`."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline.fetch.crawl import fetch_urls
from pipeline.fetch.options import FetchOptions
from pipeline.fetch.report import FetchOutcome, FetchReport

DEFAULTS = FetchOptions()
EPILOG = """examples:
  ingest fetch https://example.org/seminar/ --into raw/
  ingest fetch https://example.org/seminar/ --into raw/ --crawl '/talks/' --depth 1 --max-pages 30

Each page is saved byte for byte as RAW/<host>_<path>[.ext] beside RAW/<name>.fetch.json (url, final_url,
fetched_at, status, content_type, charset, etag, last_modified, bytes, sha256). Fetching again asks the
server whether the page changed and rewrites nothing when it did not.
exit status: 0 all fetched or unchanged, 1 some URL failed, 2 usage error
"""


def _number(kind: Callable[[str], float], minimum: float, what: str) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} is not {what}")
        return value
    return parse


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="ingest fetch", formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=EPILOG,
                                 description="Download seminar pages into a raw folder for `ingest`:\n"
                                             "politely (robots.txt, a delay per host, retries) and safely\n"
                                             "(size, redirect and private-address limits).")
    ap.add_argument("urls", nargs="+", metavar="URL", help="http or https URL to fetch")
    ap.add_argument("--into", type=Path, required=True, metavar="RAW", help="folder to save pages in (created)")
    ap.add_argument("--crawl", metavar="PATTERN",
                    help="also follow links on fetched HTML pages that stay on the same site and match this "
                         "regular expression (searched in the absolute URL)")
    ap.add_argument("--depth", type=_number(int, 0, "a whole number >= 0"), default=DEFAULTS.depth, metavar="N",
                    help=f"link levels to follow with --crawl; the given URLs are level 0 (default {DEFAULTS.depth})")
    ap.add_argument("--max-pages", type=_number(int, 1, "a whole number >= 1"), default=DEFAULTS.max_pages,
                    metavar="N", help=f"stop queueing crawled links at N pages in all (default {DEFAULTS.max_pages})")
    ap.add_argument("--delay", type=_number(float, 0, "a number of seconds >= 0"), default=DEFAULTS.delay,
                    metavar="SECONDS", help=f"pause between requests to one host (default {DEFAULTS.delay:g})")
    ap.add_argument("--timeout", type=_number(float, 0.001, "a number of seconds > 0"), default=DEFAULTS.read_timeout,
                    metavar="SECONDS", help=f"read timeout; the connect timeout is the smaller of this and "
                                            f"{DEFAULTS.connect_timeout:g} (default {DEFAULTS.read_timeout:g})")
    ap.add_argument("--max-bytes", type=_number(int, 1, "a whole number >= 1"), default=DEFAULTS.max_bytes,
                    metavar="N", help=f"largest body accepted (default {DEFAULTS.max_bytes})")
    ap.add_argument("--allow-private", action="store_true",
                    help="allow hosts on loopback, private or link-local addresses (e.g. an intranet server)")
    ap.add_argument("--quiet", action="store_true", help="no progress display and no counts; failures still shown")
    return ap


def _run(urls: list[str], into: Path, options: FetchOptions, console: Console, show_progress: bool) -> FetchReport:
    if not show_progress:
        return fetch_urls(urls, into, options=options)
    with Progress(TextColumn("[bold]fetch"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=True) as bar:
        task = bar.add_task("", total=len(urls))
        done = 0

        def hook(outcome: FetchOutcome, queued: int) -> None:
            nonlocal done
            done += 1
            bar.update(task, completed=done, total=done + queued, description=escape(outcome.url[-60:]))

        return fetch_urls(urls, into, options=options, progress=hook)


def fetch_main(argv: list[str]) -> int:
    """Entry point of `ingest fetch`; returns the exit status."""
    a = parser().parse_args(argv)
    console = Console(stderr=True, soft_wrap=True, highlight=False)

    def say(text: str) -> None:
        console.print(text, markup=False, highlight=False, soft_wrap=True)

    if a.crawl is not None:
        try:
            re.compile(a.crawl)
        except re.error as e:
            say(f"ingest fetch: --crawl {a.crawl!r} is not a valid regular expression: {e}")
            return 2
    if a.into.exists() and not a.into.is_dir():
        say(f"ingest fetch: {a.into} is not a folder")
        return 2
    try:
        a.into.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        say(f"ingest fetch: cannot create {a.into}: {e.strerror or e}")
        return 2
    options = FetchOptions(connect_timeout=min(DEFAULTS.connect_timeout, a.timeout), read_timeout=a.timeout,
                           delay=a.delay, max_bytes=a.max_bytes, allow_private=a.allow_private, crawl=a.crawl,
                           depth=a.depth, max_pages=a.max_pages)
    report = _run(a.urls, a.into, options, console, show_progress=not a.quiet and console.is_terminal)
    if not a.quiet:
        say(f"fetched {len(report.fetched)}, unchanged {len(report.unchanged)}, failed {len(report.failed)} "
            f"-> {a.into}")
    for o in report.failed:
        say(f"failed {o.url}: {o.reason}")
    return 0 if report.ok else 1
