"""A hostile corpus, generated in code: files that must end as a one-line error or `empty`, fast.

Each `write_*` function writes one file (or a few) into a folder and returns
{relative name: expected outcome}. An expected outcome is one of

- ``"empty"``: status `empty`;
- ``"error:<words>"``: status `error` whose message contains `<words>`;
- ``"ok:<title words>"``: status `ok` with a talk whose title contains `<title words>` (good
  announcements among the hostile ones: legacy encodings, odd file names; and hostile files
  whose announcement must survive: a front-matter bomb, a damaged xref, a million shapes).

`write_hostile_corpus(folder)` writes all of them in about a second. Nothing is downloaded.
`big=False` leaves out the 50 MB text file, which `write_big_text` writes on its own.
"""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
import zlib
from pathlib import Path

SEED = 20240305
TITLE = "Entropy of Random Walks on Groups"
FRENCH_TITLE = "Théorie des représentations à l'été"
CP1252_TITLE = "Noether’s Theorem – Revisited"
JAPANESE_TITLE = "量子群の表現論入門"
# the secret a reader must never reach: an entity or link to it must not be followed
SECRET_FILE = "/etc/passwd"
SECRET_MARK = "root:"


def announcement(title: str = TITLE, speaker: str = "Jane Doe (University of Oslo)") -> str:
    """A plain, labelled seminar announcement (what every good hostile file carries)."""
    return (f"Title: {title}\n"
            f"Speaker: {speaker}\n"
            "Date: Tuesday, 5 March 2024, 16:00\n"
            "Location: Room 101, Mathematics Building\n"
            "\n"
            "Abstract: We study how random walks on groups behave when the group is large.\n")


def _write(folder: Path, name: str, data: bytes | str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


# --------------------------------------------------------------------------- empty and junk

def write_empty(folder: Path) -> dict[str, str]:
    _write(folder, "empty.txt", b"")
    _write(folder, "whitespace.md", b" \n\t\r\n   \n\n")
    return {"empty.txt": "empty", "whitespace.md": "empty"}


def write_junk(folder: Path) -> dict[str, str]:
    rng = random.Random(SEED)
    out = {}
    for name in ("junk.md", "junk.txt", "junk.pdf"):
        _write(folder, name, rng.randbytes(64 * 1024))
        out[name] = "error:binary data"
    # a PDF header over junk: the PDF reader must give up cleanly
    _write(folder, "junk-header.pdf", b"%PDF-1.7\n" + rng.randbytes(64 * 1024))
    out["junk-header.pdf"] = "error:damaged PDF"
    return out


# --------------------------------------------------------------------------- encodings

def write_encodings(folder: Path) -> dict[str, str]:
    """Legacy encodings holding real announcements (good inputs), broken UTF-8, NULs."""
    _write(folder, "latin1.txt", announcement(FRENCH_TITLE, "Éloïse Gérard (Université de Génève)").encode("latin-1"))
    _write(folder, "cp1252.txt", announcement(CP1252_TITLE, "Jane O’Neil (University of Oslo)").encode("cp1252"))
    _write(folder, "shift-jis.txt", announcement(JAPANESE_TITLE, "山田太郎 (京都大学)").encode("shift_jis"))
    # UTF-8 text with stray bytes that are not UTF-8 (a bad copy-paste, a cut multi-byte character)
    bad = announcement("Invalid Bytes in a Seminar").encode("utf-8")
    bad = bad.replace(b"Location:", b"\xff\xfe\xc3(Location:").replace(b"Abstract:", b"\xe2\x82Abstract:")
    _write(folder, "invalid-utf8.txt", bad)
    # NULs sprinkled through a text announcement (a damaged copy): read, NULs dropped
    text = announcement("Null Bytes Everywhere").encode("utf-8")
    nul = b"\x00".join(text[i:i + 37] for i in range(0, len(text), 37))
    _write(folder, "nul-bytes.txt", nul)
    return {"latin1.txt": f"ok:{FRENCH_TITLE}", "cp1252.txt": f"ok:{CP1252_TITLE}",
            "shift-jis.txt": f"ok:{JAPANESE_TITLE}", "invalid-utf8.txt": "ok:Invalid Bytes in a Seminar",
            "nul-bytes.txt": "ok:Null Bytes Everywhere"}


# --------------------------------------------------------------------------- size

BIG_TEXT_MB = 50


def write_big_text(folder: Path, name: str = "big.txt", megabytes: int = BIG_TEXT_MB) -> dict[str, str]:
    """A 50 MB text file that starts like an announcement (written in a few large chunks)."""
    line = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\n"
    chunk = line * (1024 * 1024 // len(line) + 1)
    chunk = chunk[:1024 * 1024]
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        f.write(announcement("A Very Long Announcement").encode())
        for _ in range(megabytes):
            f.write(chunk)
    return {name: "error:not read"}


def write_long_line(folder: Path) -> dict[str, str]:
    """10 MB on one line, no newline anywhere."""
    words = b"seminar talk abstract speaker date " * (10 * 1024 * 1024 // 35 + 1)
    _write(folder, "one-line.txt", words[:10 * 1024 * 1024])
    return {"one-line.txt": "error:not read"}


# --------------------------------------------------------------------------- nesting

def write_deep_html(folder: Path, depth: int = 100_000) -> dict[str, str]:
    body = "<div>" * depth + "Deeply nested text" + "</div>" * depth
    _write(folder, "deep.html", f"<!DOCTYPE html>\n<html><head><title>Deep</title></head><body>{body}</body></html>\n")
    # the same inside a Markdown page (raw HTML is allowed there), and deep Markdown nesting
    _write(folder, "deep-html.md", announcement("Deep Markdown Page") + "\n" + body + "\n")
    _write(folder, "deep-quote.md", "# Quotes\n\n" + "> " * depth + "deep\n\n" + "[" * depth + "x" + "]" * depth + "\n")
    _write(folder, "deep-list.md", "# Lists\n\n" + "".join("  " * i + "- item\n" for i in range(0, 1000)))
    # nesting that made single elements cost time in proportion to their depth (quadratic in all)
    page = "<!DOCTYPE html>\n<html><head><title>Deep</title></head><body>{}</body></html>\n"
    n = 20_000
    _write(folder, "deep-bold.html", page.format("<b>" * n + "Bold text" + "</b>" * n))
    _write(folder, "deep-table.html", page.format("<table><tr><td>" * n + "cell" + "</td></tr></table>" * n))
    _write(folder, "deep-chrome.html", page.format('<div class="sidebar">' * n + "<main>Main text</main>"
                                                  + "</div>" * n))
    scope = '<div itemscope itemtype="https://schema.org/Event" itemprop="subEvent"><span itemprop="name">x</span>'
    _write(folder, "deep-microdata.html", page.format(scope * n + "</div>" * n))
    _write(folder, "deep-jsonld.html", page.format('<script type="application/ld+json">' + "[" * n + "]" * n
                                                  + "</script><h1>Deep JSON</h1>"))
    return {"deep.html": "error:HTML elements", "deep-html.md": "error:HTML elements", "deep-quote.md": "empty",
            "deep-list.md": "empty", "deep-bold.html": "empty", "deep-table.html": "empty",
            "deep-chrome.html": "empty", "deep-microdata.html": "ok:x", "deep-jsonld.html": "empty"}


def write_regex_traps(folder: Path) -> dict[str, str]:
    """Text built to make a pattern scan the rest of the file again and again."""
    head = "---\nlayout: post\n---\n" + announcement("Liquid Without End") + "\n"
    _write(folder, "liquid-unclosed.md", head + "{% for x in items %}\n" * 40_000)
    _write(folder, "brackets.md", "[" * 100_000 + "\n" + "](" * 20_000 + "\n")
    _write(folder, "angles.md", "<a " * 100_000 + "\n" + "<!--" * 50_000 + "\n")
    return {"liquid-unclosed.md": "ok:Liquid Without End", "brackets.md": "empty", "angles.md": "empty"}


def write_deep_email(folder: Path, depth: int = 5000) -> dict[str, str]:
    """An e-mail whose MIME parts nest thousands of levels deep."""
    head = ["From: a@example.org", "To: b@example.org", "Subject: Nested parts",
            "Date: Tue, 5 Mar 2024 10:00:00 +0000", "MIME-Version: 1.0"]
    parts = []
    for i in range(depth):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}')
    text = "\n".join(head) + "\n" + "\n".join(parts) + "\nContent-Type: text/plain\n\nhello\n"
    text += "".join(f"--b{i}--\n" for i in reversed(range(depth)))
    _write(folder, "deep.eml", text)
    return {"deep.eml": "error:nested too deeply"}


# --------------------------------------------------------------------------- YAML front matter

def write_yaml(folder: Path) -> dict[str, str]:
    body = "\n" + announcement("Safe YAML Loading") + "\n"
    _write(folder, "yaml-python.md",
           '---\nlayout: post\ntitle: !!python/object/apply:os.system ["touch PWNED"]\n---\n' + body)
    levels = ["a: &a [" + ", ".join(['"lol"'] * 9) + "]"]
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        levels.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    levels.append("title: *i")
    _write(folder, "yaml-bomb.md", "---\nlayout: post\n" + "\n".join(levels) + "\n---\n" + body)
    _write(folder, "yaml-merge-bomb.md", "---\na: &a {x: 1, y: 2}\n" + "".join(
        f"m{i}: &m{i}\n  <<: [{', '.join([f'*m{i - 1}' if i else '*a'] * 4)}]\n" for i in range(12))
        + "title: Merged\n---\n" + body)
    _write(folder, "yaml-recursive.md", "---\na: &a [1, *a]\ntitle: Loop\n---\n" + body)
    _write(folder, "yaml-deep.md", "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + body)
    _write(folder, "yaml-indent.md",
           "---\nlayout: post\ntitle: Broken\n  speaker: nobody\n   - date: 2024-03-05\n\tvenue: x\n---\n" + body)
    return {name: "ok:Safe YAML Loading" for name in ("yaml-python.md", "yaml-bomb.md", "yaml-merge-bomb.md",
                                                      "yaml-recursive.md", "yaml-deep.md", "yaml-indent.md")}


# --------------------------------------------------------------------------- external entities

def write_xxe(folder: Path) -> dict[str, str]:
    doctype = f'<!DOCTYPE html [<!ENTITY e SYSTEM "file://{SECRET_FILE}"><!ENTITY i "inner">]>'
    page = (f'<?xml version="1.0"?>\n{doctype}\n<html><head><title>XXE</title></head><body>'
            f"<h1>External Entities Are Not Read</h1><p>Speaker: Jane Doe</p><p>Date: 5 March 2024</p>"
            f"<p>&e;</p><p>&i;</p></body></html>\n")
    _write(folder, "xxe.html", page)
    _write(folder, "xxe.xml", f'<?xml version="1.0"?>\n<!DOCTYPE talk [<!ENTITY e SYSTEM "file://{SECRET_FILE}">]>\n'
                              "<talk><title>Entity</title><abstract>&e;</abstract></talk>\n")
    _write(folder, "xxe.svg", f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY e SYSTEM "file://{SECRET_FILE}">]>\n'
                              '<svg xmlns="http://www.w3.org/2000/svg"><text>&e;</text></svg>\n')
    _write(folder, "xxe.pptx", _xxe_pptx())
    return {"xxe.html": "ok:External Entities Are Not Read", "xxe.xml": "empty", "xxe.svg": "empty",
            "xxe.pptx": "ok:Entity Deck"}


# --------------------------------------------------------------------------- PDF

def _flyer_pdf(title: str = TITLE, **canvas_kw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, **canvas_kw)
    c.setFont("Helvetica-Bold", 24)
    c.drawString(72, 760, title)
    c.setFont("Helvetica", 13)
    for i, line in enumerate(announcement(title).splitlines()[1:]):
        c.drawString(72, 720 - 18 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def _pdf_by_hand(objects: list[bytes]) -> bytes:
    """A PDF from numbered object bodies (1 = catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data, 6)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


MILLION_OPS_TITLE = "Drawing Operations Seminar"


def million_ops_pdf(ops: int = 1_000_000) -> bytes:
    """One flyer page: the announcement, then a million tiny line segments (14 MB of content, 30 KB compressed)."""
    lines = announcement(MILLION_OPS_TITLE).splitlines()[1:]
    text = b"".join(b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (720 - 16 * i, ln.encode()) for i, ln in enumerate(lines))
    content = (b"q 1 0 0 1 0 0 cm BT /F1 24 Tf 72 760 Td (" + MILLION_OPS_TITLE.encode() + b") Tj ET Q\n"
               + text + b"0.5 w 0 0 1 RG\n" + b"0 0 m 1 1 l S\n" * ops)
    return _pdf_by_hand([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content),
    ])


def write_pdfs(folder: Path) -> dict[str, str]:
    from reportlab.lib.pdfencrypt import StandardEncryption

    good = _flyer_pdf()
    _write(folder, "truncated.pdf", good[: len(good) // 2])
    _write(folder, "encrypted.pdf", _flyer_pdf(encrypt=StandardEncryption("secret", ownerPassword="owner")))
    # every xref offset wrong and startxref pointing into the middle of an object
    m = re.search(rb"xref\s+0 \d+\s+", good)
    assert m
    bad = bytearray(good)
    rng = random.Random(SEED)
    pos = m.end()
    while good[pos:pos + 1].isdigit():
        bad[pos:pos + 10] = b"%010d" % rng.randrange(len(good))
        pos += 20
    start = bad.rindex(b"startxref") + len(b"startxref\n")
    end = bad.index(b"\n", start)
    bad[start:end] = b"%d" % (len(good) // 3)
    _write(folder, "bad-xref.pdf", bytes(bad))
    _write(folder, "million-ops.pdf", million_ops_pdf())
    # a content stream that inflates to far more than it weighs (1 GB of spaces, ~1 MB compressed)
    _write(folder, "pdf-stream-bomb.pdf", _pdf_stream_bomb())
    return {"truncated.pdf": "error:damaged PDF", "encrypted.pdf": "error:encrypted",
            "bad-xref.pdf": f"ok:{TITLE}", "million-ops.pdf": f"ok:{MILLION_OPS_TITLE}",
            "pdf-stream-bomb.pdf": "error:decompression bomb"}


def _deflate_zeros(size: int, byte: bytes = b"\0", crc: bool = True) -> tuple[bytes, int]:
    """(raw deflate data, crc32) of `size` copies of `byte`, made in well under a second.

    One 1 MB chunk is compressed after a full flush; the compressor state is then the same at
    every chunk boundary, so the same compressed bytes repeat for every further chunk.
    """
    mb = 1024 * 1024
    n = size // mb
    assert size % mb == 0 and n >= 2
    chunk = byte * mb
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    data = first + again * (n - 1) + c.flush()
    value = 0
    for _ in range(n if crc else 0):
        value = zlib.crc32(chunk, value)
    return data, value


def _pdf_stream_bomb() -> bytes:
    deflated, _ = _deflate_zeros(1024 * 1024 * 1024, b" ", crc=False)
    # a zlib stream (header, raw deflate, Adler-32); the checksum is wrong: a reader must stop long before it
    body = b"\x78\x9c" + deflated + b"\0\0\0\0"
    content = b"BT /F1 24 Tf 72 760 Td (Stream Bomb) Tj ET\n"
    return _pdf_by_hand([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents [5 0 R 6 0 R] >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(content, compress=False),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream",
    ])


# --------------------------------------------------------------------------- ZIP / PowerPoint

def deck_bytes(title: str = TITLE) -> bytes:
    """A small real deck: a title slide with the announcement."""
    from pptx import Presentation

    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = title
    s.placeholders[1].text = "Jane Doe, University of Oslo\nTuesday, 5 March 2024, 16:00"
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _raw_zip(members: list[tuple[str, bytes, int, int, int]], central: list[tuple[str, int, int, int, int]]) -> bytes:
    """A ZIP written by hand: local entries (name, deflated, crc, size, method) and a central
    directory whose entries (name, local index, crc, compressed size, size) may lie or repeat."""
    import struct

    out = bytearray()
    offsets = []
    for name, data, crc, size, method in members:
        offsets.append(len(out))
        nb = name.encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size, len(nb), 0)
        out += nb + data
    cd = len(out)
    for name, index, crc, csize, size in central:
        nb = name.encode()
        method = members[index][4]
        out += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, csize, size,
                           len(nb), 0, 0, 0, 0, 0, offsets[index])
        out += nb
    count = min(len(central), 0xFFFF)  # zipfile reads the whole directory whatever the count says
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(out) - cd, cd, 0)
    return bytes(out)


def write_zips(folder: Path) -> dict[str, str]:
    deck = deck_bytes()
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        parts = [(i.filename, z.read(i)) for i in z.infolist()]
    # 1. an honest bomb: the deck plus a slide part of 1 GB of zeros (declared as such), ~1 MB on disk
    big = 1024 * 1024 * 1024
    deflated, crc = _deflate_zeros(big)
    stored = [(n, zlib.compress(b, 9)[2:-4], zlib.crc32(b), len(b), 8) for n, b in parts]
    members = [*stored, ("ppt/media/huge.xml", deflated, crc, big, 8)]
    central = [(m[0], i, m[2], len(m[1]), m[3]) for i, m in enumerate(members)]
    _write(folder, "bomb.pptx", _raw_zip(members, central))
    # 2. overlapping entries: 200 central-directory names all pointing at the one 1 GB member
    many = central + [(f"ppt/media/copy{i}.xml", len(members) - 1, crc, len(deflated), big) for i in range(200)]
    _write(folder, "bomb-overlap.pptx", _raw_zip(members, many))
    # 3. a lying central directory: the 1 GB member declared as 1000 bytes
    lying = central[:-1] + [("ppt/media/huge.xml", len(members) - 1, crc, len(deflated), 1000)]
    _write(folder, "bomb-lying.pptx", _raw_zip(members, lying))
    # 4. a lying slide: the first slide's XML replaced by 1 GB of zeros that claims 1000 bytes
    slide = next(i for i, m in enumerate(members) if m[0] == "ppt/slides/slide1.xml")
    members4 = list(members[:-1])
    members4[slide] = ("ppt/slides/slide1.xml", deflated, crc, big, 8)
    central4 = [(m[0], i, m[2], len(m[1]), 1000 if i == slide else m[3]) for i, m in enumerate(members4)]
    _write(folder, "bomb-lying-slide.pptx", _raw_zip(members4, central4))
    # 5. damaged: the deck's bytes cut in half (no central directory), and flipped bytes inside
    _write(folder, "truncated.pptx", deck[: len(deck) // 2])
    corrupt = bytearray(deck)
    rng = random.Random(SEED)
    for i in range(len(corrupt) // 4, len(corrupt) // 2, 97):
        corrupt[i] = rng.randrange(256)
    _write(folder, "corrupt.pptx", bytes(corrupt))
    # half a million directory entries (26 MB, under the 64 MB file limit): listing them is the attack
    one = stored[0]
    _write(folder, "many-entries.pptx", _raw_zip([one], [(f"ppt/{i:x}", 0, one[2], len(one[1]), one[3])
                                                         for i in range(500_000)]))
    _write(folder, "not-a-zip.pptx", b"PK\x03\x04" + random.Random(SEED + 1).randbytes(4096))
    return {"bomb.pptx": "error:would unpack to 1,024 MB", "bomb-overlap.pptx": "error:would unpack",
            "bomb-lying.pptx": "error:more than the 1,000 bytes it declares",
            "bomb-lying-slide.pptx": "error:more than the 1,000 bytes it declares",
            "truncated.pptx": "error:damaged", "corrupt.pptx": "error:damaged", "not-a-zip.pptx": "error:damaged",
            "many-entries.pptx": "error:500,000 entries"}


def _xxe_pptx() -> bytes:
    """A real deck whose slide XML declares an external entity to a local file and uses it."""
    deck = deck_bytes("Entity Deck")
    src = zipfile.ZipFile(io.BytesIO(deck))
    buf = io.BytesIO()
    with src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "ppt/slides/slide1.xml":
                decl, rest = body.split(b"?>", 1)
                body = (decl + b"?>" + b'<!DOCTYPE p:sld [<!ENTITY e SYSTEM "file://' + SECRET_FILE.encode()
                        + b'">]>' + rest.replace(b"Jane Doe", b"&e; Jane Doe"))
            out.writestr(info, body)
    return buf.getvalue()


# --------------------------------------------------------------------------- names and links

def write_names(folder: Path) -> dict[str, str]:
    out = {}
    for name, title in (("talk with spaces.md", "Spaces in Names"), ("séminaire – été.md", "Unicode Names"),
                        ("-rf.txt", "Leading Dash"), ("--out.md", "Double Dash Name")):
        _write(folder, name, announcement(title))
        out[name] = f"ok:{title}"
    return out


def write_symlink(folder: Path) -> dict[str, str]:
    """A link to a file outside the folder (the system's password file, or a sibling file)."""
    link = folder / "outside-link.txt"
    target = Path(SECRET_FILE)
    if not target.is_file():
        target = folder.parent / f"{folder.name}-outside.txt"
        target.write_text(announcement("Outside The Folder"))
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(target, link)
    return {"outside-link.txt": "error:outside the input folder"}


# --------------------------------------------------------------------------- all

WRITERS = [write_empty, write_junk, write_encodings, write_long_line, write_deep_html, write_regex_traps,
           write_deep_email,
           write_yaml, write_xxe, write_pdfs, write_zips, write_names, write_symlink]


def write_hostile_corpus(folder: Path, big: bool = True) -> dict[str, str]:
    """Write every hostile file into `folder`; return {relative name: expected outcome}.

    `big=False` leaves out the 50 MB text file (tests write it once, in a module fixture).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str] = {}
    for writer in WRITERS:
        expected.update(writer(folder))
    if big:
        expected.update(write_big_text(folder))
    return expected
