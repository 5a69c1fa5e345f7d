"""Shared helpers: the seed documents, running the CLI in-process, reading JSON lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline import cli

REPO = Path(__file__).resolve().parents[1]
SEED_RAW = REPO / "raw"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(ln) for ln in path.read_text("utf-8").splitlines() if ln.strip()]


def run_ingest(*args: object) -> int:
    """`ingest ARGS...` in this process; returns the exit status."""
    return cli.main([str(a) for a in args])


def sources_by_path(out: Path) -> dict[str, dict]:
    return {s["path"]: s for s in read_jsonl(out / "sources.jsonl")}


@pytest.fixture
def seed_raw(tmp_path: Path) -> Path:
    """A copy of the shipped seed documents in raw/ (never written to in place)."""
    raw = tmp_path / "raw"
    shutil.copytree(SEED_RAW, raw, ignore=shutil.ignore_patterns(".*"))  # sources only
    return raw


@pytest.fixture
def seed_out(seed_raw: Path, tmp_path: Path) -> Path:
    """The output folder of one ingest run over the seeds."""
    out = tmp_path / "out"
    assert run_ingest(seed_raw, "--out", out, "--quiet") == 0
    return out


# Hypothesis profiles (tests/test_fuzz.py): `ci` by default, reproducible and fast; `fuzz` for a
# long local campaign (HYPOTHESIS_PROFILE=fuzz python3 -m pytest tests/test_fuzz.py, or scripts/fuzz.py).
import os  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=100, derandomize=True, deadline=None, database=None,
                          suppress_health_check=_SLOW, print_blob=True)
settings.register_profile("fuzz", max_examples=20000, deadline=None, database=None, suppress_health_check=_SLOW,
                          print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
