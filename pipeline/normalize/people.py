"""People: names, honorifics, positions and affiliations from a speaker line.

Handles "Name, Position, Affiliation", "Name (Affiliation)", "Dr. Name", bold names,
e-mail addresses in parentheses (dropped: an e-mail domain is not an affiliation), and
several speakers joined by "and" / "&" / ";". Word tables live in data/people.json.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.data import load
from pipeline.models import Person
from pipeline.normalize.text import clean_inline, is_placeholder

_P = load("people.json")
HONORIFICS = sorted(_P["honorifics"], key=len, reverse=True)
POSITIONS = sorted(_P["positions"], key=len, reverse=True)
PARTICLES = set(_P["name_particles"])
NOT_NAME = set(_P["not_name_words"])

_HON_RX = re.compile(r"^(?:(" + "|".join(re.escape(h) for h in HONORIFICS) + r")(?:\s+|(?<=\.)))+", re.I)
_POS_RX = re.compile(r"^(" + "|".join(re.escape(p) for p in POSITIONS) + r")(?![\w])", re.I)
# an address starts where its run of address characters starts: trying every position inside a long
# run ('1.1.1.1...') would make the scan quadratic
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+")
_URL = re.compile(r"https?://\S+")
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*|[A-Z]\.|\w+-\w+)$")
_AND_ROLE = re.compile(r"\s+(?:and|&)\s+(?:an?\s+)?(?=(?:" + "|".join(re.escape(p) for p in POSITIONS) + r")\b)", re.I)
_POS_TAIL_RX = re.compile(r"(?<![\w])(" + "|".join(re.escape(p) for p in POSITIONS) + r")$", re.I)
_ORG_WORDS = re.compile(r"\b(universit\w*|institut\w*|college|school|laborator\w*|lab|centre|center|department|"
                        r"group|faculty|academy|inc|ltd|gmbh|corporation|company)\b", re.I)
_FORMER = re.compile(r"^(former|ex-|previously|formerly|alumn)", re.I)


@lru_cache(maxsize=1)
def _given_names():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


def known_given_name(name: str) -> bool:
    """True when the first word of `name` is a known given name (gender-guesser's ~40k names).

    A ranking signal, not a gate: many real names are missing from any list, but on a
    poster it tells 'Geoff Wild' (a person) from 'Modelling Kindness' (a title).
    """
    first = re.split(r"[\s-]", name.strip(), maxsplit=1)[0].strip(".")
    if len(first) < 2 or first.isupper() and len(first) > 3 and not name.isupper():
        return False
    return _given_names().get_gender(first.capitalize()) != "unknown"


def split_honorific(name: str) -> tuple[str, str | None]:
    """('Dr. Jane Doe') -> ('Jane Doe', 'Dr.')."""
    m = _HON_RX.match(name.strip())
    if not m:
        return name.strip(), None
    rest = name.strip()[m.end():].strip()
    if not rest or not looks_like_name(rest):
        return name.strip(), None
    hon = re.sub(r"\s+", " ", m.group(0).strip())
    return rest, hon


def looks_like_name(text: str) -> bool:
    """A personal name: 1-6 capitalised tokens (particles allowed), no digits, not a sentence."""
    t = text.strip()
    if not t or len(t) > 70 or re.search(r"[\d@/:;!?()\[\]{}|]", t):
        return False
    toks = t.replace("’", "'").split()
    if not 1 <= len(toks) <= 7:
        return False
    caps = 0
    for tok in toks:
        if tok.lower().strip(".,") in NOT_NAME:
            return False
        if tok.lower() in PARTICLES:
            continue
        if not _NAME_TOKEN.match(tok):
            return False
        caps += 1
    return caps >= 1 and (len(toks) >= 2 or t.isupper() is False)


def position_of(part: str) -> tuple[str | None, str]:
    """Split a leading position phrase off a part: ('Assistant Professor at X') -> ('Assistant Professor', 'X')."""
    m = _POS_RX.match(part.strip())
    if not m:
        return None, part
    pos = part.strip()[: m.end()]
    rest = part.strip()[m.end():]
    qual = re.match(r"^\s*\(([^)]{1,20})\)", rest)
    if qual:  # 'Associate Professor (UHD)'
        pos, rest = f"{pos} ({qual.group(1)})", rest[qual.end():]
    field_of = re.match(r"^\s+of\s+([^,()]+)$", rest)
    if field_of and not re.search(r"\s(at|in)\s", field_of.group(1)):
        # 'Professor of Physics' (no 'at'): the discipline belongs to the position
        return f"{pos} of {field_of.group(1).strip()}", ""
    field_at = re.match(r"^\s+of\s+[^,()]+?\s+(?:at|in)\s+(?:the\s+)?(.+)$", rest)
    if field_at:  # 'Assistant Professor of CS at the University of X'
        return pos, field_at.group(1).strip(" ,;")
    rest = re.sub(r"^\s*(?:,|-|–|@|(?:at|inside|in|of|with|from)\b)?\s*(?:the\s+)?", "", rest, flags=re.I) \
        if re.match(r"^\s*(,|-|–|at\b|in\b|inside\b|of\b|with\b|from\b|@)", rest, re.I) else rest
    after = part.strip()[m.end():]
    if re.match(r"^\s+[A-Z]", after) and looks_like_name(after.strip()):
        return None, part  # 'Professor Smith': the word is an honorific before a name here
    return pos, rest.strip(" ,;")


def _split_parts(text: str) -> list[str]:
    """Split on commas and dashes at top level (not inside parentheses)."""
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def parse_person(text: str, bold: list[str] | None = None) -> Person | None:
    """One speaker from a line such as '**Jane Doe**, PhD Student, Dept. of X, Univ. Y'."""
    t = _EMAIL.sub("", _URL.sub("", text))
    t = re.sub(r"\(\s*(mailto:)?\s*\)|<\s*(mailto:)?\s*>", "", t)
    # a nickname in parentheses stays in the name: 'Chi-Fang (Anthony) Chen'
    nick = re.match(r"^([A-Z][\w'’-]+)\s+\(([A-Z][a-z]+)\)\s+(?=[A-Z])", t)
    if nick:
        t = nick.group(1) + " " + t[nick.end():]
    t = clean_inline(t) or ""
    t = t.strip(" ,;:-–")
    if not t or is_placeholder(t):
        return None
    name = rest = None
    for b in bold or []:
        bc = clean_inline(b) or ""
        if bc and t.startswith(bc) and looks_like_name(split_honorific(bc)[0]):
            name, rest = bc, t[len(bc):]
            break
    if name is None:
        m = re.match(r"^([^,(\[–|]+?)\s*(?:\((.*)\)\s*(.*)|,\s*(.*)|\s[-–|]\s(.*)|\s+from\s+(.*)|\s+at\s+(.*))?$", t)
        if not m:
            return None
        name = m.group(1)
        rest = next((g for g in m.groups()[1:] if g), "")
        if m.group(2) is not None:
            rest = m.group(2) + (", " + m.group(3) if m.group(3) else "")
    name, hon = split_honorific(name.strip(" ,"))
    if not looks_like_name(name):
        return None
    if nick and name.startswith(nick.group(1) + " "):
        name = f"{nick.group(1)} ({nick.group(2)}){name[len(nick.group(1)):]}"
    position = None
    affiliations: list[str] = []
    parts = []
    for part in _split_parts((rest or "").strip(" ,;-–")):
        # 'Assistant Professor at X and honorary research fellow at Y': two roles, two affiliations
        parts.extend(_AND_ROLE.split(part))
    for part in parts:
        part = part.strip()
        if part.startswith("(") and part.endswith(")"):
            part = part[1:-1].strip()
        if not part or _FORMER.match(part):
            continue
        pos, remainder = position_of(part)
        if not pos:
            tail = _POS_TAIL_RX.search(part)
            if tail and len(part.split()) <= 5 and not _ORG_WORDS.search(part):
                pos, remainder = part, ""
        if pos:
            position = position or pos
            part = remainder
            if re.search(r"\s(?:and|&)\s+(?:former|ex-)", part, re.I):
                part = re.split(r"\s(?:and|&)\s+(?:former|ex-)", part, flags=re.I)[0]
        if part and not _FORMER.match(part):
            affiliations.append(part.strip(" .;"))
    return Person(name=name, honorific=hon, position=position, affiliations=[a for a in affiliations if a])


def split_people(text: str) -> list[str]:
    """'A and B', 'A & B', 'A; B' -> ['A', 'B'] when each side starts with a name."""
    head = re.split(r"[,(]", text)[0]
    own = re.split(r"(?<=\))\s+(?:and|&|und|et)\s+(?=[A-Z])", text)
    if len(own) > 1 and all(_is_full_name(p.split("(")[0]) for p in own):
        return own
    if ";" in text:
        parts = re.split(r"\s*;\s*", text)
    elif re.search(r"\s(?:and|&|und|et)\s", head):
        # the conjunction joins names only when it comes before any affiliation
        parts = re.split(r"\s+(?:and|&|und|et)\s+(?=[A-Z])", text, maxsplit=text.count(" and ") + text.count(" & "))
    else:
        return [text]
    if len(parts) > 1 and all(_is_full_name(p.split(",")[0].split("(")[0]) for p in parts):
        return parts
    return [text]


def _is_full_name(text: str) -> bool:
    name = split_honorific(text.strip())[0]
    return looks_like_name(name) and len(name.split()) >= 2


def parse_people(text: str, bold: list[str] | None = None) -> list[Person]:
    """All speakers named in a speaker line."""
    people = []
    for part in split_people(text):
        p = parse_person(part, bold)
        if p:
            people.append(p)
    return people


def _drop_parenthesised(text: str) -> str:
    """`text` without '(...)' spans, each from a '(' to the next ')' (re.sub(r"\\([^)]*\\)", "") in linear time:
    the pattern rescans the rest of the text from every unclosed '(')."""
    out, i = [], 0
    while (j := text.find("(", i)) >= 0 and (k := text.find(")", j)) >= 0:
        out.append(text[i:j])
        i = k + 1
    out.append(text[i:])
    return "".join(out)


def name_list(text: str) -> list[str]:
    """Names in a list such as 'A, B and C' or 'A & B Ext:7913' (hosts, organisers)."""
    t = " ".join(_EMAIL.sub("", text).split())  # one space between words keeps the splitting below linear
    t = _drop_parenthesised(t)
    t = re.sub(r"\b(?:ext|tel|phone)\.?\s*:?\s*[\d\s-]+", "", t, flags=re.I)
    names = []
    for part in re.split(r"\s*[,;/]\s*|\s+(?:and|&|und|et)\s+", t):
        part = clean_inline(part.strip(" .:")) or ""
        part, _ = split_honorific(part)
        if looks_like_name(part) and len(part.split()) >= 2:
            names.append(part)
    return names
