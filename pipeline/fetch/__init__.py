"""`ingest fetch`: download seminar pages politely and safely into a RAW folder, one sidecar per page.

Library use: `fetch_urls(urls, into, options=FetchOptions(...)) -> FetchReport`.
"""

from pipeline.fetch.crawl import fetch_urls
from pipeline.fetch.errors import FetchError
from pipeline.fetch.options import USER_AGENT, FetchOptions
from pipeline.fetch.report import FetchOutcome, FetchReport
from pipeline.fetch.sidecar import SUFFIX as SIDECAR_SUFFIX

__all__ = ["SIDECAR_SUFFIX", "USER_AGENT", "FetchError", "FetchOptions", "FetchOutcome", "FetchReport",
           "fetch_urls"]
