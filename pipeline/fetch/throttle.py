"""A pause between two requests to the same host, so a crawl never hammers a seminar site."""

from __future__ import annotations

import time


class Throttle:
    """Remembers when each host (host:port) was last asked; `wait` sleeps until its delay has passed."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._last: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}

    def slow_down(self, host: str, delay: float) -> None:
        """A longer delay for one host (robots.txt Crawl-delay); never shorter than the default."""
        self._host_delay[host] = max(self.delay, delay)

    def wait(self, host: str) -> None:
        delay = self._host_delay.get(host, self.delay)
        last = self._last.get(host)
        if last is not None and delay > 0:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()
