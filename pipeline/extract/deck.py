"""Slide decks: the title slide gives title, speaker and affiliation; every slide's text goes to `slides`."""

from __future__ import annotations

import re
from typing import Any

from pipeline.document import Document
from pipeline.extract.candidate import Candidate
from pipeline.extract.context import page_context, series_from_title
from pipeline.extract.fields import INSTITUTION, finalize
from pipeline.extract.lines import to_lines
from pipeline.extract.segment import affiliation_like
from pipeline.normalize.dates import find_dates
from pipeline.normalize.people import PARTICLES, looks_like_name, split_honorific
from pipeline.normalize.text import clean_inline

_EVENT = re.compile(r"\b(conference|workshop|symposium|meeting|summer school|winter school|seminar|colloquium|"
                    r"congress|forum|tagung|kolloquium|journées|meetup)\b", re.I)
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*(/\s*\d{1,3})?\s*$")


def _name_and_affiliation(rest: str) -> tuple[str | None, str | None]:
    """'Jane Doe Some Institute of X University' -> ('Jane Doe', 'Some Institute of X University')."""
    toks = rest.split()
    for n in (2, 3):
        if len(toks) < n:
            break
        name_toks = toks[:n]
        if not all(t[:1].isupper() for t in name_toks):
            continue
        aff = " ".join(toks[n:])
        head = toks[n:n + 5]
        if aff and INSTITUTION.search(" ".join(head)) and (n == 2 or toks[n - 1].lower() not in PARTICLES):
            return " ".join(name_toks), aff
    if len(toks) in (2, 3) and all(t[:1].isupper() for t in toks):
        return rest, None
    return None, None


_BIB_HEADING = re.compile(r"^(references|bibliography|literature|literatur|literaturverzeichnis|bibliographie|"
                          r"références|referencias|riferimenti|further reading)\s*:?\s*$", re.I)
_BIB_ENTRY = re.compile(r"(?:^|\n)\s*\[(\d{1,3})\]\s+")


def bibliography(slide: str) -> list[str]:
    """The entries of a references slide ('[1] A. Author. “Title”. ...', or under a 'References' heading)."""
    lines = slide.strip().split("\n")
    body = "\n".join(lines[1:]) if lines and _BIB_HEADING.match(lines[0].strip()) else slide.strip()
    if not body.startswith("["):
        return []
    parts = _BIB_ENTRY.split(body)
    entries = [" ".join(parts[i + 1].split()) for i in range(1, len(parts) - 1, 2)]
    return [e for e in entries if len(e) > 20]


def _presenters(authors: list[str], emphasised: list[str]) -> list[str]:
    """Of several authors on a title slide, the one(s) set in italics or bold present the talk."""
    marked = [a for a in authors if any(a in span for span in emphasised)]
    return marked if marked and len(authors) > 1 else authors


def _title_page(doc: Document, c: Candidate) -> None:
    """A typeset deck's title page: largest text is the title; then names, institutions, a date line.

    'PAAR 2024 at Nancy, France, 2024–07–02' gives the date, the event ('PAAR 2024') as the
    series and the place after 'at' as the location.
    """
    blocks = sorted((b for b in doc.blocks if b.layout.get("page") == 1 and b.text.strip()),
                    key=lambda b: (b.layout.get("top", 0), b.layout.get("x0", 0)))
    if not blocks:
        return
    title_block = max(blocks, key=lambda b: (b.layout.get("rel_size", 1.0), -b.layout.get("top", 0)))
    c.title = " ".join(ln.strip() for ln in title_block.text.split("\n") if ln.strip())
    for b in blocks:
        if b is title_block:
            continue
        for line in (ln.strip() for ln in b.text.split("\n")):
            if not line or _PAGE_NUMBER.match(line):
                continue
            ds = find_dates(line)
            if ds and not c.date_texts:
                c.date_texts.append(line)
                rest = re.sub(r"[\s,;:–-]+$", "", line[: ds[0].start]).strip()
                m = re.match(r"^(?P<event>.+?)\s+(?:at|in|@)\s+(?P<place>.+)$", rest)
                if m:
                    c.series, c.location = m.group("event"), m.group("place")
                elif rest and (series_from_title(rest) or _EVENT.search(rest)):
                    c.series = rest  # 'Workshop on Sampling, 14 May 2024': the event, not a place
                elif rest:
                    c.location = rest
                continue
            if c.speaker_lines and not c.affiliation and (INSTITUTION.search(line) or affiliation_like(line)):
                c.affiliation = line
                continue
            people = [p.strip() for p in re.split(r"\s*,\s*|\s+(?:and|&)\s+", line) if p.strip()]
            if people and all(looks_like_name(split_honorific(p)[0]) and len(p.split()) >= 2 for p in people):
                if not c.speaker_lines:
                    marked = (b.layout.get("italic") or []) + b.strong
                    c.speaker_lines.extend((p, [], []) for p in _presenters(people, marked))
                continue


def extract_deck(doc: Document) -> list[dict[str, Any]]:
    slides: list[str] = list(doc.meta.get("slides") or [])
    if not slides:
        return []
    page_title = next((b.text for b in doc.blocks if b.layout.get("role") == "page-title"), None)
    first = slides[0]
    c = Candidate(origin="full", locator="slide 1")
    rest = first
    if any("rel_size" in b.layout for b in doc.blocks):
        _title_page(doc, c)
    elif page_title and first.lower().startswith(page_title.lower().strip()):
        c.title = first[: len(page_title.strip())]
        rest = first[len(page_title.strip()):].strip()
    name, aff = _name_and_affiliation(rest) if not c.speaker_lines else (None, None)
    if name:
        c.speaker_lines.append((name, [], []))
        c.affiliation = aff
    elif not c.title and not c.speaker_lines:
        c.title = first
    ctx = page_context(doc, to_lines(doc))
    ctx.series = None  # a deck names its event on the title page, not in a page title
    for slide in slides[1:]:
        c.references.extend((entry, None) for entry in bibliography(slide))
    d = finalize(c, ctx)
    d["slides"] = [clean_inline(s) for s in slides[1:] if clean_inline(s)]
    d["_origin"], d["_locators"] = "full", ["slide 1"]
    return [d]
