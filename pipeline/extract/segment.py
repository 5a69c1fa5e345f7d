"""Where one talk ends and the next begins.

Works only on labelled lines, so it serves every format. A document with one talk-start
signal (one "Title:", one "Speaker:", one dated heading) is read as a single talk whose
parts may sit under any headings. Otherwise talks start at a labelled title, at a second
speaker/date where one is already known, at a heading that is a date ("Tuesday 9/3 at
4:00"), or at a heading followed by talk fields; section headings ("Email list",
"Previous talks") close a talk. List items and table rows that carry a date and a name or
title are schedule entries: candidates of their own, merged later with a full entry.
"""

from __future__ import annotations

import re

from pipeline.extract.candidate import Candidate
from pipeline.extract.fields import INSTITUTION
from pipeline.extract.lines import BARE_URL, Line
from pipeline.normalize.dates import find_dates, find_time
from pipeline.normalize.people import known_given_name, looks_like_name, split_honorific
from pipeline.normalize.references import looks_like_reference
from pipeline.normalize.text import clean_inline
from pipeline.normalize.zones import find_city_zone

MULTILINE = {"abstract", "bio", "references", "keywords"}
_SECTION_WORDS = {
    "upcoming": r"\b(next|upcoming|coming|future|forthcoming|prochains?|prochaines?|à venir|kommende|nächste)\b",
    "past": r"\b(previous|past|earlier|archive|précédents?|passés?|vergangene|frühere)\b",
    "schedule": r"\b(schedule|program|programme|calendar|calendrier|agenda|list of talks|talks|termine)\b",
}
_NOT_TALK = re.compile(r"\b(no (seminar|colloquium|talk|meeting|lecture)s?|cancel+ed|annulé|holiday|break|"
                       r"reading week|organi[sz]ational meeting|site visit|project seminar week|vacances)\b", re.I)
_SITE_TEXT = re.compile(r"\b(please (have a look|visit|see|check|subscribe|register|join|contact)|"
                        r"have a look at (our|out)|subscribe|mailing list|e-?mail ?list|our blog|"
                        r"previous colloquia|previous seminars|"
                        r"past talks|follow us|"
                        r"(this|the) (meeting|talk|seminar|session|lecture) (was|will) not be recorded|"
                        r"(was|were) not recorded|all are (cordially )?(invited|welcome)|"
                        r"everyone is (cordially )?welcome|coffee (and|&) (tea|cookies)|tea (and|&) coffee|"
                        r"refreshments will|coffee will be served)\b", re.I)
_SIGNOFF = re.compile(r"^(best( regards| wishes)?|kind regards|regards|cheers|thanks|thank you|sincerely|"
                      r"cordialement|bien à vous|mit freundlichen grüßen|viele grüße)\s*[,!.]?$", re.I)
_INLINE_REFS = re.compile(r"\b(?:see\s+)?(?:references?|refs?\.?)\s*:\s*(.{10,})$", re.I)
_NAME_COLON_TITLE = re.compile(r"^([^:–—]{4,60}?)\s*(?::|\s[–—]|\s-)\s+(\S.{5,})$")
_LINK_BUTTON = re.compile(r"^\W*(watch|video|recording|slides?|view|download|pdf|link|more|read more|"
                          r"replay|youtube|here|website|homepage|register|registration|zoom)\b.{0,25}$", re.I)


def _split_names(text: str) -> list[str]:
    return [p for p in re.split(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", text) if p.strip()]


_HONORIFIC_LEAD = re.compile(r"^(?:dr|prof|professor|mr|mrs|ms|mx)\.?\s+", re.I)
_BIO_START = re.compile(r"^((?:[A-Z][\w'’-]+\s+){1,2}[A-Z][\w'’-]+)(?:,\s|\s+[a-zäöüéè]+\b)")


def person_leading(text: str) -> str | None:
    """The person a paragraph starts with ('Dr. Mark Meyer is an ...' -> 'Mark Meyer'), if a known given name leads."""
    m = _BIO_START.match(_HONORIFIC_LEAD.sub("", text))
    if m and known_given_name(m.group(1)) and looks_like_name(m.group(1)):
        return m.group(1)
    return None


def is_biography(text: str, speaker: str | None) -> bool:
    """A paragraph about a person: it opens with the speaker's (last) name, or with any known person's name."""
    lead = _HONORIFIC_LEAD.sub("", text)
    speaker = (speaker or "").strip()
    if len(speaker) > 3:
        last = re.escape(speaker.split()[-1])
        return bool(re.match(rf"(?:{re.escape(speaker)}|{last})\b", lead))
    return person_leading(text) is not None


def affiliation_like(text: str) -> bool:
    """A line under a name that names a place of work: an institution word, an acronym, a known city."""
    if INSTITUTION.search(text):
        return True
    if known_given_name(split_honorific(text)[0]):
        return False
    acronyms = re.fullmatch(r"[A-Z]{2,6}(?:\s+[A-Z]{2,6}){0,3}", text.strip())  # 'MFF UK', 'ETH', 'CNRS'
    return bool(acronyms or re.search(r"\b[A-Z]{2,6}\b", text) and not text.isupper() or find_city_zone(text))


def _speaker_like(text: str) -> bool:
    """'Caroline Uhler (MIT)', 'Prof. Jane Doe, University of X': a person, maybe with an affiliation."""
    head = split_honorific(re.split(r"\s*[,(]", text)[0].strip())[0]
    return len(text) < 120 and len(head.split()) >= 2 and looks_like_name(head)


def _names_only(text: str) -> bool:
    """'Ingo Blechschmidt und Matthias Hutzler': one or more full personal names and nothing else."""
    parts = _split_names(text)
    return bool(parts) and all(looks_like_name(split_honorific(p)[0]) and len(split_honorific(p)[0].split()) >= 2
                               for p in parts)


def section_context(text: str) -> str | None:
    t = text.lower()
    for ctx, rx in _SECTION_WORDS.items():
        if re.search(rx, t):
            return ctx
    return None


def is_date_heading(text: str, order: str | None, year: int | None) -> bool:
    """A heading that is a date (and maybe a time), not a title mentioning a date."""
    ds = find_dates(text, order, year or 2000, allow_bare_md=True)
    if not ds:
        return False
    rest = text[: ds[0].start] + text[ds[0].end:]
    t = find_time(rest)
    if t:
        rest = rest[: t.span[0]] + rest[t.span[1]:]
    words = re.findall(r"[^\W\d_]{3,}", rest)
    return len(words) <= 3


def _is_name_or_title_item(rest: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2,}", rest))


def schedule_entry(line: Line, order: str | None, year: int | None) -> Candidate | None:
    """A list item such as '24 November 2020 - **Name**' or '8/21/2020: [Title](..) by Name'."""
    text = line.text
    if len(text) > 300:
        return None
    ds = find_dates(text, order, year, allow_bare_md=False)
    if not ds or ds[0].start > 40:
        return None
    d = ds[0]
    before = text[: d.start].strip(" -–:|")
    after = text[d.end:]
    t = find_time(after)
    time_text = None
    if t and t.span[0] < 6:
        time_text = after[t.span[0]: t.span[1]]
        after = after[: t.span[0]] + after[t.span[1]:]
    rest = after.strip(" -–—:|,.")
    if not _is_name_or_title_item(rest) or len(before.split()) > 3:
        return None
    c = Candidate(origin="schedule", locator=text[:60])
    c.date_texts.append(text[d.start: d.end])
    if time_text:
        c.time_texts.append(time_text)
    m = re.match(r"^(?P<title>.+?)\s+(?:by|par|von)\s+(?P<who>[^()]+(?:\([^()]*\))?)$", rest, re.S)
    paren = re.match(r"^(?P<title>.+?)\s*\((?:[\w-]+\s+)?(?:by|par|von|with|avec)\s+(?P<who>[^)]+)\)$", rest)
    whole = clean_inline(rest) or ""
    head = re.split(r"\s*[,(]", whole)[0]
    bold_head = any(st and clean_inline(st) == head for st in line.strong)
    if looks_like_name(split_honorific(whole)[0]) or any(rest.strip("*_ ") == st for st in line.strong) or \
            (head != whole and looks_like_name(split_honorific(head)[0]) and len(head.split()) >= 2
             and (bold_head or re.fullmatch(r"[^,(]+\([^()]+\)", whole))):
        c.speaker_lines.append((rest, line.strong, line.links))
    elif paren:
        c.title, who = paren.group("title"), paren.group("who")
        c.speaker_lines.append((who, [], line.links))
    elif m and looks_like_name(split_honorific(re.split(r"\s*[,(]", clean_inline(m.group("who")) or "")[0])[0]):
        c.title, who = m.group("title"), m.group("who")
        c.speaker_lines.append((who, line.strong, line.links))
    else:
        c.title = rest
    c.links.extend(line.links)
    if c.title and _NOT_TALK.search(c.title):
        return None
    return c


def _columns(header: list[str] | None) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, h in enumerate(header or []):
        k = h.lower()
        for f, rx in (("date", r"date|datum|day|when|jour"), ("time", r"time|heure|zeit|hour"),
                      ("location", r"location|room|place|venue|where|lieu|salle|ort"),
                      ("title", r"title|talk|topic|titre|subject|thema"),
                      ("speaker", r"speaker|name|presenter|who|orateur|vortrag|intervenant"),
                      ("affiliation", r"institution|affiliation|university|from|institute|organi[sz]ation"),
                      ("abstract", r"abstract|summary|résumé"), ("host", r"host|organi[sz]er|chair"),
                      ("links", r"slides|video|recording|material|link")):
            if f not in cols and re.search(rf"\b({rx})", k):
                cols[f] = i
                break
    return cols


def _linked_name_first(text: str, links: list) -> str:
    """'Zhaoyi Li MIT' where 'Zhaoyi Li' is the link: the link text is the name, the rest an affiliation."""
    for lk in links:
        name = (lk.text or "").strip()
        rest = text.strip()[len(name):].strip(" ,;-–")
        plain = re.sub(r"\s*\([^()]*\)", "", name)  # 'Chi-Fang (Anthony) Chen'
        if name and text.strip().startswith(name) and rest and not rest.startswith("(") \
                and looks_like_name(split_honorific(plain)[0]):
            return f"{name}, {rest}"
    return text


def table_entry(line: Line, order: str | None, year: int | None) -> Candidate | None:
    """A table row read through its header: Date | Time | Place | Title | Speaker | Institution."""
    cells = line.cells or []
    cols = _columns(line.header)
    if "date" not in cols and len(cells) >= 2 and find_dates(cells[0], order, year):
        cols = {"date": 0, **({"speaker": 1} if len(cells) > 1 else {}), **({"title": 2} if len(cells) > 2 else {})}
    if "date" not in cols or ("speaker" not in cols and "title" not in cols):
        return None

    def cell(f: str) -> str:
        i = cols.get(f)
        return (cells[i] if i is not None and i < len(cells) else "").strip()

    def cell_links(f: str) -> list:
        """The links in a column's cell; a row shorter than its header has none there."""
        i = cols.get(f)
        return line.cell_links[i] if line.cell_links and i is not None and i < len(line.cell_links) else []

    c = Candidate(origin="row", locator=line.text[:60])
    if not find_dates(cell("date"), order, year):
        return None
    c.date_texts.append(cell("date"))
    if cell("time"):
        c.time_texts.append(cell("time"))
    c.location = cell("location") or None
    c.title = cell("title") or None
    if cell("speaker"):
        links = cell_links("speaker")
        c.speaker_lines.append((_linked_name_first(cell("speaker"), links), [], links))
    c.affiliation = cell("affiliation") or None
    if cell("abstract"):
        c.abstract.append(cell("abstract"))
    for i, lks in enumerate(line.cell_links or []):
        if i != cols.get("title"):
            c.links.extend(lks)
    c.links.extend(cell_links("title"))
    if not c.speaker_lines and c.title and _NOT_TALK.search(c.title):
        return None
    if not c.speaker_lines and not c.title:
        return None
    return c


class Segmenter:
    """Walks labelled lines and collects talk candidates plus page-level context lines."""

    def __init__(self, lines: list[Line], order: str | None, year: int | None):
        self.lines = lines
        self.order = order
        self.year = year
        self.talks: list[Candidate] = []
        self.schedule: list[Candidate] = []
        self.context_lines: list[Line] = []
        self.cur: Candidate | None = None
        self.field: str | None = None
        self.section: str | None = None
        self.pending_heading: str | None = None
        self.single = True
        self._preamble = -1
        self._skip = -1
        self.block_len = {}
        self.layout = False

    # -------------------------------------------------------------- helpers
    def signals(self) -> int:
        """How many talks the page announces in full, by its strongest repeated signal (1 = a one-talk page)."""
        n_title = sum(1 for ln in self.lines if ln.label == "title")
        n_speaker = sum(1 for ln in self.lines if ln.label == "speaker" and ln.kind != "row")
        n_dated = sum(1 for ln in self.lines
                      if ln.kind == "heading" and is_date_heading(ln.text, self.order, self.year))
        return max(n_title, n_speaker, n_dated)

    def _close(self) -> None:
        if self.cur is not None:
            self.talks.append(self.cur)
        self.cur = None
        self.field = None

    def _new(self, locator: str | None, block: int | None = None) -> Candidate:
        self._close()
        self.cur = Candidate(origin="full", locator=(locator or "")[:80] or None, context=self.section)
        if block is not None:
            self._claim_preamble(self.cur, block)
        return self.cur

    def _opens_talk(self, idx: int) -> bool:
        """Line `idx` starts a block whose later lines carry a 'Title:' or 'Speaker:' label."""
        if not self._new_block(idx) or self.lines[idx].label:
            return False
        block = self.lines[idx].block
        later = [x for x in self.lines[idx + 1: idx + 8] if x.block == block]
        return any(x.label in ("title", "speaker") for x in later)

    def _claim_preamble(self, c: Candidate, block: int) -> None:
        """Unlabelled lines just above a talk's first label, in the same block, belong to that talk.

        'Thurs. March 25th, 2021, 16h00-17h00, room online' / 'Caroline Uhler (MIT)' / 'Title: ...':
        the date line and the speaker line come before the label that opens the talk.
        """
        mine = [ln for ln in self.context_lines if ln.block == block and not ln.label and ln.kind != "heading"]
        for ln in mine:
            text = clean_inline(ln.text) or ""
            if not c.date_texts and find_dates(text, self.order, self.year):
                c.date_texts.append(text)
                c.time_texts.append(text)
                c.links.extend(ln.links)
            elif not c.speaker_lines and _speaker_like(text):
                c.speaker_lines.append((text, ln.strong, ln.links))
            else:
                continue
            self.context_lines.remove(ln)

    def _ensure(self, line: Line) -> Candidate:
        if self.cur is None:
            c = self._new(self.pending_heading or line.text, line.block)
            if self.pending_heading and line.label != "title":
                c.title = self.pending_heading
            self.pending_heading = None
        return self.cur

    # -------------------------------------------------------------- main
    def run(self) -> tuple[list[Candidate], list[Candidate], list[Line]]:
        single = self.single = self.signals() <= 1
        skip_block = -1
        last_sched = -10
        for i, ln in enumerate(self.lines):
            if ln.block == skip_block and ln.kind == "item-cont" or i == self._skip:
                continue
            if ln.kind == "row":
                c = table_entry(ln, self.order, self.year)
                if c:
                    self.schedule.append(c)
                else:
                    self.context_lines.append(ln)
                continue
            if ln.kind == "rule":
                self.field = None
                continue
            if ln.kind == "item" and not ln.label and not (self.field in MULTILINE and single):
                whole = self._whole_item(i)
                c = schedule_entry(whole, self.order, self.year)
                if c:
                    c.context = self.section
                    self.schedule.append(c)
                    skip_block, last_sched = ln.block, i
                    continue
            if ln.kind in ("item", "item-cont") and ln.label in ("time", "location", "date") and self.schedule \
                    and self.schedule[-1].origin == "schedule" and i - last_sched <= 3:
                self._attach(self.schedule[-1], ln)
                last_sched = i
                continue
            if ln.kind == "heading":
                self._heading(ln, i, single)
                continue
            if ln.label:
                self._labelled(ln, single)
                continue
            self._plain(ln, single, i)
        self._close()
        return self.talks, self.schedule, self.context_lines

    def _new_block(self, i: int) -> bool:
        return i == 0 or self.lines[i - 1].block != self.lines[i].block

    def _whole_item(self, i: int) -> Line:
        """A list item with its continuation lines joined into one line."""
        ln = self.lines[i]
        parts, links, strong = [ln.text], list(ln.links), list(ln.strong)
        for nxt in self.lines[i + 1:]:
            if nxt.block != ln.block or nxt.kind != "item-cont":
                break
            parts.append(nxt.text)
            links += [lk for lk in nxt.links if lk not in links]
            strong += nxt.strong
        if len(parts) == 1:
            return ln
        return Line(text=" ".join(parts), kind="item", level=ln.level, block=ln.block, links=links, strong=strong)

    def _heading(self, ln: Line, i: int, single: bool) -> None:
        if ln.label == "title":
            if single and self.cur is not None and not self.cur.has("title"):
                self.cur.title = ln.value
            else:
                self._new(ln.text).title = ln.value
            self.field = None
            return
        if ln.label in MULTILINE or ln.label in ("speaker", "date", "time", "location", "host"):
            if ln.label in MULTILINE and not ln.value.strip():
                if self.cur is None and single:
                    self._ensure(ln)
                self.field = ln.label if self.cur is not None else None
                return
            self._labelled(ln, single)
            return
        if is_date_heading(ln.text, self.order, self.year) and not single or \
                (single and self.cur is None and is_date_heading(ln.text, self.order, self.year)):
            c = self._new(ln.text)
            c.date_texts.append(ln.text)
            c.time_texts.append(ln.text)
            return
        ctx = section_context(ln.text)
        text = ln.text
        nxt = self.lines[i + 1] if i + 1 < len(self.lines) else None
        if text.endswith(":") and nxt is not None and nxt.block == ln.block:
            text = f"{text} {nxt.text}"  # 'Ingo Blechschmidt und Matthias Hutzler:' / 'Die kuriose Welt ...'
        named = _NAME_COLON_TITLE.match(text)
        if named and _names_only(named.group(1)) and ctx is None:
            # 'Ingo Blechschmidt: Konstruktive Mathematik III' — speaker and title on one line
            c = self.cur if self.cur is not None and not self.cur.has("title") and not self.cur.has("speaker") \
                else self._new(ln.text)
            c.speaker_lines.extend((p, ln.strong, ln.links) for p in _split_names(named.group(1)))
            c.title, c.title_sure = named.group(2), True
            self.field = None
            if text != ln.text:
                self._skip = i + 1
            return
        if not single and self.cur is not None and ctx is None and not self.cur.has("title") \
                and not self.cur.has("speaker") and self.cur.date_texts and len(ln.text) > 8:
            self.cur.title = ln.text  # the heading after a dated heading names that talk
            return
        if single:
            if self.cur is None:
                if self.pending_heading is None and (ctx is None or self._followed_by_fields(i)):
                    self.pending_heading = ln.text
                else:
                    self.context_lines.append(ln)
            elif self.cur.title is None and ctx is None and not self.cur.has("speaker") and len(ln.text) > 12:
                self.cur.title = ln.text
            else:
                self.context_lines.append(ln)
                if ctx is None and self.cur.has("speaker") and not self.cur.affiliation and len(ln.text) < 120 \
                        and self.field is None and not self.cur.has("abstract"):
                    self.cur.affiliation = ln.text
            self.field = None
            return
        self._close()
        self.context_lines.append(ln)
        if ctx:
            self.section = ctx
        self.pending_heading = ln.text if ctx is None and self._followed_by_fields(i) else None

    def _followed_by_fields(self, i: int) -> bool:
        """True when the lines after heading `i` (before the next heading) carry talk fields."""
        for ln in self.lines[i + 1: i + 12]:
            if ln.kind == "heading" and ln.label not in MULTILINE:
                return False
            if ln.label in ("speaker", "date", "time", "abstract") and ln.label != "title":
                return True
        return False

    def _labelled(self, ln: Line, single: bool) -> None:
        f, v = ln.label, ln.value
        repeated = f in ("title", "speaker", "date") and self.cur is not None and self.cur.has(f) and not single
        if repeated and not (f == "date" and not self.cur.has("title") and not self.cur.has("speaker")):
            self._new(ln.text, ln.block)
        c = self._ensure(ln)
        self.field = None
        if f == "title":
            c.title, c.title_sure = v, True
        elif f == "speaker" and not v.strip():
            self.field = "speakers"  # 'Speakers' on its own line: the names follow, one per line
        elif f == "speaker":
            ds = find_dates(v, self.order, self.year)
            if ds and ds[0].start > 3:
                # 'Présenté par X le 10 nov. 2017': the date ends the speaker text
                c.date_texts.append(v[ds[0].start:])
                v = re.sub(r"\s+(le|on|am|el|il|the)\s*$", "", v[: ds[0].start].rstrip(" ,"), flags=re.I)
            c.speaker_lines.append((v, ln.strong, ln.links))
        elif f == "date":
            c.date_texts.append(v)
            c.time_texts.append(v)
        elif f == "time":
            c.time_texts.append(v)
        elif f == "location":
            c.location = v or c.location
        elif f == "host":
            c.hosts.append(v)
        elif f == "affiliation":
            c.affiliation = v
        elif f == "series":
            c.series = c.series or v
        elif f == "recording":
            c.links.extend(ln.links)
        elif f in MULTILINE:
            self.field = f
            if v.strip():
                self._add_to_field(c, f, v, ln)
        if f not in MULTILINE and f != "recording":
            c.links.extend(ln.links)

    def _add_to_field(self, c: Candidate, f: str, text: str, ln: Line) -> None:
        if f == "abstract":
            c.abstract.append(text)
        elif f == "bio":
            c.bio.append(text)
        elif f == "references":
            url = ln.links[0].url if ln.links else None
            c.references.append((text, url))
            if ln.links:
                c.links.extend(ln.links)

    def _attach(self, c: Candidate, ln: Line) -> None:
        if ln.label in ("time", "date"):
            c.time_texts.append(ln.value)
        elif ln.label == "location":
            c.location = ln.value

    def _plain(self, ln: Line, single: bool, idx: int) -> None:
        text = ln.text
        c = self.cur
        if not single and self._opens_talk(idx):
            self.field = None  # the block of the next talk: its date and speaker come before its 'Title:'
            self._preamble = ln.block
        if ln.block == self._preamble:
            self.context_lines.append(ln)  # claimed by the talk its label opens
            return
        only_link = bool(ln.links) and len(re.sub(r"\W", "", text)) <= len(re.sub(r"\W", "", "".join(
            lk.text for lk in ln.links))) + 3
        if c is not None and (only_link or _LINK_BUTTON.match(BARE_URL.sub("", text).strip()) and ln.links):
            c.links.extend(ln.links)
            if self.field in ("abstract", "bio"):
                self.field = None
            return
        if c is not None and re.match(r"^\[\d+\]\s+\S", text):
            self._add_to_field(c, "references", text, ln)
            self.field = "references"
            return
        prev = self.lines[idx - 1] if idx > 0 else None
        if c is not None and prev is not None and prev.label == "speaker" and prev.block == ln.block \
                and len(text) < 120 and c.speaker_lines and self.field is None:
            t, strong, links = c.speaker_lines[-1]
            c.speaker_lines[-1] = (t.rstrip(" ,") + ", " + text, strong, links + ln.links)
            return
        if c is not None and self.field in ("abstract", "references") and ln.kind == "item" \
                and looks_like_reference(text):
            self._add_to_field(c, "references", text, ln)
            self.field = "references"
            return
        named = _NAME_COLON_TITLE.match(text) if self.block_len.get(ln.block, 0) < 160 else None
        if named and _names_only(named.group(1)) and (c is None or not c.title_sure) and self.field is None \
                and (not self.layout or known_given_name(named.group(1))):
            c = self._ensure(ln)
            c.speaker_lines = [(p, ln.strong, ln.links) for p in _split_names(named.group(1))]
            c.title, c.title_sure = named.group(2), True
            return
        if c is not None and self.field == "speakers":
            if c.speaker_lines and affiliation_like(text):
                t, strong, links = c.speaker_lines[-1]  # 'Prof. John Smith' / 'ETH Zurich'
                c.speaker_lines[-1] = (f"{t}, {text}", strong, links + ln.links)
                return
            if _names_only(text):
                c.speaker_lines.extend((p, ln.strong, ln.links) for p in _split_names(text))
                return
            self.field = None
        if c is not None and _SIGNOFF.match(text):
            self.field = None  # an e-mail's sign-off: what follows is a signature
            self.context_lines.append(ln)
            return
        if c is not None and self.field in ("abstract", "bio") and _SITE_TEXT.search(text) and len(text) < 250:
            self.field = None  # 'For an overview of previous talks, have a look at our blog': page text
            self.context_lines.append(ln)
            return
        inline_refs = _INLINE_REFS.search(text) if self.field == "abstract" else None
        if c is not None and inline_refs and looks_like_reference(inline_refs.group(1)):
            head = text[: inline_refs.start()].strip()
            if head:
                self._add_to_field(c, "abstract", head, ln)
            for part in re.split(r"\s*;\s*", inline_refs.group(1)):
                if part.strip(" ."):
                    c.references.append((part.strip(" ."), None))
            return
        if c is not None and self.field in ("abstract", "bio") and self.layout and self._new_block(idx) \
                and abs(ln.layout.get("rel_size", 1.0) - self.lines[idx - 1].layout.get("rel_size", 1.0)) > 0.08:
            self.field = None  # a block in another font size (a footer, a sponsor line) ends the abstract
        if c is not None and self.field == "abstract" and self.layout and self._new_block(idx) and c.abstract \
                and person_leading(text):
            self.field = "bio"  # 'Joachim Hertzberg leitet ...' under the abstract: a biography, however short
        if c is None and self.layout and single and ln.kind == "paragraph" and self.block_len.get(ln.block, 0) >= 200:
            c = self._ensure(ln)  # a flyer's unlabelled abstract may come before any labelled field
        if c is not None and self.layout and ln.kind == "paragraph" and self.block_len.get(ln.block, 0) >= 200 \
                and (self.field is None or self._new_block(idx)):
            first = " ".join(t for t, _s, _l in c.speaker_lines).split(",")[0].split(" und ")[0].split(" and ")[0]
            if is_biography(text, first):
                self.field = "bio" if not c.bio else None  # 'Joachim Hertzberg leitet ...': a biography
            elif not c.abstract:
                self.field = "abstract"
            elif self.field is None:
                self.context_lines.append(ln)
                return
        if c is not None and self.field in ("abstract", "bio"):
            self._add_to_field(c, self.field, text, ln)
            c.links.extend(ln.links)
            return
        if c is not None and self.field == "references":
            if re.match(r"^(\[\d+\]|\d{1,2}[.)]|[-*•])\s", text) or re.search(r"(doi|arxiv|\(\d{4}\)|\b(19|20)\d{2}\b)",
                                                                           text, re.I):
                self._add_to_field(c, "references", text, ln)
                return
            self.field = None
        self.context_lines.append(ln)
