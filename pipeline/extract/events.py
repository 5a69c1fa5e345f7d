"""schema.org Events a page declares, as talk fields: exactly what the page states.

`name` is the title, `performer` the speakers (with `affiliation`), `startDate`/`endDate`
the date and times with their declared offset, `location` the place, `description` the
abstract, `url` a link, `organizer` the hosts and `superEvent` the series. Nothing is taken
from the visible text of such a page, so the record never mixes two sources of truth. A
time zone is named only when the declared place is a known city whose offset on that date
matches the declared one.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from zoneinfo import ZoneInfo

from pipeline.models import Person
from pipeline.normalize.people import split_honorific
from pipeline.normalize.references import absolute_url, make_link
from pipeline.normalize.text import clean_inline, is_placeholder, reflow
from pipeline.normalize.zones import find_city_zone


def _text(v: Any) -> str | None:
    if isinstance(v, list):
        v = v[0] if v else None
    if isinstance(v, dict):
        v = v.get("name") or v.get("@value")
    if isinstance(v, bool):
        return None  # 'true' / 'false' where a text should be says nothing
    t = clean_inline(str(v)) if v not in (None, "") else None
    return None if t is None or is_placeholder(t) else t


def _list(v: Any) -> list:
    return v if isinstance(v, list) else ([] if v is None else [v])


def _person(v: Any, base: str | None) -> Person | None:
    if not isinstance(v, (str, dict)):
        return None  # a number or null where a performer should be names nobody
    name = _text(v)
    if not name or not re.search(r"[^\W\d_]", name):
        return None
    name, honorific = split_honorific(name)
    p = Person(name=name, honorific=honorific)
    if isinstance(v, dict):
        p.affiliations = [a for a in (_text(x) for x in _list(v.get("affiliation") or v.get("worksFor"))) if a]
        p.position = _text(v.get("jobTitle"))
        url = _text(v.get("url") or v.get("sameAs"))
        p.url = absolute_url(url, base) if url else None
    return p


def _when(v: Any) -> tuple[dt.date | None, dt.datetime | None]:
    s = _text(v)
    if not s:
        return None, None
    try:
        if "T" in s or " " in s.strip():
            when = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
            return when.date(), when
        return dt.date.fromisoformat(s[:10]), None
    except ValueError:
        return None, None


def _place(v: Any) -> tuple[str | None, str | None]:
    """(location as written, address text for a zone) of a schema.org location."""
    v = _list(v)[0] if _list(v) else None
    if isinstance(v, dict):
        address = v.get("address")
        if isinstance(address, dict):
            address = ", ".join(str(address[k]) for k in ("streetAddress", "addressLocality", "addressRegion",
                                                           "addressCountry") if address.get(k))
        name = _text(v.get("name"))
        return name or _text(address), _text(address) or name
    t = _text(v)
    return t, t


def event_fields(ev: dict, base: str | None) -> dict[str, Any]:
    """One declared event as the field dictionary `finalize` would produce."""
    warnings: list[str] = []
    date, start = _when(ev.get("startDate"))
    _end_date, end = _when(ev.get("endDate"))
    location, address = _place(ev.get("location"))
    zone = None
    if start is not None and start.tzinfo is not None and address:
        cz = find_city_zone(address)
        if cz and ZoneInfo(cz[1]).utcoffset(start.replace(tzinfo=None)) == start.utcoffset():
            zone = cz[1]
            warnings.append(f"time zone {zone} inferred from the event's declared place ({cz[0]})")
    speakers = [p for p in (_person(x, base) for x in _list(ev.get("performer") or ev.get("performers"))) if p]
    url = _text(ev.get("url"))
    links = [make_link(absolute_url(url, base) or url, None)] if url and absolute_url(url, base) else []
    description = ev.get("description")
    return {
        "title": _text(ev.get("name")),
        "speakers": speakers,
        "date": date,
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end and start else None,  # an end alone says nothing of when the talk is
        "timezone": zone,
        "location": location,
        "abstract": reflow(str(description)) if isinstance(description, str) and not is_placeholder(description)
        else None,
        "bio": None,
        "references": [],
        "links": links,
        "series": _text(ev.get("superEvent")),
        "hosts": [n for n in (_text(x) for x in _list(ev.get("organizer"))) if n],
        "warnings": warnings,
        "_origin": "full",
        "_locators": ["schema.org Event"],
    }
