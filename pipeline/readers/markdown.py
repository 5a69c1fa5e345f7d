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
from markdown_it.common.utils import normalizeReference

from pipeline.document import Document
from pipeline.normalize.text import repair
from pipeline.readers.htmlblocks import html_to_blocks

_FRONT = re.compile(r"\A---[ \t]*\n(?:(.*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_BLOCK_TAGS = r"(?:for|comment|raw|capture|case|tablerow)\b"
# innermost first: the body may not open another block, so nested loops go one level per pass
_LIQUID_BLOCKS = re.compile(
    r"\{%-?\s*(for|comment|raw|capture|case|tablerow)\b(?:(?!%\}).){0,500}%\}"
    r"(?:(?!\{%-?\s*" + _BLOCK_TAGS + r").)*?\{%-?\s*end\1\s*-?%\}", re.S)
# Liquid tags are short: bounded spans keep an unclosed `{{` or `{%` from making the scan quadratic
_LIQUID_INCLUDE = re.compile(r"\{%-?\s*include\s+\S+(.{0,2000}?)-?%\}", re.S)
_LIQUID_TAG = re.compile(r"\{%.{0,2000}?%\}", re.S)
_LIQUID_OUT = re.compile(r"\{\{.{0,2000}?\}\}", re.S)
_QUOTED_ARG = re.compile(r"\w+\s*=\s*(?:'([^']*)'|\"([^\"]*)\")", re.S)
# kramdown attribute lists and extensions: {: .class}, {:toc}, {::options ...}, {::comment}...{:/comment}
_KRAMDOWN_COMMENT = re.compile(r"\{::comment\}.*?(?:\{:/comment\}|\{:/\}|\Z)", re.S)
_KRAMDOWN_IAL = re.compile(r"\{:[^}\n]*\}")
# a line that is only an HTML tag: CommonMark starts an HTML block there that runs to the next
# blank line, so the Markdown below it would stay raw text (`**Title:**`, `[x](url)`)
_TAG_LINE = re.compile(r"^[ \t]*</?([A-Za-z][\w-]*)(?:\s[^<>]*)?/?>[ \t]*$")
_RAW_TAGS = {"pre", "script", "style", "textarea", "table", "thead", "tbody", "tfoot", "tr", "td", "th"}
_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_REF_USE = re.compile(r"(!?)\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]")


class FrontMatterError(ValueError):
    """The YAML front matter could not be read safely."""


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """Return (front matter, body, warning). YAML is read only with the safe loader."""
    m = _FRONT.match(text)
    if not m:
        return {}, text, None
    try:
        data = yaml.safe_load(m.group(1) or "")
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(e, "problem", None) or type(e).__name__
        return {}, text[m.end():], f"front matter is not valid YAML{where} ({problem}); read the body only"
    if not isinstance(data, dict):
        return {}, text[m.end():], None
    return data, text[m.end():], None


def _prose(value: str) -> bool:
    """An include argument that is text for the reader, not a file name, URL, id or number."""
    v = value.strip()
    if not v or re.match(r"^(https?:|mailto:|www\.|/|\.{0,2}/|#)", v, re.I):
        return False
    if len(v.split()) > 1:
        return True
    return v.isalpha()


def strip_liquid(text: str) -> str:
    """Drop Liquid template code; keep the quoted text arguments of includes."""
    for _ in range(50):
        new = _LIQUID_BLOCKS.sub("\n", text)
        if new == text:
            break
        text = new

    def include(m: re.Match) -> str:
        args = [a or b for a, b in _QUOTED_ARG.findall(m.group(1))]
        return "\n\n" + "\n\n".join(a.strip() for a in args if _prose(a)) + "\n\n"

    text = _LIQUID_INCLUDE.sub(include, text)
    text = _LIQUID_TAG.sub("", text)
    return _LIQUID_OUT.sub("", text)


def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")
    md.disable("code")  # indented code blocks: in announcements, indentation is layout
    return md


_MD = _markdown()


def strip_kramdown(text: str) -> str:
    """Drop kramdown attribute lists and extension tags (Jekyll's default Markdown)."""
    return _KRAMDOWN_IAL.sub("", _KRAMDOWN_COMMENT.sub("", text))


def open_html_blocks(text: str) -> str:
    """Put blank lines around lines that are only an HTML tag, so Markdown between them is read."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        f = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if f and f.group(1)[0] == fence[0] and len(f.group(1)) >= len(fence):
                fence = None
            continue
        if f:
            fence = f.group(1)
            out.append(line)
            continue
        m = _TAG_LINE.match(line)
        if m and m.group(1).lower() not in _RAW_TAGS:
            out.extend(["", line.strip(), ""])
        else:
            out.append(line)
    return "\n".join(out)


def drop_unresolved_references(body: str) -> str:
    """`[text][label]` whose label is never defined is plain text, not a link: keep `text`."""
    if "][" not in body:
        return body
    env: dict = {}
    _MD.parse(body, env)
    defined = set((env.get("references") or {}).keys())

    def fix(m: re.Match) -> str:
        label = normalizeReference(m.group(3) or m.group(2))
        if label in defined:
            return m.group(0)
        return m.group(2) if not m.group(1) else ""

    return _REF_USE.sub(fix, body)


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
    body = strip_kramdown(body)
    # a line that is only an opening HTML block tag would swallow the Markdown after it
    body = open_html_blocks(body)
    body = drop_unresolved_references(body)
    blocks = html_to_blocks(render_markdown(body), keep_newlines=True)
    doc = Document(blocks=blocks, meta={"front_matter": meta}, warnings=warnings)
    url = meta.get("url") if isinstance(meta.get("url"), str) else None
    if url and re.match(r"https?://", url):
        doc.base_url = url
    return doc
