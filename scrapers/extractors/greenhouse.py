"""Greenhouse Job Board API → raw item fields. Pure: call it on the bytes of a response.

API: ``GET https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`` returns every
job of a board at once (no paging) as ``{"jobs": [...], "meta": {"total": N}}``; ``content`` is the
body's HTML entity-escaped once. Pay ranges are only on the single job,
``GET …/jobs/{id}?pay_transparency=true``: ``pay_input_ranges[{min_cents, max_cents,
currency_type, title, blurb}]``, amounts in cents.
"""

from __future__ import annotations

import html
import re
from typing import Any

from scrapers.extractors.base import Extracted, SourceFormatError, each_entry
from scrapers.extractors.common import load_json
from scrapers.extractors.common import text as _text
from scrapers.urls import canonical_url

API = "https://boards-api.greenhouse.io"
HOSTED = "https://job-boards.greenhouse.io"
BOARD_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")

# Custom fields employers commonly add in `metadata`, by the item field they feed.
_METADATA_FIELDS = {
    "employment_type_raw": re.compile(r"employment|job type|time type|contract", re.I),
    "seniority_raw": re.compile(r"seniority|career level|experience level|level", re.I),
}


# Greenhouse pay ranges carry no interval field; employers name it in the range's title or blurb.
_PAY_PERIODS = (
    ("hour", re.compile(r"hour|hourly|/hr\b", re.I)),
    ("month", re.compile(r"month", re.I)),
    ("year", re.compile(r"annual|year|yearly|salary|/yr\b", re.I)),
)


def board_jobs_url(token: str) -> str:
    return f"{API}/v1/boards/{token}/jobs?content=true"


def job_detail_url(token: str, job_id: str | int) -> str:
    return f"{API}/v1/boards/{token}/jobs/{job_id}?pay_transparency=true"


def _pay_period(pay_range: dict[str, Any]) -> str | None:
    label = f"{pay_range.get('title') or ''} {pay_range.get('blurb') or ''}"
    return next((period for period, pattern in _PAY_PERIODS if pattern.search(label)), None)


def _cents(value: Any) -> int | float | None:
    try:
        amount = int(value) / 100
    except (TypeError, ValueError):
        return None
    return int(amount) if amount.is_integer() else amount


def pay_fields(pay_ranges: list[dict[str, Any]] | None) -> dict[str, Any]:
    """``salary`` from the first pay range (the posting's own), ``salary_raw`` naming them all."""
    ranges = [r for r in pay_ranges or [] if isinstance(r, dict)]
    if not ranges:
        return {}
    first = ranges[0]
    low, high = _cents(first.get("min_cents")), _cents(first.get("max_cents"))
    currency = _text(first.get("currency_type"))
    raw = "; ".join(
        f"{_text(r.get('title')) or 'Pay'}: {_cents(r.get('min_cents')):,} - "
        f"{_cents(r.get('max_cents')):,} {_text(r.get('currency_type')) or ''}".strip()
        for r in ranges
        if _cents(r.get("min_cents")) is not None and _cents(r.get("max_cents")) is not None
    )
    fields: dict[str, Any] = {"salary_raw": raw or None}
    if low and high and currency and len(currency) == 3:
        fields["salary"] = {
            "min": min(low, high),
            "max": max(low, high),
            "currency": currency.upper(),
            "period": _pay_period(first),
        }
    return fields


def _metadata_value(metadata: list[dict[str, Any]] | None, pattern: re.Pattern[str]) -> str | None:
    for entry in metadata or []:
        if pattern.search(str(entry.get("name") or "")):
            value = entry.get("value")
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value if v)
            if text := _text(value):
                return text
    return None


def _department(job: dict[str, Any]) -> str | None:
    names = [_text(d.get("name")) for d in job.get("departments") or []]
    names = [n for n in names if n and n.lower() != "no department"]
    return " / ".join(names) or None


def parse_job(job: dict[str, Any], *, crawled_at: str) -> dict[str, Any]:
    if not isinstance(job, dict) or "id" not in job or not _text(job.get("title")):
        raise SourceFormatError(f"not a Greenhouse job: {str(job)[:120]}")
    url = canonical_url(job.get("absolute_url") or "")
    content = job.get("content")
    return {
        "url": url,
        "source": "greenhouse",
        "source_id": str(job["id"]),
        "title": _text(job["title"]),
        "company": _text(job.get("company_name")),
        "location_raw": _text((job.get("location") or {}).get("name")),
        "employment_type_raw": _metadata_value(
            job.get("metadata"), _METADATA_FIELDS["employment_type_raw"]
        ),
        "seniority_raw": _metadata_value(job.get("metadata"), _METADATA_FIELDS["seniority_raw"]),
        "date_posted_raw": _text(job.get("first_published") or job.get("updated_at")),
        "department": _department(job),
        "description_html": html.unescape(content) if content else None,
        "apply_url": url,
        "page_language": _text(job.get("language")),
        "crawled_at": crawled_at,
    }


def parse_job_detail(body: bytes | str, *, crawled_at: str) -> dict[str, Any]:
    """One job from the single-job endpoint, with its pay ranges as structured salary."""
    job = load_json(body)
    posting = parse_job(job, crawled_at=crawled_at)
    return posting | pay_fields(job.get("pay_input_ranges"))


def parse_board_jobs(body: bytes | str, *, crawled_at: str) -> Extracted:
    """All jobs of one board response, as raw item fields, in the order the API lists them.

    A response that is not a board raises SourceFormatError; one bad job is skipped, with why.
    """
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise SourceFormatError("no 'jobs' list in the response")
    extracted = Extracted()
    read = each_entry(data["jobs"], lambda job: parse_job(job, crawled_at=crawled_at), extracted)
    for job, posting in read:
        extracted.postings.append(posting)
        if updated := _text(job.get("updated_at")):
            extracted.versions[posting["source_id"]] = updated
    return extracted
