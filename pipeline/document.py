"""The one representation in the middle: every reader produces a `Document` of `Block`s.

Readers know formats and fill this structure; extractors know seminars and read only this
structure. A rule written for Markdown therefore also serves HTML, PDF and slides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "item", "row", "quote", "code", "rule"]


@dataclass
class InlineLink:
    """A hyperlink inside a block: its visible text and its target as written."""

    text: str
    url: str


@dataclass
class Block:
    """One unit of reading order: a heading, a paragraph, a list item, a table row...

    `text` keeps line breaks of the source (`\\n`); `strong` lists bold/emphasised spans;
    `cells`/`header` are set for table rows; `layout` carries optional hints such as
    `font_size`, `bold`, `page`, `slide`, `x`, `y`.
    """

    kind: BlockKind
    text: str = ""
    level: int = 0
    links: list[InlineLink] = field(default_factory=list)
    strong: list[str] = field(default_factory=list)
    cells: list[str] | None = None
    cell_links: list[list[InlineLink]] | None = None
    header: list[str] | None = None
    layout: dict[str, Any] = field(default_factory=dict)

    @property
    def lines(self) -> list[str]:
        return [ln for ln in self.text.split("\n")]


@dataclass
class Document:
    """A source turned into ordered blocks plus metadata (front matter, e-mail headers...).

    `base_url` is where relative links resolve, when known; `warnings` collects what a
    reader had to guess or repair.
    """

    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    base_url: str | None = None
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        """All visible text, one block per line group (used for document-wide inference)."""
        parts = []
        for b in self.blocks:
            parts.append(" | ".join(b.cells) if b.cells else b.text)
        return "\n".join(parts)
