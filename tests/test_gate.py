"""The CI gate `ingest --check`: every source parses and yields a talk (or is listed in the
ignore file with a reason), the records validate, and the output folder is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, read_jsonl, run_ingest

from pipeline.ignore import IgnoreFileError, parse_ignore

GOOD = "Title: Graphs and groups\nSpeaker: Ada Lovelace (Analytical Engines Ltd)\nDate: 3 March 2025\n"
NO_TALK = "Our seminar archive moved to the new site. Thanks for visiting!\n"


def _check(raw: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """The gate as CI runs it: the installed command in a fresh process."""
    return subprocess.run([sys.executable, "-m", "pipeline.cli", "--check", str(raw), "--out", str(out), *extra],
                          cwd=REPO, capture_output=True, text=True, timeout=300)


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    raw.mkdir()
    (raw / "talk.txt").write_text(GOOD, "utf-8")
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    return raw, out


def test_passes_when_every_source_parses_and_output_is_current(corpus):
    raw, out = corpus
    r = _check(raw, out)
    assert r.returncode == 0, r.stderr
    assert r.stderr.strip() == f"ok: 1 sources parse and {out} is current"


def test_a_new_source_with_no_talk_fails_and_says_what_to_do(corpus):
    raw, out = corpus
    (raw / "moved.txt").write_text(NO_TALK, "utf-8")
    r = _check(raw, out)
    assert r.returncode == 1
    assert "FAIL moved.txt: no talk found" in r.stderr
    assert f"list it in {raw / '.ingestignore'} as 'PATH  # reason'" in r.stderr
    assert f"run `ingest {raw} --out {out}` and commit the result" in r.stderr
    assert "Traceback" not in r.stderr


def test_an_ignored_source_passes_with_its_reason_shown(corpus):
    raw, out = corpus
    (raw / "moved.txt").write_text(NO_TALK, "utf-8")
    (raw / ".ingestignore").write_text("# sources with no talk\nmoved.txt   # a notice that the archive moved\n",
                                       "utf-8")
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    r = _check(raw, out)
    assert r.returncode == 0, r.stderr
    assert "ignored moved.txt: empty; a notice that the archive moved" in r.stderr


def test_an_unreadable_source_fails_unless_ignored_with_a_reason(corpus, tmp_path):
    raw, out = corpus
    (raw / "scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n")  # a truncated PDF
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    r = _check(raw, out)
    assert r.returncode == 1 and "FAIL scan.pdf: " in r.stderr
    ignore = tmp_path / "gate-ignore"
    ignore.write_text("*.pdf  # scanned flyers: no text layer\n", "utf-8")
    r = _check(raw, out, "--ignore-file", str(ignore))
    assert r.returncode == 0, r.stderr
    assert "ignored scan.pdf: error; scanned flyers: no text layer" in r.stderr


def test_an_ignore_entry_without_a_reason_is_refused(corpus):
    raw, out = corpus
    (raw / ".ingestignore").write_text("moved.txt\n", "utf-8")
    r = _check(raw, out)
    assert r.returncode == 2
    assert "line 1: give the reason after '#'" in r.stderr
    with pytest.raises(IgnoreFileError):
        parse_ignore("a.txt #   \n")


def test_stale_entries_and_sources_that_now_have_talks_are_pointed_out(corpus):
    raw, out = corpus
    (raw / ".ingestignore").write_text("talk.txt  # was empty once\ngone/*.html  # old archive\n", "utf-8")
    r = _check(raw, out)
    assert r.returncode == 0
    assert "note talk.txt: has 1 talk(s) but is listed in the ignore file (line 1); remove the entry" in r.stderr
    assert "note: ignore file line 2 (gone/*.html) matches no source; remove it" in r.stderr


def test_stale_output_fails_with_the_command_to_run(corpus):
    raw, out = corpus
    (raw / "talk2.txt").write_text(GOOD.replace("Graphs", "Rings"), "utf-8")
    r = _check(raw, out)
    assert r.returncode == 1
    assert f"STALE {out / 'talks.jsonl'}: differs from a fresh run" in r.stderr
    assert r.stderr.strip().endswith(f"run `ingest {raw} --out {out}` and commit the result")


def test_a_rerun_after_fixing_one_bad_file_changes_only_its_records(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "normalized"
    raw.mkdir()
    for i in range(5):
        (raw / f"{i}.txt").write_text(GOOD.replace("Graphs", f"Graphs {i}"), "utf-8")
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    talks_before = (out / "talks.jsonl").read_text("utf-8").splitlines()
    sources_before = (out / "sources.jsonl").read_text("utf-8").splitlines()
    (raw / "broken.pdf").unlink()
    (raw / "broken.txt").write_text(GOOD.replace("Graphs", "Fixed"), "utf-8")
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    talks_after = (out / "talks.jsonl").read_text("utf-8").splitlines()
    sources_after = (out / "sources.jsonl").read_text("utf-8").splitlines()
    assert set(talks_before) < set(talks_after)
    added = [t for t in read_jsonl(out / "talks.jsonl") if t["title"] == "Fixed and groups"]
    assert len(talks_after) - len(talks_before) == len(added) == 1
    assert set(sources_before) - set(sources_after) == {ln for ln in sources_before if "broken.pdf" in ln}
    assert [ln for ln in sources_after if ln not in sources_before][0].startswith('{"path": "broken.txt"')


def test_committed_records_that_no_longer_validate_are_reported(corpus):
    raw, out = corpus
    from pipeline.dataset import invalid_lines

    text = (out / "talks.jsonl").read_text("utf-8")
    (out / "talks.jsonl").write_text(text.replace('"date": "2025-03-03"', '"date": "not a date"'), "utf-8")
    problems = invalid_lines(out)
    assert len(problems) == 1 and problems[0].startswith(f"{out / 'talks.jsonl'} line 1: ")
