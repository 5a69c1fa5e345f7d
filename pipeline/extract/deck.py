"""Slide decks: the title slide gives title, speaker and affiliation; every slide's text goes to `slides`."""

from __future__ import annotations

import re
from typing import Any

from pipeline.document import Block, Document, InlineLink
from pipeline.extract.candidate import Candidate
from pipeline.extract.context import page_context
from pipeline.extract.fields import INSTITUTION, VENUE_WORDS, finalize
from pipeline.extract.lines import BARE_URL, to_lines
from pipeline.extract.segment import affiliation_like
from pipeline.normalize.dates import find_dates
from pipeline.normalize.people import PARTICLES, looks_like_name, split_honorific
from pipeline.normalize.text import clean_inline
from pipeline.normalize.zones import find_city_zone

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
    """A typeset deck's title page: largest text is the title; the other lines go to `_title_lines`."""
    blocks = sorted((b for b in doc.blocks if b.layout.get("page") == 1 and b.text.strip()
                     and b.layout.get("role") != "notes"),
                    key=lambda b: (b.layout.get("top", 0), b.layout.get("x0", 0)))
    if not blocks:
        return
    title_block = max(blocks, key=lambda b: (b.layout.get("rel_size", 1.0), -b.layout.get("top", 0)))
    c.title = " ".join(ln.strip() for ln in title_block.text.split("\n") if ln.strip())
    _title_lines(c, [(ln, b) for b in blocks if b is not title_block for ln in b.text.split("\n")])


_CONTACT = re.compile(r"\S+@\S+\.\w+|(?<![\w.])@[\w.]+|https?://\S+|\bwww\.\S+|\bon (GitHub|Twitter|X|Mastodon|"
                      r"Bluesky|LinkedIn)\b", re.I)


def _title_lines(c: Candidate, lines: list[tuple[str, Block]]) -> None:
    """Names, institutions and a date/event line of a title slide, in any order.

    'PAAR 2024 at Nancy, France, 2024–07–02' gives the date, the event ('PAAR 2024') as the
    series and the place after 'at' as the location; 'DOE Python Exchange | 12/01/2021' the
    event and the date. Contact details (e-mail, @handles, URLs) are dropped first.
    """
    for raw, block in lines:
        line = _CONTACT.sub(" ", raw)
        if find_dates(line):
            _title_part(c, line.strip(), block)  # 'DOE Python Exchange | 12/01/2021': event and date together
            continue
        parts = [p.strip(" ,;|·•–-") for p in re.split(r"\s+[|·•]\s+|\s{3,}", line)]
        for part in (p for p in parts if p and not _PAGE_NUMBER.match(p) and re.search(r"[^\W\d_]", p)):
            _title_part(c, part, block)


def _title_part(c: Candidate, line: str, block: Block) -> None:
    ds = find_dates(line)
    if ds and not c.date_texts:
        c.date_texts.append(line)
        rest = re.sub(r"[\s,;:|·•–-]+$", "", line[: ds[0].start]).strip()
        m = re.match(r"^(?P<event>.+?)\s+(?:at|in|@)\s+(?P<place>.+)$", rest)
        if m:
            c.series, c.location = m.group("event"), m.group("place")
        elif rest and (VENUE_WORDS.search(rest) or find_city_zone(rest)) and not _EVENT.search(rest):
            c.location = rest
        elif rest:
            c.series = rest  # 'Workshop on Sampling, 14 May 2024': the event the talk was given at
        return
    if ds:
        return
    if c.speaker_lines and not c.affiliation and (INSTITUTION.search(line) or affiliation_like(line)):
        c.affiliation = line
        return
    head, _, rest = line.partition(",")
    name = split_honorific(head.strip())[0]
    if rest.strip() and looks_like_name(name) and len(name.split()) >= 2 and affiliation_like(rest.strip()):
        if not c.speaker_lines:
            c.speaker_lines.append((line, block.strong, block.links))  # 'Tomas Petricek, University of Kent'
        return
    people = [p.strip().title() if p.strip().isupper() else p.strip()  # 'DANIEL SANCHEZ' -> 'Daniel Sanchez'
              for p in re.split(r"\s*,\s*|\s+(?:and|&|und|et)\s+", line) if p.strip()]
    if people and all(looks_like_name(split_honorific(p)[0]) and len(p.split()) >= 2 for p in people) \
            and not c.speaker_lines:
        marked = (block.layout.get("italic") or []) + block.strong
        c.speaker_lines.extend((p, [], []) for p in _presenters(people, marked))


def _slide_title(doc: Document) -> tuple[str | None, list[tuple[str, Block]]]:
    """Title and other lines of a text deck's title slide: the first slide (of three) with a heading."""
    by_slide: dict[int, list[Block]] = {}
    for b in doc.blocks:
        if b.layout.get("role") not in ("page-title", "notes") and b.kind not in ("code", "rule") and b.text.strip():
            by_slide.setdefault(int(b.layout.get("slide", 0)), []).append(b)
    slides = sorted(by_slide)
    headed = [n for n in slides[:3] if any(b.kind == "heading" for b in by_slide[n])]
    chosen = headed[0] if headed else (slides[0] if slides else None)
    if chosen is None:
        return None, []
    blocks = by_slide[chosen]
    heading = next((b for b in blocks if b.kind == "heading"), None)
    title_block = heading or blocks[0]
    title_lines = title_block.text.split("\n")
    title = " ".join(title_lines if heading else title_lines[:1]).strip()
    rest = [] if heading else [(ln, title_block) for ln in title_lines[1:]]
    rest += [(ln, b) for b in blocks if b is not title_block for ln in b.text.split("\n")]
    return title, rest


_ABSTRACT_SLIDE = re.compile(r"^\s*(?:abstract|résumé|resumen|kurzfassung)\s*[:.\n]\s*(.+)$", re.I | re.S)
_SELF_INTRO = re.compile(r"\b(?:I['’]m|I am|my name is)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*,?\s+"
                         r"(?:from|at|with)\s+(?:the\s+)?"
                         r"(?P<org>[A-Z][\w&.'’-]*(?:\s+(?:of|for|de|[A-Z][\w&.'’-]*)){0,6})")


def _deck_urls(slides: list[str]) -> list[str]:
    """URLs a deck shows on its last slide or on several slides: the talk's project or paper page."""
    seen: dict[str, set[int]] = {}
    for i, s in enumerate(slides):
        if bibliography(s):
            continue  # a references slide's URLs belong to its entries
        for u in (m.group(0) for m in BARE_URL.finditer(s)):
            seen.setdefault(u.rstrip(".,;:)]}>"), set()).add(i)
    last = len(slides) - 1
    return [u for u, where in seen.items() if (len(where) >= 2 or last in where) and last > 0
            and not re.search(r"(twitter|x|bsky|github|linkedin|mastodon|facebook)\.\w+/|mailto:", u)]


def _page_title_in(first_slide: str, page_title: str) -> str | None:
    """The page title (or it without a ' - Site name' suffix) when the first slide starts with it."""
    for title in (page_title.strip(), re.split(r"\s+[-|–—:]\s+(?=[^-|–—:]*$)", page_title.strip())[0]):
        if title and first_slide.lower().startswith(title.lower()):
            return title
    return None


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
    elif page_title and _page_title_in(first, page_title):
        title = _page_title_in(first, page_title)
        c.title, rest = first[: len(title)], first[len(title):].strip()
    else:
        c.title, lines = _slide_title(doc)
        _title_lines(c, lines)
        rest = ""
    name, aff = _name_and_affiliation(rest) if not c.speaker_lines and rest else (None, None)
    if name:
        c.speaker_lines.append((name, [], []))
        c.affiliation = aff
    elif not c.title and not c.speaker_lines:
        c.title = first
    fm = doc.meta.get("front_matter") or {}
    fm_title = fm.get("title") if isinstance(fm, dict) and isinstance(fm.get("title"), str) else None
    c.title = c.title or fm_title or doc.meta.get("deck_title")
    if not c.speaker_lines and isinstance(fm, dict) and isinstance(fm.get("author"), str):
        c.speaker_lines.append((fm["author"], [], []))
    if not c.date_texts and isinstance(fm, dict) and fm.get("date"):
        c.date_texts.append(str(fm["date"]))
    notes = doc.meta.get("notes") or []
    if notes and notes[0] and not c.affiliation:
        m = _SELF_INTRO.search(notes[0])  # "Hello everyone, I'm Maleen Abeydeera from MIT and ..."
        if m and c.speaker_lines and c.speaker_lines[0][0].startswith(m.group("name")) and "," not in m.group("org"):
            c.affiliation = m.group("org")  # the presenter introduces themself in the first slide's notes
    c.links.extend(InlineLink(text=u, url=u) for u in _deck_urls(slides))
    ctx = page_context(doc, to_lines(doc))
    ctx.series = None  # a deck names its event on the title page, not in a page title
    for slide in slides[1:]:
        c.references.extend((entry, None) for entry in bibliography(slide))
        m = _ABSTRACT_SLIDE.match(slide)
        if m and not c.abstract and len(m.group(1)) > 40:
            c.abstract.append(m.group(1))  # a slide that says 'Abstract' is the abstract; no other slide is
    d = finalize(c, ctx)
    d["slides"] = [clean_inline(s) for s in slides[1:] if clean_inline(s)]
    d["_origin"], d["_locators"] = "full", ["slide 1"]
    return [d]
