"""Dates and times as written in announcements.

Numeric dates are read with the day-month order of the document (`infer_order`): a page
that contains 15-09-2020 is day-first, so its 10-11-2020 is 10 November. Textual dates use
the month/weekday tables in data/months.json (several languages); dateparser, restricted to
explicit languages, is the fallback for a labelled date the patterns do not know. Weekdays
are checked against the date. Times and ranges cover `14:00-15:00`, `11:00-1200`, `4-5pm`,
`16h00`, `1pm and 2pm`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.data import load

_M = load("months.json")
MONTHS: dict[str, int] = {k: v for lang in _M["months"].values() for k, v in lang.items()}
WEEKDAYS: dict[str, int] = {k: v for lang in _M["weekdays"].values() for k, v in lang.items()}
SEMESTERS: dict[str, list[int]] = _M["semesters"]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<mon>{_alt(MONTHS)})\.?"
_WD = rf"(?:(?P<wd>{_alt(WEEKDAYS)})\.?,?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|e|\.)?"
_YEAR = r"(?P<year>\d{4})"

DATE_PATTERNS = [
    ("iso", re.compile(rf"(?<![\d/.-]){_WD}(?P<y>\d{{4}})-(?P<a>\d{{1,2}})-(?P<b>\d{{1,2}})(?![\d/])", re.I)),
    ("num", re.compile(rf"(?<![\d/.-]){_WD}(?P<a>\d{{1,2}})(?P<s>[./-])(?P<b>\d{{1,2}})(?P=s)(?P<y>\d{{4}}|\d{{2}})(?![\d/]|\.\d)",
                       re.I)),
    ("dmy", re.compile(rf"(?<![\w]){_WD}(?:le\s+|den\s+|the\s+)?{_DAY}\s*(?:of\s+|de\s+)?{_MONTH}(?![a-zé])(?:,?\s*{_YEAR})?",
                       re.I)),
    ("mdy", re.compile(rf"(?<![\w]){_WD}{_MONTH}(?![a-zé])\s*{_DAY}(?![\d:])(?:,?\s*{_YEAR})?", re.I)),
    ("md", re.compile(rf"(?<![\w]){_WD}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![\d/])", re.I)),
]


@dataclass
class DateMatch:
    """A date found in text: the value, where it was, and what had to be assumed."""

    date: dt.date
    start: int
    end: int
    year_given: bool = True
    weekday: int | None = None
    warnings: tuple[str, ...] = ()


def infer_order(text: str) -> str | None:
    """'DMY' or 'MDY' from a document's numeric dates (a field above 12 decides).

    When no date decides, weekdays written next to ambiguous dates vote; None if nothing
    tells.
    """
    dmy = mdy = 0
    for m in DATE_PATTERNS[1][1].finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
        elif m.group("wd") and a <= 12 and b <= 12:
            y = _year(m.group("y"))
            wd = WEEKDAYS[m.group("wd").lower()]
            for order, (d, mo) in (("DMY", (a, b)), ("MDY", (b, a))):
                try:
                    if dt.date(y, mo, d).isoweekday() == wd:
                        if order == "DMY":
                            dmy += 1
                        else:
                            mdy += 1
                except ValueError:
                    pass
    if dmy > mdy:
        return "DMY"
    if mdy > dmy:
        return "MDY"
    return None


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if n < 100 and len(y) == 2 else n


def find_dates(text: str, order: str | None = None, default_year: int | None = None,
               allow_bare_md: bool = False) -> list[DateMatch]:
    """All dates in `text`, left to right, without overlaps.

    `order` is the document's numeric order ('DMY', 'MDY' or None = day-first unless the
    separator is '/', the US habit); `default_year` fills a date written without a year.
    """
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in DATE_PATTERNS:
        if kind == "md" and not allow_bare_md:
            continue
        for m in rx.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            if kind == "md" and not m.group("wd"):
                continue
            dm = _to_date(kind, m, order, default_year)
            if dm:
                found.append(dm)
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def _to_date(kind: str, m: re.Match, order: str | None, default_year: int | None) -> DateMatch | None:
    warnings: list[str] = []
    year_given = True
    wd = WEEKDAYS.get((m.group("wd") or "").lower()) if m.group("wd") else None
    try:
        if kind == "iso":
            y, mo, d = int(m.group("y")), int(m.group("a")), int(m.group("b"))
        elif kind in ("num", "md"):
            a, b = int(m.group("a")), int(m.group("b"))
            y = _year(m.group("y")) if kind == "num" else None
            sep = m.group("s") if kind == "num" else "/"
            o = order or ("MDY" if sep == "/" else "DMY")
            if a > 12 >= b:
                o = "DMY"
            elif b > 12 >= a:
                o = "MDY"
            d, mo = (a, b) if o == "DMY" else (b, a)
            if order is None and a <= 12 and b <= 12 and a != b:
                warnings.append(f"ambiguous date {m.group(0).strip()!r} read as {'day-month' if o == 'DMY' else 'month-day'}")
        else:
            mo = MONTHS[m.group("mon").lower().rstrip(".")]
            d = int(m.group("day"))
            y = int(m.group("year")) if m.group("year") else None
        if y is None:
            if default_year is None:
                return None
            y, year_given = default_year, False
        date = dt.date(y, mo, d)
    except (ValueError, KeyError):
        return None
    if not 1900 <= date.year <= 2100:
        return None
    if wd is not None and date.isoweekday() != wd:
        warnings.append(f"{m.group(0).strip()!r}: the weekday does not match {date.isoformat()} "
                        f"(a {date.strftime('%A')})")
    return DateMatch(date, m.start(), m.end(), year_given, wd, tuple(warnings))


def parse_date_fallback(text: str, languages: tuple[str, ...] = ("en", "fr", "de")) -> dt.date | None:
    """dateparser with explicit languages, for a labelled date the patterns missed."""
    return _dateparser(text.strip()[:80], languages)


@lru_cache(maxsize=512)
def _dateparser(text: str, languages: tuple[str, ...]) -> dt.date | None:
    import dateparser

    if not re.search(r"\d", text):
        return None
    try:
        res = dateparser.parse(text, languages=list(languages),
                               settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True,
                                         "RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return res.date() if res else None


# ---------------------------------------------------------------- times
_AP = r"(?:[ap]\.?\s?m\b\.?)"
_T = r"(?P<h{n}>\d{{1,2}})(?:(?P<s{n}>[:.hH])(?P<m{n}>\d{{2}})?|(?P<c{n}>\d{{2}}))?\s*(?P<ap{n}>" + _AP + r")?"
_T1 = r"(?P<h1>\d{1,2})(?:(?P<s1>[:.hH])(?P<m1>\d{2})?)?\s*(?P<ap1>" + _AP + r")?"
_RANGE = re.compile(r"(?<![\d/.:-])" + _T1 + r"(?:\s*(?:hrs?|uhr|h)\b)?\s*(?:-|–|—|to|and|until|till|bis|à|a)\s*"
                    + _T.format(n=2) + r"(?![\d/])(?:\s*(?:hrs?|uhr)\b)?", re.I)
_SINGLE = re.compile(r"(?<![\d/.:-])(?P<h1>\d{1,2})(?:(?P<s1>[:.hH])(?P<m1>\d{2})?)?\s*(?P<ap1>" + _AP
                     + r")?(?:\s*(?:hrs?|uhr)\b)?(?![\d/]|[.-]\d)", re.I)


@dataclass
class TimeRange:
    """A start (and maybe end) wall-clock time; `assumed_pm` when am/pm was inferred."""

    start: dt.time
    end: dt.time | None
    span: tuple[int, int]
    warnings: tuple[str, ...] = ()


def _hm(m: re.Match, n: int) -> tuple[int, int, str | None, bool]:
    h = int(m.group(f"h{n}"))
    mins = m.group(f"m{n}") or (m.groupdict().get(f"c{n}")) or "0"
    ap = m.group(f"ap{n}")
    ap = ap.lower().replace(".", "").replace(" ", "")[0] if ap else None
    explicit = bool(m.group(f"s{n}") or ap or m.groupdict().get(f"c{n}"))
    return h, int(mins), ap, explicit


def _to24(h: int, ap: str | None) -> int:
    if ap == "p" and h < 12:
        return h + 12
    if ap == "a" and h == 12:
        return 0
    return h


def find_time(text: str) -> TimeRange | None:
    """The first time or time range in `text`."""
    warnings: list[str] = []
    for m in _RANGE.finditer(text):
        h1, m1, ap1, e1 = _hm(m, 1)
        h2, m2, ap2, e2 = _hm(m, 2)
        if not (e1 or e2) or h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59:
            continue
        if m.group("s1") and m.group("s1") in ".-" and not m.group("m1"):
            continue
        if ap2 and not ap1:
            # '4-5pm' is afternoon; '11-12pm' starts in the morning
            ap1 = ap2 if _to24(h1, ap2) <= _to24(h2, ap2) else ("a" if ap2 == "p" else "p")
        s, e = _to24(h1, ap1), _to24(h2, ap2 or ap1)
        if not ap1 and not ap2 and 1 <= h1 <= 7 and (h2 <= 8 or h2 < h1):
            s, e = h1 + 12, h2 + 12 if h2 <= 8 else h2
            warnings.append(f"time '{m.group(0).strip()}' has no am/pm; read as afternoon")
        try:
            return TimeRange(dt.time(s % 24, m1), dt.time(e % 24, m2), (m.start(), m.end()), tuple(warnings))
        except ValueError:
            continue
    for m in _SINGLE.finditer(text):
        h, mi, ap, _ = _hm(m, 1)
        sep = m.group("s1")
        if not (ap or (sep and m.group("m1")) or (sep and sep in "hH")):
            continue
        if h > 24 or mi > 59:
            continue
        s = _to24(h, ap)
        if not ap and 1 <= h <= 7:
            s = h + 12
            warnings.append(f"time '{m.group(0).strip()}' has no am/pm; read as afternoon")
        try:
            return TimeRange(dt.time(s % 24, mi), None, (m.start(), m.end()), tuple(warnings))
        except ValueError:
            continue
    return None


def year_hints(text: str) -> list[int]:
    """Four-digit years mentioned in `text` (headings, titles, subject lines)."""
    return [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)]
