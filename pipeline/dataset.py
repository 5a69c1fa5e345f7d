"""The output folder: rendered deterministically, replaced atomically, loaded back validated.

This is the API downstream tools call: `load_talks(folder)` / `load_sources(folder)`.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path

from pipeline.models import SourceStatus, Talk

TALKS = "talks.jsonl"
SOURCES = "sources.jsonl"


def _line(model) -> str:
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, separators=(", ", ": "))


def render(talks: list[Talk], sources: list[SourceStatus]) -> dict[str, bytes]:
    """File name -> exact bytes; talks sorted by id, sources by path."""
    t = "".join(_line(x) + "\n" for x in sorted(talks, key=lambda x: x.id))
    s = "".join(_line(x) + "\n" for x in sorted(sources, key=lambda x: x.path))
    return {TALKS: t.encode("utf-8"), SOURCES: s.encode("utf-8")}


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it.

    The file gets the permissions an ordinary new file would (or keeps those of the file it
    replaces), not the owner-only mode of a temporary file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write(out: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        atomic_write(out / name, data)


def load_talks(out: Path) -> list[Talk]:
    return [Talk.model_validate_json(ln) for ln in (out / TALKS).read_text("utf-8").splitlines()
            if ln.strip()]


def load_sources(out: Path) -> list[SourceStatus]:
    return [SourceStatus.model_validate_json(ln) for ln in (out / SOURCES).read_text("utf-8").splitlines()
            if ln.strip()]


def stale_files(out: Path, files: dict[str, bytes]) -> list[tuple[str, str]]:
    """(file, reason) for every output file that differs from what this run would write."""
    problems = []
    for name, data in files.items():
        p = out / name
        if not p.exists():
            problems.append((name, "missing"))
            continue
        try:
            old = p.read_bytes()
        except OSError as e:
            problems.append((name, f"cannot be read ({e.strerror or e})"))
            continue
        if old != data:
            old_lines = old.decode("utf-8", "replace").splitlines()
            new_lines = data.decode("utf-8").splitlines()
            first = next((i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=False)) if a != b),
                         min(len(old_lines), len(new_lines)))
            problems.append((name, f"differs from a fresh run (first at line {first + 1}; "
                                   f"{len(old_lines)} lines committed, {len(new_lines)} expected)"))
    return problems
