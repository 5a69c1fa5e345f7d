"""Slide-site text dumps: text scraped from a slide-sharing page, one numbered entry per slide.

Split by the numbering, drop LaTeX blobs and the site's boilerplate, and keep one slide per
progressive build (a slide repeated with more text each time keeps its fullest version).
The dump's first line (the page title) becomes a level-1 heading.
"""

from __future__ import annotations

import re

from pipeline.document import Block, Document
from pipeline.normalize.text import repair
from pipeline.sniff import BOX_RULE, boxed_slides

_SLIDE = re.compile(r"^\s{0,6}(\d{1,4})\.\s+(.*)$")
_LATEX = re.compile(r"<latexit[^>]*>.*?</latexit>|<latexit[^>]*>[A-Za-z0-9+/=]{20,}|sha1_base64=\"[^\"]*\"",
                    re.S)
_BASE64 = re.compile(r"\b[A-Za-z0-9+/]{40,}={0,2}")
# the slide site's own buttons and notices: a whole short line, never the first word of slide
# text ("Likelihood-free inference", "Related work", "Playing with ..." are content)
_BOILERPLATE = re.compile(r"^(download presentation\b.*|download policy\b.*|(more )?recommend(ed|ations)?|play|"
                          r"[\d,.]+k? views?|views?(: ?[\d,.]+k?)?|share|embed|report|like|follow|"
                          r"related( presentations)?|upload(ed)?( by\b.*)?)\W*$", re.I)


def clean_slide_text(text: str) -> str:
    text = _LATEX.sub(" ", text)
    text = _BASE64.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def is_build_of(a: str, b: str) -> bool:
    """True when slide `a` is an earlier build step of slide `b` (all its words reappear in order)."""
    wa, wb = a.split(), b.split()
    if not wa or len(wa) > len(wb):
        return False
    it = iter(wb)
    return all(w in it for w in wa)


def split_slides(text: str) -> tuple[list[str], list[str]]:
    """(header lines before slide 1, slide texts in order with builds collapsed)."""
    header: list[str] = []
    slides: list[str] = []
    expected = 1
    for line in text.split("\n"):
        m = _SLIDE.match(line)
        if m and int(m.group(1)) == expected:
            slides.append(m.group(2))
            expected += 1
            continue
        if _BOILERPLATE.match(line.strip()):
            if slides:
                break
            continue
        if slides:
            slides[-1] += " " + line.strip()
        elif line.strip():
            header.append(line.strip())
    cleaned = [clean_slide_text(s) for s in slides]
    kept: list[str] = []
    for s in cleaned:
        if not s:
            continue
        if len(kept) > 1 and is_build_of(kept[-1], s):
            kept[-1] = s
        else:
            kept.append(s)
    return header, kept


def split_boxes(text: str) -> list[str]:
    """Slides drawn as boxes between long '=====' rules; each keeps its lines, builds collapsed."""
    boxes: list[list[str]] = []
    inside = False
    for line in text.split("\n"):
        if BOX_RULE.match(line):
            inside = not inside
            if inside:
                boxes.append([])
            continue
        if inside:
            boxes[-1].append(line.rstrip())
    kept: list[str] = []
    for box in boxes:
        lines = [clean_slide_text(x) for x in box]
        body = "\n".join(x for x in lines if x)
        if not body:
            continue
        if kept and is_build_of(kept[-1], body):
            kept[-1] = body
        else:
            kept.append(body)
    return kept


def read_slide_dump(text: str) -> Document:
    text = repair(text)
    if boxed_slides(text):
        header, slides = [], split_boxes(text)
    else:
        header, slides = split_slides(text)
    blocks: list[Block] = []
    if header:
        blocks.append(Block(kind="heading", text=header[0], level=1, layout={"role": "page-title"}))
    for n, s in enumerate(slides, 1):
        blocks.append(Block(kind="paragraph", text=s, layout={"slide": n}))
    return Document(blocks=blocks, meta={"deck": True, "slides": [" ".join(s.split()) for s in slides]})
