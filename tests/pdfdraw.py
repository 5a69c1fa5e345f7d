"""Drawing test PDFs with reportlab: one callback draws each page."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas


def make_pdf(draw: Callable[[canvas.Canvas, int], None], pagesize=A4, pages: int = 1, **kw) -> bytes:
    """A PDF of `pages` pages; `draw(c, i)` draws page i; extra keywords go to the reportlab Canvas."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=pagesize, **kw)
    for i in range(pages):
        draw(c, i)
        c.showPage()
    c.save()
    return buf.getvalue()
