"""PDF flyers, posters and decks end to end: drawn PDF in, talk records (or a one-line error) out.

Each PDF is drawn here with reportlab; the assertions are on what `ingest` writes.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from conftest import read_jsonl, run_ingest  # noqa: E402
from pdfdraw import make_pdf  # noqa: E402
from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

ABSTRACT = [
    "We study how random walks on groups behave when the group is large",
    "and the walk is observed only through a noisy channel. The answer",
    "involves entropy, and a surprising amount of representation theory.",
    "No background beyond a first course in probability is assumed here.",
]


def ingest_pdfs(tmp_path: Path, **pdfs: bytes) -> tuple[list[dict], dict[str, dict]]:
    """Run `ingest` over the given PDFs (name -> bytes); talks and sources by file name."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, data in pdfs.items():
        (raw / name).write_bytes(data)
    assert run_ingest(raw, "--out", tmp_path / "out", "--quiet") == 0
    talks = read_jsonl(tmp_path / "out" / "talks.jsonl")
    sources = {s["path"]: s for s in read_jsonl(tmp_path / "out" / "sources.jsonl")}
    return talks, sources


def only_talk(tmp_path: Path, data: bytes) -> dict:
    talks, sources = ingest_pdfs(tmp_path, **{"flyer.pdf": data})
    assert sources["flyer.pdf"]["status"] == "ok", sources
    assert len(talks) == 1, [t["title"] for t in talks]
    return talks[0]


def plain_flyer(c: canvas.Canvas, _: int = 0) -> None:
    c.setFont("Helvetica", 14)
    c.drawString(72, 790, "Department of Mathematics Colloquium")
    c.setFont("Helvetica-Bold", 26)
    c.drawString(72, 750, "Entropy of Random Walks")
    c.setFont("Helvetica", 14)
    c.drawString(72, 712, "Jane Doe")
    c.drawString(72, 694, "University of Oslo")
    c.setFont("Helvetica", 11)
    c.drawString(72, 660, "Date: Tuesday, 5 March 2024, 16:00-17:00")
    c.drawString(72, 646, "Room: Auditorium 2, Niels Henrik Abels hus")
    y = 610
    for line in ABSTRACT:
        c.drawString(72, y, line)
        y -= 14


def test_plain_flyer_fields(tmp_path):
    t = only_talk(tmp_path, make_pdf(plain_flyer))
    assert t["title"] == "Entropy of Random Walks"
    assert [(s["name"], s["affiliations"]) for s in t["speakers"]] == [("Jane Doe", ["University of Oslo"])]
    assert t["date"] == "2024-03-05"
    assert t["location"] == "Auditorium 2, Niels Henrik Abels hus"
    assert t["abstract"].startswith("We study how random walks") and t["abstract"].endswith("assumed here.")
    assert "\n" not in t["abstract"]  # line breaks of the flyer are reflowed
    assert t["series"] == "Department of Mathematics Colloquium"
    assert t["sources"][0]["kind"] == "pdf-flyer"


def test_plain_flyer_time_in_the_venue_zone(tmp_path):
    def draw(c: canvas.Canvas, i: int) -> None:
        plain_flyer(c, i)
        c.setFont("Helvetica", 9)
        c.drawString(72, 80, "University of Oslo, Blindern, Oslo, Norway")

    t = only_talk(tmp_path, make_pdf(draw))
    assert t["start"] == "2024-03-05T16:00:00+01:00" and t["end"] == "2024-03-05T17:00:00+01:00"
    assert t["timezone"] == "Europe/Oslo"


def two_column_flyer(c: canvas.Canvas, _: int = 0) -> None:
    c.setFont("Helvetica-Bold", 24)
    c.drawString(60, 780, "Sheaves for Working Topologists")
    c.setFont("Helvetica", 10)
    y = 730
    for line in textwrap.wrap(" ".join(ABSTRACT), 48):  # the abstract fills the left column
        c.drawString(60, y, line)
        y -= 13
    c.setFont("Helvetica-Bold", 12)
    c.drawString(380, 730, "Speaker")
    c.setFont("Helvetica", 11)
    c.drawString(380, 714, "Prof. John Smith")
    c.drawString(380, 700, "ETH Zurich")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(380, 660, "When")
    c.setFont("Helvetica", 11)
    c.drawString(380, 644, "Thursday, 11 April 2024")
    c.drawString(380, 630, "14:15 - 15:15")


def test_two_column_flyer_fields(tmp_path):
    t = only_talk(tmp_path, make_pdf(two_column_flyer))
    assert t["title"] == "Sheaves for Working Topologists"
    assert [s["name"] for s in t["speakers"]] == ["John Smith"]
    assert t["speakers"][0]["affiliations"] == ["ETH Zurich"]
    assert t["date"] == "2024-04-11"
    assert t["start"].startswith("2024-04-11T14:15:00") and t["end"].startswith("2024-04-11T15:15:00")
    assert t["abstract"].startswith("We study how random walks")


def poster_with_side_box(c: canvas.Canvas, _: int = 0) -> None:
    c.setFont("Helvetica-Bold", 30)
    c.drawString(50, 760, "Quantum Games")
    c.setFont("Helvetica", 16)
    c.drawString(50, 725, "Maria Garcia, University of Barcelona")
    c.setFont("Helvetica", 11)
    y = 680
    for line in textwrap.wrap(" ".join(ABSTRACT), 52):
        c.drawString(50, y, line)
        y -= 14
    c.rect(400, 540, 160, 100)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(410, 620, "When")
    c.setFont("Helvetica", 11)
    c.drawString(410, 604, "Friday, 8 March 2024")
    c.drawString(410, 588, "14:15")
    c.drawString(410, 572, "Room 101, Physics Building")


def test_poster_date_in_a_side_box(tmp_path):
    t = only_talk(tmp_path, make_pdf(poster_with_side_box))
    assert t["title"] == "Quantum Games"
    assert [(s["name"], s["affiliations"]) for s in t["speakers"]] == [("Maria Garcia", ["University of Barcelona"])]
    assert t["date"] == "2024-03-08"
    assert t["start"].startswith("2024-03-08T14:15:00")
    assert t["location"] == "Room 101, Physics Building"
    assert t["timezone"] is None  # Barcelona is where the speaker works, not where the talk is


def deck(c: canvas.Canvas, i: int) -> None:
    w, h = c._pagesize
    if i == 0:
        c.setFont("Helvetica-Bold", 32)
        c.drawString(60, h - 150, "Learning to Sample Efficiently")
        c.setFont("Helvetica", 20)
        c.drawString(60, h - 210, "Ada Lovelace")
        c.drawString(60, h - 236, "Analytical Engines Ltd")
        c.setFont("Helvetica", 16)
        c.drawString(60, h - 290, "Workshop on Sampling, 14 May 2024")
    else:
        c.setFont("Helvetica-Bold", 26)
        c.drawString(40, h - 60, f"Part {i}: results")
        c.setFont("Helvetica", 18)
        c.drawString(60, h - 130, f"- observation number {i} holds")
        c.drawString(60, h - 160, "- the sampler mixes fast")
    c.setFont("Helvetica", 9)
    c.drawString(w - 60, 20, f"{i + 1}/8")


def test_deck_title_slide_fields_and_slide_texts(tmp_path):
    talks, sources = ingest_pdfs(tmp_path, **{"talk.pdf": make_pdf(deck, pagesize=(720, 405), pages=8)})
    assert sources["talk.pdf"]["kind"] == "pdf-slides"
    [t] = talks
    assert t["title"] == "Learning to Sample Efficiently"
    assert [(s["name"], s["affiliations"]) for s in t["speakers"]] == [("Ada Lovelace", ["Analytical Engines Ltd"])]
    assert t["date"] == "2024-05-14"
    assert t["abstract"] is None  # no slide is an abstract
    assert len(t["slides"]) == 7 and t["slides"][0].startswith("Part 1: results")
    assert not any("/8" in s for s in t["slides"])


def two_talk_flyer(c: canvas.Canvas, _: int = 0) -> None:
    """One speaker, two talks in two series on two days; header, name and bio shared."""
    c.setFont("Helvetica-Bold", 30)
    c.drawString(60, 790, "TWO TALKS")
    c.setFont("Helvetica", 14)
    c.drawString(60, 760, "Visiting speaker, 3-4 October 2024")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 730, "Laura Bianchi")
    c.setFont("Helvetica", 13)
    c.drawString(60, 712, "Politecnico di Milano")
    y = 670
    for n, (series, title, when, where) in enumerate((
            ("Statistics Seminar", "Functional Regression for Count Data", "Thursday, October 3, 4:00-5:00 p.m.",
             "Room 164, Mathematics Building"),
            ("Data Science Lecture Series", "A Gentle Tutorial on Bayesian Workflow",
             "Friday, October 4, 10:00-11:30 a.m.", "Room 123, Liberal Arts Building")), start=1):
        c.setFont("Helvetica-Bold", 16)
        c.drawString(60, y, f"Talk #{n}: {series}")
        c.setFont("Helvetica-Bold", 14)
        c.drawString(70, y - 26, title)
        c.setFont("Helvetica", 11)
        yy = y - 50
        for line in ABSTRACT:
            c.drawString(70, yy, line.replace("random walks", f"topic {n}"))
            yy -= 13
        c.setFont("Helvetica-Bold", 12)
        c.drawString(70, yy - 12, f"WHEN: {when}")
        c.drawString(70, yy - 27, f"WHERE: {where}")
        y = yy - 70
    c.setFont("Helvetica", 10)
    c.drawString(60, y, "Dr. Laura Bianchi is an Associate Professor of Statistics at Politecnico di Milano.")
    c.drawString(60, y - 12, "She works on functional data, Bayesian hierarchical models and their software,")
    c.drawString(60, y - 24, "and she has taught many short courses on applied Bayesian statistics in Europe.")


def test_flyer_announcing_two_talks_gives_two_records(tmp_path):
    talks, sources = ingest_pdfs(tmp_path, **{"flyer.pdf": make_pdf(two_talk_flyer)})
    assert len(sources["flyer.pdf"]["talk_ids"]) == 2
    by_title = {t["title"]: t for t in talks}
    one = by_title["Functional Regression for Count Data"]
    two = by_title["A Gentle Tutorial on Bayesian Workflow"]
    assert (one["date"], two["date"]) == ("2024-10-03", "2024-10-04")
    assert one["start"].startswith("2024-10-03T16:00:00") and two["end"].startswith("2024-10-04T11:30:00")
    assert (one["series"], two["series"]) == ("Statistics Seminar", "Data Science Lecture Series")
    assert (one["location"], two["location"]) == ("Room 164, Mathematics Building", "Room 123, Liberal Arts Building")
    assert "topic 1" in one["abstract"] and "topic 2" in two["abstract"]
    for t in (one, two):
        [s] = t["speakers"]
        assert (s["name"], s["affiliations"], s["position"]) == \
            ("Laura Bianchi", ["Politecnico di Milano"], "Associate Professor")
        assert t["bio"].startswith("Dr. Laura Bianchi is")
        assert "Politecnico" not in (t["timezone"] or "")


def test_one_talk_flyer_with_date_and_time_blocks_is_not_split(tmp_path):
    def draw(c: canvas.Canvas, i: int) -> None:
        plain_flyer(c, i)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(72, 400, "Time: 16:00-17:00, coffee from 15:30")

    only_talk(tmp_path, make_pdf(draw))


# --------------------------------------------------------------------------- hard cases

def image_only(c: canvas.Canvas, _: int = 0) -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    c.drawImage(ImageReader(Image.new("RGB", (200, 100), (200, 30, 30))), 50, 400, width=400, height=200)


def test_hard_pdfs_get_one_line_errors_and_the_rest_of_the_run_goes_on(tmp_path):
    good = make_pdf(plain_flyer)
    talks, sources = ingest_pdfs(
        tmp_path,
        **{"a_good.pdf": good,
           "encrypted.pdf": make_pdf(plain_flyer, encrypt=StandardEncryption("secret", ownerPassword="o")),
           "open_encrypted.pdf": make_pdf(plain_flyer, encrypt=StandardEncryption("", ownerPassword="o")),
           "truncated.pdf": good[: len(good) // 2],
           "scanned.pdf": make_pdf(image_only),
           "empty.pdf": b""})
    assert sources["encrypted.pdf"]["error"] == "encrypted PDF: a password is needed to open it"
    assert sources["scanned.pdf"]["error"] == "no text layer (scanned image); OCR is not supported"
    assert sources["truncated.pdf"]["error"].startswith("damaged PDF: ")
    assert sources["empty.pdf"]["status"] == "empty"  # the contract's status for a zero-byte file
    for name in ("encrypted.pdf", "scanned.pdf", "truncated.pdf"):
        assert sources[name]["status"] == "error" and "\n" not in sources[name]["error"]
        assert sources[name]["talk_ids"] == []
    assert sources["a_good.pdf"]["status"] == sources["open_encrypted.pdf"]["status"] == "ok"
    assert sorted(t["title"] for t in talks) == ["Entropy of Random Walks"] * 2


def badge_poster(c: canvas.Canvas, _: int = 0) -> None:
    """A meetup poster: the date is a calendar badge of stacked parts, the city stands alone under the logo."""
    c.setFont("Helvetica", 22)
    c.drawString(500, 800, "Nov")
    c.setFont("Helvetica", 34)
    c.drawString(502, 768, "23")
    c.setFont("Helvetica", 14)
    c.drawString(500, 748, "2017")
    c.drawString(500, 732, "5:30 PM")
    c.setFont("Helvetica", 30)
    c.drawString(220, 600, "PyLadies")
    c.setFont("Helvetica", 16)
    c.drawString(260, 578, "Melbourne")
    c.setFont("Helvetica", 60)
    c.drawString(140, 500, "MEETUP")
    c.setFont("Helvetica", 18)
    c.drawString(130, 440, "Example Office, 67 Queen St")
    c.setFont("Helvetica-Bold", 24)
    c.drawString(110, 380, "Introduction to Dashboards")
    c.setFont("Helvetica", 18)
    c.drawString(230, 330, "Speakers")
    c.setFont("Helvetica", 14)
    c.drawString(80, 200, "Soroor Zadeh")
    c.drawString(400, 200, "Marie Trussart")


def test_badge_date_and_city_under_the_logo(tmp_path):
    t = only_talk(tmp_path, make_pdf(badge_poster))
    assert t["title"] == "Introduction to Dashboards"
    assert [s["name"] for s in t["speakers"]] == ["Soroor Zadeh", "Marie Trussart"]
    assert t["date"] == "2017-11-23"
    assert t["start"] == "2017-11-23T17:30:00+11:00"  # Melbourne is on summer time (AEDT) in November
    assert t["timezone"] == "Australia/Melbourne"
    assert t["location"] == "Example Office, 67 Queen St"
    assert not any("year" in w for w in t["warnings"])  # the badge does give the year


def authors_deck(c: canvas.Canvas, i: int) -> None:
    """A typeset deck: three authors, the presenter in italics; the last slide is the bibliography."""
    w, h = c._pagesize
    if i == 0:
        c.setFont("Helvetica", 22)
        c.drawString(40, h - 80, "Shorter Proofs from Congruence Closure")
        c.setFont("Helvetica-Oblique", 12)
        c.drawString(100, h - 130, "Bruno Andreotti,")
        c.setFont("Helvetica", 12)
        c.drawString(195, h - 130, "Haniel Barbosa, Oliver Flatt")
        c.drawString(100, h - 170, "PAAR 2024 at Nancy, France, 2024–07–02")
    elif i < 4:
        c.setFont("Helvetica", 22)
        c.drawString(10, h - 30, f"Section {i}")
        c.setFont("Helvetica", 12)
        c.drawString(50, h - 80, f"Congruence closure point number {i} on this slide.")
    else:
        c.setFont("Helvetica", 12)
        y = h - 30
        for line in ("[1] Robert Nieuwenhuis and Albert Oliveras. “Proof-Producing Congruence",
                     "Closure”. In: Term Rewriting and Applications. Springer, 2005, pp. 453–468.",
                     "[2] Haniel Barbosa et al. “cvc5: A Versatile and Industrial-Strength SMT Solver”.",
                     "In: TACAS. Springer, 2022, pp. 415–442. doi: 10.1007/978-3-030-99524-9\\_24."):
            c.drawString(28, y, line)
            y -= 16


def test_deck_presenter_in_italics_and_bibliography_slide(tmp_path):
    talks, sources = ingest_pdfs(tmp_path, **{"talk.pdf": make_pdf(authors_deck, pagesize=(640, 480), pages=5)})
    assert sources["talk.pdf"]["kind"] == "pdf-slides"
    [t] = talks
    assert [s["name"] for s in t["speakers"]] == ["Bruno Andreotti"]  # co-authors are not speakers
    assert (t["date"], t["location"], t["series"]) == ("2024-07-02", "Nancy, France", "PAAR 2024")
    assert t["timezone"] == "Europe/Paris"
    refs = t["references"]
    assert [r["title"] for r in refs] == ["Proof-Producing Congruence Closure",
                                          "cvc5: A Versatile and Industrial-Strength SMT Solver"]
    assert refs[0]["year"] == 2005
    assert refs[1]["doi"] == "10.1007/978-3-030-99524-9_24"  # the LaTeX escape '\_' is undone
    assert "\\_" not in refs[1]["text"]


def bios_only_poster(c: canvas.Canvas, _: int = 0) -> None:
    """The speakers are named only where their biographies start, in two columns under the abstract."""
    c.setFont("Helvetica-Bold", 44)
    c.drawString(40, 780, "techtalk #4")
    c.setFont("Helvetica-Bold", 22)
    c.drawString(40, 740, "Maschinen, die lernen")
    c.setFont("Helvetica", 16)
    c.drawString(40, 700, "Uni Osnabrück")
    c.drawString(40, 682, "Seminarstraße 20")
    c.drawString(440, 700, "18.01.2019")
    c.drawString(450, 682, "18:00 Uhr")
    c.setFont("Helvetica", 10)
    y = 600
    for line in textwrap.wrap("Künstliche Intelligenz wird häufig im Zusammenhang mit selbstfahrenden Autos "
                              "gesehen. Der Abend zeigt, wie neuronale Netze funktionieren und wie sie heute in "
                              "der Forschung eingesetzt werden, ohne Science Fiction und ohne Weltuntergang.", 90):
        c.drawString(40, y, line)
        y -= 13
    for x, text in ((40, "Joachim Hertzberg leitet die Arbeitsgruppe Wissensbasierte Systeme an der Universität "
                         "Osnabrück und ist international angesehen für seine Forschung zur Robotik."),
                    (310, "Volker Strübing, geboren 1971 in Thüringen, aufgewachsen in Berlin, ist freischaffender "
                          "Autor, Poetry Slammer und Filmemacher und begeisterter Amateur der KI.")):
        yy = 480
        for line in textwrap.wrap(text, 45):
            c.drawString(x, yy, line)
            yy -= 13


def test_speakers_named_only_in_their_biographies(tmp_path):
    t = only_talk(tmp_path, make_pdf(bios_only_poster))
    assert t["title"] == "Maschinen, die lernen"
    assert t["series"] == "techtalk"
    assert [(s["name"], s["affiliations"]) for s in t["speakers"]] == [
        ("Joachim Hertzberg", ["Universität Osnabrück"]), ("Volker Strübing", [])]
    assert t["start"] == "2019-01-18T18:00:00+01:00" and t["timezone"] == "Europe/Berlin"
    assert t["abstract"].startswith("Künstliche Intelligenz") and "Hertzberg" not in t["abstract"]
    assert t["bio"].count("Joachim Hertzberg leitet") == 1


def test_link_annotations_and_urls_become_links_and_references(tmp_path):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def draw(c: canvas.Canvas, i: int) -> None:
        plain_flyer(c, i)
        c.setFont("Helvetica", 11)
        c.drawString(72, 520, "Slides")
        c.linkURL("https://example.org/talks/entropy-slides.pdf",
                  (72, 517, 72 + stringWidth("Slides", "Helvetica", 11), 531), relative=0, thickness=0)
        c.drawString(72, 500, "Recording: https://www.youtube.com/watch?v=abc123XYZ")
        c.setFont("Helvetica-Bold", 11)
        c.drawString(72, 470, "References")
        c.setFont("Helvetica", 11)
        c.drawString(72, 455, "[1] J. Doe. Entropy of walks on groups. Ann. Probab. 12 (2019). doi:10.1214/18-AOP1234")
        c.drawString(72, 440, "[2] J. Doe and A. Roe. Noisy channels and walks. arXiv:2101.01234 (2021)")

    t = only_talk(tmp_path, make_pdf(draw))
    kinds = {lk["url"]: lk["kind"] for lk in t["links"]}
    assert kinds.get("https://example.org/talks/entropy-slides.pdf") == "slides"
    assert kinds.get("https://www.youtube.com/watch?v=abc123XYZ") == "video"
    refs = {(r["doi"], r["arxiv"]) for r in t["references"]}
    assert refs == {("10.1214/18-AOP1234", None), (None, "2101.01234")}
    assert "References" not in t["abstract"] and "[1]" not in t["abstract"]
