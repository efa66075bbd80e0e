"""SmartRecruiters Posting API → raw item fields. Pure: call it on the bytes of a response.

API (public, no key), keyed by the case-sensitive company identifier:

- ``GET https://api.smartrecruiters.com/v1/companies/{company}/postings?limit=100&offset=N``
  → ``{limit, offset, totalFound, content: [...]}``; page until ``offset`` ≥ ``totalFound``.
  List entries carry no body and no public URL.
- ``GET .../postings/{id}`` → the same posting plus ``jobAd.sections`` (``companyDescription``,
  ``jobDescription``, ``qualifications``, ``additionalInformation``, each ``{title, text}`` with
  HTML text), ``postingUrl`` and ``applyUrl``.

Quirk: ``location.country`` is a lower-case ISO-2 code ("de").
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from scrapers.extractors.base import Extracted, SourceFormatError, each_entry
from scrapers.extractors.common import html_to_text, load_json, structured_location
from scrapers.extractors.common import text as _text
from scrapers.urls import canonical_url

API = "https://api.smartrecruiters.com"
HOSTED = "https://jobs.smartrecruiters.com"
PAGE_SIZE = 100  # the API's maximum `limit`
# Identifiers are case-sensitive words such as "BoschGroup" or "SmartRecruiters1".
COMPANY_IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")
# The page shows these sections in this order; the company blurb goes to company_description.
BODY_SECTIONS = ("jobDescription", "qualifications", "additionalInformation")

# Employers add workplace and pay as custom fields (the Posting API has no pay field).
_CUSTOM_FIELDS = {
    "remote_raw": re.compile(
        r"workplace|work\s*place|work\s*arrangement|work\s*model|remote|hybrid|t[ée]l[ée]travail|"
        r"arbeitsmodell|modalidad",
        re.I,
    ),
    "salary_raw": re.compile(
        r"salary|pay\s*range|compensation|gehalt|verg[üu]tung|salaire|r[ée]mun[ée]ration|"
        r"salario|salaris",
        re.I,
    ),
}


@dataclass
class PostingsPage(Extracted):
    """One list page: its postings (no body yet) and where the list stands."""

    offset: int = 0
    limit: int = PAGE_SIZE
    total: int = 0

    @property
    def next_offset(self) -> int | None:
        """The next page's offset, or None when this page is the last."""
        following = self.offset + self.limit
        listed = self.postings or self.skipped
        return following if listed and following < self.total else None


def postings_url(company: str, offset: int = 0) -> str:
    return f"{API}/v1/companies/{company}/postings?limit={PAGE_SIZE}&offset={offset}"


def posting_url(company: str, posting_id: str) -> str:
    return f"{API}/v1/companies/{company}/postings/{posting_id}"


def title_slug(title: str) -> str:
    """The title part of a hosted URL: ASCII, lower case, words joined by hyphens."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")


def hosted_url(company: str, posting_id: str, title: str) -> str:
    return f"{HOSTED}/{company}/{posting_id}-{title_slug(title)}"


def _label(value: Any) -> str | None:
    return _text(value.get("label")) if isinstance(value, dict) else None


def _custom_field(posting: dict[str, Any], pattern: re.Pattern[str]) -> str | None:
    for entry in posting.get("customField") or []:
        if not isinstance(entry, dict):
            continue
        value = _text(entry.get("valueLabel"))
        if value and pattern.search(str(entry.get("fieldLabel") or "")):
            return value
    return None


def _location(location: dict[str, Any]) -> str | None:
    # `fullLocation` is what the page shows (unverified field; composed when absent).
    if full := _text(location.get("fullLocation")):
        return full
    country = _text(location.get("country"))
    parts = [
        _text(location.get("city")),
        _text(location.get("region")),
        country and country.upper(),
    ]
    return ", ".join(dict.fromkeys(p for p in parts if p)) or None


def _remote(posting: dict[str, Any]) -> tuple[str | None, str | None]:
    location = posting.get("location") or {}
    custom = _custom_field(posting, _CUSTOM_FIELDS["remote_raw"])
    if location.get("remote") is True:
        return custom or "Remote", "remote"
    # `hybrid` joined `remote` in newer responses (unverified); false says nothing.
    if location.get("hybrid") is True:
        return custom or "Hybrid", "hybrid"
    return custom, None  # remote: false alone does not tell on site from hybrid


def _sections(posting: dict[str, Any]) -> dict[str, dict[str, Any]]:
    sections = (posting.get("jobAd") or {}).get("sections") or {}
    return {k: v for k, v in sections.items() if isinstance(v, dict)}


def _body_html(sections: dict[str, dict[str, Any]]) -> str | None:
    parts = []
    for key in BODY_SECTIONS:
        section = sections.get(key) or {}
        body = section.get("text")
        if isinstance(body, str) and body.strip():
            title = _text(section.get("title"))
            heading = f"<h2>{html.escape(title, quote=False)}</h2>\n" if title else ""
            parts.append(heading + body.strip())
    return "\n".join(parts) or None


def _language(posting: dict[str, Any]) -> str | None:
    code = ((posting.get("language") or {}).get("code") or "")[:2].lower()
    return code if re.fullmatch(r"[a-z]{2}", code) else None


def parse_posting(posting: dict[str, Any], *, crawled_at: str) -> dict[str, Any]:
    """A list entry or a detail as raw item fields (only a detail has the body and URLs)."""
    if (
        not isinstance(posting, dict)
        or not _text(posting.get("id"))
        or not _text(posting.get("name"))
    ):
        raise SourceFormatError(f"not a SmartRecruiters posting: {str(posting)[:120]}")
    posting_id, title = _text(posting["id"]) or "", _text(posting["name"]) or ""
    company = posting.get("company") or {}
    identifier = _text(company.get("identifier")) or ""
    url = canonical_url(posting.get("postingUrl") or hosted_url(identifier, posting_id, title))
    location = posting.get("location") or {}
    place = structured_location(
        location.get("city"), location.get("region"), location.get("country")
    )
    remote_raw, remote = _remote(posting)
    sections = _sections(posting)
    apply_url = _text(posting.get("applyUrl"))
    return {
        "url": url,
        "source": "smartrecruiters",
        "source_id": posting_id,
        "title": title,
        "company": _text(company.get("name")),
        "company_description": html_to_text((sections.get("companyDescription") or {}).get("text")),
        "location_raw": _location(location),
        "remote_raw": remote_raw,
        "employment_type_raw": _label(posting.get("typeOfEmployment")),
        "seniority_raw": _label(posting.get("experienceLevel")),
        "salary_raw": _custom_field(posting, _CUSTOM_FIELDS["salary_raw"]),
        "date_posted_raw": _text(posting.get("releasedDate")),
        "department": _label(posting.get("department")),
        "description_html": _body_html(sections),
        "apply_url": canonical_url(apply_url) if apply_url else url,
        "page_language": _language(posting),
        "crawled_at": crawled_at,
        "locations": [place] if place else [],
        "remote": remote,
    }


def parse_postings_page(body: bytes | str, *, crawled_at: str) -> PostingsPage:
    """One list page, in the API's order; a response that is not one raises SourceFormatError."""
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("content"), list):
        raise SourceFormatError("no 'content' list in the response")
    page = PostingsPage(
        offset=_int(data.get("offset"), 0),
        limit=_int(data.get("limit"), PAGE_SIZE) or PAGE_SIZE,
        total=_int(data.get("totalFound"), 0),
    )
    for _, posting in each_entry(
        data["content"], lambda entry: parse_posting(entry, crawled_at=crawled_at), page
    ):
        page.postings.append(posting)
    return page


def parse_posting_detail(body: bytes | str, *, crawled_at: str) -> Extracted:
    """The detail: one posting with its body, or a skipped entry saying why not."""
    data = load_json(body)
    extracted = Extracted()
    for _, posting in each_entry(
        [data], lambda entry: parse_posting(entry, crawled_at=crawled_at), extracted
    ):
        extracted.postings.append(posting)
    return extracted


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
