"""The run: fetch the given URLs, then (with a crawl pattern) same-site links breadth-first, saving each page."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag

from pipeline.fetch.errors import FetchError
from pipeline.fetch.fetcher import Fetcher
from pipeline.fetch.links import extract_links, is_html, same_site
from pipeline.fetch.options import FetchOptions
from pipeline.fetch.report import FetchOutcome, FetchReport
from pipeline.fetch.store import Store

ProgressHook = Callable[[FetchOutcome, int], None]
"""Called after each URL with its outcome and the number of URLs still queued."""


@dataclass(frozen=True)
class _Item:
    url: str
    depth: int
    start: str


@dataclass(frozen=True)
class _Html:
    body: bytes
    url: str


def _fetch_one(fetcher: Fetcher, store: Store, item: _Item) -> tuple[FetchOutcome, _Html | None]:
    try:
        page = fetcher.get(item.url, store.conditional_headers(item.url))
        path, changed = store.save(page)
    except FetchError as e:
        return FetchOutcome(item.url, "failed", reason=str(e), depth=item.depth), None
    except OSError as e:
        return FetchOutcome(item.url, "failed", reason=f"cannot write: {e.strerror or e}", depth=item.depth), None
    body, ctype = page.body, page.content_type
    if page.status == 304:
        cur = store.current(item.url)
        body, ctype = (path.read_bytes(), cur[1].get("content_type")) if cur else (b"", None)
    outcome = FetchOutcome(item.url, "fetched" if changed else "unchanged", path=path, final_url=page.final_url,
                           http_status=page.status, depth=item.depth)
    return outcome, (_Html(body, page.final_url) if is_html(ctype, body) else None)


def fetch_urls(urls: list[str], into: Path, *, options: FetchOptions | None = None,
               progress: ProgressHook | None = None) -> FetchReport:
    """Fetch urls into the folder `into` (created if missing); never raises for a bad URL or server.

    The given URLs are always fetched; crawled links are queued only while the total stays within
    options.max_pages, and only from pages above options.depth (the given URLs are depth 0).
    """
    options = options or FetchOptions()
    pattern = options.crawl_pattern()
    store = Store(into)
    report = FetchReport()
    queue: deque[_Item] = deque()
    seen: set[str] = set()
    for raw in urls:
        url = urldefrag(raw.strip())[0]
        if url not in seen:
            seen.add(url)
            queue.append(_Item(url, 0, url))
    total = len(queue)
    with Fetcher(options) as fetcher:
        while queue:
            item = queue.popleft()
            outcome, html = _fetch_one(fetcher, store, item)
            report.outcomes.append(outcome)
            if outcome.final_url:
                seen.add(outcome.final_url)
            if pattern is not None and html is not None and item.depth < options.depth:
                for link in extract_links(html.body, html.url):
                    if total >= options.max_pages:
                        break
                    if link in seen or not same_site(link, item.start) or not pattern.search(link):
                        continue
                    seen.add(link)
                    queue.append(_Item(link, item.depth + 1, item.start))
                    total += 1
            if progress is not None:
                progress(outcome, len(queue))
    return report
