"""Strong keys: the ATS posting a URL points at, whichever board shows it (no Scrapy import).

Two postings sharing a strong key are the same job whatever their text says. This module holds
the one table that knows which sources are applicant-tracking systems and how a posting URL on
each names its posting (``ATS_SOURCES``, ``_PATTERNS``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

# Sources that publish the employer's own postings; the others aggregate them.
ATS_SOURCES = frozenset(
    {
        "greenhouse",
        "lever",
        "ashby",
        "workable",
        "smartrecruiters",
        "recruitee",
        "personio",
        "workday",
    }
)

_UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_PATTERNS: list[tuple[str, re.Pattern[str], str]] = [
    ("recruitee.com", re.compile(r"/o/(?P<id>[^/]+)$"), "recruitee:{tenant}:{id}"),
    ("jobs.personio.de", re.compile(r"/job/(?P<id>\d+)$"), "personio:{tenant}:{id}"),
    ("jobs.personio.com", re.compile(r"/job/(?P<id>\d+)$"), "personio:{tenant}:{id}"),
    # (host suffix, path pattern, key template over the named groups); UUIDs are case-blind.
    ("greenhouse.io", re.compile(r"/[^/]+/jobs/(?P<id>\d+)$"), "greenhouse:{id}"),
    ("lever.co", re.compile(rf"/[^/]+/(?P<id>{_UUID})$", re.I), "lever:{id}"),
    ("ashbyhq.com", re.compile(rf"/[^/]+/(?P<id>{_UUID})$", re.I), "ashby:{id}"),
    ("workable.com", re.compile(r"/j/(?P<id>[0-9A-Za-z]+)$"), "workable:{id}"),
    (
        "smartrecruiters.com",
        re.compile(r"/[^/]+/(?P<id>\d{6,})(?:-[^/]*)?$"),
        "smartrecruiters:{id}",
    ),
    (
        "myworkdayjobs.com",
        re.compile(r"/job/(?:.+/)?[^/]*_(?P<id>[A-Za-z0-9-]+)$"),
        "workday:{tenant}:{id}",
    ),
    (
        "welcometothejungle.com",
        re.compile(r"/jobs/[^/]*?_(?P<id>[A-Za-z0-9]+_[A-Za-z0-9]+)$"),
        "wttj:{id}",
    ),
]
# What follows the posting in an apply link: /apply, /application, /apply/.
_APPLY_SUFFIX = re.compile(r"/(apply|application)(/.*)?$", re.I)


def ats_key(url: str | None) -> str | None:
    """The ATS posting a URL points at (``lever:<uuid>``…), whatever tracking or suffix it has."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    query = dict(parse_qsl(parts.query))
    # An employer's own careers page embedding Greenhouse names the job in gh_jid.
    if query.get("gh_jid", "").isdigit():
        return f"greenhouse:{query['gh_jid']}"
    path = _APPLY_SUFFIX.sub("", unquote(parts.path).rstrip("/"))
    for suffix, pattern, template in _PATTERNS:
        if host == suffix or host.endswith("." + suffix):
            match = pattern.search(path)
            if match:
                posting = match["id"].lower() if pattern.flags & re.I else match["id"]
                return template.format(tenant=host.split(".", 1)[0], id=posting)
    return None


def strong_keys(posting: Mapping[str, Any]) -> frozenset[str]:
    """The strong keys of every URL a posting names: its own, the original's, the apply link's."""
    urls = (posting.get("url"), posting.get("original_url"), posting.get("apply_url"))
    return frozenset(key for key in map(ats_key, urls) if key)
