"""One raw source in, its talk records and status line out; then the whole folder.

Every failure of one source becomes a one-line error in its status line; it never stops
the run. Records are validated (pydantic) before they are returned.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import stat
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from pipeline.dataset import SOURCES, TALKS
from pipeline.extract import extract
from pipeline.models import SourceRef, SourceStatus, Talk
from pipeline.readers import ReaderError, read
from pipeline.sniff import sniff

MAX_BYTES = 64 * 1024 * 1024
SKIP_NAMES = re.compile(r"(^|/)(\.[^/]*|__pycache__|.*\.fetch\.json|.*~)$")


@dataclass
class SourceResult:
    status: SourceStatus
    talks: list[Talk] = field(default_factory=list)


def _key(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return re.sub(r"\W+", " ", s).strip()


def _hash(parts: list[str]) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def talk_key(fields: dict, source_sha256: str, index: int) -> str:
    """The talk's identity from its content (date, speakers, title), shared by every source of it.

    The source's content hash and the position count only as a last resort, when fewer than two
    of those are known.
    """
    names = sorted(_key(p.name) for p in fields["speakers"])
    parts = [fields["date"].isoformat() if fields["date"] else "", "|".join(names), _key(fields["title"])]
    if sum(bool(p) for p in parts) < 2:
        parts += [source_sha256, str(index)]
    return _hash(parts)


def talk_id(key: str, source_sha256: str) -> str:
    """One record per talk per source: the talk key and the content hash of its source.

    Two versions of a page may say different things about the same talk; each record stays
    faithful to its source, and `talk_key` groups them (or `--merge-sources` merges them).
    Renaming a file keeps its ids; two identical copies give one record listing both.
    """
    return _hash([key, source_sha256])


def fetch_record(path: Path) -> dict | None:
    """The sidecar `ingest fetch` wrote beside a page (`<name>.fetch.json`): its URL and HTTP charset."""
    side = path.with_name(path.name + ".fetch.json")
    try:
        record = json.loads(side.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def list_sources(root: Path, exclude: Path | None = None) -> list[Path]:
    """Files under `root` (and symbolic links to files), sorted by relative path.

    Hidden files and folders, editor backups and fetch metadata are skipped. Directory
    symlinks are never entered; a file symlink is listed so that `process_source` can report
    it when it leaves `root`, is dangling or loops. `exclude` is the output folder: when it
    lies inside `root` it is not read, and neither are the output files themselves, so a run
    never reads what an earlier run wrote.
    """
    out = []
    skip_dir = Path(os.path.abspath(exclude)) if exclude is not None else None
    skip_files = {skip_dir / TALKS, skip_dir / SOURCES} if skip_dir is not None else set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and Path(os.path.abspath(here / d)) != skip_dir)
        # os.walk lists a symlink to a directory among dirnames: it is neither entered nor a file
        for name in sorted(filenames):
            p = here / name
            rel = p.relative_to(root).as_posix()
            if SKIP_NAMES.search(rel) or Path(os.path.abspath(p)) in skip_files:
                continue
            out.append(p)
    return sorted(out, key=lambda p: p.relative_to(root).as_posix())


def _link_problem(root: Path, path: Path) -> str | None:
    """Why a symbolic link under `root` must not be read, or None when it is a link to a file inside."""
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop; not followed"
        return "symbolic link to a file that does not exist; not followed"
    except RuntimeError:  # older Pythons report loops this way
        return "symbolic link loop; not followed"
    if Path(os.path.realpath(root)) not in target.parents:
        return "symbolic link pointing outside the input folder; not followed"
    return None


def relative_name(root: Path, path: Path) -> str:
    """`path` relative to `root`, `/`-separated, always valid UTF-8.

    A file name that is not valid UTF-8 (its bytes come back as surrogates) is written with
    backslash escapes for the bad bytes, e.g. `bad\\xffname.txt`, instead of breaking the output.
    """
    rel = path.relative_to(root).as_posix()
    try:
        rel.encode("utf-8")
    except UnicodeEncodeError:
        rel = os.fsencode(rel).decode("utf-8", errors="backslashreplace")
    return rel


def error_result(root: Path, path: Path, message: str) -> SourceResult:
    """The status line of a source whose reading was stopped from outside (time or memory limit).

    Its kind and hash come from a cheap look at the file, never from reading it again.
    """
    digest, head = hashlib.sha256(), b""
    try:
        with path.open("rb") as f:
            while chunk := f.read(1 << 20):
                head = head or chunk
                digest.update(chunk)
    except OSError:
        pass
    try:
        kind = sniff(head[:65536]) if head else "unknown"
    except Exception:  # noqa: BLE001 - only a label for the error line
        kind = "unknown"
    return SourceResult(SourceStatus(path=relative_name(root, path), kind=kind, sha256=digest.hexdigest(),
                                     status="error", error=message))


def process_source(root: Path, path: Path, debug: bool = False) -> SourceResult:
    rel = relative_name(root, path)
    empty_sha = hashlib.sha256(b"").hexdigest()
    if path.is_symlink():
        problem = _link_problem(root, path)
        if problem:
            return SourceResult(SourceStatus(path=rel, kind="unknown", sha256=empty_sha, status="error",
                                             error=problem))
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            # a FIFO would block the run forever, a device could be endless
            return SourceResult(SourceStatus(path=rel, kind="unknown", sha256=empty_sha, status="error",
                                             error="not a regular file (pipe, socket or device); not read"))
        size = st.st_size
        if size > MAX_BYTES:
            return SourceResult(SourceStatus(path=rel, kind="unknown", sha256=empty_sha, status="error",
                                             error=f"file is {size // (1024 * 1024)} MB, over the "
                                                   f"{MAX_BYTES // (1024 * 1024)} MB limit for one source"))
        data = path.read_bytes()
    except OSError as e:
        return SourceResult(SourceStatus(path=rel, kind="unknown", sha256=empty_sha, status="error",
                                         error=f"cannot read file: {e.strerror or e}"))
    sha = hashlib.sha256(data).hexdigest()
    kind = sniff(data)
    if not data.strip():
        return SourceResult(SourceStatus(path=rel, kind=kind, sha256=sha, status="empty",
                                         warnings=["file is empty"]))
    try:
        doc = read(data, kind, origin=fetch_record(path))
        kind = doc.meta.get("pdf_kind") or kind  # 'pdf' becomes 'pdf-flyer' or 'pdf-slides' once read
        found, warnings = extract(doc)
        talks = []
        for i, f in enumerate(found):
            locs = [x for x in f.pop("_locators", []) if x]
            f.pop("_origin", None)
            key = talk_key(f, sha, i)
            talks.append(Talk(id=talk_id(key, sha), talk_key=key, sources=[SourceRef(path=rel, kind=kind, sha256=sha,
                                                           locator=locs[0] if locs else None)], **f))
        ids = [t.id for t in talks]
        status = "ok" if talks else "empty"
        return SourceResult(SourceStatus(path=rel, kind=kind, sha256=sha, status=status,
                                         talk_ids=sorted(set(ids)), warnings=warnings), talks)
    except ReaderError as e:
        msg = str(e)
    except ValidationError as e:
        err = e.errors()[0]
        msg = f"a record failed validation: {'.'.join(str(x) for x in err['loc'])}: {err['msg']}"
    except RecursionError:
        msg = "document is nested too deeply to read"
    except MemoryError:
        msg = "document is too large to read in memory"
    except Exception as e:  # one source must never stop the run
        if debug:
            traceback.print_exc()
        msg = f"internal error while reading ({type(e).__name__}: {e})"
    msg = " ".join(msg.split())[:300]
    return SourceResult(SourceStatus(path=rel, kind=kind, sha256=sha, status="error", error=msg))


def merge_records(talks: list[Talk], across_sources: bool = False) -> list[Talk]:
    """Records of the same talk become one: within a source always (same id), and across
    sources (same `talk_key`) when asked; the first source's values win, gaps are filled
    from the others, and every source is listed."""
    by_id: dict[str, Talk] = {}
    for t in sorted(talks, key=lambda t: (t.sources[0].path, t.id)):
        if across_sources:
            t = t.model_copy(update={"id": t.talk_key})
        if t.id not in by_id:
            by_id[t.id] = t
            continue
        kept = by_id[t.id]
        data = kept.model_dump()
        other = t.model_dump()
        for k, v in other.items():
            if k in ("id", "talk_key", "sources", "warnings"):
                continue
            if data.get(k) in (None, [], "") and v not in (None, [], ""):
                data[k] = v
        data["sources"] = data["sources"] + [s for s in other["sources"] if s not in data["sources"]]
        data["warnings"] = data["warnings"] + [w for w in other["warnings"] if w not in data["warnings"]]
        by_id[t.id] = Talk.model_validate(data)
    return [by_id[k] for k in sorted(by_id)]

