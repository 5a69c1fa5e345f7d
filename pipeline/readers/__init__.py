"""Readers know formats: each turns one kind of source into a `Document`."""

from __future__ import annotations

from pipeline.document import Document
from pipeline.normalize.text import decode_bytes


class ReaderError(Exception):
    """A source that cannot be read; the message is one human-readable line."""


NOT_YET = {
    "pdf": "PDF reading is not supported yet",
    "pptx": "PowerPoint reading is not supported yet",
    "ppt": "legacy PowerPoint (.ppt) files are not supported; save the deck as .pptx",
    "binary": "binary data that is not a supported document format",
}


def read(data: bytes, kind: str) -> Document:
    """Dispatch on the sniffed kind; raise ReaderError for kinds that cannot be read."""
    if kind in NOT_YET:
        raise ReaderError(NOT_YET[kind])
    if kind == "email":
        from pipeline.readers.text import read_email

        return read_email(data)
    text, warnings = decode_bytes(data)
    if kind in ("jekyll", "markdown", "markdown-slides"):
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
