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


class _FrontMatterLoader(yaml.SafeLoader):
    """The safe loader (plain data only: no Python objects, nothing executed) with a budget of aliases.

    Aliases (`*name`) are shared, not copied, but a merge key (`<<: [*a, *a]`) does copy, so a
    few levels of aliases can make a few hundred bytes build billions of values.
    """

    max_aliases = 16

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > self.max_aliases:
                raise FrontMatterError(f"uses more than {self.max_aliases} YAML aliases (*name)")
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node: Any) -> Any:
        """A date YAML cannot build (`2024-13-45`) stays the text it is, as Jekyll would show it."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _FrontMatterLoader.construct_yaml_timestamp)


_MAX_EXPANDED = 10_000


def _expanded_size(root: Any, limit: int = _MAX_EXPANDED) -> int | None:
    """Number of values in `root` with aliases expanded (capped at limit + 1); None when it contains itself."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        children = list(node.values()) if isinstance(node, dict) else node if isinstance(node, list) else None
        if children is None:
            continue
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1 + len(children) * isinstance(node, dict)
            total += sum(sizes.get(id(c), 1) for c in children)
            sizes[key] = min(total, limit + 1)
            continue
        if key in sizes:
            continue
        if key in on_path:
            return None
        on_path.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in children if isinstance(c, (dict, list)))
    return sizes.get(id(root), 1)


def _tag_name(problem: str) -> str | None:
    m = re.search(r"constructor for the tag '([^']+)'", problem)
    return m.group(1).replace("tag:yaml.org,2002:", "!!") if m else None


def split_front_matter(text: str) -> tuple[dict[str, Any], str, str | None]:
    """Return (front matter, body, warning). YAML is read only with the safe loader.

    Front matter that cannot be read safely (invalid YAML, tags for Python objects, an alias
    bomb, nesting deeper than Python can follow) is ignored with a one-line warning; the
    body is read either way.
    """
    m = _FRONT.match(text)
    if not m:
        return {}, text, None
    body = text[m.end():]
    loader = None
    try:
        loader = _FrontMatterLoader(m.group(1) or "")  # its reader already rejects control characters
        data = loader.get_single_data()
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        problem = getattr(e, "problem", None) or getattr(e, "reason", None) or type(e).__name__
        tag = _tag_name(problem)
        if tag:
            problem = f"the tag {tag[:80]} is not plain data"
        return {}, body, f"front matter is not valid YAML{where} ({problem}); read the body only"
    except FrontMatterError as e:
        return {}, body, f"front matter {e}; front matter ignored, body read"
    except RecursionError:
        return {}, body, "front matter is nested too deeply to read; front matter ignored, body read"
    except (ValueError, TypeError, OverflowError) as e:  # a value the safe constructors cannot build
        problem = " ".join(str(e).split())[:120]
        return {}, body, f"front matter holds a value YAML cannot read ({problem}); front matter ignored, body read"
    finally:
        if loader is not None:
            loader.dispose()
    if loader.aliases:
        size = _expanded_size(data)
        if size is None:
            return {}, body, "front matter contains itself through a YAML alias; front matter ignored, body read"
        if size > _MAX_EXPANDED:
            return {}, body, (f"front matter expands to over {_MAX_EXPANDED:,} values through YAML aliases; "
                              f"front matter ignored, body read")
    if not isinstance(data, dict):
        return {}, body, None
    return data, body, None


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
