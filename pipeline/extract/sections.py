"""A flyer that announces several talks: one section of blocks per talk.

A poster for two talks repeats its structure. Each talk has its own banner
('Guest Talk #1: ...', 'Guest Talk #2: ...'), title, abstract and 'When:' block, while the
page header, the speaker's name and a biography are shared. The repeated date blocks say
how many talks there are; the heading style that opens every one of them says where each
section starts. Blocks outside every section (the header above, a biography or sponsors
below) belong to all the talks, so each talk is extracted from its section plus those.
"""

from __future__ import annotations

from pipeline.document import Block, Document
from pipeline.extract.lines import label_of
from pipeline.normalize.dates import find_dates, find_time


def _when(b: Block) -> str | None:
    """The date/time a block states with a 'When:'/'Date:'/'Time:' label, if any."""
    for line in b.text.split("\n"):
        label, value = label_of(line.strip())
        if label in ("date", "time") and (find_time(value) or find_dates(value, None, 2000, allow_bare_md=True)):
            return value.strip()
    return None


def _style(b: Block) -> tuple[float, bool] | None:
    rel = b.layout.get("rel_size")
    if rel is None or b.kind not in ("heading", "paragraph"):
        return None
    return round(float(rel), 2), bool(b.layout.get("bold"))


def _openers(blocks: list[Block], dated: list[int]) -> list[int] | None:
    """The first block of each talk: one block per gap before each date block, all in one style.

    The style must be larger or bolder than body text, so a repeated abstract paragraph
    never counts as a banner; the largest such style wins.
    """
    gaps = [range(0 if k == 0 else dated[k - 1] + 1, d) for k, d in enumerate(dated)]
    styles = {_style(blocks[i]) for i in gaps[0]} - {None}
    best: list[int] | None = None
    for style in sorted(styles, key=lambda s: (s[0], s[1]), reverse=True):
        if style[0] < 1.05 and not style[1]:
            continue
        picks = []
        for gap in gaps:
            hits = [i for i in gap if _style(blocks[i]) == style]
            if not hits:
                break
            picks.append(hits[-1] if gap is gaps[0] else hits[0])
        else:
            best = picks
            break
    return best


def flyer_sections(doc: Document) -> list[Document] | None:
    """Sub-documents, one per announced talk, or None when the flyer announces one talk."""
    if doc.meta.get("deck") or doc.meta.get("section_of") or not any("rel_size" in b.layout for b in doc.blocks):
        return None
    blocks = doc.blocks
    whens = {i: w for i, w in ((i, _when(b)) for i, b in enumerate(blocks)) if w}
    dated = sorted(whens)
    if len(dated) < 2 or len(set(whens.values())) < len(dated):
        return None
    openers = _openers(blocks, dated)
    if not openers:
        return None
    ends = [openers[k + 1] - 1 for k in range(len(openers) - 1)]
    previous = ends[-1] - openers[-2] if ends else 0
    ends.append(min(len(blocks) - 1, max(dated[-1], openers[-1] + previous)))
    shared = blocks[: openers[0]] + blocks[ends[-1] + 1:]
    # a shared date ('September 27-28, 2018') spans the talks: it gives the year, not a talk's date
    dated_shared = [b for b in shared if find_dates(b.text, None, 2000, allow_bare_md=False)]
    before = [b for b in blocks[: openers[0]] if b not in dated_shared]
    after = [b for b in blocks[ends[-1] + 1:] if b not in dated_shared]
    subs = []
    for start, end in zip(openers, ends, strict=False):
        meta = dict(doc.meta, section_of=len(openers), section_heading=blocks[start].text,
                    shared_text="\n".join(b.text for b in dated_shared))
        subs.append(Document(blocks=before + blocks[start: end + 1] + after, meta=meta, base_url=doc.base_url))
    return subs
