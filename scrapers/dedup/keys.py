"""Strong keys: the posting a URL points at, whichever board shows it (no Scrapy import).

Two postings sharing a strong key are the same job whatever their text says. Which sources are
applicant-tracking systems, and how a posting URL on each names its posting, each source's spider
declares (``scrapers.registry``); this module only reads a posting's URLs with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scrapers.registry import posting_key as ats_key

__all__ = ["ats_key", "strong_keys"]


def strong_keys(posting: Mapping[str, Any]) -> frozenset[str]:
    """The strong keys of every URL a posting names: its own, the original's, the apply link's."""
    urls = (posting.get("url"), posting.get("original_url"), posting.get("apply_url"))
    return frozenset(key for key in map(ats_key, urls) if key)
