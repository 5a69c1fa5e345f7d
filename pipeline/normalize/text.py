"""Text values: decoding bytes, repairing mojibake, Unicode and whitespace clean-up, reflow."""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
from charset_normalizer import from_bytes

from pipeline.data import load

_BOMS = [
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, list[str]]:
    """Bytes to text: BOM, then a declared charset, then UTF-8, then detection.

    Returns the text and warnings saying which guess was made. Mojibake left by an
    earlier wrong decoding (UTF-8 read as Windows-1252) is repaired with ftfy.
    """
    warnings: list[str] = []
    text: str | None = None
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(enc, errors="replace")
            break
    if text is None and declared:
        try:
            text = data.decode(_charset(declared))
        except (LookupError, ValueError):  # unknown name, not a charset, or bytes it cannot decode
            warnings.append(f"declared charset {declared!r} does not fit the bytes; detected instead")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            enc = _guess_8bit(data)
            text = data.decode(enc, errors="replace")
            warnings.append(f"text is not UTF-8; decoded as {enc}")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return valid_unicode(text), warnings


# codecs Python knows that are not character sets of documents: escapes, IDNA, UTF-7 (a page
# declaring one of these would be decoded into surrogates, or fail in the codec)
_NOT_CHARSETS = {"unicode_escape", "raw_unicode_escape", "punycode", "idna", "utf_7", "undefined"}


def _charset(declared: str) -> str:
    """The codec of a declared charset name; LookupError when it names no character set."""
    info = codecs.lookup(declared)  # LookupError for unknown names, ValueError for a NUL inside
    name = info.name.replace("-", "_")
    if name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        raise LookupError(f"{declared!r} is not a character set")
    return info.name


_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_unicode(text: str) -> str:
    """`text` without lone surrogates (a JSON or YAML escape such as \\ud800): each becomes U+FFFD.

    Such a string cannot be encoded as UTF-8, so a record holding one could not be written.
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def _western(text: str) -> bool:
    """Non-ASCII characters are Latin letters and common punctuation (how Western text looks)."""
    extra = [c for c in text if ord(c) > 127]
    if not extra:
        return True
    ok = sum(1 for c in extra if ("\u00c0" <= c <= "\u017f" and c not in "×÷") or c in "«»–—‘’“”…€°·§")
    return ok / len(extra) >= 0.9


def _guess_8bit(data: bytes) -> str:
    """Charset of non-UTF-8 bytes: Windows-1252 when it reads as Western text, else detection.

    Detectors are unreliable on short texts (a French paragraph comes out as cp775 or
    Shift-JIS); Windows-1252/Latin-1 is by far the most common legacy encoding of
    announcements, so it wins whenever its reading looks like Western text.
    """
    try:
        if _western(data.decode("cp1252")):
            return "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best else "latin-1"


def repair(text: str) -> str:
    """Fix mojibake and odd characters, then NFC; keeps line structure."""
    if not text:
        return text
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True,
                          unescape_html=False)
    return fixed


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_MD_MARKERS = re.compile(r"(\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`)")


def clean_inline(text: str | None) -> str | None:
    """One-line field value: no markdown markers, single spaces, trimmed. '' becomes None."""
    if text is None:
        return None
    t = unicodedata.normalize("NFC", valid_unicode(text))
    t = _ZERO_WIDTH.sub("", t)
    t = _MD_MARKERS.sub("", t)
    t = re.sub(r"\s+", " ", _SPACES.sub(" ", t)).strip()
    return t or None


def strip_wrapping(text: str, chars: str = " \t\"'“”‘’«»,;:-–—|") -> str:
    """Trim quotes, separators and spaces that surround a value."""
    t = text.strip(chars).strip()
    return t


HYPHEN_PREFIXES = frozenset(load("text.json")["hyphen_prefixes"])


def reflow(text: str) -> str:
    """Re-flow hard-wrapped lines into paragraphs separated by one blank line.

    A line break becomes a paragraph break when the source has a blank line, or when the
    line ends a sentence and is much longer than a hard-wrap width (the author put each
    paragraph on one line); otherwise wrapped lines are joined with a space. A word split
    by a hyphen at a line end is joined when its halves are lower-case.
    """
    paragraphs: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        cur = lines[0]
        for prev, ln in zip(lines, lines[1:], strict=False):
            if len(prev) > 110 and re.search(r"[.!?:;)\"”’]$", prev):
                paragraphs.append(cur)
                cur = ln
            elif (word := _hyphenated_word(cur)) is not None:
                # 'de-/tail' is one word; 'non-/Euclidean', 'self-/supervised', 'COVID-/19' keep the hyphen
                if re.match(r"[a-z]", ln) and word.islower() and word not in HYPHEN_PREFIXES:
                    cur = cur[:-1]
                cur += ln  # in place: a paragraph of many short lines stays linear
            else:
                cur += " " + ln
        paragraphs.append(cur)
    out = [clean_inline(p) for p in paragraphs]
    return "\n\n".join(p for p in out if p)


_WORD_HYPHEN = re.compile(r"(\w+)-$")


def _hyphenated_word(text: str) -> str | None:
    """The word `text` ends with when it ends with a hyphen right after a word ('de-' -> 'de'), else None.

    Only the end is looked at (a word is far shorter than 200 characters), so calling this
    after every joined line does not rescan the whole paragraph.
    """
    if not text.endswith("-"):
        return None
    m = _WORD_HYPHEN.search(text[-200:])
    return m.group(1) if m else None


PLACEHOLDER = re.compile(
    r"^(tba|tbd|tbc|n/?a|none|-+|–|—|\?+|to be (announced|confirmed|determined|decided)|"
    r"coming soon|à venir|a venir|à confirmer|wird noch bekannt gegeben|folgt|t\.b\.a|t\.b\.d)[.!]*$",
    re.I,
)


def is_placeholder(value: str | None) -> bool:
    """True for 'TBA', 'To be announced.', 'À venir' and the like: not a value."""
    return bool(value) and bool(PLACEHOLDER.match(value.strip()))
