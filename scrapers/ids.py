"""Stable identities of postings (no Scrapy import)."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def posting_id(source: str, source_id: str | None, url: str) -> str:
    """``<source>:<source_id>``, or ``<source>:<16 hex of sha1(url)>`` when the source has no id."""
    if source_id and source_id.strip():
        return f"{source}:{source_id.strip()}"
    return f"{source}:{hashlib.sha1(url.encode('utf-8')).hexdigest()[:16]}"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_WORD = re.compile(r"\W+")


def _drop_mark(match: re.Match[str]) -> str:
    return "" if unicodedata.combining(match.group()) else match.group()


def _fold(text: str | None) -> str:
    # Case, accents and spacing differ between boards showing the same job; content does not.
    decomposed = unicodedata.normalize("NFKD", text or "")
    # Only non-ASCII characters can be combining marks: look at those alone (dedup hot path).
    stripped = decomposed if decomposed.isascii() else _NON_ASCII.sub(_drop_mark, decomposed)
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def content_fingerprint(title: str | None, company: str | None, description: str | None) -> str:
    """sha1 over the folded title, company and clean body: equal when the content is equal."""
    payload = "\x1f".join(_fold(part) for part in (title, company, description))
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()
