"""Text values (pipeline.normalize.text): decoding, mojibake repair, inline clean-up, reflow, placeholders."""

from __future__ import annotations

import codecs

import pytest

from pipeline.normalize.text import clean_inline, decode_bytes, is_placeholder, reflow, repair

# ---------------------------------------------------------------- decode_bytes


def test_utf8_is_decoded_without_warning() -> None:
    assert decode_bytes("Séminaire – Gábor Csányi".encode()) == ("Séminaire – Gábor Csányi", [])


def test_bom_and_crlf() -> None:
    text, warnings = decode_bytes(codecs.BOM_UTF8 + b"Title: X\r\nAbstract: Y\rEnd")
    assert text == "Title: X\nAbstract: Y\nEnd"
    assert warnings == []


def test_utf16_with_bom() -> None:
    assert decode_bytes("Résumé : à venir".encode("utf-16")) == ("Résumé : à venir", [])


def test_declared_charset_is_used() -> None:
    assert decode_bytes("Résumé".encode("latin-1"), "iso-8859-1") == ("Résumé", [])


@pytest.mark.parametrize("declared", ["ascii", "bogus-charset"])
def test_wrong_declared_charset_is_reported_and_bytes_still_read(declared: str) -> None:
    text, warnings = decode_bytes("Gábor Csányi".encode(), declared)
    assert text == "Gábor Csányi"
    assert len(warnings) == 1 and declared in warnings[0]


def test_long_cp1252_text_is_detected_with_a_warning() -> None:
    src = ("Séminaire du laboratoire\nTitre : Apprentissage automatique et chimie quantique\n"
           "Résumé : Nous présentons une méthode générale pour les systèmes à plusieurs corps. "
           "Le séminaire aura lieu à 14h00 en salle 101.\n")
    text, warnings = decode_bytes(src.encode("cp1252"))
    assert text == src
    assert warnings and "not UTF-8" in warnings[0]


@pytest.mark.parametrize("src", [
    pytest.param("Séminaire du 12 mars à 14h\nOrateur : Jean-François Côté\nTitre : Problèmes inverses\n",
                 id="seminaire-cp775"),
    pytest.param("Orateur : Jérôme Darbon (Brown University)\nTitre : À venir\nLieu : salle 314\n",
                 id="orateur-shift-jis"),
])
def test_short_cp1252_french_announcement(src: str) -> None:
    text, _ = decode_bytes(src.encode("cp1252"))
    assert text == src


# ---------------------------------------------------------------- repair


@pytest.mark.parametrize(("broken", "fixed"), [
    ("Watch Back â€º", "Watch Back ›"),
    ("CafÃ© scientifique â€“ GÃ¡bor CsÃ¡nyi", "Café scientifique – Gábor Csányi"),
    ("Frank NoÃ©, Freie UniversitÃ¤t Berlin", "Frank Noé, Freie Universität Berlin"),
])
def test_repair_mojibake(broken: str, fixed: str) -> None:
    assert repair(broken) == fixed


@pytest.mark.parametrize("good", ["Gábor Csányi", "Atılım Güneş Baydin", "Watch Back ›", "line one\nline two",
                                  "“Machine learning” – ‘quotes’ stay curly"])
def test_repair_leaves_good_text_alone(good: str) -> None:
    assert repair(good) == good


def test_repair_composes_to_nfc() -> None:
    assert repair("e\u0301cole") == "\u00e9cole"


# ---------------------------------------------------------------- clean_inline


@pytest.mark.parametrize(("raw", "clean"), [
    ("  **Erik  Thiede**\u00a0 ", "Erik Thiede"),
    ("*Permutation-Equivariant* neural networks", "Permutation-Equivariant neural networks"),
    ("`code` and *emphasis*", "code and emphasis"),
    ("2*3*4 = 24", "2*3*4 = 24"),
    ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
    ("line one\nline two", "line one line two"),
])
def test_clean_inline(raw: str, clean: str) -> None:
    assert clean_inline(raw) == clean


@pytest.mark.parametrize("empty", [None, "", "   ", "\u200b", "****"])
def test_clean_inline_empty_is_none(empty: str | None) -> None:
    assert clean_inline(empty) is None


# ---------------------------------------------------------------- reflow


def test_reflow_joins_hard_wrapped_lines_and_keeps_paragraphs() -> None:
    src = ("Interpretability enriches what can be gleaned from a good predictive\n"
           "model. Techniques that learn-to-explain have arisen because they\n"
           "require only a single evaluation of a model.\n"
           "\n"
           "In the second part of my talk, I will discuss our work on\n"
           "representation learning.")
    assert reflow(src) == ("Interpretability enriches what can be gleaned from a good predictive model. "
                           "Techniques that learn-to-explain have arisen because they require only a single "
                           "evaluation of a model.\n\n"
                           "In the second part of my talk, I will discuss our work on representation learning.")


@pytest.mark.parametrize(("src", "expected"), [
    ("We study the de-\ntail of the model.", "We study the detail of the model."),
    ("neural networks for con-\nstructing generative models", "neural networks for constructing generative models"),
])
def test_reflow_joins_word_hyphenated_at_line_end(src: str, expected: str) -> None:
    assert reflow(src) == expected


@pytest.mark.parametrize(("src", "expected"), [
    pytest.param("learning on non-\nEuclidean domains", "learning on non-Euclidean domains", id="non-Euclidean"),
    pytest.param("enzyme kinetics (including COVID-\n19)", "enzyme kinetics (including COVID-19)", id="COVID-19"),
])
def test_reflow_keeps_compound_hyphen_before_capital_or_digit(src: str, expected: str) -> None:
    assert reflow(src) == expected


def test_reflow_keeps_hyphen_of_self_compound() -> None:
    assert reflow("We use self-\nsupervised learning") == "We use self-supervised learning"


def test_reflow_long_line_ending_a_sentence_is_a_paragraph() -> None:
    first = "Our architecture is able to achieve results comparable to other competing architectures using " \
            "considerably less domain knowledge."
    assert len(first) > 110
    assert reflow(first + "\nThe talk is based on joint work.") == first + "\n\nThe talk is based on joint work."


@pytest.mark.parametrize("src", ["", "\n\n\n", "  \n \n"])
def test_reflow_of_nothing_is_empty(src: str) -> None:
    assert reflow(src) == ""


def test_reflow_blank_line_with_spaces_separates_paragraphs() -> None:
    assert reflow("Para one.\n   \nPara two.") == "Para one.\n\nPara two."


# ---------------------------------------------------------------- placeholders


@pytest.mark.parametrize("value", ["TBA", "TBA.", "tba", "TBD", "T.B.A.", "To be announced.", "To Be Confirmed",
                                   "À venir", "A venir", "coming soon!", "N/A", "--", "?"])
def test_placeholder(value: str) -> None:
    assert is_placeholder(value)


@pytest.mark.parametrize("value", [None, "", "Tbilisi", "TBA: Quantum chemistry", "Nonlinear dynamics",
                                   "Abstract: to be announced later in the week, please check back"])
def test_not_placeholder(value: str | None) -> None:
    assert not is_placeholder(value)
