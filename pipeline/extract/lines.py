"""Blocks to labelled lines: the unit the segmenter works on.

A paragraph block becomes one `Line` per source line; a line that starts with a field
label ("Title:", "Speaker:", "Résumé :", "(Host: ...)") carries that field and its value.
Labels come from data/labels.json, so a new language is a data change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.data import load
from pipeline.document import Block, Document, InlineLink
from pipeline.normalize.people import looks_like_name, split_honorific

_LABELS: dict[str, str] = {}
for _field, _words in load("labels.json").items():
    if not _field.startswith("_"):
        for _w in _words:
            _LABELS.setdefault(_w, _field)

_LABEL_RX = re.compile(r"^[\s(*_>•-]{0,4}(?P<label>[^\W\d][\w'’ &/.-]{0,30}?)\s*[*_]*\s*[:：]\s*[*_]*\s*(?P<value>.*)$",
                       re.S)
_BY_RX = re.compile(r"^(?P<label>presented by|présenté par|présentée par|vorgetragen von|par|by|with)\s+"
                    r"(?P<value>\S.*)$", re.I | re.S)


@dataclass
class Line:
    """One line of a block, with the field label it starts with (if any)."""

    text: str
    kind: str
    level: int
    block: int
    label: str | None = None
    value: str = ""
    links: list[InlineLink] = field(default_factory=list)
    strong: list[str] = field(default_factory=list)
    cells: list[str] | None = None
    cell_links: list[list[InlineLink]] | None = None
    header: list[str] | None = None
    layout: dict = field(default_factory=dict)


def label_of(text: str) -> tuple[str | None, str]:
    """(field, value) when `text` starts with a known label, else (None, text)."""
    m = _LABEL_RX.match(text)
    if m:
        word = re.sub(r"\s+", " ", m.group("label").strip(" *_.").lower())
        f = _LABELS.get(word)
        if f:
            value = m.group("value").strip()
            if text.lstrip().startswith("(") and value.endswith(")"):
                value = value[:-1]
            return f, value
    bare = text.strip().strip("*_#: ").lower()
    if bare in _LABELS and len(bare) > 2 and _LABELS[bare] in ("abstract", "bio", "references", "keywords", "speaker") \
            and bare not in ("who", "by"):
        return _LABELS[bare], ""
    m = _BY_RX.match(text.strip())
    if m and m.group("label").lower() in ("presented by", "présenté par", "présentée par", "vorgetragen von"):
        return "speaker", m.group("value")
    if m and len(text.split()) <= 9:
        head = re.split(r"\s*[,(]|\s+(?:from|of|at)\s", m.group("value"))[0]
        if looks_like_name(split_honorific(head.strip())[0]):
            return "speaker", m.group("value")
    return None, text


_INLINE_LABEL = re.compile(r"(?<=\S)\s{1,}(?=(?:[A-Z][\w]*(?: [a-z]\w*)?)\s*:\s)")
_SHORT_FIELDS = {"date", "time", "location", "speaker", "title", "host"}


def split_inline_labels(text: str) -> list[str]:
    """'Date: 27 June 14:00 Location: Room J114' -> two lines, when both labels are known."""
    first, _ = label_of(text)
    if first is None:
        return [text]
    head = _LABEL_RX.match(text)
    start = head.start("value") if head else 0  # 'Date and Place: ...' is one label, not 'Place:' inside it
    parts = _INLINE_LABEL.split(text[start:])
    parts[0] = text[:start] + parts[0]
    if len(parts) == 1:
        return [text]
    out = [parts[0]]
    for p in parts[1:]:
        f, _ = label_of(p)
        if f in _SHORT_FIELDS and first in _SHORT_FIELDS | {"abstract"} and f != first:
            out.append(p)
        else:
            out[-1] = out[-1] + " " + p
    return out


BARE_URL = re.compile(r"\bhttps?://[^\s<>\"'“”]+", re.I)


def _links_in(text: str, links: list[InlineLink]) -> list[InlineLink]:
    return [lk for lk in links if lk.text and lk.text in text or (not lk.text and lk.url in text)]


def _with_bare_urls(text: str, links: list[InlineLink]) -> list[InlineLink]:
    """The line's links plus URLs written out in its text ('Recording: https://...' in plain text or a PDF)."""
    out = list(links)
    for m in BARE_URL.finditer(text):
        url = m.group(0).rstrip(".,;:!?)]}>")
        if "(" in url and not url.endswith(")") and m.group(0)[len(url):].startswith(")"):
            url += ")"  # a Wikipedia-style URL with parentheses
        if not any(lk.url == url or lk.url.rstrip("/") == url.rstrip("/") for lk in out):
            out.append(InlineLink(text=url, url=url))
    return out


def to_lines(doc: Document) -> list[Line]:
    """Flatten a document into labelled lines, keeping block kinds and layout hints."""
    out: list[Line] = []
    for i, b in enumerate(doc.blocks):
        out.extend(_block_lines(i, b))
    return out


def _block_lines(i: int, b: Block) -> list[Line]:
    if b.kind == "rule":
        return [Line(text="", kind="rule", level=0, block=i)]
    if b.kind == "row":
        return [Line(text=b.text, kind="row", level=0, block=i, links=b.links, cells=b.cells,
                     cell_links=b.cell_links, header=b.header, layout=b.layout)]
    raw_lines = [part for ln in b.text.split("\n") if ln.strip() for part in split_inline_labels(ln.strip())]
    lines: list[Line] = []
    for n, t in enumerate(raw_lines):
        label, value = label_of(t)
        links = _with_bare_urls(t, _links_in(t, b.links) if len(raw_lines) > 1 else list(b.links))
        strong = [s for s in b.strong if s and s in t]
        kind = b.kind if n == 0 or b.kind != "item" else "item-cont"
        lines.append(Line(text=t, kind=kind, level=b.level, block=i, label=label, value=value,
                          links=links, strong=strong, layout=b.layout))
    return lines
