"""PowerPoint decks (.pptx): one Document per deck, its slides in order, with layout hints.

Every slide gives blocks in reading order: the title placeholder first (a heading), then the
other text top-to-bottom, left-to-right (text boxes, placeholders, table rows, text in grouped
shapes and SmartArt), then the speaker notes (a quote block). `meta["slides"]` holds one
cleaned string per slide, with empty slides left out and progressive builds (a slide repeated
with one more bullet each time) collapsed into their fullest step, as for slide-site dumps.

Font sizes that a run does not set are looked up where PowerPoint inherits them from (the
layout and master placeholders, the master's text styles, the presentation defaults), so
`rel_size` is known for almost every block. Pictures, charts and media are skipped unread.
"""

from __future__ import annotations

import contextlib
import functools
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn as _qn
from pptx.text.text import _Run

from pipeline.document import Block, Document, InlineLink
from pipeline.normalize.text import repair
from pipeline.readers.slides import is_build_of


@functools.cache
def _q(tag: str) -> str:
    """'a:p' as Clark notation (python-pptx's own qn is slow in tight loops)."""
    return str(_qn(tag))


class PptxError(Exception):
    """A deck that cannot be read; the message is one human-readable line."""


OLE_SIGNATURE = b"\xd0\xcf\x11\xe0"
EMU_PER_POINT = 12700
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE}
_BULLETED = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.VERTICAL_BODY,
             PP_PLACEHOLDER.VERTICAL_OBJECT}
_DIAGRAM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
_DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
_R_DM = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}dm"
# PowerPoint refuses nothing but python-pptx opens only decks; a show or template is the same package
_OTHER_MAIN = re.compile(rb"application/vnd\.ms-powerpoint\.(?:slideshow|template)\.macroEnabled\.main\+xml|"
                         rb"application/vnd\.openxmlformats-officedocument\.presentationml\."
                         rb"(?:slideshow|template)\.main\+xml")
_DECK_MAIN = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\ue000-\uf8ff\U000f0000-\U0010ffff]")
_AUTO_FIELDS = ("datetime", "slidenum")  # today's date and the slide number: not the deck's content


def read_pptx(data: bytes) -> Document:
    """Read a .pptx deck into a Document (see the module docstring); raise PptxError when it cannot."""
    if data.startswith(OLE_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            raise PptxError("encrypted or legacy PowerPoint file: the deck is password-protected; "
                            "save it without a password")
        raise PptxError("encrypted or legacy PowerPoint file: an OLE compound file (legacy .ppt or a "
                        "password-protected deck); save it as an unprotected .pptx")
    prs = _open(data)
    doc = Document()
    try:
        slides = list(prs.slides)
        height = prs.slide_height
    except Exception as e:
        raise _damaged(e) from None
    deck = _Deck(prs)
    read: list[_Slide] = []
    for index, slide in enumerate(slides, 1):
        try:
            read.append(_read_slide(slide, index, deck))
        except Exception as e:  # one broken slide does not lose the deck
            doc.warnings.append(f"slide {index} could not be read: {_first_line(e)}")
    if slides and not read:
        raise PptxError("damaged PowerPoint file: no slide could be read")
    kept: list[_Slide] = []
    for s in read:
        doc.warnings.extend(s.warnings)
        if not s.text:
            continue
        if len(kept) > 1 and is_build_of(kept[-1].text, s.text):
            s.notes = s.notes or kept[-1].notes
            kept[-1] = s
        else:
            kept.append(s)
    _relative_sizes([b for s in kept for b in s.blocks])
    for n, s in enumerate(kept, 1):
        for b in s.blocks:
            b.layout["slide"] = b.layout["page"] = n
            if b.kind == "heading":
                b.level = 1 if n == 1 else 2
            if s.hidden:
                b.layout["hidden"] = True
        doc.blocks.extend(s.blocks)
        if s.notes:
            layout: dict[str, Any] = {"role": "notes", "slide": n, "page": n}
            if height:
                layout["top"] = round(height / EMU_PER_POINT, 2)  # below everything on the slide
            doc.blocks.append(Block(kind="quote", text=s.notes, layout=layout))
    doc.meta = {"deck": True, "pages": len(slides), "slides": [s.text for s in kept],
                "notes": [s.notes for s in kept], "pptx_core": _core(prs)}
    return doc


def _damaged(e: BaseException) -> PptxError:
    """python-pptx's complaint about a package, as one line a person can act on."""
    if isinstance(e, zipfile.BadZipFile):
        detail = f"not a valid ZIP archive ({_first_line(e)})"
    elif isinstance(e, (AttributeError, TypeError, IndexError)):
        detail = "unexpected XML structure in the package (a part is missing or malformed)"
    elif isinstance(e, KeyError) and e.args:
        detail = f"a part is missing ({str(e.args[0])[:200]})"
    elif type(e).__name__ == "XMLSyntaxError":
        detail = f"malformed XML ({_first_line(e)})"
    else:
        detail = _first_line(e)
    return PptxError(f"damaged PowerPoint file: {detail}")


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    line = text.split("\n", 1)[0].strip() if text else type(e).__name__
    return line[:200]


def _open(data: bytes) -> Any:
    try:
        return Presentation(BytesIO(data))
    except ValueError as e:
        if "not a PowerPoint file" not in str(e):
            raise _damaged(e) from None
        kind = str(e).rsplit("content type is", 1)[-1].strip(" '")
    except Exception as e:
        raise _damaged(e) from None
    retyped = _as_deck(data)
    if retyped is not None:
        try:
            return Presentation(BytesIO(retyped))
        except Exception:
            pass
    raise PptxError(f"damaged PowerPoint file: the main part is {kind or 'of no known type'}, not a slide deck")


def _as_deck(data: bytes) -> bytes | None:
    """A slide show (.ppsx) or template (.potx) repackaged as a deck, which it is apart from its content type."""
    try:
        src = zipfile.ZipFile(BytesIO(data))
        types = src.read("[Content_Types].xml")
    except Exception:
        return None
    if not _OTHER_MAIN.search(types):
        return None
    buf = BytesIO()
    with src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = _OTHER_MAIN.sub(_DECK_MAIN, types) if info.filename == "[Content_Types].xml" else src.read(info)
            out.writestr(info, body)
    return buf.getvalue()


def _core(prs: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        cp = prs.core_properties
        for key in ("title", "author", "subject", "keywords"):
            value = clean(getattr(cp, key, None) or "")
            if value:
                out[key] = value.replace("\n", " ")
        if cp.created:
            out["created"] = cp.created.isoformat()
    except Exception:
        pass
    return out


# ---------------------------------------------------------------- text


def clean(text: str) -> str:
    """Deck text: soft line breaks as newlines, mojibake repaired, private-use and invisible characters
    dropped, spaces collapsed; lines trimmed and empty lines left out."""
    if not text:
        return ""
    text = text.replace("\x0b", "\n").replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", repair(text))
    lines = (_SPACES.sub(" ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


@dataclass
class _Para:
    """One paragraph of a text frame: its text, the runs that carry marks, its list state."""

    text: str
    level: int
    bulleted: bool
    sizes: list[float] = field(default_factory=list)
    size: float | None = None  # inherited, when no run sets one
    links: list[InlineLink] = field(default_factory=list)
    bold: list[str] = field(default_factory=list)
    italic: list[str] = field(default_factory=list)
    bold_chars: int = 0


def _paragraph(p: Any, owner: Any) -> _Para:
    """Text of an <a:p> with fields that PowerPoint fills in itself left out; runs' sizes, links, marks.

    `owner` (the slide or notes page) resolves hyperlinks; None reads none."""
    pieces: list[str] = []
    sizes: list[float] = []
    links: list[InlineLink] = []
    bold: list[str] = []
    italic: list[str] = []
    bold_chars = 0
    last_url = None
    prev_bold = prev_italic = False
    for child in p:
        tag = child.tag
        if tag == _q("a:br"):
            pieces.append("\n")
            last_url, prev_bold, prev_italic = None, False, False
            continue
        if tag not in (_q("a:r"), _q("a:fld")):
            continue
        if tag == _q("a:fld") and (child.get("type") or "").lower().startswith(_AUTO_FIELDS):
            continue
        t = child.find(_q("a:t"))
        text = t.text if t is not None and t.text else ""
        if not text:
            continue
        pieces.append(text)
        rpr = child.find(_q("a:rPr"))
        url = None
        is_bold = is_italic = False
        if rpr is not None:
            if rpr.get("sz"):
                with contextlib.suppress(ValueError):
                    sizes.append(int(rpr.get("sz")) / 100)
            is_bold = rpr.get("b") in ("1", "true")
            is_italic = rpr.get("i") in ("1", "true")
            if owner is not None and tag == _q("a:r") and rpr.find(_q("a:hlinkClick")) is not None:
                try:
                    url = _Run(child, owner).hyperlink.address
                except Exception:
                    url = None
                url = url.strip() if url and url.strip() else None
        if url:
            if url == last_url and links:
                links[-1].text += text
            else:
                links.append(InlineLink(text=text, url=url))
        last_url = url
        for flag, prev, spans in ((is_bold, prev_bold, bold), (is_italic, prev_italic, italic)):
            if flag:
                if prev and spans:
                    spans[-1] += text
                else:
                    spans.append(text)
        if is_bold:
            bold_chars += len(text.strip())
        prev_bold, prev_italic = is_bold, is_italic
    ppr = p.find(_q("a:pPr"))
    level = 0
    if ppr is not None and ppr.get("lvl"):
        with contextlib.suppress(ValueError):
            level = min(8, max(0, int(ppr.get("lvl"))))
    for lk in links:
        lk.text = clean(lk.text).replace("\n", " ")
    return _Para(text=clean("".join(pieces)), level=level, bulleted=False, sizes=sizes,
                 links=[lk for lk in links if lk.text], bold=[t for t in map(clean, bold) if t],
                 italic=[t for t in map(clean, italic) if t], bold_chars=bold_chars)


# ---------------------------------------------------------------- inheritance


class _Deck:
    """What slides inherit from: the presentation's default text style, and (looked up once per layout
    placeholder, as python-pptx's own look-up is slow) the layout and master placeholders."""

    def __init__(self, prs: Any) -> None:
        try:
            self.default_style = prs._element.find(_q("p:defaultTextStyle"))
        except Exception:
            self.default_style = None
        self._bases: dict[tuple[Any, ...], list[Any]] = {}

    def bases(self, shape: Any) -> list[Any]:
        """The layout placeholder and master placeholder a slide placeholder inherits from (nearest first)."""
        if not getattr(shape, "is_placeholder", False):
            return []
        try:
            layout = shape.part.slide_layout
            key = (str(layout.part.partname), shape._element.ph_idx)
        except Exception:
            return []
        if key not in self._bases:
            found: list[Any] = []
            with contextlib.suppress(Exception):
                layout_ph = shape._base_placeholder
                if layout_ph is not None:
                    found.append(layout_ph)
                    master_ph = layout_ph._base_placeholder
                    if master_ph is not None:
                        found.append(master_ph)
            self._bases[key] = found
        return self._bases[key]


def _level_props(style: Any, level: int) -> Any:
    """The <a:lvlNpPr> of a list style (lstStyle, titleStyle, bodyStyle...), or None."""
    if style is None:
        return None
    return style.find(_q(f"a:lvl{level + 1}pPr"))


def _chain(shape: Any, deck: _Deck) -> list[Any]:
    """The list styles a shape's paragraphs inherit from, nearest first."""
    styles: list[Any] = []
    for sh in [shape, *deck.bases(shape)]:
        with contextlib.suppress(Exception):
            body = sh._element.find(_q("p:txBody"))
            if body is not None:
                styles.append(body.find(_q("a:lstStyle")))
    if getattr(shape, "is_placeholder", False):
        with contextlib.suppress(Exception):
            master = shape.part.slide_layout.slide_master
            kind = _ph_type(shape)
            name = "p:titleStyle" if kind in _TITLES else "p:bodyStyle" if kind is not None else "p:otherStyle"
            tx = master._element.find(_q("p:txStyles"))
            if tx is not None:
                styles.append(tx.find(_q(name)))
    styles.append(deck.default_style)
    return [s for s in styles if s is not None]


def _inherited(p: Any, level: int, chain: list[Any], look: Callable[[Any], Any]) -> Any:
    """The first value `look` finds on the paragraph's own properties, then up the style chain."""
    ppr = p.find(_q("a:pPr"))
    if ppr is not None:
        value = look(ppr)
        if value is not None:
            return value
    for style in chain:
        lvl = _level_props(style, level)
        if lvl is not None:
            value = look(lvl)
            if value is not None:
                return value
    return None


def _size_of(ppr: Any) -> float | None:
    d = ppr.find(_q("a:defRPr"))
    if d is not None and d.get("sz"):
        try:
            return int(d.get("sz")) / 100
        except ValueError:
            return None
    return None


def _bullet_of(ppr: Any) -> bool | None:
    if ppr.find(_q("a:buNone")) is not None:
        return False
    if any(ppr.find(_q(t)) is not None for t in ("a:buChar", "a:buAutoNum", "a:buBlip")):
        return True
    return None


def _font_scale(shape: Any) -> float:
    """The shrink-to-fit scale PowerPoint applied to a text frame (1.0 when none)."""
    try:
        fit = shape._element.find(_q("p:txBody")).find(_q("a:bodyPr")).find(_q("a:normAutofit"))
        if fit is not None and fit.get("fontScale"):
            return int(fit.get("fontScale")) / 100000
    except Exception:
        pass
    return 1.0


def _ph_type(shape: Any) -> Any:
    try:
        return shape.placeholder_format.type if shape.is_placeholder else None
    except Exception:
        return None


# ---------------------------------------------------------------- slides


@dataclass
class _Slide:
    index: int
    text: str
    blocks: list[Block]
    notes: str
    hidden: bool
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Piece:
    """Blocks of one shape, with where the shape sits (points; None when unknown)."""

    blocks: list[Block]
    top: float | None
    left: float | None
    title: bool = False
    lines: list[str] | None = None  # the shape's text in the slide's string (None: its blocks' text)


_Transform = tuple[float, float, float, float]  # x = ax + bx * x', y = ay + by * y'


def _walk(shapes: Any, tf: _Transform) -> Iterator[tuple[Any, _Transform]]:
    """Every shape, grouped ones included, with the transform from its coordinates to the slide's."""
    for shape in shapes:
        if shape._element.tag == _q("p:grpSp"):
            yield from _walk(shape.shapes, _group_transform(shape, tf))
        else:
            yield shape, tf


def _group_transform(group: Any, tf: _Transform) -> _Transform:
    ax, bx, ay, by = tf
    try:
        xfrm = group._element.grpSpPr.find(_q("a:xfrm"))
        off, ext = xfrm.find(_q("a:off")), xfrm.find(_q("a:ext"))
        ch_off, ch_ext = xfrm.find(_q("a:chOff")), xfrm.find(_q("a:chExt"))
        sx = int(ext.get("cx")) / int(ch_ext.get("cx")) if int(ch_ext.get("cx")) else 1.0
        sy = int(ext.get("cy")) / int(ch_ext.get("cy")) if int(ch_ext.get("cy")) else 1.0
        gx = int(off.get("x")) - int(ch_off.get("x")) * sx
        gy = int(off.get("y")) - int(ch_off.get("y")) * sy
    except Exception:
        return tf
    return ax + bx * gx, bx * sx, ay + by * gy, by * sy


def _box(shape: Any, tf: _Transform, deck: _Deck) -> dict[str, float]:
    """Where a shape sits on the slide, in points (only what is known; a placeholder without a position
    of its own sits where its layout or master placeholder does)."""
    ax, bx, ay, by = tf
    x = y = cx = cy = None
    for sh in [shape, *deck.bases(shape)]:
        try:
            el = sh._element
            x, y, cx, cy = el.x, el.y, el.cx, el.cy
        except Exception:
            continue
        if x is not None or y is not None:
            break
    out: dict[str, float] = {}
    if y is not None:
        out["top"] = round((ay + by * y) / EMU_PER_POINT, 2)
    if x is not None:
        out["x0"] = round((ax + bx * x) / EMU_PER_POINT, 2)
    if cx is not None:
        out["width"] = round(bx * cx / EMU_PER_POINT, 2)
    if cy is not None:
        out["height"] = round(by * cy / EMU_PER_POINT, 2)
    return out


def _read_slide(slide: Any, index: int, deck: _Deck) -> _Slide:
    pieces: list[_Piece] = []
    loose_links: list[tuple[float, InlineLink]] = []
    have_title = False
    warnings: list[str] = []
    for shape, tf in _walk(slide.shapes, (0.0, 1.0, 0.0, 1.0)):
        box = _box(shape, tf, deck)
        try:
            piece = _shape_piece(shape, slide, deck, box)
        except Exception as e:  # one odd shape does not lose the slide
            piece = None
            warnings.append(f"slide {index}: a shape could not be read ({_first_line(e)})")
        link = _click_link(shape)
        if piece is not None and piece.title:
            if have_title:  # a second title placeholder reads as body text
                piece.title = False
                for b in piece.blocks:
                    b.kind, b.layout["role"] = "paragraph", "body"
            have_title = True
        if link is not None:
            if piece is not None and piece.blocks:
                link.text = link.text or piece.blocks[0].text.split("\n")[0]
                piece.blocks[0].links.append(link)
            else:
                loose_links.append((box.get("top", 0.0), link))
        if piece is not None and piece.blocks:
            pieces.append(piece)
    pieces.sort(key=lambda pc: (not pc.title, pc.top is None, pc.top or 0, pc.left or 0))
    blocks = [b for pc in pieces for b in pc.blocks]
    for top, link in loose_links:  # a linked picture: the link goes with the text just above it
        above = [b for b in blocks if b.layout.get("top", 0.0) <= top]
        target = above[-1] if above else blocks[0] if blocks else None
        if target is not None:
            target.links.append(link)
    lines: list[str] = []
    for pc in pieces:
        lines.extend(pc.lines if pc.lines is not None else [b.text for b in pc.blocks if b.text])
    notes = ""
    try:
        if slide.has_notes_slide:
            frame = slide.notes_slide.notes_text_frame
            if frame is not None:
                owner = slide.notes_slide
                notes = "\n".join(t for t in (_paragraph(p, owner).text for p in frame._txBody.p_lst) if t)
    except Exception:
        notes = ""
    hidden = slide._element.get("show") in ("0", "false")
    return _Slide(index=index, text="\n".join(lines), blocks=blocks, notes=notes, hidden=hidden, warnings=warnings)


def _click_link(shape: Any) -> InlineLink | None:
    try:
        address = shape.click_action.hyperlink.address
    except Exception:
        return None
    if not address or not address.strip():
        return None
    text = ""
    try:
        if shape.has_text_frame:
            text = clean(shape.text_frame.text).split("\n")[0]
        if not text:
            text = clean(shape._element._nvXxPr.cNvPr.get("descr") or "")
    except Exception:
        pass
    return InlineLink(text=text, url=address.strip())


def _shape_piece(shape: Any, slide: Any, deck: _Deck, box: dict[str, float]) -> _Piece | None:
    top, left = box.get("top"), box.get("x0")
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        kind = _ph_type(shape)
        role = "title" if kind in _TITLES else "subtitle" if kind == PP_PLACEHOLDER.SUBTITLE else \
            "footer" if kind == PP_PLACEHOLDER.FOOTER else "body"
        blocks = _text_blocks(shape, slide, deck, box, role, kind)
        return _Piece(blocks=blocks, top=top, left=left, title=role == "title" and bool(blocks),
                      lines=[] if role == "footer" else None)  # a footer repeats on every slide
    if getattr(shape, "has_table", False) and shape.has_table:
        rows, lines = _table_blocks(shape, slide, deck, box)
        return _Piece(blocks=rows, top=top, left=left, lines=lines)
    if getattr(shape, "has_chart", False) and shape.has_chart:
        return None
    if shape._element.tag == _q("p:graphicFrame"):
        return _Piece(blocks=_smartart_blocks(shape, slide, box), top=top, left=left)
    return None


def _text_blocks(shape: Any, slide: Any, deck: _Deck, box: dict[str, float], role: str, kind: Any) -> list[Block]:
    chain = _chain(shape, deck)
    scale = _font_scale(shape)
    paras: list[_Para] = []
    for p in shape.text_frame._txBody.p_lst:
        para = _paragraph(p, slide)
        if not para.text:
            continue
        if role == "body":
            bullet = _inherited(p, para.level, chain, _bullet_of)
            para.bulleted = bullet if bullet is not None else kind in _BULLETED
        size = _inherited(p, para.level, chain, _size_of)
        para.size = size * scale if size else None
        para.sizes = [s * scale for s in para.sizes]
        paras.append(para)
    groups: list[list[_Para]] = []
    for para in paras:
        if para.bulleted or not groups or groups[-1][-1].bulleted:
            groups.append([para])
        else:
            groups[-1].append(para)
    blocks = []
    for group in groups:
        kind_of = "heading" if role == "title" else "item" if group[0].bulleted else "paragraph"
        layout: dict[str, Any] = {"role": role, **box}
        _font_layout(layout, group)
        b = Block(kind=kind_of, text="\n".join(p.text for p in group), layout=layout,
                  level=group[0].level + 1 if kind_of == "item" else 0,
                  links=[lk for p in group for lk in p.links], strong=[s for p in group for s in p.bold])
        italic = [s for p in group for s in p.italic]
        if italic:
            layout["italic"] = italic
        blocks.append(b)
    return blocks


def _font_layout(layout: dict[str, Any], paras: list[_Para]) -> None:
    """font_size: the largest size a run sets, else the inherited one; bold when most characters are."""
    sizes = [s for p in paras for s in p.sizes] or [p.size for p in paras if p.size]
    if sizes:
        layout["font_size"] = round(max(sizes), 2)
    chars = sum(len(p.text) for p in paras)
    if chars and sum(p.bold_chars for p in paras) / chars > 0.5:
        layout["bold"] = True


def _table_blocks(shape: Any, slide: Any, deck: _Deck, box: dict[str, float]) -> tuple[list[Block], list[str]]:
    """One row block per table row (the header row, when there is one, is carried by the others, as for
    HTML tables) and the rows as 'a | b | c' lines for the slide's text."""
    table = shape.table
    default = _inherited_table_size(deck)
    rows: list[tuple[list[str], list[list[InlineLink]], list[_Para], float | None]] = []
    y = box.get("top")
    for row in table.rows:
        cells: list[str] = []
        links: list[list[InlineLink]] = []
        paras: list[_Para] = []
        for cell in row.cells:
            cell_paras = [_paragraph(p, slide) for p in cell.text_frame._txBody.p_lst]
            for p in cell_paras:
                p.size = default
            cells.append(" ".join(p.text.replace("\n", " ") for p in cell_paras if p.text))
            links.append([lk for p in cell_paras for lk in p.links])
            paras.extend(p for p in cell_paras if p.text)
        rows.append((cells, links, paras, y))
        if y is not None:
            try:
                y = round(y + row.height / EMU_PER_POINT, 2)
            except Exception:
                y = None
    header = rows[0][0] if len(rows) > 1 and _header_like(table, rows[0][0], rows[0][2]) else None
    blocks = []
    for cells, links, paras, top in rows[1:] if header is not None else rows:
        if not any(cells):
            continue
        layout: dict[str, Any] = {"role": "body", **box}
        layout.pop("height", None)
        if top is not None:
            layout["top"] = top
        _font_layout(layout, paras)
        blocks.append(Block(kind="row", text=" | ".join(cells), cells=cells, cell_links=links, header=header,
                            links=[lk for cl in links for lk in cl], layout=layout))
    return blocks, [" | ".join(cells) for cells, *_ in rows if any(cells)]


def _header_like(table: Any, cells: list[str], paras: list[_Para]) -> bool:
    """A first row that is styled as a header (or set in bold) and holds short labels."""
    if not any(cells) or any(len(c) > 60 for c in cells):
        return False
    styled = False
    with contextlib.suppress(Exception):
        styled = bool(table.first_row)
    chars = sum(len(p.text) for p in paras)
    bold = bool(chars) and sum(p.bold_chars for p in paras) / chars > 0.5
    return styled or bold


def _inherited_table_size(deck: _Deck) -> float | None:
    """Table text without a size of its own: the presentation's default size (18 pt when unset)."""
    lvl = _level_props(deck.default_style, 0)
    return _size_of(lvl) if lvl is not None else None


def _smartart_blocks(shape: Any, slide: Any, box: dict[str, float]) -> list[Block]:
    """The text of a SmartArt diagram (its data part), one paragraph block; nothing for other frames."""
    data = shape._element.find(_q("a:graphic"))
    gd = data.find(_q("a:graphicData")) if data is not None else None
    if gd is None or gd.get("uri") != _DIAGRAM:
        return []
    ids = gd.find(f"{_DGM}relIds")
    if ids is None or not ids.get(_R_DM):
        return []
    from lxml import etree

    part = slide.part.related_part(ids.get(_R_DM))
    root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    lines: list[str] = []
    for pt in root.iter(f"{_DGM}pt"):
        if pt.get("type") not in (None, "node"):
            continue
        t = pt.find(f"{_DGM}t")
        if t is None:
            continue
        for p in t.iter(_q("a:p")):
            text = _paragraph(p, None).text
            if text:
                lines.append(text)
    if not lines:
        return []
    return [Block(kind="paragraph", text="\n".join(lines), layout={"role": "body", "smartart": True, **box})]


def _relative_sizes(blocks: list[Block]) -> None:
    """rel_size = font size / the deck's median body text size (weighted by characters)."""
    body = [(b.layout["font_size"], len(b.text)) for b in blocks
            if b.layout.get("role") == "body" and b.layout.get("font_size")]
    if not body:
        body = [(b.layout["font_size"], len(b.text)) for b in blocks
                if b.layout.get("role") not in ("notes", "title") and b.layout.get("font_size")]
    if not body:
        return
    weighted = sorted(body)
    total = sum(n for _, n in weighted)
    acc = 0
    median = weighted[-1][0]
    for size, n in weighted:
        acc += n
        if acc * 2 >= total:
            median = size
            break
    for b in blocks:
        size = b.layout.get("font_size")
        if size and median:
            b.layout["rel_size"] = round(size / median, 3)
