"""HTML (a fragment or a page) to document blocks, shared by the Markdown and HTML readers.

Markdown is rendered to HTML by markdown-it-py and then read here, so inline HTML in a
Jekyll page and a rendered web page go through the same walker. Images are not text
(their `alt` is ignored); scripts, styles and comments are dropped.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from pipeline.document import Block, InlineLink

_SKIP = {"script", "style", "noscript", "template", "img", "svg", "iframe", "object", "embed",
         "head", "button", "input", "select", "textarea", "form", "video", "audio", "canvas", "map"}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCKISH = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
             "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "tr", "figure",
             "figcaption", "details", "summary", "address", "center", "body", "html", "li",
             "thead", "tbody", "tfoot", "caption", "fieldset", "hr"}
_STRONG = {"strong", "b", "em", "i", "u", "mark"}
_MAX_DEPTH = 400


class _Builder:
    """Accumulates inline content and flushes it into blocks at block boundaries."""

    def __init__(self, keep_newlines: bool = False) -> None:
        self.keep_newlines = keep_newlines
        self.blocks: list[Block] = []
        self._text: list[str] = []
        self._links: list[InlineLink] = []
        self._strong: list[str] = []
        self._kind = "paragraph"
        self._level = 0

    def start(self, kind: str, level: int = 0) -> None:
        self.flush()
        self._kind, self._level = kind, level

    def add_text(self, s: str) -> None:
        self._text.append(s)

    def flush(self) -> None:
        raw = "".join(self._text)
        lines = [re.sub(r"[ \t\r\f\v\u00a0]+", " ", ln).strip() for ln in raw.split("\n")]
        text = "\n".join(ln for ln in lines if ln)
        if text:
            self.blocks.append(Block(kind=self._kind, text=text, level=self._level,
                                     links=self._links, strong=[s for s in self._strong if s]))
        self._text, self._links, self._strong = [], [], []
        self._kind, self._level = "paragraph", 0


def _inline_text(node: Tag) -> str:
    """Visible text of an inline subtree (images and scripts excluded, <br> as newline)."""
    out: list[str] = []
    for d in node.descendants:
        if isinstance(d, Comment):
            continue
        if isinstance(d, NavigableString):
            if not any(p.name in _SKIP for p in d.parents if isinstance(p, Tag)):
                out.append(str(d))
        elif isinstance(d, Tag) and d.name == "br":
            out.append("\n")
    return "".join(out)


def _walk(node: Tag, b: _Builder, depth: int, list_depth: int) -> None:
    if depth > _MAX_DEPTH:
        return
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Doctype", "Declaration", "ProcessingInstruction", "CData"):
                continue
            keep = b.keep_newlines or b._kind == "code"
            b.add_text(str(child) if keep else str(child).replace("\n", " "))
            continue
        if not isinstance(child, Tag):
            continue
        name = (child.name or "").lower()
        if name in _SKIP:
            continue
        if name == "br":
            b.add_text("\n")
        elif name in _HEADINGS:
            b.start("heading", _HEADINGS[name])
            _walk(child, b, depth + 1, list_depth)
            b.flush()
        elif name == "hr":
            b.flush()
            b.blocks.append(Block(kind="rule"))
        elif name == "li":
            b.start("item", list_depth)
            _walk(child, b, depth + 1, list_depth + 1)
            b.flush()
        elif name in ("ul", "ol"):
            b.flush()
            _walk(child, b, depth + 1, list_depth + 1 if list_depth else 1)
            b.flush()
        elif name == "table":
            b.flush()
            _table(child, b)
        elif name == "pre":
            b.start("code")
            b.add_text(child.get_text())
            b.flush()
        elif name == "blockquote":
            b.flush()
            _walk(child, b, depth + 1, list_depth)
            b.flush()
        elif name in _BLOCKISH:
            kind, level = b._kind, b._level
            b.flush()
            if kind == "item":
                b._kind, b._level = kind, level
            _walk(child, b, depth + 1, list_depth)
            b.flush()
        elif name == "a":
            text = _inline_text(child)
            href = (child.get("href") or "").strip()
            if href:
                b._links.append(InlineLink(text=re.sub(r"\s+", " ", text).strip(), url=href))
            _walk(child, b, depth + 1, list_depth)
        elif name in _STRONG:
            b._strong.append(re.sub(r"\s+", " ", _inline_text(child)).strip())
            _walk(child, b, depth + 1, list_depth)
        else:
            _walk(child, b, depth + 1, list_depth)


def _table(table: Tag, b: _Builder) -> None:
    """Each row becomes a `row` block with its cells; the header row names the columns."""
    header: list[str] | None = None
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue
        cells = tr.find_all(["td", "th"], recursive=False)
        texts = [re.sub(r"\s+", " ", _inline_text(c)).strip() for c in cells]
        links = [[InlineLink(text=re.sub(r"\s+", " ", _inline_text(a)).strip(), url=a.get("href", "").strip())
                  for a in c.find_all("a") if a.get("href")] for c in cells]
        if cells and all(c.name == "th" for c in cells):
            header = texts
            continue
        if not any(texts):
            continue
        flat = [lk for cl in links for lk in cl]
        b.blocks.append(Block(kind="row", text=" | ".join(texts), cells=texts, cell_links=links,
                              header=header, links=flat))


def html_to_blocks(html: str, parser: str = "lxml", keep_newlines: bool = False) -> list[Block]:
    """Parse HTML and return its visible content as ordered blocks.

    `keep_newlines` keeps line breaks of text nodes (Markdown soft breaks carry meaning:
    one labelled field per line); in a web page they are only source formatting.
    """
    soup = BeautifulSoup(html, parser)
    b = _Builder(keep_newlines)
    root = soup.body or soup
    _walk(root, b, 0, 0)
    b.flush()
    return b.blocks
