"""Settings of one fetch run, with polite and safe defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass

import requests

TOOL_VERSION = "0.1"
USER_AGENT = f"seminar-ingest/{TOOL_VERSION} (talk dataset builder; python-requests/{requests.__version__})"


@dataclass(frozen=True)
class FetchOptions:
    """How to fetch. Defaults suit a real site; tests shrink the timeouts and delays to zero.

    attempts counts the first try (3 = up to two retries); backoff is the first retry wait in seconds,
    doubled each time, used when the server sends no Retry-After; max_retry_wait caps any wait.
    crawl is a regex (re.search on absolute same-site URLs); None fetches only the given URLs.
    """

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    attempts: int = 3
    backoff: float = 1.0
    max_retry_wait: float = 60.0
    delay: float = 1.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    allow_private: bool = False
    crawl: str | re.Pattern[str] | None = None
    depth: int = 1
    max_pages: int = 50
    user_agent: str = USER_AGENT

    def crawl_pattern(self) -> re.Pattern[str] | None:
        if self.crawl is None or isinstance(self.crawl, re.Pattern):
            return self.crawl
        return re.compile(self.crawl)
