"""Readers know formats: each turns one kind of source into a `Document`."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from pipeline.document import Document
from pipeline.normalize.text import decode_bytes


class ReaderError(Exception):
    """A source that cannot be read; the message is one human-readable line."""


# Size limits. Announcements are small: the largest text source in the shared corpus is 20 KB
# and no source there yields more than 21,000 characters of text. Reading and extraction cost
# about 2-4 s per MB of text, and parsing HTML about 2 KB of memory per element (measured with
# tests/hostile.py), so 8-10 MB of Markdown or HTML already takes 20 s and close to 1 GB. The
# limits below are 100 times a real announcement and still answer in a few seconds.
MB = 1024 * 1024
TEXT_KIND_LIMITS = {
    "text": ("text file", 2 * MB), "markdown": ("Markdown file", 2 * MB), "jekyll": ("Markdown file", 2 * MB),
    "markdown-slides": ("Markdown deck", 2 * MB), "slide-dump": ("slide dump", 2 * MB),
    "html": ("web page", 4 * MB),  # markup, scripts and styles weigh more than the text they carry
    "email": ("e-mail", 16 * MB),  # attachments (base64) are skipped unread, only text parts are read
}
MAX_TEXT_CHARS = 1_000_000  # characters of text one source may yield (any kind, PDF and slides too)
ZIP_MAX_ENTRIES = 10_000
ZIP_MAX_UNPACKED = 256 * MB  # python-pptx holds every part of a deck in memory at once


def _mb(n: int) -> str:
    """'50 MB', '2.5 MB', '2 MB'."""
    return f"{n / MB:.1f} MB".replace(".0 MB", " MB") if n < 10 * MB else f"{n // MB:,} MB"


NOT_YET = {
    "pdf": "PDF reading is not supported yet",
    "pptx": "PowerPoint reading needs the python-pptx package (pip install python-pptx)",
    "ppt": "legacy PowerPoint (.ppt) files are not supported; save the deck as .pptx",
    "binary": "binary data that is not a supported document format",
}


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)|"""
                           rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)""", re.I)


def _html_charset(data: bytes) -> str | None:
    """The charset a web page declares in its first bytes (<meta charset>, http-equiv, XML declaration)."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    return (m.group(1) or m.group(2)).decode("ascii", "replace").lower()


def _read_optional(kind: str, data: bytes) -> Document:
    """PDF and PowerPoint readers need optional packages: a missing one is a one-line error, as is a bad file."""
    try:
        if kind == "pdf":
            from pipeline.readers.pdf import PdfError as Error
            from pipeline.readers.pdf import read_pdf as reader
        else:
            from pipeline.readers.pptx import PptxError as Error
            from pipeline.readers.pptx import read_pptx as reader
    except ImportError:
        raise ReaderError(NOT_YET[kind]) from None
    try:
        return reader(data)
    except Error as e:
        raise ReaderError(str(e)) from None


def read(data: bytes, kind: str, origin: dict | None = None) -> Document:
    """Dispatch on the sniffed kind; raise ReaderError for kinds that cannot be read.

    `origin` is the fetch record of a page `ingest fetch` saved: its final URL resolves
    relative links and its HTTP charset comes first when decoding.
    """
    doc = _read(data, kind, origin or {})
    chars = sum(len(b.text) for b in doc.blocks)
    if chars > MAX_TEXT_CHARS:
        raise ReaderError(f"document holds {chars:,} characters of text; announcements over "
                          f"{MAX_TEXT_CHARS:,} characters are not read")
    url = (origin or {}).get("final_url") or (origin or {}).get("url")
    if isinstance(url, str) and re.match(r"https?://", url):
        try:
            doc.base_url = urljoin(url, doc.base_url) if doc.base_url else url  # <base href> may be relative
        except ValueError:  # an address that does not parse ('http://[') resolves nothing
            doc.base_url = None
    return doc


def _read(data: bytes, kind: str, origin: dict) -> Document:
    if kind in ("binary", "pptx") and data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        problem = _zip_problem(data)
        if problem:
            raise ReaderError(problem)
    if kind in ("pdf", "pptx"):
        return _read_optional(kind, data)
    if kind in NOT_YET:
        raise ReaderError(NOT_YET[kind])
    what, limit = TEXT_KIND_LIMITS.get(kind, ("text file", TEXT_KIND_LIMITS["text"][1]))
    if len(data) > limit:
        raise ReaderError(f"{what} is {_mb(len(data))}; announcements over {_mb(limit)} are not read")
    if kind == "email":
        from pipeline.readers.text import read_email

        return read_email(data)
    declared = (origin.get("charset") or _html_charset(data)) if kind == "html" else origin.get("charset")
    text, warnings = decode_bytes(data, declared)
    if kind == "markdown-slides":
        from pipeline.readers.mddeck import read_markdown_deck

        doc = read_markdown_deck(text)
    elif kind in ("jekyll", "markdown"):
        from pipeline.readers.markdown import read_markdown

        doc = read_markdown(text, front_matter=kind != "markdown")
    elif kind == "html":
        from pipeline.readers.html import read_html

        doc = read_html(text)
    elif kind == "slide-dump":
        from pipeline.readers.slides import read_slide_dump

        doc = read_slide_dump(text)
    else:
        from pipeline.readers.text import read_text

        doc = read_text(text)
    doc.warnings[:0] = warnings
    return doc


def _zip_problem(data: bytes) -> str | None:
    """One line on a ZIP container that is not a readable slide deck (None for an intact deck).

    A deck is refused before python-pptx sees it when it would unpack to more than
    ZIP_MAX_UNPACKED (by the sizes it declares), when an entry inflates to more than it
    declares (a lying central directory: Python's zipfile inflates up to 2 GB in one read
    before cutting to the declared size), when entries overlap, or when it uses compression
    other than stored/deflate (PowerPoint writes nothing else).
    """
    import zipfile
    from io import BytesIO

    entries = zip_entries(data)
    if entries > ZIP_MAX_ENTRIES:  # before zipfile spends seconds and hundreds of MB listing them
        return f"ZIP archive has {entries:,} entries (over {ZIP_MAX_ENTRIES:,}); not read"
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "damaged or truncated ZIP archive (an Office file such as .pptx is a ZIP); cannot be read"
    names = [i.filename for i in infos]
    if any(n.startswith("word/") for n in names):
        return "Word documents (.docx) are not supported"
    if any(n.startswith("xl/") for n in names):
        return "spreadsheets (.xlsx) are not supported"
    if not any(n.startswith("ppt/") for n in names):
        return "ZIP archive that is not a supported document format"
    return _zip_bomb(data, infos)


def zip_entries(data: bytes) -> int:
    """How many central-directory entries a ZIP holds at most (their signatures, counted in C)."""
    return data.count(b"PK\x01\x02")


def _zip_bomb(data: bytes, infos: list) -> str | None:
    import struct
    import zlib

    declared = sum(i.file_size for i in infos)
    if declared > ZIP_MAX_UNPACKED:
        return (f"ZIP archive would unpack to {_mb(declared)}, over the {_mb(ZIP_MAX_UNPACKED)} limit "
                f"(a zip bomb?); not read")
    spans = []
    for info in infos:
        if info.compress_type not in (0, 8):
            return f"damaged PowerPoint file: entry {info.filename[:80]!r} uses a compression PowerPoint never writes"
        head = data[info.header_offset:info.header_offset + 30]
        if len(head) < 30 or head[:4] != b"PK\x03\x04":
            return f"damaged PowerPoint file: entry {info.filename[:80]!r} points outside the archive"
        start = info.header_offset + 30 + sum(struct.unpack("<HH", head[26:30]))
        spans.append((info.header_offset, start + info.compress_size, info))
    spans.sort(key=lambda s: s[0])
    for (_, end, info), (nxt, _, _) in zip(spans, spans[1:], strict=False):
        if nxt < end:
            return f"damaged PowerPoint file: ZIP entries overlap at {info.filename[:80]!r} (a zip bomb?); not read"
    for _, end, info in spans:
        if info.compress_type != 8:
            continue
        raw = data[end - info.compress_size:end]
        d = zlib.decompressobj(-15)
        produced = 0
        try:
            while produced <= info.file_size and not d.eof:
                out = d.decompress(raw, 1 << 20)  # at most 1 MB at a time: memory stays flat
                produced += len(out)
                if not out and len(d.unconsumed_tail) == len(raw):
                    break  # no progress: the data ends here
                raw = d.unconsumed_tail
        except zlib.error:
            return f"damaged PowerPoint file: entry {info.filename[:80]!r} is not valid compressed data"
        if produced > info.file_size:
            return (f"damaged PowerPoint file: entry {info.filename[:80]!r} unpacks to more than the "
                    f"{info.file_size:,} bytes it declares (a zip bomb?); not read")
    return None
