"""The hostile corpus (tests/hostile.py) file by file through `process_source`, in this process.

Every file must end quickly as a one-line, readable error, as `empty`, or, for the good
announcements among them (legacy encodings, odd file names), as the talk it announces.
Each run is timed: the bound below is only a safety net, the files take a second or two.
"""

from __future__ import annotations

import atexit
import io
import json
import os
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pptx")

import hostile  # noqa: E402
from hostile import (  # noqa: E402
    CP1252_TITLE,
    FRENCH_TITLE,
    JAPANESE_TITLE,
    SECRET_MARK,
    _raw_zip,
    announcement,
    deck_bytes,
    million_ops_pdf,
    write_big_text,
    write_hostile_corpus,
)

from pipeline.ingest import process_source  # noqa: E402
from pipeline.readers import MAX_TEXT_CHARS, ReaderError, read  # noqa: E402
from pipeline.readers.markdown import split_front_matter  # noqa: E402
from pipeline.sniff import sniff  # noqa: E402

BOUND = 20.0  # seconds: a safety assertion only


# written once when the module is collected (about a second): the parametrization needs the names
_DIR = tempfile.TemporaryDirectory(prefix="hostile-")
atexit.register(_DIR.cleanup)
ROOT = Path(_DIR.name) / "raw"
EXPECTED = write_hostile_corpus(ROOT, big=False)


@pytest.fixture(scope="module")
def corpus() -> tuple[Path, dict[str, str]]:
    return ROOT, EXPECTED


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("big")
    write_big_text(root)
    return root


def _run(root: Path, name: str):
    start = time.perf_counter()
    result = process_source(root, root / name)
    elapsed = time.perf_counter() - start
    return result, elapsed


def _check(result, outcome: str) -> None:
    s = result.status
    want, _, words = outcome.partition(":")
    assert s.status == want, (s.status, s.error, s.warnings)
    if want == "error":
        assert words.lower() in s.error.lower(), s.error
    if want == "ok":
        assert any(words in (t.title or "") for t in result.talks), [t.title for t in result.talks]
    if s.error is not None:
        assert "\n" not in s.error and len(s.error) <= 300
        assert "Traceback" not in s.error and "internal error" not in s.error
        assert "Error:" not in s.error  # no Python exception class names
    for w in s.warnings:
        assert "\n" not in w and "Traceback" not in w
    dump = json.dumps([t.model_dump(mode="json") for t in result.talks], ensure_ascii=False)
    assert SECRET_MARK not in dump  # nothing from a file outside the folder
    assert SECRET_MARK not in (s.error or "") and not any(SECRET_MARK in w for w in s.warnings)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(corpus, name: str) -> None:
    root, expected = corpus
    result, elapsed = _run(root, name)
    _check(result, expected[name])
    assert elapsed < BOUND, f"{name} took {elapsed:.1f} s"


def test_fifty_megabyte_text_is_refused_at_once(big) -> None:
    result, elapsed = _run(big, "big.txt")
    _check(result, "error:not read")
    assert "50 MB" in result.status.error and "2 MB" in result.status.error
    assert elapsed < 2


def test_nothing_was_executed(corpus) -> None:
    root, _ = corpus
    process_source(root, root / "yaml-python.md")
    assert not (root / "PWNED").exists() and not Path("PWNED").exists() and not (root.parent / "PWNED").exists()


# --------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("name, title, speaker_bit", [
    ("latin1.txt", FRENCH_TITLE, "Éloïse"),
    ("cp1252.txt", CP1252_TITLE, "O’Neil"),
    ("shift-jis.txt", JAPANESE_TITLE, "山田"),
])
def test_legacy_encodings_give_the_right_text(corpus, name: str, title: str, speaker_bit: str) -> None:
    root, _ = corpus
    result, _ = _run(root, name)
    [talk] = result.talks
    assert talk.title == title
    assert any("not UTF-8" in w for w in result.status.warnings)
    data = (root / name).read_bytes()
    text = "\n".join(b.text for b in read(data, sniff(data)).blocks)
    assert title in text and speaker_bit in text and "\ufffd" not in text


def test_stray_nuls_are_dropped_but_binary_stays_binary() -> None:
    text = announcement("Null Bytes").encode()
    sprinkled = b"\x00".join(text[i:i + 30] for i in range(0, len(text), 30))
    assert sniff(sprinkled) == "text"
    assert "\x00" not in "".join(b.text for b in read(sprinkled, "text").blocks)
    assert sniff(b"\x00\x01\x02\x03" * 300) == "binary"
    assert sniff(b"\x00" * 10 + b"x") == "binary"
    assert sniff(b"T\x00i\x00t\x00l\x00e\x00:\x00 \x00x\x00" * 20) == "binary"  # UTF-16 without BOM: not guessed


# --------------------------------------------------------------------------- YAML

def test_front_matter_aliases_within_budget_still_load() -> None:
    fm, body, warning = split_front_matter("---\nbase: &b {room: 101}\nvenue: *b\ntitle: T\n---\nbody\n")
    assert fm == {"base": {"room": 101}, "venue": {"room": 101}, "title": "T"} and warning is None


@pytest.mark.parametrize("front, words", [
    ('x: !!python/object/apply:os.system ["touch PWNED"]', "the tag !!python/object/apply:os.system is not plain data"),
    ("a: &a [1, *a]", "contains itself"),
    ("a: &a [" + ", ".join(["x"] * 1000) + "]\n" + "\n".join(f"b{i}: [*a, *a]" for i in range(8)), "expands to over"),
    ("a: &a [x]\n" + "\n".join(f"b{i}: *a" for i in range(17)), "more than 16 YAML aliases"),
    ("title: " + "[" * 3000 + "]" * 3000, "nested too deeply"),
], ids=["python-tag", "recursive", "expansion", "alias-count", "deep"])
def test_unsafe_front_matter_is_ignored_with_one_line(front: str, words: str) -> None:
    start = time.perf_counter()
    fm, body, warning = split_front_matter(f"---\n{front}\n---\nThe body.\n")
    assert time.perf_counter() - start < 5
    assert fm == {} and body == "The body.\n"
    assert warning and words in warning and "\n" not in warning


# --------------------------------------------------------------------------- HTML

@pytest.mark.parametrize("markup", [
    "<b>" * 5000 + "Deep bold" + "</b>" * 5000,
    "<div>" * 5000 + "Deep bold" + "</div>" * 5000,
    "<table><tr><td>" * 2000 + "Deep bold" + "</td></tr></table>" * 2000,
])
def test_text_nested_deeper_than_any_page_is_still_read(markup: str) -> None:
    doc = read(f"<!DOCTYPE html><html><body>{markup}</body></html>".encode(), "html")
    assert "Deep bold" in " ".join(b.text for b in doc.blocks)


def test_chrome_around_main_content_is_kept_and_nested_chrome_is_linear() -> None:
    page = ('<!DOCTYPE html><html><body><div class="sidebar">' * 3000 + "<main><p>Main text</p></main>"
            + "</div>" * 3000 + '<div class="cookie-banner">Accept cookies</div></body></html>')
    start = time.perf_counter()
    doc = read(page.encode(), "html")
    assert time.perf_counter() - start < 5
    text = " ".join(b.text for b in doc.blocks)
    assert "Main text" in text and "cookies" not in text


def test_too_many_elements_and_too_much_text_are_refused() -> None:
    with pytest.raises(ReaderError, match="HTML elements"):
        read(("<!DOCTYPE html><html><body>" + "<i>x</i>" * 100_001).encode(), "html")
    with pytest.raises(ReaderError, match=f"over {MAX_TEXT_CHARS:,} characters"):
        read(("word " * (MAX_TEXT_CHARS // 5 + 10)).encode(), "text")


def test_microdata_and_json_ld_nest_only_so_deep() -> None:
    scope = '<div itemscope itemtype="https://schema.org/Event" itemprop="subEvent"><span itemprop="name">E</span>'
    page = f"<!DOCTYPE html><html><body>{scope * 3000}{'</div>' * 3000}</body></html>"
    doc = read(page.encode(), "html")
    [event] = doc.meta["events"]
    assert event["name"] == "E"
    page = ('<!DOCTYPE html><html><head><script type="application/ld+json">' + "[" * 5000 + "]" * 5000
            + '</script><script type="application/ld+json">{"@type": "Event", "name": "Kept"}</script>'
            + "</head><body><p>x</p></body></html>")
    assert [e["name"] for e in read(page.encode(), "html").meta["events"]] == ["Kept"]


# --------------------------------------------------------------------------- ZIP and PowerPoint

def test_overlapping_zip_entries_are_refused() -> None:
    deck = deck_bytes()
    with zipfile.ZipFile(io.BytesIO(deck)) as z:
        parts = [(i.filename, z.read(i)) for i in z.infolist()]
    import zlib

    members = [(n, zlib.compress(b, 9)[2:-4], zlib.crc32(b), len(b), 8) for n, b in parts]
    central = [(m[0], i, m[2], len(m[1]), m[3]) for i, m in enumerate(members)]
    central.append(("ppt/media/again.xml", 0, members[0][2], len(members[0][1]), members[0][3]))
    with pytest.raises(ReaderError, match="overlap"):
        read(_raw_zip(members, central), "pptx")
    assert read(_raw_zip(members, central[:-1]), "pptx").meta["slides"]  # the same deck, honest, reads


def test_a_real_deck_passes_the_zip_checks() -> None:
    doc = read(deck_bytes("Checked Deck"), "pptx")
    assert doc.blocks[0].text == "Checked Deck"


# --------------------------------------------------------------------------- PDF

def test_million_drawing_operations_keep_the_text_and_stay_fast() -> None:
    start = time.perf_counter()
    doc = read(million_ops_pdf(), "pdf")
    assert time.perf_counter() - start < 10
    assert doc.blocks[0].text == hostile.MILLION_OPS_TITLE
    assert any("drawing operations" in w for w in doc.warnings)


def test_a_page_with_some_drawing_is_read_untouched() -> None:
    doc = read(million_ops_pdf(2000), "pdf")
    assert doc.blocks[0].text == hostile.MILLION_OPS_TITLE and not doc.warnings


def test_pdf_stream_bomb_is_refused_without_inflating_it() -> None:
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ReaderError, match="decompression bomb"):
        read(hostile._pdf_stream_bomb(), "pdf")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 600 * 1024  # KB: well under 1 GB


def test_pdfminer_zlib_is_restored_after_reading() -> None:
    import zlib

    from pdfminer import pdftypes

    read(million_ops_pdf(10), "pdf")
    assert pdftypes.zlib is zlib


def test_no_pwned_file_anywhere() -> None:
    assert not os.path.exists("PWNED")
