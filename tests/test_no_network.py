"""Reading a local source never touches the network: no external images, stylesheets, DTDs,
entities or linked files are fetched, whatever the source points at."""

from __future__ import annotations

import socket
from io import BytesIO
from pathlib import Path

import pytest
from conftest import read_jsonl, run_ingest
from pdfdraw import make_pdf

HTML = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://dtd.example.invalid/xhtml1-strict.dtd">
<html><head><title>Seminar</title>
<link rel="stylesheet" href="http://css.example.invalid/site.css">
<script src="http://js.example.invalid/app.js"></script>
<meta http-equiv="refresh" content="0; url=http://refresh.example.invalid/">
</head><body>
<img src="http://img.example.invalid/logo.png"><iframe src="http://frame.example.invalid/"></iframe>
<h2>Title: Networks without networks</h2><p>Speaker: Grace Hopper (Navy)</p><p>Date: 4 May 2025</p>
<object data="http://obj.example.invalid/x.swf"></object>
</body></html>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE talk [<!ENTITY remote SYSTEM "http://xxe.example.invalid/secret">
<!ENTITY local SYSTEM "file:///etc/passwd">]>
<html><body><h2>Title: Entities &remote; &local;</h2><p>Speaker: Alan Turing</p><p>Date: 5 May 2025</p></body></html>
"""

MARKDOWN = """---
title: "Images elsewhere"
speaker: Emmy Noether
date: 2025-05-06
---
![logo](http://img.example.invalid/logo.png)
<img src="https://img.example.invalid/banner.jpg">
{% include http://liquid.example.invalid/x.html %}
"""


def _pdf_with_remote_link() -> bytes:
    def draw(c, i):
        c.setFont("Helvetica-Bold", 24)
        c.drawString(72, 760, "Links that stay links")
        c.setFont("Helvetica", 12)
        c.drawString(72, 730, "Speaker: Katherine Johnson")
        c.drawString(72, 710, "Date: 7 May 2025, 14:00")
        c.linkURL("http://pdf.example.invalid/slides", (72, 700, 300, 720))
    return make_pdf(draw)


def _pptx_with_remote_link() -> bytes:
    from pptx import Presentation

    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Decks that stay offline"
    s.placeholders[1].text = "Dorothy Vaughan"
    run = s.placeholders[1].text_frame.paragraphs[0].runs[0]
    run.hyperlink.address = "http://pptx.example.invalid/about"
    buf = BytesIO()
    prs.save(buf)
    return buf.getvalue()


@pytest.fixture
def no_network(monkeypatch):
    """Every attempt to resolve a name or open a connection is recorded and refused."""
    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network use during a local read")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", lambda self, *a: refuse(*a))
    return attempts


def test_reading_local_sources_fetches_nothing(tmp_path: Path, no_network):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "page.html").write_text(HTML, "utf-8")
    (raw / "xxe.html").write_text(XXE, "utf-8")
    (raw / "post.md").write_text(MARKDOWN, "utf-8")
    (raw / "flyer.pdf").write_bytes(_pdf_with_remote_link())
    (raw / "deck.pptx").write_bytes(_pptx_with_remote_link())
    # in this process, so that the patched sockets are the ones the readers would use
    assert run_ingest(raw, "--out", tmp_path / "out", "--quiet", "--jobs", "0") == 0
    assert no_network == []
    text = (tmp_path / "out" / "talks.jsonl").read_text("utf-8")
    assert "root:" not in text and "/bin/" not in text  # no local file was pulled in either
    titles = {t["title"] for t in read_jsonl(tmp_path / "out" / "talks.jsonl")}
    assert {"Networks without networks", "Images elsewhere", "Links that stay links"} <= titles
