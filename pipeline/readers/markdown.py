"""Jekyll pages and Markdown: front matter, Liquid, HTML comments, Markdown body.

The body is rendered to HTML by markdown-it-py (CommonMark + tables, reference-style links
resolved by the parser itself, so unused definitions never become links) and read by the
shared HTML walker. Liquid template code is dropped, except the text arguments of an
`{% include ... %}` (authors put real content there, e.g. an alert with the date).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from markdown_it import MarkdownIt

from pipeline.document import Document
from pipeline.normalize.text import repair
from pipeline.readers.htmlblocks import html_to_blocks

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_LIQUID_BLOCKS = re.compile(
    r"\{%-?\s*(for|comment|raw|capture|case|tablerow)\b.*?%\}.*?\{%-?\s*end\1\s*-?%\}", re.S)
_LIQUID_INCLUDE = re.compile(r"\{%-?\s*include\s+\S+(.*?)-?%\}", re.S)
_LIQUID_TAG = re.compile(r"\{%.*?%\}", re.S)
_LIQUID_OUT = re.compile(r"\{\{.*?\}\}", re.S)
_QUOTED_ARG = re.compile(r"\w+\s*=\s*(?:'([^']*)'|\"([^\"]*)\")", re.S)


class FrontMatterError(ValueError):
    """The YAML front matter could not be read safely."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """Return (front matter, body, warning). YAML is read only with the safe loader."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, None
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(e, "problem", None) or type(e).__name__
        return {}, text[m.end():], f"front matter is not valid YAML{where} ({problem}); read the body only"
    if not isinstance(data, dict):
        return {}, text[m.end():], None
    return data, text[m.end():], None


def strip_liquid(text: str) -> str:
    """Drop Liquid template code; keep the quoted text arguments of includes."""
    text = _LIQUID_BLOCKS.sub("\n", text)

    def include(m: re.Match) -> str:
        args = [a or b for a, b in _QUOTED_ARG.findall(m.group(1))]
        return "\n\n".join(a.strip() for a in args if a.strip())

    text = _LIQUID_INCLUDE.sub(include, text)
    text = _LIQUID_TAG.sub("", text)
    return _LIQUID_OUT.sub("", text)


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")
    md.disable("code")  # indented code blocks: in announcements, indentation is layout
    return md


_MD = _markdown()


def render_markdown(body: str) -> str:
    return _MD.render(body)


def read_markdown(text: str, *, front_matter: bool = True) -> Document:
    """Read a Markdown or Jekyll source (already decoded) into a Document."""
    text = repair(text)
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    body = text
    if front_matter:
        meta, body, warning = split_front_matter(text)
        if warning:
            warnings.append(warning)
    body = _COMMENT.sub("", body)
    body = strip_liquid(body)
    # a line that is only an opening HTML block tag would swallow the Markdown after it
    blocks = html_to_blocks(render_markdown(body), keep_newlines=True)
    doc = Document(blocks=blocks, meta={"front_matter": meta}, warnings=warnings)
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    if url and re.match(r"https?://", url):
        doc.base_url = url
    return doc
