"""Canonical posting URLs: the same posting must have one URL whatever link led to it."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import tldextract

from scrapers.normalise.countries import country_from_code

# The public-suffix list shipped with tldextract, never fetched.
DOMAINS = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

# Parameters that say how a visitor arrived, not which posting it is.
_TRACKING = re.compile(
    r"^(utm_\w+|gh_src|gh_jid_src|lever-source(\[\])?|lever-origin|ref|referrer|source|src|"
    r"trk|trkinfo|fbclid|gclid|msclkid|mc_cid|mc_eid|_hs\w*|hsa_\w+|igshid|yclid)$",
    re.IGNORECASE,
)


# The fragment that tells apart postings sharing one page (posting_url): the only fragment a
# canonical URL keeps, since it names a posting, not a place on the page.
POSTING_FRAGMENT = re.compile(r"^job-[a-z0-9][a-z0-9-]*$")


def canonical_url(url: str) -> str:
    """``url`` without fragment and tracking parameters; scheme and host lower-cased. A posting
    fragment (:func:`posting_url`) is kept."""
    parts = urlsplit(url.strip())
    fragment = parts.fragment if POSTING_FRAGMENT.match(parts.fragment) else ""
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), fragment)
    )


def slug(text: str) -> str:
    """Lower-case ASCII letters and digits joined by "-" ("Senior Engineer (Rust)" →
    "senior-engineer-rust"), at most 60 characters."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")[:60].rstrip("-")


def posting_url(page_url: str, key: str) -> str:
    """The URL of one of several postings a page holds: the page's URL with ``#job-<key>``."""
    return canonical_url(f"{page_url.split('#')[0]}#job-{slug(key) or 'posting'}")


def site_of(url: str | None) -> str:
    """The registrable domain a URL is on (careers.acme.co.uk -> acme.co.uk), else its host."""
    host = (urlsplit(url or "").hostname or "").rstrip(".")
    parts = DOMAINS(host)
    return parts.top_domain_under_public_suffix or host


# Country-code domains sold to anyone (lever.co, ashbyhq.io, .ai, .me, .tv): no country.
_VANITY_DOMAINS = frozenset({"io", "co", "ai", "me", "tv", "ly", "gg", "fm", "am", "to", "sh"})


def country_of_site(url: str | None) -> str | None:
    """The country a site's domain names (reed.co.uk -> GB, seek.com.au -> AU, stepstone.de ->
    DE); None for a generic or vanity domain (.com, .io, .co)."""
    host = (urlsplit(url or "").hostname or "").rstrip(".")
    parts = DOMAINS(host)
    label = parts.suffix.rsplit(".", 1)[-1].upper()
    if len(label) != 2 or label.lower() in _VANITY_DOMAINS:
        # A global board's country site: jp.indeed.com, uk.indeed.com.
        label = parts.subdomain.rsplit(".", 1)[-1].upper() if parts.subdomain else ""
        if len(label) != 2 or not label.isalpha():
            return None
    return country_from_code(label)
