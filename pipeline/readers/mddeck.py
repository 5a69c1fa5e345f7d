"""Markdown slide decks: Marp, reveal.js, remark, FsReveal and MyST/Jupytext (RISE) notebooks.

A deck is Markdown cut into slides. The cut is a separator line outside code fences:
`---` (Marp, reveal.js, remark), long rules of `*`, `-` or `=` (FsReveal-style decks, where a
short `---` only splits a slide into columns), or a MyST cell marker
`+++ {"slideshow": {"slide_type": "slide"}}` (fragments continue the current slide).
remark's `--` (an incremental build) continues the slide; `???` and reveal.js `Note:` start
speaker notes, which are not slide text. Directive lines such as `- template: title` or
`class: center` at the top of a slide are styling, not content; a leading `- title: X` line
names the deck. Each slide is rendered with the Markdown reader, so links, emphasis and
headings reach the extraction layer like those of any page.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pipeline.document import Block, Document
from pipeline.normalize.text import repair
from pipeline.readers.markdown import _FENCE, read_markdown, split_front_matter

_LONG_RULE = re.compile(r"^\s*(\*{10,}|-{10,}|={10,})\s*$")
_DASH_RULE = re.compile(r"^---\s*$")
_BUILD = re.compile(r"^--\s*$")
_MYST_CELL = re.compile(r"^\+\+\+\s*(\{.*\})?\s*$")
_NOTES = re.compile(r"^(\?\?\?|Notes?:)\s*$|^Notes?:\s", re.I)
_DIRECTIVE = re.compile(r"^\s*(?:-\s+)?(template|class|layout|background(?:-\w+)?|name|count|transition|"
                        r"data-[\w-]+|paginate|header|footer|theme|_\w+)\s*:\s*.*$", re.I)
_DECK_TITLE = re.compile(r"^\s*-\s+title\s*:\s*(.+)$", re.I)
_MYST_OPTION = re.compile(r"^:[\w-]+:")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+.*$")


def _myst_type(marker: str | None) -> str | None:
    if not marker:
        return None
    try:
        meta = json.loads(marker)
    except ValueError:
        return None
    show = meta.get("slideshow") if isinstance(meta, dict) else None
    return show.get("slide_type") if isinstance(show, dict) else None


def split_deck(body: str) -> tuple[list[str], list[str]]:
    """(slide texts, speaker notes per slide) of a Markdown deck body (front matter removed)."""
    lines = body.split("\n")
    long_rules = sum(1 for ln in lines if _LONG_RULE.match(ln)) >= 2
    slides: list[list[str]] = [[]]
    notes: list[list[str]] = [[]]
    fence: str | None = None
    in_notes = False
    options: str | None = None  # a MyST {code-cell}'s option header: '---' YAML '---' or ':key: value' lines
    for ln in lines:
        f = _FENCE.match(ln)
        if fence is not None:
            if options == "start":
                options = "yaml" if ln.strip() == "---" else ("start" if _MYST_OPTION.match(ln) else None)
                if options:
                    continue
            elif options == "yaml":
                options = None if ln.strip() == "---" else "yaml"
                continue
            if f and f.group(1)[0] == fence[0] and len(f.group(1)) >= len(fence):
                fence = None
            (notes if in_notes else slides)[-1].append(ln)
            continue
        if f:
            fence = f.group(1)
            options = "start" if re.search(r"\{code-cell\}|\{code\}", ln) else None
            (notes if in_notes else slides)[-1].append(ln)
            continue
        myst = _MYST_CELL.match(ln)
        new_slide = bool(_LONG_RULE.match(ln)) if long_rules else bool(_DASH_RULE.match(ln))
        if myst:
            new_slide = _myst_type(myst.group(1)) in ("slide", "subslide")
            if not new_slide:
                continue
        if new_slide:
            slides.append([])
            notes.append([])
            in_notes = False
            continue
        if _BUILD.match(ln) and not long_rules:
            continue
        if _NOTES.match(ln) and fence is None:
            in_notes = True
            rest = re.sub(r"^(\?\?\?|Notes?:)\s*", "", ln, flags=re.I)
            if rest:
                notes[-1].append(rest)
            continue
        (notes if in_notes else slides)[-1].append(ln)
    texts = []
    kept_notes = []
    for s, n in zip(slides, notes, strict=True):
        body_lines = list(s)
        while body_lines and (not body_lines[0].strip() or _DIRECTIVE.match(body_lines[0])):
            body_lines.pop(0)  # '- template: title', 'class: center, middle': styling of the slide
        text = "\n".join(body_lines).strip()
        if text:
            texts.append(text)
            kept_notes.append("\n".join(n).strip())
    return texts, kept_notes


def read_markdown_deck(text: str) -> Document:
    """Read a Markdown deck: one group of blocks per slide (layout `slide`), plus the deck's metadata."""
    text = repair(text)
    fm, body, warning = split_front_matter(text)
    meta: dict[str, Any] = {"front_matter": fm, "deck": True}
    first = body.lstrip("\n").split("\n", 1)[0]
    m = _DECK_TITLE.match(first)
    if m:
        meta["deck_title"] = m.group(1).strip()
        body = body.lstrip("\n").split("\n", 1)[1] if "\n" in body.lstrip("\n") else ""
    refs = "\n".join(ln for ln in body.split("\n") if _REF_DEF.match(ln))
    slides, notes = split_deck(body)
    blocks: list[Block] = []
    texts: list[str] = []
    kept_notes: list[str] = []
    for slide, note in zip(slides, notes, strict=True):
        if _REF_DEF.match(slide) and all(_REF_DEF.match(ln) or not ln.strip() for ln in slide.split("\n")):
            continue  # the deck's link definitions collected on a last 'slide'
        sub = read_markdown(slide + ("\n\n" + refs if refs else ""), front_matter=False)
        n = len(texts) + 1
        for b in sub.blocks:
            b.layout["slide"] = n
        slide_text = "\n".join(b.text for b in sub.blocks if b.kind != "rule" and b.text.strip())
        if not slide_text.strip():
            continue
        blocks.extend(sub.blocks)
        texts.append(slide_text)
        kept_notes.append(note)
    meta["slides"] = texts
    meta["notes"] = kept_notes
    doc = Document(blocks=blocks, meta=meta, warnings=[warning] if warning else [])
    url = fm.get("url") if isinstance(fm.get("url"), str) else None
    if url and re.match(r"https?://", url):
        doc.base_url = url
    return doc
