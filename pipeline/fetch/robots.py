"""robots.txt, fetched once per site and asked before every request to that site."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from pipeline.fetch.errors import FetchError

MAX_CRAWL_DELAY = 60.0


def site_of(url: str) -> str:
    """scheme://host[:port], the unit robots.txt applies to."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower().rsplit('@', 1)[-1]}"


class RobotsPolicy:
    """Caches one parsed robots.txt per site.

    `download(url)` returns the body of robots.txt or raises FetchError. As in urllib.robotparser,
    401/403 means everything is disallowed and any other 4xx (usually 404) means everything is allowed;
    a site whose robots.txt cannot be read at all (5xx, timeouts) is not fetched: we cannot know its wishes.
    """

    def __init__(self, user_agent: str, download: Callable[[str], bytes]) -> None:
        self.user_agent = user_agent
        self._download = download
        self._parsers: dict[str, RobotFileParser] = {}
        self._errors: dict[str, str] = {}

    def _parser(self, site: str) -> RobotFileParser:
        if site in self._errors:
            raise FetchError(self._errors[site])
        if site not in self._parsers:
            rp = RobotFileParser(site + "/robots.txt")
            try:
                body = self._download(site + "/robots.txt")
                rp.parse(body.decode("utf-8", errors="replace").splitlines())
            except FetchError as e:
                if e.http_status in (401, 403):
                    rp.disallow_all = True
                elif e.http_status is not None and 400 <= e.http_status < 500:
                    rp.allow_all = True
                else:
                    self._errors[site] = f"robots.txt unavailable: {e}"
                    raise FetchError(self._errors[site]) from None
            self._parsers[site] = rp
        return self._parsers[site]

    def check(self, url: str) -> None:
        """Raise FetchError("disallowed by robots.txt") when our user agent (or '*') may not fetch url."""
        if not self._parser(site_of(url)).can_fetch(self.user_agent, url):
            raise FetchError("disallowed by robots.txt")

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay the site asks of us, capped at a minute; None when it asks for none."""
        delay = self._parser(site_of(url)).crawl_delay(self.user_agent)
        return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)
