"""The CI gate's ignore file: sources that legitimately yield no talk, each with its reason.

`ingest --check` fails on a source that has no talk or does not parse, because a new file
that silently gives nothing is usually a bug. Some sources really have none (an index page,
a scanned flyer without a text layer); listing them here, with the reason, lets the gate
pass while saying why. The format, one entry per line:

    archive/index.html     # lists past seminars by link only; no talk details
    flyers/*-scan.pdf      # scanned images with no text layer

A pattern is matched against the source's path relative to the input folder (`*`, `?` and
`[...]` as in shell globs; `*` also crosses `/`). The reason after `#` is required.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = ".ingestignore"


class IgnoreFileError(ValueError):
    """The ignore file cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class IgnoreEntry:
    pattern: str
    reason: str
    line: int

    def matches(self, path: str) -> bool:
        return fnmatch.fnmatchcase(path, self.pattern)


def parse_ignore(text: str, name: str = FILE_NAME) -> list[IgnoreEntry]:
    entries = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pattern, sep, reason = line.partition("#")
        pattern, reason = pattern.strip(), reason.strip()
        if not sep or not reason:
            raise IgnoreFileError(f"{name} line {number}: give the reason after '#', e.g. "
                                  f"'{pattern or line}  # index page; lists no talk'")
        entries.append(IgnoreEntry(pattern.removeprefix("./"), reason, number))
    return entries


def load_ignore(path: Path) -> list[IgnoreEntry]:
    """Entries of the ignore file at `path`; none when it does not exist."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as e:
        raise IgnoreFileError(f"{path}: cannot be read ({getattr(e, 'strerror', None) or e})") from e
    return parse_ignore(text, str(path))


def reason_for(entries: list[IgnoreEntry], path: str) -> IgnoreEntry | None:
    return next((e for e in entries if e.matches(path)), None)
