"""Greenhouse Job Board API → raw item fields. Pure: call it on the bytes of a response.

API: ``GET https://boards-api.greenhouse.io/v1/boards/{token}/jobs?content=true`` returns every
job of a board at once (no paging) as ``{"jobs": [...], "meta": {"total": N}}``; ``content`` is the
body's HTML entity-escaped once.
"""

from __future__ import annotations

import html
import re
from typing import Any

from scrapers.extractors.base import Extracted, SourceFormatError
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


def board_jobs_url(token: str) -> str:
    return f"{API}/v1/boards/{token}/jobs?content=true"


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


def parse_board_jobs(body: bytes | str, *, crawled_at: str) -> Extracted:
    """All jobs of one board response, as raw item fields, in the order the API lists them.

    A response that is not a board raises SourceFormatError; one bad job is skipped, with why.
    """
    data = load_json(body)
    if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
        raise SourceFormatError("no 'jobs' list in the response")
    extracted = Extracted()
    for job in data["jobs"]:
        try:
            extracted.postings.append(parse_job(job, crawled_at=crawled_at))
        except SourceFormatError as error:
            extracted.skipped.append(str(error))
    return extracted
