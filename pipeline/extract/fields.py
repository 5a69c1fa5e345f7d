"""From a candidate's raw field texts to normalised talk fields (with warnings)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pipeline.document import InlineLink
from pipeline.extract.candidate import Candidate
from pipeline.extract.context import PageContext
from pipeline.models import Link, Person, Reference
from pipeline.normalize.dates import DateMatch, find_dates, find_time, parse_date_fallback
from pipeline.normalize.people import name_list, parse_people, position_of, split_honorific
from pipeline.normalize.references import absolute_url, make_link, parse_reference
from pipeline.normalize.text import clean_inline, is_placeholder, reflow
from pipeline.normalize.zones import find_city_zone, find_zone_label, label_contradiction, localize


def clean_title(text: str | None) -> str | None:
    t = clean_inline(text)
    if not t:
        return None
    t = re.sub(r"^(?:title|titre|titel|talk title)\s*[:：]\s*", "", t, flags=re.I)
    q = re.fullmatch(r"[\"“”„«'‘]\s*(.+?)\s*[\"”“»'’]\.?", t)
    if q:
        t = q.group(1)
    t = re.sub(r"\s*[(\[](pdf|slides|video|html|link)[)\]]$", "", t, flags=re.I)
    t = re.sub(r"(?<![A-Z.])\.$", "", t).strip()
    if is_placeholder(t) or not re.search(r"[^\W\d_]", t):
        return None
    return t


def pick_date(c: Candidate, ctx: PageContext) -> tuple[dt.date | None, list[str]]:
    """The talk date from its date texts; a missing year comes from the page, with a warning."""
    warnings: list[str] = []
    for text in c.date_texts:
        found = find_dates(text, ctx.order, None, allow_bare_md=True)
        if not found and ctx.year:
            found = _with_context_year(text, ctx)
        if found:
            d: DateMatch = found[0]
            warnings.extend(d.warnings)
            if not d.year_given:
                warnings.append(f"the year of '{text[d.start:d.end].strip()}' is not written; "
                                f"took {d.date.year} from the page")
            return d.date, warnings
        fb = parse_date_fallback(text)
        if fb:
            return fb, warnings
    return None, warnings


def _with_context_year(text: str, ctx: PageContext) -> list[DateMatch]:
    """Dates without a year: try the page's year (and its neighbours) so the weekday fits."""
    best: list[DateMatch] = []
    for y in (ctx.year, ctx.year + 1, ctx.year - 1):
        found = find_dates(text, ctx.order, y, allow_bare_md=True)
        if not found:
            continue
        if not best:
            best = found
        if found[0].weekday is None or not any("weekday" in w for w in found[0].warnings):
            return found
    return best


def pick_time(c: Candidate, ctx: PageContext) -> tuple[dt.time | None, dt.time | None, str | None, list[str]]:
    """(start, end, text the time came from, warnings); the series default when the talk has none."""
    for text in c.time_texts:
        tr = find_time(text)
        if tr:
            return tr.start, tr.end, text, list(tr.warnings)
    if ctx.default_time and (c.date_texts):
        tr = find_time(ctx.default_time)
        if tr:
            return tr.start, tr.end, ctx.default_time, list(tr.warnings) + [
                "start time taken from the series' usual time stated on the page"]
    return None, None, None, []


def pick_zone(c: Candidate, ctx: PageContext, time_text: str | None, location: str | None,
              date: dt.date | None, start: dt.time | None, speakers: list[Person] = ()) -> tuple[str | None, list[str]]:
    warnings: list[str] = []
    label = None
    for text in [time_text or ""] + c.time_texts + c.date_texts:
        label = find_zone_label(text)
        if label:
            break
    if label is None and ctx.zone is not None:
        label = ctx.zone
    if label is not None:
        if date:
            w = label_contradiction(label, date, start)
            if w:
                warnings.append(w)
        return label.zone, warnings
    if location:
        cz = find_city_zone(location, _not_here(ctx))
        if cz:
            return cz[1], [f"time zone {cz[1]} inferred from the venue ({cz[0]})"]
    # the speaker's home institution ('Georgetown University' under the name) is not the venue
    said_of_speaker = [c.affiliation or ""] + [t for t, _s, _l in c.speaker_lines] + \
        [a for p in speakers for a in p.affiliations]
    said = {(clean_inline(t) or "").casefold() for t in said_of_speaker}
    for city, zone, line in ctx.venues:
        if (clean_inline(line) or "").casefold() not in said:
            return zone, [f"time zone {zone} inferred from the page's venue ({city})"]
    if ctx.host:
        name, zone = ctx.host
        return zone, [f"time zone {zone} inferred from the host institution the page names ({name})"]
    return None, warnings


INSTITUTION = re.compile(r"\b(universit\w*|institut\w*|college|school|laborator\w*|centre|center|centrum|cnrs|inria|"
                         r"department|dept\.?|faculty|academy|hochschule|école|ecole|research|lab|inc|gmbh|"
                         r"corporation|corp|ltd|llc|plc|collaboration|consortium|experiment|observatory|cern|"
                         r"desy)\b", re.I)
VENUE_WORDS = re.compile(r"\b(room|rm\.?|hall|building|bldg\.?|auditorium|lecture theat(re|er)|theat(re|er)|salle|"
                         r"amphi\w*|hörsaal|raum|seminarraum|campus|office|street|avenue|road|platz)\b|"
                         r"\w(straße|strasse|str\.|weg|gasse|allee)\s*\d", re.I)
ROOM_CODE = re.compile(r"^(?:[A-Z][\w.'-]*\s+){0,3}#?\d+[\w./-]*$")


def _room_left_over(text: str) -> str | None:
    """'Mittwoch, 4. September 2013, 10:00 Uhr, 2004/L1' -> '2004/L1': a room written after the date and time."""
    ds = find_dates(text, None, 2000, allow_bare_md=True)
    if not ds:
        return None
    rest = text[: ds[0].start] + " " + text[ds[0].end:]
    tr = find_time(rest)
    if tr:
        rest = rest[: tr.span[0]] + " " + rest[tr.span[1]:]
    rest = re.sub(r"^[\s,;:|–-]+|[\s,;:|–-]+$", "", re.sub(r"\s+", " ", rest))
    rest = re.sub(r"^(?:in|at|im|à|en)\s+", "", rest, flags=re.I)
    if rest and (ROOM_CODE.match(rest) or (VENUE_WORDS.search(rest) and len(rest) < 60)):
        return rest
    return None


def _not_here(ctx: PageContext) -> frozenset[str]:
    """Countries a page cannot be in: day-first numeric dates are never written in the US."""
    return frozenset({"US"}) if ctx.order == "DMY" else frozenset()


def _links(links: list[InlineLink], base: str | None, exclude_text: set[str] | None = None) -> list[Link]:
    out: list[Link] = []
    seen: set[str] = set()
    for lk in links:
        url = absolute_url(lk.url, base)
        if not url or url in seen:
            continue
        if re.search(r"^https?://(www\.)?(mailscanner\.info)", url):
            continue
        seen.add(url)
        out.append(make_link(url, lk.text))
    return out


def _abstract(lines: list[str]) -> str | None:
    if not lines:
        return None
    text = reflow("\n".join(lines))
    text = re.sub(r"\s*(References|Refs|Bibliography)\s*:\s*$", "", text, flags=re.I).strip()
    if not text or is_placeholder(text):
        return None
    return text


def finalize(c: Candidate, ctx: PageContext) -> dict[str, Any]:
    """Normalised fields of one talk, plus the warnings raised on the way."""
    warnings = list(c.warnings)
    title = clean_title(c.title)
    speakers: list[Person] = list(c.people)
    for text, strong, links in c.speaker_lines:
        for p in parse_people(text, strong):
            if not p.url:
                for lk in links:
                    if split_honorific(clean_inline(lk.text) or "")[0] == p.name:
                        p.url = absolute_url(lk.url, ctx.base_url)
            speakers.append(p)
    if c.affiliation and speakers and not speakers[0].affiliations:
        aff = clean_inline(c.affiliation)
        if aff and not is_placeholder(aff):
            speakers[0].affiliations = [aff]
    date, w = pick_date(c, ctx)
    warnings += w
    start_t, end_t, time_text, w = pick_time(c, ctx)
    warnings += w
    location = clean_inline(c.location)
    if location:
        location = re.sub(r"(?<=\w)\.$", "", location)  # 'salle 314.' ends a sentence, not the room
        # 'Zoom; Outside guests please RSVP by emailing X': the place ends before the sentence
        parts = re.split(r"\s*;\s+|\.\s+(?=[A-Z])", location, maxsplit=1)
        if len(parts) == 2 and len(parts[1].split()) >= 4 and re.search(
                r"\b(please|rsvp|register\w*|contact|e-?mail\w*|join|click|note|link|guests?|ask)\b", parts[1], re.I):
            location = parts[0]
    if location and (is_placeholder(location) or re.fullmatch(r"https?://\S+", location)):
        location = "Online" if location and location.startswith("http") else None
    if location is None and c.date_texts:
        location = _room_left_over(c.date_texts[0])
    if location is None and ctx.default_location and (date or c.origin != "full"):
        location = ctx.default_location
        warnings.append(f"location '{location}' taken from the series' usual venue stated on the page")
    abstract = _abstract(c.abstract)
    bio = _abstract(c.bio)
    if bio and len(speakers) == 1:
        _role_from_bio(speakers[0], bio)
    zone, w = pick_zone(c, ctx, time_text, location, date, start_t, speakers)
    warnings += w
    start = end = None
    if date and start_t:
        start = localize(date, start_t, zone)
        end = localize(date, end_t, zone) if end_t else None
        if not zone:
            warnings.append("time given but no time zone could be determined; written without offset")
    elif start_t and not date:
        warnings.append("a time is given but no date; start left empty")
    refs: list[Reference] = []
    for text, url in c.references:
        r = parse_reference(text, absolute_url(url, ctx.base_url) if url else None)
        if r:
            refs.append(r)
    links = _links(c.links, ctx.base_url)
    for lk in links:
        if lk.kind == "paper" and not any(r.url == lk.url or (r.doi and r.doi in lk.url) for r in refs):
            r = parse_reference(f"{lk.label} ({lk.url})" if lk.label and lk.label != lk.url else lk.url, lk.url)
            if r:
                refs.append(r)
        if any(lk.url == s.url for s in speakers):
            lk.kind = "speaker"
    hosts = [name for h in c.hosts for name in name_list(h)]
    return {
        "title": title,
        "speakers": speakers,
        "date": date,
        "start": start,
        "end": end,
        "timezone": zone if (start or zone and date) else None,
        "location": location,
        "abstract": abstract,
        "bio": bio,
        "references": refs,
        "links": links,
        "series": clean_inline(c.series) or ctx.series,
        "hosts": hosts or list(ctx.hosts),
        "warnings": warnings,
    }


_BIO_ROLE = re.compile(r"^(?:[A-Z][a-z]{0,3}\.\s|[^.]){0,80}?\b(?:is|was)\s+(?:currently\s+)?(?:an?|the)\s+"
                       r"(?P<pos>[^.,]{3,60}?)"
                       r"(?:\s+of\s+[^.,]{2,60}?)?\s+(?:at|in)\s+(?:the\s+)?(?P<aff>[A-Z][^.,;]{2,80}?)(?=\s+(?:where|and|in|since|,)|[.,;])")


def _role_from_bio(person: Person, bio: str) -> None:
    """'X is an Assistant Professor of CS at the University of Iowa' fills an empty position/affiliation."""
    m = _BIO_ROLE.match(bio)
    if not m:
        return
    pos, _ = position_of(m.group("pos"))
    if not pos:
        return
    if person.position is None:
        person.position = pos
    if not person.affiliations:
        person.affiliations = [m.group("aff").strip()]


