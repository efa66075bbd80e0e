"""Canonical posting URLs: the same posting must have one URL whatever link led to it."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that say how a visitor arrived, not which posting it is.
_TRACKING = re.compile(
    r"^(utm_\w+|gh_src|gh_jid_src|lever-source(\[\])?|lever-origin|ref|referrer|source|src|"
    r"trk|trkinfo|fbclid|gclid|msclkid|mc_cid|mc_eid|_hs\w*|hsa_\w+|igshid|yclid)$",
    re.IGNORECASE,
)


def canonical_url(url: str) -> str:
    """``url`` without fragment and tracking parameters; scheme and host lower-cased."""
    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), "")
    )
