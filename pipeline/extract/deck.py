"""Slide decks: the title slide gives title, speaker and affiliation; every slide's text goes to `slides`."""

from __future__ import annotations

import re
from typing import Any

from pipeline.document import Document
from pipeline.extract.candidate import Candidate
from pipeline.extract.context import page_context
from pipeline.extract.fields import finalize
from pipeline.extract.lines import to_lines
from pipeline.normalize.people import PARTICLES
from pipeline.normalize.text import clean_inline

_INSTITUTION = re.compile(r"\b(universit\w*|institut\w*|college|school|laborator\w*|centre|center|centrum|"
                          r"department|faculty|academy|lab|inc|gmbh|corporation)\b", re.I)


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
        if aff and _INSTITUTION.search(" ".join(head)) and (n == 2 or toks[n - 1].lower() not in PARTICLES):
            return " ".join(name_toks), aff
    if len(toks) in (2, 3) and all(t[:1].isupper() for t in toks):
        return rest, None
    return None, None


def extract_deck(doc: Document) -> list[dict[str, Any]]:
    slides: list[str] = list(doc.meta.get("slides") or [])
    if not slides:
        return []
    page_title = next((b.text for b in doc.blocks if b.layout.get("role") == "page-title"), None)
    first = slides[0]
    c = Candidate(origin="full", locator="slide 1")
    rest = first
    if page_title and first.lower().startswith(page_title.lower().strip()):
        c.title = first[: len(page_title.strip())]
        rest = first[len(page_title.strip()):].strip()
    name, aff = _name_and_affiliation(rest)
    if name:
        c.speaker_lines.append((name, [], []))
        c.affiliation = aff
    elif not c.title:
        c.title = first
    ctx = page_context(doc, to_lines(doc))
    ctx.series = None
    d = finalize(c, ctx)
    d["slides"] = [clean_inline(s) for s in slides[1:] if clean_inline(s)]
    d["_origin"], d["_locators"] = "full", ["slide 1"]
    return [d]
