"""PDF files → `Document`, with pdfplumber (pdfminer.six underneath).

Per page, only the characters of the text layer are collected (no images, no curves; a page
whose resources hold no font is skipped without being interpreted). Then:

1. overprinted glyphs (fake bold: the same character drawn twice at almost the same place)
   are dropped;
2. characters become lines: same direction, same baseline, no wide gap; spaces come from
   explicit space characters and from gaps relative to the font size (TeX output has no
   space characters); small raised or lowered characters join the line they belong to;
   detached accents (``¨`` next to ``a``) are put back on their letter;
3. lines become blocks: close vertically, similar size, overlapping horizontally;
4. blocks are put in reading order by recursive whitespace cuts: rows top to bottom, and
   where rows share a column gutter, the left column before the right one.

The document is then classified as a slide deck or a flyer, sizes are related to the body
text size (headings are blocks at least 1.25 times larger), hyperlink annotations are put on
the block under them, and for decks one cleaned text per slide is kept.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import struct
import time
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from pipeline.document import Block, Document, InlineLink
from pipeline.normalize.text import HYPHEN_PREFIXES
from pipeline.readers.slides import is_build_of


class PdfError(Exception):
    """A PDF that cannot be read; the message is one human-readable line."""


NO_TEXT = "no text layer (scanned image); OCR is not supported"
ENCRYPTED = "encrypted PDF: a password is needed to open it"

HEADING_REL = 1.25
_SPACE_GAP = 0.15  # a gap wider than this many font sizes between two glyphs is a word space
_COLUMN_GAP = 1.1  # a gap wider than this many font sizes splits a line into two segments
_ITALIC = re.compile(r"italic|oblique|slanted|cmti\d|cmsl\d|cmssi\d|-it\b|-ital", re.I)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|cmbx|cmssbx|\bbx\d|-bd\b|libertinetb", re.I)

# spacing accents that TeX and old drivers draw as separate glyphs → combining marks
_ACCENTS = {
    "\u00a8": "\u0308", "\u00b4": "\u0301", "`": "\u0300", "\u02c6": "\u0302", "\u02dc": "\u0303",
    "\u00b8": "\u0327", "\u02c7": "\u030c", "\u02d8": "\u0306", "\u02d9": "\u0307", "\u02da": "\u030a",
    "\u02dd": "\u030b", "\u00af": "\u0304", "\u02db": "\u0328", "\u02ca": "\u0301", "\u02cb": "\u0300",
}
_TEXT_ACCENTS = {k: v for k, v in _ACCENTS.items() if k != "`"}  # a lone backtick in text is literal
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_CID = re.compile(r"\(cid:\d+\)")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200f\u2060\ufeff\ufffd\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff"
                        r"\U000f0000-\U000ffffd\U00100000-\U0010fffd]")
_SUSPENDED = re.compile(r"(und|oder|bzw|sowie|bis|and|or|to|et|ou)\b", re.I)  # 'Lehr- und Lernformen'
_PAGE_NUMBER = re.compile(r"^\s*(?:(?:slide|page|seite|folie)\s*)?\d{1,4}\s*(?:/|of|von|\|)\s*\d{1,4}\s*$", re.I)
_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


# --------------------------------------------------------------------------- text clean-up

def _compose(base: str, mark: str) -> str | None:
    """`base` with the combining `mark` as one precomposed character, or None when there is none."""
    base = {"\u0131": "i", "\u0237": "j"}.get(base, base)  # TeX accents the dotless i and j
    s = unicodedata.normalize("NFC", base + mark)
    return s if len(s) == 1 else None


_ACCENTED = set("äëïöüÿÄËÏÖÜáéíóúýÁÉÍÓÚÝàèìòùÀÈÌÒÙâêîôûÂÊÎÔÛãõñÃÕÑçÇåÅčšžřěňďťůČŠŽŘĚŇĎŤŮőűŐŰąęĄĘżŻşŞğĞāēīōūĀĒĪŌŪ")


def _is_mark(ch: str) -> bool:
    return "\u0300" <= ch <= "\u036f"


def _accent(glyph: str) -> str | None:
    """The combining mark a glyph stands for when it is a lone accent ('¨' → U+0308), else None."""
    return _ACCENTS.get(glyph) or (glyph if len(glyph) == 1 and _is_mark(glyph) else None)


def _attach_accents(text: str) -> str:
    """A detached accent goes onto its letter: 'Vortr¨agen', 'Pru¨fer', 'Relativit ¨ atstheorie'.

    The accent joins the neighbour on its side without a space first (the following letter
    before the preceding one), and only when that makes a common accented letter, so that
    '´' typed as an apostrophe ('it´s') stays. A combining mark standing before its letter
    is moved after it.
    """
    if not any(ch in _TEXT_ACCENTS or _is_mark(ch) for ch in text):
        return text
    out = list(text)
    i = 0
    while i < len(out):
        ch = out[i]
        combining = _is_mark(ch)
        mark = ch if combining else _TEXT_ACCENTS.get(ch)
        if mark is None or (combining and i > 0 and _compose(out[i - 1], mark)):
            i += 1  # not an accent, or a combining mark already after its letter (NFC joins them)
            continue
        sides = []
        for step in (1, -1):
            j = i + step
            spaced = 0 <= j < len(out) and out[j] == " " and not combining
            if spaced:
                j += step
            if 0 <= j < len(out) and out[j].isalpha() and (step == 1 or not combining):
                composed = _compose(out[j], mark)
                if composed in _ACCENTED:
                    sides.append((spaced, step, j, composed))
        if not sides:
            i += 1
            continue
        spaced, step, j, composed = min(sides, key=lambda s: (s[0], -s[1]))
        out[j] = composed
        gone = {i}
        if spaced:
            gone.add(i + step)
            back = i - step
            if 0 <= back - step < len(out) and out[back] == " " and out[back - step].isalpha():
                gone.add(back)  # spaces on both sides between letters: the accent sat inside a word
        for k in sorted(gone, reverse=True):
            del out[k]
        i = max(0, min(gone) - 1)
    return "".join(out)


def clean_text(text: str) -> str:
    """Text-layer artefacts out of one line: ligatures, detached accents, (cid:NN), private-use glyphs."""
    if not text:
        return text
    text = _CID.sub("", text)
    for lig, rep in _LIGATURES.items():
        if lig in text:
            text = text.replace(lig, rep)
    text = _INVISIBLE.sub("", text)
    text = text.replace("\u00a0", " ").replace("\t", " ")
    text = _attach_accents(text)
    text = unicodedata.normalize("NFC", text)
    return re.sub(r" {2,}", " ", text).strip()


def join_hyphenated(lines: list[str]) -> list[str]:
    """A word split at a line end ('Künstli-' / 'che Intelligenz') is joined on the first line.

    The hyphen goes when the next line starts in lower case ('Künstliche'), except after
    prefixes that keep it ('self-supervised'); before an upper-case letter or a digit the
    hyphen stays ('Tesla-Chef', 'COVID-19').
    """
    out = [ln for ln in lines]
    i = 0
    while i < len(out) - 1:
        cur, nxt = out[i], out[i + 1]
        m = re.search(r"(\w+)-$", cur)
        if (m and nxt and not re.search(r"\s-$", cur) and re.match(r"\w", nxt)
                and not _SUSPENDED.match(nxt)):
            first, _, rest = nxt.partition(" ")
            word = m.group(1)
            if nxt[0].islower() and word.lower() not in HYPHEN_PREFIXES:
                out[i] = cur[:-1] + first
            else:
                out[i] = cur + first
            if rest.strip():
                out[i + 1] = rest.strip()
            else:
                del out[i + 1]
                continue
        i += 1
    return out


# --------------------------------------------------------------------------- embedded font tables

class _FontTables:
    """Glyph widths and ligatures from an embedded TrueType font (CID font, Identity mapping).

    Some producers write no /W widths (every glyph then counts 1 em wide, which hides gaps
    between words and columns) and no ToUnicode entry for ligature glyphs (which come out as
    '(cid:NN)'). The font program itself knows both: `hmtx` has the advances and `GSUB`
    which glyph sequence a ligature replaces.
    """

    def __init__(self, data: bytes):
        self.widths: dict[int, float] = {}
        self.ligatures: dict[int, list[int]] = {}
        tables: dict[bytes, tuple[int, int]] = {}
        n = struct.unpack(">H", data[4:6])[0]
        for i in range(n):
            tag, _, off, ln = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
            tables[tag] = (off, ln)
        if b"head" in tables and b"hhea" in tables and b"hmtx" in tables:
            upm = struct.unpack(">H", data[tables[b"head"][0] + 18: tables[b"head"][0] + 20])[0] or 1000
            nh = struct.unpack(">H", data[tables[b"hhea"][0] + 34: tables[b"hhea"][0] + 36])[0]
            off = tables[b"hmtx"][0]
            for g in range(nh):
                self.widths[g] = struct.unpack(">H", data[off + 4 * g: off + 4 * g + 2])[0] * 1000.0 / upm
        if b"GSUB" in tables:
            try:
                self._ligatures(data, tables[b"GSUB"][0])
            except (struct.error, IndexError):
                self.ligatures = {}
        self.unicode: dict[int, str] = {}
        if b"cmap" in tables:
            try:
                self._cmap(data, tables[b"cmap"][0])
            except (struct.error, IndexError, ValueError):
                self.unicode = {}

    def _cmap(self, data: bytes, base: int) -> None:
        """Glyph → character from the font's own Unicode cmap (format 4 subtable)."""
        def u16(p: int) -> int:
            return struct.unpack(">H", data[p:p + 2])[0]

        for i in range(u16(base + 2)):
            platform, encoding, off = struct.unpack(">HHI", data[base + 4 + 8 * i: base + 12 + 8 * i])
            st = base + off
            if (platform, encoding) not in ((3, 1), (0, 3), (0, 4)) or u16(st) != 4:
                continue
            segs = u16(st + 6) // 2
            ends, starts = st + 14, st + 16 + 2 * segs
            deltas, ranges = starts + 2 * segs, starts + 4 * segs
            for k in range(segs):
                end, start = u16(ends + 2 * k), u16(starts + 2 * k)
                delta, roff = u16(deltas + 2 * k), u16(ranges + 2 * k)
                if start == 0xFFFF:
                    continue
                for code in range(start, min(end, 0xFFFE) + 1):
                    if roff:
                        gp = ranges + 2 * k + roff + 2 * (code - start)
                        g = u16(gp)
                        g = (g + delta) & 0xFFFF if g else 0
                    else:
                        g = (code + delta) & 0xFFFF
                    if g and g not in self.unicode:
                        self.unicode[g] = chr(code)
            return

    def _ligatures(self, data: bytes, base: int) -> None:
        def u16(p: int) -> int:
            return struct.unpack(">H", data[p:p + 2])[0]

        def coverage(p: int) -> list[int]:
            fmt, count = u16(p), u16(p + 2)
            if fmt == 1:
                return [u16(p + 4 + 2 * i) for i in range(count)]
            glyphs: list[int] = []
            for i in range(count):
                start, end = u16(p + 4 + 6 * i), u16(p + 6 + 6 * i)
                glyphs.extend(range(start, end + 1))
            return glyphs

        lookups = base + u16(base + 8)
        for i in range(u16(lookups)):
            lk = lookups + u16(lookups + 2 + 2 * i)
            ltype = u16(lk)
            for j in range(u16(lk + 4)):
                st = lk + u16(lk + 6 + 2 * j)
                kind = ltype
                if ltype == 7:  # extension: the real subtable is further away
                    kind = u16(st + 2)
                    st = st + struct.unpack(">I", data[st + 4: st + 8])[0]
                if kind != 4:
                    continue
                firsts = coverage(st + u16(st + 2))
                for k, first in enumerate(firsts[: u16(st + 4)]):
                    ls = st + u16(st + 6 + 2 * k)
                    for m in range(u16(ls)):
                        lg = ls + u16(ls + 2 + 2 * m)
                        glyph, comps = u16(lg), u16(lg + 2)
                        seq = [first] + [u16(lg + 4 + 2 * c) for c in range(comps - 1)]
                        self.ligatures.setdefault(glyph, seq)


def _font_tables(font: Any, cache: dict[Any, Any]) -> _FontTables | None:
    """The embedded TrueType tables of a CID font whose glyph ids are its CIDs (CIDToGIDMap Identity)."""
    key = ("tables", id(font))
    if key in cache and cache[key][0] is font:
        return cache[key][1]
    tables = None
    fontfile = getattr(font, "fontfile", None)
    if fontfile is not None and cache.get(("identity", str(font.fontname))):
        try:
            tables = _FontTables(fontfile.get_data())
            # the font's own cmap must agree with the PDF's ToUnicode where both say something
            pdf_map = getattr(getattr(font, "unicode_map", None), "cid2unichr", None) or {}
            shared = [cid for cid in pdf_map if cid in tables.unicode]
            if shared and sum(1 for cid in shared if tables.unicode[cid] == pdf_map[cid]) < 0.8 * len(shared):
                tables = None
        except Exception:  # a font program we cannot parse: keep what pdfminer says
            tables = None
    cache[key] = (font, tables)
    return tables


# --------------------------------------------------------------------------- characters

class _Char:
    __slots__ = ("text", "font", "size", "bold", "u0", "u1", "v", "x0", "x1", "top", "bottom", "angle",
                 "space_before", "seq")

    def __init__(self, text: str, font: str, size: float, bold: bool, u0: float, u1: float, v: float, x0: float,
                 x1: float, top: float, bottom: float, angle: int, seq: int):
        self.text, self.font, self.size, self.bold = text, font, size, bold
        self.u0, self.u1, self.v = u0, u1, v
        self.x0, self.x1, self.top, self.bottom = x0, x1, top, bottom
        self.angle, self.seq = angle, seq
        self.space_before = False


class _OverBudget(Exception):
    pass


# ------------------------------------------------------------------ hostile streams

MB = 1024 * 1024
# decoded bytes of one stream: a flyer's page content is a few hundred KB, a heavy vector
# poster a few MB; a font program a few MB. Past this a stream is a decompression bomb.
MAX_STREAM = 64 * MB
HEAVY_CONTENT = 1 * MB  # content streams larger than this are checked for drawing operations
MAX_PATH_OPS = 50_000  # pdfminer spends ~25 us per operator: past this, shapes are dropped unread
MAX_CONTENT = 32 * MB  # a content stream larger than this is not interpreted at all
_PATH_OP = re.compile(rb"(?<![^\s])(?:re|[mlcvyh])(?=\s)")
_STRING = rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)"
_NUMBER = rb"[-+]?(?:\d+\.?\d*|\.\d+)"
_NAME = rb"/[^\s/\[\]()<>{}]+"
# what a heavy content stream keeps: text objects (strings matched whole, so an 'ET' inside
# one does not end them), transformations and saved states, graphics states, forms, and text
# state set outside a text object; shapes, colours and images go
_KEEP_TEXT = re.compile(
    rb"(?:BT\s(?:" + _STRING + rb"|<[^<>]*>|[^(<])*?(?<![^\s\])>])ET"
    rb"|(?:" + _NUMBER + rb"\s+){6}cm|[qQ]"
    rb"|" + _NAME + rb"\s+(?:gs|Do|" + _NUMBER + rb"\s+Tf)"
    rb"|" + _NUMBER + rb"\s+T[cwzLsr]"
    rb")(?=[\s/\[(<]|$)", re.S)


class _StreamTooLarge(PdfError):
    def __init__(self) -> None:
        super().__init__(f"damaged PDF: a stream inflates to over {MAX_STREAM // MB} MB "
                         f"(a decompression bomb?); not read")


class _BoundedZlib:
    """Stands in for the zlib module inside pdfminer while one PDF is read.

    pdfminer inflates every stream whole (`zlib.decompress`), and retries a damaged one a
    byte at a time while concatenating bytes (quadratic): one small stream can become
    gigabytes, or hours. Here both stop at MAX_STREAM.
    """

    error = zlib.error

    @staticmethod
    def decompress(data: bytes, *args: Any, **kwargs: Any) -> bytes:
        d = zlib.decompressobj()
        out = d.decompress(data, MAX_STREAM + 1)
        if len(out) > MAX_STREAM:
            raise _StreamTooLarge
        if not d.eof:
            raise zlib.error("incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args: Any, **kwargs: Any) -> Any:
        return zlib.decompressobj(*args, **kwargs)


def _inflate_damaged(data: bytes) -> bytes:
    """What a stream with a bad checksum or a cut end inflates to (pdfminer's retry, linear and bounded)."""
    d = zlib.decompressobj()
    out: list[bytes] = []
    size = 0
    step = 4096  # at most ~4 MB of output per step
    for pos in range(0, len(data), step):
        piece = data[pos:pos + step]
        saved = d.copy()
        try:
            chunk = d.decompress(piece)
        except zlib.error:
            d = saved
            for i in range(len(piece)):  # find where the damage starts: keep what precedes it
                try:
                    out.append(d.decompress(piece[i:i + 1]))
                except zlib.error:
                    if pos + i < len(data) - 3:  # not in the checksum at the end: really damaged
                        raise
                    break
            break
        size += len(chunk)
        if size > MAX_STREAM:
            raise _StreamTooLarge
        out.append(chunk)
    return b"".join(out)


@contextlib.contextmanager
def _bounded_streams() -> Any:
    from pdfminer import pdftypes

    saved = pdftypes.zlib, pdftypes.decompress_corrupted
    pdftypes.zlib, pdftypes.decompress_corrupted = _BoundedZlib, _inflate_damaged  # type: ignore[assignment]
    try:
        yield
    finally:
        pdftypes.zlib, pdftypes.decompress_corrupted = saved


def _lighten(stream: Any, cache: dict[Any, Any]) -> None:
    """Drop the shapes from a content stream with very many drawing operations; keep its text.

    A page of a million line segments would keep pdfminer busy for half a minute; with only its
    text objects and the state they depend on kept, the text is read in a couple of seconds.
    """
    key = ("lightened", id(stream))
    if cache.get(key) is stream:
        return
    cache[key] = stream
    data = stream.get_data()
    if len(data) <= HEAVY_CONTENT:
        return
    if len(data) > MAX_CONTENT:
        stream.data = b""
        cache["dropped"] = cache.get("dropped", 0) + len(data)
        return
    ops = len(_PATH_OP.findall(data))
    if ops > MAX_PATH_OPS:
        stream.data = b"\n".join(m.group(0) for m in _KEEP_TEXT.finditer(data))
        cache["shapes"] = cache.get("shapes", 0) + ops


def _collector_class() -> type:
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_rect

    class Collector(PDFLayoutAnalyzer):
        """A pdfminer device that records glyphs only: paths and images are ignored."""

        def __init__(self, rsrcmgr: Any, deadline: float, offset: tuple[float, float], fonts: dict[Any, Any]):
            super().__init__(rsrcmgr, pageno=1, laparams=None)
            self.chars: list[_Char] = []
            self.deadline = deadline
            self.offset = offset
            self.fonts = fonts
            self.width = self.height = 0.0
            self.calls = 0

        def begin_page(self, page: Any, ctm: Any) -> None:
            super().begin_page(page, ctm)
            self.width, self.height = self.cur_item.width, self.cur_item.height

        def _tick(self) -> None:
            self.calls += 1
            if not self.calls & 255 and time.perf_counter() > self.deadline:
                raise _OverBudget

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self._tick()

        def render_image(self, name: Any, stream: Any) -> None:
            self._tick()

        def _font(self, font: Any) -> tuple[str, bool, float, _FontTables | None, bool]:
            key = ("font", id(font))
            cached = self.fonts.get(key)
            if cached is None or cached[0] is not font:  # (an id can be reused once a font is gone)
                name = font.fontname if isinstance(font.fontname, str) else str(font.fontname)
                tables = _font_tables(font, self.fonts)
                cached = (font, (name, bool(_BOLD.search(name)), font.get_descent(), tables, bool(font.widths)))
                self.fonts[key] = cached
            return cached[1]

        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float, cid: int,
                        ncs: Any, graphicstate: Any) -> float:
            self._tick()
            name, bold, descent, tables, has_widths = self._font(font)
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = self._ligature(font, tables, cid)
            except Exception:
                text = ""
            adv = font.char_width(cid) * fontsize * scaling
            if not text or font.is_vertical():
                return adv
            a, b, c, d, e, f = matrix
            width = adv
            if tables and not has_widths and cid in tables.widths:
                width = tables.widths[cid] * 0.001 * fontsize * scaling
            lo, hi = descent * fontsize + rise, descent * fontsize + rise + fontsize
            if b == 0 and c == 0 and a > 0:  # upright text, the common case
                size = fontsize * abs(d)
                x0, x1 = e, e + a * width
                y0, y1 = (f + d * lo, f + d * hi) if d > 0 else (f + d * hi, f + d * lo)
                angle, u0, u1, v = 0, e, x1, -(f + d * rise)
            else:
                sx, sy = math.hypot(a, b), math.hypot(c, d)
                size = fontsize * sy
                if sx == 0:
                    return adv
                x0, y0, x1, y1 = apply_matrix_rect(matrix, (0, lo, width, hi))
                cos, sin = a / sx, b / sx
                px, py = e + c * rise, f + d * rise
                angle = round(math.degrees(math.atan2(b, a))) % 360
                if angle in (1, 2, 358, 359):
                    angle = 0
                u0 = px * cos + py * sin
                u1 = u0 + width * sx
                v = px * sin - py * cos
            if size < 0.5:
                return adv
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if not (-2 <= cx <= self.width + 2 and -2 <= cy <= self.height + 2):
                return adv  # drawn outside the page: invisible
            ox, oy = self.offset
            self.chars.append(_Char(text, name, size, bold, u0, u1, v, x0 + ox, x1 + ox, self.height - y1 + oy,
                                    self.height - y0 + oy, angle, len(self.chars)))
            return adv

        def _ligature(self, font: Any, tables: _FontTables | None, cid: int) -> str:
            """An unmapped glyph: the letters of the ligature it stands for, else '(cid:N)'."""
            if tables and cid in tables.ligatures:
                parts = []
                for g in tables.ligatures[cid]:
                    try:
                        parts.append(font.to_unichr(g))
                    except Exception:
                        if g not in tables.unicode:
                            return f"(cid:{cid})"
                        parts.append(tables.unicode[g])
                return "".join(parts)
            return f"(cid:{cid})"

    return Collector


def _scan_fonts(resources: Any, cache: dict[Any, Any], depth: int = 0) -> bool:
    """Whether a page (or a form it draws) declares any font: without one it cannot show text.

    Notes in `cache` which CID fonts map CIDs to glyphs one to one (their embedded font tables
    can then be read by CID).
    """
    from pdfminer.pdftypes import resolve1

    res = resolve1(resources)
    if not isinstance(res, dict):
        return False
    found = False
    fonts = resolve1(res.get("Font"))
    if isinstance(fonts, dict) and fonts:
        found = True
        for ref in fonts.values():
            spec = resolve1(ref)
            if not isinstance(spec, dict) or "DescendantFonts" not in spec:
                continue
            desc = resolve1(resolve1(spec["DescendantFonts"]) or [None])
            desc = resolve1(desc[0]) if isinstance(desc, list) and desc else None
            if isinstance(desc, dict):
                name = resolve1(desc.get("BaseFont"))
                gidmap = resolve1(desc.get("CIDToGIDMap"))
                identity = gidmap is None or getattr(gidmap, "name", None) == "Identity"
                cache[("identity", str(getattr(name, "name", name)))] = identity
    xobjects = resolve1(res.get("XObject"))
    if depth > 4 or not isinstance(xobjects, dict):
        return found
    for ref in xobjects.values():
        attrs = getattr(resolve1(ref), "attrs", None) or {}
        subtype = resolve1(attrs.get("Subtype"))
        if getattr(subtype, "name", subtype) == "Form" and _scan_fonts(attrs.get("Resources"), cache, depth + 1):
            found = True
    return found


def _interpreter_class(cache: dict[Any, Any]) -> type:
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import literal_name

    class TextInterpreter(PDFPageInterpreter):
        """Interprets content for its text only: images and forms without fonts are not opened."""

        def do_Do(self, xobjid_arg: Any) -> None:
            xobj = resolve1(self.xobjmap.get(literal_name(xobjid_arg)))
            if not isinstance(xobj, PDFStream):
                return
            subtype = resolve1(xobj.get("Subtype"))
            name = getattr(subtype, "name", None)
            if name == "Image":
                return
            if name == "Form" and xobj.get("Resources") is not None and not _scan_fonts(xobj.get("Resources"), cache):
                return
            super().do_Do(xobjid_arg)

        def execute(self, streams: Any) -> None:
            for obj in streams:
                stream = resolve1(obj)
                if isinstance(stream, PDFStream):
                    _lighten(stream, cache)
            super().execute(streams)

    return TextInterpreter


# --------------------------------------------------------------------------- lines and blocks

@dataclass
class _Line:
    chars: list[_Char]
    angle: int
    size: float = 0.0
    v: float = 0.0
    u0: float = 0.0
    u1: float = 0.0
    text: str = ""
    bold: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0

    def finish(self) -> None:
        sizes = Counter(round(c.size, 1) for c in self.chars)
        self.size = max(sizes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        main = [c for c in self.chars if abs(c.size - self.size) < 0.15 * self.size] or self.chars
        self.v = sorted(c.v for c in main)[len(main) // 2]
        self.u0 = min(c.u0 for c in self.chars)
        self.u1 = max(c.u1 for c in self.chars)
        self.x0 = min(c.x0 for c in self.chars)
        self.x1 = max(c.x1 for c in self.chars)
        self.top = min(c.top for c in self.chars)
        self.bottom = max(c.bottom for c in self.chars)
        self.bold = sum(1 for c in self.chars if c.bold) / len(self.chars)


@dataclass
class _Block:
    lines: list[_Line]
    page: int
    angle: int
    kind: str = "paragraph"
    level: int = 0
    text: str = ""
    links: list[InlineLink] = field(default_factory=list)
    strong: list[str] = field(default_factory=list)
    italic: list[str] = field(default_factory=list)
    rows: list[tuple[list[str], list[list[_Line]]]] | None = None  # a table: each row's cells and their lines
    header: list[str] | None = None
    link_rects: list[tuple[InlineLink, dict[str, float]]] = field(default_factory=list)

    @property
    def size(self) -> float:
        return max(c.size for ln in self.lines for c in ln.chars)

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.lines)


def _dedupe(chars: list[_Char]) -> list[_Char]:
    """Drop glyphs drawn again at (almost) the same place: fake bold, shadows, double rendering."""
    grid: dict[tuple[str, int, int], list[_Char]] = {}
    out = []
    for c in chars:
        if c.text.isspace():
            out.append(c)
            continue
        tol = max(0.6, 0.15 * c.size)
        gx, gy = int(c.u0 // 2), int(c.v // 2)
        nx = gx + (1 if c.u0 % 2 >= 1 else -1)
        ny = gy + (1 if c.v % 2 >= 1 else -1)
        dup = False
        for key in ((c.text, gx, gy), (c.text, nx, gy), (c.text, gx, ny), (c.text, nx, ny)):
            for o in grid.get(key, ()):
                if o.angle == c.angle and abs(o.u0 - c.u0) < tol and abs(o.v - c.v) < tol:
                    dup = True
                    break
            if dup:
                break
        if not dup:
            grid.setdefault((c.text, gx, gy), []).append(c)
            out.append(c)
    return out


def _rows(chars: list[_Char]) -> list[list[_Char]]:
    """Characters sharing a baseline (within a fifth of their size), sorted along the line."""
    rows: list[list[_Char]] = []
    cur: list[_Char] = []
    base = 0.0
    for c in sorted(chars, key=lambda c: (c.v, c.u0)):
        if cur and abs(c.v - base) <= 0.2 * min(c.size, cur[0].size) + 0.3:
            cur.append(c)
            continue
        if cur:
            rows.append(cur)
        cur, base = [c], c.v
    if cur:
        rows.append(cur)
    for r in rows:
        r.sort(key=lambda c: (c.u0, c.seq))
    return rows


def _segments(row: list[_Char]) -> list[list[_Char]]:
    """A baseline row cut where a gap is wider than a column gutter or the size jumps across a gap."""
    segs: list[list[_Char]] = []
    cur: list[_Char] = []
    pending_space = False
    last: _Char | None = None
    for c in row:
        if c.text.isspace():
            pending_space = True
            continue
        if last is not None:
            size = max(c.size, last.size)
            gap = c.u0 - last.u1
            jump = max(c.size, last.size) / min(c.size, last.size) > 1.25
            if gap > _COLUMN_GAP * size or (jump and (gap > 0.25 * size or pending_space)):
                segs.append(cur)
                cur = []
                pending_space = False
        c.space_before = pending_space and bool(cur)
        pending_space = False
        cur.append(c)
        if _accent(c.text) is None:
            last = c
    if cur:
        segs.append(cur)
    return segs


def _line_text(chars: list[_Char]) -> str:
    """The text of a line: accents put on their letters, spaces where there is a space or a gap."""
    n = len(chars)
    marks: dict[int, str] = defaultdict(str)
    skip: set[int] = set()
    for i, c in enumerate(chars):
        mark = _accent(c.text)
        if mark is None:
            continue
        mid = (c.u0 + c.u1) / 2
        best, best_d = None, 0.0
        for j in (i - 1, i + 1, i - 2, i + 2):
            if 0 <= j < n and j not in skip and chars[j].text[:1].isalpha():
                t = chars[j]
                slack = 0.12 * t.size
                if t.u0 - slack <= mid <= t.u1 + slack:
                    dist = abs((t.u0 + t.u1) / 2 - mid)
                    if best is None or dist < best_d:
                        best, best_d = j, dist
        if best is not None:
            marks[best] += mark
            skip.add(i)
    out: list[str] = []
    last: _Char | None = None
    for i, c in enumerate(chars):
        if i in skip:
            continue
        if last is not None and out:
            size = max(c.size, last.size)
            gap = c.u0 - last.u1
            if (c.space_before or gap > _SPACE_GAP * size) and out[-1] != " ":
                out.append(" ")
        text = c.text
        if i in marks:
            text = unicodedata.normalize("NFC", text[0] + marks[i]) + text[1:]
        out.append(text)
        last = c
    return clean_text("".join(out))


def _attach_small(lines: list[_Line]) -> list[_Line]:
    """Superscripts, subscripts, raised accents: a small or accent-only line inside a larger line's band joins it."""
    if len(lines) < 2:
        return lines
    lines = sorted(lines, key=lambda ln: ln.v)
    merged: set[int] = set()
    for i, ln in enumerate(lines):
        accent_only = all(_accent(c.text) is not None or c.text.isspace() for c in ln.chars)
        if not accent_only and len(ln.chars) > 6:
            continue
        best, best_d = None, 0.0
        for j in range(max(0, i - 6), min(len(lines), i + 7)):
            if j == i or j in merged:
                continue
            host = lines[j]
            if host.angle != ln.angle or (not accent_only and ln.size > 0.85 * host.size):
                continue
            if accent_only and abs(ln.size - host.size) > 0.3 * host.size:
                continue
            dv = ln.v - host.v
            if not -0.75 * host.size <= dv <= 0.4 * host.size or dv == 0:
                continue
            if ln.u0 > host.u1 + 0.5 * host.size or ln.u1 < host.u0 - 0.5 * host.size:
                continue
            if abs(dv) < 0.2 * ln.size and not accent_only:
                continue  # same baseline: a genuinely separate piece of text
            d = abs(dv)
            if best is None or d < best_d:
                best, best_d = j, d
        if best is not None:
            host = lines[best]
            host.chars = sorted(host.chars + ln.chars, key=lambda c: (c.u0, c.seq))
            merged.add(i)
    return [ln for i, ln in enumerate(lines) if i not in merged]


def _page_lines(chars: list[_Char]) -> list[_Line]:
    by_angle: dict[int, list[_Char]] = defaultdict(list)
    for c in chars:
        by_angle[c.angle].append(c)
    lines: list[_Line] = []
    for angle, group in by_angle.items():
        group_lines = []
        for row in _rows(group):
            for seg in _segments(row):
                if any(not c.text.isspace() for c in seg):
                    ln = _Line(chars=seg, angle=angle)
                    ln.finish()
                    group_lines.append(ln)
        for ln in _rejoin(_attach_small(group_lines)):
            ln.text = _line_text(ln.chars)
            if ln.text:
                lines.append(ln)
    return lines


def _rejoin(lines: list[_Line]) -> list[_Line]:
    """Pieces of one baseline split by a gap that attached superscripts now fill are one line again."""
    for ln in lines:
        ln.finish()
    out: list[_Line] = []
    for ln in sorted(lines, key=lambda ln: (ln.v, ln.u0)):
        for prev in reversed(out[-4:]):
            if (abs(prev.v - ln.v) <= 0.2 * min(prev.size, ln.size) + 0.3 and _same_size(prev.size, ln.size)
                    and -0.5 * ln.size < ln.u0 - prev.u1 <= _COLUMN_GAP * max(prev.size, ln.size)):
                prev.chars = sorted(prev.chars + ln.chars, key=lambda c: (c.u0, c.seq))
                prev.finish()
                break
        else:
            out.append(ln)
    return out


def _same_size(a: float, b: float) -> bool:
    return max(a, b) / max(min(a, b), 0.1) <= 1.12


def _page_blocks(lines: list[_Line], page: int) -> list[_Block]:
    """Lines into blocks: the nearest block above with similar size, overlapping, close enough."""
    blocks: list[_Block] = []
    placed: list[_Line] = []
    for ln in sorted(lines, key=lambda ln: (ln.angle, ln.v, ln.u0)):
        best, best_gap = None, 0.0
        for b in blocks:
            last = b.lines[-1]
            if last.angle != ln.angle or not _same_size(last.size, ln.size):
                continue
            dv = ln.v - last.v
            if dv <= 0.3 * ln.size or dv > 1.75 * max(ln.size, last.size):
                continue
            overlap = min(ln.u1, last.u1) - max(ln.u0, last.u0)
            if overlap <= 0.2 * min(ln.u1 - ln.u0, last.u1 - last.u0):
                continue
            if (ln.bold > 0.9) != (last.bold > 0.9) and (ln.bold < 0.1 or last.bold < 0.1):
                continue  # a bold label line above plain text (or the reverse) starts a new block
            if best is None or dv < best_gap:
                best, best_gap = b, dv
        if best is not None:
            # another line between the two, under this one, means they are not consecutive
            last = best.lines[-1]
            for o in reversed(placed):
                if o.angle != ln.angle or o.v <= last.v:
                    break
                if o is not last and o.v < ln.v - 0.3 * ln.size and min(ln.u1, o.u1) - max(ln.u0, o.u0) > 0:
                    best = None
                    break
        if best is None:
            blocks.append(_Block(lines=[ln], page=page, angle=ln.angle))
        else:
            best.lines.append(ln)
        placed.append(ln)
    return blocks


def _cell_text(lines: list[_Line]) -> str:
    return " ".join(join_hyphenated([ln.text for ln in sorted(lines, key=lambda ln: ln.v)]))


_LABEL_CELL = re.compile(r"^[^\W\d_][^\d]{0,22}$")


def _tables(lines: list[_Line], page: int) -> tuple[list[_Block], list[_Line]]:
    """Aligned cells on consecutive baselines: a table, or a column of labels beside their values.

    At least three baseline rows, each cut into two or more pieces that start at the same
    column positions, with a column of short cells (a date, a time, a label) that is not the
    last one. Label/value pairs ('Date:' … 'Tuesday, 5 March') become one line each, so they
    read as they would in prose; other tables become one `row` block per row, a first row of
    column names becoming the header. Returns the table blocks and the lines left over.
    """
    horiz = sorted((ln for ln in lines if ln.angle == 0), key=lambda ln: (ln.v, ln.u0))
    rows: list[list[_Line]] = []
    for ln in horiz:
        if rows and abs(rows[-1][-1].v - ln.v) <= 0.25 * min(rows[-1][-1].size, ln.size) + 0.3:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    for r in rows:
        r.sort(key=lambda ln: ln.u0)
    used: set[int] = set()
    blocks: list[_Block] = []
    extra: list[_Line] = []
    i = 0
    while i < len(rows):
        first = rows[i]
        size = max(ln.size for ln in first)
        if len(first) < 2 or not all(_same_size(ln.size, size) for ln in first):
            i += 1
            continue
        cols = [ln.x0 for ln in first]
        tol = max(4.0, 0.5 * size)

        def col_of(ln: _Line, cols: list[float] = cols, tol: float = tol) -> int | None:
            return next((k for k, x in enumerate(cols) if abs(ln.x0 - x) <= tol), None)

        trows: list[dict[int, list[_Line]]] = [{k: [ln] for k, ln in enumerate(first)}]
        last_v = first[0].v
        j = i + 1
        while j < len(rows):
            r = rows[j]
            ks = [col_of(ln) for ln in r]
            if (r[0].v - last_v > 2.6 * size or any(k is None for k in ks) or len(set(ks)) != len(ks)
                    or not all(_same_size(ln.size, size) for ln in r)):
                break
            if len(r) >= 2:
                trows.append({k: [ln] for k, ln in zip(ks, r, strict=True) if k is not None})
            elif ks[0] and r[0].v - last_v <= 1.6 * size and ks[0] in trows[-1]:
                trows[-1][ks[0]].append(r[0])  # a cell's text wrapped onto the next line
            else:
                break
            last_v = r[0].v
            j += 1
        if len(trows) < 3:
            i += 1
            continue
        ncol = len(cols)
        texts = [[_cell_text(tr.get(k, [])) for k in range(ncol)] for tr in trows]
        short = [k for k in range(ncol - 1)
                 if all(len(t[k]) <= 24 for t in texts) and sum(1 for t in texts if t[k]) >= 2]
        if not short:
            i = j  # aligned prose columns, not a table
            continue
        label_value = ncol == 2 and all(not t[0] or t[0].endswith(":") or
                                        (_LABEL_CELL.match(t[0]) and len(t[0].split()) <= 2) for t in texts)
        if label_value:
            for tr in trows:
                heads = [tr[k][0] for k in sorted(tr)]
                merged = _Line(chars=sorted((c for ln in heads for c in ln.chars), key=lambda c: (c.u0, c.seq)),
                               angle=0)
                merged.finish()
                merged.text = " ".join(ln.text for ln in heads)
                extra.append(merged)
                used.update(id(ln) for ln in heads)
            i = j
            continue
        all_lines = [ln for tr in trows for cell in tr.values() for ln in cell]
        used.update(id(ln) for ln in all_lines)
        header = None
        if all(t and _LABEL_CELL.match(t) and len(t.split()) <= 3 for t in texts[0] if t) and \
                any(re.search(r"\d", c) for t in texts[1:] for c in t):
            header = texts[0]
            texts, trows = texts[1:], trows[1:]
        b = _Block(lines=all_lines, page=page, angle=0)
        b.rows = [(t, [tr.get(k, []) for k in range(ncol)]) for t, tr in zip(texts, trows, strict=True)]
        b.header = header
        b.text = "\n".join(" | ".join(t) for t in texts)
        blocks.append(b)
        i = j
    rest = [ln for ln in lines if id(ln) not in used] + extra
    return blocks, rest


def _gaps(intervals: list[tuple[float, float]], min_gap: float) -> list[float]:
    """Cut positions between intervals (sorted) that leave at least `min_gap` of empty space."""
    cuts = []
    ivs = sorted(intervals)
    end = ivs[0][1]
    for a, b in ivs[1:]:
        if a - end >= min_gap:
            cuts.append((a + end) / 2)
        end = max(end, b)
    return cuts


def _split(blocks: list[_Block], axis: str, min_gap: float) -> list[list[_Block]]:
    key = [(b.top, b.bottom) if axis == "y" else (b.x0, b.x1) for b in blocks]
    cuts = _gaps(key, min_gap)
    if not cuts:
        return [blocks]
    parts: list[list[_Block]] = [[] for _ in range(len(cuts) + 1)]
    for b, (lo, _) in zip(blocks, key, strict=True):
        idx = sum(1 for c in cuts if lo > c)
        parts[idx].append(b)
    return [p for p in parts if p]


def _order(blocks: list[_Block], columns_first: bool = False, depth: int = 0) -> list[_Block]:
    """Reading order by recursive cuts: rows top to bottom, columns left to right.

    Consecutive rows that are each split by the same vertical gutter are one multi-column
    stretch (a two-column text whose paragraphs end at the same heights), read column by column.
    """
    if len(blocks) <= 1 or depth > 40:
        return sorted(blocks, key=lambda b: (b.top, b.x0))
    if not columns_first:
        rows = _split(blocks, "y", 0.5)
        if len(rows) > 1:
            groups: list[list[_Block]] = [rows[0]]
            for row in rows[1:]:
                cand = groups[-1] + row
                if (len(_split(groups[-1], "x", 4)) > 1 and len(_split(row, "x", 4)) > 1
                        and len(_split(cand, "x", 4)) > 1):
                    groups[-1] = cand
                else:
                    groups.append(row)
            out: list[_Block] = []
            for g in groups:
                multi = len(_split(g, "y", 0.5)) > 1
                out.extend(_order(g, columns_first=multi, depth=depth + 1))
            return out
    cols = _split(blocks, "x", 4)
    if len(cols) > 1:
        return [b for col in cols for b in _order(col, depth=depth + 1)]
    if columns_first:
        return _order(blocks, depth=depth + 1)
    return sorted(blocks, key=lambda b: (b.top, b.x0))


def _block_text(b: _Block) -> None:
    lines = sorted(b.lines, key=lambda ln: (ln.v, ln.u0))
    b.lines = lines
    texts = join_hyphenated([ln.text for ln in lines])
    b.text = "\n".join(t for t in texts if t)
    if not all(ln.bold > 0.9 for ln in lines):
        b.strong.extend(_runs(lines, lambda c: c.bold))
    if not all(_ITALIC.search(c.font) for ln in lines for c in ln.chars if not c.text.isspace()):
        b.italic.extend(_runs(lines, lambda c: bool(_ITALIC.search(c.font))))


def _runs(lines: list[_Line], marked: Callable[[_Char], bool]) -> list[str]:
    """The texts of the runs of marked characters (bold, italic) in these lines, spaces inside a run kept."""
    out: list[str] = []
    for ln in lines:
        run: list[_Char] = []
        for c in ln.chars + [None]:  # type: ignore[list-item]
            if c is not None and (marked(c) or (c.text.isspace() and run)):
                run.append(c)
                continue
            if run:
                t = _line_text([x for x in run if not x.text.isspace()])
                if len(t) > 1 and t not in out:
                    out.append(t)
            run = []
    return out


# --------------------------------------------------------------------------- the document

def _damaged(e: BaseException) -> PdfError:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    low = msg.lower()
    if "no /root" in low or "root object" in low:
        reason = "no document catalog (truncated, or not a PDF)"
    elif "eof" in low or "unexpected end" in low:
        reason = "unexpected end of file (truncated)"
    elif "xref" in low:
        reason = "cross-reference table missing or broken"
    else:
        reason = msg if len(msg) <= 100 else msg[:97] + "..."
    return PdfError(f"damaged PDF: {reason}")


def _open(data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if b"%PDF" not in data[:1024]:
        raise PdfError("damaged PDF: no PDF header")
    try:
        pdf = pdfplumber.open(BytesIO(data))
    except PdfError:
        raise
    except Exception as e:
        cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
        if isinstance(cause, PDFPasswordIncorrect):
            raise PdfError(ENCRYPTED) from None
        if isinstance(cause, PDFEncryptionError):
            raise PdfError(f"encrypted PDF: {str(cause).strip() or 'unsupported encryption'}") from None
        raise _damaged(cause) from None
    return pdf


def _truncated(pdf: Any, data: bytes) -> bool:
    from pdfminer.pdfdocument import PDFXRefFallback

    fallback = any(isinstance(x, PDFXRefFallback) for x in getattr(pdf.doc, "xrefs", []))
    return fallback and b"%%EOF" not in data[-4096:]


def _info(pdf: Any) -> dict[str, str]:
    info: dict[str, str] = {}
    for k, v in (pdf.metadata or {}).items():
        if isinstance(v, bytes):
            v = v.decode("latin-1", "replace")
        if isinstance(v, str) and v.strip() and isinstance(k, str):
            info[k] = clean_text(v.strip())
    return info


def _page_links(page: Any) -> list[dict[str, Any]]:
    try:
        return [h for h in page.hyperlinks if h.get("uri")]
    except Exception:
        return []


def _link_text(rect: dict[str, Any], lines: list[_Line]) -> str:
    parts = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        inside = [c for c in ln.chars if rect["x0"] - 1 <= (c.x0 + c.x1) / 2 <= rect["x1"] + 1
                  and rect["top"] - 1 <= (c.top + c.bottom) / 2 <= rect["bottom"] + 1]
        if inside:
            parts.append(_line_text(inside))
    return " ".join(p for p in parts if p)


def _distance(rect: dict[str, Any], b: _Block) -> float:
    dx = max(b.x0 - rect["x1"], rect["x0"] - b.x1, 0)
    dy = max(b.top - rect["bottom"], rect["top"] - b.bottom, 0)
    return math.hypot(dx, dy)


def _overlap(rect: dict[str, Any], b: _Block) -> float:
    w = min(b.x1, rect["x1"]) - max(b.x0, rect["x0"])
    h = min(b.bottom, rect["bottom"]) - max(b.top, rect["top"])
    return w * h if w > 0 and h > 0 else 0.0


def _classify(pages: list[dict[str, Any]]) -> str:
    """'pdf-slides' for a deck (many short landscape pages), else 'pdf-flyer'."""
    n = len(pages)
    if not n:
        return "pdf-flyer"
    landscape = sum(1 for p in pages if p["width"] > 1.15 * p["height"]) / n
    screen = sum(1 for p in pages if 1.25 <= p["width"] / max(p["height"], 1) <= 1.9) / n
    words = sum(p["words"] for p in pages) / n
    if n >= 4 and landscape >= 0.6 and words <= 250:
        return "pdf-slides"
    if n >= 6 and words <= 60:
        return "pdf-slides"
    if 2 <= n <= 3 and screen == 1 and words <= 40:
        return "pdf-slides"
    return "pdf-flyer"



def _norm_line(text: str, bottom: bool) -> str:
    """A line as compared across pages: footers often carry the page number, headers do not."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    return re.sub(r"\d+", "#", t) if bottom else t


def _deck(blocks: list[_Block], page_info: list[dict[str, Any]]) -> tuple[list[str], set[int]]:
    """One cleaned text per slide, and ids of blocks to leave out of the document.

    Page numbers ('3/31') go from the slide texts and the document. Running headers and
    footers (the same line near the top or bottom edge of at least half the pages; at the
    bottom, numbers may differ) go from the slide texts, and from the document except on the
    title page. A page that repeats the previous one with more text (a build step) replaces
    it; the blocks of the replaced page are dropped too.
    """
    npages = len(page_info)
    heights = {p["page"]: p["height"] for p in page_info}

    def edge(b: _Block) -> str | None:
        h = heights.get(b.page) or 1
        return "top" if b.top < 0.16 * h else "bottom" if b.bottom > 0.84 * h else None

    seen_on: dict[str, set[int]] = defaultdict(set)
    for b in blocks:
        where = edge(b)
        if where:
            for ln in b.text.split("\n"):
                seen_on[_norm_line(ln, where == "bottom")].add(b.page)
    repeated = {k for k, pages in seen_on.items() if len(pages) >= max(3, npages // 2)}
    drop: set[int] = set()
    per_page: dict[int, list[str]] = defaultdict(list)
    for b in blocks:
        where = edge(b)
        kept, numbers = [], 0
        for ln in b.text.split("\n"):
            if _PAGE_NUMBER.match(ln) or (where and _BARE_NUMBER.match(ln)):
                numbers += 1
            elif not (where and _norm_line(ln, where == "bottom") in repeated):
                kept.append(ln)
        if not kept:
            if numbers or b.page != 1:
                drop.add(id(b))
            continue
        per_page[b.page].append("\n".join(kept))
    slides: list[str] = []
    slide_pages: list[int] = []
    for p in sorted(heights):
        text = "\n".join(per_page.get(p, []))
        if not text.strip():
            continue
        if len(slides) > 1 and is_build_of(slides[-1], text):
            slides[-1], slide_pages[-1] = text, p
        else:
            slides.append(text)
            slide_pages.append(p)
    superseded = set(heights) - set(slide_pages)
    drop |= {id(b) for b in blocks if b.page in superseded}
    return slides, drop


def read_pdf(data: bytes, max_pages: int = 300, time_budget: float = 20.0) -> Document:
    """Read a PDF's text layer into a Document (see the module docstring); raise PdfError when it cannot."""
    start = time.perf_counter()
    deadline = start + time_budget
    over = PdfError(f"PDF took longer than {time_budget:g} s to read; gave up")
    # pdfminer's complaints about sloppy files are not printed; they only tell damage from a scan
    noisy = logging.getLogger("pdfminer")
    level, propagate = noisy.level, noisy.propagate
    heard = _Complaints()
    noisy.addHandler(heard)
    noisy.setLevel(logging.WARNING)
    noisy.propagate = False
    try:
        with _bounded_streams():
            return _read(data, max_pages, deadline, over, heard)
    finally:
        noisy.removeHandler(heard)
        noisy.setLevel(level)
        noisy.propagate = propagate


class _Complaints(logging.Handler):
    """Counts pdfminer's warnings during one read."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _read(data: bytes, max_pages: int, deadline: float, over: PdfError, heard: _Complaints) -> Document:
    pdf = _open(data)
    doc = Document()
    try:
        if _truncated(pdf, data):
            raise PdfError("damaged PDF: truncated file (no end-of-file marker, cross-reference table missing)")
        try:
            pages = pdf.pages
        except PdfError:
            raise
        except Exception as e:
            cause = e.args[0] if e.args and isinstance(e.args[0], BaseException) else e
            raise _damaged(cause) from None
        if not pages:
            raise PdfError("damaged PDF: no pages")
        if len(pages) > max_pages:
            doc.warnings.append(f"only the first {max_pages} of {len(pages)} pages were read")
        return _read_pages(pdf, pages[:max_pages], len(pages), doc, deadline, over, heard)
    except RecursionError:
        raise PdfError("damaged PDF: object structure nested too deeply") from None
    finally:
        with contextlib.suppress(Exception):
            pdf.close()


def _read_pages(pdf: Any, pages: list[Any], total: int, doc: Document, deadline: float,
                over: PdfError, heard: _Complaints) -> Document:
    font_cache: dict[Any, Any] = {}
    collector_cls = _collector_class()
    interpreter_cls = _interpreter_class(font_cache)
    all_blocks: list[_Block] = []
    page_info: list[dict[str, Any]] = []
    sizes: Counter[float] = Counter()
    failed: list[str] = []
    textless = fonts_no_glyphs = 0
    seen_pages: dict[str, int] = {}
    repeats: list[int] = []
    page_lines: dict[int, list[_Line]] = {}
    links: list[tuple[int, dict[str, Any]]] = []
    for page in pages:
        if time.perf_counter() > deadline:
            raise over
        pno = page.page_number
        try:
            width, height = float(page.width), float(page.height)
        except Exception:
            width, height = 612.0, 792.0
        info = {"page": pno, "width": width, "height": height, "words": 0}
        page_info.append(info)
        try:
            has_fonts = _scan_fonts(page.page_obj.resources, font_cache)
        except Exception:
            has_fonts = True
        if not has_fonts:
            textless += 1
            continue
        mb = page.mediabox if hasattr(page, "mediabox") else (0, 0, 0, 0)
        device = collector_cls(pdf.rsrcmgr, deadline, (float(mb[0]), float(mb[1])), font_cache)
        before = font_cache.get("shapes", 0), font_cache.get("dropped", 0)
        try:
            interpreter_cls(pdf.rsrcmgr, device).process_page(page.page_obj)
        except _OverBudget:
            raise over from None
        except PdfError:
            raise
        except RecursionError:
            failed.append(f"page {pno}: nested too deeply")
            continue
        except Exception as e:
            failed.append(f"page {pno}: {str(e).strip().splitlines()[0][:80] if str(e).strip() else type(e).__name__}")
            continue
        shapes, dropped = font_cache.get("shapes", 0) - before[0], font_cache.get("dropped", 0) - before[1]
        if shapes:
            doc.warnings.append(f"page {pno} has {shapes:,} drawing operations; its shapes were skipped, "
                                f"its text was read")
        if dropped:
            doc.warnings.append(f"page {pno} has {dropped // MB} MB of drawing instructions; not read")
        chars = [c for c in device.chars if c.text and c.text != "\n"]
        for c in chars:
            if c.text in ("\u00a0", "\t", "\u2002", "\u2003", "\u2009"):
                c.text = " "
        chars = _dedupe(chars)
        visible = [c for c in chars if not c.text.isspace()]
        if not visible:
            textless += 1
            fonts_no_glyphs += 1
            continue
        lines = _page_lines(chars)
        if not lines:
            textless += 1
            continue
        key = "\n".join(ln.text for ln in sorted(lines, key=lambda ln: (ln.angle, ln.v, ln.u0)))
        if key in seen_pages:
            repeats.append(pno)
            info["words"] = sum(len(ln.text.split()) for ln in lines)
            continue
        seen_pages[key] = pno
        for c in visible:
            sizes[round(c.size * 2) / 2] += 1
        info["words"] = sum(len(ln.text.split()) for ln in lines)
        page_lines[pno] = lines
        tables, rest = _tables(lines, pno)
        blocks = _page_blocks(rest, pno)
        for b in blocks:
            _block_text(b)
        blocks = [b for b in blocks if b.text] + tables
        all_blocks.extend(_order(blocks))
        links.extend((pno, h) for h in _page_links(page))
    if failed and not all_blocks:
        raise PdfError(f"damaged PDF: {failed[0]}")
    if not all_blocks:
        if fonts_no_glyphs and heard.count:  # fonts declared, nothing drawn, and pdfminer complained
            raise PdfError("damaged PDF: the pages' content cannot be read")
        raise PdfError(NO_TEXT)
    if failed:
        doc.warnings.append(f"{len(failed)} page(s) could not be read ({failed[0]})")
    kind = _classify(page_info)
    if repeats and kind == "pdf-flyer":  # in a deck, repeated pages are overlays of pictures
        doc.warnings.append(f"{len(repeats)} page(s) repeat an earlier page's text and were skipped "
                            f"(page {', '.join(map(str, repeats[:8]))}{'...' if len(repeats) > 8 else ''})")
    if textless:
        doc.warnings.append(f"{textless} of {len(pages)} page(s) have no text layer (images only)")
    body = max(sizes.items(), key=lambda kv: (kv[1], -kv[0]))[0] if sizes else 10.0
    _headings(all_blocks, body)
    _attach_links(all_blocks, links, page_lines)

    doc.meta["pdf_kind"] = kind
    doc.meta["pages"] = total
    info = _info(pdf)
    if info:
        doc.meta["pdf_info"] = info
    drop: set[int] = set()
    if kind == "pdf-slides":
        slides, drop = _deck(all_blocks, page_info)
        doc.meta["deck"] = True
        doc.meta["slides"] = slides
    for b in all_blocks:
        if id(b) not in drop:
            doc.blocks.extend(_to_blocks(b, body))
    return doc


def _headings(blocks: list[_Block], body: float) -> None:
    """Blocks at least 1.25 times the body size are headings, level 1-3 by size (sizes within 6% share a level)."""
    sizes = sorted({round(b.size, 1) for b in blocks if round(b.size / body, 3) >= HEADING_REL}, reverse=True)
    ranks: dict[float, int] = {}
    rank, anchor = 0, None
    for s in sizes:
        if anchor is None or s < anchor / 1.06:
            rank += 1
            anchor = s
        ranks[s] = min(rank, 3)
    for b in blocks:
        s = round(b.size, 1)
        lone_symbol = sum(ch.isalnum() for ch in b.text) < 2  # a big brace or bullet is no heading
        if s in ranks and round(b.size / body, 3) >= HEADING_REL and b.rows is None and not lone_symbol:
            b.kind, b.level = "heading", ranks[s]


def _attach_links(blocks: list[_Block], links: list[tuple[int, dict[str, Any]]],
                  page_lines: dict[int, list[_Line]]) -> None:
    for pno, h in links:
        rect = {k: float(h.get(k) or 0) for k in ("x0", "x1", "top", "bottom")}
        url = str(h["uri"]).strip()
        on_page = [b for b in blocks if b.page == pno]
        if on_page:
            target = max(on_page, key=lambda b: (_overlap(rect, b), -_distance(rect, b)))
        elif blocks:
            before = [b for b in blocks if b.page < pno]
            target = before[-1] if before else blocks[0]
        else:
            continue
        link = InlineLink(text=_link_text(rect, page_lines.get(pno, [])), url=url)
        if not any(x.url == link.url and x.text == link.text for x in target.links):
            target.links.append(link)
            target.link_rects.append((link, rect))


def _layout(lines: list[_Line], page: int, body: float) -> dict[str, Any]:
    size = max(c.size for ln in lines for c in ln.chars)
    nchars = sum(len(ln.chars) for ln in lines)
    x0, x1 = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    top, bottom = min(ln.top for ln in lines), max(ln.bottom for ln in lines)
    return {
        "page": page,
        "font_size": round(size, 2),
        "rel_size": round(size / body, 3) if body else 1.0,
        "bold": sum(ln.bold * len(ln.chars) for ln in lines) / max(1, nchars) > 0.5,
        "x0": round(x0, 2),
        "top": round(top, 2),
        "width": round(x1 - x0, 2),
        "height": round(bottom - top, 2),
    }


def _to_blocks(b: _Block, body: float) -> list[Block]:
    if b.rows is None:
        layout = _layout(b.lines, b.page, body)
        if b.angle:
            layout["angle"] = b.angle
        if b.italic:
            layout["italic"] = b.italic  # emphasised spans: a deck marks its presenter this way
        kind: Any = b.kind
        return [Block(kind=kind, text=b.text, level=b.level if b.kind == "heading" else 0,
                      links=b.links, strong=b.strong, layout=layout)]
    out = []
    for cells, cell_lines in b.rows:
        lines = [ln for cl in cell_lines for ln in cl]
        layout = _layout(lines, b.page, body)
        cell_links: list[list[InlineLink]] = [[] for _ in cells]
        links = []
        for link, rect in b.link_rects:
            hits = [k for k, cl in enumerate(cell_lines)
                    if any(_overlap(rect, _Block(lines=[ln], page=b.page, angle=0)) > 0 for ln in cl)]
            if hits:
                links.append(link)
                cell_links[hits[0]].append(link)
        out.append(Block(kind="row", text=" | ".join(cells), cells=cells, cell_links=cell_links, header=b.header,
                         links=links, layout=layout))
    return out
