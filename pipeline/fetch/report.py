"""What happened to each URL: the return value of `fetch_urls` and the input of the CLI summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Status = Literal["fetched", "unchanged", "failed"]


@dataclass(frozen=True)
class FetchOutcome:
    """One URL: `path` is the saved page (also for "unchanged"), `reason` is set only when it failed."""

    url: str
    status: Status
    path: Path | None = None
    reason: str | None = None
    final_url: str | None = None
    http_status: int | None = None
    depth: int = 0


@dataclass
class FetchReport:
    """All outcomes in fetch order (start URLs first, then crawled pages breadth-first)."""

    outcomes: list[FetchOutcome] = field(default_factory=list)

    def _with(self, status: Status) -> list[FetchOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def fetched(self) -> list[FetchOutcome]:
        return self._with("fetched")

    @property
    def unchanged(self) -> list[FetchOutcome]:
        return self._with("unchanged")

    @property
    def failed(self) -> list[FetchOutcome]:
        return self._with("failed")

    @property
    def ok(self) -> bool:
        return not self.failed
