"""One HTTP GET done carefully: guards, robots.txt, per-host delay, retries, bounded redirects and body size.

Redirects are followed by hand so the scheme, SSRF and robots checks run again on every hop.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urldefrag, urljoin, urlsplit

import requests

from pipeline.fetch.errors import FetchError
from pipeline.fetch.guard import check_host, check_scheme
from pipeline.fetch.options import FetchOptions
from pipeline.fetch.retry import RETRY_STATUSES, backoff, retry_after
from pipeline.fetch.robots import RobotsPolicy
from pipeline.fetch.throttle import Throttle

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CHUNK = 64 * 1024
ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class Page:
    """A server's final answer: 2xx with the body bytes exactly as received, or 304 with an empty body."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    etag: str | None
    last_modified: str | None
    body: bytes


def _short(err: BaseException) -> str:
    """The innermost useful words of a requests/urllib3 error ("Connection refused"), on one line."""
    text = str(err)
    m = re.search(r"\[Errno -?\d+\] ([^'\")\]]+)", text)
    if m:
        return m.group(1).strip()
    text = " ".join(text.split())
    return (text[:160] + "...") if len(text) > 160 else (text or type(err).__name__)


class Fetcher:
    """Owns the requests.Session, the per-host throttle and the robots.txt cache of one run."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.session = requests.Session()
        self.session.headers["User-Agent"] = options.user_agent
        self.throttle = Throttle(options.delay)
        self.robots = RobotsPolicy(options.user_agent, self._download_robots)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None) -> None:
        self.session.close()

    def get(self, url: str, headers: dict[str, str] | None = None) -> Page:
        """GET url following at most max_redirects redirects; FetchError with a short reason otherwise."""
        return self._get(url, headers or {}, self.options.max_bytes, obey_robots=True)

    def _download_robots(self, url: str) -> bytes:
        return self._get(url, {}, min(self.options.max_bytes, ROBOTS_MAX_BYTES), obey_robots=False).body

    def _admit(self, url: str, obey_robots: bool) -> None:
        check_scheme(url)
        if not self.options.allow_private:
            check_host(url)
        if obey_robots:
            self.robots.check(url)
            delay = self.robots.crawl_delay(url)
            if delay is not None:
                self.throttle.slow_down(urlsplit(url).netloc.lower(), delay)

    def _get(self, url: str, headers: dict[str, str], max_bytes: int, obey_robots: bool) -> Page:
        seen = {url}
        current = url
        for _hop in range(self.options.max_redirects + 1):
            self._admit(current, obey_robots)
            resp = self._request(current, headers)
            try:
                location = resp.headers.get("Location")
                if resp.status_code in REDIRECT_STATUSES and location:
                    nxt = urldefrag(urljoin(current, location.strip()))[0]
                    if nxt in seen:
                        raise FetchError("too many redirects (redirect loop)")
                    seen.add(nxt)
                    current = nxt
                    continue
                return self._page(url, current, resp, max_bytes)
            finally:
                resp.close()
        raise FetchError(f"too many redirects (more than {self.options.max_redirects})")

    def _request(self, url: str, headers: dict[str, str]) -> requests.Response:
        """One GET with retries on 429/502/503/504 and on refused or reset connections."""
        o = self.options
        host = urlsplit(url).netloc.lower()
        attempts = max(1, o.attempts)
        for attempt in range(1, attempts + 1):
            self.throttle.wait(host)
            try:
                resp = self.session.get(url, headers=headers, timeout=(o.connect_timeout, o.read_timeout),
                                        stream=True, allow_redirects=False)
            except requests.Timeout:
                raise FetchError(f"timed out (no answer within {o.connect_timeout:g} s to connect "
                                 f"/ {o.read_timeout:g} s to read)") from None
            except requests.ConnectionError as e:
                if attempt < attempts:
                    time.sleep(backoff(o.backoff, attempt, o.max_retry_wait))
                    continue
                raise FetchError(f"connection failed: {_short(e)}") from None
            except requests.RequestException as e:
                raise FetchError(f"request failed: {_short(e)}") from None
            if resp.status_code in RETRY_STATUSES and attempt < attempts:
                wait = retry_after(resp.headers.get("Retry-After"), o.max_retry_wait)
                resp.close()
                time.sleep(backoff(o.backoff, attempt, o.max_retry_wait) if wait is None else wait)
                continue
            return resp
        raise AssertionError("unreachable")  # pragma: no cover

    def _page(self, url: str, final_url: str, resp: requests.Response, max_bytes: int) -> Page:
        status = resp.status_code
        if status != 304 and not 200 <= status < 300:
            raise FetchError(f"HTTP {status} {resp.reason or ''}".strip(), http_status=status)
        body = b"" if status == 304 else self._body(resp, max_bytes)
        h = resp.headers
        return Page(url=url, final_url=final_url, status=status, content_type=h.get("Content-Type"),
                    etag=h.get("ETag"), last_modified=h.get("Last-Modified"), body=body)

    def _body(self, resp: requests.Response, max_bytes: int) -> bytes:
        """The body streamed in chunks, abandoned as soon as it passes max_bytes."""
        too_big = FetchError(f"body larger than {max_bytes} bytes")
        declared = resp.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > max_bytes:
            raise too_big
        buf = bytearray()
        try:
            for chunk in resp.iter_content(CHUNK):
                buf += chunk
                if len(buf) > max_bytes:
                    raise too_big
        except requests.RequestException as e:
            if "timed out" in str(e).lower():
                raise FetchError(f"timed out while reading the body ({self.options.read_timeout:g} s)") from None
            raise FetchError(f"connection broken while reading the body: {_short(e)}") from None
        return bytes(buf)
