"""PowerPoint decks: decks built here with python-pptx, read by pipeline.readers.pptx."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

pptx = pytest.importorskip("pptx")

from conftest import read_jsonl, run_ingest  # noqa: E402
from pptx import Presentation  # noqa: E402
from pptx.chart.data import CategoryChartData  # noqa: E402
from pptx.enum.chart import XL_CHART_TYPE  # noqa: E402
from pptx.util import Inches, Pt  # noqa: E402

from pipeline.document import Document  # noqa: E402
from pipeline.readers import ReaderError, read  # noqa: E402
from pipeline.readers.pptx import PptxError, read_pptx  # noqa: E402

TITLE, TITLE_AND_CONTENT, TITLE_ONLY, BLANK = 0, 1, 5, 6
SUBTITLE = "Jane Doe, University of Oslo\nWorkshop on Sampling, 14 May 2024"


def _bytes(prs) -> bytes:
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def _png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def _bullets(slide, title: str, bullets: list[str]) -> None:
    slide.shapes.title.text = title
    body = slide.placeholders[1].text_frame
    body.text = bullets[0]
    for b in bullets[1:]:
        body.add_paragraph().text = b


def build_deck() -> bytes:
    """Title slide, bullets (with a build step), table, group, chart + picture, blank text box."""
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[TITLE])
    s.shapes.title.text = "Fast Sampling for Big Models"
    s.placeholders[1].text = SUBTITLE
    s.notes_slide.notes_text_frame.text = "Thank the organisers.\x0bMention the grant."

    s = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
    _bullets(s, "Motivation", ["Posteriors are expensive", "Gradients help"])
    s = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])  # the next build step of slide 2
    _bullets(s, "Motivation", ["Posteriors are expensive", "Gradients help", "Subsampling helps more"])
    run = s.placeholders[1].text_frame.paragraphs[2].add_run()
    run.text = " (paper)"
    run.hyperlink.address = "https://arxiv.org/abs/2401.00001"

    s = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s.shapes.title.text = "Results"
    table = s.shapes.add_table(3, 3, Inches(1), Inches(2), Inches(6), Inches(1.5)).table
    for r, row in enumerate([["Method", "Time", "Error"], ["HMC", "10 s", "0.1"], ["SGLD", "2 s", "0.3"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value

    s = prs.slides.add_slide(prs.slide_layouts[BLANK])
    group = s.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    box.text_frame.text = "Grouped caption"
    group.shapes.add_shape(1, Inches(1), Inches(2), Inches(1), Inches(1))

    s = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s.shapes.title.text = "A chart and a picture"
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", (1.0, 2.0))
    s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(2), Inches(4), Inches(3), data)
    pic = s.shapes.add_picture(io.BytesIO(_png()), Inches(6), Inches(2), Inches(1), Inches(1))
    pic.click_action.hyperlink.address = "https://example.org/figure"

    s = prs.slides.add_slide(prs.slide_layouts[BLANK])
    tb = s.shapes.add_textbox(Inches(1), Inches(3), Inches(5), Inches(1))
    tb.text_frame.text = "Thank you!\x0bQuestions?"
    tb.text_frame.paragraphs[0].runs[0].font.size = Pt(40)
    tb2 = s.shapes.add_textbox(Inches(1), Inches(5), Inches(5), Inches(1))
    tb2.text_frame.text = "jane.doe@uio.example.no"

    prs.slides.add_slide(prs.slide_layouts[BLANK])  # empty: left out
    prs.core_properties.title = "Fast Sampling"
    prs.core_properties.author = "Jane Doe"
    return _bytes(prs)


@pytest.fixture(scope="module")
def deck() -> Document:
    return read_pptx(build_deck())


def _slide(doc: Document, n: int) -> list:
    return [b for b in doc.blocks if b.layout.get("slide") == n]


def test_meta_slides_notes_and_core(deck: Document) -> None:
    m = deck.meta
    assert m["deck"] is True and m["pages"] == 8
    assert len(m["slides"]) == 6 == len(m["notes"])  # build step collapsed, empty slide dropped
    assert m["slides"][0] == "Fast Sampling for Big Models\n" + SUBTITLE
    assert m["slides"][1].endswith("Subsampling helps more (paper)")
    assert m["notes"][0] == "Thank the organisers.\nMention the grant." and m["notes"][1] == ""
    assert m["pptx_core"]["title"] == "Fast Sampling" and m["pptx_core"]["author"] == "Jane Doe"


def test_title_slide_blocks(deck: Document) -> None:
    first = _slide(deck, 1)
    assert first[0].kind == "heading" and first[0].level == 1 and first[0].layout["role"] == "title"
    assert first[0].text == "Fast Sampling for Big Models"
    sub = first[1]
    assert sub.kind == "paragraph" and sub.layout["role"] == "subtitle" and sub.text == SUBTITLE
    for b in first[:2]:
        assert b.layout["page"] == 1 and "top" in b.layout and "x0" in b.layout
        assert b.layout["font_size"] > 0 and "rel_size" in b.layout
    assert first[0].layout["rel_size"] > sub.layout["rel_size"]
    notes = first[-1]
    assert notes.kind == "quote" and notes.layout["role"] == "notes" and "Mention the grant" in notes.text


def test_bullets_are_items_with_links(deck: Document) -> None:
    second = _slide(deck, 2)
    assert second[0].kind == "heading" and second[0].level == 2
    items = [b for b in second if b.kind == "item"]
    assert [b.text for b in items] == ["Posteriors are expensive", "Gradients help", "Subsampling helps more (paper)"]
    assert items[0].level == 1
    assert [(lk.text, lk.url) for lk in items[2].links] == [("(paper)", "https://arxiv.org/abs/2401.00001")]


def test_table_rows(deck: Document) -> None:
    rows = [b for b in _slide(deck, 3) if b.kind == "row"]
    assert [b.cells for b in rows] == [["HMC", "10 s", "0.1"], ["SGLD", "2 s", "0.3"]]
    assert rows[0].header == ["Method", "Time", "Error"]
    assert rows[0].layout["top"] < rows[1].layout["top"]
    assert deck.meta["slides"][2] == "Results\nMethod | Time | Error\nHMC | 10 s | 0.1\nSGLD | 2 s | 0.3"


def test_group_chart_picture_and_blank_slide(deck: Document) -> None:
    assert deck.meta["slides"][3] == "Grouped caption"
    group = _slide(deck, 4)
    assert group[0].layout["x0"] == 72.0 and group[0].layout["top"] == 72.0
    assert deck.meta["slides"][4] == "A chart and a picture"
    assert any(lk.url == "https://example.org/figure" for b in _slide(deck, 5) for lk in b.links)
    last = _slide(deck, 6)
    assert not any(b.kind == "heading" for b in last)
    assert [b.text for b in last] == ["Thank you!\nQuestions?", "jane.doe@uio.example.no"]
    assert last[0].layout["font_size"] == 40.0 and last[0].layout["rel_size"] == 1.25  # 40 pt over the 32 pt body text
    assert not last[1].links  # an address written in the text stays text


def test_hidden_slide_and_empty_placeholders() -> None:
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])  # title and body left empty
    s = prs.slides.add_slide(prs.slide_layouts[TITLE_AND_CONTENT])
    s.shapes.title.text = "Backup"
    s._element.set("show", "0")
    doc = read_pptx(_bytes(prs))
    assert doc.meta["slides"] == ["Backup"] and doc.meta["pages"] == 2
    assert doc.blocks[0].layout["hidden"] is True and doc.blocks[0].level == 1


def test_text_cleaning() -> None:
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[BLANK])
    tb = s.shapes.add_textbox(Inches(1), Inches(1), Inches(5), Inches(1))
    tb.text_frame.text = "\uf0b7  Caf\u00c3\u00a9   talk\u00a0 today "
    doc = read_pptx(_bytes(prs))
    assert doc.meta["slides"] == ["Café talk today"]


def test_reading_order_top_then_left() -> None:
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s.shapes.title.text = "Order"
    for text, x, y in [("low", 1, 5), ("right", 5, 2), ("left", 1, 2)]:
        s.shapes.add_textbox(Inches(x), Inches(y), Inches(3), Inches(1)).text_frame.text = text
    doc = read_pptx(_bytes(prs))
    assert doc.meta["slides"] == ["Order\nleft\nright\nlow"]


def _truncated() -> bytes:
    data = build_deck()
    return data[: len(data) // 2]


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, body in entries.items():
            z.writestr(name, body)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "prefix"), [
    (_truncated(), "damaged PowerPoint file: "),
    (_zip({"[Content_Types].xml": os.urandom(300), "ppt/presentation.xml": os.urandom(300)}),
     "damaged PowerPoint file: "),
    (_zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p:presentation/>"}),
     "damaged PowerPoint file: "),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "encrypted or legacy PowerPoint file: "),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + bytes(600),
     "encrypted or legacy PowerPoint file: the deck is password-protected"),
])
def test_unreadable_decks_raise_one_line(data: bytes, prefix: str) -> None:
    with pytest.raises(PptxError) as e:
        read_pptx(data)
    assert str(e.value).startswith(prefix) and "\n" not in str(e.value)


def test_dispatch() -> None:
    assert read(build_deck(), "pptx").meta["deck"] is True
    for data in (_truncated(), _zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<x/>"})):
        with pytest.raises(ReaderError) as e:
            read(data, "pptx")
        assert "damaged" in str(e.value) and "\n" not in str(e.value)
    with pytest.raises(ReaderError, match=r"\.pptx"):
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "ppt")


def test_slide_show_file_is_read_as_a_deck() -> None:
    data = build_deck()
    src = zipfile.ZipFile(io.BytesIO(data))
    types = src.read("[Content_Types].xml").replace(b"presentation.main+xml", b"slideshow.main+xml")
    show = _zip({n: (types if n == "[Content_Types].xml" else src.read(n)) for n in src.namelist()})
    assert read_pptx(show).meta["slides"][0].startswith("Fast Sampling for Big Models")


def test_ingest_end_to_end(tmp_path: Path) -> None:
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "talk.pptx").write_bytes(build_deck())
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    [src] = read_jsonl(out / "sources.jsonl")
    assert src["status"] == "ok" and src["kind"] == "pptx"
    [talk] = read_jsonl(out / "talks.jsonl")
    assert talk["slides"]
    assert talk["title"] == "Fast Sampling for Big Models"


def _add_smartart(slide, texts: list[str]) -> None:
    """A SmartArt frame whose text lives in a diagram data part (python-pptx cannot make one itself)."""
    from lxml import etree
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    dgm = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    pts = "".join(f'<dgm:pt modelId="{i + 1}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{t}</a:t></a:r></a:p></dgm:t></dgm:pt>'
                  for i, t in enumerate(texts))
    blob = (f'<dgm:dataModel xmlns:dgm="{dgm}" xmlns:a="{a}"><dgm:ptLst><dgm:pt modelId="0" type="doc"/>{pts}'
            f'<dgm:pt modelId="9" type="pres"><dgm:t><a:p><a:r><a:t>ignored</a:t></a:r></a:p></dgm:t></dgm:pt>'
            f'</dgm:ptLst></dgm:dataModel>').encode()
    part = Part(PackURI("/ppt/diagrams/data1.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml", slide.part.package, blob)
    rid = slide.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/diagramData")
    frame = (f'<p:graphicFrame xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="{a}" '
             f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             f'<p:nvGraphicFramePr><p:cNvPr id="77" name="Diagram"/><p:cNvGraphicFramePr/><p:nvPr/>'
             f'</p:nvGraphicFramePr><p:xfrm><a:off x="914400" y="1828800"/><a:ext cx="4572000" cy="914400"/></p:xfrm>'
             f'<a:graphic><a:graphicData uri="{dgm}"><dgm:relIds xmlns:dgm="{dgm}" r:dm="{rid}" r:lo="" r:qs="" '
             f'r:cs=""/></a:graphicData></a:graphic></p:graphicFrame>')
    slide.shapes._spTree.append(etree.fromstring(frame))


def test_smartart_text_marks_and_shape_links() -> None:
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    s.shapes.title.text = "Pipeline"
    _add_smartart(s, ["Collect", "Clean", "Publish"])
    box = s.shapes.add_textbox(Inches(1), Inches(4), Inches(5), Inches(1))
    p = box.text_frame.paragraphs[0]
    for text, bold, italic in [("Joint work with ", False, False), ("Ada ", True, True), ("Lovelace", True, True)]:
        run = p.add_run()
        run.text, run.font.bold, run.font.italic = text, bold, italic
    box.click_action.hyperlink.address = "https://example.org/ada"
    table = s.shapes.add_table(2, 2, Inches(1), Inches(5.5), Inches(4), Inches(1)).table
    table.first_row = False
    for r, row in enumerate([["1 May", "Ada"], ["8 May", "Bob"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc = read_pptx(_bytes(prs))
    assert doc.meta["slides"] == ["Pipeline\nCollect\nClean\nPublish\nJoint work with Ada Lovelace\n"
                                  "1 May | Ada\n8 May | Bob"]
    smart = doc.blocks[1]
    assert smart.layout["smartart"] is True and smart.layout["top"] == 144.0
    credit = doc.blocks[2]
    assert credit.strong == ["Ada Lovelace"] and credit.layout["italic"] == ["Ada Lovelace"]
    assert [(lk.text, lk.url) for lk in credit.links] == [("Joint work with Ada Lovelace", "https://example.org/ada")]
    rows = [b for b in doc.blocks if b.kind == "row"]
    assert len(rows) == 2 and rows[0].header is None
