"""The records of ../shared/CONTRACT.md as pydantic models: the single source of truth.

Downstream tools rely on these names and meanings; add fields, never rename or drop them.
`schemas/*.schema.json` are generated from these classes by `ingest schema`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

SourceKind = Literal[
    "jekyll", "markdown", "html", "pdf-flyer", "pdf-slides", "pptx", "ppt",
    "slide-dump", "markdown-slides", "text", "email", "binary", "unknown",
]
LinkKind = Literal["video", "slides", "paper", "speaker", "registration", "other"]
Status = Literal["ok", "empty", "error"]

_IANA = re.compile(r"^(UTC|[A-Z][A-Za-z_]+(/[A-Za-z0-9_+\-]+){1,2})$")


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Person(_Record):
    """A speaker: name without honorific; position and affiliations as written."""

    name: str = Field(min_length=1)
    honorific: str | None = None
    position: str | None = None
    affiliations: list[str] = Field(default_factory=list)
    url: str | None = None


class Reference(_Record):
    """A work cited by the announcement; only `text` is always present."""

    text: str = Field(min_length=1)
    authors: list[str] = Field(default_factory=list)
    title: str | None = None
    venue: str | None = None
    year: int | None = Field(default=None, ge=1500, le=2200)
    doi: str | None = None
    arxiv: str | None = None
    url: str | None = None


class Link(_Record):
    """An absolute URL that belongs to one talk."""

    url: str
    label: str | None = None
    kind: LinkKind = "other"

    @field_validator("url")
    @classmethod
    def _absolute(cls, v: str) -> str:
        if not re.match(r"^https?://[^\s/]+", v):
            raise ValueError(f"not an absolute http(s) URL: {v!r}")
        return v


class SourceRef(_Record):
    """Where a talk was read from: the raw file, its kind and a locator inside it."""

    path: str
    kind: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    locator: str | None = None


class Talk(_Record):
    """One talk. Null means the source does not say; guesses are explained in `warnings`."""

    id: str = Field(pattern=r"^[0-9a-f]{16}$")
    talk_key: str = Field(pattern=r"^[0-9a-f]{16}$",
                          description="shared by the records of the same talk read from different sources")
    title: str | None = None
    speakers: list[Person] = Field(default_factory=list)
    date: dt.date | None = None
    start: str | None = None
    end: str | None = None
    timezone: str | None = None
    location: str | None = None
    abstract: str | None = None
    bio: str | None = None
    references: list[Reference] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    series: str | None = None
    hosts: list[str] = Field(default_factory=list)
    slides: list[str] = Field(default_factory=list)
    sources: list[SourceRef] = Field(min_length=1)
    warnings: list[str] = Field(default_factory=list)

    @field_validator("start", "end")
    @classmethod
    def _iso_datetime(cls, v: str | None) -> str | None:
        if v is None:
            return v
        try:
            dt.datetime.fromisoformat(v)
        except ValueError as e:
            raise ValueError(f"not an ISO 8601 date-time: {v!r}") from e
        return v

    @field_validator("timezone")
    @classmethod
    def _iana(cls, v: str | None) -> str | None:
        if v is not None and not _IANA.match(v):
            raise ValueError(f"not an IANA time zone name: {v!r}")
        return v


class SourceStatus(_Record):
    """One line of sources.jsonl: what happened to one raw file."""

    path: str
    kind: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    status: Status
    error: str | None = None
    talk_ids: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @field_validator("error")
    @classmethod
    def _one_line(cls, v: str | None) -> str | None:
        if v is not None and ("\n" in v or not v.strip()):
            raise ValueError("error must be one non-empty line")
        return v
