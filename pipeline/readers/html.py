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
from pipeline.readers.htmlblocks import check_size, html_to_blocks
from pipeline.readers.structured import meta_tags, page_events

_CHROME_ATTR = re.compile(r"cookie|consent|gdpr|banner|navbar|breadcrumb|sidebar|share|social|skip-link", re.I)


def read_html(text: str) -> Document:
    text = repair(text)
    check_size(text)
    soup = BeautifulSoup(text, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    base = soup.find("base", href=True)
    events = page_events(soup)
    meta = meta_tags(soup)
    for tag in soup.find_all(["script", "style", "noscript", "template", "svg", "iframe"]):
        tag.decompose()
    # chrome that wraps the main content stays; marking the ancestors of <main>/<article> once
    # keeps this linear (asking each chrome element whether it holds one is quadratic when they nest)
    holds_main: set[int] = set()
    for m in soup.find_all(["main", "article"]):
        for p in m.parents:
            if id(p) in holds_main:
                break  # its ancestors are marked already
            holds_main.add(id(p))
    for tag in soup.find_all(lambda t: isinstance(t, Tag) and t.attrs is not None and _CHROME_ATTR.search(
            " ".join([*(t.get("class") or []), t.get("id") or "", t.get("role") or ""]))):
        if id(tag) not in holds_main and not tag.decomposed:
            tag.decompose()
    main = soup.find("main") or soup.find(attrs={"role": "main"}) or soup.find("article")
    if main is None:
        for tag in soup.find_all(["nav", "header", "footer", "aside"]):
            tag.decompose()
        main = soup.body or soup
    blocks = html_to_blocks(main)  # the parsed tree itself: parsing it again costs as much as the first time
    doc = Document(blocks=blocks, meta={"html_title": title, "events": events, "meta_tags": meta})
    if base:
        doc.base_url = base["href"]
    return doc
