"""The hostile corpus end to end, as a user runs it: `ingest` over a folder where every kind
of bad input sits beside good sources. Every bad file is reported with its reason, every good
file is ingested exactly as it is without the bad ones, and the run's wall time stays within
the per-source limits."""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, SEED_RAW, read_jsonl
from hostile import write_hostile_corpus

TIMEOUT = 30  # seconds per source, passed as --timeout
JOBS = 2


def _ingest(raw: Path, out: Path) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", str(raw), "--out", str(out), "--quiet",
                           "--timeout", str(TIMEOUT), "--jobs", str(JOBS)],
                          cwd=REPO, capture_output=True, text=True, timeout=900)
    return proc, time.monotonic() - start


def _good(raw: Path) -> None:
    shutil.copytree(SEED_RAW, raw / "good", ignore=shutil.ignore_patterns(".*"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    raw = base / "raw"
    expected = write_hostile_corpus(raw)
    _good(raw)
    run, wall = _ingest(raw, base / "out")
    clean = base / "clean"
    _good(clean)
    alone, _ = _ingest(clean, base / "clean-out")
    return {"raw": raw, "out": base / "out", "clean_out": base / "clean-out", "expected": expected,
            "run": run, "alone": alone, "wall": wall, "base": base}


def test_the_run_succeeds_and_stays_within_the_time_limits(hostile):
    run = hostile["run"]
    assert run.returncode == 0, run.stderr[-2000:]
    n = len(hostile["expected"]) + len(list(SEED_RAW.glob("[!.]*")))
    bound = math.ceil(n / JOBS) * TIMEOUT  # even if every source used its whole limit
    print(f"hostile corpus: {n} sources, wall {hostile['wall']:.1f} s (bound {bound} s)")
    assert hostile["wall"] < bound
    assert hostile["wall"] < 4 * TIMEOUT  # in practice: no source comes near its limit


def test_every_bad_file_is_reported_with_its_reason(hostile):
    statuses = {s["path"]: s for s in read_jsonl(hostile["out"] / "sources.jsonl")}
    talks = {t["id"]: t for t in read_jsonl(hostile["out"] / "talks.jsonl")}
    problems = []
    for name, outcome in sorted(hostile["expected"].items()):
        s = statuses.get(name)
        if s is None:
            problems.append(f"{name}: no status line")
            continue
        want, _, words = outcome.partition(":")
        if s["status"] != want:
            problems.append(f"{name}: {s['status']} ({s['error'] or s['warnings']}), expected {outcome}")
        elif want == "error" and words.lower() not in (s["error"] or "").lower():
            problems.append(f"{name}: error {s['error']!r} lacks {words!r}")
        elif want == "ok" and not any(words in (talks[i]["title"] or "") for i in s["talk_ids"]):
            problems.append(f"{name}: no talk titled {words!r}")
    assert problems == []


def test_errors_are_one_line_each_on_stderr_without_tracebacks(hostile):
    err = hostile["run"].stderr
    assert "Traceback" not in err
    errors = [s for s in read_jsonl(hostile["out"] / "sources.jsonl") if s["status"] == "error"]
    lines = err.strip().splitlines()
    assert len(lines) == len(errors)
    for s in errors:
        assert "\n" not in s["error"] and len(s["error"]) <= 300
        assert f"error {s['path']}: {s['error']}" in lines


def test_good_files_are_ingested_exactly_as_without_the_bad_ones(hostile):
    assert hostile["alone"].returncode == 0
    ours = [ln for ln in (hostile["out"] / "talks.jsonl").read_text("utf-8").splitlines()
            if '"path": "good/' in ln]
    alone = (hostile["clean_out"] / "talks.jsonl").read_text("utf-8").splitlines()
    assert ours == alone and len(alone) >= 5
    ours_s = [ln for ln in (hostile["out"] / "sources.jsonl").read_text("utf-8").splitlines()
              if ln.startswith('{"path": "good/')]
    assert ours_s == (hostile["clean_out"] / "sources.jsonl").read_text("utf-8").splitlines()


def test_nothing_outside_the_folder_was_read_or_run(hostile):
    text = (hostile["out"] / "talks.jsonl").read_text("utf-8")
    assert "root:x:0" not in text
    assert not any(p.name == "PWNED" for p in hostile["base"].rglob("*"))
    assert not (REPO / "PWNED").exists()
