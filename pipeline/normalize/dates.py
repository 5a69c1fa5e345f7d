"""Dates and times as written in announcements.

Numeric dates are read with the day-month order of the document (`infer_order`): a page
that contains 15-09-2020 is day-first, so its 10-11-2020 is 10 November. Textual dates use
the month/weekday tables in data/months.json (several languages); dateparser, restricted to
explicit languages, is the fallback for a labelled date the patterns do not know. Weekdays
are checked against the date. Times and ranges cover `14:00-15:00`, `11:00-1200`, `4-5pm`,
`16h00`, `1pm and 2pm`, `noon-1pm`, `14 Uhr`.
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
_YEAR = r"(?P<year>(?:19|20)\d{2})"  # 1530 after a date is a time, not a year

_NOT_AFTER = r"(?<![\d/.-])"
DATE_PATTERNS = [
    ("iso", re.compile(rf"{_NOT_AFTER}{_WD}(?P<y>\d{{4}})-(?P<a>\d{{1,2}})-(?P<b>\d{{1,2}})(?![\d/])", re.I)),
    ("num", re.compile(rf"{_NOT_AFTER}{_WD}(?P<a>\d{{1,2}})(?P<s>[./-])(?P<b>\d{{1,2}})(?P=s)"
                       rf"(?P<y>\d{{4}}|\d{{2}})(?![\d/]|\.\d)", re.I)),
    ("dmy", re.compile(rf"(?<![\w]){_WD}(?:le\s+|den\s+|the\s+)?{_DAY}\s*(?:of\s+|de\s+)?{_MONTH}(?![a-zé])"
                       rf"(?:,?\s*(?:de\s+|del\s+)?{_YEAR}(?!\d))?", re.I)),
    ("mdy", re.compile(rf"(?<![\w]){_WD}{_MONTH}(?![a-zé])\s*{_DAY}(?![\d:])(?:,?\s*{_YEAR}(?!\d))?", re.I)),
    # bare month/day ('Tuesday 9/3') and German day.month. ('Di, 24.11.'): only next to a weekday
    ("md", re.compile(rf"(?<![\w]){_WD}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})(?![\d/])", re.I)),
    ("dm", re.compile(rf"(?<![\w]){_WD}(?P<a>\d{{1,2}})\.(?P<b>\d{{1,2}})\.(?![\d.])", re.I)),
]
_PATTERN = dict(DATE_PATTERNS)


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
    matches = [(m, True) for m in _PATTERN["num"].finditer(text)]
    # bare 'Tuesday 9/22' counts too (a weekday makes it a date, not a fraction)
    matches += [(m, False) for m in _PATTERN["md"].finditer(text) if m.group("wd")]
    for m, has_year in matches:
        a, b = int(m.group("a")), int(m.group("b"))
        if a > 12 >= b:
            dmy += 1
        elif b > 12 >= a:
            mdy += 1
        elif has_year and m.group("wd") and a != b:
            order = _weekday_order(a, b, _year(m.group("y")), WEEKDAYS[m.group("wd").lower()])
            if order == "DMY":
                dmy += 1
            elif order == "MDY":
                mdy += 1
    if dmy > mdy:
        return "DMY"
    if mdy > dmy:
        return "MDY"
    return None


def _weekday_order(a: int, b: int, year: int, weekday: int) -> str | None:
    """The reading of the ambiguous a/b/year whose weekday is `weekday`, if exactly one fits."""
    fits = []
    for order, (d, mo) in (("DMY", (a, b)), ("MDY", (b, a))):
        try:
            if dt.date(year, mo, d).isoweekday() == weekday:
                fits.append(order)
        except ValueError:
            pass
    return fits[0] if len(fits) == 1 else None


def _year(y: str) -> int:
    n = int(y)
    return n + 2000 if n < 100 and len(y) == 2 else n


_DIGIT_DASH = re.compile(r"(?<=\d)[‐‑‒–—](?=\d)")


def find_dates(text: str, order: str | None = None, default_year: int | None = None,
               allow_bare_md: bool = False) -> list[DateMatch]:
    """All dates in `text`, left to right, without overlaps.

    `order` is the document's numeric order ('DMY', 'MDY' or None = day-first unless the
    separator is '/', the US habit); `default_year` fills a date written without a year.
    """
    text = _DIGIT_DASH.sub("-", text)  # '2024–07–02' (en dashes from typesetting); same length, spans stay valid
    found: list[DateMatch] = []
    taken = bytearray(len(text))  # 1 where an earlier pattern's date lies (a list of spans is quadratic)
    for kind, rx in DATE_PATTERNS:
        if kind in ("md", "dm") and not allow_bare_md:
            continue
        for m in rx.finditer(text):
            if any(taken[m.start():m.end()]):
                continue
            if kind in ("md", "dm") and not m.group("wd"):
                continue
            dm = _to_date(kind, m, order, default_year)
            if dm:
                found.append(dm)
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    found.sort(key=lambda d: d.start)
    return found


def _to_date(kind: str, m: re.Match, order: str | None, default_year: int | None) -> DateMatch | None:
    warnings: list[str] = []
    year_given = True
    wd = WEEKDAYS.get((m.group("wd") or "").lower()) if m.group("wd") else None
    try:
        if kind == "iso":
            y, mo, d = int(m.group("y")), int(m.group("a")), int(m.group("b"))
        elif kind == "dm":
            y, d, mo = None, int(m.group("a")), int(m.group("b"))
        elif kind in ("num", "md"):
            a, b = int(m.group("a")), int(m.group("b"))
            y = _year(m.group("y")) if kind == "num" else None
            sep = m.group("s") if kind == "num" else "/"
            o = order or ("MDY" if sep == "/" else "DMY")
            by_weekday = None
            if a > 12 >= b:
                o = "DMY"
            elif b > 12 >= a:
                o = "MDY"
            elif order is None and wd is not None and y is not None and a != b:
                # no page order: the weekday written next to it decides ('Friday, 06/11/2020')
                by_weekday = _weekday_order(a, b, y, wd)
                o = by_weekday or o
            d, mo = (a, b) if o == "DMY" else (b, a)
            if order is None and a <= 12 and b <= 12 and a != b:
                how = "day-month" if o == "DMY" else "month-day"
                why = " (the weekday fits only that)" if by_weekday else ""
                warnings.append(f"ambiguous date {m.group(0).strip()!r} read as {how}{why}")
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
_NOON = r"(?:12\s*)?\b(?:noon|midday)\b"


def _clock(n: int, compact: bool = False) -> str:
    """One clock time: 'noon', '14', '14:00', '14.00', '14h', '16h00', '4 pm' (and '1200' if compact)."""
    c = rf"|(?P<c{n}>\d{{2}})" if compact else ""
    return (rf"(?:(?P<noon{n}>{_NOON})|(?P<h{n}>\d{{1,2}})(?:(?P<s{n}>[:.hH])(?P<m{n}>\d{{2}})?{c})?"
            rf"\s*(?P<ap{n}>{_AP})?)")


_RANGE = re.compile(r"(?<![\d/.:-])" + _clock(1) + r"(?:\s*(?:hrs?|uhr|h)\b)?\s*"
                    r"(?:-|–|—|to|and|until|till|bis|à|a)\s*"
                    + _clock(2, compact=True) + r"(?![\d/])(?:\s*(?:hrs?|uhr)\b)?", re.I)
_SINGLE = re.compile(r"(?<![\d/.:-])" + _clock(1) + r"(?P<suf1>\s*(?:hrs?|uhr)\b)?(?![\d/]|[.-]\d)", re.I)


@dataclass
class TimeRange:
    """A start (and maybe end) wall-clock time; `warnings` say when am/pm was inferred."""

    start: dt.time
    end: dt.time | None
    span: tuple[int, int]
    warnings: tuple[str, ...] = ()


def _hm(m: re.Match, n: int) -> tuple[int, int, str | None, bool]:
    """(hour, minutes, 'a'/'p'/None, written like a clock time) of clock `n` in a match."""
    if m.group(f"noon{n}"):
        return 12, 0, "p", True
    h = int(m.group(f"h{n}"))
    mins = m.group(f"m{n}") or (m.groupdict().get(f"c{n}")) or "0"
    ap = m.group(f"ap{n}")
    ap = ap.lower().replace(".", "").replace(" ", "")[0] if ap else None
    explicit = bool(m.group(f"s{n}") or ap or m.groupdict().get(f"c{n}"))
    return h, int(mins), ap, explicit


def _valid(h: int, mins: int) -> bool:
    """A wall-clock hour and minute ('24:00' is midnight, '24.11' is not a time)."""
    return mins <= 59 and (h <= 23 or (h == 24 and mins == 0))


def _span(m: re.Match) -> tuple[int, int]:
    """Where the time was written, without the blanks the optional am/pm part swallowed."""
    return m.start(), m.start() + len(m.group(0).rstrip())


def _to24(h: int, ap: str | None) -> int:
    if ap == "p" and h < 12:
        return h + 12
    if ap == "a" and h == 12:
        return 0
    return h


def find_time(text: str) -> TimeRange | None:
    """The first time range in `text`, else its first clock time.

    Dates ('15.09.2020', '2020-11-24', 'Di 24.11.') are not times. Without am/pm, hours 1-7 are
    read as afternoon (with a warning); a bare dotted '2.14' (a room, a section) is taken only
    when the text has no clearer time.
    """
    for m in _RANGE.finditer(text):
        h1, m1, ap1, e1 = _hm(m, 1)
        h2, m2, ap2, e2 = _hm(m, 2)
        if not (e1 or e2) or not _valid(h1, m1) or not _valid(h2, m2):
            continue
        if m.group("s1") and m.group("s1") in ".-" and not m.group("m1"):
            continue
        if ap2 and not ap1:
            # '4-5pm' is afternoon; '11-12pm' starts in the morning
            ap1 = ap2 if _to24(h1, ap2) <= _to24(h2, ap2) else ("a" if ap2 == "p" else "p")
        s, e = _to24(h1, ap1), _to24(h2, ap2 or ap1)
        warnings: list[str] = []
        if not ap1 and not ap2:
            if 1 <= h1 <= 7 and (h2 <= 8 or h2 < h1):
                s, e = h1 + 12, h2 + 12 if h2 <= 8 else h2
                warnings.append(f"time '{m.group(0).strip()}' has no am/pm; read as afternoon")
            elif 1 <= h2 < h1 < h2 + 12:
                # '12:00-1:00', '11:00-1:00': the end is past noon
                e = h2 + 12
                warnings.append(f"time '{m.group(0).strip()}' has no am/pm; end read as afternoon")
        return TimeRange(dt.time(s % 24, m1), dt.time(e % 24, m2), _span(m), tuple(warnings))
    weak: TimeRange | None = None
    for m in _SINGLE.finditer(text):
        h, mi, ap, _ = _hm(m, 1)
        sep = (m.group("s1") or "").lower()
        suffix = (m.group("suf1") or "").strip().lower()
        if not _valid(h, mi):
            continue
        if not (ap or m.group("noon1") or (sep and m.group("m1")) or sep == "h" or suffix == "uhr"):
            continue
        if sep == "h" and not ap and h < 8:
            continue  # '2h', '1h30': a duration, not a 24-hour clock time
        if sep == "." and not ap and not suffix and text[m.end():m.end() + 1] == "." and 1 <= mi <= 12:
            continue  # '24.11.' / '1.12.' is a day and month
        s = _to24(h, ap)
        warnings = []
        if not ap and 1 <= h <= 7:
            s = h + 12
            warnings.append(f"time '{m.group(0).strip()}' has no am/pm; read as afternoon")
        tr = TimeRange(dt.time(s % 24, mi), None, _span(m), tuple(warnings))
        if sep == "." and not ap and not suffix:
            weak = weak or tr
            continue
        return tr
    return weak


def year_hints(text: str) -> list[int]:
    """Four-digit years mentioned in `text` (headings, titles, subject lines)."""
    return [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", text)]
