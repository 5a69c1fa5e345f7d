"""Rendered HTML pages: decoded bytes to blocks through the shared HTML walker.

Site chrome is left out: scripts, styles and embedded frames always; cookie banners, navbars,
breadcrumbs and sidebars by their class or role; nav/header/footer/aside when the page has
no main content element. The page <title>, its meta tags and any schema.org events it
declares (JSON-LD or microdata) are kept as metadata; declared events take priority over
the visible text in extraction.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from pipeline.document import Document
from pipeline.normalize.text import repair
from pipeline.readers.htmlblocks import html_to_blocks
from pipeline.readers.structured import meta_tags, page_events

_CHROME_ATTR = re.compile(r"cookie|consent|gdpr|banner|navbar|breadcrumb|sidebar|share|social|skip-link", re.I)


def read_html(text: str) -> Document:
    text = repair(text)
    soup = BeautifulSoup(text, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    base = soup.find("base", href=True)
    events = page_events(soup)
    meta = meta_tags(soup)
    for tag in soup.find_all(["script", "style", "noscript", "template", "svg", "iframe"]):
        tag.decompose()
    for tag in soup.find_all(lambda t: isinstance(t, Tag) and t.attrs is not None and _CHROME_ATTR.search(
            " ".join([*(t.get("class") or []), t.get("id") or "", t.get("role") or ""]))):
        if not tag.find(["main", "article"]):
            tag.decompose()
    main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article")
    if main is None:
        for tag in soup.find_all(["nav", "header", "footer", "aside"]):
            tag.decompose()
        main = soup.body or soup
    blocks = html_to_blocks(str(main))
    doc = Document(blocks=blocks, meta={"html_title": title, "events": events, "meta_tags": meta})
    if base:
        doc.base_url = base["href"]
    return doc
