"""The command line end to end: output files, determinism, the --check gate, bad inputs."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import SEED_RAW, read_jsonl, run_ingest, sources_by_path

from pipeline import dataset
from pipeline.models import SourceStatus, Talk

# ---------------------------------------------------------------- output files


def test_writes_valid_talks_and_sources(seed_raw: Path, seed_out: Path) -> None:
    talk_lines = (seed_out / "talks.jsonl").read_text("utf-8").splitlines()
    talks = [Talk.model_validate_json(ln) for ln in talk_lines]
    assert len(talks) >= 5
    ids = [t.id for t in talks]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    assert all(t.sources for t in talks)

    sources = [SourceStatus.model_validate_json(ln)
               for ln in (seed_out / "sources.jsonl").read_text("utf-8").splitlines()]
    files = sorted(p.name for p in seed_raw.iterdir())
    assert [s.path for s in sources] == files
    for s in sources:
        assert s.sha256 == hashlib.sha256((seed_raw / s.path).read_bytes()).hexdigest()
        assert s.status == "ok" and s.error is None and s.talk_ids
        assert s.kind in {"jekyll", "markdown", "text", "slide-dump"}
    # every talk id named by a source exists, and every talk names its source
    assert {i for s in sources for i in s.talk_ids} == set(ids)
    by_path = {s.path: s for s in sources}
    for t in talks:
        for ref in t.sources:
            assert t.id in by_path[ref.path].talk_ids
            assert ref.sha256 == by_path[ref.path].sha256 and ref.kind == by_path[ref.path].kind


def test_output_round_trips_through_dataset_api(seed_out: Path) -> None:
    talks, sources = dataset.load_talks(seed_out), dataset.load_sources(seed_out)
    assert dataset.render(talks, sources) == {
        "talks.jsonl": (seed_out / "talks.jsonl").read_bytes(),
        "sources.jsonl": (seed_out / "sources.jsonl").read_bytes(),
    }


def test_lines_are_utf8_json_without_escapes(seed_out: Path) -> None:
    raw = (seed_out / "talks.jsonl").read_bytes()
    raw.decode("utf-8")
    assert raw.endswith(b"\n") and b"\r" not in raw
    assert "Noé".encode() in raw  # ensure_ascii=False: names stay readable


def test_paths_are_relative_and_slash_separated(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    (raw / "2020" / "autumn").mkdir(parents=True)
    shutil.copy(SEED_RAW / "004_f7d7f3569c2cea98.txt", raw / "2020" / "autumn" / "talk.txt")
    out = tmp_path / "out"
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    assert list(sources_by_path(out)) == ["2020/autumn/talk.txt"]
    [talk] = read_jsonl(out / "talks.jsonl")
    assert talk["sources"][0]["path"] == "2020/autumn/talk.txt"


def test_hidden_and_backup_files_are_skipped(seed_raw: Path, tmp_path: Path) -> None:
    (seed_raw / ".DS_Store").write_bytes(b"\x00\x01junk")
    (seed_raw / ".git").mkdir()
    (seed_raw / ".git" / "config").write_text("[core]\n")
    (seed_raw / "004_f7d7f3569c2cea98.txt~").write_text("old")
    out = tmp_path / "out"
    assert run_ingest(seed_raw, "--out", out, "--quiet") == 0
    assert len(sources_by_path(out)) == 5


def test_output_files_are_readable_by_others(seed_raw: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        out = tmp_path / "out"
        assert run_ingest(seed_raw, "--out", out, "--quiet") == 0
    finally:
        os.umask(old)
    for name in ("talks.jsonl", "sources.jsonl"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o644
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_output_folder_inside_raw_is_not_read_back(seed_raw: Path) -> None:
    out = seed_raw / "normalized"
    assert run_ingest(seed_raw, "--out", out, "--quiet") == 0
    first = {n: (out / n).read_bytes() for n in ("talks.jsonl", "sources.jsonl")}
    assert run_ingest(seed_raw, "--out", out, "--quiet") == 0
    assert {n: (out / n).read_bytes() for n in first} == first
    assert not any(p.startswith("normalized/") for p in sources_by_path(out))
    assert run_ingest("--check", seed_raw, "--out", out, "--quiet") == 0


def test_summary_and_json_summary(seed_raw: Path, tmp_path: Path, capsys) -> None:
    assert run_ingest(seed_raw, "--out", tmp_path / "a") == 0
    err = capsys.readouterr().err
    assert "5 sources" in err and "wrote" in err
    assert run_ingest(seed_raw, "--out", tmp_path / "b", "--json-summary") == 0
    import json

    summary = json.loads(capsys.readouterr().out)
    assert summary["sources"] == 5 and summary["by_status"] == {"ok": 5}


def test_raw_must_be_a_folder(tmp_path: Path, capsys) -> None:
    assert run_ingest(tmp_path / "missing", "--out", tmp_path / "out") == 2
    assert "not a folder" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_help_mentions_check(capsys) -> None:
    with pytest.raises(SystemExit) as e:
        run_ingest("--help")
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "--check" in out and "--out" in out and "ingest schema" in out


# ---------------------------------------------------------------- determinism


def _outputs(out: Path) -> dict[str, bytes]:
    return {n: (out / n).read_bytes() for n in ("talks.jsonl", "sources.jsonl")}


def test_two_runs_are_byte_identical(seed_raw: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "elsewhere" / "b"
    assert run_ingest(seed_raw, "--out", a, "--quiet") == 0
    assert run_ingest(seed_raw, "--out", b, "--quiet") == 0
    assert _outputs(a) == _outputs(b)
    # touching every file's mtime changes nothing
    for i, p in enumerate(sorted(seed_raw.iterdir())):
        os.utime(p, (1_000_000_000 + i * 7919, 2_000_000_000 - i * 104729))
    assert run_ingest(seed_raw, "--out", a, "--quiet") == 0
    assert _outputs(a) == _outputs(b)


def test_same_files_copied_in_another_order_give_same_output(seed_raw: Path, tmp_path: Path) -> None:
    other = tmp_path / "other-raw"
    other.mkdir()
    for p in sorted(seed_raw.iterdir(), reverse=True):
        shutil.copyfile(p, other / p.name)
    a, b = tmp_path / "a", tmp_path / "b"
    assert run_ingest(seed_raw, "--out", a, "--quiet") == 0
    assert run_ingest(other, "--out", b, "--quiet") == 0
    assert _outputs(a) == _outputs(b)


def test_talk_ids_do_not_depend_on_file_names(seed_raw: Path, tmp_path: Path) -> None:
    a = tmp_path / "a"
    assert run_ingest(seed_raw, "--out", a, "--quiet") == 0
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for i, p in enumerate(sorted(seed_raw.iterdir())):
        shutil.copyfile(p, renamed / f"z{9 - i}.dat")
    b = tmp_path / "b"
    assert run_ingest(renamed, "--out", b, "--quiet") == 0
    # talks with a date and speakers or title are identified by their content
    ids_a = {t["id"] for t in read_jsonl(a / "talks.jsonl") if t["date"]}
    ids_b = {t["id"] for t in read_jsonl(b / "talks.jsonl") if t["date"]}
    assert ids_a and ids_a == ids_b


def test_entry_point_subprocess(seed_raw: Path, tmp_path: Path) -> None:
    exe = shutil.which("ingest") or str(Path(sys.executable).parent / "ingest")
    assert Path(exe).exists(), "the `ingest` console script is not installed (pip install -e .)"
    a = tmp_path / "sub"
    # different hash seeds: set iteration order must never reach the output
    env1, env2 = dict(os.environ, PYTHONHASHSEED="1"), dict(os.environ, PYTHONHASHSEED="2")
    r = subprocess.run([exe, str(seed_raw), "--out", str(a), "--quiet"], capture_output=True, text=True,
                       timeout=120, env=env1)
    assert r.returncode == 0, r.stderr
    b = tmp_path / "inproc"
    assert run_ingest(seed_raw, "--out", b, "--quiet") == 0
    assert _outputs(a) == _outputs(b)
    r = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "--check" in r.stdout
    r = subprocess.run([exe, "--check", str(seed_raw), "--out", str(a)], capture_output=True, text=True,
                       timeout=120, env=env2)
    assert r.returncode == 0, r.stderr


# ---------------------------------------------------------------- --check


def test_check_passes_when_current(seed_raw: Path, seed_out: Path, capsys) -> None:
    before = _outputs(seed_out)
    assert run_ingest("--check", seed_raw, "--out", seed_out) == 0
    assert "current" in capsys.readouterr().err
    assert _outputs(seed_out) == before


def test_check_fails_on_edited_talk_line(seed_raw: Path, seed_out: Path, capsys) -> None:
    talks = seed_out / "talks.jsonl"
    lines = talks.read_text("utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace('"title": "', '"title": "EDITED ', 1)
    talks.write_text("".join(lines), "utf-8")
    edited = talks.read_bytes()
    assert run_ingest("--check", seed_raw, "--out", seed_out) == 1
    err = capsys.readouterr().err
    assert "talks.jsonl" in err and "line 2" in err
    assert "sources.jsonl" not in err
    assert f"ingest {seed_raw} --out {seed_out}" in err and "commit" in err
    assert talks.read_bytes() == edited  # --check writes nothing


def test_check_fails_on_missing_output(seed_raw: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "never-written"
    assert run_ingest("--check", seed_raw, "--out", out) == 1
    err = capsys.readouterr().err
    assert "missing" in err and "commit" in err
    assert not out.exists()


def test_check_fails_on_new_raw_file(seed_raw: Path, seed_out: Path, capsys) -> None:
    shutil.copyfile(seed_raw / "004_f7d7f3569c2cea98.txt", seed_raw / "005_copy.txt")
    assert run_ingest("--check", seed_raw, "--out", seed_out) == 1
    assert "sources.jsonl" in capsys.readouterr().err


def test_check_fails_on_failing_source(seed_raw: Path, tmp_path: Path, capsys) -> None:
    (seed_raw / "flyer.txt").write_bytes(b"%PDF-1.4\n\x00\x01 garbage that is not a PDF body")
    out = tmp_path / "out"
    assert run_ingest(seed_raw, "--out", out, "--quiet") == 0  # a failing source never stops a run
    capsys.readouterr()
    assert run_ingest("--check", seed_raw, "--out", out) == 1
    err = capsys.readouterr().err
    assert "flyer.txt" in err and "damaged PDF" in err
    assert "ingest" in err and "commit" in err


# ---------------------------------------------------------------- bad inputs end to end


def _corrupt_pptx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("ppt/presentation.xml", "<p:presentation/>" * 200)
    data = buf.getvalue()
    return data[: len(data) // 2]  # truncated: central directory gone


@pytest.fixture
def bad_raw(seed_raw: Path, tmp_path: Path) -> Path:
    (seed_raw / "empty.md").write_bytes(b"")
    (seed_raw / "blank.txt").write_bytes(b"  \n\n\t\n")
    (seed_raw / "junk.md").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(5000)))
    (seed_raw / "flyer.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\ngarbage")
    (seed_raw / "deck.pptx").write_bytes(_corrupt_pptx())
    (seed_raw / "notzip.pptx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (seed_raw / "old.ppt").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    secret = tmp_path / "secret.txt"
    secret.write_text("Title: Secret talk outside the input folder\nSpeaker: Eve\nDate: 1 May 2020\n")
    (seed_raw / "outside.txt").symlink_to(secret)
    (seed_raw / "dangling.txt").symlink_to(tmp_path / "does-not-exist.txt")
    (seed_raw / "loop-a.txt").symlink_to(seed_raw / "loop-b.txt")
    (seed_raw / "loop-b.txt").symlink_to(seed_raw / "loop-a.txt")
    os.symlink(tmp_path, seed_raw / "dir-link")  # a directory link: never entered
    shutil.copyfile(SEED_RAW / "004_f7d7f3569c2cea98.txt", seed_raw / "-dash Séminaire ünï 2025 [draft].txt")
    return seed_raw


def test_bad_inputs_are_reported_and_the_run_goes_on(bad_raw: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert run_ingest(bad_raw, "--out", out, "--quiet") == 0
    err = capsys.readouterr().err
    src = sources_by_path(out)
    for s in src.values():
        SourceStatus.model_validate(s)
        if s["status"] == "error":
            assert s["error"] and "\n" not in s["error"] and len(s["error"]) <= 300
            assert "internal error" not in s["error"]
            assert s["path"] in err  # also on stderr
        else:
            assert s["error"] is None

    assert src["empty.md"]["status"] == "empty"
    assert src["blank.txt"]["status"] == "empty"
    assert src["junk.md"]["status"] == "error" and src["junk.md"]["kind"] == "binary"
    assert src["flyer.pdf"]["status"] == "error"
    assert src["flyer.pdf"]["error"].startswith("damaged PDF: ")
    assert src["deck.pptx"]["status"] == "error" and "damaged" in src["deck.pptx"]["error"]
    assert src["notzip.pptx"]["status"] == "error"
    assert src["old.ppt"]["status"] == "error" and ".pptx" in src["old.ppt"]["error"]
    assert src["outside.txt"]["status"] == "error" and "outside" in src["outside.txt"]["error"]
    assert src["dangling.txt"]["status"] == "error" and "not exist" in src["dangling.txt"]["error"]
    assert src["loop-a.txt"]["status"] == "error" and "loop" in src["loop-a.txt"]["error"]
    assert not any(p.startswith("dir-link") for p in src)

    odd = src["-dash Séminaire ünï 2025 [draft].txt"]
    assert odd["status"] == "ok" and odd["talk_ids"]

    talks = read_jsonl(out / "talks.jsonl")
    assert not any("Secret" in (t["title"] or "") for t in talks)
    seeds = [p.name for p in SEED_RAW.glob("[!.]*")]
    assert all(src[name]["status"] == "ok" for name in seeds)
    assert {p for t in talks for s in t["sources"] for p in [s["path"]]} >= set(seeds)


def test_bad_inputs_do_not_change_the_good_talks(bad_raw: Path, seed_out: Path, tmp_path: Path) -> None:
    out = tmp_path / "out-bad"
    assert run_ingest(bad_raw, "--out", out, "--quiet") == 0
    good = {t["id"]: t for t in read_jsonl(seed_out / "talks.jsonl")}
    mixed = {t["id"]: t for t in read_jsonl(out / "talks.jsonl")}
    for tid, t in good.items():
        assert tid in mixed
        assert {k: v for k, v in mixed[tid].items() if k != "sources"} == \
               {k: v for k, v in t.items() if k != "sources"}


def test_markup_like_file_names_do_not_break_messages(tmp_path: Path, capsys) -> None:
    raw = tmp_path / "raw"
    (raw / "[").mkdir(parents=True)
    (raw / "[" / "bold] [red]x.pdf").write_bytes(b"%PDF-1.7 broken")  # shown as "[/bold] [red]x.pdf"
    out = tmp_path / "out"
    assert run_ingest(raw, "--out", out) == 0
    assert "[/bold] [red]x.pdf" in capsys.readouterr().err
    assert run_ingest("--check", raw, "--out", out) == 1
    assert "FAIL [/bold] [red]x.pdf: damaged PDF" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_not_read(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    os.mkfifo(raw / "pipe.txt")  # reading it would block forever
    shutil.copyfile(SEED_RAW / "004_f7d7f3569c2cea98.txt", raw / "talk.txt")
    out = tmp_path / "out"
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    src = sources_by_path(out)
    assert src["pipe.txt"]["status"] == "error" and "regular file" in src["pipe.txt"]["error"]
    assert src["talk.txt"]["status"] == "ok"


def test_email_date_header_is_not_the_talk_date(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "announcement.txt").write_bytes(
        b"From: Seminar Secretary <sec@math.example.edu>\n"
        b"To: seminar@math.example.edu\n"
        b"Subject: Seminar: \"Sparse recovery in high dimensions\"\n"
        b"Date: Mon, 24 Nov 2025 09:00:00 +0100\n"
        b"Content-Type: text/plain; charset=iso-8859-1\n"
        b"Content-Transfer-Encoding: quoted-printable\n\n"
        b"Speaker: Jane Doe (Universit=E9 de Gen=E8ve)\n\n"
        b"Abstract: We study sparse recovery.\n")
    out = tmp_path / "out"
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    assert sources_by_path(out)["announcement.txt"]["kind"] == "email"
    [talk] = read_jsonl(out / "talks.jsonl")
    assert talk["date"] is None and talk["start"] is None
    assert talk["title"] == "Sparse recovery in high dimensions"
    assert talk["speakers"][0]["name"] == "Jane Doe"
    assert talk["speakers"][0]["affiliations"] == ["Université de Genève"]


def test_output_into_the_raw_folder_itself(seed_raw: Path) -> None:
    assert run_ingest(seed_raw, "--out", seed_raw, "--quiet") == 0
    first = _outputs(seed_raw)
    assert run_ingest(seed_raw, "--out", seed_raw, "--quiet") == 0
    assert _outputs(seed_raw) == first
    assert len(sources_by_path(seed_raw)) == 5


def test_unwritable_output_is_a_clean_error(seed_raw: Path, tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("a file where the output folder should be")
    assert run_ingest(seed_raw, "--out", blocker, "--quiet") == 2
    assert "cannot write" in capsys.readouterr().err
    assert blocker.read_text() == "a file where the output folder should be"


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="needs a file system that allows any bytes")
def test_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    with open(os.path.join(os.fsencode(raw), b"bad\xffname.txt"), "wb") as f:
        f.write((SEED_RAW / "004_f7d7f3569c2cea98.txt").read_bytes())
    out = tmp_path / "out"
    assert run_ingest(raw, "--out", out, "--quiet") == 0
    src = sources_by_path(out)
    assert list(src) == ["bad\\xffname.txt"] and src["bad\\xffname.txt"]["status"] == "ok"
    (out / "sources.jsonl").read_bytes().decode("utf-8")


TWO_VERSIONS = [
    "---\ntitle: Colloquium\n---\n## Next\n#### Title: Learning flows\n\nDate: 10-11-2020 14:00-15:00 CET\n\n"
    "Speaker: **Frank Noe**, Professor, FU Berlin\n",
    "---\ntitle: Colloquium\n---\n## Previous\n#### Title: Learning flows\n\nDate: 10-11-2020 14:00-15:00 CET\n\n"
    "Speaker: **Frank Noe**, Professor, FU Berlin\n\n**Abstract:**\nWe sample many-body systems.\n",
]


def test_same_talk_in_two_sources_shares_talk_key_and_merges_on_request(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i, text in enumerate(TWO_VERSIONS):
        (raw / f"v{i}.md").write_text(text, encoding="utf-8")
    assert run_ingest(raw, "--out", tmp_path / "sep", "--quiet") == 0
    sep = read_jsonl(tmp_path / "sep" / "talks.jsonl")
    assert len(sep) == 2 and sep[0]["talk_key"] == sep[1]["talk_key"] and sep[0]["id"] != sep[1]["id"]
    assert sorted(t["abstract"] is None for t in sep) == [False, True]  # each record says what its source says
    assert run_ingest(raw, "--out", tmp_path / "merged", "--quiet", "--merge-sources") == 0
    (merged,) = read_jsonl(tmp_path / "merged" / "talks.jsonl")
    assert merged["id"] == merged["talk_key"] == sep[0]["talk_key"]
    assert [s["path"] for s in merged["sources"]] == ["v0.md", "v1.md"]
    assert merged["abstract"] == "We sample many-body systems."
    statuses = read_jsonl(tmp_path / "merged" / "sources.jsonl")
    assert all(s["talk_ids"] == [merged["id"]] for s in statuses)
