"""Structured data a web page declares about its events: schema.org Event in JSON-LD or microdata.

A page that states `{"@type": "Event", "name": ..., "startDate": ...}` means exactly that, so
these events come first; the visible text is only read when a page declares none. Values
are kept as declared (ISO dates with their offset, names, URLs); the extraction layer maps
them to talk fields.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup, Tag

_EVENT_TYPES = re.compile(r"(^|/)(Event|EducationEvent|BusinessEvent|SocialEvent|Hackathon|"
                          r"ExhibitionEvent|ScreeningEvent|PublicationEvent)$")


def _is_event(node: dict) -> bool:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return any(isinstance(t, str) and _EVENT_TYPES.search(t) for t in types)


def _walk(node: Any) -> list[dict]:
    """Every Event object in a JSON-LD value (top level, lists, @graph, nested subEvent)."""
    out: list[dict] = []
    if isinstance(node, list):
        for x in node:
            out += _walk(x)
    elif isinstance(node, dict):
        if _is_event(node):
            out.append(node)
            out += _walk(node.get("subEvent"))
        else:
            out += _walk(node.get("@graph"))
    return out


_MAX_NESTING = 32  # JSON-LD and microdata nest a few levels (event > location > address); deeper is not data


def _depth(value: Any, limit: int = _MAX_NESTING) -> int:
    """How deeply lists and objects nest in a JSON value (counting stops past `limit`)."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if isinstance(v, (dict, list)):
            deepest = max(deepest, d)
            if d > limit:
                break
            stack.extend((c, d + 1) for c in (v.values() if isinstance(v, dict) else v))
    return deepest


def json_ld_events(soup: BeautifulSoup) -> list[dict]:
    events: list[dict] = []
    for script in soup.find_all("script", type=re.compile(r"application/ld\+json", re.I)):
        raw = script.string or script.get_text() or ""
        try:
            data = json.loads(raw.strip().removeprefix("<!--").removesuffix("-->"))
        except (ValueError, RecursionError):
            continue  # a broken block is page chrome gone wrong, not an event
        if _depth(data) > _MAX_NESTING:
            continue
        events += _walk(data)
    return events


def _prop_value(tag: Tag, depth: int) -> Any:
    if tag.has_attr("itemscope"):
        return _item(tag, depth + 1) if depth < _MAX_NESTING else {}
    for attr in ("content", "datetime", "href", "src"):
        if tag.has_attr(attr):
            return tag[attr]
    return tag.get_text(" ", strip=True)


def _own_props(scope: Tag) -> list[Tag]:
    """Elements with `itemprop` that belong to `scope` (not to an item nested in it), in document order."""
    found: list[Tag] = []
    stack = [c for c in reversed(scope.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if tag.has_attr("itemprop"):
            found.append(tag)
        if not tag.has_attr("itemscope"):  # what is under a nested item is that item's
            stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return found


def _item(scope: Tag, depth: int = 0) -> dict:
    """One microdata item: its type and properties (nested items stay nested)."""
    item: dict[str, Any] = {"@type": (scope.get("itemtype") or "").split("/")[-1]}
    for tag in _own_props(scope):
        for name in tag["itemprop"].split():
            if name not in item:
                item[name] = _prop_value(tag, depth)
    return item


def _is_event_scope(tag: Tag) -> bool:
    return tag.has_attr("itemscope") and bool(_EVENT_TYPES.search(" ".join(tag.get_attribute_list("itemtype"))))


def microdata_events(soup: BeautifulSoup) -> list[dict]:
    """Top-level microdata events (an event inside another is the outer one's business)."""
    tops: list[Tag] = []
    stack = [c for c in reversed(soup.contents) if isinstance(c, Tag)]
    while stack:
        tag = stack.pop()
        if _is_event_scope(tag):
            tops.append(tag)
            continue
        stack.extend(c for c in reversed(tag.contents) if isinstance(c, Tag))
    return [_item(t) for t in tops]


def page_events(soup: BeautifulSoup) -> list[dict]:
    """The schema.org events a page declares: JSON-LD first, microdata when there is no JSON-LD."""
    return json_ld_events(soup) or microdata_events(soup)


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """OpenGraph/Twitter/description meta tags (a fallback for title and description)."""
    out: dict[str, str] = {}
    for m in soup.find_all("meta", content=True):
        key = (m.get("property") or m.get("name") or "").lower()
        if key in ("og:title", "og:description", "description", "twitter:title", "twitter:description", "og:url"):
            out.setdefault(key, str(m["content"]))
    return out
