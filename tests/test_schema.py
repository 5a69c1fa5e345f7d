"""The committed JSON schemas are generated from the pydantic models and must not drift."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO, run_ingest

from pipeline.models import SourceStatus, Talk
from pipeline.schema import SCHEMAS, render_schemas


def test_committed_schemas_match_models() -> None:
    rendered = render_schemas()
    assert set(rendered) == {"talk.schema.json", "source.schema.json"}
    stale = [name for name, text in rendered.items()
             if not (REPO / "schemas" / name).exists()
             or (REPO / "schemas" / name).read_text("utf-8") != text]
    assert not stale, f"schemas/{', schemas/'.join(stale)} out of date with pipeline/models.py: " \
                      f"run `ingest schema --out schemas` and commit the result"


def test_schema_command_writes_both_files(tmp_path: Path, capsys) -> None:
    out = tmp_path / "nested" / "schemas"
    assert run_ingest("schema", "--out", out) == 0
    written = sorted(p.name for p in out.iterdir())
    assert written == ["source.schema.json", "talk.schema.json"]
    for name, text in render_schemas().items():
        assert (out / name).read_text("utf-8") == text
    printed = capsys.readouterr().out
    assert "talk.schema.json" in printed and "source.schema.json" in printed


def test_schemas_are_deterministic_json_of_the_models() -> None:
    first, second = render_schemas(), render_schemas()
    assert first == second
    for name, model in SCHEMAS.items():
        data = json.loads(first[name])
        assert data == json.loads(json.dumps(model.model_json_schema(), sort_keys=True))
        assert first[name].endswith("\n")


def test_schemas_name_the_contract_fields() -> None:
    talk = json.loads(render_schemas()["talk.schema.json"])
    for key in ("id", "title", "speakers", "date", "start", "end", "timezone", "location", "abstract", "bio",
                "references", "links", "series", "hosts", "slides", "sources", "warnings"):
        assert key in talk["properties"], key
    source = json.loads(render_schemas()["source.schema.json"])
    for key in ("path", "kind", "sha256", "status", "error", "talk_ids", "warnings"):
        assert key in source["properties"], key
    assert Talk.model_fields.keys() == talk["properties"].keys()
    assert SourceStatus.model_fields.keys() == source["properties"].keys()
