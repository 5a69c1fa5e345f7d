"""The RAW folder as a cache of fetched pages: names, atomic writes, and "did it change?".

Every page lives directly in RAW next to its sidecar. The sidecars are the index: they say which URL a
file holds, so a re-fetch finds its file (and its ETag) again and a new URL never overwrites another's page.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pipeline.dataset import atomic_write
from pipeline.fetch import sidecar
from pipeline.fetch.errors import FetchError
from pipeline.fetch.fetcher import Page
from pipeline.fetch.names import page_name

HASH_LENGTHS = (12, 20, 64)


class Store:
    """Pages and sidecars in one folder, indexed by requested URL."""

    def __init__(self, root: Path) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.root = root.resolve()
        self._index: dict[str, tuple[str, dict[str, Any]]] = {}
        for meta in sorted(self.root.glob("*" + sidecar.SUFFIX)):
            try:
                rec = json.loads(meta.read_bytes())
            except (OSError, ValueError):
                continue
            if isinstance(rec, dict) and isinstance(rec.get("url"), str):
                self._index[rec["url"]] = (meta.name[: -len(sidecar.SUFFIX)], rec)

    def _inside(self, name: str) -> Path:
        path = (self.root / name).resolve()
        if path.parent != self.root or name in ("", ".", ".."):
            raise FetchError(f"unsafe file name {name!r}")
        return path

    def current(self, url: str) -> tuple[Path, dict[str, Any]] | None:
        """The saved page of url and its sidecar, if the file is still there with the recorded sha256."""
        if url not in self._index:
            return None
        name, rec = self._index[url]
        path = self._inside(name)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return (path, rec) if hashlib.sha256(data).hexdigest() == rec.get("sha256") else None

    def conditional_headers(self, url: str) -> dict[str, str]:
        """If-None-Match / If-Modified-Since from the last fetch, when its page is intact."""
        cur = self.current(url)
        if cur is None:
            return {}
        rec = cur[1]
        headers = {}
        if rec.get("etag"):
            headers["If-None-Match"] = rec["etag"]
        if rec.get("last_modified"):
            headers["If-Modified-Since"] = rec["last_modified"]
        return headers

    def _owner(self, name: str) -> str | None:
        """The URL a file name belongs to: a sidecar's url, "" for a file without sidecar, None if free."""
        meta = self.root / (name + sidecar.SUFFIX)
        try:
            rec = json.loads(meta.read_bytes())
            return str(rec.get("url", ""))
        except (OSError, ValueError, AttributeError):
            pass
        return "" if (self.root / name).exists() or meta.exists() else None

    def _name_for(self, page: Page) -> str:
        if page.url in self._index:
            return self._index[page.url][0]
        taken = {n for n, _ in self._index.values()}
        candidates = [page_name(page.url, page.content_type)]
        candidates += [page_name(page.url, page.content_type, hashed=True, hash_len=n) for n in HASH_LENGTHS]
        for name in candidates:
            if name not in taken and self._owner(name) in (None, page.url):
                return name
        raise FetchError("no free file name for this URL")

    def save(self, page: Page) -> tuple[Path, bool]:
        """Store the page; returns (page path, changed). Nothing is written on 304 or an identical body."""
        cur = self.current(page.url)
        if page.status == 304:
            if cur is None:
                raise FetchError("HTTP 304 Not Modified but no saved copy to keep")
            return cur[0], False
        rec = sidecar.record(page)
        if cur is not None and cur[1].get("sha256") == rec["sha256"]:
            return cur[0], False
        name = self._name_for(page)
        path = self._inside(name)
        meta = self._inside(name + sidecar.SUFFIX)
        atomic_write(path, page.body)
        atomic_write(meta, sidecar.dumps(rec))
        self._index[page.url] = (name, rec)
        return path, True
