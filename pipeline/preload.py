"""Warm-up for the worker processes' forkserver: every worker forked from it starts warm.

A fresh process spends over a second on first use of the city gazetteer, the given-name
list and the format libraries; done once here, before the forks, it costs each worker
nothing (the pages are shared copy-on-write).
"""

from __future__ import annotations

import contextlib

import pipeline.ingest  # noqa: F401  (the whole pipeline)
from pipeline.normalize.people import known_given_name
from pipeline.normalize.zones import find_city_zone

for _reader in ("html", "markdown", "mddeck", "slides", "text", "pdf", "pptx"):
    with contextlib.suppress(ImportError):  # the PDF and PowerPoint libraries are optional
        __import__(f"pipeline.readers.{_reader}")
find_city_zone("Berlin")
known_given_name("Ada")
