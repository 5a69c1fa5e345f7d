"""A file's kind from its bytes, never from its extension.

The order matters: binary signatures first (PDF, ZIP/OOXML, OLE), then e-mail headers,
HTML, front matter (Jekyll page or Markdown slide deck), slide-site dumps, Markdown, and
plain text as the default for anything that decodes as text.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from io import BytesIO

_EMAIL_HEADER = re.compile(
    r"^(From|To|Subject|Date|Message-ID|MIME-Version|Received|Return-Path|Content-Type|Delivered-To|"
    r"Reply-To|Sender|X-[\w-]+)\s*:", re.I | re.M)
_HTML = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<\?xml[^>]*>\s*<html)", re.I)
_HTML_TAGS = re.compile(r"<(html|head|body|div|meta|title|script)[\s>]", re.I)
_MBOX_FROM = re.compile(r"^From \S+ .*\d\d:\d\d")
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_SLIDE_NUM = re.compile(r"^\s{0,4}(\d{1,3})\.\s+\S", re.M)
_MD_SIGNAL = re.compile(r"^(#{1,6}\s|\s*[-*+]\s+\S|\|.*\|\s*$)|\*\*\S|\[[^\]]+\]\([^)]+\)"
                        r"|\[[^\]]+\]\[\w*\]|<(a|p|img|br|div)\b",
                        re.M)


def _is_binary(head: bytes) -> bool:
    if not head:
        return False
    head = head[:4096]
    nuls = head.count(0)
    if nuls:
        # UTF-16 text has NULs too; a BOM says it is text
        if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
            return False
        if nuls > len(head) // 20:
            return True
        head = head.replace(b"\x00", b"")  # a few stray NULs in text (a damaged copy): the reader drops them
        if not head:
            return True
    ctrl = sum(1 for c in head if c < 9 or 13 < c < 32)
    return ctrl / len(head) > 0.05


def _zip_kind(data: bytes) -> str:
    from pipeline.readers import ZIP_MAX_ENTRIES, zip_entries

    if zip_entries(data) > ZIP_MAX_ENTRIES:  # listing them would take seconds; the reader refuses it
        return "pptx" if b"ppt/" in data[:65536] else "binary"
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "pptx" if b"ppt/" in data[:65536] else "binary"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    return "binary"


def slide_numbering_score(text: str) -> float:
    """Share of numbered lines that continue a 1, 2, 3 ... sequence (slide-site dumps)."""
    nums = [int(n) for n in _SLIDE_NUM.findall(text)]
    if len(nums) < 5:
        return 0.0
    run = best = 0
    expected = 1
    for n in nums:
        if n == expected:
            run += 1
            expected += 1
            best = max(best, run)
    return best / max(1, len(nums)) if best >= 5 else 0.0


BOX_RULE = re.compile(r"^[ \t]*(={10,}|\*{10,}|#{10,})[ \t]*$")


def boxed_slides(text: str) -> int:
    """Slides drawn as boxes between long '=====' rules in plain text (not Markdown setext underlines).

    Returns the number of boxes when there are at least three, else 0.
    """
    lines = text.split("\n")
    rules = [i for i, ln in enumerate(lines) if BOX_RULE.match(ln)]
    if len(rules) < 6:
        return 0
    # a setext heading underline sits right under its text; a box rule follows a blank line or opens a box
    detached = sum(1 for i in rules if i == 0 or not lines[i - 1].strip() or BOX_RULE.match(lines[i - 1]))
    return len(rules) // 2 if detached >= 0.5 * len(rules) else 0


_DECK_RULE = re.compile(r"^(---|\*{10,}|-{10,})\s*$")


def markdown_deck(text: str) -> bool:
    """Markdown cut into slides by separator lines: a leading '- title:' line, or many short headed chunks."""
    if re.match(r"\A\s*-\s+title\s*:", text) and len(re.findall(r"^(\*{10,}|-{10,})\s*$", text, re.M)) >= 2:
        return True
    chunks, fence, cur = [], False, []
    for ln in text.split("\n"):
        if re.match(r"^\s{0,3}(`{3,}|~{3,})", ln):
            fence = not fence
        if not fence and _DECK_RULE.match(ln):
            chunks.append("\n".join(cur))
            cur = []
        else:
            cur.append(ln)
    chunks.append("\n".join(cur))
    chunks = [c for c in chunks if c.strip()]
    if len(chunks) < 6:
        return False
    headed = sum(1 for c in chunks if re.search(r"^#{1,3}\s+\S", c, re.M))
    mean = sum(len(c) for c in chunks) / len(chunks)
    return headed >= 0.5 * len(chunks) and mean < 700


def sniff_text(text: str) -> str:
    """Kind of a decoded text source."""
    head = text[:4096]
    if _FRONT.match(text):
        fm_end = text.find("\n---", 3)
        fm = text[:fm_end] if fm_end > 0 else head
        if re.search(r"^(marp|revealjs|reveal|remark|rise)\s*:", fm, re.M | re.I) or \
                re.search(r"^layout\s*:\s*['\"]?(slides?|presentation|reveal\w*|deck|remark)\b", fm, re.M | re.I) or \
                re.search(r"^(format|output)\s*:\s*.*(revealjs|slidy|beamer|ioslides|xaringan)", fm, re.M):
            return "markdown-slides"
        return "jekyll"
    lines = head.split("\n")
    if lines and _MBOX_FROM.match(lines[0]):
        lines = lines[1:]  # an mbox "From " separator line before the headers
    headers = [ln for ln in lines[:30] if _EMAIL_HEADER.match(ln)]
    if len(headers) >= 3 and _EMAIL_HEADER.match(lines[0] if lines else ""):
        return "email"
    if _HTML.match(head) or len(_HTML_TAGS.findall(head)) >= 3 and head.lstrip().startswith("<"):
        return "html"
    announcement = len(re.findall(r"^\s*(title|speaker|date|time|abstract|where|when|location|venue|room)\s*:",
                                  text[:8000], re.M | re.I)) >= 2
    if slide_numbering_score(text) > 0.6 and len(re.findall(r"^\s{0,4}\d{1,3}\.\s", text, re.M)) >= 8 \
            and not announcement:  # a programme '1. ... 9.' inside an announcement is not a slide dump
        return "slide-dump"
    if boxed_slides(text):
        return "slide-dump"
    if markdown_deck(text):
        return "markdown-slides"
    if len(_MD_SIGNAL.findall(text[:20000])) >= 2:
        return "markdown"
    return "text"


def sniff(data: bytes) -> str:
    """Kind of a raw source from its bytes."""
    if not data.strip():
        return "text"
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ppt"
    if _is_binary(data[:8192]):
        return "binary"
    return sniff_text(_decode_head(data[:65536]).lstrip("\ufeff"))


def _decode_head(chunk: bytes) -> str:
    """Text of the first bytes: by BOM (UTF-16/32 too), else UTF-8, else Latin-1."""
    for bom, enc in _BOMS:
        if chunk.startswith(bom):
            return chunk[len(bom):].decode(enc, errors="ignore")
    chunk = chunk.replace(b"\x00", b"")  # stray NULs (binary data never gets here)
    try:
        return chunk.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start >= len(chunk) - 3:  # a character cut at the end of the chunk
            return chunk[:e.start].decode("utf-8", errors="replace")
        return chunk.decode("latin-1")
