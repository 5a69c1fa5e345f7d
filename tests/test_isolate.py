"""Per-source isolation: a source that hangs, eats memory or crashes its reader costs its own
limit; every other source of the run is read exactly as it would be alone."""

from __future__ import annotations

import ctypes
import os
import time
from pathlib import Path

import pytest
from conftest import read_jsonl, run_ingest

from pipeline.ingest import SourceResult, process_source
from pipeline.isolate import Limits, read_isolated

GOOD = "Title: Graphs and groups\nSpeaker: Ada Lovelace (Analytical Engines Ltd)\nDate: 3 March 2025\n"


def misbehave(root: Path, path: Path, debug: bool) -> SourceResult:
    """Stands in for a pathological reader; the file's name says how it misbehaves."""
    name = path.name
    if name.startswith("hang"):
        time.sleep(3600)
    if name.startswith("hog"):
        hoard = []
        while True:  # grows until the memory limit stops it
            hoard.append(bytearray(64 * 1024 * 1024))
    if name.startswith("segv"):
        ctypes.string_at(0)
    if name.startswith("exit"):
        os._exit(3)
    return process_source(root, path, debug)


def _corpus(tmp_path: Path, *bad: str) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "good.txt").write_text(GOOD, "utf-8")
    (raw / "zz-good.txt").write_text(GOOD.replace("Graphs", "Rings"), "utf-8")
    for name in bad:
        (raw / name).write_text(GOOD, "utf-8")
    return raw


def _by_name(root: Path, results: list[SourceResult]) -> dict[str, SourceResult]:
    return {r.status.path: r for r in results}


def test_a_hanging_source_costs_its_time_limit_only(tmp_path):
    raw = _corpus(tmp_path, "hang.txt")
    paths = sorted(raw.iterdir())
    start = time.monotonic()
    results = _by_name(raw, read_isolated(raw, paths, Limits(seconds=2, jobs=2), work=misbehave))
    took = time.monotonic() - start
    assert results["hang.txt"].status.status == "error"
    assert results["hang.txt"].status.error.startswith("took longer than 2 s to read; stopped")
    assert results["hang.txt"].status.kind == "text" and len(results["hang.txt"].status.sha256) == 64
    assert [results[n].status.status for n in ("good.txt", "zz-good.txt")] == ["ok", "ok"]
    assert took < 10


def test_memory_limit_stops_a_greedy_reader(tmp_path):
    raw = _corpus(tmp_path, "hog.txt")
    results = _by_name(raw, read_isolated(raw, sorted(raw.iterdir()), Limits(seconds=60, memory_mb=600, jobs=1),
                                          work=misbehave))
    assert results["hog.txt"].status.status == "error"
    assert "memory" in results["hog.txt"].status.error
    assert results["zz-good.txt"].status.status == "ok"


def test_a_crashing_reader_is_one_error_and_the_run_goes_on(tmp_path):
    raw = _corpus(tmp_path, "segv.txt", "exit.txt")
    results = _by_name(raw, read_isolated(raw, sorted(raw.iterdir()), Limits(seconds=30, jobs=1), work=misbehave))
    assert results["segv.txt"].status.error == "the reader crashed (SIGSEGV); the file is probably damaged"
    assert results["exit.txt"].status.error == "the reader exited unexpectedly (exit status 3)"
    assert [results[n].status.status for n in ("good.txt", "zz-good.txt")] == ["ok", "ok"]


def test_results_keep_the_order_of_the_paths_whatever_finishes_first(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(12):
        (raw / f"{i:02d}.txt").write_text(GOOD.replace("Graphs", f"Graphs {i}"), "utf-8")
    paths = sorted(raw.iterdir())
    seen = []
    results = read_isolated(raw, paths, Limits(jobs=3), on_done=lambda p, r: seen.append(p))
    assert [r.status.path for r in results] == [p.name for p in paths]
    assert sorted(seen) == paths


def test_isolated_and_in_process_runs_write_the_same_bytes(tmp_path):
    raw = _corpus(tmp_path)
    assert run_ingest(raw, "--out", tmp_path / "a", "--quiet") == 0
    assert run_ingest(raw, "--out", tmp_path / "b", "--quiet", "--jobs", "0") == 0
    for name in ("talks.jsonl", "sources.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert len(read_jsonl(tmp_path / "a" / "talks.jsonl")) == 2


def test_limits_are_command_line_options(tmp_path, capsys):
    raw = _corpus(tmp_path)
    with pytest.raises(SystemExit) as bad:
        run_ingest(raw, "--out", tmp_path / "o", "--timeout", "0", "--quiet")
    assert bad.value.code == 2 and "--timeout: must be above 0" in capsys.readouterr().err
    assert run_ingest(raw, "--out", tmp_path / "o", "--timeout", "30", "--memory", "1500", "--jobs", "1",
                      "--quiet") == 0


def test_a_bug_outside_any_source_is_one_line_without_traceback(tmp_path, monkeypatch, capsys):
    from pipeline import cli

    raw = _corpus(tmp_path)
    out = tmp_path / "out"

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(cli, "merge_records", broken)
    assert run_ingest(raw, "--out", out, "--quiet") == 3
    err = capsys.readouterr().err
    assert err.strip() == f"ingest: internal error (KeyError: 'boom'); {out} was not changed; " \
                          f"rerun with --debug for the details"
    assert not out.exists()
    with pytest.raises(KeyError):
        run_ingest(raw, "--out", out, "--quiet", "--debug")


def test_source_errors_reach_stderr_as_one_line_each(tmp_path):
    import subprocess
    import sys

    from conftest import REPO

    raw = _corpus(tmp_path)
    (raw / "junk.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    r = subprocess.run([sys.executable, "-m", "pipeline.cli", str(raw), "--out", str(tmp_path / "o"), "--quiet"],
                       cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error junk.pdf: ")
    assert "Traceback" not in r.stderr


def test_without_worker_processes_the_run_reads_in_process_and_says_so(tmp_path, monkeypatch, capsys):
    from pipeline import isolate

    def no_processes():
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(isolate, "_context", no_processes)
    raw = _corpus(tmp_path)
    assert run_ingest(raw, "--out", tmp_path / "o", "--quiet") == 0
    assert capsys.readouterr().err.strip() == ("ingest: cannot start worker processes (Permission denied); "
                                               "reading in this process, without time or memory limits")
    assert len(read_jsonl(tmp_path / "o" / "talks.jsonl")) == 2


def test_a_caller_whose_main_script_cannot_be_reread_still_gets_workers(tmp_path):
    """`python -c` (or a script on stdin) calling the library: workers must not re-run `__main__`."""
    import subprocess
    import sys

    from conftest import REPO

    raw = _corpus(tmp_path)
    args = [str(raw), "--out", str(tmp_path / "o"), "--quiet"]
    code = f"from pipeline import cli; raise SystemExit(cli.main({args!r}))"
    r = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "error" not in r.stderr and "Traceback" not in r.stderr, r.stderr[-800:]
    assert len(read_jsonl(tmp_path / "o" / "talks.jsonl")) == 2
