"""The long fuzz campaign: the properties of tests/test_fuzz.py with many more inputs.

    python3 scripts/fuzz.py                                   # 20,000 inputs in total (about 3 min on 2 cores)
    python3 scripts/fuzz.py --examples 150000 --seconds 1200  # a longer run: 20 minutes at most
    python3 scripts/fuzz.py --only 'html|email' --examples 5000
    python3 scripts/fuzz.py --list                            # the properties and their weights
    python3 scripts/fuzz.py --seed 7                          # reproducible inputs

Every property registered in `tests/test_fuzz.py` (`PROPERTIES`: any bytes through every
reader, structured announcements, Markdown/Jekyll, HTML with events, e-mails, slide dumps,
Markdown decks, drawn and damaged PDFs and PowerPoint decks, synthetic Documents, every
normaliser) gets a share of `--examples` proportional to its weight (its example count in the
default test profile; at least 1 % each) and is run with plain hypothesis, in chunks taken in
turn, until every share is used or `--seconds` have passed. An input that runs longer than
`--timeout` seconds counts as a failure (a hang is a bug too). Failures are shrunk by
hypothesis to a minimal input; the summary lists, per property, the inputs tried (shrinking
included), the failures and the slowest input, then each distinct failure with its minimal
reproducer and the end of its traceback. `--report FILE` also writes the summary as JSON. Exit
status 1 when anything failed. Nothing is written into the project (no example database).

The same properties run inside pytest with `HYPOTHESIS_PROFILE=fuzz python3 -m pytest
tests/test_fuzz.py` (200 times the default examples); this script adds the total budget, the
time limit, the per-input timeout and the summary.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import re
import signal
import sys
import time
import traceback
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from hypothesis import HealthCheck, Verbosity, given, seed, settings  # noqa: E402
from hypothesis.reporting import with_reporter  # noqa: E402

test_fuzz = importlib.import_module("test_fuzz")  # tests/test_fuzz.py: the properties and their strategies


class SlowInput(Exception):
    """An input ran longer than the per-input timeout."""


@dataclass
class Failure:
    prop: str
    kind: str
    message: str
    where: str
    example: str
    trace: str


@dataclass
class Stats:
    name: str
    weight: int
    target: int = 0
    tried: int = 0
    planned: int = 0
    seconds: float = 0.0
    slowest: tuple[float, str] = (0.0, "")
    failures: list[Failure] = field(default_factory=list)


def _short(kwargs: dict[str, Any], limit: int = 300) -> str:
    r = ", ".join(f"{k}={v!r}" for k, v in kwargs.items())
    return r if len(r) <= limit else r[:limit] + f"... ({len(r)} chars)"


def _on_alarm(_signum: int, _frame: Any) -> None:
    raise SlowInput("input ran longer than the per-input timeout")


def _counted(fn: Any, stats: Stats, timeout: float) -> Any:
    @functools.wraps(fn)
    def run(**kwargs: Any) -> None:
        stats.tried += 1
        t0 = time.perf_counter()
        if timeout > 0:
            signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            fn(**kwargs)
        finally:
            if timeout > 0:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - t0
            if took > stats.slowest[0]:
                stats.slowest = (took, _short(kwargs))

    return run


def _where(exc: BaseException) -> str:
    """The innermost frame in the project (pipeline/ or tests/), else the innermost frame."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/pipeline/" in f.filename]
    f = (ours or frames or [None])[-1]
    if f is None:
        return "?"
    return f"{os.path.relpath(f.filename, REPO)}:{f.lineno} ({f.name})"


def _leaves(exc: BaseException) -> list[BaseException]:
    inner = getattr(exc, "exceptions", None)  # an exception group: several distinct bugs
    if isinstance(inner, (list, tuple)) and inner:
        return [x for e in inner for x in _leaves(e)]
    return [exc]


def _record(stats: Stats, exc: BaseException, report: list[str]) -> None:
    for e in _leaves(exc):
        notes = "\n".join(getattr(e, "__notes__", []) or [])
        example = notes or "\n".join(report)
        where = _where(e)
        mod = type(e).__module__
        kind = type(e).__name__ if mod in ("builtins", "pipeline.readers") else f"{mod}.{type(e).__name__}"
        if any(f.kind == kind and f.where == where for f in stats.failures):
            continue
        message = " ".join(str(e).split())[:300]
        frames = [f for f in traceback.extract_tb(e.__traceback__) if "/hypothesis/" not in f.filename]
        trace = "".join(traceback.format_list(frames[-8:])) + f"{kind}: {message}\n"
        stats.failures.append(Failure(stats.name, kind, message, where, example.strip(), trace))


def run_chunk(stats: Stats, fn: Any, strategies: dict, n: int, timeout: float, seed_value: int | None) -> None:
    test = given(**strategies)(_counted(fn, stats, timeout))
    test = settings(max_examples=n, deadline=None, database=None, derandomize=False, print_blob=True,
                    report_multiple_bugs=True, verbosity=Verbosity.normal,
                    suppress_health_check=list(HealthCheck))(test)
    if seed_value is not None:
        test = seed(seed_value)(test)
    report: list[str] = []
    t0 = time.perf_counter()
    try:
        with with_reporter(report.append):
            test()
    except KeyboardInterrupt:
        raise
    except BaseException as e:  # a failure the property found (hypothesis has shrunk it)
        _record(stats, e, report)
    finally:
        stats.seconds += time.perf_counter() - t0
        stats.planned += n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--examples", type=int, default=20000, help="inputs in total across properties (default 20000)")
    ap.add_argument("--seconds", type=float, default=1200, help="stop starting new chunks after this (default 1200)")
    ap.add_argument("--timeout", type=float, default=20, help="an input slower than this fails (seconds, 0 = off)")
    ap.add_argument("--only", help="regular expression: run the properties whose name matches")
    ap.add_argument("--seed", type=int, help="seed for reproducible inputs")
    ap.add_argument("--max-failures", type=int, default=3, help="stop a property after this many distinct failures")
    ap.add_argument("--report", type=Path, help="also write the summary as JSON to this file")
    ap.add_argument("--list", action="store_true", help="list the properties and exit")
    args = ap.parse_args(argv)

    props = {k: v for k, v in test_fuzz.PROPERTIES.items() if not args.only or re.search(args.only, k)}
    if args.list:
        for name, (_fn, _s, w) in props.items():
            print(f"{name:40} weight {w}")
        return 0
    if not props:
        print("no property matches --only", file=sys.stderr)
        return 2
    signal.signal(signal.SIGALRM, _on_alarm)
    warnings.simplefilter("ignore")  # library warnings (bs4's XML-as-HTML...) on odd inputs are expected
    total_w = sum(w for _f, _s, w in props.values())
    floor = max(10, args.examples // 100)  # the slow, deep properties (PDF, PowerPoint) get at least 1 %
    stats = {name: Stats(name, w, target=max(floor, round(args.examples * w / total_w))) for name, (_f, _s, w) in
             props.items()}
    start = time.monotonic()
    rnd = 0
    print(f"fuzz: {len(props)} properties, {args.examples} inputs, at most {args.seconds:.0f} s", file=sys.stderr)
    while time.monotonic() - start < args.seconds:
        pending = [s for s in stats.values() if s.planned < s.target and len(s.failures) < args.max_failures]
        if not pending:
            break
        for s in pending:
            if time.monotonic() - start >= args.seconds:
                break
            fn, strategies, _w = props[s.name]
            n = min(s.target - s.planned, max(25, s.target // 8))
            run_chunk(s, fn, strategies, n, args.timeout,
                      None if args.seed is None else args.seed * 100003 + rnd * 1009 + len(s.name))
            print(f"  [{time.monotonic() - start:7.1f}s] {s.name:32} {s.tried:7d} tried, "
                  f"{len(s.failures)} failures", file=sys.stderr, flush=True)
        rnd += 1
    elapsed = time.monotonic() - start

    failures = [f for s in stats.values() for f in s.failures]
    print(f"\n{'property':34} {'tried':>8} {'fail':>5} {'secs':>8} {'slowest':>8}")
    for s in stats.values():
        print(f"{s.name:34} {s.tried:8d} {len(s.failures):5d} {s.seconds:8.1f} {s.slowest[0]:8.2f}")
    tried = sum(s.tried for s in stats.values())
    print(f"{'total':34} {tried:8d} {len(failures):5d} {elapsed:8.1f}")
    slow = max(stats.values(), key=lambda s: s.slowest[0])
    if slow.slowest[0]:
        print(f"\nslowest input: {slow.slowest[0]:.2f} s in {slow.name}: {slow.slowest[1]}")
    for f in failures:
        print(f"\n=== {f.prop}: {f.kind} at {f.where}\n{f.message}\n{f.example}\n--- traceback (end)\n{f.trace}")
    if args.report:
        args.report.write_text(json.dumps({
            "elapsed": round(elapsed, 1), "tried": tried,
            "properties": {s.name: {"tried": s.tried, "seconds": round(s.seconds, 1), "failures": len(s.failures),
                                    "slowest": round(s.slowest[0], 3)} for s in stats.values()},
            "failures": [f.__dict__ for f in failures]}, indent=2, ensure_ascii=False), "utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
