"""Readers know formats: each turns one kind of source into a `Document`."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from pipeline.document import Document
from pipeline.normalize.text import decode_bytes


class ReaderError(Exception):
    """A source that cannot be read; the message is one human-readable line."""


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
    url = (origin or {}).get("final_url") or (origin or {}).get("url")
    if isinstance(url, str) and re.match(r"https?://", url):
        doc.base_url = urljoin(url, doc.base_url) if doc.base_url else url  # <base href> may be relative
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
    """One line on a ZIP container that is not a readable slide deck (None for an intact deck)."""
    import zipfile
    from io import BytesIO

    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = z.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "damaged or truncated ZIP archive (an Office file such as .pptx is a ZIP); cannot be read"
    if any(n.startswith("word/") for n in names):
        return "Word documents (.docx) are not supported"
    if any(n.startswith("xl/") for n in names):
        return "spreadsheets (.xlsx) are not supported"
    if any(n.startswith("ppt/") for n in names):
        return None
    return "ZIP archive that is not a supported document format"
