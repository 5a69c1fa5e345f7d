"""Readers turn one format into a Document; extraction never sees the format."""

from __future__ import annotations

import pytest

from pipeline.document import Document
from pipeline.readers import ReaderError, read
from pipeline.readers.markdown import read_markdown, split_front_matter, strip_liquid
from pipeline.readers.text import read_email, read_text


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if b.text]


def all_text(doc: Document) -> str:
    return "\n".join(texts(doc))


def urls(doc: Document) -> list[str]:
    return [lk.url for b in doc.blocks for lk in b.links]


# ---------------------------------------------------------------- Jekyll / Markdown

JEKYLL = """---
layout: page-fullwidth
title: "AI4Science Colloquium"
permalink: "/colloquium/"
---
## Next Colloquium

### Title: Permutation-Equivariant neural networks

<!--
 <img src="../people/someone.jpg" alt="Hidden Person">
 [Hidden recording](https://hidden.example.org/watch)
-->

{% include alert info='Date: Monday 1 December 2025' %}

{% for post in site.posts %}
* [{{ post.title }}](https://loop.example.org/{{ post.url }})
{% endfor %}

Watch the [recording][1] and the [slides][slides] -- organised by {{ site.author }}.

<img src="speaker.jpg" alt="Someone Famous"> Dr. Real Speaker

[1]: https://www.youtube.com/watch?v=abc123
[slides]: https://example.org/slides.pdf
[2]: https://unused.example.org/never-linked
"""


def test_jekyll_front_matter_is_metadata() -> None:
    doc = read_markdown(JEKYLL)
    assert doc.meta["front_matter"]["title"] == "AI4Science Colloquium"
    assert "layout" not in all_text(doc) and "permalink" not in all_text(doc)


def test_jekyll_html_comment_hides_link_and_text() -> None:
    doc = read_markdown(JEKYLL)
    assert not any("hidden" in u for u in urls(doc))
    assert "Hidden" not in all_text(doc)


def test_jekyll_liquid_dropped_but_include_text_kept() -> None:
    doc = read_markdown(JEKYLL)
    text = all_text(doc)
    assert "Date: Monday 1 December 2025" in texts(doc)
    assert "{%" not in text and "{{" not in text and "endfor" not in text
    assert not any("loop.example.org" in u for u in urls(doc))
    assert "organised by" in text


def test_reference_links_resolve_and_unused_definitions_do_not() -> None:
    doc = read_markdown(JEKYLL)
    links = {lk.text: lk.url for b in doc.blocks for lk in b.links}
    assert links["recording"] == "https://www.youtube.com/watch?v=abc123"
    assert links["slides"] == "https://example.org/slides.pdf"
    assert not any("unused.example.org" in u for u in urls(doc))
    assert "[1]:" not in all_text(doc) and "][" not in all_text(doc)


def test_undefined_reference_keeps_only_the_text() -> None:
    doc = read_markdown("See [the paper][7] and [the code][] for details.\n", front_matter=False)
    assert texts(doc) == ["See the paper and the code for details."]
    assert urls(doc) == []


def test_image_alt_is_not_text() -> None:
    doc = read_markdown(JEKYLL)
    assert "Someone Famous" not in all_text(doc)
    assert "Dr. Real Speaker" in all_text(doc)
    md = read_markdown("![Portrait of Jane](jane.png)\n\nJane Doe\n", front_matter=False)
    assert texts(md) == ["Jane Doe"]


def test_broken_front_matter_warns_and_body_is_read() -> None:
    doc = read_markdown("---\ntitle: [unclosed\nspeaker: : x\n---\nTitle: A talk on graphs\n")
    assert doc.meta["front_matter"] == {}
    assert any("front matter" in w and "YAML" in w for w in doc.warnings)
    assert texts(doc) == ["Title: A talk on graphs"]


def test_front_matter_is_loaded_safely(tmp_path) -> None:
    marker = tmp_path / "pwned"
    src = (f"---\nx: !!python/object/apply:os.system ['touch {marker}']\n"
           f"y: !!python/object:collections.OrderedDict {{}}\ntitle: t\n---\nBody text.\n")
    doc = read_markdown(src)
    assert not marker.exists()
    assert doc.meta["front_matter"] == {}
    assert doc.warnings and "not valid YAML" in doc.warnings[0]
    assert texts(doc) == ["Body text."]


def test_empty_and_dotted_front_matter() -> None:
    doc = read_markdown("---\n---\nSome text here\n")
    assert doc.meta["front_matter"] == {}
    assert [b.kind for b in doc.blocks] == ["paragraph"]
    fm, body, warning = split_front_matter("---\ntitle: x\n...\nbody\n")
    assert fm == {"title": "x"} and body == "body\n" and warning is None
    fm, body, _ = split_front_matter("---\n- a\n- b\n---\nbody\n")
    assert fm == {} and body == "body\n"


def test_nested_liquid_loops_leave_nothing() -> None:
    out = strip_liquid("A\n{% for a in b %}{% for c in a %}X{% endfor %}LEAK{% endfor %}\nB")
    assert "LEAK" not in out and "X" not in out and "{%" not in out
    assert "A" in out and "B" in out


def test_liquid_comment_and_capture_are_dropped() -> None:
    out = strip_liquid("{% comment %}secret{% endcomment %}keep{%- capture x -%}gone{%- endcapture -%}")
    assert out.strip() == "keep"


def test_include_keeps_prose_arguments_only() -> None:
    out = strip_liquid('{% include figure.html url="/img/a.png" id="x9Yz12" caption="A nice caption" %}')
    assert "A nice caption" in out
    assert "/img/a.png" not in out and "x9Yz12" not in out


def test_kramdown_attribute_lists_are_dropped() -> None:
    src = "Speaker: Jane Doe\n{: .notice}\n\n**Room** 101{: .big}\n\n{:toc}\n"
    doc = read_markdown(src, front_matter=False)
    assert "{:" not in all_text(doc)
    assert "Room 101" in all_text(doc)


def test_markdown_inside_html_block_is_rendered() -> None:
    src = '<div class="talk">\n**Title:** Learning to sample\n[slides](https://x.org/s.pdf)\n</div>\n\nAfter\n'
    doc = read_markdown(src, front_matter=False)
    assert "**" not in all_text(doc)
    assert "Title: Learning to sample" in all_text(doc)
    assert "https://x.org/s.pdf" in urls(doc)


def test_fenced_code_is_left_alone() -> None:
    doc = read_markdown("```\n<div>\n**not bold**\n```\n", front_matter=False)
    assert [b.kind for b in doc.blocks] == ["code"]
    assert "**not bold**" in doc.blocks[0].text


def test_headings_levels_in_markdown() -> None:
    doc = read_markdown("# Seminar\n\n### Title: Foo\n\nText\n", front_matter=False)
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("heading", 1, "Seminar"), ("heading", 3, "Title: Foo"), ("paragraph", 0, "Text")]


# ---------------------------------------------------------------- plain text

def test_text_paragraphs_and_headings() -> None:
    doc = read_text("## Seminar\n\nTitle: Graphs\nSpeaker: Ada\n\n"
                    "Abstract: line one\nline two\n\n- item one\n")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "Seminar"),
        ("paragraph", "Title: Graphs\nSpeaker: Ada"),
        ("paragraph", "Abstract: line one\nline two"),
        ("item", "item one"),
    ]
    assert doc.blocks[0].level == 2


def test_text_rules_and_numbered_dates() -> None:
    doc = read_text("Part one\n\n-----\n\n12. 03. 2020 talk\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "rule", "paragraph"]


def test_mojibake_is_repaired() -> None:
    for doc in (read_text("Watch Back â€º and cafÃ© talk\n"),
                read_markdown("Watch Back â€º\n", front_matter=False),
                read("Watch Back â€º here\n".encode(), "text")):
        assert "â€" not in all_text(doc) and "Ã" not in all_text(doc)
        assert "Watch Back ›" in all_text(doc)


def test_non_utf8_text_is_decoded_with_a_warning() -> None:
    doc = read("Séminaire: Université de Paris, salle 101, jeudi\n".encode("cp1252"), "text")
    assert "Université de Paris" in all_text(doc)
    assert any("not UTF-8" in w for w in doc.warnings)


# ---------------------------------------------------------------- e-mail

MULTIPART = b"""From: Secretariat <sec@univ.example.fr>
To: seminar@univ.example.fr
Subject: =?iso-8859-1?q?S=E9minaire_d'analyse?=
Date: Mon, 24 Nov 2025 09:00:00 +0100
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="BOUND"

--BOUND
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

Title: Analyse harmonique
Speaker: Ren=E9 Dupont (Universit=E9 de Paris)
Date: 1 December 2025, 14:00

--BOUND
Content-Type: text/html; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

<html><body><p>HTML version Universit=E9</p></body></html>
--BOUND--
"""

HTML_ONLY = b"""From: a@example.org
To: b@example.org
Subject: Talk
Date: Mon, 24 Nov 2025 09:00:00 +0100
MIME-Version: 1.0
Content-Type: text/html; charset=utf-8

<html><body><h2>Seminar</h2><p>Title: <b>Sheaves</b></p>
<p><a href="https://video.example.org/v">recording</a></p></body></html>
"""

FORWARD = b"""From: Bob <bob@example.org>
To: list@example.org
Subject: Fwd: talk tomorrow
Date: Tue, 02 Dec 2025 08:00:00 +0000
Content-Type: text/plain; charset=utf-8

FYI

> Title: Random matrices
> Speaker: Carol Example
> > Abstract: Eigenvalues.
"""


def test_multipart_quoted_printable_latin1() -> None:
    doc = read_email(MULTIPART)
    text = all_text(doc)
    assert "René Dupont (Université de Paris)" in text
    assert "HTML version" not in text  # the plain part wins
    assert "=E9" not in text and "\ufffd" not in text
    assert doc.meta["email"]["subject"] == "Séminaire d'analyse"


def test_date_header_goes_to_meta_not_text() -> None:
    doc = read_email(MULTIPART)
    assert doc.meta["email"]["date"] == "Mon, 24 Nov 2025 09:00:00 +0100"
    assert "24 Nov 2025" not in all_text(doc)
    assert "Date: 1 December 2025, 14:00" in all_text(doc)


def test_html_only_mail_falls_back_to_html() -> None:
    doc = read_email(HTML_ONLY)
    assert ("heading", "Seminar") in [(b.kind, b.text) for b in doc.blocks]
    assert "Title: Sheaves" in all_text(doc)
    assert urls(doc) == ["https://video.example.org/v"]


def test_empty_plain_part_falls_back_to_html() -> None:
    msg = MULTIPART.replace(b"Title: Analyse harmonique\nSpeaker: Ren=E9 Dupont (Universit=E9 de Paris)\n"
                            b"Date: 1 December 2025, 14:00\n", b"\n")
    doc = read_email(msg)
    assert "HTML version Université" in all_text(doc)


def test_quoted_forward_is_unquoted() -> None:
    doc = read_email(FORWARD)
    text = all_text(doc)
    assert "Title: Random matrices" in text
    assert "Abstract: Eigenvalues." in text
    assert ">" not in text


def test_email_dispatch_through_read() -> None:
    doc = read(FORWARD, "email")
    assert doc.meta["email"]["subject"] == "Fwd: talk tomorrow"


def test_mojibake_in_email_body_is_repaired() -> None:
    msg = ("From: a@example.org\nTo: b@example.org\nSubject: x\nContent-Type: text/plain; charset=utf-8\n\n"
           "Watch Back â€º on YouTube\n").encode()
    text = all_text(read_email(msg))
    assert "â€" not in text and "Watch Back ›" in text


# ---------------------------------------------------------------- unsupported kinds

def _deck() -> bytes:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("ppt/presentation.xml", "<p:presentation/>")
    return buf.getvalue()


@pytest.mark.parametrize(("kind", "data", "words"), [
    ("pdf", b"%PDF-1.4 garbage", "damaged PDF: no document catalog (truncated, or not a PDF)"),
    ("pptx", _deck(), "damaged PowerPoint file: "),
    ("pptx", _deck()[:200], "damaged"),
    ("ppt", b"\xd0\xcf\x11\xe0", ".ppt"),
    ("binary", b"\x00\x01\x02", "binary"),
    ("binary", b"PK\x03\x04 corrupt", "ZIP"),
])
def test_unsupported_kinds_raise_one_line(kind: str, data: bytes, words: str) -> None:
    with pytest.raises(ReaderError) as e:
        read(data, kind)
    msg = str(e.value)
    assert words in msg and "\n" not in msg


# ---------------------------------------------------------------- HTML pages

PAGE = """<!DOCTYPE html><html><head><meta charset="iso-8859-1"><title>Seminar \xe0 Z\xfcrich</title>
<base href="https://dept.example.org/seminar/"></head>
<body><nav><a href="/">Home</a></nav><header>Site header</header>
<main><h2>Upcoming</h2>
<p><strong>Title:</strong> Graph limits<br>Speaker: <a href="people/ada.html">Ada</a> (Universit\xe9 de Gen\xe8ve)</p>
<!-- <p>Hidden <a href="https://hidden.example.org">x</a></p> -->
<script>var x = "Title: not this";</script>
<table><tr><th>Date</th><th>Speaker</th></tr><tr><td>1 Dec</td><td>Bob</td></tr></table>
<img src="a.jpg" alt="Alt text person">
</main><footer>Copyright</footer></body></html>""".encode("latin-1")


def test_html_page_main_content_and_declared_charset() -> None:
    doc = read(PAGE, "html")
    text = all_text(doc)
    assert doc.meta["html_title"] == "Seminar à Zürich"
    assert doc.base_url == "https://dept.example.org/seminar/"
    assert "Speaker: Ada (Université de Genève)" in text
    assert not doc.warnings  # the declared charset fits: no guessing
    for absent in ("Home", "Site header", "Copyright", "Hidden", "not this", "Alt text"):
        assert absent not in text, absent
    assert urls(doc) == ["people/ada.html"]
    [row] = [b for b in doc.blocks if b.kind == "row"]
    assert row.cells == ["1 Dec", "Bob"] and row.header == ["Date", "Speaker"]


def test_unclosed_liquid_is_not_quadratic() -> None:
    import time

    src = "{% if a %} text {{ b \n" * 10000 + "{% include x a=\"b \n" * 5000
    t = time.perf_counter()
    read_markdown(src, front_matter=False)
    assert time.perf_counter() - t < 3.0


# ---------------------------------------------------------------- slide-site dumps

DUMP = """Machine learning for energy landscapes
play

Machine learning for energy landscapes - PowerPoint PPT Presentation

  1. Machine learning for energy landscapes Jane Doe University of Somewhere
  2. Outline
  3. Outline Kernels
  4. Outline Kernels Symmetries
Likelihood-free inference and related work
  5. Playing with LATEX embeddings
  6. Conclusion
Download Presentation
Download Policy: The content available on the website is offered to you 'AS IS'.
Recommend
  7. Not a slide: the site's list of other decks
""".replace("LATEX", '<latexit sha1_base64="abc">' + "AAAB6HicbVBNS8NAEJ3Ur1q/qh69LBbBU0mkoMeCF48V7" * 8
            + "=</latexit>")


def test_slide_dump_split_builds_and_boilerplate() -> None:
    doc = read(DUMP.encode(), "slide-dump")
    assert doc.blocks[0].kind == "heading" and doc.blocks[0].text == "Machine learning for energy landscapes"
    slides = doc.meta["slides"]
    assert slides[0].startswith("Machine learning for energy landscapes Jane Doe")
    # progressive builds of one slide keep only the fullest version
    assert "Outline Kernels Symmetries Likelihood-free inference and related work" in slides
    assert "Outline" not in slides and "Outline Kernels" not in slides
    # a continuation line that starts like a site button ("Like", "Play", "Related") is content
    assert "Playing with embeddings" in slides
    assert slides[-1] == "Conclusion"
    assert not any("latexit" in s or "sha1_base64" in s or "AAAB" in s for s in slides)
    assert not any("Not a slide" in s or "Download" in s for s in slides)
    assert [b.layout.get("slide") for b in doc.blocks[1:]] == list(range(1, len(slides) + 1))
