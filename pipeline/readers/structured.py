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


def json_ld_events(soup: BeautifulSoup) -> list[dict]:
    events: list[dict] = []
    for script in soup.find_all("script", type=re.compile(r"application/ld\+json", re.I)):
        raw = script.string or script.get_text() or ""
        try:
            data = json.loads(raw.strip().removeprefix("<!--").removesuffix("-->"))
        except ValueError:
            continue  # a broken block is page chrome gone wrong, not an event
        events += _walk(data)
    return events


def _prop_value(tag: Tag) -> Any:
    if tag.has_attr("itemscope"):
        return _item(tag)
    for attr in ("content", "datetime", "href", "src"):
        if tag.has_attr(attr):
            return tag[attr]
    return tag.get_text(" ", strip=True)


def _item(scope: Tag) -> dict:
    """One microdata item: its type and properties (nested items stay nested)."""
    item: dict[str, Any] = {"@type": (scope.get("itemtype") or "").split("/")[-1]}
    for tag in scope.find_all(attrs={"itemprop": True}):
        owner = tag.find_parent(attrs={"itemscope": True})
        if owner is not scope:
            continue  # belongs to a nested item
        for name in tag["itemprop"].split():
            item.setdefault(name, _prop_value(tag))
    return item


def microdata_events(soup: BeautifulSoup) -> list[dict]:
    return [_item(t) for t in soup.find_all(attrs={"itemscope": True, "itemtype": _EVENT_TYPES})
            if t.find_parent(attrs={"itemscope": True, "itemtype": _EVENT_TYPES}) is None]


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
