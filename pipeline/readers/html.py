"""Rendered HTML pages: decoded bytes to blocks through the shared HTML walker.

Site chrome (nav, header, footer, aside) is left out when the page has a main content
element; the page <title> is kept as metadata.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from pipeline.document import Document
from pipeline.normalize.text import repair
from pipeline.readers.htmlblocks import html_to_blocks


def read_html(text: str) -> Document:
    text = repair(text)
    soup = BeautifulSoup(text, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    base = soup.find("base", href=True)
    main = soup.find("main") or soup.find("article") or soup.find(attrs={"role": "main"})
    if main is None:
        for tag in soup.find_all(["nav", "header", "footer", "aside"]):
            tag.decompose()
        main = soup.body or soup
    blocks = html_to_blocks(str(main))
    doc = Document(blocks=blocks, meta={"html_title": title})
    if base:
        doc.base_url = base["href"]
    return doc
