"""The `<page>.fetch.json` record beside each saved page: where it came from and how to decode it.

`ingest` skips these files and reads them for the page's URL and the charset the server declared.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from typing import Any

from pipeline.fetch.fetcher import Page

SUFFIX = ".fetch.json"
KEYS = ("url", "final_url", "fetched_at", "status", "content_type", "charset", "etag", "last_modified",
        "bytes", "sha256")


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, lowercased and unquoted; None when absent."""
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            value = value.strip().strip("'\"").strip().lower()
            return value or None
    return None


def record(page: Page, now: datetime | None = None) -> dict[str, Any]:
    """The sidecar of a freshly fetched page, keys in KEYS order."""
    when = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return {
        "url": page.url,
        "final_url": page.final_url,
        "fetched_at": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "status": page.status,
        "content_type": page.content_type,
        "charset": charset_of(page.content_type),
        "etag": page.etag,
        "last_modified": page.last_modified,
        "bytes": len(page.body),
        "sha256": hashlib.sha256(page.body).hexdigest(),
    }


def dumps(rec: dict[str, Any]) -> bytes:
    return (json.dumps(rec, indent=2) + "\n").encode("utf-8")
