"""When a posting's detail must be fetched again (no Scrapy import).

A board's list tells what it knows of each posting: an ``updated_at``, a sitemap ``lastmod``, or
just the fields it shows (title, place, team). That is the posting's *change marker*: a detail
request carries it, and a later night serves the detail from the cache while the list shows the
same marker (``scrapers.detail_cache``). A changed marker means a fresh fetch.

Fields the list shows relative to today ("Posted 3 Days Ago", "2d") change every night without
the posting changing, so they are left out of markers (with the date normaliser's vocabulary of
ages, ``scrapers.normalise.dates.without_relative_ages``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from scrapers.normalise.dates import without_relative_ages

# Request.meta key: the change marker of a detail request ("" = the list gives none; the cache
# then asks the server with If-None-Match / If-Modified-Since instead).
MARKER_META = "jobsieve_marker"

# Never part of a marker: when the crawl ran says nothing about the posting, and `truncated`
# (filled by a pipeline, never by a list) came into the item after markers were first stored:
# left out, the markers of the detail cache stay what they were.
_ALWAYS_IGNORED = frozenset({"crawled_at", "truncated"})


def change_marker(fields: Mapping[str, Any], *, ignore: Iterable[str] = ()) -> str:
    """A short digest of what a list shows of one posting, minus ``ignore`` and crawled_at."""
    skip = _ALWAYS_IGNORED | set(ignore)
    shown = {key: value for key, value in fields.items() if key not in skip}
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def card_marker(text: str) -> str:
    """The marker of a listing card from its visible text (title, company, place, pay)."""
    return change_marker({"card": without_relative_ages(text)})


def revisit_due(key: str, stored: str, night: str, revisit_days: int) -> bool:
    """Whether a cached detail stored on night ``stored`` is too old to serve on ``night``.

    Lists miss some edits (a body changed while its list entry stayed the same), so no cached
    detail is served for ever: each is fetched again within ``revisit_days`` nights (0 = never).
    Each key gets its own age between half and all of ``revisit_days``, so the postings first
    fetched on one night are not all fetched again together on one later night.
    """
    if revisit_days <= 0:
        return False
    age = (date.fromisoformat(night) - date.fromisoformat(stored)).days
    spread = int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    limit = max(1, round(revisit_days * (0.5 + 0.5 * spread)))
    return age >= limit
