"""A source's kind comes from its bytes, never from its file name."""

from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import pytest
from conftest import SEED_RAW

from pipeline.sniff import slide_numbering_score, sniff


def _zip(names: list[str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<xml/>")
    return buf.getvalue()


def _junk(n: int = 4096, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(n)


@pytest.mark.parametrize(("name", "kind"), [
    ("000_a983478e2ffa500f.txt", "jekyll"),
    ("001_518ad8b2b08d47a9.txt", "jekyll"),
    ("003_115c562c7987f688.txt", "slide-dump"),
])
def test_seed_kinds(name: str, kind: str) -> None:
    assert name.endswith(".txt")
    assert sniff((SEED_RAW / name).read_bytes()) == kind


@pytest.mark.parametrize("name", ["002_cd1ea2d3b11608ef.txt", "004_f7d7f3569c2cea98.txt"])
def test_seed_text_announcements_are_text_or_markdown(name: str) -> None:
    assert sniff((SEED_RAW / name).read_bytes()) in {"text", "markdown"}


def test_every_seed_is_a_txt_file_read_by_content() -> None:
    seeds = sorted(SEED_RAW.glob("[!.]*"))
    assert len(seeds) == 5 and all(p.suffix == ".txt" for p in seeds)
    assert len({sniff(p.read_bytes()) for p in seeds}) >= 3


HTML_PAGE = b"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Seminar</title></head>
<body><main><h1>Talk</h1><p>Speaker: Ada Lovelace</p></main></body>
</html>
"""

EMAIL = b"""Return-Path: <sec@math.example.edu>
Received: from mail.example.edu by mx.example.org; Thu, 19 Jul 2012 01:04:13 -0700
From: Seminar Secretary <sec@math.example.edu>
To: m_seminar@math.example.edu
Subject: Seminar on Friday
Date: Thu, 19 Jul 2012 13:34:00 +0530
MIME-Version: 1.0
Content-Type: text/plain; charset=us-ascii

Title: Hilbert schemes of points
Speaker: A. N. Other
"""

MARP = b"""---
marp: true
theme: gaia
paginate: true
---

# Learning potentials

Jane Doe, 2024

---

## Outline
"""

CASES = {
    "html page in .txt": (HTML_PAGE, "html"),
    "html without doctype": (b"<html>\n<head><title>x</title></head>\n<body><div>Talk</div></body></html>",
                             "html"),
    "pdf bytes named .md": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ngarbage",
                            "pdf"),
    "pptx zip": (_zip(["[Content_Types].xml", "ppt/presentation.xml", "ppt/slides/slide1.xml"]), "pptx"),
    "ole compound file": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "ppt"),
    "random junk": (_junk(), "binary"),
    "junk with NULs": (b"\x00\x01\x02\x03" * 300, "binary"),
    "docx is not a deck": (_zip(["[Content_Types].xml", "word/document.xml"]), "binary"),
    "corrupt zip": (b"PK\x03\x04" + _junk(300), "binary"),
    "rfc 822 e-mail": (EMAIL, "email"),
    "mbox message": (b"From sec@example.edu Thu Jul 19 13:34:00 2012\n" + EMAIL, "email"),
    "marp deck": (MARP, "markdown-slides"),
    "jekyll page": (b"---\nlayout: post\ntitle: Talk\n---\nSome **bold** text.\n", "jekyll"),
    "jekyll with CRLF": (b"---\r\ntitle: Talk\r\n---\r\nBody\r\n", "jekyll"),
    "jekyll with BOM": (b"\xef\xbb\xbf---\ntitle: Talk\n---\nBody\n", "jekyll"),
    "jekyll in UTF-16": ("---\ntitle: Talk\n---\nBody\n".encode("utf-16"), "jekyll"),
    "jekyll in UTF-32": ("---\ntitle: Talk\n---\nBody\n".encode("utf-32"), "jekyll"),
    "text in UTF-32-BE": (b"\x00\x00\xfe\xff" + "Title: Graph limits\n".encode("utf-32-be"), "text"),
    "markdown": (b"# Seminar\n\n**Speaker:** Ada\n\n- [slides](https://x.org/s.pdf)\n", "markdown"),
    "plain text": (b"Title: Between physics and scaling\nAbstract: Machine learning of matter.\n", "text"),
    "latin-1 text": ("Séminaire à l'Université, salle 101\n".encode("latin-1"), "text"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_kind_by_content(case: str) -> None:
    data, kind = CASES[case]
    assert sniff(data) == kind


def test_extension_is_ignored(tmp_path: Path) -> None:
    for name in ("talk.md", "talk.pdf", "talk.html", "talk.pptx", "talk"):
        p = tmp_path / name
        p.write_bytes(EMAIL)
        assert sniff(p.read_bytes()) == "email"


@pytest.mark.parametrize("data", [b"", b"   \n\n\t", b"\n"])
def test_empty_file_is_not_binary(data: bytes) -> None:
    assert sniff(data) == "text"


def test_headers_inside_text_do_not_make_an_email() -> None:
    text = b"Seminar announcement\n\nFrom: the organisers\nTo: everyone\nSubject: a talk\n"
    assert sniff(text) != "email"


def test_utf8_cut_at_the_sniff_window_is_still_utf8() -> None:
    # 'é' straddles byte 65536: the head must not be read as Latin-1 mojibake
    data = b"---\ntitle: x\n---\n" + b"a" * (65536 - 18) + "é".encode() + b"\nmore"
    assert data[:65536].endswith(b"\xc3")
    assert sniff(data) == "jekyll"


def test_slide_numbering_score() -> None:
    dump = "\n".join(f"  {i}. slide {i} text" for i in range(1, 11))
    assert slide_numbering_score(dump) == 1.0
    assert slide_numbering_score("1. one\n2. two\n") == 0.0


def test_sniff_is_fast_on_large_input() -> None:
    import time

    data = os.urandom(8 * 1024 * 1024)
    t = time.perf_counter()
    assert sniff(data) == "binary"
    assert time.perf_counter() - t < 1.0
