"""How long to wait before retrying: the server's Retry-After when it gives one, else exponential backoff."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({429, 502, 503, 504})


def retry_after(value: str | None, cap: float, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date), capped; None if absent or bad."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    return min(max(seconds, 0.0), cap)


def backoff(base: float, attempt: int, cap: float) -> float:
    """base, 2*base, 4*base ... for attempt 1, 2, 3 ..., capped."""
    return min(base * 2 ** (attempt - 1), cap)
