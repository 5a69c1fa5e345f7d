"""Safe, stable file names for fetched pages, derived from the URL (host + path).

A name is a single path component of [A-Za-z0-9._-]: no '/', no '..', no leading dot, so nothing taken
from a URL can climb out of RAW or hide a file. Query strings and over-long paths get a short hash of the
full URL, so URLs that differ only there still get different files.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import unquote, urlsplit

MAX_NAME = 120
HASH_LEN = 12
DOC_EXTENSIONS = frozenset({".html", ".htm", ".xhtml", ".pdf", ".pptx", ".ppt", ".txt", ".md", ".markdown",
                            ".ics", ".json", ".xml", ".eml", ".csv", ".rtf", ".doc", ".docx", ".odt", ".odp"})
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.ms-powerpoint": ".ppt",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "text/calendar": ".ics",
    "application/json": ".json",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/rss+xml": ".xml",
    "application/atom+xml": ".xml",
    "message/rfc822": ".eml",
    "text/csv": ".csv",
}


def url_hash(url: str, length: int = HASH_LEN) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:length]


def mime_type(content_type: str | None) -> str:
    """'text/html; charset=x' -> 'text/html'."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def extension_for(content_type: str | None) -> str:
    return CONTENT_TYPES.get(mime_type(content_type), "")


def _slug(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r"-{2,}", "-", text)
    return text.strip("._-")


def page_name(url: str, content_type: str | None = None, *, hashed: bool = False, hash_len: int = HASH_LEN,
              max_len: int = MAX_NAME) -> str:
    """host[_port]_path-segments[-hash][.ext]; `hashed` forces the URL hash (used on a name clash)."""
    parts = urlsplit(url)
    host = _slug(parts.hostname or "") or "host"
    if parts.port:
        host += f"_{parts.port}"
    path = unquote(parts.path)
    segments = [s for s in (_slug(seg) for seg in path.split("/")) if s]
    if not segments or path.endswith("/"):
        segments.append("index")
    stem = "_".join([host, *segments])
    m = re.search(r"\.[A-Za-z0-9]{1,9}$", segments[-1])
    ext = ""
    if m and m.group(0).lower() in DOC_EXTENSIONS:
        stem = stem[: -len(m.group(0))]
        ext = m.group(0).lower()
    else:
        ext = extension_for(content_type)
    if hashed or parts.query or len(stem) + len(ext) > max_len:
        tag = "-" + url_hash(url, hash_len)
        stem = stem[: max(1, max_len - len(ext) - len(tag))].rstrip("._-") + tag
    return stem + ext
