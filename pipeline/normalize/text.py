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
            text = data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            warnings.append(f"declared charset {declared!r} does not fit the bytes; detected instead")
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            enc = _guess_8bit(data)
            text = data.decode(enc, errors="replace")
            warnings.append(f"text is not UTF-8; decoded as {enc}")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text, warnings


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
    t = unicodedata.normalize("NFC", text)
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
            elif re.search(r"\w-$", cur):
                # 'de-/tail' is one word; 'non-/Euclidean', 'self-/supervised', 'COVID-/19' keep the hyphen
                word = re.search(r"(\w+)-$", cur).group(1)
                if re.match(r"[a-z]", ln) and word.islower() and word not in HYPHEN_PREFIXES:
                    cur = cur[:-1] + ln
                else:
                    cur = cur + ln
            else:
                cur = cur + " " + ln
        paragraphs.append(cur)
    out = [clean_inline(p) for p in paragraphs]
    return "\n\n".join(p for p in out if p)


PLACEHOLDER = re.compile(
    r"^(tba|tbd|tbc|n/?a|none|-+|–|—|\?+|to be (announced|confirmed|determined|decided)|"
    r"coming soon|à venir|a venir|à confirmer|wird noch bekannt gegeben|folgt|t\.b\.a|t\.b\.d)[.!]*$",
    re.I,
)


def is_placeholder(value: str | None) -> bool:
    """True for 'TBA', 'To be announced.', 'À venir' and the like: not a value."""
    return bool(value) and bool(PLACEHOLDER.match(value.strip()))
