"""Nothing lost: a run killed at any moment (kill -9 included) leaves the previous output
byte-identical or, once the swap is done, the complete new output; never a mix of the two.
A rerun after fixing one bad file changes only that file's records."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, read_jsonl, run_ingest

from pipeline import dataset

GOOD = "Title: Graphs and groups\nSpeaker: Ada Lovelace (Analytical Engines Ltd)\nDate: 3 March 2025\n"

# Runs `ingest` with a SIGKILL planted at one point of the writer: the process dies there with
# no chance to clean up, exactly as under `kill -9`.
KILLER = """
import os, signal, sys
from pipeline import cli, dataset
point, raw, out = sys.argv[1:4]
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
if point == "while-writing":      # the first new file is half written, nothing synced
    real = os.fdopen
    def half(fd, *a, **k):
        f = real(fd, *a, **k)
        w = f.write
        f.write = lambda data: (w(data[: len(data) // 2]), f.flush(), die())
        return f
    dataset.os.fdopen = half
elif point == "before-swap":      # the new folder is complete and synced
    dataset._exchange = die
elif point == "after-swap":       # swapped, the old folder not yet removed
    real_exchange = dataset._exchange
    dataset._exchange = lambda a, b: (real_exchange(a, b), die())
elif point == "between-renames":  # the fallback that replaces file by file
    dataset._swap_folder = lambda target, files: False
    real_replace = os.replace
    calls = []
    def replace(a, b):
        calls.append(b)
        if len(calls) == 2:
            die()
        real_replace(a, b)
    dataset.os.replace = replace
sys.exit(cli.main([raw, "--out", out, "--quiet", "--jobs", "0"]))
"""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _killed_run(point: str, raw: Path, out: Path) -> int:
    proc = subprocess.run([sys.executable, "-c", KILLER, point, str(raw), str(out)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    return proc.returncode


@pytest.fixture
def previous(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """raw/ with one talk, normalized/ from an earlier run, then raw/ changed by a second talk."""
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, "utf-8")
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    (out / "README").write_text("kept\n", "utf-8")  # a file of the user's own in the output folder
    before = _snapshot(out)
    (raw / "b.txt").write_text(GOOD.replace("Graphs", "Rings"), "utf-8")
    return raw, out, before


@pytest.mark.parametrize("point", ["while-writing", "before-swap"])
def test_kill_9_mid_write_leaves_the_previous_output_byte_identical(previous, point):
    raw, out, before = previous
    assert _killed_run(point, raw, out) == -signal.SIGKILL
    assert _snapshot(out) == before
    # the next run cleans up after the killed one and writes the new output
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    assert len(read_jsonl(out / "talks.jsonl")) == 2
    assert (out / "README").read_text("utf-8") == "kept\n"
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []
    assert sorted(p.name for p in out.iterdir()) == ["README", "sources.jsonl", "talks.jsonl"]


def test_kill_9_right_after_the_swap_leaves_the_complete_new_output(previous, tmp_path):
    raw, out, before = previous
    assert _killed_run("after-swap", raw, out) == -signal.SIGKILL
    fresh = tmp_path / "fresh"
    assert run_ingest(raw, "--out", fresh, "--quiet") == 0
    after = _snapshot(out)
    assert after["README"] == before["README"]
    assert {k: after[k] for k in ("talks.jsonl", "sources.jsonl")} == \
        {k: v for k, v in _snapshot(fresh).items()}
    assert run_ingest(raw, "--out", out, "--quiet") == 0  # sweeps the killed run's old folder
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []


def test_a_folder_swap_keeps_a_symlinked_output_folder_a_symlink(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, "utf-8")
    real = tmp_path / "real-out"
    real.mkdir()
    link = tmp_path / "out"
    link.symlink_to(real)
    assert run_ingest(raw, "--out", link, "--quiet") == 0
    assert link.is_symlink() and (real / "talks.jsonl").exists()


def test_sub_folders_in_the_output_fall_back_to_file_by_file_replacement(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, "utf-8")
    out = tmp_path / "out"
    (out / "schemas").mkdir(parents=True)
    inode = out.stat().st_ino
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    assert out.stat().st_ino == inode and (out / "schemas").is_dir()
    assert len(read_jsonl(out / "talks.jsonl")) == 1


def test_new_files_get_ordinary_permissions_and_replaced_ones_keep_theirs(tmp_path):
    out = tmp_path / "out"
    files = {dataset.TALKS: b"", dataset.SOURCES: b""}
    dataset.write(out, files)
    mask = os.umask(0)
    os.umask(mask)
    assert (out / dataset.TALKS).stat().st_mode & 0o777 == 0o666 & ~mask
    os.chmod(out / dataset.TALKS, 0o640)
    dataset.write(out, files)
    assert (out / dataset.TALKS).stat().st_mode & 0o777 == 0o640


def test_kill_9_from_outside_at_any_moment_leaves_old_or_new_never_a_mix(tmp_path):
    """A real `kill -9` from another process at a spread of moments during the run."""
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    raw.mkdir()
    for i in range(40):
        (raw / f"{i:02d}.txt").write_text(GOOD.replace("Graphs", f"Graphs {i}"), "utf-8")
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    old = _snapshot(out)
    for i in range(40):
        (raw / f"{i:02d}.txt").write_text(GOOD.replace("Graphs", f"Rings {i}"), "utf-8")
    fresh = tmp_path / "fresh"
    assert run_ingest(raw, "--out", fresh, "--quiet") == 0
    new = _snapshot(fresh)
    outcomes = set()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.5, 2.0, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", str(raw), "--out", str(out), "--quiet",
                                 "--jobs", "1"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its workers
        proc.wait()
        now = _snapshot(out)
        assert now in (old, new), f"killed after {delay} s: a mix of old and new output"
        outcomes.add("old" if now == old else "new")
        if now == new:
            break
    assert "old" in outcomes


def test_file_by_file_fallback_killed_between_renames_leaves_each_file_whole(previous, tmp_path):
    """Where the folder cannot be swapped (sub-folders, not Linux), each file is still replaced
    whole: a kill between the two renames leaves one new and one old file, neither torn."""
    raw, out, before = previous
    assert _killed_run("between-renames", raw, out) == -signal.SIGKILL
    fresh = tmp_path / "fresh"
    assert run_ingest(raw, "--out", fresh, "--quiet") == 0
    new = _snapshot(fresh)
    now = _snapshot(out)
    for name in (dataset.TALKS, dataset.SOURCES):
        assert now[name] in (before[name], new[name])


def test_ctrl_c_stops_the_run_and_its_workers_and_changes_nothing(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    raw.mkdir()
    (raw / "a.txt").write_text(GOOD, "utf-8")
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    old = _snapshot(out)
    for i in range(4000):  # about 10 s of reading on 2 cores
        (raw / f"{i:04d}.txt").write_text(GOOD.replace("Graphs", f"Rings {i}"), "utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline.cli", str(raw), "--out", str(out), "--quiet",
                             "--jobs", "2"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    time.sleep(2.5)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before the interrupt (a very fast machine)")
    assert proc.returncode == 130
    assert err.strip() == f"ingest: interrupted; {out} was not changed"
    assert _snapshot(out) == old
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the workers and the forkserver go with the run
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("worker processes outlived the interrupted run")
