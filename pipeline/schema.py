"""JSON schemas generated from the pydantic models (never edited by hand)."""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.models import SourceStatus, Talk

SCHEMAS = {"talk.schema.json": Talk, "source.schema.json": SourceStatus}


def render_schemas() -> dict[str, str]:
    return {name: json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
            for name, model in SCHEMAS.items()}


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    return written
