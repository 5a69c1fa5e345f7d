"""HTML (a fragment or a page) to document blocks, shared by the Markdown and HTML readers.

Markdown is rendered to HTML by markdown-it-py and then read here, so inline HTML in a
Jekyll page and a rendered web page go through the same walker. Images are not text
(their `alt` is ignored); scripts, styles and comments are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from pipeline.document import Block, InlineLink
from pipeline.readers import ReaderError

_SKIP = {"script", "style", "noscript", "template", "img", "svg", "iframe", "object", "embed",
         "head", "button", "input", "select", "textarea", "form", "video", "audio", "canvas", "map"}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BLOCKISH = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
             "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "tr", "figure",
             "figcaption", "details", "summary", "address", "center", "body", "html", "li",
             "thead", "tbody", "tfoot", "caption", "fieldset", "hr"}
_STRONG = {"strong", "b", "em", "i", "u", "mark"}
MAX_ELEMENTS = 100_000
_TAG_OPEN = re.compile(r"<[A-Za-z]")


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
    """Visible text of an inline subtree (images and scripts excluded, <br> as newline).

    Iterative, so that a subtree nested thousands of levels deep is no problem.
    """
    if (node.name or "").lower() in _SKIP:
        return ""
    out: list[str] = []
    stack = list(reversed(node.contents))
    while stack:
        d = stack.pop()
        if isinstance(d, Tag):
            if d.name == "br":
                out.append("\n")
            elif d.name not in _SKIP:
                stack.extend(reversed(d.contents))
        elif isinstance(d, NavigableString) and not isinstance(d, Comment):
            out.append(str(d))
    return "".join(out)


_NESTED_INLINE = 8  # emphasis or links nested deeper than this add no new text of their own


def _walk(root: Tag, b: _Builder) -> None:
    """Every node under `root` in document order, with an explicit stack (no recursion limit)."""
    # a frame: (children left to visit, list depth, emphasis/link depth, what to do when leaving)
    stack: list[tuple[Iterator, int, int, Callable[[], None] | None]] = [(iter(root.children), 0, 0, None)]
    while stack:
        children, list_depth, inline, _ = stack[-1]
        child = next(children, None)
        if child is None:
            leave = stack.pop()[3]
            if leave is not None:
                leave()
            continue
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
        enter: tuple[int, int, Callable[[], None] | None] | None = None
        if name == "br":
            b.add_text("\n")
        elif name in _HEADINGS:
            b.start("heading", _HEADINGS[name])
            enter = (list_depth, inline, b.flush)
        elif name == "hr":
            b.flush()
            b.blocks.append(Block(kind="rule"))
        elif name == "li":
            b.start("item", list_depth)
            enter = (list_depth + 1, inline, b.flush)
        elif name in ("ul", "ol"):
            b.flush()
            enter = (list_depth + 1 if list_depth else 1, inline, b.flush)
        elif name == "table":
            b.flush()
            _table(child, b)
        elif name == "pre":
            b.start("code")
            b.add_text(child.get_text())
            b.flush()
        elif name == "blockquote":
            b.flush()
            enter = (list_depth, inline, b.flush)
        elif name in _BLOCKISH:
            kind, level = b._kind, b._level
            b.flush()
            if kind == "item":
                b._kind, b._level = kind, level
            enter = (list_depth, inline, b.flush)
        elif name == "a":
            href = (child.get("href") or "").strip()
            if href and inline < _NESTED_INLINE:
                b._links.append(InlineLink(text=re.sub(r"\s+", " ", _inline_text(child)).strip(), url=href))
            enter = (list_depth, inline + 1, None)
        elif name in _STRONG:
            if inline < _NESTED_INLINE:
                b._strong.append(re.sub(r"\s+", " ", _inline_text(child)).strip())
            enter = (list_depth, inline + 1, None)
        else:
            enter = (list_depth, inline, None)
        if enter is not None:
            stack.append((iter(child.children), *enter))


def _rows(table: Tag) -> list[Tag]:
    """The rows of `table` itself in document order (not those of tables nested in its cells)."""
    rows: list[Tag] = []
    stack = list(reversed(table.contents))
    while stack:
        d = stack.pop()
        if not isinstance(d, Tag) or d.name == "table":
            continue
        if d.name == "tr":
            rows.append(d)
        stack.extend(reversed(d.contents))
    return rows


def _table(table: Tag, b: _Builder) -> None:
    """Each row becomes a `row` block with its cells; the header row names the columns."""
    header: list[str] | None = None
    for tr in _rows(table):
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


def html_to_blocks(html: str | Tag, parser: str = "lxml", keep_newlines: bool = False) -> list[Block]:
    """Parse HTML and return its visible content as ordered blocks.

    `html` may also be an element already parsed. `keep_newlines` keeps line breaks of text
    nodes (Markdown soft breaks carry meaning: one labelled field per line); in a web page
    they are only source formatting.
    """
    if isinstance(html, Tag):
        root = html
    else:
        check_size(html)
        soup = BeautifulSoup(html, parser)
        root = soup.body or soup
    b = _Builder(keep_newlines)
    _walk(root, b)
    b.flush()
    return b.blocks


def check_size(html: str) -> None:
    """Refuse markup with more elements than a page can sensibly have, before parsing it.

    BeautifulSoup needs about 2 KB of memory and 20 us per element: 100,000 elements (a long
    page has a few thousand) take a few seconds and a few hundred MB.
    """
    tags = len(_TAG_OPEN.findall(html))
    if tags > MAX_ELEMENTS:
        raise ReaderError(f"markup has {tags:,} HTML elements; pages with over {MAX_ELEMENTS:,} are not read")
