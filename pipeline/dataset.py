"""The output folder: rendered deterministically, replaced atomically, loaded back validated.

This is the API downstream tools call: `load_talks(folder)` / `load_sources(folder)`.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import stat
import sys
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
    os.replace(_temp_file(path, data), path)


def write(out: Path, files: dict[str, bytes]) -> None:
    """Replace the output files all together: anyone reading `out`, or a run killed at any
    moment (kill -9 included), sees either every old file or every new one, never a mix.

    The new files are prepared in a hidden folder beside `out`, which is then swapped with
    `out` in one atomic `renameat2(RENAME_EXCHANGE)` (Linux). Where that cannot be done
    (another system, `out` is a mount point or holds sub-folders), each file is still
    replaced atomically on its own, all of them written and synced before the first rename.
    """
    target = Path(os.path.realpath(out))  # a symlinked output folder stays a symlink
    target.parent.mkdir(parents=True, exist_ok=True)
    _sweep(target)
    if _swap_folder(target, files):
        return
    written = []
    try:
        for name, data in files.items():
            written.append((_temp_file(target / name, data), target / name))
        for tmp, path in written:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _ in written:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


_STAGE = ".{name}.ingest-{pid}-"


def _temp_file(path: Path, data: bytes, mode_of: Path | None = None) -> str:
    """`data` written and synced to a temporary file beside `path`, with the mode that `mode_of`
    (default `path`) has, or that a new file would get."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE((mode_of or path).stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _swap_folder(target: Path, files: dict[str, bytes]) -> bool:
    """Build the new folder beside `target` and swap it in atomically; False when that cannot be done here."""
    exists = target.exists()
    if sys.platform != "linux" or (exists and not target.is_dir()):
        return False
    old = list(os.scandir(target)) if exists else []
    if any(e.is_dir(follow_symlinks=False) for e in old):
        return False
    stage = Path(tempfile.mkdtemp(prefix=_STAGE.format(name=target.name, pid=os.getpid()), dir=target.parent))
    try:
        os.chmod(stage, stat.S_IMODE(target.stat().st_mode) if exists else 0o777 & ~_umask())
        for e in old:  # everything else in the folder comes along, as hard links
            if e.name not in files and not _our_temp(e.name):
                if e.is_symlink():
                    os.symlink(os.readlink(e.path), stage / e.name)
                else:
                    os.link(e.path, stage / e.name, follow_symlinks=False)
        for name, data in files.items():
            os.replace(_temp_file(stage / name, data, mode_of=target / name), stage / name)
        _fsync_dir(stage)
        if exists:
            _exchange(stage, target)
        else:
            os.rename(stage, target)  # nothing to swap with: one rename is atomic already
        _fsync_dir(target.parent)
    except OSError:
        shutil.rmtree(stage, ignore_errors=True)
        return False
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    shutil.rmtree(stage, ignore_errors=True)  # after the swap, `stage` is the old folder
    return True


def _our_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(".tmp") and any(name.startswith(f".{n}.") for n in (TALKS, SOURCES))


def _exchange(a: Path, b: Path) -> None:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE, glibc 2.28 or later)."""
    libc = ctypes.CDLL(None, use_errno=True)
    try:
        renameat2 = libc.renameat2
    except AttributeError:
        raise OSError(errno.ENOSYS, "renameat2 is not available") from None
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(b))


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _sweep(target: Path) -> None:
    """Remove staging folders that killed runs left beside `target` (their process is gone)."""
    prefix = f".{target.name}.ingest-"
    with contextlib.suppress(OSError):
        for e in os.scandir(target.parent):
            if not (e.name.startswith(prefix) and e.is_dir(follow_symlinks=False)):
                continue
            pid = e.name[len(prefix):].split("-", 1)[0]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(e.path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


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


def invalid_lines(out: Path) -> list[str]:
    """'file line N: reason' for every line of the output files that does not validate."""
    problems = []
    for name, model in ((TALKS, Talk), (SOURCES, SourceStatus)):
        try:
            lines = (out / name).read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as e:
            problems.append(f"{out / name}: cannot be read ({getattr(e, 'strerror', None) or e})")
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                model.model_validate_json(line)
            except ValueError as e:
                first = " ".join(str(e).split())[:200]
                problems.append(f"{out / name} line {number}: {first}")
    return problems
