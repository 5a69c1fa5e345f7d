"""Slide decks written as text: slide-site dumps, boxed plain-text slides and Markdown decks.

Each deck is written here; the assertions are on the sniffed kind, the reader's slides and
the talk record the extraction layer makes of the title slide.
"""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from pipeline.extract import extract
from pipeline.readers import read
from pipeline.readers.mddeck import split_deck
from pipeline.sniff import sniff


def deck_talk(source: str) -> tuple[str, dict, list[str]]:
    data = textwrap.dedent(source).lstrip("\n").encode()
    kind = sniff(data)
    doc = read(data, kind)
    talks, _ = extract(doc)
    assert len(talks) == 1, talks
    return kind, talks[0], doc.meta["slides"]


def names(t: dict) -> list[str]:
    return [p.name for p in t["speakers"]]


# --------------------------------------------------------------------------- slide-site dumps

LATEX = '<latexit sha1_base64="abc">AAAB6nicbVBNS8NAEJ34WetX1aOXxSJ4KokIeix68VjBfkAbymaz' \
        'aZdudsPuRiihP8KLB0W8+nu8+W/ctDlo64OBx3szzMyLMs60CcNvb219Y3Nru7ZT393bPzisHx13tSwU' \
        'oR0iuVT9CGvKmaAdwwyn/UxRnEac9qLpXen3nqjSTIpHM8tomOKxYAkj2FipN8QZzj1GXahpP5F/8N/SV0' \
        '</latexit>'


def dump(lines: list[str], header: str = "Machine learning for energy landscapes - SlideShare") -> str:
    out = [header, ""]
    out += [f"{n}. {text}" for n, text in enumerate(lines, 1)]
    out += ["", "Download Presentation", "Download Policy: Content on the Website is provided to you AS IS.",
            "Recommend", "More Recommendations", "1.2k views"]
    return "\n".join(out) + "\n"


def test_slide_dump_builds_latex_and_boilerplate() -> None:
    text = dump([
        "Machine learning for energy landscapes Tristan Bereau Van ’t Hoff Institute for Molecular Sciences "
        "& Informatics Institute University of Amsterdam",
        "Outline",
        "Outline Coarse-graining",
        "Outline Coarse-graining Kernel methods " + LATEX,
        "Results on peptides",
        "Results on peptides and membranes",
        "Related work on free energies",
        "Thanks",
        "Questions?",
    ])
    kind, t, slides = deck_talk(text)
    assert kind == "slide-dump"
    assert t["title"] == "Machine learning for energy landscapes"
    assert names(t) == ["Tristan Bereau"]
    assert t["speakers"][0].affiliations[0].startswith("Van ’t Hoff Institute")
    assert t["abstract"] is None
    assert "Outline Coarse-graining Kernel methods" in slides and "Outline" not in slides  # builds collapsed
    assert "Results on peptides and membranes" in slides and "Results on peptides" not in slides
    assert not any("latexit" in s or "AAAB" in s for s in slides)
    assert not any("Download" in s or "views" in s or "Recommend" in s for s in slides)
    assert "Related work on free energies" in slides  # content that starts like boilerplate stays


BOXED = """

=================================================

  BUILD YOUR OWN SPREADSHEET IN AN HOUR WITH F#


Tomas Petricek, University of Kent & fsharpWorks
      tomas@tomasp.net | @tomaspetricek

=================================================




=================================================

    ELM-STYLE FUNCTIONAL USER INTERFACES

type State = { ... }
val update  : State -> Event -> State

=================================================



=================================================

    COMPOSING PARSERS

type Parser<'T> = char list -> ('T * char list) option

=================================================



=================================================

    COMPOSING PARSERS

type Parser<'T> = char list -> ('T * char list) option
<|> : Parser<'T> -> Parser<'T> -> Parser<'T>

=================================================
"""


def test_boxed_plain_text_slides() -> None:
    kind, t, slides = deck_talk(BOXED)
    assert kind == "slide-dump"
    assert t["title"] == "BUILD YOUR OWN SPREADSHEET IN AN HOUR WITH F#"
    [p] = t["speakers"]
    assert (p.name, p.affiliations) == ("Tomas Petricek", ["University of Kent & fsharpWorks"])
    assert t["links"] == []  # an e-mail address and a handle are contact details, not talk links
    assert len(slides) == 3  # title, interfaces, parsers: the parser slide's build step is collapsed
    assert slides[1].startswith("ELM-STYLE FUNCTIONAL USER INTERFACES")
    assert t["slides"] == slides[1:]  # the record keeps the slides after the title slide
    assert slides[-1].endswith("-> Parser<'T>")


def test_setext_headings_are_not_slide_boxes() -> None:
    text = "Colloquium\n==========\n\nTitle: Sheaves\nSpeaker: Jane Doe\n\nNews\n==========\n\nMore\n==========\n"
    assert sniff(text.encode()) != "slide-dump"


# --------------------------------------------------------------------------- Markdown decks

MARP = """
---
marp: true
title: Learning to Sample Efficiently
author: Ada Lovelace
date: 2024-05-14
---

# Learning to Sample Efficiently

Ada Lovelace, Analytical Engines Ltd

---

## Why sampling?

- it is hard
--
- it is useful

???
Speaker notes: remember to smile.

---

## Results

```python
x = 1
---
y = 2
```

---

## Thanks
"""


def test_marp_deck_front_matter_slides_builds_notes_and_fences() -> None:
    kind, t, slides = deck_talk(MARP)
    assert kind == "markdown-slides"
    assert t["title"] == "Learning to Sample Efficiently"
    assert names(t) == ["Ada Lovelace"]
    assert t["speakers"][0].affiliations == ["Analytical Engines Ltd"]
    assert t["date"] == dt.date(2024, 5, 14)
    assert t["abstract"] is None
    assert len(slides) == 4  # '--' continues a slide; '---' inside a code fence does not cut it
    assert "it is useful" in slides[1] and "smile" not in " ".join(slides)  # notes are not slide text
    assert "y = 2" in slides[2]


FSREVEAL = """
- title: Programování pro neprogramátory

*****************************************************************************************
- template: title

# Programování pro neprogramátory: _Nedosažitelný sen?_

---

**Tomáš Petříček**, MFF UK

[tomas@tomasp.net](mailto:tomas@tomasp.net) | [@tomasp.net](https://bsky.app/profile/tomasp.net)

-----------------------------------------------------------------------------------------
- template: image

# Kdo jsem

Absolvent MFF UK, doktorát z Cambridge

-----------------------------------------------------------------------------------------
- template: image
- class: larger

# FLOW-MATIC

1) 2005 - 2025
2) 1985 - 2005
"""


def test_long_rule_deck_with_directives() -> None:
    kind, t, slides = deck_talk(FSREVEAL)
    assert kind == "markdown-slides"
    assert t["title"] == "Programování pro neprogramátory: Nedosažitelný sen?"
    assert names(t) == ["Tomáš Petříček"]
    assert t["speakers"][0].affiliations == ["MFF UK"]
    assert t["date"] is None  # '1) 2005 - 2025' is quiz content
    assert not any("template" in s for s in slides)
    assert len(slides) == 3 and slides[1].startswith("Kdo jsem")


MYST = """
---
jupytext:
  text_representation:
    format_name: myst
rise:
  theme: serif
---

```{code-cell} ipython3
---
slideshow:
  slide_type: '-'
---
# For presentation
import numpy as np
```

+++ {"slideshow": {"slide_type": "slide"}}

# Python: the language for effective scientific computing

[Ross Barnowski](https://example.org/ross) `rossbar@example.org` | [@rossbar](https://github.com/rossbar) on GitHub

DOE Python Exchange | 12/01/2021

+++ {"slideshow": {"slide_type": "slide"}}

## A bit about me...

+++ {"slideshow": {"slide_type": "fragment"}}

 - Summer 2008: internship at a national laboratory
"""


def test_myst_notebook_slides() -> None:
    kind, t, slides = deck_talk(MYST)
    assert kind == "markdown-slides"
    assert t["title"] == "Python: the language for effective scientific computing"
    assert names(t) == ["Ross Barnowski"]
    assert t["speakers"][0].affiliations == []  # an e-mail domain is not an affiliation
    assert t["series"] == "DOE Python Exchange"
    assert t["date"] == dt.date(2021, 12, 1)  # US month/day, with a warning that it was ambiguous
    assert any("ambiguous" in w for w in t["warnings"])
    assert any("internship" in s for s in slides)
    assert not any("slideshow" in s for s in slides)  # a code cell's options are not slide text


def test_jekyll_page_with_a_few_rules_is_not_a_deck() -> None:
    page = ("---\nlayout: post\ntitle: Talk\n---\n\n# Talk\n\nSpeaker: Jane Doe\n\n---\n\n"
            "Abstract: text\n\n---\n\nMore\n")
    assert sniff(page.encode()) == "jekyll"
    plain = "# Seminar\n\n" + "\n\n---\n\n".join(f"Paragraph {i} of a long page about things." for i in range(4))
    assert sniff(plain.encode()) != "markdown-slides"


@pytest.mark.parametrize("body, n", [("a\n---\nb\n---\nc", 3), ("a\n\n--\n\nb", 1), ("```\n---\n```\n---\nx", 2)])
def test_split_deck(body: str, n: int) -> None:
    assert len(split_deck(body)[0]) == n


def test_abstract_only_from_a_slide_that_says_abstract() -> None:
    deck = MARP.replace("## Results", "## Abstract\n\nWe show how to sample from big models quickly and "
                                      "why the sampler mixes fast.\n\n---\n\n## Results")
    _, t, _ = deck_talk(deck)
    assert t["abstract"] == "We show how to sample from big models quickly and why the sampler mixes fast."
    _, t, _ = deck_talk(MARP)
    assert t["abstract"] is None


def test_numbered_agenda_in_an_announcement_is_not_a_slide_dump() -> None:
    text = ("Title: Workshop on sampling\nSpeaker: Jane Doe\nDate: 5 March 2024\n\nProgramme:\n" +
            "\n".join(f"{n}. Session {n}: a talk about topic {n}" for n in range(1, 10)) + "\n\nAll welcome.\n")
    assert sniff(text.encode()) == "text"
