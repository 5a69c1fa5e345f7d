"""The one exception type of the fetcher: its message is the one-line reason shown to the user."""

from __future__ import annotations


class FetchError(Exception):
    """A URL could not be fetched or saved; `str(err)` is a short reason, never a traceback.

    `http_status` is set when the server answered with an error status, so callers (robots.txt)
    can tell "not found" from "forbidden" from "down".
    """

    def __init__(self, reason: str, http_status: int | None = None) -> None:
        super().__init__(reason)
        self.http_status = http_status
