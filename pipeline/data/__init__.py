"""Tables of words (labels, months, zones, people words) kept as data, not code."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """Read one JSON table shipped in this package."""
    with resources.files(__package__).joinpath(name).open(encoding="utf-8") as f:
        return json.load(f)
