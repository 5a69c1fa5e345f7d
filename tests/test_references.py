"""References and links (pipeline.normalize.references): DOI, arXiv id, year, title; link kinds; absolute URLs."""

from __future__ import annotations

import pytest

from pipeline.normalize.references import absolute_url, link_kind, looks_like_reference, parse_reference

CERIOTTI = ('[1] Ceriotti, Michele. "Atomistic machine learning between predictions and understanding." '
            'arXiv preprint arXiv:1902.05158 (2019).')


# ---------------------------------------------------------------- parse_reference

def test_numbered_reference_with_arxiv_year_and_quoted_title() -> None:
    r = parse_reference(CERIOTTI)
    assert r is not None
    assert r.arxiv == "1902.05158"
    assert r.year == 2019
    assert r.title == "Atomistic machine learning between predictions and understanding"
    assert r.doi is None
    assert r.text.startswith("Ceriotti, Michele.")  # the '[1]' numbering is not part of the reference


def test_doi_from_publisher_url() -> None:
    r = parse_reference("Journal of Chemical Physics", "https://aip.scitation.org/doi/10.1063/1.5009502")
    assert r is not None
    assert r.doi == "10.1063/1.5009502"
    assert r.url == "https://aip.scitation.org/doi/10.1063/1.5009502"
    assert r.text == "Journal of Chemical Physics"
    assert r.arxiv is None and r.year is None


@pytest.mark.parametrize(("text", "url", "doi", "arxiv", "year"), [
    pytest.param("https://aip.scitation.org/doi/10.1063/1.5009502", None, "10.1063/1.5009502", None, None,
                 id="bare-doi-url"),
    pytest.param("J. Behler and M. Parrinello, Phys. Rev. Lett. 98, 146401 (2007), doi:10.1103/PhysRevLett.98.146401.",
                 None, "10.1103/PhysRevLett.98.146401", None, 2007, id="doi-sentence-period-stripped"),
    pytest.param("this paper", "https://pubs.acs.org/doi/10.1021/acs.jctc.0c00981", "10.1021/acs.jctc.0c00981",
                 None, None, id="doi-from-link-target"),
    pytest.param("this paper", "https://arxiv.org/abs/2011.13951", None, "2011.13951", None,
                 id="arxiv-abs-url"),
    pytest.param("arXiv:cond-mat/0501234", None, None, "cond-mat/0501234", None, id="old-style-arxiv-id"),
    pytest.param("Smith, J. et al. Deep potentials. arXiv:2006.11287v2 (2020)", None, None, "2006.11287", 2020,
                 id="arxiv-version-suffix-dropped"),
])
def test_identifiers(text: str, url: str | None, doi: str | None, arxiv: str | None, year: int | None) -> None:
    r = parse_reference(text, url)
    assert r is not None
    assert (r.doi, r.arxiv, r.year) == (doi, arxiv, year)


@pytest.mark.parametrize("text", [
    "Ceriotti, M. Atomistic machine learning between predictions and understanding. arXiv:1902.05158",
    "https://arxiv.org/abs/2006.11287v2",
])
def test_arxiv_id_is_not_a_year(text: str) -> None:
    r = parse_reference(text)
    assert r is not None
    assert r.year is None


@pytest.mark.parametrize("text", ["", "   ", "**"])
def test_empty_reference_is_none(text: str) -> None:
    assert parse_reference(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Behler and Parrinello, Phys. Rev. Lett. 98, 146401 (2007)", True),
    ("doi:10.1063/1.5009502", True),
    ("arXiv:1902.05158", True),
    ("Smith et al., Nature 2020", True),
    (CERIOTTI, True),
    ("In this talk I will talk about our 2020 plans.", False),
    ("The seminar will take place in Room 2020.", False),
    ("Speaker: Jane Doe, University of Oxford", False),
])
def test_looks_like_reference(text: str, expected: bool) -> None:
    assert looks_like_reference(text) is expected


# ---------------------------------------------------------------- link kinds

@pytest.mark.parametrize(("url", "label", "kind"), [
    pytest.param("https://www.youtube.com/watch?v=dQw4w9WgXcQ", None, "video", id="youtube-watch"),
    pytest.param("https://youtu.be/dQw4w9WgXcQ", "Recording", "video", id="youtu.be"),
    pytest.param("https://vimeo.com/123456789", None, "video", id="vimeo"),
    pytest.param("https://drive.google.com/file/d/1o2WGiCQJCEe8LLyClpteeSuE8VHZ95pj/view?usp=sharing",
                 "Watch Back ›", "video", id="drive-file-watch-back"),
    pytest.param("https://drive.google.com/file/d/1o2WGiCQJCEe8LLyClpteeSuE8VHZ95pj/view?usp=sharing",
                 None, "video", id="drive-file-unlabelled"),
    pytest.param("https://drive.google.com/file/d/1abc/view", "Slides", "slides", id="drive-file-labelled-slides"),
    pytest.param("https://arxiv.org/abs/1902.05158", None, "paper", id="arxiv"),
    pytest.param("https://arxiv.org/abs/1902.05158", "arXiv", "paper", id="arxiv-labelled"),
    pytest.param("https://aip.scitation.org/doi/10.1063/1.5009502", "Journal of Chemical Physics", "paper",
                 id="publisher-doi"),
    pytest.param("https://uva-live.zoom.us/j/91234567890", "Zoom link", "registration", id="zoom-meeting"),
    pytest.param("https://us02web.zoom.us/j/81234567890", None, "registration", id="zoom-meeting-unlabelled"),
    pytest.param("https://zoom.us/meeting/register/tJ0kd-2rrj4", "Register", "registration", id="zoom-register"),
    pytest.param("https://www.eventbrite.co.uk/e/123456", "Register here", "registration", id="eventbrite"),
    pytest.param("https://example.org/talks/slides.pdf", "Slides", "slides", id="slides-pdf"),
    pytest.param("https://ranjitjhala.github.io/", "Ranjit Jhala", "other", id="speaker-homepage-is-other-here"),
    pytest.param("https://github.com/undark-lab/swyft", "github", "other", id="code-repository"),
    pytest.param("https://speakerdeck.com/jdoe/equivariant-networks", None, "slides", id="speakerdeck-unlabelled"),
    pytest.param("https://docs.google.com/presentation/d/1abcDEF/edit?usp=sharing", None, "slides",
                 id="google-slides-unlabelled"),
    pytest.param("https://us02web.zoom.us/rec/share/AbCdEfGh", None, "video", id="zoom-cloud-recording"),
])
def test_link_kind(url: str, label: str | None, kind: str) -> None:
    assert link_kind(url, label) == kind


# ---------------------------------------------------------------- absolute URLs

@pytest.mark.parametrize(("href", "base", "expected"), [
    pytest.param("../colloquium_talks/Tremel.html", None, None, id="relative-without-base"),
    pytest.param("/blog/", None, None, id="root-relative-without-base"),
    pytest.param("../people/x.html", "https://ai4science.github.io/colloquium/",
                 "https://ai4science.github.io/people/x.html", id="relative-with-base"),
    pytest.param("/abs.html", "https://x.org/a/b/", "https://x.org/abs.html", id="root-relative-with-base"),
    pytest.param("mailto:harley.eades@gmail.com", "https://x.org/", None, id="mailto"),
    pytest.param("tel:2012", "https://x.org/", None, id="tel"),
    pytest.param("javascript:void(0)", "https://x.org/", None, id="javascript"),
    pytest.param("#abstract", "https://x.org/", None, id="fragment"),
    pytest.param("", "https://x.org/", None, id="empty"),
    pytest.param("https://www.youtube.com/watch?v=abc", None, "https://www.youtube.com/watch?v=abc", id="absolute"),
    pytest.param("<https://x.org/y>", None, "https://x.org/y", id="angle-brackets"),
    pytest.param("//cdn.example.org/a.pdf", None, "https://cdn.example.org/a.pdf", id="protocol-relative"),
    pytest.param("/events/seminars/abstracts/2023 Michaelmas/Stuart Adams", "https://qlm.example.ac.uk/",
                 "https://qlm.example.ac.uk/events/seminars/abstracts/2023%20Michaelmas/Stuart%20Adams",
                 id="spaces-escaped"),
])
def test_absolute_url(href: str, base: str | None, expected: str | None) -> None:
    assert absolute_url(href, base) == expected
