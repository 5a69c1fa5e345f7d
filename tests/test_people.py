"""People: names, honorifics, positions and affiliations from speaker lines (pipeline.normalize.people).

Inputs are speaker lines as they appear in real announcements, after the reader has removed the
field label ('Speaker:'). Affiliations are compared as the joined text ('A, B') because the
contract keeps them "as written": splitting 'IISER, Pune' into one or two strings is not the point.
"""

from __future__ import annotations

import pytest

from pipeline.models import Person
from pipeline.normalize.people import (
    looks_like_name,
    name_list,
    parse_people,
    parse_person,
    position_of,
    split_honorific,
)


def aff(p: Person) -> str:
    return ", ".join(p.affiliations)


def summary(p: Person) -> tuple[str, str | None, str | None, str]:
    return p.name, p.honorific, p.position, aff(p)


# ---------------------------------------------------------------- one speaker line -> one person

PERSON_CASES = [
    pytest.param(
        "**Erik Thiede**, Research Fellow, Flatiron Institute, University of Chicago", ["Erik Thiede"],
        ("Erik Thiede", None, "Research Fellow", "Flatiron Institute, University of Chicago"),
        id="bold-name-position-two-institutions"),
    pytest.param(
        "Erik Henning Thiede, Research Fellow, Flatiron Institute, University of Chicago", None,
        ("Erik Henning Thiede", None, "Research Fellow", "Flatiron Institute, University of Chicago"),
        id="three-part-name-without-bold"),
    pytest.param("Dr. Jane Doe (MIT)", None, ("Jane Doe", "Dr.", None, "MIT"), id="honorific-and-parenthesised-aff"),
    pytest.param("Prof. Rama Mishra, IISER, Pune", None, ("Rama Mishra", "Prof.", None, "IISER, Pune"),
                 id="prof-institute-city"),
    pytest.param("Prof. Dr. Hans Müller, Universität Göttingen", None,
                 ("Hans Müller", "Prof. Dr.", None, "Universität Göttingen"), id="stacked-german-honorifics"),
    pytest.param("Professor Jane Doe, Imperial College London", None,
                 ("Jane Doe", "Professor", None, "Imperial College London"), id="professor-as-honorific"),
    pytest.param("Michael Dirnberger (mtd@mpi-inf.mpg.de)", None, ("Michael Dirnberger", None, None, ""),
                 id="email-in-parentheses-dropped"),
    pytest.param("Michael Dirnberger (mailto:mtd@mpi-inf.mpg.de)", None, ("Michael Dirnberger", None, None, ""),
                 id="mailto-in-parentheses-dropped"),
    pytest.param(
        "Luisa Lucie-Smith, PhD Student, Department of Physics and Astronomy, University college London", None,
        ("Luisa Lucie-Smith", None, "PhD Student", "Department of Physics and Astronomy, University college London"),
        id="and-inside-affiliation"),
    pytest.param(
        "**Jakub Tomczak**, Assistant Professor inside Computational Intelligence Group at Vrije Universiteit "
        "Amsterdam, former AMLAB member", ["Jakub Tomczak"],
        ("Jakub Tomczak", None, "Assistant Professor",
         "Computational Intelligence Group at Vrije Universiteit Amsterdam"),
        id="position-inside-group-former-member-dropped"),
    pytest.param(
        "**Alexander Tkatchenko**, Professor of Physics, University of Luxembourg", ["Alexander Tkatchenko"],
        ("Alexander Tkatchenko", None, "Professor of Physics", "University of Luxembourg"),
        id="professor-of-discipline"),
    pytest.param(
        "Mark Meyer, Assistant Professor of Statistics, Georgetown University", None,
        ("Mark Meyer", None, "Assistant Professor of Statistics", "Georgetown University"),
        id="assistant-professor-of-discipline"),
    pytest.param(
        "**Jan-Willem van de Meent**, Associate Professor (UHD), AMLab, University of Amsterdam",
        ["Jan-Willem van de Meent"],
        ("Jan-Willem van de Meent", None, "Associate Professor (UHD)", "AMLab, University of Amsterdam"),
        id="position-with-parenthesised-rank-and-particles"),
    pytest.param(
        "**Saer Samanipour**, Assistant Professor at the University of Amsterdam and honorary research fellow "
        "at the UQ, Australia", ["Saer Samanipour"],
        ("Saer Samanipour", None, "Assistant Professor", "University of Amsterdam, UQ, Australia"),
        id="two-roles-joined-by-and"),
    pytest.param(
        "Benjamin Miller, PhD Student, AMLab and GRAPPA in the AI4Science initiative", None,
        ("Benjamin Miller", None, "PhD Student", "AMLab and GRAPPA in the AI4Science initiative"),
        id="and-between-two-labs-is-one-affiliation"),
    pytest.param("Atılım Güneş Baydin, University of Oxford", None,
                 ("Atılım Güneş Baydin", None, None, "University of Oxford"), id="unicode-turkish-name"),
    pytest.param("Gábor Csányi (University of Cambridge)", None,
                 ("Gábor Csányi", None, None, "University of Cambridge"), id="unicode-hungarian-name"),
    pytest.param("Tomáš Petříček, MFF UK", None, ("Tomáš Petříček", None, None, "MFF UK"), id="unicode-czech-name"),
    pytest.param("Gabriel Vivó-Truyols, Principal Scientist, Tecnometrix", None,
                 ("Gabriel Vivó-Truyols", None, "Principal Scientist", "Tecnometrix"), id="hyphenated-accented-name"),
    pytest.param("Jane Doe from MIT", None, ("Jane Doe", None, None, "MIT"), id="name-from-institution"),
    pytest.param(
        "Chi-Fang (Anthony) Chen (UC Berkeley)", None, ("Chi-Fang (Anthony) Chen", None, None, "UC Berkeley"),
        id="nickname-in-parentheses"),
    pytest.param(
        "Michael Dirnberger <mtd@mpi-inf.mpg.de>", None, ("Michael Dirnberger", None, None, ""),
        id="email-in-angle-brackets"),
    pytest.param(
        "Chris Rackauckas, Applied Mathematics Instructor, Massachusetts Institute of Technology", None,
        ("Chris Rackauckas", None, "Applied Mathematics Instructor", "Massachusetts Institute of Technology"),
        id="discipline-before-position-word"),
]


@pytest.mark.parametrize(("text", "bold", "expected"), PERSON_CASES)
def test_parse_person(text: str, bold: list[str] | None, expected: tuple) -> None:
    p = parse_person(text, bold)
    assert p is not None
    assert summary(p) == expected
    assert "@" not in p.name and all("@" not in a for a in p.affiliations)


def test_email_domain_is_not_an_affiliation() -> None:
    p = parse_person("Michael Dirnberger (mtd@mpi-inf.mpg.de)")
    assert p is not None
    assert p.affiliations == []
    assert not any("mpi" in a.lower() for a in p.affiliations)


def test_former_affiliation_is_not_current() -> None:
    p = parse_person("Jakub Tomczak, Assistant Professor inside Computational Intelligence Group at Vrije "
                     "Universiteit Amsterdam, former AMLAB member")
    assert p is not None
    assert p.position == "Assistant Professor"
    assert p.affiliations and not any("former" in a.lower() or "AMLAB" in a for a in p.affiliations)


@pytest.mark.parametrize("text", ["TBA", "To be announced.", "", "   ", "**TBA**"])
def test_placeholder_speaker_is_nobody(text: str) -> None:
    assert parse_person(text) is None
    assert parse_people(text) == []


# ---------------------------------------------------------------- one line -> several people

PEOPLE_CASES = [
    pytest.param("Jane Doe and John Smith", [("Jane Doe", None, None, ""), ("John Smith", None, None, "")],
                 id="and"),
    pytest.param("Dr. Jane Doe and Prof. John Smith",
                 [("Jane Doe", "Dr.", None, ""), ("John Smith", "Prof.", None, "")], id="and-with-honorifics"),
    pytest.param("Jane Doe, MIT; John Smith, Harvard",
                 [("Jane Doe", None, None, "MIT"), ("John Smith", None, None, "Harvard")], id="semicolon"),
    pytest.param(
        "Luisa Lucie-Smith, PhD Student, Department of Physics and Astronomy, University college London",
        [("Luisa Lucie-Smith", None, "PhD Student", "Department of Physics and Astronomy, University college London")],
        id="and-inside-affiliation-is-one-person"),
    pytest.param(
        "Benjamin Miller, PhD Student, AMLab and GRAPPA in the AI4Science initiative",
        [("Benjamin Miller", None, "PhD Student", "AMLab and GRAPPA in the AI4Science initiative")],
        id="and-between-labs-is-one-person"),
    pytest.param(
        "Jane Doe (MIT) and John Smith (Harvard)",
        [("Jane Doe", None, None, "MIT"), ("John Smith", None, None, "Harvard")],
        id="two-people-each-with-parenthesised-affiliation"),
    pytest.param(
        "Speaker TBA", [], id="speaker-tba-is-nobody"),
]


@pytest.mark.parametrize(("text", "expected"), PEOPLE_CASES)
def test_parse_people(text: str, expected: list[tuple]) -> None:
    assert [summary(p) for p in parse_people(text)] == expected


def test_bold_name_decides_where_the_name_ends() -> None:
    [p] = parse_people("**Tristan Bereau**, Assistant professor, Computational Soft Matter, HIMS & IvI, UvA",
                       ["Tristan Bereau"])
    assert p.name == "Tristan Bereau"
    assert p.position == "Assistant professor"
    assert aff(p) == "Computational Soft Matter, HIMS & IvI, UvA"


# ---------------------------------------------------------------- pieces

@pytest.mark.parametrize(("text", "expected"), [
    ("Dr. Jane Doe", ("Jane Doe", "Dr.")),
    ("Dr Jane Doe", ("Jane Doe", "Dr")),
    ("Prof. Rama Mishra", ("Rama Mishra", "Prof.")),
    ("Prof. Dr. Hans Müller", ("Hans Müller", "Prof. Dr.")),
    ("Jane Doe", ("Jane Doe", None)),
    ("Dr.", ("Dr.", None)),  # nothing after the honorific: not split
    ("Drew Barrymore", ("Drew Barrymore", None)),  # 'Dr' is only a prefix of the word
])
def test_split_honorific(text: str, expected: tuple[str, str | None]) -> None:
    assert split_honorific(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Jane Doe", True),
    ("Erik Henning Thiede", True),
    ("Atılım Güneş Baydin", True),
    ("Gábor Csányi", True),
    ("Jan-Willem van de Meent", True),
    ("Valeria de Paiva", True),
    ("Seán O'Brien", True),
    ("Bastiaan J. Braams", True),
    ("the next talk will be", False),
    ("Room 101", False),
    ("jane@x.org", False),
    ("Jane Doe (MIT)", False),
    ("Date: 15-09-2020", False),
    ("", False),
])
def test_looks_like_name(text: str, expected: bool) -> None:
    assert looks_like_name(text) is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Assistant Professor inside X Group at Y University", ("Assistant Professor", "X Group at Y University")),
    ("Professor of Physics", ("Professor of Physics", "")),
    ("Associate Professor (UHD)", ("Associate Professor (UHD)", "")),
    ("Assistant Professor of Computer Science at the University of Iowa",
     ("Assistant Professor", "University of Iowa")),
    ("PhD Student", ("PhD Student", "")),
    ("University of Chicago", (None, "University of Chicago")),
    pytest.param("Professor Smith", (None, "Professor Smith")),
])
def test_position_of(text: str, expected: tuple[str | None, str]) -> None:
    assert position_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Shigenobu Ogata & Satoshi Hamaguchi Ext:7913", ["Shigenobu Ogata", "Satoshi Hamaguchi"]),
    ("Jane Doe, John Smith and Ana Lopez", ["Jane Doe", "John Smith", "Ana Lopez"]),
    ("Prof. Jane Doe (jane@x.org)", ["Jane Doe"]),
    ("Dr. Jane Doe, Prof. John Smith", ["Jane Doe", "John Smith"]),
    ("Jean-Pierre Serre et Jacques Tits", ["Jean-Pierre Serre", "Jacques Tits"]),
    ("Harley Eades", ["Harley Eades"]),
    ("the organizing committee", []),
])
def test_name_list(text: str, expected: list[str]) -> None:
    assert name_list(text) == expected
