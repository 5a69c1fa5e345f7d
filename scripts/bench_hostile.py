"""Time the hostile corpus (tests/hostile.py): each file's outcome and reading time, then the
whole run as a user starts it.

    python3 scripts/bench_hostile.py [--timeout SECONDS] [--jobs N] [--no-big]

Files are read one at a time in a worker under the same limits `ingest` uses, so each time
shown is what that file costs (worker start-up included); the last line is the wall time of
`ingest RAW --out OUT` over the whole folder with the given --jobs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

from hostile import write_hostile_corpus  # noqa: E402

from pipeline.ingest import list_sources  # noqa: E402
from pipeline.isolate import Limits, read_isolated  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-big", action="store_true", help="leave out the 50 MB text file")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        t0 = time.monotonic()
        expected = write_hostile_corpus(raw, big=not a.no_big)
        print(f"wrote {len(expected)} hostile files in {time.monotonic() - t0:.1f} s")
        paths = list_sources(raw)
        last = [time.monotonic()]

        def done(path: Path, result) -> None:
            now = time.monotonic()
            s = result.status
            print(f"{now - last[0]:6.2f} s  {s.status:5}  {s.path[:34]:34}  {(s.error or '')[:90]}")
            last[0] = now

        read_isolated(raw, paths, Limits(seconds=a.timeout, jobs=1), on_done=done)
        start = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "pipeline.cli", str(raw), "--out", str(Path(tmp) / "out"),
                               "--quiet", "--timeout", str(a.timeout), "--jobs", str(a.jobs)],
                              cwd=REPO, capture_output=True, text=True)
        wall = time.monotonic() - start
        print(f"ingest over {len(paths)} files with --jobs {a.jobs} --timeout {a.timeout:g}: "
              f"{wall:.1f} s wall, exit {proc.returncode}, {len(proc.stderr.splitlines())} error lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
