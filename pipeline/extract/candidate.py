"""A talk candidate: raw field texts gathered by the segmenter, before normalisation."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.document import InlineLink
from pipeline.models import Person


@dataclass
class Candidate:
    """Field texts of one talk as found in a document; `finalize` turns it into values.

    `origin` says how it was found: 'full' (a described talk), 'schedule' (one line of a
    list of talks), 'row' (a table row).
    """

    origin: str = "full"
    locator: str | None = None
    title: str | None = None
    title_sure: bool = False  # from a 'Title:' label or a 'Name: Title' line, not a guess from position
    speaker_lines: list[tuple[str, list[str], list[InlineLink]]] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    date_texts: list[str] = field(default_factory=list)
    time_texts: list[str] = field(default_factory=list)
    location: str | None = None
    abstract: list[str] = field(default_factory=list)
    bio: list[str] = field(default_factory=list)
    references: list[tuple[str, str | None]] = field(default_factory=list)
    links: list[InlineLink] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)
    series: str | None = None
    affiliation: str | None = None
    context: str | None = None  # 'upcoming', 'past', 'schedule' section the talk sits in
    warnings: list[str] = field(default_factory=list)

    def has(self, f: str) -> bool:
        return {
            "title": self.title is not None,
            "speaker": bool(self.speaker_lines or self.people),
            "date": bool(self.date_texts),
            "abstract": bool(self.abstract),
        }.get(f, False)

    @property
    def substantial(self) -> bool:
        """Worth a record: names a speaker or a title (a date alone is not a talk)."""
        return bool(self.title or self.speaker_lines or self.people)
