"""Page-level facts that apply to every talk of a document.

The date order of numeric dates, the year of the page (for dates written without one),
the series name, its hosts, and series defaults stated once ("talks are on Tuesdays at
4:00-5:00pm in Adel Room 164", "each talk is between 1pm and 2pm EDT").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.document import Document
from pipeline.extract.lines import Line
from pipeline.normalize.dates import SEMESTERS, find_time, infer_order, year_hints
from pipeline.normalize.people import looks_like_name, name_list
from pipeline.normalize.text import clean_inline
from pipeline.normalize.zones import ZoneLabel, find_city_zone, find_institution_zone, find_zone_label

SERIES_WORDS = r"(?:colloquium|colloquia|\w*seminar(?:s|e)?|lecture series|lectures|series|talks|symposium|workshop|" \
               r"\w*kolloquium|séminaire|seminario|forum|journal club|reading group|lunch|webinar)"
_SERIES_RX = re.compile(rf"\b{SERIES_WORDS}\b", re.I)
_BARE_SERIES = re.compile(rf"\b{SERIES_WORDS.replace(chr(92) + 'w*', '')}\b", re.I)
_SERIES_INSIDE = re.compile(r"^\S.*?\s(?:im|beim|in der|in the|at the|of the)\s+"
                            r"((?:[A-Z]\S*\s+){0,3}\w*(?i:seminar|kolloquium|colloquium)\w*(?:\s+\S+){0,3})$")
_SERIES_IN_TEXT = re.compile(
    rf"\b(?:the|our)\s+((?:[A-Z0-9][\w&+'-]*\s+){{0,5}}(?:[A-Z]\w*\s+)?{SERIES_WORDS[3:-1]}"
    rf"(?:\s+(?:on|in|of)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}})?)\s+(?:is|are|was|will|brings|hosts|invites)\b")
_SERIES_NAMED = re.compile(r"\b(?:the|our)\s+(?:(?:bi-?)?weekly|monthly|regular|annual\s+)?\s*"
                           r"([A-Z][\w&+-]*(?:\s+[A-Z][\w&+-]*){0,3})"
                           r"\s+(colloquium|seminar|lecture)\s+series\b")
_SERIES_FR = re.compile(r"\b(?:le|du|au)\s+(s[ée]minaire\s+[\w'’ -]{3,50}?)"
                        r"(?=\s*[,.;(]|\s+(?:dans|est|a lieu|aura|se tient))")
_NUMBERED = re.compile(r"^(?:guest|invited|keynote|plenary|public)?\s*(?:talk|lecture|session|part|seminar|vortrag)\s*"
                       r"(?:#\s?|no\.?\s?|nr\.?\s?)?\d+\s*[:.–-]\s+", re.I)
_SEMESTER = re.compile(r"^\s*(?:(?:" + "|".join(SEMESTERS) + r")(?:\s+term)?\s*)?"
                       r"(?:\d{4}(?:[/-]\d{2,4})?)?\s*[:\-–]?\s*", re.I)
# name words are bounded: an unbounded run ('A-A-A-...') would make the scan quadratic
_HOSTS_VERB = re.compile(r"((?:[A-Z][\w'-]{1,40}\s+){1,3}[A-Z][\w'-]{1,40}(?:\s*(?:,|and|&)\s*"
                         r"(?:[A-Z][\w'-]{1,40}\s+){1,3}[A-Z][\w'-]{1,40})*)\s+(?:invite|host|organi[sz]e|run|coordinate)s?\b")
_VENUE_IN = re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?:[A-Z][\w.'-]*\s+){0,4}(?i:room|hall|auditorium|building|bldg|"
                       r"theatre|theater|lab|salle|amphi\w*|hörsaal|raum)\b\.?\s*[\w.-]*(?:\s+\d+\w*)?)")
_ONLINE = re.compile(r"\b(?:over|on|via|using|through)\s+(Zoom|Teams|Google Meet|Webex|Skype|BigBlueButton)\b|"
                     r"\b(online only|held online|completely online|fully online)\b", re.I)


@dataclass
class PageContext:
    """What a document says once for all its talks."""

    order: str | None = None
    year: int | None = None
    year_range: tuple[int, int] | None = None
    series: str | None = None
    hosts: list[str] = field(default_factory=list)
    zone: ZoneLabel | None = None
    # (city, zone, line) for each line outside the talks that names an institution's place
    venues: list[tuple[str, str, str]] = field(default_factory=list)
    # (institution, zone) of a host institution the page's own title or headings name
    host: tuple[str, str] | None = None
    default_time: str | None = None
    default_location: str | None = None
    base_url: str | None = None
    title: str | None = None


def _fm(doc: Document) -> dict:
    fm = doc.meta.get("front_matter") or {}
    return fm if isinstance(fm, dict) else {}


def series_from_title(title: str | None) -> str | None:
    """'Fall 2024 Department Colloquium' -> 'Department Colloquium'; None if not a series name."""
    if not title:
        return None
    t = clean_inline(str(title)) or ""
    if not _SERIES_RX.search(t) or len(t.split()) > 12 or re.search(r"[\"“”«»\[\]]", t):
        return None
    t = _NUMBERED.sub("", t)
    if len(t.split()) > 8 or re.search(r"\s(on|by|of|in|at|for|with|about|and|from)$", t, re.I):
        return None  # 'Two talks on': a phrase that goes on, not a name
    t = _SEMESTER.sub("", t).strip(" :-–")
    t = re.sub(r"[\s:,–-]+(?:(?:" + "|".join(SEMESTERS) + r")(?:\s+term)?\s*)?(?:19|20)\d{2}(?:[/-]\d{2,4})?$", "",
               t, flags=re.I).strip()
    t = re.sub(r"^(?:upcoming|next|past|previous)\s+", "", t, flags=re.I)
    inside = _SERIES_INSIDE.match(t)
    if inside:
        return series_from_title(inside.group(1))  # 'Neujahrsvorlesung im Pizzaseminar' -> 'Pizzaseminar'
    if not re.search(r"[^\W\d_]{2,}", _BARE_SERIES.sub("", t)):
        return None  # 'Colloquium' alone names no series
    return t or None


def page_context(doc: Document, lines: list[Line]) -> PageContext:
    text = doc.text()
    fm = _fm(doc)
    ctx = PageContext(order=infer_order(text), base_url=doc.base_url)
    heads = [str(fm.get("title") or ""), str(doc.meta.get("shared_text") or "")] + \
        [ln.text for ln in lines if ln.kind == "heading"][:5]
    subject = (doc.meta.get("email") or {}).get("subject")
    if subject:
        heads.append(subject)
    ctx.title = clean_inline(str(fm.get("title"))) if fm.get("title") else None
    years = [y for h in heads for y in year_hints(h)]
    if not years:
        years = year_hints(text[:5000])
    created = str((doc.meta.get("pdf_info") or {}).get("CreationDate") or "")
    if not years and re.match(r"^(D:)?(19|20)\d{2}", created):
        years = [int(created.removeprefix("D:")[:4])]  # a flyer is made shortly before its talk
    if years:
        ctx.year = max(set(years), key=years.count)
    own = [str(doc.meta.get("html_title") or "")] + heads[:3]
    ctx.host = next((h for h in map(find_institution_zone, own) if h), None)
    page_title = str(doc.meta.get("html_title") or "")
    title_parts = [p for p in re.split(r"\s+[|–—-]\s+", page_title) if p] if page_title else []
    for h in [str(doc.meta.get("section_heading") or "")] + heads + title_parts:
        s = series_from_title(h)
        if s:
            ctx.series = s
            break
    if ctx.series is None:
        m = _SERIES_NAMED.search(text)
        if m:
            ctx.series = f"{m.group(1)} {m.group(2).capitalize()}"
    if ctx.series is None:
        m = _SERIES_IN_TEXT.search(text) or _SERIES_FR.search(text)
        if m:
            ctx.series = m.group(1).strip()
    m = _HOSTS_VERB.search(text)
    if m:
        ctx.hosts = [n for n in name_list(m.group(1)) if looks_like_name(n)]
    return ctx


def context_defaults(ctx: PageContext, context_lines: list[Line]) -> None:
    """Series-wide zone, time and place from lines outside any talk."""
    for ln in context_lines:
        t = ln.text
        if ctx.zone is None:
            z = find_zone_label(t)
            if z:
                ctx.zone = z
        if ctx.default_time is None and re.search(r"\b(talks?|seminars?|colloqui\w+|each|every|usually|typically|"
                                                  r"held|place|session)\b", t, re.I) and find_time(t):
            ctx.default_time = t
        if ctx.default_location is None:
            m = _VENUE_IN.search(t)
            if m and re.search(r"\b(talks?|seminars?|colloqui\w+|held|place)\b", t, re.I):
                ctx.default_location = m.group(1).strip(" .,")
            else:
                m = _ONLINE.search(t)
                if m and m.group(1) and re.search(r"\b(talks?|seminars?|colloqui\w+|each|every|semester)\b", t, re.I):
                    ctx.default_location = m.group(1).strip()
        if len(ctx.venues) < 5 and ln.kind in ("heading", "paragraph") and len(t) < 90 \
                and not re.search(r"\b(by|from|speaker|invite\w*)\b", t, re.I) and ln.label is None \
                and re.search(r"\b(universit|institut|department|school|campus|college|centre|center|hall|room)",
                              t, re.I):
            cz = find_city_zone(t, frozenset({"US"}) if ctx.order == "DMY" else frozenset())
            if cz:
                ctx.venues.append((cz[0], cz[1], t))
        elif len(ctx.venues) < 5 and ln.kind in ("heading", "paragraph") and ln.label is None and len(t) <= 30:
            cz = find_city_zone(t, min_population=200000)
            if cz and cz[0].casefold() == t.strip(" .,").casefold():
                ctx.venues.append((cz[0], cz[1], t))  # a city named on its own ('Melbourne' under the logo)
    if ctx.default_location is None:
        for ln in context_lines:
            m = _ONLINE.search(ln.text)
            if m and m.group(2) and re.search(r"\b(talks?|seminars?|colloqui\w+|each|every|semester)\b", ln.text, re.I):
                ctx.default_location = "Online"
                break
    for ln in context_lines:
        if not ctx.hosts and ln.label == "host" and ln.value:
            ctx.hosts = name_list(ln.value)
    _letterhead(ctx, context_lines)
    if not ctx.hosts:
        ctx.hosts = _organiser_list(context_lines)


_ORGANISED_BY = re.compile(r"\b(organi[sz]ed by|organi[sz]ers?|organisateurs?|organisé par|hosted by|"
                           r"organisiert von|organisatoren)\b.{0,20}:?\s*$", re.I)


def _organiser_list(context_lines: list[Line]) -> list[str]:
    """'The colloquium is organized by:' over a list 'Giulio Biroli (ENS): director ;' ...: the hosts."""
    for i, ln in enumerate(context_lines):
        if ln.kind == "item" or not _ORGANISED_BY.search(ln.text):
            continue
        names = []
        for item in context_lines[i + 1:]:
            if item.kind != "item":
                break
            head = re.split(r"\s*[(:,;–]|\s+-\s", item.text.strip())[0].strip(" .")
            if looks_like_name(head) and len(head.split()) >= 2:
                names.append(head)
        if names:
            return names
    return []


def _letterhead(ctx: PageContext, context_lines: list[Line]) -> None:
    """'Sven Prüfer, Christopher Wulff' over 'Arbeitsseminar Geometrie/Topologie': the organisers and the series."""
    for a, b in zip(context_lines, context_lines[1:], strict=False):
        if a.block != b.block or a.label or b.label:
            continue
        for names_line, series_line in ((a, b), (b, a)):
            series = series_from_title(series_line.text)
            names = name_list(names_line.text)
            if series and names and all(looks_like_name(n) and len(n.split()) >= 2 for n in names):
                ctx.hosts = ctx.hosts or names
                ctx.series = ctx.series or series
                return
