"""A posting's two identities (no Scrapy import): its id, stable across nights, and its content
fingerprint, which changes when what the posting says changes."""

from __future__ import annotations

import hashlib

from scrapers.dedup.fold import fold


def posting_id(source: str, source_id: str | None, url: str) -> str:
    """``<source>:<source_id>``, or ``<source>:<16 hex of sha1(url)>`` when the source has no id."""
    if source_id and source_id.strip():
        return f"{source}:{source_id.strip()}"
    return f"{source}:{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}"


def content_fingerprint(title: str | None, company: str | None, description: str | None) -> str:
    """sha1 over the folded title, company and clean body: equal when the content is equal."""
    payload = "\x1f".join(fold(part) for part in (title, company, description))
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()
