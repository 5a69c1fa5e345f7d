"""Links of an HTML page, absolute and without fragments, for the optional crawl."""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup

from pipeline.fetch.names import mime_type

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def is_html(content_type: str | None, body: bytes) -> bool:
    """By the Content-Type header; when the server sends none, by the first bytes."""
    mime = mime_type(content_type)
    if mime:
        return mime in HTML_TYPES
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def extract_links(body: bytes, page_url: str) -> list[str]:
    """a[href] resolved against <base href> (itself resolved against the page URL), in document order."""
    soup = BeautifulSoup(body, "lxml")
    base = page_url
    tag = soup.find("base", href=True)
    if tag is not None:
        base = urljoin(page_url, str(tag["href"]).strip())
    out: list[str] = []
    seen: set[str] = set()
    for a in soup.find_all("a", href=True):
        href = str(a["href"]).strip()
        if not href:
            continue
        try:
            url = urldefrag(urljoin(base, href))[0]
        except ValueError:  # e.g. a malformed IPv6 host
            continue
        if urlsplit(url).scheme in ("http", "https") and url not in seen:
            seen.add(url)
            out.append(url)
    return out


def same_site(a: str, b: str) -> bool:
    """Same scheme, host and port (default ports made explicit)."""
    def key(url: str) -> tuple[str, str, int | None]:
        p = urlsplit(url)
        try:
            port = p.port
        except ValueError:
            return ("", "", None)
        scheme = p.scheme.lower()
        return scheme, (p.hostname or ""), port or {"http": 80, "https": 443}.get(scheme)
    return key(a) == key(b)
