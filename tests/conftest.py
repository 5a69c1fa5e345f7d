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
    shutil.copytree(SEED_RAW, raw)
    return raw


@pytest.fixture
def seed_out(seed_raw: Path, tmp_path: Path) -> Path:
    """The output folder of one ingest run over the seeds."""
    out = tmp_path / "out"
    assert run_ingest(seed_raw, "--out", out, "--quiet") == 0
    return out
