"""Extraction: a Document in, talk field dictionaries out. Knows seminars, not formats."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from pipeline.document import Document
from pipeline.extract.candidate import Candidate
from pipeline.extract.context import PageContext, context_defaults, page_context, series_from_title
from pipeline.extract.fields import INSTITUTION, ROOM_CODE, VENUE_WORDS, finalize
from pipeline.extract.flyer import badge_date, layout_series, layout_title, speakers_from_bios
from pipeline.extract.lines import Line, to_lines
from pipeline.extract.sections import flyer_sections
from pipeline.extract.segment import Segmenter
from pipeline.normalize.dates import find_dates, find_time
from pipeline.normalize.people import known_given_name, looks_like_name, split_honorific
from pipeline.normalize.text import clean_inline, valid_unicode

_FM_TITLE_KEYS = ("talk_title", "talk-title", "talktitle")
_FM_SPEAKER_KEYS = ("speaker", "speakers", "presenter", "presenters", "lecturer")
_FM_SUBTITLE_KEYS = ("teaser", "subtitle", "subheadline", "description", "excerpt")
_FM_DATE_KEYS = ("event_date", "talk_date", "eventdate", "date", "subheadline")
_QUOTED = re.compile(r"^(?P<pre>.*?)[\"“„«]\s*(?P<q>[^\"”“»]{6,}?)\s*[\"”“»](?P<post>.*)$")
_ENTITLED = re.compile(r"\b(?:entitled|titled|title is|intitulée?|mit dem titel)\s*[:\s]\s*"
                       r"[\"“*_]*([^\"”*\n]{6,}?)[\"”*_]*(?:[.,;]|$)", re.I)


def _fm_str(fm: dict, key: str) -> str | None:
    v = fm.get(key)
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v if x)
    return clean_inline(str(v)) if v not in (None, "") else None


def _split_series_title(c: Candidate, ctx: PageContext) -> None:
    """'CAMT Seminar "Machine learning of ..."' -> series 'CAMT Seminar', title in quotes."""
    if not c.title:
        return
    m = _QUOTED.match(c.title)
    if m and (series_from_title(m.group("pre")) or not m.group("pre").strip() or len(m.group("pre").split()) <= 4):
        pre = clean_inline(m.group("pre").strip(" :-–")) or ""
        c.title = m.group("q")
        if pre and series_from_title(pre):
            c.series = c.series or series_from_title(pre)


def _apply_front_matter(cands: list[Candidate], fm: dict, ctx: PageContext, single: bool) -> list[Candidate]:
    """Front-matter keys fill what the body of a one-talk page leaves open."""
    if not fm or not single:
        return cands
    title = _fm_str(fm, "title")
    speaker = next((_fm_str(fm, k) for k in _FM_SPEAKER_KEYS if _fm_str(fm, k)), None)
    talk_title = next((_fm_str(fm, k) for k in _FM_TITLE_KEYS if _fm_str(fm, k)), None)
    c = cands[0] if cands else None
    # a page titled with its speaker's name, unless the front matter names the speaker apart
    title_is_name = bool(title and looks_like_name(split_honorific(title)[0]) and len(title.split()) <= 5
                         and not series_from_title(title)
                         and (not speaker or speaker.casefold().split() == title.casefold().split()))
    if c is None:
        if not (speaker or title_is_name or talk_title):
            return cands
        c = Candidate(origin="full", locator="front matter")
        cands = [c]
    if not c.title:
        if talk_title:
            c.title = talk_title
        if not c.title and (title_is_name or speaker):
            for k in _FM_SUBTITLE_KEYS:
                v = _fm_str(fm, k)
                if v and not find_dates(v) and len(v) > 8:
                    c.title = v
                    break
        # the page title, unless it names the page (a name, a series, a date) rather than the talk
        if not c.title and title and not title_is_name and not series_from_title(title) \
                and not find_dates(title) and not (speaker and speaker.casefold() in title.casefold()) \
                and not re.search(r"\b(abstract|résumé|home|index|about)\b", title, re.I):
            c.title = title
    if not c.speaker_lines and not c.people:
        if speaker:
            c.speaker_lines.append((speaker, [], []))
        elif title_is_name:
            c.speaker_lines.append((title, [], []))
    for k in _FM_DATE_KEYS:
        v = fm.get(k)
        if v:
            c.date_texts.append(str(v))
    return cands


def _unlabelled_speaker(c: Candidate, lines: list[Line]) -> None:
    """A one-talk page whose speaker line has no label: the first name-like line near the top."""
    if c.speaker_lines or c.people:
        return
    found = []
    for i, ln in enumerate(lines[:25]):
        if ln.label or ln.kind == "row":
            if ln.label in ("abstract",):
                break
            continue
        text = clean_inline(ln.text) or ""
        name = split_honorific(re.split(r"[,(]", text)[0].strip())[0]
        if looks_like_name(name) and len(name.split()) >= 2 and not INSTITUTION.search(name) \
                and not series_from_title(text) and text != c.title and not (c.title and text in c.title):
            aff = None
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is not None and not nxt.label and INSTITUTION.search(nxt.text) and len(nxt.text) < 150:
                aff = nxt.text
                nn = lines[i + 2] if i + 2 < len(lines) else None
                if nn is not None and re.fullmatch(r"\([^()]{2,60}\)", nn.text.strip()):
                    aff += " " + nn.text.strip()  # 'Western University' + '(London, Ontario)'
            # rank: a known given name, then an affiliation line below it, then the earliest
            found.append((known_given_name(name), aff is not None, -i, text, ln, aff))
    if found:
        _k, _a, _i, text, ln, aff = max(found, key=lambda f: f[:3])
        c.speaker_lines.append((text, ln.strong, ln.links))
        if aff and "," not in text:
            c.affiliation = c.affiliation or aff


def _entitled(c: Candidate, lines: list[Line]) -> None:
    """'The presentation is entitled **X**' gives the title of a page without a label."""
    if c.title:
        return
    for ln in lines:
        m = _ENTITLED.search(ln.text)
        if m:
            strong = [s for s in ln.strong if s and s in ln.text[m.start():]]
            c.title = strong[0] if strong else m.group(1)
            return


_PROSE = re.compile(
    r"(?:\b(?:an?|the|our)\s+(?P<series>[A-Z][\w&'’ -]{2,70}?(?:Seminar|Colloquium|Lecture|Talk|Webinar))\s+)?"
    r"\bby\s+(?P<who>(?:(?:Prof|Dr|Professor)\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
    r"(?:\s*\((?P<aff1>[^)]{2,80})\)|\s+(?:from|of|at)\s+(?:the\s+)?(?P<aff2>[A-Z][^,;\n]{2,80}?))?,?\s+"
    r"(?:entitled|titled|on)\s*:?\s*[\"“*_]+(?P<title>[^\"”\n]{6,200}?)[*_]*[\"”]")


def _prose(c: Candidate, lines: list[Line]) -> None:
    """'... an X Seminar by Prof Y from Z entitled "T"': speaker, affiliation, title, series from a sentence."""
    blocks: dict[int, list[str]] = {}
    for ln in lines[:40]:
        blocks.setdefault(ln.block, []).append(ln.text)
    for text in (" ".join(v) for v in blocks.values()):
        m = _PROSE.search(text)
        if not m:
            continue
        if not c.title:
            c.title = m.group("title").strip(" *_")
        if not c.speaker_lines and not c.people:
            aff = m.group("aff1") or m.group("aff2")
            c.speaker_lines.append((m.group("who") + (f", {aff}" if aff else ""), [], []))
        if m.group("series") and not c.series:
            c.series = m.group("series").strip()
        return




def _page_fallbacks(c: Candidate, doc: Document, lines: list[Line], ctx: PageContext) -> None:
    """A one-talk page without labels: the first full date, time range and venue line anywhere."""
    if not c.date_texts:
        for ln in lines:
            if ln.label in ("abstract", "bio", "references"):
                continue
            if find_dates(ln.text, ctx.order, ctx.year, allow_bare_md=False):
                c.date_texts.append(ln.text)
                break
    if not c.date_texts:
        badge = badge_date(doc, ctx.order, ctx.year)
        if badge:
            c.date_texts.append(badge)
            c.time_texts.append(badge)
    if not any(find_time(t) for t in c.time_texts + c.date_texts):
        for ln in lines:
            tr = find_time(ln.text)
            if tr and len(ln.text) < 120:
                c.time_texts.append(ln.text)
                if not c.location:
                    rest = re.sub(r"^[\s,;:|–-]+|[\s,;:|–-]+$", "", ln.text[tr.span[1]:])
                    if ROOM_CODE.match(rest) or VENUE_WORDS.search(rest):
                        c.location = rest
                break
    if not c.location:
        for ln in lines:
            if not ln.label and len(ln.text) < 90 and VENUE_WORDS.search(ln.text) and \
                    not INSTITUTION.search(ln.text.split(",")[0]) and not find_dates(ln.text, ctx.order, ctx.year):
                block = [x.text for x in lines if x.block == ln.block and not find_time(x.text)
                         and not find_dates(x.text, ctx.order, ctx.year)]
                # an address block ('Uni X' / 'Seminarstraße 20' / '15 / E16') is the venue as a whole
                c.location = ", ".join(block) if len(block) <= 4 and sum(map(len, block)) < 120 else ln.text
                break


def _same_person(a: dict, b: dict) -> bool:
    na = {re.sub(r"\W", "", s.name.lower()) for s in a["speakers"]}
    nb = {re.sub(r"\W", "", s.name.lower()) for s in b["speakers"]}
    return bool(na & nb)


def _merge_into(full: dict, other: dict) -> None:
    for k, v in other.items():
        if k == "warnings":
            continue
        if full.get(k) in (None, [], "") and v not in (None, [], ""):
            full[k] = v
    full["_locators"] = full.get("_locators", []) + other.get("_locators", [])


def merge_schedule(full: list[dict], schedule: list[dict]) -> list[dict]:
    """A schedule line repeating a described talk is the same talk: merge, don't duplicate."""
    out = list(full)
    for s in schedule:
        target = None
        for f in out:
            same_day = f["date"] and s["date"] and f["date"] == s["date"]
            if same_day and (not f["speakers"] or not s["speakers"] or _same_person(f, s)):
                target = f
                break
        if target is None and s["speakers"]:
            for f in out:
                if f["speakers"] and _same_person(f, s) and f["date"] and s["date"] and \
                        (f["date"].month, f["date"].day) == (s["date"].month, s["date"].day) and \
                        f["date"].year != s["date"].year and f.get("_origin") == "full":
                    f["warnings"].append(f"date {f['date'].isoformat()} disagrees with the schedule line "
                                         f"({s['date'].isoformat()}) in the year; used the schedule's year")
                    f["date"] = s["date"]
                    for k in ("start", "end"):
                        if f[k]:
                            f[k] = s["date"].isoformat() + f[k][10:]
                    target = f
                    break
        if target is None and not s["date"]:
            continue
        if target is None:
            out.append(s)
        else:
            _merge_into(target, s)
    return out


def extract(doc: Document) -> tuple[list[dict[str, Any]], list[str]]:
    """All talks of a document as field dictionaries (not yet records), plus page warnings.

    Every string is valid Unicode (lone surrogates from JSON or YAML escapes become U+FFFD), so
    the records can always be written as UTF-8.
    """
    talks, warnings = _extract(doc)
    return [_valid(d) for d in talks], [valid_unicode(w) for w in warnings]


def _valid(value: Any) -> Any:
    """`value` with every string in it (nested lists, dicts and models too) made valid Unicode."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, list):
        return [_valid(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_valid(v) for v in value)
    if isinstance(value, dict):
        return {k: _valid(v) for k, v in value.items()}
    if isinstance(value, BaseModel):
        return type(value).model_validate(_valid(value.model_dump()))
    return value


def _extract(doc: Document) -> tuple[list[dict[str, Any]], list[str]]:
    if doc.meta.get("deck"):
        from pipeline.extract.deck import extract_deck

        return extract_deck(doc), list(doc.warnings)
    if doc.meta.get("events"):
        from pipeline.extract.events import event_fields

        declared = [d for d in (event_fields(ev, doc.base_url) for ev in doc.meta["events"])
                    if d["title"] or d["speakers"] or d["date"]]
        if declared:  # events that declare nothing usable leave the page to its visible text
            return declared, list(doc.warnings)
    sections = flyer_sections(doc)
    if sections:
        return [talk for sub in sections for talk in _extract(sub)[0]], list(doc.warnings)
    lines = to_lines(doc)
    ctx = page_context(doc, lines)
    seg = Segmenter(lines, ctx.order, ctx.year)
    seg.layout = any("rel_size" in b.layout for b in doc.blocks)
    seg.block_len = {i: len(b.text) for i, b in enumerate(doc.blocks)}
    talks, schedule, context_lines = seg.run()
    single = seg.single
    context_defaults(ctx, context_lines)
    fm = doc.meta.get("front_matter") or {}
    email = doc.meta.get("email") or {}
    talks = [c for c in talks if c.substantial or c.abstract or c.date_texts]
    if single and len(talks) > 1:
        # a one-talk page whose parts were split by headings: keep them together
        first = talks[0]
        for c in talks[1:]:
            for k in ("speaker_lines", "date_texts", "time_texts", "abstract", "bio", "references", "links", "hosts"):
                getattr(first, k).extend(getattr(c, k))
            first.title = first.title or c.title
            first.location = first.location or c.location
        talks = [first]
    if single:
        talks = _apply_front_matter(talks, fm if isinstance(fm, dict) else {}, ctx, single)
        if not talks and any("rel_size" in b.layout for b in doc.blocks):
            talks = [Candidate(origin="full", locator="page 1")]  # a flyer without labels
        if talks:
            if any("rel_size" in b.layout for b in doc.blocks):
                layout_title(talks[0], doc, lines)
                talks[0].series = talks[0].series or layout_series(doc)
                _page_fallbacks(talks[0], doc, lines, ctx)
                speakers_from_bios(talks[0], doc)
            _prose(talks[0], lines)
            _entitled(talks[0], lines)
            _unlabelled_speaker(talks[0], lines)
            if not talks[0].title and email.get("subject"):
                talks[0].title = _subject_title(email["subject"])
    for c in talks:
        _split_series_title(c, ctx)
    full = []
    for c in talks:
        if not (c.substantial or (single and c.abstract)):
            continue
        d = finalize(c, ctx)
        d["_origin"], d["_locators"] = c.origin, [c.locator] if c.locator else []
        full.append(d)
    sched = []
    for c in schedule:
        d = finalize(c, ctx)
        d["_origin"], d["_locators"] = c.origin, [c.locator] if c.locator else []
        sched.append(d)
    if sched and single:
        # a page of schedule lines: a lone 'talk' without speaker or date is the page intro
        full = [d for d in full if d["speakers"] or d["date"]]
    merged = merge_schedule(full, sched)
    result = [d for d in merged if d["title"] or d["speakers"] or (single and d["abstract"])]
    return result, list(doc.warnings)


def _subject_title(subject: str) -> str | None:
    s = re.sub(r"^\s*((re|fwd?|tr|aw)\s*:\s*|\[[^\]]*\]\s*)+", "", subject, flags=re.I)
    m = re.search(r"[\"“]([^\"”]{6,})[\"”]", s)
    if m:
        return m.group(1)
    return None
