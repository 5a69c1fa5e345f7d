"""Flyers and posters: fields that only the layout gives (font size, position on the page).

A flyer rarely labels its fields. The title is the largest text that is not a banner;
the series is a banner ('chaOStalk #4'); a date may be a badge of stacked parts ('Nov' /
'23' / '2017 5:30 PM'); a speaker may be named only where a biography starts.
"""

from __future__ import annotations

import re

from pipeline.document import Document
from pipeline.extract.candidate import Candidate
from pipeline.extract.context import series_from_title
from pipeline.extract.fields import INSTITUTION, VENUE_WORDS
from pipeline.extract.lines import Line, label_of
from pipeline.extract.segment import person_leading
from pipeline.normalize.dates import find_dates, find_time
from pipeline.normalize.people import known_given_name, looks_like_name, split_honorific
from pipeline.normalize.text import clean_inline

_SERIES_WORD = re.compile(r"\b(colloquium|colloquia|seminars?|lectures?|talks?|meetups?|workshop|symposium|"
                          r"kolloquium|séminaire|vorlesung|webinar)\b", re.I)


def layout_title(c: Candidate, doc: Document, lines: list[Line]) -> None:
    """On a flyer, the title is the largest text on the first page that is not a banner.

    Banners are the series name, a date or time, a person's name, an institution or a
    label; what remains with the largest font (then nearest the top) is the title.
    """
    if c.title_sure:
        return
    best: tuple[float, float, str] | None = None
    for b in doc.blocks:
        rel = b.layout.get("rel_size")
        if rel is None or b.layout.get("page", 1) != 1 or b.kind not in ("heading", "paragraph"):
            continue
        texts = [clean_inline(x) or "" for x in b.text.split("\n")]
        for i, t in enumerate(texts):
            if len(re.findall(r"[^\W\d_]", t)) < 4 or _is_banner(t):
                continue
            run = [t]  # a title may wrap: the following non-banner lines of the block belong to it
            for nxt in texts[i + 1:]:
                if not nxt or _is_banner(nxt):
                    break
                run.append(nxt)
            title = " ".join(run) if len(run) < 4 else t
            if len(title.split()) < 2:
                break
            key = (rel, -float(b.layout.get("top", 0)), title)
            if best is None or key[:2] > best[:2]:
                best = key
            break  # the first non-banner line of a block stands for it
    if best and best[0] >= 0.95:
        c.title = best[2]


def layout_series(doc: Document) -> str | None:
    """A flyer's series banner: 'chaOStalk #4' -> 'chaOStalk'; 'Department of X' over 'Colloquium'."""
    for b in doc.blocks:
        if b.layout.get("page", 1) != 1 or b.layout.get("rel_size", 1.0) < 1.1:
            continue
        texts = [clean_inline(x) or "" for x in b.text.split("\n")]
        for i, t in enumerate(texts):
            m = re.match(r"^(.{3,40}?)\s*#\s?\d+$", t)
            if label_of(t)[0] or VENUE_WORDS.search(t):
                continue  # 'Where: Liberal Arts (Building #18) Rm #123' is a room, not 'chaOStalk #4'
            if m:
                return m.group(1)
            if _SERIES_WORD.fullmatch(t.strip()) and i > 0 and INSTITUTION.search(texts[i - 1]):
                return f"{texts[i - 1]} {t.strip()}"
    return None


def _is_banner(text: str) -> bool:
    label = label_of(text)[0]
    if label or series_from_title(text) or INSTITUTION.search(text) or VENUE_WORDS.search(text):
        return True
    if re.search(r"#\s?\d+\s*$", text) or (_SERIES_WORD.search(text) and len(text.split()) <= 3):
        return True  # 'chaOStalk #4', 'Colloquium': the series banner
    if find_dates(text, None, 2000, allow_bare_md=True) or find_time(text):
        return True
    name = split_honorific(re.split(r"\s*[,(:–-]\s*", text)[0])[0]
    if looks_like_name(name) and len(name.split()) <= 4 and len(text) < 60 and known_given_name(name):
        return True
    words = re.findall(r"[^\W\d_]+", text)
    return len(words) <= 2 and text.isupper()  # 'MEETUP', 'BAYESIAN STATISTICS'


def speakers_from_bios(c: Candidate, doc: Document) -> None:
    """A poster that names its speakers only in their biographies: 'Joachim Hertzberg leitet ...'."""
    if c.speaker_lines or c.people:
        return
    for b in doc.blocks:
        name = person_leading(b.text) if b.kind == "paragraph" and len(b.text) > 150 else None
        if name:
            affiliation = affiliation_in_bio(b.text)
            c.speaker_lines.append((f"{name}, {affiliation}" if affiliation else name, [], []))
            first_line = b.text.split("\n")[0]
            if not any(first_line in x for x in c.bio):  # the segmenter may have taken it as a biography already
                c.bio.append(b.text)


_AT_INSTITUTION = re.compile(r"\b(?:at|an der|am|bei|à l'|à la|au|en la|presso)\s+(?:the\s+)?"
                             r"([A-ZÄÖÜÉ][\w'’.-]*(?:\s+(?:of|for|für|de|di|and|&|[A-ZÄÖÜÉ][\w'’.-]*)){0,6})")


def affiliation_in_bio(bio: str) -> str | None:
    """The institution a biography's first sentence places its person at ('... an der Universität Osnabrück')."""
    first = re.split(r"(?<=[a-z]{2})\.\s", " ".join(bio.split()), maxsplit=1)[0]
    for m in _AT_INSTITUTION.finditer(first):
        phrase = re.sub(r"(\s+(?:of|for|für|de|di|and|&))+$", "", m.group(1))
        if INSTITUTION.search(phrase):
            return phrase
    return None


def _short(b) -> bool:
    return all(len(x.strip()) <= 14 for x in b.text.split("\n")) and len(b.text) <= 30


def _stacked(upper, lower) -> bool:
    """`lower` sits right under `upper`, overlapping it horizontally: parts of one badge."""
    ux0, uw = upper.layout.get("x0", 0.0), upper.layout.get("width", 0.0)
    lx0, lw = lower.layout.get("x0", 0.0), lower.layout.get("width", 0.0)
    overlap = min(ux0 + uw, lx0 + lw) - max(ux0, lx0)
    gap = lower.layout.get("top", 0.0) - (upper.layout.get("top", 0.0) + upper.layout.get("height", 0.0))
    size = max(upper.layout.get("font_size", 10.0), lower.layout.get("font_size", 10.0))
    return overlap > 0 and -0.6 * size <= gap <= 1.5 * size and upper.layout.get("page") == lower.layout.get("page")


def badge_date(doc: Document, order: str | None, year: int | None) -> str | None:
    """A date set as a badge of stacked short parts: 'Nov' / '23' / '2017 5:30 PM' -> 'Nov 23 2017 5:30 PM'."""
    blocks = [b for b in doc.blocks if b.layout.get("page", 1) == 1 and "top" in b.layout and b.text.strip()]
    for i, b in enumerate(blocks):
        if not _short(b):
            continue
        group = [b]
        for nxt in blocks[i + 1: i + 5]:
            if not (_short(nxt) and _stacked(group[-1], nxt)):
                break
            group.append(nxt)
        if len(group) < 2:
            continue
        text = " ".join(x.replace("\n", " ").strip() for x in (g.text for g in group))
        if find_dates(text, order, year, allow_bare_md=True) and not find_dates(b.text, order, year):
            return text
    return None
