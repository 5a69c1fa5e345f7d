"""Extraction end to end: real-shaped documents (as strings) -> reader -> extract -> talk fields.

Each document imitates a real source kind (Jekyll colloquium pages and posts, a UK seminar table,
a US schedule list, a department e-mail, a plain-text announcement). Expected values are what a
careful human annotator would write; nothing the source does not say may be filled in.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.cli import main as cli_main
from pipeline.extract import extract
from pipeline.readers import read


def talks_of(source: str | bytes, kind: str) -> list[dict[str, Any]]:
    data = source.encode("utf-8") if isinstance(source, str) else source
    talks, _ = extract(read(data, kind))
    return talks


def by_title(talks: list[dict[str, Any]], fragment: str) -> dict[str, Any]:
    found = [t for t in talks if t["title"] and fragment in t["title"]]
    assert len(found) == 1, [t["title"] for t in talks]
    return found[0]


def names(talk: dict[str, Any]) -> list[str]:
    return [p.name for p in talk["speakers"]]


def urls(talk: dict[str, Any]) -> list[str]:
    return [lk.url for lk in talk["links"]]


def ingest_files(tmp_path: Path, files: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """Run the CLI over a folder holding `files`; return (talks.jsonl records, sources.jsonl records)."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    for name, text in files.items():
        (raw / name).write_text(text, "utf-8")
    assert cli_main([str(raw), "--out", str(out), "--quiet"]) == 0

    def load(p: Path) -> list[dict]:
        return [json.loads(ln) for ln in p.read_text("utf-8").splitlines() if ln.strip()]

    return load(out / "talks.jsonl"), load(out / "sources.jsonl")


# ---------------------------------------------------------------- (a) next + previous + schedule on one page

COLLOQUIUM = """---
layout: page-fullwidth
show_meta: false
title: "Colloquiem"
permalink: "/colloquium/"
---
> Knowledge Shared = Knowledge<sup>2</sup>

## Next Colloquium

### Title: Permutation-Equivariant neural networks for Molecular Generation

Date: 15-09-2020 14:00-15:00 Central European Summer Time

<!--
 <img src="../people/tristan_bereau.jpg"
     alt="Tristan Bereau"
     width="100" />
-->

Speaker: **Erik Henning Thiede**, Research Fellow, Flatiron Institute, University of Chicago

**Abstract:** <br/>
In the last five years, neural networks have emerged as a dominant paradigm for constructing generative
models of images and sound data. However, challenges remain when building generative models for molecules.

<!--
<p>Ref: <a href="https://aip.scitation.org/doi/10.1063/1.5009502">Journal of Chemical Physics</a></p>
-->

## Previous Colloquia

#### Title:  Physically-motivated machine learning for multiscale molecular simulations

Date: 30-06-2020 14:00-15:00 Central European Summer Time

Speaker: **Tristan Bereau**, Assistant professor, [Computational Soft Matter][1], HIMS & IvI, UvA

**Abstract:** <br/>
Molecular simulations offer a detailed picture of soft and biological matter.

<a class="radius button small" href="https://drive.google.com/file/d/1COEnlxyiJ0lKjbQ1TqW2xu8CEYVKS0NP/view">Watch Back â€º</a>

For an overview of previous colloquia, please have a look at our [blog][2].

## Schedule

* 15 September 2020 - **Erik Henning Thiede**

[1]: https://bereau.group/
[2]: /blog/
"""  # noqa: E501


def test_colloquium_page_has_two_talks_and_schedule_line_merges() -> None:
    talks = talks_of(COLLOQUIUM, "jekyll")
    assert len(talks) == 2
    a = by_title(talks, "Permutation-Equivariant")
    assert a["title"] == "Permutation-Equivariant neural networks for Molecular Generation"
    assert a["date"] == dt.date(2020, 9, 15)
    assert a["start"] == "2020-09-15T14:00:00+02:00"
    assert a["end"] == "2020-09-15T15:00:00+02:00"
    assert a["timezone"] == "Europe/Amsterdam"
    [thiede] = a["speakers"]
    assert thiede.name == "Erik Henning Thiede" and thiede.honorific is None
    assert thiede.position == "Research Fellow"
    assert thiede.affiliations == ["Flatiron Institute", "University of Chicago"]
    assert a["abstract"].startswith("In the last five years, neural networks have emerged as a dominant paradigm for "
                                    "constructing generative models")
    assert "\n" not in a["abstract"]  # hard-wrapped lines of one paragraph are joined


def test_commented_out_content_does_not_reach_the_next_talk() -> None:
    a = by_title(talks_of(COLLOQUIUM, "jekyll"), "Permutation-Equivariant")
    assert a["links"] == [] and a["references"] == []
    assert names(a) == ["Erik Henning Thiede"]  # the hidden photo's alt 'Tristan Bereau' is no speaker


def test_previous_talk_fields_and_links() -> None:
    b = by_title(talks_of(COLLOQUIUM, "jekyll"), "Physically-motivated")
    assert b["title"] == "Physically-motivated machine learning for multiscale molecular simulations"
    assert b["date"] == dt.date(2020, 6, 30)
    assert b["start"] == "2020-06-30T14:00:00+02:00"
    [bereau] = b["speakers"]
    assert (bereau.name, bereau.position) == ("Tristan Bereau", "Assistant professor")
    assert ", ".join(bereau.affiliations) == "Computational Soft Matter, HIMS & IvI, UvA"
    watch = [lk for lk in b["links"] if "drive.google.com" in lk.url]
    assert len(watch) == 1 and watch[0].kind == "video" and watch[0].label == "Watch Back ›"  # mojibake repaired
    assert "https://bereau.group/" in urls(b)
    assert all(u.startswith("http") for u in urls(b))  # '/blog/' has no base: not a link


# ---------------------------------------------------------------- (b) (c) numeric date order and zone labels

def _two_talk_page(next_date: str, next_zone: str, prev_date: str | None) -> str:
    page = f"""---
layout: page-fullwidth
title: "Colloquium"
---
## Next Colloquium

### Title: Equivariant message passing for the prediction of tensorial properties

Date: {next_date} 14:00-15:00 {next_zone}

Speaker: **Kristof Schütt**, Senior Researcher, TU Berlin

**Abstract:** <br/>
Message passing neural networks have become a method of choice for learning on graphs.
"""
    if prev_date:
        page += f"""
## Previous Colloquia

#### Title: Permutation-Equivariant neural networks for Molecular Generation

Date: {prev_date} 14:00-15:00 Central European Summer Time

Speaker: **Erik Henning Thiede**, Research Fellow, Flatiron Institute, University of Chicago

**Abstract:** <br/>
Neural networks have emerged as a dominant paradigm for generative models.
"""
    return page


def test_day_first_order_inferred_from_an_unambiguous_date_on_the_page() -> None:
    talks = talks_of(_two_talk_page("10-11-2020", "Central European Time", "15-09-2020"), "jekyll")
    nxt = by_title(talks, "Equivariant message passing")
    assert nxt["date"] == dt.date(2020, 11, 10)
    assert nxt["start"] == "2020-11-10T14:00:00+01:00"
    assert not any("ambiguous" in w for w in nxt["warnings"])
    assert by_title(talks, "Permutation-Equivariant")["date"] == dt.date(2020, 9, 15)


def test_month_first_order_inferred_from_an_unambiguous_date_on_the_page() -> None:
    talks = talks_of(_two_talk_page("10-11-2020", "Central European Time", "09-15-2020"), "jekyll")
    assert by_title(talks, "Equivariant message passing")["date"] == dt.date(2020, 10, 11)


def test_lone_ambiguous_date_is_read_with_a_warning() -> None:
    [talk] = talks_of(_two_talk_page("10-11-2020", "Central European Time", None), "jekyll")
    assert talk["date"] == dt.date(2020, 11, 10)
    assert any("ambiguous" in w and "10-11-2020" in w for w in talk["warnings"])


def test_summer_time_label_in_winter_uses_the_real_offset_and_warns() -> None:
    [talk] = talks_of(_two_talk_page("24-11-2020", "Central European Summer Time", None), "jekyll")
    assert talk["date"] == dt.date(2020, 11, 24)
    assert talk["start"] == "2020-11-24T14:00:00+01:00"
    assert talk["end"] == "2020-11-24T15:00:00+01:00"
    assert talk["timezone"] == "Europe/Amsterdam"
    assert any("contradict" in w and "Central European Summer Time" in w for w in talk["warnings"])


# ---------------------------------------------------------------- (d) a 'Watch Back' link hidden in a comment

RANGANATH = """---
layout: page
title: "Rajesh Ranganath"
subheadline: "15 March 2022"
teaser: "Interpretability and Out of Distribution Generalization in Deep Predictive Models"
categories:
    - colloquium
---

 <img src="../../members/RajeshRanganath.jpeg"
     alt="MartinVanHecke"
     width="100"
     style="float: right; margin-right: 10px; border-radius:50%;" />

Speaker: **Rajesh Ranganath**, NYU

**Abstract:** <br/>

Interpretability enriches what can be gleaned from a good predictive
model. Techniques that learn-to-explain have arisen because they
require only a single evaluation of a model to provide an
interpretation.

This meeting was not recorded.
<!---
<a class="radius button small" href="https://drive.google.com/file/d/1PryMUuxAw09Flpfa9J0Z7m4cQexa3Q5G/view?usp=sharing">Watch Back ›</a>
-->

[1]: https://bereau.group/
[2]: /blog/
"""  # noqa: E501


def test_post_with_commented_out_recording_has_no_links() -> None:
    [talk] = talks_of(RANGANATH, "jekyll")
    assert talk["title"] == "Interpretability and Out of Distribution Generalization in Deep Predictive Models"
    assert names(talk) == ["Rajesh Ranganath"]
    assert talk["speakers"][0].affiliations == ["NYU"]
    assert talk["date"] == dt.date(2022, 3, 15)
    assert talk["start"] is None and talk["end"] is None  # no time on the page
    assert talk["links"] == []
    assert talk["abstract"].startswith("Interpretability enriches what can be gleaned from a good predictive model.")


def test_same_button_outside_the_comment_is_a_video_link() -> None:
    visible = RANGANATH.replace("This meeting was not recorded.\n<!---\n", "").replace("-->\n", "")
    [talk] = talks_of(visible, "jekyll")
    assert [(lk.url, lk.kind) for lk in talk["links"]] == [
        ("https://drive.google.com/file/d/1PryMUuxAw09Flpfa9J0Z7m4cQexa3Q5G/view?usp=sharing", "video")]


def test_recording_note_is_not_part_of_the_abstract() -> None:
    [talk] = talks_of(RANGANATH, "jekyll")
    assert "recorded" not in talk["abstract"]


# ---------------------------------------------------------------- (e) nothing is invented

PLAIN_NO_SPEAKER = """Title: Learning the Structure of Molecular Crystals from Sparse Data

Abstract: Crystal structure prediction remains one of the grand challenges of
computational materials science. In this talk we show how a small number of
reference calculations can be combined with symmetry-adapted kernels to
rank candidate polymorphs.
"""


def test_plain_text_without_speaker_or_date_invents_neither() -> None:
    [talk] = talks_of(PLAIN_NO_SPEAKER, "text")
    assert talk["title"] == "Learning the Structure of Molecular Crystals from Sparse Data"
    assert talk["speakers"] == []
    assert talk["date"] is None and talk["start"] is None and talk["end"] is None
    assert talk["timezone"] is None and talk["location"] is None
    assert talk["abstract"].startswith("Crystal structure prediction remains one of the grand challenges of "
                                       "computational materials science.")


def test_plain_text_without_speaker_or_date_through_the_cli(tmp_path: Path) -> None:
    talks, sources = ingest_files(tmp_path, {"announcement.txt": PLAIN_NO_SPEAKER})
    [talk] = talks
    assert talk["speakers"] == [] and talk["date"] is None and talk["start"] is None
    assert talk["title"] == "Learning the Structure of Molecular Crystals from Sparse Data"
    assert [(s["path"], s["kind"], s["status"]) for s in sources] == [("announcement.txt", "text", "ok")]


# ---------------------------------------------------------------- (f) a UK seminar table

QLM_TABLE = """\ufeff---
layout: page
title: QLM Seminars
subtitle: QLM hosts meetings and workshops on a regular basis. Upcoming seminars are listed here.
---

## 2023-2024 Seminars

Michaelmas term

|Date  |Time |Location  |Title   |Speaker    |Institution    |
|:---  | :----: | :----:  | :--------:      | :------:      |           --: |
|11/10/2023|12pm-1pm|OCW017|<a href="/events/seminars/abstracts/2023 Michaelmas/Stuart Adams">Long-range interactions in the classroom</a>|Stuart Adams    |Durham University |
|25/10/2023|12pm-1pm|OCW017|<a href="/events/seminars/abstracts/2023 Michaelmas/Michael Vanner">Towards quantum optics with Brillouin scattering</a>|Michael R. Vanner    |Imperial College, London |
|01/11/2023|12pm-1pm|D110 (Archaeology)|<a href="/events/seminars/abstracts/2023 Michaelmas/Luke Caldwell">Precision measurement of the electron's electric dipole moment</a>|Luke Caldwell    |University College, London |
|28/02/2024| | |No seminar - MPhys project seminar week| | |
"""  # noqa: E501


def test_uk_table_dates_are_day_first_and_no_seminar_row_is_not_a_talk() -> None:
    talks = talks_of(QLM_TABLE, "jekyll")
    assert [(t["date"], names(t)) for t in talks] == [
        (dt.date(2023, 10, 11), ["Stuart Adams"]),
        (dt.date(2023, 10, 25), ["Michael R. Vanner"]),
        (dt.date(2023, 11, 1), ["Luke Caldwell"]),
    ]
    assert not any(t["title"] and "No seminar" in t["title"] for t in talks)
    vanner = by_title(talks, "Brillouin")
    assert vanner["title"] == "Towards quantum optics with Brillouin scattering"
    assert vanner["speakers"][0].affiliations == ["Imperial College, London"]
    assert vanner["location"] == "OCW017"
    assert vanner["series"] == "QLM Seminars"
    assert by_title(talks, "dipole")["location"] == "D110 (Archaeology)"


def test_uk_table_times_without_zone_have_no_offset_and_say_so() -> None:
    adams = by_title(talks_of(QLM_TABLE, "jekyll"), "Long-range")
    assert adams["start"] == "2023-10-11T12:00:00"
    assert adams["end"] == "2023-10-11T13:00:00"
    assert adams["timezone"] is None
    assert any("no time zone" in w for w in adams["warnings"])


def test_uk_table_relative_title_links_are_not_talk_links() -> None:
    for talk in talks_of(QLM_TABLE, "jekyll"):
        assert talk["links"] == []


UK_SERIES_TABLE = """# Computational Chemistry Seminar Series 2023/24

Seminars take place on Wednesdays. All welcome!

| Date | Time | Location | Title | Speaker | Institution |
|------|------|----------|-------|---------|-------------|
| 11/10/2023 | 14:00 | Chemistry G.04 | Machine-learned potentials for battery interfaces | Dr. Sarah Jones | University of Bath |
| 18/10/2023 | | | No seminar (reading week) | | |
| 25/10/2023 | 14:00 | Chemistry G.04 | Free energy methods in drug design | Prof. Michael Brown | University of Oxford |
"""  # noqa: E501


def test_markdown_table_with_honorifics_and_no_seminar_row() -> None:
    talks = talks_of(UK_SERIES_TABLE, "markdown")
    assert [(t["date"], t["title"]) for t in talks] == [
        (dt.date(2023, 10, 11), "Machine-learned potentials for battery interfaces"),
        (dt.date(2023, 10, 25), "Free energy methods in drug design"),
    ]
    jones = talks[0]["speakers"][0]
    assert (jones.name, jones.honorific, jones.affiliations) == ("Sarah Jones", "Dr.", ["University of Bath"])
    assert talks[1]["speakers"][0].honorific == "Prof."
    assert talks[0]["location"] == "Chemistry G.04"
    assert talks[0]["start"] == "2023-10-11T14:00:00"


def test_series_name_drops_a_trailing_academic_year() -> None:
    talks = talks_of(UK_SERIES_TABLE, "markdown")
    assert {t["series"] for t in talks} == {"Computational Chemistry Seminar Series"}


# ---------------------------------------------------------------- (g) a US schedule list with a page-wide time

CCS = """---
layout: page
title: CCS Colloquium
---

Fall 2020: CCS Colloquium
--------------

#### Description

This is the schedule for the School of Computer and Cyber Sciences
(CCS) Colloquium Series at Augusta University.

#### Format

Each talk will be over Zoom.  If you are interested in attending one
of the presentations please RSVP a few days in advance by sending
Harley Eades an <a href="mailto:harley.eades@gmail.com">email</a>.

#### Schedule

Each talk is between 1pm and 2pm EDT on their respective day, unless
stated otherwise.

- 8/21/2020: [Dependable Systems for Managing Valuable Data](../colloquium_talks/Tremel.html) by Edward Tremel
- 9/4/2020: [Language-Integrated Verification](../colloquium_talks/Jhala.html) by [Ranjit Jhala](https://ranjitjhala.github.io/)
- 11/6/2020: [On Adversarial Testing of Cellular Network Protocols](../colloquium_talks/Chowdury.html) by [Omar Chowdury](http://homepage.divms.uiowa.edu/~comarhaider/)
"""  # noqa: E501


def test_us_schedule_list_takes_the_page_time_and_zone() -> None:
    talks = talks_of(CCS, "jekyll")
    assert len(talks) == 3
    tremel = by_title(talks, "Dependable Systems")
    assert tremel["title"] == "Dependable Systems for Managing Valuable Data"
    assert names(tremel) == ["Edward Tremel"]
    assert tremel["date"] == dt.date(2020, 8, 21)
    assert tremel["start"] == "2020-08-21T13:00:00-04:00"
    assert tremel["end"] == "2020-08-21T14:00:00-04:00"
    assert tremel["timezone"] == "America/New_York"
    assert tremel["series"] == "CCS Colloquium"
    assert by_title(talks, "Language-Integrated")["date"] == dt.date(2020, 9, 4)  # month first, like 8/21


def test_us_schedule_relative_links_are_dropped_and_speaker_links_kept() -> None:
    talks = talks_of(CCS, "jekyll")
    for talk in talks:
        assert not any("colloquium_talks" in u for u in urls(talk))
        assert all(u.startswith("http") for u in urls(talk))
    assert by_title(talks, "Dependable Systems")["links"] == []
    jhala = by_title(talks, "Language-Integrated")
    assert jhala["speakers"][0].url == "https://ranjitjhala.github.io/"
    assert [(lk.url, lk.kind) for lk in jhala["links"]] == [("https://ranjitjhala.github.io/", "speaker")]


def test_edt_label_after_dst_end_gives_standard_offset_with_warning() -> None:
    chowdury = by_title(talks_of(CCS, "jekyll"), "Adversarial Testing")
    assert chowdury["date"] == dt.date(2020, 11, 6)
    assert chowdury["start"] == "2020-11-06T13:00:00-05:00"
    assert chowdury["end"] == "2020-11-06T14:00:00-05:00"
    assert any("EDT" in w and "contradict" in w for w in chowdury["warnings"])


# ---------------------------------------------------------------- (h) a department e-mail

IISC_EMAIL = """Return-Path: <poojasingla7@gmail.com>
Date: Thu, 19 Jul 2012 13:33:56 +0530
Message-ID: <CAHEur2RwXyV97Uho6LV2CKgS+Y92jrRnGQFtbi_U9b5KKam2Cg@mail.gmail.com>
Subject: [Seminar] Math: July 25, 2012: "Some applications of polynomial knots"
From: Pooja Singla <pooja@math.iisc.ernet.in>
To: m_seminar@math.iisc.ernet.in
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1

                         Department of Mathematics
                    Indian Institute of Science, Bangalore


                                  SEMINAR

Speaker:      Prof. Rama Mishra,
                        IISER, Pune

Title:          Some applications of polynomial knots.

Date :       July 25th, 2012

Time :       4:00 pm- 5.00 pm

Venue:     Department of Mathematics, Lecture Hall 1


Abstract: Polynomial knots were introduced to represent knots
in 3 space by simple polynomial equations. In this talk we will
discuss how the degrees of these equations can be used in
deriving information of some important knot invariants.



                   ALL ARE CORDIALLY INVITED.



                                            Chairman,
                                            Department of Mathematics
"""


def test_email_announcement_fields() -> None:
    [talk] = talks_of(IISC_EMAIL, "email")
    assert talk["title"] == "Some applications of polynomial knots"  # sentence period dropped
    [mishra] = talk["speakers"]
    assert (mishra.name, mishra.honorific, mishra.position) == ("Rama Mishra", "Prof.", None)
    assert ", ".join(mishra.affiliations) == "IISER, Pune"  # from the continuation line
    assert talk["date"] == dt.date(2012, 7, 25)  # the body's date, not the header's send date (19 July)
    assert talk["start"] == "2012-07-25T16:00:00+05:30"
    assert talk["end"] == "2012-07-25T17:00:00+05:30"
    assert talk["timezone"] == "Asia/Kolkata"
    assert any("Bangalore" in w for w in talk["warnings"])  # the zone was inferred: said so
    assert talk["location"] == "Department of Mathematics, Lecture Hall 1"
    assert talk["hosts"] == []  # 'Chairman, Department of Mathematics' is a signature
    assert talk["links"] == []


def test_email_abstract_stops_before_the_invitation_and_signature() -> None:
    [talk] = talks_of(IISC_EMAIL, "email")
    assert talk["abstract"] == (
        "Polynomial knots were introduced to represent knots in 3 space by simple polynomial equations. "
        "In this talk we will discuss how the degrees of these equations can be used in deriving information "
        "of some important knot invariants.")


IISC_EMAIL_NO_DATE = """From: Pooja Singla <pooja@math.iisc.ernet.in>
To: m_seminar@math.iisc.ernet.in
Subject: [Seminar] Math: "Some applications of polynomial knots"
Date: Thu, 19 Jul 2012 13:33:56 +0530
MIME-Version: 1.0
Content-Type: text/plain; charset=ISO-8859-1

Speaker: Prof. Rama Mishra, IISER, Pune

Abstract: Polynomial knots were introduced to represent knots
in 3 space by simple polynomial equations.
"""


def test_email_send_date_is_never_the_talk_date() -> None:
    [talk] = talks_of(IISC_EMAIL_NO_DATE, "email")
    assert talk["title"] == "Some applications of polynomial knots"  # from the quoted Subject
    assert talk["date"] is None and talk["start"] is None


def test_email_subject_with_talk_title_is_not_the_series() -> None:
    [talk] = talks_of(IISC_EMAIL_NO_DATE, "email")
    assert talk["series"] is None or "polynomial knots" not in talk["series"]


# ---------------------------------------------------------------- (i) (j) pages without talks

LAB_HOME = """# Computational Soft Matter

The Computational Soft Matter group studies molecular systems with simulations and machine learning.
We are based at the University of Amsterdam, Science Park 904.

## People

* **Tristan Bereau**, Assistant Professor
* **Marius Bause**, PhD Student

## News

* 2021: our paper on coarse-grained models appeared in J. Chem. Phys.
* 2020: Tristan received an ERC grant.

## Contact

Science Park 904, 1098 XH Amsterdam. Email: t.bereau@uva.nl
"""


def test_lab_home_page_has_no_talks() -> None:
    assert talks_of(LAB_HOME, "markdown") == []


LAB_HOME_JEKYLL = """---
layout: page-fullwidth
title: "{title}"
permalink: "/"
---
## About us

The Computational Soft Matter group studies molecular systems with simulations and machine learning.
We are based at the University of Amsterdam, Science Park 904.

## Join us

We are looking for motivated PhD students and postdocs. Please [contact us](/contact/) for open positions.

## News

* 2021: our paper on coarse-grained models appeared in J. Chem. Phys.
* 2020: Tristan received an ERC grant.
"""


@pytest.mark.parametrize("title", ["Welcome", "Computational Soft Matter Group"])
def test_jekyll_lab_home_page_has_no_talks(title: str) -> None:
    assert talks_of(LAB_HOME_JEKYLL.replace("{title}", title), "jekyll") == []


def test_jekyll_lab_home_page_with_sentence_title_has_no_talks() -> None:
    assert talks_of(LAB_HOME_JEKYLL.replace("{title}", "Welcome to the Bereau Group"), "jekyll") == []


LIQUID_ONLY = """---
layout: page
title: "Next colloquium"
permalink: "/next/"
---
{% for x in site.data.next %}{{ x.title }}{% endfor %}
"""


def test_liquid_template_page_has_no_talks() -> None:
    assert talks_of(LIQUID_ONLY, "jekyll") == []


def test_liquid_template_page_is_empty_through_the_cli(tmp_path: Path) -> None:
    talks, sources = ingest_files(tmp_path, {"next.md": LIQUID_ONLY})
    assert talks == []
    assert [(s["path"], s["kind"], s["status"], s["talk_ids"]) for s in sources] == [("next.md", "jekyll", "empty", [])]


# ---------------------------------------------------------------- (k) (l) date headings without a year; TBA titles

DEPT_COLLOQUIUM = """---
layout: page
title: Fall 2024 Department Colloquium
---

Colloquia are held in Adel Room 164 unless noted otherwise. Refreshments are served before each talk.

### Tuesday 9/3 at 4:00-4:50

**Speaker:** Lisa Piccirillo (University of Texas at Austin)

**Title:** Exotic phenomena in dimension four

**Abstract:** Dimension four is the only dimension in which smooth structures on Euclidean space are not unique.
I will survey what is known and describe some recent constructions.

### Tuesday 9/10 at 4:00-4:50

**Speaker:** Benson Farb (University of Chicago)

**Title:** TBA

**Abstract:** TBA
"""


def test_heading_date_without_year_and_time_without_am_pm() -> None:
    talks = talks_of(DEPT_COLLOQUIUM, "jekyll")
    assert len(talks) == 2
    first = by_title(talks, "Exotic phenomena")
    assert names(first) == ["Lisa Piccirillo"]
    assert first["speakers"][0].affiliations == ["University of Texas at Austin"]
    assert first["date"] == dt.date(2024, 9, 3)
    assert first["start"] == "2024-09-03T16:00:00"
    assert first["end"] == "2024-09-03T16:50:00"
    assert first["series"] == "Department Colloquium"
    assert first["location"] == "Adel Room 164"
    warnings = " | ".join(first["warnings"])
    assert "afternoon" in warnings  # 4:00 read as 16:00: said so
    assert "year" in warnings  # 2024 taken from the page title: said so


def test_tba_title_and_abstract_are_null() -> None:
    talks = talks_of(DEPT_COLLOQUIUM, "jekyll")
    [farb] = [t for t in talks if names(t) == ["Benson Farb"]]
    assert farb["title"] is None
    assert farb["abstract"] is None
    assert farb["date"] == dt.date(2024, 9, 10)


def test_tba_title_in_a_plain_text_announcement() -> None:
    src = """Physics Colloquium

Speaker: Dr. Jane Doe (MIT)
Title: TBA
Date: Friday, 3 May 2019, 15:30
Place: Lecture Theatre A, Physics Building, University of Manchester
"""
    [talk] = talks_of(src, "text")
    assert talk["title"] is None
    assert [(p.name, p.honorific, p.affiliations) for p in talk["speakers"]] == [("Jane Doe", "Dr.", ["MIT"])]
    assert talk["start"] == "2019-05-03T15:30:00+01:00"
    assert talk["timezone"] == "Europe/London"


# ---------------------------------------------------------------- schedule lines and venues (known gaps)

SCHEDULE_PAGE = """---
layout: page
title: Quantum Matter Seminars
---

## Michaelmas Term 2023

{line}
* 2 November 2023 - **Kai Voges**
"""


def test_schedule_line_bold_name_with_affiliation() -> None:
    talks = talks_of(SCHEDULE_PAGE.replace("{line}", "* 12 October 2023 - **Stuart Adams** (Durham University)"),
                     "jekyll")
    [adams] = [t for t in talks if t["date"] == dt.date(2023, 10, 12)]
    assert adams["title"] is None
    assert [(p.name, p.affiliations) for p in adams["speakers"]] == [("Stuart Adams", ["Durham University"])]


def test_schedule_line_title_by_name_with_affiliation() -> None:
    line = "* 12 October 2023: *Rydberg quantum optics* by Stuart Adams (Durham University)"
    talks = talks_of(SCHEDULE_PAGE.replace("{line}", line), "jekyll")
    [adams] = [t for t in talks if t["date"] == dt.date(2023, 10, 12)]
    assert adams["title"] == "Rydberg quantum optics"
    assert [(p.name, p.affiliations) for p in adams["speakers"]] == [("Stuart Adams", ["Durham University"])]


def test_schedule_line_bold_name_alone() -> None:
    talks = talks_of(SCHEDULE_PAGE.replace("{line}", "* 12 October 2023 - **Stuart Adams**"), "jekyll")
    assert [(t["date"], names(t), t["title"]) for t in talks] == [
        (dt.date(2023, 10, 12), ["Stuart Adams"], None),
        (dt.date(2023, 11, 2), ["Kai Voges"], None),
    ]
    assert {t["series"] for t in talks} == {"Quantum Matter Seminars"}


def test_schedule_line_speaker_tba_names_nobody() -> None:
    talks = talks_of(SCHEDULE_PAGE.replace("{line}", "* 12 October 2023 - Speaker TBA"), "jekyll")
    assert not any("TBA" in p.name for t in talks for p in t["speakers"])


VENUE_ANNOUNCEMENT = """Applied Mathematics Colloquium

Speaker: Dr. Jane Doe (University of Toronto)
Title: Mixing in stratified turbulence
Date: Thursday, 7 March 2019
Time: 3:30 pm - 4:30 pm
Venue: {venue}
"""


@pytest.mark.parametrize(("venue", "zone", "start"), [
    pytest.param("Lecture Theatre A, Physics Building, University of Manchester", "Europe/London",
                 "2019-03-07T15:30:00+00:00", id="manchester"),
    pytest.param("Room CG93, Department of Mathematical Sciences, Durham University", "Europe/London",
                 "2019-03-07T15:30:00+00:00", id="durham-university",
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "two cities called Durham (NC, pop. 258k; UK, 48k) and the page names no country and "
                     "writes no numeric date whose order would exclude the US: the larger one is taken"))),
    pytest.param("Middlesex College 105B, Western University, London, Ontario", "America/Toronto",
                 "2019-03-07T15:30:00-05:00", id="london-ontario"),
])
def test_zone_inferred_from_the_venue(venue: str, zone: str, start: str) -> None:
    [talk] = talks_of(VENUE_ANNOUNCEMENT.replace("{venue}", venue), "text")
    assert talk["location"] == venue
    assert talk["timezone"] == zone
    assert talk["start"] == start
    assert any("inferred" in w for w in talk["warnings"])


def test_series_venue_with_lower_case_room() -> None:
    page = SCHEDULE_PAGE.replace("{line}", "* 12 October 2023 - **Stuart Adams**").replace(
        "## Michaelmas", "Seminars are on Thursdays at 13:00 in room PH30, Department of Physics.\n\n## Michaelmas")
    talks = talks_of(page, "jekyll")
    assert talks and all(t["location"] and "PH30" in t["location"] for t in talks)


# --------------------------------------------------------------------------- series names, letterheads, labels

@pytest.mark.parametrize("text, series", [
    ("Arbeitsseminar Geometrie/Topologie", "Arbeitsseminar Geometrie/Topologie"),  # German compound
    ("Pizzaseminar", "Pizzaseminar"),
    ("Mathematisches Kolloquium", "Mathematisches Kolloquium"),
    ("Neujahrsvorlesung im Pizzaseminar", "Pizzaseminar"),  # a lecture held *in* the series
    ("Talk in the Algebra Seminar", "Algebra Seminar"),
    ("Guest Talk #1: Math and Statistics Department Colloquium Series",
     "Math and Statistics Department Colloquium Series"),  # the numbering is not the series' name
    ("Two talks on", None),  # a phrase that goes on
    ("Seminar", None),
    ("Fall 2024 Colloquium", None),
])
def test_series_from_title(text: str, series: str | None) -> None:
    from pipeline.extract.context import series_from_title

    assert series_from_title(text) == series


def test_letterhead_names_over_series_line_are_hosts_and_series() -> None:
    text = ("Sven Prüfer, Christopher Wulff\nArbeitsseminar Geometrie/Topologie\n\n"
            "Ingo Blechschmidt – A one-parsec overview of the Hilbert scheme\n\n"
            "Given a geometric object X, the Hilbert scheme is the fine moduli space of points.\n\n"
            "Date and Place: Monday, 27 April 2015, 12:15 – 13:45 in 2004/L1\n")
    [t] = talks_of(text, "text")
    assert names(t) == ["Ingo Blechschmidt"]
    assert t["hosts"] == ["Sven Prüfer", "Christopher Wulff"]
    assert t["series"] == "Arbeitsseminar Geometrie/Topologie"
    assert t["title"] == "A one-parsec overview of the Hilbert scheme"
    assert (t["date"], t["start"], t["end"]) == (dt.date(2015, 4, 27), "2015-04-27T12:15:00", "2015-04-27T13:45:00")
    assert t["location"] == "2004/L1"


@pytest.mark.parametrize("label", ["Date and Place", "Time and place", "When & where", "Zeit und Ort"])
def test_combined_date_and_place_label_is_one_label(label: str) -> None:
    from pipeline.extract.lines import label_of, split_inline_labels

    line = f"{label}: Monday, 27 April 2015, 12:15 in Room 2004"
    assert split_inline_labels(line) == [line]
    assert label_of(line)[0] == "date"


def test_bare_urls_in_plain_text_are_links() -> None:
    text = ("Title: Entropy of random walks\nSpeaker: Jane Doe (University of Oslo)\n"
            "Date: 5 March 2024, 16:00\n"
            "Recording: https://www.youtube.com/watch?v=abc123XYZ.\n"
            "Slides (https://example.org/slides/entropy.pdf)\n")
    [t] = talks_of(text, "text")
    assert {(lk.url, lk.kind) for lk in t["links"]} == {
        ("https://www.youtube.com/watch?v=abc123XYZ", "video"), ("https://example.org/slides/entropy.pdf", "slides")}


@pytest.mark.parametrize("title, expected", [
    ("Images elsewhere", "Images elsewhere"),          # two words that could pass for a name
    ("Talk by Emmy Noether", None),                    # the page names its speaker, not the talk
    ("Emmy Noether", None),                            # the page is titled with the speaker's name
])
def test_front_matter_title_beside_a_speaker_key(title: str, expected: str | None) -> None:
    page = f'---\ntitle: "{title}"\nspeaker: Emmy Noether\ndate: 2025-05-06\n---\n![logo](logo.png)\n'
    (talk,) = talks_of(page, "jekyll")
    assert talk["title"] == expected
    assert names(talk) == ["Emmy Noether"]
